"""Work done in a forked child while the build goes on, on a core the build's first steps leave idle.

Loading and checking a plan keeps one core busy; the second sits idle until the pages are
rendered. Work that needs only the loaded plan (the warning rules, the open-data files)
runs there meanwhile. A bare ``fork``, not a Pool: no helper threads are left behind for
later forks to inherit.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

from masterplan.interrupt import can_fork, forking, interruptible

T = TypeVar("T")


#: how much lower a yielding child's priority is (``nice``): the other processes get the cores first
YIELDING = 10


class Redo:
    """:class:`Alongside`'s default when its child fails: the work is done again in this process."""


class Alongside(Generic[T]):
    """``work()`` in a forked child; :meth:`result` waits for it (the same value on every call).

    It runs here and now instead when ``here`` is true (work too small to be worth a process),
    where there is no ``fork`` or it fails (no memory, too many processes), and in a process
    with other threads (the preview's server): a fork copies only the calling thread, and a
    lock another thread held would stay locked in the child for good. A child that fails (an
    exception, a killed process) is not trusted: its work is done again here, where it raises
    as it would have, so a disk that is full is reported the same way either way.
    """

    def __init__(self, work: Callable[[], T], here: bool = False, otherwise: T | type[Redo] = Redo,
                 yielding: bool = False):
        """``otherwise``: the result when the child fails, for work only worth doing beside (what
        ``work`` holds is then let go as soon as the child has it); by default it is done again here.
        ``yielding``: the child runs at a lower priority, on what the cores' other work leaves idle."""
        self._work: Callable[[], T] | None = work
        self._yielding = yielding
        self._done: list[T] = []
        self._child: int | None = None
        self._otherwise = otherwise
        if not (here or not can_fork() or threading.active_count() > 1):
            self._start()
        if self._child is None:
            self._done.append(work())
        elif otherwise is not Redo:
            self._work = None

    def _start(self) -> None:
        reading, writing = os.pipe()
        child = -1
        try:
            with forking():
                child = os.fork()
                if child == 0:  # pragma: no cover - the child's coverage is not collected
                    self._run_child(reading, writing)
        except BaseException as failure:  # no fork, or a Ctrl-C raised as SIGINT is let through again
            if child > 0:  # the child is ended with the parent, never left working
                os.kill(child, signal.SIGTERM)
                os.waitpid(child, 0)
            os.close(reading)
            os.close(writing)
            if isinstance(failure, OSError):
                return
            raise
        os.close(writing)
        self._child, self._reading = child, reading

    def _run_child(self, reading: int, writing: int) -> NoReturn:  # pragma: no cover - run in the child
        """Do the work and answer through ``writing``; a Ctrl-C ends the child quietly, with no answer
        (it comes once the child is inside ``try``: it was held back through the fork)."""
        status = 1
        try:
            interruptible()
            if self._yielding:
                os.nice(YIELDING)
            os.close(reading)
            assert self._work is not None  # a child is forked only for work to do
            answer = pickle.dumps(self._work())
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(answer)
            status = 0
        finally:
            os._exit(status)

    def _collect(self) -> bytes | None:
        """What the child answered once it has ended; None when it failed or there is none to wait for.

        The child is waited for even when reading is interrupted (Ctrl-C): no process is left behind."""
        if self._child is None:
            return None
        child, self._child = self._child, None
        data = b""
        try:
            with os.fdopen(self._reading, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(child, 0)
        return data if status == 0 else None

    def result(self) -> T:
        if not self._done:
            data = self._collect()
            if data is not None:
                self._done.append(pickle.loads(data))  # our own child's answer
            elif self._work is not None:
                self._done.append(self._work())
            else:
                self._done.append(self._otherwise)  # type: ignore[arg-type]  # not Redo: _work was kept otherwise
        return self._done[0]

    def reap(self) -> None:
        """Wait for the child without taking its answer: the caller failed and needs it no more."""
        self._collect()

    def cancel(self) -> None:
        """End the child at once, its work unfinished, and wait for it: work whose answer nobody will take, long
        enough for the wait to hold the caller up (a failed build's companion books)."""
        if self._child is not None:
            try:
                os.kill(self._child, signal.SIGTERM)
            except ProcessLookupError:  # ended already: waited for below
                pass
        self._collect()
