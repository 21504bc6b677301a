"""The website as a list of pages: output path, template, context and the content files it reads.

Building the list is cheap and renders nothing; :mod:`masterplan.render.site` renders
it. ``inputs`` names the content files each page depends on (``"*"``: the whole
plan), so an incremental build can re-render only the pages whose inputs changed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markupsafe import Markup

from masterplan import baseline, chapters
from masterplan.captions import Caption, figure_captions, table_captions
from masterplan.diagnostics import Diagnostic
from masterplan.messages import say
from masterplan.model import Plan
from masterplan.plan_parts import Agency, Chapter
from masterplan.programs import Program
from masterplan.render import dropped_pages, sections
from masterplan.render.markdown import (
    FOOTNOTE_CALL,
    each_table,
    number_figures,
    number_tables,
    relocate,
    resolve_references,
    to_html,
)
from masterplan.render.outline import Outline, Translate, anchor
from masterplan.render.site_charts import PART_PAGES
from masterplan.render.site_html import years_kept
from masterplan.render.site_links import (
    PAGES,
    former_url,
    prefix,
    reference_resolver,
    url_for,
)
from masterplan.values import Text

WHOLE_PLAN = "*"
#: the theme's box a wide table scrolls sideways in, site/scroll_box.html's macro: (its caption's id, or "" for a
#: table without one; the caption as its title; ``caller``: the table) → the box's HTML
ScrollBox = Callable[..., str]


@dataclass
class Page:
    """One HTML file of the site, before rendering."""

    path: str  #: from the site root, e.g. ``program/GOV-01.html``
    template: str  #: e.g. ``site/program.html``
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    #: (label, path) between home and this page; a label that is the plan's Text is marked with its language
    crumbs: list[tuple[Text | str, str]] = field(default_factory=list)
    inputs: tuple[str, ...] = (WHOLE_PLAN,)
    searchable: bool = True  #: indexed for the site's own search
    in_sitemap: bool = True  #: listed in sitemap.xml: not the search form, the 404 page, nor a former address
    root: str | None = None  #: where its links start, when not from its own folder (the 404 page: the site's folder)
    #: the plan's Text the title shows (a program's name), so that the breadcrumbs mark the title with its language
    #: where it is not the page's (an Indonesian name in the English edition); None: a title in the page's words
    name: Text | None = None
    #: what of its context is worked out only when it is rendered, by name (a chapter's text as HTML, ``body``)
    later: dict[str, Callable[[], Any]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.root if self.root is not None else prefix(self.path)

    @property
    def public(self) -> str:
        """Its address under the site's public one: a folder's ``index.html`` is the folder's (the home page's the
        site's own, ``…/smartcity/``, the address a city gives out), not a second one ending ``index.html``."""
        folder, _, name = self.path.rpartition("/")
        return f"{folder}/" if folder and name == PAGES["home"] else "" if name == PAGES["home"] else self.path


def _neighbours(items: Sequence[Any], index: int) -> dict[str, Any]:
    return {"previous": items[index - 1] if index > 0 else None,
            "next": items[index + 1] if index + 1 < len(items) else None}


def _program_inputs(programs: Sequence[Program]) -> tuple[str, ...]:
    """The files a list of programs is shown from: theirs (lead included) and their partners'."""
    files: dict[str, None] = {}
    for program in programs:
        files[program.position.file] = None
        files.update((a.position.file, None) for a in program.partners)
    return tuple(files)


def pillar_pages(plan: Plan, _: Translate) -> Iterator[Page]:
    for pillar in plan.pillars:
        groups = [(sub, [p for p in pillar.programs if p.sub_element_id == sub.id]) for sub in pillar.sub_elements]
        yield Page(url_for(pillar), "site/pillar.html", str(pillar.name),
                   {"pillar": pillar, "groups": groups},
                   [(_("Pillars"), "index.html#pillars")],
                   (plan.position.file, pillar.position.file, *_program_inputs(pillar.programs)), name=pillar.name)


def program_pages(plan: Plan, _: Translate) -> Iterator[Page]:
    for pillar in plan.pillars:
        in_book_order = pillar.programs_by_sub_element  # "Berikutnya" leads to the program the book prints next
        for index, program in enumerate(in_book_order):
            neighbours = _neighbours(in_book_order, index)
            # dependencies, dependents, previous and next are shown by name: their own files. A program moved to
            # another sub-element, its file edited, leaves two pages that named it and comes to two that now name it
            related = [*program.depends_on, *program.dependents, *(p for p in neighbours.values() if p)]
            yield Page(url_for(program), "site/program.html", f"{program.name}",
                       {"program": program, "pillar": pillar, **neighbours},
                       [(pillar.name, url_for(pillar))],
                       (plan.position.file, pillar.position.file, *_program_inputs([program]),
                        *dict.fromkeys(p.position.file for p in related)), name=program.name)


def mission_pages(plan: Plan, _: Translate) -> Iterator[Page]:
    """A page per RPJMD mission: its row of the budget by mission and the programs serving it. Its share of the
    plan's budget is of every program's, so every program's file is one of its inputs (a program starting or
    ceasing to serve it included)."""
    vision = chapter_for(plan, "vision")
    listed = (url_for(vision) if vision else url_for("home")) + "#missions"
    for index, mission in enumerate(plan.missions):
        serving = mission.programs  # in the plan's order, pillar by pillar
        yield Page(url_for(mission), "site/mission.html", str(mission.text),
                   {"mission": mission, "number": index + 1, "programs": serving, **_neighbours(plan.missions, index)},
                   [(_("Missions"), listed)],
                   (plan.position.file, *dict.fromkeys(p.position.file for p in plan.programs)), name=mission.text)


def agency_pages(plan: Plan, _: Translate) -> Iterator[Page]:
    """A page per agency: the programs it leads and those it supports, each pillar by pillar as every list of
    programs is (:attr:`Plan.programs`)."""
    place = {program.id: number for number, program in enumerate(plan.programs)}
    for agency in plan.agencies:
        led, supported = (sorted(programs, key=lambda p: place.get(p.id, len(place)))
                          for programs in (agency.programs, agency.supported))
        yield Page(url_for(agency), "site/agency.html", f"{agency.name} ({agency.short_name})",
                   {"agency": agency, "led_programs": led, "supported_programs": supported},
                   [(_("Agencies"), url_for("agencies"))],
                   (plan.position.file, agency.position.file, *_program_inputs(agency.supported)), name=agency.name)


class ChapterText:
    """A chapter's filled-in text as its page prints it, made HTML (its Markdown converted, its tables, figures and
    references numbered as the book numbers them, each table in ``scroll_box``) the first time a page showing it is
    rendered: in the worker that renders it, and not at all in a build that keeps the last build's page. Made while
    the pages were listed, before any was rendered, the sample's chapters took 0.13 s on M, one after the other."""

    def __init__(self, plan: Plan, chapter: Chapter, text: str, label: Callable[[str], str | None] | None,
                 scroll_box: ScrollBox | None) -> None:
        self.plan, self.chapter, self.text, self.label, self.scroll_box = plan, chapter, text, label, scroll_box

    @cached_property
    def html(self) -> Markup:
        """The text as HTML; its headings get their ids with the chapter's generated parts (site/chapter.html)."""
        path, chapter, label = url_for(self.chapter), self.chapter, self.label
        html = number_tables(relocate(to_html(self.text), prefix(path)), table_captions(chapter), _captioner(label))
        html = number_figures(html, figure_captions(chapter), _picture_captioner(label))
        html = years_kept(resolve_references(html, reference_resolver(self.plan, prefix(path), label,
                                                                      chapter.written_in)))
        if self.scroll_box:
            html = each_table(html, _boxed(self.scroll_box))
        return Markup(html)

    def shown(self) -> Markup:
        """:attr:`html`, made now if not yet: the chapter page's ``body``."""
        return self.html

    @cached_property
    def sections(self) -> int:
        """How many sections the text has (:func:`sections.in_text`): its generated parts' are numbered after them."""
        return sections.in_text(self.html)


@dataclass(frozen=True)
class Claim:
    """The chapter that claims a generated part, for the part's own page (the budget's, the roadmap's) to number the
    part's sections as the chapter's page does, after the ``sections`` of the chapter's text."""

    chapter: Chapter
    text: ChapterText

    @property
    def sections(self) -> int:
        return self.text.sections


def chapter_texts(plan: Plan, problems: list[Diagnostic], label: Callable[[str], str | None] | None = None,
                  scroll_box: ScrollBox | None = None) -> dict[str, ChapterText]:
    """The narrative chapters' texts by chapter id, in the plan's order, each table in ``scroll_box``; a chapter whose
    text cannot be filled in is reported and left out."""
    context = chapters.context(plan)
    texts = {}
    for chapter in plan.chapters:
        text, trouble = chapters.expand(chapter, context)
        problems.extend(trouble)
        if text is not None:
            texts[chapter.id] = ChapterText(plan, chapter, text, label, scroll_box)
    return texts


def chapter_pages(texts: dict[str, ChapterText]) -> Iterator[Page]:
    """A page for each chapter's text; its ``body`` made when the page is rendered."""
    for shown in texts.values():
        chapter = shown.chapter
        yield Page(url_for(chapter), "site/chapter.html", str(chapter.title), {"chapter": chapter},
                   [], (WHOLE_PLAN,), name=chapter.title, later={"body": shown.shown})


def _captioner(label: Callable[[str], str | None] | None) -> Callable[[Caption, str, str], str]:
    """A chapter's table with the book's number and its caption as the table's own caption, as the
    site's other tables have."""
    def place(table: Caption, caption: str, table_html: str) -> str:
        number = label(table.ref) if label else None
        words = f"{number} {caption}" if number else caption
        return table_html.replace("<table>", f'<table id="{anchor(table.ref)}"><caption>{words}</caption>', 1)
    return place


def _picture_captioner(label: Callable[[str], str | None] | None) -> Callable[[Caption, str, str], str]:
    """A chapter's picture with the book's number and its caption below it, as a figure."""
    def place(figure: Caption, caption: str, picture: str) -> str:
        number = label(figure.ref) if label else None
        words = f"{number} {caption}" if number else caption
        return f'<figure class="picture" id="{anchor(figure.ref)}">{picture}<figcaption>{words}</figcaption></figure>'
    return place


_CAPTIONED_TABLE = re.compile(r'<table(?: id="([^"]*)")?>\s*<caption>(.*?)</caption>', re.DOTALL)


def _boxed(scroll_box: ScrollBox) -> Callable[[str], str]:
    """A table of chapter text in the box the site's own tables have (the theme's site/scroll_box.html), named by
    its caption, which stays in sight above the table as its title; the caption gets an id to be named by."""
    numbers = itertools.count(1)

    def box(table: str) -> str:
        number = next(numbers)
        found = _CAPTIONED_TABLE.match(table)
        if not found:  # no caption to name it by
            return scroll_box("", "", caller=lambda: Markup(table))
        caption = f"{found.group(1) or f'table-{number}'}-caption"
        named = table.replace("<caption>", f'<caption id="{caption}">', 1)
        title = Markup(FOOTNOTE_CALL.sub("", found.group(2))).striptags()  # a note's call is no word of it
        return scroll_box(caption, title, caller=lambda: Markup(named))
    return box


def site_pages(plan: Plan, _: Translate, texts: dict[str, ChapterText] | None = None) -> Iterator[Page]:
    """The pages that show the plan as a whole.

    A page that shows a part a chapter also shows (the quick wins' table, the roadmap, the
    budget, the agencies' table) is left out of search when that chapter exists: the chapter
    has the same part and its narrative, and search would otherwise list both. It numbers the part's sections as
    that chapter's page does (``claimed``, a :class:`Claim`, by the chapters' ``texts``, chapter id →
    :class:`ChapterText`; a chapter whose text could not be filled in has no page to agree with).
    """
    def part_page(name: str, template: str, title: str) -> Page:  # name: one of site_charts.PART_PAGES
        chapter = chapter_for(plan, name)
        text = (texts or {}).get(chapter.id) if chapter else None
        claimed = Claim(chapter, text) if chapter and text else None
        return Page(url_for(name), template, title, {"shown": name, "claimed": claimed}, searchable=chapter is None)

    yield Page(url_for("home"), "site/home.html", str(plan.title))
    yield Page(url_for("programs"), "site/programs.html", _("All programs"))
    yield part_page("agencies", "site/agencies.html", _("Agencies"))
    yield part_page("quick_wins", "site/quick_wins.html", _("Quick wins"))
    yield part_page("roadmap", "site/roadmap.html", _("Roadmap"))
    yield part_page("budget", "site/budget.html", _("Budget"))
    yield Page(url_for("glossary"), "site/glossary.html", _("Glossary"))
    if changed := baseline.changes(plan):
        yield Page(url_for("changes"), "site/changes.html", _("Changes since version {version}",
                                                                version=say(changed.version_then, _)),
                   crumbs=[(_("Revision history"), "index.html#revision-history")])
    yield Page(url_for("data"), "site/data.html", _("Open data"))
    yield Page(url_for("search"), "site/search.html", _("Search"), searchable=False, in_sitemap=False,
               context={"program_codes": [program.id for program in plan.programs]})
    yield Page(url_for("not_found"), "site/404.html", _("Page not found"), searchable=False, in_sitemap=False)


def moved_pages(plan: Plan, _: Translate) -> Iterator[Page]:
    """A page at each program's and agency's former address (``former_ids``), leading to its page: links
    published before the rename keep working. Not searched, not in the sitemap."""
    for program in plan.programs:
        for former in program.former_ids:
            yield _moved(former_url(program, former), program, _("Program {old} is now {new}", old=former, new=program.id),
                         _("This program's address has changed. Its page is now:"))
    # each former id as the previous version named it (Diskop-UM), and whether it merged: the page of changes' reading
    changed = baseline.changes(plan) if any(agency.former_ids for agency in plan.agencies) else None
    merged = {then.id: then for then, _ in changed.agencies_merged} if changed else {}
    renamed = {then.id: then for then, _ in changed.agencies_renamed} if changed else {}
    for agency in plan.agencies:
        for former in agency.former_ids:
            then = merged.get(former) or renamed.get(former)
            old = then.short_name if then is not None else former
            if former in merged:
                yield _moved(former_url(agency, former), agency,
                             _("Agency {old} has merged into {new}", old=old, new=agency.short_name),
                             _("{old} has merged into {new}, which now does its work. Its page is:", old=old,
                               new=agency.short_name))
            else:
                yield _moved(former_url(agency, former), agency,
                             _("Agency {old} is now {new}", old=old, new=agency.short_name),
                             _("This agency's address has changed. Its page is now:"))


def dropped_notices(plan: Plan, _: Translate) -> Iterator[Page]:
    """A notice at the address of each program and agency a revision dropped (:mod:`dropped_pages`): links published
    before it say what became of it. Not searched, not in the sitemap."""
    for notice in dropped_pages.dropped(plan):
        title = (_("Program {code} is no longer in the plan", code=notice.label) if notice.kind == "program" else
                 _("Agency {short} is no longer in the plan", short=notice.label))
        yield Page(notice.path, "site/dropped.html", title, {"dropped": notice}, searchable=False, in_sitemap=False)


def _moved(path: str, now: Program | Agency, title: str, lead: str) -> Page:
    return Page(path, "site/moved.html", title, {"moved_to": now, "lead": lead}, inputs=(now.position.file,),
                searchable=False, in_sitemap=False)


def all_pages(plan: Plan, _: Translate, problems: list[Diagnostic],
              label: Callable[[str], str | None] | None = None, scroll_box: ScrollBox | None = None) -> list[Page]:
    """Every page of the site, in a stable order."""
    texts = chapter_texts(plan, problems, label, scroll_box)
    return [*site_pages(plan, _, texts), *pillar_pages(plan, _), *mission_pages(plan, _),
            *agency_pages(plan, _), *program_pages(plan, _), *moved_pages(plan, _), *dropped_notices(plan, _),
            *chapter_pages(texts)]


def book_part_pages(book: Outline) -> Iterator[Page]:
    """A page for each chapter of the book that is a generated part no other page shows in full (the vision and
    missions, the readiness analysis, the attainment table, when no chapter claims them): the book's title, the
    part's tables."""
    for chapter in book.chapters:
        if chapter.kind == "generated" and (part := chapter.generated[0]) not in PART_PAGES:
            yield Page(url_for(part), "site/part.html", chapter.title, {"part": part})


def chapter_for(plan: Plan, part: str) -> Chapter | None:
    """The chapter that carries a generated part (e.g. ``readiness``), if any."""
    return next((c for c in plan.chapters if part in c.generated), None)

