"""An indicator's realised figures (``realised:``, realisasi) beside its targets: on the program and pillar pages, in
the book's indicator tables and program matrix, and in the open data; a plan without any prints as before."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts

from masterplan.build import BuildOptions, run

#: monitored up to 2024: the program's first two years, and the pillar's index in a year it has no target for; the
#: program's second indicator and the pillar's say which way is better, so each figure met its target or not
REALISED_FILES = {
    "content/plan.yml": MINI_FILES["content/plan.yml"].replace("date: 2021-12-01", "date: 2024-03-01"),
    "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "targets: {2022: 60, 2023: 80, 2024: 90}",
        "targets: {2022: 60, 2023: 80, 2024: 90}\n                realised: {2022: 55, 2023: 78.5}"
        # lower is better: 2022's 18 met its target of 20, 2023's 12 missed its 10
        "\n              - {name: Waktu respons awal aduan, unit: menit, direction: down, baseline: {year: 2021, value: 35},"
        "\n                 targets: {2022: 20, 2023: 10, 2024: 10}, realised: {2022: 18, 2023: 12}}"),
    "content/pillars/governance.yml": MINI_FILES["content/pillars/governance.yml"].replace(
        "targets: {2022: 2.3, 2026: 3.5}", "targets: {2022: 2.3, 2026: 3.5}\n            realised: {2022: 2.25, 2023: 2.6}"
        "\n            direction: up"),
}


@pytest.fixture(scope="module")
def monitored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan with realised figures, built (PDF and site)."""
    root = write_plan(tmp_path_factory.mktemp("monitored"), REALISED_FILES)
    result = run(root, BuildOptions())
    assert result.ok, [str(d) for d in result.report]
    return root / "build"


@pytest.fixture(scope="module")
def unmonitored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan as it is, without realised figures, built (PDF and site)."""
    root = write_plan(tmp_path_factory.mktemp("unmonitored"), {})
    result = run(root, BuildOptions())
    assert result.ok, [str(d) for d in result.report]
    return root / "build"


class _Rows(HTMLParser):
    """The rows of the table with ``id``: each cell as (tag, scope, text as read, the visually hidden part too)."""

    def __init__(self, table_id: str) -> None:
        super().__init__()
        self.table_id, self.inside, self.rows = table_id, False, []  # type: list[list[tuple[str, str, str]]]
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.inside = dict(attrs).get("id") == self.table_id
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell, self.scope = [], dict(attrs).get("scope") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append((tag, self.scope, " ".join("".join(self.cell).split())))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(page: Path, table_id: str) -> list[list[tuple[str, str, str]]]:
    parser = _Rows(table_id)
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.rows


def test_the_program_page_shows_the_realised_figures_in_a_row_under_the_targets(monitored: Path) -> None:
    head, targets, realised, *_ = table_rows(monitored / "site" / "program" / "GOV-01.html", "program-indicators")
    assert [text for _, _, text in head][3:] == ["2022", "2023", "2024", "Arah"]
    assert [text for _, _, text in targets][3:] == ["60,0", "80,0", "90,0", ""]  # 78,5 beside them: one decimal for all
    # its row header says what the row is, and of which indicator (visually hidden, read with each cell)
    assert realised[0] == ("th", "row", "Aduan ditanggapi dalam 10 menit: Realisasi")
    # without a direction, a figure is not said to meet its target or not
    assert [text for _, _, text in realised][3:] == ["55,0", "78,5", "–", ""]


def test_the_program_page_marks_each_realised_figure_met_or_not_by_the_direction(monitored: Path) -> None:
    page = monitored / "site" / "program" / "GOV-01.html"
    *_, targets, realised = table_rows(page, "program-indicators")
    assert [text for _, _, text in targets][3:] == ["20", "10", "10", "↓ diharapkan turun"]
    # lower is better: 18 under 20 met it, 12 over 10 did not; a mark to the eye, words to a screen reader
    assert [text for _, _, text in realised][3:] == ["✓18 (target tercapai)", "✗12 (target tidak tercapai)", "–", ""]
    html = page.read_text(encoding="utf-8")
    assert ('<p class="table-note" id="program-indicators-note">✓ target tercapai, ✗ target tidak tercapai, menurut '
            'arah yang diharapkan indikator.</p>') in html


def test_the_pillar_page_marks_a_realised_figure_below_a_rising_target_as_not_met(monitored: Path) -> None:
    *_, realised = table_rows(monitored / "site" / "pillar" / "governance.html", "pillar-indicators")
    # higher is better: 2,25 under 2,30 missed it; 2023 has no target to meet
    assert [text for _, _, text in realised][3:5] == ["✗2,25 (target tidak tercapai)", "2,60"]


def test_the_pillar_page_gives_a_year_with_only_a_realised_figure_its_column(monitored: Path) -> None:
    head, targets, realised = table_rows(monitored / "site" / "pillar" / "governance.html", "pillar-indicators")
    assert [text for _, _, text in head][3:] == ["2022", "2023", "2026", "Arah"]
    assert [text for _, _, text in targets][3:] == ["2,30", "–", "3,50", "↑ diharapkan naik"]
    # under the direction column, an empty cell: the row's figures stay under their years
    assert [text for _, _, text in realised] == [
        "Indeks SPBE: Realisasi", "", "", "✗2,25 (target tidak tercapai)", "2,60", "–", ""]


def test_the_book_prints_the_realised_figures_under_the_targets(monitored: Path) -> None:
    text = " ".join(" ".join(page.split()) for page in page_texts(monitored / "masterplan.pdf"))
    # the program matrix
    assert "2022: 60,0 · 2023: 80,0 · 2024: 90,0 Realisasi 2022: 55,0 · 2023: 78,5" in text
    # the pillar's indicators
    assert "2022: 2,30 · 2026: 3,50 diharapkan naik Realisasi 2022: 2,25 (tidak tercapai) · 2023: 2,60" in text


def test_the_book_says_in_words_whether_each_realised_figure_met_its_target(monitored: Path) -> None:
    text = " ".join(" ".join(page.split()) for page in page_texts(monitored / "masterplan.pdf"))
    assert "2022: 20 · 2023: 10 · 2024: 10 diharapkan turun Realisasi 2022: 18 (tercapai) · 2023: 12 (tidak tercapai)" in text


def test_a_plan_without_realised_figures_prints_no_such_word(unmonitored: Path) -> None:
    text = " ".join(page_texts(unmonitored / "masterplan.pdf"))
    assert "Realisasi" not in text and "2022: 60 · 2023: 80 · 2024: 90" in " ".join(text.split())
    for page in ("program/GOV-01.html", "pillar/governance.html"):
        html = (unmonitored / "site" / page).read_text(encoding="utf-8")
        assert "Realisasi" not in html and 'class="realised"' not in html


def test_the_open_data_carries_the_realised_figures(monitored: Path) -> None:
    import openpyxl

    data = monitored / "site" / "data"
    with (data / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["year"], r["target"], r["realised"]) for r in table if r["owner_id"] == "GOV-01"][:3] == [
        ("2022", "60", "55"), ("2023", "80", "78.5"), ("2024", "90", "")]
    # a year with a realised figure and no target is a row of its own
    assert [(r["year"], r["target"], r["realised"]) for r in table if r["owner_id"] == "governance"] == [
        ("2022", "2.3", "2.25"), ("2023", "", "2.6"), ("2026", "3.5", "")]
    plan = json.loads((data / "plan.json").read_text(encoding="utf-8"))
    program = next(p for p in plan["programs"] if p["id"] == "GOV-01")
    assert program["indicators"][0]["realised"] == {"2022": 55, "2023": 78.5}
    assert plan["pillars"][0]["indicators"][0]["realised"] == {"2022": 2.25, "2023": 2.6}
    sheet = openpyxl.load_workbook(data / "plan.xlsx", read_only=True)["Indikator"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    column = rows[0].index("realised")
    assert [row[column] for row in rows[1:] if row[1] == "GOV-01"][:3] == [55, 78.5, None]
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "indicators")["schema"]["fields"]
    described = {field["name"]: field for field in fields}
    assert described["realised"]["type"] == "number" and "realisasi" in described["realised"]["description"]


def test_the_open_data_says_whether_each_realised_figure_met_its_target(monitored: Path) -> None:
    """As the book and the site do: the program's second indicator is lower-is-better, its first has no direction."""
    import openpyxl

    data = monitored / "site" / "data"
    with (data / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["indicator_number"], r["year"], r["target"], r["realised"], r["target_met"])
            for r in table if r["owner_id"] == "GOV-01"] == [
        ("1", "2022", "60", "55", ""), ("1", "2023", "80", "78.5", ""), ("1", "2024", "90", "", ""),
        ("2", "2022", "20", "18", "true"), ("2", "2023", "10", "12", "false"), ("2", "2024", "10", "", "")]
    plan = json.loads((data / "plan.json").read_text(encoding="utf-8"))
    program = next(p for p in plan["programs"] if p["id"] == "GOV-01")
    assert [i["target_met"] for i in program["indicators"]] == [{}, {"2022": True, "2023": False}]
    sheet = openpyxl.load_workbook(data / "plan.xlsx", read_only=True)["Indikator"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    column = rows[0].index("target_met")
    assert [row[column] for row in rows[1:] if row[1] == "GOV-01"] == [None, None, None, True, False, None]
    notes = openpyxl.load_workbook(data / "plan.xlsx", read_only=True)["Keterangan kolom"]
    said = {row[1]: row[2] for row in notes.iter_rows(values_only=True) if row[0] == "Indikator"}
    assert said["target_met"].startswith("Apakah realisasi memenuhi target tahun itu, menurut arahnya (direction)")
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "indicators")["schema"]["fields"]
    assert {field["name"]: field["type"] for field in fields}["target_met"] == "boolean"
