"""The sample book's page breaks, read back from the PDF: what ends a page and how full a matrix page is."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from test_pdf import MM

HEADING_SIZES = {9.0, 10.0, 10.5, 11.0, 13.0, 18.0, 22.0}  #: pt of captions, headings and titles (book.css)
NAVY = (0.11, 0.208, 0.369)  #: a table head's fill, #1c355e
MATRIX_BLANK = 0.32  #: of the room a program matrix has on a page, at most left blank (but on its last page)


@pytest.fixture(scope="module")
def sample_pdf(sample_build: Path) -> Path:
    return sample_build / "build" / "masterplan.pdf"


def text_area(page: pdfplumber.page.Page) -> tuple[float, float]:
    """Top and bottom of a page's text, below the running header, above the folio (book.css @page margins)."""
    landscape = page.width > page.height
    return (25 if landscape else 24) * MM, page.height - (16 if landscape else 22) * MM


def lines(page: pdfplumber.page.Page) -> list[list[dict]]:
    """A page's lines of text between its header and its folio, top to bottom, each its characters left to right."""
    top, bottom = text_area(page)
    chars = sorted((c for c in page.chars if c["text"].strip() and top < c["top"] < bottom),
                   key=lambda c: (round(c["bottom"]), c["x0"]))
    found: list[list[dict]] = []
    for char in chars:
        if found and abs(found[-1][0]["bottom"] - char["bottom"]) < 2:
            found[-1].append(char)
        else:
            found.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in found]


def is_heading(line: list[dict]) -> bool:
    """Set all in bold sans-serif at a heading's or a caption's size; not a contents line (its leader dots)."""
    text = "".join(c["text"] for c in line)
    return (all(c["fontname"].endswith("Sans-Bold") and round(c["size"], 1) in HEADING_SIZES for c in line)
            and "...." not in text)


def test_no_page_ends_with_a_heading_and_a_table_stands_with_its_lead_in(sample_pdf: Path) -> None:
    """§13.6's heading and its one sentence ("Tabel 13.1 menyajikan …") ended page 49 and Tabel 13.1 stood on top
    of page 50; §2.4 ended page 3 the same way. No page's last line is a heading or a caption, and a table's
    caption opens a page only where the book turns to a landscape page (or back), which starts a page anyway."""
    ending, opening = [], []
    with pdfplumber.open(sample_pdf) as pdf:
        pages = [(page, lines(page), page.width > page.height) for page in pdf.pages[1:]]
        for (page, found, landscape), (_, _, before) in zip(pages[1:], pages):
            if not found:
                continue
            if is_heading(found[-1]):
                ending.append((page.page_number, "".join(c["text"] for c in found[-1])))
            first = "".join(c["text"] for c in found[0])
            if is_heading(found[0]) and re.match(r"(Tabel|Table)\d+\.\d+[^(]*$", first) and landscape == before:
                opening.append((page.page_number, first))
        assert len(pages) > 60
    assert ending == []
    assert opening == []


def matrix_pages(pdf: pdfplumber.PDF) -> list[list[tuple[int, float]]]:
    """The program matrices' pages (landscape, a program code in the Program column), each matrix's apart, with
    how much of the room the matrix had on the page (from its head to the text's bottom) is left blank."""
    matrices: list[list[tuple[int, float, set[str]]]] = []
    last = 0
    for page in pdf.pages:
        if page.width < page.height:
            continue
        codes = [w for w in page.extract_words() if re.match(r"[A-Z]{3}-\d\d", w["text"]) and w["x0"] < 35 * MM]
        heads = [r["top"] for r in page.rects if tuple(
            round(v, 3) for v in r.get("non_stroking_color") or ()) == NAVY]
        prefixes = {w["text"][:3] for w in codes}
        if len(prefixes) != 1 or not heads:  # not a pillar's matrix (the quick wins: of every pillar)
            continue
        _, bottom = text_area(page)
        lowest = max(c["bottom"] for line in lines(page) for c in line)
        blank = (bottom - lowest) / (bottom - max(heads))
        if page.page_number != last + 1 or prefixes != matrices[-1][-1][2]:
            matrices.append([])
        matrices[-1].append((page.page_number, round(blank, 2), prefixes))
        last = page.page_number
    return [[(number, blank) for number, blank, _ in matrix] for matrix in matrices]


def test_a_program_matrix_fills_its_pages(sample_pdf: Path) -> None:
    """A program never split across pages, and programs are 31 to 52 mm tall: a pillar's first matrix page held
    its indicators, the matrix's lead-in and one program, the rest of the matrix's room (33 to 42 %) blank. A
    program now goes on over the page under the repeated head, but the last two, which stay whole and together
    (the last never alone on a page): no matrix page but a matrix's last leaves more than 32 % of its room blank,
    which only the page before the last two programs comes near (28 and 30 % in two of the sample's six)."""
    with pdfplumber.open(sample_pdf) as pdf:
        matrices = matrix_pages(pdf)
    assert len(matrices) == 6 and all(len(matrix) >= 3 for matrix in matrices), matrices
    assert [page for matrix in matrices for page in matrix[:-1] if page[1] > MATRIX_BLANK] == [], matrices
