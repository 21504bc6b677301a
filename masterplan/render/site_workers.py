"""Renders (or reuses) every page of the website and writes it out, in forked worker processes for big sites.

Each process takes every n-th page; a page whose inputs did not change is taken from the
last build (see :mod:`site_cache`), and a template that fails becomes a diagnostic.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from masterplan import jinja_words
from masterplan.diagnostics import Diagnostic, Message, error
from masterplan.interrupt import can_fork, forking, ignore_interrupt
from masterplan.render import site_cache
from masterplan.render.site_pages import Page
from masterplan.render.theme import Theme, template_position

if TYPE_CHECKING:
    from masterplan.render.site import PreparedSite


PAGES_PER_WORKER = 60  #: below this many pages per process, forking costs more than it saves

Job = tuple["PreparedSite", list[Page], Path, "site_cache.Keys", "site_cache.Manifest", "site_cache.LastSite"]


def write_pages(site: PreparedSite, pages: list[Page], folder: Path, keys: site_cache.Keys,
                manifest: site_cache.Manifest, previous: Path, jobs: int | None = None
                ) -> tuple[list[Diagnostic], int, dict[str, list[str]]]:
    """Render (or reuse) ``pages``, some of the site's, and write them out, in parallel for big sites.

    Returns the template errors (a plan's own templates may have them) as diagnostics, how many
    pages were rendered, and each page's entry for this build's ``manifest`` (read, not changed).
    """
    for directory in {str(Path(page.path).parent) for page in pages}:
        (folder / directory).mkdir(parents=True, exist_ok=True)
    job: Job = (site, pages, folder, keys, manifest, site_cache.LastSite.beside(previous, folder))
    workers = min(jobs or os.cpu_count() or 1, len(pages) // PAGES_PER_WORKER)
    if workers <= 1 or not can_fork():
        shares = [_write_share(job, 0, 1)]
    else:
        site.compile_templates()  # once, before forking, rather than once in every worker
        global _JOB
        _JOB = job  # inherited by the forked workers: nothing is pickled but the share number
        try:
            with ExitStack() as stack:  # the pool is terminated on leaving, also when Ctrl-C came while it started
                with forking():  # its workers ignore Ctrl-C: an interrupted build ends them
                    pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers, initializer=ignore_interrupt))
                shares = pool.starmap(_write_forked, [(share, workers) for share in range(workers)])
        finally:
            _JOB = None
    problems = [problem for share in shares for problem in share[0]]
    entries = {path: entry for share in shares for path, entry in share[1].items()}
    return problems, sum(share[2] for share in shares), entries


_JOB: Job | None = None


def _write_forked(share: int, workers: int) -> tuple[list[Diagnostic], dict[str, list[str]], int]:
    assert _JOB is not None
    return _write_share(_JOB, share, workers)


def _write_share(job: Job, share: int, workers: int) -> tuple[list[Diagnostic], dict[str, list[str]], int]:
    """One process's pages: ``(problems, path → [input key, HTML hash], pages rendered)``."""
    site, pages, folder, keys, manifest, last_site = job
    entries: dict[str, list[str]] = {}
    rendered = 0
    for page in pages[share::workers]:
        key = keys.page(page)
        last = manifest.pages.get(page.path)
        target = folder / page.path
        if last is not None and last[0] == key and last_site.reuse(page.path, target, last[1]):
            entries[page.path] = last
            continue
        try:
            html = site.render_page(page).encode("utf-8")
        except jinja2.TemplateError as exc:
            return [template_problem(exc, page, site.theme)], entries, rendered
        rendered += 1
        entries[page.path] = [key, site_cache.digest(html)]
        # same HTML as last time (or no record of last time, --no-cache): keep the file as it was
        same = last is None or last[1] == entries[page.path][1]
        if not (same and last_site.reuse(page.path, target, entries[page.path][1])):
            with open(target, "wb") as handle:
                handle.write(html)
    return [], entries, rendered


#: names the theme once gave its templates and no longer does, and what took their place: a
#: plan's override written for an older theme fails on them
RETIRED_NAMES = {
    "toc": Message("chapter pages no longer get 'toc': the theme's site/chapter.html makes the contents list "
                   "with anchor_headings(); compare your copy with it"),
    "roadmap_svg": Message("'roadmap_svg' is now 'roadmap_chart', the roadmap's rows rather than an SVG; compare "
                           "your copy with the theme's site/parts/roadmap.html"),
}
_UNDEFINED = re.compile(r"^'(\w+)' is undefined$")


def template_problem(exc: jinja2.TemplateError, page: Page, theme: Theme) -> Diagnostic:
    """A theme template that fails: point at its line when Jinja knows it, and name what replaced a
    name an override written for an older theme still uses."""
    where = template_position(exc, theme, f"templates/{page.template}")
    retired = _UNDEFINED.match(str(exc))
    said = jinja_words.template_failure(exc)
    hint = (RETIRED_NAMES.get(retired.group(1)) if retired else None) or said.hint
    return error(where._replace(line=said.line or where.line), "E702", "website template failed on {page}: {detail}",
                 hint or "check the plan's templates/ overrides against the default theme", page=page.path,
                 detail=said.what)
