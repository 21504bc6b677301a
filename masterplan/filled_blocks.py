"""A text of several lines that a chapter prints into a table's row, a list's item or a heading, kept inside it.

A program's description is most often a YAML block (``description: |``), which ends with a line break, and often of
several paragraphs. Printed into a table's row, ``| {{ p.id }} | {{ p.description }} |``, its first line break ended
the row: the rest was printed below the table as text, and the row's last '|' on a line of its own (validate said
nothing). Printed into a list's item, its second paragraph left the list; into a heading, its second line was text.

:func:`marked` wraps each of the plan's texts of several lines a chapter prints (the chapter sandbox's ``finalize``;
not the chapter's own words, ``{{ "\n| " if not loop.last }}``, which start a table's next row) between two
characters of Unicode's private use; :func:`kept` reads, once the chapter is filled in, the line each starts on:

- in a table's row, its paragraphs are printed a blank line apart (``<br><br>``), its lines a space apart, its ends
  trimmed, so the row holds it whole;
- in a list's item, its lines are indented as the item's text is, so its paragraphs (and a list it holds) stay in
  the item, and paragraphs end with a blank line, so that the next item is not read as their last line;
- in a heading, its lines are one line;
- anywhere else it is as written.

No private character is left in the text.
"""

from __future__ import annotations

import re

_OPEN, _CLOSE = "\ue000", "\ue001"
#: a marked text holding no other (a text a chapter captured, {% set x %}…{% endset %}, and printed again holds one)
_MARKED = re.compile(f"{_OPEN}([^{_OPEN}{_CLOSE}]*){_CLOSE}")
_MARKS = re.compile(f"[{_OPEN}{_CLOSE}]")
_ITEM = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TAB = 4  #: the indent Markdown wants of a list item's next paragraphs: a multiple of four spaces


def marked(text: str) -> str:
    """``text`` as a chapter prints it: marked for :func:`kept` when it has several lines."""
    return f"{_OPEN}{text}{_CLOSE}" if "\n" in text else text


def kept(filled: str) -> str:
    """The filled-in chapter ``filled`` with each marked text fitted to the line it was printed on, and no mark."""
    if _OPEN not in filled:
        return filled
    while True:
        fitted = _MARKED.sub(_fitted, filled)
        if fitted == filled:
            return _MARKS.sub("", fitted)
        filled = fitted


def _fitted(found: re.Match[str]) -> str:
    text = found.group(1)
    line_start = found.string.rfind("\n", 0, found.start()) + 1
    before = _MARKS.sub("", found.string[line_start:found.start()])
    if before.lstrip().startswith("|"):
        return _LINE_BREAK.sub(" ", _PARAGRAPH_BREAK.sub("<br><br>", text.strip()))
    if _HEADING.match(before):
        return " ".join(text.split())
    if item := _ITEM.match(before):
        indent = " " * (-(-item.end() // _TAB) * _TAB)
        body = text.rstrip()
        indented = "\n".join(line and indent + line for line in body.split("\n")).lstrip()
        # paragraphs end with a blank line: the list's next item, right below, is not read as their last line
        return indented + "\n" if _PARAGRAPH_BREAK.search(body) else indented
    return text
