"""The time a chapter's Jinja may take: :data:`MAX_SECONDS` a chapter, :data:`MAX_SECONDS_IN_ALL` for all chapters
of a plan together (:class:`TimeBudget`), a runaway template stopped by :func:`time_limit` (SIGALRM in the main
thread, an asynchronous exception elsewhere).
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: one chapter's Jinja
MAX_SECONDS = 5.0
#: all chapters of a plan together: with only a chapter's limit, ten runaway chapters held a build 59 s
MAX_SECONDS_IN_ALL = 10.0


class TimeUp(BaseException):
    """Raised into a runaway template (a BaseException, so that no ``except Exception`` keeps it)."""


class TimeBudget:
    """The time the chapters of one loaded plan have left to be filled in, together."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.left = seconds

    def allowed(self) -> float:
        """What the next chapter may take: :data:`MAX_SECONDS`, or less when less is left (0: nothing)."""
        return max(min(MAX_SECONDS, self.left), 0.0)

    @contextmanager
    def spent(self) -> Iterator[None]:
        """Take the time the block takes off what is left."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.left -= time.monotonic() - started


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway template after ``seconds``: with SIGALRM in the main thread, else by
    raising TimeUp asynchronously into this thread (it lands between two bytecodes)."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def stop(signum: int, frame: Any) -> None:
            raise TimeUp()

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(TimeUp))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
        timer.cancel()
        if state["fired"]:  # not delivered yet: take it back so it cannot land after the template
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
