"""How much room a row of the program matrix needs to start on a page: a monitored indicator's, a program's first.

An indicator with realised figures must not be split: its "Realisasi" line stood at the top of the next page, under no
indicator's name. ``break-inside: avoid`` on its row would move the whole row, and with a program's first row the
program's own cells (its summary, its budget) too, which may well go on over the page: a program of one indicator then
left a page a third blank. Instead each cell of the row starts with a strut as tall as the indicator's cells (the
18 mm one of book.css, taller): the row starts on a page only where the indicator fits whole, and the program's cells
still go on over the page. The height is an estimate in lines of the matrix's 8 pt text, on the long side.

A program's budget list (its years, and the total) is read as one: split, a page showed 2024 to 2027 and the next
"2028" and the total alone under the repeated head (BRD-02 of the sample). Its last two years and its total go over a
page together (book.css, .budget-end); a list of five lines or fewer, which would leave two or fewer above them, is
kept whole: a program's first row needs its room. A longer list may still go on over the page with three lines at
least on either side (the 18 mm strut holds four and more): kept whole too, it left pages of the sample's Smart Society
a sixth blank, one more page in all.
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
#: characters of a line in the budget list's source column (19 mm at the sources' 7.2 pt; 15 mm beside a long amount)
SOURCE_CHARACTERS = {"": 14, "long": 11, "longer": 11}
TOTAL_RULE = 0.3  #: em above the total's line: its rule and padding (book.css, .budget-line.total)
SHORT_LIST = 5  #: lines of a budget list (its years and total) kept whole


def monitored_height(indicator: Indicator) -> float:
    """The height in em a monitored indicator's row needs on a page: its targets cell (targets, which way is better,
    realised figures each followed by "(tidak tercapai)") or its name in its longest language, the taller."""
    targets = " ".join(f"{year}: {value} ·" for year, value in indicator.targets.items())
    realised = " ".join(f"{year}: {value} {'(tidak tercapai) ' if year in indicator.attainment else ''}·"
                        for year, value in indicator.realised.items())
    cell = _lines(targets, TARGET_CHARACTERS) + bool(indicator.direction) + _lines(f"Realisasi {realised}",
                                                                                   TARGET_CHARACTERS)
    name = _lines(f"{_longest(indicator.name)} ({_longest(indicator.unit)})", NAME_CHARACTERS)
    return (max(cell, name) + SPARE) * LINE


def budget_list_height(sources: list[str], width: str) -> float:
    """The height in em a program's budget list needs to start on a page: a short one's (:data:`SHORT_LIST`) whole, a
    line a year (two where its source's name wraps, or a long amount's "Rp" stands above its figure, width
    ``longer``) and the total's under a rule, half a line spare; 0 for a longer list (the strut is room enough)."""
    if len(sources) + (len(sources) > 1) > SHORT_LIST:
        return 0.0
    lines = sum(_lines(source, SOURCE_CHARACTERS[width]) + (width == "longer") for source in sources)
    total = (1 + TOTAL_RULE / LINE) if len(sources) > 1 else 0
    return (lines + total + 0.5) * LINE


def row_height(indicator: Indicator | None, budget: float = 0.0) -> str:
    """The CSS height (``11.7em``) a row needs on a page to start there: its monitored indicator's
    (:func:`monitored_height`) or its program's budget list's (:func:`budget_list_height`, in em; 0 on a program's
    later rows), the taller; "" where the 18 mm strut every cell has is enough."""
    needed = max(monitored_height(indicator) if indicator is not None and indicator.realised else 0.0, budget)
    return f"{needed:.1f}em" if needed > STRUT else ""


def _lines(text: str, width: int) -> int:
    return max(1, math.ceil(len(text) / width))


def _longest(text: Text | str) -> str:
    """A text in the longest of its languages (``{id: …, en: …}``): the edition may print any of them."""
    return max(text.values.values(), key=len, default=str(text)) if isinstance(text, Text) else str(text)
