"""Reads content/agencies/<id>.yml into an :class:`~masterplan.plan_parts.Agency` with the programs it leads.

A program that does not match the schema is left out of the plan, not the whole agency with it: what of it can
still be read (its budget lines, its indicators, the ids it names) is kept as a :class:`~masterplan.programs.LeftOut`,
so that the checks tell its other mistakes in the same round.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from masterplan import validation, validation_fast
from masterplan.diagnostics import ANY_PROGRAM
from masterplan.folder_reader import FolderReader
from masterplan.indicator_reader import read_indicators
from masterplan.located import LocatedMap
from masterplan.plan_parts import Agency
from masterplan.programs import BudgetLine, LeftOut, Program
from masterplan.schema_defs import PROGRAM_ID, SLUG
from masterplan.values import Period, Term, whole


class AgencyReader:
    """Reads the agencies' files of one plan folder, remembering the programs left out of them."""

    def __init__(self, reader: FolderReader):
        self.reader = reader
        self.left_out: list[LeftOut] = []  #: programs left out of the plan, as far as they could be read

    def agency(self, path: Path) -> Agency | None:
        """The agency the file at ``path`` describes, or None when it cannot be read or is not named after its id."""
        reader = self.reader
        data = reader.document(path, "agency", self.fitting_programs)
        if data is None or not reader.named_after_file(data, path):
            return None
        return Agency(
            id=data["id"], name=reader.text(data["name"]), short_name=data["short_name"], kind=data["kind"],
            supports_ids=list(data.get("supports") or []),
            programs=[self.program(p, data["id"]) for p in data.get("programs") or []],
            position=data.position, where=reader.where(data), former_ids=list(data.get("former_ids") or []),
            contact={name: value.strip() for name, value in (data.get("contact") or {}).items()},
        )

    def program(self, data: LocatedMap, lead_id: str) -> Program:
        """A program of the agency ``lead_id``'s file, as it matched the schema."""
        reader = self.reader
        period = data["period"]
        return Program(
            id=data["id"], name=reader.text(data["name"]), pillar_id=data["pillar"],
            sub_element_id=data["sub_element"], summary=reader.text(data.get("summary")),
            description=reader.text(data.get("description")), quick_win=bool(data.get("quick_win", False)),
            partner_ids=list(data.get("partners") or []), period=Period(period["start"], period["end"]),
            budget=_budget_lines(data.get("budget")),
            indicators=read_indicators(reader, data.get("indicators")),
            depends_on_ids=list(data.get("depends_on") or []), mission_ids=list(data.get("missions") or []),
            status=Term.read(data.get("status", "planned")), lead_id=lead_id, position=data.position, where=reader.where(data),
            former_ids=list(data.get("former_ids") or []), location=reader.text(data.get("location")),
        )

    def fitting_programs(self, data: Any) -> Any:
        """An agency file with schema problems without its faulty programs, when its problems all lie in them;
        else None.

        The faulty programs' ids count as unreadable (a reference to one is not reported
        again as unknown), and so does the agency's (it is not idle: some of its programs
        are missing); a program whose id is itself faulty makes every program id so.
        """
        usable = validation_fast.valid_programs(data)
        if usable is None:
            return None
        data, left_out = usable
        unreadable = self.reader.report.unreadable
        if left_out:
            unreadable.add(data["id"])
        for program in left_out:
            known = isinstance(program, dict) and validation_fast.is_program_id(program.get("id"))
            unreadable.add(program["id"] if known else ANY_PROGRAM)
            # its other lines are not checked (a budget line given twice, W308): "1 error" is not all there may be
            self.reader.report.skipped.add(f"{data.position.file} ({program['id']})" if known else data.position.file)
            if isinstance(program, LocatedMap) and isinstance(program.get("id"), str):
                self.left_out.append(self.part_of(program, data["id"]))
        return data

    def part_of(self, program: LocatedMap, lead_id: str) -> LeftOut:
        """What of a program that does not match the schema can be read: its budget lines and indicators that do."""
        def fitting(field: str, definition: str) -> list[Any]:
            items = program.get(field)
            if not isinstance(items, list):
                return []
            return [item for item in items if validation.fits("agency", definition, item)]

        def ids(field: str, pattern: str) -> list[str]:  # a list with an item the schema refused is told by it
            items = program.get(field)
            return list(items) if isinstance(items, list) and all(
                isinstance(item, str) and re.fullmatch(pattern, item) for item in items) else []

        return LeftOut(
            id=program["id"], indicators=read_indicators(self.reader, fitting("indicators", "indicator")),
            budget=_budget_lines(fitting("budget", "budget_line")), position=program.position, lead_id=lead_id,
            partner_ids=ids("partners", SLUG), mission_ids=ids("missions", SLUG),
            depends_on_ids=ids("depends_on", PROGRAM_ID),
            where=self.reader.where(program),
        )


def _budget_lines(items: Any) -> list[BudgetLine]:
    return [BudgetLine(whole(b["year"]), whole(b["amount"]), b["source"], b.position, b.at("amount"))
            for b in items or []]
