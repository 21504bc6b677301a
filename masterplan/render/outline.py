"""The book's structure, computed once from the Plan and shared by the PDF and the website.

Both outputs must number chapters, tables and figures identically ("Tabel 5.2" in the
PDF is "Tabel 5.2" on the site), so the numbering lives here and nowhere else:

- front chapters (``part: front``) are unnumbered (their pages get roman numbers in print);
- body chapters are numbered 1..N in order; a chapter claiming ``generated: pillars`` is
  followed by one generated chapter per pillar, each numbered in turn;
- back chapters are lettered (Lampiran A, B, ...), followed by the glossary and the
  index of programs by agency;
- every generated part (vision, readiness, pillars, quick wins, roadmap, budget,
  attainment, agencies) appears exactly once: the parts that no chapter claims are appended to the
  body, in the order of domain.md, under a default title, so no plan loses its program
  matrices or budget tables; a part with nothing to show gets no chapter: the attainment before
  any realised figure, the readiness analysis without rows, the quick wins of a plan that marks
  none, the roadmap and the budget before any program (a regency's first draft); the vision of a
  plan without missions is titled so;
- tables and figures are numbered per chapter ("5.2"), in the order they appear: the
  tables a chapter's text captions ("Tabel: Analisis SWOT") first, then its generated parts', in their order.

:func:`build` gives an :class:`Outline`; :meth:`Outline.resolve` turns a cross-reference
id (``GOV-01``, ``tab:budget-source``, ``bab:pendahuluan``, ``pillar:living``,
``agency:dinkes``) into a :class:`Target`. Free of any renderer import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from masterplan import attainment, baseline
from masterplan.captions import figure_captions, table_captions
from masterplan.crossref import (
    ATTAINMENT_AGENCY_TABLE,
    ATTAINMENT_MISSED_TABLE,
    ATTAINMENT_TABLE,
    ATTAINMENT_TABLES,
    CEILING_TABLE,
    CHANGES_TABLE,
    MISSION_BUDGET_TABLE,
    MISSIONS_TABLE,
    PART_TABLES,
    PHASES_TABLE,
    QUICK_WINS_TABLE,
    READINESS_TABLE,
    UNCONFIRMED_TABLE,
    attainment_tables,
    reference,
    thin_items,
)
from masterplan.i18n import Translator
from masterplan.messages import say
from masterplan.model import Plan
from masterplan.plan_parts import Chapter, Pillar

Translate = Translator

#: Generated parts in the order domain.md gives them; the default title of an unclaimed part.
GENERATED_ORDER: dict[str, str] = {
    "vision": "Vision and missions", "readiness": "Readiness analysis", "pillars": "Strategy per pillar",
    "quick_wins": "Quick wins", "roadmap": "Roadmap", "budget": "Budget", "attainment": "Indicator attainment",
    "agencies": "Agencies", "changes": "Changes since the previous version",
}

#: caption messages of the tables of crossref.PART_TABLES (the vision's and the readiness analysis's)
_PART_TABLE_CAPTIONS: dict[str, str] = {
    MISSIONS_TABLE: "Missions and the programs serving them, by pillar",
    MISSION_BUDGET_TABLE: "Indicative budget by RPJMD mission",
    READINESS_TABLE: "Readiness analysis: structure, infrastructure and superstructure",
}
#: (id, kind, caption message) of the tables and figures each generated part holds, in order.
#: Keep in step with crossref.GENERATED_TABLES / GENERATED_FIGURES.
GENERATED_ITEMS: dict[str, list[tuple[str, str, str]]] = {
    **{part: [(ref, "table", _PART_TABLE_CAPTIONS[ref]) for ref in refs] for part, refs in PART_TABLES.items()},
    "quick_wins": [(QUICK_WINS_TABLE, "table", "Quick wins")],
    "roadmap": [("fig:roadmap", "figure", "Roadmap of programs by pillar, {period}"),
                (PHASES_TABLE, "table", "Programs and budget by phase")],
    "budget": [
        ("tab:budget-pillar", "table", "Indicative budget by pillar and year"),
        ("fig:budget-pillar", "figure", "Indicative budget by pillar"),
        ("tab:budget-source", "table", "Indicative budget by funding source"),
        ("fig:budget-source", "figure", "Indicative budget by funding source"),
        ("tab:budget-agency", "table", "Indicative budget by lead agency"),
        ("fig:budget-agency", "figure", "Indicative budget by lead agency"),
        ("tab:budget-source-year", "table", "Indicative budget by funding source and year"),
        ("tab:budget-agency-year", "table", "Indicative budget by lead agency and year"),
        (CEILING_TABLE, "table", "APBD per year against its ceiling"),
    ],
    "attainment": [(ATTAINMENT_TABLE, "table", "Attainment of indicator targets by pillar, {year}"),
                   (ATTAINMENT_AGENCY_TABLE, "table", "Attainment of indicator targets by lead agency, {year}"),
                   (ATTAINMENT_MISSED_TABLE, "table", "Targets not met in {year}")],
    "agencies": [("tab:agency-pillar", "table", "Agencies and pillars: programs led and supported"),
                 (UNCONFIRMED_TABLE, "table", "Partnerships written down by one side only")],
    "changes": [(CHANGES_TABLE, "table", "Changes since version {version}")],
}


def anchor(ref: str) -> str:
    """An HTML id for a reference id: ``tab:budget-source`` → ``tab-budget-source``."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", ref)


@dataclass
class Item:
    """A numbered table or figure."""

    id: str  #: the cross-reference id, e.g. ``tab:program-governance``
    kind: str  #: ``table`` or ``figure``
    number: str  #: e.g. ``5.2``
    caption: str
    chapter_key: str

    @property
    def anchor(self) -> str:
        return anchor(self.id)


@dataclass
class BookChapter:
    """One chapter of the book, as both outputs show it."""

    key: str  #: unique: the chapter id, or ``pillar-<id>`` for a generated pillar chapter
    title: str
    part: str  #: ``front``, ``body`` or ``back``
    kind: str  #: ``text`` (a content chapter), ``pillar``, ``generated``, ``glossary`` or ``index``
    number: str | None  #: ``3`` for body chapters, ``A`` for back chapters, None in front
    label: str  #: ``Bab 3``, ``Lampiran A``, or empty
    chapter: Chapter | None = None
    pillar: Pillar | None = None
    generated: tuple[str, ...] = ()  #: the generated parts that follow the chapter's own text, in order
    items: list[Item] = field(default_factory=list)  #: tables and figures in the order they appear

    @property
    def anchor(self) -> str:
        return anchor(f"bab-{self.key}")

    @property
    def section_prefix(self) -> str | None:
        """What the chapter's sections are numbered under (``3``: 3.1, 3.2, …), in both outputs: a body chapter's
        number; None for the front matter and the annexes, whose sections the book does not number."""
        return self.number if self.part == "body" else None

    @property
    def tables(self) -> list[Item]:
        return [i for i in self.items if i.kind == "table"]

    @property
    def figures(self) -> list[Item]:
        return [i for i in self.items if i.kind == "figure"]


@dataclass(frozen=True)
class Target:
    """What a cross-reference points at."""

    kind: str  #: ``table``, ``figure``, ``chapter``, ``program`` or ``agency``
    number: str | None
    text: str  #: the words to print: ``Tabel 5.2``, ``Bab 3``, ``GOV-01``, ``Dinkes``
    anchor: str  #: the HTML id of the thing in the book
    chapter_key: str | None  #: the chapter that holds it (for a website page address)
    #: ``text`` is the edition's words (``Tabel 5.2``, ``Bab 3``), not a name the plan gives (an unnumbered chapter's
    #: title, a code): in a text written in another language, it is marked with the edition's
    worded: bool = False


@dataclass
class Outline:
    """Every chapter of the book in order, with their tables and figures."""

    chapters: list[BookChapter]
    targets: dict[str, Target]

    @property
    def tables(self) -> list[Item]:
        return [t for c in self.chapters for t in c.tables]

    @property
    def figures(self) -> list[Item]:
        return [f for c in self.chapters for f in c.figures]

    def item(self, ref: str) -> Item | None:
        return next((i for c in self.chapters for i in c.items if i.id == ref), None)

    def chapter(self, key: str) -> BookChapter | None:
        return next((c for c in self.chapters if c.key == key), None)

    def resolve(self, ref: str) -> Target | None:
        """The target of ``[[ref]]``, or None when the book holds no such thing."""
        return self.targets.get(ref)


def _roman_letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


class Builder:
    def __init__(self, plan: Plan, translate: Translate, language: str):
        self.plan, self._, self.language = plan, translate, language
        self.chapters: list[BookChapter] = []
        self.body_count = 0
        self.monitored = attainment.latest_year(plan)  #: the year the attainment table is about; None: no such table
        self.attainment_tables = attainment_tables(plan)
        self.changes = baseline.changes(plan)  #: what changed since the previous version; None: no such table

    def add(self, key: str, title: str, part: str, kind: str, **extra: object) -> BookChapter:
        number: str | None = None
        label = ""
        if part == "body":
            self.body_count += 1
            number, label = str(self.body_count), f"{self._('Chapter')} {self.body_count}"
        elif part == "back" and kind in ("text", "generated"):
            number = _roman_letter(sum(1 for c in self.chapters if c.part == "back" and c.number))
            label = f"{self._('Annex')} {number}"
        chapter = BookChapter(key, title, part, kind, number, label, **extra)  # type: ignore[arg-type]
        self.chapters.append(chapter)
        return chapter

    def items(self, chapter: BookChapter, specs: list[tuple[str, str, str]]) -> None:
        prefix = f"{chapter.number}." if chapter.number else ""
        for ref, kind, caption in specs:
            count = sum(1 for i in chapter.items if i.kind == kind) + 1
            chapter.items.append(Item(ref, kind, f"{prefix}{count}", caption, chapter.key))

    def generated_items(self, kind: str) -> list[tuple[str, str, str]]:
        period = str(self.plan.period)
        since = say(self.changes.version_then, self._) if self.changes else None
        thin = thin_items(self.plan)
        return [(ref, what, self._(caption, period=period, year=self.monitored, version=since))
                for ref, what, caption in GENERATED_ITEMS.get(kind, [])
                if (ref != CEILING_TABLE or self.plan.apbd_ceiling) and (ref != PHASES_TABLE or self.plan.phases)
                and (ref not in ATTAINMENT_TABLES or ref in self.attainment_tables)
                and (ref != CHANGES_TABLE or self.changes)
                and (ref != UNCONFIRMED_TABLE or any(p.unconfirmed for p in self.plan.programs))
                and ref not in thin]

    def has(self, kind: str) -> bool:
        """Whether a generated part no chapter claims gets a chapter of its own: not the changes (a book that says
        nothing of them), nor a part with nothing to show: the attainment before any realised figure, a readiness
        analysis without rows, the quick wins of a plan that marks none, the roadmap and the budget of one without
        programs."""
        return {"changes": False, "attainment": self.monitored is not None, "readiness": bool(self.plan.readiness),
                "quick_wins": bool(self.plan.quick_wins), "roadmap": bool(self.plan.programs),
                "budget": bool(self.plan.programs)}.get(kind, True)

    def pillar_chapters(self, part: str) -> None:
        for pillar in self.plan.pillars:
            name = pillar.name.get(self.language)
            chapter = self.add(f"pillar-{pillar.id}", name, part, "pillar", pillar=pillar)
            specs = []
            if pillar.indicators:
                specs.append((f"tab:indicators-{pillar.id}", "table", self._("Indicators of {pillar}", pillar=name)))
            if pillar.programs:  # a pillar without programs says so, with no empty matrix
                specs.append((f"tab:program-{pillar.id}", "table", self._("Program matrix of {pillar}", pillar=name)))
            self.items(chapter, specs)

    def text_chapter(self, source: Chapter) -> None:
        chapter = self.add(source.id, source.title.get(self.language), source.part, "text",
                           chapter=source, generated=source.generated)
        self.items(chapter, [(table.ref, "table", table.text) for table in table_captions(source)])
        self.items(chapter, [(figure.ref, "figure", figure.text) for figure in figure_captions(source)])
        for kind in source.generated:
            if kind != "pillars":
                self.items(chapter, self.generated_items(kind))
        if "pillars" in source.generated:  # its own chapters, after the chapter's
            self.pillar_chapters(source.part)

    def generated_chapter(self, kind: str) -> None:
        key = f"gen-{kind.replace('_', '-')}"
        if kind == "pillars":
            self.pillar_chapters("body")
            return
        title = "Vision" if kind == "vision" and not self.plan.missions else GENERATED_ORDER[kind]
        chapter = self.add(key, self._(title), "body", "generated", generated=(kind,))
        self.items(chapter, self.generated_items(kind))


def build(plan: Plan, translate: Translate, language: str | None = None) -> Outline:
    """The book's chapters, numbers and cross-reference targets for ``plan``."""
    language = language or plan.language
    builder = Builder(plan, translate, language)
    claimed = {kind for c in plan.chapters for kind in c.generated}
    parts: dict[str, list[Chapter]] = {"front": [], "body": [], "back": []}
    for source in plan.chapters:
        parts.get(source.part, parts["body"]).append(source)
    for source in parts["front"] + parts["body"]:
        builder.text_chapter(source)
    for kind in GENERATED_ORDER:
        if kind not in claimed and builder.has(kind):
            builder.generated_chapter(kind)
    for source in parts["back"]:
        builder.text_chapter(source)
    builder.add("glossary", translate("Glossary"), "back", "glossary")
    builder.add("index", translate("Index of programs by agency"), "back", "index")
    return Outline(builder.chapters, targets(plan, builder.chapters, translate))


def targets(plan: Plan, chapters: list[BookChapter], translate: Translate) -> dict[str, Target]:
    """What every cross-reference id names among ``chapters``: the plan's agencies and programs, the chapters, and
    their tables and figures."""
    found: dict[str, Target] = {}
    agencies_chapter = next((c.key for c in chapters if "agencies" in c.generated), "index")
    for agency in plan.agencies:
        found[reference("agency", agency.id)] = Target("agency", None, agency.short_name, anchor(f"agency-{agency.id}"),
                                              agencies_chapter)
    for chapter in chapters:
        text = chapter.label or chapter.title
        target = Target("chapter", chapter.number, text, chapter.anchor, chapter.key, bool(chapter.label))
        if chapter.chapter is not None:
            found[chapter.chapter.id] = found[reference("chapter", chapter.chapter.id)] = target
        if chapter.pillar is not None:
            found[reference("pillar", chapter.pillar.id)] = target
        for item in chapter.items:
            word = translate("Table") if item.kind == "table" else translate("Figure")
            found[item.id] = Target(item.kind, item.number, f"{word} {item.number}", item.anchor, chapter.key, True)
    for program in plan.programs:
        key = f"pillar-{program.pillar_id}"
        found[program.id] = Target("program", program.id, program.id, anchor(f"program-{program.id}"),
                                   key if any(c.key == key for c in chapters) else None)
    return found
