"""The public website: every page rendered from compiled templates, then static files, PDF and search.

Reads like its own table of contents: list the pages (:mod:`site_pages`), render each
with templates compiled once per process, copy the theme's static files and the PDF,
write ``sitemap.xml`` when the public address is known, and index the result for
search (:mod:`search`). Problems become diagnostics in the build report.
"""

from __future__ import annotations

import shutil
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

import jinja2

from masterplan import summary
from masterplan.diagnostics import Diagnostic, Position, Report, warning
from masterplan.model import Plan
from masterplan.output import Staging
from masterplan.render import search, site_charts
from masterplan.render.data import COLUMNS, JSON_FIELDS
from masterplan.render.site_links import PAGES, url_for
from masterplan.render.site_pages import Page, all_pages, chapter_for
from masterplan.render.theme import Theme, environment

if TYPE_CHECKING:
    from masterplan.build import BuildOptions


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
                   "indicator_columns": site_charts.indicator_columns}
    env.filters = dict(shared.filters)
    return env


def render(plan: Plan, root: Path, staging: Staging, options: "BuildOptions", report: Report) -> list[str]:
    """Write the site into the staging folder; returns summary lines for the terminal."""
    started = time.perf_counter()
    folder = staging.path("site")
    env = site_environment(Theme.for_plan(root), plan.language)
    problems: list[Diagnostic] = []
    pages = all_pages(plan, env.globals["_"], problems, site_charts.reference_label(plan))
    report.extend(problems)
    has_pdf = copy_pdf(root, staging, folder / PAGES["pdf"], options.pdf, report)
    common = common_context(plan, options.base_url, has_pdf)
    write_pages(env, pages, folder, common)
    copy_static(Theme.for_plan(root), folder / "static")
    if options.base_url:
        write_sitemap(pages, folder, options.base_url)
    html_seconds = time.perf_counter() - started
    indexed = search.index(folder, report)
    return [f"Website: {len(pages)} pages in {html_seconds:.2f} s"
            + (f", search index in {indexed:.2f} s" if indexed is not None else ", no search index")]


def common_context(plan: Plan, base_url: str | None, has_pdf: bool) -> dict[str, Any]:
    """What every page can read, computed once per build."""
    budget = summary.budget(plan)
    return {
        "plan": plan, "budget": budget, "bar_rows": site_charts.budget_bars(plan, budget), "has_pdf": has_pdf,
        "base_url": base_url.rstrip("/") + "/" if base_url else None,
        "charts": site_charts.Charts(plan), "data_columns": COLUMNS, "json_fields": JSON_FIELDS,
        "readiness_chapter": chapter_for(plan, "readiness"),
        "years": list(plan.period.years),
    }


def write_pages(env: jinja2.Environment, pages: list[Page], folder: Path, common: dict[str, Any]) -> None:
    """Render every page with its compiled template and write it out."""
    for directory in {str(Path(page.path).parent) for page in pages}:
        (folder / directory).mkdir(parents=True, exist_ok=True)
    templates: dict[str, jinja2.Template] = {}
    for page in pages:
        template = templates.get(page.template) or templates.setdefault(page.template, env.get_template(page.template))
        html = template.render({**common, **page.context, "page": page, "base": page.base})
        with open(folder / page.path, "w", encoding="utf-8") as handle:
            handle.write(html)


def copy_static(theme: Theme, target: Path) -> None:
    """The theme's CSS, script and images (plan overrides winning)."""
    for name, source in theme.files("site/static").items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def copy_pdf(root: Path, staging: Staging, target: Path, built: bool, report: Report) -> bool:
    """Put the PDF in the site: this build's, or the previous good one when it was not built."""
    source = staging.path("masterplan.pdf") if built else root / "build" / "masterplan.pdf"
    if not source.is_file():
        if built:
            report.add(warning(Position("content/plan.yml"), "W701", "the website links no PDF: none was written"))
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def write_sitemap(pages: list[Page], folder: Path, base_url: str) -> None:
    """``sitemap.xml`` with the absolute address of every searchable page."""
    base = base_url.rstrip("/") + "/"
    urls = "".join(f"<url><loc>{xml_escape(base + page.path)}</loc></url>\n" for page in pages if page.searchable)
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n', encoding="utf-8")
