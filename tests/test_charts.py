"""SVG charts drawn from the model: well-formed, accessible, escaped, one palette."""

from __future__ import annotations

import base64
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import escape
from itertools import pairwise
from pathlib import Path

import pytest

from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.render import charts

SVG = "{http://www.w3.org/2000/svg}"


def plan_of(make_plan: Callable[..., Path], files: dict[str, str | None] | None = None) -> Plan:
    checked = load_and_check(make_plan(files or {}))
    assert checked.plan is not None
    return checked.plan


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("viewBox")
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text is not None
    return root


def words() -> charts.RoadmapWords:
    return charts.RoadmapWords("Peta jalan", "Quick win", lambda p: f"{p.id} {p.name}.")


def test_roadmap_has_every_program_and_marks_quick_wins(make_plan: Callable[..., Path]) -> None:
    plan = plan_of(make_plan)
    root = parse(charts.roadmap(plan, words()))
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for program in plan.programs:
        assert program.id in text
        assert program.id in root.find(f"{SVG}desc").text
    assert "2022" in text and "2026" in text
    colours = charts.pillar_colours(plan)
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert set(colours.values()) <= fills
    assert root.get("viewBox").startswith(f"0 0 {charts.WIDTH} ")


@pytest.mark.parametrize(("years", "labelled"), [(10, 10), (20, 10), (40, 10)])
def test_roadmap_year_labels_never_run_together(make_plan: Callable[..., Path], years: int, labelled: int) -> None:
    """A 20-year plan's years were drawn in every column and ran together ("2022202320242025...")."""
    from masterplan.values import Period

    plan = plan_of(make_plan)
    plan.period = Period(2022, 2022 + years - 1)
    root = parse(charts.roadmap(plan, words()))
    labels = [(float(t.get("x")), t.text) for t in root.iter(f"{SVG}text") if re.fullmatch(r"20\d\d", t.text or "")]
    assert len(labels) == labelled and labels[0][1] == "2022"
    width = charts._width("2022", charts.SMALL, bold=True)
    assert all(b[0] - a[0] >= width + 2 for a, b in pairwise(labels))  # centred: a label's width apart


def test_roadmap_of_some_pillars_only(make_plan: Callable[..., Path]) -> None:
    plan = plan_of(make_plan)
    economy = next(p for p in plan.pillars if p.id == "economy")
    text = charts.roadmap(plan, words(), [(economy, economy.programs)])
    assert "ECO-01" in text and "GOV-01" not in text


@pytest.mark.parametrize(("first", "rows"), [(8, 8), (6, 12), (46, 60)])
def test_print_roadmap_pages_hold_every_program_once_and_never_overflow(first: int, rows: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A pillar longer than a page continues on the next; one that fits is kept whole. The first page,
    below the section's text, holds fewer lines than the pages the chart continues on."""
    from masterplan.render import print_figures

    monkeypatch.setattr(print_figures, "ROADMAP_ROWS", first)
    monkeypatch.setattr(print_figures, "ROADMAP_ROWS_CONTINUED", rows)
    plan = load_and_check(Path(__file__).resolve().parent.parent).plan  # the sample: 10 to 16 programs a pillar
    assert plan is not None
    pages = print_figures._roadmap_pages(plan)
    drawn = [program.id for page in pages for _, programs in page for program in programs]
    assert drawn == [program.id for pillar in plan.pillars for program in pillar.programs]
    lines = [sum(1 + sum(charts.roadmap_rows(p) for p in programs) for _, programs in page) for page in pages]
    band = charts.phase_band_rows(plan)  # the sample's phases, named above the years on every page
    assert band == 2
    assert lines[0] <= first - band and max(lines) <= rows - band, lines
    for pillar in plan.pillars:
        groups = [programs for page in pages for shown, programs in page if shown is pillar]
        assert len(groups) == 1 or 1 + sum(charts.roadmap_rows(p) for p in pillar.programs) > rows - band, pillar.id
    svg = charts.roadmap(plan, words(), pages[0])
    assert pages[0][0][1][0].id in svg


def test_text_from_content_is_escaped(make_plan: Callable[..., Path]) -> None:
    plan = plan_of(make_plan)
    plan.programs[0].name = plan.programs[0].name.of('<script>alert("x")</script> & co')
    svg = charts.roadmap(plan, charts.RoadmapWords("A <b>", "QW", lambda p: str(p.name)))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    parse(svg)
    bars = charts.bars([charts.Bar("<i>APBD</i>", 5, "Rp 5 & more")], "Anggaran <x>")
    assert "<i>" not in bars
    parse(bars)


def test_bars_print_values_and_text_alternative() -> None:
    svg = charts.bars([charts.Bar("APBD", 3_000, "Rp 3 ribu"), charts.Bar("APBN", 1_000, "Rp 1 ribu")], "Sumber")
    root = parse(svg)
    assert root.find(f"{SVG}desc").text == "APBD: Rp 3 ribu; APBN: Rp 1 ribu"
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(3 * widths[1], rel=0.01)
    assert parse(charts.bars([], "Kosong")) is not None


def test_a_control_character_in_a_name_leaves_the_chart_readable() -> None:
    """YAML lets "\\v" into a name; XML refuses it, and the book's renderer would drop the whole image."""
    svg = charts.bars([charts.Bar("Dinas\x0bKominfo\x01", 5, "Rp 5")], "Anggaran\x0c")
    root = parse(svg)  # well-formed XML
    assert root.find(f"{SVG}title").text == "Anggaran" and "DinasKominfo" in svg
    assert "\x0b" not in str(charts.image(svg))


def test_a_bar_chart_over_pages_keeps_one_scale_and_every_bar() -> None:
    """A province's 120 agencies do not fit one page: the chart goes on over pages of about the same
    length, where a bar is as long as it would be on the first (and the labels as wide)."""
    from masterplan.render import print_figures

    many = [charts.Bar(f"Dinas Nomor {n}" + " Panjang" * (n == 90), 1000 - n, f"Rp {1000 - n}") for n in range(120)]
    pages = print_figures._bar_pages(many)
    assert [len(page) for page in pages] == [40, 40, 40] and [bar for page in pages for bar in page] == many
    assert [len(page) for page in print_figures._bar_pages(many[:45])] == [23, 22]
    assert print_figures._bar_pages([]) == [[]]

    def drawn(svg: str) -> list[tuple[str, str]]:
        return [(r.get("x"), r.get("width")) for r in parse(svg).iter(f"{SVG}rect")]

    whole = drawn(charts.bars(many, "Semua"))
    assert drawn(charts.bars(pages[2], "Halaman 3", among=many)) == whole[80:]
    assert drawn(charts.bars(pages[2], "Halaman 3")) != whole[80:]  # drawn alone: its own scale


def test_the_book_shows_a_chart_as_an_image_described_by_its_title_and_description() -> None:
    """A tagged PDF makes an image a Figure with alt text; an inline SVG would be loose words."""
    svg = charts.bars([charts.Bar("APBD & BUMD", 3000, "Rp 3 ribu", "#000")], "Anggaran <per sumber>")
    image = str(charts.image(svg))
    match = re.fullmatch(r'<img class="chart" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">', image)
    assert match, image
    assert base64.b64decode(match.group(1)).decode("utf-8") == svg
    assert html.unescape(match.group(2)) == "Anggaran <per sumber>. APBD & BUMD: Rp 3 ribu"
    assert 'alt="Kosong"' in str(charts.image(charts.bars([], "Kosong")))  # the title once, not twice


def test_white_text_on_every_pillar_colour_meets_wcag_aa() -> None:
    """Pillar names are written in white on the pillar's colour (roadmap bands, site badges): 4.5:1 at least."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    contrasts = {colour: round(1.05 / (luminance(colour) + 0.05), 2) for colour in charts.PALETTE}
    assert min(contrasts.values()) >= 4.5, contrasts


def test_roadmap_labels_wrap_to_a_second_line_rather_than_cut_the_name() -> None:
    """The sample's names run up to 75 characters with their codes: each is drawn whole (37 of 70 were cut
    with "…"), and a two-line row stands two lines tall."""
    plan = load_and_check(Path(__file__).resolve().parent.parent).plan
    assert plan is not None
    svg = charts.roadmap(plan, words())
    drawn = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    assert not [text for text in drawn if text.endswith("…")]
    joined = " ".join(drawn).replace("  ", " ")
    longest = max(plan.programs, key=lambda p: len(str(p.name)))
    assert f"{longest.id} {escape(str(longest.name))}" in joined
    assert charts.roadmap_rows(longest) == 2 and min(charts.roadmap_rows(p) for p in plan.programs) == 1


def test_chart_text_is_7_pt_or_more_in_the_book(make_plan: Callable[..., Path]) -> None:
    """The roadmap's labels (9 units: 6.0 pt in the book), its years (9.5) and the bar charts' values (10) were
    too small to read in print. A chart's WIDTH is printed across the book's 165 mm text width, where no text
    is smaller than 7 pt."""
    plan = plan_of(make_plan)
    svgs = [charts.roadmap(plan, words()), charts.bars([charts.Bar("APBD", 3, "Rp 3"), charts.Bar("DAK", 1, "Rp 1")], "x")]
    sizes = [float(text.get("font-size")) for svg in svgs for text in parse(svg).iter(f"{SVG}text")]
    printed = 165 / 25.4 * 72 / charts.WIDTH  # pt a unit
    assert len(sizes) > 10 and min(sizes) == charts.SMALL and charts.SMALL * printed >= 7


def test_a_labels_width_is_never_underestimated() -> None:
    """Labels wrap by an estimate of their width; counting half an em a letter let "ENV-04 Pengolahan Sampah Terpadu
    dan Pemanfaatan Gas Metana" run into the first year's column. The estimate is never less than the width of
    Noto Sans (the bundled fonts), regular or bold, for every roadmap label of the sample."""
    from fontTools.ttLib import TTFont

    from masterplan.resources import theme_dir

    fonts = {bold: TTFont(theme_dir() / "fonts" / f"NotoSans-{'Bold' if bold else 'Regular'}.ttf") for bold in (False, True)}

    def width(text: str, bold: bool) -> float:
        font = fonts[bold]
        glyphs, metrics = font.getBestCmap(), font["hmtx"]
        return sum(metrics[glyphs[ord(c)]][0] for c in text) / font["head"].unitsPerEm * charts.SMALL

    plan = load_and_check(Path(__file__).resolve().parent.parent).plan
    assert plan is not None
    lines = [(line, program.quick_win) for program in plan.programs for line in charts.roadmap_label(program)]
    assert len(lines) > len(plan.programs)
    short = [line for line, bold in lines if charts._width(line, charts.SMALL, bold) < width(line, bold)]
    assert not short, short
    assert max(width(line, bold) for line, bold in lines) <= charts.ROADMAP_LABEL - 18  # the room the label has
