"""The marks that start a line of Markdown's blocks, as Python-Markdown reads them, for the checks and the filling-in
that must know what a line is: a heading (``##Judul`` too: no space is needed), a list's item (``- ``, ``1. ``; at any
depth), a blockquote's line (``> ``, ``> > `` in a quote within a quote)."""

from __future__ import annotations

import re

from masterplan.jinja_tags import ALONE

HEADING = re.compile(r"#{1,6}")
ITEM = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,9}\.)[ \t]+")
QUOTES = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")  #: the marks of every blockquote the line stands in
#: a setext heading's underline, on the line below its text: '=' for the title's level (#), '-' for a section's (##)
UNDERLINE = re.compile(r"([=-])[=-]*[ ]*")


def atx(text: str) -> str:
    """``text`` with each setext heading, a line of text underlined by ``---`` (``1.4 Sistematika`` over ``---`` is
    ``## 1.4 Sistematika``) or ``===`` (``#``), written with its '#' marks, as Markdown reads it, and its underline
    left empty; the lines keep their numbers. Only a line that starts a block (below an empty line, a heading or a
    line of Jinja's tags alone, which Jinja leaves empty:
    Python-Markdown reads a paragraph's later line over '---' as the paragraph's, then a rule), and not one indented
    as code, a table's row, a heading already, nor a line of Jinja's tags or HTML, which Markdown or Jinja read
    otherwise."""
    lines = text.split("\n")
    for number in range(1, len(lines)):
        heading = lines[number - 1]
        above = lines[number - 2] if number >= 2 else ""
        if (underline := UNDERLINE.fullmatch(lines[number])) and heading.strip() and not heading.startswith("    ") \
                and (not above.strip() or HEADING.match(above) or ALONE.fullmatch(above)) \
                and "|" not in heading and not HEADING.match(heading) and not UNDERLINE.fullmatch(heading) \
                and not heading.lstrip().startswith(("{%", "{#", "<")):
            lines[number - 1] = ("#" if underline.group(1) == "=" else "##") + " " + heading.strip()
            lines[number] = ""
    return "\n".join(lines)
