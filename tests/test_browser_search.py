"""The site search's menus narrowing its results ("Tampilkan", "Dimensi") and the facts under each result, in a
real headless Chromium, on the sample site built in Indonesian and as its English edition (no PDF).

Needs Debian's ``chromium`` (/usr/bin/chromium) and Playwright for Python, as tests/test_browser.py does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM
from test_browser import _wait_for_search, serving

from masterplan.model import Plan
from masterplan.project import load_and_check

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def sample(sample_site: Path) -> Path:
    """The sample's website with its search index (conftest's, built once a session: read only)."""
    return sample_site


@pytest.fixture(scope="module")
def server(sample: Path) -> Iterator[str]:
    with serving(sample / "build" / "site") as address:
        yield address


@pytest.fixture(scope="module")
def english_server(english_sample_site: Path) -> Iterator[str]:
    with serving(english_sample_site / "build" / "site") as address:
        yield address


def _choices(tab: object, menu: str) -> list[str]:
    return tab.eval_on_selector_all(f"#search-{menu} option", "options => options.map(o => o.textContent)")  # type: ignore[attr-defined]


def _status(tab: object, start: str) -> None:
    tab.wait_for_function("start => document.getElementById('search-status').textContent.startsWith(start)",  # type: ignore[attr-defined]
                          arg=start, timeout=15000)


def test_each_menu_counts_its_choices_under_the_other_menus_choice(page: object, server: str) -> None:
    """Narrowed to Smart Environment, "sampah" offered "Bab (5)", the count for every pillar: choosing it listed
    nothing. Each menu now counts under the other menu's choice, and offers no choice that finds nothing."""
    page.goto(server + "search.html?q=sampah&pillar=Smart+Environment")  # type: ignore[attr-defined]
    _wait_for_search(page)
    kinds = _choices(page, "kind")[1:]
    assert kinds and not [kind for kind in kinds if kind.startswith("Bab")], kinds
    for choice in kinds:  # each choice lists as many results as it said
        value, count = re.fullmatch(r"(.+) \((\d+)\)", choice).groups()  # type: ignore[union-attr]
        page.select_option("#search-kind", value)  # type: ignore[attr-defined]
        _status(page, f"{count} hasil" if count != "1" else "1 hasil")
        assert page.locator("#search-results li").count() == int(count), choice  # type: ignore[attr-defined]
    page.select_option("#search-kind", "Program")  # type: ignore[attr-defined]
    _status(page, "4 hasil")
    # the pillar menu counts the programs only; the kind menu, with no pillar chosen, every pillar's
    assert _choices(page, "pillar")[1:] == ["Smart Environment (4)"], _choices(page, "pillar")
    page.select_option("#search-pillar", "")  # type: ignore[attr-defined]
    _status(page, "4 hasil")
    assert "Bab (5)" in _choices(page, "kind") and "Program (4)" in _choices(page, "kind")
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_kind_menu_counts_every_result(page: object, server: str) -> None:
    """"sampah" found 16 pages and "Tampilkan" counted 14: the glossary and the program list had no kind, so no
    choice held them and their results named no kind. Each page now has one ("Glosarium", "Halaman lain")."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    found = int(re.match(r"(\d+) hasil", page.text_content("#search-status")).group(1))  # type: ignore[attr-defined, union-attr]
    counts = {choice.rsplit(" (", 1)[0]: int(choice.rsplit("(", 1)[1].rstrip(")")) for choice in _choices(page, "kind")[1:]}
    assert sum(counts.values()) == found and {"Glosarium", "Halaman lain"} <= set(counts), (found, counts)
    assert page.locator("#search-results li .result-kind").count() == page.locator("#search-results li").count()  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_menus_show_their_choices_whole(width: int, browser: object, server: str) -> None:
    """At 390 px the two menus stood side by side, 154 px each, and read "Semua halam" and "Semua dimen": each
    menu now shows its longest choice whole, its arrow beside it, on a phone as on a desktop."""
    context = browser.new_context(viewport={"width": width, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server + "search.html?q=sampah")
    _wait_for_search(tab)
    room = tab.eval_on_selector_all(".search-filters select", """menus => menus.map(menu => {
        const style = getComputedStyle(menu), pen = document.createElement('canvas').getContext('2d');
        pen.font = style.font;
        const widest = Math.max(...[...menu.options].map(o => pen.measureText(o.textContent).width));
        return menu.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 - widest; })""")
    context.close()
    assert len(room) == 2 and min(room) >= 0, room  # 20 px: the menu's arrow


@pytest.mark.parametrize(("address", "kept"), [
    ("search.html?q=sampah&kind=Nothing", "search.html?q=sampah"),
    ("search.html?q=sampah&pillar=Smart+Energy&kind=Program", "search.html?q=sampah&kind=Program"),
    ("search.html?kind=Program", "search.html"),
])
def test_a_shared_address_with_a_choice_the_index_lacks_drops_it(address: str, kept: str, page: object,
                                                                 server: str) -> None:
    """An address with a kind or pillar the site has no page of (sent from the other edition, a pillar since
    renamed) showed a blank menu and "no results"; a choice without words stayed in the address. The choice is
    dropped, from the search and from the address."""
    page.goto(server + address)  # type: ignore[attr-defined]
    if "q=" in address:
        _wait_for_search(page)
        assert re.match(r"\d+ hasil untuk", page.inner_text("#search-status")), page.inner_text("#search-status")  # type: ignore[attr-defined]
    page.wait_for_url(server + kept)  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_search_address_from_the_indonesian_edition_opens_on_the_english_one(page: object,
                                                                               english_server: str) -> None:
    """``kind=Bab`` is "Chapter" in English: the Indonesian edition's address listed nothing there."""
    page.goto(english_server + "search.html?q=sampah&kind=Bab")  # type: ignore[attr-defined]
    _wait_for_search(page)
    page.wait_for_url(english_server + "search.html?q=sampah")  # type: ignore[attr-defined]
    assert re.match(r"\d+ results for", page.inner_text("#search-status"))  # type: ignore[attr-defined]
    assert page.input_value("#search-kind") == "" and "Chapter (5)" in _choices(page, "kind")  # type: ignore[attr-defined]


def _facts(tab: object, address: str) -> dict[str, str]:
    """Each result's page (its file's name) and the facts under its title."""
    tab.goto(address)  # type: ignore[attr-defined]
    _wait_for_search(tab)
    return dict(tab.eval_on_selector_all("#search-results li:has(.result-facts)", """items => items.map(li =>  
        [li.querySelector('a').pathname.split('/').pop().replace('.html', ''),
         li.querySelector('.result-facts').textContent])"""))  # type: ignore[attr-defined]


def test_a_results_facts_say_one_program_as_one_and_leave_out_none(page: object, server: str,
                                                                    english_server: str, sample: Path) -> None:
    """The English edition said "Leads 1 programs"; an agency leading nothing, "Leads 0 programs · supports 4 ·
    Rp 0". One program is said as one, and a count or an amount of 0 is left out."""
    plan: Plan | None = load_and_check(sample).plan
    assert plan is not None
    one = next(agency for agency in plan.agencies if len(agency.programs) == 1 and agency.supported)
    idle = next(agency for agency in plan.agencies if not agency.programs)
    facts = _facts(page, english_server + f"search.html?q={one.short_name}&kind=Agency")
    assert re.fullmatch(rf"Leads 1 program · supports {len(one.supported)} · Rp [\d.,]+ (billion|million)",
                        facts[one.id]), facts
    facts = _facts(page, server + f"search.html?q={idle.short_name}&kind=Perangkat+Daerah")
    assert facts[idle.id] == f"Mendukung {len(idle.supported)} program", facts  # "Mendukung 4" said nothing of what
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_menus_work_with_the_keyboard(page: object, server: str) -> None:
    """From the search box, Tab reaches the kind menu; the arrow keys change it, and the results and their count
    follow at once, the focus kept on the menu."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    _status(page, "16 hasil")
    page.focus("#search-input")  # type: ignore[attr-defined]
    for _ in range(5):
        if page.evaluate("document.activeElement.id") == "search-kind":  # type: ignore[attr-defined]
            break
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "search-kind"  # type: ignore[attr-defined]
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]  # the first choice: the most results
    first = _choices(page, "kind")[1]
    count = re.fullmatch(r".+ \((\d+)\)", first).group(1)  # type: ignore[union-attr]
    _status(page, f"{count} hasil")
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    second = re.fullmatch(r"(.+) \((\d+)\)", _choices(page, "kind")[2]).groups()  # type: ignore[union-attr]
    _status(page, f"{second[1]} hasil")
    assert page.locator("#search-results li").count() == int(second[1])  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "search-kind"  # type: ignore[attr-defined]
    assert page.input_value("#search-kind") == second[0] and f"kind={second[0]}" in page.url  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


def test_a_search_whose_results_are_all_stray_offers_no_choice(page: object, server: str) -> None:
    """"kesehtan" (a typo): Pagefind matched a glossary entry by a letter or two, which the page rightly leaves out
    ("Tidak ada hasil"), but the menu still offered "Glosarium (1)", and choosing it listed nothing again. Once every
    result is in, the menus count the results listed."""
    page.goto(server + "search.html?q=kesehtan")  # type: ignore[attr-defined]
    _wait_for_search(page)
    _status(page, "Tidak ada hasil")
    assert page.locator("#search-results li").count() == 0  # type: ignore[attr-defined]
    assert _choices(page, "kind")[1:] == [] and page.locator("#search-filters").is_hidden()  # type: ignore[attr-defined]
    page.goto(server + "search.html?q=kesehtan&kind=Bab")  # type: ignore[attr-defined]  # a choice made: its menu
    _wait_for_search(page)  # counts its wider search without the stray match too
    _status(page, "Tidak ada hasil")
    page.wait_for_function("() => ![...document.querySelectorAll('#search-kind option')]"  # type: ignore[attr-defined]
                           ".some(o => o.textContent.startsWith('Glosarium'))", timeout=15000)
    assert _choices(page, "kind")[1:] == ["Bab (0)"], _choices(page, "kind")
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]  # nothing stray: Pagefind's counts stand
    _wait_for_search(page)
    _status(page, "16 hasil")
    assert page.locator("#search-filters").is_visible() and len(_choices(page, "kind")) > 2  # type: ignore[attr-defined]
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_count_a_screen_reader_hears_names_the_choice_that_narrows_it(page: object, server: str) -> None:
    """Choosing "Perangkat Daerah" in "Tampilkan", a screen reader heard "3 hasil untuk “sampah”." from the status and
    nothing of the results being narrowed. The status now names the choices made."""
    page.goto(server + "search.html?q=sampah")  # type: ignore[attr-defined]
    _wait_for_search(page)
    _status(page, "16 hasil")
    assert page.text_content("#search-status") == "16 hasil untuk “sampah”."  # type: ignore[attr-defined]
    page.select_option("#search-kind", "Program")  # type: ignore[attr-defined]
    _status(page, "4 hasil")
    assert page.text_content("#search-status") == "4 hasil untuk “sampah”. Ditampilkan: Program."  # type: ignore[attr-defined]
    assert page.get_attribute("#search-status", "aria-live") == "polite"  # type: ignore[attr-defined]
    page.select_option("#search-pillar", "Smart Environment")  # type: ignore[attr-defined]
    page.wait_for_function("() => document.getElementById('search-status').textContent.endsWith("  # type: ignore[attr-defined]
                           "'Ditampilkan: Program, Smart Environment.')", timeout=15000)
    assert page.problems == []  # type: ignore[attr-defined]
