"""``datapackage.json``: the CSV tables described for machines, as a Frictionless Tabular Data Package.

Open-data portals and tools (CKAN, ``frictionless validate``, pandas' readers built on it)
read from it each table's columns with their type and meaning, the keys that identify a
row, and which columns name a row of another table: a program's lead agency is an
agency of ``agencies.csv``, a budget line's program a program of ``programs.csv``. So a
reuser can check the files as published, and the city can check them before publishing.
Meanings are written in the plan's language; the columns themselves are
:data:`masterplan.render.data_tables.COLUMNS`.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from masterplan.i18n import Translator
from masterplan.model import Plan
from masterplan.plan_parts import Pillar
from masterplan.programs import Program
from masterplan.render import data_changes, data_notes, data_summaries, data_tables
from masterplan.render.saved_names import plan_slug
from masterplan.render.site_links import url_for
from masterplan.schema import DOCUMENTS
from masterplan.schema_defs import DEFS

NAME = "datapackage.json"

#: a column's Table Schema type, when it is not text
TYPES: dict[str, str] = {
    "quick_win": "boolean", "target_met": "boolean", "start_year": "integer", "end_year": "integer", "budget_total": "integer",
    "year": "integer", "amount": "integer", "programs_led": "integer", "programs_supported": "integer",
    "budget_led": "integer", "baseline_year": "integer", "order": "integer", "programs": "integer",
    "indicator_number": "integer", "apbd": "integer", "ceiling": "integer", "left": "integer",
    "share_used": "number", "mission_number": "integer", "share_of_plan": "number", "phase_number": "integer",
    "programs_starting": "integer", "programs_running": "integer", "budget": "integer",
    "budget_before": "integer", "budget_after": "integer", "budget_difference": "integer",
    "baseline_value": "any", "target": "any", "realised": "any",  # an indicator's value is a number or a word ("tersedia")
}
#: a column's Table Schema constraints, when it may hold only some values: a budget by mission's row is of a type
#: always, so a reader filtering on it finds each row (the none and total rows have no mission_id, a key of missions)
CONSTRAINTS: dict[str, dict[str, Any]] = {"row_type": {"required": True, "enum": list(data_summaries.ROW_TYPES)},
                                          "change": {"required": True, "enum": list(data_changes.KINDS)}}
#: (table, column) → the values a column may hold, as the plan's schema allows them (an empty cell is none of them)
ENUMS: dict[tuple[str, str], list[str]] = {
    ("programs.csv", "status"): DEFS["program"]["properties"]["status"]["enum"],
    ("agencies.csv", "kind"): DOCUMENTS["agency"]["properties"]["kind"]["enum"],
    ("indicators.csv", "direction"): DEFS["indicator"]["properties"]["direction"]["enum"],
    ("indicators.csv", "owner_type"): ["program", "pillar"],
}
#: an indicator's values: typed "number" in a release whose values are all numbers, else "any" (a number or a word)
INDICATOR_VALUES = ("baseline_value", "target", "realised")
#: the types of a column that may hold a number with decimals (written with a dot: 2.4)
DECIMAL_TYPES = {"number", "any"}
#: table → the columns that identify its rows
PRIMARY_KEYS = {"programs.csv": ["id"], "agencies.csv": ["id"], "pillars.csv": ["id"],
                "sub_elements.csv": ["pillar", "id"], "missions.csv": ["id"],
                "budget.csv": ["program_id", "year", "funding_source"],
                "indicators.csv": ["owner_type", "owner_id", "indicator_number", "year"], "apbd_ceiling.csv": ["year"],
                "budget_by_mission.csv": ["row_type", "mission_id"], "budget_by_phase.csv": ["phase_number"]}
#: (table, columns) → the table and columns they name a row of (a sub-element is its pillar's)
FOREIGN_KEYS = {
    ("programs.csv", ("lead_agency",)): ("agencies.csv", ("id",)),
    ("programs.csv", ("pillar",)): ("pillars.csv", ("id",)),
    ("programs.csv", ("pillar", "sub_element")): ("sub_elements.csv", ("pillar", "id")),
    ("budget.csv", ("program_id",)): ("programs.csv", ("id",)),
    ("budget.csv", ("lead_agency",)): ("agencies.csv", ("id",)),
    ("budget.csv", ("pillar",)): ("pillars.csv", ("id",)),
    ("sub_elements.csv", ("pillar",)): ("pillars.csv", ("id",)),
    ("indicators.csv", ("program_id",)): ("programs.csv", ("id",)),
    ("indicators.csv", ("pillar",)): ("pillars.csv", ("id",)),
    ("indicators.csv", ("lead_agency",)): ("agencies.csv", ("id",)),
    ("budget_by_mission.csv", ("mission_id",)): ("missions.csv", ("id",)),
}


def _name(file: str) -> str:
    return file.removesuffix(".csv")


def _field(file: str, column: str, meaning: str, plan: Plan, words: Translator) -> dict[str, Any]:
    """A column's Table Schema field; one that may hold decimals says its decimal sign (Table Schema's property
    of a number column, said too of a column of numbers and words, for the numbers it holds); one that may hold only
    some values says which (:func:`_constraints`)."""
    kind = "number" if column in INDICATOR_VALUES and _numbers_only(plan) else TYPES.get(column, "string")
    field: dict[str, Any] = {"name": column, "type": kind,
                             "description": data_tables.meaning(column, meaning, plan, words)}
    if field["type"] in DECIMAL_TYPES:
        field["decimalChar"] = "."
    if constraints := _constraints(file, column, plan):
        field["constraints"] = constraints
    return field


def _constraints(file: str, column: str, plan: Plan) -> dict[str, Any] | None:
    """The values a column may hold: :data:`CONSTRAINTS`, :data:`ENUMS`, or a budget line's funding source, one of
    the plan's (a row of changes.csv may name a source the revision dropped)."""
    if column in CONSTRAINTS:
        return CONSTRAINTS[column]
    if (file, column) in ENUMS:
        return {"enum": list(ENUMS[file, column])}
    if (file, column) == ("budget.csv", "funding_source"):
        return {"required": True, "enum": list(plan.funding_sources)}
    return None


def _numbers_only(plan: Plan) -> bool:
    """Whether every indicator's baseline, targets and realised figures are numbers as written (none "tersedia")."""
    owners: list[Pillar | Program] = [*plan.pillars, *plan.programs]
    indicators = [indicator for owner in owners for indicator in owner.indicators]
    return all(indicator.is_number(value) for indicator in indicators
               for value in (indicator.baseline_value, *indicator.targets.values(), *indicator.realised.values())
               if value is not None)


def _schema(file: str, columns: list[tuple[str, str]], plan: Plan, words: Translator) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(file, column, meaning, plan, words) for column, meaning in columns]}
    if file in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[file]
    references = [{"fields": list(columns), "reference": {"resource": _name(table), "fields": list(keys)}}
                  for (source, columns), (table, keys) in FOREIGN_KEYS.items() if source == file]
    if references:
        schema["foreignKeys"] = references
    return schema


#: a Creative Commons licence or dedication as people write it ("CC BY 4.0", "CC-BY-SA-4.0 Internasional", "CC0 1.0"),
#: in a version Creative Commons published
_CREATIVE_COMMONS = re.compile(r"CC[ -]?(?:(BY(?:[ -](?:SA|ND|NC|NC[ -]SA|NC[ -]ND))?)[ -](1\.0|2\.0|2\.5|3\.0|4\.0)"
                               r"|(0)[ -](1\.0))(?:[ -](?:International|Internasional))?", re.IGNORECASE)


def licence_id(title: str) -> str | None:
    """The Open Definition / SPDX id of a Creative Commons licence written as ``title``, e.g. CC-BY-4.0; None for
    any other licence, and for a version Creative Commons never published ("CC BY 9.9")."""
    found = _CREATIVE_COMMONS.fullmatch(title.strip())
    if found is None:
        return None
    if found.group(3):
        return f"CC0-{found.group(4)}"
    return f"CC-{re.sub(r'[ -]+', '-', found.group(1).upper())}-{found.group(2)}"


def describe(plan: Plan, columns: dict[str, list[tuple[str, str]]], words: Translator,
             files: dict[str, bytes], fingerprint: str, base_url: str | None = None) -> dict[str, Any]:
    """The package descriptor of the CSV tables ``columns`` describes; ``files`` (name → the bytes written)
    give each table's size and SHA-256, so a copy that differs from the one published is told apart; ``base_url``,
    the site's public address, where they are described and where they come from (:func:`_provenance`).

    Its version is the plan's with the data's ``fingerprint`` (:func:`data_notes.package_version`); it has no
    ``created``, the time the descriptor was made, which would change every build's files: the plan's date is
    in the description."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": plan_slug(plan),
        "title": f"{plan.title} ({words('Draft')})" if plan.is_draft else str(plan.title),
        "description": " ".join([*_status(plan, words), words(
            "The programs, budget lines, agencies and indicators of {title}, from the files the book and the website "
            "are made of. Amounts are whole rupiah.", title=str(plan.title)), data_notes.decimals(words),
            *_release(plan, fingerprint, words)]),
        "keywords": [words("smart city"), words("master plan"), plan.city, *([plan.province] if plan.province else [])],
        "version": data_notes.package_version(plan, fingerprint),
        **_provenance(plan, base_url),
    }
    if plan.data_license:
        named = licence_id(plan.data_license)
        licence = {**({"name": named} if named else {}), "title": plan.data_license,
                   **({"path": plan.data_license_url} if plan.data_license_url else {})}
        if len(licence) > 1:  # a package's licence has an id or a web page; else it is said in words
            package["licenses"] = [licence]
        else:
            package["description"] += f" {words('Licence')}: {plan.data_license}."
    package["resources"] = [{
        "name": _name(file), "title": words(data_tables.TITLES[file]), "path": file,
        "description": " ".join(_resource_notes(plan, file, described, words)),
        "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "dialect": data_notes.DIALECT, **_size_and_hash(files[file]),
        "schema": _schema(file, described, plan, words),
    } for file, described in columns.items()]
    return package


def _provenance(plan: Plan, base_url: str | None) -> dict[str, Any]:
    """Who publishes the data and who keeps it, and, with the site's public address, the page that describes it and
    the plan it comes from: what a data portal (CKAN) shows as its author, maintainer and source.

    The publisher is the plan's author (the city's government); the maintainer, to whom a reuser writes, is the
    leading sector (the agency that compiles the plan, the Satu Data walidata), with the e-mail address and website
    its file gives."""
    contributors: list[dict[str, str]] = [{"title": str(plan.author), "role": "publisher"}]
    keeper = plan.leading_sector
    if keeper is not None:
        reached = {"email": keeper.contact.get("email"), "path": keeper.contact.get("website")}
        contributors.append({"title": str(keeper.name), "role": "maintainer", "organization": str(plan.author),
                             **{key: value for key, value in reached.items() if value}})
    if not base_url:
        return {"contributors": contributors}
    site = base_url.rstrip("/") + "/"
    return {"homepage": site + url_for("data"), "sources": [{"title": str(plan.title), "path": site}],
            "contributors": contributors}


def _status(plan: Plan, words: Translator) -> list[str]:
    """The plan's status and notice, first in every description: a draft's figures never pass for adopted ones."""
    said = data_notes.status(plan, words)
    return [said] if said else []


def _release(plan: Plan, fingerprint: str, words: Translator) -> list[str]:
    """Which release of the data this is, and the plan's date, for people reading the description."""
    said = [words("{release}: the fingerprint, a short hash of these files (also after the '+' of the package's "
                  "version), changes with any figure or text in them.",
                  release=data_notes.release(plan, fingerprint, words))]
    adopted = data_notes.adoption(plan, words)
    return (said + ([words("Plan dated {date}.", date=plan.date.isoformat())] if plan.date else [])
            + ([adopted] if adopted else []))


def _resource_notes(plan: Plan, file: str, columns: list[tuple[str, str]], words: Translator) -> list[str]:
    """What a reader of one table must know besides its columns: whether it is a draft, what it holds and what one
    of its rows is (:data:`data_tables.NOTES`), how its decimals are written (where a column may hold some), how its
    texts are guarded."""
    decimals = any(TYPES.get(column) in DECIMAL_TYPES for column, _ in columns)
    return [*_status(plan, words), words(data_tables.NOTES[file]), *([data_notes.decimals(words)] if decimals else []),
            f"{data_notes.guard_rule(words)} {data_notes.UNGUARD_TEXT}"]


def _size_and_hash(content: bytes) -> dict[str, Any]:
    return {"bytes": len(content), "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"}


def write(plan: Plan, path: Path, columns: dict[str, list[tuple[str, str]]], words: Translator,
          files: dict[str, bytes], fingerprint: str, base_url: str | None = None) -> None:
    package = describe(plan, columns, words, files, fingerprint, base_url)
    path.write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
