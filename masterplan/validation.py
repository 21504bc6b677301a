"""Checks one file's data against its schema and explains each mistake at its line.

jsonschema finds the problems; this module turns them into messages an agency's staff
can act on: which field, what was expected, and a hint where one helps.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    error,
    listing,
)
from masterplan.located import LocatedMap, locate
from masterplan.schema import (
    INDONESIAN_DIRECTIONS,
    INDONESIAN_STATUSES,
    MAX_VALUE,
    NOT_BLANK,
    english_field,
    schema_for,
)
from masterplan.validation_fast import is_valid

if TYPE_CHECKING:  # jsonschema is imported only when a file is invalid: it costs ~70 ms to import
    import jsonschema
    from jsonschema.exceptions import ValidationError

#: At most this many schema problems are listed per file (a pasted table can hold thousands).
MAX_PROBLEMS = 50

_TYPE_NAMES = {"string": Message("text"), "integer": Message("a whole number"), "number": Message("a number"),
               "boolean": Message("true or false"), "array": Message("a list"),
               "object": Message("a mapping of fields")}


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


def _describe(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    if value is None:
        return Message("nothing")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value  # a number, written in the reader's language (1,5)
    return repr(value) if isinstance(value, str) else str(value)


def _field(path: Any, data: Any = None) -> str:
    """Where in the file, as staff read it: ``programs[ECO-01].budget[2023].amount``.

    An item of a list is named by its ``id`` or ``year`` when it has one, else counted from 1
    (the third target, ``[3]``); the message's file:line says exactly where it is.
    """
    parts = []
    for step in path:
        if isinstance(step, int) and isinstance(data, list):  # an item of a list
            item = data[step] if step < len(data) else None
            name = next((item[key] for key in ("id", "year") if isinstance(item, dict) and
                         isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool)), step + 1)
            parts.append(f"[{name}]")
        else:  # a key of a mapping: a field, or a year of the targets ({2024: 70})
            parts.append(f"[{step}]" if isinstance(step, int) else str(step))
            item = data.get(step) if isinstance(data, dict) else None
        data = item
    return ".".join(parts).replace(".[", "[") or Message("document")


def _is_amount(path: list[Any]) -> bool:
    """Whether the value at ``path`` is an amount of rupiah: a budget line's, or a year's APBD ceiling in plan.yml."""
    return path[-1:] == ["amount"] or (len(path) == 2 and path[0] == "apbd_ceiling")


def _type_hint(err: ValidationError) -> str | None:
    value = err.instance
    if isinstance(value, datetime.date) and "string" in str(err.validator_value):
        return Message("YAML reads {value} as a date: put it in quotes, \"{value}\"", value=value)
    if isinstance(value, bool) and "string" in str(err.validator_value):  # short_name: NO (Nomor Objek)
        return Message("YAML reads yes, no, on, off, true and false (small, capital or Capitalised) as yes or no: "
                       "put the text in quotes, e.g. \"NO\"")
    if isinstance(value, str) and _GROUPED.fullmatch(value.strip()) and "integer" in str(err.validator_value):
        return Message("write the number without quotes or dots: {number}", number=re.sub(r"[^0-9]", "", value))
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()) and _is_amount(list(err.absolute_path)):
        return _WHOLE_RUPIAH
    if isinstance(value, str) and "integer" in str(err.validator_value) and (rupiah := _spelt(value)):
        return Message("write the amount in whole rupiah as a plain number: {number}", number=str(rupiah))
    if value is None and list(err.absolute_path)[-1:] == ["colour"]:  # colour: #1f4e79, a comment to YAML
        return Message("YAML reads # as the start of a comment: put the colour in quotes, \"#1f4e79\"")
    if value is None and "array" in str(err.validator_value):  # "programs:" with nothing under it
        return Message("write [] for an empty list, or put its items below, each on a line starting with '- '")
    if isinstance(value, str) and value.lower() in {"yes", "no", "ya", "tidak", "true", "false"}:
        return Message("write true for ya and false for tidak, without quotes")
    if isinstance(value, float) and "integer" in str(err.validator_value) and _is_amount(list(err.absolute_path)):
        return Message("amounts are whole rupiah, written without dots: "
                       "YAML takes a dot for a decimal point (1.500 is one and a half)")
    if list(err.absolute_path)[-2:-1] == ["contact"] and isinstance(value, (int, float)):  # phone: 0343424242
        return Message("YAML reads it as a number: put it in quotes, e.g. {example}", example='phone: "(0343) 424242"')
    return _shape_hint(err)


#: what an agency's contact field holds, and an example of it
_CONTACT_WORDS = {"email": (Message("an e-mail address"), "email: dinkes@kota.go.id"),
                  "website": (Message("a web address"), "website: https://dinkes.kota.go.id"),
                  "phone": (Message("a phone number"), 'phone: "(0343) 424242"'),
                  "address": (Message("an address"), "address: Jl. Pahlawan No. 1")}
#: how a field with parts is written, for one written as something else ("period: 2023-2026")
_SHAPES = {"period": "period: {start: 2023, end: 2026}", "baseline": "baseline: {year: 2021, value: 45}",
           "targets": "targets: {2024: 50, 2025: 60}", "partners": "partners: [dinsos, dispendukcapil]",
           "budget": "budget: [{year: 2024, amount: 150000000, source: APBD}]", "missions": "missions: [m1, m3]",
           "supports": "supports: [GOV-01, ECO-03]", "depends_on": "depends_on: [GOV-01]",
           "former_ids": "former_ids: [GOV-13]", "goals": "goals: [Layanan publik daring pada 2026]"}
#: the fields that list ids, which a writer may give as one line of text ("dinsos, bpkad"); goals are sentences
_ID_LISTS = ("partners", "missions", "supports", "depends_on", "former_ids")
#: ids apart by spaces only ("diskominfotik rsud", "GOV-01 GOV-02"): no name of words, which has capitals
_ID_WORDS = re.compile(r"(?:[a-z0-9_]+|[A-Z]{2,}-\d+)(?:\s+(?:[a-z0-9_]+|[A-Z]{2,}-\d+))*")
_YEAR_SPAN = re.compile(r"\s*((?:19|20)\d\d)\s*(?:[-–—/]|s\.?d\.?|sampai)\s*((?:19|20)\d\d)\s*")


def _colon_in_text(value: Any) -> Message | None:
    """A text with ": " in it, read as a field and its value ("description: Tujuan: …")."""
    if isinstance(value, dict) and not all(isinstance(k, str) and _LANGUAGE_CODE.fullmatch(k) for k in value):
        return Message('a text with ": " in it goes in quotes, or below its field: write | after the field\'s name '
                       "and the text on the lines under it, indented")
    return None


def _shape_hint(err: ValidationError) -> Message | None:
    """An example of the field written as it should be: with the writer's own years where it had them."""
    path = list(err.absolute_path)
    field = path[-1] if path else None
    value = err.instance
    span = _YEAR_SPAN.fullmatch(value) if isinstance(value, str) else None
    if span and field in ("year", "start", "end"):  # a budget line for "2024-2025", "start: 2023/2024"
        return Message("one year here: {first} (a budget line a year: {first}, then each year up to {last} on a line "
                       "of its own)"
                       if field == "year" else "one year here: {first}", first=span.group(1), last=span.group(2))
    wanted = dict if "object" in str(err.validator_value) else list if "array" in str(err.validator_value) else None
    if not isinstance(field, str) or field not in _SHAPES or wanted is None or isinstance(value, wanted):
        return None
    if span and field == "period":
        example = f"period: {{start: {span.group(1)}, end: {span.group(2)}}}"
    elif isinstance(value, str) and field in _ID_LISTS and value.strip():  # "dinsos, dispendukcapil"
        parts = [part.strip() for part in re.split(r"[,;]| dan ", value) if part.strip()]
        words = [word for part in parts for word in part.split()]
        if len(words) > len(parts) and all(_ID_WORDS.fullmatch(part) for part in parts):
            # the lines of a list without its dashes, which YAML joined with spaces ("diskominfotik rsud"); or a name
            # typed in small letters ("dinas kesehatan"), which is no id either way
            return Message("written like this, the ids apart by commas: {example} (an agency or a program is "
                           "written by its id, not its name)", example=f"{field}: [{', '.join(words)}]")
        example = f"{field}: [{', '.join(parts)}]"
    else:
        example = _SHAPES[field]
    return Message("written like this: {example}", example=example)


#: digits grouped in threes by dots, commas or spaces ("1.250.000"), or plain digits in quotes
_GROUPED = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")
#: a number with a decimal comma or point that is no grouping of thousands ("1,5")
_DECIMAL = re.compile(r"\d+[.,](?:\d{1,2}|\d{4,})")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?")  #: a key of a text per language: id, en, jv, zh-Hant
_WHOLE_RUPIAH = Message("amounts are whole rupiah: write the amount in full, e.g. 1500000000 for 1,5 miliar")
_WHOLE_RUPIAH_SPLIT = Message("amounts are whole rupiah, and in {{...}} a comma separates fields: write the amount "
                              "in full, e.g. 1500000000 for 1,5 miliar")


def _split_amount(mapping: Any, name: Any = None) -> Message | None:
    """The hint for an amount that a comma split inside ``{...}``: ``{amount: Rp 1,5 miliar}`` is the
    amount "Rp 1" and a field "5 miliar" with no value; together they are 1500000000. ``name``:
    the field that may be the amount's rest (any of the mapping's fields without a value when None)."""
    if not isinstance(mapping, dict) or not isinstance(mapping.get("amount"), (int, str)):
        return None
    rests = [name] if name is not None else [key for key, value in mapping.items() if value is None]
    for rest in rests:
        if mapping.get(rest, 0) is None and (rupiah := _spelt(f"{mapping['amount']},{rest}")):
            return Message("in {{...}} a comma separates fields: write the amount in whole rupiah as a plain number: "
                           "{number}", number=str(rupiah))
    return None


def _spelt(text: str) -> int | None:
    """:func:`formatting.spelt_amount`, imported (with Babel) only when a file has an error."""
    from masterplan.formatting import spelt_amount
    return spelt_amount(text)


def _explain(err: ValidationError, data: Any, default: Position) -> Diagnostic:
    """One problem in words (unknown fields, which come in groups, are :func:`_unknown_fields`)."""
    path = list(err.absolute_path)
    where = locate(data, path, default)
    field = _field(path, data)
    kind = err.validator
    if "propertyNames" in err.relative_schema_path:  # a key of a free-form mapping: targets' years
        container = locate_value(data, path)
        if isinstance(container, LocatedMap):
            where = container.key_at(err.instance)
        split = isinstance(container, dict) and container.get(err.instance, 0) is None  # {2023: 20,5}: "5" alone
        return error(where, "E106", "{field}: '{value}' is not a year",
                     "in {{...}} a comma separates targets: write a decimal number with a point, e.g. 2023: 20.5"
                     if split else "write each year in four digits and its ceiling in whole rupiah, e.g. 2024: "
                     "12000000000" if path[:1] == ["apbd_ceiling"] else
                     "write each realised figure as a four-digit year and a value, e.g. 2023: 78"
                     if path[-1:] == ["realised"] else
                     "write each target as a four-digit year and a value, e.g. 2024: 80",
                     field=field, value=err.instance)
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        name = missing[0] if missing else err.message
        if not path:
            return error(where, "E102", "missing required field '{name}'", name=name)
        return error(where, "E102", "missing required field '{name}' in {field}", name=name, field=field)
    if kind == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = listing((_TYPE_NAMES.get(t, t) for t in expected), "or")
        split = _split_amount(locate_value(data, path[:-1])) if path[-1:] == ["amount"] else None
        return error(where, "E101", "{field} should be {expected}, not {value}", split or _type_hint(err),
                     field=field, expected=words, value=_describe(err.instance))
    if (blank := _blank(err.instance)) is not None and _wants_words(err):
        at = path + blank  # {id: "", en: Smart Economy}: at the empty language's text
        return error(locate(data, at, default), "E112", "{field} is empty",
                     "write it in words: the book and the site show it", field=_field(at, data))
    if kind == "anyOf":
        cut = isinstance(err.instance, dict) and any(  # {id: satu, dua, en: …}: "dua" a key of no value
            value is None and not _LANGUAGE_CODE.fullmatch(str(key)) for key, value in err.instance.items())
        return error(where, "E101", "{field} should be text, or a mapping of language code to text "
                                    "(e.g. {{id: ..., en: ...}}), not {value}",
                     'a comma inside {{...}} ends a text there: put each text in quotes, e.g. {{id: "kabupaten, desa", '
                     'en: "regency, village"}}' if cut else _colon_in_text(err.instance), field=field,
                     value=_describe(err.instance))
    if kind == "enum":
        choices = [str(c) for c in err.validator_value]
        if err.instance is None:  # "status:" left empty: not the value 'None', and no "did you mean 'done'?"
            return error(where, "E104", "{field} is empty", Message("write one of {choices}",
                                                                   choices=", ".join(choices)), field=field)
        meant = {**INDONESIAN_STATUSES, **INDONESIAN_DIRECTIONS}.get(str(err.instance).lower().strip())
        hint = (Message("values are English: did you mean '{word}'?", word=meant) if meant in choices
                else did_you_mean(str(err.instance), choices))
        return error(where, "E104", "{field}: '{value}' is not one of {choices}", hint,
                     field=field, value=err.instance, choices=", ".join(choices))
    if kind == "pattern" and path[-2:-1] == ["contact"] and path[-1] in _CONTACT_WORDS:
        what, example = _CONTACT_WORDS[path[-1]]
        return error(where, "E106", "{field}: '{value}' is not {what}", Message("written like this: {example}",
                                                                                example=example),
                     field=field, value=err.instance, what=what)
    if kind == "pattern":
        value = str(err.instance)
        if path[-1:] == ["language"]:
            hint = Message("write the language as its code: id (Indonesian) or en (English)")
        elif value.strip() != value and re.fullmatch(str(err.validator_value), value.strip()):
            hint = Message("remove the spaces around it: {id}", id=value.strip())  # "LIV-09 ": not "write liv-09"
        elif re.fullmatch(str(err.validator_value), value.lower().strip()):
            hint = Message("ids are written in small letters: {id}", id=value.lower().strip())
        elif "A-Z" not in str(err.validator_value) and re.fullmatch(  # a slug, not a program's code ("GOV 01")
                str(err.validator_value), slug := _slug(value, path)):
            hint = Message("ids are written in small letters, with '_' for a space: {id}", id=slug)  # Prasarana Kesehatan
        else:
            hint = Message("use small letters, digits, '-' and '_' only, no spaces" if "a-z" in str(err.validator_value)
                           and "A-Z" not in str(err.validator_value) else "use letters, digits, '-' and '_' only, no spaces")
        found = error(where, "E106", "{field}: '{value}' is not a valid id or code", hint, field=field, value=err.instance)
        # an agency or a program named as people name it (partners: [Dinas Kesehatan], depends_on: [e-Sambat (Media
        # Sambat Masyarakat)]): the loader, once every agency is read, names its id (load.named_for_ids)
        return found.naming(value.strip()) if path[-2:-1] in (["partners"], ["depends_on"], ["supports"]) else found
    if kind == "minimum" and _is_amount(path):
        return error(where, "E304", "{field}: negative amount {value:,}", field=field, value=err.instance)
    if kind in ("minimum", "maximum") and abs(err.validator_value) >= MAX_VALUE:  # an amount, an indicator's value
        hint = (Message("check the number of digits: an amount is whole rupiah, below a million trillion (10^18)")
                if _is_amount(path) else
                Message("check the number of digits, or measure in a larger unit (e.g. miliar rupiah instead of rupiah)"))
        return error(where, "E107", "{field}: {value:,} is out of range (at least {bound:,})" if kind == "minimum"
                     else "{field}: {value:,} is out of range (at most {bound:,})", hint,
                     field=field, value=err.instance, bound=err.validator_value)
    if kind in ("minimum", "maximum"):
        return error(where, "E107", "{field}: {value} is out of range (at least {bound})" if kind == "minimum"
                     else "{field}: {value} is out of range (at most {bound})",
                     "write a year in full, e.g. 2024" if "year" in field or field.endswith(("start", "end")) else None,
                     field=field, value=err.instance, bound=err.validator_value)
    return error(where, "E100", "{field}: {problem}", field=field, problem=err.message)


def _slug(value: str, path: list[Any]) -> str:
    """An id as a name would be written as one: "Prasarana Kesehatan" → prasarana_kesehatan; a pillar named
    "Smart Living" is living (the pillars' ids leave "smart" out)."""
    words = value.lower().split()
    if path[-1:] == ["pillar"] and len(words) > 1 and words[0] == "smart":
        words = words[1:]
    return "_".join(words)


def _wants_words(err: ValidationError) -> bool:
    """Whether the schema that failed asks for text that is not blank (a name, a title, a term)."""
    if err.validator == "anyOf":
        return any(branch.get("pattern") == NOT_BLANK for branch in err.validator_value)
    return err.validator == "pattern" and err.validator_value == NOT_BLANK


def _blank(value: Any) -> list[str] | None:
    """Where in ``value`` (a text, or a mapping of language code to text) a text is empty or only spaces:
    ``[]`` for the text itself, ``["en"]`` for one language's; None when none is."""
    if isinstance(value, str):
        return [] if not value.strip() else None
    if isinstance(value, dict):
        return next(([language] for language, text in value.items() if isinstance(text, str) and not text.strip()), None)
    return None


#: fields a planner writes into plan.yml to record a revision, which the plan records in its list of revisions
_REVISION_FIELDS = frozenset({"revision", "perubahan", "changes", "changelog", "change_log", "history", "perwali",
                              "document_number", "nomor", "nomor_perwali", "amendment", "adopted", "ditetapkan",
                              "penetapan"})


def _unknown_fields(err: ValidationError, field: str, mapping_at: Position) -> list[Diagnostic]:
    """One diagnostic per unknown field of a mapping (jsonschema reports them together), each at its key."""
    known = sorted(err.schema.get("properties", {}))
    found = []
    for name in [k for k in err.instance if k not in known] or ["?"]:
        where = err.instance.key_at(name) if isinstance(err.instance, LocatedMap) else mapping_at
        english = english_field(name, known)
        hint = (Message("field names are English: did you mean '{word}'?", word=english) if english
                else did_you_mean(str(name), known) or Message("known fields: {fields}", fields=", ".join(known)))
        if isinstance(name, int) and err.instance.get(name, 0) is None:  # {year: 2021, value: 2,4}: "4" alone
            hint = (_WHOLE_RUPIAH_SPLIT if "amount" in err.instance else
                    Message("in {{...}} a comma separates fields: write a decimal number with a point, e.g. value: 2.4"))
        hint = _split_amount(err.instance, name) or hint
        if str(name).lower() in _REVISION_FIELDS and "revisions" in known:  # plan.yml: not "did you mean 'vision'?"
            hint = Message("plan.yml lists its versions under revisions:, each with its version, date, summary (what "
                           "it changed) and decree (the Perwali that adopted it); raise version and date to the "
                           "revision's")
        if name == "lead" and "sub_element" in known:
            hint = Message("the agency whose file holds a program leads it: move the program into that agency's file")
        if field:
            found.append(error(where, "E103", "unknown field '{name}' in {field}", hint, name=name, field=field))
        else:
            found.append(error(where, "E103", "unknown field '{name}'", hint, name=name))
    return found


def _written_in_indonesian(err: ValidationError) -> bool:
    """Whether a required field is missing because the mapping has it under its Indonesian name (``nama``)."""
    missing = re.findall(r"'([^']+)' is a required property", err.message)
    known = sorted(err.schema.get("properties", {}))
    return bool(missing) and isinstance(err.instance, dict) and any(
        english_field(name, known) == missing[0] for name in err.instance if name not in known)


def locate_value(data: Any, path: list[Any]) -> Any:
    """The value at ``path`` inside ``data``, or None."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def check(kind: str, data: Any, position: Position) -> Iterator[Diagnostic]:
    """Every schema problem of one document (up to MAX_PROBLEMS), in file order, one per place."""
    if is_valid(kind, data):
        return
    seen: set[tuple[Any, ...]] = set()
    found: list[Diagnostic] = []
    errors = list(itertools.islice(_validator(kind).iter_errors(data), MAX_PROBLEMS * 10))
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
            found += _unknown_fields(err, _field(path, data) if path else "", locate(data, path, position))
        else:
            found.append(_explain(err, data, position))
    found.sort(key=lambda d: (d.position, d.code, d.message))
    yield from found[:MAX_PROBLEMS]
    if len(found) > MAX_PROBLEMS:
        yield error(found[MAX_PROBLEMS].position, "E109", "more problems in this file are not shown",
                    Message("fix the first {count} and validate again", count=MAX_PROBLEMS))
