"""Ctrl-C while worker processes run: the parent alone handles it, the workers stay quiet.

A Ctrl-C in a terminal (or ``timeout -s INT``) signals every process of the command's group.
Left alone, each forked worker would stop with a traceback of its own ("Process
ForkProcess-1: Traceback … KeyboardInterrupt"), dozens of lines before the parent's one line
"Cancelled.". Workers are forked with SIGINT held back (:func:`forking`) and ignore it once
started (:func:`ignore_interrupt`); the parent, interrupted, ends them itself. A child doing
one piece of work (:mod:`masterplan.alongside`) takes it only where it ends quietly.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

_HOLDS = hasattr(signal, "pthread_sigmask")  #: not on Windows, which has no fork either


@contextmanager
def forking() -> Iterator[None]:
    """Hold SIGINT back in this thread while it forks workers: each starts with it held, so none is
    interrupted before it ignores it. A Ctrl-C that came meanwhile interrupts this process once they
    are started."""
    if not _HOLDS:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignore_interrupt() -> None:
    """In a forked worker, first thing: Ctrl-C is the parent's to handle (it ends its workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    interruptible()


def interruptible() -> None:
    """In a process forked within :func:`forking`: SIGINT no longer held back (a Ctrl-C that came
    meanwhile is raised now)."""
    if _HOLDS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
