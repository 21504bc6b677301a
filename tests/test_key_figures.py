"""The executive summary's key figures (masterplan.key_figures): the six a mayor reads first, counted from the
plan as its tables count them, and printed at the end of the summary's first chapter.

The sample's panel is read back in test_summary_book; here, the mini plan's figures, what each counts at its
edges (an agency that only supports, one that takes no part, two years of the same budget), and where the panel
stands in a summary without the authors' text.
"""

from __future__ import annotations

from pathlib import Path

from conftest import write_plan
from pdf_reading import joined_texts
from test_summary_book import summary_alone, summary_on

from masterplan.key_figures import key_figures
from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.summary import budget

#: an agency of the city that leads, supports and partners nothing
IDLE_AGENCY = """\
    id: satpolpp
    name: Satuan Polisi Pamong Praja
    short_name: Satpol PP
    kind: badan
    programs: []
    """


def loaded(root: Path) -> Plan:
    plan = load_and_check(root).plan
    assert plan is not None
    return plan


def test_the_mini_plan_s_key_figures(tmp_path: Path) -> None:
    plan = loaded(write_plan(tmp_path, {"content/agencies/satpolpp.yml": IDLE_AGENCY}))
    figures = key_figures(plan, budget(plan))
    # GOV-01: 250 + 300 + 100 juta of APBD; ECO-01: 50 + 50 juta of APBN; both quick wins
    assert (figures.total, figures.programs, figures.pillars, figures.quick_wins) == (750_000_000, 2, 2, 2)
    assert figures.quick_wins_budget == 750_000_000
    assert (figures.peak_year, figures.peak_amount) == (2023, 350_000_000)
    assert figures.city_budget == 650_000_000
    # Diskominfo and BPKAD lead (BPKAD is GOV-01's partner too); Satpol PP takes no part
    assert (figures.leading, figures.involved) == (2, 2)


def test_a_regional_enterprise_is_counted_apart_from_the_perangkat_daerah(tmp_path: Path) -> None:
    """A BUMD (a Perumda) is an agency of the plan and no perangkat daerah: the panel's Indonesian words name it
    ("dari 3 perangkat daerah dan BUMD yang terlibat"), from the enterprises counted here, leading or involved."""
    enterprise = IDLE_AGENCY.replace("kind: badan", "kind: bumd").replace("programs: []", "supports: [ECO-01]\n    programs: []")
    plan = loaded(write_plan(tmp_path, {"content/agencies/satpolpp.yml": enterprise}))
    figures = key_figures(plan, budget(plan))
    assert (figures.leading, figures.involved, figures.enterprises_leading, figures.enterprises) == (2, 3, 0, 1)


def test_an_agency_that_only_supports_is_involved_not_leading(tmp_path: Path) -> None:
    supporting = IDLE_AGENCY.replace("programs: []", "supports: [ECO-01]\n    programs: []")
    plan = loaded(write_plan(tmp_path, {"content/agencies/satpolpp.yml": supporting}))
    figures = key_figures(plan, budget(plan))
    assert (figures.leading, figures.involved) == (2, 3)


def test_of_two_years_of_the_largest_budget_the_first_is_told(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {})
    agency = root / "content" / "agencies" / "diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("{year: 2023, amount: 300000000",
                                                                 "{year: 2023, amount: 250000000"), encoding="utf-8")
    plan = loaded(root)
    money = budget(plan)
    assert money.by_year[2022] == money.by_year[2023] == 300_000_000  # 250 + 50 juta each
    assert key_figures(plan, money).peak_year == 2022


def test_without_the_authors_text_the_panel_ends_the_vision_s_chapter(tmp_path: Path) -> None:
    root, _ = summary_on(tmp_path)
    assert not (root / "content" / "executive-summary.md").exists()
    pages = joined_texts(summary_alone(root))
    panel = next(index for index, page in enumerate(pages) if "ANGKA UTAMA" in page)
    assert "Visi dan Misi" in pages[panel] and "Tata kelola yang baik" in pages[panel]  # its first mission
    text = pages[panel][pages[panel].index("ANGKA UTAMA"):]
    for said in ("Rp 750 juta", "Indikasi anggaran", "2022–2026, seluruh sumber pendanaan", "dalam 2 dimensi",
                 "dari 2 perangkat daerah yang terlibat", "Rp 750 juta selama masa pelaksanaannya",
                 "Tahun dengan indikasi anggaran terbesar", "Rp 350 juta", "86,7%", "Rp 650 juta"):
        assert said in text, (said, text)
    assert sum("ANGKA UTAMA" in page for page in pages) == 1
