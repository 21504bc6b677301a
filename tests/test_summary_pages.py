"""The executive summary's pages read well: no table's rest stands on a page left mostly blank, and a page is left
mostly blank only before a chapter, which opens a page of its own, or at the end.

Read back from the summaries of three plans, each built with its book: the sample and its English edition (conftest's
sample_build and english_sample_build), and the sample made another city's plan for other years (``masterplan new
--city --period``, conftest's new_city_build). "Mostly blank": the page's
lowest line of text (its folio left aside) stands in the upper half of the text's area, between the top and bottom
margins (book.css: 24 and 22 mm upright, 25 and 16 mm turned).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_reading import outline_pages, plumbed

from masterplan.output import SUMMARY_PDF

MM = 72 / 25.4


@pytest.fixture(scope="module", params=["id", "en", "probolinggo"])
def summary(request: pytest.FixtureRequest) -> Path:
    """One plan's executive summary, from conftest's builds (once a session, read only): the sample's, its English
    edition's, and the other city's (Kota Probolinggo's for 2025–2034)."""
    build = {"id": "sample_build", "en": "english_sample_build", "probolinggo": "new_city_build"}[request.param]
    folder = request.getfixturevalue(build)
    return folder / "build" / SUMMARY_PDF if request.param == "id" else folder / SUMMARY_PDF  # type: ignore[no-any-return]


def page_fill(pdf: Path) -> list[tuple[float, str]]:
    """Each page's fill, how far down its text's area its lowest line of text stands (0 at the top margin, 1 at the
    bottom one), and its running header's left part ("Tabel 3.1 (lanjutan)" on a table's later pages)."""
    fills = []
    with plumbed(pdf) as document:
        for page in document.pages:
            turned = page.width > page.height
            top, bottom = (25 if turned else 24) * MM, page.height - (16 if turned else 22) * MM
            words = page.extract_words()
            lowest = max((w["bottom"] for w in words if top <= w["top"] and w["bottom"] <= bottom), default=top)
            header = " ".join(w["text"] for w in words if w["bottom"] < top and w["x0"] < page.width / 2)
            fills.append(((lowest - top) / (bottom - top), header))
    return fills


def test_no_table_goes_on_over_a_page_it_leaves_mostly_blank(summary: Path) -> None:
    """The pillars' table held four pillars on the chapter's first page and two and the total on the next, two thirds
    blank before the quick wins' chapter: the six and the total are on one page."""
    rests = [(number, round(fill, 2), header) for number, (fill, header) in enumerate(page_fill(summary), start=1)
             if re.search(r"\((lanjutan|continued)\)", header) and fill < 0.5]
    assert rests == [], rests
    with plumbed(summary) as document:
        pillars = [page.page_number for page in document.pages
                   if re.search(r"Ta(bel|ble) 3\.1", page.extract_text() or "")]
    assert len(pillars) == 1, pillars


def test_a_page_is_mostly_blank_only_before_a_chapter_or_at_the_end(summary: Path) -> None:
    fills = page_fill(summary)
    openers = {page for _, page in outline_pages(summary)}
    blank = [(index + 1, round(fill, 2)) for index, (fill, _) in enumerate(fills[:-1])
             if fill < 0.5 and index + 1 not in openers]  # the next page opens no chapter
    assert blank == [], blank


def test_the_quick_wins_fill_each_page_they_go_on_from(summary: Path) -> None:
    """A quick win's row was about 54 mm tall (its problem in nine lines of a 43 mm column, its pillar and
    sub-element a column of their own), and rows do not split: the chapter's first page held two, 37 mm blank under
    them. Every page but the table's last is now full to within 15 % (25 mm), and the last holds two quick wins at
    least, never one alone under the table's head."""
    fills = page_fill(summary)
    with plumbed(summary) as document:
        table = [(page.page_number, page) for page in document.pages
                 if re.search(r"Ta(bel|ble) 4\.1\b", page.extract_text() or "")]
        rows = {number: len(quick_win_codes(page)) for number, page in table}
    assert len(table) > 1, rows
    thin = [(number, round(fills[number - 1][0], 2)) for number, _ in table[:-1] if fills[number - 1][0] < 0.85]
    assert thin == [], (thin, rows)
    assert rows[table[-1][0]] >= 2, rows
    assert sum(rows.values()) == 6, rows


def quick_win_codes(page: object) -> list[str]:
    """The codes of the quick wins whose rows start on ``page`` (a pdfplumber page): "GOV-02" at a row's left (pdfplumber joins it to the name's first word)."""
    return [word["text"] for word in page.extract_words()  # type: ignore[attr-defined]
            if re.match(r"[A-Z]{3}-\d{2}", word["text"]) and word["x0"] < page.width / 4]  # type: ignore[attr-defined]
