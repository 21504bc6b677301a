"""How far the plan is on track, at a glance: each pillar's indicators met, not met, not reported and not judged in the
latest year monitored, on the site's home page, in the book (its own chapter, listed among the tables), in plan.json
and in the English edition; the same by lead agency, and the targets not met, for the monitoring officer's report; a
plan without realised figures shows no such table."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts
from test_realised import REALISED_FILES, table_rows

from masterplan.build import BuildOptions, run

#: monitored up to 2023: GOV-01's first indicator (higher is better) reached its 80, its second (lower is better)
#: missed its 10, the pillar's index has no target in 2023 (not judged) and ECO-01's indicator, led by BPKAD, a target
#: and no realised figure (not reported)
AGENCY = "content/agencies/diskominfo.yml"
MONITORED = {**REALISED_FILES, AGENCY: REALISED_FILES[AGENCY].replace(
    "realised: {2022: 55, 2023: 78.5}", "realised: {2022: 55, 2023: 80}\n                direction: up")}
ENGLISH = {**MONITORED, "content/plan.yml": MONITORED["content/plan.yml"] + "language: en\n"}


def _built(root: Path) -> Path:
    result = run(root, BuildOptions())
    assert result.ok, [str(d) for d in result.report]
    return root / "build"


@pytest.fixture(scope="module")
def monitored(monitored_build: Path) -> Path:
    """The monitored plan's build/ (conftest's, built once a session: read only)."""
    return monitored_build


def _cells(page: Path) -> list[list[str]]:
    return [[text for _, _, text in row] for row in table_rows(page, "attainment")]


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.split()) for page in page_texts(pdf))


def test_the_home_page_counts_each_pillars_indicators_met_not_met_not_reported_and_not_judged(monitored: Path) -> None:
    """A target with no realised figure was "not judged" with the words and the pillar indexes: the agencies the
    monitoring officer has to ask again could not be told apart. They are "not reported" now."""
    assert _cells(monitored / "site" / "index.html") == [
        ["Dimensi", "Target tercapai", "Target tidak tercapai", "Belum dilaporkan", "Tidak dapat dinilai"],
        ["Smart Governance", "1", "1", "0", "1"],
        ["Smart Economy", "0", "0", "1", "0"],
        ["Total", "1", "1", "1", "1"],
    ]


def test_the_home_pages_table_says_the_year_it_is_about_in_its_caption(monitored: Path) -> None:
    html = (monitored / "site" / "index.html").read_text(encoding="utf-8")
    assert '<caption id="attainment-caption">Tabel 9.1 Capaian target indikator per dimensi, 2023</caption>' in html
    assert 'scope="row">Total</th>' in html.partition('id="attainment"')[2]


def test_a_year_after_the_plans_date_and_an_indicator_given_twice_leave_the_counts_as_they_were(tmp_path: Path) -> None:
    """A realised figure of 2025 in a plan dated March 2024 (W327: a year typed wrong, or a date not moved on) made
    the table 2025's, every indicator in it not judged; the pillar's Indeks SPBE, its figures given again under
    GOV-01 (one indicator, as W418 reads it), was counted twice."""
    pillar = "content/pillars/governance.yml"
    files = {**MONITORED,
             pillar: MONITORED[pillar].replace("realised: {2022: 2.25, 2023: 2.6}",
                                               "realised: {2022: 2.25, 2023: 2.6, 2025: 2.9}"),
             AGENCY: MONITORED[AGENCY].replace(
                 "\n              - {name: Waktu respons awal aduan",
                 "\n              - {name: Indeks SPBE, unit: indeks, baseline: {year: 2021, value: 2.1},"
                 " targets: {2022: 2.3}, realised: {2022: 2.25, 2023: 2.6}, direction: up}"
                 "\n              - {name: Waktu respons awal aduan")}
    root = write_plan(tmp_path, files)
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report]
    assert "W327" in {d.code for d in result.report}
    page = root / "build" / "site" / "index.html"
    assert "Capaian target indikator per dimensi, 2023</caption>" in page.read_text(encoding="utf-8")
    assert _cells(page)[1:] == [["Smart Governance", "1", "1", "0", "1"], ["Smart Economy", "0", "0", "1", "0"],
                                ["Total", "1", "1", "1", "1"]]


def _spbe_given_twice(tmp_path: Path, pillar_realised: bool) -> Path:
    """The monitored plan, built, whose Indeks SPBE GOV-01 gives again with a target of 2.5 in 2023 and 2.4 reached;
    the pillar's own copy with its realised figures (2.6 in 2023: met) or without them."""
    pillar = "content/pillars/governance.yml"
    pillar_yml = MONITORED[pillar].replace("targets: {2022: 2.3, 2026: 3.5}", "targets: {2022: 2.3, 2023: 2.5, 2026: 3.5}")
    files = {**MONITORED,
             pillar: pillar_yml if pillar_realised else pillar_yml.replace(
                 "            realised: {2022: 2.25, 2023: 2.6}\n", ""),
             AGENCY: MONITORED[AGENCY].replace(
                 "\n              - {name: Waktu respons awal aduan",
                 "\n              - {name: Indeks SPBE, unit: indeks, baseline: {year: 2021, value: 2.1},"
                 " targets: {2023: 2.5}, realised: {2023: 2.4}, direction: up}"
                 "\n              - {name: Waktu respons awal aduan")}
    assert files[pillar] != MONITORED[pillar] and files[AGENCY] != MONITORED[AGENCY]
    assert ("realised: {2022: 2.25, 2023: 2.6}" in files[pillar]) is pillar_realised
    root = write_plan(tmp_path, files)
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report]
    return root


def test_a_target_missed_by_a_programs_copy_of_a_pillars_indicator_is_counted(tmp_path: Path) -> None:
    """A program monitoring an indicator its pillar also gives (one indicator, as W418 reads it) with a realised figure
    that missed the target, and the pillar's copy with none: the pillar's copy was counted alone, not judged, and the
    missed target vanished from the table the DPRD reads. The place that can tell is counted."""
    root = _spbe_given_twice(tmp_path, pillar_realised=False)
    page = root / "build" / "site" / "index.html"
    assert _cells(page)[1:] == [["Smart Governance", "1", "2", "0", "0"], ["Smart Economy", "0", "0", "1", "0"],
                                ["Total", "1", "2", "1", "0"]]


def test_the_book_prints_the_table_in_its_own_chapter_and_lists_it_among_the_tables(monitored: Path) -> None:
    text = _text(monitored / "masterplan.pdf")
    assert "BAB 9 Capaian Indikator 9.1 Capaian per Dimensi Tabel 9.1 Capaian target indikator per dimensi, 2023" in text
    assert "Dimensi Target tercapai Target tidak tercapai Belum dilaporkan Tidak dapat dinilai Smart Governance 1 1 0 1 " \
           "Smart Economy 0 0 1 0 Total 1 1 1 1" in text
    assert text.count("Capaian target indikator per dimensi, 2023") == 2  # the list of tables, the caption


def test_the_english_edition_says_it_in_english(tmp_path: Path) -> None:
    """Its caption said "Indicators that met their target by pillar" above counts of those that did not too: it
    says what the Indonesian does, the attainment of the targets."""
    build = _built(write_plan(tmp_path, ENGLISH))
    assert _cells(build / "site" / "index.html")[0] == ["Pillar", "Target met", "Target not met", "Not reported",
                                                        "Not judged"]
    assert "Table 9.1 Attainment of indicator targets by pillar, 2023</caption>" in (
        build / "site" / "index.html").read_text(encoding="utf-8")
    text = _text(build / "masterplan.pdf")
    assert "Table 9.1 Attainment of indicator targets by pillar, 2023" in text and "Indicator attainment" in text
    assert "met their target by pillar" not in text


def test_a_figure_written_like_1000_is_not_judged_and_the_note_says_so(tmp_path: Path) -> None:
    """A realised 2.500 where the targets are 20 and 10 minutes, its dot perhaps marking thousands (W312), is
    counted among those not judged; the note under the table named a word but not it."""
    files = {**MONITORED, AGENCY: MONITORED[AGENCY].replace("realised: {2022: 18, 2023: 12}",
                                                            "realised: {2022: 18, 2023: 2.500}")}
    root = write_plan(tmp_path, files)
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok and "W312" in {d.code for d in result.report}, [str(d) for d in result.report]
    page = root / "build" / "site" / "index.html"
    assert _cells(page)[1] == ["Smart Governance", "1", "0", "0", "2"]
    note = "angka yang ditulis sebagai kata, atau angka yang ditulis seperti 1.000, yang titiknya mungkin pemisah ribuan."
    assert note in page.read_text(encoding="utf-8")


def test_the_books_note_under_the_table_names_a_figure_like_1000(monitored: Path) -> None:
    assert "atau angka yang ditulis seperti 1.000, yang titiknya mungkin pemisah ribuan." in _text(
        monitored / "masterplan.pdf")


def test_a_plan_without_realised_figures_shows_no_attainment(tmp_path: Path) -> None:
    build = _built(write_plan(tmp_path, {"content/plan.yml": MINI_FILES["content/plan.yml"]}))
    assert 'id="attainment"' not in (build / "site" / "index.html").read_text(encoding="utf-8")
    assert "Capaian" not in _text(build / "masterplan.pdf")


def test_plan_json_has_attainment_by_pillar_null_before_any_monitoring(tmp_path: Path) -> None:
    """The key was left out before any realised figure: a reader of the open data could not tell "not monitored yet"
    from a file of an older tool. It is there, null, and the data page says when."""
    root = write_plan(tmp_path, {})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    plan = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert "attainment_by_pillar" in plan and plan["attainment_by_pillar"] is None
    html = (root / "build" / "site" / "data.html").read_text(encoding="utf-8")
    assert re.search(r"<code>attainment_by_pillar</code></th><td>[^<]*beserta totalnya; null sebelum ada angka "
                     r"realisasi</td>", html)


def test_the_open_data_carries_the_counts_and_the_data_page_says_what_they_are(monitored: Path) -> None:
    plan = json.loads((monitored / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert plan["attainment_by_pillar"] == {
        "year": 2023,
        "pillars": [{"pillar": "governance", "target_met": 1, "target_not_met": 1, "not_reported": 0, "not_judged": 1},
                    {"pillar": "economy", "target_met": 0, "target_not_met": 0, "not_reported": 1, "not_judged": 0}],
        "total": {"target_met": 1, "target_not_met": 1, "not_reported": 1, "not_judged": 1},
    }
    assert plan["attainment_by_agency"] == {"year": 2023, "agencies": [
        {"agency": "bpkad", "target_met": 0, "target_not_met": 0, "not_reported": 1, "not_judged": 0},
        {"agency": "diskominfo", "target_met": 1, "target_not_met": 1, "not_reported": 0, "not_judged": 0}]}
    html = (monitored / "site" / "data.html").read_text(encoding="utf-8")
    assert "<code>attainment_by_pillar</code></th><td>Pada tahun terakhir yang dipantau (year)" in html


def test_a_chapter_claiming_the_part_holds_the_table_after_its_text(tmp_path: Path) -> None:
    chapter = "---\ntitle: Monitoring dan Evaluasi\ngenerated: attainment\n---\nCapaiannya dirangkum dalam [[tab:attainment]].\n"
    build = _built(write_plan(tmp_path, {**MONITORED, "content/chapters/08-monev.md": chapter}))
    text = _text(build / "masterplan.pdf")
    assert ("BAB 2 Monitoring dan Evaluasi Capaiannya dirangkum dalam Tabel 2.1, hlm. 2. 2.1 Capaian per Dimensi "
            "Tabel 2.1 Capaian target indikator per dimensi, 2023") in text
    assert "Capaian Indikator" not in text  # no chapter of its own besides
    page = build / "site" / "chapter" / "monev.html"
    assert _cells(page)[-1] == ["Total", "1", "1", "1", "1"]
    assert 'href="../chapter/monev.html#attainment">Tabel 2.1</a>' in page.read_text(encoding="utf-8")  # this page
    # headed and numbered as the book's section, "2.1 Capaian per Dimensi"
    assert ('<h2 id="attainment-heading" data-section><span class="secnum" id="bab-monev-1">2.1</span> Capaian per '
            'Dimensi</h2>') in page.read_text(encoding="utf-8")


def test_a_chapter_claiming_the_budget_and_the_attainment_holds_both_in_the_order_written(tmp_path: Path) -> None:
    chapter = "---\ntitle: Monitoring dan Evaluasi\ngenerated: [budget, attainment]\n---\nAnggaran dan capaiannya.\n"
    build = _built(write_plan(tmp_path, {**MONITORED, "content/chapters/08-monev.md": chapter}))
    text = _text(build / "masterplan.pdf")
    body = text[text.index("BAB 2 Monitoring dan Evaluasi Anggaran dan capaiannya."):]
    budget = body.index("Tabel 2.1 Indikasi anggaran per dimensi dan tahun")
    attained = body.index("Tabel 2.6 Capaian target indikator per dimensi, 2023")
    assert budget < body.index("Tabel 2.5 Indikasi anggaran per perangkat daerah pengampu dan tahun") < attained
    assert attained < body.index("BAB 3 Visi dan Misi")  # the next chapter: no "Anggaran" of its own
    assert "Capaian Indikator" not in text  # nor an attainment chapter
    page = build / "site" / "chapter" / "monev.html"
    tables = re.findall(r'<table id="([^"]+)"', page.read_text(encoding="utf-8"))
    assert tables == ["budget-pillar", "budget-source", "budget-agency", "budget-source-year", "budget-agency-year",
                      "attainment", "attainment-agency", "attainment-missed"]
    assert _cells(page)[-1] == ["Total", "1", "1", "1", "1"]


def test_the_book_lists_the_attainment_by_agency_and_every_target_not_met(monitored: Path) -> None:
    """The monitoring officer's report asks which targets were missed, by which agency, and who did not report: the
    book counted by pillar only, and the misses were found by paging through the matrices. The attainment chapter
    now counts by lead agency too, BPKAD's target without a realised figure among them, and lists each target not
    met, with its agency, target, realised figure and which way is better."""
    text = _text(monitored / "masterplan.pdf")
    assert ("9.2 Capaian per Perangkat Daerah Pengampu Tabel 9.2 Capaian target indikator per perangkat daerah "
            "pengampu, 2023") in text
    assert "BPKAD 0 0 1 0 Diskominfo 1 1 0 0" in text
    missed = text[text.rindex("9.3 Target yang Tidak Tercapai"):]  # after the table of contents' line
    assert missed.startswith("9.3 Target yang Tidak Tercapai Tabel 9.3 Target yang tidak tercapai pada 2023")
    # lower is better: 12 minutes against a target of 10 attained 80%, as a performance report (LKjIP) reckons it
    assert re.search(r"GOV-01 e-Sambat .{0,40}Waktu respons awal aduan \(menit\) diharapkan turun Diskominfo 10 12 80,0% ",
                     missed), missed[:400]
    assert "Capaian: angka realisasi dibagi target bila makin tinggi makin baik; bila makin rendah makin baik, (2 × " \
           "target − realisasi) ÷ target" in missed
    table = missed[:missed.index("Setiap target yang tidak tercapai pada 2023")]
    assert table.count("GOV-01") == 1 and "Aduan ditanggapi" not in table  # the missed one only, not the met one
    contents = text[:text.index("BAB 1")]
    assert "9.3 Target yang Tidak Tercapai" in contents and "Tabel 9.3 Target yang tidak tercapai pada 2023" in contents


def test_the_site_lists_them_on_the_attainment_page_linked_to_each_program_and_agency(monitored: Path) -> None:
    page = monitored / "site" / "attainment.html"
    html = page.read_text(encoding="utf-8")
    assert [[text for _, _, text in row] for row in table_rows(page, "attainment-agency")] == [
        ["Perangkat daerah pengampu", "Target tercapai", "Target tidak tercapai", "Belum dilaporkan",
         "Tidak dapat dinilai"], ["BPKAD", "0", "0", "1", "0"], ["Diskominfo", "1", "1", "0", "0"]]
    rows = [[text for _, _, text in row] for row in table_rows(page, "attainment-missed")]
    assert rows[1][0] == "GOV-01 e-Sambat (Media Sambat Masyarakat)" and rows[1][2:] == ["Diskominfo", "10", "12", "80,0%"]
    assert len(rows) == 2
    assert 'href="program/GOV-01.html"' in html.partition('id="attainment-missed"')[2]
    assert 'href="agency/bpkad.html"' in html.partition('id="attainment-agency"')[2]


def test_the_indicators_table_of_the_open_data_names_the_agency_and_the_standing(monitored: Path) -> None:
    """The spreadsheet's indicators could not be pivoted by agency (no such column) nor by standing (target_met left
    not reported, not judged and not due alike empty)."""
    with (monitored / "site" / "data" / "indicators.csv").open(encoding="utf-8") as rows:
        table = list(csv.DictReader(rows))
    standing = {(r["owner_id"], r["indicator_number"], r["year"]): (r["lead_agency"], r["status"]) for r in table}
    assert standing[("GOV-01", "2", "2023")] == ("diskominfo", "missed")
    assert standing[("GOV-01", "1", "2023")] == ("diskominfo", "met")
    eco = [key for key in standing if key[0] == "ECO-01" and key[2] == "2023"]
    assert eco and standing[eco[0]] == ("bpkad", "not_reported")
    assert all(status == "" for (owner, _, year), (_, status) in standing.items() if year and int(year) > 2023)
    assert {agency for (owner, _, _), (agency, _) in standing.items() if owner == "governance"} == {""}
    attained = {(r["owner_id"], r["indicator_number"], r["year"]): r["attainment_percent"] for r in table}
    assert attained[("GOV-01", "2", "2023")] == "80.0"  # 12 minutes against 10, lower better: (2 × 10 − 12) ÷ 10
    assert all(percent == "" for (owner, _, year), percent in attained.items() if year and int(year) > 2023)


def test_attainment_is_reckoned_as_a_performance_report_reckons_it() -> None:
    """Capaian, as LKjIP reports write it: realised ÷ target where higher is better; (2 × target − realised) ÷ target
    where lower is better, never below nothing; none for a target of 0, a word, or no direction."""
    from masterplan.attainment import reached
    from masterplan.diagnostics import Position
    from masterplan.programs import Indicator
    from masterplan.values import Text

    def attained(direction: str | None, target: object, realised: object) -> float | None:
        indicator = Indicator(Text.of("Indeks"), Text.of("indeks"), None, None, {2023: target},
                              Position("content/pillars/governance.yml"), direction=direction, realised={2023: realised})
        found = reached(indicator, 2023)
        return None if found is None else round(100 * found[0] / found[1], 1)

    assert attained("up", 80, 60) == 75.0 and attained("up", 2.5, 2.6) == 104.0
    assert attained("down", 10, 12) == 80.0 and attained("down", 10, 8) == 120.0 and attained("down", 10, 25) == 0.0
    assert attained("up", 0, 3) is None and attained(None, 80, 60) is None and attained("up", "ada", "ada") is None
    # a share of a negative target says nothing (a growth rate of −2 %: met at 1 was −50 %), nor falls below nothing
    assert attained("up", -2, 1) is None and attained("down", -0.5, -0.7) is None and attained("up", 10, -2) == 0.0


def test_a_target_not_met_never_reads_as_fully_attained() -> None:
    """9,999 against a target of 10,000 missed it, and the table of targets not met printed 100,0 %."""
    from masterplan.attainment import ALMOST_WHOLE, Missed
    from masterplan.diagnostics import Position
    from masterplan.programs import Indicator
    from masterplan.values import Text

    indicator = Indicator(Text.of("Pengguna"), Text.of("orang"), None, None, {2023: 10_000},
                          Position("content/pillars/governance.yml"), direction="up", realised={2023: 9_999})
    row = Missed(None, None, indicator, 10_000, 9_999, 2023)  # type: ignore[arg-type]
    assert indicator.met(2023) is False and row.reached == (10_000 * ALMOST_WHOLE, 10_000.0)


def test_a_monitoring_update_says_when_its_figures_were_collected_and_keeps_the_plans_date(tmp_path: Path) -> None:
    """Realised figures of 2022 and 2023 entered in 2024 into a plan adopted in December 2021 were each "from the
    future" (W327) and hid the attainment tables; the hint said to move the plan's date on, which re-dated the adopted
    plan on its cover and the site. plan.yml's realised_as_of now says when they were collected: the tables are
    2023's and say "as of", and the plan keeps its date."""
    plan_yml = re.sub(r"( *)date: 2024-03-01", r"\1date: 2021-12-01\n\1realised_as_of: 2024-02-15",
                      MONITORED["content/plan.yml"])
    assert plan_yml != MONITORED["content/plan.yml"]
    root = write_plan(tmp_path, {**MONITORED, "content/plan.yml": plan_yml})
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok and "W327" not in {d.code for d in result.report}, [str(d) for d in result.report]
    home = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Capaian target indikator per dimensi, 2023</caption>" in home
    assert "Data realisasi per 15 Februari 2024." in home
    assert "1 Desember 2021" in home and "2024" not in home.partition("<footer")[2].split("</footer>")[0]
    plan = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert plan["plan"]["date"] == "2021-12-01" and plan["plan"]["realised_as_of"] == "2024-02-15"
    without = write_plan(tmp_path / "without", {**MONITORED, "content/plan.yml": re.sub(
        r" *realised_as_of: 2024-02-15\n", "", plan_yml)})
    told = [d for d in run(without, BuildOptions(pdf=False, search=False)).report if d.code == "W327"]
    assert told and all("give plan.yml realised_as_of" in str(d.hint) for d in told)
    assert 'id="attainment"' not in (without / "build" / "site" / "index.html").read_text(encoding="utf-8")


def test_a_target_written_as_words_is_met_by_the_same_words_and_others_are_not_judged() -> None:
    """A target "diterapkan" reached as "Diterapkan" was never judged, so every such indicator of a plan fell among
    those not judged; "belum diterapkan" cannot be judged met or not by the words alone, nor a number beside words."""
    from masterplan.diagnostics import Position
    from masterplan.programs import Indicator
    from masterplan.values import Text

    indicator = Indicator(Text.of("Kebijakan satu data"), Text.of("dokumen"), None, None,
                          {2022: "diterapkan", 2023: "diterapkan", 2024: "diterapkan", 2025: "85"},
                          Position("content/pillars/governance.yml"),
                          realised={2022: " Diterapkan ", 2023: "belum diterapkan", 2024: 1, 2025: "85"})
    assert [indicator.met(year) for year in (2022, 2023, 2024, 2025)] == [True, None, None, None]


def test_the_targets_not_met_are_those_the_table_counts(tmp_path: Path) -> None:
    """An indicator the pillar gives and a program gives again (one indicator, as W418 reads it) is judged by the
    pillar's figure, which met its target: the table counted it met, and the list of targets not met still named the
    program's copy, which missed it."""
    root = _spbe_given_twice(tmp_path, pillar_realised=True)
    assert _cells(root / "build" / "site" / "index.html")[1] == ["Smart Governance", "2", "1", "0", "0"]
    missed = [[text for _, _, text in row] for row in table_rows(root / "build" / "site" / "attainment.html",
                                                                 "attainment-missed")][1:]
    assert [row[1].split(" (")[0] for row in missed] == ["Waktu respons awal aduan"], missed
