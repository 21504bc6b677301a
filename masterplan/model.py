"""The plan as typed objects: Plan, Pillar, SubElement, Agency, Program, Indicator, ...

Objects are built by :mod:`masterplan.load` from checked YAML; each keeps the position
of its fields so that later checks can point at the line to fix. References between
objects are kept as ids and resolved by :meth:`Plan.link` (unknown ids are left
unresolved: the checks report them).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from masterplan.diagnostics import Position

T = TypeVar("T")

Value = int | float | str


def code_order(code: str) -> tuple[tuple[str | int, ...], str]:
    """A sort key for codes: their numbers compared as numbers ("GOV-29" before "GOV-289"); codes whose
    numbers are equal ("GOV-01", "GOV-1") keep one order, by the code as written."""
    parts = re.split(r"(\d+)", code)  # text, number, text, …: every odd part is a number, in every code
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts)), code

#: The folder of content/ the website publishes as it is (content/assets/ → site/assets/): images, files to download.
ASSETS = "assets"
#: the authors' text that opens the executive summary, in content/: a chapter file (front matter, Markdown, Jinja)
SUMMARY_TEXT = "executive-summary.md"
#: The plan's language when plan.yml names none, and the language messages fall back to.
DEFAULT_LANGUAGE = "id"


@dataclass(frozen=True)
class Text:
    """Human-readable text in one or more languages; ``str()`` gives the default language."""

    values: Mapping[str, str]
    default: str = "id"

    @classmethod
    def of(cls, raw: Any, default: str = "id", written_in: str | None = None) -> Text:
        """A text as a plan's file gives it: a mapping of language code to text, or a plain one, which is
        taken to be written in ``written_in`` (the plan's ``written_in``; by default its language)."""
        if isinstance(raw, Text):
            return raw
        if isinstance(raw, Mapping):
            return cls({str(k): str(v) for k, v in raw.items()}, default)
        return cls({written_in or default: "" if raw is None else str(raw)}, default)

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to the default language, then any."""
        return self.shown(language)[0]

    def shown(self, language: str) -> tuple[str, str]:
        """What :meth:`get` gives for ``language``, and the language it is written in: another one where the
        text has no translation into ``language`` (an Indonesian name in the English edition)."""
        for written in (language, self.default):
            if written in self.values:
                return self.values[written], written
        first = next(iter(self.values.items()), None)
        return (first[1], first[0]) if first else ("", language)

    def __str__(self) -> str:
        return self.get(self.default)

    def __bool__(self) -> bool:
        return any(self.values.values())


@dataclass(frozen=True)
class Period:
    """A span of whole years, both ends included."""

    start: int
    end: int

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        """``2022–2026``; one year alone as ``2023``."""
        return f"{self.start}–{self.end}" if self.end != self.start else str(self.start)


@dataclass
class Indicator:
    """A measurable indicator: baseline, a target per year and, once monitored, what it reached (realised)."""

    name: Text
    unit: Text
    baseline_year: int | None
    baseline_value: Value | None
    targets: dict[int, Value]
    position: Position
    target_positions: dict[int, Position] = field(default_factory=dict)
    baseline_position: Position | None = None  #: of the baseline's value, when the indicator has one
    direction: str | None = None  #: "up" or "down": which way is better, when the plan says so
    realised: dict[int, Value] = field(default_factory=dict)  #: what it reached per year (realisasi), as monitored
    realised_positions: dict[int, Position] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """The years it gives a target or a realised figure for, in order: a year each of its tables' columns."""
        return sorted({*self.targets, *self.realised})

    @property
    def decimals(self) -> int:
        """Decimal places that print every value of the indicator alike: "2,0" beside "2,3" (at most 2)."""
        places = 0
        for value in (self.baseline_value, *self.targets.values(), *self.realised.values()):
            if isinstance(value, float) and math.isfinite(value):
                places = max(places, len(f"{value:.2f}".rstrip("0").partition(".")[2]))
        return places


@dataclass
class BudgetLine:
    """Indicative money for one year from one funding source, in whole rupiah."""

    year: int
    amount: int
    source: str
    position: Position
    amount_at: Position  #: where the amount itself is written (the line's own position when it has none)


@dataclass
class LeftOut:
    """A program left out of the plan for a mistake in its file: what of it could still be read,
    so that the mistakes in how its numbers are written, and in the ids it names (a partner, a
    mission, a program it depends on), are told in the same round."""

    id: str
    budget: list[BudgetLine]
    indicators: list[Indicator]
    position: Position = field(default_factory=lambda: Position(""))
    lead_id: str = ""  #: the agency whose file holds it
    partner_ids: list[str] = field(default_factory=list)  #: each list as written, when all its items are text
    mission_ids: list[str] = field(default_factory=list)
    depends_on_ids: list[str] = field(default_factory=list)
    where: dict[str, Position] = field(default_factory=dict)
    lead: None = None  #: not linked to its agency, as a program of the plan is

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)


@dataclass
class SubElement:
    id: str
    name: Text
    description: Text
    pillar_id: str
    position: Position


@dataclass
class Mission:
    id: str
    text: Text
    position: Position


@dataclass
class Phase:
    """A stage of the roadmap (tahapan): short, medium or long term (jangka pendek, menengah, panjang), the plan's
    years it spans, what it is about (its theme: "Membangun Momentum") and what is done in it (its description,
    Markdown the roadmap chapter prints)."""

    name: Text
    theme: Text
    period: Period
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    description: Text = field(default_factory=lambda: Text({}))

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)


@dataclass
class Revision:
    """One version of the plan in its history (riwayat revisi): its number, its date, what it changed, and the
    regulation that adopted it (a Peraturan Wali Kota), when one did."""

    version: str
    date: datetime.date | None  #: None where plan.yml writes no real day (E101 says so)
    summary: Text
    position: Position
    decree: Text = field(default_factory=lambda: Text({}))  #: empty for a version no regulation adopted (a draft)
    where: dict[str, Position] = field(default_factory=dict)

    def at(self, name: str) -> Position:
        """Where plan.yml writes the entry's ``name`` (its version, date…), else the entry itself."""
        return self.where.get(name, self.position)


@dataclass
class ReadinessItem:
    element: str
    aspect: Text
    condition: Text
    gap: Text
    recommendation: Text
    position: Position


@dataclass
class GlossaryTerm:
    term: str
    definition: Text
    position: Position


@dataclass
class Program:
    """A program: what an agency will do, when, for how much, measured how."""

    id: str
    name: Text
    pillar_id: str
    sub_element_id: str
    summary: Text
    description: Text
    quick_win: bool
    partner_ids: list[str]
    period: Period
    budget: list[BudgetLine]
    indicators: list[Indicator]
    depends_on_ids: list[str]
    mission_ids: list[str]
    status: str
    lead_id: str
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    former_ids: list[str] = field(default_factory=list)  #: ids it had before a rename; their pages lead to it
    location: Text = field(default_factory=lambda: Text({}))  #: where it is carried out (whole city, a district…)
    # resolved by Plan.link
    pillar: Pillar | None = field(default=None, repr=False)
    sub_element: SubElement | None = field(default=None, repr=False)
    lead: Agency | None = field(default=None, repr=False)
    partners: list[Agency] = field(default_factory=list, repr=False)
    depends_on: list[Program] = field(default_factory=list, repr=False)
    dependents: list[Program] = field(default_factory=list, repr=False)
    missions: list[Mission] = field(default_factory=list, repr=False)

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)

    @property
    def code_order(self) -> tuple[tuple[str | int, ...], str]:
        """Where its code sorts: "GOV-29" before "GOV-289" (see :func:`code_order`)."""
        return code_order(self.id)

    @property
    def total_budget(self) -> int:
        return sum(line.amount for line in self.budget)

    def budget_in(self, year: int) -> int:
        return sum(line.amount for line in self.budget if line.year == year)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(line.source for line in self.budget))


class ProgramGroup:
    """Anything that groups programs (a pillar, the whole plan): its quick wins and total budget."""

    programs: list[Program]

    @property
    def quick_wins(self) -> list[Program]:
        return [p for p in self.programs if p.quick_win]

    @property
    def total_budget(self) -> int:
        return sum(p.total_budget for p in self.programs)


@dataclass
class Pillar(ProgramGroup):
    """One of the smart city dimensions, with its sub-elements."""

    id: str
    name: Text
    order: int
    summary: Text
    description: Text
    sub_elements: list[SubElement]
    goals: list[Text]
    indicators: list[Indicator]
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    programs: list[Program] = field(default_factory=list, repr=False)
    colour: str | None = None  #: "#1f4e79" as the pillar's file gives it (else the theme's palette is used)

    def sub_element(self, sub_id: str) -> SubElement | None:
        return next((s for s in self.sub_elements if s.id == sub_id), None)

    @property
    def programs_by_sub_element(self) -> list[Program]:
        """Its programs sub-element by sub-element, in the order the pillar lists them (one it lacks last), as
        the book's matrix and the site's pillar page group them; in their own order within a sub-element."""
        order = {sub.id: index for index, sub in enumerate(self.sub_elements)}
        return sorted(self.programs, key=lambda program: order.get(program.sub_element_id, len(order)))


#: the ways an agency can be reached, as its file may give them (contact:), in the order the open data lists them
CONTACT_FIELDS = ("address", "phone", "email", "website")


@dataclass
class Agency:
    """A city agency (OPD): the programs it leads and those it says it supports."""

    id: str
    name: Text
    short_name: str
    kind: str
    supports_ids: list[str]
    programs: list[Program]
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    supported: list[Program] = field(default_factory=list, repr=False)
    former_ids: list[str] = field(default_factory=list)  #: ids it had before a rename; their pages lead to it
    contact: dict[str, str] = field(default_factory=dict)  #: address, phone, email, website: those given

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)


@dataclass(frozen=True)
class Signature:
    """Who signs a chapter (a foreword), printed at its end: place and date, office, room to sign, name."""

    place: str
    date: str
    role: Text
    name: str | None = None
    id_number: str | None = None
    date_at: Position | None = None  #: where the front matter writes the date


@dataclass
class Chapter:
    """A narrative chapter: front matter plus a Markdown body (with Jinja expressions)."""

    id: str
    title: Text
    order: int
    part: str
    generated: str | None
    body: str
    position: Position
    body_line: int
    signed: Signature | None = None


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
    executive_summary: bool = False  #: an executive summary is written beside the book (plan.yml executive_summary)
    #: the authors' text that opens the executive summary (content/executive-summary.md), if written
    summary_text: Chapter | None = None
    data_license: str | None = None  #: the licence the open data is published under (plan.yml open_data), if stated
    data_license_url: str | None = None  #: the address of that licence's text
    left_out: list[LeftOut] = field(default_factory=list)  #: programs with a mistake in their file, in part
    #: the city budget (APBD) the programs may take each year (pagu indikatif), in whole rupiah: year → amount, for
    #: the years plan.yml gives (apbd_ceiling); the others are not checked
    apbd_ceiling: dict[int, int] = field(default_factory=dict)
    apbd_ceiling_at: dict[int, Position] = field(default_factory=dict)  #: where each year's ceiling is written
    #: the roadmap's stages (tahapan) as plan.yml lists them; none: the roadmap shows the years alone
    phases: list[Phase] = field(default_factory=list)
    #: the plan's history (riwayat revisi) as plan.yml lists it, oldest first; none: the book and the site show none
    revisions: list[Revision] = field(default_factory=list)

    _index: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def programs(self) -> list[Program]:
        """Every program, by pillar order, then code (its numbers as numbers)."""
        if "programs" not in self._index:
            order = {p.id: p.order for p in self.pillars}
            every = [prog for agency in self.agencies for prog in agency.programs]
            self._index["programs"] = sorted(every, key=lambda p: (order.get(p.pillar_id, 999), p.code_order))
        return self._index["programs"]

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` finds in this plan, found once (until :meth:`link` runs again) for every check and renderer
        that asks by ``key``."""
        if key not in self._index:
            self._index[key] = make()
        return self._index[key]

    def _lookup(self, kind: str, items: list[Any], key: str) -> Any:
        if kind not in self._index:
            self._index[kind] = {}
            for item in items:
                self._index[kind].setdefault(item.id, item)
        return self._index[kind].get(key)

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
        self._index.clear()
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
        for program in self.programs:
            program.pillar = pillars.get(program.pillar_id)
            if program.pillar:
                program.pillar.programs.append(program)
                program.sub_element = program.pillar.sub_element(program.sub_element_id)
            program.lead = agencies.get(program.lead_id)
            program.partners = [agencies[a] for a in program.partner_ids if a in agencies]
            for partner in program.partners:
                partner.supported.append(program)
            program.depends_on = [programs[d] for d in program.depends_on_ids if d in programs]
            for prerequisite in program.depends_on:
                prerequisite.dependents.append(program)
            program.missions = [missions[m] for m in program.mission_ids if m in missions]
