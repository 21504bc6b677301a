"""A draft's mark ("DRAF" across every page of the book) drawn as shapes, not as text.

Set as text, its big letters sat in each page's text layer: a reader copying a figure out of
a table, a search, or a tool reading the text by position (pdfplumber, pdftotext) met a stray
"R" or "F" among the page's words ("Smart BranRding"). Here each letter is the outline of its
glyph in the theme's ``fonts/NotoSans-Bold.ttf`` (the book's bold sans unless a theme restyles
"MP Sans"), set one after another by the glyphs' widths (no kerning: the letters stand apart
anyway), with the mark's letter spacing, as one SVG path that WeasyPrint draws as vector shapes.
A letter the font lacks is left out; a font file that cannot be read gives way to the default
theme's.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from masterplan.render.theme import Theme
from masterplan.resources import theme_dir

FONT = "fonts/NotoSans-Bold.ttf"
SIZE_PT = 110  #: the letters' size, as a font size
SPACING_EM = 0.31  #: between letters, a share of the size (12 mm at 110 pt)
COLOUR, OPACITY = "#c0202b", 0.07  #: the cover's draft red, faint enough to read the page through
PT_MM = 25.4 / 72


def mark(word: str, theme: Theme) -> Markup:
    """The SVG of ``word`` in capitals, as outlines (empty when no font at hand draws any of its letters)."""
    for font in dict.fromkeys([*(folder / FONT for folder in theme.folders), theme_dir() / FONT]):
        try:
            return Markup(_outlined(word.upper(), font, font.stat().st_mtime_ns))
        except Exception:  # noqa: BLE001, S112 - a theme's file fontTools cannot read (missing, a TTC, damaged): the next
            continue
    return Markup("")


@lru_cache(maxsize=4)
def _outlined(word: str, font_path: Path, _version: int) -> str:
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    with TTFont(font_path, lazy=True) as font:
        glyphs, cmap, metrics = font.getGlyphSet(), font.getBestCmap(), font["hmtx"]
        per_em = font["head"].unitsPerEm
        path, bounds = SVGPathPen(glyphs), BoundsPen(glyphs)
        x = 0.0
        for character in word:
            name = cmap.get(ord(character))
            if name is None:
                continue
            if x:
                x += SPACING_EM * per_em
            for pen in (path, bounds):  # font units grow upwards, SVG's downwards
                glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, 0)))
            x += metrics[name][0]
    if bounds.bounds is None:  # no letter drawn
        return ""
    left, top, right, bottom = bounds.bounds  # the whole word: accents, descenders and overshoots within
    scale = SIZE_PT * PT_MM / per_em
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="draft-letters" '
            f'viewBox="{left:.0f} {top:.0f} {right - left:.0f} {bottom - top:.0f}" '
            f'width="{(right - left) * scale:.1f}mm" height="{(bottom - top) * scale:.1f}mm">'
            f'<path fill="{COLOUR}" fill-opacity="{OPACITY}" d="{path.getCommands()}"/></svg>')
