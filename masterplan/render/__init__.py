"""Renderers: the same model as a PDF book, a website and open data."""

#: bytes of a data: URL the PDF renderer reads: the book's charts are images in them (a page of the
#: roadmap is about 30 kB), no content text can write one (see markdown.URL_SCHEMES), and an SVG of
#: the plan may hold small pictures in them (checks.images says which would be refused)
MAX_DATA_URL = 512 * 1024
#: the picture formats the PDF renderer reads (Pillow's readers; JPEG's reads a phone's MPO too): not EPS
#: or PostScript, which Pillow hands to Ghostscript, a program that should never run on a file from content/
PICTURES = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF")
