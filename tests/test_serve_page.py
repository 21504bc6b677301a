"""The preview's page in a browser after an edit: reloaded when a picture it shows is saved over, the keyboard
focus where it was; and when the preview stops, a note saying so, gone once it runs again."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from serving import TIMEOUT, Served, start, stop

CHAPTER = "content/chapters/01-pendahuluan.md"


def _png(side: int) -> bytes:
    from PIL import Image

    kept = io.BytesIO()
    Image.new("RGB", (side, side), (20, 160, 40)).save(kept, "PNG")
    return kept.getvalue()


def test_a_picture_saved_over_reloads_the_page_that_shows_it(served: Served, browser: object) -> None:
    """Another picture copied over content/assets/peta.png left the open chapter showing the old one: the page
    reloaded only when its HTML changed, and the picture's address had not."""
    picture = served.root / "content" / "assets" / "peta.png"
    picture.parent.mkdir(exist_ok=True)
    picture.write_bytes(_png(4))
    served.edit(CHAPTER, "## Latar Belakang\n", "## Latar Belakang\n\n![Peta wilayah](assets/peta.png)\n")
    served.wait_for("/chapter/pendahuluan.html", lambda status, body: "peta.png" in body, "the picture in the page")
    _reloads_when_saved_over(served, browser, picture, "img[alt='Peta wilayah']")


def test_a_logo_saved_over_reloads_the_page_with_the_new_one(served: Served, browser: object) -> None:
    """Every page shows the logo as static/logo.png, an address a new logo leaves as it was: the open tab kept the
    old one."""
    logo = served.root / "content" / "assets" / "lambang.png"
    logo.parent.mkdir(exist_ok=True)
    logo.write_bytes(_png(4))
    served.edit("content/plan.yml", "status: draft\n", "status: draft\nlogo: assets/lambang.png\n")
    served.wait_for("/chapter/pendahuluan.html", lambda status, body: "static/logo.png" in body, "the logo in the page")
    _reloads_when_saved_over(served, browser, logo, "img.brand-logo")


def _reloads_when_saved_over(served: Served, browser: object, picture: Path, selector: str) -> None:
    """The chapter's open tab shows ``picture`` (4 px wide) in the image ``selector`` finds; saved over with one
    8 px wide, the tab reloads by itself and shows it."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        tab.goto(served.address + "/chapter/pendahuluan.html")
        shown = f"document.querySelector({selector!r}).naturalWidth"
        tab.wait_for_function(f"{shown} === 4")
        tab.evaluate("window.kept = true")
        picture.write_bytes(_png(8))
        tab.wait_for_function(f"window.kept === undefined && {shown} === 8", timeout=TIMEOUT * 1000)
    finally:
        context.close()


def test_the_keyboard_focus_stays_where_it_was_after_a_reload(served: Served, browser: object) -> None:
    """Each reload after a save left the focus on the page's start (scrolling was kept): whoever moves through the
    page with the keyboard started again from the top after every edit."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        tab.goto(served.address + "/chapter/pendahuluan.html")
        tab.locator("main a[href$='GOV-01.html']").first.focus()
        focused = "document.activeElement.outerHTML"
        before = tab.evaluate(focused)
        assert "GOV-01" in before
        tab.evaluate("window.kept = true")
        served.edit(CHAPTER, "termasuk e-Sambat", "termasuk aplikasi e-Sambat")
        tab.wait_for_function("window.kept === undefined && document.body.innerText.includes('aplikasi e-Sambat')",
                              timeout=TIMEOUT * 1000)
        assert tab.evaluate(focused) == before
    finally:
        context.close()



def test_a_page_says_when_the_preview_has_stopped_and_comes_back_with_it(make_plan: Callable[..., Path],
                                                                         browser: object) -> None:
    """After Ctrl-C the open tab went on asking the preview every second, its console logging refused connections,
    and the page looked as live as before: an editor saving on saw nothing change, and nothing said why. A note says
    so, in every open tab; it goes when the preview answers again, and an edit saved meanwhile shows."""
    root = make_plan()
    running = start(root, "--no-pdf")
    port = running.port
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tabs = [context.new_page(), context.new_page()]
        for tab in tabs:
            tab.goto(running.address + "/chapter/pendahuluan.html")
        assert all(tab.locator("#masterplan-stopped").count() == 0 for tab in tabs)
        stop(running)
        for tab in tabs:
            note = tab.locator("#masterplan-stopped")
            note.wait_for(timeout=TIMEOUT * 1000)
            assert note.inner_text() == ("Pratinjau berhenti: jalankan masterplan serve lagi, dan halaman ini kembali "
                                         "dengan sendirinya.")
        chapter = root / CHAPTER
        chapter.write_text(chapter.read_text(encoding="utf-8").replace("termasuk e-Sambat", "termasuk aplikasi e-Sambat"),
                           encoding="utf-8")
        running = start(root, "--no-pdf", "--port", str(port))
        for tab in tabs:
            tab.wait_for_function("document.body.innerText.includes('aplikasi e-Sambat')", timeout=TIMEOUT * 1000)
            tab.locator("#masterplan-stopped").wait_for(state="detached", timeout=TIMEOUT * 1000)
    finally:
        context.close()
        stop(running)


def test_the_plans_warnings_are_listed_in_the_page_without_a_reload(served: Served, browser: object) -> None:
    """W324, a year's APBD over the ceiling plan.yml gives, was said only in the terminal: an editor watching the
    browser never saw it. Once worked out, the warnings are listed in a corner of every open tab, as the terminal
    says them; the page is not reloaded for it, and the list goes when they are mended."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        tab.goto(served.address + "/index.html")
        tab.wait_for_timeout(1500)  # the mini plan's own warnings, if any, worked out
        before = tab.locator("#masterplan-warnings summary").all_inner_texts()
        tab.evaluate("window.kept = true")
        served.edit("content/plan.yml", "leading_sector: diskominfo",
                    "leading_sector: diskominfo\napbd_ceiling: {2022: 200000000}")  # GOV-01 asks 250 juta of APBD
        listed = tab.locator("#masterplan-warnings li", has_text="W324")
        listed.wait_for(state="attached", timeout=TIMEOUT * 1000)
        said = listed.text_content() or ""  # the list is closed: its text, not what shows
        assert "content/plan.yml:" in said and "2022" in said, said
        summary = tab.locator("#masterplan-warnings summary").inner_text()
        assert summary.endswith("peringatan") and summary != (before[0] if before else ""), summary
        assert tab.evaluate("window.kept === true"), "the page was reloaded for its warnings"
        served.edit("content/plan.yml", "apbd_ceiling: {2022: 200000000}", "apbd_ceiling: {2022: 900000000}")
        listed.wait_for(state="detached", timeout=TIMEOUT * 1000)
        assert tab.evaluate("window.kept === true")
    finally:
        context.close()


def test_a_preview_started_again_at_once_brings_the_edit_saved_meanwhile(make_plan: Callable[..., Path],
                                                                        browser: object) -> None:
    """Stopped and started again within a second, the preview was never found stopped; the tab asked it with its old
    count of rebuilds, which the new one, counting anew, could match: the edit saved meanwhile did not show until the
    next. Each preview has its own name, and a tab of another compares its page at once: the tab asking for all, and
    the other, told by it."""
    root = make_plan()
    running = start(root, "--no-pdf")
    port = running.port
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tabs = [context.new_page(), context.new_page()]
        for tab in tabs:
            tab.goto(running.address + "/chapter/pendahuluan.html")
        stop(running)
        chapter = root / CHAPTER
        chapter.write_text(chapter.read_text(encoding="utf-8").replace("termasuk e-Sambat", "termasuk kanal e-Sambat"),
                           encoding="utf-8")
        running = start(root, "--no-pdf", "--port", str(port))
        for tab in tabs:
            tab.wait_for_function("document.body.innerText.includes('kanal e-Sambat')", timeout=TIMEOUT * 1000)
    finally:
        context.close()
        stop(running)
