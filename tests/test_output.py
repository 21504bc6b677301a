"""Nothing lost: output is swapped in only after a whole build succeeded, even under SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from masterplan.build import PROGRESS
from masterplan.output import Staging

OLD_PDF = b"%PDF-1.4\n% the previous, complete book\n%%EOF\n"
OLD_PAGE = "<!doctype html><title>previous site</title><p>marker</p>\n"


def previous_output(build: Path) -> None:
    (build / "site").mkdir(parents=True)
    (build / "site" / "index.html").write_text(OLD_PAGE, encoding="utf-8")
    (build / "masterplan.pdf").write_bytes(OLD_PDF)


def assert_previous_output(build: Path) -> None:
    assert (build / "masterplan.pdf").read_bytes() == OLD_PDF
    assert (build / "site" / "index.html").read_text(encoding="utf-8") == OLD_PAGE
    assert sorted(p.name for p in (build / "site").iterdir()) == ["index.html"]
    assert {p.name for p in build.iterdir() if not p.name.startswith(".")} == {"site", "masterplan.pdf"}


def test_success_swaps_everything_in(tmp_path: Path) -> None:
    build = tmp_path / "build"
    previous_output(build)
    with Staging(build) as staging:
        (staging.path("site") / "index.html").write_text("new", encoding="utf-8")
        staging.path("masterplan.pdf").write_bytes(b"%PDF new")
        assert (build / "site" / "index.html").read_text(encoding="utf-8") == OLD_PAGE  # not yet
    assert (build / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert (build / "masterplan.pdf").read_bytes() == b"%PDF new"
    assert sorted(p.name for p in build.iterdir() if p.name != ".lock") == ["masterplan.pdf", "site"]


def test_failure_keeps_the_previous_output(tmp_path: Path) -> None:
    build = tmp_path / "build"
    previous_output(build)
    with pytest.raises(RuntimeError), Staging(build) as staging:
        (staging.path("site") / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("renderer failed")
    assert_previous_output(build)
    assert not list(build.glob(".staging-*"))


def test_leftovers_of_dead_builds_are_cleaned(tmp_path: Path) -> None:
    build = tmp_path / "build"
    previous_output(build)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    dead_pid = int(dead.stdout)
    (build / f".staging-{dead_pid}" / "site").mkdir(parents=True)
    # a build killed between its two renames: the old PDF was retired, the new one never arrived
    (build / "masterplan.pdf").rename(build / f".old-{dead_pid}-masterplan.pdf")
    (build / f".old-{dead_pid}-site").mkdir()  # retired, and its replacement did arrive
    alive = build / f".staging-{os.getppid()}"  # a build that is still running is left alone
    alive.mkdir()
    with Staging(build):
        assert (build / "masterplan.pdf").read_bytes() == OLD_PDF
    assert_previous_output(build)
    assert sorted(p.name for p in build.iterdir() if p.name.startswith(".") and p.name != ".lock") == [alive.name]


def test_a_file_of_the_output_is_never_missing_while_the_swap_moves_it_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The book is replaced in one rename: the preview's page asking for it during the swap never finds it missing
    (the site, a folder, is two renames: the old one is found retired meanwhile, tests/test_serve_swap.py)."""
    build = tmp_path / "build"
    previous_output(build)
    renamed, replaced, seen = Path.rename, os.replace, []

    def rename(path: Path, target: object) -> Path:
        moved = renamed(path, target)  # type: ignore[arg-type]
        seen.append((build / "masterplan.pdf").is_file())
        return moved

    def replace(path: object, target: object) -> None:
        replaced(path, target)  # type: ignore[arg-type]
        seen.append((build / "masterplan.pdf").is_file())

    monkeypatch.setattr(Path, "rename", rename)
    monkeypatch.setattr(os, "replace", replace)
    with Staging(build) as staging:
        staging.path("masterplan.pdf").write_bytes(b"%PDF-1.4 the new book")
    assert seen and all(seen)
    assert (build / "masterplan.pdf").read_bytes() == b"%PDF-1.4 the new book"


def _build_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "masterplan", "build", str(root), "--jobs", "1"]


def test_sigkill_mid_build_keeps_previous_output(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    build = root / "build"
    previous_output(build)
    process = subprocess.Popen(_build_command(root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # its own process group: PDF workers die with it
    try:
        deadline = time.monotonic() + 120
        while not list(build.glob(".staging-*")) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the build ended before it could be killed"
        time.sleep(1.0)  # well into rendering: data written, the PDF under way
        staged = list(build.glob(".staging-*"))
        assert staged and process.poll() is None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    assert_previous_output(build)
    assert list(build.glob(".staging-*")), "the killed build's staging folder should be left over"

    from masterplan.build import BuildOptions, run
    result = run(root, BuildOptions(pdf=False, site=True))  # the next build cleans up
    assert result.ok, [str(d) for d in result.report.errors]
    assert not list(build.glob(".staging-*")) and not list(build.glob(".old-*"))
    assert (build / "masterplan.pdf").read_bytes() == OLD_PDF  # no PDF this time: the old one stays
    assert "marker" not in (build / "site" / "index.html").read_text(encoding="utf-8")


def _running_in_group(group: int) -> list[str]:
    """The processes of process group ``group`` still running (not zombies waiting to be reaped), as "pid state"."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(f"{stat.parent.name} {fields[0]}")
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_ctrl_c_mid_layout_says_cancelled_once_and_keeps_previous_output(make_plan: Callable[..., Path]) -> None:
    """Ctrl-C during the PDF layout printed a traceback from every layout worker ("Process ForkProcess-1:
    Traceback ... KeyboardInterrupt", hundreds of lines) before "Cancelled."; now only that line."""
    root = make_plan()
    build = root / "build"
    previous_output(build)
    environment = {**os.environ, PROGRESS: "lines"}  # "PDF: 3 of 12 parts laid out": the workers are at work
    process = subprocess.Popen([sys.executable, "-m", "masterplan", "build", str(root), "--jobs", "2", "--no-cache"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
                               start_new_session=True)  # its own group, as a terminal's Ctrl-C signals it
    said: list[str] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:  # until the first quarter of the parts is laid out
            said.append(line)
            if line.startswith("PDF: "):
                break
        assert process.poll() is None and said and said[-1].startswith("PDF: "), f"ended before laying out: {said}"
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
    err = "".join(line for line in err.splitlines(keepends=True) if not line.startswith("PDF: "))
    assert "Traceback" not in err and "ForkProcess" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip() == "Aborted!" and out == ""
    assert process.returncode == 1
    assert_previous_output(build)
    deadline = time.monotonic() + 0.5  # the workers were ended and waited for before the command ended
    while _running_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _running_in_group(process.pid) == [], "a worker of the interrupted build is still running"


def test_content_errors_keep_the_previous_output(make_plan: Callable[..., Path]) -> None:
    from masterplan.build import BuildOptions, run
    root = make_plan({"content/pillars/economy.yml": "id: economy\nname: [\n"})
    previous_output(root / "build")
    result = run(root, BuildOptions())
    assert not result.ok and result.report.errors
    assert_previous_output(root / "build")
    assert not list((root / "build").glob(".staging-*"))


def test_a_stopped_build_says_the_previous_output_is_kept_only_where_there_is_one(
        make_plan: Callable[..., Path]) -> None:
    """The very first build of a plan with an error said "the previous output is kept": there was none."""
    from masterplan.build import BuildOptions, run
    root = make_plan({"content/pillars/economy.yml": "id: economy\nname: [\n"})
    first = run(root, BuildOptions())
    assert [str(line) for line in first.summary] == ["Build stopped: fix the errors above."]
    previous_output(root / "build")
    again = run(root, BuildOptions())
    assert [str(line) for line in again.summary] == ["Build stopped: fix the errors above; the previous output is kept."]


def test_two_builds_of_one_plan_take_turns(tmp_path: Path) -> None:
    """The preview's background build and a build run by hand never interleave their swaps."""
    import threading

    build = tmp_path / "build"
    order: list[str] = []
    first = Staging(build)
    first.__enter__()
    (first.path("site") / "index.html").write_text("first", encoding="utf-8")

    def second_build() -> None:
        with Staging(build) as staging:
            order.append("second entered")
            (staging.path("site") / "index.html").write_text("second", encoding="utf-8")

    worker = threading.Thread(target=second_build)
    worker.start()
    worker.join(0.5)
    assert order == [] and worker.is_alive()  # waits for the lock
    order.append("first committed")
    first.__exit__(None, None, None)
    worker.join(10)
    assert order == ["first committed", "second entered"]
    assert (build / "site" / "index.html").read_text(encoding="utf-8") == "second"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL])
def test_a_build_killed_mid_layout_leaves_no_worker_and_the_next_build_runs(kill: int,
                                                                           make_plan: Callable[..., Path]) -> None:
    """``kill`` (or ``kill -9``) on a build mid-layout left its two layout workers waiting for work forever,
    holding the lock on build/: the next build, and the preview, then waited for ever, saying nothing."""
    root = make_plan()
    previous_output(root / "build")
    environment = {**os.environ, PROGRESS: "lines"}
    process = subprocess.Popen([sys.executable, "-m", "masterplan", "build", str(root), "--jobs", "2", "--no-cache"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment,
                               start_new_session=True)
    try:
        assert process.stderr is not None
        said = next((line for line in process.stderr if line.startswith("PDF: ")), "")  # the workers are at work
        assert said and process.poll() is None, "ended before laying out"
        assert len(_running_in_group(process.pid)) >= 3  # the build and its two layout workers
        os.kill(process.pid, kill)  # the build alone, as `kill PID` does: its workers are not signalled
        process.wait(30)
        deadline = time.monotonic() + 10
        while _running_in_group(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _running_in_group(process.pid)
    finally:
        if _running_in_group(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert left == [], "a worker of the killed build is still running"
    assert_previous_output(root / "build")
    from masterplan.build import BuildOptions, run
    assert run(root, BuildOptions(pdf=False, search=False)).ok  # it would wait for the lock, for ever


def test_a_build_waiting_for_another_says_so(make_plan: Callable[..., Path]) -> None:
    """A build run while the preview's was writing build/ waited tens of seconds with nothing on the screen."""
    from filelock import FileLock

    root = make_plan()
    (root / "build").mkdir()
    with FileLock(root / "build" / ".lock"):  # another build of the plan is writing
        process = subprocess.Popen([sys.executable, "-m", "masterplan", "build", str(root), "--no-pdf", "--no-search"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        import select
        said = select.select([process.stderr], [], [], 30)[0]  # what it says while it waits, if anything
        first = process.stderr.readline() if said else ""
        still = process.poll() is None
    out, _ = process.communicate(timeout=60)
    assert first.startswith("Waiting for another build of this plan to finish") and still, first
    assert process.returncode == 0 and "Output in" in out


def test_a_full_disk_while_the_pdf_is_written_is_said_as_the_machines_problem(make_plan: Callable[..., Path],
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk filling up while the book was written said E604 "WeasyPrint failed … please report this", and W701
    "the website links no PDF", both at content/plan.yml, beside E901: the plan's content looked at fault."""
    import errno

    from masterplan.build import BuildOptions, run
    from masterplan.render import pdf_join

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "build/.staging/masterplan.pdf")

    root = make_plan()
    previous_output(root / "build")
    monkeypatch.setattr(pdf_join, "join", full)
    result = run(root, BuildOptions(search=False))
    assert not result.ok
    assert [(d.code, d.message) for d in result.report] == \
        [("E901", "cannot write the output: No space left on device")], [str(d) for d in result.report]
    assert_previous_output(root / "build")


def test_a_layout_worker_that_dies_is_a_layout_failure_not_a_full_disk(make_plan: Callable[..., Path],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout worker killed (the out-of-memory killer) broke the parent's pipe: ConnectionResetError, an
    OSError like a full disk's, was said as E901 "cannot write the output … check disk space"."""
    from masterplan.build import BuildOptions, run
    from masterplan.render import pdf_join

    def broken(*_: object, **__: object) -> None:
        raise ConnectionResetError(104, "Connection reset by peer")

    root = make_plan()
    monkeypatch.setattr(pdf_join, "join", broken)
    result = run(root, BuildOptions(search=False))
    assert [d.code for d in result.report.errors] == ["E604"], [str(d) for d in result.report]


def test_a_book_held_open_by_a_reader_is_replaced_once_the_reader_lets_go(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file held open: the preview sending the book while the background build swapped
    its new one in made that build fail. Windows' refusal is imitated (PermissionError, as Windows raises it, until
    the reader has let go): this proves the swap waits for the reader, not that Windows refuses just so."""
    from masterplan import output

    build = tmp_path / "build"
    previous_output(build)
    replace, refused = os.replace, []

    def refused_while_read(source: object, target: object) -> None:
        if Path(str(target)).name == "masterplan.pdf" and len(refused) < 3:  # the reader lets go after three tries
            refused.append(target)
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(output, "HELD_OPEN_REFUSED", True, raising=False)
    monkeypatch.setattr(os, "replace", refused_while_read)
    with Staging(build) as staging:
        staging.path("masterplan.pdf").write_bytes(b"%PDF-1.4 the new book")
    assert len(refused) == 3
    assert (build / "masterplan.pdf").read_bytes() == b"%PDF-1.4 the new book"
