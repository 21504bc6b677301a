"""Long chapters cut into chunks: the book reads as one pass, an edit lays out one chunk.

The chunk sizes are made tiny here (``pdf_chunks`` and the roadmap's rows per page), so
a small plan has program matrices, agency lists, an index, quick wins and a roadmap of
several chunks each; every comparison is with the single pass over the same print HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_pdf_parts import assert_same_book, build, laid_out, page_texts, read, twins

from masterplan.render import pdf_chunks, print_figures
from masterplan.render.pdf import SINGLE_PASS

PROGRAMS = 9


def agency(index: int) -> str:
    """An agency leading three governance programs (two quick wins), each with two indicators."""
    programs = "".join(f"""\
          - id: GOV-{10 * index + n}
            name: Layanan Digital {index}-{n}
            pillar: governance
            sub_element: pelayanan_publik
            summary: Ringkasan program layanan digital nomor {n} milik perangkat daerah {index}.
            quick_win: {'true' if n < 2 else 'false'}
            partners: [diskominfo]
            period: {{start: 2022, end: 2025}}
            budget: [{{year: 2023, amount: {n + 1}00000000, source: APBD}}]
            indicators:
              - {{name: Pengguna layanan {n}, unit: orang, baseline: {{year: 2021, value: 10}}, targets: {{2023: 50}}}}
              - {{name: Kepuasan layanan {n}, unit: persen, baseline: {{year: 2021, value: 60}}, targets: {{2024: 90}}}}
""" for n in range(3))
    return f"""\
        id: dinas{index}
        name: Dinas Contoh Nomor {index}
        short_name: Dinas{index}
        kind: dinas
        programs:
{programs}"""


FILES: dict[str, str | None] = {f"content/agencies/dinas{i}.yml": agency(i) for i in range(1, PROGRAMS // 3 + 1)}


@pytest.fixture(scope="module", autouse=True)
def tiny_chunks() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, size in (("MATRIX_ROWS", 6), ("QUICK_WIN_ROWS", 3), ("AGENCY_ROWS", 2), ("AGENCY_LINES", 8),
                           ("INDEX_LINES", 6),
                           ("FIGURE_PAGES", 1)):
            patch.setattr(pdf_chunks, name, size)
        patch.setattr(print_figures, "ROADMAP_ROWS", 4)
        patch.setattr(print_figures, "ROADMAP_ROWS_CONTINUED", 4)
        patch.setattr(print_figures, "BARS_PER_PAGE", 2)
        yield


@pytest.fixture(scope="module")
def chunked_books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini plan with nine more programs, built in one pass and by parts (cache kept)."""
    single, parts = twins(tmp_path_factory.mktemp("chunked"), FILES)
    build(single, SINGLE_PASS)
    build(parts, jobs=2)
    return single, parts


def test_chunked_chapters_make_the_same_book_as_one_pass(chunked_books: tuple[Path, Path]) -> None:
    assert_same_book(*chunked_books)
    cached = chunked_books[1] / "build" / ".cache" / "pdf" / "labels.json"
    chunks = [key for key in cached.read_text(encoding="utf-8").split('"') if "~" in key]
    for chapter in ("bab-pillar-governance~3", "bab-gen-quick-wins~2", "bab-gen-agencies~3", "bab-index~3",
                    "bab-gen-roadmap~1"):
        assert chapter in chunks, f"not cut into chunks: {chapter}"


def test_a_matrix_chunk_repeats_the_head_and_the_running_header(chunked_books: tuple[Path, Path]) -> None:
    texts = page_texts(read(chunked_books[1]))
    matrix = [t for t in texts if "Indikator (satuan)" in t and "GOV-" in t]
    assert len(matrix) >= 3
    head = "Tahun Indikasi anggaran dan sumber "
    for page in matrix[1:]:  # the first page has the chapter's section heading, the others continue it
        page = page.replace(" DRAF, versi 0.1: belum ditetapkan", "")  # a draft says so at every page's foot
        assert page.startswith("No. Program Subelemen"), page[:200]
        assert page.endswith("Bab 4 · Smart Governance " + page.split()[-1]), page[-200:]
    numbers = [int(page.split(head)[1].split()[0]) for page in matrix]
    assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] > 3  # numbered on across chunks


def test_a_bar_chart_too_long_for_a_page_goes_on_over_pages_with_every_bar(chunked_books: tuple[Path, Path]) -> None:
    """The budget by agency of a plan with more agencies than a page holds bars for (here two a page):
    every agency's bar is on one page of the figure, whose caption says where it goes on."""
    texts = page_texts(read(chunked_books[1]))
    caption = re.compile(r"Gambar (\d+\.\d+) Indikasi anggaran per perangkat daerah pengampu (?!\.)")
    first = next(t for t in texts if caption.search(t))
    number = caption.search(first).group(1)
    continued = f"Gambar {number} (lanjutan)"
    drawn = [first.split(caption.search(first).group(0))[1]] + [t.split(continued)[1] for t in texts if continued in t]
    assert len(drawn) == 3  # five agencies, two bars a page
    for agency in ["Dinas1", "Dinas2", "Dinas3", "Diskominfo", "BPKAD"]:
        assert sum(len(re.findall(rf"\b{agency} Rp ", page)) for page in drawn) == 1, agency
    assert_same_book(*chunked_books)


def test_an_edit_lays_out_only_the_chunks_showing_it(chunked_books: tuple[Path, Path], tmp_path: Path) -> None:
    single, parts = chunked_books
    done, total = laid_out(build(parts, jobs=2))
    assert done == 0
    for root in (single, parts):
        path = root / "content" / "agencies" / "dinas3.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Layanan Digital 3-2", "Layanan Terpadu 3-2"),
                        encoding="utf-8")
    build(single, SINGLE_PASS)
    done, total = laid_out(build(parts, jobs=2))
    assert 0 < done <= 6 < total / 3  # its matrix, agency, index, roadmap chunks (and the quick wins)
    assert_same_book(single, parts)
    assert "Layanan Terpadu 3-2" in " ".join(page_texts(read(parts)))


def test_a_chunk_grown_by_a_page_renumbers_the_book_as_one_pass(chunked_books: tuple[Path, Path]) -> None:
    single, parts = chunked_books
    before = len(read(parts).pages)
    longer = "Ringkasan program layanan digital nomor 1 milik perangkat daerah 1. " + "Uraian panjang. " * 400
    for root in (single, parts):
        path = root / "content" / "agencies" / "dinas1.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "Ringkasan program layanan digital nomor 1 milik perangkat daerah 1.", longer), encoding="utf-8")
    build(single, SINGLE_PASS)
    build(parts, jobs=2)
    assert len(read(parts).pages) > before
    assert_same_book(single, parts)


def test_only_the_theme_marks_where_a_chapter_is_cut() -> None:
    """Content cannot cut a chapter: 'data-chunk' in a value written by an agency is just text."""
    from masterplan.render.markdown import to_html
    from masterplan.render.pdf_parts import chunks

    content = to_html('<ol start="1 data-chunk"><li>x</li></ol>\n\n<p title="a data-chunk b">y</p>')
    assert "data-chunk" not in content.split('title="')[0]  # the list's start is not a number: dropped
    chapter = ('<section class="chapter part-body" id="c"><h1>Bab</h1>' + content
               + '<div class="matrix" data-chunk><p>rows</p></div></section>')
    parts = chunks(chapter, "Bab")
    assert len(parts) == 2  # cut at the theme's mark only
    assert "rows" in parts[1] and "rows" not in parts[0] and 'title="a data-chunk b"' in parts[0]


def test_a_short_last_chunk_joins_the_one_before() -> None:
    """Runs of at most 10; a last run of 2 (less than a quarter) is not a chunk of its own, one of 3 is."""
    def one(item: int) -> int:
        return 1

    assert [len(run) for run in pdf_chunks.chunked(range(22), one, 10)] == [10, 12]
    assert [len(run) for run in pdf_chunks.chunked(range(23), one, 10)] == [10, 10, 3]
    assert [len(run) for run in pdf_chunks.chunked(range(2), one, 10)] == [2]
    assert pdf_chunks.chunked([], one, 10) == [[]]


def test_the_last_program_of_a_matrix_chunk_never_stands_alone() -> None:
    groups = pdf_chunks.program_row_groups
    assert groups([]) == [[]]
    assert groups(["a"]) == [["a"]]
    assert groups(["a", "b"]) == [["a", "b"]]
    assert groups(["a", "b", "c"]) == [["a"], ["b", "c"]]
    assert groups(list("abcde")) == [["a"], ["b"], ["c"], ["d", "e"]]


@pytest.mark.parametrize(("rows", "kept"), [(0, 0), (1, 0), (3, 0), (4, 2), (5, 3), (6, 2), (41, 3)])
def test_a_table_chunk_keeps_its_last_rows_together_and_its_stripes_even(rows: int, kept: int) -> None:
    groups = pdf_chunks.last_rows_apart(list(range(rows)))
    assert [row for group in groups for row in group] == list(range(rows))  # every row, in order
    if kept:
        body, last = groups
        assert len(last) == kept and len(body) % 2 == 0
    else:
        assert groups == [list(range(rows))]


def test_a_continued_chunk_keeps_the_running_title_of_a_chapter_marked_with_its_language() -> None:
    """The English book's roadmap went on over pages headed with no chapter: its title, Indonesian, carries
    lang="id" before data-running, and the chunks lost it."""
    from masterplan.render.pdf_parts import chunks

    chapter = ('<section class="chapter part-body kind-chapter" id="c"><header class="opener">'
               '<h1 class="chapter-title" lang="id" data-running="Chapter 13 · Peta Jalan">Peta Jalan</h1></header>'
               '<p>Teks.</p><div class="matrix" data-chunk><p>rows</p></div></section>')
    parts = chunks(chapter, "Chapter")
    assert len(parts) == 2 and "Chapter 13 · Peta Jalan" in parts[1]
