"""A notice at the address of each program and agency a revision dropped, so links published before it (a council's
minutes, a news item, another agency's site) lead to a page saying so, not to "page not found".

A revision's builds know what it dropped from the previous version (:func:`masterplan.baseline.changes`): a program
or agency that version had and the plan has no more, under any id (a rename keeps ``former_ids``, whose address
leads to the new page instead). Later revisions no longer compare with that version, so each notice carries what it
says in a ``<meta>`` of its own page, and the next build reads it back from the last build's site and writes the
notice again: the address stays answered from revision to revision. Only pages the last build published and the plan
has nothing for are read, so a build with nothing dropped reads none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from masterplan import baseline, output, published_plan
from masterplan.model import Plan

META = "masterplan-dropped"  #: the name of the notice's ``<meta>``, whose content is the :class:`Dropped` as JSON
KINDS = ("program", "agency")  #: the site's folders of the pages a revision may drop
_META = re.compile(r'<meta name="' + META + r'" content="([^"]*)"')


@dataclass(frozen=True)
class Dropped:
    """A program or agency a revision dropped: ``kind`` 'program' or 'agency', its id, code or short name and name
    as the plan last had them, and the version whose revision dropped it."""

    kind: str
    id: str
    label: str  #: the program's code, or the agency's short name
    name: str
    since: str

    @property
    def path(self) -> str:
        return f"{self.kind}/{self.id}.html"

    def as_json(self) -> str:
        return json.dumps({"kind": self.kind, "id": self.id, "label": self.label, "name": self.name,
                           "since": self.since}, ensure_ascii=False)


def dropped(plan: Plan) -> list[Dropped]:
    """The programs and agencies dropped by this revision or an earlier one, whose pages the plan has no more: by
    kind (programs first), then id. Found once for the site's pages and validate's W410 and W412."""
    return plan.derived("dropped pages", lambda: _dropped(plan))


def _dropped(plan: Plan) -> list[Dropped]:
    taken = {(kind, id_.upper()) for kind, items in (("program", plan.programs), ("agency", plan.agencies))
             for item in items for id_ in (item.id, *item.former_ids)}
    found = {(d.kind, d.id.upper()): d for d in _noticed(plan, taken)}
    changes = baseline.changes(plan)
    if changes:
        for program in changes.dropped:  # a notice the last build carried keeps the version it names
            found.setdefault(("program", program.id.upper()), Dropped(
                "program", program.id, program.id, program.name.get(plan.language), plan.version))
        for agency in changes.agencies_dropped:
            found.setdefault(("agency", agency.id.upper()), Dropped(
                "agency", agency.id, agency.short_name, agency.name.get(plan.language), plan.version))
    return sorted((d for key, d in found.items() if key not in taken), key=lambda d: (KINDS.index(d.kind), d.id))


def _noticed(plan: Plan, taken: set[tuple[str, str]]) -> list[Dropped]:
    """The notices the last build published, read back from its pages the plan has nothing for."""
    if plan.content is None:
        return []
    site = plan.content.parent / output.BUILD / output.SITE
    found = []
    for kind in KINDS:
        for page in sorted(published_plan.pages_in(site / kind)):
            if (kind, page.upper()) not in taken and page != "index":
                notice = _notice(site / kind / f"{page}.html")
                if notice is not None and notice.kind == kind and notice.id == page:
                    found.append(notice)
    return found


def _notice(page: Path) -> Dropped | None:
    """The notice a page of the last build carries; None for another page, or one that cannot be read."""
    try:
        with open(page, encoding="utf-8", errors="replace") as handle:
            found = _META.search(handle.read(65536))  # in the head, however much a theme puts before it
        data = json.loads(unescape(found.group(1))) if found else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) for key in
                                             ("kind", "id", "label", "name", "since")):
        return None
    return Dropped(data["kind"], data["id"], data["label"], data["name"], data["since"])
