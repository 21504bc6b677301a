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

from masterplan.crossref import reference
from masterplan.diagnostics import Report
from masterplan.model import Plan
from masterplan.output import ANALYSIS_PDF
from masterplan.plan_parts import Chapter
from masterplan.render import companion_book, outline

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build_options import BuildOptions
    from masterplan.output import Staging


def contents(plan: Plan, translate: outline.Translate) -> outline.Outline:
    """The analysis's chapters, numbered as the book numbers its own (front, body, then back), with their tables,
    and what its cross-references name: its chapters and tables as links, a program, an agency or a pillar as plain
    text (an empty anchor)."""
    builder = outline.Builder(plan, translate, plan.language)
    parts: dict[str, list[Chapter]] = {"front": [], "body": [], "back": []}
    for source in plan.analysis:
        parts.get(source.part, parts["body"]).append(source)
    for source in [*parts["front"], *parts["body"], *parts["back"]]:
        builder.text_chapter(source)
    found = {ref: target for ref, target in outline.targets(plan, builder.chapters, translate).items()
             if target.kind in ("chapter", "table", "figure")}
    for program in plan.programs:
        found[program.id] = outline.Target("program", program.id, program.id, "", None)
    for agency in plan.agencies:
        found[reference("agency", agency.id)] = outline.Target("agency", None, agency.short_name, "", None)
    for pillar in plan.pillars:
        found[reference("pillar", pillar.id)] = outline.Target("pillar", None, pillar.name.get(plan.language), "", None)
    return outline.Outline(builder.chapters, found)


#: the strategic analysis as :mod:`companion_book` writes it
ANALYSIS = companion_book.Companion(
    "Strategic analysis", ANALYSIS_PDF, "print/analysis.html", "analysis", contents,
    "Strategic analysis: not laid out, its content has errors", "Strategic analysis: as in an earlier build, taken from the cache",
    "Strategic analysis: {pages} pages in {seconds:.1f} s", "Strategic analysis: layout failed", extra=(("book_front", False),), told=True)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the strategic analysis to ``staging.path(ANALYSIS_PDF)``; returns summary lines for the terminal."""
    return companion_book.render(plan, root, staging, options, report, ANALYSIS)
