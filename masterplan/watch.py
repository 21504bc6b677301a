"""Watching a plan folder: rebuild the preview on every save, the full output once edits settle.

Each change under ``content/`` or ``templates/`` reloads the plan in-process
(:class:`masterplan.preview.Preview`), which the open page shows at once. Two seconds
after the last change, a background ``masterplan build`` (PDF included unless turned
off) refreshes ``build/``: the PDF, the search index, the open data, the site files on
disk. It runs in its own process, so a slow PDF never delays the preview. An edit
arriving while it still reads the content restarts it; one arriving later lets it finish
(its PDF one edit behind) and another build follows. A failed build keeps the previous
PDF, which the site keeps linking.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchfiles

from masterplan.build import PROGRESS, READ
from masterplan.diagnostics import Message
from masterplan.leftovers import EDITOR_LEFTOVERS
from masterplan.output import BUILD, SITE, remove_dead_staging
from masterplan.preview import Preview
from masterplan.render.site import NO_ADDRESS

SETTLE_SECONDS = 2.0
#: how long a file found empty right after a change is given to be written (an editor that truncates, then writes)
SAVE_SECONDS = 0.5
#: what a background build says that stays true while the preview runs: told by the first build only
SAID_ONCE = (NO_ADDRESS,)



class PlanFilter(watchfiles.DefaultFilter):
    """The changes worth a rebuild: not an editor's temporary files (nor caches, nor ``.git``)."""

    def __init__(self) -> None:
        super().__init__(ignore_entity_patterns=(*watchfiles.DefaultFilter.ignore_entity_patterns,
                                                 *EDITOR_LEFTOVERS))


class BackgroundBuild:
    """``masterplan build`` in a subprocess, started once edits have settled."""

    def __init__(self, root: Path, pdf: bool, log: Callable[[str], None], done: Callable[[bool], None],
                 settle: float = SETTLE_SECONDS, address: Callable[[], str | None] = lambda: None,
                 say: Callable[[Message], str] = str, known: Callable[[str], bool] = lambda line: False):
        """``say``: how this build's lines are worded (the preview's speaker, in the plan's language);
        ``address``: the ``--base-url`` to give each build, asked when it starts (plan.yml may change);
        ``known``: whether a line is one the preview printed already (its diagnostics: not printed twice)."""
        self.root, self.pdf, self.log, self.done, self.settle, self.wording = root, pdf, log, done, settle, say
        self.known = known
        self.address = address
        self.due: float | None = None
        self.process: subprocess.Popen[str] | None = None
        self.group: int | None = None  #: the running build's process group, to stop it with its workers
        self.stopping = False
        self.superseded = False  #: the running build reads content an editor is saving again: its result is worth nothing
        self.read = False  #: the running build has read the content (it said :data:`READ`): an edit no longer reaches it
        self.told: set[str] = set()  #: lines of SAID_ONCE an earlier build printed (not repeated)
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name="masterplan-build", daemon=True)
        self._thread.start()

    def schedule(self, delay: float | None = None) -> None:
        """Build ``delay`` seconds from now (default: the settle time), replacing any earlier plan. A running
        build that has read the content is let finish (its PDF is one edit behind, and the next one follows):
        under edits saved every few seconds, stopping each made the PDF never catch up."""
        with self._wake:
            self.due = time.monotonic() + (self.settle if delay is None else delay)
            self._wake.notify_all()
        if not self.read:
            self._cancel()  # still reading: it may read the edit half saved

    def supersede(self) -> None:
        """A file changed: a running build that is still reading the content stops at once, before it reads the
        file half saved (an editor that empties a file, then writes it, made the build fail on an "empty file"
        that never was)."""
        if self.group is not None and not self.read:
            self.superseded = True
            self._cancel()

    def hold(self) -> None:
        """No build until the next :meth:`schedule` (the content has errors); a running one stops."""
        with self._wake:
            # a build stopped a moment ago by the edit that brought the errors (supersede) was waited for too
            waiting, self.due = self.due is not None or self.group is not None or self.superseded, None
            self.superseded = False
        self._cancel()
        if waiting:
            self.say(Message("Background build waits until the errors are fixed"))

    def stop(self) -> None:
        with self._wake:
            self.stopping = True
            self._wake.notify_all()
        self._cancel()
        self._thread.join(timeout=5)
        if not self._thread.is_alive():  # the build it ran has ended: its staging folder is nobody's now
            remove_dead_staging(self.root / BUILD)

    def say(self, message: Message) -> None:
        self.log(self.wording(message))

    def _cancel(self) -> None:
        group = self.group
        if group is not None:
            # the build and its PDF layout workers: its own process group (start_new_session),
            # alive until the last of them closes the output we read; the build's staging
            # folder keeps the previous output safe
            try:
                os.killpg(group, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self.stopping and (self.due is None or self.due > time.monotonic()):
                    self._wake.wait(None if self.due is None else max(self.due - time.monotonic(), 0.01))
                if self.stopping:
                    return
                self.due = None
            self._run()

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "masterplan", "build", str(self.root)] + ([] if self.pdf else ["--no-pdf"])
        address = self.address()
        return command + (["--base-url", address] if address else [])

    def _run(self) -> None:
        what = Message("PDF and site") if self.pdf else Message("site files and search index")
        command = self._command()
        self.say(Message("Background build started ({what})…", what=what))
        started, before = time.monotonic(), newest(self.root)
        self.superseded = self.read = False
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True,  # Ctrl-C is ours to pass on, not the terminal's
                                        env={**os.environ, PROGRESS: "lines"})  # how far the PDF is, as lines
        self.group = self.process.pid
        assert self.process.stdout is not None
        once = {self.wording(message) for message in SAID_ONCE}
        for line in self.process.stdout:
            line = line.rstrip()
            if line == READ:
                self.read = True
                continue
            if self.known(line):  # a diagnostic the preview printed already
                continue
            if line in once:
                if line in self.told:
                    continue
                self.told.add(line)
            self.log(f"  build │ {line}")  # already said in the plan's language by the build
        code = self.process.wait()
        self.group, self.read = None, False  # every process of the group has closed the output: none is left to stop
        # a build that failed while a file was saved again read it half written: newer edits, not a failure
        newer = code != 0 and not self.stopping and (self.due is not None or self.superseded
                                                     or newest(self.root) > before)
        if code < 0 or newer:
            self.say(Message("Background build cancelled: newer edits arrived") if newer
                     else Message("Background build stopped"))
            return
        took = time.monotonic() - started
        self.say(Message("Background build done in {seconds:.1f} s", seconds=took) if code == 0 else
                 Message("Background build failed: the site keeps the previous PDF (errors above)"))
        if not self.stopping:
            self.done(code == 0)


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
          ready: Callable[[], None] = lambda: None, since: float = 0.0) -> None:
    """Rebuild on every change until ``stop`` is set (or Ctrl-C, which propagates).

    ``ready`` is called once the watcher runs; an edit saved between ``since`` (when the
    plan was last read) and that moment is caught up with then. A ``templates/`` made while
    the preview runs (a plan starts without one) is watched from then on, as if it had been
    there: the watch starts again over both folders, catching up with what was saved meanwhile.
    """
    root = preview.root
    folders = watched(root)
    while not stop.is_set():
        if not folders:  # content/ itself gone (moved away and back): nothing to watch until it is back
            stop.wait(0.5)
            folders = watched(root)
            continue
        changed = _watch(preview, background, stop, folders, ready, since)
        if changed is None:
            return
        folders, since, ready = changed, 0.0, lambda: None  # 0: rebuild at once, with the new folder's files


def _watch(preview: Preview, background: BackgroundBuild | None, stop: threading.Event, folders: list[Path],
           ready: Callable[[], None], since: float) -> list[Path] | None:
    """Watch ``folders`` until ``stop`` (None), or until the folders worth watching change (the new list)."""
    root = preview.root
    templates = (root / "templates").resolve()
    started = False
    for changes in watchfiles.watch(*folders, watch_filter=PlanFilter(), stop_event=stop, debounce=50,
                                    step=20, yield_on_timeout=True, rust_timeout=100):
        if not started:
            started = True
            if newest(root) >= since:
                changes = {(watchfiles.Change.modified, str(folder)) for folder in folders}
            ready()
        if not changes:
            if watched(root) != folders:
                return watched(root)
            continue
        paths = [Path(path) for _, path in changes]
        names = sorted({p.relative_to(root.resolve()).as_posix() if p.is_relative_to(root.resolve()) else str(p)
                        for p in paths})
        preview.say(Message("Changed: {files}", files=", ".join(names[:5]) + (" …" if len(names) > 5 else "")))
        if background is not None:
            background.supersede()
        written(paths)
        themed = any(p.is_relative_to(templates) for p in paths)
        if themed:
            _clear_template_caches()
            _copy_static(root)
        good = preview.rebuild(render="index.html" if themed else None)
        if background is not None:
            if good:
                background.schedule()
            else:  # it would only fail on the same errors, and print them all again
                background.hold()
    return None


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


def newest(root: Path) -> float:
    """The latest modification time of any content or template file the watcher heeds (not an editor's
    swap or backup file); a file gone while it is looked at is passed over."""
    heeded = PlanFilter()
    latest = 0.0
    for folder in watched(root):
        for path in folder.rglob("*"):
            try:
                if heeded(watchfiles.Change.modified, str(path)) and path.is_file():
                    latest = max(latest, path.stat().st_mtime)
            except OSError:
                continue
    return latest
