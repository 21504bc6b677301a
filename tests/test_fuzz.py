"""Fuzzing load and check: whatever an agency writes, the answer is a plan or diagnostics.

Random YAML structures, mutations of the valid mini plan's files (keys deleted, types
changed, keys inserted) and random bytes spliced into files are written into a scratch
plan and run through ``load`` and every check. The only allowed outcomes are a clean
result or diagnostics with a position inside the plan folder: never an exception. A
plan that comes out clean must also export its open data (every field read once).
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from conftest import MINI_FILES, write_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masterplan import checks
from masterplan.load import load

#: Examples per property (three properties): MASTERPLAN_FUZZ_EXAMPLES=5000 for a long run.
EXAMPLES_PER_TEST = int(os.environ.get("MASTERPLAN_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES_PER_TEST, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_FILES = [name for name in MINI_FILES if name.endswith(".yml")]
CHAPTER = "content/chapters/01-pendahuluan.md"
FIELDS = ["id", "name", "pillar", "sub_element", "period", "start", "end", "budget", "year", "amount", "source",
          "targets", "partners", "supports", "programs", "depends_on", "missions", "quick_win", "title",
          "indicators", "baseline", "value", "order", "sub_elements", "leading_sector", "terms", "kind"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(FIELDS + ["GOV-01", "ECO-01", "bpkad", "diskominfo", "m1", "APBD",
                                                   "governance", "2023", "1.250.000", "{{ plan }}", "../../x"]),
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(3000, 1, 1)),
    st.integers(1900, 2200),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8), st.integers(1990, 2040), st.booleans())
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=30,
)


@contextmanager
def scratch_plan(files: dict[str, str | bytes | None]) -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="masterplan-fuzz-"))
    try:
        write_plan(root, {name: value for name, value in files.items() if not isinstance(value, bytes)})
        for name, value in files.items():
            if isinstance(value, bytes):
                (root / name).write_bytes(value)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


EXAMPLES = {"count": 0}


def load_and_check_must_not_raise(files: dict[str, str | bytes | None]) -> None:
    """The property: load + every check on this plan returns, and every diagnostic is well-formed."""
    EXAMPLES["count"] += 1
    with scratch_plan(files) as root:
        plan, report = load(root)
        if plan is not None:
            report.extend(checks.run(plan, report.unreadable))
        for diagnostic in report:
            assert diagnostic.position.file and not diagnostic.position.file.startswith("/"), diagnostic
            assert diagnostic.code[0] in "EW" and diagnostic.message, diagnostic
            str(diagnostic)
        if plan is None:
            assert report.errors, "no plan and no error"
        elif not report.errors:
            # a plan that passed every check must also be usable: its open data export
            # reads every field of the model (a wrong type slipping through shows here)
            from masterplan.i18n import Translator
            from masterplan.render import data
            data.export(plan, root / "build" / "data", Translator(plan.language))


def dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


@FUZZ
@given(target=st.sampled_from(YAML_FILES + ["content/agencies/baru.yml", CHAPTER]), value=structures)
def test_random_yaml_structures(target: str, value: Any) -> None:
    text = dump(value)
    if target == CHAPTER:
        text = f"---\n{text}---\nTeks {{{{ plan.programs | length }}}}.\n"
    load_and_check_must_not_raise({target: text})


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _parent(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        value = value[step]
    return value


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, str]:
    """One of the mini plan's YAML files with one to four mutations."""
    name = draw(st.sampled_from(YAML_FILES))
    data = yaml.safe_load(textwrap.dedent(MINI_FILES[name]))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["delete", "retype", "insert", "duplicate"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(structures)
        elif action == "insert" and isinstance(parent, dict):
            parent[draw(keys)] = draw(structures)
        elif action == "insert" and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), draw(structures))
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[path[-1]])
    return name, dump(data)


@FUZZ
@given(first=mutated_file(), second=mutated_file())
def test_mutations_of_the_mini_plan(first: tuple[str, str], second: tuple[str, str]) -> None:
    load_and_check_must_not_raise(dict([first, second]))


@FUZZ
@given(name=st.sampled_from([*YAML_FILES, CHAPTER]), where=st.floats(0, 1), junk=st.binary(min_size=1, max_size=12),
       cut=st.booleans())
def test_random_bytes_in_files(name: str, where: float, junk: bytes, cut: bool) -> None:
    data = textwrap.dedent(MINI_FILES[name]).encode("utf-8")
    at = int(len(data) * where)
    spliced = data[:at] + junk + (b"" if cut else data[at:])
    load_and_check_must_not_raise({name: spliced})


def test_fuzzing_ran() -> None:
    """Run last (file order): the three properties above ran their examples."""
    assert EXAMPLES["count"] >= 3
