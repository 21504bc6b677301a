"""The built sample website printed from Chromium, shown in forced colours (Windows High Contrast), and
shown at a tablet's and a phone's width.

Needs Debian's ``chromium`` (/usr/bin/chromium) and Playwright for Python, as tests/test_browser.py does;
the site is built here without the PDF book, which these pages do not need.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_browser import serving

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(sample_site_unindexed: Path) -> Iterator[str]:
    """The sample site (no PDF, no search index; conftest's, built once a session: read only) served on 127.0.0.1."""
    with serving(sample_site_unindexed / "build" / "site") as address:
        yield address


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def flat(text: str) -> str:
    """``text`` with its runs of blanks one space."""
    return re.sub(r"\s+", " ", text).strip()


def printed_sheets(tab: object) -> list[list[str]]:
    """The open page printed to A4 by Chromium, read back: each sheet's lines of text."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(tab.pdf(format="A4"))) as pdf:  # type: ignore[attr-defined]
        return [[flat(line) for line in (sheet.extract_text() or "").splitlines()] for sheet in pdf.pages]


@pytest.mark.parametrize("path", ["program/GOV-01.html", "budget.html", "chapter/visi-misi.html"])
def test_a_printed_page_totals_each_table_once_and_keeps_titles_with_their_tables(path: str, tab: object,
                                                                                  server: str) -> None:
    """Printed, GOV-01's budget showed "Total Rp 2.150.000.000" on two sheets, as if a subtotal: Chromium repeats
    a table's footer at every page break. Its five rows were split over two sheets, and the heading "Indikator dan
    target" and the table's caption ended sheet 1 with the table on sheet 2; on the budget page, the heading
    "Anggaran per Sumber Pendanaan" ended sheet 1 alone."""
    tab.goto(server + path)  # type: ignore[attr-defined]
    tables = tab.eval_on_selector_all("main table:has(tfoot)", """tables => tables.map(t =>
        [t.caption.innerText, t.tFoot.innerText, t.tBodies[0].rows.length])""")  # type: ignore[attr-defined]
    titles = tab.eval_on_selector_all("main :is(h2, h3, caption, figcaption)", "els => els.map(e => e.innerText)")  # type: ignore[attr-defined]
    pages = printed_sheets(tab)
    text = [" ".join(lines) for lines in pages]
    assert tables and len(pages) > 1
    # the label and the first amount: a wide table's amounts take two lines ("Rp 170,41 / miliar"), which a sheet's
    # text reads across the row ("Total Rp 170,41 Rp 29,75 … miliar miliar"); two tables may start alike (the APBD
    # of all years, in Tabel 14.4's first column and Tabel 14.6's)
    totals = [" ".join(flat(total).split()[:3]) for _, total, _ in tables]
    for (caption, _, rows), total in zip(tables, totals):
        assert sum(sheet.count(total) for sheet in text) == totals.count(total), (caption, total, text)
        if rows <= 12:  # a short table, caption to total, on one sheet
            with_caption = [i for i, sheet in enumerate(text) if flat(caption) in sheet]
            with_total = [i for i, sheet in enumerate(text) if total in sheet]
            assert len(with_caption) == 1 and (with_caption == with_total if totals.count(total) == 1 else
                                               with_caption[0] in with_total), (caption, text)
    titles = {flat(title) for title in titles}
    for lines in pages[:-1]:
        assert lines and lines[-1] not in titles, (path, lines[-3:])


def test_the_printed_glossary_leaves_out_its_row_of_letter_buttons(tab: object, server: str) -> None:
    """Printed, the glossary opened with its letters' jump links, "A B C D E G I K L M N O P / Q R S T U", two
    rows of buttons that lead nowhere on paper (the contents list of other pages is left out already). The
    letters' headings, and every term, still print."""
    tab.goto(server + "glossary.html")  # type: ignore[attr-defined]
    letters = tab.eval_on_selector_all("main h2.letter", "hs => hs.map(h => h.innerText)")  # type: ignore[attr-defined]
    terms = tab.eval_on_selector_all("main dt", "ts => ts.map(t => t.innerText)")  # type: ignore[attr-defined]
    lines = [line for sheet in printed_sheets(tab) for line in sheet]
    assert len(letters) > 10 and not [line for line in lines if re.fullmatch(r"(\w )+\w", line)], lines[:12]
    assert [line for line in lines if line in letters] == letters
    text = " ".join(lines)
    assert all(flat(term) in text for term in terms)


def _seen_behind(tab: object, selector: str) -> list[tuple[str, str]]:
    """Each element's painted background and, behind it, its nearest ancestor's opaque one (else the page's)."""
    return tab.eval_on_selector_all(selector, r"""elements => elements.map(e => {
        const fill = c => { const s = getComputedStyle(c).backgroundColor;
                            return /^rgba\(.*, 0\)$/.test(s) ? null : s; };
        let behind = e.parentElement;
        while (behind && !fill(behind)) behind = behind.parentElement;
        return [getComputedStyle(e).backgroundColor, behind ? fill(behind) : 'rgb(255, 255, 255)'];
    })""")  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "selector"), [("budget.html", ".bars .bar"),
                                                ("program/GOV-01.html", ".columns .column"),
                                                ("roadmap.html", "table.roadmap td.active")])
def test_chart_bars_stay_visible_in_forced_colours(path: str, selector: str, scheme: str, tab: object,
                                                   server: str) -> None:
    """In Windows High Contrast the browser paints every background in the user's page colour: the budget's
    bars, an indicator's columns and the roadmap tables' years vanished, leaving only their numbers. They are
    now filled in a colour of the user's theme, unlike what is behind them."""
    tab.emulate_media(forced_colors="active", color_scheme=scheme)  # type: ignore[attr-defined]
    tab.goto(server + path)  # type: ignore[attr-defined]
    seen = _seen_behind(tab, selector)
    assert seen
    for fill, behind in seen:
        assert not re.fullmatch(r"rgba\(.*, 0\)", fill) and fill != behind, (path, fill, behind)


def _contrast(fill: str, behind: str, opacity: float = 1.0) -> float:
    """The contrast ratio of ``fill`` (CSS rgb()/rgba(), painted at ``opacity``) over the opaque ``behind``."""
    def rgba(colour: str) -> list[float]:
        values = [float(v) for v in re.findall(r"[\d.]+", colour)]
        return values[:3] + [values[3] if len(values) > 3 else 1.0]

    *back, _ = rgba(behind)
    *front, alpha = rgba(fill)
    alpha *= opacity
    seen = [f * alpha + b * (1 - alpha) for f, b in zip(front, back)]

    def luminance(rgb: list[float]) -> float:
        linear = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted([luminance(seen), luminance(back)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_roadmaps_bars_stand_out_in_forced_colours(scheme: str, tab: object, server: str) -> None:
    """In a dark High Contrast theme the roadmap's bars kept their pillars' colours, faded to 78 %: a dark blue bar
    on the black page, 1.9:1, all but gone. Its bars and quick-win marks are now in the theme's own colours, at
    least 3:1 against the page, as the other charts' bars are."""
    tab.emulate_media(forced_colors="active", color_scheme=scheme)  # type: ignore[attr-defined]
    tab.goto(server + "roadmap.html")  # type: ignore[attr-defined]
    seen = _seen_behind(tab, ".gantt-bar, .gantt-mark")
    opacities = tab.eval_on_selector_all(  # type: ignore[attr-defined]
        ".gantt-bar, .gantt-mark", "marks => marks.map(m => +getComputedStyle(m).opacity)")
    ratios = [round(_contrast(fill, behind, opacity), 2) for (fill, behind), opacity in zip(seen, opacities)]
    assert len(ratios) > 20 and min(ratios) >= 3, sorted(set(ratios))[:5]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_menu_underlines_the_current_page_alone_in_forced_colours(scheme: str, tab: object, server: str) -> None:
    """In High Contrast every menu entry's underline (transparent but for the current page's) was painted in the
    text colour: the current page looked like the others. Now only its entry is underlined, in the highlight
    colour; the others' line is the page's colour, unseen."""
    tab.emulate_media(forced_colors="active", color_scheme=scheme)  # type: ignore[attr-defined]
    tab.goto(server + "roadmap.html")  # type: ignore[attr-defined]
    lines = tab.eval_on_selector_all(".main-nav a", """links => links.map(a => [a.getAttribute('aria-current'),
        getComputedStyle(a).borderBottomColor, getComputedStyle(a).borderBottomWidth])""")  # type: ignore[attr-defined]
    behind = _seen_behind(tab, ".main-nav a")
    current = [colour for marked, colour, _ in lines if marked == "page"]
    others = {colour for marked, colour, _ in lines if marked != "page"}
    assert len(current) == 1 and len(lines) > 3 and all(width == "3px" for _, _, width in lines), lines
    assert others == {behind[0][1]} and current[0] not in others, (lines, behind[0])


def test_the_next_and_previous_links_are_named_without_their_arrows(tab: object, server: str) -> None:
    """A screen reader named the chapters' links "← Sebelumnya Bab 1 …" and "Berikutnya → Bab 3 …": the arrows,
    drawn by the stylesheet, were read too. They are still seen, and no longer heard."""
    tab.goto(server + "chapter/gambaran-umum.html")  # type: ignore[attr-defined]
    tree = tab.locator(".pager").aria_snapshot()  # type: ignore[attr-defined]
    names = re.findall(r'- link "([^"]*)"', tree)
    seen = tab.eval_on_selector_all(".pager .pager-dir", """dirs => dirs.map(d =>
        getComputedStyle(d, '::before').content + getComputedStyle(d, '::after').content)""")  # type: ignore[attr-defined]
    assert names[0].startswith("Sebelumnya Bab 1") and names[1].startswith("Berikutnya Bab 3"), names
    assert not any(arrow in name for name in names for arrow in "←→"), names
    assert all("←" in arrows or "→" in arrows for arrows in seen), seen


_HIDDEN = """() => Object.fromEntries([...document.querySelectorAll('.table-scroll')].map(
    box => [box.querySelector('table').id, box.scrollWidth - box.clientWidth]))"""


def test_a_tablet_shows_an_agencys_programs_and_a_phone_the_budget_by_agency_without_scrolling(
        browser: object, server: str) -> None:
    """At 768 px an agency's list of programs hid its last 7–51 px, the budget cut to "Rp 3,6 m"; at 375 px the
    budget by agency hid 11 px of each amount ("Rp 8,75 milia")."""
    hidden: dict[str, dict[str, int]] = {}
    for width, paths in ((768, ["agency/diskominfotik.html", "agency/inspektorat.html", "agency/bpkad.html",
                                "agency/kecamatan_panggungrejo.html"]), (375, ["budget.html"])):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        for path in paths:
            page.goto(server + path)
            hidden[f"{width} {path}"] = page.evaluate(_HIDDEN)
        if width == 375:  # the grid of years keeps each amount on one line, and scrolls
            lines = page.evaluate("""() => [...document.querySelectorAll('#budget-pillar td.num')].map(cell => {
                const text = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), tops = new Set();
                while (text.nextNode()) {
                    if (!text.currentNode.textContent.trim() || text.currentNode.parentElement.closest('.visually-hidden')) continue;
                    const range = document.createRange(); range.selectNodeContents(text.currentNode);
                    for (const line of range.getClientRects()) tops.add(Math.round(line.top));
                }
                return tops.size; })""")
            assert lines and set(lines) == {1}, lines
        context.close()
    for where, boxes in hidden.items():
        lists = {table: pixels for table, pixels in boxes.items() if table.startswith("agency-") or table == "budget-agency"}
        assert lists and all(pixels <= 1 for pixels in lists.values()), (where, boxes)


@pytest.mark.parametrize("path", ["program/index.html", "pillar/governance.html", "pillar/living.html"])
def test_program_tables_one_under_another_keep_their_columns_in_line(path: str, browser: object, server: str) -> None:
    """A pillar's page lists its programs in a table per sub-element, the list of programs a table per pillar: each
    table sized its columns by its own words, so the agency column of Smart Governance's three started 744, 720 and
    719 px in at 1280 px, and on the list every column past the name moved from table to table. Each column now
    starts and ends where it does in the table above, on a desktop and on a tablet held upright, none scrolling."""
    found = {}
    for width in (1280, 1024, 768):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + path)
        found[width] = tab.eval_on_selector_all(".table-scroll:has(table.programs)", """boxes => boxes.map(box => [
            box.scrollWidth - box.clientWidth, [...box.querySelectorAll('thead th')].map(th => {
                const edge = th.getBoundingClientRect(); return [th.textContent.trim(), Math.round(edge.left),
                                                                 Math.round(edge.right)]; })])""")
        context.close()
    for width, tables in found.items():
        assert len(tables) >= 3, (width, tables)
        assert [hidden for hidden, _ in tables if hidden > 1] == [], (width, tables)
        columns = {tuple(map(tuple, heads)) for _, heads in tables}
        assert len(columns) == 1, (width, columns)
        assert [name for name, _, _ in next(iter(columns))][2:4] in (["Subelemen", "Perangkat daerah pengampu"],
                                                                      ["Perangkat daerah pengampu", "Tahun"])


@pytest.mark.parametrize("path", ["index.html", "program/LIV-08.html"])
def test_side_by_side_figures_keep_their_values_in_line(path: str, tab: object, server: str) -> None:
    """At 1280 px the home page's "Perangkat daerah dan BUMD terlibat" and LIV-08's "Perangkat daerah pengampu"
    took two lines: their values stood 22 and 21 px below the values beside them. Cards in one row now give their
    names one row's height, so every value of the row starts at one height."""
    tab.goto(server + path)  # type: ignore[attr-defined]
    cards = tab.eval_on_selector_all(":is(.figures, .facts) > div", """cards => {
        const words = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect(); };
        return cards.map(card => [Math.round(card.getBoundingClientRect().top), words(card.querySelector('dt')).height,
                                  Math.round(words(card.querySelector('dd')).top)]); }""")  # type: ignore[attr-defined]
    rows: dict[int, set[int]] = {}
    for top, _, value in cards:
        rows.setdefault(top, set()).add(value)
    heights = sorted(height for _, height, _ in cards)
    assert len(cards) >= 4 and heights[-1] > 1.5 * heights[0], cards  # a name of two lines beside names of one
    assert all(len(values) == 1 for values in rows.values()), rows


def test_a_program_s_budget_box_is_as_wide_as_its_table(tab: object, server: str) -> None:
    """LIV-08's budget by year and source is 470 px wide: its box, border and heading's band ran on across the page
    at 1280 px, 560 px of it empty beside the totals. The box now ends where the table does, on a phone too, where
    the box still scrolls a table wider than the screen."""
    found = {}
    for width in (1280, 390):
        tab.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
        tab.goto(server + "program/LIV-08.html")  # type: ignore[attr-defined]
        found[width] = tab.eval_on_selector(".table-scroll:has(> #program-budget)", """box => [box.clientWidth,
            box.scrollWidth, box.querySelector('table').getBoundingClientRect().width,
            box.parentElement.clientWidth]""")  # type: ignore[attr-defined]
    inner, scrolled, table, page = found[1280]
    assert table < page / 2 and abs(inner - table) <= 1 and scrolled <= inner, found
    inner, scrolled, table, page = found[390]
    assert inner <= page and scrolled > inner, found  # the phone's box scrolls its table, as before


def test_the_data_page_s_tables_of_columns_start_their_meanings_in_one_line(browser: object, server: str) -> None:
    """The data page's eleven tables, a column's name and its meaning, one under another: each sized its names'
    column by its own names, the meanings starting 260 to 435 px in at 1280 px. They start in one line now, on a
    desktop and a tablet."""
    found = {}
    for width in (1280, 800):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(server + "data.html")
        found[width] = tab.eval_on_selector_all(".table-scroll > table:has(code)", """tables => tables.map(table =>
            [...table.tBodies[0].rows].map(row => Math.round(row.cells[1].getBoundingClientRect().left)))""")
        context.close()
    for width, tables in found.items():
        assert len(tables) >= 10 and len({left for rows in tables for left in rows}) == 1, (width, tables)


def test_a_pillar_s_card_on_the_home_page_is_a_link_that_looks_one(browser: object, server: str) -> None:
    """The six cards' names were links in black, with no line under them, read as headings; on a phone the only way
    in was that name, a strip 21 px high. The name is written as a link is, and a tap anywhere on the card (its
    summary here) opens the pillar's page."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    name = tab.eval_on_selector(".card h3 a", """a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine,
        getComputedStyle(a.closest('.card').querySelector('p')).color]""")
    link = tab.evaluate("""() => { const probe = document.body.appendChild(document.createElement('span'));
        probe.style.color = 'var(--link)'; const color = getComputedStyle(probe).color; probe.remove(); return color; }""")
    assert name[:2] == [link, "underline"] and name[2] != link, (name, link)
    summary = tab.locator(".card:nth-child(4) p")  # Smart Living's
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # where a thumb taps, not the link
    tab.wait_for_url("**/pillar/living.html")
    assert tab.title().startswith("Smart Living")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_home_page_s_chapters_stand_in_one_column_their_numbers_on_their_lines(width: int, browser: object,
                                                                                   server: str) -> None:
    """"Bab 1" stood 3 px above its chapter's title, and the foreword, the glossary and the index started in the
    numbers' column, the list with two left edges. Every title now starts in one column, each number on its
    title's first line."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "index.html")
    entries = tab.eval_on_selector_all(".chapter-list li", """items => items.map(item => {
        const baseline = element => {  // of its first line: where an empty inline block in front of its text sits
            const probe = element.insertBefore(document.createElement('span'), element.firstChild);
            probe.style.cssText = 'display: inline-block; width: 0; height: 0; vertical-align: baseline';
            const found = probe.getBoundingClientRect(); probe.remove(); return found; };
        const title = baseline(item.querySelector('a')), label = item.querySelector('.chapter-label');
        return [Math.round(title.left), Math.round(title.bottom), label && Math.round(baseline(label).bottom)]; })""")
    context.close()
    assert len(entries) > 10 and sum(label is None for _, _, label in entries) >= 2, entries
    assert len({left for left, _, _ in entries}) == 1, entries
    assert all(abs(bottom - label) <= 1 for _, bottom, label in entries if label is not None), entries


def test_a_quick_win_s_baseline_keeps_its_figure_on_its_word_s_line(tab: object, server: str) -> None:
    """At 1280 px the quick wins' target column is some 120 px wide: "Kondisi awal" ended a line and "400 (2021)"
    began the next, a figure read apart from what it is. The figure stays on the line of "awal"."""
    tab.goto(server + "quick-wins.html")  # type: ignore[attr-defined]
    lines = tab.eval_on_selector_all("table.quick-wins .output", """outputs => outputs.map(output => {
        const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = walker.currentNode.textContent, found = /awal\\s+[\\d.,]+\\s+\\(\\d{4}\\)/.exec(text);
            if (!found) continue;
            const range = document.createRange();
            range.setStart(walker.currentNode, found.index); range.setEnd(walker.currentNode, found.index + found[0].length);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.bottom))).size;
        }
        return null; })""")  # type: ignore[attr-defined]
    found = [count for count in lines if count is not None]
    assert len(found) >= 10 and set(found) == {1}, lines
