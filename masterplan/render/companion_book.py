"""The plan's other books beside the main one: the executive summary and the strategic analysis, each one PDF.

Each is made of the book's machinery: its chapters numbered by :class:`outline.Builder`, its text filled in by
:func:`print_book.chapter_text`, its charts drawn by :func:`print_figures.figures`, its HTML filled by
:func:`print_book.html` from its own page template (which extends the book's ``print/book.html``) around
``print/chapters.html``, laid out with book.css in one WeasyPrint pass (:func:`pdf_press.lay_out_once`): for a few dozen
pages, the book's parts would cost more than they save. The last one laid out is kept under
``build/.cache/<name>/`` by a :class:`pdf_cache.Cache`, keyed as the book's parts are (its HTML, the stylesheets
two-sided printing changes, the theme, images and versions): a build whose edit it does not show copies it, with no
layout (its WeasyPrint warnings are the book's).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from masterplan import decree
from masterplan.diagnostics import Message, Report
from masterplan.formatting import Formats
from masterplan.model import Plan
from masterplan.output import build_folder, write_whole
from masterplan.render import (
    draft_mark,
    outline,
    pdf_cache,
    pdf_press,
    print_book,
    print_figures,
)
from masterplan.render.print_fetch import Fetcher
from masterplan.render.theme import Theme

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build_options import BuildOptions
    from masterplan.output import Staging


@dataclass(frozen=True)
class Companion:
    """One of the plan's other books: what it is called, where it goes, and what the terminal says of it."""

    kind: str  #: its name, a catalog word: on its cover, in its title and its running header
    file: str  #: its file in build/ (output.SUMMARY_PDF, …)
    template: str  #: its page template, around the chapters
    cache: str  #: its folder of build/.cache/
    contents: Callable[[Plan, outline.Translate], outline.Outline]  #: its chapters, tables and figures
    not_laid_out: str  #: said when its content has errors
    unchanged: str  #: said when the last one is copied
    laid_out: str  #: said when it is laid out: {pages}, {seconds}
    failed: str  #: said when WeasyPrint fails
    extra: tuple[tuple[str, Any], ...] = ()  #: what its template reads beside the book's
    told: bool = False  #: a cross-reference written to nothing it holds was told by validate, at its line (chapter_text)
    #: its glossary (a back chapter of its outline) lists the terms it prints only, not the book's all
    glossary_used: bool = False


def companion_html(plan: Plan, root: Path, options: BuildOptions, report: Report, companion: Companion,
                   ) -> tuple[str | None, Theme, Fetcher]:
    """``companion``'s print HTML through the theme's templates (None where a template failed: said in ``report``),
    with the theme and fetcher that lay it out: what :func:`render` lays out, and what ``validate`` renders where the
    plan overrides a print template."""
    theme, env, translate, fetcher = pdf_press.press(plan, root)
    chapters = companion.contents(plan, translate)
    kind = translate(companion.kind)
    running = print_book.running_title(plan, f"{kind} · ", chapters)
    texts = {c.key: print_book.chapter_text(plan, c, chapters, translate, report, companion.told, running)
             for c in chapters.chapters}
    book = print_book.Book(chapters, texts, print_figures.figures(plan, chapters, Formats(plan.language, translate),
                                                                  translate))
    context = {
        "logo": pdf_press.logo_url(plan, fetcher, report), "site_address": options.base_url,
        "draft_mark": draft_mark.mark(translate("Draft"), theme) if plan.is_draft else "",  # the book warns of none
        "cover_kind": kind, "document_title": f"{kind}: {plan.title.get(plan.language)}",
        "adopted_by": decree.adopted_by(plan, plan.language),  # the book is the annex; these name what it is of
        "running_title": running, **dict(companion.extra)}
    html = pdf_press.print_html(plan, book, env, theme, report, context, companion.template)
    glossary = chapters.chapter("glossary")
    if html is not None and companion.glossary_used and glossary is not None:  # laid out again with what it uses
        used = print_book.glossary_used(html, print_book.glossary(plan), glossary.anchor)
        if not used:  # no heading over nothing: a plan of no program yet, without glossary.yml
            chapters.chapters.remove(glossary)
        html = pdf_press.print_html(plan, book, env, theme, report, {**context, "glossary": used}, companion.template)
    return html, theme, fetcher


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report,
           companion: Companion) -> list[str]:
    """Write ``companion`` to ``staging.path(companion.file)``; returns summary lines for the terminal."""
    # the time it took to make, the processor's: laid out beside the book (companion_books), at a lower priority,
    # it waits for the book's parts, and its wall-clock time would read as seconds added to the build
    started = time.process_time()
    errors_before = len(report.errors)
    html, theme, fetcher = companion_html(plan, root, options, report, companion)
    if html is None or len(report.errors) > errors_before:
        return [Message(companion.not_laid_out)]
    target = staging.path(companion.file)
    cache = pdf_cache.Cache(build_folder(root) / ".cache" / companion.cache, options.cache,
                            pdf_cache.stamp(root, pdf_press.tagged(plan)))
    key = cache.key(html, pdf_press.stylesheet_text(plan, theme))
    if cache.has_pdf(key, 0):  # nothing it shows changed: the last one, not laid out
        shutil.copyfile(cache.pdf(key, 0), target)
        cache.finish({}, {})
        return [Message(companion.unchanged)]

    def lay_out() -> list[str]:
        pages, _ = pdf_press.lay_out_once(plan, html, theme, fetcher, target, report)
        if not report.errors:  # the last good one is kept, under its key: an edit elsewhere costs no layout
            write_whole(cache.pdf(key, 0), target.read_bytes())
            cache.wrote_pdf(key, 0)
            cache.finish({}, {})  # those of builds before the kept ones go
        return [Message(companion.laid_out, pages=pages, seconds=time.process_time() - started)]

    return pdf_press.guarded(plan, report, lay_out, Message(companion.failed))
