"""No book of the plan's versions is thrown away without a word: a records officer keeps every adopted version.

Before, lowering the plan's version (1.1 to 1.0) lost 1.1's book at the next book built, and a version built again
after its book was kept replaced the kept one; neither was told. Both are now set aside in
``build/.versions/replaced/``, not served, and the build says so at plan.yml's ``version`` (W427). A version written
``v1.0``, or in digits of another script (``１.０``), is 1.0's: kept, served and linked as written ``1.0`` is."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_plan
from test_earlier_versions import OLD_BOOK, REVISED, _first_page, _history
from test_revisions import HISTORY

from masterplan.build import BuildOptions, run


def _build(root: Path, **options: bool) -> list[str]:
    """Build; the warnings it gives, as the terminal shows them."""
    result = run(root, BuildOptions(search=False, **options))
    assert result.ok, [str(d) for d in result.report.errors]
    return [str(told) for told in result.report.warnings]


def _write(root: Path, plan_yml: str) -> None:
    (root / "content" / "plan.yml").write_text(plan_yml, encoding="utf-8")


def _version_line(plan_yml: str) -> str:
    line = next(n for n, text in enumerate(plan_yml.splitlines(), 1) if text.startswith("version:"))
    return f"content/plan.yml:{line}:"


def _set_aside(root: Path, folder: str) -> list[Path]:
    return sorted((root / "build" / ".versions" / "replaced" / folder).glob("*/masterplan.pdf"))


def test_lowering_the_version_sets_the_later_versions_book_aside_and_says_so(tmp_path: Path) -> None:
    """1.1 built, then its version lowered back to 1.0 and the book built: 1.1's book is set aside, not lost."""
    root = write_plan(tmp_path, {"content/plan.yml": REVISED})
    _build(root)
    later_book = (root / "build" / "masterplan.pdf").read_bytes()
    _write(root, HISTORY)
    told = [line for line in _build(root) if "W427" in line]
    assert len(told) == 1 and told[0].startswith(_version_line(HISTORY)), told
    assert "version 1.1's books in place" in told[0] and "later version than this plan's 1.0" in told[0], told
    assert "set aside in build/.versions/replaced/v1.1/" in told[0], told
    aside = _set_aside(root, "v1.1")
    assert [book.read_bytes() for book in aside] == [later_book]
    assert "Versi 1.1" in _first_page(aside[0])
    site = root / "build" / "site"
    assert "Versi 1.0" in _first_page(site / "download/masterplan.pdf")
    assert not (site / "download" / "v1.1").exists() and not (site / "download" / "replaced").exists()
    assert not [line for line in _build(root, pdf=False) if "W427" in line]  # told once: set aside already


def test_a_version_built_again_after_it_was_kept_keeps_the_book_it_replaces(tmp_path: Path) -> None:
    """1.0 built and kept by 1.1's build; then 1.0 built again (a corrected decree) and kept again when the plan
    moves to 1.1: the site serves the last build of 1.0, and the first one is set aside, told."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _build(root)
    first = (root / "build" / "masterplan.pdf").read_bytes()
    _write(root, REVISED)
    _build(root, pdf=False)  # 1.0's book kept
    corrected = HISTORY.replace("Ditetapkan setelah konsultasi publik", "Ditetapkan setelah konsultasi ulang")
    _write(root, corrected)
    _build(root)
    second = (root / "build" / "masterplan.pdf").read_bytes()
    _write(root, REVISED)
    told = [line for line in _build(root, pdf=False) if "W427" in line]
    assert len(told) == 1 and told[0].startswith(_version_line(REVISED)), told
    assert "version 1.0's book kept in build/.versions/v1.0/" in told[0] and "is replaced by its last build" in told[0]
    assert "set aside in build/.versions/replaced/v1.0/" in told[0], told
    site = root / "build" / "site"
    assert (site / OLD_BOOK).read_bytes() == second != first
    assert [book.read_bytes() for book in _set_aside(root, "v1.0")] == [first]
    assert _history(site)["1.0"] == [OLD_BOOK]


@pytest.mark.parametrize("written", ["v1.0", "１.０"])
def test_a_version_written_another_way_is_kept_as_that_version(tmp_path: Path, written: str) -> None:
    """A plan whose version reads v1.0 (its history 1.0), or whose version and history are written in full-width
    digits: its book was not kept when the plan moved to 1.1. It is kept, served at download/v1.0/ and linked."""
    plan_yml = HISTORY.replace('version: "1.0"\nstatus', f'version: "{written}"\nstatus')
    if written != "v1.0":
        plan_yml = plan_yml.replace('version: "1.0"', f'version: "{written}"')
    root = write_plan(tmp_path, {"content/plan.yml": plan_yml})
    _build(root)
    _write(root, REVISED.replace('version: "1.0"', f'version: "{written}"') if written != "v1.0" else REVISED)
    _build(root, pdf=False)
    site = root / "build" / "site"
    cover = _first_page(site / OLD_BOOK)
    assert f"Versi {written}" in cover if written == "v1.0" else "Versi" in cover  # no font of the book has '１'
    assert _history(site)["1.0" if written == "v1.0" else written] == [OLD_BOOK]


def test_one_version_written_two_ways_in_the_history_is_listed_twice(tmp_path: Path) -> None:
    """1.0 and v1.0 in revisions are one version (one folder, one address): E113 at the second, as two 1.0s are."""
    plan_yml = HISTORY.replace('  - version: "1.0"\n', '  - version: "v1.0"\n') + """\
  - version: "1.0"
    date: 2021-12-01
    summary: {id: Ditetapkan, en: Adopted}
"""
    root = write_plan(tmp_path, {"content/plan.yml": plan_yml})
    result = run(root, BuildOptions(search=False, pdf=False))
    said = [str(found) for found in result.report.errors if found.code == "E113"]
    first = next(n for n, text in enumerate(plan_yml.splitlines(), 1) if '"v1.0"' in text)
    assert len(said) == 1 and f"is version v1.0 (line {first}) written another way" in said[0], said


def test_building_the_plan_s_own_version_in_each_edition_by_turns_sets_nothing_aside(tmp_path: Path) -> None:
    """A city that publishes both editions builds its version 1.0 in Indonesian, in English, and so on by turns, as
    each edit is made: each build kept the other edition's last book and, from the fourth, set the one kept before
    aside with a W427 telling it to give a changed plan a version of its own, a copy more in replaced/ each build.
    The plan's own version is no earlier version: its other edition's last book replaces the one kept, untold."""
    english = HISTORY.replace("status: final", "status: final\nlanguage: en")
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    told: list[str] = []
    for plan_yml in (HISTORY, english, HISTORY, english, HISTORY):
        _write(root, plan_yml)
        told += [line for line in _build(root) if "W427" in line]
    assert told == []
    assert not (root / "build" / ".versions" / "replaced").exists()
    # each edition's last book is the one kept: the English one of the fourth build
    _write(root, REVISED)
    _build(root, pdf=False)
    assert "Version 1.0" in _first_page(root / "build" / "site" / "download/v1.0/en/masterplan.pdf")
