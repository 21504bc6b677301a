"""Every reader of a built plan.json checks its format (masterplan/plan_json.py): a file of another format, or one a
newer masterplan wrote, is not read as if current, while versions 1 to 4, a city's baseline from last year's build,
still are. plan.yml's ``baseline`` saying which is in the bad-input corpus (plan-baseline-*-format.yml)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPO, write_plan
from test_bad_inputs import CORPUS, build_case, load_case, run_validate
from test_changes import FIRST, SECOND, _build

from masterplan import published_plan
from masterplan.plan_json import FORMAT_VERSION
from masterplan.render.data import _json_lines

#: the plan.json of test_changes' version 0.1 (FIRST) as masterplan wrote it in format version 1 (commit e798065^) and
#: version 2 (commit e0b7b8d^): built by that code, kept as it was
OLDER = {version: Path(__file__).parent / "plan_json" / f"mini-0.1-format-{version}.json" for version in (1, 2)}


def test_the_page_of_changes_compares_with_a_plan_json_of_format_version_1_or_2(tmp_path: Path) -> None:
    """Last year's published plan.json, written by an older masterplan, named by plan.yml's baseline: the page of
    changes and the build's line are as with one of today's format."""
    plan_yml = SECOND["content/plan.yml"].replace('version: "0.2"\n',
                                                  'version: "0.2"\n        baseline: published/plan-0.1.json\n')
    for version, published in OLDER.items():
        root = write_plan(tmp_path / str(version), {**FIRST, **SECOND, "content/plan.yml": plan_yml})
        (root / "published").mkdir()
        shutil.copyfile(published, root / "published/plan-0.1.json")
        output = _build(root)
        assert "Changes since version 0.1: programs 1 new, 1 dropped, 1 with another budget" in output, version
        page = (root / "build/site/changes.html").read_text(encoding="utf-8")
        assert "Perubahan sejak versi 0.1" in page and "GOV-02" in page and "ECO-02" in page, version


def _last_build_renamed(tmp_path: Path, format_version: int) -> list[str]:
    """The hints validate gives for GOV-01, renamed GOV-10 since a last build whose plan.json is of
    ``format_version``."""
    case = load_case(CORPUS / "program-renamed-since-last-build.yml")
    published = case["files"]["build/site/data/plan.json"]
    case["files"]["build/site/data/plan.json"] = published.replace('"format_version": 3',
                                                                   f'"format_version": {format_version}')
    code, found, _ = run_validate(build_case(tmp_path / str(format_version), case))
    assert code == 1
    return [d["hint"] or "" for d in found if "GOV-01" in d["message"]]


def test_the_last_build_of_a_newer_masterplan_gives_no_hint_and_an_older_one_does(tmp_path: Path) -> None:
    """A last build's plan.json a newer masterplan wrote is not read for the renamed-program hint (its fields may
    mean other things now); one of format version 1 still is."""
    assert any("is now GOV-10" in hint for hint in _last_build_renamed(tmp_path, 1))
    newer = _last_build_renamed(tmp_path, FORMAT_VERSION + 1)
    assert newer and not any("last build" in hint for hint in newer)  # still told as unknown, with no such hint


def test_the_revision_a_build_kept_is_read_only_from_a_plan_json_it_can_read(tmp_path: Path) -> None:
    """published_plan.revision, which decides what the baseline is, reads the format lines at the top of a
    plan.json written one field a line, or the whole file written otherwise; another format or a newer one has no
    revision, so a build never keeps it as the baseline nor compares with it."""
    plan = {"version": "1.0", "date": "2025-01-02"}

    def revision(document: dict[str, Any], lines: bool = True) -> tuple[Any, Any] | None:
        path = tmp_path / "plan.json"
        path.write_text(_json_lines(document) if lines else json.dumps(document), encoding="utf-8")
        return published_plan.revision(path)

    for version in range(1, FORMAT_VERSION + 1):
        document = {"format": "masterplan/plan", "format_version": version, "plan": plan, "programs": [{"id": "A"}]}
        assert revision(document) == revision(document, lines=False) == ("1.0", "2025-01-02")
    newer = {"format": "masterplan/plan", "format_version": FORMAT_VERSION + 1, "plan": plan, "programs": [{"id": "A"}]}
    assert revision(newer) is None and revision(newer, lines=False) is None
    assert revision({"plan": plan, "programs": []}) is None  # no format: another file
    assert revision({"format": "masterplan/plan", "format_version": "3", "plan": plan}) is None


def test_validate_reads_the_format_without_the_renderer() -> None:
    """The format's name and version are where the checks find them without loading the render stack."""
    imports = ("import sys, masterplan.checks, masterplan.checks.last_build, masterplan.checks.previous_version;"
               "print(sorted(m for m in sys.modules if m.startswith('masterplan.render.')))")
    loaded = subprocess.run([sys.executable, "-c", imports], capture_output=True, text=True, check=True, cwd=REPO)
    assert "masterplan.render.data" not in loaded.stdout, loaded.stdout
    assert "masterplan.plan_json" in subprocess.run(
        [sys.executable, "-c", imports.replace("'masterplan.render.'", "'masterplan.plan'")], capture_output=True,
        text=True, check=True, cwd=REPO).stdout
