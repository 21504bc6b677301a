"""Comments written as other languages write them (``// belum final``, ``/* catatan */``, ``<!-- … -->``).

YAML knows only ``#``: it reads another language's comment as part of a value, as a field's name, or stumbles on
it. An error that comes of one says so in its hint, with the line written as YAML would read it; a text that ends in
one, which YAML keeps as its words and the book prints, draws W024.

Only what cannot be meant otherwise counts as a comment: ``//`` with a space after it, once in the text (``Senin //
Rabu // Jumat`` separates; ``//cdn.kota.go.id`` is an address), a ``/* … */`` or ``<!-- … -->`` closed at the text's
end (``Jalur A /* lihat peta */ menuju B`` goes on after it).
"""

from __future__ import annotations

import re
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, Severity, warning
from masterplan.located import texts

#: a line comment: '//' and a space, at the text's start or after a space (not the // of https://)
_LINE_COMMENT = re.compile(r"(?:^|(?<=\s))//(?=[ \t]|$)")
#: comments closed where they end, by their opening
_CLOSED = (("/*", "*/"), ("<!--", "-->"))
#: how another language's comment opens, at a field's name's start (``/* catatan: …`` read as the field "/* catatan")
_OPENINGS = ("//", "/*", "<!--")


def written(text: str) -> tuple[str, str] | None:
    """What comes before another language's comment ending ``text`` (on one line), and the comment's words; None
    without one."""
    kept = text.strip()
    if "\n" in kept:
        return None
    for opening, closing in _CLOSED:
        start = kept.rfind(opening) if kept.endswith(closing) else -1
        if start >= 0 and (start == 0 or kept[start - 1].isspace()) and start + len(opening) <= len(kept) - len(closing):
            return kept[:start].rstrip(), kept[start + len(opening):-len(closing)].strip()
    found = _LINE_COMMENT.search(kept)
    if found is None or "//" in kept[found.end():]:
        return None
    return kept[:found.start()].rstrip(), kept[found.end():].strip()


def hint(text: str) -> Message | None:
    """The hint for a value or a line ending in another language's comment: YAML's way of writing it."""
    found = written(text)
    return None if found is None else _fixed(*found)


def field_hint(name: str) -> Message | None:
    """The hint for a field's name that is another language's comment's start (``/* catatan``, the rest of the line
    read as its value); None for any other name."""
    opening = next((opening for opening in _OPENINGS if name.startswith(opening)), None)
    return None if opening is None else _fixed("", name[len(opening):].strip())


def _fixed(before: str, words: str) -> Message:
    return Message("a comment in YAML starts with '#' (after a space): {fixed}",
                   fixed=f"{before}  # {words}" if before else f"# {words}")


def kept_in_text(text: str, value: Any, line_offset: int) -> list[Diagnostic]:
    """W024 for each plain text on one line of a field that ends in another language's comment (``name: e-Sambat  //
    sementara``): YAML keeps it as words of the text, which the book and the site print. A text in quotes is its
    writer's on purpose, and one through an alias was told at its anchor: neither is told."""
    if "// " not in text and "*/" not in text:
        return []
    lines = text.split("\n")
    found = []
    for field, item, where in texts(value):
        ending = written(item) if field is not None and ("// " in item or item.endswith("*/")) else None
        row = where.line - line_offset - 1
        if ending is None or not 0 <= row < len(lines):
            continue
        line = lines[row]
        # not quoted, nor an alias's or an anchor's; and ending on this line (a plain text can wrap onto the next)
        if line[where.column - 1:where.column] in ("'", '"', "*", "&") or not line.rstrip().endswith(item[-10:]):
            continue
        found.append(warning(where, "W024", "the text of '{field}' ends in '{comment}', a comment as other languages "
                             "write it: YAML keeps it as words of the text, which the book prints",
                             _fixed(*ending), field=field, comment=item.strip()[len(ending[0]):].strip()))
    return found


def not_repeated(problems: list[Diagnostic], schema_problems: list[Diagnostic]) -> list[Diagnostic]:
    """``problems`` without the W024 of a value the schema refuses (``quick_win: true  // cek``): its error's hint
    says the same."""
    refused = {problem.position for problem in schema_problems if problem.severity is Severity.ERROR}
    return [problem for problem in problems if problem.code != "W024" or problem.position not in refused]
