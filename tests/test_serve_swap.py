"""``masterplan serve`` while a background build swaps its output in: a tab asking then gets the old file or the new
one, never "not found" of a page there is (a live reload lands exactly then)."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from serving import TIMEOUT

from masterplan import output, serve_http
from masterplan.preview import Preview

PDF = "/download/masterplan.pdf"
PAGE = "/program/GOV-01.html"  #: from the disk: this preview has rendered no page of its own


@pytest.fixture
def built(make_plan: Callable[..., Path]) -> Path:
    """A plan with a site built before: its book and a page."""
    root = make_plan()
    _write_site(root / "build" / "site", "before")
    return root


@pytest.fixture
def get(built: Path) -> Iterator[Callable[[str], tuple[int, bytes]]]:
    """GET a path of the plan's preview, served on a free port: the status and the file (a page as it is on disk)."""
    server = serve_http.listen(Preview(built, log=lambda line: None), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def answer(path: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=TIMEOUT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().split(b"<script>")[0]  # a page without what the preview adds
        finally:
            connection.close()

    yield answer
    server.shutdown()
    server.server_close()


def _write_site(site: Path, which: str) -> None:
    (site / "download").mkdir(parents=True)
    (site / "program").mkdir()
    (site / PDF.lstrip("/")).write_bytes(b"%PDF-1.7 the book " + which.encode())
    (site / PAGE.lstrip("/")).write_text(f"<p>the page {which}</p>", encoding="utf-8")


def _swap(root: Path) -> None:
    """A build's output swapped in, as the background build does it."""
    with output.Staging(root / "build") as staging:
        _write_site(staging.path(output.SITE), "after")


def test_a_request_between_the_renames_of_the_swap_gets_the_old_file(
        built: Path, get: Callable[[str], tuple[int, bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the swap's two renames the site is missing: a PDF or page asked for then was "not found"."""
    renamed, answers = Path.rename, []

    def asked_between(path: Path, target: Any) -> Path:
        moved = renamed(path, target)
        if moved.name.startswith(".old-"):  # the old site retired, the new one not yet moved in
            answers.extend(get(asked) for asked in (PDF, PAGE))
        return moved

    monkeypatch.setattr(Path, "rename", asked_between)
    _swap(built)
    assert answers == [(200, b"%PDF-1.7 the book before"), (200, b"<p>the page before</p>")]
    assert get(PDF) == (200, b"%PDF-1.7 the book after")
    assert not list((built / "build").glob(".old-*"))


def test_a_file_the_swap_moves_between_its_lookup_and_its_opening_is_looked_up_again(
        built: Path, get: Callable[[str], tuple[int, bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    """The file found, then the site retired before it was opened (or read: a page from the disk): "not found"."""
    found, site, retire = serve_http.site_file, built / "build" / "site", built / "build" / ".old-1-site"

    def retired_once_found(folder: Path, url_path: str) -> Path | None:
        file = found(folder, url_path)
        if file is not None and site.is_dir():  # the swap's first rename, just after the lookup
            site.rename(retire)
        return file

    monkeypatch.setattr(serve_http, "site_file", retired_once_found)
    assert get(PDF) == (200, b"%PDF-1.7 the book before")
    retire.rename(site)
    assert get(PAGE) == (200, b"<p>the page before</p>")
