"""The address of a program or agency a revision dropped answers with a notice saying so, from revision to revision.

A council's minutes link to program/ECO-01.html; the revision that dropped the program used to leave that address
"page not found". It now says what was dropped, in which version, and leads to the changes and the lists.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import MINI_FILES, write_plan

from masterplan.build import BuildOptions, run

PLAN = "content/plan.yml"
DISKOMINFO = "content/agencies/diskominfo.yml"


def built(root: Path) -> Path:
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build" / "site"


def versioned(version: str) -> str:
    return MINI_FILES[PLAN].replace('version: "0.1"', f'version: "{version}"')


def shown(page: Path) -> str:
    """The page's main text, as a reader sees it."""
    main = re.search(r"<main.*?</main>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert main is not None
    return " ".join(re.sub(r"<[^>]+>", " ", main.group()).split())


def test_a_dropped_program_and_agency_leave_a_notice_at_their_addresses(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {})
    built(root)
    # the revision 0.2 merges nothing and drops BPKAD, with its program ECO-01
    write_plan(root, {PLAN: versioned("0.2"), "content/agencies/bpkad.yml": None,
                      DISKOMINFO: MINI_FILES[DISKOMINFO].replace("partners: [bpkad]", "partners: []")})
    (root / "content" / "agencies" / "bpkad.yml").unlink()
    site = built(root)
    assert shown(site / "program" / "ECO-01.html") == (
        "Program ECO-01 tidak lagi termasuk dalam masterplan Program ECO-01, Transaksi Non-Tunai, dihapus dari "
        "masterplan pada versi 0.2. Perubahan sejak versi 0.1 Semua program")
    assert shown(site / "agency" / "bpkad.html") == (
        "Perangkat daerah BPKAD tidak lagi termasuk dalam masterplan Perangkat daerah BPKAD, Badan Pengelolaan "
        "Keuangan dan Aset Daerah, dihapus dari masterplan pada versi 0.2. Perubahan sejak versi 0.1 Perangkat Daerah")
    assert 'name="robots" content="noindex"' in (site / "program" / "ECO-01.html").read_text(encoding="utf-8")

    write_plan(root, {PLAN: versioned("0.3"), "content/agencies/bpkad.yml": None,
                      DISKOMINFO: MINI_FILES[DISKOMINFO].replace("partners: [bpkad]", "partners: []")})
    site = built(root)  # the next revision compares with 0.2, which had no ECO-01: the notice is carried on
    assert shown(site / "program" / "ECO-01.html").startswith("Program ECO-01 tidak lagi termasuk dalam masterplan "
                                                              "Program ECO-01, Transaksi Non-Tunai, dihapus dari "
                                                              "masterplan pada versi 0.2. Semua program")

    write_plan(root, {PLAN: versioned("0.4")})  # ECO-01 and BPKAD are back: their own pages
    site = built(root)
    assert "tidak lagi termasuk" not in shown(site / "program" / "ECO-01.html")
    assert "Transaksi Non-Tunai" in shown(site / "program" / "ECO-01.html")
    assert "tidak lagi termasuk" not in shown(site / "agency" / "bpkad.html")
