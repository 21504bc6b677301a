"""One part of the book laid out by WeasyPrint, renumbered, written: the work a PDF worker does.

A part is laid out once, with its pages numbered from 1. WeasyPrint paginates the whole
content first and builds the page-margin boxes (running headers, the page number) only
afterwards (``weasyprint.layout.layout_document``), so a part's content layout never
depends on its first page number. When the true first page is known (it is the sum of
the page counts of the parts before it, which other workers may still be laying out),
:meth:`LaidOut.renumber` rebuilds only the margin boxes with the page counter shifted:
the expensive layout is never redone for a new start page. This uses WeasyPrint's
layout context (pinned by setup.cfg to the versions we test); the equivalence tests in
``tests/test_pdf_parts.py`` compare the result with a single-pass render.

Everything a worker sends back is plain data (page count, anchors, links, bookmarks,
log messages), so it can cross a process boundary and be cached as JSON.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint import document as wp_document
from weasyprint.formatting_structure import boxes
from weasyprint.layout.background import layout_backgrounds
from weasyprint.layout.page import make_margin_boxes, set_page_type_computed_styles
from weasyprint.text.fonts import FontConfiguration

from masterplan.output import write_whole
from masterplan.render import hyphenation, pdf_archive, pdf_scopes
from masterplan.render.print_fetch import Fetcher, capture_logs
from masterplan.render.theme import Theme

#: a stylesheet that styles left-hand and right-hand pages apart (``@page :left``, ``@page chapter:right``…)
SIDED = re.compile(r"@page[^{]*:(?:left|right|recto|verso)\b", re.IGNORECASE)
#: what the book says when the theme's left-hand pages are not its right-hand ones mirrored
TURNED_BADLY = ("the theme's left-hand and right-hand pages differ in more than the order of their side margins: "
                "the book's parts laid out apart may not match it")
PDF_OPTIONS: dict[str, Any] = {
    "uncompressed_pdf": False,
    "custom_metadata": False,
    "optimize_images": True,  #: recompress content images; logos and photos shrink a lot
    "jpeg_quality": 85,
}


def pdf_options(tagged: bool) -> dict[str, Any]:
    """WeasyPrint's options for writing; ``tagged``: with the structure tree a screen reader reads
    (headings, paragraphs, lists, tables, the logo's text, links), see :func:`masterplan.render.pdf_press.tagged`,
    and as PDF/A (:mod:`masterplan.render.pdf_archive`); else a plain PDF."""
    return {**PDF_OPTIONS, "pdf_tags": tagged, "pdf_variant": pdf_archive.variant(tagged)}


@dataclass
class PartInfo:
    """What the book needs to know about a laid-out part; JSON-able."""

    pages: int
    anchors: dict[str, list[float]]  #: name → [page index, x, y] (CSS px from the page's top left)
    bookmarks: list[list[Any]]  #: [page index, level, label, x, y, open]
    sizes: list[list[float]]  #: page width, height in CSS px
    records: list[list[Any]] = field(default_factory=list)  #: [level, message] WeasyPrint logged
    refused: list[list[str]] = field(default_factory=list)  #: [url, reason] the fetcher refused
    blank: list[int] = field(default_factory=list)  #: pages WeasyPrint left blank (two-sided printing)

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


class LaidOut:
    """A part's WeasyPrint document with the layout context kept for renumbering."""

    def __init__(self, html: str, css: str, root: Path, start: int = 0, styles: Stylesheets | None = None):
        hyphenation.register()
        self.fetcher = Fetcher(root / "content", Theme.for_plan(root))
        contexts: list[Any] = []
        original = wp_document.layout_document

        def keep(html: Any, root_box: Any, context: Any, *args: Any, **kwargs: Any) -> Any:
            contexts.append((html, context))
            return original(html, root_box, context, *args, **kwargs)

        with capture_logs() as records:
            wp_document.layout_document = keep  # the context is otherwise a local of Document._render
            try:
                stylesheet, fonts = (styles or Stylesheets(root)).get(css, self.fetcher)
                self.document = weasyprint.HTML(string=html, base_url=self.fetcher.base_url,
                                                url_fetcher=self.fetcher).render(
                    stylesheets=[stylesheet], presentational_hints=False, font_config=fonts)
            finally:
                wp_document.layout_document = original
        self.html, self.context = contexts[0]
        # an empty data-own (a link into another part) leaves an empty target-counter: nothing lost
        self.records = [r for r in records if "undefined anchor ('string', '')" not in r.getMessage()]
        self.offset = start  #: the page number before the first page, as laid out (``starting_at``)
        self.turned_badly = False  #: a page moved to the other side, whose margins there are not these mirrored
        #: whether left-hand and right-hand pages differ at all (a book printed on both sides): else a page
        #: laid out on the other side needs no turning
        self.sided = bool(SIDED.search(css))

    def renumber(self, offset: int) -> None:
        """Number the pages from ``offset + 1`` on, each on the side of the book its number gives (an odd page
        is a right-hand one): only the margin boxes are laid out again, and a page laid out on the other side
        is moved across (a two-sided book's inner margin is the wider one: left on a right-hand page)."""
        sides = ["right" if (offset + index) % 2 == 0 else "left" for index in range(len(self.document.pages))]
        turning = self.sided and any(page._page_box.page_type.side != side
                                     for page, side in zip(self.document.pages, sides, strict=True))
        if offset == self.offset and not turning:
            return
        context = self.context
        for index, page in enumerate(self.document.pages):
            box = page._page_box
            turned = self.sided and box.page_type.side != sides[index]
            if turned:
                self._turn(box, sides[index])
            state = copy.deepcopy(context.page_maker[index + 1][3])
            counters = state[1]
            counters["page"] = [value + offset - self.offset for value in counters.get("page", [0])]
            context.page_maker[index + 1] = (*context.page_maker[index + 1][:3], state,
                                             context.page_maker[index + 1][4])
            context.current_page = index + 1
            kept = tuple(child for child in box.children if not isinstance(child, boxes.MarginBox))
            box.children = kept + tuple(make_margin_boxes(context, box, state))
            layout_backgrounds(box, context.get_image_from_uri)
            if turned:  # its links, anchors and bookmarks where the page now has them
                self.document.pages[index] = wp_document.Page(box)
        self.offset = offset

    def _turn(self, box: Any, side: str) -> None:
        """Make the page ``box`` one of the other side: its margins and margin boxes that side's, its content
        moved across by the difference (the same width: its lines break as laid out)."""
        page_type = box.page_type._replace(side=side)
        set_page_type_computed_styles(page_type, self.html, self.context.style_for)
        style = self.context.style_for(page_type)
        if not all(hasattr(style[f"margin_{edge}"], "value") for edge in ("top", "right", "bottom", "left")):
            self.turned_badly = True  # margin: auto, of a plan's own theme: no telling where the page would be
            return
        shift = style["margin_left"].value - box.margin_left
        if any(abs(style[f"margin_{edge}"].value - getattr(box, f"margin_{edge}")) > 0.01 for edge in ("top", "bottom")) \
                or abs(style["margin_left"].value + style["margin_right"].value
                       - box.margin_left - box.margin_right) > 0.01:
            self.turned_badly = True  # the content's lines would break otherwise there: said with the part's PDF
        box.page_type, box.style = page_type, style
        box.margin_left, box.margin_right = style["margin_left"].value, style["margin_right"].value
        for child in box.children:
            if not isinstance(child, boxes.MarginBox):
                child.translate(shift, 0)

    def info(self) -> PartInfo:
        anchors: dict[str, list[float]] = {}
        bookmarks: list[list[Any]] = []
        for index, page in enumerate(self.document.pages):
            for name, (x, y, _w, _h) in page.anchors.items():
                anchors.setdefault(name, [index, x, y])
            for level, label, (x, y), state in page.bookmarks:
                bookmarks.append([index, level, label, x, y, state == "open"])
        return PartInfo(
            len(self.document.pages), anchors, bookmarks,
            [[page.width, page.height] for page in self.document.pages],
            [[r.levelno, r.getMessage()] for r in self.records],
            [list(item) for item in self.fetcher.refused],
            [index for index, page in enumerate(self.document.pages) if page._page_box.page_type.blank])

    def write(self, target: Path, tagged: bool = False) -> tuple[list[list[Any]], list[list[str]]]:
        """Write the part's PDF; the messages WeasyPrint logged meanwhile, and what the fetcher refused
        (an SVG's drawings are read only now: a refused ``<use>`` is left out without a message).

        A link into another part is written like any other: an annotation to a named
        destination, tagged as the link's own. WeasyPrint drops a link whose anchor it does
        not see, so those anchors are stood in for on the first page while it writes; the
        join then names every anchor of the book, where the link finds its true target."""
        pages = self.document.pages
        own = {name for page in pages for name in page.anchors}
        elsewhere = {target for page in pages for kind, target, _rect, _box in page.links
                     if kind == "internal" and target not in own}
        stand_ins = pages[0].anchors if pages else {}
        stand_ins.update(dict.fromkeys(elsewhere, (0, 0, 0, 0)))
        refused = len(self.fetcher.refused)
        try:
            with capture_logs() as records:
                # whole or not at all: a build stopped meanwhile (the preview cancels one for newer edits)
                # leaves no half part in the cache for the next build to join
                write_whole(target, self.document.write_pdf(finisher=pdf_scopes.scoped if tagged else None,
                                                            **pdf_options(tagged)))
        finally:
            for name in elsewhere:
                del stand_ins[name]
        said = [[r.levelno, r.getMessage()] for r in records]
        if self.turned_badly:
            said.append([logging.WARNING, TURNED_BADLY])
        return said, [list(item) for item in self.fetcher.refused[refused:]]


class Stylesheets:
    """The parsed stylesheet and its fonts, parsed once per worker and build: a book has tens
    or hundreds of parts and nearly all use the same CSS. What parsing logs or refuses is
    reported with the first part that parsed it (the book reports each message once)."""

    def __init__(self, root: Path):
        self.root = root
        self.parsed: dict[str, tuple[weasyprint.CSS, FontConfiguration]] = {}

    def get(self, css: str, fetcher: Fetcher) -> tuple[weasyprint.CSS, FontConfiguration]:
        if css not in self.parsed:
            if len(self.parsed) > 8:  # parts whose own page references need their start page: a few variants
                self.parsed.clear()
            fonts = FontConfiguration()  # without it, @font-face is ignored and system fonts are used
            self.parsed[css] = (weasyprint.CSS(string=css, base_url=css_base(self.root), url_fetcher=fetcher,
                                               font_config=fonts), fonts)
        return self.parsed[css]


def css_base(root: Path) -> str:
    """The URL the theme stylesheet's relative URLs (fonts) are read from."""
    return Theme.for_plan(root).find("print/book.css").resolve().as_uri()
