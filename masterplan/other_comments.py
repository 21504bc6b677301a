"""Comments written as other languages write them (``// belum final``, ``/* catatan */``, ``<!-- … -->``).

YAML knows only ``#``: it reads another language's comment as part of a value, as a field's name, or stumbles on
it. An error that comes of one says so in its hint, with the line written as YAML would read it.
"""

from __future__ import annotations

import re
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.located import LocatedList, LocatedMap

#: another language's comment to the end of a text: at its start or after a space (not the // of https://)
_COMMENT = re.compile(r"(?:^|(?<=\s))(?://+|/\*|<!--)\s*(.*?)\s*(?:\*/|-->)?\s*$", re.DOTALL)


def written(text: str) -> tuple[str, str] | None:
    """What comes before another language's comment ending ``text``, and the comment's words; None without one."""
    found = _COMMENT.search(text)
    return None if found is None else (text[:found.start()].rstrip(), found.group(1))


def hint(text: str) -> Message | None:
    """The hint for a value or a line ending in another language's comment: YAML's way of writing it."""
    found = written(text)
    if found is None:
        return None
    before, words = found
    return Message("a comment in YAML starts with '#' (after a space): {fixed}",
                   fixed=f"{before}  # {words}" if before else f"# {words}")


#: a comment YAML keeps as words of a text (``<!-- … -->`` is Markdown's own, which the site and the book leave out)
_KEPT = re.compile(r"(?:^|[ \t])(?://|/\*)")


def kept_in_text(text: str, value: Any, line_offset: int) -> list[Diagnostic]:
    """W024 for each text on one line that ends in another language's comment (``name: e-Sambat  // sementara``):
    YAML keeps it as words of the text, which the book and the site print. A text in quotes is left alone: its
    writer wrote those words on purpose."""
    if not _KEPT.search(text):
        return []
    lines = text.split("\n")
    found = []
    stack: list[tuple[Any, Any]] = [(None, value)]
    while stack:
        field, here = stack.pop()
        if isinstance(here, LocatedMap):
            stack.extend((key, item) for key, item in here.items())
            told = [(key, item, here.at(key)) for key, item in here.items() if isinstance(item, str)]
        elif isinstance(here, LocatedList):
            stack.extend((field, item) for item in here)
            told = [(field, item, here.at(index)) for index, item in enumerate(here) if isinstance(item, str)]
        else:
            continue
        for key, item, where in told:
            ending = written(item) if "\n" not in item and _KEPT.search(item) else None
            if ending is None or where.line - line_offset > len(lines) or \
                    lines[where.line - line_offset - 1][where.column - 1:where.column] in ("'", '"'):
                continue
            found.append(warning(where, "W024", "the text of '{field}' ends in '{comment}', a comment as other "
                                 "languages write it: YAML keeps it as words of the text, which the book prints",
                                 hint(item), field=key, comment=item[len(ending[0]):].strip()))
    return found
