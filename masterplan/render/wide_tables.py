"""A chapter's table of many columns in the book: set small enough for its figures to stand whole on the page.

Laid out at its natural size, a table of ten years of rupiah amounts runs off the page's edge, its last columns lost;
so a chapter's table of :data:`WIDE_TABLE` columns or more is ``class="wide"``, smaller (book.css), its long words
broken where the column needs it. Its figures are not: "Rp 1.250.000.000" came out "Rp 1.250.0" over "00.000", a
year "202" over "2", "2.450" over ",5". Each figure of its cells (an amount, a share, a decimal, a range of years) is a
``span.figure``, which never breaks, and the table's type is as large as lets every column hold its longest figure (and
a word of text) on the page's 165 mm: 6.5 pt, down to :data:`SMALLEST`. A table whose figures do not fit even so
lets "Rp" stand above its figure (as the book's budget tables do); one too wide for that is turned, on landscape
pages of its own with its caption (``div.turned``, as the program matrices are), and sized likewise to their 265 mm.
One too wide for those has its figures broken, as before, rather than its last columns lost.

The widths are the book's fonts' own (Noto Sans, bold in a heading), measured from their files.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from masterplan.render.html_prose import in_prose, pieces
from masterplan.render.print_markup import without_notes
from masterplan.resources import theme_dir

WIDE_TABLE = 8  #: columns from which a chapter's own table is set small, its long words broken to fit the page
SIZES = (6.5, 6.0, 5.5, 5.0)  #: the type of a wide table, in points: the largest that holds its figures
SMALLEST = SIZES[-1]
TEXT_WIDTH = 165.0  #: mm, a portrait page's text block (book.css: 210 mm less margins of 25 and 20)
TURNED_WIDTH = 265.0  #: mm, a landscape page's (book.css, @page matrix: 297 mm less margins of 16)
PADDING = 1.6  #: mm, a wide table's cell's padding, left and right (book.css: 0.8 mm each)
ROOM = 0.97  #: of the text block the columns' widths are fitted to, for what the measure leaves out
LONGEST_WORD = 8.0  #: em: a word of text longer than this may break within its column rather than shrink the type
_MM = 25.4 / 72  #: mm in a point

_SPACE = r"(?:[ \u00a0]|&nbsp;|&#160;)"
_NUMBER = r"[-+−]?\d(?:[\d.,/]*\d)?"  #: "2031", "1.250.000.000", "2.450,5", "-3", "1/2"
_SHARE = rf"{_NUMBER}(?:{_SPACE}?%)?"  #: "40 %", "12,75%"
_RANGE = rf"{_SHARE}(?:{_SPACE}?[–—-]{_SPACE}?{_SHARE})?"  #: "2023–2025", "10–15 %"
#: a figure as a cell writes it, "Rp" with it or not; one that does not stand in a word ("ISO9001" is a word)
FIGURE = re.compile(rf"(?<![\w.,])(?:Rp\.?{_SPACE}?)?{_RANGE}(?![\w])")
FIGURE_WITHOUT_RP = re.compile(rf"(?<![\w.,]){_RANGE}(?![\w])")

#: a table, with its caption above it (print_book.chapter_text's ``place``) when it has one
_TABLE = re.compile(r'(<p class="caption caption-table"[^>]*>(?:(?!</p>).)*</p>\s*)?<table>(.*?)</table>', re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(t[hd])((?:\s[^>]*)?)>(.*?)</t[hd]>", re.DOTALL)


def widened(html: str) -> str:
    """``html`` (a chapter's, for the book) with its tables of :data:`WIDE_TABLE` columns or more set to fit."""
    return _TABLE.sub(_wide, html) if "<table>" in html else html


def _wide(table: re.Match[str]) -> str:
    caption, body = table.group(1) or "", table.group(2)
    first = _ROW.search(body)
    if first is None or len(_CELL.findall(first.group(1))) < WIDE_TABLE:
        return table.group(0)
    for width, figure in ((TEXT_WIDTH, FIGURE), (TEXT_WIDTH, FIGURE_WITHOUT_RP),
                          (TURNED_WIDTH, FIGURE), (TURNED_WIDTH, FIGURE_WITHOUT_RP)):
        size = next((size for size in SIZES if _width(body, figure, size) <= width * ROOM), None)
        if size is not None:
            set_ = f'{caption}<table class="wide" style="font-size: {size:g}pt">{_kept_whole(body, figure)}</table>'
            return set_ if width == TEXT_WIDTH else f'<div class="turned">{set_}</div>'
    # its figures broken to fit: better than its last columns lost
    return f'<div class="turned">{caption}<table class="wide" style="font-size: {SMALLEST:g}pt">{body}</table></div>'


def _kept_whole(body: str, figure: re.Pattern[str]) -> str:
    """The table's cells with each figure in a ``span.figure`` (their words only: a tag and its attributes stay)."""
    def cell(found: re.Match[str]) -> str:
        words = in_prose(found.group(3), lambda text: figure.sub(r'<span class="figure">\g<0></span>', text))
        return f"<{found.group(1)}{found.group(2)}>{words}</{found.group(1)}>"
    return _CELL.sub(cell, body)


def _width(body: str, figure: re.Pattern[str], size: float) -> float:
    """How wide (mm) the table is at ``size`` points, each column as wide as its widest figure or word."""
    columns: dict[int, float] = {}
    for row in _ROW.finditer(body):
        for number, (tag, attributes, words) in enumerate(_CELL.findall(row.group(1))):
            if "colspan" not in attributes:  # a cell across columns sets none of them
                columns[number] = max(columns.get(number, 0.0), _least(words, figure, bold=tag == "th"))
    return sum(em * size * _MM + PADDING for em in columns.values())


def _least(cell: str, figure: re.Pattern[str], bold: bool) -> float:
    """The least width (em) a cell's words take: its widest figure, whole, or word, up to :data:`LONGEST_WORD`."""
    text = " ".join(unescape(" ".join(text for text, _ in pieces(without_notes(cell)))).split())  # a note: at the foot
    bold = bold or "<strong>" in cell or "<b>" in cell
    figures = [_em(found.group(), bold) for found in figure.finditer(text)]
    words = [min(_em(word, bold), LONGEST_WORD) for word in figure.sub(" ", text).split()]
    return max([*figures, *words], default=0.0)


def _em(text: str, bold: bool) -> float:
    widths = _advances(bold)
    return sum(widths.get(ord(character), widths[None]) for character in text)


@lru_cache(maxsize=2)
def _advances(bold: bool) -> dict[int | None, float]:
    """The advance of each character of the book's sans-serif (em), and ``None``'s: the widest, for one it lacks."""
    from fontTools.ttLib import TTFont
    font = TTFont(theme_dir() / "fonts" / f"NotoSans-{'Bold' if bold else 'Regular'}.ttf", lazy=True)
    scale, metrics = font["head"].unitsPerEm, font["hmtx"].metrics
    widths: dict[int | None, float] = {code: metrics[glyph][0] / scale
                                       for code, glyph in (font.getBestCmap() or {}).items() if code < 0x2100}
    widths[None] = max(widths.values())
    return widths

