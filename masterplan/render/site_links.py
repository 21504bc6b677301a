"""Where every page of the website lives, and links between them that work anywhere.

Every link is relative (``../program/GOV-01.html``), so the site works from ``file://``
and under any sub-path of the city's web server. Page paths are fixed here, once;
templates ask :func:`url_for` and never spell a path themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from masterplan.captions import figure_captions, table_captions
from masterplan.model import Plan
from masterplan.plan_parts import Agency, Chapter, Mission, Pillar
from masterplan.programs import Program
from masterplan.render.outline import anchor

#: Site-level pages: name → path from the site root.
PAGES = {
    "home": "index.html",
    "programs": "program/index.html",
    "agencies": "agency/index.html",
    "quick_wins": "quick-wins.html",
    "roadmap": "roadmap.html",
    "budget": "budget.html",
    #: the generated parts no other page shows in full, when no chapter claims them: the book's chapter of each
    "vision": "vision.html",
    "readiness": "readiness.html",
    "attainment": "attainment.html",
    "glossary": "glossary.html",
    "changes": "changes.html",  #: what changed since the previous version, when the build has one to compare with
    "data": "data.html",
    "search": "search.html",
    "not_found": "404.html",
    "pdf": "download/masterplan.pdf",
    "summary_pdf": "download/masterplan-summary.pdf",  #: the executive summary, when the plan has one
    "analysis_pdf": "download/masterplan-analysis.pdf",  #: the strategic analysis, likewise
    "css": "static/site.css",
    "search_js": "static/search.js",
    "filters_js": "static/filters.js",  #: the search's menus narrowing its results, loaded before search.js
    "tables_js": "static/tables.js",
    "menu_js": "static/menu.js",
    "moved_js": "static/moved.js",
    "programs_js": "static/programs.js",
}

#: the site's folders of pages (url_for) and files: a missing address one below one of them (program/GOV-99.html)
#: gets the 404 page, whose links the page itself then starts from the folder above (site/404.html)
#: the folders of one page an item (url_for)
ITEM_FOLDERS = ("program", "pillar", "agency", "chapter", "mission")
FOLDERS = (*ITEM_FOLDERS, "download", "static", "data", "assets")

#: Where generated tables and figures (cross-reference ids) are shown on the site.
GENERATED_TARGETS = {
    "tab:missions": "index.html#missions", "tab:budget-mission": "index.html#missions",
    "tab:quick-wins": "quick-wins.html#quick-wins",
    "tab:budget-pillar": "budget.html#by-pillar", "tab:budget-source": "budget.html#by-source",
    "tab:budget-agency": "budget.html#by-agency", "tab:agency-pillar": "agency/index.html#agency-pillar",
    "fig:roadmap": "roadmap.html#roadmap-chart", "tab:phases": "roadmap.html#phase-budget", "fig:budget-pillar": "budget.html#by-pillar",
    "fig:budget-source": "budget.html#by-source", "fig:budget-agency": "budget.html#by-agency",
    "tab:attainment": "index.html#attainment", "tab:readiness": "readiness.html#readiness",
    "tab:attainment-agency": "attainment.html#attainment-agency", "tab:attainment-missed": "attainment.html#attainment-missed",
    "tab:changes": "changes.html", "tab:partners-unconfirmed": "agency/index.html#partners-unconfirmed",
}


#: the plan's other books the site offers beside the book, by their page's key: the name the templates read their
#: size by (None: not linked)
COMPANIONS = {"summary_pdf": "summary_size", "analysis_pdf": "analysis_size"}


def companions(plan: Plan) -> list[str]:
    """The keys of :data:`COMPANIONS` the plan asks for (plan.yml executive_summary, strategic_analysis)."""
    return [key for key, asked in (("summary_pdf", plan.executive_summary), ("analysis_pdf", plan.strategic_analysis))
            if asked]


def url_for(target: Any) -> str:
    """The path of ``target``'s page from the site root: a model object or a page name."""
    if isinstance(target, Program):
        return f"program/{target.id}.html"
    if isinstance(target, Pillar):
        return f"pillar/{target.id}.html"
    if isinstance(target, Agency):
        return f"agency/{target.id}.html"
    if isinstance(target, Chapter):
        return f"chapter/{target.id}.html"
    if isinstance(target, Mission):
        return f"mission/{target.id}.html"
    return PAGES[target]


def former_url(target: Program | Agency, former: str) -> str:
    """The path of the page at one of ``target``'s former ids (``former_ids``), which leads on to its page: links
    published before the rename keep working."""
    return f"{url_for(target).split('/', 1)[0]}/{former}.html"


def item_pages(plan: Plan) -> dict[str, set[str]]:
    """The ids whose pages the site publishes in each of :data:`ITEM_FOLDERS` (``program``: GOV-01, …), a former
    id's page included; found once a plan."""
    return plan.derived("site's item pages", lambda: _item_pages(plan))


def _item_pages(plan: Plan) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {folder: set() for folder in ITEM_FOLDERS}
    renamed: list[Program | Agency] = [*plan.programs, *plan.agencies]
    paths = [url_for(item) for item in (*renamed, *plan.pillars, *plan.missions, *plan.chapters)]
    paths += [former_url(item, former) for item in renamed for former in item.former_ids]
    for path in paths:
        folder, name = path.split("/")
        found[folder].add(name.removesuffix(".html"))
    return found


def prefix(path: str) -> str:
    """The relative way back to the site root from the page at ``path`` (``""`` or ``"../"``)."""
    return "../" * path.count("/")


def site_folder(base_url: str) -> str:
    """The folder of the public address, from the host's root (``https://kota.go.id/smartcity/`` →
    ``/smartcity/``): links from it work on any host that serves the site in that folder, staging included."""
    return urlsplit(base_url).path.rstrip("/") + "/"


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slug(text: str) -> str:
    """An anchor name for a heading: lowercase words joined by hyphens."""
    return _NON_WORD.sub("-", text.lower()).strip("-") or "bagian"


def reference_resolver(plan: Plan, base: str, label: Callable[[str], str | None] | None = None,
                       written_in: str | None = None) -> Callable[[str], str]:
    """A function turning a cross-reference id into a link, for chapter text on the site.

    ``label`` may name the reference (e.g. "Tabel 5.1" from the book outline); otherwise
    the referenced object's own name is used. ``written_in``: the language of the text the links are in (by
    default the plan's ``written_in``; a chapter's translation's is the edition's).
    """

    targets = dict(GENERATED_TARGETS)
    for chapter in plan.chapters:
        if "readiness" in chapter.generated:
            targets["tab:readiness"] = url_for(chapter) + "#readiness"
        if "attainment" in chapter.generated:  # the table on the chapter's page, as on the home page
            targets["tab:attainment"] = url_for(chapter) + "#attainment"
            for table in ("attainment-agency", "attainment-missed"):
                targets[f"tab:{table}"] = f"{url_for(chapter)}#{table}"
        if "vision" in chapter.generated and plan.missions:  # the table the book numbers, on the chapter's page
            targets["tab:missions"] = url_for(chapter) + "#missions-matrix"
            targets["tab:budget-mission"] = url_for(chapter) + "#budget-mission"
        for caption in (*table_captions(chapter), *figure_captions(chapter)):
            targets[caption.ref] = f"{url_for(chapter)}#{anchor(caption.ref)}"

    # a label is in the edition's words ("Chapter 5"): marked as such in a chapter written in another language
    written = written_in or plan.written_in
    worded = Markup(' lang="{}"').format(plan.language) if written != plan.language else Markup()

    def resolve(ref: str) -> str:
        given = label(ref) if label else None
        marked = worded if given else Markup()

        def link(href: str, text: str, title: str = "") -> str:
            if title:
                return str(Markup('<a href="{}" title="{}"{}>{}</a>').format(base + href, title, marked, text))
            return str(Markup('<a href="{}"{}>{}</a>').format(base + href, marked, text))

        kind, _, key = ref.partition(":")
        if not key:
            kind, key = "", ref
        if kind == "" and (program := plan.program(key)):
            # the code, as the book prints it: authors write "e-Sambat ([[GOV-01]])"
            return link(url_for(program), given or program.id, str(program.name))
        if kind in ("", "bab") and (chapter := plan.chapter(key)):
            return link(url_for(chapter), given or str(chapter.title))
        if kind == "pillar" and (pillar := plan.pillar(key)):
            return link(url_for(pillar), given or str(pillar.name))
        if kind == "agency" and (agency := plan.agency(key)):
            return link(url_for(agency), given or agency.short_name)
        if kind == "tab" and key.startswith("program-") and (pillar := plan.pillar(key[8:])):
            return link(url_for(pillar) + "#programs", given or str(pillar.name))
        if kind == "tab" and key.startswith("indicators-") and (pillar := plan.pillar(key[11:])):
            return link(url_for(pillar) + "#indicators", given or str(pillar.name))
        if ref in targets:
            return link(targets[ref], given or ref)
        return str(escape(given or ref))

    return resolve
