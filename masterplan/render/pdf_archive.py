"""A final plan's book as an archival PDF (PDF/A-2a), also when it is laid out in parts and joined.

A final plan is the document a city adopts, publishes on its legal documentation network (JDIH) and keeps in
its digital archive: its book is written as PDF/A-2, level A ("accessible": tagged, every character mapped to
Unicode), the ISO 19005 profile an archive takes in without converting it. WeasyPrint writes each part so
(``pdf_variant``): the identification in the XMP metadata (``pdfaid:part`` 2, ``pdfaid:conformance`` A), an
sRGB output intent, every font embedded, a file identifier. The join (:mod:`pdf_join`) builds a new
catalog and trailer, so it carries them over (:func:`carry`), and writes two things WeasyPrint leaves to
chance: the metadata stream uncompressed (PDF/A forbids a filter on it) and no stream whose data ends with
a carriage return (:data:`masterplan.render.pdf_pack.ENDSTREAM_AFTER_CR`), which a validator takes for part of the
line end before ``endstream`` and so for a wrong ``/Length``. A book laid out in one pass (the executive
summary, the strategic analysis) is written again so (:func:`mend`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from masterplan.render import pdf_pack, pdf_structure

#: WeasyPrint's variant a final plan's book is written in; None: a draft's, a plain PDF
VARIANT = "pdf/a-2a"


def variant(tagged: bool) -> str | None:
    """The PDF/A variant of a book written tagged (a final plan's), else None."""
    return VARIANT if tagged else None


def carry(writer: PdfWriter, readers: list[PdfReader]) -> ByteStringObject | None:
    """Give the joined book the front part's PDF/A identification and output intent, its table header cells names
    of their own (:func:`pdf_structure.number_ids`); its file identifier, made of its metadata and its pages' content
    (the same book, the same identifier: a rebuild is byte for byte the same), None: a plain PDF."""
    front = readers[0]
    catalog = cast(DictionaryObject, front.trailer["/Root"])
    if "/Metadata" not in catalog:
        return None  # a plain PDF (a draft's)
    writer.xmp_metadata = None  # a new stream, never a compressed one a clone of the part brings
    writer.xmp_metadata = front.xmp_metadata
    xmp = cast(StreamObject, writer.root_object["/Metadata"].get_object())
    xmp[NameObject("/Type")], xmp[NameObject("/Subtype")] = NameObject("/Metadata"), NameObject("/XML")
    if "/OutputIntents" in catalog:
        writer.root_object[NameObject("/OutputIntents")] = catalog["/OutputIntents"].clone(writer)
    pdf_structure.number_ids(writer)
    digest = hashlib.md5(usedforsecurity=False)
    digest.update(xmp.get_data())
    for page in writer.pages:
        _not_interpolated(page.get("/Resources"), set())
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
    return ByteStringObject(digest.digest())


def _not_interpolated(resources: PdfObject | None, seen: set[int]) -> None:
    """Every image of ``resources`` (and of the forms in them) drawn without smoothing: WeasyPrint asks for it
    (``/Interpolate true``), which PDF/A forbids; a photo or a map in a chapter would otherwise break conformance."""
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    objects = resources.get("/XObject")
    for item in (objects.get_object().values() if objects is not None else ()):
        drawn = item.get_object()
        if drawn.get("/Subtype") == "/Image" and "/Interpolate" in drawn:
            drawn[NameObject("/Interpolate")] = BooleanObject(False)
        elif drawn.get("/Subtype") == "/Form":
            _not_interpolated(drawn.get("/Resources"), seen)


def mend(target: Path) -> None:
    """Write the PDF/A file ``target``, as WeasyPrint wrote it in one pass, again as the join writes a book."""
    reader = PdfReader(target)
    if "/Metadata" not in cast(DictionaryObject, reader.trailer["/Root"]):
        return
    writer = PdfWriter(clone_from=reader)
    pdf_pack.write(writer, target, carry(writer, [reader]))
