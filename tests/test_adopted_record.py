"""An adopted plan edited under its version is told (W130): its book and site would change under the citation of the
regulation that adopted it, and two documents would be "Lampiran Peraturan Wali Kota … Nomor 45 Tahun 2021". Before,
an amount raised from Rp 450 juta to Rp 950 juta in an adopted plan was built without a word, the PDF's title,
subject and date unchanged."""

from __future__ import annotations

from pathlib import Path

from conftest import write_plan
from test_revisions import HISTORY

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check

AGENCY = "content/agencies/diskominfo.yml"


def _told(root: Path) -> list[str]:
    return [str(d.message) for d in load_and_check(root).report.items if d.code == "W130"]


def _built(root: Path) -> None:
    result = run(root, BuildOptions(pdf=False, search=False))
    assert result.ok, [str(d) for d in result.report.errors]


def _edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_amount_changed_in_an_adopted_version_is_told_until_the_version_is_raised(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _built(root)
    assert (root / "build" / ".adopted" / "plan.json").is_file() and _told(root) == []
    _edit(root, AGENCY, "{year: 2023, amount: 300000000", "{year: 2023, amount: 800000000")
    told = _told(root)
    assert len(told) == 1 and told[0].startswith("version 1.0 was first built as adopted, and its content has "
                                                 "changed since: programs 0 new, 0 dropped, 1 with another budget"), told
    _built(root)  # built all the same (a warning): the record is still the first build's, and the edit still told
    assert len(_told(root)) == 1
    _edit(root, "content/plan.yml", 'version: "1.0"\nstatus', 'version: "1.1"\nstatus')
    _edit(root, "content/plan.yml", "date: 2021-12-01\nleading", "date: 2024-03-01\nleading")
    assert _told(root) == []  # an amendment of its own version


def test_monitoring_an_adopted_plan_is_no_amendment_of_it(tmp_path: Path) -> None:
    """Realised figures and a program's status are entered into the adopted plan as it is carried out."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY + "realised_as_of: 2023-02-15\n"})
    _built(root)
    _edit(root, AGENCY, "targets: {2022: 60, 2023: 80, 2024: 90}",
          "targets: {2022: 60, 2023: 80, 2024: 90}\n                realised: {2022: 64}")
    _edit(root, AGENCY, "status: ongoing", "status: done")
    assert _told(root) == []


def test_a_draft_keeps_no_record_and_is_never_told(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {})
    _built(root)
    _edit(root, AGENCY, "{year: 2023, amount: 300000000", "{year: 2023, amount: 800000000")
    assert not (root / "build" / ".adopted").exists() and _told(root) == []
