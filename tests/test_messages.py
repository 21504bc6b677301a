"""What validate and build say is said in the plan's language: every message is a template in the catalog.

Messages are written in English with named blanks (``Message``); the catalog gives each one
in Indonesian with the same blanks. These tests read the tool's source for the templates,
run the whole bad-input corpus to catch templates chosen at run time, and run the command
as a user does.
"""

from __future__ import annotations

import ast
import pickle
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from test_bad_inputs import CASES, build_case, load_case

from masterplan.cli import cli
from masterplan.diagnostics import ENGLISH, Message, Position, Speaker, error, say
from masterplan.i18n import load_catalog

SOURCES = sorted((REPO / "masterplan").rglob("*.py"))
#: the argument positions that hold a message or a hint, by the name of the function called
TEXT_ARGUMENTS = {"error": (2, 3), "warning": (2, 3), "Message": (0,)}


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, list[ast.expr]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in TEXT_ARGUMENTS:
                yield node, [node.args[i] for i in TEXT_ARGUMENTS[name] if i < len(node.args)]


def _branches(expr: ast.expr) -> Iterator[ast.expr]:
    """The expressions a message argument may take its value from (both sides of ``a if c else b``, ``a or b``)."""
    if isinstance(expr, ast.IfExp):
        yield from _branches(expr.body)
        yield from _branches(expr.orelse)
    elif isinstance(expr, ast.BoolOp):
        for value in expr.values:
            yield from _branches(value)
    else:
        yield expr


def _texts() -> Iterator[tuple[str, int, ast.expr]]:
    for path in SOURCES:
        for call, arguments in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            for argument in arguments:
                for branch in _branches(argument):
                    yield path.relative_to(REPO).as_posix(), call.lineno, branch


def _templates() -> set[str]:
    found = {branch.value for _, _, branch in _texts()
             if isinstance(branch, ast.Constant) and isinstance(branch.value, str)}
    return found | {"error", "warning"}


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _has_words(template: str) -> bool:
    """A template with a word of its own (not ``{first}, {then}``), which a language says its way."""
    return any(ch.isalpha() for text, *_ in string.Formatter().parse(template) for ch in text)


def test_messages_are_templates_not_text_made_in_english() -> None:
    """An f-string, ``+`` or ``.format`` makes an English sentence no catalog can translate."""
    made = [f"{file}:{line}" for file, line, branch in _texts()
            if isinstance(branch, (ast.JoinedStr, ast.BinOp))
            or (isinstance(branch, ast.Call) and getattr(branch.func, "attr", "") in ("format", "join"))]
    assert made == []


def test_the_source_holds_many_message_templates() -> None:
    assert len(_templates()) > 150


def test_every_message_has_an_indonesian_translation_with_the_same_blanks() -> None:
    catalog = load_catalog()
    missing = sorted(t for t in _templates() if _has_words(t) and "id" not in catalog.get(t, {}))
    assert missing == []
    different = sorted(t for t in _templates() if t in catalog and "id" in catalog[t]
                       and _blanks(catalog[t]["id"]) != _blanks(t))
    assert different == []


def _templates_in(text: object) -> Iterator[str]:
    if isinstance(text, Message):
        yield text.template
        for value in text.values.values():
            yield from _templates_in(value)


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_every_message_of_the_bad_input_corpus_is_in_the_catalog(case_file: Path, tmp_path: Path) -> None:
    """Run time picks some templates (a hint kept in a variable): the corpus says each of them."""
    from masterplan.project import load_and_check
    catalog = load_catalog()
    case = load_case(case_file)
    if case.get("generate"):
        pytest.skip("a generated file is the same problem many times")
    root = build_case(tmp_path / "plan", case)
    report = load_and_check(root).report
    assert report or case.get("exit", 1) == 0 or case.get("build"), "the case found nothing to say"
    said = {t for d in report.items for text in (d.message, d.hint) for t in _templates_in(text)}
    assert all(isinstance(d.message, Message) for d in report.items)
    assert sorted(t for t in said if _has_words(t) and "id" not in catalog.get(t, {})) == []


def test_a_message_says_its_values_in_the_same_language() -> None:
    indonesian = Speaker.of("id")
    diagnostic = error(Position("content/pillars/living.yml", 3, 5), "E101", "{field} should be {expected}, not {value}",
                       field="order", expected=Message("a whole number"), value=Message("nothing"))
    assert str(diagnostic) == "content/pillars/living.yml:3:5: error[E101]: order should be a whole number, not nothing"
    line = indonesian.line(diagnostic)
    assert line.startswith("content/pillars/living.yml:3:5: kesalahan[E101]: order ")
    assert "bilangan bulat" in line and "should" not in line and "nothing" not in line


def test_a_message_survives_the_trip_to_another_process() -> None:
    """Warning rules of a large plan run in a forked child and send their diagnostics back pickled."""
    diagnostic = error(Position("x.yml", 1, 1), "E102", "missing required field '{name}'", Message("did you mean '{word}'?", word="b"),
                       name="a")
    back = pickle.loads(pickle.dumps(diagnostic))
    assert back == diagnostic
    assert Speaker.of("id").line(back) == Speaker.of("id").line(diagnostic) != ENGLISH.line(diagnostic)
    assert say(back.message, ENGLISH.translate) == "missing required field 'a'"


def test_text_with_braces_as_a_value_stays_as_written() -> None:
    message = Message("template error: {detail}", detail="unexpected '}' {x}")
    assert message == "template error: unexpected '}' {x}"
    assert Message("e.g. {{id: ..., en: ...}}") == "e.g. {id: ..., en: ...}"


@pytest.fixture
def plan_with_a_typo(make_plan):
    from conftest import MINI_FILES
    agency = next(name for name in MINI_FILES if name.startswith("content/agencies/"))
    return make_plan({agency: MINI_FILES[agency].replace("pillar: ", "pillar: x", 1)}), agency


def _validate(root: Path, *options: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", *options, str(root)], env=env or {})
    return result.exit_code, result.output


def test_validate_speaks_indonesian_for_an_indonesian_plan(plan_with_a_typo, monkeypatch) -> None:
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    root, agency = plan_with_a_typo
    code, output = _validate(root)
    assert code == 1
    line = next(line for line in output.splitlines() if "[E201]" in line)
    assert line.startswith(f"{agency}:") and ": kesalahan[E201]: " in line
    assert "pilar" in line and "unknown" not in line
    assert re.search(r"\n1 kesalahan, \d+ peringatan$", output.rstrip())


def test_english_on_request_and_for_an_english_plan(plan_with_a_typo, make_plan, monkeypatch) -> None:
    root, _ = plan_with_a_typo
    code, output = _validate(root, env={"MASTERPLAN_LANG": "en"})
    assert code == 1 and ": error[E201]: " in output and "unknown pillar" in output
    assert re.search(r"\n1 error\(s\), \d+ warning\(s\)$", output.rstrip())
    plan_yml = (root / "content" / "plan.yml").read_text(encoding="utf-8")
    (root / "content" / "plan.yml").write_text(plan_yml.replace("status: draft", "status: draft\nlanguage: en"),
                                               encoding="utf-8")
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    code, output = _validate(root)
    assert code == 1 and ": error[E201]: " in output


def test_json_for_tools_keeps_codes_and_severities_and_says_the_message(plan_with_a_typo, monkeypatch) -> None:
    import json
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    root, agency = plan_with_a_typo
    code, output = _validate(root, "--format", "json")
    found = [d for d in json.loads(output) if d["code"] == "E201"]
    assert code == 1 and found and found[0]["severity"] == "error" and found[0]["file"] == agency
    assert "pilar" in found[0]["message"] and "unknown" not in found[0]["message"]


def test_numbers_take_the_language_marks() -> None:
    limit = Message("chapter text grows past {limit:,} characters", limit=2_000_000)
    assert limit == "chapter text grows past 2,000,000 characters"
    assert Speaker.of("id").say(limit) == "teks bab melebihi 2.000.000 karakter"
    assert Speaker.of("id").say(Message("program {program}: unknown pillar '{pillar}'", program="GOV-1.5",
                                        pillar="x,y")) == "program GOV-1.5: pilar 'x,y' tidak dikenal"  # text stays


def test_fractions_take_the_language_decimal_mark() -> None:
    took = Message("Rebuilt in {seconds:.2f} s", seconds=0.314)
    assert took == "Rebuilt in 0.31 s"
    assert Speaker.of("id").say(took) == "Diperbarui dalam 0,31 detik"
    assert Speaker.of("id").say(Message("{count} error(s): the page shows them until they are fixed", count=2)) \
        == "2 kesalahan: halaman menampilkannya sampai diperbaiki"
