"""Whether a picture prints sharp on paper (W536): enough of its pixels fall on each inch the book prints it over.

The renderer lays a picture out at one pixel to the CSS pixel, 96 to the inch, whatever resolution its file
claims, and narrows it to the text's width: a chapter's picture of 600 pixels prints 159 mm wide at 96 dpi, one
of 2,000 across the text's 165 mm at 308 dpi. The logo prints 28 mm high on the cover. A print shop wants 150 dpi
at least (300 for a photo); below that the picture prints soft or in blocks, though the screen shows it well.
SVG drawings print sharp at any size and are not looked at.
"""

from __future__ import annotations

import math
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.render import opened_picture

PRINT_DPI = 150  #: the least a print shop accepts for a picture
CSS_DPI = 96  #: the renderer's pixels to the inch, for a picture at its own size
MM_PER_INCH = 25.4
TEXT_WIDTH_MM = 165  #: book.css: an A4 page less its margins of 25 mm and 20 mm, the widest a chapter's picture prints
LOGO_HEIGHT_MM = 28.0  #: book.css: .cover-logo's height


def blurred(path: Path, kind: str, url: str, where: Position) -> Diagnostic | None:
    """W536 for the picture at ``path`` (``kind`` 'image' in a text, or 'logo'), printed under 150 dpi; else None
    (an SVG, or a file that is not a picture: checks.images tells what is wrong with one)."""
    size = _pixels(path)
    if size is None:
        return None
    width, height = size
    if kind == "logo":
        printed_mm, pixels = LOGO_HEIGHT_MM, height
        need = Message("a logo at least {pixels:,} pixels high, or an SVG drawing",
                       pixels=math.ceil(PRINT_DPI * LOGO_HEIGHT_MM / MM_PER_INCH))
    else:
        printed_mm, pixels = min(width * MM_PER_INCH / CSS_DPI, TEXT_WIDTH_MM), width
        need = Message("a picture at least {pixels:,} pixels wide, printed across the page; or an SVG drawing",
                       pixels=math.ceil(PRINT_DPI * TEXT_WIDTH_MM / MM_PER_INCH))
    dpi = round(pixels * MM_PER_INCH / printed_mm)
    if dpi >= PRINT_DPI:
        return None
    what = ("the logo '{url}' prints at {dpi} dpi, blurred on paper: {height:,} pixels over the cover's {mm} mm"
            if kind == "logo" else
            "image '{url}' prints at {dpi} dpi, blurred on paper: {width:,} pixels over {mm} mm")
    return warning(where, "W536", what, Message("print wants {least} dpi or more, 300 for a photo: {need}",
                                                 least=PRINT_DPI, need=need),
                   url=url, dpi=dpi, width=width, height=height, mm=round(printed_mm))


def _pixels(path: Path) -> tuple[int, int] | None:
    """The picture's width and height in pixels, from its header; None for an SVG or what is no picture."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.lstrip()[:1] == b"<":
        return None
    try:
        with opened_picture(data) as picture:
            return picture.size
    except Exception:  # noqa: BLE001 - no picture Pillow reads: checks.images says why, if it matters
        return None
