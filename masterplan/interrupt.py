"""Ctrl-C while worker processes run: the parent alone handles it, the workers stay quiet.

A Ctrl-C in a terminal (or ``timeout -s INT``) signals every process of the command's group.
Left alone, each forked worker would stop with a traceback of its own ("Process
ForkProcess-1: Traceback … KeyboardInterrupt"), dozens of lines before the parent's one line
"Cancelled.". Workers are forked with SIGINT held back (:func:`forking`) and ignore it once
started (:func:`ignore_interrupt`); the parent, interrupted, ends them itself. A child doing
one piece of work (:mod:`masterplan.alongside`) takes it only where it ends quietly.

A worker also ends when its parent does, however that ended (``kill``, ``kill -9``, a closed terminal):
left running, it waited for work forever, holding the lock on ``build/`` the parent took, and the
next build of the plan (or the preview) waited for that lock forever, saying nothing.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

_HOLDS = hasattr(signal, "pthread_sigmask")  #: not on Windows, which has no fork either
_PR_SET_PDEATHSIG = 1  #: Linux's prctl(2) option: the signal a process gets when its parent ends
_parent: int | None = None  #: the process forking workers (a worker's parent, as the worker inherits it)


def can_fork() -> bool:
    """Whether this system forks (not Windows): where it does not, the work is done in this process."""
    return hasattr(os, "fork")


@contextmanager
def forking() -> Iterator[None]:
    """Hold SIGINT back in this thread while it forks workers: each starts with it held, so none is
    interrupted before it ignores it. A Ctrl-C that came meanwhile interrupts this process once they
    are started."""
    global _parent
    _parent = os.getpid()
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
    meanwhile is raised now); the process ends with its parent."""
    _end_with_parent()
    if _HOLDS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _end_with_parent() -> None:
    """Have the kernel end this worker when its parent ends (Linux); a parent already gone ends it now."""
    try:  # the C library this Python runs on, prctl among its functions on Linux
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # nobody waits for its work any more
    except (OSError, AttributeError):  # no prctl (not Linux): the worker ends when it finds its pipe closed
        pass
    if _parent is not None and os.getppid() != _parent:
        os._exit(1)
