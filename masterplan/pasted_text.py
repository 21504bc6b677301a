"""What agencies paste from a word processor into YAML, named where it stands.

A plain text YAML cut short at " #1" (the rest read as a comment: W015), and a text wrapped whole in
curly quotes, which YAML takes for letters (W016). Both are warnings: the file is still read. And the control
characters a chapter may hold (:data:`CONTROL`).
"""

from __future__ import annotations

import re
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.located import LocatedMap, texts

#: control characters a text may hold (Word's line break, U+000B, pasted with it), which no browser shows and the book
#: prints as a box: the renderer prints a space instead (render.markdown), and W543 tells where in a chapter
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: the bullets a word processor or a web page pastes at the start of a list's lines, Markdown's being '- ': its own
#: (•, ▪, ◦…) and those of Word's Symbol and Wingdings fonts, pasted as characters of no other font's (U+F0B7 …)
BULLETS = "•●▪◦‣○■·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf06e\uf071"

#: ``field: plain text #more``: YAML ends the text at " #" (the rest is a comment). A comment meant as one
#: is written "# like this", with a space; "#1" or "#SmartCity" was meant as text.
_HASH_WORD = re.compile(r"[ \t]#[^\s#]")
_FIELD_LINE = re.compile(r"[ \t]*(?:- )?([\w.-]+):[ \t]+([^'\"\s|>&*!{\[#][^#]*)")


def cut_at_hash(text: str, value: Any, file: str, line_offset: int) -> list[Diagnostic]:
    """Warnings for plain texts that YAML cut short at " #", each at its field."""
    cut: dict[tuple[int, str], tuple[str, str]] = {}
    line, counted = 1 + line_offset, 0
    hash_at = _HASH_WORD.search(text)
    while hash_at:
        start = text.rfind("\n", counted, hash_at.start()) + 1 or counted  # back to the line's start, no further
        line += text.count("\n", counted, start)
        counted = start
        end = text.find("\n", hash_at.start())
        field = _FIELD_LINE.fullmatch(text, start, hash_at.start())
        if field:
            cut[line, field.group(1)] = field.group(2).strip(), text[hash_at.start() + 1:len(text) if end < 0 else end]
        # the line's next '#'s are in the comment: not looked for (each looked back to the line's start: a line of
        # 100,000 of them took 23 s)
        hash_at = _HASH_WORD.search(text, end) if end >= 0 else None
    found = []
    stack = [value]
    while stack and cut:  # only fields read as the text before the '#' (not lines inside a block of text)
        here = stack.pop()
        if isinstance(here, LocatedMap):
            for key, item in here.items():
                where = here.key_at(key)
                kept = cut.pop((where.line, key), None)
                if kept is not None and item == kept[0]:
                    comment = kept[1].rstrip()
                    whole = f"{kept[0]} {comment}"
                    quoted = f'"{whole}"' if '"' not in whole else f"'{whole}'" if "'" not in whole else None
                    hint = Message("put the whole text in quotes: {field}: {text}", field=key, text=quoted) if quoted \
                        else Message("put the whole text in quotes")
                    found.append(warning(where, "W015", "the text of '{field}' ends at ' #': YAML reads "
                                         "'{comment}' as a comment and leaves it out", hint,
                                         field=key, comment=comment))
            stack.extend(here.values())
        elif isinstance(here, list):
            stack.extend(here)
    return found


#: how a text pasted from a word processor opens and closes its quotes: “…”, ‘…’, „…“
CURLY_OPENING = "\u201c\u2018\u201e"
_CURLY_CLOSING = "\u201d\u2019\u201c"


#: a plain (unquoted) value that begins with a curly quote: after "key: ", "- ", alone on its line, or in
#: brackets after "[", "{" or "," (and a key)
_PLAIN_CURLY = re.compile(r"""(?:^[ \t]*(?:-[ \t]+)*|[\[{,][ \t]*)(?:[^\s#'"\[\]{},-][^:#\n\[\]{},]*:[ \t]+)?"""
                          r"[\u201c\u2018\u201e]", re.MULTILINE)


def curly_quoted(text: str, value: Any, line_offset: int) -> list[Diagnostic]:
    """Warnings for plain texts wrapped whole in curly quotes (pasted from a word processor): YAML takes them
    for letters, so the book prints them and an id or a number with them is no id or number. Quotes meant to be
    printed are written inside straight ones ('“Kota Cerdas”'), and are not warned of."""
    starts = set()
    for match in _PLAIN_CURLY.finditer(text):
        quote = match.end() - 1
        starts.add((text.count("\n", 0, quote) + 1 + line_offset, quote - text.rfind("\n", 0, quote)))
    found = [warning(where, "W016", "the text {text} is wrapped in curly quotes: they are not YAML quotes, so they are "
                     "part of the text and are printed", Message("write it without them; quotes meant to be printed go "
                                                                 "inside straight ones: '{text}'", text=item), text=item)
             for _, item, where in (texts(value) if starts else ())
             if len(item) > 1 and item[-1] in _CURLY_CLOSING and (where.line, where.column) in starts]
    found.sort(key=lambda d: (d.position.line, d.position.column))
    return found
