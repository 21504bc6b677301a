"""The book's figures, drawn from the model as SVG images with their text alternative: the roadmap and the budget
charts, each cut into pages that fit the page's height (:func:`figures`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup

from masterplan import summary
from masterplan.formatting import Formats
from masterplan.model import Plan
from masterplan.programs import Program
from masterplan.render import charts, outline

FONT = "'MP Sans', 'Noto Sans', sans-serif"  #: the bundled sans family, as book.css names it
ROADMAP_ROWS = 46  #: lines of the roadmap's first page, below its section's text
ROADMAP_ROWS_CONTINUED = 60  #: lines of each page the roadmap continues on (3.5 mm a line at the text width)
#: the bar charts whose bars stand in the plan's order (pillars, years), not the largest first
IN_ORDER = {"fig:budget-pillar", "fig:budget-year"}
BARS_PER_PAGE = 40  #: bars of a budget chart on a page with its caption (44 fit the text's height)


def program_description(translate: outline.Translate) -> Callable[[Program], str]:
    """One sentence per program for the roadmap's text alternative."""
    def describe(program: Program) -> str:
        mark = f" ({translate('quick win')})" if program.quick_win else ""
        return f"{program.id} {program.name}{mark}: {program.period}."
    return describe


def figures(plan: Plan, book: outline.Outline, formats: Formats, translate: outline.Translate,
            ) -> dict[str, list[Markup]]:
    """Every figure of the book, drawn from the model: SVG images with their text alternative."""
    found: dict[str, list[Markup]] = {}
    item = book.item("fig:roadmap")
    if item:
        words = charts.RoadmapWords(item.caption, translate("Quick win"), program_description(translate),
                                    translate("Phase"))
        found["fig:roadmap"] = [charts.image(charts.roadmap(plan, words, chunk, FONT)) for chunk in _roadmap_pages(plan)]
    money = summary.budget(plan)
    colours = charts.pillar_colours(plan)
    slices = {
        "fig:budget-pillar": [(str(p.name), money.by_pillar.get(p.id, 0), colours[p.id]) for p in plan.pillars],
        "fig:budget-year": [(str(year), amount, charts.PALETTE[0]) for year, amount in money.by_year.items()],
        "fig:budget-source": [(formats.funding_source(s), v, charts.PALETTE[0]) for s, v in money.by_source.items() if v],
        "fig:budget-agency": [(a.short_name, money.by_agency.get(a.id, 0), charts.PALETTE[0])
                              for a in plan.agencies if money.by_agency.get(a.id)],
    }
    for ref, rows in slices.items():
        item = book.item(ref)
        if item:
            ordered = rows if ref in IN_ORDER else sorted(rows, key=lambda r: -r[1])
            labels = [formats.rupiah_short(value) for _, value, _ in ordered]
            bars = [charts.Bar(label, value, text, colour) for (label, value, colour), text in zip(ordered, labels)]
            found[ref] = [charts.image(charts.bars(page, item.caption, FONT, among=bars)) for page in _bar_pages(bars)]
    return found


def _bar_pages(bars: list[charts.Bar]) -> list[list[charts.Bar]]:
    """A bar chart cut into pages of at most BARS_PER_PAGE bars, as even as can be (a province's
    120 agencies: three pages of 40, not a chart running off the page)."""
    pages = max(math.ceil(len(bars) / BARS_PER_PAGE), 1)
    size = math.ceil(len(bars) / pages) or 1
    return [bars[start:start + size] for start in range(0, max(len(bars), 1), size)]


def _roadmap_pages(plan: Plan) -> list[list[charts.RoadmapGroup]]:
    """The roadmap cut into pages: the first holds ROADMAP_ROWS lines (the section's text stands above
    it), the others ROADMAP_ROWS_CONTINUED (a pillar's heading counts as one line, a program as the
    lines of its label: :func:`charts.roadmap_rows`).

    A pillar that fits on a page is kept whole, but the first, which starts on the first page
    whatever its length; one with more programs than a page holds fills the page and is
    continued on the next, so no chart is ever taller than its page.
    """
    def lines(programs: list[Program]) -> int:
        return 1 + sum(charts.roadmap_rows(program) for program in programs)

    band = charts.phase_band_rows(plan)  # the phases' band above the years, on every page
    pages: list[list[charts.RoadmapGroup]] = [[]]
    used = 0
    for pillar in plan.pillars:
        programs = list(pillar.programs)
        fits_a_page = lines(programs) <= ROADMAP_ROWS_CONTINUED - band
        while True:
            room = (ROADMAP_ROWS if len(pages) == 1 else ROADMAP_ROWS_CONTINUED) - band - used
            if pages[-1] and room < lines(programs if fits_a_page else programs[:3]):
                pages.append([])
                used, room = 0, ROADMAP_ROWS_CONTINUED - band
            count, height = 1, lines(programs[:1])  # a page holds one program at least
            while count < len(programs) and height + charts.roadmap_rows(programs[count]) <= room:
                height += charts.roadmap_rows(programs[count])
                count += 1
            taken = programs[:count]
            pages[-1].append((pillar, taken))
            used += height
            programs = programs[len(taken):]
            if not programs:
                break
    return pages
