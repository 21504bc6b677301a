"""Work done in a forked child while the build goes on, on a core the build's first steps leave idle.

Loading and checking a plan keeps one core busy; the second sits idle until the pages are
rendered. Work that needs only the loaded plan (the warning rules, the open-data files)
runs there meanwhile. A bare ``fork``, not a Pool: no helper threads are left behind for
later forks to inherit.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Alongside(Generic[T]):
    """``work()`` in a forked child; :meth:`result` waits for it (the same value on every call).

    Without ``fork``, or when ``here`` is true (work too small to be worth a process), it runs
    here and now. A child that fails (an exception, a killed process) is not trusted: its work
    is done again here, where it raises as it would have, so a disk that is full is reported
    the same way either way.
    """

    def __init__(self, work: Callable[[], T], here: bool = False):
        self._work = work
        self._done: list[T] = []
        self._child: int | None = None
        if here or not hasattr(os, "fork"):
            self._done.append(work())
            return
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child's coverage is not collected
            try:
                os.close(reading)
                with os.fdopen(writing, "wb") as pipe:
                    pipe.write(pickle.dumps(work()))
            finally:
                os._exit(0)
        os.close(writing)
        self._child, self._reading = child, reading

    def _collect(self) -> bytes:
        """What the child wrote, once it has ended (nothing, when there is no child to wait for)."""
        if self._child is None:
            return b""
        with os.fdopen(self._reading, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self._child, 0)
        self._child = None
        return data

    def result(self) -> T:
        if not self._done:
            data = self._collect()
            try:
                self._done.append(pickle.loads(data))  # our own child's answer
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                self._done.append(self._work())  # the child failed before writing all of it
        return self._done[0]

    def reap(self) -> None:
        """Wait for the child without taking its answer: the caller failed and needs it no more."""
        self._collect()
