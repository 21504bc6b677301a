"""``masterplan serve`` speaks the plan's language: its terminal lines and the error overlay in the page."""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TIMEOUT = 60.0
AGENCY = "content/agencies/diskominfo.yml"


def _wait(test: Callable[[], bool], what: str, lines: list[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not test():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}:\n" + "\n".join(lines))
        time.sleep(0.1)


def _get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode("utf-8")
    finally:
        connection.close()


def test_the_preview_speaks_indonesian_for_an_indonesian_plan(make_plan: Callable[..., Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MASTERPLAN_LANG")  # as a user runs it: the plan's language, Indonesian
    root = make_plan()
    agency = root / AGENCY
    good = agency.read_text(encoding="utf-8")
    agency.write_text(good.replace("short_name: Diskominfo", "short_name: [Diskominfo"), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "masterplan", "serve", str(root), "--port", "0", "--no-pdf"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip() for line in process.stdout), daemon=True)
    reader.start()
    try:
        _wait(lambda: any("http://127.0.0.1:" in line for line in lines), "the address", lines)
        port = int(next(re.search(r"http://127\.0\.0\.1:(\d+)/", line) for line in lines if "http://" in line).group(1))
        body = _get(port, "/")
        overlay = body[body.index('id="masterplan-errors"'):]
        assert f"{AGENCY}:" in overlay and ": kesalahan[" in overlay and "error[" not in overlay
        assert "isi masterplan memuat kesalahan" in overlay
        agency.write_text(good, encoding="utf-8")
        _wait(lambda: any(line.startswith("Diperbarui dalam ") for line in lines), "the rebuild", lines)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
    reader.join(20)  # its last lines read ("Berhenti."): a sleep of 0.2 s left them unread on a loaded machine
    said = "\n".join(lines)
    # the address first, not below the errors (and the background build's lines) the first build brings
    assert lines[0].startswith("Menyajikan ") and lines[1] == "Membuat situs…" and "Berhenti." in lines, said
    assert any(line.startswith(f"{AGENCY}:") and ": kesalahan[" in line for line in lines), said
    assert any(re.fullmatch(r"\d+ kesalahan: halaman menampilkannya sampai diperbaiki", line) for line in lines), said
    assert any(re.fullmatch(r"Menyajikan .* di http://127\.0\.0\.1:\d+/ \(Ctrl-C untuk berhenti\)", line)
               for line in lines), said
    assert f"Berubah: {AGENCY}" in lines, said
    assert not re.search(r"Building|Serving|Rebuilt|Stopped|error\[|Traceback", said), said


def test_a_save_that_changes_the_plans_language_is_said_in_the_new_one(make_plan: Callable[..., Path],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The save that set ``language: en`` in plan.yml was said in Indonesian ("Berubah: content/plan.yml"), the
    lines after it in English."""
    from serving import start, stop

    monkeypatch.delenv("MASTERPLAN_LANG")  # the plan's language, as a user runs it
    running = start(make_plan(), "--no-pdf")
    try:
        plan_yml = running.root / "content" / "plan.yml"
        plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
        running.wait_line(lambda line: line.startswith("Rebuilt in ") or " error" in line, "the rebuild")
    finally:
        stop(running)
    assert "Changed: content/plan.yml" in running.lines and "Berubah: content/plan.yml" not in running.lines, \
        running.lines
