"""The program matrix of a monitored plan, read back from the PDF: an indicator's realised line ("Realisasi …") stands
on the page of the indicator's name, never alone at the top of the next page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import plumbed
from test_pdf_page_breaks import column_of, head_columns, text_area

from masterplan.build import BuildOptions, run

#: indicators per program of the monitored agency: enough programs over enough pages that breaks fall everywhere
INDICATORS_PER_PROGRAM = (3, 4, 2, 5, 3, 4, 3, 2, 4)


def monitored_indicator(program: int, number: int) -> str:
    """An indicator with five years of targets, a direction and three realised figures (about 45 mm in the matrix)."""
    return (f"              - {{name: Indikator {program}-{number} layanan publik daring terpadu, unit: persen,"
            f" direction: up, baseline: {{year: 2021, value: 40}},\n"
            f"                 targets: {{2022: 50, 2023: 60, 2024: 70, 2025: 80, 2026: 90}},"
            f" realised: {{2022: 48, 2023: 61.5, 2024: 69}}}}\n")


def monitored_program(program: int, indicators: int) -> str:
    """A program of Diskominfo's, written as the mini plan's GOV-01 is (indented for write_plan's dedent)."""
    return (f"          - id: GOV-{program:02d}\n"
            f"            name: Program layanan nomor {program} untuk warga kota\n"
            "            pillar: governance\n"
            "            sub_element: pelayanan_publik\n"
            f"            summary: Ringkasan program {program} yang menjelaskan layanan kepada warga kota.\n"
            "            period: {start: 2022, end: 2026}\n"
            "            budget: [{year: 2022, amount: 250000000, source: APBD}]\n"
            "            missions: [m1]\n"
            "            indicators:\n"
            + "".join(monitored_indicator(program, number) for number in range(1, indicators + 1)))


@pytest.fixture(scope="module")
def monitored_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan with Diskominfo's nine more programs, every indicator monitored up to 2024: the book alone."""
    programs = "".join(monitored_program(program, count)
                       for program, count in enumerate(INDICATORS_PER_PROGRAM, start=2))
    root = write_plan(tmp_path_factory.mktemp("monitored-matrix"), {
        "content/plan.yml": MINI_FILES["content/plan.yml"].replace("date: 2021-12-01", "date: 2025-03-01"),
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].rstrip(" ") + programs,
    })
    result = run(root, BuildOptions(site=False, jobs=1))
    assert result.ok, [str(d) for d in result.report]
    return root / "build" / "masterplan.pdf"


def test_a_realised_line_stands_on_the_page_of_its_indicators_name(monitored_book: Path) -> None:
    """A program of several monitored indicators went on over the page inside an indicator's row: the "Realisasi"
    line (with its "(tidak tercapai)") stood at the top of the next page, under the repeated head, beside no
    indicator's name. Down each matrix page, an indicator's name now comes before each realised line: name, realised,
    name, realised."""
    orphans, pages = [], 0
    with plumbed(monitored_book) as pdf:
        for page in pdf.pages:
            columns, head = head_columns(page) if page.width > page.height else ([], 0.0)
            if not columns:
                continue
            pages += 1
            _, bottom = text_area(page)
            words = [w for w in page.extract_words() if head < w["top"] and w["bottom"] < bottom]
            marks = sorted([(w["top"], "name") for w in words
                            if column_of(w, columns) == 3 and w["text"].startswith("Indikator")]  # "Indikator2-1":
                           # the space opens the number's span (render/inline_spaces.py), drawn as a gap, no glyph
                           + [(w["top"], "realised") for w in words
                              if column_of(w, columns) == 5 and w["text"].startswith("Realisasi")])
            kinds = [kind for _, kind in marks]
            if kinds != ["name", "realised"] * (len(kinds) // 2):
                orphans.append((page.page_number, kinds))
    assert pages >= 6  # the matrix's pages were read
    assert orphans == []
