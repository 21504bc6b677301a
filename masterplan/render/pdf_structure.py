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

WeasyPrint names each table header cell by the address of its box in memory (its ``/ID``, which the
data cells' ``/Headers`` cite), another at every run: two builds of the same adopted plan were two files,
whose checksum an archive could not check by building it again. :func:`number_ids` names them in the
tree's order instead, each table's within it (two parts' runs may give two tables' headers one address), and
lists them in the ``/IDTree`` a reader resolves ``/Headers`` through.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

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
        tree = cast(DictionaryObject, reader.trailer["/Root"]).get("/StructTreeRoot")
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
                parents = cast(NumberObject, source["/StructParents"])
                page[NameObject("/StructParents")] = NumberObject(int(parents) + shift)
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


def number_ids(writer: PdfWriter) -> None:
    """Name the structure elements of ``writer``'s tree that have an ``/ID`` (the table header cells) ``th1``,
    ``th2``… in the tree's order, the cells' ``/Headers`` with them, and list them in the tree's ``/IDTree``.

    A cell's ``/Headers`` are read within its own table: WeasyPrint's names are addresses in the memory of the run
    that laid out a part, which another part's run may have used again for another table's header."""
    root = writer.root_object.get("/StructTreeRoot")
    if root is None:
        return  # a draft's book has no tags
    root = root.get_object()
    named: dict[tuple[int, str], TextStringObject] = {}
    holders: list[tuple[TextStringObject, Any]] = []
    citing: list[tuple[int, ArrayObject]] = []
    for element, reference, table in _elements(root):
        if "/ID" in element:
            name = TextStringObject(f"th{len(holders) + 1}")
            named[table, str(element["/ID"])] = name
            element[NameObject("/ID")] = name
            holders.append((name, reference))
        citing += [(table, headers) for headers in _headers(element.get("/A"))]
    for table, headers in citing:
        headers[:] = [named.get((table, str(cited)), cited) for cited in headers]
    listed = [(name, reference) for name, reference in holders if reference is not None]
    if listed:
        entries = ArrayObject()
        for name, reference in sorted(listed, key=lambda holder: str(holder[0])):  # a name tree is sorted
            entries += [name, reference]
        root[NameObject("/IDTree")] = pdf_objects.add(writer, DictionaryObject({NameObject("/Names"): entries}))


def _elements(root: DictionaryObject) -> Iterator[tuple[DictionaryObject, Any, int]]:
    """Each structure element under ``root`` (depth first, in reading order) with its reference (None: a direct
    object) and the number of the table it is in (-1: none); marked content and object references, which are no
    elements, left out."""
    stack: list[tuple[Any, int]] = [(kid, -1) for kid in reversed(_kids(root))]
    seen: set[int] = set()
    tables = 0
    while stack:
        kid, table = stack.pop()
        reference = kid if isinstance(kid, IndirectObject) else None
        element = kid.get_object()
        if not isinstance(element, DictionaryObject) or element.get("/Type") in ("/MCR", "/OBJR") \
                or id(element) in seen:
            continue
        seen.add(id(element))
        if element.get("/S") == "/Table":
            table, tables = tables, tables + 1
        yield element, reference, table
        stack += [(child, table) for child in reversed(_kids(element))]


def _kids(element: DictionaryObject) -> list[Any]:
    kids = element.get("/K", ArrayObject())
    return list(kids) if isinstance(kids, list) else [kids]


def _headers(attributes: Any) -> list[ArrayObject]:
    """The ``/Headers`` arrays of an element's attributes (one dictionary, or a list of them)."""
    attributes = attributes.get_object() if attributes is not None else None
    found = attributes if isinstance(attributes, list) else [attributes]
    return [cast(ArrayObject, item["/Headers"]) for item in found
            if isinstance(item, DictionaryObject) and isinstance(item.get("/Headers"), ArrayObject)]


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
        holder[NameObject(key)] = NumberObject(int(cast(NumberObject, holder[key])) + shift)
