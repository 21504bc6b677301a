"""The print HTML cut into parts that WeasyPrint can lay out separately, and put back together.

Parts: the front matter (cover to the lists of tables and figures) is one part; every
body and back chapter is a part of its own, or several: a long chapter is cut where the
print HTML starts a new page for a chunk (``data-chunk``, see
:mod:`masterplan.render.pdf_chunks`). A chunk after the first is wrapped as a
continuation of its chapter (:func:`continued`): the same classes for the stylesheet,
but no opener and no named ``chapter`` page (so its first page keeps the running header,
as it does mid-chapter in one pass), and the chapter's running header set at its top.
Body page numbers restart at 1 after the roman front matter, so no body page depends on
the front matter's length.

A part cannot see the pages of the others, so the page number of a link into another
part is written into the part as text: ``<a href="#x">`` gets ``data-pageno="41"`` and
the theme stylesheet's ``target-counter(attr(href), page[, style])`` becomes
``attr(data-pageno) target-counter(attr(data-own), page[, style])`` (:func:`part_css`);
a link to the part's own pages gets ``data-own="#x"`` instead and WeasyPrint counts it
(such a part is laid out once its first page number is known, :func:`starting_at`).
The written number is the target's printed page: roman in the front matter, arabic
elsewhere. :func:`targets` tells which parts a part's numbers depend on, so the
scheduler (:mod:`masterplan.render.pdf_schedule`, its page numbers :mod:`masterplan.render.pdf_pages`) lays a part out only once those are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CHAPTER = re.compile(r'<section class="chapter part-(?:body|back)\b[^"]*" id="([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'<a\b([^>]*?)\shref="#([^"]+)"')
_TARGET_COUNTER = re.compile(r"target-counter\(\s*attr\(\s*href\s*\)\s*,\s*page\s*(,\s*[-\w]+\s*)?\)")
_SECTION_OPEN = re.compile(r"<section\b[^>]*>")
#: an element with the data-chunk attribute itself (attributes walked one by one, so text in a
#: quoted value, e.g. from content, never counts)
_CHUNK = re.compile(r'<\w+(?:\s+[\w:-]+(?:="[^"]*")?)*\s+data-chunk(?=[\s/>])')
#: the chapter's title for its running header, wherever among the heading's attributes (a lang="id" may come first)
_RUNNING = re.compile(r'<h1 class="chapter-title"(?:\s+[\w:-]+="[^"]*")*?\s+data-running="([^"]*)"')
_KIND = re.compile(r"\bkind-[-\w]+")
#: a chunk that opens with the head of a continued table, whose marks set the header's left part
_TABLE_LED = re.compile(r'<[^>]+>\s*<table\b[^>]*>\s*(?:<colgroup>.*?</colgroup>\s*)?<thead>\s*<tr>\s*<th\b[^>]*>'
                        r'\s*<span class="table-continued"', re.DOTALL)
_RUNNING_TITLE = re.compile(r'<div class="running-title">.*?</div>', re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Part:
    """One separately laid-out piece of the book."""

    index: int
    key: str  #: ``front``, the chapter's anchor, or ``anchor~n`` for its n-th chunk after the first
    html: str  #: a whole HTML document; links still without data-pageno
    front: bool  #: numbered in roman, from the cover on
    anchors: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)

    @property
    def opens(self) -> bool:
        """Whether the part opens a chapter (the front matter and a chapter's later chunks do not)."""
        return not self.front and "~" not in self.key


def split(html: str, running: str) -> list[Part]:
    """The front part and one part per body or back chapter; each a complete HTML document.

    ``running`` (the running title and the draft mark) goes into every part but the
    front, which has them on its cover."""
    body_at = html.index("<body")
    body_open = html.index(">", body_at) + 1
    body_close = html.rindex("</body>")
    head, tail = html[:body_open], html[body_close:]
    starts = [(m.start(), m.group(1)) for m in _CHAPTER.finditer(html, body_open, body_close)]
    pieces = [("front", html[body_open:starts[0][0] if starts else body_close])]
    for i, (start, key) in enumerate(starts):
        chapter = html[start:starts[i + 1][0] if i + 1 < len(starts) else body_close]
        pieces += [(key if n == 0 else f"{key}~{n}", text) for n, text in enumerate(chunks(chapter, running))]
    parts = []
    for index, (key, text) in enumerate(pieces):
        if key != "front" and "~" not in key:
            opening = _SECTION_OPEN.search(text)
            assert opening is not None
            text = text[:opening.end()] + running + text[opening.end():]
        part = Part(index, key, head + text + tail, key == "front")
        part.anchors = set(_ID.findall(text))
        part.refs = {m.group(2) for m in _HREF.finditer(text)}
        parts.append(part)
    return parts


def chunks(chapter: str, running: str) -> list[str]:
    """A chapter's ``<section>`` cut before each of its own children marked ``data-chunk``:
    the chapter up to the first cut, then each chunk as a :func:`continued` section."""
    opening = _SECTION_OPEN.search(chapter)
    close = chapter.rfind("</section>")
    if opening is None or close < 0:
        return [chapter]
    cuts, depth, scanned = [], 0, opening.end()
    for match in _CHUNK.finditer(chapter, opening.end(), close):
        depth, scanned = depth + _depth(chapter, scanned, match.start()), match.start()
        if depth == 0:  # a child of the chapter's section, not something nested deeper
            cuts.append(match.start())
    if not cuts:
        return [chapter]
    found = [chapter[:cuts[0]] + "</section>\n"]
    title = _RUNNING.search(chapter)
    kind = _KIND.search(opening.group(0))
    for n, cut in enumerate(cuts):
        chunk = chapter[cut:cuts[n + 1] if n + 1 < len(cuts) else close]
        found.append(continued(chunk, kind.group(0) if kind else "", title.group(1) if title else "", running))
    return found


def continued(chunk: str, kind: str, title: str, running: str) -> str:
    """A chunk after the first as a section of the chapter's ``kind``. The running title,
    draft mark and chapter header (``title``, escaped) go inside the chunk's element: an
    element before it would make a first page of another name (portrait before a matrix).
    A chunk that opens with a continued table's head leaves out the running title: the
    head's marks say what the header shows, on its first page too, as in one pass."""
    inside = chunk.index(">") + 1
    if _TABLE_LED.match(chunk):
        running = _RUNNING_TITLE.sub("", running)
    return (f'<section class="chapter chapter-continued {kind}">{chunk[:inside]}{running}'
            f'<div class="running-chapter" data-running="{title}"></div>{chunk[inside:]}</section>\n')


def _depth(html: str, start: int, end: int) -> int:
    """How many more elements are open at ``end`` than at ``start``."""
    depth = 0
    for match in _TAG.finditer(html, start, end):
        closing, name, self_closing = match.groups()
        if closing:
            depth -= 1
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
    return depth


def part_css(css: str) -> str:
    """The theme stylesheet with page references read from ``data-pageno`` (other parts'
    pages) or counted by WeasyPrint through ``data-own`` (the part's own pages)."""
    return _TARGET_COUNTER.sub(lambda m: f"attr(data-pageno) target-counter(attr(data-own), page{m.group(1) or ''})",
                               css)


def starting_at(css: str, offset: int) -> str:
    """``css`` for a part whose first page is number ``offset + 1``."""
    return css if offset == 0 else f"{css}\n@page :first {{ counter-reset: page {offset + 1}; }}\n"


def with_page_numbers(html: str, labels: dict[str, str], own: set[str]) -> str:
    """``html`` with every internal link carrying its target's printed page number, or,
    for a target in ``own`` (the same part), pointing WeasyPrint's counter at it."""
    def fill(match: re.Match[str]) -> str:
        target = match.group(2)
        if target in own:
            return f'<a{match.group(1)} data-pageno="" data-own="#{target}" href="#{target}"'
        return f'<a{match.group(1)} data-pageno="{labels.get(target, "")}" href="#{target}"'
    return _HREF.sub(fill, html)


def roman(number: int) -> str:
    """``number`` in lower-case roman numerals, as CSS ``lower-roman`` prints it."""
    if number <= 0 or number >= 4000:
        return str(number)
    found = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            found += letters
            number -= value
    return found
