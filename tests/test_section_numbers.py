"""A chapter's sections carry the same numbers in the book and on the site ("see section 2.1" is found in either):
the site's headings begin with the number the PDF prints, the page's contents list repeats it, the front matter's and
the annexes' sections and the h3s are numbered in neither, and the book's anchor of a section opens it on the site."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest
from pdf_reading import joined_texts, reader

from masterplan.build import BuildOptions, run

_HEADING = re.compile(r'<h([23])((?:\s[^>]*)?)>(.*?)</h\1>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_NUMBERED = re.compile(r"\d+\.\d+ ")


def site_headings(page: Path) -> list[tuple[int, str]]:
    """(level, words as a reader hears them) of each h2/h3 of a page's article, its contents list's title aside."""
    article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    return [(int(level), " ".join(html.unescape(_TAGS.sub("", inner)).split()))
            for level, attributes, inner in _HEADING.findall(article) if "toc-title" not in attributes]


def book_sections(pdf: Path) -> dict[str, list[str]]:
    """Each chapter's bookmark ("Bab 2 · Gambaran Umum") → its sections' bookmarks, as the PDF reader lists them."""
    found: dict[str, list[str]] = {}
    last = ""
    for item in reader(pdf).outline:
        if isinstance(item, list):
            found[last] = [entry.title for entry in item if not isinstance(entry, list)]
        else:
            last = item.title
            found.setdefault(last, [])
    return found


def sections_of(book: dict[str, list[str]], title: str) -> list[str]:
    return next(sections for chapter, sections in book.items() if chapter == title or chapter.endswith(" · " + title))


def test_the_sample_s_chapter_pages_number_their_sections_as_the_book(sample_build: Path) -> None:
    build = sample_build / "build"
    book = book_sections(build / "masterplan.pdf")
    pages = sorted((build / "site" / "chapter").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        title = " ".join(html.unescape(_TAGS.sub("", re.search(r"<h1[^>]*>(.*?)</h1>", text, re.DOTALL)[1])).split())
        printed = sections_of(book, title)
        shown = [words for level, words in site_headings(page) if level == 2]
        numbered = [words for words in shown if _NUMBERED.match(words)]
        # the site shows the book's sections in order, each with its number (of the agencies' part, the book's
        # list of each agency's programs closes the chapter: its own page on the site)
        assert numbered == printed[:len(numbered)], page.name
        numbered_titles = [_NUMBERED.sub("", entry, count=1) for entry in printed if _NUMBERED.match(entry)]
        assert not [words for words in shown if words not in numbered and words in numbered_titles], page.name
        # and the page's contents list names them as the headings do
        listed = [" ".join(html.unescape(_TAGS.sub("", entry)).split())
                  for entry in re.findall(r'<li class="toc-2"><a [^>]*>(.*?)</a>', text, re.DOTALL)]
        assert [words for words in listed if _NUMBERED.match(words)] == (numbered if len(shown) > 2 else []), page.name
    assert sections_of(book, "Pendahuluan")[:2] == ["1.1 Latar Belakang", "1.2 Maksud dan Tujuan"]
    pasted = " ".join(joined_texts(build / "masterplan.pdf"))
    assert "1.1 Latar Belakang" in pasted  # printed, not in the bookmarks alone
    foreword = site_headings(build / "site" / "chapter" / "kata-pengantar.html")
    assert foreword and not any(_NUMBERED.match(words) for _, words in foreword)  # the front matter's: unnumbered
    assert not any(_NUMBERED.match(entry) for entry in sections_of(book, "Kata Pengantar"))


NESTED = {
    "content/chapters/00-sambutan.md": """\
        ---
        title: Sambutan
        part: front
        ---
        ## Sambutan Wali Kota

        Teks sambutan.
        """,
    "content/chapters/01-pendahuluan.md": """\
        ---
        title: Pendahuluan
        ---
        ## Latar Belakang

        Rincian kelembagaan ada pada [[bab:kelembagaan]].

        ## Maksud dan Tujuan

        Teks.
        """,
    "content/chapters/02-kelembagaan.md": """\
        ---
        title: Kelembagaan
        ---
        ## Dewan Smart City

        Teks dewan.

        ### Susunan Dewan

        Teks susunan.

        ### Tugas Dewan

        Teks tugas.

        ## Tim Pelaksana

        Teks tim.
        """,
    "content/chapters/09-lampiran.md": """\
        ---
        title: Daftar Istilah Teknis
        part: back
        ---
        ## Istilah Jaringan

        Teks lampiran.
        """,
}


@pytest.fixture(scope="module")
def nested_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("nested"), NESTED)
    result = run(root, BuildOptions(search=False))
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    return root / "build"


def test_nested_headings_are_numbered_alike_in_the_book_and_on_the_site(nested_build: Path) -> None:
    pdf = nested_build / "masterplan.pdf"
    pasted = " ".join(joined_texts(pdf))
    site = nested_build / "site" / "chapter"
    assert site_headings(site / "kelembagaan.html") == [
        (2, "2.1 Dewan Smart City"), (3, "Susunan Dewan"), (3, "Tugas Dewan"), (2, "2.2 Tim Pelaksana")]
    for words in ("2.1 Dewan Smart City", "2.2 Tim Pelaksana", "1.1 Latar Belakang", "1.2 Maksud dan Tujuan"):
        assert words in pasted  # the number the PDF prints is the site's
    assert site_headings(site / "pendahuluan.html")[:2] == [(2, "1.1 Latar Belakang"), (2, "1.2 Maksud dan Tujuan")]
    # the book's h3s, its front matter's and its annexes' sections have no number: nor have the site's
    assert not re.search(r"\d\.\d\.?\d? (Susunan|Tugas) Dewan", pasted)
    assert site_headings(site / "sambutan.html") == [(2, "Sambutan Wali Kota")]
    assert site_headings(site / "lampiran.html") == [(2, "Istilah Jaringan")]
    assert not re.search(r"[\dA]\.\d Istilah Jaringan|\d\.\d Sambutan Wali Kota", pasted)
    book = book_sections(pdf)
    assert sections_of(book, "Kelembagaan") == ["2.1 Dewan Smart City", "2.2 Tim Pelaksana"]
    assert sections_of(book, "Daftar Istilah Teknis") == ["Istilah Jaringan"]


def test_a_section_s_anchor_is_the_book_s_on_the_site(nested_build: Path) -> None:
    text = (nested_build / "site" / "chapter" / "kelembagaan.html").read_text(encoding="utf-8")
    destinations = reader(nested_build / "masterplan.pdf").named_destinations
    for anchor, number in (("bab-kelembagaan-1", "2.1"), ("bab-kelembagaan-2", "2.2")):
        assert anchor in destinations  # masterplan.pdf#nameddest=bab-kelembagaan-1
        assert re.search(rf'<h2 id="[^"]+"><span class="secnum" id="{anchor}">{number}</span> ', text)
    # the heading keeps the id its words give it, as before: links to it still work
    assert '<h2 id="dewan-smart-city">' in text


def test_a_cross_reference_reads_as_the_book_s(nested_build: Path) -> None:
    text = (nested_build / "site" / "chapter" / "pendahuluan.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="[^"]*kelembagaan\.html"[^>]*>([^<]+)</a>', text)
    assert link, "no link to the chapter"
    assert link[1] in {"Bab 2", "Chapter 2"}
    assert f"ada pada {link[1]}" in " ".join(joined_texts(nested_build / "masterplan.pdf"))


_SECNUM = re.compile(r'<h2[^>]*><span class="secnum" id="([^"]+)">([\dA-Z]+\.\d+)</span>(.*?)</h2>', re.DOTALL)


def numbered_headings(page: Path) -> list[tuple[str, str]]:
    """(the book's anchor, "7.4 Matriks Program") of each heading of a page that carries the book's number."""
    return [(anchor, " ".join(f"{number} {html.unescape(_TAGS.sub('', words))}".split()))
            for anchor, number, words in _SECNUM.findall(page.read_text(encoding="utf-8"))]


def test_every_site_page_numbers_the_book_s_sections_as_the_pdf_s_outline(sample_build: Path) -> None:
    """The site's marks (which headings the book numbers) agree with the book: every numbered heading of every page
    is the PDF's bookmark of that number, at the PDF's anchor, and each section the book numbers is on the site."""
    build = sample_build / "build"
    printed = {entry.split(" ", 1)[0]: entry for entries in book_sections(build / "masterplan.pdf").values()
               for entry in entries if _NUMBERED.match(entry)}
    destinations = reader(build / "masterplan.pdf").named_destinations
    shown: dict[str, set[str]] = {}
    for page in sorted((build / "site").rglob("*.html")):
        for anchor, words in numbered_headings(page):
            shown.setdefault(words, set()).add(page.relative_to(build / "site").as_posix())
            assert words == printed.get(words.split(" ", 1)[0]), page
            assert anchor in destinations, (page, anchor)
    # the book's lists of each agency's programs are the agencies' own pages on the site, under their names
    assert {number for number, entry in printed.items() if entry not in shown} == {"15.5"}
    assert printed["15.5"].endswith("Program per Perangkat Daerah")
    # a pillar's page, the budget's and the roadmap's carry their sections' numbers, as their chapters' pages do
    assert shown["7.4 Matriks Program"] == {"pillar/branding.html"}
    assert shown["14.5 Anggaran per Sumber Pendanaan"] == {"budget.html", "chapter/tata-kelola.html"}
    assert shown["13.6 Program dan Anggaran per Tahapan"] == {"roadmap.html", "chapter/peta-jalan.html"}


def test_a_pillar_s_page_shows_its_chapter_s_sections_in_the_book_s_order(sample_build: Path) -> None:
    page = sample_build / "build" / "site" / "pillar" / "branding.html"
    assert [words for _, words in numbered_headings(page)] == [
        "7.1 Subelemen", "7.2 Tujuan", "7.3 Indikator Dimensi", "7.4 Matriks Program"]
    text = page.read_text(encoding="utf-8")
    assert '<span class="secnum" id="bab-pillar-branding-4">7.4</span> Matriks Program</h2>' in text
    # each sub-element listed under 7.1 leads to its programs under 7.4
    for found in re.findall(r'<dt><a href="#(sub-[^"]+)">', text):
        assert f'<h3 id="{found}">' in text


def test_the_budget_page_s_contents_list_gives_the_book_s_numbers(sample_build: Path) -> None:
    text = (sample_build / "build" / "site" / "budget.html").read_text(encoding="utf-8")
    listed = [" ".join(html.unescape(_TAGS.sub("", entry)).split())
              for entry in re.findall(r'<li class="toc-2"><a [^>]*>(.*?)</a>', text, re.DOTALL)]
    assert listed[:2] == ["14.4 Anggaran per Dimensi dan Tahun", "14.5 Anggaran per Sumber Pendanaan"]
    assert listed[-1] == "14.9 APBD terhadap Pagu Indikatif"


CLAIMED_TWICE = {
    "content/chapters/05-pelaksanaan.md": """\
        ---
        title: Pelaksanaan
        generated: [roadmap, budget]
        ---
        ## Tahapan

        Teks tahapan.
        """,
}


def test_a_part_s_own_page_numbers_it_after_the_chapter_s_text_and_earlier_parts(tmp_path: Path) -> None:
    """The budget, claimed by a chapter after its text and the roadmap, is numbered after both on its own page."""
    from conftest import MINI_FILES, write_plan

    plan_yml = textwrap.dedent(MINI_FILES["content/plan.yml"]) + (
        "phases:\n  - {name: Jangka Pendek, period: {start: 2022, end: 2023}}\n"
        "  - {name: Jangka Menengah, period: {start: 2024, end: 2026}}\n")
    root = write_plan(tmp_path, {**CLAIMED_TWICE, "content/plan.yml": plan_yml})
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    site = root / "build" / "site"
    chapter = numbered_headings(site / "chapter" / "pelaksanaan.html")
    number = chapter[0][1].split(".", 1)[0]
    budget = numbered_headings(site / "budget.html")
    roadmap = numbered_headings(site / "roadmap.html")
    assert chapter[0][1] == f"{number}.1 Tahapan"
    assert roadmap == [entry for entry in chapter if entry[1].startswith(f"{number}.2 ")]
    assert budget and budget == chapter[2:2 + len(budget)]
    assert budget[0][1].startswith(f"{number}.3 ")
