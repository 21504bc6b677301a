"""The site's indicator columns with realised figures (realisasi): each year's figure a narrower column beside its
target, as tall as its value on the chart's one scale, its value under the year and a key under the chart; an
indicator without any is drawn as before."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CHROMIUM, MINI_FILES, write_plan
from test_browser import _axe, serving
from test_realised import REALISED_FILES

from masterplan.build import BuildOptions, run

#: GOV-01's indicator: baseline 40 (2021), targets 60, 80, 90 (2022–2024), realised 55, 78.5 (2022, 2023)
_PROGRAM = "content/agencies/diskominfo.yml"


class _Chart(HTMLParser):
    """The first indicator chart of a page: its figure's classes, and per year slot the heights (percent, as drawn)
    of its columns and the texts of its labels, by class; and the key's text."""

    _READ = ("column-value", "column-year", "column-realised-value", "columns-key")

    def __init__(self) -> None:
        super().__init__()
        self.figure_class: str | None = None
        self.slots: list[dict[str, str]] = []
        self.key = ""
        self.open: list[str] = []  # within the figure, the label each open element belongs to ("" for none)
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "figure" and "columns" in classes and self.figure_class is None:
            self.figure_class = found.get("class")
        if self.figure_class is None or self.done:
            return
        if tag == "li":
            self.slots.append({})
        if "column" in classes or "column-realised" in classes:
            height = re.fullmatch(r"height: ([\d.]+)%", found.get("style") or "")
            self.slots[-1][classes[0]] = height.group(1) if height else "?"
        self.open.append(next((name for name in self._READ if name in classes), self.open[-1] if self.open else ""))

    def handle_endtag(self, tag: str) -> None:
        if self.figure_class is None or self.done:
            return
        self.done = tag == "figure"
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        label = self.open[-1] if self.open and not self.done else ""
        if label == "columns-key":
            self.key += data
        elif label:
            self.slots[-1][label] = self.slots[-1].get(label, "") + data


def _chart(files: dict[str, str], root: Path) -> _Chart:
    write_plan(root, files)
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report]
    chart = _Chart()
    chart.feed((root / "build" / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8"))
    return chart


def _drawn(chart: _Chart) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    """Each slot as (year, target height, target value, realised height, realised value as shown)."""
    return [(s["column-year"], s.get("column"), s.get("column-value"), s.get("column-realised"),
             s.get("column-realised-value", "").strip() or None) for s in chart.slots]


def test_realised_figures_stand_beside_their_targets(tmp_path: Path) -> None:
    """Only the baseline and the targets were drawn: a reader saw what was planned, not what was reached."""
    chart = _chart(REALISED_FILES, tmp_path)
    assert "with-realised" in (chart.figure_class or "")
    assert _drawn(chart) == [("2021", "44.4", "40,0", None, None),
                             ("2022", "66.7", "60,0", "61.1", "55,0"),
                             ("2023", "88.9", "80,0", "87.2", "78,5"),
                             ("2024", "100.0", "90,0", None, None)]
    assert chart.key.split() == ["Kondisi", "awal", "Target", "Realisasi"]


def test_a_realised_figure_above_every_target_sets_the_scale(tmp_path: Path) -> None:
    """A figure that beat every target is the chart's tallest column, not one running out of its box."""
    files = {**REALISED_FILES, _PROGRAM: REALISED_FILES[_PROGRAM].replace("78.5}", "120}")}
    assert _drawn(_chart(files, tmp_path))[1:] == [("2022", "50.0", "60", "45.8", "55"),
                                                   ("2023", "66.7", "80", "100.0", "120"),
                                                   ("2024", "75.0", "90", None, None)]


def test_a_realised_figure_of_a_year_without_a_target_has_its_own_slot(tmp_path: Path) -> None:
    files = {**REALISED_FILES, _PROGRAM: REALISED_FILES[_PROGRAM].replace(
        "{2022: 60, 2023: 80, 2024: 90}", "{2022: 60, 2024: 90}")}
    assert _drawn(_chart(files, tmp_path))[2] == ("2023", None, None, "87.2", "78,5")


def test_a_realised_figure_says_under_its_year_whether_it_met_its_target(tmp_path: Path) -> None:
    """GOV-01's second indicator, lower is better: 18 met its 20, 12 missed its 10; marked as in the table above."""
    _chart(REALISED_FILES, tmp_path)
    page = (tmp_path / "build" / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8")
    second = _Chart()
    second.feed(page[page.index('<figure class="columns', page.index('<figure class="columns') + 1):])
    assert [" ".join(value.split()) if value else value for *_, value in _drawn(second)] == [
        None, "18✓ (target tercapai)", "12✗ (target tidak tercapai)", None]


def test_a_ratio_written_with_three_decimals_is_drawn_and_judged_as_printed(tmp_path: Path) -> None:
    """A Gini ratio (0.390 falling to 0.375) is written with a dot YAML could take for thousands, which its leading 0
    rules out (validate says nothing): the chart left it out and no figure was judged; two decimals printed 0,384
    beside a target of 0,385 as "0,38" twice."""
    files = {**REALISED_FILES, _PROGRAM: REALISED_FILES[_PROGRAM].replace(
        "{name: Waktu respons awal aduan, unit: menit, direction: down, baseline: {year: 2021, value: 35},",
        "{name: Rasio Gini, unit: indeks, direction: down, baseline: {year: 2021, value: 0.390},").replace(
        "targets: {2022: 20, 2023: 10, 2024: 10}, realised: {2022: 18, 2023: 12}}",
        "targets: {2022: 0.385, 2023: 0.380, 2024: 0.375}, realised: {2022: 0.384, 2023: 0.381}}")}
    _chart(files, tmp_path)
    page = (tmp_path / "build" / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8")
    second = _Chart()
    second.feed(page[page.index('<figure class="columns', page.index('<figure class="columns') + 1):])
    assert [(year, target, " ".join(value.split()) if value else value)
            for year, _, target, _, value in _drawn(second)] == [
        ("2021", "0,390", None), ("2022", "0,385", "0,384✓ (target tercapai)"),
        ("2023", "0,380", "0,381✗ (target tidak tercapai)"), ("2024", "0,375", None)]


@pytest.mark.parametrize("files", [{}, {_PROGRAM: REALISED_FILES[_PROGRAM].replace("{2022: 55, 2023: 78.5}", "{}")}],
                         ids=["without", "empty"])
def test_an_indicator_without_realised_figures_is_drawn_as_before(files: dict[str, str], tmp_path: Path) -> None:
    chart = _chart(files, tmp_path)
    # the baseline's column is told apart by a lighter gray alone (3.0:1 beside a target's): the key names it
    assert chart.figure_class == "columns" and chart.key.split() == ["Kondisi", "awal", "Target"]
    assert _drawn(chart) == [("2021", "44.4", "40", None, None), ("2022", "66.7", "60", None, None),
                             ("2023", "88.9", "80", None, None), ("2024", "100.0", "90", None, None)]


def test_a_target_written_with_a_dot_for_thousands_is_not_drawn(tmp_path: Path) -> None:
    """1.500 for 2024 is read by YAML as 1.5 (W312 says so): the chart drew a column of 1,5 that may be a thousand
    times too small; it draws the targets written plainly, on their own scale."""
    files = {_PROGRAM: MINI_FILES[_PROGRAM].replace("2024: 90}", "2024: 1.500}")}
    # the values keep the one decimal the indicator is written with (1.500's), as its table shows them
    assert _drawn(_chart(files, tmp_path)) == [("2021", "50.0", "40,0", None, None),
                                               ("2022", "75.0", "60,0", None, None),
                                               ("2023", "100.0", "80,0", None, None)]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize("width", [390, 1280])
def test_in_chromium_a_figure_above_every_target_is_the_tallest_and_stays_in_its_box(
        width: int, browser: object, tmp_path: Path) -> None:
    """As drawn: each column's height its value's share of the largest, realised or target; the tallest (a
    realised 120 over targets up to 90) under the chart's caption, its key under the years; the page passes axe."""
    files = {**REALISED_FILES, _PROGRAM: REALISED_FILES[_PROGRAM].replace("78.5}", "120}")}
    _chart(files, tmp_path)
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    with serving(tmp_path / "build" / "site") as address:
        tab.goto(address + "program/GOV-01.html")
        drawn = tab.eval_on_selector("figure.columns", """f => {
            const box = el => el.getBoundingClientRect();
            return {columns: [...f.querySelectorAll('.column, .column-realised')].map(c => box(c).height),
                    tallest: box(f.querySelector('.column-realised[style*="100"]')).top,
                    caption: box(f.querySelector('figcaption')).bottom, key: box(f.querySelector('.columns-key')).top,
                    years: Math.max(...[...f.querySelectorAll('.column-realised-value')].map(v => box(v).bottom))}; }""")
        violations = _axe(tab)
    context.close()
    values = [40, 60, 55, 80, 120, 90]  # in the page's order: each year's target, then its realised figure
    tallest = max(drawn["columns"])
    assert [round(120 * height / tallest) for height in drawn["columns"]] == values, drawn
    assert drawn["caption"] <= drawn["tallest"] and drawn["years"] <= drawn["key"], drawn
    assert violations == []


#: GOV-01 reporting rupiah over five years: each value thirteen characters, beside its target's
_LONG_VALUES = {
    **REALISED_FILES,
    "content/plan.yml": REALISED_FILES["content/plan.yml"].replace("date: 2024-03-01", "date: 2026-12-01"),
    _PROGRAM: REALISED_FILES[_PROGRAM].replace("period: {start: 2022, end: 2024}", "period: {start: 2022, end: 2026}")
    .replace("value: 40}", "value: 1250000000}").replace(
        "targets: {2022: 60, 2023: 80, 2024: 90}\n                realised: {2022: 55, 2023: 78.5}",
        "targets: {2022: 1500000000, 2023: 1750000000, 2024: 2000000000, 2025: 2250000000, 2026: 2500000000}\n"
        "                realised: {2022: 1487654321, 2023: 1765432109, 2024: 1987654321, 2025: 2234567890, "
        "2026: 2498765432}"),
}


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_on_a_phone_long_values_neither_overlap_nor_leave_the_chart(browser: object, tmp_path: Path) -> None:
    """Six years of thirteen-character values (1.487.654.321) at 390 px: the years run on in more rows rather than
    print their labels over each other and past the chart's edge."""
    assert _drawn(_chart(_LONG_VALUES, tmp_path))[-1] == ("2026", "100.0", "2.500.000.000", "100.0", "2.498.765.432")
    context = browser.new_context(viewport={"width": 390, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    with serving(tmp_path / "build" / "site") as address:
        tab.goto(address + "program/GOV-01.html")
        chart, labels = tab.eval_on_selector("figure.columns", """f => {
            const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
            return [box(f), [...f.querySelectorAll('.column-value, .column-realised-value')]
                .filter(label => label.textContent.trim()).map(box)]; }""")
    context.close()
    assert len(labels) == 11, labels  # six targets (the baseline's among them), five realised figures
    for index, (left, top, right, bottom) in enumerate(labels):
        assert chart[0] <= left and right <= chart[2] and chart[1] <= top and bottom <= chart[3], (chart, labels[index])
        for other in labels[index + 1:]:
            assert right <= other[0] or other[2] <= left or bottom <= other[1] or other[3] <= top, (labels[index], other)


def _colours(tab: object, selector: str) -> dict[tuple[int, ...], int]:
    """How many pixels of each colour the first element matching ``selector`` shows inside its border."""
    from io import BytesIO

    from PIL import Image

    box = tab.eval_on_selector(selector, """e => { const b = e.getBoundingClientRect();  // scrolled into view
        return {x: b.left + 2, y: b.top + 2, width: b.width - 4, height: b.height - 4}; }""")  # type: ignore[attr-defined]
    shot = Image.open(BytesIO(tab.screenshot(clip=box))).convert("RGB")  # type: ignore[attr-defined]
    return {colour: count for count, colour in shot.getcolors(1 << 16)}


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_realised_columns_stay_hatched(scheme: str, browser: object, tmp_path: Path) -> None:
    """Windows High Contrast drops a gradient: the realised columns and their key were hollow boxes. They are hatched
    in the theme's two colours, beside the targets' solid ones."""
    _chart(REALISED_FILES, tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.emulate_media(forced_colors="active", color_scheme=scheme)
    with serving(tmp_path / "build" / "site") as address:
        tab.goto(address + "program/GOV-01.html")
        tab.eval_on_selector("figure.columns", "f => f.scrollIntoView()")
        target = _colours(tab, "li:not(.baseline) .column")
        realised, key = (_colours(tab, selector) for selector in (".column-realised", ".columns-key .key-realised"))
    context.close()
    assert len(target) == 1, target  # one solid colour
    for hatched in (realised, key):
        stripes = sorted(hatched.values(), reverse=True)
        assert len(stripes) >= 2 and stripes[1] >= sum(stripes) / 5, hatched  # two colours, each a fair share
        assert set(target) <= set(hatched), (target, hatched)  # the target's colour among the stripes


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_on_a_phone_the_realised_values_of_neighbouring_years_keep_apart(browser: object, tmp_path: Path) -> None:
    """Six years of a two-decimal indicator on a 390 px phone: "▨ 17,85" under 2022 ran into "▨ 16,40" under 2023
    (prevalensi stunting in a sample monitored to 2025); its hatched square above it, each stays clear of the others."""
    program = REALISED_FILES[_PROGRAM].replace("period: {start: 2022, end: 2024}", "period: {start: 2022, end: 2026}")
    program = program.replace("targets: {2022: 20, 2023: 10, 2024: 10}, realised: {2022: 18, 2023: 12}",
                              "targets: {2022: 17.85, 2023: 16.05, 2024: 14.05, 2025: 12.05, 2026: 10.55},"
                              " realised: {2022: 17.85, 2023: 16.45, 2024: 13.95, 2025: 12.65, 2026: 10.25}")
    files = {**REALISED_FILES, _PROGRAM: program,
             "content/plan.yml": REALISED_FILES["content/plan.yml"].replace("date: 2024-03-01", "date: 2026-12-01")}
    _chart(files, tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    with serving(tmp_path / "build" / "site") as address:
        tab.goto(address + "program/GOV-01.html")
        # what shows of each value: its square, its digits, its mark (not the words kept for a screen reader)
        spans = tab.eval_on_selector_all("figure.with-attainment .column-realised-value", """values => values.map(v => {
            const boxes = [...v.childNodes].map(n => {
                if (n.nodeType === Node.TEXT_NODE) { const r = document.createRange(); r.selectNode(n);
                                                     return r.getBoundingClientRect(); }
                return (n.querySelector('[aria-hidden="true"]') || n).getBoundingClientRect(); });
            return [Math.min(...boxes.map(b => b.left)), Math.min(...boxes.map(b => b.top)),
                    Math.max(...boxes.map(b => b.right)), Math.max(...boxes.map(b => b.bottom))]; })""")
    context.close()
    tops = [top for _, top, _, _ in spans]
    assert len(spans) == 6 and max(tops) - min(tops) < 5, spans  # the six years side by side, in one row
    for (left, top, right, bottom), other in itertools.combinations(spans, 2):
        assert right <= other[0] or other[2] <= left or bottom <= other[1] or other[3] <= top, ((left, right), other)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_in_the_table_a_marked_realised_figure_stays_right_under_its_target(browser: object, tmp_path: Path) -> None:
    """The mark (✓ 18 met 20, lower being better) stands at the cell's other side: the figure's digits end where the
    target's above them do, as in a column of numbers, not a mark's width to the left."""
    _chart(REALISED_FILES, tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    with serving(tmp_path / "build" / "site") as address:
        tab.goto(address + "program/GOV-01.html")
        ends = tab.eval_on_selector("#program-indicators", """table => {
            const rows = [...table.querySelectorAll('tbody tr')].slice(-2);  // the second indicator, its realised row
            return rows.map(row => { const cell = row.querySelectorAll('td')[2];  // its 2022
                const text = [...cell.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                const range = document.createRange(); range.selectNode(text);
                return [text.textContent.trim(), range.getBoundingClientRect().right]; }); }""")
    context.close()
    (target, target_end), (realised, realised_end) = ends
    assert (target, realised) == ("20", "18") and abs(target_end - realised_end) < 1, ends
