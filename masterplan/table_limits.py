"""How large a table of a chapter or a description may be, as the book lays it out, colspan and rowspan counted.

A cell's span costs nothing to write and much to lay out: WeasyPrint gives every table a grid of its widest
row's columns times its rows, and its time grows with that grid, and faster with a row's width. Measured on
a 2-core machine with the book's style (borders collapsed):

- a row of 300 cells of ``colspan="1000"`` (300,000 columns) took the build 448 s and 660 MB;
- 100 rows of one cell of ``colspan="1000"`` (100,000 cells) took 25 s, 1,000 rows of ``colspan="100"`` 33 s;
- a table of 10,000 cells, each written out, takes about 25 s: spans may not make a table cost more than
  writing it would, so what is limited is the cells they add to those written (a grouped header's two spans add
  two; nine tables of 100 programs by 10 years with one are no more costly than without).

The sanitizer already cuts each cell's span to a browser's limits (:data:`SPAN_LIMITS`). Here the sanitized
HTML, which the HTML parser has put in order (every row and cell closed, every value quoted), is measured as
WeasyPrint builds its grid: a cell is placed at the first column of its row that no ``rowspan`` above fills,
a ``rowspan`` ends with its row group. No real table comes near the limits below (the sample has no spans; a
roadmap of 300 programs by 12 months is 3,600 cells); a text past one is not converted, and ``validate`` says
E528 at its table's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from masterplan.diagnostics import Message
from masterplan.markdown_limits import MAX_COLUMNS

#: the most columns and rows one cell may span, as browsers count them (HTML's limits); the sanitizer cuts a larger
#: span down to it (WeasyPrint has none: it laid out colspan="100000000" in more than 5 GB before it was stopped)
SPAN_LIMITS = {"colspan": 1000, "rowspan": 65534}
#: cells the colspans and rowspans of one text's tables may add to the cells written, the grid being columns times
#: rows (10 rows of colspan 1000 added 3 s of work to the sample's build): a text's tables together, so that many
#: small tables are no way round it
MAX_SPANNED_CELLS = 10_000
#: where a text may have a table's cell: only a cell written as HTML may span (a Markdown table's cells do not)
CELL_TAG = re.compile(r"<t[dh]", re.IGNORECASE)
#: the attribute that tells, in the sanitized HTML of a text marked for it, where each table started in the text
MARK = "data-masterplan-table"

#: a tag of a table in sanitized HTML: its values are always quoted, and a quote in one is written &quot;
_TAG = re.compile(r'<(/?)(table|thead|tbody|tfoot|tr|td|th)\b((?:[^>"]|"[^"]*")*)>')
_ATTRIBUTE = re.compile(rf'\s(colspan|rowspan|{MARK})="([^"]*)"')
_HINT = Message("split the table, or give its figures as a file of the plan (assets/…xlsx)")


@dataclass(frozen=True)
class Oversized:
    """A table too large to lay out: its mark (where it started in the text, when marked) and what is wrong."""

    mark: int | None
    message: Message
    hint: Message


@dataclass
class _Table:
    """One table's cells as (colspan, rowspan), row by row, in row groups (thead, tbody, tfoot)."""

    mark: int | None
    groups: list[list[list[tuple[int, int]]]] = field(default_factory=list)

    def add(self, name: str, attributes: dict[str, str]) -> None:
        """A row group, a row or a cell opened in the table."""
        if name in ("thead", "tbody", "tfoot") or not self.groups:
            self.groups.append([])
        if name == "tr" or name in ("td", "th") and not self.groups[-1]:
            self.groups[-1].append([])
        if name in ("td", "th"):
            self.groups[-1][-1].append((_span(attributes, "colspan", 1), _span(attributes, "rowspan", 0)))


@dataclass(frozen=True)
class _Grid:
    """A table's grid as WeasyPrint makes it, or as far as it was measured: ``cells`` is 0 for a table without
    spans (its cells are all written out: what they cost is the text's)."""

    columns: int
    rows: int
    cells: int


def oversized(html: str) -> Oversized | None:
    """The first table of sanitized ``html`` too large to lay out, or None."""
    if "<t" not in html:
        return None
    open_tables: list[_Table] = []
    spanned = 0  #: cells the spans of the text's tables add, so far
    for tag in _TAG.finditer(html):
        closing, name, attributes = tag.group(1), tag.group(2), dict(_ATTRIBUTE.findall(tag.group(3)))
        if name == "table" and not closing:
            mark = attributes.get(MARK, "")
            open_tables.append(_Table(int(mark) if mark.isdigit() and len(mark) < 12 else None))
        elif name == "table" and open_tables:
            table = open_tables.pop()
            grid = _grid(table, MAX_SPANNED_CELLS - spanned)
            spanned += grid.cells
            if grid.columns > MAX_COLUMNS or spanned > MAX_SPANNED_CELLS:
                return _oversized(table, grid, spanned)
        elif not closing and open_tables:  # a cell outside any table is not drawn; the sanitizer closes all it opens
            open_tables[-1].add(name, attributes)
    return None


def _span(attributes: dict[str, str], name: str, least: int) -> int:
    """A cell's colspan or rowspan as WeasyPrint reads it (1 when missing; rowspan 0: to the end of the group)."""
    value = attributes.get(name, "").strip()
    return max(min(int(value), SPAN_LIMITS[name]), least) if value.isdigit() else 1


def _grid(table: _Table, room: int) -> _Grid:
    """Place the cells of ``table`` on its grid as WeasyPrint does, stopping once a row is wider than MAX_COLUMNS
    or the spans of a table add more than ``room`` cells to those written (filling the grid in is what costs)."""
    rows = sum(len(group) for group in table.groups)
    written = sum(len(cells) for group in table.groups for cells in group)
    width = covered = 0
    spans = False
    for group in table.groups:
        below: list[set[int]] = [set() for _ in group]  #: the columns rowspans from above fill, row by row
        for number, cells in enumerate(group):
            column = 0
            for at, (colspan, rowspan) in enumerate(cells):
                while column in below[number]:
                    column += 1
                reach = len(group) - number if rowspan == 0 else min(rowspan, len(group) - number)
                spans = spans or colspan > 1 or reach > 1
                covered += colspan * reach
                column += colspan
                width = max(width, column)
                if width > MAX_COLUMNS:  # the row's whole width, for the message
                    return _Grid(column + sum(span for span, _ in cells[at + 1:]), rows, 0)
                if spans and max(covered, width * rows) - written > room:  # only grows: the grid's rows are all counted
                    return _Grid(width, rows, max(covered, width * rows) - written)
                for filled in below[number + 1:number + reach]:
                    filled.update(range(column - colspan, column))
    return _Grid(width, rows, max(covered, width * rows) - written if spans else 0)


def _oversized(table: _Table, grid: _Grid, spanned: int) -> Oversized:
    """What is wrong with ``table``: a row too wide, or (with the text's tables before it) too many cells."""
    if grid.columns > MAX_COLUMNS:
        return Oversized(table.mark, Message("a table row {columns:,} columns wide (colspan and rowspan counted), "
                                             "more than the {limit:,} a table may have", columns=grid.columns,
                                             limit=MAX_COLUMNS), _HINT)
    if spanned == grid.cells:  # this table alone (more than one row: a row is at most MAX_COLUMNS cells)
        return Oversized(table.mark, Message(
            "a table whose colspan and rowspan add {cells:,} cells to those written ({columns:,} columns by {rows:,} "
            "rows), more than the {limit:,} the book lays out in one text", cells=spanned, columns=grid.columns, rows=grid.rows,
            limit=MAX_SPANNED_CELLS), _HINT)
    return Oversized(table.mark, Message(
        "with this table ({columns:,} × {rows:,} cells), the colspans and rowspans of the text's tables add {cells:,} "
        "cells to those written, more than the {limit:,} the book lays out in one text", columns=grid.columns, rows=grid.rows,
        cells=spanned, limit=MAX_SPANNED_CELLS), _HINT)
