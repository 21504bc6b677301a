"""The record of an adopted version as it was first built, so that an edit made under its version is told.

An adopted (final) plan is the annex of the regulation that adopted it: its book and site stand for that version and
that regulation. A build of a final plan whose version has no record yet keeps its open data (``plan.json``) in
``build/.adopted/``; later builds of the same version and date compare the plan with it, and an amount, a target, a
program or an agency changed there is told (W130): published, the annex would change under the citation of the old one.
Realised figures and a program's status are the monitoring of the plan, not an amendment of it, and are not told.
The record goes through the build's staging folder like the site, and stays until a build of another final version
replaces it; deleting ``build/.adopted/`` forgets it (a version built as final but never published).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from masterplan import output, published_plan
from masterplan.changes import Changes, compare, version_of_json, version_of_plan
from masterplan.model import Plan

FOLDER = ".adopted"  #: in the output folder
RECORD = Path(FOLDER, "plan.json")  #: the adopted version's open data, relative to the output folder


def _revision(plan: Plan) -> tuple[str, str | None]:
    return plan.version, plan.date.isoformat() if plan.date else None


def keep(plan: Plan, build_dir: Path, staging: Path) -> None:
    """Keep this build's open data as the record of its version, when the plan is final and its version has none."""
    if plan.is_draft or published_plan.revision(build_dir / RECORD) == _revision(plan):
        return
    built = staging / published_plan.LAST
    if built.is_file():
        (staging / FOLDER).mkdir(exist_ok=True)
        shutil.copyfile(built, staging / RECORD)


def amended(plan: Plan) -> Changes | None:
    """What changed since the first build of the plan's adopted version, beyond its monitoring; None when nothing
    did, the plan is a draft, or its version has no record."""
    if plan.is_draft or plan.content is None:
        return None
    record = output.build_folder(plan.content.parent) / RECORD
    head = published_plan.head(record)
    if head is None or (head.get("version"), head.get("date")) != _revision(plan) or head.get("status") != "final":
        return None
    try:
        with open(record, encoding="utf-8") as handle:
            before = version_of_json(json.load(handle), plan.language, plan.written_in)
    except (OSError, ValueError):
        return None
    found = compare(before, version_of_plan(plan))
    monitored_only = not any(getattr(found, kind) for kind in _AMENDMENTS)
    return None if monitored_only else found


#: what an amendment changes (not a program's status: the monitoring's)
_AMENDMENTS = ("added", "dropped", "budget_changed", "names_changed", "renamed", "pillar_moved", "lead_moved",
               "period_changed", "indicators_renamed", "targets_changed", "pillars_changed", "agencies_merged",
               "agencies_renamed", "agencies_names_changed", "agencies_added", "agencies_dropped")
