"""Many diagnostics of one code in one file: the first fifty said, the rest counted in one line.

One agency file of thousands of programs naming fifty partners each, none listing them under ``supports``, made
validate print 135,000 W406 lines (44 MB): the other agencies' messages were buried, and the preview put every line
in every page it served. The terminal and the preview's pages now say the first fifty of each code in each file and
"…and 40 more W406 in content/agencies/besar.yml"; the count under them, the exit code, plan.yml's
accepted_warnings and ``--format json`` still see every one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI_FILES, write_plan

from masterplan.cli import cli
from masterplan.many_alike import SHOWN_OF_A_KIND

BESAR = "content/agencies/besar.yml"
PROGRAMS, PARTNERS = 3, 30
#: each of besar.yml's programs names every partner, none of which lists it under supports
ONE_SIDED = PROGRAMS * PARTNERS
MORE = f"…and {ONE_SIDED - SHOWN_OF_A_KIND} more W406 in {BESAR} (masterplan validate --format json lists them all)"


def one_sided_plan(root: Path, plan_yml: str = MINI_FILES["content/plan.yml"], unknown: int = 0) -> Path:
    """The mini plan with besar.yml, whose programs name 30 partners that do not list them (90 W406 in one
    file), and ``unknown`` more programs naming an agency the plan does not have (E203, each)."""
    partners = [f"opd{number:02d}" for number in range(PARTNERS)]
    files: dict[str, str | None] = {"content/plan.yml": plan_yml}
    for number, agency in enumerate(partners):
        files[f"content/agencies/{agency}.yml"] = (f"id: {agency}\nname: Dinas Urusan Nomor {number}\n"
                                                   f"short_name: Opd{number}\nkind: dinas\n")
    lines = ["id: besar", "name: Badan Besar", "short_name: Besar", "kind: badan", "programs:"]
    lines += [f"  - {{id: ECO-{100 + n}, name: Program Bersama {n}, pillar: economy, sub_element: transaksi_keuangan, "
              f"period: {{start: 2022, end: 2022}}, missions: [m2], partners: [{', '.join(partners)}]}}"
              for n in range(PROGRAMS)]
    lines += [f"  - {{id: ECO-{200 + n}, name: Program Lain {n}, pillar: economy, sub_element: transaksi_keuangan, "
              f"period: {{start: 2022, end: 2022}}, missions: [m2], partners: [nowhere]}}" for n in range(unknown)]
    files[BESAR] = "\n".join(lines) + "\n"
    return write_plan(root, files)


def validate(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(root), *options])
    return result.exit_code, result.output


def told(output: str, code: str, file: str = BESAR) -> int:
    return sum(bool(re.match(rf"{re.escape(file)}:\d+:\d+: (warning|error)\[{code}\]", line))
               for line in output.splitlines())


def test_validate_says_the_first_fifty_of_a_code_in_a_file_and_counts_the_rest(tmp_path: Path) -> None:
    code, output = validate(one_sided_plan(tmp_path))
    lines = output.splitlines()
    assert code == 0
    assert told(output, "W406") == SHOWN_OF_A_KIND and MORE in lines, output[-3000:]
    # said after the file's last line, before the next file's
    after = lines[lines.index(MORE) + 1:]
    assert not any(line.startswith(f"{BESAR}:") for line in after) and after[0].startswith("content/agencies/opd00")
    assert told(output, "W317") == PROGRAMS and "more W317" not in output  # the other codes of the file, all told
    warnings = int(re.search(r"0 errors, (\d+) warnings", lines[-1]).group(1))  # type: ignore[union-attr]
    assert warnings > ONE_SIDED  # every one counted
    assert validate(one_sided_plan(tmp_path / "strict"), "--strict")[0] == 1


def test_json_lists_every_one(tmp_path: Path) -> None:
    code, output = validate(one_sided_plan(tmp_path), "--format", "json")
    listed = json.loads(output)
    assert code == 0 and sum(d["code"] == "W406" and d["file"] == BESAR for d in listed) == ONE_SIDED
    assert "more W406" not in output


def test_the_count_is_said_in_the_plan_s_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MASTERPLAN_LANG")  # the mini plan's language: Indonesian
    output = validate(one_sided_plan(tmp_path))[1]
    assert (f"…dan {ONE_SIDED - SHOWN_OF_A_KIND} W406 lainnya di {BESAR} (masterplan validate --format json "
            "mencantumkan semuanya)") in output.splitlines(), output[-2000:]
    assert told(output.replace("peringatan[", "warning["), "W406") == SHOWN_OF_A_KIND


def test_accepted_warnings_accept_them_all_as_before(tmp_path: Path) -> None:
    plan_yml = MINI_FILES["content/plan.yml"].rstrip(" ") + (
        "        accepted_warnings:\n          - code: W406\n            file: agencies/besar.yml\n"
        "            reason: the partners confirm in the next revision\n")
    code, output = validate(one_sided_plan(tmp_path, plan_yml))
    assert code == 0 and "W406" not in output.replace(f"W406 ×{ONE_SIDED}", ""), output[-2000:]
    assert f"W406 ×{ONE_SIDED}" in output


def test_the_report_by_agency_says_the_count_too(tmp_path: Path) -> None:
    """Besar's share: its fifty first and the count; each partner's share, its own three (of besar.yml, each)."""
    blocks = validate(one_sided_plan(tmp_path), "--by-agency")[1].split("\n\n")
    besar = next(block for block in blocks if block.startswith("Badan Besar (Besar)"))
    assert told(besar.replace("  content/", "content/"), "W406") == SHOWN_OF_A_KIND
    assert f"  {MORE}" in besar.splitlines()
    partner = next(block for block in blocks if block.startswith("Dinas Urusan Nomor 7 (Opd7)"))
    assert told(partner.replace("  content/", "content/"), "W406") == PROGRAMS and "more" not in partner


def test_the_preview_page_lists_the_first_fifty_and_counts_them_all(tmp_path: Path) -> None:
    """The corner list of warnings carried every line in every page; its title counts them all still."""
    from masterplan.preview import Preview
    from masterplan.serve_page import decorate

    preview = Preview(one_sided_plan(tmp_path), log=lambda line: None)
    assert preview.rebuild()
    preview.wait_for_warnings(60)
    page = decorate('<html lang="en"><body></body></html>', "/index.html", preview, preview.generation)
    said = json.loads(re.search(r"var said = (\{.*?\}), generation", page).group(1))  # type: ignore[union-attr]
    warned = said["warnings"]
    assert told("\n".join(warned["lines"]), "W406") == SHOWN_OF_A_KIND and MORE in warned["lines"]
    count = int(re.match(r"(\d+) warnings", warned["title"]).group(1))  # type: ignore[union-attr]
    assert count > ONE_SIDED


def test_the_preview_s_errors_over_the_page_are_counted_past_fifty(tmp_path: Path) -> None:
    from masterplan.preview import Preview
    from masterplan.serve_page import decorate

    preview = Preview(one_sided_plan(tmp_path, unknown=60), log=lambda line: None)
    assert not preview.rebuild()
    page = decorate('<html lang="en"><body></body></html>', "/index.html", preview, preview.generation)
    overlay = re.search(r'<div id="masterplan-errors".*?</div>', page, re.DOTALL).group(0)  # type: ignore[union-attr]
    items = re.findall(r"<li>(.*?)</li>", overlay)
    assert told("\n".join(items), "E203") == SHOWN_OF_A_KIND
    assert f"…and 10 more E203 in {BESAR} (masterplan validate --format json lists them all)" in items


def test_the_preview_says_no_warning_gone_that_only_the_count_took_in(tmp_path: Path) -> None:
    """A partner named on a program's line brought one more W406 before the fiftieth: the one it pushed past fifty,
    still in the plan, was said to apply no longer."""
    from masterplan.preview import Preview

    root = one_sided_plan(tmp_path)
    said: list[str] = []
    preview = Preview(root, log=said.append)
    assert preview.rebuild()
    preview.wait_for_warnings(60)
    (root / "content/agencies/opd30.yml").write_text("id: opd30\nname: Dinas Urusan Nomor 30\nshort_name: Opd30\n"
                                                     "kind: dinas\n", encoding="utf-8")
    besar = root / BESAR
    besar.write_text(besar.read_text(encoding="utf-8").replace("opd29]", "opd29, opd30]", 1), encoding="utf-8")
    said.clear()
    assert preview.rebuild()
    preview.wait_for_warnings(60)
    gone = [line for line in said if line.startswith("No longer applies")]  # nor its count, a new one said
    assert "…and 41 more W406" in "\n".join(said) and gone == [], said
