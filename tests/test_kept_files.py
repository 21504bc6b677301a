"""Each content file's parse kept between runs: used while the file's bytes are the same, never otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    kept.settle()
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


def test_the_preview_starts_from_what_a_command_kept_and_then_reads_from_memory(sample: Path) -> None:
    """``serve`` after ``build``: its first load parses no file the build kept (for a province's plan,
    seconds at every start); later loads take unchanged files from memory, and an edit is read anew
    (and not written to the kept files, which would delay the page)."""
    from masterplan.preview import Preview

    first, name = loaded(sample)
    files = first.misses
    preview = Preview(sample, log=lambda line: None)
    plan, report = load(sample, preview.cache)
    assert plan is not None and not report.errors
    assert (preview.cache.hits, preview.cache.misses) == (files, 0)
    assert first.folder is not None
    for entry in first.folder.iterdir():
        entry.unlink()  # what was kept on disk is gone: the preview still has each file in memory
    agency = next(path for path in (sample / "content" / "agencies").glob("*.yml") if name in path.read_text("utf-8"))
    agency.write_text(agency.read_text(encoding="utf-8").replace(name, "Nama Setelah Revisi", 1), encoding="utf-8")
    plan, _ = load(sample, preview.cache)
    assert plan is not None and str(plan.programs[0].name) == "Nama Setelah Revisi"
    assert (preview.cache.hits, preview.cache.misses) == (2 * files - 1, 1)
    assert not list(first.folder.iterdir())


def test_a_kept_result_is_never_run_from_a_damaged_entry_or_one_others_could_write(sample: Path) -> None:
    first, name = loaded(sample)
    assert first.folder is not None
    entries = sorted(first.folder.iterdir())
    assert len(entries) == first.misses
    entries[0].write_bytes(entries[0].read_bytes()[:40] + b"damaged")
    entries[1].chmod(0o666)
    others = os.getuid() == 0 and len(entries) > 2  # as root (CI), an entry can be given to another user
    if others:
        os.chown(entries[2], 65534, -1)  # written by someone else, however private its mode: not run
    again, same = loaded(sample)
    assert (again.misses, same) == (3 if others else 2, name)
    assert entries[1].stat().st_mode & 0o077 == 0, "written again, the user's alone"


def test_a_plans_problems_are_told_the_same_from_what_was_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept parse carries its file's problems: validate says the same on the second run, in either language."""
    from conftest import MINI_FILES, write_plan

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = write_plan(tmp_path / "plan", {"content/agencies/diskominfo.yml": MINI_FILES[
        "content/agencies/diskominfo.yml"].replace("start: 2022", "start: dua ribu", 1)})

    def told(language: str) -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "masterplan", "validate", str(root)], check=False,
                              capture_output=True, text=True, env={**os.environ, "MASTERPLAN_LANG": language})
        return done.returncode, done.stdout

    first = {language: told(language) for language in ("id", "en")}
    assert first["en"][0] == 1 and "diskominfo.yml" in first["en"][1] and "E1" in first["en"][1]
    assert {language: told(language) for language in ("en", "id")} == first
    assert list((tmp_path / "cache").rglob("parsed-*/*"))


def test_an_edit_saved_while_the_file_is_parsed_is_read_on_the_next_run(sample: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """What is kept is the parse of the bytes that were parsed: an editor saving meanwhile never gets
    the old parse kept under its new bytes."""
    from masterplan import yamlfile

    _, name = loaded(sample)
    agency = next(path for path in (sample / "content" / "agencies").glob("*.yml") if name in path.read_text("utf-8"))
    edited = agency.read_text(encoding="utf-8").replace(name, "Disimpan Saat Dibaca", 1)
    before = agency.read_text(encoding="utf-8").replace(name, "Versi Lama", 1)
    agency.write_text(before, encoding="utf-8")
    parse = yamlfile.from_bytes

    def saved_meanwhile(data: bytes, file: str) -> tuple[object, list[object]]:
        if file.endswith(agency.name):
            agency.write_text(edited, encoding="utf-8")  # the editor saves while the old bytes are parsed
        return parse(data, file)

    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "from_bytes", saved_meanwhile)
        assert loaded(sample)[1] == "Versi Lama"
    assert loaded(sample)[1] == "Disimpan Saat Dibaca"


def test_nothing_is_kept_in_the_plan_folder_and_no_cache_keeps_nothing(sample: Path, tmp_path: Path) -> None:
    assert run(sample, BuildOptions(pdf=False, search=False, cache=False)).ok
    assert not list((tmp_path / "cache").rglob("parsed-*/*"))
    assert run(sample, BuildOptions(pdf=False, search=False)).ok
    assert list((tmp_path / "cache").rglob("parsed-*/*"))
    assert not [path for path in sample.rglob("*") if "parsed" in path.name]


def test_the_parses_are_kept_by_a_child_beside_the_build_and_waited_for(sample: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        forked: list[int]) -> None:
    """Pickling a parse takes half as long as parsing it: a forked child writes them while the build goes
    on, and the build is done only once they are all written (nothing left running, nothing half kept)."""
    written_by: set[int] = set()
    from masterplan import output
    write_whole = output.write_whole

    def recording_write(path: Path, data: bytes) -> None:
        if path.parent.name.startswith("parsed-"):
            written_by.add(os.getpid())
            (tmp_path / f"kept-by-{os.getpid()}").touch()  # what a child does is seen only on disk
        write_whole(path, data)

    import masterplan.kept_files
    monkeypatch.setattr(masterplan.kept_files, "write_whole", recording_write)
    assert run(sample, BuildOptions(pdf=False, search=False)).ok
    kept = list((tmp_path / "cache").rglob("parsed-*/*"))
    assert len(kept) > 30  # every file of the sample's content, once the build has returned
    keepers = {int(path.name.removeprefix("kept-by-")) for path in tmp_path.glob("kept-by-*")}
    assert written_by == set() and len(keepers) == 1 and keepers <= set(forked)  # one child, not this process
    for child in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(child, os.WNOHANG)  # each waited for: no process left behind


def test_the_parses_are_let_go_here_once_the_child_has_them(sample: Path) -> None:
    """A province's parse trees are hundreds of MB: the build goes on, and forks its page and PDF
    workers, without them."""
    import gc
    import weakref

    kept = KeptFiles()
    plan, _ = load(sample, kept)
    assert plan is not None and len(kept.parsed) > 30
    held = weakref.ref(kept.parsed[0][2])
    kept.loaded()
    gc.collect()
    assert held() is None
    kept.settle()
    assert kept.folder is not None and len(list(kept.folder.iterdir())) > 30


def test_a_date_with_a_time_is_quoted_as_written_when_its_file_is_read_from_what_was_kept(sample: Path) -> None:
    """A kept parse is a pickle, and a datetime pickles without what a subclass adds: the second run's E101 would
    have lost how ``2021-12-01T10:00:00`` was written (or stopped with an AttributeError)."""
    plan_file = sample / "content" / "plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
        "\ndate: 2021-12-01", "\ndate: 2021-12-01T10:00:00", 1), encoding="utf-8")
    messages = []
    for _ in range(2):
        kept = KeptFiles()
        _, report = load(sample, kept)
        kept.settle()
        messages.append([str(d.message) for d in report.errors if d.code == "E101"])
    assert kept.hits > 30
    assert messages[0] == messages[1] and len(messages[0]) == 1 and "'2021-12-01T10:00:00'" in messages[0][0]
