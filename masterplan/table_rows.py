"""The rows of a chapter's Markdown tables, counted as Markdown's tables extension counts their cells.

A row of more cells than its table's header loses the last ones without a word (``| Forum | Tahunan | Bappeda |
Diskominfotik |`` under three heads prints three); a row of fewer gets empty cells at its end, so that a cell left out
in between puts the next under the wrong head; a row of '---' of another count than the header makes no table at all,
its rows printed as text. :func:`misshapen` finds each, for W552 and W521 to tell at its line.

Cells are split as the extension splits them: at each '|' that is not escaped (``\\|``) nor inside a code span, the
border's first and last '|' not counted. A Jinja tag's '|' (``{{ x | join(", ") }}``) is no cell's: what Jinja fills
in is counted in the chapter as filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from masterplan.jinja_tags import ALONE, TAG
from masterplan.markdown_lines import HEADING, ITEM, QUOTES

#: the row of '---' under a table's header: | --- | :---: | (the tables extension wants it on the second line)
RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
#: what holds a '|' that is no cell's: a code span (between double backticks, ``x | y``, or single ones), an escaped
#: '|', a Jinja tag (each read in one pass: ".*?" to an end never written read a 10,000-character row in seconds)
_NOT_A_CELL = re.compile(rf"``(?:[^`]|`(?!`))*``|`[^`]*`|\\.|{TAG.pattern}", re.DOTALL)
#: a rule, or a heading's underline: a line of three or more '-', '*', '_' or '='
_RULE_LINE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)")
#: a footnote's note (``[^1]: Sumber: BPS``) or an abbreviation's meaning (``*[SPBE]: Sistem …``), which right below
#: a table is read as one of its rows
NOTE = re.compile(r"\s*(?:\[\^[^\]\s]+\]|\*\[[^\]]+\]):")
#: a line the extension takes for a code block's: indented four spaces or a tab
_CODE = re.compile(r"(?: {4}|\t)")


class Misshapen(NamedTuple):
    """A table's row of another count of cells than its header: its line (from 1), its count, the header's, and
    whether it is the row of '---' (no table is made then). A line of Jinja's tags alone among the rows (``{% for p
    in plan.programs %}`` above the row it repeats), which Jinja leaves blank and so ends the table, has no cells."""

    line: int
    cells: int
    columns: int
    rule: bool
    header: int  #: the table's header's line (from 1)
    tags_alone: bool = False
    #: whether the header has a '|' at either end, so that each row's first and last '|' are borders, not cells'
    border: bool = True
    #: the row is a footnote's note or an abbreviation's meaning written right below the table, read as one of its rows
    note: bool = False
    #: the header's cells, when the row has a '|' at an end where its header has none (a cell of its own, empty)
    edged: str = ""
    #: the table's header stands right below a line of text: the table is read as that paragraph's lines
    glued: bool = False
    #: a row Jinja made that no line of the chapter writes as it is (its line: the loop's that writes it)
    made: bool = False


def cell_count(row: str, border: bool = True) -> int:
    """How many cells the tables extension makes of ``row``, in a table whose header has a border or not (``| a | b |``
    or ``a | b``: a row's first '|' makes an empty first cell under a header without one)."""
    masked = _NOT_A_CELL.sub(lambda found: "x" * len(found.group()), row.strip())
    if border:
        masked = masked.removeprefix("|").removesuffix("|")
    return masked.count("|") + 1


def _bordered(header: str) -> bool:
    """Whether a table's header starts or ends with its '|'."""
    masked = _NOT_A_CELL.sub(lambda found: "x" * len(found.group()), header.strip())
    return masked.startswith("|") or masked.endswith("|")


def misshapen(text: str, caption: Callable[[str], object]) -> Iterator[Misshapen]:
    """Each row of each table of Markdown ``text`` whose count of cells is not its header's, in order; a table whose
    row of '---' has another count is told at that row alone (its rows are text). ``caption``: whether a line is a
    table's caption, which ends the table it stands right below."""
    written = text.split("\n")
    lines = _in_items([_unquoted(line) for line in written])
    #: the lines that start a list's item with a table: the next item ends that table
    items = {number for number, line in enumerate(written) if line != lines[number] and ITEM.match(line)}
    number = 0
    while number + 1 < len(lines):
        header, rule = lines[number], lines[number + 1]
        if "|" not in header or not RULE.fullmatch(rule) or "|" not in rule or _CODE.match(header):
            number += 1
            continue
        if number and not _may_stand_below(lines[number - 1]):
            above = lines[number - 1]
            if "|" not in above and not caption(above):  # a line of text: the table is read as its paragraph's
                yield Misshapen(number + 1, 0, cell_count(header), rule=False, header=number + 1, glued=True)
            number += 2
            continue
        end = number + 2
        while end < len(lines) and lines[end].strip() and not caption(lines[end]) \
                and not lines[end].lstrip().startswith("<!--") \
                and not (number in items and ITEM.match(written[end])):  # an HTML comment ends it, adding no row
            end += 1
        yield from _table(lines, number, end)
        number = end


def _table(lines: list[str], header: int, end: int) -> Iterator[Misshapen]:
    """The misshapen rows of the table whose header is ``lines[header]`` and which ends before ``lines[end]``."""
    border = _bordered(lines[header])
    columns = cell_count(lines[header], border)
    if (ruled := cell_count(lines[header + 1], border)) != columns:
        yield Misshapen(header + 2, ruled, columns, rule=True, header=header + 1, border=border)
        return
    for row in range(header + 2, end):
        written = lines[row]
        if ALONE.fullmatch(written):
            if written.rstrip().endswith(("-%}", "-#}")) or written.lstrip().startswith(("{%-", "{#-")):
                continue  # it takes its own line break, or the one before it: no line is left blank
            # Jinja leaves it blank, which ends the table: told when rows follow, printed as text; a last {% endfor %}
            # below the rows, or one above the next item of a list (2. Berikutnya.), ends nothing the table needs
            if any("|" in lines[below] for below in range(row + 1, end)):
                yield Misshapen(row + 1, 0, columns, rule=False, tags_alone=True, header=header + 1, border=border)
            return
        elif (count := cell_count(written, border)) != columns:
            yield Misshapen(row + 1, count, columns, rule=False, header=header + 1, border=border,
                            note=bool(NOTE.match(written)),
                            edged=lines[header].strip() if not border and _bordered(written) else "")


def _unquoted(line: str) -> str:
    """``line`` as the tables extension reads it: without the marks of the blockquotes it stands in, and without the
    mark of a list item whose text starts with a table's '|' (its next lines, indented, are read as they are)."""
    if quote := QUOTES.match(line):
        line = line[quote.end():]
    item = ITEM.match(line)
    return line[item.end():] if item and line.startswith("|", item.end()) else line


def _in_items(lines: list[str]) -> list[str]:
    """``lines`` with the text of a list's items indented under them (``1. Program:``, an empty line, then a table
    indented four spaces) taken out of its indent, as Markdown reads it: a table, not a code block."""
    listed = False
    read = []
    for line in lines:
        if line.strip() and not line.startswith((" ", "\t")):
            listed = ITEM.match(line) is not None
        elif listed and _CODE.match(line):
            line = line[1:] if line.startswith("\t") else line[4:]
        read.append(line)
    return read


def _may_stand_below(line: str) -> bool:
    """Whether a table's header may stand right below ``line``: an empty line, one Jinja leaves empty, a heading, a
    rule (---, which also underlines a heading)."""
    return not line.strip() or bool(ALONE.fullmatch(line)) or bool(HEADING.match(line)) or \
        bool(_RULE_LINE.fullmatch(line))
