"""The published plan a revision starts from, kept beside the build so the last-build hints outlive a draft build.

A revision starts: the plan's ``version`` (or ``date``) is edited, an agency merged, and ``build --no-pdf`` run
once to look at the site. That build replaces ``build/site/data/plan.json`` with the half-revised plan, while the
public site still shows the old one, whose agency pages, names and ids the hints (E203, W412, W419…) are about.
So a build that writes the site for a plan whose version or date differs from the last build's keeps the last
build's open data, the list of its agency, program and chapter pages, and its chapters' headings, in
``build/.published/``: the baseline. Builds of
the same revision leave it as it is; the next revision's first build replaces it.

The baseline goes through the build's staging folder like the site, so a build that fails loses nothing, and
``--no-cache`` keeps it (it is a record, not a cache). Reading it is cheap: the small list of pages first, the open
data only when a hint needs it. A missing or damaged file means no baseline, never a crash.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

from masterplan import output, plan_json
from masterplan.model import Plan

FOLDER = ".published"  #: the baseline, in the output folder (kept through the staging folder, like the site)
#: the baseline's open data, relative to the plan folder: the plan.json of the last build of the previous revision
PLAN = Path(output.BUILD, FOLDER, "plan.json")
#: the pages that build published, by folder ("agency", "program", "chapter"), and its chapters' headings
PAGES = Path(output.BUILD, FOLDER, "pages.json")
LAST = Path(output.SITE, "data", "plan.json")  #: the last build's open data, in the output folder
_KINDS = ("agency", "program", "chapter")  #: the site's folders whose pages are listed
_HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)


def keep(plan: Plan, build_dir: Path, staging: Path) -> None:
    """Put the last build's open data and page list into ``staging`` as the new baseline, when ``plan`` is of
    another revision than the last build and than the baseline kept so far (a revision undone keeps it)."""
    last = build_dir / LAST
    published = revision(last)
    now = (plan.version, plan.date.isoformat() if plan.date else None)
    if published is None or published == now or revision(build_dir / FOLDER / "plan.json") == now \
            or later(published, now):  # the sample's 1.0 built before the city's own 0.1: no version of it
        return
    target = staging / FOLDER
    target.mkdir()
    shutil.copyfile(last, target / "plan.json")
    pages = {kind: sorted(pages_in(build_dir / output.SITE / kind)) for kind in _KINDS}
    titles = {page: page_title(build_dir / output.SITE / "chapter" / f"{page}.html") for page in pages["chapter"]}
    (target / "pages.json").write_text(json.dumps({"revision": list(published), "pages": pages,
                                                   "chapter_titles": titles}), encoding="utf-8")


_VERSION = re.compile(r"[vV]?(\d+(?:\.\d+)*)")


def later(then: tuple[Any, Any], now: tuple[Any, Any]) -> bool:
    """Whether the revision ``then`` (version, ISO date) comes after ``now``: a higher version ("1.0" after "0.1",
    "1.10" after "1.9"), or, the versions equal or not numbers, a later date. A build of such a revision is no
    previous version of the plan: a copy of the sample (1.0) built before it was made the city's own draft (0.1)."""
    first, second = (_VERSION.fullmatch(str(version or "").strip()) for version in (then[0], now[0]))
    if first and second:
        before, after = ([int(n) for n in found.group(1).split(".")] for found in (first, second))
        width = max(len(before), len(after))
        before, after = before + [0] * (width - len(before)), after + [0] * (width - len(after))
        if before != after:
            return before > after
    return bool(then[1] and now[1]) and str(then[1]) > str(now[1])


def revision(path: Path) -> tuple[Any, Any] | None:
    """(version, date) of the plan.json at ``path``; None when it cannot be read, or is of a format this masterplan
    does not read (:mod:`masterplan.plan_json`)."""
    data = head(path)
    return (data.get("version"), data.get("date")) if data is not None else None


def head(path: Path) -> dict[str, Any] | None:
    """The ``"plan"`` field of the plan.json at ``path`` (its city, title, version, date…); None when it cannot be
    read, or is of a format this masterplan does not read. Its lines ``"format"``, ``"format_version"`` and
    ``"plan": {…}`` are at the top (one top-level field a line): read alone, not the megabytes of programs after them."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            top = _fields([handle.readline() for _ in range(8)])
        if "plan" not in top:  # not written one field a line: the whole file
            with open(path, encoding="utf-8-sig") as handle:
                top = json.load(handle)
        data = plan_json.checked(top).get("plan")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _fields(lines: list[str]) -> dict[str, Any]:
    """The top-level fields written whole on ``lines`` of a plan.json, one a line (``"format": "masterplan/plan",``)."""
    found: dict[str, Any] = {}
    for line in lines:
        try:
            field = json.loads("{" + line.strip().rstrip(",") + "}") if line.startswith(' "') else None
        except ValueError:  # a list's first line ("pillars": [)
            continue
        found.update(field or {})
    return found


def pages(root: Path, kind: str) -> set[str]:
    """The ids of the ``kind`` pages ("agency", "program", "chapter") the baseline of the plan folder ``root``
    published; none without a baseline, or with a damaged one."""
    found = _listed(root).get("pages")
    found = found.get(kind) if isinstance(found, dict) else None
    return {page for page in found if isinstance(page, str)} if isinstance(found, list) else set()


def chapter_titles(root: Path) -> dict[str, str]:
    """id → heading of each chapter page the baseline of the plan folder ``root`` published."""
    found = _listed(root).get("chapter_titles")
    return {page: title for page, title in found.items() if isinstance(page, str) and isinstance(title, str)} \
        if isinstance(found, dict) else {}


def page_title(page: Path) -> str | None:
    """The heading of a page a build published; None when it cannot be read."""
    try:
        with open(page, encoding="utf-8", errors="replace") as handle:
            found = _HEADING.search(handle.read(65536))
    except OSError:
        return None
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else None


def _listed(root: Path) -> dict[str, Any]:
    try:
        with open(root / PAGES, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def pages_in(folder: Path) -> set[str]:
    """The ids of the pages in a folder of a built site (``agency/``: "dishub" for dishub.html); none without it."""
    try:
        return {name[:-5] for name in os.listdir(folder) if name.endswith(".html")}
    except OSError:
        return set()
