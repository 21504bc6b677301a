"""Open data: plan.json, the CSV tables and the workbook parse, match their documented columns and agree with the model."""

from __future__ import annotations

import csv
import hashlib
import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from masterplan import summary
from masterplan.build import BuildOptions, run
from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.render.data import FORMAT, JSON_FIELDS, export
from masterplan.render.data_tables import COLUMNS, tables


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    """The mini plan, loaded, and its open data (site built, no PDF), once for the module's tests, which read it: a
    test editing the files edits a copy of its own."""
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("built"), {})
    assert run(root, BuildOptions(pdf=False)).ok
    plan = load_and_check(root).plan
    assert plan is not None
    return plan, root / "build" / "site" / "data"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_headers_are_the_documented_columns(built: tuple[Plan, Path]) -> None:
    plan, data = built
    for name, columns in tables(plan).items():
        with (data / name).open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == [column for column, _ in columns]


def test_budget_csv_totals_equal_the_model(built: tuple[Plan, Path]) -> None:
    plan, data = built
    lines = rows(data / "budget.csv")
    assert sum(int(r["amount"]) for r in lines) == plan.total_budget == 750_000_000
    money = summary.budget(plan)
    for pillar in plan.pillars:
        assert sum(int(r["amount"]) for r in lines if r["pillar"] == pillar.id) == money.by_pillar[pillar.id]
    for year, amount in money.by_year.items():
        assert sum(int(r["amount"]) for r in lines if int(r["year"]) == year) == amount


def test_programs_csv_has_one_row_per_program(built: tuple[Plan, Path]) -> None:
    plan, data = built
    table = {r["id"]: r for r in rows(data / "programs.csv")}
    assert list(table) == [p.id for p in plan.programs]
    assert sum(int(r["budget_total"]) for r in table.values()) == plan.total_budget
    assert table["GOV-01"]["partner_agencies"] == "bpkad"
    assert table["GOV-01"]["quick_win"] == "true"
    assert table["ECO-01"]["depends_on"] == "GOV-01"
    assert table["GOV-01"]["name"] == "e-Sambat (Media Sambat Masyarakat)"


def test_indicators_csv_has_one_row_per_target(built: tuple[Plan, Path]) -> None:
    plan, data = built
    table = rows(data / "indicators.csv")
    expected = sum(len(i.targets) for p in plan.programs for i in p.indicators)
    expected += sum(len(i.targets) for p in plan.pillars for i in p.indicators)
    assert len(table) == expected
    sambat = [r for r in table if r["owner_id"] == "GOV-01"]
    assert [(r["year"], r["target"]) for r in sambat] == [("2022", "60"), ("2023", "80"), ("2024", "90")]
    assert sambat[0]["baseline_value"] == "40" and sambat[0]["unit"] == "persen"


def test_agencies_csv_names_each_agency_with_what_it_leads_and_supports(built: tuple[Plan, Path]) -> None:
    plan, data = built
    table = {r["id"]: r for r in rows(data / "agencies.csv")}
    assert list(table) == [a.id for a in plan.agencies]
    assert table["bpkad"]["short_name"] == "BPKAD" and table["bpkad"]["kind"] == "badan"
    assert table["bpkad"]["programs_supported"] == "1"
    assert sum(int(r["budget_led"]) for r in table.values()) == plan.total_budget == 750_000_000
    led = {a.id: len(a.programs) for a in plan.agencies}
    assert {k: int(r["programs_led"]) for k, r in table.items()} == led and led["diskominfo"] > 0


def test_plan_json_states_the_licence_the_plan_gives_and_none_otherwise(built: tuple[Plan, Path],
                                                                        make_plan: Callable[..., Path]) -> None:
    _, data = built
    assert json.loads((data / "plan.json").read_text(encoding="utf-8"))["plan"]["license"] is None
    from conftest import MINI_FILES
    licensed = textwrap.dedent(MINI_FILES["content/plan.yml"]) + (
        "open_data:\n  license: CC BY 4.0\n  license_url: https://creativecommons.org/licenses/by/4.0/deed.id\n")
    root = make_plan({"content/plan.yml": licensed})
    assert run(root, BuildOptions(pdf=False)).ok
    document = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert document["plan"]["license"] == {"name": "CC BY 4.0",
                                           "url": "https://creativecommons.org/licenses/by/4.0/deed.id"}


def test_plan_json_gives_the_apbd_ceiling_the_plan_gives_and_none_otherwise(built: tuple[Plan, Path],
                                                                           make_plan: Callable[..., Path]) -> None:
    _, data = built
    assert json.loads((data / "plan.json").read_text(encoding="utf-8"))["plan"]["apbd_ceiling"] is None
    from conftest import MINI_FILES
    ceiling = textwrap.dedent(MINI_FILES["content/plan.yml"]) + "apbd_ceiling: {2023: 200000000, 2022: 300000000}\n"
    root = make_plan({"content/plan.yml": ceiling})
    assert run(root, BuildOptions(pdf=False)).ok
    document = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert document["plan"]["apbd_ceiling"] == {"2022": 300_000_000, "2023": 200_000_000}


def test_plan_json_gives_the_roadmaps_phases_and_an_empty_list_without_them(built: tuple[Plan, Path],
                                                                          make_plan: Callable[..., Path]) -> None:
    _, data = built
    assert json.loads((data / "plan.json").read_text(encoding="utf-8"))["plan"]["phases"] == []
    from conftest import MINI_FILES
    phased = textwrap.dedent(MINI_FILES["content/plan.yml"]) + (
        "phases:\n  - {name: Jangka Pendek, theme: Membangun Momentum, period: {start: 2022, end: 2023},\n"
        "     description: Fondasi digital dibangun.}\n"
        "  - {name: {id: Jangka Menengah, en: Medium term}, period: {start: 2024, end: 2026}}\n")
    root = make_plan({"content/plan.yml": phased})
    assert run(root, BuildOptions(pdf=False)).ok
    document = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert document["plan"]["phases"] == [
        {"name": {"id": "Jangka Pendek"}, "theme": {"id": "Membangun Momentum"}, "period": {"start": 2022, "end": 2023},
         "description": {"id": "Fondasi digital dibangun."}},
        {"name": {"id": "Jangka Menengah", "en": "Medium term"}, "theme": None, "period": {"start": 2024, "end": 2026},
         "description": None}]


def test_plan_json_holds_the_whole_model(built: tuple[Plan, Path]) -> None:
    plan, data = built
    document = json.loads((data / "plan.json").read_text(encoding="utf-8"))
    assert document["format"] == FORMAT and document["format_version"] == 5
    documented = {key.strip() for keys, _ in JSON_FIELDS for key in keys.split(",")}
    assert set(document) == documented
    assert document["totals"]["budget"] == plan.total_budget
    assert sum(b["amount"] for p in document["programs"] for b in p["budget"]) == plan.total_budget
    sambat = next(p for p in document["programs"] if p["id"] == "GOV-01")
    assert sambat["name"]["id"] == "e-Sambat (Media Sambat Masyarakat)"
    assert sambat["dependents"] == ["ECO-01"] and sambat["lead"] == "diskominfo"
    assert sambat["indicators"][0]["targets"] == {"2022": 60, "2023": 80, "2024": 90}
    assert document["pillars"][0]["name"] == {"id": "Smart Governance", "en": "Smart Governance"}
    assert {a["id"]: a["supports"] for a in document["agencies"]}["bpkad"] == ["GOV-01"]


def test_the_open_data_is_the_same_bytes_whatever_pythons_hash_seed(make_plan: Callable[..., Path]) -> None:
    """Two builds of one plan write the same open data byte for byte: in two processes, each with its own order of
    sets and of anything that follows a hash (one process always gives one order, so a test in one hid it), so that
    a portal's harvester and a diff of two releases see only what changed in the plan."""
    import os
    import subprocess
    import sys
    root = make_plan()
    written = []
    for seed in ("1", "2", "3"):
        subprocess.run([sys.executable, "-m", "masterplan", "build", str(root), "--no-pdf", "--no-search",
                        "--no-cache"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        data = root / "build" / "site" / "data"
        written.append({path.name: path.read_bytes() for path in sorted(data.iterdir())
                        if path.suffix in (".json", ".csv")})
    assert "plan.json" in written[0] and len(written[0]) > 5
    assert written[1] == written[0] and written[2] == written[0]


#: each CSV file's sheet in an Indonesian plan's plan.xlsx
SHEETS = {"programs.csv": "Program", "budget.csv": "Baris anggaran", "agencies.csv": "Perangkat Daerah",
          "indicators.csv": "Indikator", "pillars.csv": "Dimensi", "sub_elements.csv": "Subelemen", "missions.csv": "Misi",
          "apbd_ceiling.csv": "APBD terhadap Pagu Indikatif", "budget_by_mission.csv": "Anggaran per Misi",
          "budget_by_phase.csv": "Anggaran per Tahapan"}


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]


def test_the_workbook_holds_each_csv_table_as_a_sheet_of_typed_cells(built: tuple[Plan, Path]) -> None:
    import openpyxl

    plan, data = built
    book = openpyxl.load_workbook(data / "plan.xlsx")
    assert book.sheetnames == ["Program", "Baris anggaran", "Perangkat Daerah", "Indikator", "Dimensi", "Subelemen",
                               "Misi", "Anggaran per Misi", "Ringkasan anggaran", "Keterangan kolom"]
    for name, columns in tables(plan).items():
        sheet = book[SHEETS[name]]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert table[0] == [column for column, _ in columns]
        # the same rows as the CSV file, a cell for each of its values (empty cells for empty values)
        written = [["" if value is None else value for value in row] for row in table[1:]]
        assert [[str(v).lower() if isinstance(v, bool) else str(v) for v in row] for row in written] == \
            [list(r.values()) for r in rows(data / name)]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    budget = book["Baris anggaran"]
    amounts = [row[5] for row in budget.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(a, int) for a in amounts) and sum(amounts) == plan.total_budget
    # Rp 1.250.000 in an Indonesian spreadsheet, Rp 1,250,000 in an English one
    assert budget["F2"].number_format == '"Rp "#,##0'
    # an empty value is a blank cell, not a text of no characters that COUNTA and ISBLANK take for a value
    programs_sheet = book["Program"]
    no_partners = [row for row in programs_sheet.iter_rows(min_row=2) if row[5].value in (None, "")]
    assert no_partners and all(row[5].data_type == "n" and row[5].value is None for row in no_partners)
    programs = {row[0]: row for row in book["Program"].iter_rows(min_row=2, values_only=True)}
    assert [programs[p.id][6] for p in plan.programs] == [p.quick_win for p in plan.programs]
    assert programs["GOV-01"][6] is True  # TRUE (BENAR in an Indonesian spreadsheet), not the text "true"
    assert programs["GOV-01"][7] == 2022


def test_every_open_data_table_has_a_sheet_name_in_both_languages() -> None:
    """A table added to the open data without a sheet name would get its file's English name in an Indonesian
    workbook ("budget_by_phase"), next to sheets named "Program" and "Baris anggaran"."""
    from masterplan.i18n import Translator
    from masterplan.render.data_tables import TITLES

    assert set(TITLES) == set(COLUMNS)
    indonesian = Translator("id")
    assert not [name for name in TITLES.values() if indonesian(name) == name]



def test_a_sheet_name_too_long_for_excel_is_cut_where_a_word_ends(tmp_path: Path) -> None:
    """Excel takes 31 characters in a sheet's name: the English workbook's sheet read "APBD against the indicative
    cei", then "APBD against the indicative". Every title of the open data, in both languages, now names its sheet
    whole, and a longer title (a plan's own catalog) is cut where a word ends."""
    import xlsxwriter

    from masterplan.i18n import Translator
    from masterplan.render.data_tables import TITLES
    from masterplan.render.workbook import SHEET_NAME_LONGEST, _sheet_name

    for language in ("id", "en"):
        words = Translator(language)
        book = xlsxwriter.Workbook(str(tmp_path / f"{language}.xlsx"))
        for title in TITLES.values():
            written = " ".join(words(title).split())
            name = _sheet_name(written, book, "Sheet")
            assert len(name) <= SHEET_NAME_LONGEST and written.startswith(name), (written, name)
            assert len(written) <= SHEET_NAME_LONGEST, (language, written)  # each sheet's title whole
            book.add_worksheet(name)
        book.close()
    assert _sheet_name("APBD against the indicative ceiling", xlsxwriter.Workbook(str(tmp_path / "x.xlsx")),
                       "Sheet") == "APBD against the indicative"

def test_the_workbook_sums_the_budget_as_the_book_does(built: tuple[Plan, Path]) -> None:
    """The budget summaries the book and the site print, by pillar and year, funding source and agency,
    as numbers a planner can reuse in a report."""
    plan, data = built
    money = summary.budget(plan)
    sheet = sheet_rows(data / "plan.xlsx", "Ringkasan anggaran")
    blocks: dict[str, list[tuple[object, ...]]] = {}
    for row in sheet:
        if row[0] and row[1] is None:
            title = str(row[0])
            blocks[title] = []
        elif row[0]:
            blocks[title].append(row)
    by_year = blocks["Anggaran per Dimensi dan Tahun"]  # years down, pillars across, as the book's Tabel 14.1
    pillars = [p.id for p in plan.pillars]
    assert by_year[0][:len(pillars) + 2] == ("Tahun", *(str(p.name) for p in plan.pillars), "Total")
    for row in by_year[1:-1]:
        year = int(str(row[0]))
        assert list(row[1:len(pillars) + 1]) == [money.by_pillar_year[p].get(year, 0) for p in pillars]
        assert row[len(pillars) + 1] == money.by_year[year]
    assert [row[0] for row in by_year[1:-1]] == list(money.years)  # numbers: text was flagged in Excel
    assert by_year[-1][0] == "Total" and by_year[-1][len(pillars) + 1] == money.total == 750_000_000
    by_source_year = blocks["Anggaran per Sumber Pendanaan dan Tahun"]  # as the book's Tabel 14.4
    assert by_source_year[0][:4] == ("Tahun", "APBD", "APBN", "Total")
    assert by_source_year[-1][:4] == ("Total", 650_000_000, 100_000_000, 750_000_000)
    sources = blocks["Anggaran per Sumber Pendanaan"]
    assert [(row[0], row[1]) for row in sources[1:-1]] == [("APBD", 650_000_000), ("APBN", 100_000_000)]  # as the book
    assert sum(row[2] for row in sources[1:-1]) == pytest.approx(1) and sources[-1][1:3] == (money.total, 1)
    agencies = blocks["Anggaran per Perangkat Daerah"]
    shorts = {a.short_name: a.id for a in plan.agencies}
    assert {shorts[row[0]]: row[1] for row in agencies[1:-1]} == {a: v for a, v in money.by_agency.items() if v}
    amounts = [row[1] for row in agencies[1:-1]]
    assert amounts == sorted(amounts, reverse=True)  # the largest first
    assert agencies[0][:3] == ("Perangkat Daerah", "Indikasi anggaran", "Porsi")  # its share, as the book's Tabel 14.3
    assert [row[2] for row in agencies[1:]] == pytest.approx([amount / money.total for amount in amounts] + [1])
    by_agency_year = blocks["Anggaran per Perangkat Daerah dan Tahun"]  # as the book's Tabel 14.5: agencies down
    assert by_agency_year[0][:len(money.years) + 2] == ("Perangkat Daerah", *map(str, money.years), "Total")
    assert [row[0] for row in by_agency_year[1:-1]] == [row[0] for row in agencies[1:-1]]
    for row in by_agency_year[1:-1]:
        assert list(row[1:len(money.years) + 2]) == [*money.by_agency_year[shorts[row[0]]].values(),
                                                    money.by_agency[shorts[row[0]]]]
    assert by_agency_year[-1][:len(money.years) + 2] == ("Total", *money.by_year.values(), money.total)


def test_the_workbook_says_what_every_column_means_in_the_plans_language(built: tuple[Plan, Path]) -> None:
    plan, data = built
    notes = sheet_rows(data / "plan.xlsx", "Keterangan kolom")
    assert notes[0][0] == "Masterplan Smart City Kota Contoh 2022–2026"
    assert ("Lembar", "Kolom", "Arti") in notes
    assert ("Baris anggaran", "amount", "Indikasi anggaran, dalam rupiah penuh") in notes
    described = {(sheet, column) for sheet, column, _ in notes[notes.index(("Lembar", "Kolom", "Arti")) + 1:]}
    assert described == {(SHEETS[name], column) for name, columns in tables(plan).items() for column, _ in columns}
    assert any("Belum ada lisensi" in str(row[0]) for row in notes[:5])  # the mini plan states none


def test_a_header_cell_selected_shows_what_its_column_means(built: tuple[Plan, Path]) -> None:
    """Beside the header, where a planner looks, in the plan's language: the input message a spreadsheet
    shows for a selected cell."""
    import openpyxl

    plan, data = built
    book = openpyxl.load_workbook(data / "plan.xlsx")
    for name, columns in tables(plan).items():
        shown = {str(rule.sqref): (rule.promptTitle, rule.prompt, rule.showInputMessage)
                 for rule in book[SHEETS[name]].data_validations.dataValidation}
        assert len(shown) == len(columns)
        for index, (column, _) in enumerate(columns):
            title, prompt, on = shown[f"{openpyxl.utils.get_column_letter(index + 1)}1"]
            assert title == column and on and prompt
        if name == "indicators.csv":
            assert shown["A1"][1] == "program atau pillar (dimensi)"  # owner_type, in Indonesian


def test_the_workbook_is_the_same_file_for_the_same_plan(make_plan: Callable[..., Path]) -> None:
    """Dated with the plan's date, not the build's: a file that changes only when the plan does."""
    import zipfile

    root = make_plan()
    assert run(root, BuildOptions(pdf=False, search=False, cache=False)).ok
    first = (root / "build" / "site" / "data" / "plan.xlsx").read_bytes()
    assert run(root, BuildOptions(pdf=False, search=False, cache=False)).ok
    assert (root / "build" / "site" / "data" / "plan.xlsx").read_bytes() == first
    with zipfile.ZipFile(root / "build" / "site" / "data" / "plan.xlsx") as book:
        properties = book.read("docProps/core.xml").decode("utf-8")
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2021-12-01T00:00:00Z</dcterms:created>' in properties


def frictionless_errors(data: Path) -> dict[str, list[str]]:
    """What ``frictionless validate datapackage.json`` finds, table by table (types, keys, references)."""
    import frictionless

    report = frictionless.validate(str(data / "datapackage.json"))
    assert not report.errors, [e.message for e in report.errors]  # the descriptor itself is a valid package
    return {task.name: [error.type for error in task.errors] for task in report.tasks}


def test_datapackage_describes_each_csv_file_as_frictionless_reads_it(built: tuple[Plan, Path]) -> None:
    plan, data = built
    assert frictionless_errors(data) == {"programs": [], "budget": [], "agencies": [], "indicators": [], "pillars": [],
                                         "sub_elements": [], "missions": [], "budget_by_mission": []}
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    for name, columns in tables(plan).items():
        fields = resources[name.removesuffix(".csv")]["schema"]["fields"]
        assert [f["name"] for f in fields] == [column for column, _ in columns]
    amount = {f["name"]: f for f in resources["budget"]["schema"]["fields"]}["amount"]
    assert amount == {"name": "amount", "type": "integer", "description": "Indikasi anggaran, dalam rupiah penuh"}
    assert resources["programs"]["schema"]["foreignKeys"] == [
        {"fields": ["lead_agency"], "reference": {"resource": "agencies", "fields": ["id"]}},
        {"fields": ["pillar"], "reference": {"resource": "pillars", "fields": ["id"]}},
        {"fields": ["pillar", "sub_element"], "reference": {"resource": "sub_elements", "fields": ["pillar", "id"]}}]
    assert resources["sub_elements"]["schema"]["primaryKey"] == ["pillar", "id"]
    assert package["name"] == "kota-contoh-2022-2026" and "licenses" not in package  # the mini plan states none
    assert "Program, baris anggaran, perangkat daerah, dan indikator Masterplan" in package["description"]
    # each table's size and SHA-256: a copy that differs from the published one is told apart
    for name in tables(plan):
        written = (data / name).read_bytes()
        assert resources[name.removesuffix(".csv")]["bytes"] == len(written)
        assert resources[name.removesuffix(".csv")]["hash"] == f"sha256:{hashlib.sha256(written).hexdigest()}"


def test_a_portal_reads_the_indicators_as_numbers_and_knows_each_codes_values(make_plan: Callable[..., Path]) -> None:
    """An analyst loading the tables into a portal (CKAN's DataStore reads datapackage.json) got the indicators'
    baselines and targets as text, typed "any" though all were numbers, so they sorted and added up as words; and the
    columns of codes (status, kind, direction, owner_type, funding_source) did not say which values they hold.
    Indicators are now "number" while every value is one, and "any" once one is a word; each code column lists its
    values; and a program's funding sources are in plan.yml's order, whatever order its lines are written in."""
    from conftest import MINI_FILES, write_plan

    agency = "content/agencies/diskominfo.yml"
    written = MINI_FILES[agency].replace("{year: 2023, amount: 300000000, source: APBD}",
                                         "{year: 2023, amount: 300000000, source: DAK}")
    first = written.replace("- {year: 2022, amount: 250000000, source: APBD}",
                            "- {year: 2022, amount: 250000000, source: APBN}")
    root = make_plan({agency: first})
    assert run(root, BuildOptions(pdf=False)).ok
    data = root / "build" / "site" / "data"
    assert all(not errors for errors in frictionless_errors(data).values())

    def fields() -> dict[tuple[str, str], dict[str, Any]]:
        package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
        return {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}

    described = fields()
    assert [described["indicators", column]["type"] for column in ("baseline_value", "target", "realised")] == [
        "number"] * 3
    assert described["programs", "status"]["constraints"] == {"enum": ["planned", "ongoing", "done"]}
    assert described["agencies", "kind"]["constraints"]["enum"][:2] == ["dinas", "badan"]
    assert described["indicators", "direction"]["constraints"] == {"enum": ["up", "down"]}
    assert described["indicators", "owner_type"]["constraints"] == {"enum": ["program", "pillar"]}
    sources = described["budget", "funding_source"]["constraints"]
    assert sources["required"] and {"APBD", "APBN", "DAK"} <= set(sources["enum"])
    order = sources["enum"]
    listed = next(row for row in rows(data / "programs.csv") if row["id"] == "GOV-01")["funding_sources"]
    assert listed.split(";") == sorted(["APBN", "DAK", "APBD"], key=order.index)  # written APBN, DAK, APBD
    write_plan(root, {agency: written.replace("targets: {2022: 60, 2023: 80, 2024: 90}",
                                              "targets: {2022: 60, 2023: tersedia, 2024: 90}")})
    assert run(root, BuildOptions(pdf=False)).ok
    assert fields()["indicators", "target"]["type"] == "any"
    assert all(not errors for errors in frictionless_errors(data).values())


def test_the_codes_in_the_tables_have_their_names_in_tables_of_their_own(built: tuple[Plan, Path]) -> None:
    """A reuser of the CSV files alone read 'governance', 'pelayanan_publik' and 'm1' with nothing to say what
    they are: pillars.csv, sub_elements.csv and missions.csv give their names, as the book does."""
    plan, data = built
    pillars = rows(data / "pillars.csv")
    assert [(p["id"], p["name"], p["programs"]) for p in pillars] == [
        (p.id, str(p.name), str(len(p.programs))) for p in plan.pillars]
    assert sum(int(p["budget_total"]) for p in pillars) == plan.total_budget
    subs = {(s["pillar"], s["id"]): s for s in rows(data / "sub_elements.csv")}
    for program in plan.programs:  # every program's codes join to a named row
        assert subs[(program.pillar_id, program.sub_element_id)]["name"]
    assert sum(int(s["programs"]) for s in subs.values()) == len(plan.programs)
    missions = rows(data / "missions.csv")
    assert [(m["id"], m["text"]) for m in missions] == [(m.id, str(m.text)) for m in plan.missions]
    assert [int(m["programs"]) for m in missions] == [
        sum(m.id in p.mission_ids for p in plan.programs) for m in plan.missions]


@pytest.fixture(scope="module")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan's open data (content/, which gives an APBD ceiling for each of its ten years), written as a
    build writes it, without the book and the site."""
    from conftest import REPO

    from masterplan.i18n import plan_words

    plan = load_and_check(REPO).plan
    assert plan is not None and plan.apbd_ceiling
    folder = tmp_path_factory.mktemp("sample-data")
    export(plan, folder, plan_words(REPO, plan.language))
    return folder


def test_the_apbd_against_its_ceiling_is_open_data_as_the_book_prints_it(sample_data: Path) -> None:
    """The book's Tabel 14.6 (APBD per tahun terhadap pagu indikatif) was in no data file: a planner had to copy it
    from the PDF. Now apbd_ceiling.csv, a sheet of plan.xlsx and a block of its budget summary, with the book's
    figures: Rp 170.410.000.000 of Rp 227.000.000.000 in the ten years, 75,1 % used, Rp 56.590.000.000 left."""
    import openpyxl

    table = rows(sample_data / "apbd_ceiling.csv")
    assert list(table[0]) == ["year", "apbd", "ceiling", "share_used", "left"]
    assert [r["year"] for r in table] == [str(year) for year in range(2022, 2032)]  # a row a year, no total row
    assert table[1] == {"year": "2023", "apbd": "28300000000", "ceiling": "30000000000", "share_used": "0.9433",
                        "left": "1700000000"}  # the book's Rp 28,3 miliar of Rp 30 miliar, 94,3 %, Rp 1,7 miliar left
    assert sum(int(r["apbd"]) for r in table) == 170_410_000_000
    assert sum(int(r["ceiling"]) for r in table) == 227_000_000_000
    assert sum(int(r["left"]) for r in table) == 56_590_000_000

    book = openpyxl.load_workbook(sample_data / "plan.xlsx")
    assert book.sheetnames == [*SHEETS.values(), "Ringkasan anggaran", "Keterangan kolom"]
    sheet = book["APBD terhadap Pagu Indikatif"]
    assert [cell.value for cell in sheet[3]] == [2023, 28_300_000_000, 30_000_000_000, 0.9433, 1_700_000_000]
    assert sheet["B3"].number_format == '"Rp "#,##0' and sheet["D3"].number_format == "0.0%"  # 94,3% in Indonesian
    summary_sheet = [tuple(row) for row in book["Ringkasan anggaran"].iter_rows(values_only=True)]
    start = summary_sheet.index(("APBD terhadap Pagu Indikatif", *[None] * (len(summary_sheet[0]) - 1)))
    head, *years, total = summary_sheet[start + 1:start + 13]
    assert head[:5] == ("Tahun", "APBD program", "Pagu", "Persentase terhadap pagu", "Sisa pagu")  # the book's columns
    assert [row[0] for row in years] == list(range(2022, 2032))
    assert total[0] == "Total" and total[1:3] == (170_410_000_000, 227_000_000_000) and total[4] == 56_590_000_000
    assert round(total[3], 3) == 0.751  # 75,1 %, as the book's total row
    notes = [tuple(row) for row in book["Keterangan kolom"].iter_rows(values_only=True)]
    meaning = "Anggaran daerah (APBD) yang dapat digunakan program pada tahun itu (pagu indikatif), dalam rupiah penuh"
    assert ("APBD terhadap Pagu Indikatif", "ceiling", meaning) in notes


def test_the_datapackage_describes_the_apbd_against_its_ceiling(sample_data: Path) -> None:
    """Each column's type and meaning; the year is the key; the share says its decimals are written with a dot."""
    assert frictionless_errors(sample_data)["apbd_ceiling"] == []
    package = json.loads((sample_data / "datapackage.json").read_text(encoding="utf-8"))
    resource = {r["name"]: r for r in package["resources"]}["apbd_ceiling"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert list(fields) == [column for column, _ in COLUMNS["apbd_ceiling.csv"]]
    assert {name: f["type"] for name, f in fields.items()} == {
        "year": "integer", "apbd": "integer", "ceiling": "integer", "share_used": "number", "left": "integer"}
    assert fields["share_used"]["decimalChar"] == "."
    assert fields["left"]["description"].startswith("Sisa pagu pada tahun itu, dalam rupiah penuh; di bawah nol")
    assert resource["schema"]["primaryKey"] == ["year"]
    assert "Angka desimal ditulis dengan titik (2.4)" in resource["description"]


def test_a_year_over_its_ceiling_is_left_below_zero_and_a_plan_without_one_has_no_such_table(
        built: tuple[Plan, Path], make_plan: Callable[..., Path]) -> None:
    """Over the ceiling, what is left is negative and the share above 1; the site's data page lists the file, with
    what its columns mean. A plan that gives no ceiling (the mini plan) has no such file, sheet, resource or entry."""
    import openpyxl
    from conftest import MINI_FILES
    ceiling = textwrap.dedent(MINI_FILES["content/plan.yml"]) + "apbd_ceiling: {2022: 300000000, 2023: 200000000}\n"
    root = make_plan({"content/plan.yml": ceiling})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    data = root / "build" / "site" / "data"
    assert rows(data / "apbd_ceiling.csv") == [
        {"year": "2022", "apbd": "250000000", "ceiling": "300000000", "share_used": "0.8333", "left": "50000000"},
        {"year": "2023", "apbd": "300000000", "ceiling": "200000000", "share_used": "1.5", "left": "-100000000"}]
    page = (root / "build" / "site" / "data.html").read_text(encoding="utf-8")
    assert '<a href="data/apbd_ceiling.csv" download>apbd_ceiling.csv</a>' in page
    assert "Sisa pagu pada tahun itu, dalam rupiah penuh; di bawah nol, sebesar kelebihan yang diminta program" in page

    _, without = built
    assert not (without / "apbd_ceiling.csv").exists()
    assert "APBD terhadap Pagu Indikatif" not in openpyxl.load_workbook(without / "plan.xlsx", read_only=True).sheetnames
    package = json.loads((without / "datapackage.json").read_text(encoding="utf-8"))
    assert "apbd_ceiling" not in {r["name"] for r in package["resources"]}
    assert "apbd_ceiling" not in (without.parent / "data.html").read_text(encoding="utf-8")


def expected_mission_rows(plan: Plan) -> list[dict[str, str]]:
    """budget_by_mission.csv's rows as the book's table counts them, worked out from the programs' own budget lines:
    a mission's programs, those serving none (where there are), then every program once."""
    whole = sum(line.amount for program in plan.programs for line in program.budget)

    def row(kind: str, mission: tuple[str, str, str], programs: list) -> dict[str, str]:
        total = sum(line.amount for program in programs for line in program.budget)
        apbd = sum(line.amount for program in programs for line in program.budget if line.source == "APBD")
        return {"row_type": kind, "mission_id": mission[0], "mission_number": mission[1], "mission": mission[2],
                "programs": str(len(programs)), "budget_total": str(total), "apbd": str(apbd),
                "share_of_plan": format(round(total / whole, 4), "g")}

    expected = [row("mission", (m.id, str(number), str(m.text)), [p for p in plan.programs if m.id in p.mission_ids])
                for number, m in enumerate(plan.missions, start=1)]
    unlinked = [p for p in plan.programs if not p.mission_ids]
    return expected + ([row("none", ("", "", ""), unlinked)] if unlinked else []) + [
        row("total", ("", "", ""), plan.programs)]


def expected_phase_rows(plan: Plan) -> list[dict[str, str]]:
    """budget_by_phase.csv's rows as the book's table counts them, worked out from the programs' years and lines."""
    whole = sum(line.amount for program in plan.programs for line in program.budget)
    expected = []
    for number, phase in enumerate(plan.phases, start=1):
        years = set(range(phase.period.start, phase.period.end + 1))
        running = [p for p in plan.programs if years & set(range(p.period.start, p.period.end + 1))]
        budget = sum(line.amount for program in plan.programs for line in program.budget if line.year in years)
        expected.append({"phase_number": str(number), "name": str(phase.name), "theme": str(phase.theme),
                         "start_year": str(phase.period.start), "end_year": str(phase.period.end),
                         "programs_starting": str(sum(p.period.start in years for p in running)),
                         "programs_running": str(len(running)), "budget": str(budget),
                         "share_of_plan": format(round(budget / whole, 4), "g")})
    return expected


def test_the_budget_by_mission_and_by_phase_are_open_data_as_the_book_prints_them(sample_data: Path) -> None:
    """The book's Tabel 3.2 (anggaran per misi RPJMD) and Tabel 13.1 (program dan anggaran per tahapan) were in no
    data file: a planner checking the plan against the RPJMD copied them from the PDF. Now budget_by_mission.csv
    and budget_by_phase.csv and their sheets of plan.xlsx, with the book's figures."""
    import openpyxl
    from conftest import REPO

    plan = load_and_check(REPO).plan
    missions = rows(sample_data / "budget_by_mission.csv")
    assert missions == expected_mission_rows(plan)
    by_id = {r["mission_id"]: r for r in missions}
    # the book: misi 4, 21 programs, Rp 153.550.000.000, 55,5 %; the total 70 programs, Rp 276.660.000.000, 100 %
    assert (by_id["m4"]["mission_number"], by_id["m4"]["programs"], by_id["m4"]["budget_total"],
            by_id["m4"]["share_of_plan"]) == ("4", "21", "153550000000", "0.555")
    assert missions[-1] == {**missions[-1], "row_type": "total", "programs": "70", "budget_total": "276660000000",
                            "apbd": "170410000000", "share_of_plan": "1"}
    # a program serving two missions counts in both rows: the mission rows add up to more than the total
    assert sum(int(r["programs"]) for r in missions[:-1]) > 70
    assert "none" not in {r["row_type"] for r in missions}  # every sample program serves a mission
    assert [(r["row_type"], r["mission_id"]) for r in missions] == [
        *(("mission", m.id) for m in plan.missions), ("total", "")]  # the keys a reader filters the rows by

    phases = rows(sample_data / "budget_by_phase.csv")
    assert phases == expected_phase_rows(plan)
    assert [(r["name"], r["start_year"], r["end_year"], r["programs_starting"], r["programs_running"], r["budget"])
            for r in phases] == [("Jangka Pendek", "2022", "2023", "40", "40", "36700000000"),
                                 ("Jangka Menengah", "2024", "2026", "27", "61", "139320000000"),
                                 ("Jangka Panjang", "2027", "2031", "3", "44", "100640000000")]

    book = openpyxl.load_workbook(sample_data / "plan.xlsx")
    sheet = book["Anggaran per Misi"]
    assert [cell.value for cell in sheet[5]] == ["mission", "m4", 4, str(plan.missions[3].text), 21, 153_550_000_000,
                                                 71_500_000_000, 0.555]
    assert sheet["F5"].number_format == '"Rp "#,##0' and sheet["H5"].number_format == "0.0%"  # 55,5% in Indonesian
    sheet = book["Anggaran per Tahapan"]
    assert [cell.value for cell in sheet[3]] == [2, "Jangka Menengah", "Integrasi Layanan", 2024, 2026, 27, 61,
                                                 139_320_000_000, 0.5036]
    assert sheet["H3"].number_format == '"Rp "#,##0' and sheet["I3"].number_format == "0.0%"
    notes = [tuple(row) for row in book["Keterangan kolom"].iter_rows(values_only=True)]
    meaning = ("Jumlah program pada baris itu; program yang mendukung dua misi dihitung di kedua baris misi itu dan "
               "sekali pada total")
    assert ("Anggaran per Misi", "programs", meaning) in notes


def summary_block(path: Path, title: str, sheet_name: str = "Ringkasan anggaran") -> list[list[Any]] | None:
    """The rows of a block of plan.xlsx's budget summary, as openpyxl reads them: its header, its rows and the note
    under them, up to the blank line after it; None when the sheet has no such block."""
    import openpyxl

    sheet = openpyxl.load_workbook(path)[sheet_name]
    lines = [list(row) for row in sheet.iter_rows()]
    start = next((number for number, row in enumerate(lines) if row[0].value == title), None)
    if start is None:
        return None
    block = []
    for row in lines[start + 1:]:
        if all(cell.value is None for cell in row):
            return block
        block.append(row)
    return block


def values(row: list[Any]) -> list[Any]:
    """A summary row's cells' values, up to its last value."""
    found = [cell.value for cell in row]
    while found and found[-1] is None:
        found.pop()
    return found


def test_the_workbooks_budget_summary_gives_the_budget_by_mission_and_by_phase_as_the_book(sample_data: Path) -> None:
    """The summary sheet a planner reads had the budget by pillar, source, agency and the ceiling, but not Tabel 3.2
    (by RPJMD mission) nor Tabel 13.1 (by phase): now a block each, with the book's columns, figures and note:
    misi 4, 21 programs, Rp 153.550.000.000 of which APBD Rp 71.500.000.000, 55,5 %; the total 70 programs,
    Rp 276.660.000.000, APBD Rp 170.410.000.000; Jangka Menengah 2024–2026, 27 starting, 61 running,
    Rp 139.320.000.000, 50,4 % (the book's share, 50,36 % rounded)."""
    from conftest import REPO

    plan = load_and_check(REPO).plan
    book = sample_data / "plan.xlsx"
    head, *missions, total, note = summary_block(book, "Anggaran per Misi")
    assert values(head) == ["Misi", "Program", "Indikasi anggaran", "Bersumber APBD", "Porsi dari total"]
    expected = expected_mission_rows(plan)  # worked out from the programs' own budget lines
    assert [values(row) for row in [*missions, total]] == [
        [label, int(r["programs"]), int(r["budget_total"]), int(r["apbd"]),
         pytest.approx(float(r["share_of_plan"]), abs=5e-5)]
        for label, r in zip([*(f"{n}. {m.text}" for n, m in enumerate(plan.missions, start=1)),
                             "Semua program, dihitung sekali"], expected)]
    assert values(missions[3])[1:4] == [21, 153_550_000_000, 71_500_000_000] and round(missions[3][4].value, 3) == 0.555
    assert values(total)[:4] == ["Semua program, dihitung sekali", 70, 276_660_000_000, 170_410_000_000] and total[4].value == 1
    # amounts in rupiah and shares as percentages, as the other blocks; a number of programs is no amount
    assert [missions[3][i].number_format for i in range(1, 5)] == ["General", '"Rp "#,##0', '"Rp "#,##0', "0.0%"]
    assert missions[0][0].alignment.wrap_text and total[0].font.b  # a long mission wraps; the total is in bold
    assert note[0].value.startswith("Program yang mendukung lebih dari satu misi dihitung pada baris setiap misinya")
    assert sum(values(row)[1] for row in missions) > 70  # as the note says: the rows add up to more than the last
    assert "sehingga jumlah baris-baris misi melebihi baris terakhir" in note[0].value

    head, *phases, note = summary_block(book, "Program dan Anggaran per Tahapan")
    assert values(head) == ["Tahapan", "Tahun", "Program dimulai", "Program berjalan", "Indikasi anggaran", "Porsi"]
    assert [values(row) for row in phases] == [
        [f"{r['name']}\n{r['theme']}", f"{r['start_year']}–{r['end_year']}", int(r["programs_starting"]),
         int(r["programs_running"]), int(r["budget"]), pytest.approx(float(r["share_of_plan"]), abs=1e-3)]
        for r in expected_phase_rows(plan)]  # no total row: a program running over two phases counts in each
    assert values(phases[1])[:5] == ["Jangka Menengah\nIntegrasi Layanan", "2024–2026", 27, 61, 139_320_000_000]
    assert [f"{row[5].value:.1%}" for row in phases] == ["13.3%", "50.4%", "36.4%"]  # as the book prints them
    assert [phases[1][i].number_format for i in range(2, 6)] == ["General", "General", '"Rp "#,##0', "0.0%"]
    assert note[0].value.endswith("Porsi: terhadap total indikasi anggaran masterplan, Rp 276.660.000.000. "
                                  "Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya bisa sedikit lebih atau kurang dari 100%.")


def test_an_english_workbook_gives_the_budget_by_mission_and_by_phase_in_english(make_plan: Callable[..., Path]) -> None:
    """A plan in English has the blocks in English, as its other blocks: titles, headers, notes, the phases' names
    and the plan's total as an English reader writes it."""
    from conftest import MINI_FILES
    plan_yml = textwrap.dedent(MINI_FILES["content/plan.yml"]).replace("status: draft", "status: draft\nlanguage: en") + (
        "phases:\n  - {name: {id: Jangka Pendek, en: Short term}, theme: {id: Membangun Momentum, en: Building momentum},"
        " period: {start: 2022, end: 2023}}\n  - {name: {id: Jangka Menengah, en: Medium term}, period: {start: 2024, end: 2026}}\n")
    root = make_plan({"content/plan.yml": plan_yml})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    plan = load_and_check(root).plan
    book = root / "build" / "site" / "data" / "plan.xlsx"
    head, *missions, note = summary_block(book, "Budget by mission", "Budget summary")
    assert values(head) == ["Mission", "Programs", "Indicative budget", "Of which APBD", "Share of the plan"]
    assert [values(row)[:4] for row in missions] == [
        [label, int(r["programs"]), int(r["budget_total"]), int(r["apbd"])]
        for label, r in zip(["1. Tata kelola yang baik", "2. Ekonomi yang tumbuh", "All programs, each counted once"],
                                 expected_mission_rows(plan))]
    assert note[0].value.startswith("A program serving more than one mission counts in the row of each")
    head, *phases, note = summary_block(book, "Programs and budget by phase", "Budget summary")
    assert values(head) == ["Phase", "Years", "Programs starting", "Programs running", "Indicative budget", "Share"]
    assert [values(row)[:5] for row in phases] == [
        [label, f"{r['start_year']}–{r['end_year']}", int(r["programs_starting"]), int(r["programs_running"]),
         int(r["budget"])] for label, r in zip(["Short term\nBuilding momentum", "Medium term"], expected_phase_rows(plan))]
    assert note[0].value.endswith("Share: the percentage of the plan's total indicative budget, Rp 750,000,000. "
                                  "Each share is rounded to one decimal, so the shares may add up to slightly more or less than 100%.")


def test_the_datapackage_describes_the_budget_by_mission_and_by_phase(sample_data: Path) -> None:
    """Each column's type and meaning; what identifies a row; a mission's row names a row of missions.csv; the
    table's description says a program serving two missions counts in both rows and once in the total."""
    errors = frictionless_errors(sample_data)
    assert errors["budget_by_mission"] == [] and errors["budget_by_phase"] == []
    package = json.loads((sample_data / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    missions, phases = resources["budget_by_mission"], resources["budget_by_phase"]
    assert {f["name"]: f["type"] for f in missions["schema"]["fields"]} == {
        "row_type": "string", "mission_id": "string", "mission_number": "integer", "mission": "string",
        "programs": "integer", "budget_total": "integer", "apbd": "integer", "share_of_plan": "number"}
    assert {f["name"]: f["type"] for f in phases["schema"]["fields"]} == {
        "phase_number": "integer", "name": "string", "theme": "string", "start_year": "integer", "end_year": "integer",
        "programs_starting": "integer", "programs_running": "integer", "budget": "integer", "share_of_plan": "number"}
    assert missions["schema"]["primaryKey"] == ["row_type", "mission_id"]
    fields = {f["name"]: f for f in missions["schema"]["fields"]}
    # every row has a type a reader filters on, one of three; a mission_id only where it names a mission
    assert fields["row_type"]["constraints"] == {"required": True, "enum": ["mission", "none", "total"]}
    assert fields["mission_id"]["description"] == (
        "Id misi, pada baris misi; kosong pada baris none dan total, yang tidak menunjuk misi (row_type membedakannya)")
    assert missions["schema"]["foreignKeys"] == [
        {"fields": ["mission_id"], "reference": {"resource": "missions", "fields": ["id"]}}]
    assert phases["schema"]["primaryKey"] == ["phase_number"]
    assert ("Program yang mendukung dua misi dihitung di kedua baris misi itu dan sekali pada baris total"
            in missions["description"])
    assert "Program yang berjalan melintasi dua tahapan dihitung berjalan di keduanya" in phases["description"]
    assert "Angka desimal ditulis dengan titik (2.4)" in missions["description"]


def test_a_program_serving_two_missions_counts_in_both_rows_and_once_in_the_total(
        built: tuple[Plan, Path], make_plan: Callable[..., Path]) -> None:
    """GOV-01 serves both missions, ECO-01 none: each mission row has GOV-01's Rp 650.000.000, a row of type none
    has ECO-01's, and the total counts each once (Rp 750.000.000, not 1.400.000.000). The data page lists the file
    with its note. A plan without phases (the mini plan) has no budget_by_phase file, sheet, resource or entry; a
    plan without missions no budget_by_mission."""
    import openpyxl
    from conftest import MINI_FILES

    root = make_plan({
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
            "missions: [m1]", "missions: [m1, m2]"),
        "content/agencies/bpkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace("            missions: [m2]\n", "")})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    plan = load_and_check(root).plan
    data = root / "build" / "site" / "data"
    table = rows(data / "budget_by_mission.csv")
    assert table == expected_mission_rows(plan)
    assert [(r["row_type"], r["mission_id"], r["programs"], r["budget_total"], r["apbd"]) for r in table] == [
        ("mission", "m1", "1", "650000000", "650000000"), ("mission", "m2", "1", "650000000", "650000000"),
        ("none", "", "1", "100000000", "0"), ("total", "", "2", "750000000", "650000000")]
    assert frictionless_errors(data)["budget_by_mission"] == []  # the none and total rows have no mission to name
    # a reader filters the rows by row_type: a mission's names it in mission_id, the others name none
    assert [(r["row_type"], r["mission_id"]) for r in table] == [("mission", "m1"), ("mission", "m2"), ("none", ""),
                                                                 ("total", "")]
    assert [row[:2] for row in sheet_rows(data / "plan.xlsx", "Anggaran per Misi")[1:]] == [
        ("mission", "m1"), ("mission", "m2"), ("none", None), ("total", None)]  # None: a blank cell
    # the workbook's budget summary: the same rows, the programs serving none in a row of their own
    assert [values(row) for row in summary_block(data / "plan.xlsx", "Anggaran per Misi")[1:-1]] == [
        ["1. Tata kelola yang baik", 1, 650_000_000, 650_000_000, pytest.approx(650 / 750)],
        ["2. Ekonomi yang tumbuh", 1, 650_000_000, 650_000_000, pytest.approx(650 / 750)],
        ["Belum terkait misi", 1, 100_000_000, 0, pytest.approx(100 / 750)], ["Semua program, dihitung sekali", 2, 750_000_000, 650_000_000, 1]]
    page = (root / "build" / "site" / "data.html").read_text(encoding="utf-8")
    assert '<a href="data/budget_by_mission.csv" download>budget_by_mission.csv</a>' in page
    assert ("Program yang mendukung dua misi dihitung di kedua baris misi itu dan sekali pada baris total, sehingga "
            "jumlah baris misi bisa melebihi total") in page
    assert "kosong pada baris none dan total, yang tidak menunjuk misi (row_type membedakannya)" in page
    csv_file = data / "budget_by_mission.csv"
    written = csv_file.read_text(encoding="utf-8")
    csv_file.write_text(written.replace("\ntotal,", "\n,"), encoding="utf-8")  # a row of no type
    assert "constraint-error" in frictionless_errors(data)["budget_by_mission"]
    csv_file.write_text(written, encoding="utf-8")

    _, without = built  # the mini plan gives no phases
    assert not (without / "budget_by_phase.csv").exists()
    assert "Anggaran per Tahapan" not in openpyxl.load_workbook(without / "plan.xlsx", read_only=True).sheetnames
    package = json.loads((without / "datapackage.json").read_text(encoding="utf-8"))
    assert "budget_by_phase" not in {r["name"] for r in package["resources"]}
    assert "budget_by_phase" not in (without.parent / "data.html").read_text(encoding="utf-8")
    assert summary_block(without / "plan.xlsx", "Program dan Anggaran per Tahapan") is None
    assert summary_block(without / "plan.xlsx", "Anggaran per Misi")  # its missions' block

    plan_yml = MINI_FILES["content/plan.yml"].replace(
        "missions:\n          - {id: m1, text: Tata kelola yang baik}\n          - {id: m2, text: Ekonomi yang tumbuh}\n",
        "missions: []\n")
    root = make_plan({"content/plan.yml": plan_yml,
                      "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
                          "            missions: [m1]\n", ""),
                      "content/agencies/bpkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace(
                          "            missions: [m2]\n", "")})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    data = root / "build" / "site" / "data"
    assert not (data / "budget_by_mission.csv").exists() and (data / "missions.csv").exists()
    assert "budget_by_mission" not in {r["name"] for r in json.loads(
        (data / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert summary_block(data / "plan.xlsx", "Anggaran per Misi") is None


def test_datapackage_finds_a_table_that_breaks_its_description(built: tuple[Plan, Path], tmp_path: Path) -> None:
    """An agency code that names no agency, an amount in words: the description lets a reuser (and the
    city, before publishing) find them."""
    import shutil

    data = shutil.copytree(built[1], tmp_path / "data")  # the module's build is read by the other tests
    programs = (data / "programs.csv").read_text(encoding="utf-8")
    (data / "programs.csv").write_text(programs.replace(",diskominfo,", ",dinas-hantu,", 1), encoding="utf-8")
    budget = (data / "budget.csv").read_text(encoding="utf-8").splitlines()
    assert ",250000000," in budget[1]
    budget[1] = budget[1].replace(",250000000,", ",tiga ratus juta,")
    (data / "budget.csv").write_text("\n".join(budget) + "\n", encoding="utf-8")
    found = frictionless_errors(data)
    # the changed files' size and hash no longer match the published ones, and the description says where
    assert "foreign-key" in found["programs"] and "hash-count" in found["programs"]
    assert "type-error" in found["budget"] and "hash-count" in found["budget"]
    assert found["agencies"] == [] and found["indicators"] == []


def test_datapackage_names_the_licence_and_its_page(make_plan: Callable[..., Path]) -> None:
    from conftest import MINI_FILES
    licensed = textwrap.dedent(MINI_FILES["content/plan.yml"]) + textwrap.dedent("""\
        open_data:
          license: CC BY 4.0
          license_url: https://creativecommons.org/licenses/by/4.0/
        """)
    root = make_plan({"content/plan.yml": licensed})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    package = json.loads((root / "build" / "site" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "title": "CC BY 4.0",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"}]


@pytest.mark.parametrize(("written", "named"), [
    ("CC BY 4.0", "CC-BY-4.0"), ("cc-by-sa 4.0", "CC-BY-SA-4.0"), ("CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0"),
    ("CC0 1.0", "CC0-1.0"), ("CC BY 3.0", "CC-BY-3.0"), ("CC BY 4.0 Internasional", "CC-BY-4.0"),
    ("Open Government Licence", None), ("CC BY", None), ("CC BY 9.9", None), ("CC0 4.0", None)])
def test_a_creative_commons_licence_is_named_by_its_id(written: str, named: str | None) -> None:
    """The id open-data portals file a package under (CKAN, data.go.id), from the licence as a city writes it."""
    from masterplan.render.datapackage import licence_id
    assert licence_id(written) == named


def test_a_plans_own_words_for_the_notes_sheet_make_a_name_a_spreadsheet_accepts(make_plan: Callable[..., Path]) -> None:
    """Excel refuses ':', '/', '[' and ']' in a sheet's name, and more than 31 characters."""
    root = make_plan({"templates/i18n/words.yml": '"Column notes": {id: "Kolom: arti/keterangan [semua] lembar data terbuka"}\n'})
    built = run(root, BuildOptions(pdf=False, search=False))
    assert built.ok, [str(d) for d in built.report]
    import openpyxl
    names = openpyxl.load_workbook(root / "build" / "site" / "data" / "plan.xlsx", read_only=True).sheetnames
    assert names[-1] == "Kolom arti keterangan semua"  # cut where a word ends, not "… semua lem"


def test_the_open_data_is_written_once_by_a_process_beside_the_build(make_plan: Callable[..., Path], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Written by a forked child while the pages are rendered: not again by the build itself."""
    import os

    from masterplan.render import data
    writers = tmp_path / "writers"
    export = data.export

    def recorded(*args: object) -> list[str]:
        with writers.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return export(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(data, "export", recorded)
    root = make_plan()
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    assert (root / "build" / "site" / "data" / "plan.xlsx").is_file()
    pids = writers.read_text(encoding="utf-8").split()
    assert len(pids) == 1 and int(pids[0]) != os.getpid()


def test_a_text_cell_stays_one_cell_where_a_spreadsheet_splits_rows_at_semicolons(make_plan) -> None:
    """A program named "e-Sambat;=cmd|'/C calc'!A0": Excel set to Indonesian, which splits a CSV row at ';', made
    "=cmd|…" a cell of its own, a formula. A piece after a ';' that starts as a formula does is quoted with '."""
    import csv

    from conftest import MINI_FILES

    from masterplan.build import BuildOptions, run

    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "name: e-Sambat (Media Sambat Masyarakat)", "name: \"e-Sambat;=cmd|'/C calc'!A0\"")
    root = make_plan({"content/agencies/diskominfo.yml": agency})
    assert run(root, BuildOptions(pdf=False)).ok
    text = (root / "build" / "site" / "data" / "programs.csv").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "GOV-01" in line)
    by_semicolon = next(csv.reader([row], delimiter=";"))
    assert not any(cell.lstrip().startswith(("=", "+", "@")) for cell in by_semicolon), by_semicolon
    by_comma = next(csv.reader([row]))
    assert by_comma[1] == "e-Sambat;'=cmd|'/C calc'!A0" and by_comma[5] == "bpkad"


def test_the_data_comes_in_one_zip_with_a_readme_saying_the_plan_is_a_draft(make_plan: Callable[..., Path]) -> None:
    """A reuser who took budget.csv alone got the budgets with nothing saying the plan was a draft: the status was on
    the page, in datapackage.json and the workbook's notes only. README.txt says it, with the release, the licence,
    who publishes the data and what each file holds; masterplan-data.zip holds it with every file, the same bytes for
    the same plan; the open-data page offers both. An adopted plan's says no draft."""
    import zipfile

    root = make_plan()
    assert run(root, BuildOptions(search=False, pdf=False, cache=False)).ok
    data = root / "build" / "site" / "data"
    readme = (data / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("Masterplan Smart City Kota Contoh 2022–2026\n\nDRAF. "), readme[:200]
    assert "Versi 0.1, sidik jari data " in readme and "Dokumen bertanggal 2021-12-01." in readme
    assert "Penerbit: Pemerintah Kota Contoh · Dikelola oleh: Dinas Komunikasi dan Informatika" in readme
    assert "- budget.csv: Baris anggaran\n" in readme and "- plan.json: seluruh masterplan (JSON)\n" in readme
    assert "Angka desimal ditulis dengan titik (2.4)" in readme
    files = sorted(path.name for path in data.iterdir() if path.name != "masterplan-data.zip")
    with zipfile.ZipFile(data / "masterplan-data.zip") as bundle:
        assert sorted(bundle.namelist()) == files and "budget.csv" in files and "README.txt" in files
        assert all(bundle.read(name) == (data / name).read_bytes() for name in files)
        # dated as the plan is (2021-12-01), where a file manager showed 1 January 2000
        assert {info.date_time[:3] for info in bundle.infolist()} == {(2021, 12, 1)}
    first = (data / "masterplan-data.zip").read_bytes()
    assert run(root, BuildOptions(search=False, pdf=False, cache=False)).ok
    assert (data / "masterplan-data.zip").read_bytes() == first
    page = (root / "build" / "site" / "data.html").read_text(encoding="utf-8")
    # saved under a name saying whose, which years and which version: not the same masterplan-data.zip for all
    assert ('<a href="data/masterplan-data.zip" download="masterplan-data-kota-contoh-2022-2026-v0.1-draf.zip">'
            'masterplan-data-kota-contoh-2022-2026-v0.1-draf.zip</a>') in page
    assert '<a href="data/README.txt" download>README.txt</a>' in page
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("status: draft", "status: final"), encoding="utf-8")
    assert run(root, BuildOptions(search=False, pdf=False)).ok
    assert "DRAF" not in (data / "README.txt").read_text(encoding="utf-8")
    # filed for decades, the adopted data says which regulation adopted it, as its book's annex heading does
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "revisions:\n  - {version: '0.1', date: 2021-12-01, "
                        "summary: Ditetapkan, decree: Peraturan Wali Kota Contoh Nomor 45 Tahun 2021.}\n",
                        encoding="utf-8")
    assert run(root, BuildOptions(search=False, pdf=False)).ok
    readme = (data / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("Masterplan Smart City Kota Contoh 2022–2026\n\nDitetapkan dengan Peraturan Wali Kota "
                             "Contoh Nomor 45 Tahun 2021.\n\nVersi 0.1"), readme[:200]
    described = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))["description"]
    assert described.endswith("Dokumen bertanggal 2021-12-01. Ditetapkan dengan Peraturan Wali Kota Contoh Nomor 45 "
                              "Tahun 2021."), described
    with zipfile.ZipFile(data / "plan.xlsx") as book:  # the workbook's Status and Subject properties, as filed
        properties = book.read("docProps/core.xml").decode("utf-8")
    assert "<cp:contentStatus>Final</cp:contentStatus>" in properties, properties
    assert "<dc:subject>Ditetapkan dengan Peraturan Wali Kota Contoh Nomor 45 Tahun 2021.</dc:subject>" in properties


def test_whole_numbers_written_with_a_decimal_point_are_whole_in_every_output(make_plan: Callable[..., Path]) -> None:
    """An agency's file exported from a spreadsheet writes 250000000.0 and 2022.0, which the schema, as JSON Schema
    does, reads as whole numbers: a year so written stopped the build with a Python traceback, and an amount printed
    "250000000.0" in budget.csv, programs.csv and plan.json, whose datapackage declares the column whole (integer)."""
    from conftest import MINI_FILES
    agency = "content/agencies/diskominfo.yml"
    exported = MINI_FILES[agency].replace("{year: 2022, amount: 250000000, source: APBD}",
                                          "{year: 2022.0, amount: 250000000.0, source: APBD}")
    exported = exported.replace("period: {start: 2022, end: 2024}", "period: {start: 2022.0, end: 2024}")
    exported = exported.replace("baseline: {year: 2021,", "baseline: {year: 2021.0,")
    assert exported.count(".0") == 4
    root = make_plan({agency: exported, "content/plan.yml": MINI_FILES["content/plan.yml"].replace(
        "period: {start: 2022, end: 2026}", "period: {start: 2022, end: 2026.0}\n        apbd_ceiling: {2022: 5.0e+8}")})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    data = root / "build" / "site" / "data"
    rows = list(csv.DictReader((data / "budget.csv").open(encoding="utf-8")))
    assert [row["amount"] for row in rows if row["program_id"] == "GOV-01"] == ["250000000", "300000000", "100000000"]
    program = next(row for row in csv.DictReader((data / "programs.csv").open(encoding="utf-8"))
                   if row["id"] == "GOV-01")
    assert program["budget_total"] == "650000000" and program["start_year"] == "2022"
    written = json.loads((data / "plan.json").read_text(encoding="utf-8"))["plan"]
    assert written["period"] == {"start": 2022, "end": 2026} and written["apbd_ceiling"] == {"2022": 500000000}
    assert type(written["period"]["end"]) is int and type(written["apbd_ceiling"]["2022"]) is int
    assert "2022–2026" in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    baselines = {row["baseline_year"] for row in csv.DictReader((data / "indicators.csv").open(encoding="utf-8"))
                 if row["program_id"] == "GOV-01"}
    assert baselines == {"2021"}, baselines


def _schema_errors(data: Path) -> list[str]:
    """What plan.schema.json, beside plan.json, finds wrong in it (JSON Schema draft 2020-12, dates checked)."""
    import jsonschema

    described = json.loads((data / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(described)
    validator = jsonschema.Draft202012Validator(described, format_checker=jsonschema.FormatChecker())
    document = json.loads((data / "plan.json").read_text(encoding="utf-8"))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def test_plan_json_is_described_by_its_json_schema(sample_build: Path, make_plan: Callable[..., Path]) -> None:
    """A portal gathering its cities' plans asked what each field of plan.json holds and of what type: the data page
    said it for the top-level fields only, in words. plan.schema.json says it for software, beside plan.json, in the
    ZIP and the README, and on the data page; the sample's plan.json (SWOT, phases, revisions, licence) and a plan
    with realised figures (its attainment by pillar) are valid to it, in either language."""
    data = sample_build / "build" / "site" / "data"
    assert _schema_errors(data) == []
    described = json.loads((data / "plan.schema.json").read_text(encoding="utf-8"))
    assert described["properties"]["format_version"]["const"] == 5
    assert described["properties"]["programs"]["description"].startswith("Setiap program")
    assert "plan.schema.json" in (data / "README.txt").read_text(encoding="utf-8")
    page = (sample_build / "build" / "site" / "data.html").read_text(encoding="utf-8")
    assert 'href="data/plan.schema.json" download>plan.schema.json</a>' in page
    from conftest import MINI_FILES
    agency = "content/agencies/bpkad.yml"
    realised = MINI_FILES[agency].replace("targets: {2022: 50, 2023: 80}",
                                          "targets: {2022: 50, 2023: 80}\n                realised: {2022: 55}")
    plan_yml = MINI_FILES["content/plan.yml"].replace("version:", "language: en\n        version:").replace(
        "date: 2021-12-01", "date: 2023-03-01")  # a revision after the year monitored
    root = make_plan({agency: realised, "content/plan.yml": plan_yml})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    mini = root / "build" / "site" / "data"
    assert json.loads((mini / "plan.json").read_text(encoding="utf-8"))["attainment_by_pillar"]["year"] == 2022
    assert _schema_errors(mini) == []
    english = json.loads((mini / "plan.schema.json").read_text(encoding="utf-8"))
    assert english["properties"]["programs"]["description"].startswith("Every program")


def test_plan_json_schema_tells_a_field_missing_or_unknown(sample_build: Path, tmp_path: Path) -> None:
    """Every object of the schema lists all its fields and no others: a plan.json that lost a field, or gained one
    the schema does not describe (a change to the format made without it), is invalid to it."""
    data = tmp_path / "data"
    data.mkdir()
    source = sample_build / "build" / "site" / "data"
    (data / "plan.schema.json").write_bytes((source / "plan.schema.json").read_bytes())
    document = json.loads((source / "plan.json").read_text(encoding="utf-8"))
    del document["programs"][0]["budget_total"]
    document["agencies"][0]["website"] = "https://dinkes.example.go.id"
    document["plan"]["period"]["start"] = "2022"
    (data / "plan.json").write_text(json.dumps(document), encoding="utf-8")
    assert sorted(_schema_errors(data)) == [
        "agencies/0: Additional properties are not allowed ('website' was unexpected)",
        "plan/period/start: '2022' is not of type 'integer'",
        "programs/0: 'budget_total' is a required property"]


def test_a_share_in_the_open_data_gives_the_percentage_the_book_prints() -> None:
    """An auditor set a year's APBD ceiling so that its programs took 83,74999… % of it: the book printed 83,7 %, and
    apbd_ceiling.csv's share_used, 0.8375, read 83,8 % to him and in the workbook's cell. A share is now given to
    four places so that its percentage to one decimal, a half rounded up, is the book's, for shares near every
    such half."""
    import random
    from decimal import ROUND_HALF_UP, Decimal

    from masterplan.formatting import Formats
    from masterplan.i18n import Translator, load_catalog
    from masterplan.render.data_summaries import _share

    book = Formats("id", Translator("id", load_catalog())).percent
    assert _share(20_937_500_000, 25_000_000_000) == 0.8375 and book(20_937_500_000, 25_000_000_000) == "83,8%"
    assert _share(837_499_990, 10**9) == 0.8374 and book(837_499_990, 10**9) == "83,7%"
    assert _share(28_300_000_000, 30_000_000_000) == 0.9433 and _share(3, 2) == 1.5 and _share(5, 5) == 1
    pick = random.Random(5)
    pairs = [(int(Decimal(pick.randint(0, 3999)) / 2000 * whole) + pick.choice((-1, 0, 1)), whole)
             for whole in (pick.randint(10**6, 10**13) for _ in range(5000))]
    differ = [(part, whole) for part, whole in pairs if part >= 0 and book(part, whole) != (
        f"{(Decimal(str(_share(part, whole))) * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%".replace(".", ","))]
    assert differ == []
