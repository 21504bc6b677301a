"""``validate --by-agency``: the planner's list to send each agency (OPD), the problems of its own file and those
it has to settle with another (a partnership one side writes down is told to both sides), the plan's shared files
apart, and the agencies without problems named. ``--format json`` names each problem's agencies."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from test_one_sided_partners import DISKOMINFO, ONE_SIDED

from masterplan.cli import cli


def validate(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def blocks(out: str) -> list[list[str]]:
    return [block.splitlines() for block in out.strip().split("\n\n")]


def test_each_agency_is_told_its_own_problems_and_those_it_shares(make_plan: Callable[..., Path]) -> None:
    # Satpol PP supports ECO-01, whose lead BPKAD does not name it; Diskominfo names Satpol PP for GOV-01, which
    # Satpol PP does not list; GOV-01 no longer a quick win, the governance pillar has none: the team's to settle
    root = make_plan({**ONE_SIDED, DISKOMINFO: ONE_SIDED[DISKOMINFO].replace("quick_win: true", "quick_win: false")})
    code, out = validate(root, "--by-agency")
    assert code == 0
    told = blocks(out)
    headings = [block[0] for block in told]
    assert headings[:4] == [
        "Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) — content/agencies/bpkad.yml: 0 errors, 1 warning",
        "Dinas Komunikasi dan Informatika (Diskominfo) — content/agencies/diskominfo.yml: 0 errors, 1 warning",
        "Satuan Polisi Pamong Praja (Satpol PP) — content/agencies/satpolpp.yml: 0 errors, 2 warnings",
        "Shared files (plan.yml, pillars, chapters, glossary): 0 errors, 1 warning"], out
    bpkad, diskominfo, satpolpp, shared = told[:4]
    assert all(line.startswith("  content/") for block in told[:4] for line in block[1:])
    # the partnership Satpol PP wrote down alone is BPKAD's to confirm, and Satpol PP's
    assert len(bpkad) == 2 and "satpolpp supports ECO-01" in bpkad[1] and bpkad[1] in satpolpp
    assert len(diskominfo) == 2 and "lists satpolpp as partner" in diskominfo[1]
    assert diskominfo[1] in satpolpp
    assert shared[1:] == [("  content/pillars/governance.yml:1:1: warning[W403]: pillar governance has no quick win "
                           "(mark one fast, visible program with quick_win: true)")]
    assert told[-1] == ["0 errors, 3 warnings"]


def test_the_agencies_without_problems_are_named(make_plan: Callable[..., Path]) -> None:
    satpolpp = "content/agencies/satpolpp.yml"
    root = make_plan({satpolpp: ONE_SIDED[satpolpp].replace("supports: [ECO-01]", "supports: [XYZ-01]")})
    code, out = validate(root, "--by-agency")
    assert code == 1
    assert blocks(out)[-2:] == [["No problems: 2 agencies (BPKAD, Diskominfo)"],
                                ["1 error, 0 warnings"]], out


def test_json_names_the_agencies_of_each_problem(make_plan: Callable[..., Path]) -> None:
    _, out = validate(make_plan(ONE_SIDED), "--format", "json")
    found = {(d["code"], d["file"]): d["agencies"] for d in json.loads(out)}
    assert found[("W406", "content/agencies/satpolpp.yml")] == ["satpolpp", "bpkad"]
    assert found[("W406", "content/agencies/diskominfo.yml")] == ["diskominfo", "satpolpp"]


def test_a_file_saved_with_its_ending_hidden_is_its_agencys_and_no_agency_is_called_clean_while_it_is_unread(
        make_plan: Callable[..., Path]) -> None:
    """bpkad.yml saved as bpkad.yml.txt: its E019 is BPKAD's to mend (no agency "bpkad.yml" made up), and no agency is
    said to have no problems, the checks across agencies being held back until it is read."""
    from conftest import MINI_FILES

    bpkad = "content/agencies/bpkad.yml"
    root = make_plan({bpkad: None, bpkad + ".txt": MINI_FILES[bpkad]})
    code, out = validate(root, "--by-agency")
    assert code == 1
    told = blocks(out)
    assert [block[0] for block in told[:-1]] == ["bpkad — content/agencies/bpkad.yml.txt: 1 error, 0 warnings"]
    assert "E019" in told[0][1] and not any("No problems" in line for block in told for line in block)
    _, out = validate(root, "--format", "json")
    assert [d["agencies"] for d in json.loads(out) if d["code"] == "E019"] == [["bpkad"]]
    (root / "content/agencies/lama").mkdir()  # a folder of agencies/ is no agency's
    (root / "content/agencies/lama/dinsos.yml").write_text("id: dinsos\n", encoding="utf-8")
    _, out = validate(root, "--format", "json")
    assert [d["agencies"] for d in json.loads(out) if d["file"] == "content/agencies/lama"] == [[]]


def test_a_year_over_the_apbd_ceiling_is_told_to_the_agencies_it_names(make_plan: Callable[..., Path]) -> None:
    """W324 named the agencies asking the most of a year over its ceiling, and told none of them: it is in their
    lists too (and plan.yml's, whose ceiling it is)."""
    from conftest import MINI_FILES

    plan_yml = MINI_FILES["content/plan.yml"].rstrip(" ") + "        apbd_ceiling: {2022: 100000000}\n"
    _, out = validate(make_plan({"content/plan.yml": plan_yml}), "--format", "json")
    told = [d["agencies"] for d in json.loads(out) if d["code"] == "W324"]
    assert told == [["diskominfo"]]


def test_the_problems_an_agency_file_saved_in_another_folder_causes_are_in_its_share(
        make_plan: Callable[..., Path]) -> None:
    """bpkad.yml saved in content/ itself: Diskominfo's file names bpkad as GOV-01's partner (E203), and that problem
    was in Diskominfo's share, which can do nothing about it. It is in the share of the misplaced file, under its
    own W017; Diskominfo is named among the agencies without problems."""
    from conftest import MINI_FILES

    bpkad = "content/agencies/bpkad.yml"
    code, out = validate(make_plan({bpkad: None, "content/bpkad.yml": MINI_FILES[bpkad]}), "--by-agency")
    assert code == 1
    told = blocks(out)
    assert told[0][0] == "bpkad — content/bpkad.yml: 1 error, 1 warning", out
    assert told[0][1].startswith("  content/bpkad.yml: warning[W017]")
    assert told[0][2].startswith("  content/agencies/diskominfo.yml:") and "[E203]" in told[0][2]
    assert "move it to content/agencies/bpkad.yml" in told[0][2]
    assert not any("diskominfo.yml: " in block[0] for block in told)
    assert ["No problems: 1 agency (Diskominfo)"] in told, out


def test_the_problems_of_a_code_typed_in_small_letters_are_in_the_share_of_the_file_it_was_typed_in(
        tmp_path: Path) -> None:
    """GOV-01 retyped gov-01 in Diskominfotik's file: the agencies and the chapter naming GOV-01 were each given an
    E205 or E507 to settle. Each is Diskominfotik's, beside the W428 at its slip."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    agency = tmp_path / "content" / "agencies" / "diskominfotik.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  - id: GOV-01\n", "  - id: gov-01\n", 1),
                      encoding="utf-8")
    code, out = validate(tmp_path, "--by-agency")
    assert code == 1
    told = blocks(out)
    shares = {block[0].split(" — ")[-1].split(":")[0]: block[1:] for block in told if " — " in block[0]}
    assert list(shares) == ["content/agencies/diskominfotik.yml"], out
    lines = shares["content/agencies/diskominfotik.yml"]
    assert "[W428]" in lines[0]
    assert sum("[E205]" in line or "[E507]" in line for line in lines) >= 4
    assert {line.split(":")[0].strip() for line in lines} >= {"content/agencies/inspektorat.yml",
                                                              "content/agencies/dispendukcapil.yml"}


def test_a_problem_a_rename_explains_stays_with_the_file_to_change_though_an_old_copy_is_left_elsewhere(
        make_plan: Callable[..., Path]) -> None:
    """BPKAD renamed bpkad2 (former_ids: [bpkad]), its old file left in content/: Diskominfo's partner 'bpkad' is
    told to be written bpkad2, Diskominfo's edit, so it stays in Diskominfo's share; the old copy, which settles
    nothing, is among the shared files with its W017."""
    from conftest import MINI_FILES

    bpkad = "content/agencies/bpkad.yml"
    renamed = MINI_FILES[bpkad].replace("id: bpkad\n", "id: bpkad2\n        former_ids: [bpkad]\n", 1)
    code, out = validate(make_plan({bpkad: None, "content/agencies/bpkad2.yml": renamed,
                                    "content/bpkad.yml": MINI_FILES[bpkad]}), "--by-agency")
    assert code == 1
    told = blocks(out)
    diskominfo = next(block for block in told if "content/agencies/diskominfo.yml: " in block[0])
    assert any("bpkad is now bpkad2" in line for line in diskominfo[1:]), out
    assert not any(block[0].startswith("bpkad — ") for block in told), out
    shared = next(block for block in told if block[0].startswith("Shared files"))
    assert any(line.startswith("  content/bpkad.yml: warning[W017]") for line in shared), out
