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
from masterplan.diagnostics import Diagnostic, Message, Position, did_you_mean, warning
from masterplan.file_names import is_file
from masterplan.model import ASSETS, Plan
from masterplan.plan_parts import Chapter
from masterplan.render.site_links import slug

#: the site's folders of pages, one page an item; its other folders (files it publishes beside its pages)
_ITEM_FOLDERS = ("program", "agency", "pillar", "mission", "chapter")
_FILE_FOLDERS = (ASSETS, "static", "data", "download", "pagefind")
_ITEM_PAGE = re.compile(r"([a-z]+)/([^/]+)\.html")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
#: a Markdown heading's text, and the id written after it ({#id})
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_GIVEN_ID = re.compile(r"\{[^}]*#([\w:-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_INLINE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")
#: ids every chapter's page has beside its headings': its main text, its sections' (bab-…-1), tables' and figures'
_PAGE_ID = re.compile(r"main|top|(?:bab|tab|fig)-[\w-]+")


def check(plan: Plan, chapter: Chapter) -> Iterator[Diagnostic]:
    """W513 for each link of ``chapter`` (not shown as code) to a page or file the site does not have, or to a
    heading the chapter does not have."""
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
            shown.add(url, line, column, _heading(url[1:], anchors, where, near_only=bool(chapter.generated))
                      if anchors else None)
        else:
            shown.add(url, line, column, _page(plan, url.split("#", 1)[0].split("?", 1)[0], where))
    yield from shown.told()


def _heading(anchor: str, anchors: set[str], where: Position, near_only: bool) -> Diagnostic | None:
    if anchor in anchors or _PAGE_ID.fullmatch(anchor):
        return None
    meant = did_you_mean(anchor, anchors)
    if meant is None and near_only:
        return None
    return warning(where, "W513", "link '{url}' leads nowhere on the site", meant or
                   Message("no heading of this chapter has that id: link a section with a cross-reference, "
                           "[[bab:<chapter id>]]"), url=f"#{anchor}")


def _anchors(body: str) -> set[str]:
    """The ids the chapter's page gives its headings (and any id its HTML writes); empty where Jinja writes a
    heading, whose words are known only once filled in."""
    found = set(_HTML_ID.findall(body))
    counts: dict[str, int] = {}
    for match in _HEADING.finditer(body):
        heading = match.group(1)
        if "{{" in heading or "{%" in heading:
            return set()
        if given := _GIVEN_ID.search(heading):
            found.add(given.group(1))
            continue
        base = slug(_INLINE.sub(lambda inline: inline.group(1) or "", heading))
        counts[base] = counts.get(base, 0) + 1
        found.add(base if counts[base] == 1 else f"{base}-{counts[base]}")
    return found


def _page(plan: Plan, name: str, where: Position) -> Diagnostic | None:
    """A site-relative link to an item's page the plan does not have, or to a file outside the folders the site
    publishes; None for anything else (the site's own pages, a missing asset or chapter file: :mod:`links`)."""
    name = name.removeprefix("./")
    item = _ITEM_PAGE.fullmatch(name)
    if item and item.group(1) in _ITEM_FOLDERS:
        ids = _ids(plan, item.group(1))
        if item.group(2) in ids:
            return None
        meant = did_you_mean(item.group(2), ids)
        return warning(where, "W513", "link '{url}' leads nowhere on the site: no {kind} of the plan has the id {id}",
                       Message("{guess} or write a cross-reference, [[{id}]], which leads to its page and is checked",
                               guess=meant, id=item.group(2)) if meant else
                       "write a cross-reference ([[GOV-01]], [[agency:dinkes]], [[bab:<chapter id>]]), which leads "
                       "to the page and is checked", url=name, kind=item.group(1), id=item.group(2))
    folder = name.split("/", 1)[0]
    if ("." not in name.rsplit("/", 1)[-1]  # no file: a word a reference's definition begins with ([x]: Badan …)
            or name.endswith((".html", ".md")) or folder in _FILE_FOLDERS or folder in _ITEM_FOLDERS):
        return None
    stored = plan.content is not None and is_file(plan.content / ASSETS / name)
    return warning(where, "W513", "link '{url}' leads nowhere on the site",
                   Message("write {url}: the site publishes content/{url}", url=f"{ASSETS}/{name}") if stored else
                   Message("files to link go in content/assets/ and are written assets/name.pdf"), url=name)


def _ids(plan: Plan, kind: str) -> set[str]:
    """The ids whose pages the site publishes in folder ``kind`` (a former id's page leads on to the item)."""
    if kind == "program":
        return {id_ for program in plan.programs for id_ in (program.id, *program.former_ids)}
    if kind == "agency":
        return {id_ for agency in plan.agencies for id_ in (agency.id, *agency.former_ids)}
    if kind == "pillar":
        return {pillar.id for pillar in plan.pillars}
    if kind == "mission":
        return {mission.id for mission in plan.missions}
    return {chapter.id for chapter in plan.chapters}
