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
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from test_bad_inputs import CASES, build_case, load_case

from masterplan.cli import cli
from masterplan.diagnostics import ENGLISH, Message, Position, Speaker, error, say
from masterplan.i18n import blanks, fits, load_catalog
from masterplan.messages import rupiah

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


#: what prints or raises text for a person: it must be a Message said by a speaker, not English made in place
SAYING = {"echo", "log", "print", "SecurityError", "TemplateSyntaxError", "AlreadyExists"}
#: a child build's own lines, already said in the plan's language, passed on with a prefix
PASSED_ON = {("masterplan/background.py", "  build │ ")}


def _english_words(file: str, expr: ast.expr) -> bool:
    parts = expr.values if isinstance(expr, ast.JoinedStr) else [expr]
    text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)  # a terminal's control sequence ("\033[K") says nothing
    return any(ch.isalpha() for ch in text) and (file, text) not in PASSED_ON


def test_nothing_prints_or_raises_english_made_in_place() -> None:
    said = []
    for path in SOURCES:
        file = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "") if isinstance(node, ast.Call) else ""
            if name in SAYING and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)) \
                    and _english_words(file, node.args[0]):
                said.append(f"{file}:{node.lineno}")
    assert said == []


def test_the_source_holds_many_message_templates() -> None:
    assert len(_templates()) > 150


def test_every_message_has_an_indonesian_translation_with_the_same_blanks() -> None:
    catalog = load_catalog()
    missing = sorted(t for t in _templates() if _has_words(t) and "id" not in catalog.get(t, {}))
    assert missing == []
    raw = yaml.safe_load((REPO / "templates" / "i18n" / "diagnostics.yml").read_text(encoding="utf-8"))
    different = sorted(t for t, words in raw.items() if not fits(words["id"], t))  # names and formats: {count:,}
    assert different == []


def test_every_translation_fills_in() -> None:
    """Each Indonesian template filled in with values of the kind its blanks take (a number for {x:,})."""
    raw = yaml.safe_load((REPO / "templates" / "i18n" / "diagnostics.yml").read_text(encoding="utf-8"))
    for template, words in raw.items():
        values = {name: 1234.5 if spec else "x" for name, spec in blanks(template)}
        assert Speaker.of("id").say(Message(template, **values)) == _fill_in(words["id"], values)


def _fill_in(text: str, values: dict[str, object]) -> str:
    return text.format(**values).replace("1,234.5", "1.234,5").replace("1234.5", "1234,5") if values else \
        text.replace("{{", "{").replace("}}", "}")


def _templates_in(text: object) -> Iterator[str]:
    if isinstance(text, Message):
        yield text.template
        for value in text.values.values():
            yield from _templates_in(value)


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_every_message_of_the_bad_input_corpus_is_in_the_catalog(case_file: Path, tmp_path: Path) -> None:
    """Run time picks some templates (a hint kept in a variable): the corpus says each of them, a generated file's
    (20 MB of YAML, a chapter's image missing) too."""
    from masterplan.project import load_and_check
    catalog = load_catalog()
    case = load_case(case_file)
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
    assert "dimensi" in line and "unknown" not in line
    assert re.search(r"\n1 kesalahan, \d+ peringatan$", output.rstrip())


def test_english_on_request_and_for_an_english_plan(plan_with_a_typo, make_plan, monkeypatch) -> None:
    root, _ = plan_with_a_typo
    code, output = _validate(root, env={"MASTERPLAN_LANG": "en"})
    assert code == 1 and ": error[E201]: " in output and "unknown pillar" in output
    assert re.search(r"\n1 error, (1 warning|\d+ warnings)$", output.rstrip())
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
    assert "dimensi" in found[0]["message"] and "unknown" not in found[0]["message"]


def test_numbers_take_the_language_marks() -> None:
    limit = Message("chapter text grows past {limit:,} characters", limit=2_000_000)
    assert limit == "chapter text grows past 2,000,000 characters"
    assert Speaker.of("id").say(limit) == "teks bab melebihi 2.000.000 karakter"
    assert Speaker.of("id").say(Message("program {program}: unknown pillar '{pillar}'", program="GOV-1.5",
                                        pillar="x,y")) == "program GOV-1.5: dimensi 'x,y' tidak dikenal"  # text stays


def test_an_amount_of_money_is_written_once_for_every_message() -> None:
    """W313, W320 and W324 each wrote "Rp {amount:,}" in place; now one helper, said with the language's marks."""
    assert rupiah(1_250_000_000) == "Rp 1,250,000,000"
    assert Speaker.of("id").say(rupiah(1_250_000_000)) == "Rp 1.250.000.000"


def test_fractions_take_the_language_decimal_mark() -> None:
    took = Message("Rebuilt in {seconds:.2f} s", seconds=0.314)
    assert took == "Rebuilt in 0.31 s"
    assert Speaker.of("id").say(took) == "Diperbarui dalam 0,31 detik"
    assert Speaker.of("id").say(Message("{count} errors: the page shows them until they are fixed", count=2)) \
        == "2 kesalahan: halaman menampilkannya sampai diperbaiki"


@pytest.mark.parametrize("broken", ["date: 2021-13-01", "language: !!bool maybe", "when: !!timestamp x",
                                    "title:\tTab", "vision: [unclosed"])
def test_a_broken_plan_yml_is_reported_in_indonesian_not_a_traceback(make_plan, monkeypatch, broken: str) -> None:
    """The plan's language is read from plan.yml before the plan loads: a broken plan.yml must not stop that."""
    from conftest import MINI_FILES
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    root = make_plan({"content/plan.yml": MINI_FILES["content/plan.yml"].rstrip(" ") + "        " + broken + "\n"})
    for command in (["validate"], ["validate", "--format", "json"], ["build", "--no-pdf", "--no-search"]):
        result = CliRunner().invoke(cli, [*command, str(root)])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
        assert "content/plan.yml" in result.output and "Traceback" not in result.output
    assert "kesalahan" in result.output


@pytest.mark.parametrize("language, says", [("ID", "kesalahan"), ("id_ID", "kesalahan"), ("id-ID", "kesalahan"),
                                            ("de", "error"), ("en", "error")])
def test_a_language_is_spoken_when_the_catalog_has_it_else_english(language: str, says: str) -> None:
    took = Message("Rebuilt in {seconds:.2f} s", seconds=1.5)
    speaker = Speaker.of(language)
    assert speaker.say(Message("error")) == says
    assert speaker.say(took) == ("Diperbarui dalam 1,50 detik" if says == "kesalahan" else "Rebuilt in 1.50 s")


def test_a_message_is_not_filled_in_twice() -> None:
    with pytest.raises(TypeError):
        error(Position("x.yml"), "E1", Message("value {v}", v="{x}"), x="!")


def test_a_plan_language_nobody_speaks_is_explained_in_indonesian(plan_with_a_typo, monkeypatch) -> None:
    """language: indonesia (for id) made every message English, with a hint about small letters."""
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    root, _ = plan_with_a_typo
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "language: indonesia\n", encoding="utf-8")
    code, output = _validate(root)
    line = next(line for line in output.splitlines() if "[E106]" in line)
    assert code == 1 and line.startswith("content/plan.yml:") and ": kesalahan[E106]: language: 'indonesia'" in line
    assert "tulis bahasanya dengan kodenya: id (bahasa Indonesia) atau en (bahasa Inggris)" in line


def test_a_strict_build_stopped_by_warnings_says_so(plan_with_a_typo, monkeypatch) -> None:
    monkeypatch.delenv("MASTERPLAN_LANG", raising=False)
    root, agency = plan_with_a_typo
    from conftest import MINI_FILES
    (root / agency).write_text(textwrap.dedent(MINI_FILES[agency]), encoding="utf-8")  # the typo mended
    (root / "content" / "agencies" / "dinsos.yml").write_text(  # an agency with nothing to do: a warning only
        "id: dinsos\nname: Dinas Sosial\nshort_name: Dinsos\nkind: dinas\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--no-pdf", "--no-search", "--strict", str(root)])
    assert result.exit_code == 1 and "0 kesalahan" in result.output
    assert "Build dihentikan karena --strict: perbaiki peringatan di atas" in result.output
    assert "perbaiki kesalahan di atas" not in result.output
