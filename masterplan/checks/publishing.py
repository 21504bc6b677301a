"""Where the site is published: the public address in plan.yml (``base_url``) or given to ``build --base-url``.

Canonical links, the sitemap and the 404 page are written from it, so an address without
its ``https://`` would make all of them point nowhere (a browser reads ``kota.go.id/…`` as a
file next to the page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Message, error
from masterplan.model import Plan

_ADDRESS = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(/[^\s?#]*)?", re.IGNORECASE)


def address_problem(address: str) -> tuple[Message, Message | None] | None:
    """What is wrong with a public address (and how to write it), or None when it is one."""
    if _ADDRESS.fullmatch(address):
        return None
    written = address.strip()
    if written and not re.match(r"[a-z][a-z0-9+.-]*:", written, re.IGNORECASE) and _ADDRESS.fullmatch(
            f"https://{written}"):
        return (Message("the public address '{address}' has no https://", address=address),
                Message("write it in full: {fixed}", fixed=f"https://{written}"))
    return (Message("'{address}' is not a web address", address=address),
            Message("write the address the site is published at, e.g. https://smartcity.kota.go.id/masterplan/"))


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if plan.base_url is not None:
        problem = address_problem(plan.base_url)
        if problem:
            yield error(plan.where.get("base_url", plan.position), "E110", problem[0], problem[1])
