"""The executive summary (Ringkasan Eksekutif): a short second PDF beside the book, from the same model and theme.

What the mayor and the council read: the book's cover naming it, the authors' own text
(``content/executive-summary.md``, when written: a chapter file, through the same sandboxed
Jinja and sanitized Markdown, its problems at its lines), the vision and missions, the
pillars with their goals, programs and budget, the quick wins, the budget summaries and the
roadmap. Written only when plan.yml asks (``executive_summary: true``) and the PDF is built.

Nothing here is the book's again: the chapters are numbered by :class:`outline.Builder`, the
charts drawn by :func:`print_book.figures`, the HTML filled by :func:`print_book.html` from
``print/summary.html`` (which extends the book's ``print/book.html``) around ``print/chapters.html`` (the book's parts, and the summary's own
``parts/summary_*.html``), laid out with book.css in one WeasyPrint pass
(:func:`pdf.lay_out_once`): for a dozen pages, the book's parts would cost more than they save.
The last one laid out is kept under ``build/.cache/summary/`` by a :class:`pdf_cache.Cache`, keyed as
the book's parts are (its HTML, the stylesheets two-sided printing changes, the theme, images and
versions): a build whose edit the summary does not show copies it, with no layout (its WeasyPrint
warnings are the book's).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.diagnostics import Message, Report
from masterplan.formatting import Formats
from masterplan.model import Plan
from masterplan.output import SUMMARY_PDF, build_folder, write_whole
from masterplan.render import draft_mark, outline, pdf, pdf_cache, print_book

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build import BuildOptions
    from masterplan.output import Staging

TEMPLATE = "print/summary.html"

#: the summary's own tables: id → (kind, caption message)
OWN_ITEMS = {"tab:summary-pillars": ("table", "Pillars: goals, programs and indicative budget")}

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
        chapter = builder.add(f"summary-{part.replace('_', '-')}", translate(title), "body", "generated",
                              generated=(part,))
        builder.items(chapter, [known[ref] for ref in refs if ref in known])
    found = outline.targets(plan, builder.chapters, translate)
    # the summary holds no program or agency: a cross-reference to one is told (W604), never a link to nowhere
    return outline.Outline(builder.chapters, {ref: target for ref, target in found.items()
                                              if target.kind in ("chapter", "table", "figure")})


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the executive summary to ``staging.path(SUMMARY_PDF)``; returns summary lines for the terminal."""
    started = time.perf_counter()
    errors_before = len(report.errors)
    theme, env, translate, fetcher = pdf.press(plan, root)
    chapters = contents(plan, translate)
    texts = {c.key: print_book.chapter_text(plan, c, chapters, translate, report) for c in chapters.chapters}
    book = print_book.Book(chapters, texts, print_book.figures(plan, chapters, Formats(plan.language, translate),
                                                               translate))
    kind = translate("Executive summary")
    html = pdf.print_html(plan, book, env, theme, report, {
        "logo": pdf.logo_url(plan, fetcher, report), "site_address": options.base_url,
        "draft_mark": draft_mark.mark(translate("Draft"), theme) if plan.is_draft else "",  # the book warns of none
        "cover_kind": kind, "document_title": f"{kind}: {plan.title.get(plan.language)}",
        "running_title": print_book.running_title(plan, f"{kind} · ")}, TEMPLATE)
    if html is None or len(report.errors) > errors_before:
        return [Message("Executive summary: not laid out, its content has errors")]
    target = staging.path(SUMMARY_PDF)
    cache = pdf_cache.Cache(build_folder(root) / ".cache" / "summary", options.cache,
                            pdf_cache.stamp(root, pdf.tagged(plan)))
    key = cache.key(html, pdf.stylesheet_text(plan, theme))
    if cache.has_pdf(key, 0):  # nothing it shows changed: the last one, not laid out
        shutil.copyfile(cache.pdf(key, 0), target)
        cache.finish({}, {})
        return [Message("Executive summary: unchanged since the last build")]

    def lay_out() -> list[str]:
        pages, _ = pdf.lay_out_once(plan, html, theme, fetcher, target, report)
        if not report.errors:  # the last good one is kept, under its key: an edit elsewhere costs no layout
            write_whole(cache.pdf(key, 0), target.read_bytes())
            cache.wrote_pdf(key, 0)
            cache.finish({}, {})  # the one before it goes
        return [Message("Executive summary: {pages} pages in {seconds:.1f} s", pages=pages,
                        seconds=time.perf_counter() - started)]

    return pdf.guarded(plan, report, lay_out, Message("Executive summary: layout failed"))
