"""A field indented into the block of text above it, which YAML reads as words of that text (W018).

Under ``description: |`` every line indented deeper than ``description`` belongs to the text: a ``quick_win: true``
two spaces too deep ended the description with the words "quick_win: true", and the program was silently no quick
win (validate said nothing; the site printed the line). A line of a block of text (``|`` or ``>``) that reads as
one of the file's fields (``name:``, ``period:``, ``quick_win:``, the schema's names) is told at its line.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, Position, error, warning

#: a key whose value is a block of text: ``description: |``, ``- summary: >-``, a comment after it
_BLOCK = re.compile(r"^( *(?:- +)?)([\w.-]+): *[|>][-+0-9]* *(?:#.*)?$")
#: a line reading as a field and its value: ``quick_win: true``, ``partners: [rsud]``, ``period:``, not a line of
#: prose that starts with a field's word (``budget: a platform and a call centre.``): after the colon, nothing, one
#: word or number, or a list or mapping as YAML writes them in a line
_FIELD = re.compile(r"^( +)([a-z][a-z0-9_]*):(?:\s*|\s+[^\s\[{]+\s*|\s+[\[{].*[\]}]\s*)(?:#.*)?$")


@cache
def field_names(kind: str) -> frozenset[str]:
    """Every field name the schema of ``kind`` knows, at any depth."""
    from masterplan.schema import schema_for

    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(key for key in node.get("properties", {}) if isinstance(key, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema_for(kind))
    return frozenset(names)


def swallowed(text: str, file: str, kind: str) -> list[Diagnostic]:
    """W018 at the first line of each block of text in ``text`` that reads as a field of ``kind``'s files."""
    names = field_names(kind)
    lines = text.split("\n")
    found: list[Diagnostic] = []
    number = 0
    while number < len(lines):
        block = _BLOCK.match(lines[number])
        number += 1
        if not block:
            continue
        key, column = block.group(2), len(block.group(1))
        end = number  # the block's lines: blank or indented deeper than its key
        while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > column):
            end += 1
        for at in range(number, end):
            field = _FIELD.match(lines[at])
            if field and field.group(2) in names:  # the first one: the lines after it most likely went with it
                missing = not _written_beside(lines, number - 1, end, column, field.group(2))
                found.append(_told(file, at + 1, len(field.group(1)) + 1, field.group(2), key, column + 1, missing))
                break
        number = end
    return found


def indent(line: str) -> int:
    """How many spaces ``line`` is indented by."""
    return len(line) - len(line.lstrip(" "))


def _written_beside(lines: list[str], start: int, end: int, column: int, field: str) -> bool:
    """Whether the mapping that holds the block's key (at ``start``, the block's lines running to ``end``) writes
    ``field`` itself, at the key's column: above the key up to the mapping's first line (``- id: …`` in a list),
    or below the block to the mapping's end."""
    def names_it(line: str) -> bool:
        return line[column:].startswith(field + ":") and line[:column].strip() in ("", "-")

    above = [] if lines[start][:column].strip() == "-" else reversed(lines[:start])  # "- description: |" opens it
    for line in above:
        if names_it(line):
            return True
        if line.strip() and indent(line) < column:
            break
    return any(names_it(line) for line in _until_shallower(lines[end:], column))


def _until_shallower(lines: list[str], column: int) -> list[str]:
    """The lines up to the first written less deep than ``column`` (the mapping's end)."""
    for count, line in enumerate(lines):
        if line.strip() and indent(line) < column:
            return lines[:count]
    return lines


def _told(file: str, line: int, column: int, field: str, key: str, key_column: int, missing: bool) -> Diagnostic:
    """W018; E020 where the field is nowhere else in its mapping: what it says is lost (a quick win that is none)."""
    if missing:
        return error(Position(file, line, column), "E020",
                     Message("'{field}:' is indented into the text of '{key}' above it, so it is read as words of "
                             "that text, and '{field}' is given nowhere else here", field=field, key=key),
                     Message("indent it as '{key}' is (column {column})", key=key, column=key_column))
    return warning(Position(file, line, column), "W018",
                   Message("'{field}:' is indented into the text of '{key}' above it, so it is read as words of "
                           "that text, not as a field", field=field, key=key),
                   Message("if it is a field, indent it as '{key}' is (column {column}); if it is text, reword the "
                           "line so it does not start with '{field}:'", key=key, column=key_column, field=field))
