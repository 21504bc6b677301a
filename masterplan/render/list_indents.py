"""A list's items and paragraphs indented as CommonMark reads them, re-indented as Python-Markdown needs them.

CommonMark (GitHub, most editors, the chat apps agency staff write in) nests an item under another when it starts at
or past the column the other's text starts at: two spaces under ``- ``, three under ``1. ``; here an item indented
past the other's marker is nested too, as its writer meant (``  - anak`` two spaces under ``1. Induk`` was made words
of the item). A second paragraph of an item goes where the item's text starts. Python-Markdown needs four spaces a
level, so a list nested by two spaces came out flat and an item's paragraph indented by three ended the list (the
numbers after it started again at 1), without a word. Each such line is given four spaces a level here, before
Markdown reads the text; lines outside a list are left alone, and a list written with four spaces a level is
unchanged.
"""

from __future__ import annotations

import re

#: a list item: its indent, its marker and the spaces after it (a bullet, or a number and a point)
_ITEM = re.compile(r"( *)([-*+]|[0-9]{1,9}\.)( {1,4}|\t)(?=\S)")
_INDENT = re.compile(r" *")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")  #: a thematic break, "* * *", which is no item
LEVEL = 4  #: the spaces Python-Markdown reads as one level of a list


def as_python_markdown_reads(text: str) -> str:
    """``text`` with the lines of its lists re-indented by their level (see the module's docstring)."""
    if "\n " not in text:  # no line indented: nothing nested, no item's paragraph under it
        return text
    lines = text.split("\n")
    #: each open item's marker's column and the column its text starts at, outermost first
    open_items: list[tuple[int, int]] = []
    blank_before = True
    in_paragraph = False  #: in an item's second (or later) paragraph
    for number, line in enumerate(lines):
        if not line.strip():
            blank_before = True
            continue
        if "\t" in line[:len(line) - len(line.lstrip())]:  # a tab is four columns to Python-Markdown: left as written
            open_items, blank_before, in_paragraph = [], False, False
            continue
        indent = len(_INDENT.match(line).group())  # type: ignore[union-attr]  # matches any line
        item = _ITEM.match(line) if not _BREAK.fullmatch(line) else None
        if item and (open_items or indent < LEVEL):
            while open_items and indent <= open_items[-1][0]:  # not past the item's marker: no item of it
                open_items.pop()
            # right below an item's second paragraph, Python-Markdown reads the next item as that paragraph's line
            # ("Pembentukan tim. 2. Tahap Pelaksanaan"), CommonMark as an item: an empty line above it says so
            lines[number] = ("\n" if in_paragraph else "") + " " * (LEVEL * len(open_items)) + line[indent:]
            open_items.append((indent, indent + len(item.group(2)) + len(item.group(3))))
            in_paragraph = False
        elif open_items and blank_before:  # a paragraph after an empty line: an item's, or the text's after the list
            while open_items and indent < open_items[-1][1]:
                open_items.pop()
            level = LEVEL * len(open_items)
            if open_items and indent < level + LEVEL:  # code in the item written with four spaces a level: as it is
                beyond = indent - open_items[-1][1]  # four columns past the text: code in the item
                lines[number] = " " * (level + (beyond if beyond >= LEVEL else 0)) + line[indent:]
            in_paragraph = bool(open_items)
        elif open_items and indent == 0:  # a heading, a table, a paragraph's line right below the list: it has ended
            open_items, in_paragraph = [], False
        blank_before = False
    return "\n".join(lines)
