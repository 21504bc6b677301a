"""The files of content/assets/ the website would not publish (:mod:`masterplan.assets`): each is an error,
so that none is left out of the site without a word (E525: a link out of content/; E526: what would run)."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.assets import folder_refusal, judged
from masterplan.diagnostics import Diagnostic, Position, error
from masterplan.model import ASSETS, Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    content = plan.content
    if content is None or not (content / ASSETS).is_dir():
        return
    refused = folder_refusal(content)
    if refused is not None:
        yield error(Position(f"content/{ASSETS}"), refused.code, refused.reason, refused.hint)
    for _, name, refused in judged(content):
        if refused is not None:  # at the link's name, not its target's
            yield error(Position(f"content/{ASSETS}/{name}", refused.line, 1 if refused.line else 0),
                        refused.code, refused.reason, refused.hint)
