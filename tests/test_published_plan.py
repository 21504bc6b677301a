"""The last-build hints outlive a build in the middle of a revision: the published plan is kept as a baseline.

The real sequence, through the command line: the published version is built; a revision starts (version and date
edited, BPKAD merged into Diskominfo) and is built once to look at the site, which replaces the open data the
hints read; ``validate`` must still tell the merge (W412, W419, E203), as the public site still shows BPKAD.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import MINI_FILES, write_plan

from masterplan.cli import cli

CHAPTER = MINI_FILES["content/chapters/01-pendahuluan.md"] + "\n        Disusun Diskominfo bersama BPKAD.\n"
#: BPKAD merged into Diskominfo: its file deleted, its program moved, GOV-01's partner dropped
MERGED = {
    "content/agencies/bpkad.yml": None,
    "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "            partners: [bpkad]\n", "").rstrip(" ")
    + MINI_FILES["content/agencies/bpkad.yml"].split("        programs:\n")[1],
}
#: an agency's file written from an old copy, after the draft build: it names bpkad as a partner
DISHUB = """\
    id: dishub
    name: Dinas Perhubungan
    short_name: Dishub
    kind: dinas
    programs:
      - id: ECO-02
        name: Parkir Non-Tunai
        pillar: economy
        sub_element: transaksi_keuangan
        partners: [bpkad]
        period: {start: 2023, end: 2024}
        budget: [{year: 2023, amount: 80000000, source: APBD}]
        missions: [m2]
    """


def build(root: Path, *options: str) -> int:
    result = CliRunner().invoke(cli, ["build", "--no-pdf", "--no-search", *options, str(root)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


def validate(root: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(root)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def dated(root: Path, version: str, date: str) -> None:
    """Give the plan in ``root`` another version and date."""
    plan = root / "content" / "plan.yml"
    text = re.sub(r"(?m)^version: .*$", f'version: "{version}"', plan.read_text(encoding="utf-8"))
    plan.write_text(re.sub(r"(?m)^date: .*$", f"date: {date}", text), encoding="utf-8")


def revise(root: Path, files: dict[str, str | None]) -> None:
    """Start the revision: a new version and date, and ``files`` written (None: deleted)."""
    dated(root, "0.2", "2026-01-15")
    for name, text in files.items():
        if text is None:
            (root / name).unlink()
        else:
            (root / name).write_text(textwrap.dedent(text), encoding="utf-8")


def told(found: list[dict[str, Any]], code: str) -> list[str]:
    return [f"{d['file']}:{d['line']}: {d['message']} ({d.get('hint')})" for d in found if d["code"] == code]


def published(tmp_path: Path) -> Path:
    """The mini plan, its chapter naming BPKAD, built as published (version 0.1)."""
    root = write_plan(tmp_path / "plan", {"content/chapters/01-pendahuluan.md": CHAPTER})
    assert build(root) == 0
    assert (root / "build/site/agency/bpkad.html").is_file()
    assert not (root / "build/.published").exists(), "the first build has no revision before it"
    return root


def test_a_merge_is_still_told_after_a_build_in_the_middle_of_the_revision(tmp_path: Path) -> None:
    root = published(tmp_path)
    revise(root, MERGED)
    assert build(root) == 0  # the draft build, to look at the site: agency/bpkad.html says it was dropped
    assert "tidak lagi termasuk" in (root / "build/site/agency/bpkad.html").read_text("utf-8")
    found = validate(root)
    assert told(found, "W412") == [("content/agencies/diskominfo.yml:1: agency diskominfo now leads what bpkad led "
                                   "in the last build: the next build replaces the page agency/bpkad.html it published "
                                   "with a notice that bpkad was dropped (add former_ids: [bpkad] to diskominfo, so "
                                   "links to the old page keep working)")]
    assert told(found, "W419") == [("content/chapters/01-pendahuluan.md:9: 1 line of this file names 'BPKAD', agency "
                                   "bpkad of the last build, which the plan no longer has (it is now Diskominfo "
                                   "(diskominfo): write its name)")]
    assert not [d for d in found if d["code"] == "W529" and "BPKAD" in d["message"]]  # W419 says what to write

    (root / "content/agencies/dishub.yml").write_text(textwrap.dedent(DISHUB), encoding="utf-8")
    assert build(root, "--no-cache") == 1  # stopped by the E203: the baseline is not lost
    [hint] = [d["hint"] for d in validate(root) if d["code"] == "E203"]
    assert hint == ('bpkad of the last build, "Badan Pengelolaan Keuangan dan Aset Daerah", is gone, and diskominfo, '
                    'which now leads its programs, took it over: write diskominfo, and add former_ids: [bpkad] to '
                    'diskominfo so links to its published page keep working')

    (root / "content/agencies/dishub.yml").write_text(textwrap.dedent(DISHUB).replace("[bpkad]", "[diskominfo]"),
                                                       encoding="utf-8")
    assert build(root, "--no-cache") == 0  # another build of the same revision keeps the published plan
    assert len(told(validate(root), "W412")) == 1


def test_a_damaged_baseline_gives_no_hint_and_no_crash(tmp_path: Path) -> None:
    root = published(tmp_path)
    revise(root, MERGED)
    assert build(root) == 0
    for name in ("plan.json", "pages.json"):
        (root / "build/.published" / name).write_text('{"agencies": [1, {"id": 2}], "pages": {"agency": "x"', "utf-8")
    found = validate(root)
    assert not told(found, "W412") and not told(found, "W419")


def test_the_next_revision_starts_from_the_plan_published_last(tmp_path: Path) -> None:
    """Version 0.2 published (its merge told and fixed with former_ids); version 0.3 drops Diskominfo's old id for
    good: the baseline is 0.2's build, which had no BPKAD page of its own any more."""
    root = published(tmp_path)
    revise(root, MERGED)
    assert build(root) == 0
    assert json.loads((root / "build/.published/pages.json").read_text("utf-8"))["revision"] == ["0.1", "2021-12-01"]
    dated(root, "0.3", "2026-01-15")
    assert build(root) == 0
    assert json.loads((root / "build/.published/pages.json").read_text("utf-8"))["revision"] == ["0.2", "2026-01-15"]
    assert not told(validate(root), "W412")


def test_a_renamed_program_is_still_told_after_a_build_in_the_middle_of_the_revision(tmp_path: Path) -> None:
    """GOV-01 renumbered GOV-10 everywhere, the revision built once: program/GOV-01.html, which the public site
    still has, would go without a word, and a file written later naming GOV-01 was told only of GOV-10's look-alike
    ids."""
    root = published(tmp_path)
    names = ["content/agencies/diskominfo.yml", "content/agencies/bpkad.yml", "content/chapters/01-pendahuluan.md"]
    revise(root, {name: (root / name).read_text("utf-8").replace("GOV-01", "GOV-10") for name in names})
    assert build(root) == 0
    assert "tidak lagi termasuk" in (root / "build/site/program/GOV-01.html").read_text("utf-8")
    assert told(validate(root), "W410") == [
        ("content/agencies/diskominfo.yml:6: program GOV-10 was GOV-01 in the last build: the next build replaces "
        "the page program/GOV-01.html it published with a notice that GOV-01 was dropped (add former_ids: [GOV-01] to "
        "GOV-10, so links to the old page keep working)")]
    bpkad = root / "content/agencies/bpkad.yml"
    bpkad.write_text(bpkad.read_text("utf-8").replace("depends_on: [GOV-10]", "depends_on: [GOV-01]"), "utf-8")
    [hint] = [d["hint"] for d in validate(root) if d["code"] == "E205"]
    assert hint == ('GOV-01 of the last build, "e-Sambat (Media Sambat Masyarakat)", is now GOV-10: write the new id, '
                    'and add former_ids: [GOV-01] to GOV-10 so links to its published page keep working')


def test_a_revision_undone_keeps_the_published_plan(tmp_path: Path) -> None:
    """The revision's version and date written back to the published ones (the revision dropped): the draft build
    is not taken for a published plan."""
    root = published(tmp_path)
    revise(root, MERGED)
    assert build(root) == 0
    dated(root, "0.1", "2021-12-01")
    assert build(root) == 0
    assert json.loads((root / "build/.published/pages.json").read_text("utf-8"))["revision"] == ["0.1", "2021-12-01"]
    assert len(told(validate(root), "W412")) == 1


def test_a_chapter_moved_is_still_told_after_a_build_in_the_middle_of_the_revision(tmp_path: Path) -> None:
    """01-pendahuluan.md renamed 01-latar-belakang.md: the draft build published chapter/latar-belakang.html and
    dropped chapter/pendahuluan.html, and W411 went quiet, though every link to the public page breaks."""
    root = published(tmp_path)
    revise(root, {"content/chapters/01-pendahuluan.md": None, "content/chapters/01-latar-belakang.md": CHAPTER})
    assert build(root) == 0
    assert (root / "build/site/chapter/latar-belakang.html").is_file()
    assert told(validate(root), "W411") == [
        ("content/chapters/01-latar-belakang.md:1: chapter 'Pendahuluan' was published as chapter/pendahuluan.html: "
        "the next build drops that page and publishes chapter/latar-belakang.html (to keep its address, write id: "
        "pendahuluan in the front matter)")]


def test_a_dropped_programs_name_is_still_told_after_a_build_in_the_middle_of_the_revision(tmp_path: Path) -> None:
    """ECO-01 "Transaksi Non-Tunai" dropped by the revision, which was built once: the chapter still naming it is
    told (W420), though the draft build's open data no longer knows the program."""
    root = write_plan(tmp_path / "plan", {"content/chapters/01-pendahuluan.md": MINI_FILES[
        "content/chapters/01-pendahuluan.md"] + "\n        Program Transaksi Non-Tunai dimulai 2023.\n"})
    assert build(root) == 0
    bpkad = MINI_FILES["content/agencies/bpkad.yml"]
    revise(root, {"content/agencies/bpkad.yml": bpkad.split("        programs:\n")[0] + "        programs: []\n"})
    assert build(root) == 0
    assert "tidak lagi termasuk" in (root / "build/site/program/ECO-01.html").read_text("utf-8")
    assert [line.split(" (")[0] for line in told(validate(root), "W420")] == [
        ("content/chapters/01-pendahuluan.md:9: 1 line of this file names 'Transaksi Non-Tunai', program ECO-01 of "
         "the last build, which the plan no longer has")]


def test_an_agency_renamed_in_a_draft_is_still_told_after_its_builds(tmp_path: Path) -> None:
    """Diskominfo's staff renamed their agency's short name to Diskominfotik, the version unchanged (an agency's
    staff never touches plan.yml): W419 told the chapter still saying "Diskominfo", until one build, after which the
    old name was forgotten and the chapter's line passed. Every build keeps the names the build before it had."""
    root = published(tmp_path)
    agency = root / "content" / "agencies" / "diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("short_name: Diskominfo\n",
                                                                 "short_name: Diskominfotik\n"), encoding="utf-8")
    first = told(validate(root), "W419")
    assert first and "Diskominfo" in first[0], first
    for _ in range(2):  # the preview builds on every save
        assert build(root) == 0
        assert told(validate(root), "W419") == first
    assert (root / "build" / ".names.json").is_file()
