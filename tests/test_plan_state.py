"""The fingerprint of a plan's files (masterplan/plan_state.py), by which the preview knows whether the PDF in place is
of the plan as saved: texts count by their bytes, and a folder linked inside the plan folder counts as the build
reads it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from masterplan import plan_state


def test_an_edit_undone_gives_the_fingerprint_of_before_and_a_picture_counts_by_its_time(
        make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    plan_yml = root / "content" / "plan.yml"
    before = plan_state.fingerprint(root)
    written = plan_yml.read_bytes()
    plan_yml.write_bytes(written + b"# catatan\n")
    assert plan_state.fingerprint(root) != before
    plan_yml.write_bytes(written)
    assert plan_state.fingerprint(root) == before  # the same bytes: the same plan
    picture = root / "content" / "assets" / "peta.png"
    picture.parent.mkdir(exist_ok=True)
    picture.write_bytes(b"\x89PNG one")
    with_picture = plan_state.fingerprint(root)
    os.utime(picture, ns=(1, 1))
    assert plan_state.fingerprint(root) != with_picture  # read by no look: its size and time stand for it


def test_a_folder_linked_inside_the_plan_counts_and_one_leading_out_does_not(make_plan: Callable[..., Path],
                                                                            tmp_path: Path) -> None:
    """content/chapters linked to ../bab (inside the plan folder, which the build reads through): an edit of a
    chapter there changed the preview's page but not the fingerprint, and the page called a stale PDF current."""
    root = make_plan()
    chapters = root / "content" / "chapters"
    (root / "bab").mkdir()
    for chapter in chapters.iterdir():
        chapter.rename(root / "bab" / chapter.name)
    chapters.rmdir()
    chapters.symlink_to(root / "bab", target_is_directory=True)
    (root / "content" / "loop").symlink_to(root / "content", target_is_directory=True)  # walked once, not forever
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "catatan.md").write_text("di luar", encoding="utf-8")
    (root / "content" / "luar").symlink_to(outside, target_is_directory=True)
    listed = {path for path, _, _ in plan_state.files(root)}
    assert any(path.startswith("content/chapters/") for path in listed), listed
    assert not any(path.startswith("content/luar/") for path in listed), listed
    before = plan_state.fingerprint(root)
    chapter = next((root / "bab").iterdir())
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nSatu kalimat lagi.\n", encoding="utf-8")
    assert plan_state.fingerprint(root) != before
    (outside / "catatan.md").write_text("berubah", encoding="utf-8")  # the build never reads it


def test_a_text_saved_again_within_a_tick_of_the_file_clock_counts_by_its_new_bytes(
        make_plan: Callable[..., Path]) -> None:
    """Two saves of a file of the same size within one tick of the kernel's coarse file clock bear the same time: the
    bytes of the first, read between them, were kept for the second, and the preview took a PDF of the first save for
    the plan as saved ("Background build not needed"). The bytes of a file saved just before they are read are not
    kept."""
    import time

    root = make_plan()
    plan_yml = root / "content" / "plan.yml"
    tick = time.time_ns() + 10**9  # a time no read can be a clock's slack past (a tick of its own, however slow the machine)
    os.utime(plan_yml, ns=(tick, tick))
    first = plan_state.fingerprint(root)
    text = plan_yml.read_bytes()
    plan_yml.write_bytes(text.replace(b"2025", b"2026", 1) if b"2025" in text else text[:-2] + b"#\n")
    os.utime(plan_yml, ns=(tick, tick))  # the same size, the same time
    assert len(plan_yml.read_bytes()) == len(text) and plan_state.fingerprint(root) != first
