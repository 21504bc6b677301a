"""Checks one file's data against its schema and explains each mistake at its line.

jsonschema finds the problems; this module turns them into messages an agency's staff
can act on: which field, what was expected, and a hint where one helps.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any, Iterator

import jsonschema
from jsonschema.exceptions import ValidationError

from masterplan.diagnostics import Diagnostic, Position, did_you_mean, error
from masterplan.schema import schema_for
from masterplan.yamlfile import LocatedMap, locate

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list", "object": "a mapping of fields"}


def _is_string(checker: Any, instance: Any) -> bool:
    # YAML turns 2021-12-01 into a date; the schema calls it a string with format date.
    return isinstance(instance, (str, datetime.date))


@lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.protocols.Validator:
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("string", _is_string)
    cls = jsonschema.validators.extend(base, type_checker=checker)
    return cls(schema_for(kind))


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(value)


def _field(path: Any) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    return ".".join(parts).replace(".[", "[") or "document"


def _type_hint(err: ValidationError) -> str | None:
    value = err.instance
    if isinstance(value, str) and re.fullmatch(r"[\d.,\s]+", value or "x") and "integer" in str(err.validator_value):
        return f"write the number without quotes or dots: {re.sub(r'[^0-9]', '', value)}"
    if isinstance(value, str) and value.lower() in {"yes", "no", "ya", "tidak", "true", "false"}:
        return "write true or false without quotes"
    return None


def _explain(err: ValidationError, data: Any, default: Position) -> Diagnostic:
    path = list(err.absolute_path)
    where = locate(data, path, default)
    field = _field(path)
    kind = err.validator
    if kind == "additionalProperties":
        extras = [k for k in err.instance if k not in err.schema.get("properties", {})]
        name = extras[0] if extras else "?"
        container = err.instance
        if isinstance(container, LocatedMap):
            where = container.key_at(name)
        known = sorted(err.schema.get("properties", {}))
        hint = did_you_mean(name, known) or f"known fields: {', '.join(known)}"
        return error(where, "E103", f"unknown field '{name}'" + (f" in {field}" if path else ""), hint)
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        name = missing[0] if missing else err.message
        return error(where, "E102", f"missing required field '{name}'" + (f" in {field}" if path else ""))
    if kind == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return error(where, "E101", f"{field} should be {words}, not {_describe(err.instance)}", _type_hint(err))
    if kind == "anyOf":
        return error(where, "E101", f"{field} should be text, or a mapping of language code to text "
                                    f"(e.g. {{id: ..., en: ...}}), not {_describe(err.instance)}")
    if kind == "enum":
        choices = [str(c) for c in err.validator_value]
        return error(where, "E104", f"{field}: '{err.instance}' is not one of {', '.join(choices)}",
                     did_you_mean(str(err.instance), choices))
    if kind == "pattern":
        return error(where, "E106", f"{field}: '{err.instance}' is not a valid id or code",
                     "use letters, digits, '-' and '_' only, no spaces")
    if kind == "minimum" and field.endswith("amount"):
        return error(where, "E304", f"{field}: negative amount {err.instance}")
    if kind in ("minimum", "maximum"):
        return error(where, "E107", f"{field}: {err.instance} is out of range")
    return error(where, "E100", f"{field}: {err.message}")


def check(kind: str, data: Any, position: Position) -> Iterator[Diagnostic]:
    """Every schema problem of one document, most specific first, one per place."""
    seen: set[tuple[Any, ...]] = set()
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        key = (tuple(err.absolute_path), err.validator if err.validator != "required" else err.message)
        if key in seen:
            continue
        seen.add(key)
        yield _explain(err, data, position)
