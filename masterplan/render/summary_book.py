"""The executive summary (Ringkasan Eksekutif): a short second PDF beside the book, from the same model and theme.

What the mayor and the council read: the book's cover naming it, the authors' own text
(``content/executive-summary.md``, when written: a chapter file, through the same sandboxed
Jinja and sanitized Markdown, its problems at its lines), the vision and missions, the
pillars with their goals, programs and budget, the quick wins, the budget summaries and the
roadmap. Written only when plan.yml asks (``executive_summary: true``) and the PDF is built.

Nothing here is the book's again: its chapters are numbered by :class:`outline.Builder` (:mod:`summary_outline`,
which validate reads too: the cross-references its text may write), and
:mod:`companion_book` lays it out from ``print/summary.html`` (which extends the book's ``print/book.html``)
around ``print/chapters.html`` (the book's parts, and the summary's own ``parts/summary_*.html``), keeping the
last one under ``build/.cache/summary/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from masterplan import revision_figures, summary
from masterplan.diagnostics import Report
from masterplan.model import Plan
from masterplan.output import SUMMARY_PDF
from masterplan.render import companion_book, outline
from masterplan.render.summary_outline import (
    ROADMAP_CHART_AT_MOST,
    SUMMARY_AGENCIES,
    SUMMARY_CHANGES,
    SUMMARY_LARGEST,
    contents,
)

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build_options import BuildOptions
    from masterplan.output import Staging

TEMPLATE = "print/summary.html"

#: quick wins the summary shows in full (the book's table: some four landscape pages); a plan of more gets a line for
#: each, under its pillar (a province's 153 quick wins in full made 27 of its summary's 34 pages)
QUICK_WINS_IN_FULL_AT_MOST = 24


def book_tables(plan: Plan, translate: outline.Translate) -> dict[str, str]:
    """The book's number of each of its tables, by id ("14.3"): where the summary's notes send the reader for what
    it leaves out."""
    return {item.id: item.number for item in outline.build(plan, translate).tables}


#: the executive summary as :mod:`companion_book` writes it
SUMMARY = companion_book.Companion(
    "Executive summary", SUMMARY_PDF, TEMPLATE, "summary", contents,
    "Executive summary: not laid out, its content has errors", "Executive summary: as in an earlier build, taken from the cache",
    "Executive summary: {pages} pages in {seconds:.1f} s", "Executive summary: layout failed",
    extra=(("roadmap_chart_at_most", ROADMAP_CHART_AT_MOST), ("quick_wins_in_full_at_most", QUICK_WINS_IN_FULL_AT_MOST),
           ("summary_largest", SUMMARY_LARGEST), ("summary_agencies", SUMMARY_AGENCIES),
           ("summary_changes", SUMMARY_CHANGES), ("revision", revision_figures.figures),
           ("city_budget", summary.CITY_BUDGET), ("book_tables", book_tables)),
    told=True, glossary_used=True)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the executive summary to ``staging.path(SUMMARY_PDF)``; returns summary lines for the terminal."""
    return companion_book.render(plan, root, staging, options, report, SUMMARY)
