"""Published pages the next build would drop: W410, a renamed program whose page the last build published;
W412, an agency renamed (or merged into another) without ``former_ids``; W411, a chapter whose file was renamed,
which moves its page.

The last build's pages (and those of the published plan a revision started from) are listed first, which is cheap;
its open data, or a page's heading, is read only when one of them has nothing in the plan now.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from masterplan import published_plan
from masterplan.checks.last_build import (
    PUBLISHED_AGENCIES,
    PUBLISHED_CHAPTERS,
    PUBLISHED_PROGRAMS,
    Unknown,
    published_pages,
)
from masterplan.checks.references import free_id
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan
from masterplan.plan_parts import Agency
from masterplan.programs import Program
from masterplan.render.dropped_pages import dropped


def renamed_programs(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W410: a program renamed since the last build without ``former_ids``, whose published page
    (``program/OLD.html``) the next build would drop, or replace with a notice that it was dropped. The last build's
    pages are listed first (cheap); its open data is read only when one of them has no program now."""
    for old, program in _renamed(plan, "programs", plan.programs, PUBLISHED_PROGRAMS, {"INDEX"}):
        yield warning(program.at("id"), "W410", "program {new} was {old} in the last build: {fate}",
                      Message("add former_ids: [{old}] to {new}, so links to the old page keep working", old=old,
                              new=program.id),
                      new=program.id, old=old, fate=_fate(plan, "program", old))


def reused_codes(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W423: a program's code that the last build published for another program, given to a new one while that
    program took another code (ENV-05 renumbered ENV-16, ENV-05 given to a program just written): the published
    page program/ENV-05.html, and every link to it, would show the new program, and nothing else tells it."""
    before = Unknown.of(plan).last.names("programs")
    if not before:
        return
    names = {program.id: program.name.get(plan.language) for program in plan.programs}
    for program in plan.programs:
        then = before.get(program.id)
        if then is None or names[program.id] == then:
            continue
        moved = [code for code, name in names.items() if name == then and code not in before]
        if len(moved) == 1:
            free = free_id(plan, program.id, {moved[0]})
            yield warning(program.at("id"), "W423", "program code {code} was '{then}' in the last build, which is "
                          "{moved} now: the page {page} it published, and every link to it, would show '{now}'",
                          Message("keep {code} for '{then}' (write id: {code} in place of {moved}) and give this "
                                  "program a code of its own, e.g. {free}", code=program.id, then=then,
                                  moved=moved[0], free=free) if free else
                          Message("keep {code} for '{then}' (write id: {code} in place of {moved}) and give this "
                                  "program a code of its own", code=program.id, then=then, moved=moved[0]),
                          code=program.id, then=then, moved=moved[0], page=f"program/{program.id}.html",
                          now=names[program.id])


def renamed_agencies(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W412: an agency renamed since the last build (a new nomenclature: diskominfo became diskominfotik)
    without ``former_ids``: the next build drops its published page ``agency/OLD.html``, or replaces it with a
    notice that it was dropped."""
    last = Unknown.of(plan).last
    for old, agency in _renamed(plan, "agencies", plan.agencies, PUBLISHED_AGENCIES, set()):
        said = ("agency {new} now leads what {old} led in the last build: {fate}" if last.merged(old, agency.id) else
                "agency {new} was {old} in the last build: {fate}")
        yield warning(agency.at("id"), "W412", said, Message("add former_ids: [{old}] to {new}, so links "
                                                            "to the old page keep working", old=old, new=agency.id),
                      new=agency.id, old=old, fate=_fate(plan, "agency", old))


def _fate(plan: Plan, kind: str, old: str) -> Message:
    """What the next build does with the page ``kind/old.html`` the last build published: a notice that it was
    dropped where the revision's previous version had it (:mod:`masterplan.render.dropped_pages`), else nothing."""
    page = f"{kind}/{old}.html"
    if any(notice.kind == kind and notice.id.upper() == old.upper() for notice in dropped(plan)):
        return Message("the next build replaces the page {page} it published with a notice that {old} was dropped",
                       page=page, old=old)
    return Message("the next build drops the page {page} it published", page=page)


def _renamed(plan: Plan, kind: str, items: Sequence[Program | Agency], folder: Path,
             reserved: set[str]) -> Iterator[tuple[str, Any]]:
    """(id in the last build, what has it now) of each page of ``folder`` the last build published for
    something that has another id now and no ``former_ids`` naming the old one."""
    published = published_pages(plan, folder)
    kept = {i.id.upper() for i in items} | {f.upper() for i in items for f in i.former_ids} | reserved
    vanished = sorted(page for page in published if page.upper() not in kept)  # GOV-01 → gov-01: one page
    if not vanished:
        return
    unknown = Unknown.of(plan)
    now = {item.id: item for item in items}
    for old in vanished:
        new = unknown.last.renamed(old, kind, unknown.names[kind])
        if new in now:
            yield old, now[new]


def renamed_chapters(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W411: a chapter whose page the last build published under another name (its file was
    renamed, "10-penutup.md" to "10-kesimpulan.md"): the next build drops ``chapter/OLD.html``.
    The old page is the one whose heading is the chapter's title; pages are read only when a
    page of the last build has no chapter now."""
    if plan.content is None:
        return
    folder = plan.content.parent / PUBLISHED_CHAPTERS
    built = published_plan.pages_in(folder)
    baseline = published_plan.pages(plan.content.parent, folder.name)  # a draft build of a revision moved them
    vanished = (built | baseline) - {chapter.id for chapter in plan.chapters}
    if not vanished:
        return
    kept = published_plan.chapter_titles(plan.content.parent) if vanished - built else {}
    titles = {published_plan.page_title(folder / f"{old}.html") if old in built else kept.get(old): old
              for old in sorted(vanished, reverse=True)}  # one title twice: the first id
    for chapter in plan.chapters:
        old = titles.get(str(chapter.title))
        if old is not None and chapter.id not in (built if old in built else baseline):  # its page is not the old
            yield warning(chapter.position, "W411", "chapter '{title}' was published as {page}: the next build "
                          "drops that page and publishes {new}",
                          Message("to keep its address, write id: {old} in the front matter", old=old),
                          title=str(chapter.title), page=f"chapter/{old}.html", new=f"chapter/{chapter.id}.html")
