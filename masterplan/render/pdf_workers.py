"""Worker processes that lay out and write parts, and the in-process stand-in for ``--jobs 1``.

A worker keeps the parts it laid out (WeasyPrint documents cannot be pickled) until the
scheduler knows their first page number and asks for the PDF. Messages, all plain data:

- ``("layout", part, html, css, start, offset, target)``: lay the part out (its CSS
  numbering pages from ``start + 1``); with ``offset``
  (an int) renumber and write to ``target`` at once and answer ``("written", part,
  info, records, refused)``; with None keep it and answer ``("laid", part, info)``;
- ``("write", part, offset, target)``: renumber a kept part, write it, forget it, answer
  ``("written", part, None, records, refused)`` (what writing logged, and the URLs it refused);
- ``("drop", part)``: forget a kept part (its page numbers turned out wrong);
- ``None``: stop.

Workers are forked: they start with the parent's imports (WeasyPrint, fonts) loaded. They
ignore Ctrl-C: the parent, interrupted, ends them (:mod:`masterplan.interrupt`).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import deque
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

from masterplan.interrupt import can_fork, forking, ignore_interrupt
from masterplan.render.pdf_layout import LaidOut, Stylesheets

Message = tuple[Any, ...]


class Handler:
    """The work itself, wherever it runs."""

    def __init__(self, root: Path, tagged: bool = False):
        self.root = root
        self.tagged = tagged  #: parts are written as tagged PDF
        self.kept: dict[int, LaidOut] = {}
        self.styles = Stylesheets(root)

    def __call__(self, message: Message) -> Message | None:
        try:
            return self._handle(message)
        except Exception as exc:  # noqa: BLE001 - reported by the scheduler as a build error
            part = message[1] if len(message) > 1 else -1
            return ("failed", part, f"{type(exc).__name__}: {exc}", traceback.format_exc())

    def _handle(self, message: Message) -> Message | None:
        kind, part = message[0], message[1]
        if kind == "layout":
            _, _, html, css, start, offset, target = message
            laid = LaidOut(html, css, self.root, start, self.styles)
            info = laid.info().to_json()
            if offset is None:
                self.kept[part] = laid
                return ("laid", part, info)
            laid.renumber(offset)
            return ("written", part, info, *laid.write(Path(target), self.tagged))
        if kind == "write":
            _, _, offset, target = message
            laid = self.kept.pop(part)
            laid.renumber(offset)
            return ("written", part, None, *laid.write(Path(target), self.tagged))
        if kind == "drop":
            self.kept.pop(part, None)
        return None


def _serve(connection: Connection, root: Path, tagged: bool) -> None:
    ignore_interrupt()
    handler = Handler(root, tagged)
    while True:
        try:
            message = connection.recv()
        except EOFError:  # the parent is gone (killed): nobody waits for the work
            return
        if message is None:
            return
        reply = handler(message)
        if reply is not None:
            connection.send(reply)


class Pool:
    """``jobs`` workers (in this process when ``jobs`` is 1, or the system has no fork); tasks go to a named or an
    idle worker."""

    def __init__(self, jobs: int, root: Path, tagged: bool = False):
        self.local = Handler(root, tagged) if jobs <= 1 or not can_fork() else None
        self.replies: deque[Message] = deque()
        self.connections: list[Connection] = []
        self.processes: list[Any] = []
        self.busy: dict[int, int] = {}  #: worker → tasks outstanding
        if self.local is None:
            try:
                self._start(jobs, root, tagged)
            except BaseException:  # a Ctrl-C held back while forking comes here: no worker is left running
                self.close(at_once=True)
                raise
        self.busy = {i: 0 for i in range(max(1, len(self.connections)))}

    def _start(self, jobs: int, root: Path, tagged: bool) -> None:
        context = multiprocessing.get_context("fork")
        with forking():
            for _ in range(jobs):
                mine, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, root, tagged), daemon=True)
                process.start()
                theirs.close()
                self.connections.append(mine)
                self.processes.append(process)

    def __enter__(self) -> Pool:  # noqa: PYI034 (typing.Self needs 3.11)
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close(at_once=kind is not None)

    def idle(self) -> int | None:
        return next((w for w, n in self.busy.items() if n == 0), None)

    def send(self, worker: int, message: Message, reply: bool = True) -> None:
        if reply:
            self.busy[worker] += 1
        if self.local is not None:
            answer = self.local(message)
            if answer is not None:
                self.replies.append((worker, *answer))
        else:
            self.connections[worker].send(message)

    def receive(self) -> Message:
        """The next reply, as ``(worker, kind, part, ...)``; waits for one."""
        if not self.replies:
            ready = cast(list[Connection], wait(self.connections))  # of what it is given: connections only
            for connection in ready:
                self.replies.append((self.connections.index(connection), *connection.recv()))
        reply = self.replies.popleft()
        self.busy[reply[0]] -= 1
        return reply

    def close(self, at_once: bool = False) -> None:
        """Stop the workers: when their work is done, or ``at_once`` (Ctrl-C, a failure), mid-layout."""
        for connection in self.connections:
            try:
                connection.send(None)
            except (BrokenPipeError, OSError):
                pass
        for process in self.processes:
            if at_once:
                process.terminate()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()


def cores() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
