"""What the last good build published, for hints about ids that are gone since (:class:`Unknown`),
for W410, a renamed program whose published page the next build would drop, and for W411, a
chapter whose file was renamed, which moves its page.

A program renamed from SOC-20 to SOC-30 leaves other agencies' files naming SOC-20. The
nearest existing id (SOC-02) is the wrong guess; the last build's open data
(``build/site/data/plan.json``) knows that SOC-20 was "Kampung Siaga Bencana", and that
this name is now SOC-30's. Read only when an unknown id is found, or a page of the last build
has no program now; a missing or unreadable file means no such hint.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from html import unescape
from pathlib import Path
from typing import Any

from masterplan import output
from masterplan.diagnostics import Diagnostic, Message, did_you_mean, warning
from masterplan.load import YAML_SUFFIXES
from masterplan.model import Agency, Plan, Program, code_order

#: where a build leaves the open data, relative to the plan folder
PUBLISHED = Path(output.BUILD, output.SITE) / "data" / "plan.json"
#: where it leaves the programs' pages
PUBLISHED_PROGRAMS = Path(output.BUILD, output.SITE) / "program"
#: where it leaves the agencies' pages
PUBLISHED_AGENCIES = Path(output.BUILD, output.SITE) / "agency"
#: where it leaves the chapters' pages
PUBLISHED_CHAPTERS = Path(output.BUILD, output.SITE) / "chapter"
_HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)


class LastBuild:
    """The ids and names of the programs and agencies of the last good build of ``plan``."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self._known: dict[Any, Any] = {}  #: the last build's names by kind, and who carries each name now

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
        if kind not in self._known:
            self._known[kind] = self._read_names(kind)
        return self._known[kind]  # type: ignore[no-any-return]

    def _read_names(self, kind: str) -> dict[str, str]:
        items = self._published.get(kind)
        found = {}
        for item in items if isinstance(items, list) else []:  # a damaged file gives no hint, not a crash
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found[item["id"]] = _name(item.get("name"), self.plan.language)
        return found

    def names_gone(self, kind: str) -> dict[str, list[str]]:
        """id → the short name (an agency's) and the names of each of the last build's ``kind`` ("programs" or
        "agencies") the plan has no more by that id."""
        items = self._published.get(kind)
        now = {item.id for item in (self.plan.agencies if kind == "agencies" else self.plan.programs)}
        gone: dict[str, list[str]] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] not in now:
                name = item.get("name")
                names = [item.get("short_name"), *(name.values() if isinstance(name, dict) else [name])]
                gone[item["id"]] = [text.strip() for text in names if isinstance(text, str) and text.strip()]
        return gone

    def published(self, kind: str) -> set[str]:
        """The ids of the last build's ``kind`` ("programs" or "agencies"); none without a last build."""
        return set(self._names(kind))

    def renamed(self, missing: str, kind: str, current: dict[str, str]) -> str | None:
        """The id today of what the last build had as ``missing``: the one id (new since then) now
        carrying its name. None when it was never built, or no single id carries its name."""
        before = self._names(kind)
        name = before.get(missing)
        if not name:
            return None
        if ("carrying", kind) not in self._known:  # once: a renumbering may leave thousands of ids to look up
            carrying: dict[str, list[str]] = {}
            for new, now in current.items():
                if new not in before:
                    carrying.setdefault(now, []).append(new)
            self._known["carrying", kind] = carrying
        found = self._known["carrying", kind].get(name, [])
        if not found and kind == "agencies":  # renamed and retitled (a new nomenclature): it leads what it led
            return self._leading(missing, before)
        return found[0] if len(found) == 1 else None

    def _leading(self, missing: str, before: dict[str, str]) -> str | None:
        """The one agency new since the last build that leads at least half of what ``missing`` led then."""
        items = self._published.get("agencies")
        led = next((set(item["leads"]) for item in items if isinstance(item, dict) and item.get("id") == missing
                    and isinstance(item.get("leads"), list) and all(isinstance(p, str) for p in item["leads"])),
                   set()) if isinstance(items, list) else set()
        if not led:
            return None
        heirs = [agency.id for agency in self.plan.agencies
                 if 2 * len(led & {program.id for program in agency.programs}) >= len(led)]
        new = [heir for heir in heirs if heir not in before]  # a new nomenclature's, before one merged into
        return new[0] if len(new) == 1 else heirs[0] if len(heirs) == 1 else None

    def merged(self, missing: str, heir: str) -> bool:
        """Whether agency ``heir``, which leads what ``missing`` led, was in the last build beside it: the two
        were merged (Diskop-UM into Disperindag), not one renamed."""
        return heir in self._names("agencies") and missing != heir

    def gone(self, missing: str, kind: str, current: dict[str, str]) -> Message | None:
        """A hint for an id the plan no longer has but the last build did: what it is called now
        (``current``: id → name today), or that it was removed or renamed. None when it was never built."""
        before = self._names(kind)
        if missing not in before:
            return None
        name, new = before[missing], self.renamed(missing, kind, current)
        if new and kind == "agencies" and self.merged(missing, new):
            return Message("{old} of the last build, \"{name}\", is gone, and {new}, which now leads its programs, "
                           "took it over: write {new}, and add former_ids: [{old}] to {new} so links to its "
                           "published page keep working", old=missing, new=new, name=name)
        if new and new.upper() != missing.upper():  # former_ids keeps links to its page
            return Message("{old} of the last build, \"{name}\", is now {new}: write the new id, and add "
                           "former_ids: [{old}] to {new} so links to its published page keep working",
                           old=missing, new=new, name=name)
        if new:
            return Message("{old} of the last build, \"{name}\", is now {new}: write the new id",
                           old=missing, new=new, name=name)
        folder = self.plan.content / "agencies" if self.plan.content and kind == "agencies" else None
        if folder is not None and not _yaml_file(folder, missing):
            return Message("{old}, \"{name}\", was in the last build, and its file {file} is gone: restore the "
                           "file, or name the agency that now does its work", old=missing, name=name or missing,
                           file=f"content/agencies/{missing}.yml")
        return Message("{old}, \"{name}\", was in the last build: its id has been changed, or it has been removed; "
                       "dropped in a revision, delete {old} here; renamed, write its new id",
                       old=missing, name=name or missing)


def _yaml_file(folder: Path, stem: str) -> bool:
    """Whether ``folder`` holds a YAML file named ``stem`` (``rsud.yml``, ``rsud.yaml``, ``rsud.YML``…)."""
    return folder.is_dir() and any(path.stem == stem and path.suffix.lower() in YAML_SUFFIXES
                                   for path in folder.iterdir())


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
        self.renamed_agencies = {former: agency.id for agency in plan.agencies for former in agency.former_ids}
        self.names = {"programs": {p.id: p.name.get(plan.language) for p in plan.programs},
                      "agencies": {a.id: a.name.get(plan.language) for a in plan.agencies}}

    def program(self, missing: str) -> Message | None:
        """The hint for a program id the plan does not have."""
        if missing.upper() in self.renamed:
            return Message("{old} is now {new} (its former_ids say so): write the new id", old=missing,
                           new=self.renamed[missing.upper()])
        return self._hint(missing, "programs")

    def series(self, missing: str) -> Message | None:
        """The last hint for a program id that names nothing and is no likely typo of one (GOV-99): the ids of its
        series the plan has, so that the one meant can be looked up among them."""
        found = re.fullmatch(r"(.*?[^\W\d])[-_. ]?\d+", missing)
        if not found:
            return None
        series = re.compile(re.escape(found.group(1)) + r"[-_. ]?\d+", re.IGNORECASE)
        ids = sorted((id_ for id_ in self.names["programs"] if series.fullmatch(id_)), key=code_order)
        if not ids:
            return None
        return Message("no program has the id {id}; the plan's {series} programs are {first} to {last}", id=missing,
                       series=found.group(1).upper(), first=ids[0], last=ids[-1]) if len(ids) > 1 else \
            Message("no program has the id {id}; the plan's only {series} program is {first}", id=missing,
                    series=found.group(1).upper(), first=ids[0])

    def agency(self, missing: str) -> Message | None:
        """The hint for an agency id the plan does not have."""
        if missing in self.renamed_agencies:
            return Message("{old} is now {new} (its former_ids say so): write the new id", old=missing,
                           new=self.renamed_agencies[missing])
        return self._hint(missing, "agencies")

    def heir(self, missing: str) -> str | None:
        """The agency that does the work of agency id ``missing`` today: its former_ids say so, or it leads what
        ``missing`` led in the last build."""
        return self.renamed_agencies.get(missing) or self.last.renamed(missing, "agencies", self.names["agencies"])

    def _hint(self, missing: str, kind: str) -> Message | None:
        return (self.last.gone(missing, kind, self.names[kind]) or did_you_mean(missing, self.names[kind])
                or _by_name(missing, self.names[kind]))


def _by_name(missing: str, names: dict[str, str | None]) -> Message | None:
    """The id of the one whose name ``missing`` spells, or the one name it begins ('dinas_sosial' for dinsos,
    Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak; 'e-sambat' for GOV-01, e-Sambat (Media Sambat
    Masyarakat))."""
    spelt = _spelt(missing)
    by_name = {_spelt(str(name)): id_ for id_, name in names.items() if name}
    starting = [name for name in by_name if re.match(re.escape(spelt) + r"\b", name)]  # "Dinas Sosial, Pemberdayaan …"
    found = starting if len(starting) == 1 else difflib.get_close_matches(spelt, list(by_name), n=1, cutoff=0.85)
    return Message("did you mean '{word}' ({name})?", word=by_name[found[0]], name=names[by_name[found[0]]]) if found else None


def _spelt(name: str) -> str:
    """A name as it is compared: small letters, a dash or an underscore as a space."""
    return re.sub(r"[_\-\s]+", " ", name).strip().lower()


def renamed_programs(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W410: a program renamed since the last build without ``former_ids``, whose published page
    (``program/OLD.html``) the next build would drop, breaking every link to it. The last build's
    pages are listed first (cheap); its open data is read only when one of them has no program now."""
    for old, program in _renamed(plan, "programs", plan.programs, PUBLISHED_PROGRAMS, {"INDEX"}):
        yield warning(program.at("id"), "W410", "program {new} was {old} in the last build: the next build "
                      "drops the page {page} it published", Message("add former_ids: [{old}] to {new}, so links "
                                                                     "to the old page keep working", old=old, new=program.id),
                      new=program.id, old=old, page=f"program/{old}.html")


def renamed_agencies(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W412: an agency renamed since the last build (a new nomenclature: diskominfo became diskominfotik)
    without ``former_ids``: the next build drops its published page ``agency/OLD.html``."""
    last = LastBuild(plan)
    for old, agency in _renamed(plan, "agencies", plan.agencies, PUBLISHED_AGENCIES, set()):
        said = ("agency {new} now leads what {old} led in the last build: the next build drops the page {page} it "
                "published" if last.merged(old, agency.id) else
                "agency {new} was {old} in the last build: the next build drops the page {page} it published")
        yield warning(agency.at("id"), "W412", said, Message("add former_ids: [{old}] to {new}, so links "
                                                            "to the old page keep working", old=old, new=agency.id),
                      new=agency.id, old=old, page=f"agency/{old}.html")


def _renamed(plan: Plan, kind: str, items: Sequence[Program | Agency], folder: Path,
             reserved: set[str]) -> Iterator[tuple[str, Any]]:
    """(id in the last build, what has it now) of each page of ``folder`` the last build published for
    something that has another id now and no ``former_ids`` naming the old one."""
    if plan.content is None:
        return
    try:
        published = {name[:-5] for name in os.listdir(plan.content.parent / folder) if name.endswith(".html")}
    except OSError:
        return  # no build yet
    kept = {i.id.upper() for i in items} | {f.upper() for i in items for f in i.former_ids} | reserved
    vanished = sorted(page for page in published if page.upper() not in kept)  # GOV-01 → gov-01: one page
    if not vanished:
        return
    unknown = Unknown(plan)
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
    try:
        published = {name[:-5] for name in os.listdir(folder) if name.endswith(".html")}
    except OSError:
        return  # no build yet
    vanished = published - {chapter.id for chapter in plan.chapters}
    if not vanished:
        return
    titles = {_published_title(folder / f"{old}.html"): old for old in sorted(vanished, reverse=True)}  # one title twice: the first id
    for chapter in plan.chapters:
        old = titles.get(str(chapter.title)) if chapter.id not in published else None
        if old is not None:
            yield warning(chapter.position, "W411", "chapter '{title}' was published as {page}: the next build "
                          "drops that page and publishes {new}",
                          Message("to keep its address, write id: {old} in the front matter", old=old),
                          title=str(chapter.title), page=f"chapter/{old}.html", new=f"chapter/{chapter.id}.html")


def _published_title(page: Path) -> str | None:
    """The heading of a page the last build published; None when it cannot be read."""
    try:
        with open(page, encoding="utf-8", errors="replace") as handle:
            found = _HEADING.search(handle.read(65536))
    except OSError:
        return None
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else None
