"""A text of several lines that a chapter prints into a table's row, a list's item or a heading, kept inside it.

A program's description is most often a YAML block (``description: |``), which ends with a line break, and often of
several paragraphs. Printed into a table's row, ``| {{ p.id }} | {{ p.description }} |``, its first line break ended
the row: the rest was printed below the table as text, and the row's last '|' on a line of its own (validate said
nothing). Printed into a list's item, its second paragraph left the list; into a heading, its second line was text.

The chapter sandbox's ``finalize`` gives each of the plan's texts of several lines as :class:`Printed` (not the
chapter's own words, ``{{ "\\n| " if not loop.last }}``, which start a table's next row); :func:`kept` joins the pieces
Jinja yields and fits each such text to the line it is printed on:

- in a table's row, its paragraphs are printed a blank line apart (``<br><br>``), its lines a space apart, its ends
  trimmed, so the row holds it whole;
- in a list's item, its lines are indented as the item's text is, so its paragraphs (and a list it holds) stay in
  the item, and paragraphs end with a blank line, so that the next item is not read as their last line;
- in a heading, its lines are one line;
- in a blockquote, each of its lines is marked as the quote's, so that its paragraphs stay in the quote;
- anywhere else it is as written.

Only what the chapter prints itself is fitted: a text captured first (``{% set d %}…{% endset %}``) is the chapter's
own string, as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from masterplan.markdown_lines import HEADING, ITEM, QUOTES

_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TAB = 4  #: the indent Markdown wants of a list item's next paragraphs: a multiple of four spaces
_HEAD = 80  #: how much of a line's start tells what it is (a table's row, a heading, a list's item)


class Printed(str):
    """One of the plan's texts of several lines as a chapter prints it, known by its type among the pieces Jinja
    yields: Jinja turns what it prints into text with ``str()``, which keeps it, as its ``__str__`` is itself."""

    __slots__ = ()

    def __str__(self) -> str:
        return self


def printed(text: str) -> str:
    """``text`` as a chapter prints it: :class:`Printed` when it has several lines."""
    return Printed(text) if "\n" in text else text


def kept(pieces: Iterable[str]) -> str:
    """The pieces Jinja yields for a chapter joined, each :class:`Printed` fitted to the line it was printed on."""
    out: list[str] = []
    head = ""  #: the start of the line being written, as it is written (what is printed before on it, fitted)
    for piece in pieces:
        if isinstance(piece, Printed):
            piece = _fitted(piece, head)
        out.append(piece)
        cut = piece.rfind("\n")
        head = piece[cut + 1:][:_HEAD] if cut >= 0 else (head + piece[:_HEAD])[:_HEAD]
    return "".join(out)


def _fitted(text: str, before: str) -> str:
    """``text`` fitted to the line it is printed on, which starts with ``before``; in a blockquote, each of its lines
    in the quote too."""
    quoted = QUOTES.match(before)
    if quoted is None:
        return _unquoted(text, before)
    mark = quoted.group().strip().replace(" ", "") + " "
    return _unquoted(text, before[quoted.end():]).replace("\n", "\n" + mark)


def _unquoted(text: str, before: str) -> str:
    if before.lstrip().startswith("|"):
        return _LINE_BREAK.sub(" ", _PARAGRAPH_BREAK.sub("<br><br>", text.strip()))
    if HEADING.match(before):
        return " ".join(text.split())
    if item := ITEM.match(before):
        indent = " " * (-(-item.end() // _TAB) * _TAB)
        body = text.rstrip()
        indented = "\n".join(line and indent + line for line in body.split("\n")).lstrip()
        # paragraphs end with a blank line: the list's next item, right below, is not read as their last line
        return indented + "\n" if _PARAGRAPH_BREAK.search(body) else indented
    return text
