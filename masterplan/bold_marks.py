"""A '**' a writer opened for bold and never closed, which the book and the site print as typed.

``Ini **penting sekali.`` prints "Ini **penting sekali." with its two asterisks. Markdown pairs the marks within one
block of text, a paragraph, a list's item, a heading or a table's cell, from left to right; a mark between two spaces
(``5 ** 2``) is text, neither opening nor closing. What is left unpaired at the end of a block is printed.

:func:`unclosed` finds that mark as Python-Markdown leaves it: each block whose marks do not pair is converted, and
told only if the mark opens words (``**Kominfo``; not ``2**10``, nor a statistics table's note mark, ``2023**)``) and
an asterisk of it is in what Markdown makes of it (``**Kominfo*`` prints "*" and "Kominfo" in italics). A code span,
an escaped ``\\*``, an HTML comment and Jinja's tags hold no mark.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple

from masterplan.jinja_tags import uncommented
from masterplan.markdown_lines import HEADING, ITEM, QUOTES

#: a run of asterisks ('**', or '***' for bold and italic), a code span or an escaped character, which holds none
_RUN = re.compile(r"`[^`\n]*`|\\.|\*+")
_CODE = re.compile(r"<code>.*?</code>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class Unclosed(NamedTuple):
    """A '**' never closed: its line and column in the text (from 1)."""

    line: int
    column: int


class _Block:
    """The lines of one block of text, each with its line in the text and the column its text starts at."""

    def __init__(self) -> None:
        self.parts: list[tuple[int, int, str]] = []

    def add(self, line: int, column: int, text: str) -> None:
        self.parts.append((line, column, text))

    def unclosed(self) -> Unclosed | None:
        """The mark this block leaves unpaired, if it opens words (``**Kominfo``, not ``2**10`` nor a statistics
        table's note mark ``2023**)``) and Markdown prints an asterisk of it (``**Kominfo*`` prints "*Kominfo" in
        italics)."""
        marks = [(line, column + found.start(), _opens(text, found))
                 for line, column, text in self.parts for found in _RUN.finditer(text)
                 if found.group() in ("**", "***") and not _between_spaces(text, found.start(), found.end())]
        if len(marks) % 2 == 0 or not marks[-1][2]:
            return None
        import markdown  # only for a block whose marks do not pair, a rare one
        made = _CODE.sub("", markdown.markdown("\n".join(text for _, _, text in self.parts)))
        if "*" not in html.unescape(_TAG.sub("", made)):
            return None
        line, column, _ = marks[-1]
        return Unclosed(line, column + 1)


def _opens(text: str, run: re.Match[str]) -> bool:
    """Whether the run of asterisks reads as opening bold words: after a space, the line's start or an opening
    bracket or quote, and before a letter or a digit."""
    before = text[run.start() - 1] if run.start() else " "
    after = text[run.end()] if run.end() < len(text) else " "
    return (before.isspace() or before in "([{\"'“‘") and after.isalnum()


def _between_spaces(text: str, start: int, end: int) -> bool:
    """Whether the run of asterisks from ``start`` to ``end`` stands between spaces, or a space and the line's end:
    text to Markdown, not a mark."""
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


def unclosed(text: str) -> Iterator[Unclosed]:
    """Each '**' of Markdown ``text`` left unclosed in its block, in order. Jinja's tags should be blanked first."""
    if "**" not in text:
        return
    text = uncommented(text)
    block, listed = _Block(), False
    for number, line in enumerate(text.split("\n"), start=1):
        column = 0
        if quote := QUOTES.match(line):
            column = quote.end()
        rest = line[column:]
        if not rest.strip():
            yield from _ended(block)
            block, listed = _Block(), False
        elif HEADING.match(rest) or rest.lstrip().startswith("|"):
            yield from _ended(block)
            for start, cell in _cells(rest):
                one = _Block()
                one.add(number, column + start, cell)
                yield from _ended(one)
            block, listed = _Block(), False
        else:
            # an item starts a list after an empty line or in a list; in a paragraph, "2024. Selesai" is its text
            if (item := ITEM.match(rest)) and (listed or not block.parts):
                yield from _ended(block)
                block, listed = _Block(), True
                column += item.end()
            block.add(number, column, line[column:])
    yield from _ended(block)


def _ended(block: _Block) -> Iterator[Unclosed]:
    if found := block.unclosed():
        yield found


def _cells(row: str) -> Iterator[tuple[int, str]]:
    """A heading's text whole, or each cell of a table's row, with the column it starts at (from 0)."""
    if not row.lstrip().startswith("|"):
        yield 0, row
        return
    start = 0
    for found in re.finditer(r"`[^`]*`|\\.|\|", row):
        if found.group() == "|":
            yield start, row[start:found.start()]
            start = found.end()
    yield start, row[start:]
