"""Reads content/pillars/<id>.yml into a :class:`~masterplan.plan_parts.Pillar`: a smart city dimension with its
sub-elements, goals and indicators."""

from __future__ import annotations

from pathlib import Path

from masterplan.folder_reader import FolderReader
from masterplan.indicator_reader import read_indicators
from masterplan.plan_parts import Pillar, SubElement
from masterplan.values import whole


def read_pillar(reader: FolderReader, path: Path) -> Pillar | None:
    """The pillar the file at ``path`` describes, or None when it cannot be read or is not named after its id."""
    data = reader.document(path, "pillar")
    if data is None or not reader.named_after_file(data, path):
        return None
    text = reader.text
    return Pillar(
        id=data["id"], name=text(data["name"]), order=whole(data["order"]),
        summary=text(data.get("summary")), description=text(data.get("description")),
        sub_elements=[SubElement(s["id"], text(s["name"]), text(s.get("description")),
                                 data["id"], s.position) for s in data["sub_elements"]],
        goals=[text(g) for g in data.get("goals") or []],
        indicators=read_indicators(reader, data.get("indicators")), position=data.position, where=reader.where(data),
        colour=data.get("colour", "").lower() or None,
    )
