"""Watching a plan folder: rebuild the preview on every save, the full output once edits settle.

Each change under ``content/`` or ``templates/`` reloads the plan in-process
(:class:`masterplan.preview.Preview`), which the open page shows at once; a background
build (:mod:`masterplan.background`) refreshes ``build/`` once edits settle.

A file is not always saved in one go: an editor empties it, then writes it; a sync client or
a network share writes it half, or deletes it and writes it back a moment later. Seen
between the two, the plan has errors that never were (dozens, for an agency's file gone), and
they flashed over the page and in the terminal (the first half of an agency's file: a dozen
"unknown program" errors in the files naming the programs of its second half). Errors found
after a change are shown when no further change has come for a second; a plan without errors
shows at once.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from masterplan.background import BackgroundBuild
from masterplan.diagnostics import Message
from masterplan.leftovers import UNWATCHED, UNWATCHED_FOLDERS
from masterplan.output import BUILD, SITE
from masterplan.plan_state import CLOCK_SLACK, files
from masterplan.preview import Preview, Rebuilt

#: how long a file found empty right after a change is given to be written (an editor that truncates, then writes)
SAVE_SECONDS = 0.5
#: how long errors found after a change wait for the rest of the save (a further change) before they are shown
ERRORS_SETTLE = 1.0


class PlanFilter(watchfiles.DefaultFilter):
    """The changes worth a rebuild: not an editor's temporary files (nor caches, nor ``.git``)."""

    def __init__(self) -> None:
        super().__init__(ignore_dirs=UNWATCHED_FOLDERS, ignore_entity_patterns=UNWATCHED)


def _clear_template_caches() -> None:
    """Forget compiled templates and catalogs, so theme edits show (only after a theme edit)."""
    from masterplan.render import site, theme
    for cached in (getattr(theme, "environment", None), getattr(site, "site_environment", None)):
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _copy_static(root: Path) -> None:
    from masterplan.render import site_files
    from masterplan.render.theme import Theme
    try:
        site_files.copy_static(Theme.for_plan(root), root / BUILD / SITE / "static")
    except (AttributeError, OSError):
        pass  # the background build copies them too


def watched(root: Path) -> list[Path]:
    """The folders whose changes matter: content/ and, when the plan has one, templates/."""
    return [folder for folder in (root / "content", root / "templates") if folder.is_dir()]


def watch(preview: Preview, background: BackgroundBuild | None, stop: threading.Event,
          since: float = 0.0, ready: Callable[[], None] = lambda: None, listed: Collection[str] = ()) -> None:
    """Rebuild on every change until ``stop`` is set (or Ctrl-C, which propagates).

    ``ready`` is called once the watcher runs; an edit saved between ``since`` (when the plan
    was last read, its files then ``listed``: :func:`plan_files`) and that moment is caught up with then, a file
    deleted too. A ``templates/`` made while the preview runs (a plan starts without
    one) is watched from then on, as if it had been there: the watch starts again over both
    folders, catching up with what was saved meanwhile.
    """
    root = preview.root
    folders, appeared = watched(root), []
    while not stop.is_set():
        if not folders:  # content/ itself gone (moved away and back): nothing to watch until it is back
            stop.wait(0.5)
            folders, appeared = watched(root), watched(root)
            continue
        changed = Watcher(preview, background).run(stop, folders, since, appeared, ready, listed)
        if changed is None:
            return
        ready = _nothing
        (folders, since, listed), before = changed, folders  # from when the new folder was not there
        appeared = [folder for folder in folders if folder not in before]


def plan_files(root: Path) -> frozenset[str]:
    """The plan's files now (paths in ``root``), to tell which are gone once the watch begins (:func:`caught_up`)."""
    return frozenset(path for path, _, _ in files(root))


def _nothing() -> None:
    pass


@dataclass
class Unsaid:
    """A check whose errors wait for the rest of a save (:data:`ERRORS_SETTLE`) before they are shown."""

    rebuilt: Rebuilt
    due: float  #: :func:`time.monotonic` when they are shown, unless another change comes first


class Watcher:
    """One watch over a list of folders: each change checked, and shown (now, or once a save is complete)."""

    def __init__(self, preview: Preview, background: BackgroundBuild | None):
        self.preview, self.background, self.root = preview, background, preview.root
        self.unsaid: Unsaid | None = None

    def run(self, stop: threading.Event, folders: list[Path], since: float, appeared: list[Path],
            ready: Callable[[], None], listed: Collection[str] = ()) -> tuple[list[Path], float, frozenset[str]] | None:
        """Watch ``folders`` (of which ``appeared`` are new) until ``stop`` (None), or until the folders worth
        watching change: the new list, when it was last seen as it was, and its files then (each gone by the next
        watch is caught up). ``ready``: called once watching; ``listed``: the files at ``since``."""
        started, looked = False, time.time()
        for changes in watchfiles.watch(*folders, watch_filter=PlanFilter(), stop_event=stop, debounce=50,
                                        step=20, yield_on_timeout=True, rust_timeout=100):
            if not started:  # what was saved before the watch began, with what came since: a copy of templates/
                started = True  # going on as the watch began gave the later files only, its print templates unchecked
                changes = set(changes) | caught_up(self.root, since, appeared, listed)
                ready()
            if changes:
                self.changed([Path(path) for _, path in changes])
                continue
            if self.unsaid is not None and time.monotonic() >= self.unsaid.due:
                self.show(self.unsaid.rebuilt)
            now = time.time()  # before looking: a folder made just after the look is caught up from here
            if watched(self.root) != folders:
                if self.unsaid is not None:
                    self.show(self.unsaid.rebuilt)
                return watched(self.root), looked, plan_files(self.root)
            looked = now
        return None

    def changed(self, paths: list[Path]) -> None:
        """Check the plan after a change of ``paths``; show what was found, or keep its errors a moment."""
        root = self.root.resolve()
        names = sorted({p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p) for p in paths})
        self.unsaid = None  # what the files were a moment ago is no longer worth showing
        self.preview.told.changed()
        self.preview.edited_build_warnings(names)  # the last build's warnings of a file edited since: no longer known
        if "content/plan.yml" in names:  # "Changed:" said in the language plan.yml now names
            self.preview.reread_language()
        self.preview.say(Message("Changed: {files}", files=", ".join(names[:5]) + (" …" if len(names) > 5 else "")))
        if self.background is not None:
            self.background.supersede()
        written(paths)
        themed = any(p.is_relative_to(root / "templates") for p in paths)
        if themed:
            _clear_template_caches()
            _copy_static(self.root)
        printed = any(p.is_relative_to(root / "templates" / "print") and p.suffix == ".html" for p in paths)
        rebuilt = self.preview.check(render="index.html" if themed else None, books=printed)
        if rebuilt.report.errors:  # perhaps of a save half done: shown if no more of it comes
            self.unsaid = Unsaid(rebuilt, time.monotonic() + ERRORS_SETTLE)
        else:
            self.show(rebuilt)

    def show(self, rebuilt: Rebuilt) -> None:
        """Show a check's outcome in the page and the terminal; plan the background build, or hold it."""
        self.unsaid = None
        good = self.preview.publish(rebuilt)
        if self.background is not None:
            if good:
                self.background.schedule_if_changed()
            else:  # it would only fail on the same errors, and print them all again
                self.background.hold()


def caught_up(root: Path, since: float, appeared: list[Path],
              listed: Collection[str] = ()) -> set[tuple[watchfiles.Change, str]]:
    """The changes saved since ``since`` (when the plan was read, or the folders last looked at), before the
    watcher ran: the files newer, and every file of the folders that ``appeared`` (moved in, their files older),
    or those folders themselves when they hold none; and the files ``listed`` then (paths in ``root``) that are gone
    (one deleted as the preview first built: its page showed it until the next edit).

    A file's time is the kernel's coarse clock, a few milliseconds behind :func:`time.time`: a cover written just
    after the look was taken for older, and a print template made with its folder was never checked (the page showed
    no error, the background build failed on it). Files saved within :data:`CLOCK_SLACK` before are taken too."""
    inside = tuple(str(folder) + os.sep for folder in appeared)
    now = files(root)
    newer = {str(root / path) for path, _, modified in now
             if modified / 1e9 >= since - CLOCK_SLACK or str(root / path).startswith(inside)}
    gone = set(listed) - {path for path, _, _ in now}
    return ({(watchfiles.Change.modified, path) for path in newer or map(str, appeared)}
            | {(watchfiles.Change.deleted, str(root / path)) for path in gone})


def written(paths: list[Path], wait: float = SAVE_SECONDS) -> None:
    """Return once none of ``paths`` is an empty file, or after ``wait`` seconds. An editor that empties a file
    before writing it (truncate, then write) is seen mid-save: the preview showed "file is empty" and every error
    that follows from it for about a second, until the file's second event."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(_empty(path) for path in paths):
        time.sleep(0.02)


def _empty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False
