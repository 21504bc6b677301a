"""A ``masterplan serve`` process as a user runs it, for the tests: started on a free port of 127.0.0.1,
what it prints kept line by line, stopped with Ctrl-C."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TIMEOUT = 30.0
AGENCY = "content/agencies/diskominfo.yml"


@dataclass
class Served:
    """A running ``masterplan serve`` process and what it printed."""

    root: Path
    process: subprocess.Popen[str]
    port: int = 0
    lines: list[str] = field(default_factory=list)
    #: reads what it prints into :attr:`lines`, until it ends: joined (:meth:`said_all`) before its last lines are looked
    #: for (a sleep of 0.2 s let a loaded machine leave "Stopped." unread)
    reader: threading.Thread | None = None

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()

    def wait_for(self, path: str, test: Callable[[int, str], bool], what: str) -> str:
        """Poll ``path`` until ``test(status, body)`` holds; fail with the last answer after a while."""
        deadline = time.monotonic() + TIMEOUT
        status, body = self.get(path)
        while not test(status, body):
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; last answer {status}: {body[:400]}\n"
                            + "\n".join(self.lines[-20:]))
            time.sleep(0.1)
            status, body = self.get(path)
        return body

    def wait_line(self, test: Callable[[str], bool], what: str, timeout: float = TIMEOUT, after: int = 0) -> str:
        """Wait until a line printed (from the ``after``-th on) passes ``test``; returns it."""
        deadline = time.monotonic() + timeout
        while True:
            found = next((line for line in self.lines[after:] if test(line)), None)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}:\n" + "\n".join(self.lines))
            time.sleep(0.1)

    def said_all(self) -> list[str]:
        """Every line it printed, once it has ended (each read: its output closed)."""
        assert self.process.poll() is not None, "still running"
        if self.reader is not None:
            self.reader.join(TIMEOUT)
            assert not self.reader.is_alive(), "its output stayed open after it ended"
        return self.lines

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` in the plan's file ``name``, as an editor saves it."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"no {old!r} in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def start(root: Path, *options: str, env: dict[str, str] | None = None, command: list[str] | None = None) -> Served:
    """``command``: how masterplan is run (default ``python -m masterplan``)."""
    command = command or [sys.executable, "-m", "masterplan"]
    process = subprocess.Popen([*command, "serve", str(root), "--port", "0", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=os.environ if env is None else env)
    served = Served(root, process)
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            served.lines.append(line.rstrip())
            found = re.search(r" http://127\.0\.0\.1:(\d+)/", line)
            if found:
                served.port = int(found.group(1))
                ready.set()
        ready.set()

    served.reader = threading.Thread(target=read, daemon=True)
    served.reader.start()
    if not ready.wait(120) or not served.port:
        process.kill()
        pytest.fail("serve did not start:\n" + "\n".join(served.lines))
    served.get("/__reload?since=-1")  # said its address first: it answers once the site is built
    return served


def stop(served: Served) -> None:
    served.process.send_signal(signal.SIGINT)  # what Ctrl-C sends
    try:
        code = served.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        served.process.kill()
        pytest.fail("serve did not stop on Ctrl-C")
    said = served.said_all()
    assert code == 0, "\n".join(said)
    assert not any("Traceback" in line for line in said), "\n".join(said)
