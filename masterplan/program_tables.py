"""How the book's and the site's tables group the programs: by mission and pillar, by agency and pillar, by agency.

Also a quick win's indicator targets, as the quick wins' table names it. Both outputs print these from the
same functions, so the book and the site always list the same programs in the same cells. The money in
those tables is :mod:`masterplan.summary`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.plan_parts import Agency
from masterplan.programs import Indicator, Program
from masterplan.values import Value


def mission_matrix(plan: Plan) -> dict[str, dict[str, list[Program]]]:
    """mission id → pillar id → programs serving that mission in that pillar."""
    matrix: dict[str, dict[str, list[Program]]] = {m.id: {p.id: [] for p in plan.pillars} for m in plan.missions}
    for program in plan.programs:
        for mission in program.missions:
            matrix[mission.id].setdefault(program.pillar_id, []).append(program)
    return matrix


def without_mission(plan: Plan) -> dict[str, list[Program]]:
    """pillar id → programs serving no mission of the plan (W414), for the missions table's last row: empty when
    every program serves one, so the row is there only for programs the rows above leave out."""
    unlinked: dict[str, list[Program]] = {}
    for program in plan.programs:
        if not program.missions:
            unlinked.setdefault(program.pillar_id, []).append(program)
    return unlinked


MISSION_CODES = 40  #: program codes a cell of the missions table lists; with more in any cell it counts them
RUN = 3  #: consecutive codes the book's missions table writes as a range, first and last ("GOV-01 s.d. GOV-16")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def code_runs(programs: list[Program]) -> list[list[Program]]:
    """A cell's programs in code order, grouped in runs of consecutive codes (GOV-01, GOV-02, GOV-03: the same
    prefix, each number the one before plus one, written as wide), so the book can write a run of :data:`RUN` or
    more as its first and last code; a code not ending in a number is a run of its own. Every program is in one run."""
    def numbered(program: Program) -> tuple[str, str] | None:
        match = _NUMBERED.match(program.id)
        return (match[1], match[2]) if match else None

    def order(program: Program) -> tuple[str, int]:
        code = numbered(program)
        return (code[0], int(code[1])) if code else (program.id, -1)

    runs: list[list[Program]] = []
    for program in sorted(programs, key=order):
        code, last = numbered(program), numbered(runs[-1][-1]) if runs else None
        if code and last and code == (last[0], f"{int(last[1]) + 1:0{len(last[1])}d}"):
            runs[-1].append(program)
        else:
            runs.append([program])
    return runs


def missions_counted(matrix: dict[str, dict[str, list[Program]]],
                     unlinked: dict[str, list[Program]] | None = None) -> bool:
    """Whether the missions table counts its programs rather than list them (a province's plan), in the book
    and on the site alike; its row of programs serving no mission (``unlinked``) counts too."""
    rows = [*matrix.values(), unlinked or {}]
    return any(len(cell) > MISSION_CODES for row in rows for cell in row.values())


@dataclass
class AgencyRole:
    """What one agency does in one pillar: programs it leads and programs it supports."""

    led: list[Program]
    supported: list[Program]

    @property
    def count(self) -> int:
        return len(self.led) + len(self.supported)


def agency_matrix(plan: Plan) -> dict[str, dict[str, AgencyRole]]:
    """agency id → pillar id → its role there: the synchronisation picture across agencies."""
    matrix = {a.id: {p.id: AgencyRole([], []) for p in plan.pillars} for a in plan.agencies}
    for program in plan.programs:
        if program.lead_id in matrix and program.pillar_id in matrix[program.lead_id]:
            matrix[program.lead_id][program.pillar_id].led.append(program)
        for partner in program.partners:
            if program.pillar_id in matrix[partner.id]:
                matrix[partner.id][program.pillar_id].supported.append(program)
    return matrix


def _book_places(plan: Plan) -> dict[str, int]:
    """program id → its place in the book's order (as the pillars' matrices list them: GOV-01 before BRD-03)."""
    return {program.id: number for number, program in
            enumerate(program for pillar in plan.pillars for program in pillar.programs_by_sub_element)}


def programs_by_agency(plan: Plan) -> list[tuple[Agency, list[Program], list[Program]]]:
    """Each agency, sorted by short name, with the programs it leads and those it supports, each in the
    book's order (as the pillars' matrices list them: GOV-01 before BRD-03, as their pages come)."""
    place = _book_places(plan)
    return [(agency, sorted(agency.programs, key=lambda p: place.get(p.id, len(place))),
             sorted(agency.supported, key=lambda p: place.get(p.id, len(place))))
            for agency in sorted(plan.agencies, key=lambda a: a.short_name.lower())]


@dataclass(frozen=True)
class OneSided:
    """A partnership only one side writes down (W406): the lead names the partner, or the partner lists the
    program under ``supports``; the book and the site list them, to be confirmed by the other side."""

    program: Program
    partner: Agency

    @property
    def by_lead(self) -> bool:
        """Whether the program's lead names the partner (else the partner lists the program under ``supports``)."""
        return self.partner.id in self.program.partner_ids

    @property
    def written_by(self) -> Agency | None:
        """The agency whose file writes the partnership down."""
        return written_by(self.program, self.partner)


def written_by(program: Program, partner: Agency) -> Agency | None:
    """The agency whose file writes down a partnership one side only writes (None: a lead the plan lacks): the lead,
    naming the partner, or the partner, listing the program under ``supports``."""
    return program.lead if partner.id in program.partner_ids else partner


def one_sided(plan: Plan) -> list[OneSided]:
    """The partnerships one side only writes down, the programs in the book's order."""
    place = _book_places(plan)
    return [OneSided(program, partner) for program in sorted(plan.programs, key=lambda p: place.get(p.id, len(place)))
            for partner in program.unconfirmed]


#: how many of a quick win's indicators its row in the quick wins' table names with its targets
OUTPUT_INDICATORS = 2


#: a quick win's targets its row gives at most, year by year; a longer run gives its first and last only
OUTPUT_STEPS = 3


@dataclass(frozen=True)
class OutputTarget:
    """One line of a quick win's targets: an indicator, where it starts (its baseline, when given) and what it is to
    reach, year by year over the quick win's years: what the first year delivers, not its last target alone."""

    indicator: Indicator
    baseline: tuple[int, Value] | None  #: (year, value) of its baseline
    targets: list[tuple[int, Value]]  #: (year, value) of its targets in order; the first and last of a longer run
    shortened: bool = False  #: targets between the first and the last are left out


def target_steps(target: OutputTarget, measure: Callable[[Value, int], str], baseline: str) -> str:
    """Where ``target``'s indicator starts and what it is to reach each year, as the quick wins' tables print them:
    "Kondisi awal 12 (2021) · 2022: 25 · 2023: 40" (``baseline``: the word for it), each step kept on one line,
    the baseline's figure with its word's last ("Kondisi awal" and "400 (2021)" stood a line apart in the site's
    narrow column); empty for an indicator of neither."""
    decimals = target.indicator.decimals
    steps = [f"{baseline}\xa0{measure(target.baseline[1], decimals)}\xa0({target.baseline[0]})"] if target.baseline else []
    for index, (year, value) in enumerate(target.targets):
        if target.shortened and index == len(target.targets) - 1:
            steps.append("…")
        steps.append(f"{year}:\xa0{measure(value, decimals)}")
    return "\xa0· ".join(steps)  # a line breaks after the dot between two, never before it


def sources_by_year(program: Program) -> list[tuple[int | None, list[str]]]:
    """A quick win's funding sources as its row gives them: (year, its sources) for each year its budget names, where
    they differ from year to year (a first year of APBD, a second all of CSR: "APBD, CSR" hid that the second year
    rests on a company's money); else one line of them all, its year None."""
    years: dict[int, list[str]] = {}
    for line in program.budget:
        years.setdefault(line.year, [])
        if line.source not in years[line.year]:
            years[line.year].append(line.source)
    if len({tuple(sorted(sources)) for sources in years.values()}) <= 1:
        return [(None, program.sources)] if program.sources else []
    return sorted(years.items())


def output_targets(program: Program) -> list[OutputTarget]:
    """A quick win's targets as the quick wins' table gives them, in the book and on the site alike: its first
    indicators, each from its baseline through its targets of the quick win's years (all of them, when it sets none
    in those years)."""
    found = []
    for indicator in program.indicators[:OUTPUT_INDICATORS]:
        years = sorted(year for year in indicator.targets if year in program.period) or sorted(indicator.targets)
        steps = [(year, indicator.targets[year]) for year in years]
        shortened = len(steps) > OUTPUT_STEPS
        baseline = (indicator.baseline_year, indicator.baseline_value) \
            if indicator.baseline_year is not None and indicator.baseline_value is not None else None
        found.append(OutputTarget(indicator, baseline, [steps[0], steps[-1]] if shortened else steps, shortened))
    return found
