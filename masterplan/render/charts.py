"""SVG charts drawn from the model, as strings: the book's roadmap and budget bars.

Each chart is a self-contained ``<svg>`` with a fixed ``viewBox`` (it scales to its
container), ``role="img"``, a ``<title>`` and a ``<desc>`` text alternative, and the theme's
font; the book shows it as an image of itself (:func:`image`). The website draws its own in
HTML (:mod:`site_charts`) with the same pillar colours.
Every piece of text from the content is escaped. The pillar colours are defined once,
in :data:`PALETTE`, and handed out by pillar order (:func:`pillar_colours`), unless a pillar names its own.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape, unescape

from markupsafe import Markup

from masterplan.model import Plan
from masterplan.plan_parts import Phase, Pillar
from masterplan.programs import Program

#: Pillar colours in pillar order: sober, distinct, dark enough for white text (WCAG AA: 4.5:1 or more).
PALETTE = ["#1f4e79", "#7b4f9d", "#946d09", "#c0533a", "#1b7f86", "#3d7f35", "#5d6d7e", "#8c3d5e"]
INK, MUTED, RULE, BAND = "#1d2733", "#5b6673", "#c9d1da", "#f2f5f8"
FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
WIDTH = 700  #: every chart is 700 units wide; heights follow the data
#: the smallest text a chart has, in chart units: 7 pt in the book, whose text width (165 mm, 467.7 pt)
#: holds a chart's WIDTH; smaller text is too small to read in print
SMALL = 10.5


def pillar_colours(plan: Plan) -> dict[str, str]:
    """pillar id → colour: the pillar's own (``colour:`` in its file), else the palette's, by pillar order."""
    return {p.id: p.colour or PALETTE[i % len(PALETTE)] for i, p in enumerate(plan.pillars)}


#: Noto Sans's advance widths in em, for the letters far from the 0.6 em of most (a digit: 0.57, "a": 0.56,
#: "n": 0.62); a chart's text is measured with them, so a label never runs into the drawing beside it
_WIDTHS = {**dict.fromkeys(" ijl'.,:;·!J", 0.27), **dict.fromkeys("()-[]/fIt", 0.34), **dict.fromkeys('rz"?', 0.44),
           **dict.fromkeys("csvykxFLS–", 0.51), **dict.fromkeys("DGHNOQUw&", 0.78), **dict.fromkeys("mMW%@", 0.94)}
BOLD = 1.1  #: how much wider bold text is, at most about


def _width(text: str, size: float, bold: bool = False) -> float:
    """About how wide ``text`` is at font size ``size``, in the units of ``size`` (a little more, never less)."""
    return sum(_WIDTHS.get(c, 0.6) for c in text) * size * (BOLD if bold else 1)


def _fit(text: str, width: float, size: float, bold: bool = False, cut: bool = False) -> str:
    """``text`` if it fits ``width`` at font size ``size`` (and is not ``cut``); else as much of it as fits
    with an ellipsis."""
    if not cut and _width(text, size, bold) <= width:
        return text
    while len(text) > 1 and _width(text + "…", size, bold) > width:
        text = text[:-1].rstrip()
    return text + "…"


def _wrap(text: str, width: float, size: float, lines: int, bold: bool = False) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` units at font size ``size``, broken between
    words, a second line of one word given the word before it too; what still does not fit is cut with an
    ellipsis at the end of the last line."""
    wrapped: list[str] = []
    for word in text.split():
        if wrapped and _width(f"{wrapped[-1]} {word}", size, bold) <= width:
            wrapped[-1] += " " + word
        else:
            wrapped.append(word)
    if len(wrapped) == 2 <= lines and " " not in wrapped[1]:  # not one word alone on the last line ("Center" / "119)")
        head, _, last = wrapped[0].rpartition(" ")
        if " " in head and _width(f"{last} {wrapped[1]}", size, bold) <= width:
            wrapped = [head, f"{last} {wrapped[1]}"]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = _fit(wrapped[-1], width, size, bold, cut=True)
    return [_fit(line, width, size, bold) for line in wrapped]


def _xml(text: str) -> str:
    """Text escaped for the SVG, without the control characters XML refuses (a YAML "\\v" in a name),
    which would make the whole image unreadable to the book's renderer."""
    return escape(_NOT_XML.sub("", text))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(x: float, y: float, text: str, size: float = 10, anchor: str = "start", fill: str = INK,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
            f' font-weight="{weight}">{_xml(text)}</text>')


def image(svg: str) -> Markup:
    """The chart as an ``<img>`` of itself, its title and description for alt text.

    The book needs it so: a tagged PDF (WeasyPrint) makes an image a Figure, which a screen
    reader announces and reads the alt text of, where the words of an inline SVG are loose
    text without their meaning (a bar's label apart from its amount).
    """
    found = _ALTERNATIVE.search(svg)
    alt = ". ".join(dict.fromkeys(unescape(part) for part in found.groups() if part)) if found else ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f'<img class="chart" src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">')


_ALTERNATIVE = re.compile(r"<title>(.*?)</title><desc>(.*?)</desc>", re.DOTALL)  #: what :func:`_svg` writes


def _svg(height: float, title: str, desc: str, body: list[str], font: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img"'
            f' class="chart" font-family="{escape(font)}" preserveAspectRatio="xMidYMin meet">'
            f"<title>{_xml(title)}</title><desc>{_xml(desc)}</desc>" + "".join(body) + "</svg>")


@dataclass(frozen=True)
class RoadmapWords:
    """The translated words a roadmap shows."""

    title: str
    quick_win: str
    description: Callable[[Program], str]  #: one sentence per program, for the text alternative
    phase: str = "Phase"  #: the word beside the band of the roadmap's phases, in the label column


RoadmapGroup = tuple[Pillar, Sequence[Program]]
ROADMAP_LABEL = 340.0  #: width of the roadmap's label column, in chart units (the chart is WIDTH wide): at SMALL,
#: the sample's longest names take two lines; ten years' columns still hold their year
ROADMAP_ROW = 15.0  #: height of one line of the roadmap, in chart units


def roadmap_label(program: Program) -> list[str]:
    """A program's label in the roadmap: its code and name, on two lines when one does not hold it."""
    return _wrap(f"{program.id}  {program.name}", ROADMAP_LABEL - 18, SMALL, 2, bold=program.quick_win)


def roadmap_rows(program: Program) -> int:
    """How many lines of the roadmap a program takes (1 or 2)."""
    return len(roadmap_label(program))


PHASE_LINE = 12.0  #: height of a line of a phase's name in the band above the roadmap's years, in chart units
PHASE_BAND = "#e3e9f0"  #: the band's tint behind each phase's name: dark text on it reads as the chart's other words


def phase_spans(plan: Plan) -> list[tuple[Phase, int, int]]:
    """Each phase with its first year's column and how many columns it spans, cut at the plan's years (a phase
    reaching outside them is E301's); phases of no year of the plan, or ending before they start, left out."""
    first, last = plan.period.start, plan.period.end
    spans = []
    for phase in plan.phases:
        start, end = max(phase.period.start, first), min(phase.period.end, last)
        if start <= end:
            spans.append((phase, start - first, end - start + 1))
    return spans


def _phase_names(plan: Plan, col: float) -> list[tuple[Phase, int, int, list[str]]]:
    """The phases' spans, each with its name in at most two lines of its columns' width."""
    return [(phase, start, span, _wrap(str(phase.name), span * col - 10, SMALL, 2, bold=True))
            for phase, start, span in phase_spans(plan)]


def _column(plan: Plan) -> float:
    """Width of one year's column of the roadmap, in chart units."""
    return (WIDTH - ROADMAP_LABEL - 4) / max(len(plan.period.years), 1)


def phase_band_height(plan: Plan) -> float:
    """Height of the band naming the phases above the roadmap's years, in chart units: nothing without phases."""
    named = _phase_names(plan, _column(plan))
    return max((len(lines) for *_, lines in named), default=0) * PHASE_LINE + 5 if named else 0.0


def phase_band_rows(plan: Plan) -> int:
    """How many of the roadmap's lines (:data:`ROADMAP_ROW`) the band of phases takes: what a page holds less."""
    return math.ceil(phase_band_height(plan) / ROADMAP_ROW)


def _phase_band(plan: Plan, words: RoadmapWords, col: float, height: float) -> tuple[list[str], list[str]]:
    """The band of phases above the years (each phase's name over its years) and the faint lines at the phases'
    boundaries running down the chart, to be drawn under its bars; and a sentence per phase for the text
    alternative."""
    band, label_w = phase_band_height(plan), ROADMAP_LABEL
    body: list[str] = []
    described: list[str] = []
    if band:
        # beside the band it names, at the label column's right edge: at its left it read as the programs' heading
        body.append(_text(label_w - 6, 2 + band / 2 + 3.5, _fit(words.phase, label_w - 12, SMALL, True), SMALL,
                          "end", MUTED, "bold"))
    for phase, start, span, lines in _phase_names(plan, col):
        x = label_w + start * col
        body.append(f'<rect x="{x + 1:.1f}" y="2" width="{span * col - 2:.1f}" height="{band - 2:.1f}" rx="2"'
                    f' fill="{PHASE_BAND}"/>')
        first = 2 + (band - len(lines) * PHASE_LINE) / 2 + PHASE_LINE - 3
        body += [_text(x + span * col / 2, first + i * PHASE_LINE, line, SMALL, "middle", INK, "bold")
                 for i, line in enumerate(lines)]
        if start:  # the plan's first year has the chart's edge
            body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="2" y2="{height - 22:.1f}" stroke="{MUTED}"'
                        ' stroke-width="0.6" stroke-dasharray="3 2" stroke-opacity="0.7"/>')
        theme = f", {phase.theme}" if phase.theme else ""
        described.append(f"{phase.name} ({phase.period}{theme}).")
    return body, described


def roadmap(plan: Plan, words: RoadmapWords, groups: Sequence[RoadmapGroup] | None = None, font: str = FONT) -> str:
    """Gantt chart: programs (grouped by pillar) across the plan years; quick wins marked ◆.

    ``groups`` draws only those pillars' programs given (print splits a long roadmap over
    pages, a pillar of many programs included); by default every pillar and program.
    """
    years = list(plan.period.years)
    colours = pillar_colours(plan)
    label_w, top, row, head = ROADMAP_LABEL, 30.0 + phase_band_height(plan), ROADMAP_ROW, 19.0
    col = _column(plan)
    pillars = list(groups) if groups is not None else [(p, p.programs) for p in plan.pillars]
    rows = sum(roadmap_rows(program) for _, programs in pillars for program in programs)
    height = top + rows * row + len(pillars) * head + 26
    body = [f'<rect x="{label_w + i * col:.1f}" y="{top - 4}" width="{col:.1f}" height="{height - top - 22:.1f}"'
            f' fill="{BAND if i % 2 == 0 else "#ffffff"}"/>' for i in range(len(years))]
    band, described = _phase_band(plan, words, col, height)
    body += band
    every = math.ceil((_width(str(years[-1]), SMALL, bold=True) + 4) / col) if years else 1  # 20 years: every other
    body += [_text(label_w + (i + 0.5) * col, top - 10, str(year), SMALL, "middle", MUTED, "bold")
             for i, year in enumerate(years) if i % every == 0]
    y = top
    for pillar, programs in pillars:
        colour = colours.get(pillar.id, PALETTE[0])
        body.append(f'<rect x="0" y="{y:.1f}" width="{WIDTH}" height="{head - 3}" fill="{colour}"/>')
        body.append(_text(6, y + head - 7.5, _fit(str(pillar.name), WIDTH - 12, 10.5), 10.5, fill="#ffffff",
                          weight="bold"))
        y += head
        for program in programs:
            start = max(program.period.start, years[0]) - years[0]
            span = min(program.period.end, years[-1]) - years[0] - start + 1
            lines = roadmap_label(program)
            tall = row * len(lines)
            body += [_text(4, y + (i + 1) * row - 4.5, line, SMALL, weight="bold" if program.quick_win else "normal")
                     for i, line in enumerate(lines)]
            body.append(f'<rect x="{label_w + start * col + 1.5:.1f}" y="{y + (tall - row) / 2 + 3:.1f}"'
                        f' width="{max(span, 1) * col - 3:.1f}" height="{row - 6:.1f}" rx="2" fill="{colour}"'
                        f' fill-opacity="{1 if program.quick_win else 0.78}"/>')
            if program.quick_win:
                cx, cy = label_w - 8, y + tall / 2
                body.append(f'<path d="M{cx} {cy - 4.5}L{cx + 4.5} {cy}L{cx} {cy + 4.5}L{cx - 4.5} {cy}Z" fill="#c8102e"/>')
            body.append(f'<line x1="0" x2="{WIDTH}" y1="{y + tall:.1f}" y2="{y + tall:.1f}" stroke="{RULE}"'
                        ' stroke-width="0.4"/>')
            described.append(words.description(program))
            y += tall
    if plan.quick_wins:  # the key to the diamond, on every page of the chart; a plan without quick wins needs none
        body.append(f'<path d="M8 {height - 12}l4.5 -4.5l4.5 4.5l-4.5 4.5Z" fill="#c8102e"/>')
        body.append(_text(22, height - 8.5, words.quick_win, SMALL, fill=MUTED))
    return _svg(height, words.title, " ".join(described) or words.title, body, font)


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, colour and the value as printed."""

    label: str
    value: int | float
    shown: str
    colour: str = PALETTE[0]


def bars(items: Sequence[Bar], title: str, font: str = FONT, among: Sequence[Bar] = ()) -> str:
    """Horizontal bar chart, longest first as given; values printed at the bar ends.

    ``among``: every bar of a chart that ``items`` is one page of; its pages share their scale and
    the width of their labels, so a bar on one page compares with a bar on another."""
    whole = among or items
    row, top = 22.0, 6.0
    longest = max((_width(b.label, 10.5) for b in whole), default=0)
    label_w = min(max(longest + 10, 80), 250)
    value_w = 120.0
    scale = (WIDTH - label_w - value_w) / max(max((b.value for b in whole), default=0), 1)
    height = top + row * len(items) + 8
    body = [(f'<line x1="{label_w:.1f}" x2="{label_w:.1f}" y1="{top - 2}" y2="{height - 6:.1f}" stroke="{MUTED}"'
            ' stroke-width="0.8"/>')]
    for i, bar in enumerate(items):
        y = top + i * row
        width = max(bar.value * scale, 0.0)
        body.append(_text(label_w - 8, y + row / 2 + 3.5, _fit(bar.label, label_w - 10, 10.5), 10.5, "end"))
        body.append(f'<rect x="{label_w:.1f}" y="{y + 4:.1f}" width="{width:.1f}" height="{row - 8:.1f}"'
                    f' fill="{bar.colour}"/>')
        body.append(_text(label_w + width + 6, y + row / 2 + 3.5, bar.shown, SMALL, fill=MUTED))
    desc = "; ".join(f"{b.label}: {b.shown}" for b in items) or title
    return _svg(height, title, desc, body, font)
