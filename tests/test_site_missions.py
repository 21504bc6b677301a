"""The website's page per RPJMD mission: its programs, its row of the budget by mission, the links to it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import MINI_FILES

from masterplan.build import BuildOptions, run
from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.render.site_links import url_for


@pytest.fixture(scope="module")
def sample(sample_site_unindexed: Path) -> tuple[Plan, Path]:
    """The sample plan, loaded, and its website (no PDF; conftest's, built once a session: read only)."""
    root = sample_site_unindexed
    checked = load_and_check(root)
    assert checked.plan is not None
    return checked.plan, root / "build" / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def cells(row: str) -> list[str]:
    """A table row's figures as a reader gets them: each cell's text, and a rounded amount's exact value."""
    found = []
    for cell in re.findall(r"<td class=\"num\">(.*?)</td>", row, re.DOTALL):
        exact = re.search(r'<data value="(\d+)"', cell)
        found.append(exact.group(1) if exact else re.sub(r"<[^>]+>", "", cell).strip())
    return found


def figures(html: str) -> list[str]:
    """The figures at the top of a page, read the same way."""
    block = re.search(r'<dl class="figures">(.*?)</dl>', html, re.DOTALL)
    assert block, html[:2000]
    return cells(re.sub(r"<dd>(.*?)</dd>", r'<td class="num">\1</td>', block.group(1), flags=re.DOTALL))


def test_a_mission_page_lists_its_programs_with_its_row_of_the_budget_by_mission(sample: tuple[Plan, Path]) -> None:
    """Tabel 3.2 said how much the programs serving mission 4 cost, not which they are: its page lists them, pillar by
    pillar as every list of programs (Plan.programs), each name leading to the program, and gives the table's
    figures for it."""
    plan, site = sample
    mission = next(m for m in plan.missions if m.id == "m4")
    serving = [p for p in plan.programs if "m4" in p.mission_ids]
    assert len(serving) > 5
    html = read(site, "mission/m4.html")
    table = html[html.index('<table id="mission-programs"'):html.index("</table>", html.index('id="mission-programs"'))]
    rows = re.findall(r'<td class="code">([^<]+)</td>\s*<th scope="row"><a href="\.\./program/([^"]+)\.html">([^<]+)</a>',
                      table)
    assert rows == [(p.id, p.id, str(p.name)) for p in serving]  # each name leads to its program, as in every list
    assert f"<h1>{mission.text}</h1>" in html and ">Misi 4<" in html
    for program in serving:  # name, pillar, lead agency and years in its row
        row = table[table.index(f">{program.id}<"):].split("</tr>", 1)[0]
        assert str(program.name) in row and str(program.pillar.name) in row and program.period.__str__() in row
        assert f'href="../agency/{program.lead.id}.html"' in row
        others = [m.id for m in program.missions if m.id != "m4"]
        assert re.findall(r'href="\.\./mission/(\w+)\.html"', row) == others, row  # "Also serves", only where it does
    assert any(len(p.missions) > 1 for p in serving)

    vision = url_for(next(c for c in plan.chapters if "vision" in c.generated))
    chapter = read(site, vision)
    budget_table = chapter[chapter.index('id="budget-mission"'):]
    link = re.search(r'<tr><th scope="row">4\. <a href="([^"]+)">(.*?)</a></th>(.*?)</tr>', budget_table, re.DOTALL)
    assert link and link.group(2) == str(mission.text)
    assert urljoin(vision, link.group(1)) == "mission/m4.html"  # the row leads to the page
    row = cells(link.group(3))
    assert row[0] == str(len(serving))
    assert int(row[1]) == sum(p.total_budget for p in serving)
    assert figures(html) == row  # programs, budget, APBD, share: the table's figures, to the rupiah
    back = re.search(r'<p class="from-chapter">([^<]*)<a href="([^"]+)">([^<]*)</a>', html)
    assert back and urljoin("mission/m4.html", back.group(2)) == f"{vision}#budget-mission"  # and leads to the table
    # which the link names as the chapter's page captions it; it said "Dalam buku PDF: …" and opened no PDF
    assert back.group(3).startswith("Tabel 3.2 ") and f">{back.group(3)}</caption>" in chapter
    assert "PDF" not in back.group(1) + back.group(3)


def test_a_program_page_links_the_missions_it_serves(sample: tuple[Plan, Path]) -> None:
    plan, site = sample
    program = next(p for p in plan.programs if len(p.missions) > 1)
    path = url_for(program)
    section = read(site, path).split('id="missions"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', section)
    assert [urljoin(path, href) for href, _ in links] == [f"mission/{m.id}.html" for m in program.missions]
    assert [text for _, text in links] == [str(m.text) for m in program.missions]
    for href, text in links:
        assert f"<h1>{text}</h1>" in read(site, urljoin(path, href))


def test_the_home_page_links_each_mission_to_its_page(sample: tuple[Plan, Path]) -> None:
    plan, site = sample
    section = read(site, "index.html").split('id="missions"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', section)
    assert links == [(f"mission/{m.id}.html", str(m.text)) for m in plan.missions]
    for href, text in links:
        assert f"<h1>{text}</h1>" in read(site, href)


@pytest.mark.parametrize(("language", "words"), [
    ("id", ["Belum ada program yang mendukung misi ini.", ">Misi 1<", ">Misi<"]),
    ("en", ["No program serves this mission yet.", ">Mission 1<", ">Missions<"])])
def test_a_mission_no_program_serves_says_so(language: str, words: list[str], make_plan: Callable[..., Path]) -> None:
    """The mini plan's mission pages, in either edition, and one no program serves (W415): a page that says so,
    not an empty table."""
    plan = MINI_FILES["content/plan.yml"].replace("- {id: m2, text: Ekonomi yang tumbuh}",
                                                  "- {id: m2, text: Ekonomi yang tumbuh}\n"
                                                  "          - {id: m3, text: Lingkungan yang lestari}")
    plan = plan.replace("status: draft", f"status: draft\n        language: {language}")
    root = make_plan({"content/plan.yml": plan})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    site = root / "build" / "site"
    assert sorted(p.name for p in (site / "mission").iterdir()) == ["m1.html", "m2.html", "m3.html"]
    empty = read(site, "mission/m3.html")
    assert words[0] in empty and 'id="mission-programs"' not in empty
    first = read(site, "mission/m1.html")
    assert '<td class="code">GOV-01</td>' in first and 'href="../program/GOV-01.html"' in first and words[1] in first
    crumbs = first.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert f'href="../index.html#missions"{words[2]}' in crumbs  # the home page lists them when no chapter does


def test_a_plan_without_missions_has_no_mission_pages(make_plan: Callable[..., Path]) -> None:
    files = {"content/plan.yml": re.sub(r"missions:\n(\s+- .*\n)+", "missions: []\n", MINI_FILES["content/plan.yml"])}
    for name in ("content/agencies/diskominfo.yml", "content/agencies/bpkad.yml"):
        files[name] = re.sub(r"\n\s+missions: \[m\d\]", "", MINI_FILES[name])
    root = make_plan(files)
    result = run(root, BuildOptions(pdf=False, search=False, base_url="https://kota.example/smartcity/"))
    assert result.ok, [str(d) for d in result.report.errors]
    site = root / "build" / "site"
    assert (site / "program" / "GOV-01.html").is_file() and not (site / "mission").exists()
    assert "mission/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "mission/" not in read(site, "program/GOV-01.html")


def test_a_chapter_reads_the_programs_serving_each_mission_each_once(make_plan: Callable[..., Path]) -> None:
    """``mission.programs``, as ``pillar.programs``: the programs serving the mission in the plan's order, a program
    naming the mission twice listed once, in the chapter's text as on the mission's page."""
    files = {
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
            "missions: [m1]", "missions: [m1, m2, m1]"),
        "content/chapters/01-pendahuluan.md": MINI_FILES["content/chapters/01-pendahuluan.md"] + (
            "        {% for mission in plan.missions %}Misi {{ mission.id }}: "
            "{{ mission.programs | map(attribute='id') | join(' dan ') }}. {% endfor %}\n"),
    }
    root = make_plan(files)
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    assert result.plan is not None
    site = root / "build" / "site"
    assert "Misi m1: GOV-01. Misi m2: GOV-01 dan ECO-01." in read(site, url_for(result.plan.chapters[0]))
    assert read(site, "mission/m1.html").count('<td class="code">GOV-01</td>') == 1
    assert re.findall(r'<td class="code">([^<]+)</td>', read(site, "mission/m2.html")) == ["GOV-01", "ECO-01"]
