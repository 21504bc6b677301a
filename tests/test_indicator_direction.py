"""Which way an indicator is better (``direction: up`` or ``down``), shown beside its targets: in
the book as words ("diharapkan turun": the bundled fonts have no arrows), on the site as an arrow the eye reads and
the same words a screen reader hears. An indicator without a direction shows nothing new.

A reader of "kondisi awal 19,0, target 9,0" could not tell that a fall was wanted: validate checked the direction
(W323) and the open data gave it, but neither the book nor the site said it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES
from pdf_reading import page_texts

from masterplan.build import BuildOptions, run


def text_between(pages: tuple[str, ...], start: str, end: str) -> str:
    """The book's text from ``start`` up to ``end`` on the first page that holds both, in that order."""
    for text in pages:
        found = re.search(re.escape(start) + r"(.*?)" + re.escape(end), text, re.DOTALL)
        if found:
            return found.group(1)
    raise AssertionError(f"no page has {start!r} before {end!r}")


def table_rows(html: str, table_id: str) -> dict[str, list[str]]:
    """Each body row of a table of a site page: its row header's text → its cells' texts (tags gone)."""
    table = re.search(rf'<table id="{table_id}".*?</table>', html, re.DOTALL)
    assert table, table_id
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table.group(0), re.DOTALL):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.DOTALL)
        if head:
            rows[_text(head.group(1))] = [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
    return rows


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").split())


def test_the_books_indicator_tables_say_which_way_is_better(sample_build: Path) -> None:
    pages = page_texts(sample_build / "build" / "masterplan.pdf")
    # Tabel 9.1: of Smart Living's three indicators only the slums' area says which way, the one the plan gives
    slums = text_between(pages, "Luas kawasan kumuh hektare 48 (2021)", "Matriks Program")
    assert "2031: 0\ndiharapkan turun" in slums, slums
    speed = text_between(pages, "Kecepatan rata-rata kendaraan di koridor utama", "Luas kawasan kumuh hektare")
    assert "diharapkan" not in speed, speed
    # Tabel 8.1: a share that should grow
    assert "2031: 70\ndiharapkan naik" in text_between(pages, "Usaha mikro yang menerima pembayaran nontunai",
                                                        "Tingkat pengangguran terbuka")
    # Tabel 9.2, LIV-10: under the stunting prevalence's targets, not under the next indicator's
    stunting = text_between(pages, "Prevalensi balita\nstunting (persen)", "Dinkes Dinsos, DKPP")
    assert stunting.rstrip().endswith("2027: 9,0\ndiharapkan turun"), stunting
    posyandu = text_between(pages, "Posyandu yang\nmencatat", "2027: 100")
    assert "diharapkan" not in posyandu


def test_the_sites_indicator_table_gives_an_arrow_and_the_words(sample_build: Path) -> None:
    html = (sample_build / "build" / "site" / "program" / "LIV-10.html").read_text(encoding="utf-8")
    assert '<th scope="col">Arah</th></tr></thead>' in html
    rows = table_rows(html, "program-indicators")
    assert rows["Prevalensi balita stunting"][-1] == "↓ diharapkan turun"
    assert rows["Posyandu yang mencatat pengukuran balita secara digital"][-1] == ""
    # the arrow is for the eye alone: a screen reader says the words once, not "downwards arrow"
    assert '<span class="direction"><span aria-hidden="true">↓&nbsp;</span>diharapkan turun</span>' in html
    economy = table_rows((sample_build / "build" / "site" / "pillar" / "economy.html").read_text(encoding="utf-8"),
                         "pillar-indicators")
    assert economy["Usaha mikro yang menerima pembayaran nontunai"][-1] == "↑ diharapkan naik"


def test_a_table_of_indicators_without_a_direction_has_no_column_for_it(sample_build: Path) -> None:
    html = (sample_build / "build" / "site" / "pillar" / "governance.html").read_text(encoding="utf-8")
    assert '<th scope="col">Arah</th>' not in html and 'class="direction' not in html
    assert all(re.fullmatch(r"[\d.,]+", cells[-1]) for cells in table_rows(html, "pillar-indicators").values())  # 2031's


def test_a_quick_wins_output_target_says_which_way_in_the_book_and_on_the_site(
        make_plan: Callable[..., Path]) -> None:
    """The quick wins' "Target indikator": GOV-01's complaints answered in ten minutes, a share that should grow."""
    programs = MINI_FILES["content/agencies/diskominfo.yml"]
    directed = programs.replace("                unit: persen\n", "                unit: persen\n"
                                "                direction: up\n", 1)
    assert directed != programs
    root = make_plan({"content/agencies/diskominfo.yml": directed})
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report]
    site = root / "build" / "site"
    rows = table_rows((site / "quick-wins.html").read_text(encoding="utf-8"), "quick-wins")
    output = [cells[5] for head, cells in rows.items() if "GOV-01" in head]
    assert output == [("Aduan ditanggapi dalam 10 menit (persen): Kondisi awal 40 (2021) · 2022: 60 · 2023: 80 · "
                       "2024: 90 ↑ diharapkan naik")]
    assert not [head for head, cells in rows.items() if "ECO-01" in head and "diharapkan" in cells[5]]
    book = "\n".join(page_texts(root / "build" / "masterplan.pdf"))
    assert book.count("diharapkan naik") == 2, book  # the program matrix and the quick wins' table
    assert "2024: 90\ndiharapkan naik" in book
