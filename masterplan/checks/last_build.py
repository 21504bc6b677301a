"""What the last good build published, for hints about ids that are gone since (:class:`Unknown`).

A program renamed from SOC-20 to SOC-30 leaves other agencies' files naming SOC-20. The
nearest existing id (SOC-02) is the wrong guess; the last build's open data
(``build/site/data/plan.json``) knows that SOC-20 was "Kampung Siaga Bencana", and that
this name is now SOC-30's. Read only when an unknown id is found; a missing or unreadable
file means no such hint.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

from masterplan.diagnostics import Message, did_you_mean
from masterplan.model import Plan

#: where a build leaves the open data, relative to the plan folder
PUBLISHED = Path("build") / "site" / "data" / "plan.json"


class LastBuild:
    """The ids and names of the programs and agencies of the last good build of ``plan``."""

    def __init__(self, plan: Plan):
        self.plan = plan

    @cached_property
    def _published(self) -> dict[str, Any]:
        """The last build's open data as read from its file; empty when there is none or it is damaged."""
        if self.plan.content is None:
            return {}
        try:
            with open(self.plan.content.parent / PUBLISHED, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _names(self, kind: str) -> dict[str, str]:
        """id → name in the plan's language, of the last build's ``kind`` ("programs" or "agencies")."""
        items = self._published.get(kind)
        found = {}
        for item in items if isinstance(items, list) else []:  # a damaged file gives no hint, not a crash
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found[item["id"]] = _name(item.get("name"), self.plan.language)
        return found

    def gone(self, missing: str, kind: str, current: dict[str, str]) -> Message | None:
        """A hint for an id the plan no longer has but the last build did: what it is called now
        (``current``: id → name today), or that it was removed or renamed. None when it was never built."""
        before = self._names(kind)
        if missing not in before:
            return None
        name = before[missing]
        renamed = [new for new, now in current.items() if now == name and new not in before] if name else []
        if len(renamed) == 1:
            return Message("{old} of the last build, \"{name}\", is now {new}: write the new id",
                           old=missing, new=renamed[0], name=name)
        return Message("{old}, \"{name}\", was in the last build: its id has been changed, or it has been removed",
                       old=missing, name=name or missing)


def _name(name: Any, language: str) -> str:
    """A name as plan.json writes it (text, or language → text) in ``language``; "" when it is neither."""
    if isinstance(name, str):
        return name
    if isinstance(name, dict):
        text = name.get(language) or next((value for value in name.values() if isinstance(value, str)), "")
        return text if isinstance(text, str) else ""
    return ""


class Unknown:
    """Hints for an id that names nothing: renamed or removed since the last build, else a likely typo."""

    def __init__(self, plan: Plan):
        self.last = LastBuild(plan)
        self.renamed = {former.upper(): program.id for program in plan.programs for former in program.former_ids}
        self.names = {"programs": {p.id: p.name.get(plan.language) for p in plan.programs},
                      "agencies": {a.id: a.name.get(plan.language) for a in plan.agencies}}

    def program(self, missing: str) -> Message | None:
        """The hint for a program id the plan does not have."""
        if missing.upper() in self.renamed:
            return Message("{old} is now {new} (its former_ids say so): write the new id", old=missing,
                           new=self.renamed[missing.upper()])
        return self._hint(missing, "programs")

    def agency(self, missing: str) -> Message | None:
        """The hint for an agency id the plan does not have."""
        return self._hint(missing, "agencies")

    def _hint(self, missing: str, kind: str) -> Message | None:
        return self.last.gone(missing, kind, self.names[kind]) or did_you_mean(missing, self.names[kind])
