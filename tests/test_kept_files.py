"""Each content file's parse kept between runs: used while the file's bytes are the same, never otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from masterplan.build import BuildOptions, run
from masterplan.kept_files import KeptFiles
from masterplan.load import load

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(REPO / "content", tmp_path / "plan" / "content")
    return tmp_path / "plan"


def loaded(root: Path) -> tuple[KeptFiles, str]:
    """A fresh process's load: the kept results it used, and the plan's first program's name."""
    kept = KeptFiles()
    plan, report = load(root, kept)
    assert plan is not None and not report.errors
    return kept, str(plan.programs[0].name)


def test_a_second_run_reads_every_file_from_what_the_first_kept_and_an_edit_is_read_anew(sample: Path) -> None:
    first, name = loaded(sample)
    files = first.misses
    assert first.hits == 0 and files > 30
    again, same = loaded(sample)
    assert (again.hits, again.misses, same) == (files, 0, name)
    agency = next(path for path in (sample / "content" / "agencies").glob("*.yml") if name in path.read_text("utf-8"))
    agency.write_text(agency.read_text(encoding="utf-8").replace(name, "Nama Setelah Revisi", 1), encoding="utf-8")
    edited, renamed = loaded(sample)
    assert (edited.hits, edited.misses, renamed) == (files - 1, 1, "Nama Setelah Revisi")


def test_a_kept_result_is_never_run_from_a_damaged_entry_or_one_others_could_write(sample: Path) -> None:
    first, name = loaded(sample)
    assert first.folder is not None
    entries = sorted(first.folder.iterdir())
    assert len(entries) == first.misses
    entries[0].write_bytes(entries[0].read_bytes()[:40] + b"damaged")
    entries[1].chmod(0o666)
    again, same = loaded(sample)
    assert (again.misses, same) == (2, name)
    assert entries[1].stat().st_mode & 0o077 == 0, "written again, the user's alone"


def test_nothing_is_kept_in_the_plan_folder_and_no_cache_keeps_nothing(sample: Path, tmp_path: Path) -> None:
    assert run(sample, BuildOptions(pdf=False, search=False, cache=False)).ok
    assert not list((tmp_path / "cache").rglob("parsed-*/*"))
    assert run(sample, BuildOptions(pdf=False, search=False)).ok
    assert list((tmp_path / "cache").rglob("parsed-*/*"))
    assert not [path for path in sample.rglob("*") if "parsed" in path.name]
