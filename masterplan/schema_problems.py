"""One schema problem in words an agency's staff can act on: which field, what was expected, and a hint where one
helps (:mod:`masterplan.schema_hints`); an unknown field said at its key, with the field likely meant."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from masterplan import look_alike_spaces, other_comments
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    error,
    listing,
)
from masterplan.indonesian_words import (
    INDONESIAN_DIRECTIONS,
    INDONESIAN_KINDS,
    INDONESIAN_STATUSES,
    english_field,
)
from masterplan.list_limits import HINTS
from masterplan.located import LocatedMap, as_written, locate
from masterplan.sample_plan import is_regency
from masterplan.schema_defs import MAX_VALUE, NOT_BLANK
from masterplan.schema_hints import (
    CONTACT_WORDS,
    LANGUAGE_CODE,
    WHOLE_RUPIAH_SPLIT,
    budget_amount_hint,
    budget_line_hint,
    colon_in_text,
    empty_year_hint,
    example_of,
    is_amount,
    split_amount,
    type_hint,
)
from masterplan.yaml_syntax import pasted_row

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


_TYPE_NAMES = {"string": Message("text"), "integer": Message("a whole number"), "number": Message("a number"),
               "boolean": Message("true or false"), "array": Message("a list"),
               "object": Message("a mapping of fields")}


def _character_named(character: str) -> str:
    """``U+0435 CYRILLIC SMALL LETTER IE``: a character no one can see is wrong, named."""
    import unicodedata
    return f"{look_alike_spaces.code_point(ord(character))} {unicodedata.name(character, '')}".strip()


def _describe(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    if value is None:
        return Message("nothing")
    if isinstance(value, bool):  # as YAML writes it: true, not Python's True
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value  # a number, written in the reader's language (1,5)
    return repr(value) if isinstance(value, str) else str(value)


def field_name(path: Any, data: Any = None) -> str:
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


def explain(err: ValidationError, data: Any, default: Position) -> Diagnostic:
    """One problem in words (unknown fields, which come in groups, are :func:`unknown_fields`). A value ending in
    another language's comment (``false  // belum``) is told so, whatever else is wrong with it."""
    told = _explain(err, data, default)
    commented = other_comments.hint(err.instance) if isinstance(err.instance, str) else None
    return told if commented is None else replace(told, hint=commented)


def _explain(err: ValidationError, data: Any, default: Position) -> Diagnostic:
    path = list(err.absolute_path)
    where = locate(data, path, default)
    field = field_name(path, data)
    kind = err.validator
    if "propertyNames" in err.relative_schema_path:  # a key of a free-form mapping: targets' years
        container = locate_value(data, path)
        if isinstance(container, LocatedMap):
            where = container.key_at(err.instance)
        split = isinstance(container, dict) and container.get(err.instance, 0) is None  # {2023: 20,5}: "5" alone
        realised = path[-1:] == ["realised"]
        return error(where, "E106", "{field}: '{value}' is not a year", _glued(err.instance, None) or (
                     _decimal_cut(container, err.instance, realised) if split else None) or (
                     "in {{...}} a comma separates realised figures: write a decimal number with a point, e.g. "
                     "2023: 16.4" if split and realised else
                     "in {{...}} a comma separates targets: write a decimal number with a point, e.g. 2023: 20.5"
                     if split else "write each year in four digits and its ceiling in whole rupiah, e.g. 2024: "
                     "12000000000" if path[:1] == ["apbd_ceiling"] else
                     "write each realised figure as a four-digit year and a value, e.g. 2023: 78"
                     if realised else
                     "write each target as a four-digit year and a value, e.g. 2024: 80"),
                     field=field, value=err.instance)
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        name = missing[0] if missing else err.message
        container = locate_value(data, path)
        glued = next((said for key in (container if isinstance(container, dict) else {})
                      if str(key).startswith(f"{name}:") and (said := _glued(key, [name]))), None)
        glued = glued or budget_line_hint(path, container)  # "- 2024: 1500000000": a line written as a target
        described = err.schema.get("properties", {}).get(name) if isinstance(err.schema, dict) else None
        hint: str | None = glued or example_of(name, described.get("enum") if isinstance(described, dict) else None,
                                               not path)
        stem = PurePosixPath(where.file).stem
        if name == "id" and not path and re.fullmatch(r"[a-z0-9_]+", stem):  # an agency's or a pillar's file
            hint = Message("write id: {id}, the file's name", id=stem)
        if not path:
            return error(where, "E102", "missing required field '{name}'", hint, name=name)
        return error(where, "E102", "missing required field '{name}' in {field}", hint, name=name, field=field)
    if kind == "type" and isinstance(err.schema, dict) and err.schema.get("format") == "date":  # date: 20211201
        return error(where, "E101", "{field} should be a date, not {value}", "write it as YYYY-MM-DD, e.g. 2021-12-01",
                     field=field, value=_describe(err.instance))
    if kind == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = listing((_TYPE_NAMES.get(t, t) for t in expected), "or")
        container = locate_value(data, path[:-1])
        amount_split = split_amount(container) if path[-1:] == ["amount"] else None
        pasted = pasted_row(err.instance) if isinstance(err.instance, str) and "\t" in err.instance else None
        numbered = (Message("write the id plan.yml's missions give mission {number}, e.g. m{number}",
                            number=err.instance)  # missions: [2]: a mission's number, not its id
                    if path[-2:-1] == ["missions"] and type(err.instance) is int else None)
        hint = (amount_split or pasted or numbered or empty_year_hint(path, container)
                or (budget_amount_hint(err.instance, container) if path[-1:] == ["budget"] else None)
                or type_hint(err))
        return error(where, "E101", "{field} should be {expected}, not {value}", hint,
                     field=field, expected=words, value=_describe(err.instance))
    if (blank := _blank(err.instance)) is not None and _wants_words(err):
        at = path + blank  # {id: "", en: Smart Economy}: at the empty language's text
        return error(locate(data, at, default), "E112", "{field} is empty",
                     "write it in words: the book and the site show it", field=field_name(at, data))
    if kind == "anyOf":
        cut = isinstance(err.instance, dict) and any(  # {id: satu, dua, en: …}: "dua" a key of no value
            value is None and not LANGUAGE_CODE.fullmatch(str(key)) for key, value in err.instance.items())
        return error(where, "E101", "{field} should be text, or a mapping of language code to text "
                                    "(e.g. {{id: ..., en: ...}}), not {value}",
                     'a comma inside {{...}} ends a text there: put each text in quotes, e.g. {{id: "kabupaten, desa", '
                     'en: "regency, village"}}' if cut else colon_in_text(err.instance), field=field,
                     value=_describe(err.instance))
    if kind == "enum":
        choices = [str(c) for c in err.validator_value]
        if err.instance is None:  # "status:" left empty: not the value 'None', and no "did you mean 'done'?"
            return error(where, "E104", "{field} is empty", Message("write one of {choices}",
                                                                   choices=", ".join(choices)), field=field)
        meant = {**INDONESIAN_STATUSES, **INDONESIAN_DIRECTIONS, **INDONESIAN_KINDS}.get(
            " ".join(str(err.instance).lower().split()))
        hint = (Message("values are English: did you mean '{word}'?", word=meant) if meant in choices
                else did_you_mean(str(err.instance), choices))
        return error(where, "E104", "{field}: '{value}' is not one of {choices}", hint,
                     field=field, value=err.instance, choices=", ".join(choices))
    if kind == "maxLength":  # an id the site would name a page after, longer than a file name can be
        return error(where, "E106", "{field}: an id of {length} characters is too long (at most {limit}): the site "
                     "names a page after it", "shorten it: an id is a short code, the name says the rest",
                     field=field, length=len(err.instance), limit=err.validator_value)
    if kind == "pattern" and path[-2:-1] == ["contact"] and path[-1] in CONTACT_WORDS:
        what, example = CONTACT_WORDS[path[-1]]
        return error(where, "E106", "{field}: '{value}' is not {what}", Message("written like this: {example}",
                                                                                example=example),
                     field=field, value=err.instance, what=what)
    if kind == "pattern" and (path[-2:-1] == ["errors_when_final"] or path[-3:-2] == ["accepted_warnings"]
                              and path[-1:] == ["code"]):
        value = str(err.instance).strip()
        hint = (Message("an error stops the build already: only a warning's code is written here")
                if value[:1] in ("E", "e") and path[-2:-1] == ["errors_when_final"]
                else Message("an error cannot be accepted: it must be fixed") if value[:1] in ("E", "e")
                else Message("written in capitals: {code}", code=value.upper())
                if value != value.upper() and re.fullmatch(str(err.validator_value), value.upper())
                else Message("a warning's code is W and three digits, as in its line: warning[W406]"))
        return error(where, "E106", "{field}: '{value}' is not a warning's code", hint, field=field, value=err.instance)
    if kind == "pattern":
        value = str(err.instance)
        if path[-1:] == ["language"]:
            hint = Message("write the language as its code: id (Indonesian) or en (English)")
        elif path[-2:-1] == ["missions"] and (number := re.fullmatch(r"(?i)\s*misi[\s_-]*(\d+)\s*", value)):
            hint = Message("write the id plan.yml's missions give mission {number}, e.g. m{number}",
                           number=int(number.group(1)))  # "misi 2": not misi_2, which is no mission's id either
        elif (odd := look_alike_spaces.SPACES.search(value)) and re.fullmatch(  # pasted with an invisible character
                str(err.validator_value), bare := look_alike_spaces.SPACES.sub("", value).strip()):
            hint = Message("it holds {space}, which shows as nothing or as a space: write {id}",
                           space=look_alike_spaces.name(odd.group()), id=bare)
        elif odd_letter := next((c for c in value if not c.isascii()), None):  # "dinkеs": a Cyrillic е, unseen
            hint = Message("it holds {character}, which looks like a letter of the Latin alphabet or like nothing: "
                           "retype the id with the keyboard's letters", character=_character_named(odd_letter))
        elif value.strip() != value and re.fullmatch(str(err.validator_value), value.strip()):
            hint = Message("remove the spaces around it: {id}", id=value.strip())  # "LIV-09 ": not "write liv-09"
        elif re.fullmatch(str(err.validator_value), value.lower().strip()):
            hint = Message("ids are written in small letters: {id}", id=value.lower().strip())
        elif "A-Z" not in str(err.validator_value) and re.fullmatch(  # a slug, not a program's code ("GOV 01")
                str(err.validator_value), slug := _slug(value, path, _chapter(where))):
            hint = Message("ids are written in small letters, with '-' for a space: {id}" if _chapter(where) else
                           "ids are written in small letters, with '_' for a space: {id}", id=slug)  # Prasarana Kesehatan
        else:
            hint = Message("use small letters, digits, '-' and '_' only, no spaces" if "a-z" in str(err.validator_value)
                           and "A-Z" not in str(err.validator_value) else "use letters, digits, '-' and '_' only, no spaces")
        found = error(where, "E106", "{field}: '{value}' is not a valid id or code", hint, field=field, value=err.instance)
        # an agency, a program, a pillar or a sub-element named as people name it (partners: [Dinas Kesehatan],
        # depends_on: [e-Sambat (Media Sambat Masyarakat)], sub_element: Tata Kelola Sampah dan Limbah): the loader,
        # once every file is read, names its id (names_for_ids.named_for_ids)
        named = path[-2:-1] in (["partners"], ["depends_on"], ["supports"]) or path[-1:] in (["pillar"], ["sub_element"])
        return found.naming(value.strip()) if named else found
    if kind == "minimum" and is_amount(path):
        return error(where, "E304", "{field}: negative amount {value:,}", "an amount is whole rupiah, 0 or more: "
                     "delete the minus sign", field=field,
                     value=err.instance)
    if kind in ("minimum", "maximum") and abs(err.validator_value) >= MAX_VALUE:  # an amount, an indicator's value
        hint = (Message("check the number of digits: an amount is whole rupiah, below a million trillion (10^18)")
                if is_amount(path) else
                Message("check the number of digits, or measure in a larger unit (e.g. miliar rupiah instead of rupiah)"))
        return error(where, "E107", "{field}: {value:,} is out of range (at least {bound:,})" if kind == "minimum"
                     else "{field}: {value:,} is out of range (at most {bound:,})", hint,
                     field=field, value=err.instance, bound=err.validator_value)
    if kind in ("minimum", "maximum"):
        return error(where, "E107", "{field}: {value} is out of range (at least {bound})" if kind == "minimum"
                     else "{field}: {value} is out of range (at most {bound})",
                     _year_in_full(err.instance) if "year" in field or field.endswith(("start", "end")) else None,
                     field=field, value=err.instance, bound=err.validator_value)
    if kind == "maxItems":  # a list whose length multiplies the build's work (list_limits): its count, not its items
        container = locate_value(data, path[:-1])
        if isinstance(container, LocatedMap) and path:  # at its field's name, where the list starts
            where = container.key_at(path[-1])
        return error(where, "E107", "{field} lists {count:,} items, more than the {limit:,} it may have",
                     HINTS.get(str(path[-1])) if path else None, field=field, count=len(err.instance),
                     limit=err.validator_value)
    if kind == "minItems":  # swot: {strengths: []}: the chapter would print "Kekuatan: ."
        return error(where, "E112", "{field} is empty", "write at least one item in the list", field=field)
    return error(where, "E100", "{field}: {problem}", field=field, problem=err.message)


def _year_in_full(value: Any) -> Message:
    """The hint for a year written short: 21 is 2021, as a writer of two digits means it."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100:
        return Message("write the year in full: {year}", year=2000 + value)
    return Message("write a year in full, e.g. 2024")


def _slug(value: str, path: list[Any], chapter: bool = False) -> str:
    """An id as a name would be written as one: "Prasarana Kesehatan" → prasarana_kesehatan; a pillar named
    "Smart Living" is living (the pillars' ids leave "smart" out); a chapter's, as its file and its page are named,
    with hyphens: "Gambaran Umum" → gambaran-umum."""
    words = value.lower().split()
    if path[-1:] == ["pillar"] and len(words) > 1 and words[0] == "smart":
        words = words[1:]
    return ("-" if chapter else "_").join(words)


def _chapter(where: Position) -> bool:
    """Whether a problem is in a chapter's front matter (the book's, or the strategic analysis's)."""
    return where.file.startswith(("content/chapters/", "content/analysis/"))


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
_REVISION_FIELDS = frozenset({"revision", "perubahan", "changes", "changelog", "change_log", "history", "perwali", "decree",
                              "document_number", "nomor", "nomor_perwali", "amendment", "adopted", "ditetapkan",
                              "penetapan"})


def unknown_fields(err: ValidationError, field: str, mapping_at: Position) -> list[Diagnostic]:
    """One diagnostic per unknown field of a mapping (jsonschema reports them together), each at its key."""
    known = sorted(err.schema.get("properties", {}))
    found = []
    for name in [k for k in err.instance if k not in known] or ["?"]:
        where = err.instance.key_at(name) if isinstance(err.instance, LocatedMap) else mapping_at
        english = english_field(name, known)
        hint = (Message("field names are English: did you mean '{word}'?", word=english) if english
                else did_you_mean(str(name), known) or Message("known fields: {fields}", fields=", ".join(known)))
        if isinstance(name, int) and err.instance.get(name, 0) is None:  # {year: 2021, value: 2,4}: "4" alone
            hint = (WHOLE_RUPIAH_SPLIT if "amount" in err.instance else
                    Message("in {{...}} a comma separates fields: write a decimal number with a point, e.g. value: 2.4"))
        hint = split_amount(err.instance, name) or hint
        if (glued := _glued(name, known)) is not None:  # {amount:350000000}: one key, no value
            hint = glued
        if isinstance(name, int):  # "- 2024: 1500000000": a budget line written as a target
            hint = budget_line_hint(list(err.absolute_path), err.instance) or hint
        if str(name).lower() in _REVISION_FIELDS and "revisions" in known:  # plan.yml: not "did you mean 'vision'?"
            # the regulation a kota's Wali Kota adopts it with is a Perwali, a kabupaten's Bupati's a Perbup
            hint = (Message("plan.yml lists its versions under revisions:, each with its version, date, summary (what "
                            "it changed) and decree (the Perbup that adopted it); raise version and date to the "
                            "revision's") if is_regency(str(err.instance.get("city") or ""))
                    else Message("plan.yml lists its versions under revisions:, each with its version, date, summary "
                                 "(what it changed) and decree (the Perwali that adopted it); raise version and date "
                                 "to the revision's"))
        hint = (other_comments.field_hint(name) if isinstance(name, str) else None) or hint  # "/* catatan: …"
        if name == "lead" and "sub_element" in known:
            hint = Message("the agency whose file holds a program leads it: move the program into that agency's file")
        if field:
            found.append(error(where, "E103", "unknown field '{name}' in {field}", hint, name=as_written(name),
                               field=field))
        else:
            found.append(error(where, "E103", "unknown field '{name}'", hint, name=as_written(name)))
    return found


def _decimal_cut(years: dict[Any, Any], piece: Any, realised: bool) -> Message | None:
    """For the piece a comma cut off a target's (a ``realised`` figure's) decimal number ({2024: 10,5}: the year 2024 at 10, then "5"), the
    target written as the writer meant it, 2024: 10.5; None where the key before it is no year and a whole number."""
    keys = list(years)
    at = keys.index(piece) if piece in keys else 0
    year = keys[at - 1] if at else None
    value = years.get(year) if year is not None else None
    if not (isinstance(year, int) and isinstance(value, int) and not isinstance(value, bool)):
        return None
    return Message("in {{...}} a comma separates realised figures: write the decimal number with a point, {year}: "
                   "{value}" if realised else "in {{...}} a comma separates targets: write the decimal number with a "
                   "point, {year}: {value}", year=str(year),
                   value=f"{value}.{getattr(years, 'written_keys', {}).get(piece, piece)}")


def _glued(key: Any, known: list[str] | None) -> Message | None:
    """For a key with a value glued to it, ``amount:350000000`` or ``2024:500`` (YAML reads one word, no value:
    a colon ends a key only before a space), how to write it; None for any other key. ``known``: the fields the
    key may name, or None for a year."""
    glued = re.fullmatch(r"([^:\s]+):(\S.*)", str(key))
    if not glued or not (re.fullmatch(r"\d{4}", glued.group(1)) if known is None else glued.group(1) in known):
        return None
    return Message("write a space after the colon: {name}: {value}", name=glued.group(1), value=glued.group(2))


def locate_value(data: Any, path: list[Any]) -> Any:
    """The value at ``path`` inside ``data``, or None."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
