"""The PDF of ``masterplan serve``: built again when it is not of the plan as saved (after a restart too), and
said beside its links in the preview's pages while it is being built, of an earlier version, or failed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from serving import AGENCY, TIMEOUT, start, stop

from masterplan.resources import theme_dir

PDF_BUILD = 240.0  #: seconds a background build of the mini plan's PDF may take on a busy machine
NOTE = ".masterplan-pdf"  #: what the preview puts beside each link to the PDF
PROGRAM = "/program/GOV-01.html"  #: the page of the mini plan's program e-Sambat


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages).split())


def _broken_cover(root: Path) -> Path:
    """The plan's own cover template, naming what the plan lacks (E603 as the PDF is built)."""
    cover = root / "templates" / "print" / "cover.html"
    cover.parent.mkdir(parents=True, exist_ok=True)
    theme = (theme_dir() / "print" / "cover.html").read_text(encoding="utf-8")
    cover.write_text(theme.replace('<p class="cover-period">', '<p class="cover-period">{{ plan.nothing.here }}'),
                     encoding="utf-8")
    return cover


def _broken_stylesheet(root: Path) -> Path:
    """The plan's own print stylesheet, naming a picture that is not there: found only as the PDF is laid out (E602),
    where a template's error is said by the preview at once and holds the background build."""
    css = root / "templates" / "print" / "book.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text((theme_dir() / "print" / "book.css").read_text(encoding="utf-8")
                   + "\n.cover { background: url(../../content/assets/hilang.png); }\n", encoding="utf-8")
    return css


def test_a_pdf_built_from_the_edit_before_the_last_is_built_again_after_a_restart(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Edit A read by a build, edit B saved while it laid the PDF out, the preview stopped before the next build:
    started again, it built nothing (the PDF was newer than every file), and the PDF said A while the plan said B."""
    from masterplan import build
    from masterplan.build import BuildOptions, run

    root = make_plan()
    agency = root / AGENCY
    agency.write_text(agency.read_text(encoding="utf-8").replace("e-Sambat (Media", "Sambat Satu (Media"),
                      encoding="utf-8")
    read = build.load_and_check

    def then_edit_b(*args: Any, **kwargs: Any) -> Any:
        checked = read(*args, **kwargs)
        agency.write_text(agency.read_text(encoding="utf-8").replace("Sambat Satu", "Sambat Dua"), encoding="utf-8")
        return checked

    with monkeypatch.context() as patched:  # not monkeypatch.undo(): that undid the English the tests run in too
        patched.setattr(build, "load_and_check", then_edit_b)
        assert run(root, BuildOptions(search=False)).ok
    pdf = root / "build" / "masterplan.pdf"
    assert "Sambat Satu" in _text(pdf) and pdf.stat().st_mtime > agency.stat().st_mtime
    running = start(root)
    try:
        running.wait_line(lambda line: line.startswith("Background build done"), "the PDF built again", PDF_BUILD)
    finally:
        stop(running)
    assert "Sambat Dua" in _text(pdf) and "Sambat Satu" not in _text(pdf)


def test_a_failing_print_template_is_not_said_to_leave_the_site_without_a_pdf(make_plan: Callable[..., Path]) -> None:
    """E603 came with W701 "the website links no PDF: none was written", while nothing was published and the site
    in place kept linking the PDF built before."""
    from masterplan.build import BuildOptions, run

    root = make_plan()
    _broken_cover(root)
    result = run(root, BuildOptions(search=False))
    codes = [d.code for d in result.report]
    assert not result.ok and "E603" in codes and "W701" not in codes, [str(d) for d in result.report]


def test_the_page_says_beside_the_pdf_link_that_it_is_being_built_or_failed(make_plan: Callable[..., Path],
                                                                          browser: object) -> None:
    """With the cover template failing (E603), the terminal said the build failed, but the page still offered
    "Unduh dokumen (PDF, 984 kB)" as if current; nor did it say the PDF was being made again in the 10–60 s after
    each edit. Beside the link, the preview now says so as it happens, without reloading the page."""
    from masterplan.build import BuildOptions, run

    root = make_plan()
    assert run(root, BuildOptions(search=False)).ok  # a PDF of the plan as it is: nothing to say
    running = start(root)
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        tab.goto(running.address + "/index.html")
        assert tab.locator("a[href$='masterplan.pdf']").count() >= 1 and tab.locator(NOTE).count() == 0
        tab.evaluate("window.kept = true")
        stylesheet = _broken_stylesheet(root)
        beside = tab.locator(f".button + {NOTE}")  # the home page's download button, and what follows it
        beside.filter(has_text="PDF sedang dibuat ulang").wait_for(timeout=TIMEOUT * 1000)  # in the page's language
        beside.filter(has_text="PDF gagal dibuat ulang").wait_for(timeout=PDF_BUILD * 1000)
        said = beside.inner_text()
        assert "tautan ini memberi PDF sebelumnya" in said, said
        assert "error[E602]: PDF: Failed to load image" in said and "hilang.png" in said, said  # as the terminal says it
        assert tab.evaluate("window.kept === true"), "the page was reloaded to say it"
        stylesheet.unlink()
        beside.wait_for(state="detached", timeout=PDF_BUILD * 1000)  # the PDF is of the plan again
    finally:
        context.close()
        stop(running)
    assert not any("[W701]" in line for line in running.lines), running.lines


def test_the_previewed_home_page_offers_the_summary_and_analysis_the_build_made(make_plan: Callable[..., Path]) -> None:
    """The build's home and open-data pages link the executive summary and the strategic analysis; the preview's,
    rendered in-process, did not (nor did it know their size), and the page checked against the build's differed:
    full builds from then on."""
    from masterplan.build import BuildOptions, run
    from masterplan.preview import Preview

    root = make_plan()
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "leading_sector: diskominfo", "leading_sector: diskominfo\nexecutive_summary: true\nstrategic_analysis: true"),
        encoding="utf-8")
    (root / "content" / "analysis").mkdir()
    (root / "content" / "analysis" / "01-profil.md").write_text("---\ntitle: Profil Kota\n---\n\nKota kecil.\n",
                                                                encoding="utf-8")
    assert run(root, BuildOptions(search=False)).ok
    preview = Preview(root, log=lambda line: None)
    preview.rebuild()
    for path in ("index.html", "data.html"):
        for pdf in ("masterplan-summary.pdf", "masterplan-analysis.pdf"):
            assert f'href="download/{pdf}"' in (preview.page(path) or ""), (path, pdf)
    assert preview.verify() and preview.in_process


def test_the_summary_and_the_open_data_are_said_of_an_earlier_version_too(make_plan: Callable[..., Path],
                                                                          browser: object) -> None:
    """Only the book's links said the PDF was being made again: the executive summary's link gave the summary before
    a budget edit for 20 s, and data/budget.csv the old figure for 25 s, with nothing said. The background build
    that writes the book writes them too: beside their links the page now says as much of them."""
    from masterplan.build import BuildOptions, run

    root = make_plan()
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "leading_sector: diskominfo", "leading_sector: diskominfo\nexecutive_summary: true"), encoding="utf-8")
    assert run(root, BuildOptions(search=False)).ok
    running = start(root)
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        home, data = context.new_page(), context.new_page()
        home.goto(running.address + "/index.html")
        data.goto(running.address + "/data.html")
        summary = home.locator(f"a[href$='masterplan-summary.pdf'] + {NOTE}")
        budget = data.locator(f"a[href='data/budget.csv'] + {NOTE}")
        assert summary.count() == 0 and budget.count() == 0 and data.locator(NOTE).count() == 0
        stylesheet = _broken_stylesheet(root)
        summary.filter(has_text="PDF gagal dibuat ulang").wait_for(timeout=PDF_BUILD * 1000)
        budget.filter(has_text="Berkas ini tidak dapat dibuat ulang; tautan ini memberi berkas sebelumnya").wait_for(
            timeout=TIMEOUT * 1000)
        assert data.locator(f"a[href='data/plan.xlsx'] + {NOTE}").count() >= 1
        stylesheet.unlink()
        summary.wait_for(state="detached", timeout=PDF_BUILD * 1000)
        budget.wait_for(state="detached", timeout=TIMEOUT * 1000)
    finally:
        context.close()
        stop(running)


def test_an_edit_undone_before_the_pdf_is_built_again_builds_nothing(make_plan: Callable[..., Path]) -> None:
    """The fingerprint counted each file's modification time: an edit taken back, or a file saved unchanged, made
    the plan look new, and the preview started a background build that wrote the same book (4–14 s each time)."""
    import json
    import time

    from masterplan.background import SETTLE_SECONDS

    root = make_plan()
    agency = root / AGENCY
    running = start(root)
    try:
        running.wait_line(lambda line: line.startswith("Background build done"), "the first PDF", PDF_BUILD)
        pdf = (root / "build" / "masterplan.pdf").read_bytes()
        shown = len(running.lines)
        agency.write_bytes(agency.read_bytes())  # saved unchanged: a new modification time
        running.wait_line(lambda line: "not needed" in line, "the build found not needed", after=shown)
        original = agency.read_text(encoding="utf-8")
        shown = len(running.lines)
        running.edit(AGENCY, "e-Sambat (Media", "e-Sambut (Media")
        running.wait_for(PROGRAM, lambda status, body: "e-Sambut" in body, "the edit in the page")
        agency.write_text(original, encoding="utf-8")  # taken back before the edits settled
        running.wait_for(PROGRAM, lambda status, body: "e-Sambat" in body and "e-Sambut" not in body, "the edit undone")
        running.wait_line(lambda line: "not needed" in line, "the build found not needed again", after=shown)
        time.sleep(SETTLE_SECONDS + 1.5)  # when a build planned for the edit would have started
        _, answer = running.get(f"/__reload?since=-1&page={PROGRAM}")  # what the tab is told beside its PDF links
        assert json.loads(answer)["pdf"] == {"kind": "current", "text": "", "file_text": ""}
    finally:
        stop(running)
    assert not any(line.startswith("Background build started") for line in running.lines[shown:]), running.lines
    assert (root / "build" / "masterplan.pdf").read_bytes() == pdf
    running = start(root)  # and a restart finds the PDF current: no build either
    try:
        time.sleep(SETTLE_SECONDS + 1.5)
    finally:
        stop(running)
    assert not any("Background build" in line for line in running.lines), running.lines


def test_what_laying_the_book_out_warns_of_is_listed_in_the_page_too(make_plan: Callable[..., Path]) -> None:
    """A declaration of the plan's print stylesheet that WeasyPrint ignores (W603, ``colr:``) was said only in the
    terminal, in the background build's lines: the page's list of warnings, which a designer watches, lacked it."""
    import json

    root = make_plan()
    css = root / "templates" / "print" / "book.css"
    css.parent.mkdir(parents=True)
    css.write_text((theme_dir() / "print" / "book.css").read_text(encoding="utf-8") + "\nh2 { colr: #0000aa; }\n",
                   encoding="utf-8")
    line = len(css.read_text(encoding="utf-8").splitlines())
    running = start(root)
    try:
        running.wait_line(lambda said: said.startswith("Background build done"), "the PDF", PDF_BUILD)
        listed = running.wait_for(f"/__reload?since=-1&page={PROGRAM}", lambda status, body: "W603" in body,
                                  "the warning in the page's list")
        warnings = json.loads(listed)["warnings"]
        found = [said for said in warnings["lines"] if "W603" in said]
        assert len(found) == 1 and found[0].startswith(f"templates/print/book.css:{line}:") and "colr" in found[0]
        assert warnings["title"].split()[0] == str(len(warnings["lines"]))  # "1 peringatan": counted with the rest
        running.edit(AGENCY, "e-Sambat (Media", "e-Sambut (Media")  # content errors hide the list; none here
        running.wait_for(PROGRAM, lambda status, body: "e-Sambut" in body, "the edit")
        assert "W603" in running.get(f"/__reload?since=-1&page={PROGRAM}")[1]  # another file's edit leaves it
        shown = len(running.lines)
        running.edit("templates/print/book.css", "h2 { colr: #0000aa; }", "h2 { color: #0000aa; }")  # mended: the
        running.wait_for(f"/__reload?since=-1&page={PROGRAM}", lambda status, body: "W603" not in body,  # last build's
                         "the mended stylesheet's warning gone")  # word on it goes at once, not after the next build
        assert not any(said.startswith("Background build done") for said in running.lines[shown:]), running.lines
    finally:
        stop(running)


def test_a_pdf_built_while_a_file_changed_is_not_taken_for_the_plan_once_the_change_is_undone(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A file saved while a build ran (after it took the plan's fingerprint) and saved back before the next build:
    the book recorded the fingerprint of the start, equal to the plan's after the undo, and the preview took it for
    current and built nothing, though the book may show the edit (a print template is read as it is laid out)."""
    from masterplan import build, serve_pdf
    from masterplan.build import BuildOptions, run

    root = make_plan()
    agency = root / AGENCY
    original = agency.read_text(encoding="utf-8")
    read = build.load_and_check

    def then_edit(*args: Any, **kwargs: Any) -> Any:
        checked = read(*args, **kwargs)
        agency.write_text(original.replace("e-Sambat (Media", "Sambat Dua (Media"), encoding="utf-8")
        return checked

    with monkeypatch.context() as patched:
        patched.setattr(build, "load_and_check", then_edit)
        assert run(root, BuildOptions(search=False)).ok
    agency.write_text(original, encoding="utf-8")  # undone: the bytes the build started from
    assert serve_pdf.outdated(root)
    assert run(root, BuildOptions(search=False)).ok  # built with nothing changing under it: of the plan as saved
    assert not serve_pdf.outdated(root)


def test_a_pdf_a_build_swaps_in_as_it_is_sent_is_sent_whole(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A background build swapped its site in while a tab downloaded the PDF: the file was opened, then its size read
    by its name, the new book's, and the old book went out cut to it (or the tab waited for bytes that never came). The
    book opened is sent whole, with its own size."""
    import http.client
    import os
    import threading

    from masterplan.preview import Preview
    from masterplan.serve_http import listen

    root = make_plan()
    book = root / "build" / "site" / "download" / "masterplan.pdf"
    book.parent.mkdir(parents=True)
    book.write_bytes(b"%PDF-1.7 the book before " * 400)
    opened = Path.open

    def swapped_once_opened(path: Path, *args: Any, **options: Any) -> Any:
        handle = opened(path, *args, **options)
        if path.name == book.name:  # the build's rename, just after the preview opened the file
            (root / "build" / "new.pdf").write_bytes(b"%PDF-1.7 the new book")
            os.replace(root / "build" / "new.pdf", book)
        return handle

    monkeypatch.setattr(Path, "open", swapped_once_opened)
    server = listen(Preview(root, log=lambda line: None), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=TIMEOUT)
        connection.request("GET", "/download/masterplan.pdf")
        assert connection.getresponse().read() == b"%PDF-1.7 the book before " * 400
        connection.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_pdf_state_worked_out_last_is_the_one_shown(make_plan: Callable[..., Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the PDF stands was worked out, then shown, by the build's thread and the watcher's side by side: one
    that had worked it out before the other showed it after, and the page said "being made again" of a build that
    had ended, until the next one. What is worked out last is shown last."""
    import threading
    import time

    from masterplan import serve, serve_pdf
    from masterplan.preview import Preview

    preview = Preview(make_plan(), log=lambda line: None)  # no PDF built: of an earlier version, once no build runs
    background = serve._background(preview, pdf=True, good=False)
    worked_out, newer_shown, original = threading.Event(), threading.Event(), serve_pdf.state

    def state(*args: Any) -> serve_pdf.PdfState:
        found = original(*args)
        if threading.current_thread() is older:  # worked out; shown once the newer is (before: it was not waited for)
            worked_out.set()
            newer_shown.wait(timeout=2)
        return found

    monkeypatch.setattr(serve_pdf, "state", state)
    try:
        background.due = time.monotonic() + 3600  # a build is due: the PDF is being made again
        older = threading.Thread(target=background.changed)
        older.start()
        worked_out.wait(TIMEOUT)
        background.due = None  # the build given up: the PDF in place is of an earlier version
        newer = threading.Thread(target=lambda: (background.changed(), newer_shown.set()))
        newer.start()
        older.join(TIMEOUT)
        newer.join(TIMEOUT)
    finally:
        background.stop()
    assert preview.pdf.kind == serve_pdf.EARLIER
