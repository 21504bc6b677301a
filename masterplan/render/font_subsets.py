"""Subsets of one TrueType font, merged into one font file.

A PDF embeds a subset of each font it uses: only the glyphs its text needs. WeasyPrint
subsets with the original font's glyph ids kept (``retain_gids``), so the subsets that
parts of a book embed of one face fit together: ``merged`` makes one file holding every
glyph any of them has, for :mod:`pdf_fonts` to point every page at. It reads and writes
the tables a TrueType subset of WeasyPrint's has, as bytes; for subsets that do not fit
together (of two fonts under one name, with a table it cannot read) it returns None,
and the book keeps them apart.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from fontTools.ttLib import TTLibError
from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter


def merged(files: list[bytes]) -> bytes | None:
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
