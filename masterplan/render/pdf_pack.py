"""Writing the joined book as compactly as WeasyPrint writes a single pass.

pypdf writes every object on its own, uncompressed, with a plain cross-reference table.
A book has thousands of small objects (a link annotation for every entry of the table of
contents and the index, a named destination for every anchor): written that way the
joined book weighs half as much again as a single pass. WeasyPrint packs such objects
into compressed object streams, indexed by a cross-reference stream (PDF 1.5); this
module writes the joined book the same way. Streams (page contents, fonts, images) are
written as they are.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, PdfObject, StreamObject

from masterplan.render import pdf_objects

PER_STREAM = 200  #: objects in one object stream (WeasyPrint's pydyf packs them likewise)
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
#: after stream data ending with a carriage return (one compressed stream in 256 does: its checksum's last
#: byte), the line end before ``endstream`` is CR LF, or a reader takes that carriage return for part of the
#: line end and the stream's ``/Length`` for one byte too many (PDF/A's STREAM-LENGTH rule)
ENDSTREAM_AFTER_CR = b"\r\nendstream"


def write(writer: PdfWriter, target: Path, identifier: ByteStringObject | None = None) -> None:
    """Write ``writer``'s document to ``target`` with object and cross-reference streams; ``identifier``: the
    file identifier its trailer gives (a PDF/A file needs one), None: none."""
    pdf_objects.resolve_links(writer)
    objects = pdf_objects.numbered(writer)
    out = io.BytesIO()
    out.write(HEADER)
    #: object number → (1, offset) written on its own, or (2, object stream number, index in it)
    where: dict[int, tuple[int, int, int]] = {}
    packed: list[tuple[int, PdfObject]] = []
    for number, item in enumerate(objects, start=1):
        if item is None:
            continue
        if isinstance(item, StreamObject):
            where[number] = (1, out.tell(), 0)
            _write_stream(out, number, item)
        else:
            packed.append((number, item))
    next_number = len(objects) + 1
    for start in range(0, len(packed), PER_STREAM):
        members = packed[start:start + PER_STREAM]
        stream_number, next_number = next_number, next_number + 1
        where[stream_number] = (1, out.tell(), 0)
        _write_object_stream(out, stream_number, members)
        for index, (number, _) in enumerate(members):
            where[number] = (2, stream_number, index)
    _write_cross_references(out, writer, where, next_number, identifier)
    target.write_bytes(out.getvalue())


def _write_stream(out: io.BytesIO, number: int, item: StreamObject) -> None:
    out.write(b"%d 0 obj\n" % number)
    item.write_to_stream(out)  # pypdf ends the data with "\nendstream"
    out.seek(-len(ENDSTREAM_AFTER_CR), io.SEEK_END)
    if out.read() == ENDSTREAM_AFTER_CR:  # the data ends with a carriage return
        out.seek(-len(b"\nendstream"), io.SEEK_END)
        out.write(ENDSTREAM_AFTER_CR)
    out.write(b"\nendobj\n")


def _endstream(data: bytes) -> bytes:
    """What follows a stream's data: the line end and ``endstream``."""
    return ENDSTREAM_AFTER_CR if data.endswith(b"\r") else b"\nendstream"


def _write_object_stream(out: io.BytesIO, number: int, members: list[tuple[int, PdfObject]]) -> None:
    bodies = io.BytesIO()
    index = []
    for member, item in members:
        index.append(b"%d %d" % (member, bodies.tell()))
        item.write_to_stream(bodies)
        bodies.write(b"\n")
    head = b" ".join(index) + b"\n"
    data = zlib.compress(head + bodies.getvalue())
    out.write(b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
              % (number, len(members), len(head), len(data)))
    out.write(data)
    out.write(_endstream(data) + b"\nendobj\n")


def _write_cross_references(out: io.BytesIO, writer: PdfWriter, where: dict[int, tuple[int, int, int]],
                            number: int, identifier: ByteStringObject | None) -> None:
    """The cross-reference stream (object ``number``) and the end of the file."""
    where[number] = (1, out.tell(), 0)
    free = [entry for entry in range(1, number) if entry not in where]  # objects the join dropped
    for entry, following in zip(free, [*free[1:], 0][:len(free)], strict=True):
        where[entry] = (0, following, 1)  # free, linked to the next free one; number reusable as generation 1
    rows = [struct.pack(">BLH", 0, free[0] if free else 0, 0xFFFF)]  # object 0: the head of the free list
    rows += [struct.pack(">BLH", *where[entry]) for entry in range(1, number + 1)]
    data = zlib.compress(b"".join(rows))
    root = writer.root_object.indirect_reference
    assert root is not None  # the writer numbers the catalog as it makes it
    trailer = b"/Root %d 0 R" % root.idnum
    information = pdf_objects.information(writer)
    if information is not None:
        trailer += b" /Info %d 0 R" % information.idnum
    if identifier is not None:
        identifiers = io.BytesIO()
        ArrayObject([identifier, identifier]).write_to_stream(identifiers)  # both the same: a file first written
        trailer += b" /ID " + identifiers.getvalue()
    out.write(b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] %s /Filter /FlateDecode /Length %d >>\nstream\n"
              % (number, number + 1, trailer, len(data)))
    out.write(data)
    out.write(_endstream(data) + b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % where[number][1])
