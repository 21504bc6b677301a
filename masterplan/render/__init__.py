"""Renderers: the same model as a PDF book, a website and open data."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import TYPE_CHECKING

from masterplan.diagnostics import Message

if TYPE_CHECKING:
    from PIL.Image import Image

#: bytes of a data: URL the PDF renderer reads: the book's charts are images in them (a page of the
#: roadmap is about 30 kB), no content text can write one (see markdown.URL_SCHEMES), and an SVG of
#: the plan may hold small pictures in them (checks.images says which would be refused)
MAX_DATA_URL = 512 * 1024
#: the picture formats the PDF renderer reads (Pillow's readers; JPEG's reads a phone's MPO too): not EPS
#: or PostScript, which Pillow hands to Ghostscript, a program that should never run on a file from content/
PICTURES = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF")
#: pixels of one picture the book prints: WeasyPrint decodes a picture whole, at 4 bytes a pixel or more, whatever
#: its file's size (a PNG of 13,000 x 13,000 pixels in 37 KB took the build 1.46 GB); a full A4 page at 300 dpi
#: is 8.7 million, a drone's or a phone's photo at its largest 48 to 50 (one of 48 took 436 MB), a medium-format
#: camera's 100
MAX_PIXELS = 100_000_000


def too_large(width: int, height: int) -> Message | None:
    """Why a picture of ``width`` by ``height`` pixels is not printed (more than MAX_PIXELS), or None."""
    if width * height <= MAX_PIXELS:
        return None
    return Message("the picture is {width:,} × {height:,} pixels ({megapixels:,} megapixels), more than the {limit:,} "
                   "megapixels the book prints: scale it down (a full A4 page at 300 dpi is 8.7 megapixels)", width=width,
                   height=height, megapixels=-(-width * height // 1_000_000), limit=MAX_PIXELS // 1_000_000)


@contextmanager
def opened_picture(data: bytes) -> Iterator[Image]:
    """``data`` opened by Pillow as the renderer reads pictures (only :data:`PICTURES`), its header read, its pixels
    not; Pillow's own warning of a large picture is left out (:func:`too_large` says it in the plan's words).
    Raises what Pillow raises for no picture, or one it cannot read."""
    from PIL import Image  # imported only for a plan with pictures
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(BytesIO(data), formats=PICTURES) as picture:
            yield picture
