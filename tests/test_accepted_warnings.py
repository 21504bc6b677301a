"""plan.yml's ``accepted_warnings``: warnings the planning agency reviewed and keeps are no longer printed.

A province consolidating its cities' plans gets the same warnings at every validate (W112 in the files of a city
named like the sample's, a partnership one side confirms next year). Each entry names a code, the files it holds
for and why; validate counts what it accepts in one line, ``--strict`` does not fail on it, and an entry that
accepts nothing any more is told (W128).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import MINI_FILES, write_plan

from masterplan.cli import cli

PLAN = "content/plan.yml"
DISKOMINFO = "content/agencies/diskominfo.yml"
#: Diskominfo names Satpol PP a partner of GOV-01; Satpol PP does not list it under supports (W406), and has nothing
#: else to do (W408, accepted in every plan here)
SATPOLPP = "id: satpolpp\nname: Satuan Polisi Pamong Praja\nshort_name: Satpol PP\nkind: badan\nprograms: []\n"
ACCEPTED_LINE = "2 warnings accepted in plan.yml (accepted_warnings) are not shown: W406 ×1 and W408 ×1"


def plan_accepting(tmp_path: Path, entries: str, status: str = "draft", final_errors: str = "[]") -> Path:
    """The mini plan with one one-sided partnership (W406 in diskominfo.yml) and plan.yml's accepted_warnings
    ``entries`` (YAML list items, indented as plan.yml's fields)."""
    plan_yml = MINI_FILES[PLAN].rstrip(" ").replace("status: draft", f"status: {status}")
    return write_plan(tmp_path, {
        PLAN: plan_yml + f"        errors_when_final: {final_errors}\n        accepted_warnings:\n{entries}"
                         + entry("W408", "agencies/satpolpp.yml", "its programs come in the next revision"),
        DISKOMINFO: MINI_FILES[DISKOMINFO].replace("partners: [bpkad]", "partners: [bpkad, satpolpp]"),
        "content/agencies/satpolpp.yml": SATPOLPP,
    })


def entry(code: str, file: str | None = None, reason: str = "Satpol PP confirms it in the next revision") -> str:
    lines = [f"          - code: {code}\n"]
    if file is not None:
        lines.append(f"            file: {file}\n")
    lines.append(f"            reason: {reason}\n")
    return "".join(lines)


def has_line(pattern: str, output: str) -> bool:
    """Whether a line of ``output`` starts with what ``pattern`` matches."""
    return any(re.match(pattern, line) for line in output.splitlines())


def validate(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(root), *options])
    return result.exit_code, result.output


def test_without_an_entry_the_warning_is_told(tmp_path: Path) -> None:
    code, output = validate(plan_accepting(tmp_path, entry("W125", "agencies/nowhere.yml")), "--strict")
    assert code == 1 and has_line(r"content/agencies/diskominfo\.yml:\d+:\d+: warning\[W406\]", output)


def test_an_accepted_warning_is_counted_not_printed_and_passes_strict(tmp_path: Path) -> None:
    for file in ("agencies/diskominfo.yml", "content/agencies/diskominfo.yml", "agencies/*.yml", "./agencies/disk*",
                 "agencies\\diskominfo.yml", None):  # the last as Windows' Explorer copies a path
        root = plan_accepting(tmp_path / str(file).replace("/", "-").replace("*", "any"), entry("W406", file))
        code, output = validate(root, "--strict")
        assert code == 0, (file, output)
        assert "W406]" not in output
        assert output.splitlines() == [ACCEPTED_LINE, "No problems found."], (file, output)


def test_an_entry_for_another_file_accepts_nothing_there_and_is_told(tmp_path: Path) -> None:
    code, output = validate(plan_accepting(tmp_path, entry("W406", "agencies/bpkad.yml")))
    assert code == 0
    assert has_line(r"content/agencies/diskominfo\.yml:\d+:\d+: warning\[W406\]", output), output
    assert has_line(r"content/plan\.yml:\d+:\d+: warning\[W128\]: accepted_warnings accepts W406 in "
                     r"agencies/bpkad\.yml, which no longer gets it \(delete the entry", output), output
    assert output.splitlines()[-1] == "1 warning accepted in plan.yml (accepted_warnings) is not shown: W408 ×1"


def test_a_code_no_warning_has_is_told_and_an_error_cannot_be_accepted(tmp_path: Path) -> None:
    output = validate(plan_accepting(tmp_path, entry("W406") + entry("W499")))[1]
    assert has_line(r"content/plan\.yml:20:11: warning\[W128\]: accepted_warnings names W499, which is no warning "
                     r"masterplan gives", output), output
    code, output = validate(plan_accepting(tmp_path / "error", entry("E201")))
    assert code == 1
    assert "error[E106]: accepted_warnings[1].code: 'E201' is not a warning's code (an error cannot be accepted: " \
           "it must be fixed)" in output, output


def test_an_entry_needs_its_reason(tmp_path: Path) -> None:
    code, output = validate(plan_accepting(tmp_path, "          - {code: W406, file: agencies/diskominfo.yml}\n"))
    assert code == 1 and has_line(r"content/plan\.yml:\d+:\d+: error\[E102\]: missing required field 'reason' in "
                                  r"accepted_warnings\[1\]", output), output


def test_w128_cannot_be_accepted_and_a_build_only_warning_is_not_told_stale(tmp_path: Path) -> None:
    """An entry accepting W128 hid every entry that accepts nothing, itself among them; a warning only a build gives
    (the search index's, W711) was told to be deleted by validate, which builds no index."""
    output = validate(plan_accepting(tmp_path, entry("W406") + entry("W128") + entry("W711")))[1]
    assert has_line(r"content/plan\.yml:\d+:\d+: warning\[W128\]: accepted_warnings cannot accept W128", output), output
    assert "W711" not in output


def test_a_final_plan_still_fails_on_what_errors_when_final_names(tmp_path: Path) -> None:
    code, output = validate(plan_accepting(tmp_path, entry("W406"), status="final", final_errors="[W406]"))
    assert code == 1
    assert has_line(r"content/agencies/diskominfo\.yml:\d+:\d+: error\[W406\]", output), output
    assert output.splitlines()[-1].endswith("is not shown: W408 ×1"), output
    # the entry that no longer hides it is told, rather than left to look as if it did
    assert has_line(r"content/plan\.yml:18:11: warning\[W128\]: accepted_warnings cannot accept W406: the plan is "
                    r"final, and errors_when_final makes it an error \(fix what it tells, then delete the entry\)",
                    output), output


def test_one_file_its_json_and_the_build_leave_it_out_too(tmp_path: Path) -> None:
    root = plan_accepting(tmp_path, entry("W406", "agencies/diskominfo.yml"))
    code, output = validate(root / DISKOMINFO, "--strict")
    assert code == 0 and output.splitlines()[0].endswith("is not shown: W406 ×1"), output
    assert all(d["code"] != "W406" for d in json.loads(validate(root, "--format", "json")[1]))
    built = CliRunner().invoke(cli, ["build", str(root), "--strict", "--no-pdf", "--no-search"])
    assert built.exit_code == 0, built.output
    assert ACCEPTED_LINE in built.output and "W406]" not in built.output
    # the site's content is not changed: the partnership is still marked as one Satpol PP has to confirm
    page = (root / "build" / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8")
    assert re.search(r">Satpol PP</abbr></a>\s*<span[^>]*>\(baru dicatat Diskominfo\)", page)


def test_an_entrys_reason_is_no_text_of_the_plan(tmp_path: Path) -> None:
    """The reason is a note to the next reviewer, printed nowhere: its capitals were told as abbreviations the glossary
    lacks (W529), "BAPPEDA OK" among them."""
    output = validate(plan_accepting(tmp_path, entry("W406", reason="BAPPEDA OK, DPRD tahu")))[1]
    assert "W529" not in output and "W128" not in output, output


def test_a_final_plan_cannot_hide_that_it_is_still_the_samples_illustration(tmp_path: Path) -> None:
    """The sample's cover notice (W113) says the book is no official document: accepting it in the adopted plan
    printed that notice on the mayor's regulation's annex, with no warning left to say so."""
    root = plan_accepting(tmp_path, entry("W113", reason="kept for now"), status="final")
    plan_yml = root / PLAN
    plan_yml.write_text(plan_yml.read_text().replace(
        "status: final", "status: final\nnotice: \"Dokumen ilustratif: contoh yang disusun untuk memperagakan "
        "perangkat lunak masterplan, dengan program, anggaran, dan target rekaan, sehingga bukan dokumen resmi "
        "Pemerintah Kota Contoh.\""))
    output = validate(root)[1]
    assert has_line(r"content/plan\.yml:\d+:\d+: warning\[W113\]: the plan is final, but its cover still carries "
                    r"the sample's notice", output), output
    assert has_line(r"content/plan\.yml:\d+:\d+: warning\[W128\]: accepted_warnings cannot accept W113: an adopted "
                    r"plan may not call itself an illustration", output), output



def test_a_draft_accepting_the_samples_notice_is_told_it_accepts_nothing(tmp_path: Path) -> None:
    """W113 is a final plan's warning: a draft's entry accepting it accepts nothing, and is told so, not that an
    adopted plan may not call itself an illustration (the draft is adopted by nothing yet)."""
    output = validate(plan_accepting(tmp_path, entry("W113", reason="kept for now")))[1]
    assert has_line(r"content/plan\.yml:\d+:\d+: warning\[W128\]: accepted_warnings accepts W113, which the plan no "
                    r"longer gets", output), output
    assert "illustration" not in output
