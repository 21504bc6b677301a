"""The compiled fast path never calls a file valid that the explaining validator would reject."""

from __future__ import annotations

import datetime
import textwrap
from typing import Any

from conftest import MINI_FILES
from hypothesis import given, settings
from hypothesis import strategies as st

from masterplan import validation, validation_fast
from masterplan.diagnostics import Position
from masterplan.yamlfile import parse

AGENCY, _ = parse(textwrap.dedent(MINI_FILES["content/agencies/diskominfo.yml"]), "a.yml")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=False),
                    st.text(max_size=5), st.dates(min_value=datetime.date(2000, 1, 1)))
keys = st.one_of(st.sampled_from(["id", "name", "targets", "amount", "year", "pillar", "2023", "x y"]),
                 st.integers(0, 30000), st.booleans())


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, path + (index,))
    return found


def _mutate(data: Any, path: tuple, new_key: Any, new_value: Any, delete: bool) -> Any:
    if not path:
        return new_value
    copy = {k: v for k, v in data.items()} if isinstance(data, dict) else list(data)
    head, rest = path[0], path[1:]
    if not rest and delete and isinstance(copy, dict):
        del copy[head]
    elif not rest and isinstance(copy, dict) and new_key is not None:
        copy[new_key] = new_value
    else:
        copy[head] = _mutate(copy[head], rest, new_key, new_value, delete)
    return copy


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fast_yes_means_no_problems(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_paths(AGENCY)))
    mutated = _mutate(AGENCY, path, data.draw(st.one_of(st.none(), keys)), data.draw(scalars),
                      data.draw(st.booleans()))
    if validation_fast.is_valid("agency", mutated):
        assert list(validation.check("agency", mutated, Position("a.yml"))) == []
        slow = validation._validator("agency")  # the explaining validator, asked directly
        assert not list(slow.iter_errors(mutated))


def test_fast_path_accepts_the_mini_plan_and_refuses_a_misspelling() -> None:
    assert validation_fast.is_valid("agency", AGENCY)
    assert not validation_fast.is_valid("agency", {**AGENCY, "nmae": "x"})
    assert not validation_fast.is_valid("agency", {**AGENCY, "programs": [{**AGENCY["programs"][0], "budget": [
        {"year": 2022, "amount": "1.250.000", "source": "APBD"}]}]})


def test_compiled_validators_kept_in_the_cache_are_used_only_when_they_are_this_schemas(
        tmp_path: Any, monkeypatch: Any) -> None:
    """The validators' code is kept between runs; a damaged file, or one of another schema (say, an
    older version's, or another kind's), is compiled again, never trusted."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    invalid = {**AGENCY, "programs": [{"id": 42}]}

    def answers() -> tuple[bool, bool]:
        validation_fast._fast_validator.cache_clear()
        return validation_fast.is_valid("agency", AGENCY), validation_fast.is_valid("agency", invalid)

    try:
        assert answers() == (True, False)
        folder = tmp_path / "masterplan" / "validators"
        kept = folder / "agency.marshal"
        first = kept.read_bytes()
        kept.write_bytes(b"damaged")
        assert answers() == (True, False)
        assert kept.read_bytes() == first
        validation_fast._fast_validator.cache_clear()
        validation_fast.is_valid("pillar", {})
        kept.write_bytes((folder / "pillar.marshal").read_bytes())  # a pillar's validator rejects any agency
        assert answers() == (True, False)
        assert kept.read_bytes() == first
    finally:
        validation_fast._fast_validator.cache_clear()  # later tests use the machine's own cache again
