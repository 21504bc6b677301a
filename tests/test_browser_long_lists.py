"""A mid-size plan's long lists in a real headless Chromium: a pillar's and a mission's pages, as the staff of a
province (five hundred programs a pillar) or of a large city read them, on a phone and at a desk.

The plan is the benchmarks' M (300 programs, some fifty a pillar), generated and built (no PDF, no search index) in
a few seconds. Only a missing Chromium skips these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, generated_plan
from test_browser import _axe, _filtered, _programs_shown, serving

from masterplan.model import Plan
from masterplan.project import load_and_check

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def mid_size(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmarks' M plan, its website built."""
    from masterplan.build import BuildOptions, run
    root = generated_plan(tmp_path_factory.mktemp("mid-size"), "M")
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root


@pytest.fixture(scope="module")
def plan(mid_size: Path) -> Plan:
    checked = load_and_check(mid_size)
    assert checked.plan is not None
    return checked.plan


@pytest.fixture(scope="module")
def server(mid_size: Path) -> Iterator[str]:
    with serving(mid_size / "build" / "site") as address:
        yield address


def test_a_long_pillar_page_has_a_filter_and_a_jump_to_each_sub_element(browser: object, server: str,
                                                                       plan: Plan) -> None:
    """A province's pillar page listed its 532 programs in three tables with no way in but scrolling (141,000 px
    on a phone): past 30 programs it has the filter of the page of all programs, and a jump to each sub-element
    with its count; its programs on a phone are a line or two each, as on that page."""
    pillar = max(plan.pillars, key=lambda p: len(p.programs))
    total = len(pillar.programs)
    assert total > 30
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + f"pillar/{pillar.id}.html")
    _filtered(tab, f"{total} dari {total} program")
    assert tab.is_visible("#program-filter-text") and sorted(_programs_shown(tab)) == sorted(p.id for p in pillar.programs)
    jumps = tab.eval_on_selector_all(".toc a", "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    expected = [(f"#sub-{sub.id}", f"{sub.name} ({sum(p.sub_element_id == sub.id for p in pillar.programs)})")
                for sub in pillar.sub_elements]
    assert [tuple(jump) for jump in jumps] == expected
    last = pillar.sub_elements[-1]
    tab.click(f".toc a[href='#sub-{last.id}']")
    tab.wait_for_function("id => { const box = document.getElementById(id).getBoundingClientRect();"  # within a pixel
                          " return box.top > -1 && box.top < 200; }", arg=f"sub-{last.id}")  # (scrolled to -0.31)
    rows = tab.eval_on_selector_all("table.programs tbody tr", "rows => rows.map(r => r.getBoundingClientRect().height)")
    assert max(rows) < 150, max(rows)  # a line or two, not a card of a value a line
    one = pillar.programs[-1]
    tab.fill("#program-filter-text", one.id.lower())
    _filtered(tab, f"1 dari {total} program")
    assert _programs_shown(tab) == [one.id]
    assert tab.locator("section.program-group:visible").count() == 1
    assert _axe(tab) == []
    context.close()


def test_a_long_mission_page_has_the_filter_and_a_pillar_name_narrows_it(page: object, server: str,
                                                                       plan: Plan) -> None:
    """A mission served by hundreds of programs (900 in a province's plan) could only be scrolled: typing a
    pillar's name or an agency's narrows its list, the count said as it changes."""
    mission = plan.missions[0]
    serving_it = [p for p in plan.programs if mission in p.missions]
    total = len(serving_it)
    assert total > 30
    pillar = plan.pillars[1]
    page.goto(server + f"mission/{mission.id}.html")  # type: ignore[attr-defined]
    _filtered(page, f"{total} dari {total} program")
    page.fill("#program-filter-text", str(pillar.name))  # type: ignore[attr-defined]
    in_pillar = sorted(p.id for p in serving_it if p.pillar is pillar)
    _filtered(page, f"{len(in_pillar)} dari {total} program")
    assert sorted(_programs_shown(page)) == in_pillar and in_pillar
    assert _axe(page) == [] and page.problems == []  # type: ignore[attr-defined]


def test_a_long_roadmap_has_a_jump_to_each_pillar_band(browser: object, server: str, plan: Plan) -> None:
    """A province's roadmap runs 3,000 programs (183,000 px on a phone) with no way to a pillar but scrolling: a
    link to each pillar's band, with its count, leads there; the year cells of its tables keep their pillar's colour,
    now given once around each table."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "roadmap.html")
    jumps = tab.eval_on_selector_all(".roadmap-jump a", "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert [tuple(jump) for jump in jumps] == [(f"#roadmap-chart-pillar-{p.id}", f"{p.name} ({len(p.programs)})")
                                               for p in plan.pillars]
    last = plan.pillars[-1]
    tab.click(f".roadmap-jump a[href='#roadmap-chart-pillar-{last.id}']")
    tab.wait_for_function("id => { const box = document.getElementById(id).getBoundingClientRect();"
                          " return box.top > -1 && box.top < 200; }", arg=f"roadmap-chart-pillar-{last.id}")
    tab.click("details.as-tables summary")
    colours = tab.eval_on_selector_all(f"#roadmap-{last.id} td.active", "cells => [...new Set(cells.map(cell =>"
                                       " getComputedStyle(cell).backgroundColor))]")
    band = tab.eval_on_selector(".gantt-pillar:last-of-type", "band => getComputedStyle(band).backgroundColor")
    assert colours == [band], (colours, band)
    assert _axe(tab) == []
    context.close()


def test_a_short_pillar_page_and_roadmap_keep_their_lists_as_they_were(page: object, sample_server: str) -> None:
    """The sample's pillars (a dozen programs each) show no filter and no jump list: three short tables need none;
    nor does its roadmap, of bands as short."""
    page.goto(sample_server + "pillar/branding.html")  # type: ignore[attr-defined]
    assert page.locator("#program-filter").count() == 0 and page.locator(".toc").count() == 0  # type: ignore[attr-defined]
    assert page.locator("section.sub-element").count() == 3  # type: ignore[attr-defined]
    page.goto(sample_server + "roadmap.html")  # type: ignore[attr-defined]
    assert page.locator(".roadmap-jump").count() == 0 and page.locator("#roadmap-chart").count() == 1  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sample_server(sample_site_unindexed: Path) -> Iterator[str]:
    """The sample's website (no PDF, no search index; conftest's, built once a session: read only), served."""
    with serving(sample_site_unindexed / "build" / "site") as address:
        yield address
