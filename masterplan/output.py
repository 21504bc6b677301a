"""Writing output safely: build into a staging folder, swap into place only on success;
write a cache's file whole or not at all (:func:`write_whole`).

A build killed half-way (even by SIGKILL) leaves the previous site and PDF untouched:
new files live in ``build/.staging-<pid>/`` until the swap, which is one rename per
output file (atomic: never missing) and two per folder (``site``: no system replaces a
folder in one rename on every platform), the old one retired to ``build/.old-<pid>-site``
in between, where a reader finds it (:func:`retired`). Leftovers of killed builds are
removed by the next build. Two builds of
one plan (the preview's background build and one run by hand) take turns: a lock on
``build/.lock`` is held from the first file written to the last rename, so neither can
tidy away the other's staging, retired output or cache entries. The lock is filelock's: flock on
POSIX, msvcrt's locking on Windows; either way the system releases it when a build is killed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

BUILD = "build"  #: the plan's output folder, in the plan folder
SITE = "site"  #: the website, in the output folder (and in a staging folder until the swap)
PDF = "masterplan.pdf"  #: the book, in the output folder
#: the executive summary (plan.yml executive_summary), beside the book: one name in every language, as the book's, so
#: the site's link and a city's own scripts never depend on the edition
SUMMARY_PDF = "masterplan-summary.pdf"
#: the strategic analysis (plan.yml strategic_analysis), beside the book, named as the summary is
ANALYSIS_PDF = "masterplan-analysis.pdf"
RETIRED = ".old-"  #: what an output folder is renamed with, the build's pid following, while its new one moves in
#: whether a file held open (or a folder with one inside) cannot be renamed or replaced meanwhile: Windows refuses
#: so while the preview sends the book or a page, POSIX never does
HELD_OPEN_REFUSED = sys.platform == "win32"
HELD_FOR = 10.0  #: seconds a swap waits, there, for a reader to let go of what it moves


def build_folder(root: Path) -> Path:
    """The output folder of the plan in ``root``."""
    return root / BUILD


class Staging:
    """A fresh folder for one build's output, swapped into ``build_dir`` on success."""

    def __init__(self, build_dir: Path, waiting: Callable[[], None] | None = None):
        """``waiting`` is called when another build holds the lock, before waiting for it (to say so)."""
        self.build_dir = build_dir
        self.folder = build_dir / f".staging-{os.getpid()}"
        self.waiting = waiting
        self.dropped: set[str] = set()  #: entries of the output folder this build removes (see :meth:`drop`)

    def __enter__(self) -> Staging:  # noqa: PYI034 - typing.Self needs Python 3.11
        self.build_dir.mkdir(parents=True, exist_ok=True)
        # the Staging's own, not its thread's: taken and given back wherever the build runs
        self.lock = FileLock(self.build_dir / ".lock", thread_local=False)
        try:
            self.lock.acquire(blocking=False)
        except Timeout:
            if self.waiting is not None:
                self.waiting()
            self.lock.acquire()  # released by __exit__, or by the system if we are killed
        _remove_leftovers(self.build_dir)
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir()
        return self

    def path(self, name: str) -> Path:
        """A file or folder of the new output; folders are created."""
        target = self.folder / name
        if "." not in name:
            target.mkdir(parents=True, exist_ok=True)
        return target

    def drop(self, name: str) -> None:
        """Remove the output folder's ``name`` when this build's output is swapped in (an output the plan no longer
        asks for: the executive summary, the strategic analysis), and only then: a failed build keeps it."""
        self.dropped.add(name)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.lock.release()

    def commit(self) -> None:
        """Move every entry of the staging folder into place, replacing the old one."""
        for entry in sorted(self.folder.iterdir()):
            final = self.build_dir / entry.name
            if not entry.is_dir() and not final.is_dir():  # a file: replaced in one rename, never missing
                _moved(entry.replace, final)
                continue
            old = self.build_dir / f"{RETIRED}{os.getpid()}-{entry.name}"
            if final.exists():
                _moved(final.rename, old)
            _moved(entry.rename, final)  # between the two renames, a reader finds the old folder retired (:func:`retired`)
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            elif old.exists():
                old.unlink()
        for name in sorted(self.dropped):
            (self.build_dir / name).unlink(missing_ok=True)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: into a new temporary file beside it, renamed over it. A
    killed process never leaves half a file, and processes writing it side by side each put a
    whole one in place. The file is the user's alone (mode 600): this is for caches."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        _moved(Path(temporary).replace, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _moved(move: Callable[[Path], object], target: Path) -> None:
    """``move(target)``: a file or folder renamed (``Path.replace``, ``Path.rename``); where what a reader holds
    open cannot be (Windows), tried again while it is refused, for :data:`HELD_FOR` seconds at most."""
    deadline = time.monotonic() + HELD_FOR
    while True:
        try:
            move(target)
            return
        except PermissionError:
            if not HELD_OPEN_REFUSED or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def retired(build_dir: Path, name: str) -> list[Path]:
    """The copies of the output folder's ``name`` a build is retiring: while it swaps its own in, between its two
    renames, the only copy there is (a page asked for then was "not found"); none once the swap is done."""
    return [old for old in build_dir.glob(f"{RETIRED}*-{glob.escape(name)}") if _retired_name(old) == name]


def remove_dead_staging(build_dir: Path) -> None:
    """Delete the staging folders of builds that were killed (their process is gone): safe without
    the lock, as no live build writes there. A stopped preview tidies so, not only the next build."""
    for leftover in build_dir.glob(".staging-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _remove_leftovers(build_dir: Path) -> None:
    remove_dead_staging(build_dir)
    for old in build_dir.glob(f"{RETIRED}*"):
        # A build killed between its two renames: the retired copy is the only one left.
        name = _retired_name(old)
        if not (build_dir / name).exists():
            old.rename(build_dir / name)
        elif old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink()


def _retired_name(old: Path) -> str:
    """The name of the output entry ``old`` was retired from (``.old-<pid>-site``: ``site``)."""
    return old.name.split("-", 2)[-1]


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (not this one). Asked of psutil: ``os.kill(pid, 0)``, POSIX's way to ask, ends
    the process on Windows. Imported here: only a build that finds leftovers asks."""
    import psutil

    return pid != os.getpid() and psutil.pid_exists(pid)
