"""Budget figures derived from the model, shared by every renderer: totals, the APBD against its ceiling,
the budget by mission, by phase and of the quick wins' first year, a program's year × source grid.

Both the PDF and the site (and the open data) print these, so they are computed once, here, and
the outputs always agree. How the tables group the programs themselves is :mod:`masterplan.program_tables`'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.plan_parts import Agency, Phase, Pillar
from masterplan.programs import Program


@dataclass
class BudgetSummary:
    """Indicative budget totals in rupiah, every way readers slice them."""

    years: list[int]
    by_pillar_year: dict[str, dict[int, int]]
    by_pillar: dict[str, int]
    by_year: dict[int, int]
    by_source: dict[str, int]
    by_agency: dict[str, int]
    total: int
    by_source_year: dict[str, dict[int, int]]  #: funding source → year → amount
    by_agency_year: dict[str, dict[int, int]]  #: lead agency id → year → amount (its pagu indikatif per year)

    @property
    def sources_by_year(self) -> list[str]:
        """The funding sources with money, largest first, as the budget by funding source lists them: the
        columns of the budget by funding source and year."""
        return [source for source, amount in largest_first(self.by_source) if amount]

    def pillar_amounts(self, pillars: Iterable[Pillar]) -> list[int]:
        """Each of ``pillars``' indicative budget over the plan's years, in their order (0 for one with none)."""
        return [self.by_pillar.get(pillar.id, 0) for pillar in pillars]


def budget(plan: Plan) -> BudgetSummary:
    """Totals by pillar × year, by year, by funding source (and source × year) and by lead agency (and agency ×
    year)."""
    years = list(plan.period.years)
    by_pillar_year: dict[str, dict[int, int]] = {p.id: {y: 0 for y in years} for p in plan.pillars}
    by_year = {y: 0 for y in years}
    by_source = {s: 0 for s in plan.funding_sources}
    by_agency = {a.id: 0 for a in plan.agencies}
    by_source_year: dict[str, dict[int, int]] = {}
    by_agency_year: dict[str, dict[int, int]] = {a.id: {y: 0 for y in years} for a in plan.agencies}
    for program in plan.programs:
        for line in program.budget:
            row = by_source_year.setdefault(line.source, {y: 0 for y in years})
            row[line.year] = row.get(line.year, 0) + line.amount
            by_pillar_year.setdefault(program.pillar_id, {}).setdefault(line.year, 0)
            by_pillar_year[program.pillar_id][line.year] += line.amount
            by_year[line.year] = by_year.get(line.year, 0) + line.amount
            by_source[line.source] = by_source.get(line.source, 0) + line.amount
            by_agency[program.lead_id] = by_agency.get(program.lead_id, 0) + line.amount
            led = by_agency_year.setdefault(program.lead_id, {y: 0 for y in years})
            led[line.year] = led.get(line.year, 0) + line.amount
    by_pillar = {pillar: sum(row.values()) for pillar, row in by_pillar_year.items()}
    return BudgetSummary(years, by_pillar_year, by_pillar, by_year, by_source, by_agency, sum(by_year.values()),
                         by_source_year, by_agency_year)


#: the funding source that is the city's own budget, as funding_sources spells it: what plan.yml's apbd_ceiling bounds
CITY_BUDGET = "APBD"


@dataclass(frozen=True)
class CeilingYear:
    """One year's APBD asked by the programs, beside the ceiling plan.yml gives for it (apbd_ceiling)."""

    year: int | None  #: None for the years given put together (:func:`ceiling_total`)
    apbd: int  #: the programs' budget lines of that year with source APBD
    ceiling: int

    @property
    def left(self) -> int:
        """What the ceiling leaves that year; below zero, by how much the programs are over it."""
        return self.ceiling - self.apbd

    @property
    def over(self) -> int:
        """By how much the programs' APBD is over the ceiling that year; nothing when it fits."""
        return max(0, self.apbd - self.ceiling)

    @property
    def share(self) -> float | None:
        """The APBD asked as a share of the ceiling (0.943: 94,3 % used; above 1 when over it); None for a ceiling
        of nothing."""
        return self.apbd / self.ceiling if self.ceiling else None


def apbd_against_ceiling(plan: Plan) -> list[CeilingYear]:
    """Each year of the plan period that plan.yml gives an APBD ceiling for, with the programs' APBD that year."""
    apbd = {year: 0 for year in plan.apbd_ceiling}
    for program in plan.programs:
        for line in program.budget:
            if line.source == CITY_BUDGET and line.year in apbd:
                apbd[line.year] += line.amount
    return [CeilingYear(year, apbd[year], plan.apbd_ceiling[year])
            for year in sorted(plan.apbd_ceiling) if year in plan.period]


def ceiling_total(years: list[CeilingYear]) -> CeilingYear | None:
    """The years given put together, a table's total row: the APBD asked against the sum of their ceilings."""
    return CeilingYear(None, sum(row.apbd for row in years), sum(row.ceiling for row in years)) if years else None


def apbd_by_agency(plan: Plan, years: Iterable[int]) -> dict[int, list[tuple[str, int]]]:
    """Year of ``years`` → (lead agency id, its programs' APBD that year), the largest first, agencies with none
    left out: the programs are walked once for all the years."""
    amounts: dict[int, dict[str, int]] = {year: {} for year in years}
    for program in plan.programs:
        for line in program.budget:
            if line.source == CITY_BUDGET and line.year in amounts:
                led = amounts[line.year]
                led[program.lead_id] = led.get(program.lead_id, 0) + line.amount
    return {year: largest_first(led) for year, led in amounts.items()}


@dataclass
class MissionBudget:
    """The programs of one row of the budget by RPJMD mission and their indicative budget over the plan."""

    programs: int = 0
    total: int = 0  #: every funding source
    apbd: int = 0  #: of which the city's own budget (:data:`CITY_BUDGET`)

    def add(self, program: Program) -> None:
        self.programs += 1
        self.total += program.total_budget
        self.apbd += sum(line.amount for line in program.budget if line.source == CITY_BUDGET)


@dataclass
class MissionBudgets:
    """The budget by RPJMD mission, as the planning agency checks the plan against the RPJMD: a program serving
    two missions counts in both rows, so the rows add up to more than :attr:`plan`, which counts each once."""

    by_mission: dict[str, MissionBudget]  #: mission id → its programs, in the plan's order of missions
    unlinked: MissionBudget | None  #: programs serving no mission (W414); None when every program serves one
    plan: MissionBudget  #: every program once: the plan's total


def budget_by_mission(plan: Plan) -> MissionBudgets:
    """Each mission's programs, their total indicative budget and its APBD; those serving none; the whole plan."""
    by_mission = {mission.id: MissionBudget() for mission in plan.missions}
    unlinked, whole = MissionBudget(), MissionBudget()
    for program in plan.programs:
        whole.add(program)
        served = {mission.id for mission in program.missions}  # a mission listed twice counts the program once
        for mission_id in served:
            by_mission[mission_id].add(program)
        if not served:
            unlinked.add(program)
    return MissionBudgets(by_mission, unlinked if unlinked.programs else None, whole)


@dataclass
class FirstYear:
    """What the quick wins cost in the plan's first year, beside all programs' budget that year: the quick wins'
    table gives each one's total over its years, not what they ask of the running year's APBD."""

    year: int
    quick_wins: int  #: the quick wins' budget lines of that year, every funding source
    total: int  #: all programs' budget that year

    @property
    def share(self) -> float:
        return self.quick_wins / self.total if self.total else 0.0


def quick_wins_first_year(plan: Plan) -> FirstYear:
    """The quick wins' budget in the plan's first year and that year's whole indicative budget."""
    year = plan.period.start
    lines = [(program, line) for program in plan.programs for line in program.budget if line.year == year]
    return FirstYear(year, sum(line.amount for program, line in lines if program.quick_win),
                     sum(line.amount for _, line in lines))


@dataclass(frozen=True)
class PhaseRow:
    """One roadmap phase's row of the table of programs and budget by phase."""

    phase: Phase
    starting: int  #: programs whose first year is in the phase
    running: int  #: programs with at least one year in the phase, those starting in it included
    budget: int  #: every program's budget lines of the phase's years, every funding source


@dataclass(frozen=True)
class PhaseBudgets:
    """The table of programs and budget by phase: a row per phase as plan.yml lists them, and the plan's whole
    indicative budget each row's share is of (years in no phase, which W326 warns of, count only there)."""

    rows: list[PhaseRow]
    total: int


def budget_by_phase(plan: Plan) -> PhaseBudgets:
    """For each phase of the roadmap, the programs starting in it, those running in it, and its years' budget."""
    rows = []
    for phase in plan.phases:
        years = phase.period
        running = [p for p in plan.programs if p.period.start <= years.end and p.period.end >= years.start]
        rows.append(PhaseRow(phase, sum(1 for p in running if p.period.start in years), len(running),
                             sum(line.amount for p in plan.programs for line in p.budget if line.year in years)))
    return PhaseBudgets(rows, plan.total_budget)


@dataclass(frozen=True)
class RunningPrograms:
    """The programs running in each year of the plan, by pillar (a program counts in every year of its period)."""

    by_pillar_year: dict[str, dict[int, int]]  #: pillar id → year → programs running
    by_year: dict[int, int]  #: year → programs running, every pillar's


def programs_running(plan: Plan) -> RunningPrograms:
    """How many programs run in each year of the plan, pillar by pillar and in all."""
    years = list(plan.period.years)
    by_pillar = {pillar.id: {year: sum(1 for p in pillar.programs if year in p.period) for year in years}
                 for pillar in plan.pillars}
    return RunningPrograms(by_pillar, {year: sum(counts[year] for counts in by_pillar.values()) for year in years})


def leads_without_budget(plan: Plan, money: BudgetSummary) -> list[Agency]:
    """The agencies that lead programs none of which has an indicative budget yet: lead agencies to the key figures'
    count, yet in no table of the budget by agency, which lists amounts; a note under those tables names them."""
    return [agency for agency in plan.lead_agencies if not money.by_agency.get(agency.id)]


def largest_first(amounts: dict[str, int]) -> list[tuple[str, int]]:
    """(key, amount) of the amounts that are not nothing, the largest first: the rows of the book's budget tables,
    of the site's and of the workbook's."""
    return sorted(((key, amount) for key, amount in amounts.items() if amount), key=lambda item: -item[1])


@dataclass
class ProgramBudget:
    """One program's indicative budget as a year × funding source grid."""

    sources: list[str]
    rows: list[tuple[int, list[int], int]]  #: (year, amount per source, year total)
    by_source: list[int]
    total: int


def program_budget(program: Program) -> ProgramBudget:
    """A program's budget lines arranged by year (rows) and funding source (columns)."""
    sources = program.sources
    grid: dict[int, dict[str, int]] = {}
    for line in program.budget:
        cell = grid.setdefault(line.year, {})
        cell[line.source] = cell.get(line.source, 0) + line.amount
    rows = [(year, [grid[year].get(s, 0) for s in sources], sum(grid[year].values())) for year in sorted(grid)]
    by_source = [sum(row[1][i] for row in rows) for i in range(len(sources))]
    return ProgramBudget(sources, rows, by_source, program.total_budget)
