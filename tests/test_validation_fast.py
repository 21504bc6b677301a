"""The compiled fast path never calls a file valid that the explaining validator would reject."""

from __future__ import annotations

import datetime
import os
import textwrap
from typing import Any

import pytest
from conftest import MINI_FILES, REPO
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


def test_a_plan_with_dated_revisions_takes_the_fast_path_and_its_dates_are_left_as_read() -> None:
    """The sample plan's revisions have dates, which YAML reads as dates: the fast path said no to
    every plan.yml, and each build imported jsonschema to find nothing (~50 ms). A date where the
    schema wants plain text (a revision's summary) is still refused, as the explaining validator refuses it."""
    plan, _ = parse((REPO / "content" / "plan.yml").read_text(encoding="utf-8"), "plan.yml")
    assert isinstance(plan["revisions"][0]["date"], datetime.date)
    assert validation_fast.is_valid("plan", plan)
    assert isinstance(plan["revisions"][0]["date"], datetime.date)  # the data itself is not changed
    dated_summary = {**plan, "revisions": [{**plan["revisions"][0], "summary": datetime.date(2022, 1, 3)}]}
    assert not validation_fast.is_valid("plan", dated_summary)
    assert list(validation._validator("plan").iter_errors(dated_summary))


def test_compiled_validators_are_kept_and_only_this_schemas_own_code_is_run(tmp_path: Any, monkeypatch: Any) -> None:
    """The validators' compiled code is kept between runs; a damaged file, one of another schema
    (another kind's, an older version's), or one anybody else could have written is never run:
    the code is made again and replaces it."""
    import fastjsonschema

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    invalid = {**AGENCY, "programs": [{"id": 42}]}

    def answers() -> tuple[bool, bool]:
        validation_fast._fast_validator.cache_clear()
        return validation_fast.is_valid("agency", AGENCY), validation_fast.is_valid("agency", invalid)

    try:
        assert answers() == (True, False)
        kept = next(tmp_path.glob("masterplan/code-*/schema-agency.marshal"))
        first = kept.read_bytes()
        with monkeypatch.context() as patched:  # no code can be made: the kept code answers
            patched.setattr(fastjsonschema, "compile_to_code", lambda *args, **kwargs: pytest.fail("compiled again"))
            assert answers() == (True, False)
        validation_fast.is_valid("pillar", {})
        for stand_in in (b"damaged", (kept.parent / "schema-pillar.marshal").read_bytes()):  # a pillar's rejects any agency
            kept.write_bytes(stand_in)
            assert answers() == (True, False)
            assert kept.read_bytes() == first
        kept.chmod(0o666)  # anybody could have changed it
        assert answers() == (True, False)
        assert kept.read_bytes() == first and kept.stat().st_mode & 0o077 == 0
    finally:
        validation_fast._fast_validator.cache_clear()  # later tests use the machine's own cache again


NOBODY = 65534  #: a user id no test runs as


def test_no_cache_folder_is_used_where_another_user_could_swap_it(tmp_path: Any, monkeypatch: Any) -> None:
    """Code is run from the cache folder: it must be the user's, and so must ``masterplan/`` above
    it, and the folder above that may be writable by everyone only if it is sticky (as /tmp is)."""
    from masterplan.resources import user_cache

    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    shared.chmod(0o777)
    assert user_cache("code-x") is None
    shared.chmod(0o1777)
    assert user_cache("code-x") == shared / "masterplan" / "code-x"
    (shared / "masterplan").chmod(0o777)
    assert user_cache("code-x") is None
    (shared / "masterplan").chmod(0o700)
    (shared / "masterplan" / "code-x").chmod(0o775)
    assert user_cache("code-x") is None
    group = tmp_path / "group"
    group.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(group))
    group.chmod(0o775)  # the user's own group may write (a private group)
    assert user_cache("code-x") is not None
    os.chown(group, -1, os.getgid() + 1)  # another group may write: it could swap masterplan/
    assert user_cache("code-x") is None
    if os.getuid() == 0:  # as root (CI), folders can be given to another user: each of the three is refused then
        theirs = tmp_path / "theirs"
        (theirs / "masterplan" / "code-x").mkdir(parents=True, mode=0o700)
        (theirs / "masterplan").chmod(0o700)
        monkeypatch.setenv("XDG_CACHE_HOME", str(theirs))
        assert user_cache("code-x") is not None
        for folder in (theirs, theirs / "masterplan", theirs / "masterplan" / "code-x"):
            os.chown(folder, NOBODY, -1)  # someone else's folder: they could swap what it holds
            assert user_cache("code-x") is None, folder
            os.chown(folder, 0, -1)


def test_the_cache_folders_are_the_users_alone_whatever_the_umask(tmp_path: Any, monkeypatch: Any) -> None:
    """With umask 002 (Ubuntu's default for users) the folders were made group-writable, and then refused."""
    from masterplan.resources import user_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    was = os.umask(0o002)
    try:
        folder = user_cache("code-x")
    finally:
        os.umask(was)
    assert folder is not None and folder.stat().st_mode & 0o077 == 0 and folder.parent.stat().st_mode & 0o077 == 0


def test_without_a_home_folder_there_is_no_cache_and_no_crash(monkeypatch: Any) -> None:
    from masterplan.resources import user_cache

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr("pathlib.Path.home", lambda: (_ for _ in ()).throw(RuntimeError("no home")))
    assert user_cache("code-x") is None
