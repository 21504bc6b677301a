"""How much room a monitored indicator's row of the program matrix needs to start on a page.

An indicator with realised figures must not be split: its "Realisasi" line stood at the top of the next page, under no
indicator's name. ``break-inside: avoid`` on its row would move the whole row, and with a program's first row the
program's own cells (its summary, its budget) too, which may well go on over the page: a program of one indicator then
left a page a third blank. Instead each cell of the row starts with a strut as tall as the indicator's cells (the
18 mm one of book.css, taller): the row starts on a page only where the indicator fits whole, and the program's cells
still go on over the page. The height is an estimate in lines of the matrix's 8 pt text, on the long side.
"""

from __future__ import annotations

import math

from masterplan.programs import Indicator
from masterplan.values import Text

LINE = 1.3  #: a line of the matrix's text, in em (table.data's line-height in book.css)
STRUT = 6.4  #: book.css's 18 mm strut of every matrix cell, in em of its 8 pt text: never less
TARGET_CHARACTERS = 20  #: characters of a line in the targets column (29.5 mm less its padding, its years smaller)
NAME_CHARACTERS = 16  #: characters of a line in the indicator column (30.5 mm, with hyphenation's room)
SPARE = 1  #: lines more than counted, for a value or a name that wraps where the count did not expect it


def monitored_row_height(indicator: Indicator) -> str:
    """The CSS height (``11.7em``) a monitored indicator's row needs on a page: its targets cell (targets, which way
    is better, realised figures each followed by "(tidak tercapai)") or its name in its longest language, the taller."""
    targets = " ".join(f"{year}: {value} ·" for year, value in indicator.targets.items())
    realised = " ".join(f"{year}: {value} {'(tidak tercapai) ' if year in indicator.attainment else ''}·"
                        for year, value in indicator.realised.items())
    cell = _lines(targets, TARGET_CHARACTERS) + bool(indicator.direction) + _lines(f"Realisasi {realised}",
                                                                                   TARGET_CHARACTERS)
    name = _lines(f"{_longest(indicator.name)} ({_longest(indicator.unit)})", NAME_CHARACTERS)
    return f"{max((max(cell, name) + SPARE) * LINE, STRUT):.1f}em"


def _lines(text: str, width: int) -> int:
    return max(1, math.ceil(len(text) / width))


def _longest(text: Text | str) -> str:
    """A text in the longest of its languages (``{id: …, en: …}``): the edition may print any of them."""
    return max(text.values.values(), key=len, default=str(text)) if isinstance(text, Text) else str(text)
