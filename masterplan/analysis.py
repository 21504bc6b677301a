"""The strategic analysis (Buku Analisis Strategis): the plan's third book, its chapters and what they may name.

Kominfo-assisted cities publish it beside the master plan and its executive summary: the city's profile, its
readiness, the strategic issues and SWOT, an analysis per pillar from which the plan's programs follow. Its chapters
are the authors' Markdown files in ``content/analysis/NN-<slug>.md``, read as the book's chapters are (front matter,
sandboxed Jinja, sanitized Markdown, captions) when plan.yml asks for it (``strategic_analysis: true``); without it
the folder is not read (:mod:`checks.files` says so, W017).

It holds no program matrix: a chapter of it may claim the generated parts of :data:`PARTS` only (another is told,
W532, and left out), and a program or agency it names is printed as plain text (its code, its short name), no link
(W604 says so at its line); a pillar is printed as its name. Its cross-references may name its own chapters and
tables: :func:`targets` gives the ids validate accepts, from the model alone; the book numbering them is
:func:`masterplan.render.analysis_book.contents`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from masterplan import chapter_reader
from masterplan.captions import figure_captions, table_captions
from masterplan.crossref import PART_TABLES, reference, thin_items
from masterplan.diagnostics import Message, Report, warning
from masterplan.model import ANALYSIS, Plan
from masterplan.plan_parts import Chapter

#: the generated parts a chapter of the strategic analysis may claim: what the analysis leads to, not the plan's
#: programs and money (the book's)
PARTS = ("readiness", "vision")


def read(plan: Plan, content: Path, report: Report, name: Callable[[Path], str], inside: Callable[[Path], bool],
         written_in: str | None, others: list[Chapter] | None = None) -> list[Chapter]:
    """The chapters of ``content/analysis/`` in order, each claiming only what the analysis shows; a plan asking for
    the analysis with no chapter for it is told at plan.yml's line (W533). ``others`` gets their translations into
    other editions' languages (:func:`chapter_reader.read_folder`)."""
    found, problems = chapter_reader.read_folder(content / ANALYSIS, name, plan.language, inside, written_in, others)
    report.extend(problems)
    if not found and not problems:
        report.add(warning(plan.where.get("strategic_analysis", plan.position), "W533",
                           "plan.yml asks for the strategic analysis, but content/analysis/ holds no chapter: "
                           "none is written",
                           "write its chapters as content/analysis/NN-<slug>.md, each as a chapter of the book (the "
                           "sample's: masterplan new), or delete 'strategic_analysis: true'"))
    return [_shown(chapter, report) for chapter in found]


def _shown(chapter: Chapter, report: Report) -> Chapter:
    """``chapter`` claiming only :data:`PARTS`; each other part it claims is told (W532)."""
    kept = [(part, at) for part, at in zip(chapter.generated, chapter.generated_at, strict=True) if part in PARTS]
    for part, at in zip(chapter.generated, chapter.generated_at, strict=True):
        if part not in PARTS:
            report.add(warning(at, "W532", "the strategic analysis does not show the generated part '{part}': it "
                               "holds no program matrix, budget or roadmap (the book's)",
                               Message("its chapters may claim {parts}; delete '{part}' from this 'generated:'",
                                       part=part, parts=", ".join(PARTS)), part=part))
    if len(kept) == len(chapter.generated):
        return chapter
    return replace(chapter, generated=tuple(part for part, _ in kept), generated_at=tuple(at for _, at in kept))


def targets(plan: Plan) -> set[str]:
    """Every id a cross-reference of the analysis may name: its chapters and tables (links), and the plan's pillars,
    programs and agencies (printed as plain text, :func:`plain_texts`)."""
    ids = {ref for chapter in plan.analysis for ref in (chapter.id, reference("chapter", chapter.id))}
    ids |= {caption.ref for chapter in plan.analysis
            for caption in (*table_captions(chapter), *figure_captions(chapter))}
    ids |= generated_tables(plan) | {reference("pillar", pillar.id) for pillar in plan.pillars}
    return ids | set(plain_texts(plan))


def plain_texts(plan: Plan) -> dict[str, str]:
    """What the analysis prints for a cross-reference to a program (its code) or an agency (its short name), by id:
    it holds no program matrix or agency to lead to."""
    texts = {reference("agency", agency.id): agency.short_name for agency in plan.agencies}
    return texts | {program.id: program.id for program in plan.programs}


def generated_tables(plan: Plan) -> set[str]:
    """The ids of the tables the analysis's chapters claim (its captions' are their own)."""
    claimed = {ref for chapter in plan.analysis for part in chapter.generated for ref in PART_TABLES.get(part, ())}
    return claimed - thin_items(plan)
