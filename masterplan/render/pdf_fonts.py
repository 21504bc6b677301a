"""One embedded font per face in a book joined from parts.

Every part laid out apart embeds its own subset of each font it uses: the same face
comes several times over, and the joined book weighs twice a single pass. WeasyPrint
subsets with the glyph ids of the original font kept (``retain_gids``) and writes text
with those ids (``/Identity-H``, ``/CIDToGIDMap /Identity``), so the subsets of one
face fit together: this module merges them into one font file holding every glyph any
part uses (:mod:`font_subsets` merges the files), one width array and one Unicode map,
and points every page at it.

A face whose parts do not fit together (another producer, a custom encoding, subsets of
two different fonts under one name, tables this module does not read) is left as it
is: the book stays right, only larger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

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

from masterplan.render import font_subsets, pdf_objects

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
        return cast(StreamObject, self.descriptor["/FontFile2"].get_object())

    @property
    def to_unicode(self) -> StreamObject:
        """The ToUnicode CMap: which text each glyph stands for."""
        return cast(StreamObject, self.font["/ToUnicode"].get_object())

    @property
    def bounding_box(self) -> ArrayObject:
        """The font's bounding box, ``[left bottom right top]``."""
        return cast(ArrayObject, self.descriptor["/FontBBox"])

    def objects(self) -> list[IndirectObject]:
        """The indirect objects only this embedding uses (dropped once another one serves its pages)."""
        found = [self.reference, self.font.raw_get("/ToUnicode"), self.font.raw_get("/DescendantFonts"),
                 cast(ArrayObject, self.font["/DescendantFonts"])[0], self.descendant.raw_get("/FontDescriptor"),
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
        forms = cast(DictionaryObject, (found.get("/XObject") or DictionaryObject()).get_object())
        for form in forms.values():
            if isinstance(form, IndirectObject) and form.idnum not in visited:
                visited.add(form.idnum)
                yield from resources(cast(DictionaryObject, form.get_object()))

    for page in writer.pages:
        yield from resources(page)


def _face(reference: IndirectObject) -> Face | None:
    """The embedding behind a font resource, when it is one this module can merge."""
    font = cast(DictionaryObject, reference.get_object())
    if (font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H"
            or not isinstance(font.raw_get("/ToUnicode"), IndirectObject)):
        return None
    descendant = cast(DictionaryObject, cast(ArrayObject, font["/DescendantFonts"])[0].get_object())
    if descendant.get("/Subtype") != "/CIDFontType2" or descendant.get("/CIDToGIDMap") != "/Identity":
        return None
    descriptor = cast(DictionaryObject, descendant["/FontDescriptor"].get_object())
    if "/FontFile2" not in descriptor or "/CIDSet" in descriptor:
        return None
    return Face(reference, font, descendant, descriptor)


def _merge(group: list[Face]) -> bool:
    """Make ``group[0]`` hold every glyph, width and Unicode mapping of the group; False when they do not fit."""
    merged = font_subsets.merged([face.file.get_data() for face in group])
    if merged is None:
        return False
    widths: dict[int, float] = {}
    unicode: dict[int, bytes] = {}
    try:
        for face in group:
            widths.update(_widths(cast(ArrayObject, (face.descendant.get("/W") or ArrayObject()).get_object())))
            unicode.update(_unicode_map(face.to_unicode.get_data()))
    except ValueError:  # a map with ranges: not WeasyPrint's
        return False
    first = group[0]
    file = first.file
    file.set_data(merged)
    file[NameObject("/Length1")] = NumberObject(len(merged))
    first.descendant[NameObject("/W")] = _width_array(widths)
    first.to_unicode.set_data(_unicode_cmap(unicode))
    first.bounding_box[2] = _number(max(float(face.bounding_box[2]) for face in group))
    if len(set(widths.values())) > 1:
        flags = int(cast(NumberObject, first.descriptor["/Flags"]))
        first.descriptor[NameObject("/Flags")] = NumberObject(flags & ~FIXED_PITCH)
    return True


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
