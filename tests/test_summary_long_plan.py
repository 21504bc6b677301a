"""The executive summary of a plan of many programs stays a summary: its roadmap chapter counts the programs running
by pillar and year instead of charting each one (a province's 3,000 programs made a 115-page summary, 81 pages of
them the roadmap's chart), and its quick wins, more than it shows in full, get a line each (a province's 153 quick
wins in full were 27 pages).

The plan is the sample grown by the benchmarks' generator to 130 programs, 40 of them quick wins, its summary laid
out alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import generated_plan
from pdf_reading import joined_texts as texts
from pdf_reading import outline_pages

from masterplan.build import BuildOptions
from masterplan.diagnostics import Report
from masterplan.model import Plan
from masterplan.output import SUMMARY_PDF, Staging
from masterplan.project import load_and_check
from masterplan.render import summary_book


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    """A plan of 130 programs and its executive summary, laid out alone."""
    root = generated_plan(tmp_path_factory.mktemp("long"), (31, 130))
    plan = load_and_check(root).plan
    assert plan is not None and len(plan.programs) == 130  # more than summary_outline.ROADMAP_CHART_AT_MOST
    for program in plan.programs[::3][:40]:  # more quick wins than summary_book.QUICK_WINS_IN_FULL_AT_MOST
        program.quick_win = True
    plan.link()
    assert len(plan.quick_wins) > summary_book.QUICK_WINS_IN_FULL_AT_MOST
    report = Report()
    with Staging(root / "build") as staging:
        summary_book.render(plan, root, staging, BuildOptions(), report)
    assert not report.errors, report.errors
    return plan, root / "build" / SUMMARY_PDF


def test_a_long_plans_summary_counts_its_programs_by_pillar_and_year(long_plan: tuple[Plan, Path]) -> None:
    """Its roadmap chapter is one table, a row a year, a column a pillar, and says where each program is placed."""
    plan, pdf = long_plan
    pages = texts(pdf)
    start = dict(outline_pages(pdf))["Bab 6 · Peta Jalan"]
    end = dict(outline_pages(pdf))["Glosarium"]
    roadmap = " ".join(pages[start:end])  # outline_pages: 0-based page indexes
    assert "Program berjalan per dimensi dan tahun" in roadmap
    assert "130 program masterplan ini terlalu banyak untuk sebuah gambar di sini" in roadmap
    first = plan.period.start
    running = [sum(1 for p in pillar.programs if first in p.period) for pillar in plan.pillars]
    row = re.search(rf"Total {first} ((?:\d+ ){{{len(running)}}}\d+) ", roadmap)
    assert row and [int(n) for n in row.group(1).split()] == [*running, sum(running)], row
    assert "Gambar 6.1" not in roadmap and not any(p.id in roadmap for p in plan.programs)
    assert end - start <= 2, end - start  # the chapter, with the phases' table


def test_a_long_plans_summary_stays_short(long_plan: tuple[Plan, Path]) -> None:
    """130 programs: the summary stays at 15 pages (its funding sources year by year a landscape page of them, and its
    glossary two), one fewer than the sample's (with the chart, 16)."""
    assert len(texts(long_plan[1])) <= 15, len(texts(long_plan[1]))


def test_a_long_plans_summary_gives_each_quick_win_a_line_under_its_pillar(long_plan: tuple[Plan, Path]) -> None:
    """Each quick win is one numbered line, code and name, under its pillar's band giving the pillar's count and
    budget, in the book's order; the table's total is theirs; the chapter sends the reader to the book for the
    rest, and is some three pages, not the full table's eight."""
    plan, pdf = long_plan
    pages = texts(pdf)
    found = dict(outline_pages(pdf))
    start, end = found["Bab 4 · Quick Win"], found["Bab 5 · Anggaran"]
    chapter = " ".join(pages[start:end])  # outline_pages: 0-based page indexes
    wins = plan.quick_wins
    assert f"memuat {len(wins)} quick win masterplan ini per dimensi" in chapter
    assert "target indikator, dan sumber pendanaan setiap quick win dimuat dalam tabel quick win dokumen" in chapter
    places = [chapter.index(f"{number} {program.id} ") for number, program in enumerate(wins, 1)]
    assert places == sorted(places)
    for pillar in plan.pillars:
        if pillar.quick_wins:
            total = sum(p.total_budget for p in pillar.quick_wins)
            band = f"{pillar.name.get('id')} {len(pillar.quick_wins)} quick win · Rp {total:,}".replace(",", ".")
            assert band in chapter, band
    assert f"Total Rp {sum(p.total_budget for p in wins):,}".replace(",", ".") in chapter
    assert "Permasalahan yang diatasi" not in chapter and "Target indikator" not in chapter
    assert end - start <= 3, end - start
