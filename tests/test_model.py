"""The plan model: its lookups by id, and what checks and renderers derive from it, kept apart."""

from __future__ import annotations

from pathlib import Path

from masterplan.load import load


def test_a_derived_value_never_takes_the_place_of_a_lookup(mini_plan: Path) -> None:
    plan, _ = load(mini_plan)
    assert plan is not None
    first = plan.programs[0]
    for key in ("programs", "program", "agency", "pillar", "chapter"):  # the names the lookups keep theirs under
        assert plan.derived(key, lambda: "derived") == "derived"
    assert plan.programs[0] is first
    assert plan.program(first.id) is first
    assert plan.agency(first.lead_id) is first.lead
    assert plan.pillar(first.pillar_id) is first.pillar


def test_linking_again_forgets_what_was_derived(mini_plan: Path) -> None:
    plan, _ = load(mini_plan)
    assert plan is not None
    gone = [program.id for program in plan.agencies[0].programs]
    assert gone and plan.derived("count", lambda: len(plan.programs)) == len(plan.programs)
    plan.agencies[0].programs.clear()
    plan.link()
    assert plan.derived("count", lambda: len(plan.programs)) == len(plan.programs)
    assert [plan.program(id) for id in gone] == [None] * len(gone)
