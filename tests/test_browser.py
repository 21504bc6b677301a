"""The built sample website in a real headless Chromium: accessibility, links, search, layout.

Needs Debian's ``chromium`` (/usr/bin/chromium), Playwright for Python and npm's
``axe-core`` (``npm ci`` in the repository). Only a missing Chromium skips these tests.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from conftest import CHROMIUM, REPO

from masterplan.model import Plan
from masterplan.project import load_and_check

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.2 AA too: its target size (2.5.8) found the agencies' matrix's codes 17 px high, 24 px apart, at 1280 px
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(sample_build: Path) -> Path:
    return sample_build / "build" / "site"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built for its public address in a sub-folder, as the city publishes it (no PDF)."""
    import shutil

    from masterplan.build import BuildOptions, run
    root = tmp_path_factory.mktemp("published")
    shutil.copytree(REPO / "content", root / "content")
    result = run(root, BuildOptions(pdf=False, base_url="https://pasuruankota.go.id/smartcity/"))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build" / "site"


@pytest.fixture(scope="module")
def plan(sample_build: Path) -> Plan:
    checked = load_and_check(sample_build)
    assert checked.plan is not None
    return checked.plan


class _Guarded(_Quiet):
    """The site served with the Content-Security-Policy header the README gives a city's web server."""

    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


@contextlib.contextmanager
def serving(folder: Path, policy: str | None = None) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 at a random port (with ``policy``, as its Content-Security-Policy header);
    yields its address."""
    handler = _Quiet if policy is None else type("Guarded", (_Guarded,), {"policy": policy})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a random port (search needs http://)."""
    with serving(site) as address:
        yield address


def e_sambat(plan: Plan) -> str:
    return next(p.id for p in plan.programs if "sambat" in str(p.name).lower())


def page_types(plan: Plan) -> dict[str, str]:
    """One page of each kind that must pass axe."""
    return {
        "home": "index.html", "pillar": f"pillar/{plan.pillars[0].id}.html",
        "agency": f"agency/{plan.leading_sector_id}.html", "program": f"program/{e_sambat(plan)}.html",
        "roadmap": "roadmap.html", "budget": "budget.html", "search": "search.html?q=sambat",
        "mission": f"mission/{plan.missions[0].id}.html",
    }


def _axe(tab: object, tags: list[str] = WCAG_TAGS) -> list[str]:
    assert AXE.is_file(), "axe-core is missing: run `npm ci` in the repository"
    tab.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    result = tab.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


def _wait_for_search(tab: object) -> None:
    tab.wait_for_function(  # type: ignore[attr-defined]
        "document.querySelectorAll('#search-results li').length > 0"
        " || /Tidak ada|No results|tidak tersedia/.test(document.getElementById('search-status').textContent)",
        timeout=15000)


@pytest.mark.parametrize("kind", ["home", "pillar", "agency", "program", "roadmap", "budget", "search", "mission",
                                  "agencies"])
def test_page_has_no_wcag_violations_nor_console_errors(kind: str, page: object, server: str, plan: Plan) -> None:
    """Each kind of page at 1280 px; the agencies' page for its matrix of program codes, a finger's target each."""
    page.goto(server + {**page_types(plan), "agencies": "agency/index.html"}[kind])  # type: ignore[attr-defined]
    if kind == "search":
        _wait_for_search(page)
    assert _axe(page) == []
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["index.html", "search.html", "chapter/gambaran-umum.html"])
def test_whoever_moves_by_landmarks_misses_nothing(path: str, page: object, server: str) -> None:
    """axe's best practices: the draft notice stood outside every landmark, so whoever moves by landmarks never
    heard the plan is a draft; the search page's two search forms had no names to tell them apart; the sample's
    SWOT table had a header cell with nothing in it."""
    page.goto(server + path)  # type: ignore[attr-defined]
    assert _axe(page, ["best-practice"]) == []
    assert page.get_by_role("complementary", name="Tentang dokumen ini").get_by_text("Draf.").count() == 1  # type: ignore[attr-defined]


def test_the_printed_roadmap_shows_no_folded_tables(page: object, server: str) -> None:
    """Printed, the roadmap showed its folded "show as tables" control and a caption promising "the tables below",
    which paper never showed; the chart holds what they hold."""
    page.goto(server + "roadmap.html")  # type: ignore[attr-defined]
    summary = page.locator("details.as-tables summary")  # type: ignore[attr-defined]
    caption = page.locator("#roadmap-chart-caption")  # type: ignore[attr-defined]
    assert summary.is_visible() and "Tabel di bawah" in caption.inner_text()
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert not summary.is_visible()
    assert "Tabel di bawah" not in caption.inner_text() and caption.inner_text().startswith("Gambar")
    assert page.locator(".gantt li").first.is_visible()  # type: ignore[attr-defined]


def test_a_printed_program_page_says_its_address_and_leaves_out_the_menus(page: object, published_site: Path,
                                                                        plan: Plan) -> None:
    """A council staffer printed a program's page for a hearing: the sheet said which plan, version and date, but
    not where the page is, unless the browser's own header line was left on (Chromium's "Headers and footers",
    often turned off, and which names the address the staffer read it at, not the public one). A site built with
    its public address prints it under the footer; the screen does not show it, and paper shows no menu."""
    import pdfplumber

    program = next(program for program in plan.programs if program.id == "ENV-03")  # its connections went 2 + 1
    with serving(published_site) as address:
        page.goto(f"{address}program/{program.id}.html")  # type: ignore[attr-defined]
        assert not page.locator(".page-address").is_visible()  # type: ignore[attr-defined]
        connections = page.eval_on_selector_all(".link-grid h3", "hs => hs.map(h => h.innerText)")  # type: ignore[attr-defined]
        with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:  # type: ignore[attr-defined]
            sheets = [sheet.extract_text() or "" for sheet in pdf.pages]
    text = "\n".join(sheets)
    # its connections, three short lists, side by side on one sheet: the third went alone onto the next one
    heads = [" ".join(name.split()[:2]) for name in connections]  # a narrow column may wrap a heading's third word
    where = {i for i, sheet in enumerate(sheets) for head in heads if head in " ".join(sheet.split())}
    assert len(connections) == 3 and len(where) == 1, sheets[-2:]
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert f"Alamat halaman ini: https://pasuruankota.go.id/smartcity/program/{program.id}.html" in lines, lines[-8:]
    assert str(program.name) in " ".join(lines) and program.lead is not None and program.lead.short_name in text
    assert not [line for line in lines if "Peta Jalan" in line and "Anggaran" in line], lines[:12]  # the menu's row


def test_an_agencys_page_gives_what_each_program_it_leads_costs_year_by_year(page: object, server: str,
                                                                           plan: Plan) -> None:
    """A council staffer preparing DLH's hearing asked what its programs cost each year: its page gave each
    program's total only, the years on the budget page, summed for the agency. Its page now has a table of its
    programs by year, whose totals are the budget page's row for the agency (Tabel 14.5)."""
    from masterplan.formatting import Formats
    from masterplan.i18n import Translator, load_catalog

    billions = Formats("id", Translator("id", load_catalog())).billions
    agency = next(agency for agency in plan.agencies if agency.short_name == "DLH")
    # each cell as the eye reads it: an empty one's "–", not the "Rp 0" a screen reader hears
    read = """table => [...table.querySelectorAll('tr')].map(row => [...row.cells].map(cell =>
        cell.innerText.trim().split('\\n')[0]))"""
    page.goto(server + "budget.html")  # type: ignore[attr-defined]
    book = page.eval_on_selector("#budget-agency-year", read)  # type: ignore[attr-defined]
    page.goto(server + f"agency/{agency.id}.html")  # type: ignore[attr-defined]
    assert page.locator("#agency-led-year-caption").inner_text() == (  # type: ignore[attr-defined]
        "Indikasi anggaran program yang diampu DLH per tahun (miliar rupiah)")
    rows = page.eval_on_selector("#agency-led-year", read)  # type: ignore[attr-defined]
    years = rows[0][1:-1]
    assert rows[0][0] == "Program" and rows[0][-1] == "Total" and years == [str(y) for y in range(int(years[0]),
                                                                                                   int(years[-1]) + 1)]
    programs = sorted(agency.programs, key=lambda program: program.code_order)
    assert [row[0].split()[0] for row in rows[1:-1]] == [program.id for program in programs]
    for program, row in zip(programs, rows[1:-1]):
        assert row[1:] == [billions(program.budget_in(int(y))) if program.budget_in(int(y)) else "–" for y in years] + [
            billions(program.total_budget)], program.id
    totals = next(row for row in book if row[0] == "DLH")
    assert rows[-1][0] == "Total" and rows[-1][1:] == [totals[book[0].index(year)] for year in years] + [totals[-1]]
    import pdfplumber  # printed, a program's row is one line: its code and its years' amounts, the names above

    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:  # type: ignore[attr-defined]
        printed = [" ".join(line.split()) for sheet in pdf.pages for line in (sheet.extract_text() or "").splitlines()]
    for row in rows[1:-1]:
        assert " ".join([row[0].split()[0], *row[1:]]) in printed, (row, printed)
    # on a phone, the codes only, the page not pushed sideways; the names out of sight, still heard
    hidden = """names => names.map(name => [name.getBoundingClientRect().width, getComputedStyle(name).clip,
        name.textContent.trim()])"""
    for width in (360, 390):
        page.set_viewport_size({"width": width, "height": 844})  # type: ignore[attr-defined]
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # type: ignore[attr-defined]
        assert page.locator("#agency-led-year tbody th a").first.is_visible()  # type: ignore[attr-defined]
        names = page.eval_on_selector_all("#agency-led-year tbody th .full-name", hidden)  # type: ignore[attr-defined]
        assert [[size, clip] for size, clip, _ in names] == [[1, "rect(0px, 0px, 0px, 0px)"]] * len(programs), names
        assert [name for _, _, name in names] == [str(program.name) for program in programs], names
    assert page.problems == []  # type: ignore[attr-defined]


def test_search_finds_an_indonesian_words_other_forms(page: object, server: str) -> None:
    """Pagefind indexes the pages in their language (``<html lang="id">``) with its Indonesian stemmer: "pantau"
    finds "terpantau", "pemantauan", "dipantau"; "aduan" finds "pengaduan"; a journalist's "persampahan" finds the
    programs about "sampah". A guard: a page written without its language, or an index built as English, loses it."""
    found = page_search(page, server, ["pantau", "aduan", "persampahan"])
    assert {"terpantau", "pemantauan", "dipantau"} <= found["pantau"], found
    assert "pengaduan" in found["aduan"] and "sampah" in found["persampahan"], found


def page_search(page: object, server: str, queries: list[str]) -> dict[str, set[str]]:
    """The words each query marks in the excerpts of its first 30 results, as Pagefind's API gives them."""
    page.goto(server + "search.html")  # type: ignore[attr-defined]
    return {query: set(words) for query, words in page.evaluate("""async queries => {
        const pagefind = await import('./pagefind/pagefind.js');
        const found = [];
        for (const query of queries) {
            const results = await Promise.all((await pagefind.search(query)).results.slice(0, 30).map(r => r.data()));
            found.push([query, results.flatMap(r => (r.excerpt.match(/<mark>[^<]*<\\/mark>/g) || [])
                .map(m => m.slice(6, -7).toLowerCase().replace(/[^a-z-]/g, '')))]);
        }
        return found; }""", queries)}  # type: ignore[attr-defined]


def test_search_for_sambat_lists_the_e_sambat_program(page: object, server: str, plan: Plan) -> None:
    page.goto(server + "search.html")  # type: ignore[attr-defined]
    page.fill("#search-input", "sambat")  # type: ignore[attr-defined]
    _wait_for_search(page)
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")  # type: ignore[attr-defined]
    assert server + f"program/{e_sambat(plan)}.html" in hrefs
    assert page.title().startswith("\u201csambat\u201d \u00b7 Cari \u00b7 ")  # type: ignore[attr-defined]  # history names it
    assert page.problems == []  # type: ignore[attr-defined]


def search_ranking(page: object, server: str, query: str) -> list[str]:
    """The pages Pagefind's API finds for ``query``, best first, as the site's paths."""
    page.goto(server + "search.html")  # type: ignore[attr-defined]
    return page.evaluate("""async query => {
        const pagefind = await import('./pagefind/pagefind.js');
        const results = (await pagefind.search(query)).results;
        return Promise.all(results.map(async r => (await r.data()).url.replace(/^\\//, '')));
    }""", query)  # type: ignore[attr-defined]


@pytest.mark.parametrize("query", ["sambat", "puskesmas"])
def test_search_lists_a_program_and_its_lead_agency_before_the_agencies_supporting_it(
        query: str, page: object, server: str, plan: Plan) -> None:
    """"sambat" listed three agencies only supporting e-Sambat (Perumda Air Minum, Inspektorat, Dispendukcapil) 2nd
    to 4th, their excerpts the jumbled cells of their tables of programs supported, and Diskominfotik, which leads
    it, 9th; "puskesmas" listed Dispendukcapil before Dinkes. A program the agency only supports weighs little on
    its page: the program's page comes first, then its lead's, and its supporters' after them."""
    program = next(p for p in plan.programs if query in str(p.name).lower())
    found = search_ranking(page, server, query)
    assert found[0] == f"program/{program.id}.html", found
    lead = found.index(f"agency/{program.lead_id}.html")
    supporters = [found.index(f"agency/{agency.id}.html") for agency in program.partners
                  if f"agency/{agency.id}.html" in found]
    assert supporters and all(lead < place for place in supporters), (lead, supporters, found)


def test_search_for_an_agencys_short_name_lists_its_own_page_first(page: object, server: str, plan: Plan) -> None:
    """People search for an agency by its short name: "Diskominfotik" listed its page 20th of 20 (DLH's 3rd,
    DPUPR's and Satpol PP's 2nd), after the programs naming it, as the page's title left the short name out. Its full
    name ("Dinas Kesehatan") lists it first too, before the mission and the programs naming the agency."""
    for short_name in ("Diskominfotik", "DLH", "DPUPR", "Satpol PP", "Disparpora", "Dinkes"):
        agency = next(agency for agency in plan.agencies if agency.short_name == short_name)
        for query in (short_name, str(agency.name)):
            page.goto(server + "search.html")  # type: ignore[attr-defined]
            page.fill("#search-input", query)  # type: ignore[attr-defined]
            _wait_for_search(page)
            first = page.locator("#search-results li").first  # type: ignore[attr-defined]
            assert first.locator("a").get_attribute("href") == f"/agency/{agency.id}.html", query
            assert short_name in first.locator("a").inner_text()
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("query", "program"), [("gov 13", "GOV-13"), ("GOV 1", "GOV-01"), ("liv5", "LIV-05"),
                                              ("gov.013", "GOV-13"), ("GOV-05", "GOV-05")])
def test_a_program_code_typed_as_people_type_it_finds_the_program_first(query: str, program: str, page: object,
                                                                        server: str) -> None:
    """"gov 13" listed GOV-13 tenth, after the pillar and agencies naming "13"; "GOV 1" listed GOV-01 31st."""
    page.goto(server + "search.html?q=" + query)  # type: ignore[attr-defined]
    _wait_for_search(page)
    first = page.locator("#search-results li a").first  # type: ignore[attr-defined]
    assert first.get_attribute("href") == f"/program/{program}.html", query
    assert page.input_value("#search-input") == query  # the box keeps what was typed
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_search_from_another_pages_box_lands_on_the_results(page: object, server: str) -> None:
    """From the header's box, a keyboard user landed at the top of the search page, twenty Tabs from the first
    result. The count of results takes the focus (a screen reader says it); the next Tab is the first result."""
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    page.fill("#header-q", "sambat")  # type: ignore[attr-defined]
    page.press("#header-q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_function("document.activeElement && document.activeElement.id === 'search-status'")  # type: ignore[attr-defined]
    assert "hasil" in page.evaluate("document.activeElement.textContent")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement === document.querySelector('#search-results a')")  # type: ignore[attr-defined]
    page.fill("#search-input", "parkir")  # type: ignore[attr-defined]
    page.wait_for_function("/parkir/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "search-input"  # type: ignore[attr-defined]  # typing keeps it
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_results_count_takes_the_focus_without_a_ring_and_the_next_link_shows_one(page: object,
                                                                                      server: str) -> None:
    """The results' count ("15 hasil untuk …"), which takes the focus for screen readers, wore the keyboard's heavy
    black-and-yellow ring, like a control one could press; the focus still moves there, without a ring, and the
    first result, reached with Tab, still shows one."""
    ring = "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; }"
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    page.fill("#header-q", "sambat")  # type: ignore[attr-defined]
    page.press("#header-q", "Enter")  # type: ignore[attr-defined]
    page.wait_for_function("document.activeElement && document.activeElement.id === 'search-status'")  # type: ignore[attr-defined]
    count = page.evaluate(ring)  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    link = page.evaluate(ring)  # type: ignore[attr-defined]
    assert count == ["none", "none"], count
    assert link[0] == "solid" and "255, 191, 71" in link[1], link  # --focus, #ffbf47


def test_words_that_find_nothing_together_find_what_a_part_of_them_does(page: object, server: str) -> None:
    """"wifi gratis" found nothing, as "gratis" is on no page, and said only that; "wifi" alone lists the public
    Wi-Fi program first. The page says so, and shows what the words it found find."""
    page.goto(server + "search.html?q=wifi%20gratis")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_function("/sebagian/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    said = page.inner_text("#search-status")  # type: ignore[attr-defined]
    assert said.startswith("Tidak ada hasil untuk “wifi gratis”. Ditemukan ") and "sebagian katanya saja, “wifi”:" in said
    assert page.locator("#search-results li a").first.get_attribute("href") == "/program/SOC-05.html"  # type: ignore[attr-defined]
    page.goto(server + "search.html?q=zzzz%20qqqq")  # type: ignore[attr-defined]
    page.wait_for_function("/Tidak ada hasil untuk “zzzz qqqq”\\.$/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("query", "target", "section"), [("apbn", "/glossary.html#term-apbn", "APBN"),
                                                     ("rencana induk", "/chapter/pendahuluan.html#latar-belakang",
                                                      "1.1 Latar Belakang"),
                                                     # "Dinas" is in every agency's name: the rare word leads
                                                     # (it led to Dindikbud, whose entry has "Dinas" twice)
                                                     ("dinas perhubungan", "/glossary.html#term-dishub", "Dishub")])
def test_a_result_opens_at_the_term_or_section_it_was_found_in(query: str, target: str, section: str, page: object,
                                                                server: str) -> None:
    """A glossary term found by search opened the glossary at its top, and a chapter at its title: the reader
    scrolled through sixty terms to find "APBN". The result names the entry or section it links to, the page opens
    with it in sight, and a glossary entry is marked."""
    page.goto(server + "search.html?q=" + query)  # type: ignore[attr-defined]
    _wait_for_search(page)
    link = page.locator(f"#search-results a[href='{target}']")  # type: ignore[attr-defined]
    assert link.locator(".result-section").inner_text() == section
    link.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    landed = page.locator("#" + target.split("#")[1])  # type: ignore[attr-defined]
    assert landed.inner_text().strip() == section
    assert 0 <= landed.bounding_box()["y"] < 120  # at the top of the window, not scrolled past
    if "glossary" in target:
        row, other = (page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).backgroundColor")  # type: ignore[attr-defined]
                      for selector in (f"div:has(> #{target.split('#')[1]})", "div:has(> #term-asn)"))
        assert row != other
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_words_a_search_found_are_bold_not_only_yellow(page: object, server: str) -> None:
    """The found words were marked by a pale yellow alone (1.14:1 on white): gone in grayscale, under achromatopsia
    or on a monochrome screen. They are bold too."""
    page.goto(server + "search.html?q=aduan")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_selector("#search-results mark")  # type: ignore[attr-defined]
    weights = page.evaluate("[...document.querySelectorAll('#search-results mark')].map(m => getComputedStyle(m).fontWeight)")  # type: ignore[attr-defined]
    around = page.evaluate("getComputedStyle(document.querySelector('#search-results mark').parentElement).fontWeight")  # type: ignore[attr-defined]
    assert weights and set(weights) == {"700"} and around != "700", (weights, around)


@pytest.mark.parametrize("query", ["kominfo", "dashboard", "sambt"])
def test_a_word_the_site_lacks_finds_nothing_rather_than_a_letter(query: str, page: object, server: str) -> None:
    """Pagefind matches an unknown word by its longest known start: "kominfo" found the glossary's letter "K"
    and listed the glossary, its excerpt "K." marked. A reader is told there are no results."""
    page.goto(server + "search.html?q=" + query)  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_function("/Tidak ada hasil/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    assert page.locator("#search-results li").count() == 0  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_search_that_finds_nothing_offers_where_to_look_instead(page: object, server: str) -> None:
    """A misspelt word ("kesehtan") ended the search at "Tidak ada hasil", with no way on but the menu: the page
    now offers the programs, the agencies and the glossary, each link a finger's target, and hides them again as
    soon as a search finds something."""
    page.set_viewport_size({"width": 360, "height": 740})  # type: ignore[attr-defined]
    page.goto(server + "search.html?q=kesehtan")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_function("/Tidak ada hasil/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    browse = page.locator("#search-browse")  # type: ignore[attr-defined]
    assert browse.is_visible() and browse.inner_text().startswith("Atau telusuri:")
    links = browse.locator("a")
    assert links.all_inner_texts() == ["Semua program", "Perangkat Daerah", "Glosarium"]
    targets = [server + path for path in ("program/index.html", "agency/index.html", "glossary.html")]
    assert links.evaluate_all("links => links.map(a => a.href)") == targets
    assert min(links.evaluate_all("links => links.map(a => a.getBoundingClientRect().height)")) >= 24
    page.fill("#search-input", "kesehatan")  # type: ignore[attr-defined]
    page.wait_for_function("/^\\d+ hasil untuk “kesehatan”/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    assert page.locator("#search-results li").count() > 0 and not browse.is_visible()  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("folder", ["", "smartcity/"], ids=["web-root", "sub-folder"])
@pytest.mark.parametrize("published", [False, True], ids=["no-base-url", "base-url"])
def test_a_search_result_opens_its_page_wherever_the_site_is_served(
        folder: str, published: bool, page: object, site: Path, published_site: Path, tmp_path: Path) -> None:
    """Served from /smartcity/, the search result for GOV-05 linked smartcity/program/GOV-05.html, which the
    browser read as /smartcity/smartcity/program/GOV-05.html: a 404. At the web root or in a sub-folder, built
    with its public address or without, a result opens its page."""
    served = published_site if published else site
    if folder:
        (tmp_path / folder).symlink_to(served, target_is_directory=True)
        served = tmp_path
    with serving(served) as address:
        page.goto(f"{address}{folder}search.html?q=GOV-05")  # type: ignore[attr-defined]
        _wait_for_search(page)
        page.click("#search-results a[href$='program/GOV-05.html']")  # type: ignore[attr-defined]
        page.wait_for_load_state()  # type: ignore[attr-defined]
        assert page.url == f"{address}{folder}program/GOV-05.html"  # type: ignore[attr-defined]
        assert "GOV-05" in page.locator("main").inner_text()  # type: ignore[attr-defined]
        assert page.problems == []  # type: ignore[attr-defined]


class _NotFound(_Quiet):
    """A web server as GitHub Pages or nginx's error_page are: its site's 404.html for any missing address."""

    page = b""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)


def test_the_404_page_shown_in_a_folder_keeps_its_style_and_links(page: object, site: Path, tmp_path: Path) -> None:
    """Built without its public address and served from /smartcity/, a missing /smartcity/program/GOV-99.html showed
    404.html without its style and its logo, "Kembali ke beranda" leading to the list of programs and the search to
    nowhere: its links started from program/. They start from the site's folder now."""
    (tmp_path / "smartcity").symlink_to(site, target_is_directory=True)
    handler = type("Handler", (_NotFound,), {"page": (site / "404.html").read_bytes()})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{httpd.server_address[1]}/smartcity/"
    try:
        page.goto(root + "program/GOV-99.html")  # type: ignore[attr-defined]
        styled = page.evaluate("[...document.styleSheets].some(sheet => sheet.href && sheet.cssRules.length > 50)")  # type: ignore[attr-defined]
        links = page.eval_on_selector_all("main a", "links => links.map(a => a.href)")  # type: ignore[attr-defined]
        page.click("main a >> nth=0")  # type: ignore[attr-defined]
        page.wait_for_load_state()  # type: ignore[attr-defined]
        home = page.url  # type: ignore[attr-defined]
    finally:
        httpd.shutdown()
    assert styled and links == [root + "index.html", root + "program/index.html", root + "search.html"], links
    assert home == root + "index.html"


@pytest.mark.parametrize("script", [True, False])
def test_every_menu_entry_is_in_sight_on_a_phone(script: bool, browser: object, server: str) -> None:
    """Once the menu is opened (or, without script, always), every entry is on screen: none scrolls out of view."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=script)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    if script:
        tab.click("button.menu-toggle")
    edges = tab.eval_on_selector_all(".main-nav a", """links => links.filter(a => a.checkVisibility())
        .map(a => a.getBoundingClientRect().right)""")
    context.close()
    assert len(edges) >= 12 and max(edges) <= 360, edges


def _header(tab: object) -> dict[str, object]:
    """What a reader finds in the header: the menu button's state, which parts are visible, where the title starts."""
    return tab.evaluate("""() => {
        const button = document.querySelector('button.menu-toggle');
        return {button: button.checkVisibility() ? button.getAttribute('aria-expanded') : null,
                controls: (button.getAttribute('aria-controls') || '').split(' ').map(id => !!document.getElementById(id)),
                search: document.getElementById('header-q').checkVisibility(),
                links: [...document.querySelectorAll('.main-nav a')].filter(a => a.checkVisibility()).length,
                h1: Math.round(document.querySelector('h1').getBoundingClientRect().top)}; }""")  # type: ignore[attr-defined]


def test_on_a_phone_the_menu_folds_behind_a_button_and_the_title_is_in_sight(browser: object, server: str,
                                                                            plan: Plan) -> None:
    """At 390 px the brand, search, six pillars and six pages took 330 px and the draft notice followed: a program's
    title began near 590 px. The search and menus now fold behind a "Menu" button that says whether it is open,
    opens with Enter (or a tap), and closes with Escape, the focus back on it; Escape in the search box with
    words typed empties it and no longer also closes the menu (what was typed was gone, and the search out of sight)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + f"program/{e_sambat(plan)}.html")
    closed = _header(tab)
    assert closed["button"] == "false" and closed["controls"] == [True, True], closed
    assert not closed["search"] and closed["links"] == 0, closed
    assert closed["h1"] <= 300, closed
    assert tab.eval_on_selector("button.menu-toggle", "b => b.textContent.trim()") == "Menu"
    tab.focus("button.menu-toggle")
    tab.keyboard.press("Enter")
    opened = _header(tab)
    assert opened["button"] == "true" and opened["search"] and opened["links"] >= 12, opened
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "header-q"  # the next stop is the search, then the menus
    assert _axe(tab) == []
    tab.keyboard.type("sambat")  # Escape in the search with words typed empties it; the menu stays open
    tab.keyboard.press("Escape")
    assert _header(tab)["button"] == "true" and tab.input_value("#header-q") == ""
    tab.keyboard.press("Escape")
    assert _header(tab)["button"] == "false"
    assert tab.evaluate("document.activeElement.classList.contains('menu-toggle')")
    context.close()


@pytest.mark.parametrize(("width", "script"), [(390, False), (1280, True), (1280, False)])
def test_without_script_or_on_a_desktop_every_link_stays_in_sight(width: int, script: bool, browser: object,
                                                                   server: str) -> None:
    """The button is an enhancement: without script, or on a wide screen, there is no button and nothing is folded."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    header = _header(tab)
    context.close()
    assert header["button"] is None and header["search"] and header["links"] >= 12, header


def test_the_focus_ring_of_a_menu_link_is_not_clipped(page: object, server: str) -> None:
    """At 1280 px the menus once scrolled sideways in a box that cut the ring's top and bottom off."""
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    for _ in range(30):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("!!document.activeElement.closest('.main-nav')"):  # type: ignore[attr-defined]
            break
    clipping = page.evaluate("""() => {  // the boxes between the focused link and the page that cut what overflows them
        const found = [];
        for (let box = document.activeElement.parentElement; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (style.overflowX !== 'visible' || style.overflowY !== 'visible') { found.push(box.tagName + '.' + box.className); }
        }
        return found; }""")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.closest('.main-nav') !== null")  # type: ignore[attr-defined]
    assert clipping == []
    ring = page.evaluate("getComputedStyle(document.activeElement).boxShadow")  # type: ignore[attr-defined]
    assert "inset" in ring


def test_search_results_say_what_each_page_is(page: object, server: str) -> None:
    """Results were bare titles: a program could not be told from a chapter or an agency."""
    page.goto(server + "search.html?q=sambat")  # type: ignore[attr-defined]
    _wait_for_search(page)
    results = page.eval_on_selector_all("#search-results li", """items => items.map(li =>
        [(li.querySelector('.result-kind') || {}).textContent || '', li.querySelector('a').href])""")  # type: ignore[attr-defined]
    # a folder's pages (program/GOV-01.html), not its list (program/index.html, "Halaman lain")
    kinds = {href.removeprefix(server).split("/")[0]: kind for kind, href in results if "/index.html" not in href}
    assert kinds.get("program") == "Program" and kinds.get("chapter") == "Bab", results


@pytest.mark.parametrize("width", [1280, 390])
def test_a_program_found_by_search_shows_its_lead_agency_years_and_budget(width: int, page: object, server: str,
                                                                         plan: Plan) -> None:
    """A journalist searching "sampah" for "how much, and who is responsible?" saw each program's title and an
    excerpt of its summary: the lead agency, years and budget only on its page, one click per program. Each program
    result now says them under its title, as its page does; on a phone each stays on one line ("Rp 1,20 miliar")."""
    from masterplan.formatting import Formats
    from masterplan.i18n import Translator, load_catalog

    formats = Formats("id", Translator("id", load_catalog()))
    page.set_viewport_size({"width": width, "height": 844})  # type: ignore[attr-defined]
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    shown = page.eval_on_selector_all("#search-results li", """items => items.map(li => [li.querySelector('a').href,
        li.querySelector('.result-facts') ? li.querySelector('.result-facts').innerText : null,
        [...li.querySelectorAll('.result-facts span')].map(s => s.getClientRects().length)])""")  # type: ignore[attr-defined]
    programs = {program.id: program for program in plan.programs}
    pages = [(urlsplit(href).path.rsplit("/", 1)[-1].removesuffix(".html"), facts, lines) for href, facts, lines in shown]
    found = [(programs[name], facts, lines) for name, facts, lines in pages if name in programs]
    assert len(found) >= 3, shown
    for program, facts, lines in found:
        assert program.lead is not None
        expected = [program.id, f"Pengampu: {program.lead.short_name}", str(program.period),
                    formats.rupiah_short(program.total_budget)] + (["Quick Win"] if program.quick_win else [])
        assert facts == " · ".join(expected), (program.id, facts)
        assert lines == [1] * len(expected), (program.id, lines)
    assert "ENV-01" in [program.id for program, _, _ in found]  # the quick win among them
    # the other pages' facts are their own: an agency's programs, a pillar's and a chapter's number in the book
    facts = {name: facts for name, facts, _ in pages}
    dlh = next(agency for agency in plan.agencies if agency.short_name == "DLH")
    environment = next(pillar for pillar in plan.pillars if pillar.id == "environment")
    assert facts[dlh.id] == (f"Mengampu {len(dlh.programs)} program · mendukung {len(dlh.supported)} · "
                             + formats.rupiah_short(sum(p.total_budget for p in dlh.programs)))
    assert re.fullmatch(rf"Bab \d+ · {len(environment.programs)} program · "
                        + re.escape(formats.rupiah_short(environment.total_budget)), facts[environment.id])
    assert re.fullmatch(r"Bab \d+", facts["strategi"])
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("query", "title", "start"), [
    ("sampah", "Sistem Informasi Persampahan dan Armada Terpantau GPS", "Rute dan jadwal pengangkutan sampah"),
    ("Dinas Lingkungan Hidup", "Dinas Lingkungan Hidup (DLH)", "Program yang diampu "),
    ("DLH", "Dinas Lingkungan Hidup (DLH)", "Program yang diampu "),
])
def test_a_results_excerpt_does_not_repeat_the_title_above_it(query: str, title: str, start: str, page: object,
                                                               server: str) -> None:
    """Under "Sistem Informasi Persampahan dan Armada Terpantau GPS" the excerpt began "Sistem Informasi
    Persampahan dan Armada Terpantau GPS. Rute dan…" (DLH's: "Dinas Lingkungan Hidup (DLH). Program…", or, for
    "DLH", its last words "Hidup (DLH). Program…"): a third of it said again what the line above says. It starts
    after the title, with the page's own words."""
    page.goto(server + "search.html?q=" + query)  # type: ignore[attr-defined]
    _wait_for_search(page)
    shown = dict(page.eval_on_selector_all("#search-results li", """items => items.map(li => [
        li.querySelector('a').firstChild.textContent, li.querySelector('p:not(.result-facts)').textContent])"""))  # type: ignore[attr-defined]
    assert len(shown) > 5 and shown[title].startswith(start), (title, shown.get(title))
    # no excerpt opens with its title, or with the title's last words ("Hidup (DLH). ")
    assert not [(name, excerpt) for name, excerpt in shown.items()
                if excerpt.startswith((name, " ".join(name.split()[-2:]) + ". "))], shown
    assert all(excerpt.strip() for excerpt in shown.values()), shown
    assert page.problems == []  # type: ignore[attr-defined]


def test_search_results_narrow_to_programs_and_to_a_pillar_and_the_address_keeps_it(page: object, server: str,
                                                                                    plan: Plan) -> None:
    """"sampah" listed 16 pages, chapters, agencies and a mission among the four programs a journalist wanted, with
    no way to keep only programs, or one pillar's. Two menus narrow the results, each choice with its count; the
    address keeps them, so the narrowed list can be bookmarked, sent or come back to."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    everything = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.pathname)")  # type: ignore[attr-defined]
    programs = [path for path in everything if re.fullmatch(r"/program/[A-Z]+-\d+\.html", path)]
    assert len(everything) > len(programs) >= 3, everything
    kinds = page.eval_on_selector_all("#search-kind option", "options => options.map(o => o.textContent)")  # type: ignore[attr-defined]
    assert kinds[0] == "Semua halaman" and f"Program ({len(programs)})" in kinds, kinds
    page.select_option("#search-kind", "Program")  # type: ignore[attr-defined]
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith("  # type: ignore[attr-defined]
                           f"'{len(programs)} hasil')")
    narrowed = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.pathname)")  # type: ignore[attr-defined]
    assert sorted(narrowed) == sorted(programs)
    pillar = next(p for p in plan.pillars if p.id == "environment")
    page.select_option("#search-pillar", str(pillar.name))  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"pillar=Smart\+Environment"))  # type: ignore[attr-defined]
    assert "kind=Program" in page.url  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]  # the address, bookmarked or sent, opens the same narrowed list
    _wait_for_search(page)
    assert page.input_value("#search-kind") == "Program" and page.input_value("#search-pillar") == str(pillar.name)  # type: ignore[attr-defined]
    again = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.pathname)")  # type: ignore[attr-defined]
    ids = {program.id for program in pillar.programs}
    assert again and all(path.rsplit("/", 1)[-1].removesuffix(".html") in ids for path in again), again
    page.select_option("#search-kind", "")  # type: ignore[attr-defined]  # every page of the pillar again: its own
    page.wait_for_function("[...document.querySelectorAll('#search-results li > a')]"  # type: ignore[attr-defined]
                           f".some(a => a.pathname === '/pillar/{pillar.id}.html')")
    assert page.problems == []  # type: ignore[attr-defined]


def test_search_excerpts_are_prose_not_the_roadmap_cells(page: object, server: str) -> None:
    """The roadmap's year cells say "berjalan" to screen readers; search excerpts do not repeat it."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    excerpts = page.eval_on_selector_all("#search-results li", "items => items.map(li => li.textContent)")  # type: ignore[attr-defined]
    assert len(excerpts) > 5
    assert not [text for text in excerpts if "berjalan. berjalan" in text], excerpts


def test_search_excerpts_start_with_the_pages_words_not_its_labels(page: object, server: str, plan: Plan) -> None:
    """Results for "sampah" began "Environment · Tata Kelola Sampah dan Limbah. Rintisan Bank…": the pillar and
    sub-element line above a program's title ("Bab 4", "Pilar 6 · Bab 11" above the others'). The index holds each
    page's title and words, not those labels; a program is still found first by its code."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    excerpts = page.eval_on_selector_all("#search-results li p:not(.result-facts)", "items => items.map(p => p.textContent)")  # type: ignore[attr-defined]
    assert len(excerpts) > 5 and not [text for text in excerpts if " · " in text], excerpts
    found = page.evaluate("""async () => {
        const pagefind = await import('./pagefind/pagefind.js');
        const pages = [];
        for (const query of ['sampah', 'GOV-01']) {
            for (const result of (await pagefind.search(query)).results.slice(0, 12)) {
                const data = await result.data();
                pages.push([query, data.url, data.meta.title, data.content]);
            }
        }
        return pages; }""")  # type: ignore[attr-defined]
    names = {program.id: str(program.name) for program in plan.programs}
    for query, url, title, content in found:
        code = url.rsplit("/", 1)[-1].removesuffix(".html")
        start = f"{code}. {title}." if code in names else title if title.endswith(".") else f"{title}."  # a mission's: a sentence
        assert content.startswith(start) and " · " not in content[:len(start) + 40], (query, url, content[:120])
    assert next(url for query, url, _, _ in found if query == "GOV-01") == "/program/GOV-01.html"


@pytest.mark.parametrize("query", ["diampu", "quick win"])
def test_search_excerpts_keep_words_apart_and_differ(query: str, page: object, server: str) -> None:
    """A label and its value are two words ("Program yang diampu 1", not "diampu1"), and the home page's
    pillar cards, which Bab 5 shows too, are not a second result with the same excerpt."""
    page.goto(server + f"search.html?q={query}")  # type: ignore[attr-defined]
    _wait_for_search(page)
    found = page.eval_on_selector_all("#search-results li", """items => items.map(li =>
        [li.querySelector('a').textContent, li.querySelector('p:not(.result-facts)').textContent])""")  # type: ignore[attr-defined]
    excerpts = [excerpt for _, excerpt in found]
    assert len(excerpts) > 5
    assert not [text for text in excerpts if re.search(r"AnggaranRp|diampu\d|Wins?\d|Program\d", text)], excerpts
    # one page's text found twice; two agencies supporting the same programs may show the same lines, each its own
    assert len(found) == len({tuple(result) for result in found}), found


def test_the_search_index_leaves_out_what_only_screen_readers_hear(page: object, server: str) -> None:
    """An empty budget cell is "–" to the eye and "Rp 0" to a screen reader; excerpts read "–Rp 0".
    BRD-02's budget grid has ten empty cells; the index holds its page's text without them."""
    page.goto(server + "search.html")  # type: ignore[attr-defined]
    content = page.evaluate("""async () => {
        const pagefind = await import('./pagefind/pagefind.js');
        for (const result of (await pagefind.search('BRD-02')).results) {
            const data = await result.data();
            if (data.url.endsWith('program/BRD-02.html')) return data.content;
        }
        return null; }""")
    assert content and "Indikasi anggaran: BRD-02 (Rp) 2024 1.500.000.000. – –" in content
    assert "Rp 0" not in content


@pytest.mark.parametrize("width", [390, 1280])
def test_indicator_columns_are_as_tall_as_their_values(width: int, browser: object, server: str, plan: Plan) -> None:
    """A target of 90 stands taller than one of 72 (the value and year labels once took the room of the
    tallest bars, which were all drawn alike); each bar's height is its value's share of the largest."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    measured = 0
    for program in plan.programs[:12]:
        tab.goto(server + f"program/{program.id}.html")
        charts = tab.eval_on_selector_all("figure.columns", """figures => figures.map(f =>
            [...f.querySelectorAll('li')].map(li => [li.querySelector('.column-value').textContent,
                                                     li.querySelector('.column').getBoundingClientRect().height]))""")
        for chart in charts:
            values = [abs(float(text.replace(".", "").replace(",", "."))) for text, _ in chart]
            heights = [height for _, height in chart]
            if max(values) == 0:
                continue
            measured += 1
            for value, height in zip(values, heights, strict=True):
                assert abs(height / max(heights) - value / max(values)) < 0.03 or height <= 2.5, (program.id, chart)
    context.close()
    assert measured > 5


def test_an_indicators_columns_mark_the_years_skipped_and_are_not_read_twice(page: object, server: str,
                                                                              plan: Plan) -> None:
    """The baseline (2021) stood beside a first target of 2027 as if the years were consecutive; and a screen
    reader read every value twice, the table's and then the chart's ("68 Kondisi awal 2021")."""
    program = next(p for p in plan.programs for ind in p.indicators
                   if ind.baseline_year and ind.targets and min(ind.targets) - ind.baseline_year > 1)
    page.goto(server + f"program/{program.id}.html")  # type: ignore[attr-defined]
    assert page.locator("figure.columns").count() >= 1  # type: ignore[attr-defined]
    assert page.locator("figure.columns:not([aria-hidden=true])").count() == 0  # type: ignore[attr-defined]
    assert page.get_by_role("figure").filter(has=page.locator(".column")).count() == 0  # type: ignore[attr-defined]
    spacing = page.eval_on_selector_all(".after-gap", """items => items.map(li => {  // the gap, against the usual one
        const before = li.previousElementSibling.getBoundingClientRect(), here = li.getBoundingClientRect();
        const next = li.nextElementSibling && li.nextElementSibling.getBoundingClientRect();
        return [here.left - before.right, next ? next.left - here.right : 6, getComputedStyle(li, '::before').content];
    })""")  # type: ignore[attr-defined]
    assert spacing and all(gap > 2 * usual and mark == '"…"' for gap, usual, mark in spacing), spacing


def test_a_downloads_size_keeps_its_unit_on_its_line_on_a_phone(browser: object, server: str) -> None:
    """At 390 px "kB)" wrapped onto a line of its own in the "Ringkasan Eksekutif (PDF, 147 kB)" button: each
    download's size, number and unit, is on one line (a no-break space between them)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    sizes = tab.eval_on_selector_all("main a.button[download]", """buttons => buttons.map(button => {
        const text = button.firstChild, at = text.data.search(/\\d[\\d.,]*\\s(kB|MB)/);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, text.data.search(/(kB|MB)/) + 2);
        return [text.data, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size];
    })""")
    context.close()
    assert len(sizes) >= 2 and all(lines == 1 for _, lines in sizes), sizes
    assert all("\xa0kB" in text or "\xa0MB" in text for text, _ in sizes), sizes


def test_the_agencies_matrix_says_its_key_within_a_phones_screen(browser: object, server: str) -> None:
    """On a phone the caption, as wide as the table, was cut at the screen's edge before its key ("(tebal:
    diampu)", which codes are bold), the full names left room for one pillar, and a screen reader heard "1 slash 0"."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "agency/index.html")
    box = tab.locator(".table-scroll").first.bounding_box()
    title = tab.locator(".table-title").first
    assert "(tebal: diampu)" in title.inner_text()
    assert title.bounding_box()["x"] + title.bounding_box()["width"] <= box["x"] + box["width"] + 1
    table = tab.get_by_role("table", name="Tabel 15.1 Perangkat daerah dan dimensi", exact=False)
    assert table.count() == 1
    headers = tab.locator("#agency-pillar thead th")
    assert headers.nth(2).bounding_box()["x"] + headers.nth(2).bounding_box()["width"] <= box["x"] + box["width"]
    cell = tab.locator("#agency-pillar td.num", has_text="7 / 15").first
    assert cell.locator(".visually-hidden").inner_text() == "7 diampu, 15 didukung"
    assert cell.locator("[aria-hidden=true]").inner_text() == "7 / 15"
    led = tab.locator("#agency-pillar td.codes .led").first  # bold to the eye, in words to a screen reader
    assert led.locator(".visually-hidden").inner_text() == "Mengampu:"
    assert led.locator("a").first.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    context.close()


def test_search_counts_every_result_and_shows_more_on_request(page: object, server: str) -> None:
    """"anggaran" is on most pages: the count is all of them, not the first 20 shown, and the button
    adds the next ones, moving the focus to the first of them."""
    page.goto(server + "search.html?q=anggaran")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_function("/hasil/.test(document.getElementById('search-status').textContent)")  # type: ignore[attr-defined]
    total = int(page.inner_text("#search-status").split()[0])  # type: ignore[attr-defined]
    assert total > 40 and page.locator("#search-results li").count() == 20  # type: ignore[attr-defined]
    page.click("#search-more")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 20")  # type: ignore[attr-defined]
    assert page.locator("#search-results li").count() == min(total, 40)  # type: ignore[attr-defined]
    focused = page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#search-results li')[20]")  # type: ignore[attr-defined]
    assert focused
    assert page.problems == []  # type: ignore[attr-defined]


def test_back_from_a_result_returns_to_the_same_place_in_the_results(page: object, server: str) -> None:
    """Back from the 30th result came to the top of the first 20: the results arrive after the page has loaded,
    too late for the browser to scroll back, and the "more" batches were gone. They come back, scrolled as left."""
    page.goto(server + "search.html?q=anggaran")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.click("#search-more")  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 20")  # type: ignore[attr-defined]
    shown = page.locator("#search-results li").count()  # type: ignore[attr-defined]
    chosen = page.locator("#search-results li a").nth(29)  # type: ignore[attr-defined]
    chosen.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    scrolled, href = page.evaluate("scrollY"), chosen.get_attribute("href")  # type: ignore[attr-defined]
    chosen.click()  # type: ignore[attr-defined]
    page.wait_for_url("**" + href.split("#")[0] + "*")  # type: ignore[attr-defined]
    page.go_back()  # type: ignore[attr-defined]
    page.wait_for_function(f"document.querySelectorAll('#search-results li').length === {shown} && scrollY > 0")  # type: ignore[attr-defined]
    assert abs(page.evaluate("scrollY") - scrolled) < 5  # type: ignore[attr-defined]
    assert page.locator("#search-results li a").nth(29).get_attribute("href") == href  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("query", ["quick wins", "peta jalan", "anggaran"])
def test_search_lists_a_subject_once(query: str, page: object, server: str) -> None:
    """A page that repeats a chapter's table (quick-wins.html beside Bab 12) is not a second result."""
    page.goto(server + f"search.html?q={query}")  # type: ignore[attr-defined]
    _wait_for_search(page)
    titles = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#search-results a", "links => links.map(a => a.textContent.trim().toLowerCase())")
    assert titles and len(titles) == len(set(titles)), titles
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")  # type: ignore[attr-defined]
    assert not {server + name for name in ("quick-wins.html", "roadmap.html", "budget.html")} & set(hrefs), hrefs


@pytest.mark.parametrize("width", [360, 1280])
def test_no_horizontal_scrolling(width: int, browser: object, server: str, plan: Plan) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    kinds = {**page_types(plan), "quick-wins": "quick-wins.html", "data": "data.html", "agencies": "agency/index.html",
             "chapter": f"chapter/{plan.chapters[1].id}.html", "glossary": "glossary.html", "404": "404.html",
             "vision": f"chapter/{next(c.id for c in plan.chapters if 'vision' in c.generated)}.html"}
    too_wide = {}
    for kind, path in kinds.items():
        tab.goto(server + path)
        if kind == "search":
            _wait_for_search(tab)
        scroll = tab.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[kind] = scroll
    context.close()
    assert too_wide == {}


def test_large_text_on_a_phone_reflows_and_keeps_the_menu_in_reach(browser: object, server: str, plan: Plan) -> None:
    """Text at 200 % on a 360 px phone (WCAG's resize text): the site title ran over the Menu button, whose tap
    opened the home page instead, so the menu and the search were out of reach; the program facts, the pillar
    cards, the budget bars, the chapter list and the glossary pushed pages 25 to 150 px sideways; the indicator
    charts hid their later years off to the side; a strip of the skip link showed above the header."""
    context = browser.new_context(viewport={"width": 360, "height": 740})  # type: ignore[attr-defined]
    tab = context.new_page()
    kinds = {**page_types(plan), "glossary": "glossary.html", "chapter": f"chapter/{plan.chapters[1].id}.html"}
    too_wide, menu = {}, {}
    for kind, path in kinds.items():
        tab.goto(server + path)
        tab.add_style_tag(content="html { font-size: 200% !important; }")
        scroll = tab.evaluate("document.documentElement.scrollWidth")
        if scroll > 360:
            too_wide[kind] = scroll
        menu[kind] = tab.evaluate("""() => { const button = document.querySelector('.menu-toggle'), r = button.getBoundingClientRect();
            return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button; }""")
    tab.goto(server + "program/GOV-01.html")
    tab.add_style_tag(content="html { font-size: 200% !important; }")
    hidden_years = tab.eval_on_selector_all("figure.columns ol", """charts => charts.map(ol => [...ol.children]
        .filter(li => li.getBoundingClientRect().right > ol.getBoundingClientRect().right + 1).length)""")
    skip = tab.eval_on_selector(".skip-link", "link => link.getBoundingClientRect().bottom")
    tab.locator(".menu-toggle").click()
    opened = tab.locator("#header-q").is_visible()
    context.close()
    assert too_wide == {} and all(menu.values()), (too_wide, menu)
    assert hidden_years and set(hidden_years) == {0}, hidden_years
    assert skip <= 0 and opened


def test_on_a_phone_a_range_of_years_is_not_cut_at_its_dash(browser: object, server: str) -> None:
    """At 390 px the home page's title ended "Kota Pasuruan 2022–" with "2031" alone on the next line, and so did
    the roadmap chapter's phase headings. Each range now sits on one line."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    lines = {}
    for path in ("index.html", "chapter/peta-jalan.html"):
        tab.goto(server + path)
        lines[path] = tab.eval_on_selector_all("main :is(h1, h2) .years", """ranges => ranges.map(range => {
            const words = document.createRange();
            words.selectNodeContents(range);
            return [range.textContent, new Set([...words.getClientRects()].map(box => Math.round(box.top))).size]; })""")
    context.close()
    assert len(lines["index.html"]) >= 1 and len(lines["chapter/peta-jalan.html"]) >= 3, lines
    assert all(count == 1 for found in lines.values() for _, count in found), lines


def test_the_small_links_on_a_phone_are_a_fingers_target(browser: object, server: str, plan: Plan) -> None:
    """The footer's links, the breadcrumbs and the contents list's entries were 15 to 19 px high on a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + f"chapter/{plan.chapters[1].id}.html")
    heights = tab.eval_on_selector_all(".footer-links a, .breadcrumbs a, .toc a",
                                       "links => links.map(a => a.getBoundingClientRect().height)")
    context.close()
    assert len(heights) >= 6 and min(heights) >= 24, heights


@pytest.mark.parametrize("path", ["budget.html", "chapter/tata-kelola.html"])
def test_a_wrapped_contents_entry_has_its_number_at_its_first_line(path: str, browser: object, server: str) -> None:
    """At 360 px an entry of "Di halaman ini" that wraps had its number beside its last line ("Anggaran per Sumber
    Pendanaan / 4. dan Tahun"): the number is drawn at the first line, the lines after it indented under the text.
    A chapter's entries carry the book's numbers ("14.4 Anggaran per Dimensi dan Tahun"), their words' lines under
    their first word."""
    from io import BytesIO

    from PIL import Image

    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + path)
    entries = tab.eval_on_selector_all(".toc li", """items => items.map(li => {
        const ol = li.parentElement.getBoundingClientRect(), r = li.getBoundingClientRect();
        const a = li.querySelector('a'), number = a.querySelector('.secnum'), range = document.createRange();
        range.selectNodeContents(a);
        if (number) range.setStartAfter(number);  // the book's number: its words are the entry's lines
        const text = [...range.getClientRects()].filter(t => t.width > 0);
        return {x: ol.left + 1, y: r.top + window.scrollY, width: r.left - ol.left - 1, height: r.height,
                first: text[0].bottom - r.top, lefts: [...new Set(text.map(t => Math.round(t.left)))],
                number: number && [(number.getBoundingClientRect().top + number.getBoundingClientRect().bottom) / 2 - r.top,
                                 text[0].left - number.getBoundingClientRect().right]};
        })""")
    wrapped = [entry for entry in entries if entry["height"] > 2 * entry["first"]]
    numbers = []
    for entry in wrapped:  # the rows of the number's ink, in the margin left of the entry, or the book's number's middle
        if entry["number"]:
            numbers.append((0, round(entry["number"][0]), round(entry["first"])))
            assert entry["number"][1] >= 0, entry  # beside its words, not under them
            continue
        shot = Image.open(BytesIO(tab.screenshot(full_page=True, clip={  # type: ignore[attr-defined]
            "x": entry["x"], "y": entry["y"], "width": entry["width"], "height": entry["height"]}))).convert("L")
        ink = [y for y in range(shot.height) if min(shot.getpixel((x, y)) for x in range(shot.width)) < 128]
        numbers.append((min(ink), max(ink), round(entry["first"])))
    context.close()
    assert wrapped and all(len(entry["lefts"]) == 1 for entry in wrapped), wrapped  # its lines start alike
    assert all(bottom <= first for _, bottom, first in numbers), numbers
    if path.startswith("chapter/"):
        assert all(entry["number"] for entry in wrapped), wrapped


#: (table, text, lines) of each amount in the tables' cells: the lines its text takes, screen readers' words left out
_AMOUNT_LINES = """boxes => boxes.flatMap(box => [...box.querySelectorAll('td.num')].map(cell => {
        const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), lines = new Set(), seen = [];
        for (let text = walk.nextNode(); text; text = walk.nextNode()) {
            if (text.parentElement.closest('.visually-hidden') || !text.textContent.trim()) continue;
            const range = document.createRange(); range.selectNodeContents(text);
            [...range.getClientRects()].filter(r => r.width).forEach(r => lines.add(Math.round(r.bottom)));
            seen.push(text.textContent.trim());
        }
        return [box.querySelector('table').id, seen.join(' '), lines.size]; })
    .filter(([, text]) => /\\d/.test(text)))"""


@pytest.mark.parametrize("path", ["budget.html", "chapter/tata-kelola.html"])
def test_an_amount_never_wraps_and_the_budget_tables_fit_a_desktop(path: str, browser: object, server: str) -> None:
    """Amounts broke inside: at 1280 px Tabel 14.4's "Rp 5,2 / miliar", at 360 px Tabel 14.4's and 14.6's "Rp /
    170,41 / miliar" on three lines. Every amount of the budget's tables is on one line at both widths; at 1280 px
    every table fits its box (on a phone the grids scroll, with their cue)."""
    found, hidden = {}, {}
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + path)
        found[width] = tab.eval_on_selector_all(".table-scroll:has(table.budget)", _AMOUNT_LINES)
        hidden[width] = tab.eval_on_selector_all(".table-scroll:has(table.budget)", """boxes => boxes.map(box =>
            [box.querySelector('table').id, box.scrollWidth - box.clientWidth, box.classList.contains('scrolls')])""")
        context.close()
    assert len(found[1280]) > 200 and len(found[360]) == len(found[1280]), found
    assert [cell for width in found for cell in found[width] if cell[2] != 1] == []
    assert [box for box in hidden[1280] if box[1] > 0] == [], hidden[1280]
    assert all(box[2] for box in hidden[360] if box[1] > 0), hidden[360]  # what scrolls on a phone says so


@pytest.mark.parametrize("path", ["index.html", "pillar/environment.html", "agency/dlh.html"])
def test_a_key_figure_stays_on_one_line_in_its_card(path: str, browser: object, server: str) -> None:
    """The home page's "Anggaran indikatif" card read "Rp 276,66 / miliar" on a 360 px phone (three line boxes, 124 px
    for 215 px of figure). A figure is on one line and inside its card at 360 and at 1280 px: on a phone the cards
    stand one under another, at 1280 px the four stand in a row."""
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + path)
        cards = tab.eval_on_selector_all(".figures > div", """cards => cards.map(card => {
            const figure = card.querySelector('dd'), range = document.createRange(); range.selectNodeContents(figure);
            const lines = new Set([...range.getClientRects()].filter(r => r.width).map(r => Math.round(r.bottom)));
            const text = range.getBoundingClientRect(), box = card.getBoundingClientRect();
            return [figure.textContent.trim(), lines.size, text.left >= box.left && text.right <= box.right,
                    Math.round(box.top)]; })""")
        context.close()
        assert len(cards) >= 3 and any(card[0].startswith("Rp ") for card in cards), cards
        assert [card for card in cards if card[1] != 1 or not card[2]] == [], (width, cards)
        rows = {card[3] for card in cards}
        assert len(rows) == (len(cards) if width == 360 else 1), (width, cards)


def test_a_table_wider_than_the_screen_says_it_scrolls(browser: object, server: str) -> None:
    """The budget by pillar and year is wider than a phone: a cue above it says so until it is scrolled to its
    end; a table that fits has no cue. At 1280 px all three fit (the budget by pillar and year scrolled there
    until its years ran down and its pillars across); on a phone the funding sources' and the agencies' tables
    fit too (the agencies' cut its amounts off until they were rounded, as in the first table); the budget by
    funding source and year, eight sources across, scrolls on a phone as the first does, and so does the budget by
    agency and year, eleven columns of amounts; at 1280 px that one hid 640 px of its years until its amounts were
    written in one unit, billions of rupiah, named in its caption. The APBD against its ceiling (five columns)
    fits 1280 px and scrolls on a phone, where its amounts wrapped ("Rp 28,3 / miliar") until an amount kept to
    one line."""
    hint = "Geser ke samping untuk melihat semua kolom"
    cue = "box => getComputedStyle(box, '::before').content"
    faded = "box => getComputedStyle(box).maskImage !== 'none'"
    for width, cued in ((390, [True, False, False, True, True, True]), (1280, [False] * 6)):
        context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + "budget.html")
        boxes = tab.locator(".table-scroll")
        assert [hint in boxes.nth(i).evaluate(cue) for i in range(boxes.count())] == cued, width
        # the columns past the edge fade out there: a figure cut at the edge read as a whole one ("650.000.00")
        assert [boxes.nth(i).evaluate(faded) for i in range(boxes.count())] == cued, width
        if cued[0]:
            boxes.first.evaluate("box => box.scrollTo(box.scrollWidth, 0)")
            tab.wait_for_function("() => document.querySelector('.table-scroll').classList.contains('at-end')")
            assert not boxes.first.evaluate(faded)  # its last column shown whole
        context.close()


@pytest.mark.parametrize("path", ["quick-wins.html", "program/GOV-05.html", "pillar/governance.html"])
def test_a_list_table_on_a_phone_reads_as_cards(path: str, browser: object, server: str) -> None:
    """At 390 px the quick wins' problem column was 90 px wide and the budget, years and last target were
    off-screen: each row is now a card, its name first, every value under its column's name, nothing hidden
    sideways. At 1280 px the tables keep their columns."""
    found = {}
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + path)
        found[width] = tab.eval_on_selector_all(".table-scroll:has(table:not(.budget))", """boxes => boxes.map(box => {
            const row = box.querySelector('tbody tr'), name = row.querySelector('th[scope=row]');
            const first = [...row.children].filter(cell => cell.offsetHeight)
                .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
            const cells = [...row.querySelectorAll('td')].filter(td => td.textContent.trim());
            return {stacked: box.classList.contains('stacked'), hidden: box.scrollWidth - box.clientWidth,
                    name_first: first === name, width: Math.round(box.getBoundingClientRect().width),
                    labels: cells.map(td => getComputedStyle(td, '::before').content.replace(' / ""', '')),
                    columns: [...box.querySelectorAll('thead th')].map(th => '"' + th.textContent.trim() + '"')};
        })""")
        if width == 390:
            assert _axe(tab) == []
        context.close()
    assert found[390] and all(box["stacked"] and box["hidden"] <= 1 and box["name_first"] and box["width"] <= 390
                              for box in found[390]), found[390]
    assert all(label in box["columns"] for box in found[390] for label in box["labels"]), found[390]
    assert all(not box["stacked"] and box["labels"] == ["none"] * len(box["labels"]) for box in found[1280])


def test_the_list_of_all_programs_on_a_phone_is_a_line_or_two_a_program(browser: object, server: str,
                                                                        plan: Plan) -> None:
    """At 360 px the page of all 70 programs ran to 22,800 px, each program a card of a value a line (up to 327 px):
    a program is now its name and badges (quick win, status) over a line or two of its code, sub-element, agency,
    years and budget; the tallest, a name of two lines and its badge under it, 156 px."""
    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "program/index.html")
    found = tab.evaluate("""() => ({height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        rows: [...document.querySelectorAll('table.programs tbody tr')].map(row => row.getBoundingClientRect().height)})""")
    assert _axe(tab) == []
    context.close()
    assert len(found["rows"]) == len(plan.programs) and max(found["rows"]) < 170, found["rows"]
    assert found["height"] < 12000 and found["width"] <= 360, found["height"]


def _programs_shown(tab: object) -> list[str]:
    """The codes of the programs the all-programs page shows."""
    return tab.eval_on_selector_all("table.programs tbody tr", """rows => rows.filter(row => row.checkVisibility())
        .map(row => row.querySelector('.code').textContent)""")  # type: ignore[attr-defined]


def _filtered(tab: object, count: str) -> None:
    tab.wait_for_function("count => document.getElementById('program-filter-count').textContent === count",  # type: ignore[attr-defined]
                          arg=count)


def test_the_programs_filter_narrows_the_list_and_says_how_many(page: object, server: str, plan: Plan) -> None:
    """Finding one program among 70 (3,000 in a large plan) meant scrolling the whole list: a box narrows it by
    code, name, agency (leading or partnering) or place as the reader types, a menu by pillar, and a live region says
    how many show. A kelurahan's staff typing their kecamatan found none of the programs it supports or that run
    there ("Purworejo": 0 of 70)."""
    total = len(plan.programs)
    page.goto(server + "program/index.html")  # type: ignore[attr-defined]
    _filtered(page, f"{total} dari {total} program")
    assert len(_programs_shown(page)) == total
    assert page.get_attribute("#program-filter-count", "role") == "status"  # type: ignore[attr-defined]
    involved = sorted(p.id for p in plan.programs if "Dinkes" in {a.short_name for a in [p.lead, *p.partners] if a})
    assert len(involved) > len([p for p in plan.programs if p.lead and p.lead.short_name == "Dinkes"])
    page.fill("#program-filter-text", "dinkes")  # type: ignore[attr-defined]
    _filtered(page, f"{len(involved)} dari {total} program")
    assert sorted(_programs_shown(page)) == involved
    # Gadingrejo: Kec. Gadingrejo's own program, those it supports, and one carried out there (Sentra mebel Bukir)
    there = sorted(p.id for p in plan.programs if "Gadingrejo" in " ".join(
        [str(p.name), str(p.location), *(a.short_name for a in [p.lead, *p.partners] if a)]))
    assert len(there) > len([p for p in plan.programs if p.lead and "Gadingrejo" in p.lead.short_name]) + 1
    page.fill("#program-filter-text", "gadingrejo")  # type: ignore[attr-defined]
    _filtered(page, f"{len(there)} dari {total} program")
    assert sorted(_programs_shown(page)) == there
    page.fill("#program-filter-text", "gov-05")  # type: ignore[attr-defined]
    _filtered(page, f"1 dari {total} program")
    assert _programs_shown(page) == ["GOV-05"]
    assert page.locator("section.program-group:visible").count() == 1  # type: ignore[attr-defined]
    # the page's list of pillars named all six with their full counts, five of them leading to hidden sections
    jumps = page.eval_on_selector_all(".toc li", "items => items.filter(i => i.checkVisibility()).map(i => i.textContent)")  # type: ignore[attr-defined]
    assert jumps == [f"{plan.pillars[0].name} (1)"], jumps
    pillar = plan.pillars[-1]
    page.fill("#program-filter-text", "")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "program-filter-pillar"  # type: ignore[attr-defined]
    page.select_option("#program-filter-pillar", pillar.id)  # type: ignore[attr-defined]
    _filtered(page, f"{len(pillar.programs)} dari {total} program")
    assert sorted(_programs_shown(page)) == sorted(p.id for p in pillar.programs)
    jumps = page.eval_on_selector_all(".toc li", "items => items.filter(i => i.checkVisibility()).map(i => i.textContent)")  # type: ignore[attr-defined]
    assert jumps == [f"{pillar.name} ({len(pillar.programs)})"], jumps
    # "what is planned for 2025": typing 2025 found the 11 programs starting or ending then, not the 59 running then
    page.select_option("#program-filter-pillar", "")  # type: ignore[attr-defined]
    page.select_option("#program-filter-year", "2025")  # type: ignore[attr-defined]
    running = sorted(p.id for p in plan.programs if p.period.start <= 2025 <= p.period.end)
    _filtered(page, f"{len(running)} dari {total} program")
    assert sorted(_programs_shown(page)) == running and 11 < len(running) < total
    assert page.locator("label[for=program-filter-year]").inner_text() == "Berjalan pada"  # type: ignore[attr-defined]
    page.fill("#program-filter-text", "dinkes")  # type: ignore[attr-defined]
    both = sorted(set(running) & set(involved))
    _filtered(page, f"{len(both)} dari {total} program")
    assert sorted(_programs_shown(page)) == both
    assert _axe(page) == [] and page.problems == []  # type: ignore[attr-defined]
    # a province's officer could not send a Kota Blitar resident the list narrowed down: its address now keeps it
    address = page.url  # type: ignore[attr-defined]
    assert urlsplit(address).path.endswith("program/index.html") and sorted(urlsplit(address).query.split("&")) == [
        "q=dinkes", "year=2025"], address
    page.goto("about:blank")  # type: ignore[attr-defined]
    page.goto(address)  # type: ignore[attr-defined]
    _filtered(page, f"{len(both)} dari {total} program")
    assert sorted(_programs_shown(page)) == both and page.input_value("#program-filter-text") == "dinkes"  # type: ignore[attr-defined]
    page.goto(server + "program/index.html?pillar=nowhere&q=&utm_source=wa")  # type: ignore[attr-defined]
    _filtered(page, f"{total} dari {total} program")  # a pillar no menu offers: the whole list
    assert "utm_source=wa" in page.url  # type: ignore[attr-defined]  # another's parameter left as it was


def test_the_agencies_page_narrows_its_list_as_the_reader_types(page: object, server: str, plan: Plan) -> None:
    """A province's 120 agencies, several cities', made a page of 39,384 px with no way to find one city's: a box
    narrows the list by name or short name as the reader types, and says how many show."""
    total = len(plan.agencies)
    assert total > 30  # a long list: the sample's 31
    page.goto(server + "agency/index.html")  # type: ignore[attr-defined]
    _filtered(page, f"{total} dari {total} perangkat daerah")
    assert page.locator("label[for=program-filter-text]").inner_text() == "Nama atau singkatan"  # type: ignore[attr-defined]
    page.fill("#program-filter-text", "badan")  # type: ignore[attr-defined]
    boards = sorted(str(a.name) for a in plan.agencies if "badan" in str(a.name).lower())
    _filtered(page, f"{len(boards)} dari {total} perangkat daerah")
    shown = page.eval_on_selector_all(".agency-list > li", """items => items.filter(i => i.checkVisibility())
        .map(i => i.querySelector('a').textContent)""")  # type: ignore[attr-defined]
    assert sorted(shown) == boards and 1 < len(boards) < total
    page.fill("#program-filter-text", "dinkes")  # type: ignore[attr-defined]  # a short name finds its agency
    _filtered(page, f"1 dari {total} perangkat daerah")
    page.fill("#program-filter-text", "tidak ada")  # type: ignore[attr-defined]
    _filtered(page, f"0 dari {total} perangkat daerah")
    assert page.locator("#program-filter-none").is_visible()  # type: ignore[attr-defined]
    assert "q=tidak+ada" in page.url or "q=tidak%20ada" in page.url  # type: ignore[attr-defined]
    assert _axe(page) == [] and page.problems == []  # type: ignore[attr-defined]


def test_the_programs_filter_reads_words_as_the_search_does_and_sends_on_what_it_lacks(page: object, server: str,
                                                                                      plan: Plan) -> None:
    """A resident typed "wifi" and got "0 dari 70 program", though the site's search found "Wi-Fi Publik" first;
    the page's list of pillars then stood as an empty frame, and nothing said where else to look. Hyphens within a
    word count for nothing, as in the search; words no program here has offer the whole plan's search for them."""
    total = len(plan.programs)
    page.goto(server + "program/index.html")  # type: ignore[attr-defined]
    wifi = sorted(p.id for p in plan.programs if "wi-fi" in str(p.name).lower())
    page.fill("#program-filter-text", "wifi")  # type: ignore[attr-defined]
    _filtered(page, f"{len(wifi)} dari {total} program")
    assert sorted(_programs_shown(page)) == wifi and wifi
    assert not page.is_visible("#program-filter-none")  # type: ignore[attr-defined]
    page.fill("#program-filter-text", "E-SAMBAT")  # type: ignore[attr-defined]
    _filtered(page, f"1 dari {total} program")
    page.fill("#program-filter-text", "bandara udara")  # type: ignore[attr-defined]
    _filtered(page, f"0 dari {total} program")
    assert not page.is_visible(".toc")  # type: ignore[attr-defined]
    link = page.locator("#program-filter-none a")  # type: ignore[attr-defined]
    assert link.is_visible() and link.inner_text() == "Cari di seluruh masterplan"
    assert link.get_attribute("href").endswith("search.html?q=bandara%20udara")
    link.click()
    # the search page writes its words into its address as a form would ("+" for a space) once it has read them
    page.wait_for_url(re.compile(r"/search\.html\?q=bandara(%20|\+)udara$"))  # type: ignore[attr-defined]
    assert page.input_value("#search-input") == "bandara udara"  # type: ignore[attr-defined]


def test_without_script_the_programs_page_lists_every_program_and_no_filter(browser: object, server: str,
                                                                           plan: Plan) -> None:
    """The filter needs script: without it the form, which would do nothing, stays hidden and every program shows."""
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "program/index.html")
    shown, form = _programs_shown(tab), tab.is_visible("#program-filter")
    context.close()
    assert len(shown) == len(plan.programs) and not form


def test_an_indicator_on_a_phone_shows_its_targets_side_by_side(browser: object, server: str) -> None:
    """At 360 px GOV-05's indicator (unit, baseline, three yearly targets) was a card of 303 px, a value a line,
    over a chart of 247 px: its unit and baseline now share a line, its targets several a line, each value still
    under its column's name, the card under 200 px and the chart lower, its key (naming the baseline's gray, one
    line of 22 px) included."""
    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "program/GOV-05.html")
    found = tab.eval_on_selector("table.indicators tbody tr", """row => {
        const cells = [...row.querySelectorAll('td')];
        return {height: row.getBoundingClientRect().height, tops: cells.map(td => Math.round(td.getBoundingClientRect().top)),
                labels: cells.map(td => getComputedStyle(td, '::before').content.replace(' / ""', '')),
                right: Math.max(...cells.map(td => td.getBoundingClientRect().right)),
                chart: document.querySelector('figure.columns').getBoundingClientRect().height,
                key: document.querySelector('figure.columns .columns-key').getBoundingClientRect().height}; }""")
    context.close()
    tops = found["tops"]
    assert found["height"] < 200 and found["chart"] < 232 and found["key"] < 25 and found["right"] <= 360, found
    assert tops[0] == tops[1] and len(set(tops[2:])) < len(tops[2:]), found  # side by side
    assert found["labels"][:3] == ['"Satuan"', '"Kondisi awal"', '"2023"'], found


@pytest.mark.parametrize("width", [360, 1280])
def test_the_budget_by_mission_shows_every_figure_without_scrolling(width: int, browser: object, server: str) -> None:
    """Tabel 3.2, the budget by RPJMD mission (a mission's words, its programs, budget, APBD and share), hides
    nothing sideways: at 1280 px in its columns, on a phone as one card a mission, each figure under its column's
    name, the total last."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "chapter/visi-misi.html")
    box = tab.eval_on_selector(".table-scroll:has(#budget-mission)", """box => {
        const cells = [...box.querySelectorAll('td')], port = box.getBoundingClientRect();
        return {hidden: box.scrollWidth - box.clientWidth, stacked: box.classList.contains('stacked'),
                page: document.documentElement.scrollWidth, rows: box.querySelectorAll('tbody tr, tfoot tr').length,
                outside: cells.filter(td => td.getBoundingClientRect().right > port.right + 0.5).length,
                labels: [...box.querySelectorAll('tfoot td')].map(td => getComputedStyle(td, '::before').content.replace(' / ""', ''))}; }""")
    context.close()
    assert box["hidden"] <= 1 and box["outside"] == 0 and box["page"] <= width and box["rows"] == 5 + 1, box
    assert box["stacked"] == (width == 360), box
    assert box["labels"] == (['"Program"', '"Indikasi anggaran"', '"Bersumber APBD"', '"Porsi dari total"']
                             if width == 360 else ["none"] * 4), box


@pytest.mark.parametrize("path", ["quick-wins.html", "chapter/quick-wins.html"])
def test_the_quick_wins_output_targets_fit_a_desktop_and_read_as_cards_on_a_phone(path: str, browser: object,
                                                                                   server: str) -> None:
    """The book's "Target indikator" column, missing on the site: at 1280 px its nine columns fit the box (no
    sideways scrolling); at 360 px each quick win is a card with its targets under the column's name."""
    found = {}
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + path)
        found[width] = tab.eval_on_selector(".table-scroll:has(#quick-wins)", """box => {
            const cell = box.querySelector('tbody tr td:nth-of-type(6)');
            return {hidden: box.scrollWidth - box.clientWidth, stacked: box.classList.contains('stacked'),
                    columns: box.querySelectorAll('thead th').length, label: getComputedStyle(cell, '::before').content.replace(' / ""', ''),
                    shown: cell.getBoundingClientRect().right <= document.documentElement.clientWidth,
                    lines: [...cell.querySelectorAll('.output')].map(line => line.textContent)}; }""")
        context.close()
    assert found[1280]["hidden"] <= 0 and found[1280]["columns"] == 9 and not found[1280]["stacked"], found
    assert found[360]["stacked"] and found[360]["label"] == '"Target indikator"' and found[360]["shown"], found
    assert found[360]["lines"][0].startswith("Layanan publik daring") and found[360]["lines"][0].endswith("2023:\xa040")


def test_a_programs_budget_from_one_source_fits_a_phone(browser: object, server: str, plan: Plan) -> None:
    """GOV-01's budget (APBD only) was 12 px wider than a 360 px phone: "Tota", and the last digit of every
    total under the edge, for a Total column repeating the APBD one. A program with more sources keeps it."""
    one = next(p for p in plan.programs if len({line.source for line in p.budget}) == 1)
    more = next(p for p in plan.programs if len({line.source for line in p.budget}) > 1)
    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    found = {}
    for program in (one, more):
        tab.goto(f"{server}program/{program.id}.html")
        found[program.id] = tab.eval_on_selector(".table-scroll:has(#program-budget)", """box => [
            box.scrollWidth - box.clientWidth, [...box.querySelectorAll('thead th')].map(th => th.textContent.trim())]""")
    context.close()
    sources = sorted({line.source for line in more.budget})
    assert found[one.id] == [0, ["Tahun", one.budget[0].source]], found
    assert found[more.id][1] == ["Tahun", *sources, "Total"], found


def test_a_grid_of_figures_keeps_its_row_names_in_sight_while_it_scrolls(browser: object, server: str) -> None:
    """The budget by pillar and year scrolls on a phone: its years scrolled away with the amounts."""
    context = browser.new_context(viewport={"width": 390, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "budget.html")
    box = tab.locator(".table-scroll").first
    box.scroll_into_view_if_needed()
    before = box.evaluate("box => box.querySelector('tbody th').getBoundingClientRect().left")
    box.evaluate("box => box.scrollTo(box.scrollWidth, 0)")
    after = box.evaluate("""box => { const th = box.querySelector('tbody th'), r = th.getBoundingClientRect();
        return [r.left, document.elementFromPoint(r.left + 5, r.top + r.height / 2) === th]; }""")
    context.close()
    assert after == [before, True]


_FOCUSED_IN_GRID = """() => {
    const link = document.activeElement, box = link.closest('.table-scroll'), cell = link.closest('td, th');
    if (!box || !cell) return null;
    const r = link.getBoundingClientRect(), pinned = cell.parentElement.cells[0].getBoundingClientRect();
    const port = box.getBoundingClientRect(), right = port.left + box.clientLeft + box.clientWidth;
    return {link: link.textContent, clear: cell === cell.parentElement.cells[0] || r.left >= pinned.right - 0.5,
            inside: r.left >= port.left - 0.5 && r.right <= right + 0.5, scrolled: box.scrollLeft};
}"""


@pytest.mark.parametrize(("path", "table", "width"), [("chapter/visi-misi.html", "missions-matrix", 375),
                                                       ("chapter/visi-misi.html", "missions-matrix", 320),
                                                       ("chapter/tata-kelola.html", "budget-pillar", 375),
                                                       ("budget.html", "budget-pillar", 414)])
def test_a_link_reached_with_the_keyboard_is_not_hidden_under_a_grids_pinned_column(
        path: str, table: str, width: int, browser: object, server: str) -> None:
    """On a phone, Shift+Tab back through the missions' matrix (Tabel 3.1) or the budget by pillar (its pillars'
    links in the header row) left the focused link scrolled wholly under the row's pinned name: the keyboard user
    saw no focus at all. Every link, going forward to the table's end and back, is now in sight beside it."""
    context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + path)
    tab.eval_on_selector(f"#{table}", "t => t.closest('.table-scroll').focus()")
    seen = []
    for key in ["Tab"] * 200:
        tab.keyboard.press(key)
        where = tab.evaluate(_FOCUSED_IN_GRID)
        if where is None:
            break
        seen.append(("forward", where))
    links = len(seen)
    for _ in range(links):
        tab.keyboard.press("Shift+Tab")
        seen.append(("back", tab.evaluate(_FOCUSED_IN_GRID)))
    context.close()
    assert links >= 5 and max(where["scrolled"] for _, where in seen) > 50, seen
    hidden = [(way, where) for way, where in seen if not (where["clear"] and where["inside"])]
    assert not hidden, hidden


@pytest.mark.parametrize("width", [390, 1280])
def test_the_footer_of_a_short_page_stands_at_the_bottom_of_the_window(width: int, browser: object,
                                                                       server: str) -> None:
    """The 404 page is shorter than the window: its footer ended mid-window, over an empty band."""
    context = browser.new_context(viewport={"width": width, "height": 1200})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "404.html")
    bottom = tab.eval_on_selector(".site-footer", "footer => footer.getBoundingClientRect().bottom")
    height = tab.evaluate("document.documentElement.scrollHeight")
    context.close()
    assert abs(bottom - 1200) < 1 and height == 1200, (bottom, height)


def test_a_wrapped_chapter_title_on_the_home_page_stays_beside_its_label(browser: object, server: str) -> None:
    """At 390 px "Gambaran Umum dan Analisis Kesiapan" wrapped back under "Bab 2"."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    lines = tab.eval_on_selector_all(".chapter-list li", """items => items.filter(li => li.querySelector('.chapter-label'))
        .map(li => { const range = document.createRange(); range.selectNodeContents(li.querySelector('a'));
                     return [...range.getClientRects()].map(r => Math.round(r.left)); })""")
    context.close()
    wrapped = [starts for starts in lines if len(starts) > 1]
    assert wrapped and all(len(set(starts)) == 1 for starts in wrapped), wrapped


def test_only_a_table_that_scrolls_is_a_keyboard_stop(browser: object, server: str) -> None:
    """Every table's box was a Tab stop, even the many that fit and cannot scroll."""
    stops = {}
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + "budget.html")
        stops[width] = tab.eval_on_selector_all(
            ".table-scroll", "boxes => boxes.map(b => [b.scrollWidth > b.clientWidth + 1, b.tabIndex === 0])")
        context.close()
    assert stops[390][0] == [True, True] and stops[1280][0] == [False, False]
    assert all(scrolls == stop for boxes in stops.values() for scrolls, stop in boxes), stops


def test_a_table_of_chapter_text_shows_every_column_on_a_phone_in_large_text(browser: object, server: str) -> None:
    """Tabel 2.1 (SWOT), written in the chapter's Markdown, was a block that scrolled by itself: with text at 200 %
    on a 320 px phone its two right columns were cut at the screen's edge, with no cue, no name and no keyboard
    stop to scroll them. In the site's table box it now reads as cards, as the site's list tables do: every cell
    in sight under its column's name, the caption above as the box's title."""
    context = browser.new_context(viewport={"width": 320, "height": 700})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.route("**/site.css*", lambda route: route.fulfill(  # large text from the start, as the reader's setting is
        response=(css := route.fetch()), body=css.text() + "html { font-size: 200% !important; }"))
    tab.goto(server + "chapter/gambaran-umum.html")
    cut = tab.eval_on_selector_all("#tab-swot th, #tab-swot td", """cells => cells.filter(cell => {
        const box = cell.closest('.table-scroll, table').getBoundingClientRect(), edges = cell.getBoundingClientRect();
        return edges.right > Math.min(box.right, innerWidth) + 1 || edges.left < box.left - 1;
    }).map(cell => cell.textContent.slice(0, 20))""")
    title = tab.locator("#tab-swot").evaluate("table => table.parentElement.querySelector('.table-title')?.innerText")
    labels = tab.eval_on_selector_all("#tab-swot tbody td", "cells => cells.map(cell => cell.dataset.label)")
    roles = tab.eval_on_selector_all("#tab-swot th", "cells => cells.map(cell => [cell.textContent.trim(), "
                                     "cell.getAttribute('role')])")
    context.close()
    assert not cut, cut
    assert title == "Tabel 2.1 Analisis SWOT Kota Pasuruan"
    assert labels == ["Faktor positif", "Faktor negatif"] * 2, labels
    # its bold first column names the rows, and its head the columns, once its cells are cards
    assert roles == [["Lingkup", "columnheader"], ["Faktor positif", "columnheader"], ["Faktor negatif", "columnheader"],
                     ["Internal", "rowheader"], ["Eksternal", "rowheader"]], roles


def test_a_wide_table_of_chapter_text_scrolls_in_a_named_box_with_the_keyboard(browser: object,
                                                                                make_plan: Any) -> None:
    """A chapter's own table of fourteen years, too wide for a tablet: its box says it scrolls, is a keyboard stop
    named by the caption, and the arrow keys scroll it. On a phone it reads as cards, as the site's list tables."""
    from masterplan.build import BuildOptions, run
    years = range(2019, 2033)
    table = ("| Indikator | " + " | ".join(map(str, years)) + " |\n|---|" + "---|" * len(years) + "\n"
             + "| Indeks SPBE | " + " | ".join(f"{2 + i / 10:.2f}" for i, _ in enumerate(years)) + " |\n")
    chapter = f"---\ntitle: Pendahuluan\n---\n{table}\nTabel: Indeks SPBE per tahun (tab:spbe)\n"
    root = make_plan({"content/chapters/01-pendahuluan.md": chapter})
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report]
    with serving(root / "build" / "site") as address:
        context = browser.new_context(viewport={"width": 700, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(address + "chapter/pendahuluan.html")
        box = tab.get_by_role("region", name=re.compile(r"^Tabel 1\.1 Indeks SPBE per tahun$"))
        assert "Geser ke samping untuk melihat semua kolom" in box.evaluate("b => getComputedStyle(b, '::before').content")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth + 1 && b.tabIndex === 0")
        tab.keyboard.press("Tab")  # the skip link, the menu, …: Tab until the box has the focus
        for _ in range(40):
            if box.evaluate("b => document.activeElement === b"):
                break
            tab.keyboard.press("Tab")
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")
        tab.set_viewport_size({"width": 320, "height": 800})
        tab.wait_for_function("() => document.querySelector('.table-scroll').classList.contains('stacked')")
        labels = tab.eval_on_selector_all(".table-scroll td", "cells => cells.map(c => c.dataset.label)")
        context.close()
    assert labels[:3] == ["Indikator", "2019", "2020"], labels


def test_only_a_table_that_scrolls_is_a_named_region(browser: object, server: str) -> None:
    """A table's box that fits lost its Tab stop but stayed a region, so a screen reader's list of landmarks had
    one for each table on the page, each to do nothing with. It is one only while it scrolls, named by its
    caption; made narrow, a box that then scrolls is a region again."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "budget.html")
    regions = "boxes => boxes.map(b => [b.scrollWidth > b.clientWidth + 1, b.getAttribute('role'), b.getAttribute('aria-labelledby')])"
    wide = tab.eval_on_selector_all(".table-scroll", regions)
    tab.set_viewport_size({"width": 390, "height": 800})
    tab.wait_for_function("() => document.querySelector('.table-scroll').tabIndex === 0")
    narrow = tab.eval_on_selector_all(".table-scroll", regions)
    named = tab.get_by_role("region").evaluate_all(  # a <section> named by its heading is a region too
        "boxes => boxes.filter(b => b.matches('.table-scroll')).map(b => b.querySelector('caption').id)")
    context.close()
    assert wide and all(not scrolls and role is None and name is None for scrolls, role, name in wide), wide
    assert narrow[0][0] and [scrolls for scrolls, _, _ in narrow] == [role == "region" for _, role, _ in narrow]
    assert [name for scrolls, _, name in narrow if scrolls] == named and all(named), (narrow, named)


def test_the_budget_bars_share_one_scale(browser: object, server: str) -> None:
    """Each bar's grey track ended where its own value label began (740–769 px at 1280): a bar's length
    could not be compared with the next one's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "budget.html")
    charts = tab.eval_on_selector_all("figure.bars", """figures => figures.map(f =>
        [...f.querySelectorAll('.bar-track')].map(t => Math.round(t.getBoundingClientRect().right)))""")
    context.close()
    assert len(charts) == 3 and all(len(ends) > 3 and len(set(ends)) == 1 for ends in charts), charts  # by agency too


def test_on_a_phone_a_budget_bars_label_is_nearer_its_own_bar(browser: object, server: str) -> None:
    """At 390 px a bar's label (above it) stood 12 px from its own bar and 4.8 px from the bar above: "Smart
    Branding" read as the Governance bar's. Each label is now nearer its own bar than any other."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "budget.html")
    gaps = tab.eval_on_selector_all("figure.bars li", """rows => rows.map(row => {
        const label = row.querySelector('.bar-label').getBoundingClientRect();
        const own = row.querySelector('.bar-track').getBoundingClientRect();
        const before = row.previousElementSibling && row.previousElementSibling.querySelector('.bar-track').getBoundingClientRect();
        return [own.top - label.bottom, before ? label.top - before.bottom : 1e9]; })""")
    context.close()
    assert len(gaps) > 6 and all(0 <= own < above for own, above in gaps), gaps


def test_a_screen_reader_moves_through_the_roadmap_by_pillar_and_opens_a_program_from_it(page: object, server: str,
                                                                                          plan: Plan) -> None:
    """The roadmap's only heading was its title, over seventy programs: the pillars' names were plain text, and
    the chart's names led nowhere (the links were in the folded tables only)."""
    page.goto(server + "roadmap.html")  # type: ignore[attr-defined]
    chart = page.locator("#roadmap-chart")  # type: ignore[attr-defined]
    pillars = [str(p.name) for p in plan.pillars if p.programs]
    assert chart.get_by_role("heading", level=2).count() == len(pillars)
    assert all(chart.get_by_role("heading", level=2, name=name, exact=True).count() == 1 for name in pillars)
    links = chart.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"program/{p.id}.html" for p in plan.programs)
    chart.get_by_role("link", name=f"{plan.programs[0].id} {plan.programs[0].name}").click()
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.url.endswith(f"/program/{plan.programs[0].id}.html")  # type: ignore[attr-defined]


def test_the_roadmaps_tables_fold_under_the_chart(browser: object, server: str, plan: Plan) -> None:
    """The chart was followed by one table per pillar with the same data: 6,400 px of page at 1280. They are
    folded under a summary that opens them, keyboard included."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    folded = tab.evaluate("document.documentElement.scrollHeight")
    hidden = tab.eval_on_selector_all("table.roadmap", "ts => ts.filter(t => t.checkVisibility()).length")
    tab.focus("details.as-tables > summary")
    tab.keyboard.press("Enter")
    shown = tab.eval_on_selector_all("table.roadmap", "ts => ts.filter(t => t.checkVisibility()).length")
    context.close()
    assert folded < 3500 and hidden == 0
    assert shown == sum(1 for pillar in plan.pillars if pillar.programs)


def test_the_roadmaps_phase_band_keeps_its_name_cell_as_tall_as_the_phases(browser: object, server: str) -> None:
    """At 390 px the chart's band of phases stood 38 px tall and its sticky "Tahapan" cell 23 px: scrolled
    sideways, slivers of "Jangka / Menengah" showed above and below it. The cell now fills the band's height."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    band, name = tab.eval_on_selector(".gantt-phases", """band => [band.getBoundingClientRect(),
        band.querySelector('.gantt-name').getBoundingClientRect()].map(box => [box.top, box.bottom])""")
    context.close()
    assert band[1] - band[0] > 30 and abs(name[0] - band[0]) < 1 and abs(name[1] - band[1]) < 1, (band, name)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_roadmaps_tables_mark_each_quick_win_as_the_chart_does(width: int, browser: object, server: str,
                                                                    plan: Plan) -> None:
    """The chart marks a quick win with a diamond (", quick win" to a screen reader); its tables, the same data
    for whoever cannot use the chart, said nothing of it. Each quick win's row now says "Quick win", to the eye
    beside its code and to a screen reader in the row's name."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    tab.click("details.as-tables > summary")
    rows = dict(tab.eval_on_selector_all("table.roadmap tbody th[scope=row]", """names => names.map(name => {
        const mark = name.querySelector('.badge'), edges = name.getBoundingClientRect();
        const seen = mark && mark.checkVisibility() && mark.getBoundingClientRect().right <= edges.right + 1;
        return [name.querySelector('.code').textContent, seen ? name.innerText.replace(/\\s+/g, ' ') : ''];
    })"""))
    context.close()
    quick = {program.id for program in plan.quick_wins}
    assert quick and {code for code, text in rows.items() if text.endswith("Quick Win")} == quick, rows


def test_a_folded_roadmap_table_says_it_scrolls_once_opened(browser: object, server: str) -> None:
    """A table folded in <details> measured nothing when the page loaded: opened on a phone, it scrolled
    without its cue and was no keyboard stop."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    tab.click("details.as-tables > summary")
    boxes = tab.eval_on_selector_all("details.as-tables .table-scroll",
                                     "bs => bs.map(b => [b.classList.contains('scrolls'), b.tabIndex === 0])")
    context.close()
    assert boxes and all(scrolls and stop for scrolls, stop in boxes), boxes


def test_the_roadmap_on_a_phone_is_legible_and_says_it_scrolls(browser: object, server: str) -> None:
    """At 390 px the roadmap's program names were about 8 px high; now about 13, in a box with the cue."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    sizes = tab.eval_on_selector_all("#roadmap-chart li", "rows => rows.map(row => parseFloat(getComputedStyle(row).fontSize))")
    cue = tab.eval_on_selector(".chart-scroll", "box => getComputedStyle(box, '::before').content")
    context.close()
    assert sizes and min(sizes) >= 12, sorted(sizes)[:5]
    assert "Geser ke samping untuk melihat semua tahun" in cue


@pytest.mark.parametrize("width", [360, 1280])
def test_the_roadmaps_program_names_look_like_links_without_a_pointer(width: int, browser: object, server: str,
                                                                      plan: Plan) -> None:
    """The chart's program names, each a link to its program, were underlined only under a mouse pointer: on a
    phone, which has none, they read as plain text (WCAG 1.4.1). Each is underlined now, clear of its letters."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    links = tab.eval_on_selector_all("#roadmap-chart a", """links => links.map(a => {
        const style = getComputedStyle(a);
        return [a.textContent.trim().split(' ')[0], style.textDecorationLine,
                parseFloat(style.textDecorationThickness), parseFloat(style.textUnderlineOffset)];
    })""")
    context.close()
    assert sorted(code for code, *_ in links) == sorted(program.id for program in plan.programs)  # every name
    assert {line for _, line, _, _ in links} == {"underline"}, links[:3]
    assert min(thickness for *_, thickness, _ in links) >= 1 and min(offset for *_, offset in links) >= 2, links[:3]


def test_the_roadmaps_pillar_band_and_its_years_stay_at_the_top_while_its_programs_scroll_by(
        browser: object, server: str, plan: Plan) -> None:
    """Scrolled down the roadmap, its years had gone off the top with the pillar's band: a province's band is
    hundreds of lines long. On a screen the chart fits, the band of the pillar being read stays at the top of the
    window, its years in it, over the programs it names. A phone's chart
    scrolls sideways in its box, and repeats the years at each band as before."""
    pillar = max(plan.pillars, key=lambda p: len(p.programs))
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    band = f"#roadmap-chart-pillar-{pillar.id}"
    deep = tab.evaluate(f"""() => {{
        const band = document.querySelector('{band}').closest('.gantt-pillar');
        const rows = band.nextElementSibling.querySelectorAll('li');
        const row = rows[rows.length - 2];
        window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 400);
        const b = band.getBoundingClientRect(), r = row.getBoundingClientRect();
        const years = [...band.querySelectorAll('.gantt-track span')].map(y => y.textContent.trim());
        const seen = document.elementFromPoint(b.left + 5, b.top + b.height / 2);
        return {{band: [b.top, b.bottom], row: r.top, years: years, seen: band.contains(seen)}};
    }}""")
    context.close()
    assert deep["row"] > 300, deep  # the band's own top line is far above: the page is scrolled past it
    assert deep["band"][0] == 0 and deep["seen"], deep
    assert deep["years"] == [str(year) for year in range(plan.period.start, plan.period.end + 1)]
    phone = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = phone.new_page()
    tab.goto(server + "roadmap.html")
    position = tab.eval_on_selector(band, "e => getComputedStyle(e.closest('.gantt-pillar')).position")
    phone.close()
    assert position == "static"


#: The element of the roadmap chart that shows a piece of text, the innermost holding all of it, and where it is:
#: its box, and whether it is what a reader sees at its centre (not hidden under, or scrolled out of, its box).
_SHOWN = """([text]) => {
    const holders = [...document.querySelectorAll('#roadmap-chart *')]
        .filter(e => e.getClientRects().length && e.textContent.replace(/\\s+/g, ' ').includes(text));
    const el = holders.find(e => ![...e.children].some(child => holders.includes(child)));
    if (!el) { return null; }
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const box = document.querySelector('#roadmap-chart .chart-scroll');
    box.scrollLeft = box.scrollWidth;
    const r = el.getBoundingClientRect();
    const seen = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, seen: !!seen && el.contains(seen),
            scrolled: box.scrollLeft, row: el.closest('li') && (b => b && [b.top, b.bottom])(
                el.closest('li').querySelector('.gantt-bar')?.getBoundingClientRect())};
}"""


@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_the_roadmaps_names_stay_in_sight_while_its_years_scroll_on_a_phone(
        browser: object, server: str, plan: Plan, script: bool) -> None:
    """At 390 px the roadmap scrolls sideways. It was one SVG, names and bars together: scrolled to its last years,
    the names had gone off the left edge and no bar could be told from another. The names now stay in sight at
    the left, each on its bar's row, while the years scroll under them; with or without script."""
    first = next(pillar for pillar in plan.pillars if pillar.programs).programs[0]
    last_year = str(plan.period.end)
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=script)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    name = tab.evaluate(_SHOWN, [str(first.name)])
    year = tab.evaluate(_SHOWN, [last_year])
    context.close()
    assert name is not None and year is not None
    assert name["scrolled"] > 100, "the chart should scroll sideways on a phone"
    assert year["seen"] and 0 <= year["left"] and year["right"] <= 390, year
    assert name["seen"] and 0 <= name["left"] and name["right"] <= 390, name
    assert 0 <= name["top"] and name["bottom"] <= 844, name
    assert name["row"], "the first program has a bar"
    bar_top, bar_bottom = name["row"]
    assert name["top"] <= bar_top and bar_bottom <= name["bottom"], (name, "bar", name["row"])
    assert abs((name["top"] + name["bottom"]) / 2 - (bar_top + bar_bottom) / 2) < 2, (name, "bar", name["row"])


#: The roadmap's box and, for each year above it, the year and the middle of its heading (script for evaluate).
_YEAR_MIDDLES = """
        const box = document.querySelector('#roadmap-chart .chart-scroll');
        const middle = e => { const r = e.getBoundingClientRect(); return (r.left + r.right) / 2; };
        const years = [...box.querySelector('.gantt-pillar').querySelectorAll('.gantt-track > span')]
            .map(e => [e.textContent.trim(), middle(e)]);"""


def test_the_roadmap_at_desktop_width_shows_every_name_beside_its_years(browser: object, server: str,
                                                                        plan: Plan) -> None:
    """At 1280 px the whole roadmap fits, without scrolling: each program's code and name, left of a bar that
    covers exactly the years it runs (the middle of each of its years' headings), and its years for screen readers."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    shown = tab.evaluate("() => {" + _YEAR_MIDDLES + """
        const rows = [...box.querySelectorAll('li')].map(row => {
            const name = row.querySelector('.gantt-name'), bar = row.querySelector('.gantt-bar');
            const n = name.getBoundingClientRect(), b = bar.getBoundingClientRect();
            return {text: row.textContent.replace(/\\s+/g, ' ').trim(), visible: name.checkVisibility() && bar.checkVisibility(),
                    name: [n.left, n.right, n.width], bar: [b.left, b.right, b.height]};
        });
        return {fits: box.scrollWidth <= box.clientWidth + 1, years, rows};
    }""")
    context.close()
    programs = [program for pillar in plan.pillars for program in pillar.programs]
    assert shown["fits"] and len(shown["rows"]) == len(programs)
    assert [year for year, _ in shown["years"]] == [str(year) for year in plan.period.years]
    for program, row in zip(programs, shown["rows"]):
        period = f"{program.period.start}–{program.period.end}" if program.period.end != program.period.start \
            else str(program.period.start)
        assert row["text"].startswith(f"{program.id} {program.name}") and row["text"].endswith(period), row
        (name_left, name_right, name_width), (bar_left, bar_right, bar_height) = row["name"], row["bar"]
        assert row["visible"] and 0 <= name_left and name_width > 200 and bar_height >= 6, row
        assert name_right <= bar_left and bar_right <= 1280, row
        covered = {int(year) for year, middle in shown["years"] if bar_left < middle < bar_right}
        assert covered == set(program.period.years) & set(plan.period.years), (program.id, covered)


@pytest.mark.parametrize("width", [1280, 360])
def test_the_roadmap_names_each_phase_over_its_own_years(width: int, browser: object, server: str, plan: Plan) -> None:
    """The sample's phases (plan.yml phases) in a band above the years: each name whole within its box (wrapped on
    a phone, never cut), each box over exactly the years of its phase, a faint line down the programs' rows where
    a phase starts; the page itself never wider than the screen."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    shown = tab.evaluate("() => {" + _YEAR_MIDDLES + """
        const phases = [...box.querySelectorAll('.gantt-phases .gantt-track > span')].map(e => {
            const r = e.getBoundingClientRect();
            return {name: e.textContent.trim(), left: r.left, right: r.right, whole: e.scrollWidth <= e.clientWidth,
                    size: parseFloat(getComputedStyle(e).fontSize)};
        });
        const track = box.querySelector('li .gantt-track');
        return {years, phases, lines: getComputedStyle(track).backgroundImage.split('linear-gradient').length - 1,
                page: document.documentElement.scrollWidth};
    }""")
    context.close()
    assert shown["page"] <= width
    assert [phase["name"] for phase in shown["phases"]] == [str(phase.name) for phase in plan.phases]
    for phase, band in zip(plan.phases, shown["phases"]):
        assert band["whole"] and band["size"] >= 12, band
        under = {int(year) for year, middle in shown["years"] if band["left"] < middle < band["right"]}
        assert under == set(phase.period.years), (band, under)
    assert shown["lines"] == (len(plan.phases) - 1) + 1  # a line where each later phase starts, the years' stripes


def test_each_pillar_of_the_roadmap_gives_the_years_again_in_line_with_its_bars(browser: object, server: str,
                                                                              plan: Plan) -> None:
    """The years were given once, above the chart: scrolled down to the last pillar's programs (70 rows on,
    several screens on a phone), nobody could tell which year a bar stood for. Each pillar's band now gives
    the years again, each above the same column as the first band's (the row of years above it repeated them, and
    is gone); a screen reader hears the pillar's name only."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    tab.evaluate("document.querySelector('#roadmap-chart .chart-scroll').scrollLeft = 150")
    shown = tab.evaluate("""() => {
        const box = document.querySelector('#roadmap-chart .chart-scroll');
        const middles = spans => [...spans].map(e => { const r = e.getBoundingClientRect();
                                                      return [e.textContent.trim(), Math.round((r.left + r.right) / 2)]; });
        const top = middles(box.querySelector('.gantt-pillar').querySelectorAll('.gantt-track > span'));
        const bands = [...box.querySelectorAll('.gantt-pillar')].map(band => ({
            name: band.querySelector('.gantt-name').textContent.trim(),
            years: middles(band.querySelectorAll('.gantt-track > span')),
            heard: band.nextElementSibling.getAttribute('aria-labelledby'),
            hidden: band.querySelector('.gantt-track').getAttribute('aria-hidden')}));
        return {top, bands};
    }""")
    label = tab.locator("#roadmap-chart ul").last
    heard = label.evaluate("list => document.getElementById(list.getAttribute('aria-labelledby')).textContent")
    context.close()
    pillars = [pillar for pillar in plan.pillars if pillar.programs]
    assert [band["name"] for band in shown["bands"]] == [str(pillar.name) for pillar in pillars]
    assert [year for year, _ in shown["top"]] == [str(year) for year in plan.period.years]
    for band in shown["bands"]:
        assert band["years"] == shown["top"], band["name"]
        assert band["hidden"] == "true"
    assert heard.strip() == str(pillars[-1].name)


def test_the_printed_roadmap_shows_every_year_of_the_plan_from_its_first_page(browser: object, server: str,
                                                                              plan: Plan) -> None:
    """Printed to A4, the roadmap's chart still scrolled sideways: its last year (2031) was cut off the paper, and
    the chart, kept whole, left page 1 nearly empty. Now its year row, every year of the plan on the paper, follows
    the lead on page 1."""
    import io

    import pdfplumber

    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    printed = tab.pdf(format="A4")
    context.close()
    years = [str(year) for year in plan.period.years]
    with pdfplumber.open(io.BytesIO(printed)) as pdf:
        first = pdf.pages[0]
        rows: dict[int, list[dict[str, Any]]] = {}
        for word in first.extract_words(x_tolerance=1.5):  # years 2.7 pt apart in a wide font (DejaVu Sans)
            if word["text"] in years:
                rows.setdefault(round(word["top"]), []).append(word)
        header = max(rows.values(), key=len, default=[])
        assert [word["text"] for word in header] == years, {top: [w["text"] for w in row] for top, row in rows.items()}
        assert all(0 <= word["x0"] and word["x1"] <= first.width for word in header), header


def test_every_internal_link_and_anchor_resolves(page: object, server: str, site: Path) -> None:
    """Crawl the whole site from the home page in the browser: no 404, no missing #anchor, no console error."""
    todo, seen, ids = [server + "index.html"], set(), {}
    links: list[tuple[str, str]] = []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        if not url.endswith(".html"):  # styles, scripts, images: fetched, not displayed
            assert page.request.get(url).status == 200, url  # type: ignore[attr-defined]
            continue
        response = page.goto(url)  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, url
        ids[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))  # type: ignore[attr-defined]
        for href in page.eval_on_selector_all(  # type: ignore[attr-defined]
                "a[href], link[href], script[src], img[src]", "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))"):
            target = urljoin(url, href)
            if not target.startswith(server) or href.startswith("data:"):
                continue
            links.append((url, target))
            bare = urldefrag(target)[0].split("?")[0]
            if bare not in seen and not bare.endswith((".pdf", ".csv", ".json")):
                todo.append(bare)
    for _, target in links:  # downloads: fetched, not rendered
        bare = urldefrag(target)[0].split("?")[0]
        if bare.endswith((".pdf", ".csv", ".json")) and bare not in seen:
            seen.add(bare)
            assert page.request.get(bare).status == 200, bare  # type: ignore[attr-defined]
    missing = [f"{source} → {target}" for source, target in links
               if (frag := urldefrag(target)[1]) and frag not in ids.get(urldefrag(target)[0], {frag})]
    assert missing == []
    assert page.problems == []  # type: ignore[attr-defined]
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts}
    reached = {urlsplit(u).path.lstrip("/") for u in seen}
    assert built - reached <= {"404.html"}, "pages no link leads to"


@pytest.fixture(scope="module")
def english_server(english_sample_site: Path) -> Iterator[str]:
    """The sample plan's English edition (``language: en``; its texts written in Indonesian), served, no PDF
    (conftest's site, built once a session: read only)."""
    with serving(english_sample_site / "build" / "site") as address:
        yield address


#: each element's words: the language(s) they are marked with ("id", "en", or "en id" where the two meet), and their start
_READ_AS = """elements => elements.map(e => {
    const words = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), languages = new Set();
    while (words.nextNode()) {
        // a section's number ("2.1") is the edition's, in either language alike
        if (words.currentNode.textContent.trim() && !words.currentNode.parentElement.closest('.secnum'))
            languages.add(words.currentNode.parentElement.closest('[lang]').lang);
    }
    return [[...languages].sort().join(' '), e.textContent.trim().slice(0, 40)];
})"""


def test_the_english_edition_reads_its_indonesian_names_as_indonesian_wherever_they_are_listed(
        page: object, english_server: str) -> None:
    """In the English edition a screen reader read Indonesian names with English rules where the page listed them
    as plain text: the search results' titles, the breadcrumbs' current page, the home page's chapters, a
    chapter's "On this page" entries and the "Next: Chapter 2 Gambaran Umum…" links. Each is now marked
    Indonesian; the interface's own words stay English. A result's excerpt was marked Indonesian too, whatever
    English words it held: it is left unmarked, read as the page is."""
    page.goto(english_server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    results = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#search-results li:has(.result-kind) a, #search-results li:has(.result-kind) p", _READ_AS)
    kinds = page.eval_on_selector_all("#search-results .result-kind", _READ_AS)  # type: ignore[attr-defined]
    programs = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#search-results li:has(a[href*='program/']:not([href*='index'])) > a", _READ_AS)
    assert results and programs and all(lang == "id" for lang, _ in programs), [e for e in programs if e[0] != "id"]
    excerpts = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#search-results li:has(a[href*='program/']:not([href*='index'])) > p", "ps => ps.map(p => p.lang)")
    assert excerpts and set(excerpts) == {""}, excerpts  # unmarked: the page's own language
    assert {lang for lang, _ in kinds} == {"en"}, kinds
    page.goto(english_server + "chapter/gambaran-umum.html")  # type: ignore[attr-defined]
    read = {name: page.eval_on_selector_all(selector, _READ_AS) for name, selector in {  # type: ignore[attr-defined]
        "current page": ".breadcrumbs [aria-current=page]", "on this page": ".toc li a",
        "next and previous": ".pager a > :not(.pager-dir)"}.items()}
    page.goto(english_server + "index.html")  # type: ignore[attr-defined]
    read["chapters"] = page.eval_on_selector_all(".chapter-list a", _READ_AS)  # type: ignore[attr-defined]
    # the glossary and the index closing the book, named in the edition's words
    assert read["chapters"][-2:] == [["en", "Glossary"], ["en", "Index of programs by agency"]], read["chapters"]
    del read["chapters"][-2:]
    assert all(read.values()), read
    # the pillars' chapters have their English names from the plan
    unmarked = {name: [entry for entry in entries if entry[0] != "id" and not entry[1].startswith("Smart ")]
                for name, entries in read.items()}
    assert unmarked == {name: [] for name in read}, unmarked


def test_site_opened_from_disk_works_and_says_search_needs_a_server(page: object, site: Path, plan: Plan) -> None:
    page.goto((site / "index.html").as_uri())  # type: ignore[attr-defined]
    page.click("a[href='program/index.html']")  # type: ignore[attr-defined]
    assert page.url.endswith("program/index.html")  # type: ignore[attr-defined]
    page.goto((site / "search.html").as_uri())  # type: ignore[attr-defined]
    assert page.is_visible("#search-offline")  # type: ignore[attr-defined]
    assert re.search(r"server", page.inner_text("#search-offline"))  # type: ignore[attr-defined]
    assert "`" not in page.inner_text("#search-offline")  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


def test_keyboard_skip_link_moves_focus_to_main(page: object, server: str) -> None:
    page.goto(server + "budget.html")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.className") == "skip-link"  # type: ignore[attr-defined]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")  # type: ignore[attr-defined]
    assert outline != "none"
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "main"  # type: ignore[attr-defined]


def test_a_renamed_programs_old_link_opens_its_new_page(page: object, tmp_path: Path) -> None:
    """A link to program/SOC-07.html published before SOC-07 became SOC-70 (former_ids: [SOC-07])
    opens SOC-70's page in the browser, at the part of it the link named (#budget)."""
    import shutil

    from conftest import REPO

    from masterplan.build import BuildOptions, run
    shutil.copytree(REPO / "content", tmp_path / "content")
    for path in (tmp_path / "content").rglob("*.*"):
        if path.suffix in (".yml", ".md") and "SOC-07" in (text := path.read_text(encoding="utf-8")):
            text = text.replace("SOC-07", "SOC-70")
            text = re.sub(r"( *)- id: SOC-70\n", r"\1- id: SOC-70\n\1  former_ids: [SOC-07]\n", text)
            path.write_text(text, encoding="utf-8")
    result = run(tmp_path, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report]
    with serving(tmp_path / "build" / "site") as address:
        page.goto(address + "program/SOC-07.html")  # type: ignore[attr-defined]
        page.wait_for_url("**/program/SOC-70.html")  # type: ignore[attr-defined]
        assert page.locator("h1").inner_text() == "Sistem Peringatan Dini dan Informasi Kebencanaan"  # type: ignore[attr-defined]
        assert "SOC-70" in page.locator("main").inner_text()  # type: ignore[attr-defined]
        assert not page.problems  # type: ignore[attr-defined]
        page.goto(address + "program/SOC-07.html#budget")  # type: ignore[attr-defined]
        page.wait_for_url("**/program/SOC-70.html#budget")  # type: ignore[attr-defined]
        assert page.locator("#budget").is_visible()  # type: ignore[attr-defined]
    policy = re.search(r"`(default-src 'self';[^`]+)`", (REPO / "README.md").read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    with serving(tmp_path / "build" / "site", policy) as address:  # under the README's policy, which refuses a script
        page.goto(address + "program/SOC-07.html#budget")  # type: ignore[attr-defined]  # written in the page
        page.wait_for_url("**/program/SOC-70.html#budget")  # type: ignore[attr-defined]
        assert not page.problems  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [390, 1280])
def test_an_indicators_direction_is_heard_in_words_and_shown_with_an_arrow(width: int, browser: object,
                                                                           server: str) -> None:
    """LIV-10's stunting prevalence should fall: its row's "Arah" cell shows "↓ diharapkan turun", and a screen
    reader hears the words, not "downwards arrow"; the posyandu's indicator, without a direction, shows no "Arah"
    on a phone's card."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "program/LIV-10.html")
    table = tab.locator("#program-indicators")
    cell = table.get_by_role("cell", name=re.compile(r"^(Arah )?diharapkan turun$"))  # a card's says its column
    assert cell.count() == 1 and cell.inner_text().split() == ["↓", "diharapkan", "turun"]
    shown = tab.eval_on_selector_all("#program-indicators td.direction-cell", """cells => cells.map(td =>
        [td.parentElement.querySelector('th').textContent, td.offsetHeight > 0 ? td.innerText.trim() : null])""")
    # on a phone's card the empty cell is not shown at all, where it would be "Arah" over nothing
    assert shown == [["Prevalensi balita stunting", "↓\u00a0diharapkan turun"],  # the arrow never alone on a line
                     ["Posyandu yang mencatat pengukuran balita secara digital", None if width == 390 else ""]], shown
    assert _axe(tab) == []
    context.close()


def test_the_site_works_under_the_content_security_policy_the_readme_gives(page: object, site: Path, plan: Plan) -> None:
    """A city's server sending a strict Content-Security-Policy drew every budget bar full width and in one colour
    (inline styles refused), and the README said nothing of it. It now gives the header the pages need; served
    with it, no page's style, script or search is refused."""
    written = (REPO / "README.md").read_text(encoding="utf-8")
    policy = re.search(r"`(default-src 'self';[^`]+)`", written).group(1)  # type: ignore[union-attr]
    with serving(site, policy) as address:
        for kind, path in page_types(plan).items():
            page.goto(address + path)  # type: ignore[attr-defined]
            if kind == "search":  # waited for by a locator: Playwright's wait_for_function is an eval the policy refuses
                page.locator("#search-results li").first.wait_for(timeout=15000)  # type: ignore[attr-defined]
            if kind == "budget":  # the bars of the budget by pillar: as wide as their amounts, not all alike
                widths = page.eval_on_selector_all(  # type: ignore[attr-defined]
                    "[style*='width']", "bars => bars.map(bar => Math.round(bar.getBoundingClientRect().width))")
                assert len(set(widths)) > 3, widths
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_budget_tables_fit_a_tablet_held_upright(browser: object, server: str, plan: Plan) -> None:
    """A council member read the plan on a 10-inch tablet, 800 px wide: the budget page's table by pillar and year,
    "Rp 9,30 miliar" in each of its 77 cells, and a program's budget by year and source, "Rp" before each amount,
    hid their Total columns off the screen. Both give bare figures now, their unit in the caption."""
    widest = max(plan.programs, key=lambda program: len({line.source for line in program.budget}))
    assert len({line.source for line in widest.budget}) >= 4
    context = browser.new_context(viewport={"width": 800, "height": 1280})  # type: ignore[attr-defined]
    tab = context.new_page()
    hidden = {}
    for page, table in (("budget.html", "budget-pillar"), ("budget.html", "budget-source-year"),
                        (f"program/{widest.id}.html", "program-budget")):
        tab.goto(server + page)
        hidden[table] = tab.eval_on_selector(f".table-scroll:has(#{table})", "box => box.scrollWidth - box.clientWidth")
    context.close()
    assert hidden == {"budget-pillar": 0, "budget-source-year": 0, "program-budget": 0}, hidden


@pytest.mark.parametrize("edition", ["id", "en"])
def test_the_opened_menus_search_fits_a_320_px_phone(edition: str, browser: object, server: str,
                                                     english_server: str) -> None:
    """The English header's search ("Search", wider than "Cari") ended at 335 px on a 320 px phone once the menu was
    opened, and the page scrolled sideways: the field now gives way to its button."""
    context = browser.new_context(viewport={"width": 320, "height": 700})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto((english_server if edition == "en" else server) + "index.html")
    tab.click("button.menu-toggle")
    right = tab.eval_on_selector(".header-search", "f => f.getBoundingClientRect().right")
    wide = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert right <= 320 - 16 and wide == 320, (right, wide)
