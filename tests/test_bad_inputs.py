"""The bad-input corpus: every case in tests/bad_inputs/ gives exactly the diagnostics it lists.

Each case is a small YAML file that overrides the mini plan of conftest.py::

    description: what goes wrong
    files: {content/plan.yml: "...", content/glossary.yml: null}   # null deletes the file
    encode: {content/plan.yml: crlf}        # optional: crlf, cr, bom, latin-1, utf-16, utf-16-le, base64 (a picture)
    generate: {content/agencies/x.yml: {head: "...", repeat: "- 1\\n", count: 1000, tail: ""}}
    strict: true                            # optional: run with --strict (for warning cases)
    exit: 0                                 # optional: expected exit code (default 1)
    build: true                             # optional: build (no PDF, no site) must agree with validate
    subprocess: true                        # optional: run the real command in a subprocess
    expect:
      - {file: content/plan.yml, line: 3, code: E001}
      - {file: ..., line: ..., code: W402, severity: warning, hint: "did you mean"}

The set of errors reported must equal the set of errors listed (file, line, code); the
warnings listed must be among those reported. ``message`` and ``hint`` entries are
substrings the diagnostic's text must contain.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import write_plan

from masterplan.cli import cli

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(CORPUS.glob("*.yml"))
ENCODINGS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "latin-1": lambda text: text.encode("latin-1"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),  # no byte-order mark
    "base64": base64.b64decode,
}


def load_case(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict) and case.get("description"), f"{path.name}: a case needs a description"
    assert "expect" in case, f"{path.name}: a case needs an expect list (possibly empty)"
    return case


def build_case(root: Path, case: dict[str, Any]) -> Path:
    """Write the mini plan with the case's overrides into ``root``."""
    write_plan(root, case.get("files") or {})
    for name, how in (case.get("encode") or {}).items():
        path = root / name
        path.write_bytes(ENCODINGS[how](path.read_text(encoding="utf-8")))
    for name, spec in (case.get("generate") or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            out.write(spec.get("head", ""))
            chunk = spec["repeat"] * 1000
            whole, rest = divmod(int(spec["count"]), 1000)
            for _ in range(whole):
                out.write(chunk)
            out.write(spec["repeat"] * rest)
            out.write(spec.get("tail", ""))
    for name in case.get("mkdir") or []:
        (root / name).mkdir(parents=True, exist_ok=True)
    return root


def run_validate(root: Path, strict: bool = False, in_subprocess: bool = False) -> tuple[int, list[dict], str]:
    """(exit code, diagnostics, everything printed) of ``masterplan validate --format json``."""
    args = ["validate", str(root), "--format", "json"] + (["--strict"] if strict else [])
    if in_subprocess:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run([sys.executable, "-m", "masterplan", *args], capture_output=True, text=True,
                              timeout=120, env=env, check=False)
        return done.returncode, json.loads(done.stdout), done.stdout + done.stderr
    result = CliRunner().invoke(cli, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, json.loads(result.stdout), result.output


def key(item: dict[str, Any]) -> tuple[str, int, str]:
    return (item["file"], int(item["line"]), item["code"])


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 85
    assert sum(len(load_case(path)["expect"]) for path in CASES) >= 100


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_input(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    root = build_case(tmp_path / "plan", case)
    code, found, printed = run_validate(root, strict=case.get("strict", False),
                                        in_subprocess=case.get("subprocess", False))
    assert "Traceback" not in printed
    expected = case["expect"]
    want_errors = {key(e) for e in expected if e.get("severity", "error") == "error"}
    got_errors = {key(d) for d in found if d["severity"] == "error"}
    listing = "\n".join(f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}[{d['code']}]: {d['message']}"
                        f" ({d['hint']})" for d in found)
    assert got_errors == want_errors, f"diagnostics were:\n{listing}"
    want_warnings = {key(e) for e in expected if e.get("severity") == "warning"}
    got_warnings = {key(d) for d in found if d["severity"] == "warning"}
    assert want_warnings <= got_warnings, f"diagnostics were:\n{listing}"
    if case.get("exact_warnings"):
        assert got_warnings == want_warnings, f"diagnostics were:\n{listing}"
    for want in expected:
        matches = [d for d in found if key(d) == key(want)]
        for part in ("message", "hint"):
            if part in want:
                assert any(want[part] in (d[part] or "") for d in matches), f"{part} {want[part]!r} not in:\n{listing}"
        if "column" in want:
            assert any(d["column"] == want["column"] for d in matches), f"column {want['column']} not in:\n{listing}"
    for diagnostic in found:
        assert diagnostic["file"] and not os.path.isabs(diagnostic["file"]), diagnostic
        assert diagnostic["line"] >= 0 and diagnostic["column"] >= 0
    assert code == case.get("exit", 1), f"exit code {code}; diagnostics were:\n{listing}"
    if case.get("build"):
        from masterplan.build import BuildOptions, run
        result = run(root, BuildOptions(pdf=False, site=False, strict=case.get("strict", False)))
        built = {(d.position.file, d.position.line, d.code) for d in result.report}
        assert built == {key(d) for d in found}
        assert result.ok == (code == 0)
