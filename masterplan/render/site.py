"""The public website: every page rendered from compiled templates, then static files, PDF and search.

Reads like its own table of contents: list the pages (:mod:`site_pages`), render each
with templates compiled once per process (:mod:`site_workers`), copy the theme's static
files and the PDF, write ``sitemap.xml`` when the public address is known
(:mod:`site_files`), and index the result for search (:mod:`search`). What every page
shares is :mod:`site_context`; what its templates read off a page's HTML (headings, description), :mod:`site_html`. Problems become diagnostics in the build report.
"""

from __future__ import annotations

import datetime
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from masterplan import baseline, earlier_versions, summary, version_names
from masterplan.diagnostics import Diagnostic, Message, Report
from masterplan.model import ASSETS, Plan
from masterplan.output import PDF, SITE, Staging, build_folder
from masterplan.render import outline, search, site_cache, site_charts
from masterplan.render.markdown import relocate
from masterplan.render.site_context import Layout, common_context
from masterplan.render.site_files import (
    asset_versions,
    copy_assets,
    copy_companions,
    copy_logo,
    copy_pdf,
    copy_static,
    logo_path,
    logo_source,
    write_sitemap,
)
from masterplan.render.site_html import (
    anchor_headings,
    describe,
    first_paragraph,
    years_in_text,
)
from masterplan.render.site_links import COMPANIONS, PAGES, site_folder, url_for
from masterplan.render.site_pages import (
    WHOLE_PLAN,
    Page,
    ScrollBox,
    all_pages,
    book_part_pages,
)
from masterplan.render.site_workers import write_pages
from masterplan.render.theme import Theme, environment, translator_of

if TYPE_CHECKING:
    from masterplan.build_options import BuildOptions


@jinja2.pass_context
def _href(context: Any, target: Any, anchor: str = "") -> str:
    """A link from the page being rendered to ``target`` (a model object or a page name).

    A link to the theme's stylesheet or a script carries a hash of its content
    (``static/site.css?v=1a2b3c4d``), so a browser that kept the old file fetches the new one."""
    version = context.get("asset_versions", {}).get(target) if isinstance(target, str) else None
    return context["base"] + url_for(target) + (f"?v={version}" if version else "") + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=8)
def site_environment(theme: Theme, language: str) -> jinja2.Environment:
    """The theme's environment plus the site's link helpers, without touching the shared one."""
    shared = environment(theme, language)
    env = shared.overlay(cache_size=400)
    env.globals = {**shared.globals, "href": _href, "url_for": url_for,
                   "indicator_columns": site_charts.indicator_columns,
                   "program_budget": summary.program_budget, "anchor_headings": anchor_headings}
    env.filters = {**shared.filters, "describe": describe, "first_paragraph": first_paragraph, "years": years_in_text}
    markdown = shared.filters["markdown"].function
    env.filters["markdown"] = jinja2.pass_context(
        lambda context, text, shift=0: Markup(relocate(markdown(text, shift), context["base"])))
    return env


@dataclass
class PreparedSite:
    """Every page of the site, listed but not rendered, and what rendering one needs."""

    env: jinja2.Environment
    pages: list[Page]
    common: dict[str, Any]  #: what every page can read, the shared header and footer included
    theme: Theme
    pdf_size: int | None = None  #: the linked PDF's size, shown by whole-plan pages only (their keys hold it)
    #: the linked executive summary's and strategic analysis's sizes by their page's key, likewise; one not linked is
    #: not there
    companions: dict[str, int] = field(default_factory=dict)
    #: the open data's files' sizes by name, shown by the data page only (its key holds them)
    data_sizes: dict[str, int] = field(default_factory=dict)

    def compile_templates(self) -> None:
        """Compile every website template of the theme (pages, parts, macros) into the environment's cache."""
        for name in self.env.list_templates(filter_func=lambda name: name.startswith("site/") and name.endswith(".html")):
            try:
                self.env.get_template(name)
            except jinja2.TemplateError:
                pass  # reported, with its page, when that page is rendered

    def render_page(self, page: Page) -> str:
        """The HTML of one page (raises ``jinja2.TemplateError`` for a broken template)."""
        template = self.env.get_template(page.template)
        shown: dict[str, object] = {
            "pdf_size": self.pdf_size, **{size: self.companions.get(key) for key, size in COMPANIONS.items()}
        } if WHOLE_PLAN in page.inputs else {}
        if page.path == PAGES["data"]:
            shown["data_sizes"] = self.data_sizes
        later = {name: make() for name, make in page.later.items()}
        return template.render({**self.common, **page.context, **later, **shown, "page": page, "base": page.base})


def prepare(plan: Plan, root: Path, options: BuildOptions, report: Report, pdf_size: int | None = None,
            companions: dict[str, int] | None = None, data_sizes: dict[str, int] | None = None,
            earlier: list[earlier_versions.KeptBook] | None = None, staging: Path | None = None) -> PreparedSite:
    """List the site's pages and compute what they share; used by :func:`render` and the preview. ``earlier``: the
    books kept of the plan's earlier versions, which the site carries (by default, those the last build kept);
    ``staging``: the folder of this build's books, whose record says their version (by default, the last build's)."""
    theme = Theme.for_plan(root)
    env = site_environment(theme, plan.language)
    translate = translator_of(env)
    book = outline.build(plan, translate)
    problems: list[Diagnostic] = []
    pages = [*all_pages(plan, translate, problems, site_charts.reference_label(book), _scroll_box(env)),
             *book_part_pages(book)]
    report.extend(problems)
    if options.base_url:  # a web server shows the 404 page at any depth: its links start from the site's folder
        for page in pages:
            if page.path == PAGES["not_found"]:
                page.root = site_folder(options.base_url)
    common = common_context(plan, book, translate, options.base_url, pdf_size is not None, logo_path(plan, root))
    common["asset_versions"], common["logo_source"] = asset_versions(theme), logo_source(plan, root)
    # the books in place under the names they were built under: after a revision built without the PDF, 1.0's book
    common["saved_as"] = {**common["saved_as"], **earlier_versions.saved_names(build_folder(root), staging)}
    common["earlier_books"] = earlier_versions.by_version(
        earlier_versions.kept(build_folder(root)) if earlier is None else earlier, plan)
    common["books_of_version"] = earlier_versions.of_plans_version(plan, build_folder(root), staging)
    # the history's row of the plan's own version, as the history writes it (1.1 for a plan at v1.1)
    common["own_version"] = next((revision.version for revision in plan.revisions
                                  if version_names.same(revision.version, plan.version)), plan.version)
    return PreparedSite(env, pages, {**common, "layout": Layout(env, common)}, theme, pdf_size,
                        companions or {}, data_sizes or {})


def _scroll_box(env: jinja2.Environment) -> ScrollBox | None:
    """The theme's box for a chapter's tables; None when a plan's copy of it fails to load (every page, which
    imports it through macros.html, then says so: E702), and its tables go without one."""
    try:
        return getattr(env.get_template("site/scroll_box.html").module, "scroll_box", None)
    except jinja2.TemplateError:
        return None


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report,
           data_sizes: Callable[[], dict[str, int]], read: site_cache.Snapshot) -> list[str]:
    """Write the site into the staging folder; returns summary lines for the terminal.

    With ``options.cache``, pages whose inputs did not change are taken from the last
    build (see :mod:`site_cache`), and so is the search index when no page changed.
    ``data_sizes`` gives the open data's files' sizes once they are written (beside the
    other pages, :class:`masterplan.alongside.Alongside`): the data page, which shows them,
    is rendered last. ``read``: the content and theme as the build found them before reading the plan, which the
    pages' keys name.
    """
    started = time.perf_counter()
    folder = staging.path(SITE)
    pdf_size = copy_pdf(plan, root, staging, folder / PAGES["pdf"], options.pdf, report)
    companions = copy_companions(plan, root, staging, folder, options.pdf)
    build = build_folder(root)
    earlier = earlier_versions.kept(build, staging.folder)  # the earlier versions' books, at addresses of their own
    earlier_versions.copy_into(earlier, build, staging.folder, folder)
    site = prepare(plan, root, options, report, pdf_size, companions, earlier=earlier, staging=staging.folder)
    manifest = site_cache.Manifest.load(build) if options.cache else site_cache.Manifest(build / site_cache.MANIFEST)
    keys = site_cache.Keys.for_build(read,
                                     (pdf_size is not None, options.base_url, site.common["logo_source"],
                                      plan.language, site.common["saved_as"]),  # every page's footer names the book
                                     {PAGES["pdf"]: str(pdf_size),
                                      **{PAGES[key]: str(companions.get(key)) for key in COMPANIONS},
                                      earlier_versions.DOWNLOAD: repr((earlier, site.common["books_of_version"])),
                                      # the page of changes and the home page show what changed since the previous
                                      # version, which a build kept or plan.yml names, no content file
                                      PAGES["changes"]: repr(baseline.changes(plan))})
    problems, written = _write_pages(site, folder, keys, manifest, build / SITE, options.jobs, data_sizes)
    report.extend(problems)
    copy_static(site.theme, folder / "static")
    copy_logo(plan, root, folder)
    copy_assets(root, folder / ASSETS)
    if options.base_url:
        write_sitemap(site.pages, folder, options.base_url)
    html_seconds = time.perf_counter() - started
    if problems:  # pages that failed stop the build: indexing the rest would only add Pagefind's complaints
        return []
    search_index = _search_index(folder, build / SITE, manifest, options, report)
    manifest.save()
    return [Message("Website: {pages} pages ({rendered} rendered) in {seconds:.2f} s, {search}",
                    pages=len(site.pages), rendered=written, seconds=html_seconds, search=search_index),
            *([] if options.pdf else [_linked_pdf(root, pdf_size)]),
            *([] if options.search else [NO_SEARCH]),
            *([] if options.base_url else [NO_ADDRESS])]


def _write_pages(site: PreparedSite, folder: Path, keys: site_cache.Keys, manifest: site_cache.Manifest,
                 previous: Path, jobs: int | None, data_sizes: Callable[[], dict[str, int]]) -> tuple[list[Diagnostic], int]:
    """Every page but the data page, then, once the open data is written, the data page with its files' sizes (in its
    key too: a page kept from the last build shows the sizes it had); ``manifest`` gets this build's pages."""
    first = [page for page in site.pages if page.path != PAGES["data"]]
    problems, written, entries = write_pages(site, first, folder, keys, manifest, previous, jobs)
    site.data_sizes = data_sizes()
    sized = site_cache.Keys({**keys.content, "data/": json.dumps(site.data_sizes, sort_keys=True)}, keys.shared)
    late, rendered, last = write_pages(site, [page for page in site.pages if page.path == PAGES["data"]], folder,
                                       sized, manifest, previous, jobs)
    entries.update(last)
    manifest.pages = {page.path: entries[page.path] for page in site.pages if page.path in entries}
    return problems + late, written + rendered


#: a site built without its search index still has the search box in every page's header, and a search page that
#: says search is unavailable: published as it is, the city's site had a broken search, and the build said only
#: "no search index (not asked for)"
NO_SEARCH = Message("Every page's search box leads to a search page that says search is unavailable: publish a build "
                    "made without --no-search")
#: what a site built without its public address lacks (a web server shows the 404 page at any depth,
#: and only an address tells it where the site's folder starts)
NO_ADDRESS = Message("No public address (base_url in plan.yml, or --base-url): no sitemap.xml or canonical "
                     "links, and 404.html shows properly only for addresses in the site's top folder and its pages' folders")


def _linked_pdf(root: Path, size: int | None) -> Message:
    """What a build without the PDF links: the last PDF built (maybe older than the site), or none."""
    if size is None:
        return Message("The website links no PDF: none has been built yet (build without --no-pdf)")
    built = datetime.datetime.fromtimestamp((build_folder(root) / PDF).stat().st_mtime)
    return Message("The website links the PDF built {when}, which may be older than the website", when=built)


def _search_index(folder: Path, previous: Path, manifest: site_cache.Manifest, options: BuildOptions,
                  report: Report) -> Message:
    """Index the new site, or link last build's index when every page is the same; says which."""
    recorded, manifest.index = manifest.index, None
    if not options.search:
        return Message("no search index (not asked for)")
    key = manifest.index_key(search.configuration())
    subdir = search.OUTPUT_SUBDIR
    if options.cache and recorded and recorded.startswith(f"{key}:") and site_cache.reuse_tree(
            previous / subdir, folder / subdir, search.ENTRY, recorded.split(":", 1)[1]):
        manifest.index = recorded
        return Message("search index unchanged")
    indexed = search.index(folder, report)
    if indexed is None:
        return Message("no search index")
    stamp = site_cache.tree_stamp(folder / subdir, search.ENTRY)
    manifest.index = f"{key}:{stamp}" if stamp else None
    return Message("search index in {seconds:.2f} s", seconds=indexed)


#: the home page's canonical link: the site's address (before 2026-12, that address and ``index.html``)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+?)(?:index\.html)?">')


def published_address(folder: Path) -> str | None:
    """The public address the site in ``folder`` was built for (``--base-url``), read from its
    home page's canonical link; None when it was built without one."""
    try:
        with open(folder / "index.html", encoding="utf-8", errors="replace") as handle:
            head = handle.read(8192)
    except OSError:
        return None
    found = _CANONICAL.search(head)
    return unescape(found.group(1)) if found else None
