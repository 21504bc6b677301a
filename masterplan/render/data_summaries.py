"""The book's summary tables as open data, for a planner who would otherwise copy them from the PDF.

Each is a table of :data:`COLUMNS`, so it gets what every table gets (its CSV file, its sheet of the
workbook, its resource of ``datapackage.json`` and its entry on the data page), and is written only for a
plan that has what it sums (:data:`WRITTEN_IF`): the APBD per year against its ceiling, the budget by
RPJMD mission and the programs and budget by roadmap phase. Their figures are :mod:`masterplan.summary`'s,
which the book and the site print, so the files and the book agree; a share is a fraction rounded to
:data:`SHARE_PLACES` places. What a reader of a table must know besides its columns is in :data:`NOTES`.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterator
from typing import Any

from masterplan import summary
from masterplan.model import Plan

SHARE_PLACES = 4  #: decimal places of a share in the tables (0.9433: 94.33 %)
#: the ``row_type`` of the budget by mission's rows: a mission's programs, those serving none, every program once
MISSION, NO_MISSION, TOTAL = "mission", "none", "total"
ROW_TYPES = (MISSION, NO_MISSION, TOTAL)  #: every ``row_type``, as ``datapackage.json`` constrains the column

#: file → (column, description), as :data:`masterplan.render.data_tables.COLUMNS`; the descriptions are catalog messages
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "apbd_ceiling.csv": [
        ("year", "Budget year"),
        ("apbd", "The programs' budget lines of that year whose funding source is APBD, added up, whole rupiah"),
        ("ceiling", "The local government's budget (APBD) the programs may take that year (pagu indikatif), whole rupiah"),
        ("share_used", "Share of the ceiling the programs' APBD takes, decimals after a dot (0.943 is 94.3%); above 1 in a year over it"),
        ("left", "What the ceiling leaves that year, whole rupiah; below zero, by how much the programs ask more"),
    ],
    "budget_by_mission.csv": [
        ("row_type", "mission: the programs serving that mission; none: those serving no mission; total: every program once"),
        ("mission_id", "Mission id, in a mission's row; empty in the rows none and total, which name no mission (row_type tells them apart)"),
        ("mission_number", "Its number among the RPJMD's missions (1, 2, …), as the book numbers them (else empty)"),
        ("mission", "The mission, as the plan words it (else empty)"),
        ("programs", "Number of programs in the row; a program serving two missions counts in both rows and once in the total"),
        ("budget_total", "Indicative budget of those programs over all years, every funding source, whole rupiah"),
        ("apbd", "Of which the local government's budget (APBD), whole rupiah"),
        ("share_of_plan", "Share of the plan's total indicative budget, decimals after a dot (0.555 is 55.5%)"),
    ],
    "budget_by_phase.csv": [
        ("phase_number", "Its place in the roadmap (1, 2, …), in the order of plan.phases in plan.json"),
        ("name", "Phase name"),
        ("theme", "What the phase is about, where the plan says"),
        ("start_year", "First year of the phase"),
        ("end_year", "Last year of the phase"),
        ("programs_starting", "Number of programs whose first year is in the phase"),
        ("programs_running", "Number of programs with at least one year in the phase, those starting in it included; a program running over two phases counts in each"),
        ("budget", "Every program's budget lines of the phase's years, all funding sources, added up, whole rupiah"),
        ("share_of_plan", "Share of the plan's total indicative budget, decimals after a dot (0.555 is 55.5%)"),
    ],
}

#: file → what a reader of the table must know besides its columns (a catalog message): on the data page and in
#: the table's description in ``datapackage.json``
NOTES: dict[str, str] = {
    "budget_by_mission.csv": ("The book's table of the budget by RPJMD mission. A program serving two missions counts "
                              "in both mission rows and once in the total row, so the mission rows may add up to "
                              "more than the total; the row of type none holds the programs serving no mission."),
    "budget_by_phase.csv": ("The book's table of programs and budget by roadmap phase. A program running over two "
                            "phases counts as running in each; a phase's budget is that of its years only."),
}


def _share(part: int, whole: int) -> float | int | None:
    """``part`` of ``whole`` as a fraction, a whole one as a whole number (1, as the workbook's cell reads back, not
    1.0); None (an empty cell) of nothing.

    Rounded to :data:`SHARE_PLACES` places, half up, so that the percentage it gives to one decimal is the one the
    book prints: 0,8374999… of a ceiling is 83,7 % in the book, and its 0.8375 read 83,8 % in the workbook's cell and
    to a reader of the CSV file. Such a share, a half at the last place, is then given the place below, 0.8374."""
    if not whole:
        return None
    with decimal.localcontext(_EXACT):
        exact = decimal.Decimal(part) / decimal.Decimal(whole)
        share = exact.quantize(_LAST_PLACE, rounding=decimal.ROUND_HALF_UP)
        if _percent(share) != _percent(exact):  # twice rounded: the book rounds the exact quotient once
            share += _LAST_PLACE if exact > share else -_LAST_PLACE
    return int(share) if share == share.to_integral_value() else float(share)


_EXACT = decimal.Context(prec=60)
_LAST_PLACE = decimal.Decimal(1).scaleb(-SHARE_PLACES)  #: 0.0001


def _percent(share: decimal.Decimal) -> decimal.Decimal:
    """A share as the book prints it, a percentage to one decimal, a half rounded up."""
    return (share * 100).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)


def _ceiling_rows(plan: Plan) -> Iterator[list[Any]]:
    """A row per year plan.yml gives a ceiling for, as the book's table; no total row, which would be no year (a
    table's rows are what its key names: the workbook's budget summary totals it, as the book does)."""
    for row in summary.apbd_against_ceiling(plan):
        yield [row.year, row.apbd, row.ceiling, _share(row.apbd, row.ceiling), row.left]


def _mission_rows(plan: Plan) -> Iterator[list[Any]]:
    """The book's rows: each mission's, in the plan's order, then those serving none (where there are), then the
    total, which counts each program once (so it is no sum of the rows above it)."""
    budgets = summary.budget_by_mission(plan)
    whole = budgets.plan.total

    def row(kind: str, mission: tuple[str, int, str] | tuple[None, None, None], budget: summary.MissionBudget) -> list[Any]:
        return [kind, *mission, budget.programs, budget.total, budget.apbd, _share(budget.total, whole)]

    for number, mission in enumerate(plan.missions, start=1):
        yield row(MISSION, (mission.id, number, str(mission.text)), budgets.by_mission[mission.id])
    if budgets.unlinked:
        yield row(NO_MISSION, (None, None, None), budgets.unlinked)
    yield row(TOTAL, (None, None, None), budgets.plan)


def _phase_rows(plan: Plan) -> Iterator[list[Any]]:
    """A row per phase, as plan.yml lists them; a share is of the plan's whole indicative budget."""
    phases = summary.budget_by_phase(plan)
    for number, row in enumerate(phases.rows, start=1):
        yield [number, str(row.phase.name), str(row.phase.theme), row.phase.period.start, row.phase.period.end,
               row.starting, row.running, row.budget, _share(row.budget, phases.total)]


ROWS: dict[str, Callable[[Plan], Iterator[list[Any]]]] = {
    "apbd_ceiling.csv": _ceiling_rows, "budget_by_mission.csv": _mission_rows, "budget_by_phase.csv": _phase_rows,
}
#: the tables written only when the plan has what they hold
WRITTEN_IF: dict[str, Callable[[Plan], bool]] = {
    "apbd_ceiling.csv": lambda plan: bool(summary.apbd_against_ceiling(plan)),
    "budget_by_mission.csv": lambda plan: bool(plan.missions),
    "budget_by_phase.csv": lambda plan: bool(plan.phases),
}
