"""Partnerships: what each one costs the pages it appears on, and how many one agency's file may name.

Two hundred agencies each naming every other as a partner made the site grow with the cube (80 MB, 72 of them in
the agencies' pages): an agency's page listed the programs it supports, each row carrying the short names of all
their partners for a filter that page does not have. A partnership now costs its pages a row or a link.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import write_plan
from test_bad_inputs import run_validate

from masterplan.build import BuildOptions, run
from masterplan.list_limits import MAX_DEPENDENCIES, MAX_PARTNERSHIPS


def _all_partners(root: Path, count: int) -> Path:
    """The mini plan with ``count`` agencies more, each leading one program every other one partners in."""
    write_plan(root, {})
    ids = [f"opd{i:03d}" for i in range(count)]
    for number, agency in enumerate(ids):
        others = [other for other in ids if other != agency]
        supports = [f"ECO-{100 + other}" for other in range(count) if other != number]
        (root / "content" / "agencies" / f"{agency}.yml").write_text(
            f"id: {agency}\nname: Dinas Urusan Nomor {number}\nshort_name: Opd{number}\nkind: dinas\n"
            f"supports: [{', '.join(supports)}]\nprograms:\n"
            f"  - id: ECO-{100 + number}\n    name: Program Bersama {number}\n    pillar: economy\n"
            f"    sub_element: transaksi_keuangan\n    partners: [{', '.join(others)}]\n"
            f"    period: {{start: 2022, end: 2022}}\n    missions: [m2]\n", encoding="utf-8")
    return root


def test_an_agency_page_grows_with_the_programs_it_supports_not_with_their_partners(tmp_path: Path) -> None:
    sizes = {}
    for count in (10, 40):
        root = _all_partners(tmp_path / str(count), count)
        result = run(root, BuildOptions(pdf=False, search=False, cache=False))
        assert result.ok, [str(d) for d in result.report]
        page = (root / "build" / "site" / "agency" / "opd001.html").read_text(encoding="utf-8")
        assert page.count('<td class="code">ECO-') == count  # its own program and the count - 1 it supports
        # a third agency is named on its row, as the lead of its program, not on every row as one more partner
        assert len(re.findall(r"\bOpd7\b", page)) == 1
        sizes[count] = len(page)
        print(f"{count} agencies, all partners: opd001's page {len(page):,} bytes")
    # four times the rows: about four times the page (sixteen times, with every row naming all partners)
    assert sizes[40] < 6 * sizes[10], sizes


def test_one_agency_file_naming_thousands_of_partnerships_is_told_at_the_program_passing_the_limit(
        tmp_path: Path) -> None:
    """One file of 2,600 programs naming 50 partners each (each program within its limit) took the site 56 s and
    165 MB, 60 MB of them the agencies' table of partnerships to confirm: E107 at the program passing the limit."""
    root = write_plan(tmp_path / "plan", {})
    partners = [f"opd{i:02d}" for i in range(50)]
    for number, agency in enumerate(partners):
        (root / "content" / "agencies" / f"{agency}.yml").write_text(
            f"id: {agency}\nname: Dinas Urusan Nomor {number}\nshort_name: Opd{number}\nkind: dinas\n",
            encoding="utf-8")
    programs = MAX_PARTNERSHIPS // len(partners) + 1
    lines = ["id: besar", "name: Badan Besar", "short_name: Besar", "kind: badan", "programs:"]
    lines += [f"  - {{id: ECO-{100 + n}, name: Program Bersama {n}, pillar: economy, sub_element: transaksi_keuangan, "
              f"period: {{start: 2022, end: 2022}}, missions: [m2], partners: [{', '.join(partners)}]}}"
              for n in range(programs)]
    (root / "content" / "agencies" / "besar.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, found, _ = run_validate(root)
    told = [d for d in found if d["code"] == "E107"]
    assert code == 1
    assert [(d["file"], d["line"]) for d in told] == [("content/agencies/besar.yml", 5 + programs)], told
    assert (f"agency besar's programs name {programs * len(partners):,} partners in all, more than the "
            f"{MAX_PARTNERSHIPS:,}") in told[0]["message"]


def test_one_agency_file_naming_thousands_of_dependencies_is_told_at_the_program_passing_the_limit(
        tmp_path: Path) -> None:
    """Each dependency is a link on both programs' pages: 1,000 programs each depending on all those before it
    (500,000 dependencies) took the site 27 s and 121 MB. One file of programs depending on 100 others each (each
    program within its limit) is told at the program passing the limit of all its programs'."""
    root = write_plan(tmp_path / "plan", {})
    first = [f"ECO-{100 + n}" for n in range(100)]
    programs = MAX_DEPENDENCIES // len(first) + 2
    lines = ["id: besar", "name: Badan Besar", "short_name: Besar", "kind: badan", "programs:"]
    lines += [f"  - {{id: ECO-{100 + n}, name: Program Bersama {n}, pillar: economy, sub_element: transaksi_keuangan, "
              f"period: {{start: 2022, end: 2022}}, missions: [m2]"
              + (f", depends_on: [{', '.join(first)}]}}" if n >= len(first) else "}")
              for n in range(len(first) + programs)]
    (root / "content" / "agencies" / "besar.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, found, _ = run_validate(root)
    told = [d for d in found if d["code"] == "E107"]
    assert code == 1
    passing = len(first) + MAX_DEPENDENCIES // len(first) + 1  # the program whose list takes the count past it
    assert [(d["file"], d["line"]) for d in told] == [("content/agencies/besar.yml", 5 + passing)], told
    assert (f"agency besar's programs depend on {programs * len(first):,} programs in all, more than the "
            f"{MAX_DEPENDENCIES:,}") in told[0]["message"]
