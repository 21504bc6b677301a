"""Loading: YAML with positions, limits that keep hostile files harmless, the plan model built from files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES

from masterplan import yamlfile
from masterplan.diagnostics import ANY_PROGRAM, Position
from masterplan.load import load
from masterplan.located import LocatedList, LocatedMap
from masterplan.project import load_and_check


def parse(text: str, offset: int = 0) -> tuple[object, list[str]]:
    value, problems = yamlfile.parse(text, "f.yml", line_offset=offset)
    return value, [f"{p.position.line}:{p.position.column}:{p.code}" for p in problems]


def test_every_value_knows_its_position() -> None:
    value, problems = parse("a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert problems == []
    assert isinstance(value, LocatedMap)
    assert value.at("a") == Position("f.yml", 1, 4)
    assert value.key_at("b") == Position("f.yml", 2, 1)
    items = value["b"]
    assert isinstance(items, LocatedList)
    assert items.at(0) == Position("f.yml", 3, 5) and items.at(1) == Position("f.yml", 4, 5)
    assert items[1].at("c") == Position("f.yml", 4, 9)


def test_line_offset_for_front_matter() -> None:
    value, problems = parse("title: x\norder: [\n", offset=1)
    assert value is None and problems == ["3:1:E001"]


@pytest.mark.parametrize("data", [
    b"a: 1\r\nb: [x\r\n",
    b"\xef\xbb\xbfa: 1\nb: [x\n",
    b"\xef\xbb\xbfa: 1\r\nb: [x\r\n",
])
def test_windows_files_give_the_same_lines(data: bytes) -> None:
    text, problems = yamlfile.decode(data, "f.yml")
    assert problems == [] and text is not None and "\r" not in text and not text.startswith("\ufeff")
    _, found = parse(text)
    assert found[0].startswith("3:") or found[0].startswith("2:")
    _, plain = parse("a: 1\nb: [x\n")
    assert found == plain


@pytest.mark.parametrize("before", ["a: x\n", "a: ééé\n", "a: 雨雨\n", "a: 🌧\n"])
def test_a_control_character_is_found_at_its_column_after_any_letters(before: str) -> None:
    """After a line of accented letters, a pasted control character was said three columns too far right
    (libyaml counts bytes, a column counts characters)."""
    assert parse(before + "b: x\x01y\n")[1] == ["2:5:E001"]
    word = before[3:].strip()
    assert parse(f"b: {word}\x01\n")[1] == [f"1:{len(word) + 4}:E001"]


def test_duplicate_keys_name_the_first() -> None:
    _, problems = yamlfile.parse("a: 1\nb: 2\na: 3\n", "f.yml")
    assert [(p.position.line, p.code) for p in problems] == [(3, "E002")]
    assert "first at line 1" in problems[0].message


def test_target_years_as_text_numbers_and_both(make_plan: Callable[..., Path]) -> None:
    agency = "content/agencies/bpkad.yml"
    from textwrap import dedent

    from conftest import MINI_FILES
    text = dedent(MINI_FILES[agency]).replace("targets: {2022: 50, 2023: 80}", 'targets: {"2022": 50, 2023: 80}')
    plan, report = load(make_plan({agency: text}))
    assert plan is not None and not report.errors
    indicator = plan.program("ECO-01").indicators[0]
    assert indicator.targets == {2022: 50, 2023: 80}
    assert indicator.target_positions[2022].line == 18


@pytest.mark.parametrize("text, code", [
    ("a: " + "[" * 100 + "]" * 100, "E005"),
    ("a: " + "{b: " * 100 + "1" + "}" * 100, "E005"),
    ("a: [" + "1, " * 250_000 + "1]", "E005"),
    ("a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                for p, c in zip("abcdefg", "bcdefgh")), "E005"),
    ("a: \x00", "E001"),
    ("a: !!python/name:os.system x", "E008"),
    ("a: !!bool maybe", "E008"),
    ("a: !!timestamp x", "E008"),
    ("", "E006"),
    ("~", "E006"),
    ("# only a comment\n", "E006"),
])
def test_hostile_documents_are_refused(text: str, code: str) -> None:
    """Refused with a message (an alias bomb expanded, it would not finish: no timing needed to see that)."""
    _, problems = yamlfile.parse(text, "f.yml")
    assert code in [p.code for p in problems]


def test_deep_nesting_does_not_crash_libyaml() -> None:
    """libyaml's composer recurses in C: 100,000 nested lists used to kill the process."""
    value, problems = yamlfile.parse("a: " + "[" * 100_000 + "]" * 100_000, "f.yml")
    assert value is None and problems[0].code == "E005"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: 1\n" + b"#" * (yamlfile.MAX_FILE_BYTES + 1))
    value, problems = yamlfile.read(path, "big.yml")
    assert value is None and [p.code for p in problems] == ["E004"]
    path.write_bytes(b"a: 1\n" + b"#" * (yamlfile.MAX_FILE_BYTES * 5 // 4))  # a quarter over: "2 MB" said so too
    assert str(yamlfile.read(path, "big.yml")[1][0].message) == "file is 2.5 MB; the limit is 2 MB"
    path.write_bytes(b"a: 1\n" + b"#" * (yamlfile.MAX_FILE_BYTES + 40_000))  # just over: never "2.0 MB", the limit's
    assert str(yamlfile.read(path, "big.yml")[1][0].message) == "file is 2.1 MB; the limit is 2 MB"


def test_mini_plan_loads_with_positions(mini_plan: Path) -> None:
    plan, report = load(mini_plan)
    assert plan is not None and not report.items
    program = plan.program("GOV-01")
    assert program.lead is plan.agency("diskominfo")
    assert program.at("pillar") == Position("content/agencies/diskominfo.yml", 8, 13)
    assert program.where["partners[0]"] == Position("content/agencies/diskominfo.yml", 13, 16)
    assert [p.id for p in plan.agency("bpkad").supported] == ["GOV-01"]
    assert plan.chapters[0].body_line == 4


def test_unreadable_files_are_remembered(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/agencies/bpkad.yml": "id: bpkad\nprograms:\n  - id: ECO-01\n    name: [\n",
                      "content/pillars/economy.yml": "id: ekonomi\nname: E\norder: 2\nsub_elements: []\n"})
    plan, report = load(root)
    assert plan is not None
    assert {"bpkad", "ECO-01", "economy", "ekonomi", ANY_PROGRAM} <= report.unreadable
    assert sorted(d.code for d in report.errors) == ["E001", "E105"]


def test_plan_yml_that_is_a_list(make_plan: Callable[..., Path]) -> None:
    plan, report = load(make_plan({"content/plan.yml": "- city: x\n"}))
    assert plan is None
    assert [(d.position.line, d.code) for d in report.errors] == [(1, "E101")]


def test_missing_content_folder(tmp_path: Path) -> None:
    plan, report = load(tmp_path)
    assert plan is None and [d.code for d in report.errors] == ["E010"]


def test_links_out_of_the_plan_folder_are_not_read(make_plan: Callable[..., Path], tmp_path: Path) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("id: secret\nname: rahasia\nshort_name: R\nkind: dinas\n", encoding="utf-8")
    (tmp_path / "secret.md").write_text("---\ntitle: Rahasia\n---\nisi rahasia\n", encoding="utf-8")
    root = make_plan()
    (root / "content/agencies/secret.yml").symlink_to(secret)
    (root / "content/chapters/09-secret.md").symlink_to(tmp_path / "secret.md")
    (root / "content/agencies/loop.yml").symlink_to(root / "content/agencies/loop.yml")
    plan, report = load(root)
    assert plan is not None and plan.agency("secret") is None and len(plan.chapters) == 1
    assert sorted((d.position.file, d.code) for d in report.errors) == [
        ("content/agencies/loop.yml", "E022"),  # a link round in a loop: told, not left out without a word
        ("content/agencies/secret.yml", "E013"), ("content/chapters/09-secret.md", "E013")]


def test_a_link_to_no_file_is_told_and_its_agency_not_said_removed(make_plan: Callable[..., Path],
                                                                      tmp_path: Path) -> None:
    """An agency's file replaced by a link whose target was moved away dropped the agency without a word, and the
    programs naming it were told it had been "changed, or removed"; plan.yml as such a link was "missing"."""
    root = make_plan()
    agency = root / "content/agencies/bpkad.yml"
    agency.rename(tmp_path / "bpkad.yml")
    agency.symlink_to(tmp_path / "moved-away.yml")
    report = load_and_check(root).report
    assert [(d.position.file, d.code) for d in report.errors] == [("content/agencies/bpkad.yml", "E022")]
    (root / "content/chapters/09-lampiran.md").symlink_to(tmp_path / "gone.md")
    assert ("content/chapters/09-lampiran.md", "E022") in [(d.position.file, d.code)
                                                           for d in load_and_check(root).report.errors]
    plan_yml = root / "content/plan.yml"
    plan_yml.unlink()
    plan_yml.symlink_to(root / "content/plan.yml")
    plan, report = load(root)
    assert plan is None and ("content/plan.yml", "E022") in [(d.position.file, d.code) for d in report.errors]


def _located_values(value: object) -> object:
    """Values with every position spelled out, to compare two readings exactly."""
    if isinstance(value, LocatedMap):
        return ("map", value.position, [(k, value.key_at(k), value.at(k), _located_values(v)) for k, v in value.items()])
    if isinstance(value, LocatedList):
        return ("list", value.position, value.positions, [_located_values(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize("text", [
    "a: 1\nb: [x, {c: 2021-12-01}]\nd: yes\ne: ~\nf: 012\ng: 1_000\nh: .nan\n",
    "a: " + "[" * 64 + "x" + "]" * 64,  # as deep as allowed: a value inside the deepest list
    "a: " + "[" * 65 + "]" * 65,
    "a: " + "[" * 70 + "]" * 70 + "\nb: [x\n",  # too deep, then a syntax error: the first one found counts
    "b: [x\n" + "a: " + "[" * 70 + "]" * 70,
    "a: [" + "[], " * 100_000 + "1]",  # few values, many events
    "a: &a [x]\nb: [" + "*a, " * 99_999 + "1]",
    "a: &a {b: 1}\nc: *a\nd: !!str 5\ne: !!binary aGk=\n<<: *a\n? [k]\n: v\na: 2\n",
    "--- a\n--- b\n",
    "", "~", "# c\n",
])
@pytest.mark.parametrize("offset", [0, 1])
def test_one_pass_reads_as_the_careful_two_passes(text: str, offset: int) -> None:
    """One composing pass is a short cut: values, positions and diagnostics as the careful way gives them."""
    quick, quick_problems = yamlfile.parse(text, "f.yml", line_offset=offset)
    careful, careful_problems = yamlfile._parse_carefully(text, "f.yml", offset)
    assert quick_problems == careful_problems
    assert _located_values(quick) == _located_values(careful)


def test_codes_sort_by_their_numbers_and_codes_of_equal_numbers_keep_one_order() -> None:
    from masterplan.values import code_order

    codes = ["GOV-10", "GOV-9", "GOV-1", "GOV-01", "GOV-2a", "ECO-3", "GOV-²", "GOV-1a2", "GOV-1a"]
    expected = ["ECO-3", "GOV-01", "GOV-1", "GOV-1a", "GOV-1a2", "GOV-2a", "GOV-9", "GOV-10", "GOV-²"]
    assert sorted(codes, key=code_order) == expected  # GOV-1a beside GOV-1a2: a text and a number in one place
    other_order = ["GOV-²", "GOV-1a2", "GOV-01", "ECO-3", "GOV-2a", "GOV-1a", "GOV-1", "GOV-9", "GOV-10"]
    assert sorted(other_order, key=code_order) == expected  # GOV-01 before GOV-1 whichever came first


def test_a_non_breaking_space_inside_a_text_is_not_blamed_for_an_error_on_its_line() -> None:
    """'descripton: Anggaran Rp' + NBSP + '100 juta' was told to retype the space, beside E103 for the field's
    spelling: in a text it is only text; after a colon or a value YAML looks for a real space."""
    from masterplan.diagnostics import Position, error
    from masterplan.look_alike_spaces import named

    content = "id: x\ndescripton: Anggaran Rp\u00a0100 juta\nsub_element:\u00a0sarana\n".encode()
    said = named(content, [error(Position("f.yml", 2, 1), "E103", "unknown field 'descripton'",
                                            "did you mean 'description'?"),
                                      error(Position("f.yml", 3, 1), "E001", "could not find expected ':'")])
    assert said[0].hint == "did you mean 'description'?"
    assert str(said[1].hint).startswith("this line holds a non-breaking space")


def test_a_look_alike_space_a_hint_names_already_is_not_told_twice(make_plan: Callable[..., Path]) -> None:
    """'pillar: economy' + a non-breaking space: E106's hint says "it holds a non-breaking space, which shows as
    nothing or as a space: write economy", and the line's note said it again before it ("this line holds a
    non-breaking space, which looks like a space but is not one to YAML: retype it as a normal space"), a fix that
    is wrong for a space at a line's end, which is to be deleted."""
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace("pillar: economy\n", "pillar: economy\u00a0\n")
    found = [d for d in load_and_check(make_plan({"content/agencies/bpkad.yml": agency})).report if d.code == "E106"]
    assert len(found) == 1 and str(found[0].hint) == ("it holds a non-breaking space, which shows as nothing or as a "
                                                      "space: write economy"), [str(d) for d in found]
