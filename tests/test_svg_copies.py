"""An SVG drawing whose references make the renderer draw far more than is written in it (E519).

The corpus (tests/bad_inputs/chapter-image-too-large-to-draw.yml) checks the message in validate and build;
these check the other ways a drawing copies its shapes, and that real drawings pass.
"""

from __future__ import annotations

from pathlib import Path

from masterplan.checks import images

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{}</svg>'


def _problem(tmp_path: Path, body: str) -> str | None:
    (tmp_path / "gambar.svg").write_text(SVG.format(body), encoding="utf-8")
    found = images.problem(tmp_path / "gambar.svg", tmp_path)
    return None if found is None else str(found)


def test_a_marker_is_drawn_at_each_point_of_a_shape(tmp_path: Path) -> None:
    marker = '<marker id="m"><circle r="1"/><circle r="2"/><circle r="3"/></marker>'
    points = " ".join(f"L{n} {n}" for n in range(5000))
    found = _problem(tmp_path, marker + f'<path d="M0 0 {points}" marker-mid="url(#m)"/>')
    assert found and "more than 10,000 copies" in found
    found = _problem(tmp_path, marker + f'<path d="M0 0 {points}" style="marker:url(#m)"/>')
    assert found and "more than 10,000 copies" in found


def test_a_clip_path_is_drawn_for_each_shape_it_clips(tmp_path: Path) -> None:
    clip = '<clipPath id="c">' + '<rect width="1" height="1"/>' * 6 + "</clipPath>"
    found = _problem(tmp_path, clip + '<rect width="1" height="1" clip-path="url(#c)"/>' * 2000)
    assert found and "more than 10,000 copies" in found


def test_a_drawing_naming_what_holds_it_through_another_is_said(tmp_path: Path) -> None:
    body = '<defs><g id="a"><use href="#b"/><use href="#b"/></g><g id="b"><use href="#a"/></g></defs><use href="#a"/>'
    assert "inside itself" in (_problem(tmp_path, body) or "")


def test_real_drawings_pass(tmp_path: Path) -> None:
    """A road map of 5,000 lines of 20 points each with an arrow at its end, gradients named by every shape,
    and a drawing nested 200 deep; one nested 20,000 deep, which the renderer cannot draw (1,000 failed the book),
    is said so, with no stack to overflow while it is measured."""
    arrow = '<marker id="panah"><path d="M0 0L2 1L0 2z"/></marker><linearGradient id="g"><stop/><stop/></linearGradient>'
    road = '<path d="M0 0 ' + " ".join(f"L{n} 1" for n in range(20)) + '" marker-end="url(#panah)" fill="url(#g)"/>'
    assert _problem(tmp_path, arrow + road * 5000) is None
    assert _problem(tmp_path, "<g>" * 198 + "<rect/>" + "</g>" * 198) is None
    assert "nested more than 200 deep" in (_problem(tmp_path, "<g>" * 20_000 + "<rect/>" + "</g>" * 20_000) or "")


def test_what_is_never_named_draws_nothing(tmp_path: Path) -> None:
    """The renderer draws no <defs>, and a symbol, clip path or marker only where a shape names it: an unused
    definition naming itself fails nothing, and 12,000 shapes of a symbol drawn once are no copies."""
    assert _problem(tmp_path, '<defs><g id="a"><use href="#a"/></g></defs><rect width="1" height="1"/>') is None
    symbol = '<symbol id="s">' + '<rect width="1" height="1"/>' * 12_000 + "</symbol>"
    assert _problem(tmp_path, symbol + '<use href="#s"/>') is None
    assert "copies" in (_problem(tmp_path, symbol + '<use href="#s"/>' * 3) or "")


def test_a_chart_of_many_points_each_a_use_of_one_marker_passes(tmp_path: Path) -> None:
    """A chart as matplotlib writes it, each of 20,000 points a <use> of one marker, was refused ("more than 10,000
    copies"): the renderer takes as long for it as for the points written out (12.6 s, 13.7 s). A drawing may copy
    as many shapes as it writes; a fan-out of <use>s of <use>s is still refused."""
    marker = '<defs><path id="titik" d="M0 0L1 1"/></defs>'
    points = "".join(f'<use href="#titik" x="{n % 100}" y="{n // 100}"/>' for n in range(20_000))
    assert _problem(tmp_path, marker + points) is None
    fan = '<defs><g id="l0"><rect width="1" height="1"/></g>' + "".join(
        f'<g id="l{level}">' + f'<use href="#l{level - 1}"/>' * 10 + "</g>" for level in range(1, 6)) + "</defs>"
    assert "more than 10,000 copies" in (_problem(tmp_path, fan + '<use href="#l5"/>') or "")
