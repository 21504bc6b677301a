"""The files of content/assets/ the website would not publish (:mod:`masterplan.assets`): each is an error,
so that none is left out of the site without a word (E525: a link out of content/; E526: what would run). The
logo, which the site publishes as static/logo.svg wherever in content/ it is, is judged as they are."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.assets import folder_refusal, judged, refusal
from masterplan.diagnostics import Diagnostic, Position, error
from masterplan.model import ASSETS, Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    content = plan.content
    if content is not None and plan.logo and not plan.logo.replace("\\", "/").startswith(f"{ASSETS}/"):
        logo = content / plan.logo  # one in assets/ is judged with them, below; a missing one is E511 (checks.chapters)
        inside = logo.resolve().is_relative_to(content.resolve())  # else E511 says it is a link out of content/
        if logo.suffix.lower() == ".svg" and logo.is_file() and inside and (refused := refusal(logo, content)):
            yield error(plan.where.get("logo", plan.position), refused.code, refused.reason, refused.hint)
    if content is None or not (content / ASSETS).is_dir():
        return
    refused = folder_refusal(content)
    if refused is not None:
        yield error(Position(f"content/{ASSETS}"), refused.code, refused.reason, refused.hint)
    for _, name, refused in judged(content):
        if refused is not None:  # at the link's name, not its target's
            yield error(Position(f"content/{ASSETS}/{name}", refused.line, 1 if refused.line else 0),
                        refused.code, refused.reason, refused.hint)
