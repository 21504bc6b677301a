"""One truth everywhere: the sample's figures read back from every output a build writes agree with each other.

An auditor sums the open data's budget lines (budget.csv, a row per program, year and funding source) as a
spreadsheet would, then looks each sum up where a reader meets it: the book's budget tables (Tabel 14.1–14.5) and
program matrices, the executive summary's tables, the site's budget, agency and program pages, plan.json and the
workbook. Counts, indicator baselines and targets likewise; and every page reference ("Tabel 3.1, hlm. 5",
"GOV-01 … (hlm. 14)") in the three books, typed into a PDF reader's page box, opens the page holding what it names.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from pdf_reading import joined_texts, page_texts, reader
from test_pdf import page_labels

from masterplan.formatting import Formats
from masterplan.i18n import Translator, load_catalog
from masterplan.number_words import counted
from masterplan.output import ANALYSIS_PDF, PDF, SUMMARY_PDF

ID = Formats("id", Translator("id", load_catalog()))
CODE = r"\b(?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d\b"


class Sums:
    """The budget as budget.csv gives it, summed by what the book's tables sum it by."""

    def __init__(self, data: Path):
        with (data / "budget.csv").open(encoding="utf-8", newline="") as handle:
            lines = list(csv.DictReader(handle))
        self.total = 0
        self.by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.by_year: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        for line in lines:
            amount, year = int(line["amount"]), int(line["year"])
            self.total += amount
            for key, column in (("pillar", "pillar"), ("source", "funding_source"), ("agency", "lead_agency"),
                                ("program", "program_id"), ("year", "year")):
                self.by[key][line[column]] += amount
                self.by_year[key][line[column]][year] += amount
        self.years = sorted(int(year) for year in self.by["year"])

    def largest_first(self, key: str) -> list[tuple[str, int]]:
        return sorted(((name, amount) for name, amount in self.by[key].items() if amount), key=lambda item: -item[1])


@pytest.fixture(scope="module")
def build(sample_build: Path) -> Path:
    return sample_build / "build"


@pytest.fixture(scope="module")
def sums(build: Path) -> Sums:
    return Sums(build / "site" / "data")


def csv_rows(build: Path, name: str) -> list[dict[str, str]]:
    with (build / "site" / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def lines_of(pdf: Path) -> set[str]:
    """Every line of a book's text, its spaces made one."""
    return {" ".join(line.split()) for text in page_texts(pdf) for line in text.splitlines()}


def printed(value: str) -> str:
    """A figure of the open data as the book and the site print it in Indonesian (``1200`` → ``1.200``, ``2.5`` →
    ``2,5``, to its decimals); a word as it is."""
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return value
    return ID.measure(float(value), len(value.partition(".")[2]))


def cells(amounts: list[int]) -> list[str]:
    return [ID.number(amount, 0) if amount else "–" for amount in amounts]


class Values(HTMLParser):
    """A page's figures, table by table (its id), row by row: each cell's ``<data value>``, 0 for a cell without
    one (an amount of nothing, shown "–")."""

    def __init__(self, page: Path):
        super().__init__()
        self.tables: dict[str, list[list[int]]] = {}
        self.table: str | None = None
        self.feed(page.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self.table = found.get("id") or ""
            self.tables[self.table] = []
        elif tag == "tr" and self.table is not None:
            self.tables[self.table].append([])
        elif tag == "td" and self.table is not None:
            self.tables[self.table][-1].append(0)
        elif tag == "data" and self.table is not None:
            self.tables[self.table][-1][-1] = int(found["value"] or 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.table = None


def test_the_books_budget_tables_give_the_sums_of_the_open_data(build: Path, sums: Sums) -> None:
    book, summary = lines_of(build / PDF), lines_of(build / SUMMARY_PDF)
    pillars = [row["id"] for row in sorted(csv_rows(build, "pillars.csv"), key=lambda row: int(row["order"]))]
    agencies = {row["id"]: row for row in csv_rows(build, "agencies.csv")}
    expected = [" ".join([str(year), *cells([sums.by_year["pillar"][p][year] for p in pillars]),
                          ID.number(sums.by["year"][str(year)], 0)]) for year in sums.years]  # Tabel 14.1
    expected.append(" ".join(["Total", *cells([sums.by["pillar"][p] for p in pillars]), ID.number(sums.total, 0)]))
    sources = sums.largest_first("source")
    for (source, amount), share in zip(sources, ID.shares([a for _, a in sources], sums.total), strict=True):
        expected.append(f"{ID.funding_source(source)} {ID.rupiah(amount)} {share}")  # Tabel 14.2, and the summary's
        assert f"{ID.funding_source(source)} {ID.rupiah(amount)} {share}" in summary
    leads = sums.largest_first("agency")
    for (agency, amount), share in zip(leads, ID.shares([a for _, a in leads], sums.total), strict=True):
        row = agencies[agency]
        assert int(row["budget_led"]) == amount
        # Tabel 14.3: the short name in brackets where it says more than the name ("Inspektorat Daerah", not
        # "Inspektorat Daerah (Inspektorat)"; "Kecamatan Gadingrejo", not "… (Kec. Gadingrejo)")
        said = row["name"].startswith(row["short_name"].replace("Kec. ", "Kecamatan "))
        expected.append(f"{row['name']}{'' if said else ' (' + row['short_name'] + ')'} {ID.rupiah(amount)} {share}")
        expected.append(" ".join([row["short_name"], *cells([sums.by_year["agency"][agency][y] for y in sums.years]),
                                  ID.number(amount, 0)]))  # Tabel 14.5
    expected += [" ".join([str(year), *cells([sums.by_year["source"][s][year] for s, _ in sources]),
                           ID.number(sums.by["year"][str(year)], 0)]) for year in sums.years]  # Tabel 14.4
    assert [line for line in expected if line not in book] == []
    assert f"Indikasi anggaran seluruh program berjumlah {ID.rupiah(sums.total)} selama {counted(len(sums.years), 'id')} tahun." in " ".join(
        joined_texts(build / PDF))


def test_the_summary_s_pillars_table_counts_and_sums_as_the_open_data(build: Path, sums: Sums) -> None:
    text = " ".join(joined_texts(build / SUMMARY_PDF))
    programs = csv_rows(build, "programs.csv")
    pillars = sorted(csv_rows(build, "pillars.csv"), key=lambda row: int(row["order"]))
    shares = ID.shares([sums.by["pillar"][row["id"]] for row in pillars], sums.total)
    for row, share in zip(pillars, shares, strict=True):
        mine = [program for program in programs if program["pillar"] == row["id"]]
        quick = sum(program["quick_win"] == "true" for program in mine)
        assert int(row["programs"]) == len(mine) and int(row["budget_total"]) == sums.by["pillar"][row["id"]]
        assert f"{len(mine)} {quick} {ID.rupiah(sums.by['pillar'][row['id']])} {share}" in text, row["id"]
    quick_wins = sum(program["quick_win"] == "true" for program in programs)
    assert f"Total {len(programs)} {quick_wins} {ID.rupiah(sums.total)} 100,0%" in text
    agencies = len(csv_rows(build, "agencies.csv"))
    assert f"memuat {len(programs)} program yang melibatkan {agencies} perangkat daerah" in text


def test_plan_json_and_the_workbook_hold_the_sums_of_the_budget_lines(build: Path, sums: Sums) -> None:
    totals = json.loads((build / "site" / "data" / "plan.json").read_text(encoding="utf-8"))["totals"]
    assert totals["budget"] == sums.total
    for key in ("pillar", "source", "agency", "year"):
        assert {name: amount for name, amount in totals[f"by_{key}"].items() if amount} == dict(sums.by[key]), key
    book = openpyxl.load_workbook(build / "site" / "data" / "plan.xlsx", read_only=True)
    numbers = {value for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row
               if isinstance(value, int)}
    sums_of = [sums.total, *(amount for key in ("pillar", "source", "agency", "year", "program")
                             for amount in sums.by[key].values())]
    assert [amount for amount in sums_of if amount not in numbers] == []


def test_the_workbook_shows_each_funding_source_s_share_as_the_book_prints_it(build: Path, sums: Sums) -> None:
    """The workbook's budget summary showed DAK's share, 0,1075, as 10,8 % (its cell's 0.0 % format) where the book
    and the summary printed 10,7 %: each now the amount's exact quotient rounded half up, as a spreadsheet shows it,
    with the note that such shares may add up to 99,9 or 100,1 %."""
    sheet = openpyxl.load_workbook(build / "site" / "data" / "plan.xlsx")["Ringkasan anggaran"]
    lines = [[cell.value for cell in row] for row in sheet.iter_rows()]
    start = next(number for number, row in enumerate(lines) if row[0] == "Anggaran per Sumber Pendanaan")
    sources = sums.largest_first("source")
    shown = {row[0]: f"{Decimal(str(row[2] * 100)).quantize(Decimal('0.1'), ROUND_HALF_UP)}%".replace(".", ",")
             for row in lines[start + 2:start + 2 + len(sources)]}  # as a spreadsheet shows 0.0 %
    book = lines_of(build / PDF)
    assert [f"{name} {ID.rupiah(amount)} {shown[name]}" for name, amount in
            ((ID.funding_source(source), amount) for source, amount in sources)
            if f"{name} {ID.rupiah(amount)} {shown[name]}" not in book] == []
    assert lines[start + 3 + len(sources)][0] == ("Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya "
                                                  "bisa sedikit lebih atau kurang dari 100%.")
    assert shown["DAK"] == "10,8%"  # 0,1075: a half rounded up, in the book as a calculator shows it


def test_each_phase_s_share_is_its_budget_divided_by_the_plan_s_in_every_output(build: Path, sums: Sums) -> None:
    """A reader dividing a phase's budget by the plan's finds the share printed: 139,32 of 276,66 miliar is 50,4 %,
    where the book, the summary and the site printed 50,3 % to make the phases add up to 100,0 %. Each output now
    rounds each share on its own and says that they may then add up to 100,1 % (13,3 + 50,4 + 36,4)."""
    phases = csv_rows(build, "budget_by_phase.csv")
    assert sum(int(row["budget"]) for row in phases) == sums.total  # the sample's phases cover its ten years
    shares = [ID.percent(int(row["budget"]), sums.total) for row in phases]
    assert shares[1] == "50,4%" and abs(float(phases[1]["share_of_plan"]) - 0.5036) < 5e-5
    rows = [f"{row['start_year']}–{row['end_year']} {row['programs_starting']} {row['programs_running']} "
            f"{ID.rupiah(int(row['budget']))} {share}" for row, share in zip(phases, shares, strict=True)]
    said = "Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya bisa sedikit lebih atau kurang dari 100%."
    for book in (PDF, SUMMARY_PDF):
        text = " ".join(joined_texts(build / book))
        assert [row for row in rows if row not in text] == [] and said in text, book
    site = (build / "site" / "roadmap.html").read_text(encoding="utf-8")
    table = site[site.index('id="phase-budget"'):site.index("</table>", site.index('id="phase-budget"'))]
    assert re.findall(r'<td class="num">(\d+,\d%)</td>', table) == shares and said in site
    sheet = openpyxl.load_workbook(build / "site" / "data" / "plan.xlsx")["Ringkasan anggaran"]
    lines = [[cell.value for cell in row] for row in sheet.iter_rows()]
    start = next(number for number, row in enumerate(lines) if row[0] == "Program dan Anggaran per Tahapan")
    shown = [f"{Decimal(str(row[5] * 100)).quantize(Decimal('0.1'), ROUND_HALF_UP)}%".replace(".", ",")
             for row in lines[start + 2:start + 2 + len(phases)]]  # as a spreadsheet shows 0.0 %
    assert shown == shares and lines[start + 2 + len(phases)][0].endswith(said)


def test_the_site_s_budget_agency_and_program_pages_give_the_same_sums(build: Path, sums: Sums) -> None:
    site = build / "site"
    pillars = [row["id"] for row in sorted(csv_rows(build, "pillars.csv"), key=lambda row: int(row["order"]))]
    budget = Values(site / "budget.html").tables
    assert budget["budget-pillar"][1:] == [
        *([sums.by_year["pillar"][p][year] for p in pillars] + [sums.by["year"][str(year)]] for year in sums.years),
        [sums.by["pillar"][p] for p in pillars] + [sums.total]]
    leads = sums.largest_first("agency")
    assert budget["budget-agency-year"][1:] == [
        *([sums.by_year["agency"][agency][year] for year in sums.years] + [amount] for agency, amount in leads),
        [sums.by["year"][str(year)] for year in sums.years] + [sums.total]]
    for agency, amount in leads:
        table = Values(site / "agency" / f"{agency}.html").tables["agency-led-year"]
        assert table[-1][-1] == amount and sum(row[-1] for row in table[1:-1]) == amount, agency
    for program, amount in sums.by["program"].items():
        page = " ".join((site / "program" / f"{program}.html").read_text(encoding="utf-8").split())
        assert f"<dd>{ID.rupiah(amount)}</dd>" in page, program


def test_the_matrix_and_the_program_pages_give_the_open_data_s_baselines_and_targets(build: Path, sums: Sums) -> None:
    whole = "\n".join(page_texts(build / PDF)).replace("\xa0", " ")
    starts = [(found.start(), found.group(1)) for found in re.finditer(rf"(?m)^\d+ ({CODE}) ", whole)]
    rows: dict[str, str] = defaultdict(str)  # a program's rows in the book, each to the next program's
    for (start, program), (end, _) in zip(starts, [*starts[1:], (len(whole), "")], strict=True):
        rows[program] += " " + " ".join(whole[start:end].split()).replace("\u2010 ", "")
    targets = [row for row in csv_rows(build, "indicators.csv") if row["owner_type"] == "program" and row["target"]]
    for line in csv_rows(build, "budget.csv"):  # one line a year and source: "2022 Rp 350.000.000 APBD"
        amount = f"{line['year']} {ID.rupiah(int(line['amount']))} {ID.funding_source(line['funding_source'])}"
        assert amount in rows[line["program_id"]], amount
    for program, amount in sums.by["program"].items():
        assert len(sums.by_year["program"][program]) == 1 or f"Total {ID.rupiah(amount)}" in rows[program], program
    for row in targets:
        assert re.search(rf"{row['year']}: {re.escape(printed(row['target']))}(?![\d,])", rows[row["owner_id"]]), row
        assert f"{printed(row['baseline_value'])} {row['baseline_year']}" in rows[row["owner_id"]], row
        page = (build / "site" / "program" / f"{row['owner_id']}.html").read_text(encoding="utf-8")
        assert f">{printed(row['baseline_value'])} <span class=\"muted\">({row['baseline_year']})" in page


@pytest.mark.parametrize("book", [PDF, SUMMARY_PDF, ANALYSIS_PDF])
def test_a_pdf_reader_s_page_numbers_are_the_printed_ones_in_every_book(build: Path, book: str) -> None:
    """"hlm. 5" typed into a PDF reader's page box opens the page that prints 5, in the summary and the analysis
    too (their PDFs had no page labels: the analysis's "Tabel 3.1, hlm. 5" opened printed page 2)."""
    printed, shown = page_labels(build / book), reader(build / book).page_labels
    assert [shown[index] for index, label in enumerate(printed) if label and index] == [
        label for label in printed[1:] if label]


@pytest.mark.parametrize("book", [PDF, ANALYSIS_PDF])
def test_every_page_reference_opens_the_page_holding_what_it_names(build: Path, book: str) -> None:
    """A table's reference opens the page its caption starts it on; a program's, the page of its row in the matrix."""
    raw = [text.replace("\xa0", " ") for text in page_texts(build / book)]
    texts = [" ".join(text.split()).replace("\u2010 ", "") for text in raw]
    shown = reader(build / book).page_labels
    references = re.findall(rf"((?:Tabel|Gambar) \d+\.\d+|{CODE}),? \(?hlm\. (\d+)"  # "Tabel 3.1, hlm. 5"
                            rf"|({CODE}) (?:(?!{CODE})[^;]){{0,160}}?\(hlm\. (\d+)\)", " ".join(texts))  # "GOV-01 e-Sambat (…) (hlm. 14)"
    for named, page in (found[:2] if found[0] else found[2:] for found in references):
        held = rf"(?m)^\d+ {named} " if re.fullmatch(CODE, named) else rf"{re.escape(named)} (?!\(lanjutan\))"
        assert re.search(held, raw[shown.index(page)]), (named, page)
    assert len(references) >= (100 if book == PDF else 5), len(references)


def test_a_lead_agency_whose_programs_have_no_budget_yet_is_named_under_the_budget_tables(tmp_path: Path) -> None:
    """BPKAD leads ECO-01, whose lines are all Rp 0 yet (W319): the key figures count it among the lead agencies,
    while the tables of the budget by agency, which list amounts, had no row for it and no word of it, so an auditor
    found one lead agency more in the panel than in any table. A note under those tables names it, in the book and
    on the site. A funding source no line names any more (APBN, ECO-01's) is in no table of the book, and the site's
    listed it at Rp 0, 0,0 %: no longer."""
    from click.testing import CliRunner
    from conftest import MINI_FILES, write_plan

    from masterplan.cli import cli
    agency = "content/agencies/bpkad.yml"
    unbudgeted = MINI_FILES[agency].replace("amount: 50000000", "amount: 0")
    root = write_plan(tmp_path / "plan", {agency: unbudgeted})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    note = ("Perangkat daerah pengampu yang programnya belum mencantumkan indikasi anggaran, sehingga tidak "
            "tercantum dalam tabel ini: BPKAD.")
    assert note in re.sub(r"\s+", " ", " ".join(page_texts(root / "build" / PDF))).replace("‐ ", "")
    budget = (root / "build/site/budget.html").read_text(encoding="utf-8")
    assert note in re.sub(r"\s+", " ", budget)
    sources = re.search(r'<table id="budget-source".*?</table>', budget, re.DOTALL)
    assert sources and "APBD" in sources.group(0) and "APBN" not in sources.group(0)
