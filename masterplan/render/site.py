"""The public website: every page rendered from compiled templates, then static files, PDF and search.

Reads like its own table of contents: list the pages (:mod:`site_pages`), render each
with templates compiled once per process, copy the theme's static files and the PDF,
write ``sitemap.xml`` when the public address is known, and index the result for
search (:mod:`search`). Problems become diagnostics in the build report.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import re
import shutil
import time
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from markupsafe import Markup

from masterplan import summary
from masterplan.diagnostics import Diagnostic, Message, Position, Report, error, warning
from masterplan.model import ASSETS, Plan
from masterplan.output import Staging
from masterplan.render import outline, search, site_cache, site_charts
from masterplan.render.data import COLUMNS, JSON_FIELDS
from masterplan.render.markdown import relocate
from masterplan.render.site_links import PAGES, url_for
from masterplan.render.site_pages import (
    WHOLE_PLAN,
    Page,
    Translate,
    all_pages,
    anchor_headings,
    chapter_for,
    describe,
    first_paragraph,
)
from masterplan.render.theme import (
    Theme,
    environment,
    language_bound,
    template_position,
)

if TYPE_CHECKING:
    from masterplan.build import BuildOptions


CACHED_FILTERS = ("number", "measure", "rupiah", "rupiah_short")


@jinja2.pass_context
def _href(context: Any, target: Any, anchor: str = "") -> str:
    """A link from the page being rendered to ``target`` (a model object or a page name)."""
    return context["base"] + url_for(target) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=8)
def site_environment(theme: Theme, language: str) -> jinja2.Environment:
    """The theme's environment plus the site's link helpers, without touching the shared one."""
    shared = environment(theme, language)
    env = shared.overlay(cache_size=400)
    env.globals = {**shared.globals, "href": _href, "url_for": url_for,
                   "indicator_columns": site_charts.indicator_columns,
                   "program_budget": summary.program_budget, "anchor_headings": anchor_headings}
    env.filters = {**shared.filters, "describe": describe, "first_paragraph": first_paragraph}
    markdown = shared.filters["markdown"].function
    env.filters["markdown"] = jinja2.pass_context(
        lambda context, text, shift=0: Markup(relocate(markdown(text, shift), context["base"])))
    for name in CACHED_FILTERS:  # Babel is slow and a site prints the same amounts many times over
        env.filters[name] = language_bound(lru_cache(maxsize=65536)(shared.filters[name].function))
    return env


@dataclass
class PreparedSite:
    """Every page of the site, listed but not rendered, and what rendering one needs."""

    env: jinja2.Environment
    pages: list[Page]
    common: dict[str, Any]  #: what every page can read, the shared header and footer included
    theme: Theme
    pdf_size: int | None = None  #: the linked PDF's size, shown by whole-plan pages only (their keys hold it)

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
        shown = {"pdf_size": self.pdf_size} if WHOLE_PLAN in page.inputs else {}
        return template.render({**self.common, **page.context, **shown, "page": page, "base": page.base})


def prepare(plan: Plan, root: Path, options: BuildOptions, report: Report, pdf_size: int | None = None) -> PreparedSite:
    """List the site's pages and compute what they share; used by :func:`render` and the preview."""
    theme = Theme.for_plan(root)
    env = site_environment(theme, plan.language)
    translate = env.globals["_"]
    book = outline.build(plan, translate)
    problems: list[Diagnostic] = []
    pages = all_pages(plan, translate, problems, site_charts.reference_label(book))
    report.extend(problems)
    if options.base_url:  # a web server shows the 404 page at any depth: its links start from the public address
        for page in pages:
            if page.path == PAGES["not_found"]:
                page.root = options.base_url.rstrip("/") + "/"
    common = common_context(plan, book, translate, options.base_url, pdf_size is not None, logo_path(plan, root))
    return PreparedSite(env, pages, {**common, "layout": Layout(env, common)}, theme, pdf_size)


def render(plan: Plan, root: Path, staging: Staging, options: BuildOptions, report: Report) -> list[str]:
    """Write the site into the staging folder; returns summary lines for the terminal.

    With ``options.cache``, pages whose inputs did not change are taken from the last
    build (see :mod:`site_cache`), and so is the search index when no page changed.
    """
    started = time.perf_counter()
    folder = staging.path("site")
    pdf_size = copy_pdf(root, staging, folder / PAGES["pdf"], options.pdf, report)
    site = prepare(plan, root, options, report, pdf_size)
    build = root / "build"
    manifest = site_cache.Manifest.load(build) if options.cache else site_cache.Manifest(build / site_cache.MANIFEST)
    keys = site_cache.Keys.for_build(root, site.theme.folders,
                                     (pdf_size is not None, options.base_url, site.common["logo"], plan.language),
                                     {PAGES["pdf"]: str(pdf_size)})
    problems, written = write_pages(site, folder, keys, manifest, build / "site", options.jobs)
    report.extend(problems)
    copy_static(site.theme, folder / "static")
    copy_logo(plan, root, folder)
    copy_assets(root, folder / ASSETS)
    if options.base_url:
        write_sitemap(site.pages, folder, options.base_url)
    html_seconds = time.perf_counter() - started
    if problems:  # pages that failed stop the build: indexing the rest would only add Pagefind's complaints
        return []
    search_index = _search_index(folder, build / "site", manifest, options, report)
    manifest.save()
    return [Message("Website: {pages} pages ({rendered} rendered) in {seconds:.2f} s, {search}",
                    pages=len(site.pages), rendered=written, seconds=html_seconds, search=search_index),
            *([] if options.pdf else [_linked_pdf(root, pdf_size)])]


def _linked_pdf(root: Path, size: int | None) -> Message:
    """What a build without the PDF links: the last PDF built (maybe older than the site), or none."""
    if size is None:
        return Message("The website links no PDF: none has been built yet (build without --no-pdf)")
    built = datetime.datetime.fromtimestamp((root / "build" / "masterplan.pdf").stat().st_mtime)
    return Message("The website links the PDF built {when}, which may be older than the website",
                   when=f"{built:%Y-%m-%d %H:%M}")


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


#: Image types link previews (Open Graph) show; an SVG logo is not one of them.
SHARE_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def common_context(plan: Plan, book: outline.Outline, translate: Translate, base_url: str | None = None,
                   has_pdf: bool = False, logo: str | None = None) -> dict[str, Any]:
    """What every page can read, computed once per build."""
    budget = summary.budget(plan)
    return {
        "plan": plan, "budget": budget, "logo": logo, "bar_rows": site_charts.budget_bars(plan, budget),
        "has_pdf": has_pdf,
        "base_url": base_url.rstrip("/") + "/" if base_url else None,
        "roadmap_svg": site_charts.roadmap(plan, book, translate), "caption": site_charts.captioner(book, translate),
        "chapter_labels": site_charts.chapter_labels(book), "book_contents": site_charts.book_contents(book),
        "colours": site_charts.pillar_colours(plan),
        "glossary_entries": summary.glossary(plan), "data_columns": COLUMNS, "json_fields": JSON_FIELDS,
        "part_chapters": {part: chapter for part in outline.GENERATED_ORDER if (chapter := chapter_for(plan, part))},
        "years": list(plan.period.years), "og_locale": og_locale(plan.language),
        "share_image": logo if logo and logo.endswith(SHARE_IMAGE_TYPES) else None,
    }


def og_locale(language: str) -> str:
    """The Open Graph locale of a language, its likeliest country added: ``id`` → ``id_ID``."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        if locale.territory is None:
            locale = Locale.parse(get_global("likely_subtags").get(str(locale), str(locale)))
    except (ValueError, UnknownLocaleError):
        return language
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


class Layout:
    """The header and footer: rendered once per folder depth, shared by every page at that depth.

    They are the same on every page but for the relative prefix and the current page's
    ``aria-current`` mark, which is added to the one link that points at the page.
    """

    def __init__(self, env: jinja2.Environment, common: dict[str, Any]):
        self.env, self.common = env, common
        self.rendered: dict[tuple[str, str], str] = {}

    def _part(self, name: str, base: str) -> str:
        key = (name, base)
        if key not in self.rendered:
            self.rendered[key] = self.env.get_template(name).render({**self.common, "base": base})
        return self.rendered[key]

    def header(self, page: Page) -> Markup:
        link = f'href="{page.base}{page.path}"'
        return Markup(self._part("site/header.html", page.base).replace(link, f'{link} aria-current="page"'))

    def footer(self, page: Page) -> Markup:
        return Markup(self._part("site/footer.html", page.base))


PAGES_PER_WORKER = 60  #: below this many pages per process, forking costs more than it saves

Job = tuple[PreparedSite, list[Page], Path, "site_cache.Keys", "site_cache.Manifest", Path]


def write_pages(site: PreparedSite, folder: Path, keys: site_cache.Keys, manifest: site_cache.Manifest,
                previous: Path, jobs: int | None = None) -> tuple[list[Diagnostic], int]:
    """Render (or reuse) every page and write it out, in parallel for big sites.

    Returns the template errors (a plan's own templates may have them) as diagnostics and
    how many pages were rendered; ``manifest`` is updated to this build's pages.
    """
    pages = site.pages
    for directory in {str(Path(page.path).parent) for page in pages}:
        (folder / directory).mkdir(parents=True, exist_ok=True)
    job: Job = (site, pages, folder, keys, manifest, previous)
    workers = min(jobs or os.cpu_count() or 1, len(pages) // PAGES_PER_WORKER)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        shares = [_write_share(job, 0, 1)]
    else:
        site.compile_templates()  # once, before forking, rather than once in every worker
        global _JOB
        _JOB = job  # inherited by the forked workers: nothing is pickled but the share number
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                shares = pool.starmap(_write_forked, [(share, workers) for share in range(workers)])
        finally:
            _JOB = None
    problems = [problem for share in shares for problem in share[0]]
    entries = {path: entry for share in shares for path, entry in share[1].items()}
    manifest.pages = {page.path: entries[page.path] for page in pages if page.path in entries}
    return problems, sum(share[2] for share in shares)


_JOB: Job | None = None


def _write_forked(share: int, workers: int) -> tuple[list[Diagnostic], dict[str, list[str]], int]:
    assert _JOB is not None
    return _write_share(_JOB, share, workers)


def _write_share(job: Job, share: int, workers: int) -> tuple[list[Diagnostic], dict[str, list[str]], int]:
    """One process's pages: ``(problems, path → [input key, HTML hash], pages rendered)``."""
    site, pages, folder, keys, manifest, previous = job
    entries: dict[str, list[str]] = {}
    rendered = 0
    for page in pages[share::workers]:
        key = keys.page(page)
        last = manifest.pages.get(page.path)
        target = folder / page.path
        if last is not None and last[0] == key and site_cache.reuse(previous / page.path, target, last[1]):
            entries[page.path] = last
            continue
        try:
            html = site.render_page(page).encode("utf-8")
        except jinja2.TemplateError as exc:
            return [_template_problem(exc, page, site.theme)], entries, rendered
        rendered += 1
        html_hash = site_cache.digest(html)
        entries[page.path] = [key, html_hash]
        if last is not None and last[1] == html_hash and site_cache.reuse(previous / page.path, target, html_hash):
            continue  # same HTML as last time: keep the file as it was
        with open(target, "wb") as handle:
            handle.write(html)
    return [], entries, rendered


def _template_problem(exc: jinja2.TemplateError, page: Page, theme: Theme) -> Diagnostic:
    """A theme template that fails: point at its line when Jinja knows it."""
    where = template_position(exc, theme, f"templates/{page.template}")
    return error(where, "E702", "website template failed on {page}: {detail}",
                 "check the plan's templates/ overrides against the default theme", page=page.path, detail=str(exc))


def copy_static(theme: Theme, target: Path) -> None:
    """The theme's CSS, script and images (plan overrides winning)."""
    for name, source in theme.files("site/static").items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def logo_path(plan: Plan, root: Path) -> str | None:
    """Where the plan's logo goes in the site (``static/logo.svg``), or None when there is none to show."""
    if not plan.logo:
        return None
    source = (root / "content" / plan.logo).resolve()
    if not source.is_file() or not source.is_relative_to((root / "content").resolve()):
        return None  # the checks report a missing or outside logo
    return f"static/logo{source.suffix.lower()}"


def copy_logo(plan: Plan, root: Path, folder: Path) -> None:
    target = logo_path(plan, root)
    if target and plan.logo:
        shutil.copyfile(root / "content" / plan.logo, folder / target)


def copy_assets(root: Path, target: Path) -> None:
    """The images chapters and descriptions show (content/assets/), as plain files: links are not followed."""
    source = root / "content" / "assets"
    if not source.is_dir():
        return
    for path in source.rglob("*"):
        if path.is_file() and not path.is_symlink():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def copy_pdf(root: Path, staging: Staging, target: Path, built: bool, report: Report) -> int | None:
    """Put the PDF in the site: this build's, or the previous good one when it was not built.

    Returns its size in bytes (the download links say it), None when there is no PDF."""
    source = staging.path("masterplan.pdf") if built else root / "build" / "masterplan.pdf"
    if not source.is_file():
        if built:
            report.add(warning(Position("content/plan.yml"), "W701", "the website links no PDF: none was written"))
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target.stat().st_size


_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)index\.html">')


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


def write_sitemap(pages: list[Page], folder: Path, base_url: str) -> None:
    """``sitemap.xml`` with the absolute address of every searchable page."""
    base = base_url.rstrip("/") + "/"
    urls = "".join(f"<url><loc>{escape(base + page.path, quote=False)}</loc></url>\n" for page in pages if page.searchable)
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n', encoding="utf-8")
