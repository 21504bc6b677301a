"""The draft mark's outlines (masterplan/render/draft_mark.py): the whole of every letter, whatever the theme's font file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from masterplan.render.draft_mark import mark
from masterplan.render.theme import Theme
from masterplan.resources import theme_dir


def view_box(svg: str) -> tuple[float, ...]:
    found = re.search(r'viewBox="([-\d. ]+)"', svg)
    assert found, svg
    return tuple(float(n) for n in found.group(1).split())


def test_the_mark_holds_accents_descenders_and_round_letters_whole() -> None:
    """The box was the capitals' height from the baseline up: "ÉJQ" came out "EIQ" without its accent, J's hook
    and Q's tail; "O" lost its overshoot."""
    theme = Theme((theme_dir(),))
    _, top, _, height = view_box(mark("ÉJQ", theme))
    _, cap_top, _, _ = view_box(mark("HIE", theme))  # flat capitals: from the cap height to the baseline
    assert top < cap_top - 100  # the accent, above the capitals (font units)
    assert top + height > 50  # J's and Q's descent, below the baseline
    _, round_top, _, round_height = view_box(mark("OOO", theme))
    assert round_top < cap_top and round_top + round_height > 0  # an O overshoots both lines
    assert 'fill="#c0202b"' in mark("Draf", theme) and "<text" not in mark("Draf", theme)


def test_a_theme_font_that_cannot_be_read_gives_way_to_the_default_one(tmp_path: Path) -> None:
    fonts = tmp_path / "theme" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "NotoSans-Bold.ttf").write_bytes(b"not a font at all")
    own = Theme((tmp_path / "theme", theme_dir()))
    assert mark("Draf", own) == mark("Draf", Theme((theme_dir(),))) != ""


def test_a_word_no_font_draws_gives_no_mark_rather_than_a_box() -> None:
    assert mark("草稿", Theme((theme_dir(),))) == ""


def test_a_draft_whose_mark_no_font_draws_is_said_to_carry_none(make_plan: Callable[..., Path]) -> None:
    """A draft whose mark came out empty (a word in letters no font of the theme has) passed for the adopted plan
    without a word: the build says so."""
    from masterplan.build import BuildOptions, run
    root = make_plan({"templates/i18n/messages.yml": '"Draft": {id: "草稿"}\n'})
    result = run(root, BuildOptions(site=False))
    warned = [d for d in result.report.warnings if d.code == "W606"]
    assert len(warned) == 1 and "carry no '草稿' mark" in str(warned[0].message), [str(d) for d in result.report]
