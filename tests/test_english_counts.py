"""A count of programs reads right in English, one or many: "1 program", "2 programs" (Indonesian has no plural:
"1 program", "2 program"), on the site and in the book.

Read from the mini plan (conftest), whose two pillars, two sub-elements and two agencies each have exactly one
program, built as its English edition and, for the plural, with a second program in one sub-element. And the
same of what validate and serve count (1 error, 1 warning) and of a one-year plan's budget (over 1 year).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES
from pdf_reading import joined_texts

from masterplan.build import BuildOptions, run

PLAN_YML = textwrap.dedent(MINI_FILES["content/plan.yml"])
#: "1 programs", "The 1 programs": a count of one said in the plural
ONE_IN_PLURAL = re.compile(r"\b1 programs\b|\bThe 1 programs\b")


def built(make_plan: Callable[..., Path], language: str, files: dict[str, str | None] | None = None) -> Path:
    """The mini plan in ``language``'s edition, built (book and site, no search); returns build/."""
    root = make_plan({"content/plan.yml": f"{PLAN_YML}language: {language}\n", **(files or {})})
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_plan

    root = tmp_path_factory.mktemp("english-counts")
    return built(lambda files: write_plan(root, files), "en")


def test_the_book_says_one_program_of_a_sub_element_and_of_a_pillar(english: Path) -> None:
    """It said "Public Services (1 programs)" and "The 1 programs of this pillar … follow in Table 4.2"."""
    book = " ".join(joined_texts(english / "masterplan.pdf"))
    assert "Public Services (1 program)" in book and "Ekosistem Transaksi Keuangan (1 program)" in book
    assert ("The one program of this pillar, with its indicators, agencies and indicative budget, follows in "
            "Table 4.2.") in book
    assert ONE_IN_PLURAL.findall(book) == []


def test_the_site_says_one_program_of_a_pillar_and_of_an_agency(english: Path) -> None:
    site = english / "site"
    assert 'data-facts="Chapter 4 · 1 program · Rp 650 million"' in (site / "pillar" / "governance.html").read_text(
        encoding="utf-8")
    assert 'data-facts="Leads 1 program · Rp 650 million"' in (site / "agency" / "diskominfo.html").read_text(
        encoding="utf-8")
    said = {str(path.relative_to(site)): ONE_IN_PLURAL.findall(re.sub(r"<[^>]+>", " ", path.read_text(
        encoding="utf-8"))) for path in site.rglob("*.html")}
    assert {path: found for path, found in said.items() if found} == {}


def test_two_programs_of_a_sub_element_and_a_pillar_are_programs(make_plan: Callable[..., Path]) -> None:
    agency = MINI_FILES["content/agencies/bpkad.yml"]
    second = textwrap.dedent(agency[agency.index("          - id: ECO-01"):]).replace("ECO-01", "ECO-02").replace(
        "depends_on: [GOV-01]", "depends_on: [ECO-01]")
    files = {"content/agencies/bpkad.yml": textwrap.dedent(agency) + textwrap.indent(second, "  ")}
    english = " ".join(joined_texts(built(make_plan, "en", files) / "masterplan.pdf"))
    assert "Ekosistem Transaksi Keuangan (2 programs)" in english
    assert "The two programs of this pillar, with their indicators, agencies and indicative budget, follow in" in english
    assert "Public Services (1 program)" in english


#: a count of one said in the plural, anywhere in a page's HTML (its text, its description, its attributes)
ONE_OF_MANY = re.compile(r"\b1 (programs|pillars|entries|agencies|indicators|quick wins)\b")


@pytest.fixture(scope="module")
def lone(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The mini plan cut to one pillar, one program and one agency, no glossary of its own (its one entry is the
    agency), in English with its executive summary; built: its build/ and the build's summary lines."""
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("lone-program") / "plan", {
        "content/plan.yml": f"{PLAN_YML}language: en\nexecutive_summary: true\n",
        "content/pillars/economy.yml": None, "content/agencies/bpkad.yml": None, "content/glossary.yml": None,
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
            "            partners: [bpkad]\n", "")})
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build", [str(line) for line in result.summary]


def test_one_program_in_one_pillar_on_the_site(lone: tuple[Path, list[str]]) -> None:
    """The programs page said "1 programs across 1 pillars.", its filter "1 of 1 programs", the glossary's
    description "1 entries"."""
    site = lone[0] / "site"
    programs = (site / "program" / "index.html").read_text(encoding="utf-8")
    assert '<p class="lead">1 program in 1 pillar.</p>' in programs
    assert 'data-count="{shown} of 1 program"' in programs
    assert "with their meanings: 1 entry." in (site / "glossary.html").read_text(encoding="utf-8")
    said = {str(path.relative_to(site)): ONE_OF_MANY.findall(path.read_text(encoding="utf-8"))
            for path in site.rglob("*.html")}
    assert {path: found for path, found in said.items() if found} == {}


def test_one_program_in_the_books_and_the_build_summary(lone: tuple[Path, list[str]]) -> None:
    """The build's open data line said "(1 programs)"; the book and the executive summary say no count of one in
    the plural."""
    build, summary = lone
    assert any(line.startswith("Open data: plan.json,") and line.endswith("and plan.xlsx (1 program)")
               for line in summary), summary
    for pdf in ("masterplan.pdf", "masterplan-summary.pdf"):
        text = " ".join(joined_texts(build / pdf))
        assert ONE_IN_PLURAL.findall(text) == [] and ONE_OF_MANY.findall(text) == [], pdf


def test_two_programs_in_one_pillar_on_the_site(make_plan: Callable[..., Path]) -> None:
    """The programs page's lead said "2 programs across 1 pillars."."""
    agency = MINI_FILES["content/agencies/bpkad.yml"]
    root = make_plan({"content/plan.yml": f"{PLAN_YML}language: en\n", "content/pillars/economy.yml": None,
                      "content/agencies/bpkad.yml": agency.replace("pillar: economy", "pillar: governance").replace(
                          "sub_element: transaksi_keuangan", "sub_element: pelayanan_publik")})
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    lead = (root / "build" / "site" / "program" / "index.html").read_text(encoding="utf-8")
    assert '<p class="lead">2 programs in 1 pillar.</p>' in lead


def test_validate_and_serve_say_a_count_of_one_error_or_warning_in_the_singular() -> None:
    """validate ended with "1 error(s), 1 warning(s)", and serve said "1 error(s): the page shows them"."""
    from masterplan.diagnostics import Position, Speaker, error, warning
    from masterplan.preview import errors_shown

    found = [error(Position("content/plan.yml", 1), "E101", "x"), warning(Position("content/plan.yml", 2), "W101", "y")]
    english, indonesian = Speaker.of("en"), Speaker.of("id")
    assert english.text(found).splitlines()[-1] == "1 error, 1 warning"
    assert english.text(found[:1] * 2).splitlines()[-1] == "2 errors, 0 warnings"
    assert indonesian.text(found).splitlines()[-1] == "1 kesalahan, 1 peringatan"
    assert english.say(errors_shown(1)) == "1 error: the page shows it until it is fixed"
    assert english.say(errors_shown(3)) == "3 errors: the page shows them until they are fixed"
    assert indonesian.say(errors_shown(1)) == "1 kesalahan: halaman menampilkannya sampai diperbaiki"


def test_a_one_year_plans_budget_is_over_1_year(make_plan: Callable[..., Path]) -> None:
    """The budget chapter of a plan of one year said "totals Rp 300 million over 1 years"."""
    one_year = PLAN_YML.replace("2022–2026", "2022").replace("end: 2026", "end: 2022")
    files = {
        "content/chapters/02-anggaran.md": "---\ntitle: Anggaran\ngenerated: budget\n---\n",
        "content/pillars/governance.yml": textwrap.dedent(MINI_FILES["content/pillars/governance.yml"]).replace(
            ", 2026: 3.5", ""),
        "content/agencies/diskominfo.yml": re.sub(r"(?m)^\s+- \{year: 202[34].*\n", "", textwrap.dedent(
            MINI_FILES["content/agencies/diskominfo.yml"]).replace("end: 2024", "end: 2022").replace(
            ", 2023: 80, 2024: 90", "")),
        "content/agencies/bpkad.yml": textwrap.dedent(MINI_FILES["content/agencies/bpkad.yml"]).replace(
            "end: 2023", "end: 2022").replace(", {year: 2023, amount: 50000000, source: APBN}", "").replace(
            ", 2023: 80", ""),
    }
    book = {}
    for language in ("en", "id"):
        root = make_plan({**files, "content/plan.yml": f"{one_year}language: {language}\n"})
        result = run(root, BuildOptions(search=False, site=False))
        assert result.ok, [str(d) for d in result.report.errors]
        book[language] = " ".join(joined_texts(root / "build" / "masterplan.pdf"))
    assert "The indicative budget of all programs totals Rp 300,000,000 over 1 year." in book["en"]
    assert "Indikasi anggaran seluruh program berjumlah Rp 300.000.000 selama 1 tahun." in book["id"]
