"""The numbered objects of a PDF being written: what the join needs of pypdf's ``PdfWriter`` and pypdf keeps private.

Everything else the join does with pypdf goes through its public API (``root_object``, ``xmp_metadata``,
``add_metadata``, ``clone``). These five do not: pypdf (5.9 to 7, the range ``setup.cfg`` pins) has no
public way to add a new indirect object, list the objects it will write, drop one nothing refers to any
more, mend the links into merged pages before writing, or say which object is the document information.
Its own ``write`` does all five inside; the join writes the file itself (:mod:`pdf_pack`, object streams
pypdf does not write), so it reaches in here, and only here: a pypdf release that renames one of them
breaks this module alone (the join and archive tests show it at once).
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import IndirectObject, PdfObject


def add(writer: PdfWriter, item: PdfObject) -> IndirectObject:
    """Number ``item`` as an object of ``writer``'s document; the reference to put where it is used."""
    return writer._add_object(item)


def numbered(writer: PdfWriter) -> list[PdfObject | None]:
    """Every object of ``writer``'s document, object 1 first; None where one was dropped."""
    return list(writer._objects)


def drop(writer: PdfWriter, reference: IndirectObject) -> None:
    """Leave out of the file the object ``reference`` names: nothing refers to it any more."""
    writer._objects[reference.idnum - 1] = None  # type: ignore[call-overload]


def resolve_links(writer: PdfWriter) -> None:
    """Point the links copied with merged pages at their pages in ``writer`` (what pypdf's ``write`` does first)."""
    writer._resolve_links()


def information(writer: PdfWriter) -> IndirectObject | None:
    """The reference to the document information (title, author) the trailer's ``/Info`` names, if any."""
    info = writer._info
    return None if info is None else info.indirect_reference
