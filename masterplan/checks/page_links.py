"""Links a chapter writes to the site's own pages and to its own headings, which the site would publish dead.

``[e-Sambat](program/GOV-99.html)`` names a program the plan does not have, ``[lampiran](lampiran.pdf)`` a file
the site does not publish (only ``content/assets/`` is), ``[profil](#profil-daerahh)`` a heading the chapter does
not have. Each passed validate and became a link to nothing on the city's site. W513 says so at its line, as it
says of a missing asset (:mod:`masterplan.checks.links`); a cross-reference (``[[GOV-01]]``) is the checked way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from masterplan.checks.links import Shown, problem, urls
from masterplan.crossref import PREFIXES, reference
from masterplan.diagnostics import Diagnostic, Message, Position, closest, warning
from masterplan.file_names import is_file
from masterplan.model import ASSETS, Plan
from masterplan.plan_parts import Chapter

_ITEM_PAGE = re.compile(r"([a-z]+)/([^/]+)\.html")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")
#: ids every chapter's page has beside its headings': its sections' (bab-…-1), tables' and figures'
_PAGE_ID = re.compile(r"(?:bab|tab|fig)-[\w-]+")


def check(plan: Plan, chapter: Chapter) -> Iterator[Diagnostic]:
    """W513 for each link of ``chapter`` (not shown as code) to a page or file the site does not have, or to a
    heading the chapter's page does not have."""
    shown = Shown(chapter.body)
    anchors: set[str] | None = None
    for kind, url, line, column in urls(chapter.body):
        if kind != "link" or not url or "{" in url or _SCHEME.match(url):
            continue
        where = Position(chapter.position.file, chapter.body_line + line - 1, column)
        if problem(kind, url, where, plan.content) is not None:
            continue  # told by links already (a missing asset, a chapter's file, a web address without https://)
        if url.startswith("#"):
            anchors = _anchors(chapter.body) if anchors is None else anchors
            # a generated part's headings and tables have ids of their own, not known here: only a near miss of a
            # heading of the text is told then ("#profil-daerahh")
            shown.add(url, line, column, _heading(url[1:], anchors, where, near_only=bool(chapter.generated)))
        else:
            shown.add(url, line, column, _page(plan, url.split("#", 1)[0].split("?", 1)[0], where))
    yield from shown.told()


def _heading(anchor: str, anchors: set[str], where: Position, near_only: bool) -> Diagnostic | None:
    if anchor in anchors or _PAGE_ID.fullmatch(anchor):
        return None
    meant = closest(anchor, anchors)
    if meant is None and near_only:
        return None
    return warning(where, "W513", "link '{url}' leads nowhere on the site",
                   Message("no heading of this chapter has that id; its page has #{id}", id=meant) if meant else
                   Message("no heading of this chapter has that id: link a section with a cross-reference, "
                           "[[bab:<chapter id>]]"), url=f"#{anchor}")


def _anchors(body: str) -> set[str]:
    """The ids the chapter's page has: its headings' as the site gives them (from their words, as Markdown makes
    them: setext headings too, a footnote's call left out), any id its text writes, and the page's own."""
    from masterplan.render.markdown import unsanitized
    from masterplan.render.site_html import LAYOUT_IDS, anchor_headings
    html, _ = anchor_headings(unsanitized(body))
    return set(_ID.findall(html)) | LAYOUT_IDS


def _page(plan: Plan, name: str, where: Position) -> Diagnostic | None:
    """A site-relative link to an item's page the plan does not have, to a page of the site's own it does not
    make, or to a file outside the folders the site publishes; None for anything else (a missing asset or a
    chapter's file: :mod:`links`)."""
    # the renderer's, loaded only once a link is found
    from masterplan.render.site_links import FOLDERS, ITEM_FOLDERS, PAGES, item_pages
    name = name.removeprefix("./")
    item = _ITEM_PAGE.fullmatch(name)
    if item and item.group(1) in ITEM_FOLDERS and item.group(2) != "index":
        kind, written = item.groups()
        ids = item_pages(plan)[kind]
        if written in ids:
            return None
        meant = closest(written, ids)
        referred = kind in PREFIXES  # a mission's page has no cross-reference
        return warning(where, "W513", "link '{url}' leads nowhere on the site: the plan has no page for the id {id}",
                       Message("write {page}, or better a cross-reference, {reference}, which is checked",
                               page=f"{kind}/{meant}.html", reference=f"[[{reference(kind, meant)}]]")
                       if meant and referred else
                       Message("did you mean {page}?", page=f"{kind}/{meant}.html") if meant else
                       Message("write a cross-reference, e.g. {reference}, which leads to the page and is checked",
                               reference=f"[[{reference(kind, '…')}]]") if referred else None,
                       url=name, id=written)
    folder = name.split("/", 1)[0]
    if not name or "." not in name.rsplit("/", 1)[-1]:  # no file: a word a reference's definition begins ([x]: Badan …)
        return None
    if name.endswith(".html") and "/" not in name and name not in PAGES.values():
        tops = sorted(path for path in PAGES.values() if "/" not in path and path != "404.html")
        return warning(where, "W513", "link '{url}' leads nowhere on the site",
                       Message("the site's own pages are {pages}", pages=", ".join(tops)), url=name)
    if name.endswith((".html", ".md", ".xml", ".txt")) or folder in FOLDERS or folder == "pagefind":
        return None  # the site's pages, its sitemap and robots.txt, its folders' files
    stored = plan.content is not None and is_file(plan.content / ASSETS / name)
    return warning(where, "W513", "link '{url}' leads nowhere on the site",
                   Message("write {url}: the site publishes content/{url}", url=f"{ASSETS}/{name}") if stored else
                   Message("files to link go in content/assets/ and are written assets/name.pdf"), url=name)

