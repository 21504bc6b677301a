"""The files the website carries beside its rendered pages: theme static files, logo, images, PDF and sitemap.

Each is copied (or, for ``sitemap.xml``, written) into the staging folder as it is;
the pages link them by the paths given here.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path, PurePosixPath

from masterplan import earlier_versions
from masterplan.assets import published
from masterplan.diagnostics import Position, Report, warning
from masterplan.model import Plan
from masterplan.output import PDF, Staging, build_folder
from masterplan.render import pdf_title
from masterplan.render.site_cache import digest
from masterplan.render.site_links import PAGES, companions
from masterplan.render.site_pages import Page
from masterplan.render.theme import Theme

STATIC = "static/"  #: the folder of the site that holds the theme's static files


def copy_static(theme: Theme, target: Path) -> None:
    """The theme's CSS, script and images (plan overrides winning)."""
    for name, source in theme.files("site/static").items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def asset_versions(theme: Theme) -> dict[str, str]:
    """A short hash of each of the theme's stylesheets and scripts, by page name (``css`` → ``1a2b3c4d``).

    Links to them carry it: a web server may let browsers keep these files for days, and a
    page of the new site with the old stylesheet would look broken."""
    files = theme.files("site/static")
    return {name: digest(files[file].read_bytes())[:8]
            for name, path in PAGES.items() if path.startswith(STATIC) and (file := path.removeprefix(STATIC)) in files}


def logo_path(plan: Plan, root: Path) -> str | None:
    """Where the plan's logo goes in the site (``static/logo.svg``), or None when there is none to show."""
    if not plan.logo:
        return None
    source = (root / "content" / plan.logo).resolve()
    if not source.is_file() or not source.is_relative_to((root / "content").resolve()):
        return None  # the checks report a missing or outside logo
    return f"static/logo{source.suffix.lower()}"


def logo_source(plan: Plan, root: Path) -> str | None:
    """The logo's address in the site's pages, with a short hash of its content (``static/logo.svg?v=1a2b3c4d``), as
    the stylesheet's: a city's new emblem was shown old, from the browser's copy, after the revision that brought it;
    None when there is no logo to show."""
    path = logo_path(plan, root)
    if path is None or not plan.logo:
        return None
    return f"{path}?v={digest((root / 'content' / plan.logo).read_bytes())[:8]}"


def copy_logo(plan: Plan, root: Path, folder: Path) -> None:
    target = logo_path(plan, root)
    if target and plan.logo:
        shutil.copyfile(root / "content" / plan.logo, folder / target)


def copy_assets(root: Path, target: Path) -> None:
    """The pictures and files to download of content/assets/, as :mod:`masterplan.assets` allows (a link is
    followed only inside content/; the checks report what is left out)."""
    for path, name in published(root / "content"):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def copy_pdf(plan: Plan, root: Path, staging: Staging, target: Path, built: bool, report: Report) -> int | None:
    """Put the PDF in the site: this build's, or the previous good one when it was not built (said when that
    one is another plan's, by its title: the sample's, started from, or a city's before it was renamed).

    Returns its size in bytes (the download links say it), None when there is no PDF."""
    source = staging.path(PDF) if built else build_folder(root) / PDF
    if not source.is_file():
        if built and not report.errors:  # with errors (a print template that fails: E603) nothing is published:
            # the site in place keeps linking its PDF, which "links no PDF" said it did not
            report.add(warning(Position("content/plan.yml"), "W701", "the website links no PDF: none was written"))
        return None
    if not built:
        titled = pdf_title.recorded(source, build_folder(root))
        if titled is not None and titled not in plan.title.values.values():
            report.add(warning(plan.where.get("title", plan.position), "W702",
                               "the website links the PDF built last, which is titled '{old}', not '{new}'",
                               "build the PDF again before publishing the site: masterplan build, without --no-pdf",
                               old=titled, new=plan.title.get(plan.language)))
        language = earlier_versions.placed_language(build_folder(root))
        if language is not None and language != plan.language:  # both editions published, one after the other
            report.add(warning(plan.where.get("language", plan.position), "W702",
                               "the website links the PDF built last, whose language is '{old}', not the plan's "
                               "'{new}'", "build the PDF again before publishing the site: masterplan build, without "
                               "--no-pdf", old=language, new=plan.language))
    return _copy(source, target)


def copy_companions(plan: Plan, root: Path, staging: Staging, folder: Path, built: bool) -> dict[str, int]:
    """Put the plan's other books (the executive summary, the strategic analysis) in the site as the book
    (:func:`copy_pdf`): this build's, or the last ones when the PDF was not built. Returns each one's size by its
    page's key (site_links.COMPANIONS); one the plan asks for none of (an old one left in build/ is not linked), or
    that there is none of yet, is left out."""
    sizes: dict[str, int] = {}
    for key in companions(plan):
        name = PurePosixPath(PAGES[key]).name  # the site's download is named as the build's file (output.py)
        source = staging.path(name) if built else build_folder(root) / name
        if source.is_file():
            sizes[key] = _copy(source, folder / PAGES[key])
    return sizes


def _copy(source: Path, target: Path) -> int:
    """Copy a PDF into the site; its size in bytes, which the download links say."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target.stat().st_size


def write_sitemap(pages: list[Page], folder: Path, base_url: str) -> None:
    """``sitemap.xml`` with the absolute address of every page listed in it (:attr:`Page.in_sitemap`)."""
    base = base_url.rstrip("/") + "/"
    urls = "".join(f"<url><loc>{escape(base + page.public, quote=False)}</loc></url>\n" for page in pages if page.in_sitemap)
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n', encoding="utf-8")
