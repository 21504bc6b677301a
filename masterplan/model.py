"""The plan as one typed object, :class:`Plan`: its parts joined by :meth:`Plan.link`, looked up by id, and what
checks and renderers derive from it found once.

The plan is built by :mod:`masterplan.load` from checked YAML; its parts (:mod:`masterplan.plan_parts`,
:mod:`masterplan.programs`, :mod:`masterplan.values`) each keep the position of their fields so that later checks
can point at the line to fix. References between them are kept as ids and resolved by :meth:`Plan.link`
(unknown ids are left unresolved: the checks report them).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from masterplan.accepted_warnings import Acceptance
from masterplan.diagnostics import Position
from masterplan.list_limits import within_limit
from masterplan.plan_parts import (
    Agency,
    Chapter,
    GlossaryTerm,
    Mission,
    Phase,
    Pillar,
    ReadinessItem,
    Revision,
    Swot,
)
from masterplan.programs import (
    LeftOut,
    Program,
    ProgramGroup,
)
from masterplan.values import (
    Period,
    Text,
)

T = TypeVar("T")

#: the modules whose objects make up the plan model: what a chapter's Jinja may read (see :mod:`masterplan.sandbox`)
MODULES = ("masterplan.model", "masterplan.plan_parts", "masterplan.programs", "masterplan.values")

#: The folder of content/ the website publishes as it is (content/assets/ → site/assets/): images, files to download.
ASSETS = "assets"
#: the authors' text that opens the executive summary, in content/: a chapter file (front matter, Markdown, Jinja)
SUMMARY_TEXT = "executive-summary.md"
#: the strategic analysis's chapters (plan.yml strategic_analysis), in content/: NN-<slug>.md as the book's chapters
ANALYSIS = "analysis"
#: The plan's language when plan.yml names none, and the language messages fall back to.
DEFAULT_LANGUAGE = "id"


@dataclass
class Plan(ProgramGroup):
    """The whole master plan, the single model every renderer reads."""

    city: str
    province: str
    title: Text
    notice: Text
    author: Text
    period: Period
    version: str
    status: str
    date: datetime.date | None
    language: str  #: the edition's: its interface words, number and date formats
    written_in: str  #: the language of texts written as plain text (not as a mapping of language to text)
    leading_sector_id: str
    logo: str | None
    vision: Text
    missions: list[Mission]
    legal_basis: list[Text]
    readiness: list[ReadinessItem]
    funding_sources: list[str]
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    pillars: list[Pillar] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    #: the content folder it was read from, for the files it names (logo, images); not in its repr, which chapter
    #: text may print ({{ plan }}): where the plan lies on the machine is not the site's to tell
    content: Path | None = field(default=None, repr=False)
    base_url: str | None = None  #: the public address the site is published at (plan.yml), for every build
    two_sided: bool = False  #: the book is printed on both sides: chapters open on right-hand pages (plan.yml print)
    bleed: bool = False  #: the print shop's file: 3 mm of bleed and crop marks around every page (plan.yml print)
    executive_summary: bool = False  #: an executive summary is written beside the book (plan.yml executive_summary)
    #: the authors' text that opens the executive summary (content/executive-summary.md), if written
    summary_text: Chapter | None = None
    #: the strategic analysis (Buku Analisis Strategis) is written beside the book (plan.yml strategic_analysis)
    strategic_analysis: bool = False
    analysis: list[Chapter] = field(default_factory=list)  #: its chapters (content/analysis/), in order
    #: the chapters' translations into other editions' languages (``01-pendahuluan.en.md`` in the Indonesian edition),
    #: not printed in this one: checked in it all the same
    translations: list[Chapter] = field(default_factory=list)
    data_license: str | None = None  #: the licence the open data is published under (plan.yml open_data), if stated
    data_license_url: str | None = None  #: the address of that licence's text
    left_out: list[LeftOut] = field(default_factory=list)  #: programs with a mistake in their file, in part
    #: the texts and chapters the edition prints in another language than its own, for want of a translation
    #: (:class:`masterplan.translations.Missing`); None for an edition in the language the plan is written in
    untranslated: Any = field(default=None, repr=False)
    #: the local government's budget (APBD) the programs may take each year (pagu indikatif), in whole rupiah: year → amount, for
    #: the years plan.yml gives (apbd_ceiling); the others are not checked
    apbd_ceiling: dict[int, int] = field(default_factory=dict)
    apbd_ceiling_at: dict[int, Position] = field(default_factory=dict)  #: where each year's ceiling is written
    #: the roadmap's stages (tahapan) as plan.yml lists them; none: the roadmap shows the years alone
    phases: list[Phase] = field(default_factory=list)
    #: the plan's history (riwayat revisi) as plan.yml lists it, oldest first; none: the book and the site show none
    revisions: list[Revision] = field(default_factory=list)
    #: the SWOT analysis as plan.yml gives it (swot), which chapters print; None: plan.yml gives none
    swot: Swot | None = None
    #: the previous version's plan.json the change list compares with, relative to the plan folder (plan.yml
    #: baseline); None: the one the last builds kept (see masterplan.baseline)
    baseline: str | None = None
    #: the warnings plan.yml makes errors once the plan is final (errors_when_final), by code, with where each is
    #: written
    errors_when_final: dict[str, Position] = field(default_factory=dict)
    #: the day the realised figures were collected up to (plan.yml realised_as_of, "data per …"), a monitoring
    #: update's, which leaves the plan's own date, its adoption's, as it is; None: the plan's date is that day
    realised_as_of: datetime.date | None = None
    #: the warnings the planning agency has reviewed and keeps (accepted_warnings), not told again
    accepted_warnings: tuple[Acceptance, ...] = ()

    #: its programs in order and its parts by id, found once until :meth:`link` runs again
    _lookups: dict[str, Any] = field(default_factory=dict, repr=False)
    #: what checks and renderers derive from it (:meth:`derived`), found once until :meth:`link` runs again
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    @property  # a pillar's programs are a field; the plan's, every agency's, are found
    def programs(self) -> list[Program]:  # type: ignore[override]
        """Every program, by pillar order, then code (its numbers as numbers)."""
        if "programs" not in self._lookups:
            order = {p.id: p.order for p in self.pillars}
            every = [prog for agency in self.agencies for prog in agency.programs]
            self._lookups["programs"] = sorted(every, key=lambda p: (order.get(p.pillar_id, 999), p.code_order))
        return self._lookups["programs"]

    @property
    def lead_agencies(self) -> list[Agency]:
        """The agencies that lead at least one program (its file holds it), in the plan's order."""
        return [agency for agency in self.agencies if agency.programs]

    @property
    def involved_agencies(self) -> list[Agency]:
        """The agencies that lead, support (``supports:``) or partner at least one program, in the plan's order: those
        the plan involves, as its key figures count them ("melibatkan 31 perangkat daerah"); an agency listed with
        nothing to do (W408) is not one."""
        return [agency for agency in self.agencies if agency.programs or agency.supports_ids or agency.supported]

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def monitored_until(self) -> datetime.date | None:
        """The last day realised figures may be of: realised_as_of, else the plan's date (None without either)."""
        return self.realised_as_of or self.date

    @property
    def raised_warnings(self) -> frozenset[str]:
        """The codes of the warnings that are errors in this plan: errors_when_final's, once it is final."""
        return frozenset(self.errors_when_final) if self.status == "final" else frozenset()

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` finds in this plan, found once (until :meth:`link` runs again) for every check and renderer
        that asks by ``key``."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def _lookup(self, kind: str, items: list[Any], key: str) -> Any:
        if kind not in self._lookups:
            self._lookups[kind] = {}
            for item in items:
                self._lookups[kind].setdefault(item.id, item)
        return self._lookups[kind].get(key)

    def pillar(self, pillar_id: str) -> Pillar | None:
        return self._lookup("pillar", self.pillars, pillar_id)

    def agency(self, agency_id: str) -> Agency | None:
        return self._lookup("agency", self.agencies, agency_id)

    def program(self, program_id: str) -> Program | None:
        return self._lookup("program", self.programs, program_id)

    def chapter(self, chapter_id: str) -> Chapter | None:
        return self._lookup("chapter", self.chapters, chapter_id)

    @property
    def leading_sector(self) -> Agency | None:
        return self.agency(self.leading_sector_id)

    def link(self) -> None:
        """Resolve ids into objects; unknown ids stay unresolved (the checks report them)."""
        self._lookups.clear()
        self._derived.clear()
        pillars = {p.id: p for p in self.pillars}
        agencies = {a.id: a for a in self.agencies}
        missions = {m.id: m for m in self.missions}
        programs = {p.id: p for p in self.programs}
        for pillar in self.pillars:
            pillar.programs = []
        for agency in self.agencies:
            agency.supported = []
        for program in programs.values():
            program.dependents = []
        for mission in self.missions:
            mission.programs = []
        claimed = _claimed_partners(self.agencies, self.programs)
        for program in self.programs:
            program.pillar = pillars.get(program.pillar_id)
            if program.pillar:
                program.pillar.programs.append(program)
                program.sub_element = program.pillar.sub_element(program.sub_element_id)
            program.lead = agencies.get(program.lead_id)
            program.partners, program.unconfirmed = _partners(program, agencies, claimed)
            for partner in program.partners:
                partner.supported.append(program)
            program.depends_on = [programs[d] for d in within_limit("depends_on", program.depends_on_ids) if d in programs]
            for prerequisite in program.depends_on:
                prerequisite.dependents.append(program)
            program.missions = [missions[m] for m in program.mission_ids if m in missions]
            for mission in program.missions:
                if not mission.programs or mission.programs[-1] is not program:  # a mission it names twice: once
                    mission.programs.append(program)


def _claimed_partners(agencies: list[Agency], programs: list[Program]) -> dict[str, list[Agency] | None]:
    """program id → the agencies that list it under ``supports``; None for an id two programs have, which of them
    an agency means being not known (E207's)."""
    counts = Counter(program.id for program in programs)
    claimed: dict[str, list[Agency] | None] = {pid: None for pid, count in counts.items() if count > 1}
    for agency in agencies:
        for program_id in dict.fromkeys(agency.supports_ids):
            if counts[program_id] == 1:
                claimed.setdefault(program_id, []).append(agency)  # type: ignore[union-attr]
    return claimed


def _partners(program: Program, agencies: dict[str, Agency],
              claimed: dict[str, list[Agency] | None]) -> tuple[list[Agency], list[Agency]]:
    """A program's partners, and those of them whose partnership one side only writes down (W406): the agencies
    its lead lists, then those that list it under ``supports`` and it does not name. Neither side's word is
    dropped, and neither is taken for both: the agencies' chapter, in the book and on the site, lists those still to
    be confirmed, the site's program pages and the open data mark them."""
    listed = [agencies[a] for a in dict.fromkeys(program.partner_ids) if a in agencies]
    supporters = claimed.get(program.id, [])
    if supporters is None:
        return listed, []
    added = [a for a in supporters if a not in listed and a.id != program.lead_id]
    return listed + added, [a for a in listed if a not in supporters and a.id != program.lead_id] + added
