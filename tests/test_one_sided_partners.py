"""Partnerships one side only writes down (W406): a lead naming a partner that does not list the program under
``supports``, or an agency listing under ``supports`` a program whose lead does not name it.

The book and the site used to print the first as a partnership and drop the second: an agency that never agreed
was printed as a partner, one that had said it supports a program was not. Both sides' word is now kept, and both
outputs, and the open data, say which partnerships are still unconfirmed.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import joined_texts

from masterplan.build import BuildOptions, run
from masterplan.model import Plan
from masterplan.project import load_and_check

DISKOMINFO, BPKAD = "content/agencies/diskominfo.yml", "content/agencies/bpkad.yml"
#: Satpol PP says it supports ECO-01, whose lead (BPKAD) does not name it; Diskominfo names Satpol PP as a partner
#: of GOV-01, which Satpol PP does not list
SATPOLPP = """\
    id: satpolpp
    name: Satuan Polisi Pamong Praja
    short_name: Satpol PP
    kind: badan
    supports: [ECO-01]
    programs: []
    """
ONE_SIDED = {"content/agencies/satpolpp.yml": SATPOLPP,
             DISKOMINFO: MINI_FILES[DISKOMINFO].replace("partners: [bpkad]", "partners: [bpkad, satpolpp]")}


def loaded(root: Path) -> Plan:
    plan = load_and_check(root).plan
    assert plan is not None
    return plan


def test_both_sides_word_is_kept_and_the_one_sided_are_told(tmp_path: Path) -> None:
    plan = loaded(write_plan(tmp_path, ONE_SIDED))
    gov, eco, satpolpp = plan.program("GOV-01"), plan.program("ECO-01"), plan.agency("satpolpp")
    assert gov is not None and eco is not None and satpolpp is not None
    assert [a.id for a in gov.partners] == ["bpkad", "satpolpp"]
    assert [a.id for a in gov.unconfirmed] == ["satpolpp"]  # BPKAD lists GOV-01 under supports: confirmed
    assert [a.id for a in eco.partners] == ["satpolpp"]  # BPKAD does not name it, but Satpol PP supports it
    assert [a.id for a in eco.unconfirmed] == ["satpolpp"]
    assert [p.id for p in satpolpp.supported] == ["GOV-01", "ECO-01"]


def test_a_partnership_both_sides_write_down_is_confirmed(tmp_path: Path) -> None:
    plan = loaded(write_plan(tmp_path, {}))
    assert [(p.id, [a.id for a in p.partners], p.unconfirmed) for p in plan.programs] == [
        ("GOV-01", ["bpkad"], []), ("ECO-01", [], [])]


def test_a_program_id_two_programs_have_is_not_told_of(tmp_path: Path) -> None:
    """Which of the two an agency's supports means is not known (E207's): neither is marked, nor given a partner."""
    twice = MINI_FILES[BPKAD].replace("id: ECO-01", "id: GOV-01").replace("depends_on: [GOV-01]", "depends_on: []")
    report = load_and_check(write_plan(tmp_path, {**ONE_SIDED, BPKAD: twice,
                                                  "content/agencies/satpolpp.yml": SATPOLPP.replace("ECO-01", "GOV-01")}))
    plan = report.plan
    assert plan is not None and any(d.code == "E207" for d in report.report)
    assert all(not p.unconfirmed for p in plan.programs)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_plan(tmp_path_factory.mktemp("one-sided"), ONE_SIDED)
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build"


def test_the_book_lists_the_one_sided_partnerships_and_who_wrote_each(built: Path) -> None:
    pages = [page for page in joined_texts(built / "masterplan.pdf")
             if "Kemitraan yang baru dicatat satu pihak" in page and "Dicatat oleh" in page]
    assert len(pages) == 1, "one table, on one page"
    assert "GOV-01 e-Sambat (Media Sambat Masyarakat) Diskominfo Satpol PP Diskominfo (pengampu)" in pages[0]
    assert "ECO-01 Transaksi Non-Tunai BPKAD Satpol PP Satpol PP (pendukung)" in pages[0]
    assert "GOV-01 e-Sambat (Media Sambat Masyarakat) Diskominfo BPKAD" not in pages[0]  # confirmed


def test_the_site_marks_the_unconfirmed_partner_on_the_program_page(built: Path) -> None:
    gov = (built / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8")
    eco = (built / "site" / "program" / "ECO-01.html").read_text(encoding="utf-8")
    assert ">BPKAD</abbr></a>, <a" in gov, "BPKAD confirmed: no mark"
    # who wrote it down, so the other side knows it is to confirm it: Diskominfo named Satpol PP; Satpol PP listed ECO-01
    assert ">Satpol PP</abbr></a> <span class=\"muted small\">(baru dicatat Diskominfo)</span>" in gov
    assert ">Satpol PP</abbr></a> <span class=\"muted small\">(baru dicatat Satpol PP)</span>" in eco
    agencies = (built / "site" / "agency" / "index.html").read_text(encoding="utf-8")
    assert 'id="partners-unconfirmed"' in agencies and agencies.count('<td class="code">') == 2


def test_the_open_data_says_which_partners_are_unconfirmed(built: Path) -> None:
    with (built / "site" / "data" / "programs.csv").open(encoding="utf-8", newline="") as file:
        rows = {row["id"]: (row["partner_agencies"], row["unconfirmed_partners"]) for row in csv.DictReader(file)}
    assert rows == {"GOV-01": ("bpkad;satpolpp", "satpolpp"), "ECO-01": ("satpolpp", "satpolpp")}
    plan = json.loads((built / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    programs = {p["id"]: (p["partners"], p["unconfirmed_partners"]) for p in plan["programs"]}
    assert programs == {"GOV-01": (["bpkad", "satpolpp"], ["satpolpp"]), "ECO-01": (["satpolpp"], ["satpolpp"])}


def test_a_plan_whose_partnerships_are_all_confirmed_has_no_such_table(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {})
    result = run(root, BuildOptions(search=False, pdf=False))
    assert result.ok
    agencies = (root / "build" / "site" / "agency" / "index.html").read_text(encoding="utf-8")
    assert "partners-unconfirmed" not in agencies and "baru dicatat" not in agencies
