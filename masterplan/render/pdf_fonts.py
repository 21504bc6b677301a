"""One embedded font per face in a book joined from parts.

Every part laid out apart embeds its own subset of each font it uses: the same face
comes several times over, and the joined book weighs twice a single pass. WeasyPrint
subsets with the glyph ids of the original font kept (``retain_gids``) and writes text
with those ids (``/Identity-H``, ``/CIDToGIDMap /Identity``), so the subsets of one
face fit together: this module merges them into one font file holding every glyph any
part uses, one width array and one Unicode map, and points every page at it.

A face whose parts do not fit together (another producer, a custom encoding, subsets of
two different fonts under one name, tables this module does not read) is left as it
is: the book stays right, only larger.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from fontTools.ttLib import TTLibError
from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from masterplan.render import pdf_objects

FIXED_PITCH = 1  #: the font descriptor flag WeasyPrint sets when every width of a subset is the same
_UNICODE_ENTRY = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")


@dataclass
class Face:
    """One part's embedding of a face: the font dictionary and what hangs from it."""

    reference: IndirectObject  #: the Type0 font dictionary
    font: DictionaryObject
    descendant: DictionaryObject
    descriptor: DictionaryObject

    @property
    def file(self) -> StreamObject:
        return self.descriptor["/FontFile2"].get_object()

    def objects(self) -> list[IndirectObject]:
        """The indirect objects only this embedding uses (dropped once another one serves its pages)."""
        found = [self.reference, self.font.raw_get("/ToUnicode"), self.font.raw_get("/DescendantFonts"),
                 self.font["/DescendantFonts"][0], self.descendant.raw_get("/FontDescriptor"),
                 self.descriptor.raw_get("/FontFile2")]
        return [item for item in found if isinstance(item, IndirectObject)]


def share(writer: PdfWriter) -> int:
    """Merge each face's embeddings into one, in place; returns how many embeddings were dropped."""
    faces: dict[str, list[Face]] = {}
    seen: set[int] = set()
    for holder, name, reference in _font_entries(writer):
        if reference.idnum in seen:
            continue
        seen.add(reference.idnum)
        face = _face(reference)
        if face is not None:
            faces.setdefault(str(face.font["/BaseFont"]), []).append(face)
    replaced: dict[int, IndirectObject] = {}
    for group in faces.values():
        if len(group) > 1 and _merge(group):
            for face in group[1:]:
                replaced[face.reference.idnum] = group[0].reference
    if not replaced:
        return 0
    for holder, name, reference in _font_entries(writer):
        if reference.idnum in replaced:
            holder[name] = replaced[reference.idnum]
    everyone = [face for group in faces.values() for face in group]
    kept = {item.idnum for face in everyone if face.reference.idnum not in replaced for item in face.objects()}
    for face in everyone:
        if face.reference.idnum in replaced:
            for item in face.objects():
                if item.idnum not in kept:  # a font file two dictionaries of one part share stays
                    pdf_objects.drop(writer, item)  # nothing refers to it
    return len(replaced)


def _font_entries(writer: PdfWriter) -> Iterator[tuple[DictionaryObject, NameObject, IndirectObject]]:
    """Every ``/Font`` resource entry of every page and of the forms (drawings) they paint."""
    visited: set[int] = set()

    def resources(holder: DictionaryObject) -> Iterator[tuple[DictionaryObject, NameObject, IndirectObject]]:
        found = holder.get("/Resources")
        if found is None:
            return
        if isinstance(found, IndirectObject):
            if found.idnum in visited:
                return
            visited.add(found.idnum)
        found = found.get_object()
        fonts = found.get("/Font")
        if fonts is not None:
            fonts = fonts.get_object()
            for name, reference in list(fonts.items()):
                if isinstance(reference, IndirectObject):
                    yield fonts, NameObject(name), reference
        for form in (found.get("/XObject") or DictionaryObject()).get_object().values():
            if isinstance(form, IndirectObject) and form.idnum not in visited:
                visited.add(form.idnum)
                yield from resources(form.get_object())

    for page in writer.pages:
        yield from resources(page)


def _face(reference: IndirectObject) -> Face | None:
    """The embedding behind a font resource, when it is one this module can merge."""
    font = reference.get_object()
    if (font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H"
            or not isinstance(font.raw_get("/ToUnicode"), IndirectObject)):
        return None
    descendant = font["/DescendantFonts"][0].get_object()
    if descendant.get("/Subtype") != "/CIDFontType2" or descendant.get("/CIDToGIDMap") != "/Identity":
        return None
    descriptor = descendant["/FontDescriptor"].get_object()
    if "/FontFile2" not in descriptor or "/CIDSet" in descriptor:
        return None
    return Face(reference, font, descendant, descriptor)


def _merge(group: list[Face]) -> bool:
    """Make ``group[0]`` hold every glyph, width and Unicode mapping of the group; False when they do not fit."""
    merged = _merged_file([face.file.get_data() for face in group])
    if merged is None:
        return False
    widths: dict[int, float] = {}
    unicode: dict[int, bytes] = {}
    try:
        for face in group:
            widths.update(_widths((face.descendant.get("/W") or ArrayObject()).get_object()))
            unicode.update(_unicode_map(face.font["/ToUnicode"].get_object().get_data()))
    except ValueError:  # a map with ranges: not WeasyPrint's
        return False
    first = group[0]
    file = first.file
    file.set_data(merged)
    file[NameObject("/Length1")] = NumberObject(len(merged))
    first.descendant[NameObject("/W")] = _width_array(widths)
    first.font["/ToUnicode"].get_object().set_data(_unicode_cmap(unicode))
    first.descriptor["/FontBBox"][2] = _number(max(float(face.descriptor["/FontBBox"][2]) for face in group))
    if len(set(widths.values())) > 1:
        flags = int(first.descriptor["/Flags"])
        first.descriptor[NameObject("/Flags")] = NumberObject(flags & ~FIXED_PITCH)
    return True


def _merged_file(files: list[bytes]) -> bytes | None:
    """One TrueType file with every outline the subsets hold, glyph ids unchanged; None when they differ in kind.

    Works on the tables' bytes: with ids kept, glyph ``n`` is the same bytes in every
    subset that has it (a composite glyph names its parts by id), so merging is picking,
    for each id, the subset that has an outline, with its advance and side bearing.
    """
    try:
        subsets = [Subset.read(data) for data in files]
    except (TTLibError, struct.error, KeyError, ValueError):
        return None
    base = max(subsets, key=lambda subset: subset.count)
    if any(subset.identity != base.identity for subset in subsets):
        return None
    outlines: list[bytes] = []
    metrics: list[tuple[int, int]] = []
    for glyph in range(base.count):
        having = [subset for subset in subsets if glyph < subset.count]
        drawn = next((subset for subset in having if subset.outline(glyph)), None)
        source = drawn or max(having, key=lambda subset: subset.metric(glyph)[0])  # a space: the advance
        outlines.append(source.outline(glyph))
        metrics.append(source.metric(glyph))
    return base.write(outlines, metrics, [max(column) for column in zip(*(s.maxima for s in subsets))])


@dataclass
class Subset:
    """The tables of one embedded TrueType subset that merging reads, as bytes."""

    tables: dict[str, bytes]
    count: int  #: glyphs, the last kept id + 1
    offsets: list[int]  #: where each glyph starts in ``glyf`` (``loca``), plus where the last one ends
    advances: list[tuple[int, int]]  #: (advance, left side bearing) of every glyph
    identity: tuple[bytes, bytes]  #: revision, units per em, creation date and names: tells fonts of one name apart
    maxima: tuple[int, ...]  #: ``maxp``'s largest points, contours, components…: the union's are the largest of any

    @classmethod
    def read(cls, data: bytes) -> Subset:
        reader = SFNTReader(io.BytesIO(data))
        tables = {tag: reader[tag] for tag in reader.tables}
        count = struct.unpack_from(">H", tables["maxp"], 4)[0]
        long_offsets = struct.unpack_from(">h", tables["head"], 50)[0] == 1
        loca = tables["loca"]
        if long_offsets:
            offsets = list(struct.unpack(f">{count + 1}L", loca[:4 * (count + 1)]))
        else:
            offsets = [2 * value for value in struct.unpack(f">{count + 1}H", loca[:2 * (count + 1)])]
        full = struct.unpack_from(">H", tables["hhea"], 34)[0]
        hmtx = tables["hmtx"]
        pairs = list(struct.iter_unpack(">Hh", hmtx[:4 * full]))
        bearings = struct.unpack_from(f">{count - full}h", hmtx, 4 * full)
        advances = pairs + [(pairs[-1][0], bearing) for bearing in bearings]
        head = tables["head"]
        identity = (head[4:8] + head[18:28], tables["name"])
        maxima = struct.unpack_from(">13H", tables["maxp"], 6)  # a TrueType maxp (version 1.0)
        return cls(tables, count, offsets, advances, identity, maxima)

    def outline(self, glyph: int) -> bytes:
        return self.tables["glyf"][self.offsets[glyph]:self.offsets[glyph + 1]]

    def metric(self, glyph: int) -> tuple[int, int]:
        return self.advances[glyph]

    def write(self, outlines: list[bytes], metrics: list[tuple[int, int]], maxima: list[int]) -> bytes:
        """This subset's other tables with the merged glyphs, metrics and maxima."""
        glyf = bytearray()
        offsets = []
        for outline in outlines:
            offsets.append(len(glyf))
            glyf += outline + b"\0" * (len(outline) % 2)  # loca counts in words: even offsets
        offsets.append(len(glyf))
        long_offsets = len(glyf) > 2 * 0xFFFF
        tables = dict(self.tables)
        tables["glyf"] = bytes(glyf)
        tables["loca"] = (struct.pack(f">{len(offsets)}L", *offsets) if long_offsets
                          else struct.pack(f">{len(offsets)}H", *(offset // 2 for offset in offsets)))
        tables["hmtx"] = b"".join(struct.pack(">Hh", *pair) for pair in metrics)
        head = bytearray(tables["head"])
        struct.pack_into(">h", head, 50, int(long_offsets))
        tables["head"] = bytes(head)
        hhea = bytearray(tables["hhea"])
        struct.pack_into(">H", hhea, 34, len(metrics))
        tables["hhea"] = bytes(hhea)
        maxp = bytearray(tables["maxp"])
        struct.pack_into(">H13H", maxp, 4, len(outlines), *maxima)
        tables["maxp"] = bytes(maxp)
        out = io.BytesIO()
        writer = SFNTWriter(out, len(tables))
        for tag in sorted(tables):
            writer[tag] = tables[tag]
        writer.close()
        return out.getvalue()


def _widths(array: ArrayObject) -> Iterator[tuple[int, float]]:
    """The ``/W`` array's ``c [w1 w2 …]`` and ``c_first c_last w`` entries, glyph by glyph."""
    items = list(array)
    index = 0
    while index < len(items):
        start = int(items[index])
        following = items[index + 1]
        if isinstance(following, ArrayObject):
            for offset, width in enumerate(following):
                yield start + offset, float(width)
            index += 2
        else:
            for glyph in range(start, int(following) + 1):
                yield glyph, float(items[index + 2])
            index += 3


def _width_array(widths: dict[int, float]) -> ArrayObject:
    array = ArrayObject()
    run: ArrayObject | None = None
    for glyph in sorted(widths):
        if run is None or glyph - 1 not in widths:
            run = ArrayObject()
            array += [NumberObject(glyph), run]
        run.append(_number(widths[glyph]))
    return array


def _number(value: float) -> NumberObject | FloatObject:
    return NumberObject(int(value)) if value == int(value) else FloatObject(value)


def _unicode_map(cmap: bytes) -> Iterator[tuple[int, bytes]]:
    """The ``bfchar`` entries of a ToUnicode CMap (WeasyPrint writes no ranges)."""
    if b"beginbfrange" in cmap:
        raise ValueError("bfrange")
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for glyph, text in _UNICODE_ENTRY.findall(block):
            yield int(glyph, 16), text.lower()


def _unicode_cmap(unicode: dict[int, bytes]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap", b"/CIDSystemInfo",
             b"<< /Registry (Adobe)", b"/Ordering (UCS)", b"/Supplement 0", b">> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def", b"1 begincodespacerange",
             b"<0000> <ffff>", b"endcodespacerange"]
    entries = sorted(unicode.items())
    for start in range(0, len(entries), 100):
        batch = entries[start:start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [b"<%04x> <%s>" % (glyph, text) for glyph, text in batch]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines)
