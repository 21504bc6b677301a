"""The parts of the plan around its programs: pillars and their sub-elements, agencies, missions, the roadmap's
phases, the plan's revisions, its readiness and SWOT, its glossary terms and its narrative chapters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from masterplan.diagnostics import Position
from masterplan.programs import Indicator, Program, ProgramGroup
from masterplan.values import Period, Text


@dataclass
class SubElement:
    id: str
    name: Text
    description: Text
    pillar_id: str
    position: Position


@dataclass
class Mission:
    """An RPJMD mission (misi) that programs serve (``missions: [m1]``)."""

    id: str
    text: Text
    position: Position
    #: the programs serving it, in the plan's order, each once (a program naming it twice too): set by
    #: :meth:`Plan.link`, as a pillar's programs are; not compared, as it holds the programs that hold it
    programs: list[Program] = field(default_factory=list, repr=False, compare=False)


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


#: the kinds of factor of a SWOT analysis, in the order plan.yml and the open data give them
SWOT_KINDS = ("strengths", "weaknesses", "opportunities", "threats")


@dataclass
class Swot:
    """The city's SWOT analysis (plan.yml swot): each kind's factors, in order, for the chapters that print it."""

    strengths: list[Text]
    weaknesses: list[Text]
    opportunities: list[Text]
    threats: list[Text]
    where: dict[str, Position] = field(default_factory=dict)  #: each factor's position, as ``strengths[0]``


@dataclass
class GlossaryTerm:
    term: str
    definition: Text
    position: Position
    definition_at: Position | None = None  #: the line of its ``definition:``, where a mistake in it is told


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

    @property
    def short_name_adds(self) -> bool:
        """Whether the short name says more than the name it stands beside, "Dinas Kesehatan (Dinkes)": not in
        "Inspektorat Daerah (Inspektorat)" nor "Kecamatan Gadingrejo (Kec. Gadingrejo)", its words the name's first
        ones or their abbreviations with a point."""
        name, short = str(self.name).split(), self.short_name.split()
        return len(short) > len(name) or not all(
            word.casefold() == full.casefold()
            or (word.endswith(".") and full.casefold().startswith(word[:-1].casefold()))
            for word, full in zip(short, name))


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
    generated: tuple[str, ...]  #: the generated parts that follow its text, in the order its front matter writes them
    body: str
    position: Position
    body_line: int
    signed: Signature | None = None
    generated_at: tuple[Position, ...] = ()  #: where the front matter writes each of ``generated``
    #: the language of its title and body as written: a translation's (``01-pendahuluan.en.md``) is its own
    written_in: str = "id"
