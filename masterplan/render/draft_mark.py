"""A draft's mark ("DRAF" across every page of the book) drawn as shapes, not as text.

Set as text, its big letters sat in each page's text layer: a reader copying a figure out of
a table, a search, or a tool reading the text by position (pdfplumber, pdftotext) met a stray
"R" or "F" among the page's words ("Smart BranRding"). Here each letter is the outline of its
glyph in the book's bold sans (the theme's ``fonts/NotoSans-Bold.ttf``), laid out as the font
sets it, with the mark's letter spacing, as one SVG path that WeasyPrint draws as vector shapes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from masterplan.render.theme import Theme

FONT = "fonts/NotoSans-Bold.ttf"
SIZE_PT = 110  #: the letters' size, as a font size
SPACING_EM = 0.31  #: between letters, a share of the size (12 mm at 110 pt)
COLOUR, OPACITY = "#c0202b", 0.07  #: the cover's draft red, faint enough to read the page through
PT_MM = 25.4 / 72


def mark(word: str, theme: Theme) -> Markup:
    """The SVG of ``word`` in capitals, as outlines (an empty mark when the theme has no such font)."""
    try:
        font = theme.find(FONT)
    except FileNotFoundError:
        return Markup("")
    return Markup(_outlined(word.upper(), font, font.stat().st_mtime_ns))


@lru_cache(maxsize=4)
def _outlined(word: str, font_path: Path, _version: int) -> str:
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    font = TTFont(font_path, lazy=True)
    glyphs, cmap, metrics = font.getGlyphSet(), font.getBestCmap(), font["hmtx"]
    per_em = font["head"].unitsPerEm
    height = font["OS/2"].sCapHeight or font["hhea"].ascent
    pen = SVGPathPen(glyphs)
    x = 0.0
    for index, character in enumerate(word):
        name = cmap.get(ord(character))
        if name is None:  # a letter the font lacks is left out, as a space's width
            x += per_em / 3
            continue
        if index:
            x += SPACING_EM * per_em
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, height)))  # font units grow upwards, SVG's down
        x += metrics[name][0]
    scale = SIZE_PT * PT_MM / per_em
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="draft-letters" viewBox="0 0 {x:.0f} {height}" '
            f'width="{x * scale:.1f}mm" height="{height * scale:.1f}mm"><path fill="{COLOUR}" fill-opacity="{OPACITY}" '
            f'd="{pen.getCommands()}"/></svg>')
