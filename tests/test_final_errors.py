"""plan.yml's ``errors_when_final``: the warnings a final plan may not have fail validate and build once it is final.

The planner asked for it: a partnership one agency only wrote down (W406) or a year over the APBD ceiling (W324) is
fine in a draft, but an adopted plan must not be published with one, and ``--strict`` fails on every warning.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI_FILES, write_plan

from masterplan.build import BuildOptions, run
from masterplan.cli import cli
from masterplan.warning_codes import WARNING_CODES

PLAN = "content/plan.yml"
DISKOMINFO = "content/agencies/diskominfo.yml"
#: Diskominfo names Satpol PP a partner of GOV-01; Satpol PP does not list it under supports (W406)
SATPOLPP = "id: satpolpp\nname: Satuan Polisi Pamong Praja\nshort_name: Satpol PP\nkind: badan\nprograms: []\n"


def plan_with(tmp_path: Path, status: str, codes: str) -> Path:
    plan_yml = MINI_FILES[PLAN].rstrip(" ").replace("status: draft", f"status: {status}")
    return write_plan(tmp_path, {
        PLAN: plan_yml + f"        errors_when_final: {codes}\n",
        DISKOMINFO: MINI_FILES[DISKOMINFO].replace("partners: [bpkad]", "partners: [bpkad, satpolpp]"),
        "content/agencies/satpolpp.yml": SATPOLPP,
    })


def validate(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(root), *options])
    return result.exit_code, result.output


def test_a_draft_keeps_them_warnings(tmp_path: Path) -> None:
    code, output = validate(plan_with(tmp_path, "draft", "[W406, W324]"))
    assert code == 0 and "warning[W406]" in output and "count" not in output.splitlines()[-1]


def test_a_final_plan_fails_on_them_and_says_why(tmp_path: Path) -> None:
    code, output = validate(plan_with(tmp_path, "final", "[W406, W324]"))
    lines = output.splitlines()
    assert code == 1
    assert any(re.match(r"content/agencies/diskominfo\.yml:\d+:\d+: error\[W406\]: ", line) for line in lines), output
    assert lines[-1] == ("W406 counts as an error: the plan is final, and plan.yml's errors_when_final names it")
    assert "warning[W406]" not in output
    listed = json.loads(validate(plan_with(tmp_path / "json", "final", "[W406]"), "--format", "json")[1])
    assert {d["severity"] for d in listed if d["code"] == "W406"} == {"error"}


def test_the_build_of_a_final_plan_stops_before_rendering_and_keeps_the_last_book(tmp_path: Path) -> None:
    root = plan_with(tmp_path, "final", "[W406]")
    (root / "build").mkdir()
    (root / "build" / "masterplan.pdf").write_bytes(b"%PDF- the last good book")
    result = run(root, BuildOptions(site=False))
    assert not result.ok
    assert [d.code for d in result.report.errors] == ["W406"]
    assert (root / "build" / "masterplan.pdf").read_bytes() == b"%PDF- the last good book"
    assert run(plan_with(tmp_path / "other", "final", "[W324]"), BuildOptions(site=False)).ok  # no W324: built


@pytest.mark.parametrize(("codes", "told"), [
    ("[W406, W999]", ("content/plan.yml:16:27: warning[W125]: errors_when_final names W999, which is no warning "
                     "masterplan gives (the code of a warning is in its line: warning[W406])")),
    ("[E201]", ("content/plan.yml:16:21: error[E106]: errors_when_final[1]: 'E201' is not a warning's code (an error "
               "stops the build already: only a warning's code is written here)")),
    ("[w406]", ("content/plan.yml:16:21: error[E106]: errors_when_final[1]: 'w406' is not a warning's code (written "
               "in capitals: W406)")),
])
def test_a_code_that_makes_nothing_an_error_is_told(tmp_path: Path, codes: str, told: str) -> None:
    assert told in validate(plan_with(tmp_path, "draft", codes))[1].splitlines()


def test_the_list_of_warning_codes_is_every_code_masterplan_writes() -> None:
    package = Path(__file__).parents[1] / "masterplan"
    written = {code for path in package.rglob("*.py") if path.name != "warning_codes.py"
               for code in re.findall(r'"(W\d{3})"', path.read_text(encoding="utf-8"))}
    assert written == WARNING_CODES


def test_the_preview_shows_them_as_warnings_and_validate_still_renders_the_templates(tmp_path: Path) -> None:
    """The preview's first build and its checks stopped on a final plan's W406 with no page shown, though the plan
    is a draft's to look at; and validate left the templates unrendered, so a theme's error waited for W406's fix."""
    from masterplan.project import load_and_check

    root = plan_with(tmp_path, "final", "[W406]")
    assert run(root, BuildOptions(pdf=False, final=False)).ok
    assert not load_and_check(root, warnings=False, final=False).report.errors
    (root / "templates" / "site").mkdir(parents=True)
    (root / "templates" / "site" / "home.html").write_text("{% extends 'site/base.html' %}{% block main %}"
                                                          "{{ plan.nothing.here }}{% endblock %}", encoding="utf-8")
    code, output = validate(root)
    assert code == 1 and "error[W406]" in output and "templates/site/home.html" in output, output


def test_the_adopted_sample_may_not_give_a_program_a_new_code_without_its_former_one(tmp_path: Path) -> None:
    """The sample's adopted plan, published, then GOV-05 given the code GOV-50 with no former_ids: its published page
    would become a notice that the program was dropped, and links to it from the city's announcements would lead
    there. The sample's list makes that an error once final (W410), as an agency's new code is (W412); with
    ``former_ids: [GOV-05]`` it is none (the agencies supporting GOV-05 are then told its new code, E205)."""
    root = tmp_path / "plan"
    assert CliRunner().invoke(cli, ["new", str(root)]).exit_code == 0
    plan_yml = root / PLAN
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("status: draft", "status: final"),
                        encoding="utf-8")
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    agency = next(path for path in (root / "content" / "agencies").glob("*.yml")
                  if "- id: GOV-05\n" in path.read_text(encoding="utf-8"))
    written = agency.read_text(encoding="utf-8")
    agency.write_text(written.replace("- id: GOV-05\n", "- id: GOV-50\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(root), "--no-pdf", "--no-search"])
    assert result.exit_code == 1 and "error[W410]" in result.output, result.output
    agency.write_text(written.replace("- id: GOV-05\n", "- id: GOV-50\n    former_ids: [GOV-05]\n"), encoding="utf-8")
    _, output = validate(root)
    assert "W410" not in output and "GOV-05 is now GOV-50" in output, output
