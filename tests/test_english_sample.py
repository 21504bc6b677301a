"""The sample's English edition (``language: en``): what the tool writes is English (the cover's notice, the names
of the funding sources in the budget tables, the program matrices and the charts); only the texts the plan's
authors wrote in Indonesian (``written_in: id``) stay as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_reading import page_texts

#: the sample's notice in English, as plan.yml writes it beside the Indonesian one
NOTICE = ("Illustrative document: a sample made to demonstrate the masterplan software, with invented programs, budgets "
          "and targets, and so not an official document of the Government of Kota Pasuruan.")
#: the Indonesian names of the default funding sources (the plan's codes), which the English book must not print
INDONESIAN_SOURCES = re.compile(r"\b(?:Swasta|Hibah)\b")


@pytest.fixture(scope="module")
def english_sample(english_sample_build: Path) -> Path:
    """The sample plan made an English edition (its texts still written in Indonesian), built once a session (conftest's,
    read only): PDF and site."""
    return english_sample_build


@pytest.fixture(scope="module")
def pages(english_sample: Path) -> list[str]:
    """Each page's text, its lines joined; a word hyphenated at a line's end is whole again."""
    return [" ".join(text.split()).replace("\u2010 ", "")
            for text in page_texts(english_sample / "masterplan.pdf")]


def test_the_cover_and_the_legal_page_give_the_notice_in_english(pages: list[str]) -> None:
    assert NOTICE in pages[0]
    assert [number for number, text in enumerate(pages, 1) if NOTICE in text] == [1, 3]  # the cover, the legal page
    assert not [number for number, text in enumerate(pages, 1) if "Dokumen ilustratif" in text]


def test_the_budget_tables_name_the_funding_sources_in_english(pages: list[str]) -> None:
    table = next(text for text in pages if "Table 14.2 Indicative budget by funding source Funding source" in text)
    for row in ("Provincial APBD Rp 11,850,000,000 4.3%", "Private sector Rp 6,800,000,000 2.5%",
                "Grants Rp 2,600,000,000 0.9%", "APBD Rp 170,410,000,000 61.6%"):
        assert row in table, table
    by_year = next(text for text in pages if "Table 14.4 Indicative budget by funding source and year Year" in text)
    assert "Provincial APBD Private sector CSR Grants Total" in by_year, by_year


def test_no_page_prints_an_indonesian_funding_source(pages: list[str]) -> None:
    """The program matrices' budget lines, the quick wins' table, the tables and charts of Bab 14: the sample's
    prose speaks of "investasi swasta" and "hibah", never with a capital."""
    found = {number: INDONESIAN_SOURCES.findall(text) for number, text in enumerate(pages, 1)}
    assert not {number: words for number, words in found.items() if words}
    assert sum("Private sector" in text for text in pages) >= 4  # the matrices' lines, the tables, the chart


def test_the_site_names_the_funding_sources_in_english(english_sample: Path) -> None:
    budget = (english_sample / "site" / "budget.html").read_text(encoding="utf-8")
    assert '<th scope="row">Private sector</th>' in budget and '<th scope="row">Grants</th>' in budget
    pages = {path.name: path.read_text(encoding="utf-8") for path in (english_sample / "site").rglob("*.html")}
    # but the data page, which names the codes budget.csv keeps beside the edition's words ("Swasta: Private sector")
    data = pages.pop("data.html")
    assert not {name for name, text in pages.items() if INDONESIAN_SOURCES.search(re.sub(r"<[^>]+>", " ", text))}
    assert "Swasta: Private sector; Hibah: Grants" in data


def test_the_workbooks_budget_summary_names_the_funding_sources_in_english(english_sample: Path) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(english_sample / "site" / "data" / "plan.xlsx", read_only=True)["Budget summary"]
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Private sector" in cells and "Grants" in cells and "Provincial APBD" in cells
    assert not [cell for cell in cells if INDONESIAN_SOURCES.fullmatch(cell) or cell == "APBD Provinsi"]


def test_the_book_and_the_site_say_which_way_an_indicator_is_better_in_english(pages: list[str],
                                                                               english_sample: Path) -> None:
    """Tabel 9.1's slums and LIV-10's stunting should fall, Tabel 8.1's cashless shops rise: said in English."""
    slums = next(text for text in pages if "Table 9.1 Indicators of Smart Living No." in text)
    assert "2031: 0 lower is better" in slums and "diharapkan" not in slums, slums
    assert any("2031: 70 higher is better" in text for text in pages)
    program = (english_sample / "site" / "program" / "LIV-10.html").read_text(encoding="utf-8")
    assert '<th scope="col">Direction</th>' in program
    assert '<span class="direction"><span aria-hidden="true">↓&nbsp;</span>lower is better</span>' in program
    assert "diharapkan" not in program


def test_a_matrix_page_going_on_with_a_program_names_it_in_english(pages: list[str]) -> None:
    """The English book names the program a matrix page goes on with in English words, its name as the plan writes
    it (Indonesian), never the markup that marks an Indonesian name in running text."""
    named = [re.search(r"Table \d+\.\d+ \(continued\) · ((?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d) ([^<>]+?) Chapter", page)
             for page in pages]
    assert sum(found is not None for found in named) >= 5, [page[:160] for page in pages if "continued" in page]
    assert not any("<span" in page or "lang=" in page for page in pages)


def test_the_english_edition_writes_dates_as_its_british_spelling_does(pages: list[str], english_sample: Path) -> None:
    """The catalog spells British English ("Licence", "realised"), and dates were American, "December 1, 2021":
    the cover, the revision history and every page's footer on the site now say "1 December 2021"."""
    assert "1 December 2021" in pages[0] and not any("December 1, 2021" in text for text in pages)
    home = (english_sample / "site" / "index.html").read_text(encoding="utf-8")
    assert "1 December 2021" in home and "December 1, 2021" not in home
    assert '<meta property="og:locale" content="en_GB">' in home


def test_the_english_edition_words_a_table_alike_in_the_book_and_on_the_site(pages: list[str],
                                                                            english_sample: Path) -> None:
    """The quick wins' heads were "Problem addressed" in the book and "Problem it solves" on the site; the phases'
    heading alone was in title case ("Programs and Budget by Phase"); an agency that leads no program was
    "Supports 4" in search results."""
    site = english_sample / "site"
    quick_wins = (site / "quick-wins.html").read_text(encoding="utf-8")
    assert "Pillar / sub-element" in quick_wins and "Problem addressed" in quick_wins
    assert any("Quick win Pillar / sub-element Problem addressed" in text for text in pages)
    assert any("Programs and budget by phase" in text for text in pages[3:])  # the chapter, not only the contents
    assert not any("Programs and Budget by Phase" in text for text in pages)
    # with the number of its section in the book's roadmap chapter, as that chapter's page shows it
    assert re.search(r'<h2 id="phases"[^>]*><span class="secnum" id="bab-peta-jalan-6">13\.6</span> '
                     r'Programs and budget by phase</h2>',
                     (site / "roadmap.html").read_text(encoding="utf-8"))
    assert 'data-facts="Supports 4 programs"' in (site / "agency" / "kecamatan_purworejo.html").read_text(
        encoding="utf-8")


def test_the_cover_names_the_coordinating_agency_in_plain_english(pages: list[str]) -> None:
    """The cover's "Leading sector" is the Indonesian civil service's borrowing, not English a donor's reader uses for
    the agency coordinating the plan (perangkat daerah koordinator)."""
    assert "Coordinating agency Dinas Komunikasi, Informatika dan Statistik" in pages[0], pages[0]
    assert not any("Leading sector" in text for text in pages)


def test_the_site_heads_the_budget_tables_as_the_book_does(pages: list[str], english_sample: Path) -> None:
    """The site's Table 14.2, 14.3 and 14.5 said "Agency" and "Budget" where the book's tables of the same numbers say
    "Lead agency" and "Indicative budget": a reader setting the two side by side took them for other figures."""
    assert any("Table 14.2 Indicative budget by funding source Funding source Indicative budget Share" in text
               for text in pages)
    assert any("Table 14.3 Indicative budget by lead agency Lead agency Indicative budget Share" in text
               for text in pages)
    assert any("Table 14.5 Indicative budget by lead agency and year Lead agency 2022" in text for text in pages)
    budget = (english_sample / "site" / "budget.html").read_text(encoding="utf-8")
    heads = {table: re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', re.search(
        rf'<table[^>]*id="{table}".*?</thead>', budget, re.DOTALL).group(0)) for table in
        ("budget-source", "budget-agency", "budget-agency-year")}
    assert heads["budget-source"] == ["Funding source", "Indicative budget", "Share"], heads
    assert heads["budget-agency"] == ["Lead agency", "Indicative budget", "Share"], heads
    assert heads["budget-agency-year"][0] == "Lead agency", heads


def test_the_licence_leads_an_english_reader_to_the_licence_in_english(english_sample: Path) -> None:
    """plan.yml names the Creative Commons licence's Indonesian deed (deed.id), which the English site's data page,
    its README and datapackage.json linked to: the English edition leads to the same deed in English."""
    english = "https://creativecommons.org/licenses/by/4.0/deed.en"
    data = (english_sample / "site" / "data.html").read_text(encoding="utf-8")
    assert f'<a href="{english}" rel="license">CC BY 4.0</a>' in data
    readme = (english_sample / "site" / "data" / "README.txt").read_text(encoding="utf-8")
    package = (english_sample / "site" / "data" / "datapackage.json").read_text(encoding="utf-8")
    assert f"Licence: CC BY 4.0 ({english})" in readme and english in package
    assert not [path.name for path in (english_sample / "site").rglob("*") if path.suffix in (".html", ".txt", ".json")
                and "deed.id" in path.read_text(encoding="utf-8")]


def test_a_program_page_says_partner_agency_and_funding_sources_by_their_count(english_sample: Path) -> None:
    """Every program page said "Partner agencies" and "Funding source", whatever their count: GOV-11's one partner
    read "Partner agencies: DPUPR", BRD-05's three sources "Funding source: APBD, DAK, Provincial APBD"."""
    def facts(code: str) -> dict[str, str]:
        page = (english_sample / "site" / "program" / f"{code}.html").read_text(encoding="utf-8")
        listed = re.search(r'<dl class="facts">(.*?)</dl>', page, re.DOTALL)
        assert listed is not None
        return {re.sub(r"<[^>]+>", "", term): re.sub(r"<[^>]+>|\s+", " ", value).strip()
                for term, value in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", listed.group(1), re.DOTALL)}

    one_partner, three_sources = facts("GOV-11"), facts("BRD-05")
    assert "Partner agency" in one_partner and "Partner agencies" not in one_partner, one_partner
    assert "Funding sources" in three_sources and "Funding source" not in three_sources, three_sources
    assert three_sources["Funding sources"].count(",") >= 1 and one_partner["Partner agency"].count(",") == 0


def test_the_forewords_signature_gives_its_month_in_english(pages: list[str], english_sample: Path) -> None:
    """The foreword is signed "date: Desember 2021", a month, not a day: the English book and site printed the
    Indonesian month, where a full date was already written in English."""
    foreword = next(text for text in pages if "Wali Kota Pasuruan" in text and "Pasuruan," in text)
    assert "Pasuruan, December 2021" in foreword and "Desember" not in foreword
    page = (english_sample / "site" / "chapter" / "kata-pengantar.html").read_text(encoding="utf-8")
    assert "December 2021" in page and "Desember 2021" not in page


def test_the_glossarys_indonesian_definitions_are_hyphenated_as_indonesian(english_sample: Path) -> None:
    """The English book's glossary printed its Indonesian definitions as English text: hyphenated by English rules
    ("pemer-intah", "pemban-gunan", "perusa-haan"). Each word broken at a line's end now breaks where Indonesian
    breaks it."""
    import pyphen

    indonesian = pyphen.Pyphen(lang="id")
    glossary = [text for text in page_texts(english_sample / "masterplan.pdf") if "APBD" in text and "Anggaran" in text
                and "Glossary" in text]
    broken = [(head, tail) for text in glossary
              for head, tail in re.findall(r"([a-z]+)[\u2010-]\n([a-z]+)", text)]
    assert len(broken) >= 3, broken  # the definitions run to many lines: some words are broken
    wrong = [f"{head}-{tail}" for head, tail in broken
             if len(head) not in indonesian.positions(head + tail)]
    assert not wrong, wrong


def test_the_contents_set_every_chapters_title_clear_of_its_number(english_sample: Path) -> None:
    """"Chapter 10 Smart Society": the titles of chapters 10 to 16 stood 1 mm from their number in the English
    contents, those of chapters 1 to 9 some 4 mm. Every title is now at least 3 mm clear of its number."""
    from pdf_reading import plumbed

    gaps = {}
    with plumbed(english_sample / "masterplan.pdf") as pdf:
        for page in pdf.pages[3:8]:
            words = page.extract_words()
            for index, word in enumerate(words[:-2]):
                number = words[index + 1]
                if word["text"] == "Chapter" and number["text"].isdigit() and abs(number["top"] - word["top"]) < 1:
                    gaps[int(number["text"])] = (words[index + 2]["x0"] - number["x1"]) * 25.4 / 72
    assert len(gaps) >= 14 and min(gaps.values()) >= 3, gaps
