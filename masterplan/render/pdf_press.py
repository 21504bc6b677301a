"""The press every PDF of the plan goes through: the book and its companions (:mod:`companion_book`).

What laying out one of the plan's documents takes (:class:`Press`: the theme, its Jinja environment and words in the
plan's language, the fetcher WeasyPrint reads through), the print HTML from the theme's templates (E603 when one
fails), the cover logo (E601), the stylesheets and whether the PDF is tagged, one WeasyPrint pass with its log
records as diagnostics, and :func:`guarded`, which turns a WeasyPrint failure into E604 instead of a traceback.
How the book is cut into parts and joined is :mod:`masterplan.render.pdf`'s.
"""

from __future__ import annotations

import errno
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from masterplan import jinja_words
from masterplan.diagnostics import Diagnostic, Message, Position, Report, error
from masterplan.i18n import Translator
from masterplan.model import Plan
from masterplan.render import hyphenation, pdf_archive, pdf_logs, pdf_scopes, print_book
from masterplan.render.pdf_layout import pdf_options
from masterplan.render.print_fetch import Fetcher, capture_logs, content_url
from masterplan.render.theme import Theme, environment, template_position, translator_of

STYLESHEET = "print/book.css"
TWO_SIDED = "print/two-sided.css"  #: added after the stylesheet for a book printed on both sides of the paper
BLEED = "print/bleed.css"  #: added last for the print shop's file: bleed and crop marks around every page


class Press(NamedTuple):
    """What laying out a document of the plan takes: the theme, its Jinja environment in the plan's language, the
    catalog's words in it, and the fetcher WeasyPrint reads through."""

    theme: Theme
    env: jinja2.Environment
    translate: Translator
    fetcher: Fetcher


def press(plan: Plan, root: Path) -> Press:
    """The :class:`Press` of the plan in ``root``."""
    theme = Theme.for_plan(root)
    env = environment(theme, plan.language)
    return Press(theme, env, translator_of(env), Fetcher(root / "content", theme))


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

def stylesheets(plan: Plan) -> list[str]:
    """The theme's stylesheets for the plan's book, in the order they apply."""
    return [STYLESHEET, *([TWO_SIDED] if plan.two_sided else []), *([BLEED] if plan.bleed else [])]


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
            document.write_pdf(target, finisher=_finished if tagged(plan) else _printed_page_numbers,
                               **pdf_options(tagged(plan)))
            pdf_archive.mend(target)
        finally:
            report.extend(pdf_logs.diagnostics(fetcher, records, plan))
    return len(document.pages), laid_out


def _finished(document: weasyprint.Document, written: pydyf.PDF) -> None:
    """A tagged PDF laid out in one pass: its page numbers (:func:`_printed_page_numbers`), and its table header
    cells' scopes (:func:`pdf_scopes.scoped`)."""
    _printed_page_numbers(document, written)
    pdf_scopes.scoped(document, written)


def _printed_page_numbers(document: weasyprint.Document, written: pydyf.PDF) -> None:
    """The page numbers a PDF reader shows and goes to are the printed ones, as the joined book's
    (:func:`pdf_join._page_labels`): roman from the cover on, arabic from 1 on the first chapter's first page (the
    ``first-chapter`` page of book.css, where the printed count restarts), so "hlm. 5" typed into the page box
    opens the page that prints 5."""
    types = [page._page_box.page_type for page in document.pages]
    body = next((index for index, kind in enumerate(types) if kind.name == "first-chapter" and not kind.blank), 0)
    labels = [*([0, pydyf.Dictionary({"S": "/r"})] if body else []), body, pydyf.Dictionary({"S": "/D"})]
    written.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(labels)})
    # and it opens as the joined book does (pdf_join.opened): bookmarks shown, its title in the window's bar (the
    # executive summary and the analysis, laid out in one pass, showed their file's name and no bookmarks)
    written.catalog["PageMode"] = "/UseOutlines"
    written.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


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
