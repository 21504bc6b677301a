"""The PDF book: print HTML from the theme's Jinja templates, laid out by WeasyPrint in parts.

``render`` is what :mod:`masterplan.build` calls. The steps and their modules:

1. :mod:`masterplan.render.outline` numbers chapters, tables and figures;
2. :mod:`masterplan.render.print_book` turns chapters, charts and tables into one HTML
   file through ``templates/print/*.html`` (our own code: measured as "HTML");
3. :mod:`masterplan.render.pdf_parts` cuts it into parts: the front matter, then one
   part per body or back chapter, or per chunk of a long one (a program matrix, the
   agencies, the index: the print HTML starts a page every so many programs, see
   :mod:`masterplan.render.pdf_chunks`, so an edit lays out a few pages and no process
   holds a whole chapter); body pages restart at 1, so the body never depends on the
   front matter; page numbers of links into other parts are written in as text;
4. :mod:`masterplan.render.pdf_schedule` decides the order of work: parts that print no
   other part's page number are laid out at once, in parallel (``--jobs``, default the
   machine's cores; :mod:`masterplan.render.pdf_workers`), the others as soon as the
   numbers they print are known; every number is checked before the join;
5. :mod:`masterplan.render.pdf_layout` is a worker's job: WeasyPrint lays a part out with
   ``templates/print/book.css`` and, once the part's first page number is known, only
   the page margins are laid out again with the right numbers; then it writes the part;
6. :mod:`masterplan.render.pdf_cache` keeps laid-out parts under ``build/.cache/pdf/``,
   keyed by the part's HTML, the theme, the content's images and the versions, so an
   edit lays out only the parts whose text or printed page numbers changed;
7. :mod:`masterplan.render.pdf_join` joins the parts with pypdf: one outline, every
   internal link resolved across parts, the metadata once.

What the book shares with the plan's other books (the theme and its words, the print HTML,
the cover logo, the stylesheets, one WeasyPrint pass, E604 for a failure) is
:mod:`masterplan.render.pdf_press`'s.

What must be redone after an edit: the edited part (the chunk showing the program); parts
that print a page number the edit moved (the contents, the index, cross-references);
and parts whose first page moved because an earlier part changed length (they are laid
out again: a cached part keeps its layout data, not WeasyPrint's document, and its page
numbers are drawn by WeasyPrint with the page; an edit that changes a chunk's length is
rarer than one that does not, and costs what a full build does from that chunk on). ``tests/test_pdf_parts.py`` compares
all of it with the single pass (``BuildOptions(jobs=SINGLE_PASS)``), which stays here as
the reference.

WeasyPrint reads only through :class:`masterplan.render.print_fetch.Fetcher`; refused
URLs and WeasyPrint's log records become diagnostics (errors for anything that failed
to load, warnings for ignored CSS; see that module for why, and :mod:`masterplan.render.pdf_logs` for where
each is placed). Nothing here raises for a content problem.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from masterplan import decree, plan_state
from masterplan.diagnostics import Message, Report, warning
from masterplan.formatting import Formats
from masterplan.interrupt import can_fork
from masterplan.model import Plan
from masterplan.output import PDF, build_folder
from masterplan.render import (
    draft_mark,
    outline,
    pdf_cache,
    pdf_join,
    pdf_logs,
    pdf_parts,
    pdf_press,
    pdf_schedule,
    pdf_title,
    pdf_workers,
    print_book,
    print_figures,
)
from masterplan.render.print_fetch import Fetcher
from masterplan.render.theme import Theme

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build_options import BuildOptions
    from masterplan.output import Staging

SINGLE_PASS = 0  #: ``BuildOptions.jobs`` value for one WeasyPrint pass over the whole book (tests' reference)


@dataclass
class PrintHtml:
    """The book's print HTML (None where a print template failed: E603 says so) and what laying it out reads."""

    html: str | None
    theme: Theme
    env: jinja2.Environment
    fetcher: Fetcher
    mark: str  #: the draft's mark on every page ("" for an adopted plan)


def book_html(plan: Plan, root: Path, options: BuildOptions, report: Report) -> PrintHtml:
    """The book's print HTML through the theme's templates: what :func:`render` lays out, and what ``validate``
    renders where the plan overrides a print template (a field the plan lacks fails only as it renders)."""
    theme, env, translate, fetcher = pdf_press.press(plan, root)
    book_outline = outline.build(plan, translate, plan.language)
    formats = Formats(plan.language, translate)
    texts = {c.key: print_book.chapter_text(plan, c, book_outline, translate, report)
             for c in book_outline.chapters}
    book = print_book.Book(book_outline, texts, print_figures.figures(plan, book_outline, formats, translate))
    logo = pdf_press.logo_url(plan, fetcher, report)
    mark = draft_mark.mark(translate("Draft"), theme) if plan.is_draft else ""
    if plan.is_draft and not mark:  # a draft must never pass for the adopted plan
        report.add(warning(plan.where.get("status", plan.position), "W606", "the draft's pages carry no '{word}' mark: "
                           "no font of the theme could draw it", "check the theme's fonts/NotoSans-Bold.ttf",
                           word=translate("Draft")))
    annex = decree.adopting(plan, plan.language)  # the book is the annex of the regulation that adopted the plan
    html = pdf_press.print_html(plan, book, env, theme, report,
                                {"logo": logo, "site_address": options.base_url, "draft_mark": mark, "annex": annex,
                                 "enacted": annex and decree.enacted(plan, annex, plan.language, translate)})
    return PrintHtml(html, theme, env, fetcher, mark)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report,
           say: Callable[[Message], str] = str, sources: str | None = None) -> list[str]:
    """Write the book to ``staging.path(PDF)``; returns summary lines for the terminal.

    ``say``: how progress on a terminal is worded (a speaker's, in the plan's language); ``sources``: the
    fingerprint of the plan's files as the build found them before reading (recorded beside the book)."""
    started = time.perf_counter()
    errors_before = len(report.errors)
    printed = book_html(plan, root, options, report)
    html, theme, env, fetcher, mark = printed.html, printed.theme, printed.env, printed.fetcher, printed.mark
    if html is None:
        return [Message("PDF: not laid out, a print template failed")]
    html_done = time.perf_counter()
    if len(report.errors) > errors_before:
        return [Message("PDF: not laid out, the book's content has errors")]  # they fail the build anyway
    target = staging.path(PDF)
    running = env.get_template("print/running.html").render(plan=plan, running_title=print_book.running_title(plan),
                                                            draft_mark=mark)

    def lay_out() -> list[str]:
        if options.jobs == SINGLE_PASS:  # the reference: one WeasyPrint pass over the whole book
            summary = _single_pass(plan, html, theme, fetcher, target, report, started, html_done)
        else:
            summary = _by_parts(plan, root, html, running, theme, fetcher, target, options, report, started,
                                html_done, say)
        if target.is_file():
            # a file saved while the book was built (a print template is read as it is laid out) and saved back
            # before the next build: recorded as of the plan at the start, the book passed for the plan as saved
            # after the undo. Such a book is of no state the plan can be in again: the next look builds it anew
            changed = sources is not None and plan_state.fingerprint(root) != sources
            pdf_title.record(target, build_folder(root), f"{sources} changed while built" if changed else sources)
        return summary

    return pdf_press.guarded(plan, report, lay_out, Message("PDF: layout failed"))


def _by_parts(plan: Plan, root: Path, html: str, running: str, theme: Theme, fetcher: Fetcher, target: Path,
              options: BuildOptions, report: Report, started: float, html_done: float,
              say: Callable[[Message], str]) -> list[str]:
    """The book laid out as parts (in parallel, cached), joined into one PDF."""
    parts = pdf_parts.split(html, running)
    css = pdf_parts.part_css(pdf_press.stylesheet_text(plan, theme))
    cache = pdf_cache.Cache(build_folder(root) / ".cache" / "pdf", options.cache, pdf_cache.stamp(root, pdf_press.tagged(plan)))
    jobs = min(options.jobs or pdf_workers.cores(), len(parts)) if can_fork() else 1  # no fork (Windows): this process
    with pdf_workers.Pool(jobs, root, pdf_press.tagged(plan)) as pool:  # ended at once when interrupted
        schedule = pdf_schedule.Schedule(parts, css, cache, pool, say, plan.two_sided)
        schedule.run()
    laid_out = time.perf_counter()
    placed = [pdf_join.Placed(schedule.written[part.index][0], schedule.pages.first_page(part.index),
                              schedule.pages.info[part.index], part.front) for part in parts]
    pages = placed[-1].first + placed[-1].info["pages"]
    pages += pages % 2 if plan.two_sided else 0  # the last leaf's back, blank: the join adds it
    for part in placed:  # a part's reasons came as plain text (JSON): said again here, in words a speaker can translate
        fetcher.refused += [(url, fetcher.refusal(url) or reason) for url, reason in part.info["refused"]
                            if (url, reason) not in fetcher.refused]
    report.extend(pdf_logs.diagnostics(fetcher, [logging.makeLogRecord({"levelno": level, "msg": message})
                                         for level, message in schedule.book_records()], plan))
    pdf_join.join(placed, target, even=plan.two_sided)
    cache.finish(schedule.pages.labels(), {p.key: schedule.pages.info[p.index]["pages"] for p in parts})
    written = time.perf_counter()
    return [Message("PDF: {pages} pages in {seconds:.1f} s (HTML {html:.1f} s, layout {layout:.1f} s, join {join:.1f} s); "
                    "{parts} parts, {layouts} layouts (cached parts need none), {jobs}",
                    pages=pages, seconds=written - started, html=html_done - started, layout=laid_out - html_done,
                    join=written - laid_out, parts=len(parts), layouts=schedule.laid_out,
                    jobs=Message("{count} jobs" if jobs > 1 else "{count} job", count=jobs))]


def _single_pass(plan: Plan, html: str, theme: Theme, fetcher: Fetcher, target: Path, report: Report,
                 started: float, html_done: float) -> list[str]:
    """The whole book in one WeasyPrint pass: the reference the parts are tested against."""
    pages, laid_out = pdf_press.lay_out_once(plan, html, theme, fetcher, target, report)
    written = time.perf_counter()
    return [Message("PDF: {pages} pages in {seconds:.1f} s (HTML {html:.1f} s, layout {layout:.1f} s, write {write:.1f} s)",
                    pages=pages, seconds=written - started, html=html_done - started,
                    layout=laid_out - html_done, write=written - laid_out)]
