"""The preview's background build: ``masterplan build`` in its own process, once edits have settled.

Two seconds after the last change, it refreshes ``build/``: the PDF (unless turned off), the
search index, the open data, the site files on disk. It runs in its own process, so a slow
PDF never delays the preview. An edit arriving while it still reads the content restarts it;
one arriving later lets it finish (its PDF one edit behind) and another build follows; so does
an edit that brings errors, the next build waiting until they are fixed. A failed build keeps
the previous PDF, which the site keeps linking; its errors are kept for the page to say
(:mod:`masterplan.serve_pdf`).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from masterplan import serve_pdf
from masterplan.build_options import PROGRESS, READ
from masterplan.diagnostics import Message
from masterplan.output import BUILD, remove_dead_staging
from masterplan.plan_state import newest
from masterplan.render.site import NO_ADDRESS

SETTLE_SECONDS = 2.0
#: what a background build says that stays true while the preview runs: told by the first build only
SAID_ONCE = (NO_ADDRESS,)
#: a line of the build that says an error, in any language (its code says it is one): ``file:line: …[E603]: …``
ERROR_LINE = re.compile(r"\[E\d{3}\]")
WARNING_LINE = re.compile(r"\[W\d{3}\]")  #: and one that says a warning


class BackgroundBuild:
    """``masterplan build`` in a subprocess, started once edits have settled."""

    def __init__(self, root: Path, pdf: bool, log: Callable[[str], None], done: Callable[[bool], None],
                 settle: float = SETTLE_SECONDS, address: Callable[[], str | None] = lambda: None,
                 say: Callable[[Message], str] = str, known: Callable[[str], bool] = lambda line: False,
                 changed: Callable[[], None] = lambda: None, warned: Callable[[list[str]], None] = lambda lines: None):
        """``say``: how this build's lines are worded (the preview's speaker, in the plan's language);
        ``address``: the ``--base-url`` to give each build, asked when it starts (plan.yml may change);
        ``known``: whether a line is one the preview printed already (its diagnostics: not printed twice);
        ``changed``: called when a build is planned, starts, ends or is held (the page says so);
        ``warned``: given, when a build ends (done or failed), the warnings it said that the preview had not (what
        only laying the book out finds: W603, a stylesheet's declaration WeasyPrint ignores)."""
        self.root, self.pdf, self.log, self.done, self.settle, self.wording = root, pdf, log, done, settle, say
        self.known, self.changed, self.warned = known, changed, warned
        self.address = address
        self.due: float | None = None
        self.process: subprocess.Popen[str] | None = None
        self.group: int | None = None  #: the running build's process group, to stop it with its workers
        #: a build is taken up and its process not yet running (a busy machine: tens of ms): what stops it then
        #: stops it once it runs (:attr:`unwanted`); an edit saved meanwhile stopped nothing, the build read it half
        self.starting = False
        self.unwanted = False
        self.stopping = False
        self.superseded = False  #: the running build reads content an editor is saving again: its result is worth nothing
        self.read = False  #: the running build has read the content (it said :data:`READ`): an edit no longer reaches it
        self.going_on = False  #: the running build was let finish when an edit brought errors (and said so)
        self.told: set[str] = set()  #: lines of SAID_ONCE an earlier build printed (not repeated)
        self.failure: list[str] | None = None  #: the error lines of the last build, when it failed (until the next starts)
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name="masterplan-build", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """Whether a build runs or is due: the PDF in place is about to be replaced."""
        return self.due is not None or self.starting or self.group is not None

    def schedule(self, delay: float | None = None) -> None:
        """Build ``delay`` seconds from now (default: the settle time), replacing any earlier plan. A running
        build that has read the content is let finish (its PDF is one edit behind, and the next one follows):
        under edits saved every few seconds, stopping each made the PDF never catch up."""
        with self._wake:
            self.due = time.monotonic() + (self.settle if delay is None else delay)
            self._wake.notify_all()
        if not self.read:
            self._cancel()  # still reading: it may read the edit half saved
        self.changed()

    def schedule_if_changed(self) -> None:
        """:meth:`schedule`, unless the plan is as the PDF in place was built from (an edit undone, a file saved
        unchanged) and nothing runs or failed: then there is nothing to build (each undo started a build of
        4–14 s that wrote the same book)."""
        if self.pdf and not self.busy and self.failure is None and not serve_pdf.outdated(self.root):
            with self._wake:
                self.superseded = False
            self.say(Message("Background build not needed: the PDF is of the plan as saved"))
            self.changed()
            return
        self.schedule()

    def supersede(self) -> None:
        """A file changed: a running build that is still reading the content stops at once, before it reads the
        file half saved (an editor that empties a file, then writes it, made the build fail on an "empty file"
        that never was). A build planned waits for what the change brings (:meth:`schedule` or :meth:`hold`):
        started meanwhile, it read a file a sync client was still writing."""
        with self._wake:
            planned, self.due = self.due is not None, None
            reading = (self.group is not None or self.starting) and not self.read
            self.superseded = self.superseded or planned or reading
        if reading:
            self._cancel()

    def hold(self) -> None:
        """No build until the next :meth:`schedule` (the content has errors). A running build that is still
        reading stops; one that has read the content finishes, its PDF of the content as it was before the
        errors (a tab saved and taken back a second later stopped a build nearly done, said to be "cancelled:
        newer edits arrived", and the next started from scratch)."""
        with self._wake:
            finishing = self.group is not None and self.read
            # a build stopped a moment ago by the edit that brought the errors (supersede) was waited for too
            waiting = self.due is not None or self.group is not None or self.superseded or self.starting
            self.due, self.superseded = None, False
        if finishing:
            if not self.going_on:  # said once for the build, however many saves with errors follow
                self.going_on = True
                self.say(Message("Background build goes on with the content it read before the errors; "
                                 "the next one waits until they are fixed"))
        else:
            self._cancel()
            if waiting:
                self.say(Message("Background build waits until the errors are fixed"))
        self.changed()

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
        with self._wake:
            group = self.group
            self.unwanted = self.unwanted or (group is None and self.starting)  # stopped once its process runs
        if group is not None:
            # the build and its PDF layout workers: its own process group (start_new_session),
            # alive until the last of them closes the output we read; the build's staging
            # folder keeps the previous output safe
            try:
                os.killpg(group, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
            except AttributeError:  # no process groups (Windows): the build and what it started, one by one
                _end_tree(group)

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self.stopping and (self.due is None or self.due > time.monotonic()):
                    self._wake.wait(None if self.due is None else max(self.due - time.monotonic(), 0.01))
                if self.stopping:
                    return
                self.due, self.starting, self.unwanted = None, True, False
                self.superseded = self.read = self.going_on = False
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
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                            start_new_session=True,  # Ctrl-C is ours to pass on, not the terminal's
                                            env={**os.environ, PROGRESS: "lines"})  # how far the PDF is, as lines
        except OSError as exc:  # no process to be had (a machine out of memory or of processes): the next edit tries
            with self._wake:  # again; left starting, the build was busy for good and the preview's PDF said to come
                self.starting, self.unwanted, self.failure = False, False, [str(exc)]
            self.say(Message("Background build could not start: {reason}", reason=exc.strerror or str(exc)))
            self.changed()
            return
        with self._wake:
            self.group, self.failure, self.starting = self.process.pid, None, False
            unwanted, self.unwanted = self.unwanted, False
        if unwanted:  # an edit (or Ctrl-C) came as it started
            self._cancel()
        self.changed()
        errors, warnings = self._follow()
        code = self.process.wait()
        self.group, self.read = None, False  # every process of the group has closed the output: none is left to stop
        try:
            self._finish(code, time.monotonic() - started, before, errors, warnings)
        finally:
            self.changed()

    def _follow(self) -> tuple[list[str], list[str]]:
        """Pass on the running build's lines, as they come; returns those that say an error, and the warnings the
        preview had not said."""
        assert self.process is not None and self.process.stdout is not None
        once = {self.wording(message) for message in SAID_ONCE}
        errors, warnings = [], []
        for line in self.process.stdout:
            line = line.rstrip()
            if line == READ:
                self.read = True
                continue
            if ERROR_LINE.search(line):
                errors.append(line)
            if self.known(line):  # a diagnostic the preview printed already
                continue
            if WARNING_LINE.search(line):
                warnings.append(line)
            if line in once:
                if line in self.told:
                    continue
                self.told.add(line)
            self.log(f"  build │ {line}")  # already said in the plan's language by the build
        return errors, warnings

    def _finish(self, code: int, took: float, before: float, errors: list[str], warnings: list[str]) -> None:
        # a build that failed while a file was saved again read it half written: newer edits, not a failure
        newer = code != 0 and not self.stopping and (self.due is not None or self.superseded
                                                     or newest(self.root) > before)
        if code < 0 or newer:
            self.say(Message("Background build cancelled: newer edits arrived") if newer
                     else Message("Background build stopped"))
            return
        self.say(Message("Background build done in {seconds:.1f} s", seconds=took) if code == 0 else
                 Message("Background build failed: the site keeps the previous PDF (errors above)"))
        if code != 0:
            self.failure = errors
        self.warned(warnings)
        if not self.stopping:
            self.done(code == 0)


def _end_tree(pid: int) -> None:
    """End process ``pid`` and every process it started (the search index's Pagefind), on a system without process
    groups; psutil knows them on each system."""
    import psutil  # here: only a system without process groups needs it

    try:
        build = psutil.Process(pid)
        processes = [*build.children(recursive=True), build]
    except psutil.Error:  # ended already
        return
    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
