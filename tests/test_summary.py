"""Budget figures derived from the model (masterplan/summary.py), as both outputs print them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES

from masterplan import summary
from masterplan.project import load_and_check

#: the mini plan with GOV-01 (Rp 650 juta, all APBD) serving both missions and ECO-01 (Rp 100 juta, APBN) none
TWO_MISSIONS = {
    "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "missions: [m1]", "missions: [m1, m2]"),
    "content/agencies/bpkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace("            missions: [m2]\n", ""),
}


def test_the_budget_by_mission_counts_a_program_in_each_mission_and_once_in_the_total(
        make_plan: Callable[..., Path]) -> None:
    """A program serving two missions is in both rows, with all its budget; one serving none is in a row of its own;
    the total is the plan's, each program once, so the rows (Rp 1,4 miliar) add up to more than it (Rp 750 juta)."""
    plan = load_and_check(make_plan(TWO_MISSIONS)).plan
    assert plan is not None
    missions = summary.budget_by_mission(plan)
    assert missions.by_mission == {"m1": summary.MissionBudget(1, 650_000_000, 650_000_000),
                                   "m2": summary.MissionBudget(1, 650_000_000, 650_000_000)}
    assert missions.unlinked == summary.MissionBudget(1, 100_000_000, 0)
    assert missions.plan == summary.MissionBudget(2, 750_000_000, 650_000_000)
    assert missions.plan.total == summary.budget(plan).total
    rows = [*missions.by_mission.values(), missions.unlinked]
    assert sum(row.total for row in rows) == 1_400_000_000 > missions.plan.total


def test_without_a_program_lacking_a_mission_there_is_no_row_for_them(make_plan: Callable[..., Path]) -> None:
    plan = load_and_check(make_plan()).plan
    assert plan is not None
    missions = summary.budget_by_mission(plan)
    assert missions.unlinked is None
    assert [row.programs for row in missions.by_mission.values()] == [1, 1]
    assert sum(row.total for row in missions.by_mission.values()) == missions.plan.total == 750_000_000
