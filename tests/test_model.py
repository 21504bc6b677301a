"""The plan model: its lookups by id, and what checks and renderers derive from it, kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize(("name", "short", "adds"), [
    ("Dinas Kesehatan", "Dinkes", True),
    ("Inspektorat Daerah", "Inspektorat", False),  # its first word
    ("Kecamatan Gadingrejo", "Kec. Gadingrejo", False),  # its words, the first abbreviated with a point
    ("Kecamatan Gadingrejo", "Kec. Bugul Kidul", True),  # another place
    ("Satuan Polisi Pamong Praja", "Satpol PP", True),
    ("Rumah Sakit Umum Daerah", "RSUD", True),
    ("Sekretariat Daerah", "Sekretariat Daerah Kota", True),  # more words than the name
    ("Badan Pendapatan Daerah", "B. Pendapatan", False),
    ("Dinas Perhubungan", "D.", False),  # an initial of its first word says nothing more either
])
def test_a_short_name_beside_a_name_only_where_it_says_more(name: str, short: str, adds: bool) -> None:
    """Tabel 14.3 printed "Inspektorat Daerah (Inspektorat)" and "Kecamatan Gadingrejo (Kec. Gadingrejo)": the short
    name in brackets repeated the name. The book's and the site's "Name (Short)" leave out such a one."""
    from masterplan.diagnostics import Position
    from masterplan.plan_parts import Agency
    from masterplan.values import Text

    agency = Agency("x", Text.of(name, "id", "id"), short, "dinas", [], [], Position("content/agencies/x.yml", 1, 1))
    assert agency.short_name_adds is adds
