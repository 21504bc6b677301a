"""What changed in names since the previous version (masterplan/changes.py): a program's name, an agency merged into
another, an agency given a new id or another name; and the build's line naming every kind of change the page lists.

The mini plan is built as version 0.1, then revised to 0.2 as a planning agency does in a revision week: GOV-01
renamed (same code), BPKAD merged into Diskominfo (``former_ids: [bpkad]`` on diskominfo, bpkad.yml deleted, ECO-01
led by Diskominfo now), and Diskominfo itself named otherwise. What a reader sees is read back: the site's page of
changes, changes.csv, the book's table and the build's line, in Indonesian (the plan's language).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import MINI_FILES, write_plan
from test_changes import BPKAD, _build, _rows

from masterplan import baseline
from masterplan.changes import compare, version_of_json, version_of_plan
from masterplan.cli import cli
from masterplan.diagnostics import Speaker
from masterplan.formatting import Formats
from masterplan.i18n import Translator
from masterplan.load import load

PLAN_02 = MINI_FILES["content/plan.yml"].replace('version: "0.1"', 'version: "0.2"')
DISKOMINFO = MINI_FILES["content/agencies/diskominfo.yml"]
BOOK_CHAPTER = MINI_FILES["content/chapters/01-pendahuluan.md"].replace(
    "title: Pendahuluan\n", "title: Pendahuluan\n        generated: changes\n")
#: BPKAD's program, as Diskominfo leads it after the merger
ECO_01 = BPKAD[BPKAD.index("          - id: ECO-01\n"):]
#: version 0.2: GOV-01 renamed, BPKAD merged into Diskominfo, which is named otherwise
MERGED = {
    "content/plan.yml": PLAN_02,
    "content/agencies/diskominfo.yml": DISKOMINFO
    .replace("id: diskominfo\n", "id: diskominfo\n        former_ids: [bpkad]\n")
    .replace("name: Dinas Komunikasi dan Informatika\n",
             "name: Dinas Komunikasi, Informatika dan Keuangan Daerah\n")
    .replace("short_name: Diskominfo\n", "short_name: Diskominfokeu\n")
    .replace("name: e-Sambat (Media Sambat Masyarakat)", "name: e-Sambat (Aduan Warga Daring)")
    .replace("            partners: [bpkad]\n", "").rstrip(" ") + ECO_01,
}


def _revise(root: Path, files: dict[str, str], gone: tuple[str, ...] = (), *, pdf: bool = False) -> str:
    """The mini plan (with ``files`` at 0.1 too, for a chapter) built as 0.1, then as ``files`` without ``gone``:
    the second build's output."""
    first = {name: text for name, text in files.items() if name.startswith("content/chapters/")}
    write_plan(root, first)
    options = [] if pdf else ["--no-pdf"]
    result = CliRunner().invoke(cli, ["build", str(root), *options, "--no-search"])
    assert result.exit_code == 0, result.output
    for name in gone:
        (root / name).unlink()
    write_plan(root, {**files, **{name: None for name in gone}})
    result = CliRunner().invoke(cli, ["build", str(root), *options, "--no-search"])
    assert result.exit_code == 0, result.output
    return result.output


def _csv(root: Path) -> list[tuple[str, ...]]:
    with open(root / "build/site/data/changes.csv", encoding="utf-8", newline="") as handle:
        return [(r["change"], r["program_id"], r["agency_id"], r["former_id"], r["before"], r["after"])
                for r in csv.DictReader(handle)]


def _line_in_indonesian(root: Path) -> str:
    """The build's line on what changed, as a user of the (Indonesian) plan reads it."""
    plan, report = load(root)
    assert plan is not None, report
    line = baseline.summary_line(plan, Formats("id", Translator("id")))
    assert line is not None
    return Speaker.of("id").say(line)


def test_a_program_renamed_and_agencies_merged_and_renamed_are_listed(tmp_path: Path) -> None:
    """GOV-01's new name is a change of its own, its old name shown; BPKAD merged into Diskominfo is said so with
    BPKAD's names (never the id bpkad as "before"), and Diskominfo's own new name is a change of its own. ECO-01,
    led by BPKAD then, is no program moved: the merger says so."""
    root = tmp_path / "plan"
    output = _revise(root, MERGED, ("content/agencies/bpkad.yml",))
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="names">Program yang berganti nama</h2>', page)
    assert _rows(page, "names-table") == ["Program Nama di versi 0.1",
                                          "GOV-01 e-Sambat (Aduan Warga Daring) e-Sambat (Media Sambat Masyarakat)"]
    assert _rows(page, "agencies-table")[1:] == [
        "BPKAD Badan Pengelolaan Keuangan dan Aset Daerah Digabung ke Diskominfokeu",
        ("Diskominfokeu Dinas Komunikasi, Informatika dan Keuangan Daerah Nama perangkat daerah: "
         "Diskominfo Dinas Komunikasi dan Informatika → Diskominfokeu Dinas Komunikasi, Informatika dan Keuangan "
         "Daerah")]
    assert "Sebelumnya bpkad" not in page and "moved-table" not in page
    assert _csv(root) == [
        ("name", "GOV-01", "", "", "e-Sambat (Media Sambat Masyarakat)", "e-Sambat (Aduan Warga Daring)"),
        ("agency_merged", "", "diskominfo", "bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)",
         "Dinas Komunikasi, Informatika dan Keuangan Daerah (Diskominfokeu)"),
        ("agency_name", "", "diskominfo", "", "Dinas Komunikasi dan Informatika (Diskominfo)",
         "Dinas Komunikasi, Informatika dan Keuangan Daerah (Diskominfokeu)")]
    package = json.loads((root / "build/site/data/datapackage.json").read_text(encoding="utf-8"))
    kinds = {f["name"]: f for r in package["resources"] if r["name"] == "changes" for f in r["schema"]["fields"]}
    assert {"name", "agency_merged", "agency_name"} <= set(kinds["change"]["constraints"]["enum"])
    assert _line_in_indonesian(root) == ("Perubahan sejak versi 0.1: 0 program baru, 0 dihapus, 0 anggaran berubah, "
                                         "1 program berganti nama; perangkat daerah: 1 digabung, 1 berganti nama; "
                                         "indikasi anggaran tidak berubah")
    assert ("Changes since version 0.1: programs 0 new, 0 dropped, 0 with another budget, 1 with a new name; "
            "agencies: 1 merged, 1 renamed; the indicative budget is unchanged") in output
    # the home page's line and the page's lead say it as the build does: "0 dihapus, 0 berganti kode, 0 anggaran
    # berubah" hid the rename and the merger a reader came to find
    said = ("0 program baru, 0 dihapus, 0 anggaran berubah, 1 program berganti nama; perangkat daerah: 1 digabung, "
            "1 berganti nama; indikasi anggaran tidak berubah")
    home = " ".join(re.sub(r"<[^>]+>", "", (root / "build/site/index.html").read_text(encoding="utf-8")).split())
    assert f"Perubahan sejak versi 0.1: {said}" in home
    assert f'<p class="lead">Versi 0.2 dibandingkan dengan versi 0.1: {said}.</p>' in page


def test_the_comparison_tells_a_merger_from_a_new_id_and_compares_names_in_the_plans_language(
        tmp_path: Path) -> None:
    """The agency taking over an old id existed before: a merger, not a rename. A name whose English changed but
    whose Indonesian (the plan's language) did not is no change."""
    root = write_plan(tmp_path / "plan", {})
    _build(root)
    before = version_of_json(json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8")), "id")
    (root / "content/agencies/bpkad.yml").unlink()
    english = MERGED["content/agencies/diskominfo.yml"].replace(
        "name: e-Sambat (Aduan Warga Daring)", "name: {id: e-Sambat (Media Sambat Masyarakat), en: e-Sambat}")
    write_plan(root, {**MERGED, "content/agencies/diskominfo.yml": english, "content/agencies/bpkad.yml": None})
    plan, report = load(root)
    assert plan is not None, report
    changes = compare(before, version_of_plan(plan))
    assert [(then.id, now.id) for then, now in changes.agencies_merged] == [("bpkad", "diskominfo")]
    assert [(then.short_name, now.short_name) for then, now in changes.agencies_names_changed] == [
        ("Diskominfo", "Diskominfokeu")]
    assert not changes.agencies_renamed and not changes.agencies_dropped and not changes.agencies_added
    assert not changes.names_changed and not changes.lead_moved


def test_an_agency_with_a_new_id_is_shown_by_its_names_then_and_now(tmp_path: Path) -> None:
    """BPKAD becomes BKAD (id bkad, ``former_ids: [bpkad]``): the page, the book and changes.csv say what it was
    called before, not only its old id."""
    bkad = (BPKAD.replace("id: bpkad\n", "id: bkad\n        former_ids: [bpkad]\n")
            .replace("name: Badan Pengelolaan Keuangan dan Aset Daerah\n", "name: Badan Keuangan dan Aset Daerah\n")
            .replace("short_name: BPKAD\n", "short_name: BKAD\n"))
    files = {"content/plan.yml": PLAN_02, "content/agencies/bkad.yml": bkad,
             "content/agencies/diskominfo.yml": DISKOMINFO.replace("partners: [bpkad]", "partners: [bkad]"),
             "content/chapters/01-pendahuluan.md": BOOK_CHAPTER}
    root = tmp_path / "plan"
    output = _revise(root, files, ("content/agencies/bpkad.yml",), pdf=True)
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    assert _rows(page, "agencies-table")[1:] == [
        ("BKAD Badan Keuangan dan Aset Daerah Sebelumnya BPKAD Badan Pengelolaan Keuangan dan Aset Daerah "
         "(bpkad → bkad)")]
    assert _csv(root) == [("agency_renamed", "", "bkad", "bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)",
                           "Badan Keuangan dan Aset Daerah (BKAD)")]
    from pdf_reading import page_texts
    text = re.sub(r"\s+", " ", " ".join(page_texts(root / "build/masterplan.pdf")))
    table = text[text.index("Tabel 1.1 Perubahan sejak versi 0.1"):]
    assert "Id perangkat daerah BPKAD Badan Pengelolaan Keuangan dan Aset Daerah (bpkad) BKAD" in table
    assert "Id perangkat daerah bpkad bkad" not in table
    assert "agencies: 1 with a new id;" in output
    assert _line_in_indonesian(root).endswith("; perangkat daerah: 1 berganti id; indikasi anggaran tidak berubah")


def test_the_book_lists_a_program_renamed_and_agencies_merged_and_renamed(tmp_path: Path) -> None:
    """The book's table of changes (generated: changes) has a row for each: the program's name then and now, the
    agency merged into another, the agency's name then and now."""
    from pdf_reading import page_texts
    root = tmp_path / "plan"
    _revise(root, {**MERGED, "content/chapters/01-pendahuluan.md": BOOK_CHAPTER}, ("content/agencies/bpkad.yml",),
            pdf=True)
    text = re.sub(r"\s+", " ", " ".join(page_texts(root / "build/masterplan.pdf")))
    table = text[text.index("Tabel 1.1 Perubahan sejak versi 0.1"):]
    for row in (("GOV-01 e-Sambat (Aduan Warga Daring) Nama program e-Sambat (Media Sambat Masyarakat) "
                 "e-Sambat (Aduan Warga Daring)"),
                "BPKAD Badan Pengelolaan Keuangan dan Aset Daerah Digabung ke – Diskominfokeu",
                ("Nama perangkat daerah Diskominfo Dinas Komunikasi dan Informatika Diskominfokeu Dinas Komunikasi, "
                 "Informatika dan Keuangan Daerah")):
        assert row in table, row
    assert "Id perangkat daerah" not in table


def test_the_builds_line_names_every_kind_of_change_the_page_lists(tmp_path: Path) -> None:
    """ECO-01 given a new code and moved to Diskominfo, GOV-01 moved to another pillar, BPKAD dropped, Bappeda
    added: the line said "0 new, 0 dropped, 0 with another budget" of a revision the page fills with changes."""
    eco_10 = ECO_01.replace("- id: ECO-01\n", "- id: ECO-10\n            former_ids: [ECO-01]\n")
    diskominfo = (DISKOMINFO.replace("            partners: [bpkad]\n", "")
                  .replace("pillar: governance\n            sub_element: pelayanan_publik",
                           "pillar: economy\n            sub_element: transaksi_keuangan").rstrip(" ") + eco_10)
    bappeda = """\
        id: bappeda
        name: Badan Perencanaan Pembangunan Daerah
        short_name: Bappeda
        kind: badan
        supports: [GOV-01]
        """
    files = {"content/plan.yml": PLAN_02, "content/agencies/diskominfo.yml": diskominfo.replace(
        "quick_win: true\n            period: {start: 2022, end: 2024}",
        "quick_win: true\n            partners: [bappeda]\n            period: {start: 2022, end: 2024}"),
        "content/agencies/bappeda.yml": bappeda}
    root = tmp_path / "plan"
    output = _revise(root, files, ("content/agencies/bpkad.yml",))
    assert _line_in_indonesian(root) == (
        "Perubahan sejak versi 0.1: 0 program baru, 0 dihapus, 0 anggaran berubah, 1 program berganti kode, "
        "1 program pindah dimensi, 1 program pindah perangkat daerah pengampu; perangkat daerah: 1 baru, 1 dihapus; "
        "indikasi anggaran tidak berubah")
    assert ("Changes since version 0.1: programs 0 new, 0 dropped, 0 with another budget, 1 with a new code, "
            "1 moved to another pillar, 1 moved to another lead agency; agencies: 1 added, 1 dropped; "
            "the indicative budget is unchanged") in output
    page = (root / "build/site/changes.html").read_text(encoding="utf-8")
    for heading in ("Program yang berganti kode", "Program yang pindah perangkat daerah pengampu atau dimensi",
                    "Perangkat Daerah"):
        assert re.search(rf'<h2 id="[a-z]+">{heading}</h2>', page), heading
