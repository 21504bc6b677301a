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

import errno
import logging
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jinja2
import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from masterplan import decree, jinja_words
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    Report,
    error,
    warning,
)
from masterplan.formatting import Formats
from masterplan.model import Plan
from masterplan.output import PDF, build_folder
from masterplan.render import (
    draft_mark,
    hyphenation,
    outline,
    pdf_archive,
    pdf_cache,
    pdf_join,
    pdf_logs,
    pdf_parts,
    pdf_schedule,
    pdf_title,
    pdf_workers,
    print_book,
    print_figures,
)
from masterplan.render.pdf_layout import pdf_options
from masterplan.render.print_fetch import Fetcher, capture_logs, content_url
from masterplan.render.theme import Theme, environment, template_position

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build import BuildOptions
    from masterplan.output import Staging

STYLESHEET = "print/book.css"
TWO_SIDED = "print/two-sided.css"  #: added after the stylesheet for a book printed on both sides of the paper
SINGLE_PASS = 0  #: ``BuildOptions.jobs`` value for one WeasyPrint pass over the whole book (tests' reference)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report,
           say: Callable[[Message], str] = str, sources: str | None = None) -> list[str]:
    """Write the book to ``staging.path(PDF)``; returns summary lines for the terminal.

    ``say``: how progress on a terminal is worded (a speaker's, in the plan's language); ``sources``: the
    fingerprint of the plan's files as the build found them before reading (recorded beside the book)."""
    started = time.perf_counter()
    errors_before = len(report.errors)
    theme, env, translate, fetcher = press(plan, root)
    book_outline = outline.build(plan, translate, plan.language)
    formats = Formats(plan.language, translate)
    texts = {c.key: print_book.chapter_text(plan, c, book_outline, translate, report)
             for c in book_outline.chapters}
    book = print_book.Book(book_outline, texts, print_figures.figures(plan, book_outline, formats, translate))
    logo = logo_url(plan, fetcher, report)
    mark = draft_mark.mark(translate("Draft"), theme) if plan.is_draft else ""
    if plan.is_draft and not mark:  # a draft must never pass for the adopted plan
        report.add(warning(plan.where.get("status", plan.position), "W606", "the draft's pages carry no '{word}' mark: "
                           "no font of the theme could draw it", "check the theme's fonts/NotoSans-Bold.ttf",
                           word=translate("Draft")))
    annex = decree.adopting(plan, plan.language)  # the book is the annex of the regulation that adopted the plan
    html = print_html(plan, book, env, theme, report,
                      {"logo": logo, "site_address": options.base_url, "draft_mark": mark, "annex": annex,
                       "enacted": annex and decree.enacted(plan, annex, plan.language)})
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
            pdf_title.record(target, build_folder(root), sources)
        return summary

    return guarded(plan, report, lay_out, Message("PDF: layout failed"))


class Press(NamedTuple):
    """What laying out a document of the plan takes: the theme, its Jinja environment in the plan's language, the
    catalog's words in it, and the fetcher WeasyPrint reads through."""

    theme: Theme
    env: jinja2.Environment
    translate: Callable[..., str]
    fetcher: Fetcher


def press(plan: Plan, root: Path) -> Press:
    """The :class:`Press` of the plan in ``root``."""
    theme = Theme.for_plan(root)
    env = environment(theme, plan.language)
    return Press(theme, env, env.globals["_"], Fetcher(root / "content", theme))


def print_html(plan: Plan, book: print_book.Book, env: jinja2.Environment, theme: Theme, report: Report,
               extra: dict[str, Any], document: str = print_book.DOCUMENT) -> str | None:
    """The print HTML of ``document`` (the book's, or another document of the plan's); None, with E603, when a
    template fails (a plan's own template override can be wrong)."""
    try:
        return print_book.html(plan, book, env, extra, document)
    except jinja2.TemplateError as exc:
        said = jinja_words.template_failure(exc)
        where = template_position(exc, theme, "templates/print")
        report.add(error(where._replace(line=said.line or where.line), "E603", "print template error: {detail}",
                         said.hint, detail=said.what))
        return None


def guarded(plan: Plan, report: Report, lay_out: Callable[[], list[str]], failed: Message) -> list[str]:
    """What ``lay_out`` returns; ``failed``, with E604, when WeasyPrint (or a worker) fails: never a traceback."""
    try:
        return lay_out()
    except OSError as exc:
        if exc.errno in MACHINE_ERRORS:  # a full disk, a read-only folder: the build says so (E901)
            raise
        report.add(_failed(plan, exc))  # a worker that died (the out-of-memory killer): a WeasyPrint failure
        return [failed]
    except Exception as exc:  # noqa: BLE001 - WeasyPrint rarely raises; a user must never see a traceback
        report.add(_failed(plan, exc))
        return [failed]


#: what the machine says of itself when the book cannot be written: no room, no right to write there
MACHINE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


def _failed(plan: Plan, exc: Exception) -> Diagnostic:
    """E604: the layout failed, with where, for a report."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    return error(Position(plan.position.file), "E604", "PDF: WeasyPrint failed: {kind}: {detail}",
                 Message("the messages above may name the cause; otherwise please report this, with where "
                         "it failed: {where}", where=f"{Path(where.filename).name}:{where.lineno}"
                         if where else "?"), kind=type(exc).__name__, detail=str(exc))


def _by_parts(plan: Plan, root: Path, html: str, running: str, theme: Theme, fetcher: Fetcher, target: Path,
              options: BuildOptions, report: Report, started: float, html_done: float,
              say: Callable[[Message], str]) -> list[str]:
    """The book laid out as parts (in parallel, cached), joined into one PDF."""
    parts = pdf_parts.split(html, running)
    css = pdf_parts.part_css(stylesheet_text(plan, theme))
    cache = pdf_cache.Cache(build_folder(root) / ".cache" / "pdf", options.cache, pdf_cache.stamp(root, tagged(plan)))
    jobs = min(options.jobs or pdf_workers.cores(), len(parts))
    with pdf_workers.Pool(jobs, root, tagged(plan)) as pool:  # ended at once when interrupted
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


def stylesheets(plan: Plan) -> list[str]:
    """The theme's stylesheets for the plan's book, in the order they apply."""
    return [STYLESHEET, *([TWO_SIDED] if plan.two_sided else [])]


def stylesheet_text(plan: Plan, theme: Theme) -> str:
    """The theme's stylesheets for the plan's book, their text joined: what a cached layout is keyed by besides its
    HTML (two-sided printing changes only these)."""
    return "\n".join(theme.find(name).read_text(encoding="utf-8") for name in stylesheets(plan))


def tagged(plan: Plan) -> bool:
    """Whether the book is written as a tagged PDF: a final plan's is, the document a city publishes
    and keeps. A draft's is not: it is rebuilt after every revision, and tagging makes the PDF build
    1.5 to 1.7 times as long (WeasyPrint writes a structure element for every text box, and the join copies
    them all; benchmarks/RESULTS.md, run 12)."""
    return not plan.is_draft


def _single_pass(plan: Plan, html: str, theme: Theme, fetcher: Fetcher, target: Path, report: Report,
                 started: float, html_done: float) -> list[str]:
    """The whole book in one WeasyPrint pass: the reference the parts are tested against."""
    pages, laid_out = lay_out_once(plan, html, theme, fetcher, target, report)
    written = time.perf_counter()
    return [Message("PDF: {pages} pages in {seconds:.1f} s (HTML {html:.1f} s, layout {layout:.1f} s, write {write:.1f} s)",
                    pages=pages, seconds=written - started, html=html_done - started,
                    layout=laid_out - html_done, write=written - laid_out)]


def lay_out_once(plan: Plan, html: str, theme: Theme, fetcher: Fetcher, target: Path, report: Report,
                 ) -> tuple[int, float]:
    """``html`` laid out in one WeasyPrint pass with the theme's stylesheets and written to ``target``, its
    problems reported; returns its pages and when the layout ended (``time.perf_counter()``)."""
    hyphenation.register()
    with capture_logs() as records:
        try:
            fonts = FontConfiguration()  # without it, @font-face is ignored and system fonts are used
            document = weasyprint.HTML(string=html, base_url=fetcher.base_url, url_fetcher=fetcher).render(
                stylesheets=[weasyprint.CSS(filename=str(theme.find(name)), url_fetcher=fetcher, font_config=fonts)
                             for name in stylesheets(plan)],
                presentational_hints=False, font_config=fonts)
            blank = next((page for page in document.pages if page._page_box.page_type.blank), None)
            if plan.two_sided and len(document.pages) % 2 and blank is not None:  # the last leaf's back, as the join
                document.pages.append(blank)
            laid_out = time.perf_counter()
            document.write_pdf(target, finisher=_printed_page_numbers, **pdf_options(tagged(plan)))
            pdf_archive.mend(target)
        finally:
            report.extend(pdf_logs.diagnostics(fetcher, records, plan))
    return len(document.pages), laid_out


def _printed_page_numbers(document: weasyprint.Document, written: pydyf.PDF) -> None:
    """The page numbers a PDF reader shows and goes to are the printed ones, as the joined book's
    (:func:`pdf_join._page_labels`): roman from the cover on, arabic from 1 on the first chapter's first page (the
    ``first-chapter`` page of book.css, where the printed count restarts), so "hlm. 5" typed into the page box
    opens the page that prints 5."""
    types = [page._page_box.page_type for page in document.pages]
    body = next((index for index, kind in enumerate(types) if kind.name == "first-chapter" and not kind.blank), 0)
    labels = [*([0, pydyf.Dictionary({"S": "/r"})] if body else []), body, pydyf.Dictionary({"S": "/D"})]
    written.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(labels)})


def logo_url(plan: Plan, fetcher: Fetcher, report: Report) -> str | None:
    """The cover logo's URL, or None (with an error when the plan names a file we may not read)."""
    if not plan.logo:
        return None
    url, reason = content_url(fetcher, plan.logo)
    if reason:
        report.add(error(plan.where.get("logo", plan.position), "E601", "logo '{file}' cannot be printed: {reason}",
                         file=plan.logo, reason=reason))
        return None
    return url
