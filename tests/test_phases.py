"""The roadmap's phases (plan.yml ``phases``): each phase's programs and budget (summary.budget_by_phase), and the
book's roadmap chart with and without them."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES

from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.render import charts
from masterplan.summary import budget_by_phase

PHASES = """\
phases:
  - {name: Jangka Pendek, theme: Membangun Momentum, period: {start: 2022, end: 2023}}
  - {name: Jangka Menengah, period: {start: 2024, end: 2026}}
"""
WORDS = charts.RoadmapWords("Peta jalan", "Quick win", lambda program: program.id, "Tahapan")


def _plan(make_plan: Callable[..., Path], phases: str = PHASES) -> Plan:
    root = make_plan({"content/plan.yml": textwrap.dedent(MINI_FILES["content/plan.yml"]) + phases})
    plan = load_and_check(root).plan
    assert plan is not None
    return plan


def test_each_phase_counts_the_programs_starting_and_running_in_it_and_its_years_budget(
        make_plan: Callable[..., Path]) -> None:
    """GOV-01 (2022–2024: Rp 250, 300 and 100 juta) and ECO-01 (2022–2023: Rp 50 juta a year) both start in the
    short term; GOV-01 alone runs on into the medium term, with its 2024 line."""
    phased = budget_by_phase(_plan(make_plan))
    assert phased.total == 750_000_000
    rows = [(str(row.phase.name), row.starting, row.running, row.budget) for row in phased.rows]
    assert rows == [("Jangka Pendek", 2, 2, 650_000_000), ("Jangka Menengah", 0, 1, 100_000_000)]
    assert budget_by_phase(_plan(make_plan, "")).rows == []


def test_the_books_roadmap_names_each_phase_over_its_years_and_is_as_before_without_phases(
        make_plan: Callable[..., Path]) -> None:
    plan = _plan(make_plan)
    svg = charts.roadmap(plan, WORDS)
    assert ">Jangka Pendek</text>" in svg and ">Jangka Menengah</text>" in svg and ">Tahapan</text>" in svg
    assert svg.count("stroke-dasharray") == 1  # a boundary line at 2024; the plan's first year is the chart's edge
    assert "Jangka Pendek (2022–2023, Membangun Momentum)." in svg  # in the text alternative
    assert charts.phase_band_rows(plan) == 2  # a line each name: 17 units
    plain = _plan(make_plan, "")
    before = charts.roadmap(plain, WORDS)
    assert "Tahapan" not in before and "stroke-dasharray" not in before and charts.phase_band_rows(plain) == 0
    assert re.search(r'y="20.0"[^>]*>2022</text>', before)  # the first year where it always was, at the chart's top
    assert float(svg.split('viewBox="0 0 700 ')[1].split('"')[0]) == \
        float(before.split('viewBox="0 0 700 ')[1].split('"')[0]) + charts.phase_band_height(plan)
