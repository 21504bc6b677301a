"""What the last good build published, for hints about ids that are gone since (:class:`Unknown`), and for
the pages the next build would drop (:mod:`masterplan.checks.renamed_pages`: W410, W411, W412).

A program renamed from SOC-20 to SOC-30 leaves other agencies' files naming SOC-20. The
nearest existing id (SOC-02) is the wrong guess; the last build's open data
(``build/site/data/plan.json``) knows that SOC-20 was "Kampung Siaga Bencana", and that
this name is now SOC-30's. Read only when an unknown id is found, or a page of the last build
has no program now; a missing or unreadable file, or one of a format this masterplan does not read (another's, a
newer masterplan's), means no such hint.

A build in the middle of a revision publishes nothing yet, though it replaces the last build's open data: what
only the published plan the revision started from had (:mod:`masterplan.published_plan`, the baseline) is looked
up there, as if the last build had it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from masterplan import (
    baseline,
    names_history,
    output,
    plan_json,
    published_plan,
    stray_agencies,
)
from masterplan.diagnostics import Message, did_you_mean, listing
from masterplan.folder_reader import YAML_SUFFIXES
from masterplan.model import Plan
from masterplan.programs import Program
from masterplan.values import code_order

#: where a build leaves the open data, relative to the plan folder
PUBLISHED = Path(output.BUILD) / published_plan.LAST
#: where it leaves the programs' pages
PUBLISHED_PROGRAMS = Path(output.BUILD, output.SITE) / "program"
#: where it leaves the agencies' pages
PUBLISHED_AGENCIES = Path(output.BUILD, output.SITE) / "agency"
#: where it leaves the chapters' pages
PUBLISHED_CHAPTERS = Path(output.BUILD, output.SITE) / "chapter"


class LastBuild:
    """The ids and names of the programs and agencies of the last good build of ``plan``."""

    def __init__(self, plan: Plan, source: Path = PUBLISHED):
        self.plan = plan
        self.source = source  #: its open data, relative to the plan folder
        self._known: dict[Any, Any] = {}  #: the last build's names by kind, and who carries each name now

    @cached_property
    def _published(self) -> dict[str, Any]:
        """The last build's open data as read from its file; empty when there is none, it is damaged, or is of a
        format this masterplan does not read (:mod:`masterplan.plan_json`)."""
        if self.plan.content is None:
            return {}
        path = self.plan.content.parent / self.source
        if self.source == PUBLISHED and not path.is_file() and baseline.problem(self.plan) is None \
                and (named := baseline.named_path(self.plan)) is not None:
            path = named  # a fresh checkout, no build yet: the published plan.json plan.yml names (``baseline:``)
        try:
            with open(path, encoding="utf-8") as handle:
                return dict(plan_json.checked(json.load(handle)))
        except (OSError, ValueError):
            return {}

    @cached_property
    def baseline(self) -> LastBuild | None:
        """The published plan the last build's revision started from, whose ids a draft build of the revision
        dropped already; None for the baseline itself (read only when a hint needs it)."""
        return LastBuild(self.plan, published_plan.PLAN) if self.source == PUBLISHED else None

    def _knowing(self, missing: str, kind: str) -> LastBuild:
        """The build whose ``kind`` had ``missing``: this one, or else its baseline when that had it."""
        if missing in self._names(kind) or self.baseline is None or missing not in self.baseline._names(kind):
            return self
        return self.baseline

    def lead_of(self, program: str) -> str | None:
        """The agency that led program ``program`` in the last build, or None."""
        if "leads" not in self._known:
            items = self._published.get("programs")
            self._known["leads"] = {item["id"]: item["lead"] for item in items if isinstance(item, dict)
                                    and isinstance(item.get("id"), str) and isinstance(item.get("lead"), str)
                                    } if isinstance(items, list) else {}
        return self._known["leads"].get(program)  # type: ignore[no-any-return]

    def ids(self, kind: str) -> set[str]:
        """The ids of the last build's ``kind`` ("programs" or "agencies")."""
        items = self._published.get(kind)
        return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)} \
            if isinstance(items, list) else set()

    def names(self, kind: str) -> dict[str, str]:
        """id → name in the plan's language, of the last build's ``kind`` ("programs" or "agencies")."""
        return self._names(kind)

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
        now = {item.id for item in (self.plan.agencies if kind == "agencies" else self.plan.programs)}
        gone = {id_: names for id_, names in self._all_names(kind).items() if id_ not in now}
        return gone | {old: names for old, names in (self.baseline.names_gone(kind) if self.baseline else {}).items()
                       if old not in gone}

    def names_kept(self, kind: str) -> dict[str, list[str]]:
        """id → every short name (an agency's) and name that the last build, the published plan its revision started
        from, or a build before them (:mod:`masterplan.names_history`) gave each of its ``kind`` the plan still has by
        that id."""
        now = {item.id for item in (self.plan.agencies if kind == "agencies" else self.plan.programs)}
        kept: dict[str, list[str]] = {}
        earlier = names_history.kept(self.plan.content.parent / output.BUILD).get(kind, {}) if self.plan.content else {}
        for found in (self._all_names(kind), self.baseline._all_names(kind) if self.baseline else {}, earlier):
            for id_, names in found.items():
                if id_ in now:
                    kept[id_] = list(dict.fromkeys([*kept.get(id_, []), *names]))
        return kept

    def _all_names(self, kind: str) -> dict[str, list[str]]:
        """id → the short name (an agency's) and the names, in every language, of each of this build's ``kind``."""
        return names_history.names_in(self._published, kind)

    def published(self, kind: str) -> set[str]:
        """The ids of the last build's ``kind`` ("programs" or "agencies"); none without a last build."""
        return set(self._names(kind)) | (self.baseline.published(kind) if self.baseline else set())

    def renamed(self, missing: str, kind: str, current: dict[str, str]) -> str | None:
        """The id today of what the last build had as ``missing``: the one id (new since then) now
        carrying its name. None when it was never built, or no single id carries its name."""
        if (source := self._knowing(missing, kind)) is not self:
            return source.renamed(missing, kind, current)
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
        return heir in self._knowing(missing, "agencies")._names("agencies") and missing != heir

    def gone(self, missing: str, kind: str, current: dict[str, str], lead: str = "") -> Message | None:
        """A hint for an id the plan no longer has but the last build did: what it is called now
        (``current``: id → name today), or that it was removed or renamed. None when it was never built.
        ``lead``: the agency leading the program that names ``missing`` as a partner."""
        if (source := self._knowing(missing, kind)) is not self:
            return source.gone(missing, kind, current, lead)
        before = self._names(kind)
        if missing not in before:
            return None
        name, new = before[missing], self.renamed(missing, kind, current)
        if new and kind == "agencies" and new == lead:  # merged into the program's own lead
            return absorbed(missing, lead)
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
        agencies = self.plan.content / "agencies" if self.plan.content else None
        leading = self.lead_of(missing) if kind == "programs" else None
        if agencies is not None and leading and self._file_gone(leading, agencies):
            # the agency's file not sent yet, or lost: the programs that name its programs are right as they are;
            # or the agency dropped on purpose (a copy of the sample made a regency's): those are to be deleted
            return Message("{old}, \"{name}\", was {agency}'s program in the last build, and {agency}'s file {file} "
                           "is gone: restore the file, and keep {old} here; if {agency} is no longer in the plan, "
                           "delete {old} here", old=missing, name=name or missing, agency=leading,
                           file=f"content/agencies/{leading}.yml")
        folder = agencies if kind == "agencies" else None
        if folder is not None and not _yaml_file(folder, missing):
            return Message("{old}, \"{name}\", was in the last build, and its file {file} is gone: restore the "
                           "file, or name the agency that now does its work", old=missing, name=name or missing,
                           file=f"content/agencies/{missing}.yml")
        return Message("{old}, \"{name}\", was in the last build: its id has been changed, or it has been removed; "
                       "dropped in a revision, delete {old} here; renamed, write its new id",
                       old=missing, name=name or missing)


    def _file_gone(self, agency: str, folder: Path) -> bool:
        """Whether ``agency`` of the last build is no agency of the plan now, nor renamed (another's former_ids, or
        its name carried by another id): its file not sent yet, or lost."""
        agencies = {other.id: other.name.get(self.plan.language) for other in self.plan.agencies}
        renamed = any(agency in other.former_ids for other in self.plan.agencies) or \
            self.renamed(agency, "agencies", agencies) is not None
        return agency not in agencies and not renamed and not _yaml_file(folder, agency)


def published_pages(plan: Plan, folder: Path) -> set[str]:
    """The ids of the pages in ``folder`` (:data:`PUBLISHED_AGENCIES`…) the last build published, and the published
    plan a revision started from, which a draft build of the revision dropped already. Without a build (a fresh
    checkout), the programs' and agencies' of the published plan.json plan.yml names (``baseline:``)."""
    if plan.content is None:
        return set()
    found = published_plan.pages_in(plan.content.parent / folder) | published_plan.pages(plan.content.parent,
                                                                                           folder.name)
    if found or (plan.content.parent / PUBLISHED).is_file() or folder.name not in _KINDS:
        return found
    return Unknown.of(plan).last.ids(_KINDS[folder.name])


#: the pages of a folder of the site, by the list of plan.json that names them
_KINDS = {"program": "programs", "agency": "agencies"}


def absorbed(partner: str, lead: str) -> Message:
    """The hint for a partner merged into the agency leading the program: it is no partner any more."""
    return Message("{old}'s work is now {lead}'s, which leads this program: delete {old} from partners", old=partner,
                   lead=lead)


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
        self.plan = plan
        self.last = LastBuild(plan)
        #: W419's names of agencies gone (:func:`agency_names.names_gone`), which W529 needs too: found once
        self.names_gone: dict[str, str] | None = None
        self.renamed = {former.upper(): program.id for program in plan.programs for former in program.former_ids}
        self.renamed_agencies = {former: agency.id for agency in plan.agencies for former in agency.former_ids}
        self.names = {"programs": {p.id: p.name.get(plan.language) for p in plan.programs},
                      "agencies": {a.id: a.name.get(plan.language) for a in plan.agencies}}

    @classmethod
    def of(cls, plan: Plan) -> Unknown:
        """The hints for ``plan``, shared by the checks of one validation: the last build is read once for all."""
        return plan.derived("unknown ids' hints", lambda: cls(plan))

    def program(self, missing: str) -> Message | None:
        """The hint for a program id the plan does not have."""
        if missing.upper() in self.renamed:
            return Message("{old} is now {new} (its former_ids say so): write the new id", old=missing,
                           new=self.renamed[missing.upper()])
        stray = next((found for found in self.strays.values() if missing in found.programs), None)
        if stray is not None:
            return Message("{program} is in {file}, {agency}'s file, which is not read there: move it to {place}; "
                           "if {agency} is no longer in the plan, delete {program} here",
                           program=missing, file=stray.file, agency=stray.agency, place=stray.place)
        return self._recased(missing) or self._retyped(missing) or self._hint(missing, "programs")

    @cached_property
    def strays(self) -> dict[str, stray_agencies.Stray]:
        """The agency files under content/ outside content/agencies/, by agency id (:mod:`stray_agencies`)."""
        agencies = frozenset(agency.id for agency in self.plan.agencies)
        return stray_agencies.strays(self.plan.content, agencies) if self.plan.content else {}

    @cached_property
    def recased(self) -> dict[str, Program]:
        """The programs whose ids are written in small letters, by the id in capitals, in a plan that writes its
        codes in capitals (W428 at each); none in any other plan. Found once for all the unknown ids."""
        from masterplan.checks.codes import in_capitals
        if not in_capitals(self.plan):
            return {}
        found: dict[str, Program] = {}
        for program in self.plan.programs:
            found.setdefault(program.id.upper(), program)
        return found

    def settled_in(self) -> dict[str, str]:
        """Each unknown id whose problems one file settles, other than the files they are told in, by that file: a
        misplaced agency's file settles those naming the agency or its programs (moved to content/agencies/), a
        program's file those naming its code in capitals, written there in small letters."""
        found = {missing: program.position.file for missing, program in self.recased.items() if program.id != missing}
        for stray in self.strays.values():
            found |= dict.fromkeys((stray.agency, *stray.programs), stray.file)
        # an id a rename explains (former_ids) is the naming file's to write anew, whatever copy is left elsewhere
        return {missing: file for missing, file in found.items()
                if missing.upper() not in self.renamed and missing not in self.renamed_agencies}

    def _recased(self, missing: str) -> Message | None:
        """The hint for an id in capitals that a program has in small letters (GOV-01, written gov-01 in its file;
        W428 there): the slip is there, not here."""
        found = self.recased.get(missing) if missing == missing.upper() else None
        return None if found is None else Message(
            "its id is written {written}, in small letters, at {position}: correct it there to {id}",
            written=found.id, position=found.at("id"), id=missing)

    def published_as(self, program: Program) -> str | None:
        """The id the last build published ``program`` under, by its name and its lead agency, when no program of
        the plan has that id now: the code it had before it was retyped as another's (one such id only)."""
        found = [old for old, name in self.last.names("programs").items()
                 if old != program.id and _named(program, name) and self.plan.program(old) is None
                 and self.last.lead_of(old) in (None, program.lead_id)]
        return found[0] if len(found) == 1 else None

    def _retyped(self, missing: str) -> Message | None:
        """The hint for the id of a program of the last build now written with another program's id (E207 says so
        there): the id named here is the right one."""
        name = self.last.names("programs").get(missing)
        counts = Counter(program.id for program in self.plan.programs)
        if not name:  # no build to say whose it was: an id written twice in its series may be it, retyped
            series = re.fullmatch(r"(.*?)\d+", missing)
            twice = sorted({program.id for program in self.plan.programs if counts[program.id] > 1
                            and series and re.fullmatch(re.escape(series.group(1)) + r"\d+", program.id)})
            return Message("no program has the id {old}, and {new} is written twice (E207): if one of them was {old}, "
                           "write id: {old} there again", old=missing, new=twice[0]) if len(twice) == 1 else None
        found = next((program for program in self.plan.programs if counts[program.id] > 1 and _named(program, name)),
                     None)
        return None if found is None else Message(
            "{old}, \"{name}\", is written {new} in {file}, the id of another program (E207 there): keep {old} here",
            old=missing, name=name, new=found.id, file=found.position.file)

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
        name = found.group(1).upper()
        if len(ids) == 1:
            return Message("no program has the id {id}; the plan's only {series} program is {first}", id=missing,
                           series=name, first=ids[0])
        runs = _runs(ids)
        if len(runs) == 1:
            return Message("no program has the id {id}; the plan's {series} programs are {first} to {last}",
                           id=missing, series=name, first=ids[0], last=ids[-1])
        if len(runs) > MOST_RUNS:
            return Message("no program has the id {id}; the plan's {count} {series} programs run from {first} to "
                           "{last}, some numbers left out", id=missing, count=len(ids), series=name, first=ids[0],
                           last=ids[-1])
        return Message("no program has the id {id}; the plan's {series} programs are {ranges}", id=missing,
                       series=name, ranges=listing(Message("{first} to {last}", first=run[0], last=run[-1])
                                                   if len(run) > 1 else run[0] for run in runs))

    def agency(self, missing: str, lead: str = "") -> Message | None:
        """The hint for an agency id the plan does not have; ``lead``: the agency leading the program that names
        it as a partner."""
        if missing in self.renamed_agencies:
            new = self.renamed_agencies[missing]
            return absorbed(missing, lead) if new == lead else \
                Message("{old} is now {new} (its former_ids say so): write the new id", old=missing, new=new)
        if (stray := self.strays.get(missing)) is not None:
            return Message("{agency}'s file is {file}, which is not read there: move it to {place}; if {agency} "
                           "is no longer in the plan, delete {agency} here", agency=missing, file=stray.file,
                           place=stray.place)
        return self._hint(missing, "agencies", lead)

    def heir(self, missing: str) -> str | None:
        """The agency that does the work of agency id ``missing`` today: its former_ids say so, or it leads what
        ``missing`` led in the last build."""
        return self.renamed_agencies.get(missing) or self.last.renamed(missing, "agencies", self.names["agencies"])

    def _hint(self, missing: str, kind: str, lead: str = "") -> Message | None:
        return (self.last.gone(missing, kind, self.names[kind], lead) or did_you_mean(missing, self.names[kind])
                or _by_name(missing, self.names[kind]))



def _named(program: Program, name: str) -> bool:
    """Whether ``name`` is one of ``program``'s names, in any of its languages, in any letters."""
    return name.casefold() in {str(text).casefold() for text in program.name.values.values()}


#: runs of program numbers a hint lists (GOV-01 to GOV-09 and GOV-11 to GOV-14): with more, it gives the first and last
MOST_RUNS = 4


def _runs(ids: list[str]) -> list[list[str]]:
    """Program ids in code order, cut where a number is left out: [[GOV-01, GOV-02], [GOV-04]]."""
    runs: list[list[str]] = []
    for id_ in ids:
        if runs and _number(id_) == _number(runs[-1][-1]) + 1:
            runs[-1].append(id_)
        else:
            runs.append([id_])
    return runs


def _number(id_: str) -> int:
    """A program code's number: 9 of GOV-09."""
    return int(re.findall(r"\d+", id_)[-1])


def _by_name(missing: str, names: Mapping[str, str | None]) -> Message | None:
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
