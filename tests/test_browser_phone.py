"""The built sample website on a phone, in a real headless Chromium: what a phone user's review found.

Needs Debian's ``chromium`` (/usr/bin/chromium) and Playwright for Python, as tests/test_browser.py does; the site is
built here without the PDF book, with its search index.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_browser import _NotFound, _wait_for_search, serving

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def site(sample_site: Path) -> Path:
    """The sample's website with its search index (conftest's, built once a session: read only)."""
    return sample_site / "build" / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serving(site) as address:
        yield address


@pytest.fixture(scope="module")
def programs(site: Path) -> list[str]:
    return sorted(f"program/{page.name}" for page in (site / "program").glob("*.html") if page.name != "index.html")


@contextlib.contextmanager
def phone(browser: object, width: int, **options: object) -> Iterator[object]:
    """A tab ``width`` CSS pixels wide, as a phone's."""
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()


#: each indicator chart's rows of columns, whether its row scrolls where it is wider than its box, and the labels
#: (values and years) that overlap another
_CHARTS = """() => [...document.querySelectorAll('figure.columns ol')].map(ol => {
    const labels = [...ol.querySelectorAll('.column-value, .column-year, .column-realised-value')].map(label => {
        const text = document.createRange();
        text.selectNodeContents(label);
        return [label.textContent, text.getBoundingClientRect()]; });
    const overlapping = labels.filter(([, a], i) => labels.some(([, b], j) => i !== j && a.left < b.right - 0.5
        && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)).map(([text]) => text);
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(ol).overflowX);
    return {rows: new Set([...ol.children].map(li => Math.round(li.getBoundingClientRect().top))).size,
            hidden: ol.scrollWidth - ol.clientWidth > 1 && !scrolls, overlapping}; })"""


@pytest.mark.parametrize("width", [320, 360, 375])
def test_an_indicators_years_stand_in_one_row_on_a_phone(width: int, browser: object, server: str,
                                                         programs: list[str]) -> None:
    """At 375 px ENV-08's last year dropped to a row of its own, at 360 px GOV-13's 2027 stood alone under the other
    years (10 of 70 program pages at 375 px, 39 at 360 px, 40 at 320 px): a second row read as another chart. Each
    chart's years now stand in one row, narrower, their labels apart; a row still too wide scrolls sideways."""
    wrapped, hidden, overlapping = {}, {}, {}
    with phone(browser, width) as tab:
        for path in programs:
            tab.goto(server + path)  # type: ignore[attr-defined]
            for number, chart in enumerate(tab.evaluate(_CHARTS)):  # type: ignore[attr-defined]
                where = f"{path} chart {number + 1}"
                if chart["rows"] != 1:
                    wrapped[where] = chart["rows"]
                if chart["hidden"]:
                    hidden[where] = True
                if chart["overlapping"]:
                    overlapping[where] = chart["overlapping"]
    assert len(programs) > 60
    assert wrapped == {} and hidden == {} and overlapping == {}, (wrapped, hidden, overlapping)


@pytest.mark.parametrize("scale", ["130%", "150%", "200%"])
def test_search_results_do_not_push_a_phone_sideways_in_large_text(scale: str, browser: object, server: str) -> None:
    """With the phone's text enlarged, a program's facts under its result ("Pengampu: Kec. Bugul Kidul"), each kept
    whole on its line, scrolled the search page sideways: 385 px wide in a 375 px screen at 130 %. A fact wider than
    the line wraps now."""
    with phone(browser, 375) as tab:
        tab.goto(server + "search.html?q=kecamatan")  # type: ignore[attr-defined]
        _wait_for_search(tab)
        tab.add_style_tag(content=f"html {{ font-size: {scale} !important; }}")  # type: ignore[attr-defined]
        facts = tab.locator(".result-facts").count()  # type: ignore[attr-defined]
        wide = tab.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert facts > 3 and wide <= 375, (facts, wide)


@contextlib.contextmanager
def serving_404s(folder: Path) -> Iterator[str]:
    """``folder`` served as GitHub Pages serves a site: its 404.html for any missing address; yields its address."""
    handler = type("Handler", (_NotFound,), {"page": (folder / "404.html").read_bytes()})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def test_the_skip_link_of_the_404_page_in_a_folder_stays_on_that_page(page: object, site: Path) -> None:
    """Shown for a missing program/xyz.html, the 404 page's links start from the site's folder (a <base> its script
    adds): so did its skip link, "#main", which led to the home page. It jumps to the 404 page's own main content."""
    with serving_404s(site) as root:
        page.goto(root + "program/xyz.html")  # type: ignore[attr-defined]
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        skip = page.evaluate("document.activeElement.className")  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        page.wait_for_url("**#main")  # type: ignore[attr-defined]
        address = page.url  # type: ignore[attr-defined]
        focused = page.evaluate("document.activeElement.id")  # type: ignore[attr-defined]
        title = page.locator("h1").inner_text()  # type: ignore[attr-defined]
        home = page.locator("main a").first.get_attribute("href")  # type: ignore[attr-defined]
        leads_home = page.evaluate("document.querySelector('main a').href")  # type: ignore[attr-defined]
    assert skip == "skip-link"
    assert address == root + "program/xyz.html#main" and focused == "main" and title == "Halaman tidak ditemukan"
    assert home == "index.html" and leads_home == root + "index.html"  # its other links still start from the top


@pytest.mark.parametrize("width", [320, 375])
def test_the_agencies_matrix_codes_are_a_fingers_target_on_a_phone(width: int, browser: object, server: str) -> None:
    """On a phone a cell of the agencies × pillars matrix is a column of program codes, each link 15 px high and 20 px
    from the next: below WCAG 2.5.8's 24 px. Each is at least 24 × 24 px now, none over another."""
    with phone(browser, width) as tab:
        tab.goto(server + "agency/index.html")  # type: ignore[attr-defined]
        boxes = tab.eval_on_selector_all("#agency-pillar td.codes a", """links => links.map(a => {
            const box = a.getBoundingClientRect(); return [a.textContent, box.left, box.top, box.right, box.bottom]; })""")  # type: ignore[attr-defined]
    small = [(code, round(right - left), round(bottom - top)) for code, left, top, right, bottom in boxes
             if right - left < 24 or bottom - top < 24]
    over = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]
    assert len(boxes) > 100 and small == [] and over == [], (small[:5], over[:5])


@pytest.mark.parametrize(("program", "caption"), [
    ("ENV-01", "Skor kebersihan dan ketertiban kawasan alun-alun — poin (skala 0–100)"),
    ("LIV-01", "Indeks kepuasan pengunjung kawasan wisata religi — poin (skala 0–100)"),
    ("GOV-13", "Sumber data OPD yang terintegrasi dalam dasbor command center (sumber data)"),
])
def test_a_charts_caption_does_not_put_a_unit_in_brackets_twice(program: str, caption: str, page: object,
                                                               server: str) -> None:
    """ENV-01's chart was captioned "… alun-alun (poin (skala 0–100))": a unit holding brackets of its own, put in
    brackets. Such a unit follows a dash now; another keeps its brackets."""
    page.goto(server + f"program/{program}.html")  # type: ignore[attr-defined]
    captions = page.eval_on_selector_all("figure.columns figcaption", "cs => cs.map(c => c.innerText)")  # type: ignore[attr-defined]
    assert caption in [" ".join(text.split()) for text in captions], captions
    assert not [text for text in captions if "((" in text or "))" in text], captions


def test_a_stacked_tables_labels_are_seen_not_read_twice(browser: object, server: str) -> None:
    """At 390 px a program's tables stack their cells, each under its column's name: a screen reader heard that name
    twice, the header's and the cell's own ("Satuan, Satuan menit"). The label is drawn, not part of the cell's name."""
    with phone(browser, 390) as tab:
        tab.goto(server + "program/GOV-01.html")  # type: ignore[attr-defined]
        cell = tab.locator("table td[data-label]").first  # type: ignore[attr-defined]
        label = cell.get_attribute("data-label")
        drawn = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label and label in drawn, drawn  # still seen above the value
        read = tab.locator("table").first.aria_snapshot()  # type: ignore[attr-defined]
        cells = [line for line in read.splitlines() if "- cell" in line]
        assert cells and not [line for line in cells if f'"{label} ' in line], read


@pytest.mark.parametrize(("width", "height"), [(740, 360), (800, 412), (360, 740)])
def test_a_phone_on_its_side_shows_the_page_s_title_in_the_first_screen(width: int, height: int, browser: object,
                                                                        server: str) -> None:
    """Turned on its side (740 × 360) a phone lost its "Menu" button: the whole header, both menus and the search,
    and the draft's notice took 344 of its 360 px, every page starting below the screen. A screen under 30rem high
    folds them behind the button as an upright phone does: the page's title starts in the first screen, and the
    menu opens with every link in it. A desktop keeps them in sight."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True,  # type: ignore[attr-defined]
                                  has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(server + "program/ENV-01.html")
        title = tab.eval_on_selector("main h1", "h1 => h1.getBoundingClientRect().top")
        assert tab.is_visible(".menu-toggle") and not tab.is_visible(".main-nav")
        assert title < height * 0.75, title
        tab.click(".menu-toggle")
        assert tab.is_visible(".main-nav") and tab.is_visible(".header-search")
    finally:
        context.close()
    with phone(browser, 1280) as tab:
        tab.goto(server + "program/ENV-01.html")  # type: ignore[attr-defined]
        assert not tab.is_visible(".menu-toggle") and tab.is_visible(".main-nav")  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [320, 360, 390])
def test_a_phones_search_shows_its_first_result_in_the_first_screen(width: int, browser: object, server: str) -> None:
    """On a 360 × 740 phone the first result of "sampah" began at 626 px, under the search's two menus and their
    labels, one above the other: behind the keyboard while the resident types. Each menu beside its label leaves it
    in the screen's upper three quarters; every choice of either menu is read whole in it (two menus side by side
    showed "Semua halar")."""
    with phone(browser, width) as tab:
        tab.set_viewport_size({"width": width, "height": 740})  # type: ignore[attr-defined]
        tab.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
        _wait_for_search(tab)
        tab.wait_for_selector("#search-results li")  # type: ignore[attr-defined]
        first = tab.eval_on_selector("#search-results li a", "a => a.getBoundingClientRect().top")  # type: ignore[attr-defined]
        cut = tab.eval_on_selector_all("#search-filters select", """menus => menus.flatMap(menu => {
            const style = getComputedStyle(menu), pen = document.createElement('canvas').getContext('2d');
            pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
            return [...menu.options].filter(o => pen.measureText(o.text).width > room)
                .map(o => [o.text, Math.round(pen.measureText(o.text).width), Math.round(room)]); })""")  # type: ignore[attr-defined]
    assert cut == [], cut
    assert first < (700 if width < 352 else 740 * 0.78), first  # a 320 px phone: a taller header, labels above


def test_a_tables_sticky_column_keeps_its_rules_when_scrolled_sideways(browser: object, server: str) -> None:
    """Scrolled sideways on a phone, Tabel 14.1's column of years, which stays in place, lost rules: a reviewer's
    phone showed none under every other year (2022, 2024, 2028…), and here the line that parts the column from the
    amounts sliding under it was not drawn, its cells' figures running into the years. The table drew the rules, the
    sticky cells above them; each cell of the column now draws its own, at its top and at its side."""
    import io

    from PIL import Image

    with phone(browser, 360, device_scale_factor=2, is_mobile=True, has_touch=True) as tab:
        tab.goto(server + "budget.html")  # type: ignore[attr-defined]
        box = tab.locator(".table-scroll:has(#budget-pillar)").first  # type: ignore[attr-defined]
        box.scroll_into_view_if_needed()
        box.evaluate("box => box.scrollLeft = 60")
        rows = tab.eval_on_selector_all("#budget-pillar tbody th[scope=row]", """cells => cells.slice(1).map(cell => {
            const edges = cell.getBoundingClientRect();
            return [cell.textContent.trim(), edges.left, edges.top, edges.right, edges.bottom]; })""")  # type: ignore[attr-defined]
        shot = Image.open(io.BytesIO(tab.screenshot())).convert("RGB")  # type: ignore[attr-defined]
    line = (0xD5, 0xDB, 0xE3)  # --line

    def drawn(points: list[tuple[float, float]]) -> bool:  # a phone's screen: two pixels to a CSS pixel
        return min(max(abs(a - b) for a, b in zip(shot.getpixel((round(x * 2), round(y * 2))), line))
                   for x, y in points) <= 24

    top = [year for year, left, upper, _, _ in rows if not drawn([(left + 8, upper + d / 2) for d in range(-2, 3)])]
    side = [year for year, _, upper, right, lower in rows
            if not drawn([(right + d / 2, (upper + lower) / 2) for d in range(-2, 3)])]
    assert len(rows) == 9 and top == [] and side == [], (top, side)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_chapters_wide_picture_fits_its_column(width: int, browser: object, tmp_path: Path) -> None:
    """A chapter's photo 2,400 px wide was shown at that width: the whole page scrolled sideways on a computer, and
    a phone cut every picture off. It is as wide as the text's column, at most, and keeps its proportions."""
    from conftest import MINI_FILES, write_plan
    from PIL import Image

    from masterplan.build import BuildOptions, run
    chapter = MINI_FILES["content/chapters/01-pendahuluan.md"] + "\n        ![Suasana alun-alun](assets/alun-alun.png)\n"
    root = write_plan(tmp_path, {"content/chapters/01-pendahuluan.md": chapter})
    (root / "content" / "assets").mkdir(exist_ok=True)
    Image.new("RGB", (2400, 600), "#3a6ea5").save(root / "content" / "assets" / "alun-alun.png")
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    page_file = next((root / "build" / "site" / "chapter").glob("*.html"))
    with serving(root / "build" / "site") as address, phone(browser, width) as tab:
        tab.goto(f"{address}chapter/{page_file.name}")  # type: ignore[attr-defined]
        picture, column, page = tab.evaluate("""() => {
            const img = document.querySelector('main img[alt="Suasana alun-alun"]');
            const box = img.getBoundingClientRect(), parent = img.parentElement.getBoundingClientRect();
            return [[box.width, box.height], parent.width, [document.documentElement.scrollWidth, innerWidth]];
        }""")  # type: ignore[attr-defined]
    assert 0 < picture[0] <= column and abs(picture[0] / picture[1] - 4) < 0.05, (picture, column)
    assert page[0] <= page[1], page


def test_a_table_copied_into_a_spreadsheet_holds_no_words_for_screen_readers(browser: object, server: str) -> None:
    """An empty amount is a dash to the eye and "Rp 0" to a screen reader: selected and copied, the budget table gave
    "–Rp 0" in a column of figures. The screen reader still hears it."""
    with phone(browser, 1280) as tab:
        tab.goto(server + "budget.html")  # type: ignore[attr-defined]
        copied, heard = tab.evaluate("""() => {
            const table = [...document.querySelectorAll('main table')].find(t => t.querySelector('td .visually-hidden'));
            const range = document.createRange();
            range.selectNodeContents(table);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return [getSelection().toString(), table.querySelector('td .visually-hidden').textContent];
        }""")  # type: ignore[attr-defined]
    assert heard.strip() and heard.strip() not in copied, (heard, copied[:300])


def test_a_chapters_contents_list_shows_each_sections_number_once(browser: object, server: str) -> None:
    """The list "Di halaman ini" showed "1. 1.1 Latar Belakang": the list's own numbers before the book's. Where
    the book numbers a chapter's sections, the list shows theirs alone, as the book's contents do."""
    with phone(browser, 1280) as tab:
        tab.goto(server + "chapter/pendahuluan.html")  # type: ignore[attr-defined]
        entries = tab.evaluate(r"""() => [...document.querySelectorAll('nav.toc li')].map(li =>
            [getComputedStyle(li).listStyleType, li.innerText.replace(/\s+/g, ' ').trim()])""")  # type: ignore[attr-defined]
    assert entries[0] == ["none", "1.1 Latar Belakang"], entries
    assert {style for style, _ in entries} == {"none"}, entries
