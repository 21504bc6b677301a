"""``plan.schema.json``: plan.json described for software, as JSON Schema (draft 2020-12), beside it in the open data.

A developer of the city's dashboard, or of a province's portal gathering its cities' plans, reads what each field
holds and of what type, and validates a plan.json before loading it; an editor completes and checks a plan.json
written by hand. The top-level fields say what :data:`masterplan.render.data.JSON_FIELDS` says on the data page, in
the plan's language; every object lists all its fields and no others, so a field plan.json gains without its schema
fails the tests. The format's name and version are those :mod:`masterplan.plan_json` reads.
"""

from __future__ import annotations

from typing import Any

from masterplan.i18n import Translator
from masterplan.plan_json import FORMAT, FORMAT_VERSION
from masterplan.plan_parts import SWOT_KINDS
from masterplan.schema_defs import (
    AGENCY_KINDS,
    INDICATOR_DIRECTIONS,
    PLAN_STATUSES,
    PROGRAM_STATUSES,
    READINESS_ELEMENTS,
)

NAME = "plan.schema.json"

_REF = "#/$defs/"
#: how many indicators met their target, did not, were not reported and could not be judged (attainment_by_pillar)
_COUNTS = {name: {"type": "integer", "minimum": 0}
           for name in ("target_met", "target_not_met", "not_reported", "not_judged")}


def _object(properties: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    """An object with exactly ``properties``, every one of them present."""
    shape: dict[str, Any] = {"type": "object", "properties": properties, "required": list(properties),
                             "additionalProperties": False}
    return {"description": description, **shape} if description else shape


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF + name}


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


def _or_null(shape: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [shape, {"type": "null"}]}


def _by_year(value: dict[str, Any]) -> dict[str, Any]:
    """An object of years (its keys, four digits as text) to ``value``."""
    return {"type": "object", "propertyNames": _ref("year_key"), "additionalProperties": value}


def _defs(words: Translator) -> dict[str, Any]:
    ids = {"type": "string"}
    return {
        "text": {"type": "object", "description": words("A text in each language the plan gives it, by language "
                                                        "code: {example}", example='{"id": "…", "en": "…"}'),
                 "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
                 "additionalProperties": {"type": "string"}, "minProperties": 1},
        "optional_text": {"anyOf": [_ref("text"), {"type": "null"}],
                          "description": words("A text, or null where the plan gives none")},
        "amount": {"type": "integer", "minimum": 0, "description": words("Whole rupiah")},
        "year": {"type": "integer", "minimum": 1900, "maximum": 2200},
        "year_key": {"type": "string", "pattern": "^[0-9]{4}$", "description": words("A year, four digits")},
        "period": _object({"start": _ref("year"), "end": _ref("year")}),
        "value": {"type": ["number", "string"],
                  "description": words("A figure as the plan gives it: a number, or a word")},
        "ids": _list(ids),
        "indicator": _object({
            "name": _ref("text"), "unit": _ref("optional_text"),
            "baseline": _object({"year": _or_null(_ref("year")), "value": _or_null(_ref("value"))}),
            "targets": _by_year(_ref("value")),
            "direction": {"enum": [*INDICATOR_DIRECTIONS, None]},
            "realised": _by_year(_ref("value")),
            "target_met": _by_year({"type": "boolean"}),
        }),
        "program": _object({
            "id": ids, "name": _ref("text"), "pillar": ids, "sub_element": ids, "lead": ids,
            "partners": _ref("ids"), "unconfirmed_partners": _ref("ids"),
            "summary": _ref("optional_text"), "description": _ref("optional_text"), "location": _ref("optional_text"),
            "quick_win": {"type": "boolean"}, "status": {"enum": PROGRAM_STATUSES},
            "period": _ref("period"), "missions": _ref("ids"), "depends_on": _ref("ids"), "dependents": _ref("ids"),
            "former_ids": _ref("ids"),
            "budget": _list(_object({"year": _ref("year"), "source": ids, "amount": _ref("amount")})),
            "budget_total": _ref("amount"), "indicators": _list(_ref("indicator")),
        }),
        "counts": _object(_COUNTS),
    }


def _plan() -> dict[str, Any]:
    """The fields of plan.json's ``plan``: plan.yml's, as the open data gives them."""
    ids = {"type": "string"}
    return {
        "city": ids, "province": ids, "title": _ref("text"), "notice": _ref("optional_text"),
        "author": _ref("optional_text"), "period": _ref("period"), "version": ids, "status": {"enum": PLAN_STATUSES},
        "date": {"type": ["string", "null"], "format": "date"}, "language": ids, "written_in": ids,
        "realised_as_of": {"type": ["string", "null"], "format": "date"},
        "leading_sector": ids, "vision": _ref("optional_text"),
        "missions": _list(_object({"id": ids, "text": _ref("text")})),
        "legal_basis": _list(_ref("text")), "funding_sources": _ref("ids"),
        "license": _or_null(_object({"name": ids, "url": {"type": ["string", "null"]}})),
        "apbd_ceiling": _or_null(_by_year(_ref("amount"))),
        "phases": _list(_object({"name": _ref("text"), "theme": _ref("optional_text"), "period": _ref("period"),
                                 "description": _ref("optional_text")})),
        "revisions": _list(_object({"version": ids, "date": {"type": ["string", "null"], "format": "date"},
                                    "summary": _ref("optional_text"), "decree": _ref("optional_text")})),
    }


def schema(words: Translator, fields: list[tuple[str, str]]) -> dict[str, Any]:
    """The JSON Schema of plan.json; ``fields`` its top-level fields' meanings (data.JSON_FIELDS), ``words`` the
    plan's language."""
    said = {name.strip(): words(meaning) for names, meaning in fields for name in names.split(",")}
    ids = {"type": "string"}
    top: dict[str, dict[str, Any]] = {
        "format": {"const": FORMAT}, "format_version": {"const": FORMAT_VERSION},
        "plan": _object(_plan()),
        "pillars": _list(_object({
            "id": ids, "name": _ref("text"), "order": {"type": "integer"}, "summary": _ref("optional_text"),
            "description": _ref("optional_text"), "goals": _list(_ref("text")),
            "sub_elements": _list(_object({"id": ids, "name": _ref("text"), "description": _ref("optional_text")})),
            "indicators": _list(_ref("indicator")), "programs": _ref("ids")})),
        "agencies": _list(_object({
            "id": ids, "name": _ref("text"), "short_name": ids, "kind": {"enum": AGENCY_KINDS},
            "leads": _ref("ids"), "supports": _ref("ids"), "former_ids": _ref("ids"),
            "contact": {"type": "object", "additionalProperties": {"type": "string"}}})),
        "programs": _list(_ref("program")),
        "readiness": _list(_object({"element": {"enum": READINESS_ELEMENTS}, "aspect": _ref("text"),
                                    "condition": _ref("optional_text"), "gap": _ref("optional_text"),
                                    "recommendation": _ref("optional_text")})),
        "swot": _or_null(_object({kind: _list(_ref("optional_text")) for kind in SWOT_KINDS})),
        "glossary": _list(_object({"term": ids, "definition": _ref("text")})),
        "totals": _object({"budget": _ref("amount"), "programs": {"type": "integer", "minimum": 0},
                           "by_pillar": {"type": "object", "additionalProperties": _ref("amount")},
                           "by_year": _by_year(_ref("amount")),
                           "by_source": {"type": "object", "additionalProperties": _ref("amount")},
                           "by_agency": {"type": "object", "additionalProperties": _ref("amount")}}),
        "attainment_by_pillar": _or_null(_object({
            "year": _ref("year"), "pillars": _list(_object({"pillar": ids, **_COUNTS})),
            "total": _ref("counts")})),
        "attainment_by_agency": _or_null(_object({
            "year": _ref("year"), "agencies": _list(_object({"agency": ids, **_COUNTS}))})),
    }
    for name, shape in top.items():
        if name in said:
            shape["description"] = said[name]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": NAME,
            "title": words("plan.json of a masterplan, format version {version}", version=FORMAT_VERSION),
            **_object(top), "$defs": _defs(words)}
