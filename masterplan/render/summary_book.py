"""The executive summary (Ringkasan Eksekutif): a short second PDF beside the book, from the same model and theme.

What the mayor and the council read: the book's cover naming it, the authors' own text
(``content/executive-summary.md``, when written: a chapter file, through the same sandboxed
Jinja and sanitized Markdown, its problems at its lines), the vision and missions, the
pillars with their goals, programs and budget, the quick wins, the budget summaries and the
roadmap. Written only when plan.yml asks (``executive_summary: true``) and the PDF is built.

Nothing here is the book's again: its chapters are numbered by :class:`outline.Builder`, and
:mod:`companion_book` lays it out from ``print/summary.html`` (which extends the book's ``print/book.html``)
around ``print/chapters.html`` (the book's parts, and the summary's own ``parts/summary_*.html``), keeping the
last one under ``build/.cache/summary/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.diagnostics import Report
from masterplan.model import Plan
from masterplan.output import SUMMARY_PDF
from masterplan.render import companion_book, outline

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build import BuildOptions
    from masterplan.output import Staging

TEMPLATE = "print/summary.html"

#: the summary's own tables: id → (kind, caption message)
OWN_ITEMS = {"tab:summary-pillars": ("table", "Pillars: goals, programs and indicative budget"),
             "tab:summary-roadmap": ("table", "Programs running by pillar and year")}

#: programs the summary's roadmap chart places at most, on some three pages; a longer plan's summary counts the programs
#: running by pillar and year instead (the chart of a province's 3,000 programs ran to 81 of its 115 pages)
ROADMAP_CHART_AT_MOST = 100

#: quick wins the summary shows in full (the book's table: some four landscape pages); a plan of more gets a line for
#: each, under its pillar (a province's 153 quick wins in full made 27 of its summary's 34 pages)
QUICK_WINS_IN_FULL_AT_MOST = 24

#: the summary's chapters after the authors' text: the part each shows (print/parts/<part>.html), its title, and the
#: tables and figures it holds (the book's keep their ids and captions, outline.GENERATED_ITEMS; one the plan does not
#: have, the phases' table without phases, is left out)
CHAPTERS: list[tuple[str, str, list[str]]] = [
    ("vision_missions", "Vision and missions", []),
    ("summary_pillars", "Smart city pillars", ["tab:summary-pillars"]),
    ("quick_wins", "Quick wins", ["tab:quick-wins"]),
    ("summary_budget", "Budget", ["tab:budget-pillar", "fig:budget-pillar", "tab:budget-source"]),
    ("roadmap", "Roadmap", ["fig:roadmap", "tab:phases"]),
]


def contents(plan: Plan, translate: outline.Translate) -> outline.Outline:
    """The summary's chapters, numbered as the book numbers its own, with their tables and figures."""
    builder = outline.Builder(plan, translate, plan.language)
    known = {spec[0]: spec for part in outline.GENERATED_ITEMS for spec in builder.generated_items(part)}
    known.update({ref: (ref, kind, translate(caption)) for ref, (kind, caption) in OWN_ITEMS.items()})
    if plan.summary_text is not None:
        builder.text_chapter(plan.summary_text)
    for part, title, refs in CHAPTERS:
        if part == "roadmap" and len(plan.programs) > ROADMAP_CHART_AT_MOST:
            refs = ["tab:summary-roadmap" if ref == "fig:roadmap" else ref for ref in refs]
        chapter = builder.add(f"summary-{part.replace('_', '-')}", translate(title), "body", "generated",
                              generated=(part,))
        builder.items(chapter, [known[ref] for ref in refs if ref in known])
    found = outline.targets(plan, builder.chapters, translate)
    # the summary holds no program or agency: a cross-reference to one is told (W604), never a link to nowhere
    return outline.Outline(builder.chapters, {ref: target for ref, target in found.items()
                                              if target.kind in ("chapter", "table", "figure")})


#: the executive summary as :mod:`companion_book` writes it
SUMMARY = companion_book.Companion(
    "Executive summary", SUMMARY_PDF, TEMPLATE, "summary", contents,
    "Executive summary: not laid out, its content has errors", "Executive summary: unchanged since the last build",
    "Executive summary: {pages} pages in {seconds:.1f} s", "Executive summary: layout failed",
    extra=(("roadmap_chart_at_most", ROADMAP_CHART_AT_MOST), ("quick_wins_in_full_at_most", QUICK_WINS_IN_FULL_AT_MOST)))


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the executive summary to ``staging.path(SUMMARY_PDF)``; returns summary lines for the terminal."""
    return companion_book.render(plan, root, staging, options, report, SUMMARY)
