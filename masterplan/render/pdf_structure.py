"""One structure tree for the joined book, so that it stays a tagged PDF.

WeasyPrint tags each part (``pdf_tags``): headings, paragraphs, lists, tables with their
header cells, figures with their alternative text, links; what a screen reader reads
aloud, and what lets a PDF reader reflow the text or copy a table. Each part's tree
hangs from its own ``Document`` element and numbers its pages' and annotations' entries in
its own parent tree from 0. Joined, the book has one ``Document`` whose children are the
parts (structure type ``Part``, in book order), and one parent tree whose keys are the
parts' keys shifted past those of the parts before (the pages' ``/StructParents`` and the
annotations' ``/StructParent`` shifted with them). A part's links into other parts are
tagged like the rest (:meth:`masterplan.render.pdf_layout.LaidOut.write`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from masterplan.render import pdf_objects


def join(writer: PdfWriter, readers: list[PdfReader], firsts: list[int]) -> None:
    """Give ``writer`` (whose pages are the readers' pages, the n-th reader's from ``firsts[n]``
    on) one structure tree made of the readers' trees."""
    book = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")})
    book_reference = pdf_objects.add(writer, book)
    parts = ArrayObject()
    numbers = ArrayObject()
    shift = 0
    for reader, first in zip(readers, firsts, strict=True):
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            continue  # an untagged part (a draft's book has no tags at all)
        tree = tree.get_object()
        entries = sorted(_entries(tree["/ParentTree"].get_object()), key=lambda entry: entry[0])
        for element in _children(tree):
            element[NameObject("/P")] = book_reference  # its own Document's parent is dropped, not copied
            if element.get("/S") == "/Document":
                element[NameObject("/S")] = NameObject("/Part")
            parts.append(element.clone(writer).indirect_reference)
        for key, value in entries:
            numbers += [NumberObject(key + shift), value.clone(writer)]
        for source, page in zip(reader.pages, writer.pages[first:first + len(reader.pages)], strict=True):
            if "/StructParents" in source:  # pypdf leaves it out when it copies a page
                page[NameObject("/StructParents")] = NumberObject(int(source["/StructParents"]) + shift)
            for annotation in page.get("/Annots", ArrayObject()):
                _shift(annotation.get_object(), "/StructParent", shift)
        shift += entries[-1][0] + 1 if entries else 0
    if not parts:
        return
    book[NameObject("/K")] = parts
    root = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject([book_reference]),
        NameObject("/ParentTree"): pdf_objects.add(writer, DictionaryObject({NameObject("/Nums"): numbers})),
        NameObject("/ParentTreeNextKey"): NumberObject(shift)})
    root_reference = pdf_objects.add(writer, root)
    book[NameObject("/P")] = root_reference
    writer.root_object[NameObject("/StructTreeRoot")] = root_reference


def _children(tree: DictionaryObject) -> Iterator[DictionaryObject]:
    kids = tree.get("/K", ArrayObject())
    for kid in kids if isinstance(kids, list) else [kids]:
        yield kid.get_object()


def _entries(node: DictionaryObject) -> Iterator[tuple[int, Any]]:
    """The (key, value) pairs of a number tree, its kids' included."""
    nums = node.get("/Nums", ArrayObject())
    for index in range(0, len(nums), 2):
        yield int(nums[index]), nums[index + 1]
    for kid in node.get("/Kids", ArrayObject()):
        yield from _entries(kid.get_object())


def _shift(holder: DictionaryObject, key: str, shift: int) -> None:
    if key in holder:
        holder[NameObject(key)] = NumberObject(int(holder[key]) + shift)
