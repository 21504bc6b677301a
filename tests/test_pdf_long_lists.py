"""A big plan's book (a province's): long lists go on over pages, codes in number order, tables that fit.

The index and the programs-by-agency list used to keep each agency's block whole, so a
province's big agency (its 27 entries) moved to the next page and left a third of the page
before it blank, page after page; a group that goes on over the page names its agency again on top of
the next (it began with bare codes). Here one agency leads a hundred programs, more than a page
lists, coded GOV-2 to GOV-101 (so "GOV-10" sorts after "GOV-9", not after "GOV-1"), all
serving one mission, in a plan whose title is longer than the running header's line.
"""

from __future__ import annotations

import re

import pypdf
import pytest
from conftest import MINI_FILES
from test_pdf_parts import build, page_texts, read

PROGRAMS = 100
BIG = "DinasBesar"
CODES = [f"GOV-{n}" for n in range(2, PROGRAMS + 2)]  #: in number order
TITLE = "Masterplan Smart Province Jawa Timur (konsolidasi kota dan kabupaten) 2022–2026"


def big_agency() -> str:
    """An agency leading ``PROGRAMS`` short governance programs, each name about a line of the index;
    the first runs one year."""
    programs = "".join(f"""\
          - id: {code}
            name: Layanan Digital Terpadu untuk Warga Kelurahan Nomor {n}
            pillar: governance
            sub_element: pelayanan_publik
            period: {{start: 2023, end: {2023 if n == 0 else 2024}}}
            budget: [{{year: 2023, amount: 100000000, source: APBD}}]
            indicators:
              - {{name: Pengguna {n}, unit: orang, baseline: {{year: 2021, value: 10}}, targets: {{2023: 50}}}}
            missions: [m1]
""" for n, code in enumerate(CODES))
    return f"""\
        id: dinasbesar
        name: Dinas Contoh Besar
        short_name: {BIG}
        kind: dinas
        programs:
{programs}"""


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    from conftest import write_plan

    plan = MINI_FILES["content/plan.yml"].replace("title: Masterplan Smart City Kota Contoh 2022–2026", f"title: {TITLE}")
    root = write_plan(tmp_path_factory.mktemp("long-lists"), {"content/agencies/dinasbesar.yml": big_agency(),
                                                               "content/plan.yml": plan})
    build(root, jobs=2)
    return read(root)


@pytest.fixture(scope="module")
def pages(book: pypdf.PdfReader) -> list[str]:
    return page_texts(book)


def entries(page: str) -> list[str]:
    return re.findall(r"GOV-[1-9]\d*\b", page)


def test_the_index_goes_on_with_a_long_group_on_its_first_page(pages: list[str]) -> None:
    start = next(i for i, page in enumerate(pages) if page.startswith("Indeks Program per Perangkat Daerah"))
    first, second = pages[start], pages[start + 1]
    assert "BPKAD" in first and BIG in first
    assert len(entries(first)) >= 30, first  # the page is filled below the small groups, not left for the big one
    assert entries(second)[0] == CODES[len(entries(first))]  # goes on where it stopped,
    assert second.count(BIG) == 1 and second.index(BIG) < second.index(entries(second)[0])  # under its agency again
    listed = [entry for page in pages[start:] for entry in entries(page)]
    assert listed == CODES  # each once, GOV-9 before GOV-10
    assert "Diskominfo" in pages[-1]


def test_the_programs_by_agency_go_on_with_a_long_agency_on_the_list_s_first_page(pages: list[str]) -> None:
    heading = "Program per Perangkat Daerah BPKAD"
    start = next(i for i, page in enumerate(pages) if heading in page)
    after = pages[start].split(heading)[1].split(f"{BIG} · Dinas Contoh Besar")
    assert len(after) == 2, pages[start]  # its heading is on the list's first page, and its first programs under it
    assert len(entries(after[1])) >= 10, pages[start]
    assert entries(" ".join([after[1], *pages[start + 1:]]).split("Glosarium")[0]) == CODES


def test_a_mission_table_of_a_hundred_programs_a_cell_counts_them(pages: list[str]) -> None:
    page = next(page for page in pages if "menunjukkan banyaknya program" in page)
    assert "Tabel 2.1 menunjukkan banyaknya program setiap dimensi yang mendukung setiap misi." in page
    row = page.split("1. Tata kelola yang baik")[1]
    assert row.split()[:2] == ["101", "–"], row[:100]  # GOV-01 and the hundred, in Smart Governance; none in Economy
    assert "GOV-50" not in page


def test_a_one_year_program_shows_its_year_once(pages: list[str]) -> None:
    matrix = next(page for page in pages if "GOV-2 Layanan Digital" in page and "APBD" in page)
    row = matrix.split("GOV-2 Layanan Digital")[1].split("GOV-3 Layanan Digital")[0]
    assert " 2023 2023 Rp 100.000.000" in row, row
    assert "2023–2023" not in "".join(pages)


def test_the_running_header_holds_a_long_title_on_one_line(book: pypdf.PdfReader) -> None:
    import pdfplumber

    with pdfplumber.open(book.stream) as pdf:
        chapters = [page for page in pdf.pages if "Bab 4 · Smart Governance" in (page.extract_text() or "")]
        assert chapters
        for page in chapters:
            header = [line["text"] for line in page.extract_text_lines() if line["top"] < 20 * 72 / 25.4]
            assert len(header) == 1, header  # one line: the title cut at a word (or a continued table), then the chapter
            assert header[0].startswith(("Masterplan Smart Province Jawa Timur (konsolidasi kota dan… Bab 4",
                                         "Tabel 4.")), header


def test_three_digit_program_numbers_stay_clear_of_the_program_code(book: pypdf.PdfReader) -> None:
    import pdfplumber

    with pdfplumber.open(book.stream) as pdf:
        page = next(page for page in pdf.pages if "GOV-100" in (page.extract_text() or "") and "APBD" in page.extract_text())
        words = page.extract_words()
        number = next(word for word in words if word["text"] == "100")
        code = next(word for word in words if word["text"].startswith("GOV-100") and abs(word["top"] - number["top"]) < 3)
        assert number["x1"] < code["x0"], (number, code)
