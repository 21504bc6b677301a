"""Where long chapters are cut into chunks that are laid out (and cached) separately.

A chapter that lists every program (a pillar's program matrix, the programs by agency,
the index, the quick wins, the roadmap) would otherwise be one part of tens or hundreds
of pages: an edit of one program would lay all of it out again, and one process would
hold all of it in memory. So the print templates start a new page every so many
programs, and :mod:`masterplan.render.pdf_parts` cuts the chapter there.

The cut is part of the book's design, not of the way it is laid out: the page break is
in the print HTML (``data-chunk``, ``break-before: page`` in ``book.css``), so the
single-pass render breaks the page at the same place and the parts stay identical to
it. These chapters are lists of blocks that are never split across pages (a program's
rows, an agency, an index group), whose pages already end short of the bottom where
the next block does not fit; a chunk's last page is one more such page.

The sizes below are the one place to trade the two off: smaller chunks make an edit
cheaper and bound the memory of a part; larger ones leave fewer short pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from masterplan.model import Plan
from masterplan.plan_parts import Agency
from masterplan.programs import Program

T = TypeVar("T")

MATRIX_ROWS = 48  #: indicator rows of a program matrix per chunk (about 5 landscape pages)
QUICK_WIN_ROWS = 24  #: quick wins per chunk (about 4 landscape pages; even, so the rows' stripes run on)
AGENCY_ROWS = 40  #: rows of the agencies × pillars table per chunk (even, as above)
AGENCY_LINES = 240  #: programs listed by agency per chunk (about 4 pages)
INDEX_LINES = 240  #: index entries per chunk (about 4 pages)
FIGURE_PAGES = 1  #: pages of a figure that spans pages (the roadmap) per chunk: its SVG is slow to write


@dataclass
class Numbered:
    """A program with its number in its table (numbers run on across a table's chunks)."""

    number: int
    program: Program


AgencyPrograms = tuple[Agency, list[Program], list[Program]]


SHORT_TAIL = 4  #: a last run lighter than a quarter of the limit joins the run before it


def chunked(items: Sequence[T], weight: Callable[[T], int], limit: int) -> list[list[T]]:
    """``items`` in order, in runs whose weights add up to at most ``limit`` (a heavier
    item makes a run of its own); never an empty run, and one run for no items.

    A short last run would start a page for a few lines after a page that ended short
    (the sample's programs by agency: 239 lines, then 27), so it joins the run before it:
    the last run may weigh up to a quarter more than ``limit``.
    """
    runs: list[list[T]] = [[]]
    total = 0
    for item in items:
        size = max(1, weight(item))
        if runs[-1] and total + size > limit:
            runs.append([])
            total = 0
        runs[-1].append(item)
        total += size
    if len(runs) > 1 and total * SHORT_TAIL < limit:
        tail = runs.pop()
        runs[-1] += tail
    return runs


def program_row_groups(chunk: Sequence[T]) -> list[list[T]]:
    """A chunk of the program matrix as row groups (``<tbody>``), which never split across
    pages: one per program, but the last two share one, so the last never stands alone
    on a page. (A rule between groups would not do: WeasyPrint 68 fails on
    ``break-before: avoid`` before a program taller than a page.)"""
    if len(chunk) < 2:
        return [list(chunk)]
    return [[row] for row in chunk[:-2]] + [list(chunk[-2:])]


def last_rows_apart(chunk: Sequence[T]) -> list[list[T]]:
    """A chunk of a table of rows that do not split (one-line rows, the quick wins) as its
    body and, when it has more than three rows, its last rows as a group of their own that
    does not split, so the table never ends with one row alone on a page. The body keeps an even count (two or three rows
    go last), so the stripes of the rows run on across the two groups."""
    if len(chunk) <= 3:
        return [list(chunk)]
    tail = 2 if len(chunk) % 2 == 0 else 3
    return [list(chunk[:-tail]), list(chunk[-tail:])]


def program_matrix(programs: Sequence[Program]) -> list[list[Numbered]]:
    """A pillar's program matrix, numbered, cut into chunks."""
    numbered = [Numbered(i + 1, p) for i, p in enumerate(programs)]
    return chunked(numbered, lambda n: len(n.program.indicators), MATRIX_ROWS)


def quick_wins(plan: Plan) -> list[list[Numbered]]:
    numbered = [Numbered(i + 1, p) for i, p in enumerate(plan.quick_wins)]
    return chunked(numbered, lambda n: 1, QUICK_WIN_ROWS)


def agency_rows(rows: list[AgencyPrograms]) -> list[list[AgencyPrograms]]:
    """The rows of the agencies × pillars table in chunks."""
    return chunked(rows, lambda row: 1, AGENCY_ROWS)


def by_agency(rows: list[AgencyPrograms]) -> list[list[AgencyPrograms]]:
    """The programs-by-agency list in chunks (an agency's heading and role lines count too)."""
    return chunked(rows, lambda row: 3 + len(row[1]) + len(row[2]), AGENCY_LINES)


def index(rows: list[AgencyPrograms]) -> list[list[AgencyPrograms]]:
    """The index groups (agencies leading programs) in chunks."""
    return chunked([row for row in rows if row[1]], lambda row: 3 + len(row[1]), INDEX_LINES)
