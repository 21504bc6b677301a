"""What changed since the previous version: the comparison (masterplan/changes.py), the site's page of changes,
the build's line about it, and a baseline named in plan.yml for a checkout without build/.

The mini plan is built as version 0.1 (with a third program, ECO-02), then revised as a planning agency does:
GOV-02 added, ECO-02 dropped, ECO-01 renamed ECO-10 (``former_ids``), GOV-01's budget raised by Rp 300 juta
(Rp 200 juta more APBD, Rp 100 juta of CSR), its 2024 target raised. The budget grows by 400 − 70 + 300 = Rp 630 juta.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CHROMIUM, MINI_FILES, write_plan

from masterplan.changes import compare, version_of_json, version_of_plan
from masterplan.cli import cli
from masterplan.load import load

BPKAD = MINI_FILES["content/agencies/bpkad.yml"].rstrip(" ")
#: version 0.1: the mini plan, BPKAD leading a third program, which 0.2 drops
FIRST = {"content/agencies/bpkad.yml": BPKAD + """\
          - id: ECO-02
            name: Pasar Daring
            pillar: economy
            sub_element: transaksi_keuangan
            period: {start: 2022, end: 2022}
            budget: [{year: 2022, amount: 70000000, source: APBN}]
            missions: [m2]
        """}
GOV_02 = """\
          - id: GOV-02
            name: Satu Data
            pillar: governance
            sub_element: pelayanan_publik
            period: {start: 2023, end: 2024}
            budget: [{year: 2023, amount: 400000000, source: APBD}]
            missions: [m1]
        """
#: version 0.2: GOV-02 added, ECO-02 dropped, ECO-01 renamed ECO-10, GOV-01's budget and a target changed
SECOND = {
    "content/plan.yml": MINI_FILES["content/plan.yml"].replace('version: "0.1"', 'version: "0.2"'),
    "content/agencies/bpkad.yml": BPKAD.replace("- id: ECO-01\n", "- id: ECO-10\n            former_ids: [ECO-01]\n"),
    "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"]
    .replace("{year: 2023, amount: 300000000, source: APBD}", "{year: 2023, amount: 500000000, source: APBD}")
    .replace("{year: 2024, amount: 100000000, source: APBD}\n",
             "{year: 2024, amount: 100000000, source: APBD}\n              - {year: 2024, amount: 100000000, source: CSR}\n")
    .replace("2024: 90}", "2024: 95}").rstrip(" ") + GOV_02,
}

#: the mini plan's first chapter claiming the table of changes (generated: changes), as a book prints it
CHANGES_CHAPTER = MINI_FILES["content/chapters/01-pendahuluan.md"].replace(
    "title: Pendahuluan\n", "title: Pendahuluan\n        generated: changes\n")


def _build(root: Path) -> str:
    result = CliRunner().invoke(cli, ["build", str(root), "--no-pdf", "--no-search"])
    assert result.exit_code == 0, result.output
    return result.output


def _revised(tmp_path: Path) -> tuple[Path, str]:
    """The mini plan built as 0.1, then revised to 0.2 and built again; the second build's output."""
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    write_plan(root, {**FIRST, **SECOND})
    return root, _build(root)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _rows(page: str, table: str) -> list[str]:
    found = re.search(rf'<table id="{table}".*?</table>', page, re.DOTALL)
    assert found, table
    return [_text(row).strip() for row in re.findall(r"<tr[^>]*>.*?</tr>", found.group(0), re.DOTALL)]


def test_the_comparison_finds_programs_added_dropped_renamed_and_budgets_changed(tmp_path: Path) -> None:
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    before = version_of_json(json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    write_plan(root, {**FIRST, **SECOND})
    plan, report = load(root)
    assert plan is not None, report
    changes = compare(before, version_of_plan(plan))
    assert changes.since == "0.1"
    assert [p.id for p in changes.added] == ["GOV-02"]
    assert [p.id for p in changes.dropped] == ["ECO-02"]
    assert [(c.before.id, c.after.id) for c in changes.renamed] == [("ECO-01", "ECO-10")]
    budget = changes.budget_changed
    assert [(c.after.id, c.before.budget, c.after.budget, c.sources) for c in budget] == [
        ("GOV-01", 650_000_000, 950_000_000, {"APBD": (650_000_000, 850_000_000), "CSR": (0, 100_000_000)})]
    assert [(t.year, t.before, t.after) for c in changes.changed for t in c.targets] == [(2024, 90, 95)]
    assert changes.budget_difference == 400_000_000 - 70_000_000 + 300_000_000
    assert not changes.agencies_added and not changes.agencies_dropped and not changes.agencies_renamed
    # the executive summary's figures of it: a summary listing one program counts the two others
    from masterplan.revision_figures import figures
    summed = figures(changes, len(plan.programs), 1_450_000_000, 1_250_000_000, at_most=1)
    assert summed.programs == (3, 3) and (summed.budget.before, summed.budget.difference) == (820_000_000, 630_000_000)
    assert [(move.program.id, move.kind, move.difference) for move in summed.largest] == [
        ("GOV-02", "Added", 400_000_000)] and summed.others == 2
    assert (summed.apbd.before, summed.apbd.difference) == (650_000_000, 600_000_000)  # GOV-01 +200, GOV-02 +400
    assert summed.easier == ()  # GOV-01's 2024 target raised, of an indicator that says no direction


def test_a_revisions_figures_count_a_budget_moved_to_another_year_as_no_change_of_its_total() -> None:
    """GOV-03's money moved from 2023 to 2024, its total the same: the page of changes lists the move, while the
    summary's row of programs with another budget counted it, its unchanged Rp 14,5 miliar on both sides, and its
    table of the largest changes did not list it. The row counts the programs whose total changed; an older build's
    plan.json, its amounts written 250000000.0, is read as whole rupiah, not as none. Ties go by code, GOV-9 before
    GOV-10."""
    from masterplan.changes import AgencyFacts, ProgramFacts, Version
    from masterplan.revision_figures import figures
    from masterplan.values import Text

    def program(code: str, lines: dict[tuple[int, str], int]) -> ProgramFacts:
        by_source: dict[str, int] = {}
        for (_, source), amount in lines.items():
            by_source[source] = by_source.get(source, 0) + amount
        return ProgramFacts(code, Text({"id": code}), "governance", "diskominfo", (2022, 2026), by_source, (),
                            by_year=lines)

    agencies = {"diskominfo": AgencyFacts("diskominfo", Text({"id": "Dinas"}), "Diskominfo")}
    before = Version("1.0", "id", {"GOV-03": program("GOV-03", {(2023, "APBD"): 14_500_000_000}),
                                   "GOV-10": program("GOV-10", {(2023, "APBD"): 100}),
                                   "GOV-9": program("GOV-9", {(2023, "APBD"): 100})}, agencies)
    after = Version("1.1", "id", {"GOV-03": program("GOV-03", {(2024, "APBD"): 14_500_000_000}),
                                  "GOV-10": program("GOV-10", {(2023, "APBD"): 200}),
                                  "GOV-9": program("GOV-9", {(2023, "APBD"): 200})}, agencies)
    changes = compare(before, after)
    assert sorted(change.after.id for change in changes.budget_changed) == ["GOV-03", "GOV-10", "GOV-9"]
    summed = figures(changes, 3, 14_500_000_400, 14_500_000_400, at_most=10)
    assert (summed.changed.count, summed.changed.before, summed.changed.after) == (2, 200, 400)
    assert [move.program.id for move in summed.largest] == ["GOV-9", "GOV-10"] and summed.others == 0
    older = {"format": "masterplan/plan", "format_version": 4, "plan": {"version": "1.0", "language": "id"},
             "programs": [{"id": "GOV-03", "name": {"id": "GOV-03"}, "pillar": "governance", "lead": "diskominfo",
                           "period": {"start": 2022, "end": 2026},
                           "budget": [{"year": 2023, "source": "APBD", "amount": 14500000000.0}]}], "agencies": []}
    assert version_of_json(older, "id").programs["GOV-03"].budget == 14_500_000_000


def test_a_previous_version_with_an_amount_no_plan_holds_is_no_plan_json(make_plan) -> None:
    """A published plan.json edited by hand to an amount of 1e308 passed validate and stopped the build with a
    traceback (formatting it in the summary line of changes); it is no plan.json masterplan wrote: E534 at baseline."""
    older = {"format": "masterplan/plan", "format_version": 4, "plan": {"version": "1.0", "language": "id"},
             "programs": [{"id": "GOV-03", "name": {"id": "GOV-03"}, "pillar": "governance", "lead": "diskominfo",
                           "period": {"start": 2022, "end": 2026},
                           "budget": [{"year": 2023, "source": "APBD", "amount": 1e308}]}], "agencies": []}
    with pytest.raises(ValueError):
        version_of_json(older, "id")
    root = make_plan()
    (root / "published").mkdir()
    (root / "published" / "plan-1.0.json").write_text(json.dumps(older), encoding="utf-8")
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "baseline: published/plan-1.0.json\n", encoding="utf-8")
    said = CliRunner().invoke(cli, ["validate", str(root)])
    assert said.exit_code == 1 and "E534" in said.output and "not the plan.json of a plan's open data" in said.output


def test_a_revisions_figures_name_the_targets_it_made_easier() -> None:
    """A council member read "1 program berganti target indikator" in the summary, and only the site's page of changes
    said the target was lowered. The summary's figures name each indicator whose targets are now easier, with those
    years: a coverage to rise lowered for 2025, its 2026 target raised (harder) left out, a flood area to shrink
    raised; an indicator of no direction says nothing."""
    from masterplan.changes import AgencyFacts, ProgramFacts, Version
    from masterplan.indicator_changes import IndicatorFacts
    from masterplan.revision_figures import figures
    from masterplan.values import Text

    def program(code: str, coverage: dict[int, int], flood: dict[int, int]) -> ProgramFacts:
        indicators = (IndicatorFacts("Cakupan layanan", "persen", coverage, "up"),
                      IndicatorFacts("Luas genangan", "ha", flood, "down"),
                      IndicatorFacts("Jumlah kegiatan", "kegiatan", {2025: 5 if coverage[2025] == 80 else 3}))
        return ProgramFacts(code, Text({"id": code}), "environment", "dpupr", (2022, 2026), {"APBD": 100}, indicators)

    agencies = {"dpupr": AgencyFacts("dpupr", Text({"id": "Dinas"}), "DPUPR")}
    before = Version("1.0", "id", {"ENV-09": program("ENV-09", {2025: 80, 2026: 90}, {2026: 12})}, agencies)
    after = Version("1.1", "id", {"ENV-09": program("ENV-09", {2025: 70, 2026: 95}, {2026: 15})}, agencies)
    summed = figures(compare(before, after), 1, 100, 100, at_most=10)
    assert [(e.owner.id, e.indicator, e.unit, [(t.year, t.before, t.after) for t in e.targets])
            for e in summed.easier] == [("ENV-09", "Cakupan layanan", "persen", [(2025, 80, 70)]),
                                        ("ENV-09", "Luas genangan", "ha", [(2026, 12, 15)])]
    assert summed.easier_others == 0
    assert (summed.apbd.before, summed.apbd.after) == (100, 100)


def test_the_comparison_follows_an_agency_renamed(tmp_path: Path) -> None:
    """BPKAD renamed bpkad2 (``former_ids``) is no agency dropped and added, and its program no program moved to
    another lead agency."""
    root = write_plan(tmp_path / "plan", {})
    _build(root)
    before = version_of_json(json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    renamed = BPKAD.replace("id: bpkad\n", "id: bpkad2\n        former_ids: [bpkad]\n")
    (root / "content/agencies/bpkad.yml").unlink()
    write_plan(root, {"content/agencies/bpkad.yml": None, "content/agencies/bpkad2.yml": renamed,
                      "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"]
                      .replace("partners: [bpkad]", "partners: [bpkad2]")})
    plan, report = load(root)
    assert plan is not None, report
    changes = compare(before, version_of_plan(plan))
    assert [(a.id, b.id) for a, b in changes.agencies_renamed] == [("bpkad", "bpkad2")]
    assert not changes.agencies_added and not changes.agencies_dropped
    assert not changes.changed and changes



def _indicators_revised(tmp_path: Path, indicators: str) -> Path:
    """The mini plan built as 0.1, then as 0.2 with GOV-01's indicators written as ``indicators``."""
    root = write_plan(tmp_path / "plan", {})
    _build(root)
    old = MINI_FILES["content/agencies/diskominfo.yml"]
    start, end = old.index("            indicators:\n"), old.index("            missions:")
    write_plan(root, {"content/plan.yml": SECOND["content/plan.yml"],
                      "content/agencies/diskominfo.yml": old[:start] + indicators + old[end:]})
    return root


#: GOV-01's indicator as 0.1 has it, with a second one after it
RESPONSE = """\
              - name: {name}
                unit: {unit}
                baseline: {{year: 2021, value: 40}}
                targets: {{2022: 60, 2023: 80, 2024: {target}}}
"""
USERS = """\
              - name: Pengguna aktif
                unit: orang
                targets: {2022: 1000}
"""


def test_an_indicator_renamed_is_followed_by_its_place_and_unit(tmp_path: Path) -> None:
    """An indicator has no code: the same name is the same indicator wherever it moved; else the one at the same
    place with the same unit is the same one renamed, its target change shown under its new name. The page, the
    open data and the comparison say so; another unit at that place is another indicator, never a rename."""
    renamed = RESPONSE.format(name="Aduan warga ditanggapi paling lama 10 menit", unit="Persen", target=95)
    root = _indicators_revised(tmp_path / "renamed", "            indicators:\n" + renamed + USERS)
    before = version_of_json(json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    plan, report = load(root)
    assert plan is not None, report
    changes = compare(before, version_of_plan(plan))
    assert [(c.after.id, c.indicators_renamed) for c in changes.changed] == [
        ("GOV-01", [("Aduan ditanggapi dalam 10 menit", "Aduan warga ditanggapi paling lama 10 menit")])]
    assert [(t.indicator, t.year, t.before, t.after) for t in changes.changed[0].targets] == [
        ("Aduan warga ditanggapi paling lama 10 menit", 2024, 90, 95)]
    _build(root)
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="indicators">Indikator yang berganti nama</h2>', page)
    assert _rows(page, "indicators-table")[1:] == [
        ("GOV-01 e-Sambat (Media Sambat Masyarakat) Aduan warga ditanggapi paling lama 10 menit "
         "Aduan ditanggapi dalam 10 menit")]
    assert _rows(page, "targets-table")[1:] == [
        "GOV-01 e-Sambat (Media Sambat Masyarakat) Aduan warga ditanggapi paling lama 10 menit 2024 90 95"]
    with open(root / "build/site/data/changes.csv", encoding="utf-8", newline="") as handle:
        rows = [(r["change"], r["indicator"], r["before"], r["after"]) for r in csv.DictReader(handle)]
    assert rows == [("indicator_renamed", "Aduan warga ditanggapi paling lama 10 menit",
                     "Aduan ditanggapi dalam 10 menit", "Aduan warga ditanggapi paling lama 10 menit"),
                    ("target", "Aduan warga ditanggapi paling lama 10 menit", "90", "95")]
    # the same two indicators in the other order: known by their names, nothing renamed, only the target changed
    moved = _indicators_revised(tmp_path / "moved", "            indicators:\n" + USERS + RESPONSE.format(
        name="Aduan ditanggapi dalam 10 menit", unit="persen", target=95))
    plan, report = load(moved)
    assert plan is not None, report
    before = version_of_json(json.loads((moved / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    changes = compare(before, version_of_plan(plan))
    assert [(c.indicators_renamed, [(t.year, t.before, t.after) for t in c.targets]) for c in changes.changed] == [
        ([], [(2024, 90, 95)])]
    # another unit at the same place: another indicator, neither renamed nor compared
    other = _indicators_revised(tmp_path / "other", "            indicators:\n" + RESPONSE.format(
        name="Waktu tanggapan aduan", unit="menit", target=95))
    plan, report = load(other)
    assert plan is not None, report
    before = version_of_json(json.loads((other / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    assert not compare(before, version_of_plan(plan)).changed

def test_a_target_asking_less_than_before_is_marked_easier(tmp_path: Path) -> None:
    """The data journalist read "55 → 58" for an indicator where lower is better as neutral as any other change:
    a target that asks less than it did (lower where higher is better, higher where lower is) is marked so."""
    lowered = RESPONSE.format(name="Aduan ditanggapi dalam 10 menit", unit="persen", target=85).replace(
        "                targets:", "                direction: up\n                targets:")
    root = _indicators_revised(tmp_path, "            indicators:\n" + lowered)
    _build(root)
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert _rows(page, "targets-table")[1:] == [
        ("GOV-01 e-Sambat (Media Sambat Masyarakat) Aduan ditanggapi dalam 10 menit 2024 90 85 "
         "(lebih ringan daripada sebelumnya)")]
    from masterplan.indicator_changes import TargetChange
    assert TargetChange("x", 2024, 10, 15, "down").weaker and not TargetChange("x", 2024, 10, 15, "up").weaker
    assert not TargetChange("x", 2024, 10, 5, None).weaker and not TargetChange("x", 2024, None, 5, "up").weaker


def test_a_pillars_own_indicator_targets_are_among_the_changes(tmp_path: Path) -> None:
    """The governance pillar's Indeks SPBE, the plan's headline indicator, cut from 3.5 to 3.2 for 2026 (an easier
    target, the first thing the DPRD looks for), and its name sharpened: the page of changes, changes.csv, the
    build's line and the book's table listed programs' targets only. They list the pillar's too."""
    pillar = "content/pillars/governance.yml"
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    revised = MINI_FILES[pillar].replace("targets: {2022: 2.3, 2026: 3.5}",
                                         "targets: {2022: 2.3, 2026: 3.2}\n            direction: up").replace(
        "- name: Indeks SPBE", "- name: Indeks SPBE Kota")
    assert revised != MINI_FILES[pillar]
    write_plan(root, {**FIRST, pillar: revised,
                      "content/plan.yml": MINI_FILES["content/plan.yml"].replace('version: "0.1"', 'version: "0.2"')})
    output = _build(root)
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert _rows(page, "pillar-targets-table")[1:] == [
        "Smart Governance Indeks SPBE Kota 2026 3,5 3,2 (lebih ringan daripada sebelumnya)"]
    assert _rows(page, "indicators-table")[1:] == ["Smart Governance Indeks SPBE Kota Indeks SPBE"]
    assert "pillars: 1 with other indicator targets, 1 with indicators renamed" in output, output
    with open(root / "build/site/data/changes.csv", encoding="utf-8", newline="") as handle:
        found = [(r["change"], r["pillar_id"], r["indicator"], r["year"], r["before"], r["after"])
                 for r in csv.DictReader(handle)]
    assert found == [("pillar_indicator_renamed", "governance", "Indeks SPBE Kota", "", "Indeks SPBE",
                      "Indeks SPBE Kota"),
                     ("pillar_target", "governance", "Indeks SPBE Kota", "2026", "3.5", "3.2")]


def test_a_programs_status_moving_on_is_among_the_changes(tmp_path: Path) -> None:
    """The five-year revision marks e-Sambat done (it was ongoing): what has started and what is finished is what the
    council reads a revision for, and the page of changes, changes.csv, the build's line and the book's table listed
    no status. They do; a previous plan.json that gives no status (an older export) reports none."""
    from pdf_reading import page_texts
    closing = CHANGES_CHAPTER
    root = write_plan(tmp_path / "plan", {**FIRST, "content/chapters/01-pendahuluan.md": closing})
    _build(root)
    agency = "content/agencies/diskominfo.yml"
    done = MINI_FILES[agency].replace("status: ongoing", "status: done")
    assert done != MINI_FILES[agency]
    write_plan(root, {**FIRST, agency: done, "content/chapters/01-pendahuluan.md": closing,
                      "content/plan.yml": MINI_FILES["content/plan.yml"].replace('version: "0.1"', 'version: "0.2"')})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    assert "programs 0 new, 0 dropped, 0 with another budget, 1 with another status;" in result.output
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="statuses">Program yang berganti status</h2>', page)
    assert _rows(page, "statuses-table")[1:] == ["GOV-01 e-Sambat (Media Sambat Masyarakat) berjalan selesai"]
    with open(root / "build/site/data/changes.csv", encoding="utf-8", newline="") as handle:
        found = [(r["change"], r["program_id"], r["before"], r["after"]) for r in csv.DictReader(handle)]
    assert found == [("status", "GOV-01", "ongoing", "done")]
    text = re.sub(r"\s+", " ", " ".join(page_texts(root / "build/masterplan.pdf")))
    assert "GOV-01 e-Sambat (Media Sambat Masyarakat) Status berjalan selesai" in text
    published = json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8"))
    plan, _ = load(root)
    assert plan is not None
    for program in published["programs"]:
        program["status"] = "planned"
    assert [c.after.id for c in compare(version_of_json(published, "id"), version_of_plan(plan)).status_changed] \
        == ["GOV-01"]
    for program in published["programs"]:
        del program["status"]
    assert not compare(version_of_json(published, "id"), version_of_plan(plan))


def test_the_site_shows_what_changed_since_the_previous_version(tmp_path: Path) -> None:
    root, output = _revised(tmp_path)
    site = root / "build/site"
    page = (site / "changes.html").read_text(encoding="utf-8")
    assert "<h1>Perubahan sejak versi 0.1</h1>" in page
    for heading in ("Program baru", "Program yang dihapus", "Program yang berganti kode", "Anggaran yang berubah",
                    "Target indikator yang berubah"):
        assert re.search(rf'<h2 id="[a-z]+">{heading}</h2>', page), heading
    assert 'class="skip-link"' in page or "skip" in page.split("<main")[0]
    assert _rows(page, "added-table")[1:] == ["GOV-02 Satu Data Smart Governance Diskominfo Rp 400.000.000"]
    assert _rows(page, "dropped-table")[1:] == ["ECO-02 Pasar Daring Smart Economy Rp 70.000.000"]
    assert _rows(page, "renamed-table")[1:] == ["ECO-10 Transaksi Non-Tunai ECO-01"]
    assert _rows(page, "budget-table")[1:] == [
        "GOV-01 e-Sambat (Media Sambat Masyarakat) Total Rp 650.000.000 Rp 950.000.000 +Rp 300.000.000",
        "GOV-01 2023 · APBD Rp 300.000.000 Rp 500.000.000 +Rp 200.000.000",  # the year changed, not only APBD
        "GOV-01 2024 · CSR – Rp 0 Rp 100.000.000 +Rp 100.000.000",
        "Seluruh perubahan anggaran masterplan +Rp 630.000.000"]
    assert "<th scope=\"col\"" in page and "<caption" in page
    # the same figures as the program's own page
    program = _text((site / "program/GOV-01.html").read_text(encoding="utf-8"))
    assert "Indikasi anggaran Rp 950.000.000" in program
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="changes.html">Perubahan sejak versi 0.1</a>' in home
    assert ("Changes since version 0.1: programs 1 new, 1 dropped, 1 with another budget, 1 with a new code, "
            "1 with other indicator targets; the indicative budget changed by +Rp 630") in output


def test_no_page_of_changes_without_a_previous_version(tmp_path: Path) -> None:
    root = write_plan(tmp_path / "plan", {})
    output = _build(root)
    assert not (root / "build/site/changes.html").exists()
    assert "changes.html" not in (root / "build/site/index.html").read_text(encoding="utf-8")
    assert "Changes since" not in output
    output = _build(root)  # the same version again: nothing to compare with
    assert not (root / "build/site/changes.html").exists()


def test_a_fresh_checkout_compares_with_the_plan_json_plan_yml_names(tmp_path: Path) -> None:
    """build/ not kept: the published version's plan.json, committed beside the content, is the baseline."""
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    (root / "published").mkdir()
    shutil.copyfile(root / "build/site/data/plan.json", root / "published/plan-0.1.json")
    shutil.rmtree(root / "build")
    write_plan(root, {**FIRST, **SECOND, "content/plan.yml": SECOND["content/plan.yml"].replace(
        'version: "0.2"\n', 'version: "0.2"\n        baseline: published/plan-0.1.json\n')})
    output = _build(root)
    assert "Changes since version 0.1: programs 1 new, 1 dropped" in output
    assert "Perubahan sejak versi 0.1" in (root / "build/site/changes.html").read_text(encoding="utf-8")



def test_a_fresh_checkout_gets_the_revisions_hints_from_the_plan_json_plan_yml_names(tmp_path: Path) -> None:
    """A colleague's fresh checkout, or CI, with no build/: the hints of a revision read the last build only, so a
    program renumbered without former_ids (W410: its published page would tell it was dropped) and a chapter still
    naming a dropped program (W420) went untold. The published plan.json plan.yml names stands in for the build."""
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    (root / "published").mkdir()
    shutil.copyfile(root / "build/site/data/plan.json", root / "published/plan-0.1.json")
    shutil.rmtree(root / "build")
    chapter = MINI_FILES["content/chapters/01-pendahuluan.md"].replace("termasuk e-Sambat", "termasuk Pasar Daring")
    write_plan(root, {**FIRST, **SECOND, "content/chapters/01-pendahuluan.md": chapter,
                      "content/agencies/bpkad.yml": BPKAD.replace("- id: ECO-01\n", "- id: ECO-10\n"),
                      "content/plan.yml": SECOND["content/plan.yml"].replace(
                          'version: "0.2"\n', 'version: "0.2"\n        baseline: published/plan-0.1.json\n')})
    result = CliRunner().invoke(cli, ["validate", str(root)])
    assert "warning[W410]" in result.output and "ECO-01" in result.output, result.output
    assert "warning[W420]" in result.output and "Pasar Daring" in result.output, result.output


def test_an_agencys_old_address_names_it_as_the_published_site_did(tmp_path: Path) -> None:
    """BPKAD merged into Diskominfo in version 0.2 (diskominfo's former_ids: [bpkad]): agency/bpkad.html was titled
    "Perangkat Daerah bpkad kini Diskominfo … Alamat halaman … telah berubah", a bare id and a move. It names the
    agency as version 0.1 did, and says it merged."""
    root = write_plan(tmp_path / "plan", FIRST)
    _build(root)
    programs = BPKAD.split("programs:\n", 1)[1]
    merged = (MINI_FILES["content/agencies/diskominfo.yml"].replace("kind: dinas", "kind: dinas\n        former_ids: [bpkad]")
              .replace("            partners: [bpkad]\n", "").rstrip(" ") + programs)
    (root / "content/agencies/bpkad.yml").unlink()
    write_plan(root, {**FIRST, "content/agencies/bpkad.yml": None, "content/agencies/diskominfo.yml": merged,
                      "content/plan.yml": SECOND["content/plan.yml"]})
    _build(root)
    old = _text((root / "build/site/agency/bpkad.html").read_text(encoding="utf-8"))
    assert "Perangkat daerah BPKAD telah digabung ke Diskominfo" in old, old
    assert "BPKAD telah digabung ke Diskominfo, yang kini menjalankan tugasnya" in old, old


@pytest.mark.parametrize("linked", ["published/plan-0.1.json", "published"])
def test_a_baseline_linked_out_of_the_plan_folder_is_refused(tmp_path: Path, linked: str) -> None:
    """A link inside the plan folder (the file, or its folder) to a plan.json outside it is refused as ``../`` is:
    E534 at plan.yml's ``baseline`` line, exit 1, and the file outside never read."""
    from test_bad_inputs import run_validate
    outside = write_plan(tmp_path / "elsewhere", FIRST)
    _build(outside)
    (outside / "published").mkdir()
    shutil.copyfile(outside / "build/site/data/plan.json", outside / "published/plan-0.1.json")
    plan_yml = SECOND["content/plan.yml"].replace('version: "0.2"\n',
                                                  'version: "0.2"\n        baseline: published/plan-0.1.json\n')
    root = write_plan(tmp_path / "plan", {**FIRST, **SECOND, "content/plan.yml": plan_yml})
    if linked != "published":
        (root / "published").mkdir()
    (root / linked).symlink_to(outside / linked, target_is_directory=linked == "published")
    code, found, _ = run_validate(root)
    line = plan_yml.splitlines().index("        baseline: published/plan-0.1.json") + 1
    errors = [d for d in found if d["severity"] == "error"]
    assert [(d["file"], d["line"], d["code"]) for d in errors] == [("content/plan.yml", line, "E534")]
    assert "not a file inside the plan folder" in errors[0]["message"] and code == 1
    result = CliRunner().invoke(cli, ["build", str(root), "--no-pdf", "--no-search"])
    assert result.exit_code == 1 and "E534" in result.output
    assert not (root / "build/site/changes.html").exists()

def test_the_changes_are_open_data_described_in_the_datapackage(tmp_path: Path) -> None:
    """changes.csv: a row per change, the budget rows adding up to the page's total; datapackage.json describes it
    (frictionless finds no error) and the data page lists it. A build without a previous version writes none."""
    from test_data import frictionless_errors
    root, _ = _revised(tmp_path)
    data = root / "build/site/data"
    with open(data / "changes.csv", encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle))
    assert [(r["change"], r["program_id"], r["former_id"], r["funding_source"], r["budget_difference"])
            for r in found] == [
        ("added", "GOV-02", "", "", "400000000"), ("dropped", "ECO-02", "", "", "-70000000"),
        ("renamed", "ECO-10", "ECO-01", "", ""), ("budget", "GOV-01", "", "", "300000000"),
        ("budget_by_source", "GOV-01", "", "APBD", "200000000"), ("budget_by_source", "GOV-01", "", "CSR", "100000000"),
        ("target", "GOV-01", "", "", ""), ("budget_by_year", "GOV-01", "", "APBD", "200000000"),
        ("budget_by_year", "GOV-01", "", "CSR", "100000000")]
    assert [r["year"] for r in found if r["change"] == "budget_by_year"] == ["2023", "2024"]  # which year changed
    assert {r["previous_version"] for r in found} == {"0.1"}
    assert (found[6]["indicator"], found[6]["year"], found[6]["before"], found[6]["after"]) == (
        "Aduan ditanggapi dalam 10 menit", "2024", "90", "95")
    assert sum(int(r["budget_difference"]) for r in found if r["change"] in ("added", "dropped", "budget")) \
        == 630_000_000
    assert frictionless_errors(data)["changes"] == []
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "changes" for f in r["schema"]["fields"]}
    assert fields["budget_difference"]["type"] == "integer" and "added" in fields["change"]["constraints"]["enum"]
    assert "changes.csv" in (root / "build/site/data.html").read_text(encoding="utf-8")
    fresh = write_plan(tmp_path / "fresh", {})
    _build(fresh)
    assert not (fresh / "build/site/data/changes.csv").exists()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_page_of_changes_passes_axe_in_chromium(tmp_path: Path, page: object) -> None:
    from test_browser import WCAG_TAGS, _axe, serving
    root, _ = _revised(tmp_path)
    with serving(root / "build/site") as address:
        page.goto(address + "index.html")  # type: ignore[attr-defined]
        page.get_by_role("link", name="Perubahan sejak versi 0.1").click()  # type: ignore[attr-defined]
        # loaded whole before axe reads it: on a busy machine axe once read the page at its first bytes (a skip link)
        page.wait_for_url(address + "changes.html", wait_until="load")  # type: ignore[attr-defined]
        assert _axe(page, [*WCAG_TAGS, "best-practice"]) == []
        assert page.problems == []  # type: ignore[attr-defined]
        # on a phone the total row of the budgets' table was a card of three columns' names over no value
        page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
        page.reload()  # type: ignore[attr-defined]
        shown = page.eval_on_selector_all(  # type: ignore[attr-defined]
            "#budget-table tfoot td", "cells => cells.filter(c => c.checkVisibility()).map(c => c.textContent.trim())")
        assert shown == ["+Rp 630.000.000"], shown


def test_a_chapter_claiming_the_changes_prints_their_table_in_the_book(tmp_path: Path) -> None:
    """generated: changes puts the table after the chapter's text, numbered and listed as the book's other tables;
    its figures are the page's. Without a previous version the chapter says there is none to compare with."""
    from pdf_reading import page_texts
    closing = CHANGES_CHAPTER
    root = write_plan(tmp_path / "plan", {**FIRST, "content/chapters/01-pendahuluan.md": closing})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    assert "Tidak ada versi sebelumnya yang dapat dibandingkan" in re.sub(
        r"\s+", " ", " ".join(page_texts(root / "build/masterplan.pdf")))
    write_plan(root, {**FIRST, **SECOND, "content/chapters/01-pendahuluan.md": closing})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    text = re.sub(r"\s+", " ", " ".join(page_texts(root / "build/masterplan.pdf")))
    assert "Tabel 1.1 Perubahan sejak versi 0.1" in text
    for row in ("GOV-02 Satu Data Baru – Rp 400.000.000 +Rp 400.000.000",
                "ECO-02 Pasar Daring Dihapus Rp 70.000.000 – −Rp 70.000.000",
                "Rp 650.000.000 Rp 950.000.000 +Rp 300.000.000", "ECO-01 ECO-10",
                "Seluruh perubahan anggaran masterplan +Rp 630.000.000"):
        assert row in text, row


def test_the_next_revision_compares_with_the_last_one_not_the_one_before(tmp_path: Path) -> None:
    """0.1, then 0.2, then 0.3: the first build of 0.3 says what changed since 0.2, as every build of 0.3 after it."""
    root, _ = _revised(tmp_path)
    third = {**FIRST, **SECOND,
             "content/plan.yml": SECOND["content/plan.yml"].replace('version: "0.2"', 'version: "0.3"'),
             "content/agencies/diskominfo.yml": SECOND["content/agencies/diskominfo.yml"].replace(
                 "{year: 2023, amount: 400000000, source: APBD}", "{year: 2023, amount: 450000000, source: APBD}")}
    write_plan(root, third)
    for _ in range(2):
        output = _build(root)
        assert ("Changes since version 0.2: programs 0 new, 0 dropped, 1 with another budget; "
                "the indicative budget changed by +Rp 50") in output
        assert "<h1>Perubahan sejak versi 0.2</h1>" in (root / "build/site/changes.html").read_text(encoding="utf-8")


def test_a_last_build_of_a_later_version_is_no_previous_version(tmp_path: Path) -> None:
    """A regency's staff copied the sample (version 1.0), built it as 'new' says, then made it their own draft, 0.1:
    the page of changes listed the sample's agencies they deleted as dropped "since version 1.0", and kept that build
    as the published version through their own 1.0. A last build of a higher version is no previous version: nothing
    is compared with it, kept, or published as dropped, and the build says why (W424, at plan.yml's version)."""
    plan_yml = MINI_FILES["content/plan.yml"]
    root = write_plan(tmp_path / "plan", {**FIRST, "content/plan.yml": plan_yml.replace('version: "0.1"',
                                                                                          'version: "1.0"')})
    _build(root)
    write_plan(root, {**FIRST, **SECOND, "content/plan.yml": plan_yml})  # 0.1, ECO-02 deleted
    output = _build(root)
    line = next(n for n, text in enumerate(plan_yml.splitlines(), 1) if text.strip().startswith("version:"))
    assert (f"content/plan.yml:{line}:10: warning[W424]: the last build was of version 1.0 of 2021-12-01, later "
            "than this plan's version 0.1 of 2021-12-01: it is no previous version of it") in output, output
    assert not (root / "build/site/changes.html").exists() and not (root / "build/.published").exists()
    assert not (root / "build/site/program/ECO-02.html").exists()  # no "dropped since" notice for the sample's
    write_plan(root, {**SECOND, **FIRST, "content/plan.yml": plan_yml.replace('version: "0.1"', 'version: "0.2"')})
    output = _build(root)  # ECO-02 written again: the next revision compares with 0.1, not the sample's 1.0
    assert "W424" not in output and "Changes since version 0.1: programs 2 new, 1 dropped" in output, output
    from masterplan.published_plan import later
    assert later(("1.10", None), ("1.9", None)) and not later(("1.0", "2021-12-01"), ("1.0.1", "2020-01-01"))
    assert later(("draft", "2024-03-02"), ("final", "2024-03-01")) and not later(("1.0", None), ("1.0", None))


def _summary_text(root: Path) -> str:
    from pdf_reading import page_texts
    return re.sub(r"\s+", " ", " ".join(page_texts(root / "build/masterplan-summary.pdf")))


def test_a_revisions_executive_summary_puts_the_revision_in_figures(tmp_path: Path) -> None:
    """The council, asked to adopt 0.2, reads its executive summary: a chapter says what changed since 0.1, counts
    the programs and the indicative budget of both versions, what the programs added, dropped and with another
    budget make of the difference, and lists the programs whose budget moved most. Its figures are the page of
    changes'. The first version's summary has no such chapter; a revision that changes a status only, no table of
    budgets."""
    plans = {version: re.sub(r"( *)leading_sector: diskominfo\n", r"\g<0>\1executive_summary: true\n"
                             r"\1base_url: https://smartcity.contoh.go.id/\n", files["content/plan.yml"])
             for version, files in (("0.1", MINI_FILES), ("0.2", SECOND))}
    root = write_plan(tmp_path / "plan", {**FIRST, "content/plan.yml": plans["0.1"]})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    assert "Perubahan sejak versi" not in _summary_text(root)
    write_plan(root, {**FIRST, **SECOND, "content/plan.yml": plans["0.2"]})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    text = _summary_text(root)
    assert "BAB 2 Perubahan sejak versi 0.1 Versi 0.2 dibandingkan dengan versi 0.1: 1 program baru, 1 dihapus" in text
    assert "https://smartcity.contoh.go.id/changes.html" in text.replace(" ", "")
    for row in (("Tabel 2.1 Revisi dalam angka: program dan indikasi anggaran Program dan anggaran Versi 0.1 "
                 "Versi 0.2 Selisih"),
                "Program 3 3 0", "Indikasi anggaran Rp 820.000.000 Rp 1.450.000.000 +Rp 630.000.000",
                # of it the APBD: GOV-01's Rp 200 juta more and GOV-02's 400 (the council adopts the APBD)
                "Bersumber APBD Rp 650.000.000 Rp 1.250.000.000 +Rp 600.000.000",
                "Program baru (1) – Rp 400.000.000 +Rp 400.000.000",
                "Program yang dihapus (1) Rp 70.000.000 – −Rp 70.000.000",
                "Program dengan anggaran yang berubah (1) Rp 650.000.000 Rp 950.000.000 +Rp 300.000.000",
                "Tabel 2.2 Program dengan perubahan indikasi anggaran terbesar",
                "GOV-02 Satu Data Baru – Rp 400.000.000 +Rp 400.000.000",
                ("GOV-01 e-Sambat (Media Sambat Masyarakat) Indikasi anggaran Rp 650.000.000 Rp 950.000.000 "
                 "+Rp 300.000.000"), "ECO-02 Pasar Daring Dihapus Rp 70.000.000 – −Rp 70.000.000"):
        assert row in text, row
    assert "BAB 3 Dimensi Smart City" in text  # the chapters after it numbered on
    # 0.3 only marks GOV-01 done: the chapter counts that, and lists no budgets
    third = {**FIRST, **SECOND, "content/plan.yml": plans["0.2"].replace('version: "0.2"', 'version: "0.3"'),
             "content/agencies/diskominfo.yml": SECOND["content/agencies/diskominfo.yml"].replace(
                 "status: ongoing", "status: done")}
    write_plan(root, third)
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    text = _summary_text(root)
    assert ("Perubahan sejak versi 0.2 Versi 0.3 dibandingkan dengan versi 0.2: 0 program baru, 0 dihapus, "
            "0 anggaran berubah, 1 program berganti status; indikasi anggaran tidak berubah.") in text
    assert "Program 3 3 0 Indikasi anggaran Rp 1.450.000.000 Rp 1.450.000.000 Rp 0" in text
    assert "Tabel 2.2 Program dengan perubahan" not in text and "Program baru (" not in text
    # 0.3 built again at a later date, GOV-02 given more: two columns "Versi 0.3" would say nothing
    third["content/plan.yml"] = third["content/plan.yml"].replace("date: 2021-12-01", "date: 2022-02-01")
    third["content/agencies/diskominfo.yml"] = third["content/agencies/diskominfo.yml"].replace(
        "{year: 2023, amount: 400000000, source: APBD}", "{year: 2023, amount: 450000000, source: APBD}").replace(
        "unit: persen\n", "unit: persen\n                direction: up\n", 1).replace("2023: 80,", "2023: 70,")
    write_plan(root, third)
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search"])
    assert result.exit_code == 0, result.output
    text = _summary_text(root)
    assert "Program dan anggaran Sebelumnya Kini Selisih Program 3 3 0" in text, text
    # "since version 0.3" in version 0.3's own book named itself: the earlier 0.3 is named by its date
    assert "Perubahan sejak versi 0.3 tanggal 1 Desember 2021 Versi 0.3 dibandingkan dengan versi 0.3 tanggal " \
           "1 Desember 2021: 0 program baru" in text, text
    assert "Changes since version 0.3 of 1 December 2021: programs 0 new" in result.output, result.output
    page = (root / "build" / "site" / "changes.html").read_text(encoding="utf-8")
    assert "<h1>Perubahan sejak versi 0.3 tanggal 1 Desember 2021</h1>" in page
    assert "<title>Perubahan sejak versi 0.3 tanggal 1 Desember 2021 " in page
    # GOV-01's complaints to answer, a share to rise, asked less in 2023: said by name, not only counted
    assert ("Target yang lebih ringan daripada sebelumnya: GOV-01 e-Sambat (Media Sambat Masyarakat): Aduan "
            "ditanggapi dalam 10 menit (persen), 2023: semula 80, kini 70") in text, text
    assert "Versi 0.3 Versi 0.3" not in text


def test_a_previous_versions_plan_json_saved_again_by_notepad_is_read(make_plan) -> None:
    """A published plan.json opened and saved in Notepad starts with a byte order mark: it was "not the plan.json of
    a plan's open data" (E534), whose hint sent the coordinator to copy the file just copied. It is read as it was."""
    root = make_plan()
    _build(root)
    (root / "published").mkdir()
    published = (root / "build" / "site" / "data" / "plan.json").read_bytes()
    (root / "published" / "plan-0.1.json").write_bytes(b"\xef\xbb\xbf" + published)
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "baseline: published/plan-0.1.json\n", encoding="utf-8")
    said = CliRunner().invoke(cli, ["validate", str(root)])
    assert said.exit_code == 0 and "E534" not in said.output, said.output


def test_a_revisions_summary_counts_the_other_programs_in_words(tmp_path: Path, monkeypatch) -> None:
    """A summary listing fewer programs than changed counts the others as running text writes a count: "Anggaran
    dua program lain juga berubah", not "2 program". Here the summary lists one (it lists ten), of three."""
    import dataclasses

    from masterplan.render import summary_book
    extra = tuple((name, 1 if name == "summary_changes" else value) for name, value in summary_book.SUMMARY.extra)
    monkeypatch.setattr(summary_book, "SUMMARY", dataclasses.replace(summary_book.SUMMARY, extra=extra))
    plans = {version: re.sub(r"( *)leading_sector: diskominfo\n", r"\g<0>\1executive_summary: true\n",
                             files["content/plan.yml"]) for version, files in (("0.1", MINI_FILES), ("0.2", SECOND))}
    root = write_plan(tmp_path / "plan", {**FIRST, "content/plan.yml": plans["0.1"]})
    assert CliRunner().invoke(cli, ["build", str(root), "--no-search", "--jobs", "1"]).exit_code == 0
    write_plan(root, {**FIRST, **SECOND, "content/plan.yml": plans["0.2"]})
    result = CliRunner().invoke(cli, ["build", str(root), "--no-search", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "Anggaran dua program lain juga berubah." in _summary_text(root)
