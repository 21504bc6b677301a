"""Where the site is published: the public address in plan.yml (``base_url``) or given to ``build --base-url``.

Canonical links, the sitemap and the 404 page are written from it, so an address without
its ``https://`` would make all of them point nowhere (a browser reads ``kota.go.id/…`` as a
file next to the page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import NamedTuple
from urllib.parse import urlsplit

from masterplan.diagnostics import Diagnostic, Message, error
from masterplan.model import Plan


class Problem(NamedTuple):
    """What is wrong with an address, and how to write it."""

    problem: Message
    hint: Message


def address_problem(address: str) -> Problem | None:
    """What is wrong with a public address, or None when it is one: a scheme (https://), a host
    (an intranet's or localhost:8000 will do), and a folder, not a page (``…/index.html``)."""
    written = address.strip()
    parts = urlsplit(written)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"\s", written):
        if parts.query or parts.fragment:
            return Problem(Message("the public address '{address}' has a query or #anchor", address=address),
                           Message("write the address of the site's folder, e.g. {fixed}",
                                   fixed=f"{parts.scheme}://{parts.netloc}{parts.path}"))
        last = parts.path.rsplit("/", 1)[-1]
        if "." in last:  # …/index.html, copied from the browser's address bar
            return Problem(Message("the public address '{address}' names a page, not the site's folder",
                                   address=address),
                           Message("write the address of the site's folder, e.g. {fixed}",
                                   fixed=f"{parts.scheme}://{parts.netloc}{parts.path[: -len(last)]}"))
        return None
    if written and not parts.scheme and not re.search(r"\s", written) and "." in written.split("/", 1)[0]:
        return Problem(Message("the public address '{address}' has no https://", address=address),
                       Message("write it in full: {fixed}", fixed=f"https://{written}"))
    return Problem(Message("'{address}' is not a web address", address=address),
                   Message("write the address the site is published at, e.g. https://smartcity.kota.go.id/masterplan/"))


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if plan.base_url is not None:
        found = address_problem(plan.base_url)
        if found:
            yield error(plan.where.get("base_url", plan.position), "E110", found.problem, found.hint)
