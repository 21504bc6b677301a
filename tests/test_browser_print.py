"""The built sample website as a resident on a cheap phone with metered data uses it: what a first visit costs, and a
program's, a pillar's or an agency's page printed (saved as PDF) from the phone's browser for a kelurahan meeting.

Needs Debian's ``chromium`` (/usr/bin/chromium) and Playwright for Python, as tests/test_browser.py does; the site
is built here without the PDF book, with its search index, one chapter given a link out of the site.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, REPO
from test_browser import serving
from test_browser_media import flat, printed_sheets

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")

BPS = "https://pasuruankota.bps.go.id/"  #: the address the introduction's link leads to
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from masterplan.build import BuildOptions, run

    root = tmp_path_factory.mktemp("print")
    shutil.copytree(REPO / "content", root / "content")
    intro = root / "content" / "chapters" / "01-pendahuluan.md"
    intro.write_text(intro.read_text(encoding="utf-8") + f"\nData kependudukan: [BPS Kota Pasuruan]({BPS}).\n",
                     encoding="utf-8")
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build" / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serving(site) as address:
        yield address


@contextlib.contextmanager
def tab(browser: object, **options: object) -> Iterator[object]:
    """A tab of a fresh browser context (nothing cached): a phone's unless ``options`` say otherwise."""
    context = browser.new_context(**{**PHONE, **options})  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()


def _first_visit(page: object, url: str) -> dict[str, int]:
    """The bytes each file took (body and headers) when ``url`` was opened in a fresh tab, by its address."""
    sizes: dict[str, int] = {}

    def finished(request: object) -> None:
        size = request.sizes()  # type: ignore[attr-defined]
        sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]  # type: ignore[attr-defined]

    page.on("requestfinished", finished)  # type: ignore[attr-defined]
    page.goto(url, wait_until="networkidle")  # type: ignore[attr-defined]
    return sizes


@pytest.mark.parametrize("path", ["agency/diskominfotik.html", "pillar/branding.html"])
def test_a_page_printed_from_a_phone_prints_its_tables_as_tables(path: str, browser: object, server: str) -> None:
    """Saved as PDF from a 360 px phone, an agency's page took 9 sheets and a pillar's 6: its lists of programs
    printed as the phone's cards, each value on a line of its own under its column's name, the short tables pushed
    whole to the next sheet. On paper, where the columns have room, a program is one row: its code, name, years and
    budget on one line, and the page takes no more sheets than printed from a computer."""
    with tab(browser) as phone:
        phone.goto(server + path)  # type: ignore[attr-defined]
        assert phone.locator(".table-scroll.stacked").count() > 0  # type: ignore[attr-defined]  # cards on screen
        rows = phone.eval_on_selector_all(  # type: ignore[attr-defined]
            ".stacked table.programs tbody tr", "rows => rows.map(r => [r.cells[0].innerText.trim(),"
            " r.cells[r.cells.length - 1].innerText.trim()])")
        sheets = printed_sheets(phone)
    with tab(browser, viewport={"width": 1280, "height": 900}, device_scale_factor=1, is_mobile=False,
             has_touch=False) as computer:
        computer.goto(server + path)  # type: ignore[attr-defined]
        on_a_computer = printed_sheets(computer)
    lines = [line for sheet in sheets for line in sheet]
    assert rows
    for code, budget in rows:
        assert any(line.startswith(code + " ") and line.endswith(budget) for line in lines), (code, budget, lines)
    assert len(sheets) <= len(on_a_computer), (len(sheets), len(on_a_computer))


@pytest.mark.parametrize("path", ["agency/inspektorat.html", "mission/m5.html"])
def test_a_printed_pages_footer_is_not_split_over_two_sheets(path: str, browser: object, server: str) -> None:
    """Printed from a phone, Inspektorat's page ended with a sheet holding the last lines of the footer's notice
    alone ("… resmi Pemerintah Kota Pasuruan."), the plan's title and date at the foot of the sheet before. The
    footer now prints whole on the last sheet."""
    with tab(browser) as phone:
        phone.goto(server + path)  # type: ignore[attr-defined]
        title = flat(phone.locator(".site-footer .footer-title").inner_text())  # type: ignore[attr-defined]
        sheets = printed_sheets(phone)
    assert sheets[-1][-1].endswith("Pemerintah Kota Pasuruan.") and title in sheets[-1], sheets[-2:]


def test_a_printed_link_out_of_the_site_says_its_address(browser: object, server: str) -> None:
    """A chapter's link to BPS printed as its words only, "BPS Kota Pasuruan": on paper nothing leads there. The
    sheet now gives its address after the words; the screen does not."""
    with tab(browser) as phone:
        phone.goto(server + "chapter/pendahuluan.html")  # type: ignore[attr-defined]
        shown = flat(phone.locator("main").inner_text())  # type: ignore[attr-defined]
        printed = " ".join(line for sheet in printed_sheets(phone) for line in sheet)
    assert "BPS Kota Pasuruan." in shown and BPS not in shown
    assert f"BPS Kota Pasuruan ({BPS})" in printed.replace(f"({BPS} )", f"({BPS})"), printed[-600:]


def test_a_printed_charts_key_shows_its_colours(browser: object, server: str) -> None:
    """A program's indicator chart printed its key as two bare words, "Kondisi awal  Target": the browser leaves
    out backgrounds on paper, and the key's squares are backgrounds. They print now, as the columns do."""
    import pdfplumber

    with tab(browser) as phone:
        phone.goto(server + "program/BRD-01.html")  # type: ignore[attr-defined]
        phone.emulate_media(media="print")  # type: ignore[attr-defined]
        keys = phone.locator(".columns-key .key").count()  # type: ignore[attr-defined]
        with pdfplumber.open(io.BytesIO(phone.pdf(format="A4"))) as pdf:  # type: ignore[attr-defined]
            squares = [(number, round(shape["top"])) for number, sheet in enumerate(pdf.pages)
                       for shape in sheet.rects + sheet.curves  # rounded corners: drawn as curves
                       if shape["fill"] and 6 < shape["width"] < 12 and 6 < shape["height"] < 12
                       and shape["non_stroking_color"] not in ((1, 1, 1), (1,), [1, 1, 1], [1])]  # paper's white
            words = [(number, round(word["top"])) for number, sheet in enumerate(pdf.pages)
                     for word in sheet.extract_words() if word["text"] == "Target"]
    keyed = [word for word in words if any(sheet == word[0] and abs(top - word[1]) < 4 for sheet, top in squares)]
    assert keys >= 2 and len(keyed) == keys // 2, (keys, words, squares)


@pytest.mark.parametrize("path", ["index.html", "pillar/branding.html", "agency/diskominfotik.html",
                                  "program/BRD-01.html"])
def test_a_first_visit_on_a_phone_fetches_no_search_bundle(path: str, browser: object, server: str) -> None:
    """A phone on metered data fetches a page, its stylesheet and two small scripts; the search's index and
    WebAssembly (some 180 kB) only once a search is made."""
    with tab(browser) as phone:
        sizes = _first_visit(phone, server + path)
        assert phone.evaluate("getComputedStyle(document.body).margin") == "0px"  # type: ignore[attr-defined]
    assert any("site.css" in url for url in sizes), sizes
    assert not [url for url in sizes if "pagefind" in url], sizes
