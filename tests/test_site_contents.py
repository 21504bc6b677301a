"""The site's home page lists every chapter of the book, in the book's order, as its outline names them, each
leading to the page that shows it: the parts no chapter claims (the vision, the readiness analysis, the attainment
table) included, on pages of their own, and the glossary and the index closing the book; each of those pages leads
to the chapters before and after it."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pdf_reading import reader

#: the book's outline also names its own lists, which are no chapters
BOOK_LISTS = {"Landasan Hukum", "Daftar Isi", "Daftar Tabel", "Daftar Gambar"}


class _ChapterList(HTMLParser):
    """(words as read, link) of each item of the home page's list of chapters."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str]] = []
        self._in_list = False
        self._words: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ul" and ("class", "chapter-list") in attrs:
            self._in_list = True
        elif self._in_list and tag == "li":
            self._words = []
        elif self._words is not None and tag == "a":
            self._href = dict(attrs)["href"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul":
            self._in_list = False
        elif tag == "li" and self._words is not None:
            self.entries.append((" ".join("".join(self._words).split()), self._href))
            self._words = None

    def handle_data(self, data: str) -> None:
        if self._words is not None:
            self._words.append(data)


@pytest.fixture(scope="module")
def build(monitored_build: Path) -> Path:
    """The mini plan with realised figures, its chapters claiming no generated part: each its own chapter
    (conftest's build, once a session: read only)."""
    return monitored_build


def _listed(site: Path) -> list[tuple[str, str]]:
    parser = _ChapterList()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    return parser.entries


def test_the_home_page_lists_every_chapter_of_the_book_in_its_order(build: Path) -> None:
    chapters = [item.title.replace(" · ", " ") for item in reader(build / "masterplan.pdf").outline
                if not isinstance(item, list) and item.title not in BOOK_LISTS]
    assert [words for words, _ in _listed(build / "site")] == chapters
    assert {"Bab 2 Visi dan Misi", "Bab 3 Analisis Kesiapan", "Bab 9 Capaian Indikator"} <= set(chapters)


def test_each_chapter_listed_leads_to_a_page_showing_it(build: Path) -> None:
    site = build / "site"
    pages = dict(_listed(site))
    assert pages["Bab 3 Analisis Kesiapan"] == "readiness.html"
    readiness = (site / "readiness.html").read_text(encoding="utf-8")
    assert "<h1>Analisis Kesiapan</h1>" in readiness and 'id="readiness"' in readiness
    assert 'id="attainment"' in (site / pages["Bab 9 Capaian Indikator"]).read_text(encoding="utf-8")
    assert 'id="missions-matrix"' in (site / pages["Bab 2 Visi dan Misi"]).read_text(encoding="utf-8")
    for words, href in pages.items():
        assert (site / href).is_file(), words


def test_the_list_ends_with_the_glossary_and_the_index_closing_the_book(build: Path) -> None:
    """The list named every chapter but the glossary and the index of programs by agency, which close the book. The
    agencies' page being a chapter of its own here (no chapter claims it), the index leads to the list of all
    programs, so that no page is listed twice."""
    assert _listed(build / "site")[-2:] == [("Glosarium", "glossary.html"),
                                            ("Indeks Program per Perangkat Daerah", "program/index.html")]


_PAGER = re.compile(r'<a class="pager-(prev|next)" rel="(?:prev|next)" href="([^"]*)">')


def _pager(site: Path, path: str) -> dict[str, str]:
    """The page before and after ``path`` in the book, as its links "Sebelumnya" and "Berikutnya" lead (from the
    site's root)."""
    html = (site / path).read_text(encoding="utf-8")
    return {way: posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            for way, href in _PAGER.findall(html)}


def test_every_page_listed_leads_to_the_chapters_before_and_after_it(build: Path) -> None:
    """The last chapter's "Berikutnya" led to the glossary page, which had no way on to the index nor back; the quick
    wins' page, a chapter of the book of its own, had none either. Each page listed now leads to its neighbours in
    the list, the first with no way back, the last with no way on."""
    site = build / "site"
    pages = [href for _, href in _listed(site)]
    assert "quick-wins.html" in pages
    for index, path in enumerate(pages):
        expected = {"prev": pages[index - 1]} if index else {}
        if index + 1 < len(pages):
            expected["next"] = pages[index + 1]
        assert _pager(site, path) == expected, path
