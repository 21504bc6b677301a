"""Reading a tagged PDF back as a screen reader does: the structure tree, in order, with the
text each element marks on its page (the content streams' marked-content sequences).

A reader's pages are read once however many checks ask (pypdf parses a page's content again for each): the
marked text and the read-aloud text are kept while the reader lives (pdf_reading keeps one per built file).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject

#: structure types that only group or carry inline text: a text belongs to the block around them
WRAPPERS = {"Span", "Link", "NonStruct", "Div", "Sect", "Part", "Document"}


#: each reader's marked text and read-aloud text, as read the first time a check asked
_MARKED: weakref.WeakKeyDictionary[pypdf.PdfReader, dict[tuple[int, int], str]] = weakref.WeakKeyDictionary()
_READ_ALOUD: weakref.WeakKeyDictionary[pypdf.PdfReader, list[tuple[str, str]]] = weakref.WeakKeyDictionary()


def marked_text(reader: pypdf.PdfReader) -> dict[tuple[int, int], str]:
    """(page object number, marked-content id) → the text drawn inside that sequence."""
    if reader not in _MARKED:
        found: dict[tuple[int, int], str] = {}
        for page in reader.pages:
            found.update(_page_marked_text(page))
        _MARKED[reader] = found
    return dict(_MARKED[reader])


def _page_marked_text(page: pypdf.PageObject) -> dict[tuple[int, int], str]:
    number = page.indirect_reference.idnum
    found: dict[tuple[int, int], str] = {}
    open_ids: list[int | None] = []

    def operator(op: bytes, args: Any, *_: Any) -> None:
        if op in (b"BDC", b"BMC"):
            properties = args[1] if op == b"BDC" and len(args) > 1 else None
            mcid = properties.get("/MCID") if isinstance(properties, dict) else None
            open_ids.append(int(mcid) if mcid is not None else None)
        elif op == b"EMC" and open_ids:
            open_ids.pop()

    def text(value: str, *_: Any) -> None:
        mcid = next((m for m in reversed(open_ids) if m is not None), None)
        if mcid is not None and value:
            found[number, mcid] = found.get((number, mcid), "") + value

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return found


def elements(reader: pypdf.PdfReader) -> Iterator[tuple[list[str], DictionaryObject]]:
    """Every structure element in reading order, with the structure types above it (none in an
    untagged PDF)."""
    if "/StructTreeRoot" not in reader.trailer["/Root"]:
        return
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()

    def walk(node: Any, path: list[str]) -> Iterator[tuple[list[str], DictionaryObject]]:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, DictionaryObject) and "/S" in node:
            role = str(node["/S"])[1:]
            yield path, node
            for kid in _kids(node):
                yield from walk(kid, [*path, role])
        elif isinstance(node, ArrayObject):
            for kid in node:
                yield from walk(kid, path)

    yield from walk(root["/K"], [])


def tagged_text(reader: pypdf.PdfReader) -> list[tuple[str, str]]:
    """(the block's structure type, the text) for every marked text, in reading order."""
    if reader not in _READ_ALOUD:
        texts = marked_text(reader)
        found = []
        for path, element in elements(reader):
            role = str(element["/S"])[1:]
            block = next((r for r in reversed([*path, role]) if r not in WRAPPERS), "")
            found += [(block, text) for mark in _own_marks(element) if (text := texts.get(mark, "").strip())]
        _READ_ALOUD[reader] = found
    return list(_READ_ALOUD[reader])


def element_text(element: DictionaryObject, texts: dict[tuple[int, int], str]) -> str:
    """All the text an element marks, its descendants' included, joined by spaces."""
    found = [texts.get(mark, "").strip() for mark in _own_marks(element)]
    found += [element_text(kid, texts) for kid in _kids(element) if isinstance(kid, DictionaryObject) and "/S" in kid]
    return " ".join(part for part in found if part)


def _kids(element: DictionaryObject) -> list[Any]:
    """An element's children (elements, marked-content ids, references), resolved."""
    kids = element.get("/K", ArrayObject())
    return [kid.get_object() if hasattr(kid, "get_object") else kid
            for kid in (kids if isinstance(kids, ArrayObject) else [kids])]


def _own_marks(element: DictionaryObject) -> Iterator[tuple[int, int]]:
    """(page object number, marked-content id) of the marked contents an element holds itself."""
    for kid in _kids(element):
        page, mcid = element.get("/Pg"), kid
        if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
            page, mcid = kid.get("/Pg", page), kid["/MCID"]
        if isinstance(mcid, int) and page is not None:
            yield page.idnum, int(mcid)


def _parent_tree(reader: pypdf.PdfReader) -> dict[int, Any]:
    """The parent tree's entries by key (WeasyPrint and the join write it flat, as ``/Nums``)."""
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    nums = tree["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}


def untagged_links(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    """(page index, target) of every link annotation that no element of the tree claims as a
    link's (a Link, or a Span inside one: WeasyPrint gives a link's inner boxes its annotation)."""
    parents = _parent_tree(reader)
    found = []
    for index, page in enumerate(reader.pages):
        for reference in page.get("/Annots", ArrayObject()):
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            parent = parents.get(int(annotation.get("/StructParent", -1)))
            claimed = parent is not None and _within_link(parent) and any(
                isinstance(kid.get_object(), DictionaryObject) and kid.get_object().get("/Obj") == reference
                for kid in parent["/K"])
            if not claimed:
                target = annotation.get("/Dest") or annotation.get("/A", {}).get("/URI", "")
                found.append((index, str(target)))
    return found


def _within_link(element: DictionaryObject) -> bool:
    while isinstance(element, DictionaryObject) and element.get("/Type") != "/StructTreeRoot":
        if element.get("/S") == "/Link":
            return True
        element = element["/P"].get_object() if "/P" in element else None
    return False


def unmapped_marks(reader: pypdf.PdfReader) -> list[tuple[int, int | None]]:
    """(page index, marked-content id) of every marked text a reader cannot map back to its
    element: the page's ``/StructParents`` leads to the parent tree's array for the page, whose
    entry at each id must be an element of that page. None as the id: the page has no key."""
    parents = _parent_tree(reader)
    by_page: dict[int, list[int]] = {}
    for number, mcid in marked_text(reader):
        by_page.setdefault(number, []).append(mcid)
    found: list[tuple[int, int | None]] = []
    for index, page in enumerate(reader.pages):
        marks = sorted(by_page.get(page.indirect_reference.idnum, []))
        if "/StructParents" not in page:
            found += [(index, None)] if marks else []
            continue
        elements = parents.get(int(page["/StructParents"]), ArrayObject())
        for mcid in marks:
            element = elements[mcid].get_object() if mcid < len(elements) else None
            if not isinstance(element, DictionaryObject) or element.get("/Pg") != page.indirect_reference:
                found.append((index, mcid))
    return found
