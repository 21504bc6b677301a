"""A book printed on both sides (plan.yml ``print: {two_sided: true}``).

Every chapter, and every section of the front matter, opens on a right-hand page, with a
blank left-hand page before it where needed; blank pages carry no header and no number;
the inner margin is the wider and the header's chapter title is at the outer edge, the text as wide as in the
one-sided book, so it breaks the same; landscape pages
keep their header and number clear of the binding. The book laid
out by parts is the single pass's, also after an edit that moves the blank pages.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from conftest import (
    CLOSING,
    MINI_FILES,
    REPO,
    XREF_CHAPTER,
    copied,
    make_final,
    write_plan,
)
from pdf_reading import header_rules, plumbed
from tagged import tagged_text, unmapped_marks, untagged_links
from test_pdf import resumed_programs
from test_pdf_parts import (
    LONG,
    assert_same_book,
    build,
    outline,
    page_texts,
    read,
    twins,
)

from masterplan.render import pdf_chunks
from masterplan.render.pdf import SINGLE_PASS

CHAPTERS = {"content/chapters/01-pendahuluan.md": XREF_CHAPTER, "content/chapters/90-penutup.md": CLOSING}
TWO_SIDED = {**CHAPTERS, "content/plan.yml": textwrap.dedent(MINI_FILES["content/plan.yml"]) + "print: {two_sided: true}\n"}
MM = 72 / 25.4  #: PDF points per millimetre


def blank_pages(reader: pypdf.PdfReader) -> list[int]:
    """Indexes of the pages with no text but a draft's mark."""
    return [index for index, text in enumerate(page_texts(reader)) if re.fullmatch(r"(D ?R ?A ?F)?", text)]


def openers(reader: pypdf.PdfReader) -> list[int]:
    """Indexes of the pages where a chapter or a section of the front matter begins."""
    return [page for _title, depth, page in outline(reader) if depth == 0]


@pytest.fixture(scope="module")
def two_sided(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini plan with cross-references printed on both sides, built in one pass and by parts (2 jobs, no cache
    read), once for the module: the plan folders (single, parts), read only; a test building on copies them."""
    single, parts = twins(tmp_path_factory.mktemp("two-sided"), TWO_SIDED)
    for root, jobs in ((single, SINGLE_PASS), (parts, 2)):
        build(root, jobs=jobs, cache=False)
    return single, parts


def test_chapters_open_on_right_hand_pages_as_in_one_pass(two_sided: tuple[Path, Path],
                                                          cross_referenced_books: tuple[Path, Path]) -> None:
    single, parts = two_sided
    one_sided = cross_referenced_books[1]  # the same chapters, one-sided (CHAPTERS), by parts (2 jobs, no cache)
    assert_same_book(single, parts)

    reader, plain = read(parts), read(one_sided)
    starts, blank = openers(reader), blank_pages(reader)
    assert len(starts) > 10 and all(page % 2 == 0 for page in starts), "page 1, the cover, is a right-hand page"
    between = [page for page in blank if page + 1 < len(reader.pages)]
    assert between and all(page % 2 == 1 and page + 1 in starts for page in between), (blank, starts)
    assert len(reader.pages) % 2 == 0, "a whole last leaf: an odd last page has a blank back, not none"
    assert blank_pages(plain) == []
    assert len(reader.pages) == len(plain.pages) + len(blank), "nothing but the blank pages is added"
    labels = reader.page_labels
    body = [page for page in starts if labels[page].isdigit()]
    assert labels[body[0]] == "1" and all(int(labels[page]) % 2 == 1 for page in body), "chapters on odd pages"

    with pdfplumber.open(parts / "build" / "masterplan.pdf") as pdf:
        portrait = [page for page in range(body[0], len(reader.pages))
                    if page not in blank and pdf.pages[page].width < pdf.pages[page].height]
        # the inner margin, at the binding, is the wider: left on a right-hand page, right on a left-hand one; the
        # chapter's title heads the page at its outer edge
        for index in (portrait[0], *(page for page in portrait if page % 2)):  # a right-hand page, the left-hand ones
            left, right = (25, 20) if index % 2 == 0 else (20, 25)  # inner 25 mm, outer 20 mm
            text = [c for c in pdf.pages[index].chars if c["top"] > 30 * MM and c["size"] < 20]
            assert round(min(c["x0"] for c in text) / MM, 1) == left, index
            assert round(max(c["x1"] for c in text) / MM, 1) <= 210 - right, index
            header = [c for c in pdf.pages[index].chars if c["top"] < 22 * MM]
            bold = [c for c in header if "Bold" in c["fontname"]]
            if bold:  # the chapter's title, bold: at the right edge of a right-hand page, the left of a left-hand one
                assert (min(c["x0"] for c in bold) < pdf.pages[index].width / 2) == (index % 2 == 1), index
            if header:  # the header's rule is as wide as the text, whichever side the binding is on
                rules = header_rules(pdf.pages[index], 22 * MM)
                assert [(round(r["x0"] / MM), round((210 * MM - r["x1"]) / MM)) for r in rules] == [(left, right)], index
        assert all(header_rules(pdf.pages[page], 22 * MM) == [] for page in blank), "a blank page carries nothing"
        # a landscape page is turned in the bound book, its top or its bottom edge at the binding:
        # the running header and the page number stay well clear of both (binding takes 3 to 5 mm)
        landscape = [page for page in pdf.pages if page.width > page.height]
        assert landscape
        for page in landscape:
            assert min(c["top"] for c in page.chars) > 12 * MM
            assert page.height - max(c["bottom"] for c in page.chars) > 12 * MM
            # turned, its ends are the leaf's head and foot: the chapter's title stays at one end, left page or right
            title = [c for c in page.chars if c["top"] < 20 * MM and "Bold" in c["fontname"]]
            assert not title or min(c["x0"] for c in title) > page.width / 2, page.page_number


def test_a_part_laid_out_apart_takes_the_side_of_the_book_its_pages_fall_on(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk of a long chapter is laid out apart, as if its first page were a right-hand one; on a left-hand
    page its text sat at the binding's margin and its header at the spine, where the single pass mirrors them.
    Cut into chunks of a few lines, the book is the single pass's, every letter where the single pass has it."""
    monkeypatch.setattr(pdf_chunks, "AGENCY_LINES", 4)
    monkeypatch.setattr(pdf_chunks, "INDEX_LINES", 4)
    single, parts = twins(tmp_path, TWO_SIDED)
    build(single, SINGLE_PASS)
    build(parts, jobs=2, cache=False)
    assert_same_book(single, parts)
    with pdfplumber.open(single / "build" / "masterplan.pdf") as one, \
            pdfplumber.open(parts / "build" / "masterplan.pdf") as joined:
        for number, (a, b) in enumerate(zip(one.pages, joined.pages, strict=True), 1):
            placed = [[(c["text"], round(c["x0"], 1), round(c["top"], 1)) for c in page.chars] for page in (a, b)]
            assert placed[0] == placed[1], f"page {number}"


def test_a_theme_whose_left_pages_are_not_its_right_ones_mirrored_is_told(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A part laid out apart is moved to the side its pages fall on; a theme whose left-hand pages have other margins
    than the right-hand ones swapped would break their lines otherwise there: the book says so, not in silence."""
    from masterplan.render.pdf_layout import TURNED_BADLY
    from masterplan.resources import theme_dir

    monkeypatch.setattr(pdf_chunks, "AGENCY_LINES", 4)
    css = (theme_dir() / "print" / "two-sided.css").read_text(encoding="utf-8")
    root = write_plan(tmp_path, {**TWO_SIDED, "templates/print/two-sided.css":
                                 css.replace("margin-left: 20mm; margin-right: 25mm;", "margin-left: 15mm; margin-right: 25mm;")})
    said = [str(d.message) for d in build(root, jobs=2, cache=False).report.warnings if d.code == "W603"]
    assert any(TURNED_BADLY in message for message in said), said


def test_an_edit_that_moves_the_blank_pages_gives_the_one_pass_book(two_sided: tuple[Path, Path],
                                                                    tmp_path: Path) -> None:
    single = write_plan(tmp_path / "single", TWO_SIDED)
    parts = copied(two_sided[1], tmp_path / "parts")  # that plan built by parts, its parts cached
    before = blank_pages(read(parts))
    for root in (single, parts):
        chapter = root / "content" / "chapters" / "01-pendahuluan.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\n" + LONG + "\n", encoding="utf-8")
    build(single, SINGLE_PASS)
    build(parts, jobs=2)
    assert blank_pages(read(parts)) != before
    assert_same_book(single, parts)


def test_a_final_two_sided_book_is_tagged_as_the_single_pass_tags_it(tmp_path: Path) -> None:
    """A final plan's blank pages are empty and tag nothing; the structure tree is the single pass's."""
    single, parts = twins(tmp_path, TWO_SIDED)
    for root, jobs in ((single, SINGLE_PASS), (parts, 2)):
        make_final(root)
        build(root, jobs=jobs, cache=False)
    reader = read(parts)
    blank = blank_pages(reader)
    assert blank and all(page_texts(reader)[page] == "" for page in blank)
    assert tagged_text(reader) == tagged_text(read(single))
    assert untagged_links(reader) == [] and unmapped_marks(reader) == []
    assert_same_book(single, parts)


def test_a_left_hand_matrix_page_names_the_program_it_goes_on_with(tmp_path: Path) -> None:
    """Two-sided, a left-hand landscape page has its own header (two-sided.css); the program its first rows go on
    with is named there too, as on a right-hand page, and on no page opening with a program's own row."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    plan = tmp_path / "content" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "print: {two_sided: true}\n", encoding="utf-8")
    build(tmp_path, jobs=2)
    pdf = tmp_path / "build" / "masterplan.pdf"
    resumed, fresh = resumed_programs(pdf)
    with plumbed(pdf) as doc:  # its pages as resumed_programs read them, not read again
        left = [page.page_number for page in doc.pages
                if page.width > page.height and page.page_number % 2 == 0
                and re.search(r"\(lanjutan\) · [A-Z]{3}-\d\d", page.crop((0, 0, page.width, 22 * MM)).extract_text() or "")]
    assert resumed >= 5 and fresh >= 8 and left, (resumed, fresh, left)  # the sample's two-sided book: 6 and 14
