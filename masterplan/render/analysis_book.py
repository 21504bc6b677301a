"""The strategic analysis (Buku Analisis Strategis): a third PDF beside the book, from the authors' chapters in
``content/analysis/`` (:mod:`masterplan.analysis`) and the same theme.

The book's cover naming it, a table of contents, then its chapters as the book prints its own (numbered, their
sections, captions and cross-references), with the generated parts they claim (the readiness table, the vision).
Written only when plan.yml asks (``strategic_analysis: true``), it has chapters, and the PDF is built; laid out by
:mod:`companion_book` from ``print/analysis.html``, the last one kept under ``build/.cache/analysis/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from masterplan import analysis
from masterplan.diagnostics import Report
from masterplan.model import Plan
from masterplan.output import ANALYSIS_PDF
from masterplan.render import companion_book

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build import BuildOptions
    from masterplan.output import Staging

#: the strategic analysis as :mod:`companion_book` writes it
ANALYSIS = companion_book.Companion(
    "Strategic analysis", ANALYSIS_PDF, "print/analysis.html", "analysis", analysis.contents,
    "Strategic analysis: not laid out, its content has errors", "Strategic analysis: unchanged since the last build",
    "Strategic analysis: {pages} pages in {seconds:.1f} s", "Strategic analysis: layout failed", extra=(("book_front", False),), told=True)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the strategic analysis to ``staging.path(ANALYSIS_PDF)``; returns summary lines for the terminal."""
    return companion_book.render(plan, root, staging, options, report, ANALYSIS)
