"""A syntax error at a line of prose that left the block of text it belongs to (``description: |``).

A text's first lines written no deeper than its field, or a later paragraph pasted at the left edge, end the
text: YAML reads the line as a field without its colon, or as a field of its own ("Catatan: …") with the next
field then indented too deep. Such an error is told at the paragraph's first line, with how far to indent it.
A line that reads as one of the plan's fields (``quick_win true``, its colon lost) is no prose, and left to the
syntax error's own hint.
"""

from __future__ import annotations

import re

from masterplan.block_fields import field_names, indent
from masterplan.diagnostics import Message

#: the kinds of file whose fields a line of prose is told apart from
KINDS = ("plan", "pillar", "agency", "glossary")
#: a line's first word, with the colon after it or the space a lost colon leaves
_FIRST_WORD = re.compile(r"\s*(?:- )?([A-Za-z_][\w-]*)(?::|\s|$)")


_BLOCK_TEXT = re.compile(r"^(\s*)(?:- )?([A-Za-z_][\w-]*):\s*[|>][+-]?\d?\s*(?:#.*)?$")


def unindented(lines: list[str], at: int) -> tuple[int, Message] | None:
    """The first line of a text written under ``description: |`` no deeper than the field (which then ends the
    text and reads as a field without its colon), and the hint to indent it; None where that is not the case."""
    for first in range(min(at, len(lines) - 1), 0, -1):
        above = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
        if above is None:
            return None
        opened = _BLOCK_TEXT.match(lines[above])
        if opened:
            field = opened.group(2)
            depth = len(lines[above]) - len(lines[above].lstrip(" -")) if lines[above].lstrip().startswith("- ") \
                else len(opened.group(1))
            if indent(lines[first]) > depth or not lines[first].strip():
                return None
            return first, Message("indent the text under '{field}: |' deeper than {field}:, {spaces} spaces before "
                                  "each of its lines", field=field, spaces=depth + 2)
        if indent(lines[above]) != indent(lines[first]) or ":" in lines[above]:
            return None  # a field of its own above, not more lines of the same unindented text
    return None


def resumed(lines: list[str], at: int) -> tuple[int, Message] | None:
    """A paragraph of a text written under ``description: |`` whose lines start at the field's column or left of it,
    after paragraphs written under it (pasted at the left edge): it ends the text, and YAML reads it as a field
    without its colon, or a field of its own ("Catatan: …") with the next field indented too deep. Its first line
    and the hint to indent it as the text's other lines are; None where that is not the case. The line YAML stopped
    at is the paragraph's, or the next field's below it."""
    for line in (at, next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)):
        if line is None or line >= len(lines) or not lines[line].strip():
            continue
        first = line  # the paragraph's first line: the lines above it, as far left, with no blank between
        while first > 0 and lines[first - 1].strip() and indent(lines[first - 1]) == indent(lines[line]):
            first -= 1
        if _a_field(lines[first]):
            continue
        above = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
        if above is None or indent(lines[above]) <= indent(lines[first]):
            continue
        spaces = indent(lines[above])
        opener = next((i for i in range(above, -1, -1) if lines[i].strip() and indent(lines[i]) < spaces), None)
        opened = _BLOCK_TEXT.match(lines[opener]) if opener is not None else None
        if opener is None or opened is None:
            continue
        depth = len(lines[opener]) - len(lines[opener].lstrip(" -")) if lines[opener].lstrip().startswith("- ") \
            else len(opened.group(1))
        if depth < spaces and indent(lines[first]) < spaces:  # less deep than the text's lines: it ends the text
            return first, Message("this paragraph belongs to the text of '{field}: |' above: indent each of its "
                                  "lines {spaces} spaces, as the text's other lines are", field=opened.group(2),
                                  spaces=spaces)
    return None


def _a_field(line: str) -> bool:
    """Whether ``line`` starts with the name of one of the plan's fields (``quick_win true``): a field, not prose."""
    word = _FIRST_WORD.match(line)
    return word is not None and any(word.group(1) in field_names(kind) for kind in KINDS)
