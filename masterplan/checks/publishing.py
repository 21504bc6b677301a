"""Addresses the site links to: where it is published (``base_url`` in plan.yml, or ``build --base-url``)
and the open data's licence (``open_data.license_url``).

Canonical links, the sitemap and the 404 page are written from the public address, so an
address without its ``https://`` would make all of them point nowhere (a browser reads
``kota.go.id/…`` as a file next to the page); the same goes for the licence's link, which
must moreover be a web page, not a script (``javascript:``) an agency's file could slip in.
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


def _web_page(address: str) -> bool:
    """An address a browser opens as a web page: http(s), a host, no spaces."""
    written = address.strip()
    parts = urlsplit(written)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", written)


def address_problem(address: str) -> Problem | None:
    """What is wrong with a public address, or None when it is one: a scheme (https://), a host
    (an intranet's or localhost:8000 will do), and a folder, not a page (``…/index.html``)."""
    written = address.strip()
    parts = urlsplit(written)
    if _web_page(written):
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


def license_problem(address: str) -> Problem | None:
    """What is wrong with the address of the open data's licence, or None when it is a web page's."""
    if _web_page(address):
        return None
    written = address.strip()
    fixed = "https://creativecommons.org/licenses/by/4.0/deed.id"
    if ":" not in written.split("/", 1)[0] and _web_page(f"https://{written}"):  # only its https:// is missing
        fixed = f"https://{written}"
    return Problem(Message("the licence's address '{address}' is not a web page's", address=address),
                   Message("write it in full, e.g. {fixed}", fixed=fixed))


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if plan.base_url is not None:
        found = address_problem(plan.base_url)
        if found:
            yield error(plan.where.get("base_url", plan.position), "E110", found.problem, found.hint)
    if plan.data_license_url is not None:
        found = license_problem(plan.data_license_url)
        if found:
            yield error(plan.where.get("open_data.license_url", plan.where.get("open_data", plan.position)), "E111",
                        found.problem, found.hint)
