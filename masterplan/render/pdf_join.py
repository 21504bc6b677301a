"""Separately written parts joined into one PDF that reads as a single-pass render.

The pages are copied in book order (with a blank page where a part starts after a gap, for
two-sided printing), and the font subsets the parts embedded apart are
merged into one per face (:mod:`pdf_fonts`). On top of that the join writes what only
the whole book can know (and writes it as compactly as a single pass, :mod:`pdf_pack`):

- one named destination per anchor of the book: WeasyPrint's links are ``/Dest (name)``
  strings, so the links inside a part, and those a part wrote into other parts
  (:meth:`pdf_layout.LaidOut.write`), lead to their anchors once the names are book-wide;
- one outline, rebuilt from every part's bookmarks the way WeasyPrint nests them;
- page labels, so that a PDF reader's page numbers are the printed ones (iii, 14);
- one structure tree of the parts' tags (:mod:`pdf_structure`);
- the document information and catalog entries (title, author, keywords, language) of
  the front part, which carries the same ``<head>`` as every other part, and a final plan's
  PDF/A identification and output intent (:mod:`pdf_archive`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    Fit,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from masterplan.render import (
    pdf_archive,
    pdf_fonts,
    pdf_objects,
    pdf_pack,
    pdf_structure,
)

SCALE = 0.75  #: CSS px → PDF points


@dataclass
class Placed:
    """A written part and where its pages go in the book."""

    path: Path
    first: int  #: index of its first page in the book; pages left between parts are blank
    info: dict[str, Any]  #: :class:`masterplan.render.pdf_layout.PartInfo` as JSON
    front: bool = False  #: front matter, numbered in roman


def join(parts: list[Placed], target: Path, even: bool = False) -> None:
    """Join ``parts`` into ``target``; ``even``: a book printed on both sides ends with a whole leaf, the back
    of its last page blank if need be (a print shop adds one to a book of an odd number of pages)."""
    writer = PdfWriter()
    readers = [PdfReader(part.path) for part in parts]
    blank = _blank_page(parts, readers)

    def add_blank(like: Any) -> None:
        if blank is None:
            writer.add_blank_page(like.mediabox.width, like.mediabox.height)
        else:
            writer.add_page(blank)  # pypdf leaves its /StructParents out: nothing on it is tagged

    for part, reader in zip(parts, readers, strict=True):
        while len(writer.pages) < part.first:  # a blank left-hand page before a chapter (two-sided printing)
            add_blank(reader.pages[0])
        for page in reader.pages:
            writer.add_page(page)
    if even and len(writer.pages) % 2:
        add_blank(readers[0].pages[0])
    pdf_fonts.share(writer)
    heights = [float(p.mediabox.height) for p in writer.pages]

    def dest(page: int, x: float, y: float) -> ArrayObject:
        return ArrayObject([writer.pages[page].indirect_reference, NameObject("/XYZ"),
                            FloatObject(round(x * SCALE, 3)), FloatObject(round(heights[page] - y * SCALE, 3)),
                            NumberObject(0)])

    anchors: dict[str, tuple[int, float, float]] = {}
    for part in parts:
        for name, (index, x, y) in part.info["anchors"].items():
            anchors.setdefault(name, (part.first + int(index), x, y))
    names = ArrayObject()
    for name in sorted(anchors):
        names += [TextStringObject(name), dest(*anchors[name])]
    writer.root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/Dests"): pdf_objects.add(writer, DictionaryObject({NameObject("/Names"): names}))})
    _leading_nowhere(writer, anchors)
    _outline(writer, parts)
    _page_labels(writer, parts)
    pdf_structure.join(writer, readers, [part.first for part in parts])
    _metadata(writer, readers[0])
    pdf_pack.write(writer, target, pdf_archive.carry(writer, readers))


def _blank_page(parts: list[Placed], readers: list[PdfReader]) -> Any:
    """A page WeasyPrint left blank in a part (after the cover, printed on both sides), to fill the
    gaps between parts with: it shows what a single pass shows on a blank page (a draft's mark)."""
    for part, reader in zip(parts, readers, strict=True):
        for index in part.info.get("blank", []):
            return reader.pages[index]
    return None


def _leading_nowhere(writer: PdfWriter, anchors: dict[str, tuple[int, float, float]]) -> None:
    """A part's link to an anchor no part has keeps its text and loses its destination."""
    for page in writer.pages:
        for annotation in page.get("/Annots", ArrayObject()):
            annotation = annotation.get_object()
            if isinstance(annotation.get("/Dest"), str) and annotation["/Dest"] not in anchors:
                del annotation["/Dest"]


def _page_labels(writer: PdfWriter, parts: list[Placed]) -> None:
    """The page numbers a PDF reader shows and goes to are the printed ones: roman from the
    cover to the end of the front matter, arabic from 1 on the first body page."""
    body = next((part.first for part in parts if not part.front), len(writer.pages))
    if body:
        writer.set_page_label(0, body - 1, PageLabelStyle.LOWERCASE_ROMAN)
    if body < len(writer.pages):
        writer.set_page_label(body, len(writer.pages) - 1, PageLabelStyle.DECIMAL)


def _outline(writer: PdfWriter, parts: list[Placed]) -> None:
    """One outline: a bookmark is the child of the last one before it with a lower level."""
    stack: list[tuple[int, Any]] = []
    for part in parts:
        for index, level, label, x, y, is_open in part.info["bookmarks"]:
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else None
            page = part.first + int(index)
            top = float(writer.pages[page].mediabox.height) - y * SCALE
            item = writer.add_outline_item(title=label, page_number=page, parent=parent, is_open=bool(is_open),
                                           fit=Fit.xyz(round(x * SCALE, 3), round(top, 3), 0))
            stack.append((level, item))


def _metadata(writer: PdfWriter, front: PdfReader) -> None:
    info: dict[Any, Any] = front.metadata or {}
    writer.add_metadata({key: value for key, value in info.items()})
    catalog = cast(DictionaryObject, front.trailer["/Root"])
    for key in ("/Lang", "/PageMode", "/ViewerPreferences", "/MarkInfo"):
        if key in catalog:
            writer.root_object[NameObject(key)] = catalog[key] if key == "/Lang" else catalog[key].clone(writer)
    opened(writer)


def opened(writer: PdfWriter) -> None:
    """How a viewer opens the book: its bookmarks panel shown (a book of 70 and more pages is found
    in by them), and its title in the window's bar rather than the file's name."""
    writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
