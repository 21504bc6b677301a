"""The previous version a build compares the plan with (:mod:`masterplan.changes`), and what changed since.

The previous version is, in this order: the ``plan.json`` plan.yml's ``baseline`` names, a file inside the plan
folder (a fresh checkout keeps no ``build/``: the published version's open data is committed beside the content);
else the baseline the build leaves in ``build/`` (:mod:`masterplan.published_plan`): on a revision's first build the
last build's open data, which that build keeps, afterwards ``build/.published/plan.json``. Only one of another
revision (version or date) than the plan's counts: a build compares nothing with itself; and one a build kept only
if it is of the plan's city (another city's is another plan, not a version of this one) and not of a later revision
(a higher version, or a later date: the sample's 1.0, built before the copy became the city's 0.1). A missing or
damaged file kept by a build, or one of another format or a newer one (:mod:`masterplan.plan_json`), means no
changes shown, never a crash; the file plan.yml names is checked (:func:`problem`), saying which.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from masterplan import output, plan_json, published_plan
from masterplan.changes import (
    Changes,
    Version,
    compare,
    version_of_json,
    version_of_plan,
)
from masterplan.diagnostics import Message
from masterplan.folder_reader import inside
from masterplan.formatting import Formats
from masterplan.model import Plan
from masterplan.values import folded

FIELD = "baseline"  #: plan.yml's field naming the previous version's plan.json, relative to the plan folder


def named_path(plan: Plan) -> Path | None:
    """The file plan.yml's ``baseline`` names, or None without one."""
    if not plan.baseline or plan.content is None:
        return None
    return plan.content.parent / plan.baseline


def problem(plan: Plan) -> Message | None:
    """Why the file plan.yml's ``baseline`` names cannot be compared with; None if it can (or plan.yml names none)."""
    path = named_path(plan)
    if path is None or plan.baseline is None or plan.content is None:
        return None
    written = PurePosixPath(plan.baseline.replace("\\", "/"))
    if written.is_absolute() or ".." in written.parts or any(":" in part for part in written.parts[:1]) \
            or not inside(path, plan.content.parent):
        # a link inside the plan folder leading out of it is refused too: the project never reads beyond it
        return Message("it is not a file inside the plan folder")
    if not path.is_file():
        return Message("the plan folder has no such file")
    try:
        _read(path, plan)
    except plan_json.Unreadable as exc:  # another file's format, or a newer masterplan's
        return exc.reason
    except (OSError, ValueError):
        return Message("it is not the plan.json of a plan's open data")
    return None


def _read(path: Path, plan: Plan) -> Version:
    with open(path, encoding="utf-8-sig") as handle:  # saved again by Notepad, with its byte order mark
        return version_of_json(json.load(handle), plan.language, plan.written_in)


def _revision(path: Path) -> tuple[str, str | None] | None:
    found = published_plan.revision(path)
    return (str(found[0] or ""), found[1]) if found is not None else None


def _source(plan: Plan) -> Path | None:
    """The plan.json the plan is compared with: plan.yml's; else the baseline this build leaves in build/, as
    :func:`masterplan.published_plan.keep` decides it (on a revision's first build, the last build's open data);
    None when it is of the plan's own revision."""
    now = (plan.version, plan.date.isoformat() if plan.date else None)
    named = named_path(plan)
    if named is not None:
        return named if _revision(named) not in (None, now) else None
    if plan.content is None:
        return None
    build = output.build_folder(plan.content.parent)
    last, kept = build / published_plan.LAST, build / published_plan.FOLDER / "plan.json"
    if _revision(last) not in (None, now) and _revision(kept) != now:  # a revision's first build keeps the last
        return last if _of_the_city(last, plan) and not _later(last, now) else None
    return kept if _revision(kept) not in (None, now) and _of_the_city(kept, plan) and not _later(kept, now) else None


def _later(path: Path, now: tuple[str, str | None]) -> bool:
    """Whether the version a build kept comes after the plan's (:func:`masterplan.published_plan.later`)."""
    found = _revision(path)
    return found is not None and published_plan.later(found, now)


def later_build(plan: Plan) -> tuple[str, str | None] | None:
    """The revision (version, date) of the last build when it comes after the plan's, which is then compared with
    nothing; None otherwise, or with a baseline named in plan.yml."""
    if named_path(plan) is not None or plan.content is None:
        return None
    last = output.build_folder(plan.content.parent) / published_plan.LAST
    now = (plan.version, plan.date.isoformat() if plan.date else None)
    found = _revision(last)
    return found if found is not None and found != now and published_plan.later(found, now) else None


def _of_the_city(path: Path, plan: Plan) -> bool:
    """Whether a version a build kept is of the plan's city: after ``new --force --city`` or a sample made another
    city's by hand, the last build was the sample's, whose 66 programs the changes page listed as dropped."""
    found = published_plan.head(path)
    return found is not None and folded(found.get("city")) == folded(plan.city)  # "Kota pasuruan" mended is the same


def previous(plan: Plan) -> Version | None:
    """The previous version the plan is compared with; None when there is none, or it cannot be read."""
    source = _source(plan)
    if source is None:
        return None
    try:
        return _read(source, plan)
    except (OSError, ValueError):
        return None


def changes(plan: Plan) -> Changes | None:
    """What changed since the previous version, found once per plan; None without a previous version, or when
    nothing the change list shows changed."""
    def find() -> Changes | None:
        before = previous(plan)
        found = compare(before, version_of_plan(plan)) if before is not None else None
        return found if found else None
    return plan.derived("changes", find)


def _joined(parts: list[Message]) -> Message:
    """``a, b, c`` as a message (no "and": a line of counts, each said in its language)."""
    joined = parts[0]
    for part in parts[1:]:
        joined = Message("{first}, {then}", first=joined, then=part)
    return joined


def _counted(counts: list[tuple[str, int]]) -> list[Message]:
    """Each ``(template, count)`` whose count is not 0, filled in."""
    return [Message(template, count=count) for template, count in counts if count]


def what_changed(found: Changes) -> Message:
    """Each kind of change the page of changes lists, counted in its words: programs added, dropped and with another
    budget always (as the line has said since it was first written), every other kind only when there is one."""
    always = Message("programs {added} new, {dropped} dropped, {budgets} with another budget",
                     added=len(found.added), dropped=len(found.dropped), budgets=len(found.budget_changed))
    programs = _joined([always, *_counted([
        ("{count} with a new name", len(found.names_changed)), ("{count} with a new code", len(found.renamed)),
        ("{count} moved to another pillar", len(found.pillar_moved)),
        ("{count} moved to another lead agency", len(found.lead_moved)),
        ("{count} with other implementation years", len(found.period_changed)),
        ("{count} with another status", len(found.status_changed)),
        ("{count} with indicators renamed", len(found.indicators_renamed)),
        ("{count} with other indicator targets", len(found.targets_changed))])])
    pillars = _counted([("{count} with other indicator targets", len([c for c in found.pillars_changed if c.targets])),
                        ("{count} with indicators renamed",
                         len([c for c in found.pillars_changed if c.indicators_renamed]))])
    if pillars:  # the plan's headline indicators
        programs = Message("{programs}; pillars: {pillars}", programs=programs, pillars=_joined(pillars))
    agencies = _counted([("{count} merged", len(found.agencies_merged)),
                         ("{count} with a new id", len(found.agencies_renamed)),
                         ("{count} renamed", len(found.agencies_names_changed)),
                         ("{count} added", len(found.agencies_added)),
                         ("{count} dropped", len(found.agencies_dropped))])
    if not agencies:
        return programs
    return Message("{programs}; agencies: {agencies}", programs=programs, agencies=_joined(agencies))


def summary_line(plan: Plan, formats: Formats) -> Message | None:
    """The build's line on what changed since the previous version, in the words of the page of changes (amounts as
    ``formats`` write them), the change of the plan's budget last; None when there is nothing to say."""
    found = changes(plan)
    if found is None:
        return None
    return Message("Changes since version {version}: {changes}", version=found.version_then,
                   changes=said(found, formats))


def said(found: Changes, formats: Formats) -> Message:
    """Every kind of change the page of changes lists, counted, and the change of the plan's budget: what the build
    says, the home page's line and the page's own lead, one sentence in all three."""
    if not found.budget_difference:
        return Message("{changes}; the indicative budget is unchanged", changes=what_changed(found))
    return Message("{changes}; the indicative budget changed by {difference}", changes=what_changed(found),
                   difference=formats.rupiah_difference(found.budget_difference, short=True))
