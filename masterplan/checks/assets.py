"""The files of content/assets/ the website would not publish (:mod:`masterplan.assets`): each is an error,
so that none is left out of the site without a word (E525: a link out of content/; E526: what would run)."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.assets import folder_refusal, refusal
from masterplan.diagnostics import Diagnostic, Position, error
from masterplan.model import ASSETS, Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    content = plan.content
    if content is None or not (content / ASSETS).is_dir():
        return
    refused = folder_refusal(content)
    if refused is not None:
        yield error(Position(f"content/{ASSETS}"), refused.code, refused.reason, refused.hint)
        return
    for path in sorted((content / ASSETS).rglob("*")):
        if not path.is_file():
            continue
        refused = refusal(path, content)
        if refused is not None:
            name = f"content/{ASSETS}/{path.relative_to(content / ASSETS).as_posix()}"  # the link's, not its target's
            yield error(Position(name, refused.line, 1 if refused.line else 0),
                        refused.code, refused.reason, refused.hint)
