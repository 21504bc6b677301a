"""The sample book's page breaks, read back from the PDF: what ends a page and how full a matrix page is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from pdf_reading import page_texts, plumbed
from test_pdf import MM, REPO

HEADING_SIZES = {9.0, 10.0, 10.5, 11.0, 13.0, 18.0, 22.0}  #: pt of captions, headings and titles (book.css)
NAVY = (0.11, 0.208, 0.369)  #: a table head's fill, #1c355e
#: of the room a program matrix has on a page, at most left blank (but on its last page): 0.32 until a program's
#: status moved under its name (Smart Environment's page before its last two programs: 34 %, its rest from the page
#: before one line shorter, no longer ending with the status)
MATRIX_BLANK = 0.35


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
    with plumbed(sample_pdf) as pdf:
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
    (the last never alone on a page): no matrix page but a matrix's last leaves more than 35 % of its room blank,
    which only the page before the last two programs comes near (34 % in one of the sample's six)."""
    with plumbed(sample_pdf) as pdf:
        matrices = matrix_pages(pdf)
    assert len(matrices) == 6 and all(len(matrix) >= 3 for matrix in matrices), matrices
    assert [page for matrix in matrices for page in matrix[:-1] if page[1] > MATRIX_BLANK] == [], matrices


def head_columns(page: pdfplumber.page.Page, count: int = 10) -> tuple[list[tuple[float, float]], float]:
    """The columns of the lowest table head of ``count`` cells on a page (its cells, left to right) and the head's
    bottom; by default the program matrix's ten."""
    rows: dict[float, list[dict]] = {}
    for rect in page.rects:
        if tuple(round(v, 3) for v in rect.get("non_stroking_color") or ()) == NAVY:
            rows.setdefault(round(rect["top"]), []).append(rect)
    heads = [cells for _, cells in sorted(rows.items()) if len(cells) == count]
    if not heads:
        return [], 0.0
    return sorted((cell["x0"], cell["x1"]) for cell in heads[-1]), max(cell["bottom"] for cell in heads[-1])


def column_of(word: dict, columns: list[tuple[float, float]]) -> int:
    """The index of the column a word starts in, or -1."""
    return next((i for i, (x0, x1) in enumerate(columns) if x0 <= word["x0"] < x1), -1)


def matrix_words(pdf: pdfplumber.PDF) -> Iterator[tuple[Any, list[tuple[float, float]], list[dict[str, Any]]]]:
    """Each matrix page (turned to landscape, under its table's head): the page, its head's columns, and the words
    between the head and the foot, with their size."""
    for page in pdf.pages:
        columns, head = head_columns(page) if page.width > page.height else ([], 0.0)
        if columns:
            bottom = text_area(page)[1]
            yield page, columns, [w for w in page.extract_words(extra_attrs=["size"])
                                  if head < w["top"] and w["bottom"] < bottom]


def rows_missing_cells(pdf: pdfplumber.PDF) -> list[tuple[int, str, list[int]]]:
    """Each program or indicator row that starts on a matrix page without the first line of all its cells there:
    (page, the row's number or baseline, the columns left empty). A program's row starts with its number (column
    0), which stands beside its code and name, sub-element, indicator, baseline, targets, agencies, years and
    budget; an indicator's row starts with its baseline (column 4, in the size of the number, its year smaller
    under it), beside the indicator's name and its targets."""
    missing = []
    for page, columns, words in matrix_words(pdf):
        numbers = [w for w in words if column_of(w, columns) == 0 and w["text"].isdigit()]
        sizes = {round(w["size"], 1) for w in numbers}
        baselines = [w for w in words if column_of(w, columns) == 4 and re.fullmatch(r"[\d.,]+", w["text"])
                     and round(w["size"], 1) in sizes]
        for starts, needed in ((numbers, range(1, 10)), (baselines, (3, 5))):
            for start in starts:
                beside = {column_of(w, columns) for w in words if abs(w["top"] - start["top"]) < 3}
                if empty := [i for i in needed if i not in beside]:
                    missing.append((page.page_number, start["text"], empty))
    return missing


def test_a_program_or_indicator_starts_on_a_page_with_every_cell(sample_pdf: Path) -> None:
    """Program 6 of Smart Society (SOC-03) began at the foot of page 36 with its number, lead agency, years and
    two budget lines beside empty cells, its name, sub-element, indicator and partners all on page 37 (a cell's
    first paragraph, kept to three lines a page by orphans and widows, went over whole); LIV-06 showed its name
    and baseline on page 31 beside an empty indicator and empty targets. The English edition had four such rows.
    A row now starts on a page only with every cell's first line."""
    with plumbed(sample_pdf) as pdf:
        missing = rows_missing_cells(pdf)
        pages = sum(1 for page in pdf.pages if head_columns(page)[0])
    assert pages >= 24  # the six matrices' pages were read
    assert missing == []


def carried_lines(pdf: pdfplumber.PDF) -> list[tuple[int, int, str]]:
    """Each matrix page that opens with the rest of a program begun on the page before: (page, how many lines of
    text that rest has, its text), the rest being what stands under the head above the page's first row number."""
    carried = []
    for page, columns, words in matrix_words(pdf):
        bottom = text_area(page)[1]
        first = min((w["top"] for w in words if column_of(w, columns) == 0 and w["text"].isdigit()), default=bottom)
        if rest := [w for w in words if w["top"] < first - 1]:
            carried.append((page.page_number, len({round(w["top"]) for w in rest}), " ".join(w["text"] for w in rest)))
    return carried


def test_a_program_going_on_over_a_page_takes_more_than_one_line_there(sample_pdf: Path) -> None:
    """ECO-08's status, the last line of its Program cell, stood alone at the top of page 28 under the repeated
    head ("Status: direncanakan"), the rest of the program on page 27. The status now stands under the program's
    name, and the rest of a program on the next page is more than one line."""
    with plumbed(sample_pdf) as pdf:
        carried = carried_lines(pdf)
    assert len(carried) >= 5, carried  # the sample's matrices go on over pages: their rests were read
    assert [(page, text) for page, count, text in carried if count < 2] == []


def test_the_readiness_table_ends_with_two_rows_at_least_on_its_last_page(sample_pdf: Path) -> None:
    """Tabel 2.2's last row, "Perencanaan dan penganggaran", stood alone under the repeated head on page 6, the
    rest of the page blank: the row before it now goes over with it."""
    items = yaml.safe_load((REPO / "content" / "plan.yml").read_text(encoding="utf-8"))["readiness"]
    order = ["struktur", "infrastruktur", "suprastruktur"]
    before_last, last = [item["aspect"].split() for element in order for item in items if item["element"] == element][-2:]

    def holds(words: list[str], aspect: list[str]) -> bool:
        return any(words[i:i + len(aspect)] == aspect for i in range(len(words)))

    with plumbed(sample_pdf) as pdf:
        aspects = []
        for page in pdf.pages[:20]:
            columns, head = head_columns(page, 4)
            aspects.append([w["text"] for w in page.extract_words() if columns and w["top"] > head
                            and column_of(w, columns) == 0])
    pages = [number for number, words in enumerate(aspects, start=1) if holds(words, last)]
    assert len(pages) == 1
    assert holds(aspects[pages[0] - 1], before_last)


def test_a_table_of_shares_keeps_its_total_with_its_rows(tmp_path: Path) -> None:
    """A regency's first plan, one agency and one program: its budget by lead agency had the agency's row at the foot
    of a page and "Tabel 6.3 (lanjutan)" over the total alone on the next. A table of shares' last rows and total
    go over a page together, and a short one stands whole with its caption."""
    with pdfplumber.open(_thin_plan(tmp_path) / "build" / "masterplan.pdf") as pdf:
        pages = [text for page in pdf.pages if "Daftar Tabel" not in (text := " ".join((page.extract_text() or "").split()))]
    for caption in ("Indikasi anggaran per perangkat daerah pengampu", "Indikasi anggaran per sumber pendanaan"):
        page = next(text for text in pages if re.search(rf"Tabel \d+\.\d+ {caption}(?! dan)", text))
        table = page[re.search(rf"Tabel \d+\.\d+ {caption}(?! dan)", page).start():]
        assert re.search(r"Total Rp [\d.]+ 100,0%", table), (caption, table[:300])
    assert not any(re.search(r"\(lanjutan\).{0,120}Total Rp [\d.]+ 100,0%", text) for text in pages)


def test_a_roadmap_without_quick_wins_says_nothing_of_their_mark(tmp_path: Path) -> None:
    """The same first plan has no quick win yet: its roadmap still explained the diamond that marks them, in the
    book's sentence above the chart and in the site's key below it."""
    root = _thin_plan(tmp_path, site=True)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert re.search(r"Gambar \d+\.\d+ menempatkan setiap program pada tahun-tahun ?masterplan\. ", text), text
    roadmap = re.search(r"BAB \d+ Peta Jalan (.*?)BAB \d+", text).group(1)
    assert "belah ketupat" not in roadmap and not re.search("Quick ?win", roadmap)  # nor the key under the chart
    assert "gantt-legend" not in (root / "build" / "site" / "roadmap.html").read_text(encoding="utf-8")


def _thin_plan(tmp_path: Path, site: bool = False) -> Path:
    """A regency's first plan, built: the mini plan's Diskominfo alone, one pillar and one program, no quick win, no
    chapter, no glossary, no readiness."""
    from conftest import MINI_FILES, write_plan

    from masterplan.build import BuildOptions, run
    plan_yml = "\n".join(line for line in MINI_FILES["content/plan.yml"].splitlines()
                         if not line.strip().startswith(("legal_basis:", "readiness:", "- {element:")))
    root = write_plan(tmp_path / "plan", {
        "content/plan.yml": plan_yml + "\n", "content/agencies/bpkad.yml": None, "content/pillars/economy.yml": None,
        "content/chapters/01-pendahuluan.md": None, "content/glossary.yml": None,
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
            "partners: [bpkad]", "partners: []").replace("quick_win: true", "quick_win: false"),
    })
    result = run(root, BuildOptions(site=site, search=False))
    assert result.ok, [str(d) for d in result.report]
    return root


def test_the_budget_by_agency_and_year_of_large_amounts_stays_on_the_page(tmp_path: Path) -> None:
    """A province's budget by lead agency and year, ten years across: its years of Rp 1 triliun and more in all, a
    figure longer in every column, beside agencies named "BPKAD Kota Surabaya", pushed the Total column past the
    page's edge ("112.340.0"). Its years now go in blocks of fewer."""
    from conftest import MINI_FILES, write_plan

    from masterplan.build import BuildOptions, run
    plan_yml = MINI_FILES["content/plan.yml"].replace("end: 2026", "end: 2031").replace("2022–2026", "2022–2031")
    lines = "".join(f"              - {{year: {year}, amount: 1000000000000, source: APBD}}\n" for year in range(2022, 2032))
    agency = re.sub(r"            budget:\n(?:              - .*\n)+", "            budget:\n" + lines,
                    MINI_FILES["content/agencies/diskominfo.yml"]).replace("end: 2024", "end: 2031")
    agency = agency.replace("short_name: Diskominfo", "short_name: Diskominfo Kota Surabaya")
    assert agency.count("1000000000000") == 10
    root = write_plan(tmp_path, {"content/plan.yml": plan_yml, "content/agencies/diskominfo.yml": agency})
    result = run(root, BuildOptions(site=False))
    assert result.ok, [str(d) for d in result.report.errors]
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        pages = [page for page in pdf.pages if "per perangkat daerah pengampu dan tahun" in (page.extract_text() or "")
                 and "Daftar Tabel" not in (page.extract_text() or "")]
        assert pages
        for page in pages:
            outside = [char["text"] for char in page.chars if char["x1"] > page.width - 10 * MM]
            assert not outside, "".join(outside)
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pages)
    assert "Diskominfo Kota Surabaya" in text and "10.000.000.000.000" in text and "2031" in text, text



def budget_column_lines(words: list[dict], columns: list[tuple[float, float]], above: float, below: float) -> list[str]:
    """The lines of the budget column (the matrix's last) between two heights, top to bottom."""
    found: list[list[dict]] = []
    for word in sorted((w for w in words if column_of(w, columns) == 9 and above < w["top"] < below),
                       key=lambda w: w["bottom"]):
        if found and word["bottom"] - found[-1][0]["bottom"] < 2:  # a year's smaller type on its amount's line
            found[-1].append(word)
        else:
            found.append([word])
    return [" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in found]


def split_budgets(pdf: pdfplumber.PDF) -> list[tuple[int, list[str], list[str]]]:
    """Each program's budget list that goes on over a page: (the page it goes on to, its lines at the foot of the page
    before, its lines under the repeated head), the rest being what the budget column holds above the page's first row
    number, its start what the column holds below the page before's last row number."""
    split, foot, before = [], [], 0
    for page, columns, words in matrix_words(pdf):
        bottom = text_area(page)[1]
        numbers = [w["top"] for w in words if column_of(w, columns) == 0 and w["text"].isdigit()]
        rest = budget_column_lines(words, columns, 0, min(numbers, default=bottom) - 1)
        if rest and page.page_number == before + 1:
            split.append((page.page_number, foot, rest))
        foot = budget_column_lines(words, columns, max(numbers, default=bottom) - 1, bottom)
        before = page.page_number
    return split


def test_a_program_budget_list_goes_over_a_page_with_three_lines_on_either_side(sample_pdf: Path) -> None:
    """BRD-02's budget list showed 2024 to 2027 at the foot of page 29 and "2028 Rp 750.000.000 CSR / Total
    Rp 7.750.000.000" alone at the top of page 30 under the repeated head; ENV-08's the same on pages 49 and 50. A
    budget list of five lines or fewer stays whole; a longer one goes over a page with three lines at least on either
    side, the total with two years at least."""
    with plumbed(sample_pdf) as pdf:
        assert len(carried_lines(pdf)) >= 5  # programs still go on over pages: their rests were read
        split = split_budgets(pdf)
    short = [(page, foot, rest) for page, foot, rest in split if min(len(foot), len(rest)) < 3
             or (len(foot) + len(rest) <= 5)]
    assert short == [], split
    assert all(len([line for line in rest if re.match(r"\d{4} ", line)]) >= 2 for _, _, rest in split), split


def test_a_program_description_going_on_over_a_page_takes_four_lines_there(sample_pdf: Path) -> None:
    """ECO-08's description ended page 36 with "mengem-" and went on at the top of page 37 with three lines under the
    repeated head ("bangkan kebun pangan peka- / rangan dengan teknologi perta- / nian perkotaan."), a scrap; BRD-10's
    and SOC-11's the same. A program's description now takes four lines at least to the next page, or goes whole."""
    scraps, carried = [], 0
    with plumbed(sample_pdf) as pdf:
        for page, columns, words in matrix_words(pdf):
            bottom = text_area(page)[1]
            first = min((w["top"] for w in words if column_of(w, columns) == 0 and w["text"].isdigit()), default=bottom)
            rest = {round(w["bottom"]) for w in words if w["top"] < first - 1 and column_of(w, columns) == 1}
            carried += bool(rest)
            if 0 < len(rest) < 4:
                scraps.append((page.page_number, len(rest)))
    assert carried >= 5  # descriptions go on over pages: their rests were read
    assert scraps == []


def test_the_plan_s_proper_names_are_never_hyphenated(sample_build: Path, sample_pdf: Path) -> None:
    """"Kota Pasu-/ruan" (page 35), "Kecamatan Pang-/gungrejo" (page 45), "Bap-/pelitbangda" (page 69): the city's name,
    the agencies' short names and the glossary's names were hyphenated at a line's end. None is now, and ordinary
    words still are."""
    from masterplan.load import load
    from masterplan.render.proper_names import plan_names

    plan, _ = load(sample_build)
    names = plan_names(plan)
    assert {"Pasuruan", "Panggungrejo", "Bappelitbangda", "Musrenbang"} <= set(names)
    assert not {"Kota", "Kecamatan", "Dinas"} & set(names)
    text = "\n".join(page_texts(sample_pdf))
    broken = [match.group(0) for name in names for cut in range(2, len(name) - 1)
              if (match := re.search(rf"{re.escape(name[:cut])}\u2010\s*{re.escape(name[cut:])}\b", text))]
    assert broken == []
    assert len(re.findall(r"[a-z]\u2010\n[a-z]", text)) > 50  # the words of the text are hyphenated as before
