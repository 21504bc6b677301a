"""Captioned tables in chapter text: found in the Markdown, numbered in the rendered HTML."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from masterplan.captions import (
    Caption,
    CaptionAbove,
    NumberedCaption,
    captions_above_tables,
    numbered_captions,
    table_captions,
)
from masterplan.diagnostics import Position
from masterplan.plan_parts import Chapter
from masterplan.render.markdown import number_tables, to_html
from masterplan.values import Text

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def chapter(body: str) -> Chapter:
    return Chapter("bab", Text.of("Bab", "id"), 1, "body", (), body, Position("content/chapters/01-bab.md", 1, 1), 4)


def place(table: Caption, caption: str, html: str) -> str:
    return f"[{table.ref}: {caption}]" + html


def test_captions_are_lines_below_a_table_after_one_blank_line_or_right_below() -> None:
    """A caption right below the table's last row was that row, silently: a caption line is never one."""
    body = (f"{TABLE}\nTabel: Pola *pembiayaan* (tab:pola)\n\n{TABLE}\nTable: Second\n\n"
            f"{TABLE}Tabel: Nelayan per kelurahan (tab:nelayan)\n\nTabel: not below a table\n")
    assert table_captions(chapter(body)) == [Caption("tab:pola", "Pola pembiayaan", 5),
                                             Caption("tab:bab-2", "Second", 11),
                                             Caption("tab:nelayan", "Nelayan per kelurahan", 16)]


def test_a_caption_right_below_a_table_is_its_caption_not_its_last_row() -> None:
    body = f"{TABLE}Tabel: Nelayan per kelurahan (tab:nelayan)\nTeks sesudahnya.\n"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.startswith("[tab:nelayan: Nelayan per kelurahan]<table>")
    assert html.count("<tr>") == 2 and "Tabel:" not in html and "<p>Teks sesudahnya.</p>" in html


def test_a_caption_right_above_a_table_leaves_the_table_a_table() -> None:
    """Markdown read the caption and the table below it as one paragraph of pipes and dashes."""
    body = f"Tabel: Kapal per kelurahan\n{TABLE}"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.startswith("<p>Tabel: Kapal per kelurahan</p>\n<table>") and "|" not in html


def test_a_caption_goes_to_the_table_right_above_it_not_an_earlier_one() -> None:
    body = f"{TABLE}\nProse between.\n\n{TABLE}\nTabel: Kedua (tab:dua)\n"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.count("<table>") == 2 and html.count("[tab:dua: Kedua]<table>") == 1 and "(tab:dua)" not in html
    assert html.index("[tab:dua: Kedua]") > html.index("Prose between.")  # once put above the first table


def test_captions_are_matched_by_id_or_words_and_others_are_left_as_written() -> None:
    body = f"{TABLE}\nTabel: Kesatu\n\n{TABLE}\nTabel: Kedua (tab:dua)\n"
    captions = [Caption("tab:dua", "Kedua", 0), Caption("tab:x-1", "Kesatu", 0)]
    html = number_tables(to_html(body), captions, place)
    assert html.count("[tab:x-1: Kesatu]<table>") == 1 and html.count("[tab:dua: Kedua]<table>") == 1
    made_by_jinja = number_tables(to_html(f"{TABLE}\nTabel: 70 program\n"), [Caption("t", "{{ n }} program", 0)], place)
    assert "<p>Tabel: 70 program</p>" in made_by_jinja


def test_a_caption_reads_as_its_rendered_words_and_one_with_jinja_is_left_unnumbered() -> None:
    body = (f"{TABLE}\nTabel: Data [BPS](https://bps.go.id) dan `SIPD`, snake_case _miring_\n\n"
            f"{TABLE}\nTabel: {{{{ plan.programs | length }}}} program\n")
    captions = table_captions(chapter(body))
    assert [c.text for c in captions] == ["Data BPS dan SIPD, snake_case miring"]
    html = number_tables(to_html(body), captions, place)
    assert html.count("[tab:bab-1: Data <a") == 1 and "Tabel: {{ plan.programs | length }} program" in html


def test_captions_written_above_a_table_are_found_for_a_warning() -> None:
    body = (f"Tabel: Kapal\n{TABLE}\nTeks.\n\nTabel: Perahu\n\n{TABLE}\nTabel: Pertama\n{TABLE}\nTabel: Kedua\n\n"
            f"{TABLE}\nTeks.\nTabel: {{{{ plan.city }}}}\n{TABLE}")
    assert list(captions_above_tables(chapter(body))) == [
        CaptionAbove(1, "Tabel: Kapal", False), CaptionAbove(8, "Tabel: Perahu", False),
        CaptionAbove(14, "Tabel: Pertama", True)]  # "Kedua" captions the table above it, as written; Jinja: no caption


@pytest.mark.parametrize("written", ["Tabel 1. Lembaga pengelola smart city", "Tabel 14.1: Lembaga pengelola smart city",
                                     "Tabel : Lembaga pengelola smart city",
                                     "tabel: Lembaga pengelola smart city", "TABEL 2 - Lembaga pengelola smart city"])
@pytest.mark.parametrize("between", ["", "\n"])
def test_captions_as_staff_write_them_caption_the_table_and_are_no_row_of_it(written: str, between: str) -> None:
    """Each became one more row of the table right above it (right below it) or stayed a paragraph, silently."""
    body = f"{TABLE}{between}{written}\nTeks sesudahnya.\n"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.startswith("[tab:bab-1: Lembaga pengelola smart city]<table>")
    assert html.count("<tr>") == 2 and "tabel" not in html.lower() and "<p>Teks sesudahnya.</p>" in html


def test_a_caption_with_a_number_of_its_own_is_found_for_a_warning_with_the_line_as_the_book_reads_it() -> None:
    body = (f"{TABLE}Tabel 1. Lembaga pengelola *smart city*\n\n{TABLE}\nTabel 14.1: Kapal (tab:Kapal)\n\n"
            f"{TABLE}\ntabel: Perahu\n\n{TABLE}\nTable 3 - Boats\n\n{TABLE}\nTable 4 shows the boats\n")
    assert list(numbered_captions(chapter(body))) == [
        NumberedCaption(4, "Tabel 1. Lembaga pengelola *smart city*", "Tabel: Lembaga pengelola *smart city*"),
        NumberedCaption(10, "Tabel 14.1: Kapal (tab:Kapal)", "Tabel: Kapal (tab:kapal)"),
        NumberedCaption(22, "Table 3 - Boats", "Table: Boats")]  # "Table 4 shows …": a sentence


def test_a_caption_id_in_capitals_is_read_in_small_letters_and_not_printed() -> None:
    """"(tab:Lembaga)" was printed as part of the caption, and [[tab:lembaga]] named nothing."""
    body = f"{TABLE}\nTabel: Lembaga pengelola (tab:Lembaga)\n"
    assert table_captions(chapter(body)) == [Caption("tab:lembaga", "Lembaga pengelola", 5)]
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.startswith("[tab:lembaga: Lembaga pengelola]<table>") and "Lembaga)" not in html


def test_a_sentence_about_a_table_is_no_caption_nor_a_row_of_the_table() -> None:
    body = f"{TABLE}Tabel 1 menunjukkan jumlah lembaga.\n\n{TABLE}\nTabel 2 berikut:\n{TABLE}"
    assert table_captions(chapter(body)) == [] and list(captions_above_tables(chapter(body))) == []
    html = to_html(body)
    assert html.count("<tr>") == 6 and "<p>Tabel 1 menunjukkan jumlah lembaga.</p>" in html
    assert "<p>Tabel 2 berikut:</p>" in html and "|" not in html


@pytest.fixture(scope="module")
def fishing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mini plan whose chapter writes one caption right below its table and one right above its table, built."""
    return _built(tmp_path_factory.mktemp("fishing"), "content/chapters/02-perikanan.md", """\
        ---
        title: Perikanan
        ---
        Jumlah nelayan ada pada [[tab:nelayan]].

        | Kelurahan | Nelayan |
        |---|---|
        | Mayangan | 120 |
        Tabel: Nelayan per kelurahan (tab:nelayan)

        Tabel: Kapal per kelurahan
        | Kelurahan | Kapal |
        |---|---|
        | Mayangan | 30 |
        """)


def _built(folder: Path, chapter: str, text: str, pdf: bool = True) -> Path:
    """A mini plan with ``chapter`` written as ``text``, built into ``folder``/build."""
    from conftest import write_plan

    from masterplan.build import BuildOptions, run
    root = write_plan(folder, {chapter: text})
    result = run(root, BuildOptions(pdf=pdf, search=pdf))
    assert result.ok, [str(d) for d in result.report]
    return root


def test_the_book_numbers_a_table_captioned_right_below_it(fishing: Path) -> None:
    text = " ".join(" ".join(page.extract_text() or "" for page in
                             pypdf.PdfReader(fishing / "build" / "masterplan.pdf").pages).split())
    assert "Tabel 2.1 Nelayan per kelurahan Kelurahan Nelayan Mayangan 120 Tabel: Kapal" in text
    assert "Jumlah nelayan ada pada Tabel 2.1, hlm." in text and "Tabel: Nelayan" not in text
    assert "Kelurahan Kapal Mayangan 30" in text and "| Mayangan" not in text  # a table, not a paragraph of pipes


def test_the_site_captions_a_table_captioned_right_below_it(fishing: Path) -> None:
    html = (fishing / "build" / "site" / "chapter" / "perikanan.html").read_text(encoding="utf-8")
    assert '<table id="tab-nelayan"><caption id="tab-nelayan-caption">Tabel 2.1 Nelayan per kelurahan</caption>' in html
    assert "<td>Tabel: Nelayan" not in html and html.count("<table") == 2 and "| Mayangan" not in html


def test_the_site_numbers_tables_captioned_as_staff_write_them(tmp_path: Path) -> None:
    """"Tabel 1. Lembaga ..." right below its table was a row of it on the site, "(tab:Lembaga)" was printed
    and [[tab:lembaga]] failed the build as unknown."""
    root = _built(tmp_path, "content/chapters/02-kelembagaan.md", """\
        ---
        title: Kelembagaan
        ---
        Lembaga pengelola ada pada [[tab:lembaga]].

        | Lembaga | Peran |
        |---|---|
        | Diskominfo | Sekretariat |
        Tabel 1. Lembaga pengelola smart city (tab:Lembaga)

        | Kelurahan | Kapal |
        |---|---|
        | Mayangan | 30 |
        tabel : Kapal per kelurahan
        """, pdf=False)
    html = (root / "build" / "site" / "chapter" / "kelembagaan.html").read_text(encoding="utf-8")
    assert '<table id="tab-lembaga"><caption id="tab-lembaga-caption">Tabel 2.1 Lembaga pengelola smart city</caption>' in html
    assert "-caption\">Tabel 2.2 Kapal per kelurahan</caption>" in html
    assert "<td>Tabel" not in html and "<td>tabel" not in html and "tab:Lembaga" not in html
    assert '<p>Lembaga pengelola ada pada <a href="../chapter/kelembagaan.html#tab-lembaga">Tabel 2.1</a>.</p>' in html


def test_a_sentence_about_the_table_above_stays_one_paragraph_and_no_caption() -> None:
    """"Tabel 1 menunjukkan …" (no mark after the number) begins a sentence, maybe wrapped over lines: it
    was taken for a caption, cut from its next line and listed among the tables; it is no row either."""
    body = f"{TABLE}\nTabel 1 menunjukkan bahwa sebagian besar OPD\nsudah memiliki aplikasi sendiri (lihat Tabel 1)\n"
    chapter_ = chapter(body)
    assert table_captions(chapter_) == [] and list(numbered_captions(chapter_)) == []
    html = to_html(body)
    assert html.count("<tr>") == 2
    assert "<p>Tabel 1 menunjukkan bahwa sebagian besar OPD\nsudah memiliki aplikasi sendiri (lihat Tabel 1)</p>" in html



@pytest.mark.parametrize("between", ["", "\n"])
def test_a_table_without_pipes_at_its_edges_is_captioned_and_not_told_its_caption_is_above_it(between: str) -> None:
    """``Kolom | Nilai`` / ``--- | ---:`` is a table to Markdown: its caption below it was printed as text, and W516
    told the writer to move it below the table it stood below. A line with a pipe in prose is still no table."""
    table = "Kolom | Nilai\n--- | ---:\nAnggaran | 100\n"
    body = f"Teks.\n\n{table}{between}Tabel: Tanpa pipa tepi (tab:tanpa)\n\nLagi.\n"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.startswith("<p>Teks.</p>\n[tab:tanpa: Tanpa pipa tepi]<table>") and "Tabel:" not in html, html
    assert html.count("<tr>") == 2 and list(captions_above_tables(chapter(body))) == []
    prose = "Pilihan ya | tidak ditulis di sini.\nTabel: bukan keterangan tabel\n"
    assert table_captions(chapter(prose)) == []
