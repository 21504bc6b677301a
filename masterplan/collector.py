"""Python's cycle collector, held off while a plan is read, and in the preview until the plan stays unchanged.

A plan is hundreds of thousands of new objects (a province's 3,000 programs: about 600,000), none of them
garbage while it is read, and the collector would walk them all again and again (a third of the loading time
of such a plan). Its objects point both ways (a program to its pillar, the pillar to its programs), so a plan
the preview replaces is freed only by the collector, and a full collection walks every object alive: 0.6–1.3 s
on a province's plan, which fell inside nearly every edit's check and doubled the wait for the page. The
preview holds the collector off from an edit until the plan has stayed unchanged for a moment, then collects
(:class:`Held`).

Holds are counted across threads: the collector is back on only when the last holder lets go.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from masterplan import memory_pools

_holders = {"count": 0, "was_enabled": False}
_lock = threading.Lock()


def hold() -> None:
    """The collector off until :func:`let_go` is called as many times."""
    with _lock:
        if _holders["count"] == 0:
            _holders["was_enabled"] = gc.isenabled()
            gc.disable()
        _holders["count"] += 1


def let_go() -> None:
    """One hold less: the collector back on with the last, if it was on before the first."""
    with _lock:
        _holders["count"] -= 1
        if _holders["count"] == 0 and _holders["was_enabled"]:
            gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (while a plan is read)."""
    hold()
    try:
        yield
    finally:
        let_go()


#: checks after which a preview that never stays unchanged long enough collects anyway (a few replaced plans'
#: worth of memory at most: a province's plan leaves about 85,000 objects of garbage)
CHECKS_WITHOUT_COLLECTING = 8


class Held:
    """One preview's hold on the collector: taken by each check, let go with a collection once the plan has
    stayed unchanged (:meth:`collect`), or, at the latest, collected in the check after
    :data:`CHECKS_WITHOUT_COLLECTING` checks without one. Thread-safe."""

    def __init__(self) -> None:
        self.checks = 0  #: checks since the last collection (0: the collector is not held)
        self._lock = threading.Lock()

    def check_starts(self) -> None:
        """A check is about to read the plan again: the collector is held from now on."""
        with self._lock:
            if self.checks >= CHECKS_WITHOUT_COLLECTING:
                gc.collect()
                self.checks = 1
            elif self.checks == 0:
                hold()
                self.checks = 1
            else:
                self.checks += 1

    def collect(self) -> None:
        """The plan stays unchanged: free the plans it replaced and let go of the collector."""
        with self._lock:
            if self.checks:
                gc.collect()
                memory_pools.give_back()  # the plans just freed, to the system (a few MB, each time the plan settles)
                let_go()
                self.checks = 0
