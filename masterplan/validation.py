"""Checks one file's data against its schema and says each mistake at its line.

jsonschema finds the problems (:mod:`masterplan.validation_fast` first tells a valid file
without it); :mod:`masterplan.schema_problems` turns each into a message an agency's staff
can act on. This module picks which to tell: one per place, in file order, at most
:data:`MAX_PROBLEMS`.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from masterplan.diagnostics import Diagnostic, Message, Position, closest, error
from masterplan.glossary_shorthand import shorthand
from masterplan.indonesian_words import english_field
from masterplan.located import locate
from masterplan.schema import schema_for
from masterplan.schema_problems import explain, field_name, unknown_fields
from masterplan.validation_fast import is_valid

if TYPE_CHECKING:  # jsonschema is imported only when a file is invalid: it costs ~70 ms to import
    import jsonschema
    from jsonschema.exceptions import ValidationError

#: At most this many schema problems are listed per file (a pasted table can hold thousands).
MAX_PROBLEMS = 50


def _type(validator: Any, types: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    # YAML turns 2021-12-01 into a date; the schema calls it a string with format date.
    from jsonschema import _keywords
    if isinstance(instance, datetime.date) and schema.get("format") == "date":
        return
    yield from _keywords.type(validator, types, instance, schema)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    # Also used for mapping keys (propertyNames), which YAML may read as numbers, dates or booleans:
    # a number is checked as written, anything else that is not text does not match.
    from jsonschema.exceptions import ValidationError
    if isinstance(instance, bool) or not isinstance(instance, (str, int)):
        if not validator.is_type(instance, "string") and schema.get("type") == "string":
            return  # the type keyword reports it
        yield ValidationError(f"{instance!r} does not match {pattern!r}")
    elif not re.search(pattern, str(instance)):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    import jsonschema
    base = jsonschema.Draft202012Validator
    cls = jsonschema.validators.extend(base, validators={"type": _type, "pattern": _pattern})
    return cls(schema_for(kind))


@cache
def _part_validator(kind: str, definition: str) -> jsonschema.protocols.Validator:
    schema = schema_for(kind)
    return type(_validator(kind))({"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"})


def fits(kind: str, definition: str, value: Any) -> bool:
    """Whether ``value`` matches one definition of a kind's schema (``budget_line`` of ``agency``)."""
    return bool(_part_validator(kind, definition).is_valid(value))


def _written_in_indonesian(err: ValidationError) -> bool:
    """Whether a required field is missing because the mapping has it under its Indonesian name (``nama``), or
    misspelt (``defintion``): the unknown field's E103 names the field to write."""
    missing = re.findall(r"'([^']+)' is a required property", err.message)
    known = sorted(err.schema.get("properties", {}))
    return bool(missing) and isinstance(err.instance, dict) and any(
        english_field(name, known) == missing[0] or closest(str(name), known) == missing[0]
        for name in err.instance if name not in known)


def check(kind: str, data: Any, position: Position) -> Iterator[Diagnostic]:
    """Every schema problem of one document (up to MAX_PROBLEMS), in file order, one per place."""
    if is_valid(kind, data):
        return
    seen: set[tuple[Any, ...]] = set()
    found: list[Diagnostic] = []
    written = dict(shorthand(data, position)) if kind == "glossary" else {}
    found += written.values()  # "- APBD: Anggaran …": told once in the form to write, not as three fields amiss
    tops = {path[0] for path in written if len(path) == 1}  # "TIK: …" at the top: no "unknown field 'TIK'" either
    checked = {key: value for key, value in data.items() if key not in tops} if tops else data
    errors = [err for err in itertools.islice(_validator(kind).iter_errors(checked), MAX_PROBLEMS * 10)
              if not any(tuple(err.absolute_path)[:len(path)] == path for path in written)]
    # the value under a key that is no year ({2023: 20,5}: "5") is that mistake again, not one of its own
    not_years = {(*err.absolute_path, err.instance) for err in errors if "propertyNames" in err.relative_schema_path}
    for err in errors:
        key = (tuple(map(str, err.absolute_path)), err.validator if err.validator != "required" else err.message,
               str(err.instance) if "propertyNames" in err.relative_schema_path else "")
        if key in seen or ("propertyNames" not in err.relative_schema_path and tuple(err.absolute_path) in not_years):
            continue
        if err.validator == "required" and _written_in_indonesian(err):
            continue  # one mistake, said once: the unknown field's E103 names the field to write
        seen.add(key)
        if err.validator == "additionalProperties":
            path = list(err.absolute_path)
            found += unknown_fields(err, field_name(path, data) if path else "", locate(data, path, position))
        else:
            found.append(explain(err, data, position))
    found.sort(key=lambda d: (d.position, d.code, d.message))
    yield from found[:MAX_PROBLEMS]
    if len(found) > MAX_PROBLEMS:
        yield error(found[MAX_PROBLEMS].position, "E109", "more problems in this file are not shown",
                    Message("fix the first {count} and validate again", count=MAX_PROBLEMS))
