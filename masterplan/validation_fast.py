"""Quick yes-or-no answers from the schema: is a file valid, which of an agency's programs are, is this a program id.

Most files are valid: this answers for them in a fraction of the time jsonschema takes,
and :mod:`validation` explains the problems of the rest.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from typing import Any

import fastjsonschema

from masterplan import made_once
from masterplan.located import LocatedList, LocatedMap
from masterplan.schema import schema_for


@cache
def _fast_validator(kind: str) -> Any:
    """The compiled validator of one kind of file: a function that raises on invalid data.

    fastjsonschema writes Python for the schema (draft 7: ``$defs`` spelled as definitions),
    compiled once and kept (:mod:`masterplan.made_once`).
    """
    schema = schema_for(kind)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["definitions"] = schema.pop("$defs")
    del schema["$id"]  # without a name of its own, the schema's function is called "validate"
    text = json.dumps(schema, sort_keys=True).replace('"#/$defs/', '"#/definitions/')
    # only its yes or no is used: without the detailed exceptions its code is a quarter the size, compiled 4x faster
    code = made_once.compiled(f"schema-{kind}", f"{text}\0{fastjsonschema.VERSION}",
                               lambda: fastjsonschema.compile_to_code(json.loads(text), detailed_exceptions=False))
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - code made from our own schema, kept where only the user can write
    return namespace["validate"]


def _plain_keys(data: Any) -> bool:
    """True when every mapping key is text or a four-digit year: all fastjsonschema judges like we do."""
    known = getattr(data, "plain_keys", None)  # the YAML reader looked at every key already
    if known is not None:
        return bool(known)
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key in value:
                if not isinstance(key, str) and (type(key) is not int or not 1000 <= key <= 9999):
                    return False
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return True


#: a step of a path into a file: a mapping's key, or EACH item of a list
EACH = None


@cache
def _date_paths(kind: str) -> tuple[tuple[str | None, ...], ...]:
    """Where a kind's schema takes a date: ``("date",)``, ``("revisions", EACH, "date")``."""
    schema = schema_for(kind)
    found: list[tuple[str | None, ...]] = []

    def walk(rule: Any, path: tuple[str | None, ...], seen: frozenset[str]) -> None:
        if not isinstance(rule, dict):
            return
        if rule.get("format") == "date":
            found.append(path)
        reference = rule.get("$ref", "")
        if reference.startswith("#/$defs/") and reference not in seen:
            walk(schema["$defs"].get(reference.removeprefix("#/$defs/")), path, seen | {reference})
        for name, inner in rule.get("properties", {}).items():
            walk(inner, (*path, name), seen)
        walk(rule.get("items"), (*path, EACH), seen)

    walk(schema, (), frozenset())
    return tuple(found)


def _date_as_text(value: Any, path: tuple[str | None, ...]) -> Any:
    """``value`` with the date at ``path`` (each, under EACH) as ISO text: the mappings and lists along the path
    copied, ``value`` itself never altered."""
    if not path:
        return value.isoformat() if isinstance(value, datetime.date) else value
    step, rest = path[0], path[1:]
    if step is EACH:
        return [_date_as_text(item, rest) for item in value] if isinstance(value, list) else value
    if isinstance(value, dict) and step in value:
        return {**value, step: _date_as_text(value[step], rest)}
    return value


def _dates_as_text(kind: str, data: Any) -> Any:
    """The dates YAML read as dates where the schema takes one, as text: what ``validation._type`` lets
    through, said to fastjsonschema (a plan's revisions have dates too, not only its top level)."""
    for path in _date_paths(kind):
        data = _date_as_text(data, path)
    return data


def is_valid(kind: str, data: Any) -> bool:
    """A fast yes for the common case, a valid file; "no" means: ask :func:`validation.check` for the details.

    jsonschema explains every problem but takes ~10 ms per program; the compiled validator
    takes a fraction of that and is only trusted where it agrees with ours (plain keys).
    """
    if not _plain_keys(data):
        return False
    try:
        _fast_validator(kind)(_dates_as_text(kind, data))
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def valid_programs(data: Any) -> tuple[Any, list[Any]] | None:
    """An agency file whose problems all lie inside some of its programs, without those programs.

    Returns the file's data keeping the programs that match the schema, and the programs
    left out; None when the agency's own fields have a problem too (or it has no programs).
    The plan is then checked across files with the agency and the rest of its programs,
    so one program's typo does not hide every other problem the file's programs cause.
    """
    programs = data.get("programs") if isinstance(data, LocatedMap) else None
    if not isinstance(programs, LocatedList) or not is_valid("agency", {**data, "programs": []}):
        return None
    fits = [is_valid("agency", {**data, "programs": [program]}) for program in programs]
    kept = LocatedList(program for program, ok in zip(programs, fits) if ok)
    kept.position, kept.positions = programs.position, [at for at, ok in zip(programs.positions, fits) if ok]
    usable = LocatedMap(data)
    usable.__dict__.update(data.__dict__)  # positions of the fields, kept as they are
    usable["programs"] = kept
    return usable, [program for program, ok in zip(programs, fits) if not ok]


def is_program_id(value: Any) -> bool:
    """Whether ``value`` is written as a program id must be ('GOV-01', not 'GOV 01')."""
    return isinstance(value, str) and _program_id().search(value) is not None


@cache
def _program_id() -> re.Pattern[str]:
    return re.compile(schema_for("agency")["$defs"]["program"]["properties"]["id"]["pattern"])
