"""Reads the indicators a pillar's or a program's file gives: the baseline, a target per year and, once
monitored, what each year reached (realised), with where each figure is written."""

from __future__ import annotations

from typing import Any

from masterplan.folder_reader import FolderReader
from masterplan.located import LocatedMap
from masterplan.programs import Indicator
from masterplan.values import whole


def read_indicators(reader: FolderReader, items: Any) -> list[Indicator]:
    """The indicators of a file's ``indicators`` list (none when it gives none)."""
    return [_indicator(reader, item) for item in items or []]


def _indicator(reader: FolderReader, data: LocatedMap) -> Indicator:
    baseline = data.get("baseline") or {}
    targets, target_positions = reader.yearly(data, "targets", "target year {year} is given twice (first at line {line})")
    realised, realised_positions = reader.yearly(data, "realised",
                                                 "realised year {year} is given twice (first at line {line})")
    return Indicator(
        name=reader.text(data["name"]), unit=reader.text(data["unit"]),
        baseline_year=whole(baseline.get("year")), baseline_value=baseline.get("value"),
        targets=targets, position=data.position, target_positions=target_positions,
        baseline_position=baseline.at("value") if isinstance(baseline, LocatedMap) else None,
        direction=data.get("direction"), realised=realised, realised_positions=realised_positions,
    )
