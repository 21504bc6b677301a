"""The website built from scratch plans: pages, links, words, PDF, sitemap, search index, template errors."""

from __future__ import annotations

import csv
import json
import posixpath
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts, plumbed

from masterplan.build import BuildOptions, run
from masterplan.formatting import Formats
from masterplan.i18n import Translator, load_catalog
from masterplan.messages import Message
from masterplan.project import load_and_check
from masterplan.render import site_workers
from masterplan.resources import theme_dir

INDONESIAN = Formats("id", Translator("id", load_catalog()))

Build = Callable[..., Path]


@pytest.fixture
def build(make_plan: Callable[..., Path]) -> Build:
    """Build a scratch plan's site (no PDF); returns the site folder."""
    def make(files: dict[str, str | None] | None = None, **options: object) -> Path:
        root = make_plan(files)
        result = run(root, BuildOptions(pdf=False, **options))  # type: ignore[arg-type]
        assert result.ok, [str(d) for d in result.report]
        return root / "build" / "site"
    return make


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan's site (no PDF), built once for the module's tests, which read it and write nothing in it."""
    root = write_plan(tmp_path_factory.mktemp("mini-site"), {})
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report]
    return root / "build" / "site"


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_every_page_type_is_written(mini_site: Path) -> None:
    for name in ["index.html", "pillar/governance.html", "agency/diskominfo.html", "agency/index.html",
                 "program/GOV-01.html", "program/index.html", "chapter/pendahuluan.html", "quick-wins.html",
                 "roadmap.html", "budget.html", "glossary.html", "data.html", "search.html", "404.html",
                 "static/site.css", "static/search.js", "static/tables.js", "pagefind/pagefind.js", "data/plan.json"]:
        assert (mini_site / name).is_file(), name


def test_only_the_search_files_the_site_loads_are_published(mini_site: Path) -> None:
    """Pagefind's ready-made search interfaces (420 KB) are not loaded by the site's search.js."""
    published = {path.name for path in (mini_site / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-entry.json"} <= published
    assert not [name for name in published if "-ui." in name or name == "pagefind-highlight.js"]


def test_a_programs_badges_read_as_words_apart(mini_site: Path) -> None:
    """The quick win badge and the status badge stood side by side with no space between them: the search index,
    which reads the page's text, had "Quick winberjalan" in a result's excerpt."""
    for page in ("program/index.html", "pillar/governance.html", "program/GOV-01.html"):
        indexed = re.sub(r"<span[^>]*data-pagefind-ignore[^>]*>[^<]*</span>", "", read(mini_site, page))  # as searched
        text = re.sub(r"<[^>]+>", "", indexed)
        assert "Quick Win berjalan" in text and "winberjalan" not in text, page


def test_quick_win_is_written_one_way_on_the_site(mini_site: Path) -> None:
    """The menu said "Quick Win", a program's badge and facts "Quick win": the site wrote one name two ways."""
    html = read(mini_site, "program/GOV-01.html")
    menu = re.findall(r'<a href="\.\./quick-wins\.html"[^>]*>([^<]+)</a>', html)
    badge = re.findall(r'<span class="badge badge-qw">([^<]+)</span>', html)
    title = re.search(r"<h1>([^<]+)</h1>", read(mini_site, "quick-wins.html"))
    assert menu and badge and title and set(menu) | set(badge) | {title.group(1)} == {"Quick Win"}, (menu, badge, title)


def test_a_programs_status_says_when_it_was_so(mini_site: Path) -> None:
    """A resident reading "Berjalan" years after the plan was written took it for today's: the program page says
    the status is the plan's, as of its date, beside the badge (and not in search excerpts)."""
    html = read(mini_site, "program/GOV-01.html")
    assert re.search(r'<p class="badges">.*berjalan</span>\s*<span class="status-when" data-pagefind-ignore>status per '
                     r'1\xa0Desember\xa02021</span></p>', html, re.DOTALL), html.split('class="badges"')[1][:400]


def test_a_funding_source_the_glossary_explains_links_to_it(sample_build: Path) -> None:
    """"APBD, CSR" under a program's funding source: a resident on a phone, who sees no abbreviation's title, did not
    know what either is, though the glossary says. Each links to its glossary entry; a source it does not explain
    stays plain text."""
    site = sample_build / "build" / "site"
    sources = read(site, "program/ECO-01.html").split("Sumber pendanaan</dt> <dd>", 1)[1].split("</dd>", 1)[0]
    assert sources == ('<a href="../glossary.html#term-apbd">APBD</a>, <a href="../glossary.html#term-csr">CSR</a>')
    glossary = read(site, "glossary.html")
    assert '<dt id="term-apbd">APBD</dt>' in glossary and '<dt id="term-csr">CSR</dt>' in glossary


def test_a_program_page_says_whom_to_contact(make_plan: Callable[..., Path]) -> None:
    """A kelurahan's staff asking about a program found its lead agency's name and no way to reach it short of its
    agency page: the program page gives the lead agency's phone and e-mail where its file has them."""
    from conftest import MINI_FILES
    agency = "content/agencies/diskominfo.yml"
    reached = MINI_FILES[agency].replace("short_name: Diskominfo\n", "short_name: Diskominfo\n        contact: "
                                         "{phone: \"(0343) 424 200\", email: diskominfo@contoh.go.id}\n")
    assert reached != MINI_FILES[agency]
    root = make_plan({agency: reached})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    page = read(root / "build" / "site", "program/GOV-01.html")
    contact = page.split("<dt>Kontak</dt> <dd>", 1)[1].split("</dd>", 1)[0]
    assert " ".join(contact.split()) == ('Diskominfo: <a href="tel:0343424200">(0343) 424 200</a> · '
                                         '<a href="mailto:diskominfo@contoh.go.id">diskominfo@contoh.go.id</a>')
    assert "<dt>Kontak</dt>" not in read(root / "build" / "site", "program/ECO-01.html")  # BPKAD gives none


def test_program_page_shows_what_the_model_knows(mini_site: Path) -> None:
    html = read(mini_site, "program/GOV-01.html")
    assert "<h1>e-Sambat (Media Sambat Masyarakat)</h1>" in html
    budget = html.split('id="program-budget"', 1)[1].split("</table>", 1)[0]
    assert "Indikasi anggaran: GOV-01 (Rp)" in budget  # its figures in rupiah, the caption says, not "Rp" in each cell
    assert ">250.000.000<" in budget and ">650.000.000<" in budget  # budget by year, and total
    assert 'href="../agency/bpkad.html"' in html  # partner
    assert 'href="../program/ECO-01.html"' in html  # a dependent program
    assert "Tata kelola yang baik" in html  # mission served
    assert re.search(r"<th scope=\"col\" class=\"num\">2024</th>", html)  # indicator target year
    assert 'aria-labelledby="program-indicators-caption"' in html and 'tabindex="0"' in html


def test_the_largest_amounts_and_values_validate_admits_are_written_in_full(build: Build) -> None:
    """Figures at the schema's bounds (an amount just below 10^18 rupiah, a value of 10^15) build and read whole."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"]
    for old, new in [("amount: 250000000", "amount: 999999999999999999"), ("amount: 300000000", "amount: 999999999999999999"),
                     ("value: 40}", "value: -1000000000000000}"), ("2022: 60,", "2022: 999999999999999.99,"),
                     ("\n              - {year: 2024, amount: 100000000, source: APBD}", "")]:  # two lines at the bound, summed
        assert old in agency
        agency = agency.replace(old, new)
    site = build({"content/agencies/diskominfo.yml": agency})
    html = read(site, "program/GOV-01.html")
    # a line, and the total, in the budget's table of figures in rupiah (its caption says so)
    assert ">999.999.999.999.999.999<" in html and ">1.999.999.999.999.999.998<" in html
    assert "-1.000.000.000.000.000" in html and ">1.000.000.000.000.000<" in html  # 999999999999999.99, rounded


def test_a_program_page_says_where_the_program_is_carried_out_when_its_file_does(build: Build) -> None:
    from conftest import MINI_FILES
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "summary: Aduan warga ditanggapi dalam 10 menit.\n",
        "summary: Aduan warga ditanggapi dalam 10 menit.\n            location: Kecamatan Gadingrejo\n")
    site = build({"content/agencies/diskominfo.yml": agency})
    assert '<div class="wide"><dt>Lokasi</dt> <dd>Kecamatan Gadingrejo</dd></div>' in read(site, "program/GOV-01.html")
    assert "<dt>Lokasi</dt>" not in read(site, "program/ECO-01.html")  # none stated: no empty fact
    assert "Kecamatan Gadingrejo" in read(site, "data/programs.csv").splitlines()[1]
    programs = {p["id"]: p for p in json.loads(read(site, "data/plan.json"))["programs"]}
    assert programs["GOV-01"]["location"] == {"id": "Kecamatan Gadingrejo"} and programs["ECO-01"]["location"] is None


def test_home_lists_every_chapter_in_book_order(mini_site: Path) -> None:
    """Content chapters and the pillars' own chapters between them, as the book numbers them."""
    html = read(mini_site, "index.html")
    listed = re.findall(r'<span class="chapter-label">([^<]+)</span> <a href="([^"]+)">([^<]+)</a>',
                        html.split('class="chapter-list"', 1)[1].split("</ul>", 1)[0])
    assert ("Bab 1", "chapter/pendahuluan.html", "Pendahuluan") in listed
    pillar = next(entry for entry in listed if entry[1] == "pillar/governance.html")
    numbers = [int(label.split()[1]) for label, _, _ in listed if label.startswith("Bab ")]
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers)) and pillar[0].startswith("Bab ")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert " · " not in title, f"the home page's title names the plan once: {title}"


def test_every_pages_menu_leads_to_the_list_of_chapters(sample_build: Path) -> None:
    """The menu named the pillars and the plan's pages but no chapter: from a program's page, the chapters (the plan's
    text) were reached only through the home page. Every page's menu now has "Daftar Isi", the home page's list."""
    folder = sample_build / "build" / "site"
    assert 'id="chapters"' in read(folder, "index.html").split('class="chapter-list"', 1)[0]
    pages = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))
    entries = {page: re.findall(r'<a href="([^"]+)">Daftar Isi</a>',
                                read(folder, page).split('class="nav-pages"', 1)[1].split("</ul>", 1)[0])
               for page in pages if page != "404.html"}
    up = {page: "../" * page.count("/") for page in entries}
    assert len(entries) > 100 and all(links == [up[page] + "index.html#chapters"] for page, links in entries.items()), \
        [(page, links) for page, links in entries.items() if links != [up[page] + "index.html#chapters"]][:3]
    # and to the glossary, which a resident looked for in the menu and found in the footer only
    glossary = {page: re.findall(r'<a href="([^"]+)"[^>]*>Glosarium</a>',
                                 read(folder, page).split('class="nav-pages"', 1)[1].split("</ul>", 1)[0])
                for page in entries}
    wrong = [(page, links) for page, links in glossary.items() if links != [up[page] + "glossary.html"]]
    assert not wrong, wrong[:3]


def test_next_links_lead_through_the_book_in_order(sample_build: Path) -> None:
    """From the preface, "Berikutnya" visits every chapter the home page lists, the pillars' Bab 6–11 included
    (Bab 5 led to Bab 12), on to the glossary and the index of programs by agency closing it (the last chapter led to
    the glossary page, which led nowhere), and "Sebelumnya" leads back. The index is the agencies' page, every agency
    with its programs (the list of all programs, grouped by pillar, was named "Indeks Program per Perangkat Daerah"),
    as Bab 15 claims the agencies' table; each page is listed once, and a page whose table a chapter shows in full
    leads to that chapter, not on through the book."""
    folder = sample_build / "build" / "site"
    home = read(folder, "index.html").split('class="chapter-list"', 1)[1].split("</ul>", 1)[0]
    listed = re.findall(r'<li>(?:<span class="chapter-label">[^<]+</span> )?<a href="([^"]+)">', home)
    assert len(listed) > 12 and any(path.startswith("pillar/") for path in listed)
    assert listed[-2:] == ["glossary.html", "agency/index.html"] and len(set(listed)) == len(listed)
    for claimed in ("quick-wins.html", "roadmap.html", "budget.html"):
        assert 'rel="next"' not in read(folder, claimed) and 'rel="prev"' not in read(folder, claimed), claimed

    def follow(start: str, rel: str) -> list[str]:
        visited = [start]
        while len(visited) <= len(listed):
            link = re.search(rf'rel="{rel}" href="([^"]+)"', read(folder, visited[-1]))
            if not link:
                return visited
            visited.append(posixpath.normpath(posixpath.join(posixpath.dirname(visited[-1]), link.group(1))))
        return visited

    assert follow(listed[0], "next") == listed
    assert follow(listed[-1], "prev") == listed[::-1]


def test_the_programs_come_in_the_books_order_on_every_page(sample_build: Path) -> None:
    """The book's matrix and the pillar's page list a pillar's programs sub-element by sub-element (GOV-01, GOV-02,
    GOV-11, GOV-14, …); the list of all programs listed them by code, and "Berikutnya" on GOV-02's page led to GOV-03,
    tenth in the book. Both now follow the book: from the pillar's first program, "Berikutnya" visits them all in
    its order, and "Sebelumnya" leads back."""
    folder = sample_build / "build" / "site"
    listing = read(folder, "program/index.html")
    pillars, programs = sorted(folder.glob("pillar/*.html")), len(list(folder.glob("program/*.html")))

    def follow(start: str, rel: str) -> list[str]:
        visited = [start]
        while len(visited) <= programs and (link := re.search(
                rf'rel="{rel}" href="\.\./program/([^"]+)\.html"', read(folder, f"program/{visited[-1]}.html"))):
            visited.append(link.group(1))
        return visited

    assert len(pillars) > 1
    for pillar in pillars:
        book = list(dict.fromkeys(re.findall(r'href="\.\./program/([A-Z]+-\d+)\.html"', pillar.read_text("utf-8"))))
        section = listing.split(f'id="pillar-{pillar.stem}"', 1)[1].split("</section>", 1)[0]
        assert re.findall(r'<td class="code">([^<]+)</td>', section) == book, pillar.stem
        assert follow(book[0], "next") == book, pillar.stem
        assert follow(book[-1], "prev") == book[::-1], pillar.stem


@pytest.mark.parametrize("name", ["quick-wins.html", "roadmap.html", "budget.html", "agency/index.html"])
def test_a_page_repeating_a_chapters_table_links_to_it_and_is_left_out_of_search(
        name: str, sample_build: Path, mini_site: Path) -> None:
    """The sample's Bab 12 shows the quick wins' table with its narrative: quick-wins.html, which shows
    the same table, points there and is not a second search result. Without such a chapter it is searched."""
    sample = sample_build / "build" / "site"
    html = read(sample, name)
    link = re.search(r'<p class="from-chapter">Selengkapnya, beserta uraiannya: <a href="([^"]+)">Bab \d+ [^<]+</a>', html)
    assert link and "data-pagefind-body" not in html
    assert "data-pagefind-body" in read(sample, str(Path(name).parent / link.group(1)))
    own = read(mini_site, name)
    assert "data-pagefind-body" in own and "from-chapter" not in own


def test_budget_tables_show_a_dash_where_there_is_no_money(sample_build: Path) -> None:
    """BRD-02 has three sources over five years, one source a year: the empty cells read "–", and "Rp 0" to a screen reader."""
    html = read(sample_build / "build" / "site", "program/BRD-02.html")
    grid = html.split('id="program-budget"', 1)[1].split("</tbody>", 1)[0]
    visible = re.sub(r'<span class="visually-hidden"[^>]*>[^<]*</span>', "", grid)
    assert "Rp 0<" not in visible and visible.count(">–<") == 10
    assert grid.count('<span class="visually-hidden" data-pagefind-ignore>Rp 0</span>') == 10


def test_rounded_budget_tables_say_how_they_are_rounded(sample_build: Path) -> None:
    """A planner added up a year's rounded amounts on budget.html (40,78 miliar) against its total (40,79), and
    found a share (DAK 10,7%) rounded otherwise than the spreadsheet's (10,8%), neither explained. Each table
    of rounded amounts or shares says so under it, and its screen reader hears it; the book's shares too."""

    html = read(sample_build / "build" / "site", "budget.html")
    notes = dict(re.findall(r'<p class="table-note" id="([\w-]+)-note">([^<]+)</p>', html))
    rounded, shared = "Nilai dibulatkan: total dapat", "Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya bisa sedikit lebih atau kurang dari 100%."
    assert set(notes) == {"budget-pillar", "budget-source", "budget-agency", "budget-source-year", "budget-agency-year",
                          "budget-apbd-ceiling"}
    assert [rounded in notes[t] for t in notes] == [True, False, True, True, True, True] and shared in notes["budget-agency"]
    assert all(f'<table id="{table}" class="budget" aria-describedby="{table}-note">' in html for table in notes)
    book = " ".join(page_texts(sample_build / "build" / "masterplan.pdf"))
    assert " ".join(book.split()).count(shared) == 3  # the shares by funding source, by agency and by phase


@pytest.mark.parametrize("name", ["agency/index.html", "chapter/sinkronisasi.html"])
def test_the_sites_tabel_15_1_is_the_books(name: str, sample_build: Path) -> None:
    """"Tabel 15.1" named two tables: the book's program codes per agency and pillar, and on the site counts per
    pillar beside a budget column ("1 / 0", "Rp 1,2 miliar"). The site's is the book's now: each row gives the codes
    of the book's row (the first of each cell on the row's first printed line) and the same "led / supported"."""

    table = read(sample_build / "build" / "site", name).split('id="agency-pillar"', 1)[1].split("</table>", 1)[0]
    heads = [re.sub(r"<[^>]+>", "", head) for head in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)]
    assert heads[0] == "Perangkat daerah" and heads[-1] == "Diampu / didukung" and len(heads) == 8
    rows = []
    for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.DOTALL):
        short = re.search(r'<a href="[^"]+">([^<]+)</a>', row).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        firsts = [(re.findall(r">([A-Z]{3}-\d\d)</a>", cell) or ["–"])[0] for cell in cells[:-1]]
        count = re.search(r'aria-hidden="true">([^<]+)<', cells[-1])
        rows.append((short, " ".join([*firsts, count.group(1) if count else "–"])))
    with plumbed(sample_build / "build" / "masterplan.pdf") as pdf:
        printed = {line for page in pdf.pages if "Tabel 15.1" in (text := page.extract_text() or "")
                   for line in text.splitlines()}
    assert len(rows) == 31 and ("Bapenda", "GOV-09 BRD-07 ECO-01 LIV-05 – – 1 / 4") in rows
    # a long name may take two lines of the book's first column ("Kec." / "Panggungrejo")
    assert [(short, cells) for short, cells in rows if not any(
        line.endswith(" " + cells) and line[:-len(cells) - 1] and short.startswith(line[:-len(cells) - 1])
        for line in printed)] == []
    assert "Rp " not in table and '<span class="visually-hidden">Mengampu: </span>' in table


def test_every_page_has_a_title_of_its_own(sample_build: Path) -> None:
    """The roadmap's page and Bab 13, which shows it with its narrative, were both "Peta Jalan · …" in a
    browser's tabs, history and bookmarks; so were the quick wins' two pages."""
    site = sample_build / "build" / "site"
    titles: dict[str, list[str]] = {}
    for page in site.rglob("*.html"):
        found = re.search(r"<title>([^<]+)</title>", page.read_text(encoding="utf-8"))
        if found and not page.relative_to(site).as_posix().startswith(("pagefind/", "assets/")):
            titles.setdefault(found.group(1), []).append(page.relative_to(site).as_posix())
    assert len(titles) > 100 and not {title: pages for title, pages in titles.items() if len(pages) > 1}
    assert titles["Peta Jalan · Bab 13 · Masterplan Smart City Kota Pasuruan 2022–2031"] == ["chapter/peta-jalan.html"]
    assert titles["Peta Jalan · Masterplan Smart City Kota Pasuruan 2022–2031"] == ["roadmap.html"]


def test_a_rounded_amount_reads_the_same_in_a_chart_a_table_and_a_card(sample_build: Path) -> None:
    """budget.html's Gambar 14.1 read "Rp 42,30 miliar" and "Rp 23,00 miliar" above Tabel 14.1's "Rp 42,3 miliar" and
    "Rp 23 miliar"; the home page's cards "Rp 38,82 miliar" beside "Rp 23 miliar" in one row. Every amount in miliar
    has two decimals, and each pillar's bar reads as its total in the table."""
    site = sample_build / "build" / "site"
    budget, home = read(site, "budget.html"), read(site, "index.html")
    chart = budget[budget.index('id="pillar-bars"'):budget.index("</figure>", budget.index('id="pillar-bars"'))]
    bars = re.findall(r'<span class="bar-value">([^<]+)</span>', chart)
    table = budget[budget.index('id="budget-pillar"'):budget.index("</table>", budget.index('id="budget-pillar"'))]
    totals = re.findall(r"<data [^>]*>([^<]+)</data>", table.split("<tfoot>", 1)[1])
    # the table in bare billions (its caption says so), each its bar's figure
    assert [bar.removeprefix("Rp ").removesuffix(" miliar") for bar in bars] == totals[:-1], (bars, totals)
    assert bars[1:3] == ["Rp 42,30 miliar", "Rp 23,00 miliar"] and "(miliar rupiah)" in table, table[:300]
    cards = [re.findall(r"<dd>(Rp [^<]+)</dd>", card) for card in home.split('class="card"')[1:]]
    assert [amounts for amounts in cards if amounts][:3] == [["Rp 38,82 miliar"], ["Rp 42,30 miliar"], ["Rp 23,00 miliar"]]
    for page in (site / "index.html", site / "budget.html", site / "quick-wins.html", site / "agency" / "dlh.html"):
        uneven = re.findall(r"Rp \d+(?:,\d)? (?:miliar|triliun)\b", page.read_text(encoding="utf-8"))
        assert uneven == [], (page.name, uneven)


def test_the_budget_charts_amounts_have_one_number_of_decimals(sample_build: Path) -> None:
    """Bars read "Rp 23 miliar" beside "Rp 38,82 miliar", as if one were rounded more than the other."""
    page = (sample_build / "build" / "site" / "budget.html").read_text(encoding="utf-8")
    chart = page[page.index('id="pillar-bars"'):page.index("</figure>", page.index('id="pillar-bars"'))]
    amounts = re.findall(r'<span class="bar-value">Rp ([\d.,]+) miliar</span>', chart)
    assert len(amounts) == 6 and {len(amount.partition(",")[2]) for amount in amounts} == {2}, amounts


def test_each_funding_source_s_share_is_its_amount_over_the_total(sample_build: Path) -> None:
    """Made to add up to 100,0 %, DAK's 10,75 % showed as 10,7 %, where a calculator and the workbook show 10,8 %:
    each share is its amount over the total, as the book's."""
    page = (sample_build / "build" / "site" / "budget.html").read_text(encoding="utf-8")
    table = page[page.index('id="budget-source"'):]
    table = table[:table.index("<tfoot>")]
    rows = re.findall(r'<td class="num">Rp ([\d.]+)</td><td class="num">(\d+,\d%)</td>', table)
    assert len(rows) >= 8 and [share for amount, share in rows] == [
        INDONESIAN.percent(int(amount.replace(".", "")), 276_660_000_000) for amount, _ in rows], rows
    assert ("29.750.000.000", "10,8%") in rows  # DAK


def test_a_chapters_pillar_cards_stand_under_a_heading_of_their_own(sample_build: Path) -> None:
    """The six cards were h3s under the chapter's last h2, "Status Program": a screen reader's outline made the
    pillars sections of the program status."""
    page = (sample_build / "build" / "site" / "chapter" / "rencana-program.html").read_text(encoding="utf-8")
    headings = re.findall(r"<(h[23])[^>]*>(?:<a [^>]*>)?([^<]*)", page)
    first_card = next(i for i, (level, text) in enumerate(headings) if text == "Smart Governance")
    assert [text for level, text in headings[:first_card] if level == "h2"][-1] == "Dimensi smart city"
    home = (sample_build / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert home.count("Dimensi smart city</h2>") == 1


def test_the_missions_table_is_on_the_site_where_its_references_lead(sample_build: Path, ) -> None:
    """The book's Tabel 3.1 (missions × pillars) was not on the site; "[[tab:missions]]" led to the home page's
    list of missions, which does not say which programs serve which."""
    site = sample_build / "build" / "site"
    chapter = (site / "chapter" / "visi-misi.html").read_text(encoding="utf-8")
    table = chapter[chapter.index('<table id="missions-matrix"'):chapter.index("</table>", chapter.index('<table id="missions-matrix"'))]
    assert "Tabel 3.1" in chapter[chapter.index('id="missions-matrix-caption"'):][:200]
    assert table.count("<tr>") == 1 + 5 and '<a href="../program/GOV-01.html"' in table
    referring = (site / "chapter" / "rencana-program.html").read_text(encoding="utf-8")
    assert 'href="../chapter/visi-misi.html#missions-matrix"' in referring and "index.html#missions" not in referring


def test_the_list_of_all_programs_leads_to_each_pillar(sample_build: Path) -> None:
    """On a phone the list ran some twenty-five screens with no way to a pillar but scrolling."""
    page = (sample_build / "build" / "site" / "program" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('<nav class="toc"'):page.index("</nav>", page.index('<nav class="toc"'))]
    anchors = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
    assert [text for _, text in anchors][:2] == ["Smart Governance (16)", "Smart Branding (10)"] and len(anchors) == 6
    assert all(f'id="{anchor}"' in page for anchor, _ in anchors)


def test_budget_by_agency_lists_only_agencies_with_a_budget(sample_build: Path) -> None:
    """The book's Tabel 14.3, column for column (its site twin had a count of programs where the book has shares),
    each rounded amount with the exact one beside it, which the book prints."""
    html = read(sample_build / "build" / "site", "budget.html")
    table, foot = html.split('id="budget-agency"', 1)[1].split("</tbody>", 1)
    assert table.count("<tr>") > 10 and "Rp 0<" not in table
    head = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)
    assert head == ["Perangkat daerah pengampu", "Indikasi anggaran", "Porsi"], head  # the book's heads
    amounts = [int(n) for n in re.findall(r'<data value="(\d+)" title="Rp [\d.]+">Rp [\d,]+ (?:miliar|juta)</data>', table)]
    assert len(amounts) == table.count("<tr>") - 1 and amounts == sorted(amounts, reverse=True)
    shares = [float(n.replace(",", ".")) for n in re.findall(r'<td class="num">(\d+,\d)%</td>', table)]
    assert len(shares) == len(amounts) and abs(sum(shares) - 100) < 0.05 * len(shares)  # each rounded alone
    assert shares == [float(INDONESIAN.percent(amount, 276_660_000_000)[:-1].replace(",", ".")) for amount in amounts]
    total = re.search(r'<tfoot><tr><th scope="row">Total</th><td class="num"><data value="(\d+)" title="([^"]+)">'
                      r'([^<]+)</data></td><td class="num">100,0%</td>', foot)
    assert total, "the table has a total row, as Tabel 14.3 in the book"
    assert int(total.group(1)) == sum(amounts) == 276_660_000_000
    assert (total.group(2), total.group(3)) == ("Rp 276.660.000.000", "Rp 276,66 miliar")


def test_the_budget_page_has_the_books_budget_by_funding_source_and_year(sample_build: Path) -> None:
    html = read(sample_build / "build" / "site", "budget.html")
    table = html[html.index('id="budget-source-year"'):]
    table = table[:table.index("</table>")]
    assert ("<caption id=\"budget-source-year-caption\">Tabel 14.4 Indikasi anggaran per sumber pendanaan dan tahun"
            " (miliar rupiah)</caption>") in table  # its amounts in one unit, each on one line
    assert re.findall(r'<th scope="col" class="num">([^<]+)</th>', table)[:2] == ["APBD", "DAK"]
    total = re.findall(r'<data value="(\d+)"', table[table.index("<tfoot>"):])
    assert int(total[-1]) == 276_660_000_000 and sum(map(int, total[:-1])) == int(total[-1])
    assert 'href="#by-source-year"' in html  # in the page's own table of contents


def test_the_budget_page_has_the_books_budget_by_agency_and_year(sample_build: Path) -> None:
    """An agency finds its pagu indikatif per year (the book's Tabel 14.5) on the budget page, which gave only its total."""
    from masterplan import summary

    plan = load_and_check(sample_build).plan
    assert plan is not None
    money = summary.budget(plan)
    html = read(sample_build / "build" / "site", "budget.html")
    table = html[html.index('id="budget-agency-year"'):]
    table = table[:table.index("</table>")]
    assert ('<caption id="budget-agency-year-caption">Tabel 14.5 Indikasi anggaran per perangkat daerah pengampu dan'
            ' tahun (miliar rupiah)</caption>') in table
    assert re.findall(r'<th scope="col" class="num">([^<]+)</th>', table) == [*map(str, money.years), "Total"]
    body = table[table.index("<tbody>"):table.index("</tbody>")]
    agencies = re.findall(r'<th scope="row"><a href="agency/([^"]+)\.html">', body)
    assert agencies == [agency for agency, _ in summary.largest_first(money.by_agency)]
    first = body[:body.index("</tr>")]
    assert 'title="Rp 500.000.000">0,50</data>' in first  # DPUPR's 2023, in the caption's unit (it fits 1280 px)
    amounts = [int(v) for v in re.findall(r'<data value="(\d+)"', first)]
    assert amounts == [v for v in money.by_agency_year["dpupr"].values() if v] + [money.by_agency["dpupr"]]
    total = [int(v) for v in re.findall(r'<data value="(\d+)"', table[table.index("<tfoot>"):])]
    assert total == [money.by_year[year] for year in money.years] + [money.total]
    assert 'href="#by-agency-year"' in html  # in the page's own table of contents


def test_the_budget_page_has_the_apbd_against_its_ceiling(sample_build: Path) -> None:
    """Bappeda checks each year's APBD against the pagu indikatif plan.yml gives (apbd_ceiling): as the book's
    Tabel 14.6, a row a year with the programs' APBD, the ceiling, the share used and what is left."""
    html = read(sample_build / "build" / "site", "budget.html")
    table = html[html.index('id="budget-apbd-ceiling"'):]
    table = table[:table.index("</table>")]
    assert '<caption id="budget-apbd-ceiling-caption">Tabel 14.6 APBD per tahun terhadap pagu indikatif</caption>' in table
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table) == ["Tahun", "APBD program", "Pagu", "Persentase terhadap pagu", "Sisa pagu"]
    row = table[table.index('<th scope="row">2023</th>'):]
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row[:row.index("</tr>")],
                                                                          re.DOTALL)]
    assert cells == ["Rp 28,30 miliar", "Rp 30,00 miliar", "94,3%", "Rp 1,70 miliar"]
    total = table[table.index("<tfoot>"):]
    assert [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", total, re.DOTALL)] == \
        ["Rp 170,41 miliar", "Rp 227,00 miliar", "75,1%", "Rp 56,59 miliar"]  # the ten years together, as the book's
    assert 'href="#apbd-ceiling"' in html  # in the page's own table of contents


def test_the_roadmap_page_names_the_phases_over_their_years_and_tables_them(sample_build: Path) -> None:
    """The sample's phases (plan.yml phases) above the roadmap's years, each over its own (grid columns), a faint
    line at each boundary after the first year (2024, 2027: 20 % and 50 % of the years), and the book's Tabel 13.1
    of each phase's programs and budget, its amounts rounded as the budget page's."""
    html = read(sample_build / "build" / "site", "roadmap.html")
    band = html[html.index('<div class="gantt-phases"'):]
    band = band[:band.index("</div>")]
    assert re.findall(r'<span style="grid-column: (\d+) / span (\d+)">([^<]+)</span>', band) == [
        ("1", "2", "Jangka Pendek"), ("3", "3", "Jangka Menengah"), ("6", "5", "Jangka Panjang")]
    chart = html[html.index('<div class="gantt"'):]
    assert re.findall(r"transparent calc\(([\d.]+)% - 1px\)", chart[:chart.index(">")]) == ["20.0", "50.0"]
    table = html[html.index('id="phase-budget"'):]
    table = table[:table.index("</table>")]
    assert '<caption id="phase-budget-caption">Tabel 13.1 Program dan anggaran per tahapan</caption>' in table
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table) == [
        "Tahapan", "Tahun", "Program dimulai", "Program berjalan", "Indikasi anggaran", "Porsi"]
    rows = {" ".join(re.sub(r"<[^>]+>", " ", head).split()): [" ".join(re.sub(r"<[^>]+>", " ", cell).split())
                                                             for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells)]
            for head, cells in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table)}
    assert rows == {
        "Jangka Pendek Membangun Momentum": ["2022–2023", "40", "40", "Rp 36,70 miliar", "13,3%"],
        "Jangka Menengah Integrasi Layanan": ["2024–2026", "27", "61", "Rp 139,32 miliar", "50,4%"],
        "Jangka Panjang Kota Cerdas yang Berkelanjutan": ["2027–2031", "3", "44", "Rp 100,64 miliar", "36,4%"]}
    assert "terhadap total indikasi anggaran masterplan, Rp 276.660.000.000." in html


def test_a_plan_without_phases_has_its_roadmap_as_before(build: Build) -> None:
    """The mini plan gives no phases: no band above the years, no lines at boundaries, no table of phases; given
    phases, the mini plan's roadmap shows them and its table counts its two programs."""
    without = read(build(), "roadmap.html")
    assert "gantt-phases" not in without and "--bounds" not in without and "phase-budget" not in without
    plan_yml = MINI_FILES["content/plan.yml"].rstrip() + (
        "\n        phases:\n          - {name: Jangka Pendek, period: {start: 2022, end: 2023}}"
        "\n          - {name: Jangka Menengah, period: {start: 2024, end: 2026}}\n")
    html = read(build({"content/plan.yml": plan_yml}), "roadmap.html")
    assert re.findall(r'grid-column: (\d+) / span (\d+)">([^<]+)<', html) == [("1", "2", "Jangka Pendek"),
                                                                           ("3", "3", "Jangka Menengah")]
    table = html[html.index('id="phase-budget"'):html.index("</table>", html.index('id="phase-budget"'))]
    assert re.findall(r'<td class="num">(\d+)</td><td class="num">(\d+)</td>', table) == [("2", "2"), ("0", "1")]


def test_a_year_over_its_apbd_ceiling_says_so_on_the_budget_page_and_none_without_a_ceiling(build: Build) -> None:
    """The year over its ceiling reads "−Rp 100 juta melampaui pagu" (a minus and words, not a colour); a plan
    that gives no ceiling (the mini plan) has no such table, nor an entry for it in the page's contents."""
    plan_yml = MINI_FILES["content/plan.yml"].rstrip() + "\n        apbd_ceiling: {2022: 300000000, 2023: 200000000}\n"
    html = read(build({"content/plan.yml": plan_yml}), "budget.html")
    table = html[html.index('id="budget-apbd-ceiling"'):]
    rows = re.findall(r'<tr[^>]*><th scope="row">(\d+)</th>(.*?)</tr>', table[:table.index("</table>")], re.DOTALL)
    shown = {year: [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells,
                                                                                        re.DOTALL)]
             for year, cells in rows}
    assert shown == {"2022": ["Rp 250 juta", "Rp 300 juta", "83,3%", "Rp 50 juta"],
                     "2023": ["Rp 300 juta", "Rp 200 juta", "150,0%", "−Rp 100 juta melampaui pagu"]}
    total = table[table.index("<tfoot>"):table.index("</tfoot>")]
    assert [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", total, re.DOTALL)] \
        == ["Rp 550 juta", "Rp 500 juta", "110,0%", "−Rp 50 juta melampaui pagu"]  # over in the two years together
    assert "Tahun yang melampaui pagu menunjukkan kelebihannya dengan tanda minus." in table  # the note explains it
    within = read(build({"content/plan.yml": plan_yml.replace("2023: 200000000", "2023: 400000000")}), "budget.html")
    assert "(pagu indikatif)." in within and "tanda minus" not in within  # and says nothing of a minus it does not show
    without = read(build(), "budget.html")
    assert "budget-apbd-ceiling" not in without and "apbd-ceiling" not in without


def test_the_quick_wins_page_says_what_they_cost_in_the_plans_first_year(sample_build: Path) -> None:
    """As under the book's Tabel 12.1: the quick wins' 2022 budget and its share of 2022's whole budget."""
    html = read(sample_build / "build" / "site", "quick-wins.html")
    assert ('<p class="table-note" id="quick-wins-note">Anggaran: jumlah setiap quick win selama tahun pelaksanaannya.'
            " Pada 2022, tahun pertama masterplan, indikasi anggaran seluruh quick win berjumlah Rp 3.900.000.000, yaitu 48,1% dari"
            " indikasi anggaran seluruh program pada tahun itu (Rp 8.100.000.000).</p>") in html
    assert 'aria-describedby="quick-wins-note"' in html


@pytest.mark.parametrize("name", ["quick-wins.html", "chapter/quick-wins.html"])
def test_the_quick_wins_table_gives_each_ones_output_target_as_the_books_does(name: str, sample_build: Path) -> None:
    """The site's Tabel 12.1 left out the book's column of targets: each quick win's first two indicators, each from
    its baseline through its target of each of the quick win's years (a council member asked what the first year
    delivers: the latest year's target alone did not say)."""
    table = re.search(r'<table id="quick-wins".*?</table>', read(sample_build / "build" / "site", name), re.DOTALL)
    assert table
    heads = [re.sub(r"<[^>]+>", "", head) for head in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table.group(0))]
    assert heads[5:8] == ["Tahun", "Target indikator", "Anggaran"]
    gov02 = next(row for row in re.findall(r"<tr>.*?</tr>", table.group(0), re.DOTALL) if "GOV-02" in row)
    cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).replace("&nbsp;", " ").split())
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", gov02, re.DOTALL)]
    assert cells[5] == ("Layanan publik daring yang terhubung ke portal layanan terpadu (layanan): Kondisi awal 12 (2021)"
                        " · 2022: 25 · 2023: 40 Dataset sektoral yang terbit di portal Satu Data (dataset): Kondisi awal"
                        " 85 (2021) · 2022: 250 · 2023: 400")
    assert cells[6] == "Rp 1,65 miliar"
    # a quick win whose years rest on other money: "APBD, CSR" hid that ECO-01's second year is all a company's
    eco01 = next(row for row in re.findall(r"<tr>.*?</tr>", table.group(0), re.DOTALL) if "ECO-01" in row)
    sources = " ".join(re.sub(r"<[^>]+>", " ", re.findall(r"<td[^>]*>(.*?)</td>", eco01, re.DOTALL)[-1]).split())
    assert sources == "2022: APBD 2023: CSR" and cells[7] == "APBD", (sources, cells[7])


def test_a_captioned_chapter_table_carries_the_books_number(sample_build: Path) -> None:
    html = read(sample_build / "build" / "site", "chapter/gambaran-umum.html")
    assert '<table id="tab-swot"><caption id="tab-swot-caption">Tabel 2.1 Analisis SWOT Kota Pasuruan</caption>' in html
    assert 'dirangkum dalam <a href="../chapter/gambaran-umum.html#tab-swot">Tabel 2.1</a>' in html
    assert "Tabel: Analisis SWOT" not in html and "(tab:swot)" not in html
    assert "Tabel 2.2 Analisis kesiapan" in html


def test_a_table_of_chapter_text_is_in_a_named_box_that_scrolls_as_the_sites_own_tables_are(build: Build) -> None:
    """A Markdown table was a bare <table> styled to scroll by itself: no name for its box, no keyboard stop, no
    cue that it scrolls. Each is now in the box the generated tables have, named by its caption (shown above it
    as its title) or, without one, as a table; a link in the caption is not repeated in the title, which screen
    readers skip."""
    chapter = """\
        ---
        title: Pendahuluan
        ---
        | Tahun | Nilai |
        |---|---|
        | 2023 | 1 |

        Tabel: Capaian [[GOV-01]] per tahun (tab:capaian)

        | Tanpa | Judul |
        |---|---|
        | a | b |
        """
    html = read(build({"content/chapters/01-pendahuluan.md": chapter}), "chapter/pendahuluan.html")
    boxes = re.findall(r'<div class="table-scroll" role="region" ([^>]*) tabindex="0" '
                       r'data-hint="Geser ke samping untuk melihat semua kolom">\s*(.*?)</div>', html, re.DOTALL)
    assert len(boxes) == 2, html
    (named, captioned), (unnamed, bare) = boxes
    assert named == 'aria-labelledby="tab-capaian-caption"'
    title = re.match(r'<p class="table-title" aria-hidden="true" data-pagefind-ignore>(Tabel 1\.1 Capaian GOV-01 per '
                     r'tahun)</p>\s*<table id="tab-capaian"><caption id="tab-capaian-caption">Tabel 1\.1 Capaian '
                     r'<a href="../program/GOV-01.html"[^>]*>GOV-01</a> per tahun</caption>', captioned)
    assert title, captioned
    assert unnamed == 'aria-label="Tabel"' and bare.startswith("<table>") and bare.rstrip().endswith("</table>")


def test_the_glossary_jumps_to_each_first_letter(sample_build: Path) -> None:
    """Some 90 terms in one column, 8,000 px long on a phone: a row of initials leads to each letter's first term."""
    html = read(sample_build / "build" / "site", "glossary.html")
    nav = re.search(r'<nav class="az" aria-label="Istilah menurut huruf awal">(.*?)</nav>', html, re.DOTALL)
    assert nav
    links = re.findall(r'<a href="#([\w-]+)">(\w)</a>', nav.group(1))
    terms = re.findall(r'<dt id="term-[\w-]+">(?:<a [^>]*>)?([^<]+)', html)
    assert [letter for _, letter in links] == sorted({term[0].upper() for term in terms}) and len(links) > 10
    for anchor, letter in links:
        first = re.search(rf'<h2 class="letter" id="{anchor}">{letter}</h2>\s*<dl class="glossary">\s*<div><dt id="term-[\w-]+">(?:<a [^>]*>)?([^<]+)', html)
        assert first, anchor
        assert first.group(1)[0].upper() == letter
        assert terms.index(first.group(1)) == min(i for i, term in enumerate(terms) if term[0].upper() == letter)


def test_a_glossary_terms_anchor_is_its_words_and_an_agency_leads_to_its_page(sample_build: Path) -> None:
    """Terms were anchored by their place (term-1-4): a link to one led elsewhere once a term was added before
    it; the agencies' short names did not lead to the agencies' pages."""
    html = read(sample_build / "build" / "site", "glossary.html")
    assert '<dt id="term-apbd">APBD</dt>' in html
    assert '<dt id="term-dinkes"><a href="agency/dinkes.html">Dinkes</a></dt>' in html
    ids = re.findall(r'<dt id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) > 60 and not [i for i in ids if re.fullmatch(r"term-[\d-]+", i)]


def test_a_glossary_term_that_names_a_program_leads_to_its_page(sample_build: Path) -> None:
    """KIPAS, e-Sambat: the glossary explained the city's apps without a way to their programs. A term that is a
    program's name, or its part before a colon or a bracket, or within its closing bracket, leads there now; a term
    only used in names ("UMKM" of "… Akses Pembiayaan UMKM") does not; nor does the city's name around it
    ("Pasuruan" of "Pasuruan Command Center"). An abbreviation whose definition spells out a program's name leads
    to it too ("PSC 119": "Public Safety Center 119; …")."""
    site = sample_build / "build" / "site"
    html = read(site, "glossary.html")
    entries = dict(re.findall(r'<dt id="term-[\w-]+">(?:<a [^>]*>)?([^<]+)(?:</a>)?</dt> <dd>(.*?)</dd>', html))
    named = {term: re.search(r'<span class="glossary-program">Program: <a href="([^"]+)"><span class="code">([A-Z]+-\d+)'
                             r'</span> ([^<]+)</a></span>$', meaning) for term, meaning in entries.items()}
    linked = {term: found.groups() for term, found in named.items() if found}
    assert linked["KIPAS"] == ("program/BRD-01.html", "BRD-01", "KIPAS: Aplikasi Jelajah Kota Pasuruan")
    assert linked["e-Sambat"][1:] == ("GOV-01", "e-Sambat (Media Sambat Masyarakat)")
    assert linked["ATCS"][1:] == ("LIV-04", "Area Traffic Control System (ATCS)")
    # "Command center" named no program, the city's name before it in "Pasuruan Command Center" (GOV-13 builds it)
    assert linked["Command center"][1:] == ("GOV-13", "Pasuruan Command Center")
    # "PSC 119" is no program's name: its definition spells out LIV-08's bracket, "Public Safety Center 119"
    assert linked["PSC 119"][1:] == ("LIV-08", "Layanan Gawat Darurat Terpadu (Public Safety Center 119)")
    assert set(linked) == {"KIPAS", "e-Sambat", "ATCS", "Smart Go", "Command center", "PSC 119"}, linked  # not UMKM …
    for href, code, name in linked.values():  # each leads to its program's page
        page = read(site, href)
        assert f"<h1>{name}</h1>" in page and code in page


def test_a_pillars_goals_are_numbered_as_in_the_book(sample_build: Path) -> None:
    """The book numbers a pillar's goals (Tujuan: 1., 2., …); its page bulleted them, so "tujuan 2" of a meeting
    could not be found on the site. The page's list is ordered, numbered from 1, its goals in the book's order."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    with plumbed(sample_build / "build" / "masterplan.pdf") as pdf:  # pypdf leaves the book's list numbers out
        book = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    site = sample_build / "build" / "site"
    for pillar in plan.pillars:
        if not pillar.goals:
            continue
        page = read(site, f"pillar/{pillar.id}.html")
        listed = re.search(r'<h2 id="goals"[^>]*>.*?</h2>\s*<(\w+) class="goals">(.*?)</\1>', page, re.DOTALL)
        assert listed and listed.group(1) == "ol", (pillar.id, listed and listed.group(1))
        goals = [unescape(goal) for goal in re.findall(r"<li>(.*?)</li>", listed.group(2), re.DOTALL)]
        assert goals == [str(goal) for goal in pillar.goals]
        for number, goal in enumerate(goals, 1):  # the book's number before each: "2. Aduan warga …"
            assert f"{number}. {' '.join(goal.split()[:3])}" in book, (pillar.id, number, goal)


def test_a_draft_s_revision_history_says_in_words_that_it_is_not_adopted(sample_build: Path) -> None:
    """The sample's versions 0.9 and 1.0, neither adopted: "Ditetapkan dengan" showed a dash in each row, its words
    "Belum ditetapkan" for screen readers only. The version the site shows says them to the eye; the draft before it
    keeps its dash."""
    html = read(sample_build / "build" / "site", "index.html")
    rows = [(version, re.findall(r"<td>(.*?)</td>", cells)[-1]) for version, cells in re.findall(
        r'<tr><th scope="row">([\d.]+)</th>(.*?)</tr>', html.split('id="revision-history"')[1], re.DOTALL)]
    assert rows == [("0.9", '<span aria-hidden="true">–</span><span class="visually-hidden">Belum ditetapkan</span>'),
                    ("1.0", '<span class="muted">Belum ditetapkan</span>')], rows


def test_home_shows_vision_missions_and_legal_basis(mini_site: Path) -> None:
    html = read(mini_site, "index.html")
    assert "Kota cerdas yang melayani." in html and "Ekonomi yang tumbuh" in html
    assert "Landasan Hukum" in html
    assert "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in html


def test_home_counts_the_agencies_involved_as_the_summary_does(build: Build) -> None:
    """An agency of the city with no program to lead, support or partner is not involved: the home page's figure says 2
    of the mini plan's three agencies, as the executive summary's key figures do (it said 3)."""
    idle = "id: satpolpp\nname: Satuan Polisi Pamong Praja\nshort_name: Satpol PP\nkind: badan\nprograms: []\n"
    html = read(build({"content/agencies/satpolpp.yml": idle}), "index.html")
    block = html[html.index('<dl class="figures">'):]
    shown = dict(re.findall(r"<dt>([^<]+)</dt> <dd>([^<]+)</dd>", block[:block.index("</dl>")]))
    assert shown == {"Program": "2", "Indikasi anggaran": "Rp 750 juta", "Quick Win": "2", "Perangkat daerah terlibat": "2"}
    # a regional enterprise (BUMD) taking part is no perangkat daerah: the figure names both
    enterprise = idle.replace("kind: badan", "kind: bumd").replace("programs: []", "supports: [ECO-01]\nprograms: []")
    html = read(build({"content/agencies/satpolpp.yml": enterprise}), "index.html")
    assert "<dt>Perangkat daerah dan BUMD terlibat</dt> <dd>3</dd>" in html


def test_pages_are_indonesian_and_link_relatively(mini_site: Path) -> None:
    for path in mini_site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        assert '<html lang="id">' in html
        assert "Langsung ke isi utama" in html and "Skip to main content" not in html
        for url in re.findall(r'(?:href|src|action)="([^"]*)"', html):
            assert not url.startswith(("/", "http:", "https:")), f"{path.name}: {url}"
        assert "<caption" in html or "<table" not in html
        assert 'scope="' in html or "<th" not in html


def test_chapter_references_become_relative_links(mini_site: Path) -> None:
    html = read(mini_site, "chapter/pendahuluan.html")
    # the program's code, as the book prints it ("e-Sambat (GOV-01)", not "e-Sambat (e-Sambat (…) (GOV-01))"),
    # its name shown on hover
    assert 'e-Sambat <a href="../program/GOV-01.html" title="e-Sambat (Media Sambat Masyarakat)">GOV-01</a>.' in html
    assert "2 program dari 2 OPD" in html  # Jinja in chapter text filled in
    assert ('<h2 id="latar-belakang"><span class="secnum" id="bab-pendahuluan-1">1.1</span> Latar Belakang</h2>'
            in html)  # numbered as the book numbers it


def test_references_to_a_pillars_tables_link_to_them(build: Build) -> None:
    """[[tab:indicators-governance]] printed "Tabel 4.1" as plain text on the site (the book gives its page)."""
    chapter = """\
        ---
        title: Pendahuluan
        ---
        Lihat [[tab:indicators-governance]] dan [[tab:program-governance]].
        """
    site = build({"content/chapters/01-pendahuluan.md": chapter})
    html = read(site, "chapter/pendahuluan.html")
    found = re.search(r'<a href="\.\./pillar/governance\.html#indicators">Tabel \d+\.1</a> dan '
                      r'<a href="\.\./pillar/governance\.html#programs">(Tabel \d+\.2)</a>', html)
    assert found, html[-1500:]
    # where the link leads, the page says which table it is: its programs stand in a table per sub-element there,
    # none numbered, and "Tabel 4.2" was nowhere on it; a site built without the PDF claims none ("Dalam buku PDF")
    pillar = read(site, "pillar/governance.html")
    after = pillar.split('id="programs"', 1)[1].split("<section", 1)[0]
    assert f"Dalam buku: {found.group(1)} Matriks program Smart Governance" in after, after
    assert "PDF" not in after and "<a " not in after


def test_a_pillar_page_opens_the_pdf_at_its_program_matrix(sample_build: Path) -> None:
    """A pillar page said "Dalam buku PDF: Tabel 6.2 …" without a link to the PDF, and said it on a site built
    without one too. Where the site links the PDF, the table's name opens the PDF at the page that shows it, and
    says that it downloads the whole book (a phone saves it rather than open it at the table)."""
    import pypdf

    site = sample_build / "build" / "site"
    said = read(site, "pillar/governance.html").split('id="programs"', 1)[1].split("<section", 1)[0]
    link = re.search(r'<p class="from-chapter">Dalam buku PDF: <a href="([^"#]+)#nameddest=([\w-]+)" '
                     r'type="application/pdf">([^<]+)</a> <span class="file-size">\(seluruh buku, PDF\)</span></p>', said)
    assert link, said
    assert (site / "pillar" / link.group(1)).resolve() == (site / "download" / "masterplan.pdf").resolve()
    reader = pypdf.PdfReader(site / "download" / "masterplan.pdf")
    page = reader.pages[reader.get_destination_page_number(reader.named_destinations[link.group(2)])]
    assert link.group(3).startswith("Tabel ") and link.group(3) in " ".join(page.extract_text().split())


def test_a_signed_chapter_ends_with_its_signatory(build: Build) -> None:
    chapter = """\
        ---
        title: Kata Pengantar
        part: front
        signed: {place: Pasuruan, date: Desember 2021, role: {id: Wali Kota Pasuruan, en: Mayor of Pasuruan},
                 name: Nama Wali Kota, id_number: NIP 197001012000011001}
        ---
        Puji syukur.
        """
    html = read(build({"content/chapters/00-kata-pengantar.md": chapter}), "chapter/kata-pengantar.html")
    block = html.split('<div class="signature">', 1)[1].split("</div>", 1)[0]
    assert [line.strip() for line in re.findall(r"<p[^>]*>([^<]*)</p>", block)] == [
        "Pasuruan, Desember 2021", "Wali Kota Pasuruan,", "Nama Wali Kota", "NIP 197001012000011001"]


def test_base_url_adds_canonical_links_and_a_sitemap(build: Build) -> None:
    folder = build(base_url="https://smartcity.example.go.id/masterplan")
    assert '<link rel="canonical" href="https://smartcity.example.go.id/masterplan/program/GOV-01.html">' in read(
        folder, "program/GOV-01.html")
    sitemap = read(folder, "sitemap.xml")
    assert "<loc>https://smartcity.example.go.id/masterplan/pillar/economy.html</loc>" in sitemap
    assert "404.html" not in sitemap and "search.html" not in sitemap
    # the home page has one address, the site's, which the city gives out: not a second one ending index.html
    home = read(folder, "index.html")
    assert '<link rel="canonical" href="https://smartcity.example.go.id/masterplan/">' in home
    assert '<meta property="og:url" content="https://smartcity.example.go.id/masterplan/">' in home
    assert "<loc>https://smartcity.example.go.id/masterplan/</loc>" in sitemap and "index.html" not in sitemap
    assert '<link rel="canonical" href="https://smartcity.example.go.id/masterplan/program/">' in read(
        folder, "program/index.html")  # and a folder's list of its pages, the folder's


def test_an_agency_page_does_not_name_the_agency_as_lead_on_every_row_of_its_own_programs(mini_site: Path) -> None:
    html = read(mini_site, "agency/diskominfo.html")
    led = html.split('id="agency-led"', 1)[1].split("</table>", 1)[0]
    assert "e-Sambat" in led and "Perangkat daerah pengampu" not in led and 'href="../agency/diskominfo.html"' not in led
    supported = read(mini_site, "agency/bpkad.html").split('id="agency-supported"', 1)[1].split("</table>", 1)[0]
    assert "Perangkat daerah pengampu" in supported and 'href="../agency/diskominfo.html"' in supported


def test_codes_are_listed_in_number_order_and_a_one_year_program_shows_its_year_once(build: Build) -> None:
    """GOV-9 before GOV-10 (not GOV-10, GOV-11, GOV-9 as text sorts), in the file's order or not."""
    programs = "".join(f"""
          - id: GOV-{number}
            name: Layanan {number}
            pillar: governance
            sub_element: pelayanan_publik
            period: {{start: 2023, end: {2023 if number == 9 else 2024}}}
            budget: [{{year: 2023, amount: 100000000, source: APBD}}]
            indicators: [{{name: Pengguna {number}, unit: orang, baseline: {{year: 2021, value: 1}}, targets: {{2023: 5}}}}]
""" for number in (11, 9, 10))
    site = build({"content/agencies/dinasbesar.yml": "id: dinasbesar\nname: Dinas Besar\nshort_name: DinasBesar\n"
                                                      "kind: dinas\nprograms:" + programs})
    for page in ("agency/dinasbesar.html", "pillar/governance.html", "program/index.html"):
        listed = re.findall(r">(GOV-\d+)<", read(site, page))
        assert [code for code in listed if code != "GOV-01"][:3] == ["GOV-9", "GOV-10", "GOV-11"], (page, listed)
    years = read(site, "program/GOV-9.html").split("Tahun pelaksanaan", 1)[1][:80]
    assert "2023" in years and "2023–" not in years
    assert "2023–2024" in read(site, "program/GOV-10.html")


def test_the_404_page_links_from_the_sites_folder_when_it_is_known(build: Build, mini_site: Path) -> None:
    """A web server shows 404.html for a missing page at any depth (program/gone/page.html): relative
    links would lead nowhere there, so with --base-url they start from the site's folder on the host
    (/masterplan/), not from the public address: a staging host serving that folder shows the page whole."""
    html = read(build(base_url="https://smartcity.example.go.id/masterplan/"), "404.html")
    assert re.search(r'<link rel="stylesheet" href="/masterplan/static/site.css\?v=\w+">', html)
    assert 'href="/masterplan/index.html"' in html and 'href="/masterplan/pillar/economy.html"' in html
    assert not re.findall(r'(?:href|src)="(?!/masterplan/|#|data:)([^"]+)"', html)
    assert "smartcity.example.go.id" not in html.split("</head>", 1)[1]
    at_the_root = read(build(base_url="https://smartcity.example.go.id"), "404.html")
    assert re.search(r'<link rel="stylesheet" href="/static/site.css\?v=\w+">', at_the_root)
    assert re.search(r'<link rel="stylesheet" href="static/site.css\?v=\w+">', read(mini_site, "404.html"))  # from the root


def test_the_404_page_is_for_no_search_engine(build: Build) -> None:
    """404.html named itself as canonical address (and og:url) and asked for no noindex: a search engine
    could list "Page not found" as a page of the plan."""
    html = read(build(base_url="https://smartcity.example.go.id/masterplan/"), "404.html")
    head = html.split("</head>", 1)[0]
    assert '<meta name="robots" content="noindex">' in head
    assert 'rel="canonical"' not in head and "og:url" not in head


#: chapters carrying the parts the menu's own pages show: those pages are left out of search, which lists the chapter
PART_CHAPTERS = {f"content/chapters/0{number}-{name}.md": f"---\ntitle: {name}\ngenerated: {part}\n---\nIsi.\n"
                 for number, (part, name) in enumerate({"quick_wins": "quick-wins", "roadmap": "peta-jalan",
                                                        "budget": "pembiayaan", "agencies": "sinkronisasi"}.items(), 2)}


def test_the_sitemap_lists_every_page_of_its_own_address(build: Build) -> None:
    """The sitemap listed the pages search lists, so it left out the agencies, quick wins, roadmap and budget
    pages when a chapter shows the same part. It lists every page whose canonical link names itself: not the
    404 page, a renamed program's former address, nor the search form."""
    address = "https://kota.go.id/smartcity/"
    site = build({**RENAMED, **PART_CHAPTERS}, base_url=address)
    listed = {f"{found}index.html" if found.endswith("/") or not found else found  # an index: its folder's address
              for found in re.findall(rf"<loc>{re.escape(address)}([^<]*)</loc>", read(site, "sitemap.xml"))}
    pages = {path.relative_to(site).as_posix() for path in site.rglob("*.html") if "pagefind" not in path.parts}
    own = {page for page in pages
           if f'<link rel="canonical" href="{address}{page.removesuffix("index.html")}">' in read(site, page)}
    assert {"agency/index.html", "quick-wins.html", "roadmap.html", "budget.html"} <= listed
    assert listed == own - {"search.html"}
    assert not listed & {"404.html", "program/GOV-01.html"}  # GOV-01: GOV-21's former address


def test_the_public_address_in_plan_yml_serves_every_build(make_plan: Callable[..., Path]) -> None:
    """A weekly build without --base-url dropped the canonical links and the sitemap of the published site."""
    root = make_plan()
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "base_url: https://smartcity.example.go.id/mp/\n",
                        encoding="utf-8")
    assert run(root, BuildOptions(pdf=False)).ok
    site = root / "build" / "site"
    assert '<link rel="canonical" href="https://smartcity.example.go.id/mp/">' in read(site, "index.html")
    assert "<loc>https://smartcity.example.go.id/mp/pillar/economy.html</loc>" in read(site, "sitemap.xml")
    assert run(root, BuildOptions(pdf=False, base_url="https://other.example.go.id/")).ok  # the command line wins
    assert '<link rel="canonical" href="https://other.example.go.id/">' in read(site, "index.html")


def test_no_sitemap_without_base_url_and_the_build_says_so(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    built = run(root, BuildOptions(pdf=False, search=False))
    site = root / "build" / "site"
    assert not (site / "sitemap.xml").exists()
    assert "canonical" not in read(site, "index.html")
    said = " ".join(map(str, built.summary))
    assert "No public address (base_url in plan.yml, or --base-url): no sitemap.xml" in said
    published = run(root, BuildOptions(pdf=False, search=False, base_url="https://kota.example.go.id/smartcity/"))
    assert "No public address" not in " ".join(map(str, published.summary))


def test_previous_pdf_is_linked_when_the_pdf_is_not_rebuilt(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    first = run(root, BuildOptions(pdf=False))
    assert first.ok and "The website links no PDF: none has been built yet" in " ".join(map(str, first.summary))
    assert "download/masterplan.pdf" not in read(root / "build" / "site", "index.html")
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF-1.7 previous")
    second = run(root, BuildOptions(pdf=False))
    assert second.ok  # when, as the message's language writes a day and a time (not 2026-11-30 07:08)
    said = " ".join(map(str, second.summary))
    assert re.search(r"The website links the PDF built \d{1,2} [A-Z][a-z]+ 20\d\d \d\d:\d\d,", said), said  # British
    in_indonesian = " ".join(line.say(Translator("id")) for line in second.summary if isinstance(line, Message))
    assert re.search(r"menautkan PDF hasil build \d{1,2} [A-Z][a-z]+ 20\d\d \d\d\.\d\d;", in_indonesian), in_indonesian
    assert not re.search(r"Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember", said)  # English months only
    assert (root / "build" / "site" / "download" / "masterplan.pdf").read_bytes() == b"%PDF-1.7 previous"
    assert 'href="../download/masterplan.pdf"' in read(root / "build" / "site", "program/GOV-01.html")


def test_a_pdf_of_another_plan_linked_without_the_pdf_build_is_a_warning(make_plan: Callable[..., Path]) -> None:
    """A plan started from the sample, its city renamed and built with --no-pdf, offered the sample's PDF for
    download: Pasuruan 30 times in a book the site said was Probolinggo's, and --strict passed."""
    from pypdf import PdfWriter

    from masterplan.project import load_and_check
    root = make_plan()

    def last_pdf(title: str) -> None:
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        writer.add_metadata({"/Title": title})
        (root / "build").mkdir(exist_ok=True)
        with open(root / "build" / "masterplan.pdf", "wb") as file:
            writer.write(file)

    last_pdf("Masterplan Smart City Kota Pasuruan 2022–2031")
    built = run(root, BuildOptions(pdf=False, search=False))
    warned = [d for d in built.report.warnings if d.code == "W702"]
    assert len(warned) == 1 and warned[0].position.file == "content/plan.yml", warned
    assert "titled 'Masterplan Smart City Kota Pasuruan 2022–2031'" in str(warned[0].message)
    assert not run(root, BuildOptions(pdf=False, search=False, strict=True)).ok
    plan = load_and_check(root).plan
    assert plan is not None
    last_pdf(plan.title.get(plan.language))
    assert [d for d in run(root, BuildOptions(pdf=False, search=False)).report.warnings if d.code == "W702"] == []
    damaged = (root / "build" / "masterplan.pdf").read_bytes()
    (root / "build" / "masterplan.pdf").write_bytes(damaged[: len(damaged) // 2])  # pypdf meets many kinds of damage
    assert run(root, BuildOptions(pdf=False, search=False)).ok


def test_a_pillar_can_have_its_own_colour_in_the_site_and_the_book(make_plan: Callable[..., Path]) -> None:
    """A second city's pillar colours were fixed in the code: its brand's red could not be a pillar's."""
    from conftest import MINI_FILES

    from masterplan.project import load_and_check
    from masterplan.render.charts import RoadmapWords, pillar_colours, roadmap
    pillar = MINI_FILES["content/pillars/governance.yml"].replace("order: 1\n", 'order: 1\n        colour: "#8B1A1A"\n')
    root = make_plan({"content/pillars/governance.yml": pillar})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    assert "--pillar: #8b1a1a" in read(root / "build" / "site", "pillar/governance.html")
    plan = load_and_check(root).plan
    assert plan is not None and pillar_colours(plan)["governance"] == "#8b1a1a"
    assert 'fill="#8b1a1a"' in roadmap(plan, RoadmapWords("Peta jalan", "Quick win", str))  # the book's roadmap


def test_the_download_links_say_the_pdfs_size(make_plan: Callable[..., Path]) -> None:
    """A reader on a phone plan decides before downloading; a new PDF's size shows even when the
    content (and so every page's key) did not change."""
    root = make_plan()
    (root / "build").mkdir(exist_ok=True)
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF-1.7" + b" " * 2_345_670)
    assert run(root, BuildOptions(pdf=False)).ok
    site = root / "build" / "site"
    assert re.search(r'download="[^"]+">Unduh dokumen \(PDF, 2,3\s+MB\)</a>', read(site, "index.html"))
    assert re.search(r"dokumen masterplan \(PDF, 2,3\s+MB\)", read(site, "data.html"))
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF-1.7" + b" " * 449_600)
    assert run(root, BuildOptions(pdf=False)).ok  # from the cache: nothing in content/ changed
    assert re.search(r"Unduh dokumen \(PDF, 450\s+kB\)", read(site, "index.html"))
    assert re.search(r"dokumen masterplan \(PDF, 450\s+kB\)", read(site, "data.html"))


def test_a_pdf_is_saved_under_the_plans_city_years_and_version(make_plan: Callable[..., Path]) -> None:
    """Every city's site served masterplan.pdf: an archivist or a council member who downloaded two cities' plans,
    or the draft and the adopted one, had masterplan.pdf and masterplan(1).pdf. The links ask the browser to save it
    under the city, the years, the version and, while it is one, "draf"."""
    root = make_plan()
    (root / "build").mkdir(exist_ok=True)
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF-1.7" + b" " * 2000)
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    site = root / "build" / "site"
    for page in ("index.html", "data.html", "program/GOV-01.html"):
        assert 'download="masterplan-kota-contoh-2022-2026-v0.1-draf.pdf"' in read(site, page), page
    assert ">masterplan-kota-contoh-2022-2026-v0.1-draf.pdf</a>" in read(site, "data.html")
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("status: draft", "status: final").replace(
        'version: "0.1"', 'version: "1.0 (revisi)"'), encoding="utf-8")
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    assert 'download="masterplan-kota-contoh-2022-2026-v1.0-revisi.pdf"' in read(site, "index.html")
    # the English edition of the same plan: both downloaded, one was saved over the other
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "language: en\nwritten_in: id\n", encoding="utf-8")
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    assert 'download="masterplan-kota-contoh-2022-2026-v1.0-revisi-en.pdf"' in read(site, "index.html")


def test_broken_theme_override_is_a_diagnostic_not_a_traceback(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"templates/site/program.html":
                      "{% extends 'site/base.html' %}\n{% block main %}\n{{ nope.x }}{% endblock %}"})
    result = run(root, BuildOptions(pdf=False))
    assert not result.ok
    failed = [d for d in result.report.errors if d.code == "E702" and "program/GOV-01.html" in d.message]
    assert failed and str(failed[0].position) == "templates/site/program.html:3:1"  # the override's own line
    assert not [d for d in result.report if d.code.startswith("W71")]  # no search index of a failed site


def test_a_theme_override_naming_a_field_the_plan_lacks_is_said_in_the_plans_words(
        make_plan: Callable[..., Path]) -> None:
    """A footer override's {{ plan.kota }} failed the build with Python's "'masterplan.model.Plan object' has no
    attribute 'kota'", in English whatever the plan's language, where a chapter is told to write 'city'."""
    footer = (theme_dir() / "site" / "footer.html").read_text(encoding="utf-8")
    assert "{{ plan.title | t_lang }}" in footer
    root = make_plan({"templates/site/footer.html": footer.replace("{{ plan.title | t_lang }}", "{{ plan.kota }}", 1)})
    result = run(root, BuildOptions(pdf=False, search=False))
    failed = [d for d in result.report.errors if d.code == "E702"]
    assert failed and all(d.position.file == "templates/site/footer.html" for d in failed)
    assert failed[0].message.endswith(": a plan has no field 'kota'"), failed[0].message
    assert failed[0].hint == "field names are English: did you mean 'city'?"


def test_an_override_written_for_an_older_theme_is_told_what_replaced_its_name(make_plan: Callable[..., Path]) -> None:
    """A plan's site/chapter.html copied from the theme before chapter pages lost 'toc' failed with
    Jinja's bare "'toc' is undefined"; the hint now says what makes the contents list instead."""
    root = make_plan({"templates/site/chapter.html": "{% extends 'site/base.html' %}\n{% block main %}\n"
                      "{% if toc | length > 2 %}{{ toc }}{% endif %}{{ content }}{% endblock %}"})
    result = run(root, BuildOptions(pdf=False))
    [failed] = {d.hint for d in result.report.errors if d.code == "E702"}
    assert failed == ("chapter pages no longer get 'toc': the theme's site/chapter.html makes the contents list with "
                      "anchor_headings(); compare your copy with it")


def test_parallel_rendering_writes_the_same_site(make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    root = make_plan()
    assert run(root, BuildOptions(pdf=False, jobs=1)).ok
    serial = {p.relative_to(root / "build" / "site"): p.read_bytes() for p in (root / "build" / "site").rglob("*.html")
              if "pagefind" not in p.parts}
    monkeypatch.setattr(site_workers, "PAGES_PER_WORKER", 1)
    assert run(root, BuildOptions(pdf=False, jobs=2)).ok
    parallel = {p.relative_to(root / "build" / "site"): p.read_bytes() for p in (root / "build" / "site").rglob("*.html")
                if "pagefind" not in p.parts}
    assert parallel == serial


def test_pages_list_their_content_inputs(mini_plan: Path) -> None:
    from masterplan.project import load_and_check
    from masterplan.render.site_pages import all_pages

    plan = load_and_check(mini_plan).plan
    assert plan is not None
    pages = {p.path: p for p in all_pages(plan, lambda m, **k: m, [])}
    assert "content/agencies/bpkad.yml" in pages["program/GOV-01.html"].inputs  # a partner
    assert "content/agencies/diskominfo.yml" in pages["program/ECO-01.html"].inputs  # its prerequisite
    assert pages["index.html"].inputs == ("*",)


def test_every_site_word_is_in_the_catalog() -> None:
    catalog = load_catalog()
    words = set()
    for path in (theme_dir() / "site").rglob("*.html"):
        words |= set(re.findall(r'_\("([^"]+)"', path.read_text(encoding="utf-8")))
        words |= set(re.findall(r"_\('([^']+)'", path.read_text(encoding="utf-8")))
    from masterplan.render.data import JSON_FIELDS
    from masterplan.render.data_tables import COLUMNS, NOTES, TITLES
    words |= {d for columns in COLUMNS.values() for _, d in columns} | {d for _, d in JSON_FIELDS}
    words |= set(NOTES.values()) | set(TITLES.values())
    assert len(words) > 100 and sorted(w for w in words if "id" not in catalog.get(w, {})) == []


def test_chapter_contents_list_shows_headings_as_written(build: Build) -> None:
    site = build({"content/chapters/01-pendahuluan.md": "---\ntitle: Pendahuluan\n---\n"
                                                                  + "".join(f"## Bagian {n}\n\nIsi.\n\n" for n in range(3))
                                                                  + "## Riset & Pengembangan\n\nIsi.\n"})
    html = read(site, "chapter/pendahuluan.html")
    assert "Riset &amp; Pengembangan</a>" in html  # escaped once, so a reader sees "&"
    assert "&amp;amp;" not in html


def test_csv_cells_never_run_as_spreadsheet_formulas(build: Build) -> None:
    from conftest import MINI_FILES
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "name: e-Sambat (Media Sambat Masyarakat)", "name: \"=HYPERLINK(\\\"http://x\\\")\"")
    site = build({"content/agencies/diskominfo.yml": agency})
    rows = read(site, "data/programs.csv")
    assert "'=HYPERLINK" in rows and "\n=HYPERLINK" not in rows and ",=HYPERLINK" not in rows
    import openpyxl
    name = openpyxl.load_workbook(site / "data" / "plan.xlsx")["Program"]["B2"]
    assert (name.value, name.data_type) == ('=HYPERLINK("http://x")', "s")  # shown as written: text, not a formula


def test_chapter_images_are_published_with_the_site(build: Build) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    site = build({"content/assets/peta.svg": svg,
                  "content/chapters/01-pendahuluan.md": "---\ntitle: Pendahuluan\n---\n![Peta kota](assets/peta.svg)\n"})
    html = read(site, "chapter/pendahuluan.html")
    assert '<img alt="Peta kota" src="../assets/peta.svg">' in html
    assert (site / "chapter" / "../assets/peta.svg").resolve().read_text(encoding="utf-8") == svg


def test_compiled_templates_are_kept_between_runs_and_never_stale(make_plan: Callable[..., Path],
                                                                   tmp_path: Path) -> None:
    """A second process uses the compiled theme; an edited override is compiled again, not served stale."""
    import os
    import subprocess
    import sys

    cache_home = tmp_path / "xdg-cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    override = "{% extends '!theme/site/program.html' %}{% block description %}MARK-{}{% endblock %}"
    root = make_plan({"templates/site/program.html": override.replace("{}", "ONE")})

    def build() -> str:
        command = [sys.executable, "-m", "masterplan", "build", "--no-pdf", "--no-search", "--no-cache", str(root)]
        subprocess.run(command, env=env, check=True, capture_output=True)
        return read(root / "build" / "site", "program/GOV-01.html")

    assert "MARK-ONE" in build()
    compiled = list(cache_home.glob("masterplan/templates-*/*.cache"))
    assert len(compiled) >= 10  # the theme's pages, parts and macros, and the override
    assert "MARK-ONE" in build()
    (root / "templates" / "site" / "program.html").write_text(override.replace("{}", "TWO"), encoding="utf-8")
    page = build()
    assert "MARK-TWO" in page and "MARK-ONE" not in page


def test_compiled_templates_of_versions_unused_for_a_month_are_deleted(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each tool and Jinja version compiles into a folder of its own; they piled up (43 on one machine)."""
    import os
    import time

    from masterplan.render.theme import compiled_templates

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = tmp_path / "masterplan"
    ages = {"templates-0.0.1-aaaa-jinja3.1.5": (40, 40), "templates-0.0.2-bbbb-jinja3.1.6": (2, 2),
            "templates-0.0.3-cccc-jinja3.1.6": (40, 3), "hyphenation": (90, 90)}  # (folder, its file), days ago
    for name, (folder_days, file_days) in ages.items():
        (cache / name).mkdir(parents=True)
        (cache / name / "x.cache").write_bytes(b"old")
        for path, days in ((cache / name / "x.cache", file_days), (cache / name, folder_days)):
            when = time.time() - days * 24 * 3600
            os.utime(path, (when, when))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (cache / "templates-linked").symlink_to(elsewhere)
    assert compiled_templates() is not None

    def left() -> list[str]:
        return sorted(path.name for path in cache.iterdir() if not path.name.startswith("."))

    assert "templates-0.0.1-aaaa-jinja3.1.5" not in left()
    kept = {"templates-0.0.2-bbbb-jinja3.1.6", "templates-0.0.3-cccc-jinja3.1.6", "hyphenation", "templates-linked"}
    assert kept <= set(left()) and len(left()) == 5 and elsewhere.is_dir(), left()
    current = next(cache / name for name in left() if name not in ages)
    assert time.time() - current.stat().st_mtime < 60
    # the folders are looked at once a day, not on every run
    month_ago = time.time() - 40 * 24 * 3600
    for path in (cache / "templates-0.0.2-bbbb-jinja3.1.6" / "x.cache", cache / "templates-0.0.2-bbbb-jinja3.1.6"):
        os.utime(path, (month_ago, month_ago))
    assert compiled_templates() is not None
    assert "templates-0.0.2-bbbb-jinja3.1.6" in left()
    for marker in cache.glob(".swept-*"):
        yesterday = time.time() - 25 * 3600
        os.utime(marker, (yesterday, yesterday))
    assert compiled_templates() is not None
    assert "templates-0.0.2-bbbb-jinja3.1.6" not in left()
    (cache / "templates-0.0.4-dddd-jinja3.1.6").mkdir()
    os.utime(cache / "templates-0.0.4-dddd-jinja3.1.6", (month_ago, month_ago))
    for marker in cache.glob(".swept-*"):  # a mark from the future (a clock set back) is no mark
        next_year = time.time() + 365 * 24 * 3600
        os.utime(marker, (next_year, next_year))
    assert compiled_templates() is not None
    assert "templates-0.0.4-dddd-jinja3.1.6" not in left()


def test_compiled_templates_carry_no_language_from_one_plan_to_another(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two plans in two languages share the compiled-template cache; each still gets its own formats."""
    from masterplan.render.theme import Theme, environment

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    override = tmp_path / "plan" / "templates" / "site" / "amount.html"
    override.parent.mkdir(parents=True)
    override.write_text("{{ 1234.5 | number }} {{ 2500000000 | rupiah_short }}", encoding="utf-8")
    theme = Theme.for_plan(tmp_path / "plan")
    environment.cache_clear()
    try:
        assert environment(theme, "id").get_template("site/amount.html").render() == "1.234,5 Rp 2,50 miliar"
        assert list((tmp_path / "cache").rglob("*.cache"))  # compiled and kept
        environment.cache_clear()
        assert environment(theme, "en").get_template("site/amount.html").render() == "1,234.5 Rp 2.50 billion"
    finally:
        environment.cache_clear()


def _toc_and_headings(html: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """A page's "On this page" list as (level, anchor, text), and the h2/h3 of its main part after that list."""
    toc = re.search(r'<nav class="toc" aria-labelledby="toc-title">(.*?)</nav>(.*)</main>', html, re.DOTALL)
    assert toc, "the page has a contents list"
    listed = [(level, anchor, re.sub(r"<[^>]+>", "", text))  # a range of years in its span (site_html.years_whole)
              for level, anchor, text in re.findall(r'<li class="toc-(\d)"><a href="#([^"]+)">(.*?)</a></li>', toc.group(1))]
    shown = [(level, anchor, " ".join(re.sub(r"<[^>]+>", "", inner).split()))
             for level, anchor, inner in re.findall(r'<h([23])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', toc.group(2), re.DOTALL)]
    return [(level, anchor, text.replace("&amp;", "&")) for level, anchor, text in listed], shown


def test_a_chapters_contents_list_names_every_section_it_shows(sample_build: Path) -> None:
    """Bab 13 (tata-kelola) listed its three written sections and left out the budget's three sections that
    the chapter page shows after them; every chapter now lists each h2 and h3 on the page, in order."""
    folder = sample_build / "build" / "site" / "chapter"
    listed, shown = _toc_and_headings(read(folder, "tata-kelola.html"))
    # each with the book's number (Bab 14's sections 14.1 to 14.9)
    assert [text for _, _, text in listed] == [
        f"14.{number} {title}" for number, title in enumerate(
            ["Kelembagaan", "Pola Pembiayaan", "Monitoring dan Evaluasi", "Anggaran per Dimensi dan Tahun",
             "Anggaran per Sumber Pendanaan", "Anggaran per Perangkat Daerah", "Anggaran per Sumber Pendanaan dan Tahun",
             "Anggaran per Perangkat Daerah dan Tahun", "APBD terhadap Pagu Indikatif"], start=1)]
    assert listed == shown
    for path in folder.glob("*.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="toc"' in html:
            listed, shown = _toc_and_headings(html)
            assert listed == shown, path.name
            ids = re.findall(r'\sid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), path.name


def test_a_chapter_heading_never_takes_an_id_its_part_or_the_page_already_has(build: Build) -> None:
    """A written "## By pillar" would have been anchored #by-pillar, the id of the budget's own first section."""
    chapter = """\
        ---
        title: Pembiayaan
        generated: budget
        ---
        ## By pillar

        Isi.

        ## Main

        Isi.
        """
    html = read(build({"content/chapters/02-pembiayaan.md": chapter}), "chapter/pembiayaan.html")
    listed, shown = _toc_and_headings(html)
    assert [anchor for _, anchor, _ in listed] == ["by-pillar-2", "main-2", "by-pillar", "by-source", "by-agency",
                                                  "by-source-year", "by-agency-year"]
    assert listed == shown
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def _meta(html: str) -> dict[str, str]:
    from html import unescape
    return {name: unescape(value) for name, value in
            re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', html)}


def test_each_kind_of_page_describes_itself(sample_build: Path) -> None:
    """Every page but a program's said the vision in its description; each now says its own summary or lead,
    cut at a word to some 160 characters, and the same words go to link previews (Open Graph)."""
    site = sample_build / "build" / "site"
    pages = ["index.html", "program/GOV-01.html", "pillar/governance.html", "agency/dlh.html", "chapter/pendahuluan.html",
             "chapter/tata-kelola.html", "program/index.html", "agency/index.html", "quick-wins.html", "roadmap.html",
             "budget.html", "glossary.html", "data.html", "search.html", "404.html"]
    metas = {name: _meta(read(site, name)) for name in pages}
    descriptions = {name: meta["description"] for name, meta in metas.items()}
    assert len(set(descriptions.values())) == len(pages), descriptions
    assert all(20 <= len(text) <= 161 for text in descriptions.values()), descriptions
    assert descriptions["program/GOV-01.html"].startswith("Aduan warga selama ini tersebar di banyak kanal")
    assert descriptions["program/GOV-01.html"].endswith("…")
    assert descriptions["chapter/pendahuluan.html"].startswith("Kota Pasuruan adalah kota kecil di pesisir utara")
    assert descriptions["chapter/tata-kelola.html"].startswith("Pelaksanaan masterplan dikelola oleh dua lembaga")
    assert descriptions["agency/dlh.html"].startswith("Dinas Lingkungan Hidup mengampu 5 dan mendukung")
    assert descriptions["roadmap.html"].startswith("Kapan setiap program berjalan")
    assert descriptions["glossary.html"].startswith("Istilah dan singkatan dalam masterplan")
    for name, meta in metas.items():
        assert meta["og:description"] == meta["description"], name
        assert meta["og:locale"] == "id_ID" and meta["og:site_name"] == "Masterplan Smart City Kota Pasuruan 2022–2031"
        assert meta["og:type"] == ("website" if name == "index.html" else "article"), name
        assert "og:url" not in meta and "og:image" not in meta, name  # no public address: nothing absolute to give
    assert metas["program/GOV-01.html"]["og:title"] == "e-Sambat (Media Sambat Masyarakat)"
    assert metas["index.html"]["og:title"] == "Masterplan Smart City Kota Pasuruan 2022–2031"


def test_the_city_logo_is_the_pages_icon(sample_build: Path) -> None:
    """A browser tab and a bookmark show the city's logo, from every folder of the site."""
    site = sample_build / "build" / "site"
    for name in ("index.html", "program/GOV-01.html", "404.html"):
        icon = re.search(r'<link rel="icon" href="([^"]+)"( type="[^"]+")?>', read(site, name))
        assert icon and icon.group(2) == ' type="image/svg+xml"', name
        address, version = icon.group(1).split("?v=")
        assert (site / name).parent.joinpath(address).resolve().read_bytes().startswith(b"<svg"), name
        assert f'<img class="brand-logo" src="{icon.group(1)}"' in read(site, name) and len(version) == 8


def test_a_new_logo_gets_a_new_address_the_browser_has_not_kept(make_plan: Callable[..., Path]) -> None:
    """A revision bringing the city's new emblem: the pages asked for static/logo.svg as before, and a browser that
    kept the old file showed it. Its address carries a hash of its content, as the stylesheet's does."""
    from conftest import MINI_FILES
    root = make_plan({"content/plan.yml": MINI_FILES["content/plan.yml"].rstrip() + "\n        logo: assets/logo.svg\n"})
    logo = root / "content" / "assets" / "logo.svg"
    logo.parent.mkdir(exist_ok=True)
    addresses = []
    for colour in ("red", "blue"):
        logo.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="{colour}" width="4" height="4"/></svg>',
                        encoding="utf-8")
        assert run(root, BuildOptions(pdf=False, search=False)).ok
        page = read(root / "build" / "site", "program/GOV-01.html")
        addresses.append(re.search(r'<img class="brand-logo" src="([^"]+)"', page).group(1))
    assert addresses[0].startswith("../static/logo.svg?v=") and addresses[1].startswith("../static/logo.svg?v=")
    assert addresses[0] != addresses[1]


def test_with_a_public_address_link_previews_get_absolute_addresses(make_plan: Callable[..., Path]) -> None:
    """og:url and og:image need whole addresses; the image is the plan's logo when previews can show it (not SVG)."""
    import base64

    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
    from conftest import MINI_FILES
    address = "https://smartcity.example.go.id/masterplan/"
    for logo, image in (("assets/logo.png", f"{address}static/logo.png"), ("assets/logo.svg", None)):
        root = make_plan({"content/plan.yml": MINI_FILES["content/plan.yml"].rstrip() + f"\n        logo: {logo}\n"})
        (root / "content" / "assets").mkdir(exist_ok=True)
        (root / "content" / "assets" / "logo.png").write_bytes(png)
        (root / "content" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        assert run(root, BuildOptions(pdf=False, base_url=address)).ok
        site_folder = root / "build" / "site"
        meta = _meta(read(site_folder, "program/GOV-01.html"))
        assert meta["og:url"] == f"{address}program/GOV-01.html"
        assert meta.get("og:image") == image
        if image:
            assert (site_folder / image.removeprefix(address)).read_bytes() == png
            assert meta["og:image:alt"] == "Logo Kota Contoh"



#: the mini plan after GOV-01 was renamed GOV-21: every file that named it names the new id
RENAMED = {name: re.sub(r"( *)- id: GOV-21", r"\1- id: GOV-21\n\1  former_ids: [GOV-01]", text.replace("GOV-01", "GOV-21"))
           for name, text in MINI_FILES.items() if "GOV-01" in text}


def test_a_renamed_programs_old_address_leads_to_its_page(build: Build) -> None:
    """GOV-01 renamed GOV-21 with former_ids: [GOV-01]: program/GOV-01.html, linked from
    elsewhere before the rename, still answers and leads to GOV-21's page; it is no page of its own
    for search engines (noindex, its canonical is GOV-21's, not in the sitemap) nor for search."""
    site = build(RENAMED, base_url="https://kota.go.id/masterplan/")
    assert "GOV-21" in read(site, "program/GOV-21.html")
    old = _leads_on(site, "program/GOV-01.html", "program/GOV-21.html")
    assert re.search(r'<a href="../program/GOV-21.html"><span class="code">GOV-21</span> e-Sambat', old)
    assert "Program GOV-01 kini GOV-21" in old
    # the open data says it too: a reuser joins this release's GOV-21 to the last one's GOV-01
    with (site / "data" / "programs.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["GOV-21"]["former_ids"] == "GOV-01" and rows["ECO-01"]["former_ids"] == ""


def _leads_on(site: Path, old: str, new: str) -> str:
    """The page at ``old``, which opens ``new`` at once, for no search engine to list (noindex, its canonical
    the new page, not in the sitemap) and no search of the site."""
    page = read(site, old)
    assert f'<meta http-equiv="refresh" content="0; url=../{new}">' in page
    assert f'<link rel="canonical" href="https://kota.go.id/masterplan/{new}">' in page
    assert '<meta name="robots" content="noindex">' in page and "data-pagefind-body" not in page
    sitemap = read(site, "sitemap.xml")
    assert new in sitemap and old not in sitemap
    return page


def test_a_renamed_agencys_old_address_leads_to_its_page(build: Build) -> None:
    """BPKAD became BKAD (bkad.yml, former_ids: [bpkad]): agency/bpkad.html, linked from the city's own site
    before the new nomenclature, still answers and leads to BKAD's page, for no search engine to list."""
    files = {"content/agencies/bpkad.yml": None,
             "content/agencies/bkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace("id: bpkad", "id: bkad\n        former_ids: [bpkad]")
             .replace("short_name: BPKAD", "short_name: BKAD"),
             "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace("[bpkad]", "[bkad]")}
    site = build(files, base_url="https://kota.go.id/masterplan/")
    assert "BKAD" in read(site, "agency/bkad.html")
    old = _leads_on(site, "agency/bpkad.html", "agency/bkad.html")
    assert re.search(r'<a href="../agency/bkad.html">BKAD · Badan Pengelolaan', old)
    assert "Perangkat daerah bpkad kini BKAD" in old and "Alamat halaman perangkat daerah ini telah berubah" in old


def test_stylesheet_and_scripts_are_linked_by_version_so_no_browser_keeps_an_old_one(
        make_plan: Callable[..., Path]) -> None:
    """After a theme update, a browser that kept the old stylesheet for days would show the new pages
    broken: the links carry a version that changes with the file's content, and only then."""
    root = make_plan()

    def versions() -> dict[str, str]:
        assert run(root, BuildOptions(pdf=False, search=False)).ok
        site = root / "build" / "site"
        found = {}
        for name in ("index.html", "program/GOV-01.html", "search.html"):
            for path, version in re.findall(r'"((?:\.\./)?static/[\w.]+)\?v=(\w+)"', read(site, name)):
                assert (site / name).parent.joinpath(path).is_file(), path
                found.setdefault(path.removeprefix("../"), set()).add(version)
        return {path: version.pop() for path, version in found.items() if len(version) == 1}

    before = versions()
    assert set(before) == {"static/site.css", "static/tables.js", "static/menu.js", "static/search.js",
                           "static/filters.js"}
    assert versions() == before
    own = root / "templates" / "site" / "static" / "site.css"
    own.parent.mkdir(parents=True)
    own.write_text((theme_dir() / "site" / "static" / "site.css").read_text(encoding="utf-8") + "\n.city { color: teal; }\n",
                   encoding="utf-8")
    after = versions()
    assert after["static/site.css"] != before["static/site.css"]
    assert {k: v for k, v in after.items() if k != "static/site.css"} == {
        k: v for k, v in before.items() if k != "static/site.css"}


def test_the_open_data_page_offers_a_workbook_and_says_how_to_open_a_csv(sample_build: Path) -> None:
    """A spreadsheet set to Indonesian expects ';' between cells (the comma is its decimal mark), so a
    CSV opened with a double click shows each row in one column: the page offers the workbook, which
    opens anywhere, and says how to open a CSV file instead."""
    site = sample_build / "build" / "site"
    page = read(site, "data.html")
    assert re.search(r'<a href="data/plan.xlsx" download>plan.xlsx</a> <span class="file-size">\(\d+\xa0kB\)</span> — '
                     r'setiap tabel CSV di bawah dalam satu buku kerja, satu lembar per tabel', page)
    assert "ambil plan.xlsx: berkas ini terbuka dengan klik ganda" in page
    assert re.search(r'<a href="data/datapackage.json" download>datapackage.json</a> <span class="file-size">'
                     r'\(\d+\xa0kB\)</span> — berkas CSV yang diterangkan', page)
    assert "Data › Dari Teks/CSV" in page and "koma sebagai pemisah" in page
    assert (site / "data" / "plan.xlsx").read_bytes()[:2] == b"PK"  # the link leads to a workbook (a zip file)


def test_the_open_data_page_says_what_the_files_change_in_a_text(sample_build: Path) -> None:
    """A CSV cell that begins with '-', not a lone one (or has a piece after ';' that does), gains an apostrophe (so no spreadsheet
    runs it as a formula), and a program's summary in plan.json is Markdown: a reuser comparing the files is told
    both."""
    page = read(sample_build / "build" / "site", "data.html")
    assert ("Di berkas CSV, teks (atau butir daftar sesudah &#39;;&#39;) yang diawali =, +, - atau @ diberi tanda petik "
            "(&#39;) di depannya, agar aplikasi lembar kerja menampilkannya sebagai teks, bukan menghitungnya sebagai "
            "rumus: nomor telepon +62 812 3456 7890 ditulis &#39;+62 812 3456 7890." in page
            and "plan.xlsx dan plan.json menyimpan setiap teks apa adanya" in page)
    # said in words a city official acts on: the pattern a script needs is in datapackage.json, not on the page
    assert "ekspresi reguler" not in page and "(^|;" not in page
    assert "Ringkasan dan uraian berformat Markdown" in page


def test_the_open_data_page_states_the_licence_or_that_none_is_stated(sample_build: Path, mini_site: Path) -> None:
    """Reuse is what a licence allows: the sample's page links its licence; a plan that states none
    gets no promise of reuse made on its behalf."""
    page = read(sample_build / "build" / "site", "data.html")
    assert ('Lisensi: <a href="https://creativecommons.org/licenses/by/4.0/deed.id" rel="license">CC BY 4.0</a>. '
            "Siapa pun boleh menggunakan ulang") in page
    bare = read(mini_site, "data.html")
    assert "Belum ada lisensi yang dinyatakan untuk berkas-berkas ini: tanyakan kepada Pemerintah Kota Contoh" in bare
    assert "rel=\"license\"" not in bare and "bebas digunakan ulang" not in bare


@pytest.mark.parametrize(("title", "shown"), [
    ("Masterplan Smart City Kota Contoh 2022–2026", "Masterplan Smart City"),
    ("Masterplan Smart Regency Kota Contoh Tahun 2022-2026", "Masterplan Smart Regency"),
    ("Kota Contoh 2022–2026", "Masterplan Smart City"),  # only the city and the years: the catalog's words
    ("Masterplan Smart City Kota Contoh 2022 - 2026", "Masterplan Smart City"),
    ("Masterplan Smart City Kota Contoh (2022–2026)", "Masterplan Smart City"),
    ("Masterplan Kota Cerdas Kota Contoh Periode 2022–2026", "Masterplan Kota Cerdas"),
    ("Masterplan Smart City Kota Contoh Tahun 2022 sampai 2026", "Masterplan Smart City"),
    ("Masterplan Smart City Tahap 2 Kota Contoh 2022–2026", "Masterplan Smart City"),  # a figure left: the catalog's
])
def test_the_header_names_the_plan_as_its_title_does(make_plan: Callable[..., Path], title: str, shown: str) -> None:
    """Every page's header said "Masterplan Smart City" of a plan titled "… Smart Regency …"."""
    from conftest import MINI_FILES

    from masterplan.build import BuildOptions, run
    plan = MINI_FILES["content/plan.yml"].replace("title: Masterplan Smart City Kota Contoh 2022–2026", f"title: {title}")
    root = make_plan({"content/plan.yml": plan})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    header = read(root / "build" / "site", "index.html").split('class="brand-title">', 1)[1].split("<", 1)[0]
    assert header.strip() == shown


def test_an_agencys_contact_is_on_its_page_and_in_the_open_data(make_plan: Callable[..., Path]) -> None:
    """Citizens found no way to reach an agency: its file can now give an address, phone, e-mail and website."""
    import csv
    import json

    from masterplan.build import BuildOptions, run

    root = make_plan()
    agency = root / "content" / "agencies" / "bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("kind: badan\n", (
        "kind: badan\ncontact:\n  address: Jl. Pahlawan No. 1, Kota Contoh\n  phone: \"(0343) 424242\"\n"
        "  website: https://bpkad.kota.go.id\n"), 1), encoding="utf-8")
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report]
    site = root / "build" / "site"
    page = (site / "agency" / "bpkad.html").read_text(encoding="utf-8")
    assert '<h2 id="contact">Kontak</h2>' in page and "Jl. Pahlawan No. 1, Kota Contoh" in page
    assert '<a href="tel:0343424242">(0343) 424242</a>' in page and 'href="https://bpkad.kota.go.id"' in page
    assert "Surel" not in page  # no e-mail given, no line for it
    rows = {row["id"]: row for row in csv.DictReader((site / "data" / "agencies.csv").open(encoding="utf-8"))}
    assert rows["bpkad"]["phone"] == "(0343) 424242" and rows["bpkad"]["email"] == "" and rows["diskominfo"]["address"] == ""
    data = json.loads((site / "data" / "plan.json").read_text(encoding="utf-8"))
    assert next(a for a in data["agencies"] if a["id"] == "bpkad")["contact"]["website"] == "https://bpkad.kota.go.id"
    other = (site / "agency" / "diskominfo.html").read_text(encoding="utf-8")
    assert 'id="contact"' not in other


def test_files_a_rebuild_leaves_as_they_were_keep_their_time(make_plan: Callable[..., Path]) -> None:
    """Every build re-stamped the theme's files, the open data and the pictures, unchanged or not: `rsync -a` to
    the web server copied them all again after a one-word edit. Unchanged, they are the last build's files."""
    import time

    root = make_plan()
    (root / "content" / "assets").mkdir(parents=True, exist_ok=True)
    (root / "content" / "assets" / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    site = root / "build" / "site"

    def stamps() -> dict[str, int]:
        return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}

    before = stamps()
    time.sleep(0.05)
    agency = root / "content" / "agencies" / "diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("e-Sambat (Media", "e-Lapor Warga (Media"),
                      encoding="utf-8")
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    after = stamps()
    changed = {path for path in after if after[path] != before.get(path)}
    assert {"static/site.css", "data/pillars.csv", "assets/foto.png"}.isdisjoint(changed), sorted(changed)
    assert {"data/programs.csv", "data/plan.json", "program/GOV-01.html"} <= changed, sorted(changed)


def test_the_budget_by_mission_is_under_the_missions_table(sample_build: Path) -> None:
    """The book's Tabel 3.2 on the vision chapter's page, under Tabel 3.1: each mission's programs, budget (rounded, as
    the budget page's, the exact amount kept beside it), APBD and share; the total, each program once, the plan's."""
    html = read(sample_build / "build" / "site", "chapter/visi-misi.html")
    assert html.index('id="missions-matrix"') < html.index('id="budget-mission"')
    table = html[html.index('<table id="budget-mission"'):]
    table = table[:table.index("</table>")]
    assert '<caption id="budget-mission-caption">Tabel 3.2 Indikasi anggaran per misi RPJMD</caption>' in table
    rows = {re.sub(r"<[^>]+>", "", row[0]): [re.sub(r"<[^>]+>", "", cell) for cell in row[1:]] for row in (
        re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL))}
    assert rows["4. Mewujudkan infrastruktur dan tata ruang kota yang berkualitas, nyaman, dan berwawasan lingkungan."] \
        == ["21", "Rp 153,55 miliar", "Rp 71,50 miliar", "55,5%"]
    assert rows["Semua program, dihitung sekali"] == ["70", "Rp 276,66 miliar", "Rp 170,41 miliar", "100,0%"] and len(rows) == 1 + 5 + 1
    assert 'title="Rp 153.550.000.000"' in table and 'title="Rp 276.660.000.000"' in table
    note = html[html.index('id="budget-mission-note"'):]
    assert "Nilai dibulatkan" in note[:300] and "jumlah baris-baris misi melebihi baris terakhir" in note[:600]
    assert 'href="#budget-by-mission"' in html  # in the page's own table of contents


def test_a_page_the_menu_does_not_list_marks_its_section_in_the_menu(sample_build: Path) -> None:
    """A program's or an agency's page marked no entry of the menu, where a pillar's page marked its pillar: the
    program's page now marks its pillar, an agency's the agencies' list, as the current section ("true"); the page
    the menu lists itself is still the current page."""
    site = sample_build / "build" / "site"

    def marked(path: str) -> list[tuple[str, str]]:
        nav = read(site, path)
        nav = nav[nav.index('<nav id="main-nav"'):nav.index("</nav>", nav.index('<nav id="main-nav"'))]
        return re.findall(r'href="([^"]+)"[^>]*aria-current="([^"]+)"', nav)

    assert marked("program/ENV-02.html") == [("../pillar/environment.html", "true")]
    assert marked("agency/dlh.html") == [("../agency/index.html", "true")]
    assert marked("pillar/environment.html") == [("../pillar/environment.html", "page")]
    assert marked("quick-wins.html") == [("quick-wins.html", "page")]


def test_a_missions_and_an_agencys_programs_are_listed_pillar_by_pillar(sample_build: Path) -> None:
    """Mission 1's page began with ECO-02, then GOV-01: its programs, and an agency's, were sorted by code, where the
    menu, the list of all programs, the roadmap and the budget go pillar by pillar (Governance first)."""
    site = sample_build / "build" / "site"
    mission = read(site, "mission/m1.html")
    codes = re.findall(r'href="../program/([A-Z]+)-\d+\.html"', mission[mission.index('id="mission-programs"'):])
    assert codes and codes[0] == "GOV" and codes.index("ECO") > codes.index("GOV"), codes
    order = ["GOV", "BRD", "ECO", "LIV", "SOC", "ENV"]
    assert [order.index(code) for code in codes] == sorted(order.index(code) for code in codes), codes
    agency = read(site, "agency/diskominfotik.html")
    led = re.findall(r'href="../program/([A-Z]+)-\d+\.html"', agency[agency.index('id="agency-led"'):agency.index('id="agency-led-year"')])
    assert led and [order.index(code) for code in led] == sorted(order.index(code) for code in led), led


def test_a_range_of_years_stays_on_one_line(sample_build: Path) -> None:
    """On a phone the home page's title read "Masterplan Smart City Kota Pasuruan 2022–" above "2031", and so did
    the roadmap chapter's phase headings: each range of years in a page's text is kept whole."""
    site = sample_build / "build" / "site"
    home = read(site, "index.html")
    assert re.search(r'<h1 id="page-title"[^>]*>[^<]*<span class="years">2022–2031</span></h1>', home), home[:3000]
    roadmap = read(site, "chapter/peta-jalan.html")
    assert len(re.findall(r'<h2[^>]*>(?:<span class="secnum"[^>]*>[^<]*</span>)?[^<]*\(<span class="years">\d{4}–\d{4}'
                          r'</span>\)', roadmap)) >= 3


def test_the_404_page_knows_every_folder_of_the_site(sample_build: Path) -> None:
    """404.html finds the site's folder from a missing address one below a folder of the site (site_links.FOLDERS,
    a list written out): a folder the site gains and the list lacks would show its missing pages without style."""
    from masterplan.render.site_links import FOLDERS

    folders = {path.name for path in (sample_build / "build" / "site").iterdir() if path.is_dir()}
    assert folders - {"pagefind"} <= set(FOLDERS), folders - set(FOLDERS)  # the search index's files: fetched by its script
    assert f'(?:{"|".join(FOLDERS)})' in read(sample_build / "build" / "site", "404.html")


def test_an_agency_s_heading_gives_its_short_name_only_where_it_says_more(sample_build: Path) -> None:
    """"Inspektorat Daerah (Inspektorat)" and "Kecamatan Gadingrejo (Kec. Gadingrejo)" repeated the name in brackets,
    in the agencies' headings and the book's Tabel 14.3; "Dinas Kesehatan (Dinkes)" says more, and stays."""
    site = sample_build / "build" / "site"
    heading = {agency: re.search(r"<h1[^>]*>(.*?)</h1>", read(site, f"agency/{agency}.html"), re.DOTALL).group(1)
               for agency in ("inspektorat", "kecamatan_gadingrejo", "dinkes")}
    assert heading == {"inspektorat": "Inspektorat Daerah", "kecamatan_gadingrejo": "Kecamatan Gadingrejo",
                       "dinkes": "Dinas Kesehatan (Dinkes)"}, heading
    assert "GOV-10" in read(site, "program/GOV-10.html") and "Inspektorat Daerah (Inspektorat)" not in read(
        site, "program/GOV-10.html")


def test_a_quick_wins_output_targets_read_apart_as_text(build: Build) -> None:
    """Search read the quick wins' targets run together, "…100 persen (2023)Sampah kawasan…": the site shows
    each on a line of its own, and its text keeps a space between them."""
    agency = "content/agencies/diskominfo.yml"
    second = ("              - name: Aduan selesai ditindaklanjuti\n                unit: persen\n"
              "                baseline: {year: 2021, value: 20}\n                targets: {2022: 50, 2023: 70, 2024: 90}\n")
    site = build({agency: MINI_FILES[agency].replace("            missions: [m1]\n", second + "            missions: [m1]\n")})
    page = (site / "quick-wins.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "2024: 90 Aduan selesai ditindaklanjuti" in text.replace("&nbsp;", " ").replace("\xa0", " ")


def test_an_empty_cell_and_a_programs_status_are_said_to_a_screen_reader(mini_site: Path) -> None:
    """The agencies' table had a bare "–" in an empty cell, which a screen reader at its usual punctuation reads as
    nothing; a program's status badge was a bare "berjalan" with nothing saying it is the status."""
    table = read(mini_site, "agency/index.html").split('id="agency-pillar"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<td class="codes">(.*?)</td>', table)
    empty = [cell for cell in cells if "<a " not in cell]
    assert empty and all('aria-hidden="true">–</span>' in cell and "tidak ada program" in cell for cell in empty)
    badge = re.search(r"<span class=\"badge badge-(?!qw)\w+\">(.*?)</span>\s*(?:</p>|<span class=\"status-when\")",
                      read(mini_site, "program/GOV-01.html"))
    assert badge and re.sub(r"<[^>]+>", "", badge.group(1)) == "Status: berjalan", badge


def test_the_agencies_page_lists_every_agency_by_its_whole_name(sample_build: Path) -> None:
    """On a phone the agencies' table names each agency by its short name only ("Bakesbangpol"), its cells program
    codes: a resident looking for the health office found no "Dinas Kesehatan". The page lists every agency first,
    by its whole name in alphabetical order, each a link to its page, with how many programs it leads and supports."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    html = read(sample_build / "build" / "site", "agency/index.html")
    listed = html.split('<ul class="agency-list', 1)[1].split("</ul>", 1)[0]
    entries = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>.*?<span class="agency-count">([^<]+)</span>', listed,
                         re.DOTALL)
    names = {str(agency.name): agency for agency in plan.agencies}
    assert [name for _, name, _ in entries] == sorted(names, key=str.casefold) and len(entries) == len(plan.agencies)
    health = next(entry for entry in entries if entry[1] == "Dinas Kesehatan")
    agency = names["Dinas Kesehatan"]
    assert health[0] == f"../agency/{agency.id}.html"
    assert health[2] == f"{len(agency.programs)} program diampu, {len(agency.supported)} didukung"
    assert html.index('class="agency-list') < html.index('id="agency-pillar"')


def test_a_key_figure_of_thousands_is_grouped_as_an_amount_is(tmp_path: Path) -> None:
    """A province's home page counted "3000" programs beside "Rp 10,78 triliun": a count is grouped, "3.000"; a text
    figure (an amount already written) is shown as it is."""
    from masterplan.render.theme import Theme, environment

    theme = Theme.for_plan(tmp_path)
    page = environment(theme, "id").from_string(
        '{% import "site/macros.html" as m %}{{ m.figures([("Program", 3000), ("Anggaran", "Rp 10,78 triliun")]) }}')
    shown = " ".join(re.sub(r"<[^>]+>", " ", page.render()).split())
    assert shown == "Program 3.000 Anggaran Rp 10,78 triliun", shown


def test_the_program_lists_say_which_programs_carry_on_and_which_are_new(sample_build: Path) -> None:
    """A council member found a program's status (new, or carried on from before the plan) only on its own page: the
    lists of programs give it beside each name, as the book's matrices do."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    html = read(sample_build / "build" / "site", "program/index.html")
    for program in plan.programs:
        row = re.search(rf'<tr data-years="[^"]*"[^>]*>\s*<td class="code">{program.id}</td>(.*?)</tr>', html, re.DOTALL)
        assert row, program.id
        badge = re.search(r'class="badge badge-(planned|ongoing|done)">', row.group(1).split("</th>")[0])
        assert badge and badge.group(1) == program.status, (program.id, row.group(1)[:300])
    assert {program.status for program in plan.programs} == {"planned", "ongoing"}


def test_every_page_tells_a_reference_manager_how_to_cite_the_plan(make_plan: Callable[..., Path]) -> None:
    """Zotero saved a program's page as a "Web Page" with no author and no date: no page named who issued the plan,
    when, or where its PDF is. Every page gives them as the citation tags reference managers and catalogues read."""
    root = make_plan()
    (root / "build").mkdir(exist_ok=True)
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF-1.7" + b" " * 2000)
    assert run(root, BuildOptions(pdf=False, search=False, base_url="https://kota.example.go.id/mp/")).ok
    site = root / "build" / "site"
    for page in ("index.html", "program/GOV-01.html", "glossary.html"):
        head = read(site, page).split("</head>")[0]
        tags = dict(re.findall(r'<meta name="(author|citation_[a-z_]+)" content="([^"]*)">', head))
        assert tags == {"author": "Pemerintah Kota Contoh", "citation_author": "Pemerintah Kota Contoh",
                        "citation_publisher": "Pemerintah Kota Contoh",
                        "citation_title": "Masterplan Smart City Kota Contoh 2022–2026",
                        "citation_publication_date": "2021/12/01", "citation_language": "id",
                        "citation_pdf_url": "https://kota.example.go.id/mp/download/masterplan.pdf"}, (page, tags)


def test_the_budget_page_draws_the_budget_by_lead_agency_as_the_book_does(make_plan: Callable[..., Path]) -> None:
    """The book's Gambar 14.3, the budget by lead agency, was cited and not found: the site drew the pillars' and the
    funding sources' bars only. Its bars, largest first, each agency's name a link to its page."""
    root = make_plan()
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    page = read(root / "build" / "site", "budget.html")
    figure = page[page.index('<figure class="bars" id="agency-bars"'):]
    figure = figure[:figure.index("</figure>")]
    assert re.search(r'id="agency-bars-title">Gambar \d+\.\d+ Indikasi anggaran per perangkat daerah pengampu<', figure)
    assert re.findall(r'<a href="agency/([a-z_]+)\.html">', figure) == ["diskominfo", "bpkad"]  # Rp 650 juta, Rp 100 juta
