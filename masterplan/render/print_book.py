"""The print HTML: the book's parts made ready for the templates, then filled into one HTML file.

Our own share of the PDF build: chapter text (Jinja-expanded, sanitized Markdown with
cross-references as page-referencing links), the numbers from the outline, the SVG
charts (drawn by :mod:`masterplan.render.print_figures`), the glossary, and the section
numbering that the table of contents repeats. WeasyPrint does the rest (see :mod:`masterplan.render.pdf`).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any

import jinja2
from markupsafe import Markup

from masterplan import (
    attainment,
    baseline,
    chapters,
    crossref,
    decree,
    jinja_tags,
    program_tables,
    summary,
)
from masterplan.captions import Caption, figure_captions, table_captions
from masterplan.checks.cross_references import not_in_book
from masterplan.diagnostics import Report
from masterplan.key_figures import key_figures
from masterplan.model import Plan
from masterplan.render import (
    charts,
    inline_spaces,
    matrix_rows,
    outline,
    pdf_chunks,
    print_markup,
    proper_names,
    sections,
    typography,
    wide_tables,
)
from masterplan.render.foreign_terms import italicised
from masterplan.render.markdown import (
    number_figures,
    number_tables,
    resolve_references,
    to_html,
)
from masterplan.render.sections import Section
from masterplan.render.theme import language_of, localize, translator_of
from masterplan.values import Text

RUNNING_TITLE = 60  #: characters of the plan's title in the running header, one line beside the chapter's title
RUNNING_LINE = 112  #: characters of the running header's line: its title's part and the longest chapter's together
DOCUMENT = "print/book.html"  #: the book's page template, around its chapters


@dataclass
class Book:
    """Everything the print templates need beyond the plan itself."""

    outline: outline.Outline
    texts: dict[str, Markup]  #: chapter key → its own text as HTML
    figures: dict[str, list[Markup]]  #: figure id → images of its SVG (a list: the roadmap may span pages)
    sections: dict[str, list[Section]] = field(default_factory=dict)


def _xref(target: outline.Target | None, ref: str, page_word: str, lang: str = "") -> str:
    """A cross-reference as a link; ``lang``: the edition's language, where the text around it is in another one
    (an Indonesian chapter in the English edition: "Chapter 5, page 12" pronounced as English)."""
    if target is None:
        return f"[[{escape(ref)}]]"
    if not target.anchor:  # named, but not in this document (a program in the strategic analysis): plain text
        return escape(target.text)
    marked = f' lang="{escape(lang)}"' if lang and target.worded else ""
    return (f'<a class="xref xref-{target.kind}" href="#{escape(target.anchor)}"'
            f' data-page="{escape(page_word)}"{marked}>{escape(target.text)}</a>')


def running_title(plan: Plan, prefix: str = "", chapters: outline.Outline | None = None) -> str:
    """The plan's title as the running header shows it, after ``prefix`` (the summary's "Ringkasan Eksekutif · "):
    the whole cut at a word, with "…", when longer than a line's share. That share is :data:`RUNNING_TITLE`, or,
    given the book's ``chapters``, what their longest running title ("Bab 4 · Isu Strategis …") leaves of the line:
    a companion book's short chapter titles leave room for its kind, the plan's title, city and period whole."""
    title = prefix + localize(plan.title, plan.language)
    share = RUNNING_TITLE
    if chapters is not None and chapters.chapters:
        longest = max(len(f"{c.label} · {c.title}" if c.label else c.title) for c in chapters.chapters)
        share = max(RUNNING_TITLE, RUNNING_LINE - longest)
    if len(title) <= share:
        return title
    return title[:share].rsplit(" ", 1)[0].rstrip(",;:(–-") + "…"


class ContinuedTables:
    """On every page a table continues on, the running header's left part names it
    ("Tabel 6.2 (lanjutan)") instead of the book's title.

    Empty marks set that part's string (``book.css``, where the header shows the first
    value set on the page, else the last one before it): the table's head, which repeats
    on each of its pages, opens with its label then the title; its caption, before it on
    its first page, with the title.
    """

    def __init__(self, plan: Plan, book: outline.Outline, translate: outline.Translate, title: str | None = None):
        """``title``: the document's running title, when not the book's (:func:`running_title`)."""
        self.book = book
        self.word, self.continued = translate("Table"), translate("continued")
        self.title = self._mark(title or running_title(plan))

    @staticmethod
    def _mark(text: str) -> Markup:
        return Markup('<span class="table-continued" data-label="{}"></span>').format(text)

    def __call__(self, ref: str) -> Markup:
        """The marks that open the first head cell of the table ``ref``."""
        item = self.book.item(ref)
        if item is None:
            return Markup("")
        return self._mark(f"{self.word} {item.number} ({self.continued})") + self.title  # a caption: too long beside the chapter


def _open_head(table_html: str, marks: Markup) -> str:
    """``marks`` at the start of the first head cell of a table written by Markdown."""
    head = re.search(r"<thead>\s*<tr>\s*<th[^>]*>", table_html)
    return table_html if head is None else f"{table_html[:head.end()]}{marks}{table_html[head.end():]}"  # not str + Markup: that escapes


def chapter_text(plan: Plan, entry: outline.BookChapter, book: outline.Outline, translate: outline.Translate,
                 report: Report, told: bool = False, title: str | None = None) -> Markup:
    """A content chapter's own text as safe HTML with its cross-references resolved.

    Image URLs were checked with the content (E508); the fetcher refuses anything else. ``told``: a cross-reference
    written in the chapter that ``book`` does not hold was told by validate at its line (the strategic analysis's), not
    again here; one its Jinja wrote (``[[bab:{{ pillar.id }}]]``), which validate does not see, is told. ``title``: the
    document's running title, when not the book's (:func:`running_title`), which its tables' pages show again."""
    source = entry.chapter
    if source is None:
        return Markup("")
    text, problems = chapters.expand(source, chapters.context(plan))
    report.extend(problems)
    if text is None:
        return Markup("")
    page_word = translate("page")
    written = {ref for ref, _, _ in crossref.find(jinja_tags.blanked(source.body))} if told else set()

    def resolve(ref: str) -> str:
        target = book.resolve(ref)
        if target is None and ref not in written:
            report.add(not_in_book(ref, source.position))
        return _xref(target, ref, page_word, plan.language if source.written_in != plan.language else "")

    marks = ContinuedTables(plan, book, translate, title)

    def place(table: Caption, caption: str, table_html: str) -> str:  # as the caption macro of print/macros.html
        item = book.item(table.ref)
        if item is None:
            return table_html
        return (f'<p class="caption caption-table" id="{item.anchor}">{marks.title}<span class="caption-num">'
                f'{marks.word} {item.number}</span> {caption}</p>\n{_open_head(table_html, marks(table.ref))}')

    figure_word = translate("Figure")

    def place_picture(figure: Caption, caption: str, picture: str) -> str:  # a chart's caption, above it
        item = book.item(figure.ref)
        if item is None:
            return f"<p>{picture}</p>"
        return (f'<figure class="picture"><p class="caption caption-figure" id="{item.anchor}">'
                f'<span class="caption-num">{figure_word} {item.number}</span> {caption}</p>\n{picture}</figure>')

    # numbered before a caption's footnote is moved into it: its words are matched with the caption's as written
    html = number_figures(number_tables(to_html(text), table_captions(source), place), figure_captions(source),
                          place_picture)
    html = print_markup.with_addresses(print_markup.numbered_from_start(print_markup.at_page_foot(html)))
    return Markup(resolve_references(wide_tables.widened(html), resolve))


_CHAPTER = re.compile(r'<section class="chapter[^"]*" id="([^"]+)" data-number="([^"]*)"')
_SECTION = re.compile(f"{_CHAPTER.pattern}|{sections.HEADING.pattern}", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_CHART = re.compile(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')  #: a chart drawn as a picture (charts.image)


def number_sections(html: str) -> tuple[str, dict[str, list[Section]]]:
    """Give every section heading of a chapter (:mod:`sections`) an id and its number (``3.2``); the sections by
    chapter anchor."""
    found: dict[str, list[Section]] = {}
    current, prefix = "", ""

    def replace(match: re.Match[str]) -> str:
        nonlocal current, prefix
        if match.group(1):
            current, prefix = match.group(1), match.group(2)
            found[current] = []
            return match.group(0)
        attributes, inner = match.group(3) or "", match.group(4)
        if not sections.is_section(attributes):
            return match.group(0)
        title = " ".join(_TAGS.sub("", print_markup.without_notes(inner)).split())  # not a note's words
        listed = found.setdefault(current, [])
        listed.append(section := sections.section(prefix, current, len(listed) + 1, Markup(title).unescape()))
        named = f'data-bookmark="{escape(f"{section.number} {section.title}".strip())}"'  # likewise
        numbered = ' class="numbered"' if section.number else ""
        return f'<h2 id="{section.anchor}"{numbered}{attributes} {named}>{sections.number_mark(section)}{inner}</h2>'

    return _SECTION.sub(replace, html), found


def glossary(plan: Plan) -> list[tuple[str, Text]]:
    """Terms and abbreviations, the agencies' short names included, sorted; each definition a Text, printed in
    the language it is written in (``t_lang``: an Indonesian one in the English book hyphenated as Indonesian)."""
    terms = {t.term: t.definition for t in plan.glossary}
    for agency in plan.agencies:
        terms.setdefault(agency.short_name, agency.name)
    return sorted(terms.items(), key=lambda item: item[0].lower())


def glossary_used(html: str, terms: list[tuple[str, Text]], anchor: str) -> list[tuple[str, Text]]:
    """The entries of ``terms`` whose term the document ``html`` prints before its glossary (the section ``anchor``):
    a short document's glossary explains what it uses (KPBU, CSR, its agencies' short names), not the book's all."""
    printed = html.split(f'id="{anchor}"', 1)[0].split("<body", 1)[-1]
    # and the words of its charts, drawn as pictures: the roadmap's program names (ATCS, SIMRS) were left unexplained
    drawn = [base64.b64decode(chart).decode("utf-8", "replace") for chart in _CHART.findall(printed)]
    text = unescape(_TAGS.sub(" ", " ".join([printed, *drawn])))
    # "APBD-nya" uses APBD; "Diskop-UM" is no use of a "Diskop"
    return [(term, definition) for term, definition in terms
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w]|-[A-Z])", text)]


def html(plan: Plan, book: Book, env: jinja2.Environment, extra: dict[str, Any], document: str = DOCUMENT) -> str:
    """The whole print HTML: chapters first (to number their sections), then ``document`` around them (the book, or
    another document of the plan made of the same chapters and parts: the executive summary, the strategic analysis)."""
    money = summary.budget(plan)
    by_agency = program_tables.programs_by_agency(plan)
    missions = program_tables.mission_matrix(plan)
    context = {
        "plan": plan, "book": book, "outline": book.outline, "money": money, "running_title": running_title(plan),
        "budget_rows": {"source": summary.largest_first(money.by_source), "agency": summary.largest_first(money.by_agency)},
        "unbudgeted_leads": summary.leads_without_budget(plan, money),
        "ceiling_rows": (ceiling := summary.apbd_against_ceiling(plan)), "ceiling_total": summary.ceiling_total(ceiling),
        "colours": charts.pillar_colours(plan), "missions": missions, "phase_budget": summary.budget_by_phase(plan),
        "key_figures": key_figures(plan, money),
        "regulation": decree.adopted_by(plan, plan.language),  # a final plan's, in its metadata: a catalogue cites it
        "programs_running": summary.programs_running(plan), "quick_wins_first_year": summary.quick_wins_first_year(plan), "output_targets": program_tables.output_targets,
        "quick_win_sources": program_tables.sources_by_year,
        "without_mission": (unlinked := program_tables.without_mission(plan)),
        "missions_counted": program_tables.missions_counted(missions, unlinked),
        "code_runs": program_tables.code_runs, "code_run": program_tables.RUN,
        "mission_budget": summary.budget_by_mission(plan),
        "one_sided": program_tables.one_sided(plan),
        "agency_matrix": program_tables.agency_matrix(plan), "by_agency": by_agency, "attainment": attainment.by_pillar(plan),
        "attainment_by_agency": attainment.by_agency(plan), "attainment_missed": attainment.missed(plan),
        "changes": baseline.changes(plan), "glossary": glossary(plan),
        # long chapters in chunks, each from a new page (see pdf_chunks)
        "matrix_chunks": pdf_chunks.program_matrix, "program_row_groups": pdf_chunks.program_row_groups,
        "row_height": matrix_rows.row_height, "budget_list_height": matrix_rows.budget_list_height,
        "last_rows_apart": pdf_chunks.last_rows_apart, "quick_win_chunks": pdf_chunks.quick_wins(plan),
        "agency_row_chunks": pdf_chunks.agency_rows(by_agency), "agency_chunks": pdf_chunks.by_agency(by_agency),
        "index_chunks": pdf_chunks.index(by_agency),
        "figure_pages": pdf_chunks.FIGURE_PAGES,
        "continued": ContinuedTables(plan, book.outline, translator_of(env), extra.get("running_title")),
        **extra,
    }
    front = [c for c in book.outline.chapters if c.part == "front"]
    rest = [c for c in book.outline.chapters if c.part != "front"]
    template = env.get_template("print/chapters.html")
    body, book.sections = number_sections(template.render(context, chapters=front)
                                          + "\n<!-- body -->\n" + template.render(context, chapters=rest))
    names = proper_names.names_pattern(proper_names.plan_names(plan))
    body = typography.keep_whole(italicised(body, language_of(env)), names)
    front_html, _, rest_html = body.partition("\n<!-- body -->\n")
    book_html = env.get_template(document).render(context, front=Markup(front_html), body=Markup(rest_html))
    return inline_spaces.spaces_into_elements(typography.whole_last_words(book_html))
