"""masterplan: a city's smart-city master plan, from YAML and Markdown to a PDF book and a website."""

__version__ = "0.1.0"
