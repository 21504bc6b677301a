"""Open data as one file of it reads to whoever gets only that file: a CSV table in a script, plan.xlsx forwarded
by e-mail, datapackage.json in a portal. Each says what that reader needs (a draft is a draft, which release it is,
how decimals and guarded texts are written), read back with csv, openpyxl and json."""

from __future__ import annotations

import csv
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES, REPO

from masterplan.build import BuildOptions, run


def build(make_plan: Callable[..., Path], files: dict[str, str] | None = None) -> Path:
    root = make_plan(files or {})
    built = run(root, BuildOptions(pdf=False, search=False))
    assert built.ok, [str(d) for d in built.report]
    return root / "build" / "site" / "data"


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def descriptor(data: Path) -> dict:
    return json.loads((data / "datapackage.json").read_text(encoding="utf-8"))


def test_a_lone_dash_is_written_as_is_and_a_script_takes_the_apostrophe_away_as_described(make_plan) -> None:
    """An agency's address "-" came out as "'-" and its phone "+62 343 424242" as "'+62 343 424242". A lone '-' is
    no formula in any spreadsheet: now written as is. "+62 …" keeps its apostrophe (Excel starts a formula at a
    '+'), and datapackage.json says which pattern a script takes away to get every text back as written."""
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace(
        "kind: badan\n", "kind: badan\n        contact: {phone: '+62 343 424242', address: '-'}\n").replace(
        "name: Transaksi Non-Tunai", "name: \"Transaksi;-;'=Non;+Tunai\"")
    data = build(make_plan, {"content/agencies/bpkad.yml": agency})
    bpkad = {r["id"]: r for r in table(data / "agencies.csv")}["bpkad"]
    assert bpkad["address"] == "-"
    assert bpkad["phone"] == "'+62 343 424242"
    name = {r["id"]: r for r in table(data / "programs.csv")}["ECO-01"]["name"]
    assert name == "Transaksi;-;''=Non;'+Tunai"

    agencies = next(r for r in descriptor(data)["resources"] if r["name"] == "agencies")
    pattern = agencies["description"].rpartition(": ")[2]
    assert re.sub(pattern, r"\1", bpkad["phone"]) == "+62 343 424242"
    assert re.sub(pattern, r"\1", name) == "Transaksi;-;'=Non;+Tunai"
    assert re.sub(pattern, r"\1", bpkad["address"]) == "-"
    # README gives the same pattern; the site's data page says in words what the apostrophe is, and where the
    # pattern is for software
    assert f"`{pattern}`" in (REPO / "README.md").read_text(encoding="utf-8")
    page = (data.parent / "data.html").read_text(encoding="utf-8")
    assert pattern.replace(chr(39), "&#39;") not in page
    assert "datapackage.json menjelaskan kepada perangkat lunak cara menghapus kembali tanda petik itu" in page


def test_every_text_of_the_csv_files_comes_back_as_written(make_plan) -> None:
    """Every text cell of every table, the apostrophe taken away as described, is the text plan.json holds."""
    from masterplan.render import data_notes

    names = ["=1+1", "-", "--", "@mention", "'=quoted", "'plain", "a; =b", "a;\t+c", "+62 343 424242", "-5", "x;-"]
    agency = MINI_FILES["content/agencies/bpkad.yml"].rstrip(" ")
    for number, name in enumerate(names, start=2):
        agency += textwrap.indent(textwrap.dedent(f"""\
              - id: ECO-0{number}
                name: {json.dumps(name)}
                pillar: economy
                sub_element: transaksi_keuangan
                period: {{start: 2022, end: 2023}}
                budget: [{{year: 2022, amount: 100000000, source: APBN}}]
            """), " " * 10)
    data = build(make_plan, {"content/agencies/bpkad.yml": agency})
    written = {p["id"]: p["name"]["id"] for p in json.loads((data / "plan.json").read_text(encoding="utf-8"))["programs"]}
    read = {r["id"]: data_notes.UNGUARD.sub(r"\1", r["name"]) for r in table(data / "programs.csv")}
    assert read == written
    assert set(names) <= set(read.values())
    raw = [r["name"] for r in table(data / "programs.csv")]
    assert "-" in raw and "x;-" in raw  # a lone '-' is no formula: written as is
    pieces = [piece.lstrip(" \t") for cell in raw for piece in cell.split(";")]
    assert not [p for p in pieces if p[:1] in ("=", "+", "@", "\t") or (p.startswith("-") and p != "-")]


NOTICE = "Dokumen ilustratif: program, anggaran, dan target rekaan."


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    import openpyxl

    return [tuple(row) for row in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]


def test_a_drafts_descriptor_and_workbook_say_it_is_a_draft_before_any_figure(make_plan) -> None:
    """plan.yml's `status: draft` and its notice were on the site and in plan.json only: a forwarded plan.xlsx, or
    the package a portal shows, read as the adopted figures."""
    import openpyxl

    plan_yml = MINI_FILES["content/plan.yml"].rstrip(" ") + f"        notice: {json.dumps(NOTICE)}\n"
    data = build(make_plan, {"content/plan.yml": plan_yml})
    said = f"DRAF. {NOTICE}"
    package = descriptor(data)
    assert package["title"] == "Masterplan Smart City Kota Contoh 2022–2026 (Draf)"
    assert package["description"].startswith(said + " Program, baris anggaran")
    assert all(resource["description"].startswith(said) for resource in package["resources"])

    book = openpyxl.load_workbook(data / "plan.xlsx")
    assert book.active.title == "Keterangan kolom"  # a draft's workbook opens at its notes
    notes = book["Keterangan kolom"]
    assert notes["A2"].value == said and notes["A2"].font.b and notes["A2"].font.color.rgb.endswith("C00000")
    assert "A2:C2" in {str(cells) for cells in notes.merged_cells.ranges}
    assert book["Ringkasan anggaran"]["A1"].value == said  # above the first total
    for sheet in book.worksheets:  # printed, every page says so
        assert sheet.oddHeader.left.text == said
    assert book.properties.contentStatus == "Draf" and book.properties.subject == said


def test_a_draft_without_a_notice_is_still_said_to_be_one(make_plan) -> None:
    data = build(make_plan)
    said = "DRAF. Masterplan ini belum ditetapkan: program, anggaran, dan targetnya masih dapat berubah."
    assert descriptor(data)["description"].startswith(said)
    assert sheet_rows(data / "plan.xlsx", "Keterangan kolom")[1][0] == said


def test_an_adopted_plans_files_say_no_draft(make_plan) -> None:
    import openpyxl
    from conftest import finalised

    data = build(make_plan, {"content/plan.yml": finalised(MINI_FILES["content/plan.yml"])})
    package = descriptor(data)
    assert package["title"] == "Masterplan Smart City Kota Contoh 2022–2026"
    assert package["description"].startswith("Program, baris anggaran")
    assert "DRAF" not in json.dumps(package)
    book = openpyxl.load_workbook(data / "plan.xlsx")
    assert book.active.title == "Program"
    assert not any("DRAF" in str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                   for cell in row)
    assert book["Program"].oddHeader.left.text is None


def test_the_decimal_sign_is_said_where_a_csv_reader_looks(make_plan) -> None:
    """indicators.csv writes 2.4: the data page told Indonesian spreadsheet users to import UTF-8 with commas, not
    to choose the dot as the decimal sign, without which 2.4 reads as 24; datapackage.json did not say it either."""
    data = build(make_plan)
    assert "2.1" in {r["baseline_value"] for r in table(data / "indicators.csv")}
    page = (data.parent / "data.html").read_text(encoding="utf-8")
    assert ("pilih UTF-8 dan koma sebagai pemisah. Angka desimal ditulis dengan titik (2.4): saat mengimpor, pilih "
            "juga titik sebagai pemisah desimal, dengan lokal English (United States)") in page
    assert "aplikasi berbahasa Indonesia membaca 2.4 sebagai 24" in page
    package = descriptor(data)
    assert "Angka desimal ditulis dengan titik (2.4)" in package["description"]
    resources = {r["name"]: r for r in package["resources"]}
    assert all(r["dialect"]["delimiter"] == "," for r in resources.values())
    assert "Angka desimal ditulis dengan titik" in resources["indicators"]["description"]
    values = {f["name"]: f for f in resources["indicators"]["schema"]["fields"]}
    for name in ("baseline_value", "target"):
        assert values[name]["decimalChar"] == "." and "desimal sesudah titik (2.4)" in values[name]["description"]


def test_an_english_data_page_says_the_decimal_sign_too(make_plan) -> None:
    plan_yml = MINI_FILES["content/plan.yml"].replace("status: draft", "status: draft\n        language: en")
    page = (build(make_plan, {"content/plan.yml": plan_yml}).parent / "data.html").read_text(encoding="utf-8")
    assert ("choosing UTF-8 and the comma as the separator. Decimals are written with a dot (2.4): choose the dot as "
            "the decimal sign when importing too, with the locale English (United States)") in page
    assert "decimals are written with a dot (2.4)." in page


def column_widths(sheet) -> dict[int, float]:
    """Each column's width in characters as a spreadsheet reads it (less the padding the file adds)."""
    return {index: dimension.width - 0.71 for dimension in sheet.column_dimensions.values()
            for index in range(dimension.min, dimension.max + 1)}


def test_every_amount_fits_its_column_as_a_spreadsheet_shows_it(make_plan) -> None:
    """Columns were sized by the amount's digits (250000000: 11 characters), not as shown, 'Rp 250.000.000' (14):
    Excel and LibreOffice showed ######## in every cell of budget.amount, most of programs.budget_total and
    agencies.budget_led, and the budget summary's largest totals."""
    import openpyxl

    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace("amount: 300000000", "amount: 1250000000000")
    data = build(make_plan, {"content/agencies/diskominfo.yml": agency})
    book = openpyxl.load_workbook(data / "plan.xlsx")
    amounts = 0
    for sheet in book.worksheets:
        widths = column_widths(sheet)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int) and cell.number_format.startswith('"Rp "'):
                    shown = f"Rp {cell.value:,}"  # Rp 1.250.000.250.000 in Indonesian: as many characters
                    assert len(shown) < widths[cell.column], (sheet.title, cell.coordinate, shown)
                    amounts += 1
    assert amounts > 20
    assert any(cell.value == 1_250_350_000_000 for row in book["Ringkasan anggaran"].iter_rows() for cell in row)


def release_said(data: Path) -> tuple[str, str, str]:
    """The descriptor's version, and the release line of the workbook's summary and notes sheets."""
    summary = [row[0] for row in sheet_rows(data / "plan.xlsx", "Ringkasan anggaran") if row[0]]
    notes = [row[0] for row in sheet_rows(data / "plan.xlsx", "Keterangan kolom") if row[0]]
    line = next(text for text in summary if str(text).startswith("Versi"))
    assert line in notes
    return descriptor(data)["version"], line, descriptor(data)["description"]


def test_a_budget_edit_gives_the_open_data_another_version_and_no_edit_the_same_bytes(make_plan) -> None:
    """After a budget edit and a rebuild, datapackage.json still said "version": "0.1" and "created" the plan's
    date, and the workbook "Versi 0.1": two releases with different totals told apart by their hashes only."""
    root = make_plan()
    data = root / "build" / "site" / "data"
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    version, line, description = release_said(data)
    fingerprint = version.removeprefix("0.1+")
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint)
    assert line.startswith(f"Versi 0.1, sidik jari data {fingerprint} (sidik jari berubah")
    assert f"Versi 0.1, sidik jari data {fingerprint}: sidik jari ini" in description
    assert "created" not in descriptor(data) and "Dokumen bertanggal 2021-12-01." in description
    published = {name: (data / name).read_bytes() for name in ("datapackage.json", "plan.xlsx")}

    assert run(root, BuildOptions(pdf=False, search=False, cache=False)).ok  # nothing changed: the same bytes
    assert {name: (data / name).read_bytes() for name in published} == published

    agency = root / "content" / "agencies" / "diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("amount: 300000000", "amount: 325000000"),
                      encoding="utf-8")
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    edited, edited_line, _ = release_said(data)
    assert edited.startswith("0.1+") and edited != version  # the plan's version kept: the data's told apart
    assert edited_line != line and edited.removeprefix("0.1+") in edited_line


def test_readme_tells_authors_to_raise_the_version_before_republishing() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "raise `version` in plan.yml before you publish" in " ".join(readme.split())


def test_budget_and_programs_name_their_pillar_and_lead_agency_beside_the_codes(make_plan) -> None:
    """budget.csv and programs.csv gave codes only (lead_agency=diskominfo, pillar=governance): a pivot by agency
    showed codes. Names are appended after the columns there were, which stay as they were."""
    import openpyxl

    data = build(make_plan)
    with (data / "budget.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["program_id", "pillar", "lead_agency", "year", "funding_source", "amount",
                      "pillar_name", "lead_agency_name", "program_name"]
    by_agency: dict[str, int] = {}
    for row in table(data / "budget.csv"):  # a pivot by agency, as a spreadsheet makes it
        by_agency[row["lead_agency_name"]] = by_agency.get(row["lead_agency_name"], 0) + int(row["amount"])
    assert by_agency == {"Dinas Komunikasi dan Informatika": 650_000_000,
                         "Badan Pengelolaan Keuangan dan Aset Daerah": 100_000_000}
    sambat = {r["id"]: r for r in table(data / "programs.csv")}["GOV-01"]
    assert list(sambat)[:16][-1] == "former_ids"  # the columns there were, in their order
    assert (sambat["pillar_name"], sambat["lead_agency_name"], sambat["summary"]) == (
        "Smart Governance", "Dinas Komunikasi dan Informatika", "Aduan warga ditanggapi dalam 10 menit.")
    assert {r["program_name"] for r in table(data / "budget.csv")} == {"e-Sambat (Media Sambat Masyarakat)",
                                                                        "Transaksi Non-Tunai"}
    book = openpyxl.load_workbook(data / "plan.xlsx")
    budget = [row for row in book["Baris anggaran"].iter_rows(values_only=True)]
    assert budget[0][6:] == ("pillar_name", "lead_agency_name", "program_name")
    assert budget[1][6:] == ("Smart Governance", "Dinas Komunikasi dan Informatika", "e-Sambat (Media Sambat Masyarakat)")
    fields = {r["name"]: {f["name"]: f["description"] for f in r["schema"]["fields"]}
              for r in descriptor(data)["resources"]}
    assert fields["budget"]["lead_agency_name"] == fields["programs"]["lead_agency_name"] == \
        "Nama lengkap perangkat daerah pengampu"
    assert fields["budget"]["pillar_name"] == "Nama dimensi" and fields["budget"]["program_name"] == "Nama program"
    assert fields["programs"]["summary"].startswith("Ringkasannya, berformat Markdown")


def frictionless_errors(data: Path) -> dict[str, list[str]]:
    import frictionless

    report = frictionless.validate(str(data / "datapackage.json"))
    assert not report.errors, [e.message for e in report.errors]
    return {task.name: [error.type for error in task.errors] for task in report.tasks}


def test_each_budget_and_indicator_row_has_a_key_and_an_indicators_owner_is_checked(make_plan) -> None:
    """datapackage.json gave indicators.csv no key and no reference (an owner_id naming no program passed), and
    budget.csv no key. A plan may budget the same year and source twice (W308, both counted) and give a program two
    indicators of one name, or one without targets: the rows still have a key, so the package stays valid."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "          - {year: 2023, amount: 300000000, source: APBD}\n",
        "          - {year: 2023, amount: 300000000, source: APBD}\n"
        "              - {year: 2023, amount: 20000000, source: APBD}\n").replace(
        "            missions: [m1]\n",
        "              - {name: Aduan ditanggapi dalam 10 menit, unit: persen, baseline: {year: 2021, value: 40}}\n"
        "            missions: [m1]\n")
    data = build(make_plan, {"content/agencies/diskominfo.yml": agency})
    assert frictionless_errors(data) == {name: [] for name in
                                         ("programs", "budget", "agencies", "indicators", "pillars", "sub_elements",
                                          "missions", "budget_by_mission")}
    resources = {r["name"]: r["schema"] for r in descriptor(data)["resources"]}
    assert resources["budget"]["primaryKey"] == ["program_id", "year", "funding_source"]
    assert resources["indicators"]["primaryKey"] == ["owner_type", "owner_id", "indicator_number", "year"]
    assert resources["indicators"]["foreignKeys"] == [
        {"fields": ["program_id"], "reference": {"resource": "programs", "fields": ["id"]}},
        {"fields": ["pillar"], "reference": {"resource": "pillars", "fields": ["id"]}},
        {"fields": ["lead_agency"], "reference": {"resource": "agencies", "fields": ["id"]}}]
    budget = [(r["program_id"], r["year"], r["funding_source"], r["amount"]) for r in table(data / "budget.csv")]
    assert ("GOV-01", "2023", "APBD", "320000000") in budget  # the two lines of 2023 as one, both counted
    assert sum(int(amount) for *_, amount in budget) == 770_000_000
    sambat = [(r["indicator_number"], r["year"], r["program_id"], r["pillar"])
              for r in table(data / "indicators.csv") if r["owner_id"] == "GOV-01"]
    assert sambat == [("1", "2022", "GOV-01", "governance"), ("1", "2023", "GOV-01", "governance"),
                      ("1", "2024", "GOV-01", "governance"), ("2", "", "GOV-01", "governance")]

    # an indicator's owner that names no program, a budget row twice: found
    indicators = (data / "indicators.csv").read_text(encoding="utf-8")
    orphaned = indicators.replace(",GOV-01,governance,,,,diskominfo,,\n", ",GOV-99,governance,,,,diskominfo,,\n", 1)
    assert orphaned != indicators  # the row found as the table writes it (a new column at the end moves its end)
    (data / "indicators.csv").write_text(orphaned, encoding="utf-8")
    lines = (data / "budget.csv").read_text(encoding="utf-8").splitlines()
    (data / "budget.csv").write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    found = frictionless_errors(data)
    assert "foreign-key" in found["indicators"] and "primary-key" in found["budget"]


def test_plan_json_gives_null_for_a_text_the_plan_leaves_out(make_plan) -> None:
    """A program without a location read "location": {"id": ""} (56 of the sample's 70 programs)."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "            status: ongoing\n", "            status: ongoing\n            location: Balai Kota\n")
    data = build(make_plan, {"content/agencies/diskominfo.yml": agency})
    document = json.loads((data / "plan.json").read_text(encoding="utf-8"))
    programs = {p["id"]: p for p in document["programs"]}
    assert programs["GOV-01"]["location"] == {"id": "Balai Kota"}
    assert programs["ECO-01"]["location"] is None and programs["ECO-01"]["summary"] is None
    assert document["plan"]["notice"] is None  # the mini plan gives none
    assert '{"id": ""}' not in (data / "plan.json").read_text(encoding="utf-8")


def test_an_indicators_direction_is_in_the_open_data(make_plan) -> None:
    """`direction: up` (which way is better), which validate checks the targets against, was in no data file."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "                unit: persen\n", "                unit: persen\n                direction: up\n")
    data = build(make_plan, {"content/agencies/diskominfo.yml": agency})
    rows = {(r["owner_id"], r["year"]): r["direction"] for r in table(data / "indicators.csv")}
    assert rows[("GOV-01", "2022")] == "up" and rows[("ECO-01", "2022")] == ""
    programs = {p["id"]: p for p in json.loads((data / "plan.json").read_text(encoding="utf-8"))["programs"]}
    assert programs["GOV-01"]["indicators"][0]["direction"] == "up"
    assert programs["ECO-01"]["indicators"][0]["direction"] is None
    fields = next(r for r in descriptor(data)["resources"] if r["name"] == "indicators")["schema"]["fields"]
    assert fields[11]["name"] == "direction"  # appended after the eleven columns there were


def test_a_workbooks_sheets_are_named_in_the_plans_language_each_with_its_csv_file(make_plan) -> None:
    """The table sheets were named as the CSV files ("programs", "budget_by_mission") in a workbook otherwise in the
    plan's language: now "Program", "Baris anggaran"… in an Indonesian plan, "Programs", "Budget lines"… in an English
    one, and the notes sheet lists each sheet with the CSV file it holds, whose columns are the sheet's (and what it
    holds)."""
    import openpyxl

    csv_files = ["programs.csv", "budget.csv", "agencies.csv", "indicators.csv", "pillars.csv", "sub_elements.csv",
                 "missions.csv", "budget_by_mission.csv"]
    english = MINI_FILES["content/plan.yml"].replace("status: draft", "status: draft\n        language: en")
    for files, names, others, listing, described in [
            ({}, ["Program", "Baris anggaran", "Perangkat Daerah", "Indikator", "Dimensi", "Subelemen", "Misi",
                  "Anggaran per Misi"], ["Ringkasan anggaran", "Keterangan kolom"], ("Lembar", "Berkas CSV", "Isi"),
             ("Lembar", "Kolom", "Arti")),
            ({"content/plan.yml": english}, ["Programs", "Budget lines", "Agencies", "Indicators", "Pillars",
                                             "Sub-elements", "Missions", "Budget by mission"],
             ["Budget summary", "Column notes"], ("Sheet", "CSV file", "What it holds"), ("Sheet", "Column", "Meaning"))]:
        data = build(make_plan, files)
        book = openpyxl.load_workbook(data / "plan.xlsx")
        assert book.sheetnames == [*names, *others]
        notes = sheet_rows(data / "plan.xlsx", others[-1])
        start = notes.index(listing) + 1  # the list of sheets, up to the blank line after it
        listed = notes[start:notes.index((None, None, None), start)]
        assert [row[:2] for row in listed] == list(zip(names, csv_files)) and all(row[2] for row in listed)
        for name, file in zip(names, csv_files):
            with (data / file).open(encoding="utf-8", newline="") as handle:
                assert [cell.value for cell in book[name][1]] == next(csv.reader(handle))
        # then the notes on the columns, each naming the sheet it is on
        columns = notes[notes.index(described) + 1:]
        assert list(dict.fromkeys(row[0] for row in columns)) == names


def test_a_plans_own_words_that_give_two_sheets_one_name_still_make_a_workbook(make_plan) -> None:
    """Excel refuses two sheets of one name (in any case): a plan's words naming the agencies' sheet as the
    programs' leave it its CSV table's name, and that name taken, that name with a number."""
    import openpyxl

    words = '"Programs": {id: "agencies"}\n"Agencies": {id: "AGENCIES"}\n"Indicators": {id: "Program"}\n'
    data = build(make_plan, {"templates/i18n/words.yml": words})
    names = openpyxl.load_workbook(data / "plan.xlsx", read_only=True).sheetnames
    assert names[:4] == ["agencies", "Baris anggaran", "agencies 2", "Program"]
