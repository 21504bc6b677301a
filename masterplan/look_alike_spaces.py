"""Spaces that look like spaces but are not YAML's: the non-breaking space and its kin, pasted from Word or a web page.

YAML reads such a character as text. At the start of a line it is no indentation, so the file's
structure is not what it looks like (E014, said where the file is read, :func:`indentation`).
Where YAML looks for a space after a field's colon or after a value, it makes "sub_element:" +
one + "sarana" a line "without a colon" and "600000000" + one no number: an error on such a line
says so first (:func:`named`). Inside a text ("Rp 100 juta") it is only text, and left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from masterplan.diagnostics import Diagnostic, Message, Position, Severity, error

#: spaces that look like spaces but are not YAML's (text pasted from Word or a web page)
SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
HINT = Message("it often comes with text pasted from Word or a web page: retype the indentation with normal spaces")
#: the UTF-8 bytes of :data:`SPACES`: a file without any is passed by at once
_BYTES = re.compile("|".join(re.escape(chr(c).encode("utf-8")).decode("latin-1") for c in
                             (0xA0, *range(0x2000, 0x200C), 0x202F, 0x205F, 0x3000, 0xFEFF)).encode("latin-1"))
#: one where YAML looks for a real space: after a field's colon or a list's dash or comma, or after a value, before
#: a comma, a bracket, a comment or the line's end
_IN_SYNTAX = re.compile(r"(?<=[:,\[{-])" + SPACES.pattern + "|" + SPACES.pattern + r"(?=[ \t]*(?:[,\]}#]|$))")
_NAMES = {"\u00a0": Message("a non-breaking space"), "\ufeff": Message("an invisible byte order mark"),
          "\u200b": Message("a zero-width space")}


def indentation(text: str, file: str, line_offset: int, stopped_at: int) -> Diagnostic | None:
    """E014 for a syntax error that YAML stopped at on line ``stopped_at`` (of the file): when that line or the one
    before is indented with a non-breaking or other look-alike space, which YAML reads as text, never as
    indentation, so the file's structure is not what it looks like. Said at the first line of a block pasted so
    (blank lines inside it included); None when the error has another cause."""
    odd: dict[int, re.Match[str]] = {}  #: line of the file -> its first look-alike space, for lines indented with one
    for found in SPACES.finditer(text):  # most are inside text ("Rp 1.000" from Word): only indentation counts
        start = text.rfind("\n", 0, found.start()) + 1
        if not text[start:found.start()].strip(" \t-"):
            odd.setdefault(text.count("\n", 0, found.start()) + 1 + line_offset, found)
    lines = text.split("\n")
    first = next((line for line in (stopped_at, stopped_at - 1) if line in odd), None)
    if first is None:
        return None
    while first - 1 in odd or first - 2 in odd and not lines[first - 2 - line_offset].strip():
        first -= 1 if first - 1 in odd else 2
    found = odd[first]
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return error(Position(file, first, column), "E014",
                 "this line is indented with {space}, which YAML does not take for a space", HINT,
                 space=name(found.group()))


def named(content: bytes, diagnostics: list[Diagnostic], first_line: int = 1) -> list[Diagnostic]:
    """``diagnostics`` of a file, an error on a line holding a look-alike space where YAML looks for a space told
    so (indentation is E014's): ``sub_element:`` + a non-breaking space + ``sarana`` was "expected ':' not found"
    on a line that shows one, and ``amount: 600000000`` + one was "not '600000000\\xa0'"."""
    if not any(d.severity is Severity.ERROR for d in diagnostics) or not _BYTES.search(content):
        return diagnostics
    lines = content.decode("utf-8", errors="replace").splitlines()
    said = []
    for found in diagnostics:
        index = found.position.line - first_line
        line = lines[index] if found.severity is Severity.ERROR and found.code != "E014" and 0 <= index < len(lines) \
            else ""
        odd = _IN_SYNTAX.search(line.lstrip(" \t-\ufeff\u00a0"))
        if odd and str(name(odd.group())) not in str(found.hint or ""):  # E106 names it in its own hint already
            note = Message("this line holds {space}, which looks like a space but is not one to YAML: retype it as "
                           "a normal space", space=name(odd.group()))
            found = replace(found, hint=Message("{note}; {hint}", note=note, hint=found.hint) if found.hint else note)
        said.append(found)
    return said


def name(space: str) -> Message:
    """What a look-alike space is called: "a non-breaking space", or its number."""
    return _NAMES.get(space) or Message("the space character {character}", character=code_point(ord(space)))


def code_point(number: int) -> str:
    """A character's number as Unicode writes it, e.g. U+00A0."""
    return f"U+{number:04X}"
