"""Charts and book numbering on the site, shared with the PDF so both outputs agree.

Chapter numbers and table/figure numbers come from the book outline
(:mod:`masterplan.render.outline`), so "Tabel 7.2" on the site is "Tabel 7.2" in print;
pillar colours are the PDF's (:mod:`masterplan.render.charts`). The roadmap, budget bars
and indicator columns are drawn in HTML from what this module computes: they reflow on
a phone, where a scaled-down SVG would be unreadable, and their words are text. The
roadmap's program names are a column of their own, so on a phone they stay in sight
while its years scroll sideways beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from masterplan.formatting import funding_source
from masterplan.model import Plan
from masterplan.plan_parts import Phase, Pillar
from masterplan.programs import Indicator, Program
from masterplan.render import charts, outline
from masterplan.render.site_links import url_for
from masterplan.summary import BudgetSummary, largest_first
from masterplan.values import Text

BarRow = tuple[str, "str | None", int, str]


@dataclass(frozen=True)
class RoadmapRow:
    """One program's line of the roadmap: its bar runs from ``left`` and is ``width`` long, both in
    percent of the plan's years (a program running past the plan is cut at its edge)."""

    program: Program
    left: float
    width: float


@dataclass(frozen=True)
class RoadmapPillar:
    """A pillar's band of the roadmap, in its colour, and its programs' lines."""

    pillar: Pillar
    colour: str
    rows: list[RoadmapRow]


@dataclass(frozen=True)
class RoadmapPhase:
    """A phase's name in the band above the roadmap's years: from the ``column``-th year (1 the plan's first),
    over ``span`` years."""

    phase: Phase
    column: int
    span: int


@dataclass(frozen=True)
class RoadmapChart:
    """The roadmap as the site draws it: the plan's years across, each pillar's programs down; the phases above
    the years, and faint lines where one ends and the next starts (``bounds``: a CSS background of the programs'
    lines, empty without phases)."""

    years: list[int]
    pillars: list[RoadmapPillar]
    phases: list[RoadmapPhase] = field(default_factory=list)
    bounds: str = ""


def _bounds(starts: list[float]) -> str:
    """A CSS background drawing a faint line at each of ``starts`` (percent of the years' width)."""
    line = "rgb(91 102 115 / 45%)"  # the charts' muted ink, faint
    return ", ".join(f"linear-gradient(90deg, transparent calc({x}% - 1px), {line} calc({x}% - 1px), {line} {x}%, "
                     f"transparent {x}%)" for x in starts)


def roadmap(plan: Plan) -> RoadmapChart | None:
    """The roadmap chart for the whole plan (the PDF's figure, drawn in HTML: the template says its
    words), or None when there is nothing to draw."""
    if not plan.programs:
        return None
    years = list(plan.period.years)
    colours = charts.pillar_colours(plan)

    def row(program: Program) -> RoadmapRow:
        start = max(program.period.start, years[0]) - years[0]
        span = max(min(program.period.end, years[-1]) - years[0] - start + 1, 1)
        return RoadmapRow(program, round(100 * start / len(years), 3), round(100 * span / len(years), 3))

    phases = [RoadmapPhase(phase, start + 1, span) for phase, start, span in charts.phase_spans(plan)]
    starts = sorted({round(100 * (band.column - 1) / len(years), 3) for band in phases if band.column > 1})
    return RoadmapChart(years, [RoadmapPillar(pillar, colours[pillar.id], [row(p) for p in pillar.programs])
                                for pillar in plan.pillars if pillar.programs], phases, _bounds(starts))


def reference_label(book: outline.Outline) -> Callable[[str], str | None]:
    """The book's words for a reference to a table, figure or numbered chapter ("Tabel 5.1", "Bab 3"); None for
    anything else, which the site names by its own name."""
    def label(ref: str) -> str | None:
        target = book.resolve(ref)
        return target.text if target and target.worded else None
    return label


def captioner(book: outline.Outline, _: outline.Translate) -> Callable[[str, str], str]:
    """``caption("tab:budget-source", fallback)`` → "Tabel 7.2 Anggaran per sumber pendanaan"."""
    def caption(ref: str, fallback: str) -> str:
        item = book.item(ref)
        if item is None:
            return fallback
        word = _("Table") if item.kind == "table" else _("Figure")
        return f"{word} {item.number} {item.caption}"
    return caption


def pdf_destination(ref: str) -> str:
    """The address fragment that opens the book's PDF at a table, figure or chapter (RFC 8118): the PDF names the
    place of each by its HTML id, ``tab:program-society`` → ``nameddest=tab-program-society``."""
    return "nameddest=" + outline.anchor(ref)


#: generated parts of the book with a site page of the same name (``quick_wins`` → quick-wins.html), always; the
#: others have one only as a chapter of the book of their own (site_pages.book_part_pages), named alike
PART_PAGES = frozenset({"quick_wins", "roadmap", "budget", "agencies"})


#: the site's page for each chapter closing the book: the glossary's, and for the index of programs by agency the
#: agencies' page (every agency with the programs it leads and supports), or, where that page is already a chapter of
#: its own (no chapter claims ``agencies``), the list of every program with its lead agency
CLOSING_PAGES = {"glossary": ("glossary",), "index": ("agencies", "programs")}


def book_contents(book: outline.Outline) -> list[tuple[str, Text | str, Any]]:
    """(label, title, page) of each chapter of the book, in book order, with the page the site shows it on:
    content chapters, the pillars' chapters, the generated parts no chapter claims (each a page of its own), and the
    glossary and the index closing the book (:data:`CLOSING_PAGES`); each page once, so that its previous and next
    chapters are the book's. A chapter's or pillar's title is the plan's Text, for ``t_lang`` to mark with its
    language."""
    contents: list[tuple[str, Text | str, Any]] = []
    for chapter in book.chapters:
        if chapter.chapter is not None:
            contents.append((chapter.label, chapter.chapter.title, chapter.chapter))
        elif chapter.pillar is not None:
            contents.append((chapter.label, chapter.pillar.name, chapter.pillar))
        elif chapter.kind == "generated":
            contents.append((chapter.label, chapter.title, chapter.generated[0]))
        elif chapter.kind in CLOSING_PAGES:
            shown = [page for _, _, page in contents]
            page = next(page for page in CLOSING_PAGES[chapter.kind] if page not in shown)
            contents.append((chapter.label, chapter.title, page))
    return contents


def chapter_labels(book: outline.Outline) -> dict[str, str]:
    """Site page path → the book's chapter label ("Bab 5") for pages that are chapters of the book."""
    return {url_for(page): label for label, _, page in book_contents(book) if label}


def book_chapters(book: outline.Outline) -> dict[str, outline.BookChapter]:
    """Site page path → the chapter of the book the page shows, whose sections it numbers as the book does (every
    chapter has its entry in :func:`book_contents`, in the book's order)."""
    return {url_for(page): chapter for chapter, (_, _, page) in zip(book.chapters, book_contents(book), strict=True)}


def pillar_colours(plan: Plan) -> dict[str, str]:
    """The PDF's pillar colours, so a pillar looks the same in both outputs."""
    return charts.pillar_colours(plan)


def budget_bars(plan: Plan, budget: BudgetSummary, translate: Callable[[str], str]) -> dict[str, list[BarRow]]:
    """Rows (label, link, amount, colour) of the budget bar charts: by pillar, by funding source (named in
    ``translate``'s language) and by lead agency (the book's three figures: its Gambar 14.3, by agency, was cited and
    not found on the site)."""
    colours = charts.pillar_colours(plan)
    agencies = [(agency, amount) for agency_id, amount in largest_first(budget.by_agency)
                if amount and (agency := plan.agency(agency_id)) is not None]
    return {
        "pillar": [(str(p.name), url_for(p), budget.by_pillar.get(p.id, 0), colours[p.id]) for p in plan.pillars],
        "source": [(funding_source(source, translate), None, amount, charts.PALETTE[0])
                   for source, amount in largest_first(budget.by_source)],
        "agency": [(agency.short_name, url_for(agency), amount, charts.PALETTE[0]) for agency, amount in agencies],
    }


@dataclass(frozen=True)
class IndicatorColumn:
    """One year's slot of an indicator's column chart: its baseline or target (``value``, None where the year has a
    realised figure only) and what it reached (``realised``), each ``height`` percent of the largest value drawn."""

    year: int | str
    value: float | None
    height: float
    baseline: bool
    realised: float | None = None
    realised_height: float = 0.0


def indicator_columns(indicator: Indicator) -> list[IndicatorColumn]:
    """An indicator's numeric baseline, targets and realised figures, a slot a year: the baseline's first, then the
    years with a target or a realised figure; one scale for all, so a figure above every target stays in the box."""
    targets = _numbers(indicator, indicator.targets)
    realised = _numbers(indicator, indicator.realised)
    drawn_baseline = indicator.baseline_value if indicator.is_number(indicator.baseline_value) else None
    has_baseline = drawn_baseline is not None
    top = max(map(abs, [*targets.values(), *realised.values(),
                        *([drawn_baseline] if drawn_baseline is not None else [])]), default=0)

    def column(year: int | str, value: float | None, baseline: bool) -> IndicatorColumn:
        reached = realised.get(year) if isinstance(year, int) else None
        return IndicatorColumn(year, value, _share(value, top), baseline, reached, _share(reached, top))

    slots = [column(indicator.baseline_year or "", drawn_baseline, True)] if has_baseline else []
    skipped = {indicator.baseline_year} if has_baseline else set()  # its realised figure beside the baseline
    return slots + [column(year, targets.get(year), False) for year in sorted({*targets, *realised} - skipped)]


def _numbers(indicator: Indicator, by_year: dict[int, Any]) -> dict[int, float]:
    """The figures of ``by_year`` (its targets or realised figures) the chart draws: the indicator's numbers."""
    return {year: value for year, value in by_year.items() if indicator.is_number(value)}


def _share(value: float | None, top: float) -> float:
    """A value's height in percent of the largest drawn (0 for none)."""
    return round(100 * abs(value) / top, 1) if value is not None and top else 0.0
