"""Renderers: the same model as a PDF book, a website and open data."""
