"""How a value the schema refuses should be written: the hint of a schema problem.

YAML's own readings (a date, yes/no, a comment after #), amounts written as people write them (1.250.000,
Rp 1,5 miliar, a comma that split a mapping), and fields with parts written as one line of text
(``period: 2023-2026``, ``partners: dinsos, bpkad``), each with an example in the writer's own figures.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from masterplan.diagnostics import Message
from masterplan.located import DotGrouped

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def is_amount(path: list[Any]) -> bool:
    """Whether the value at ``path`` is an amount of rupiah: a budget line's, or a year's APBD ceiling in plan.yml."""
    return path[-1:] == ["amount"] or (len(path) == 2 and path[0] == "apbd_ceiling")


#: a field written without the space after its colon, which YAML reads as one text ("title:Pendahuluan")
_NO_SPACE_AFTER_COLON = re.compile(r"([A-Za-z_][\w-]*):(\S[^\n]*)")


def type_hint(err: ValidationError) -> str | None:
    """The hint for a value of another type than the schema asks (E101): what YAML made of it, and how to write it."""
    value = err.instance
    if isinstance(value, datetime.date) and "string" in str(err.validator_value):
        return Message("YAML reads {value} as a date: put it in quotes, \"{value}\"", value=value)
    if isinstance(value, bool) and "string" in str(err.validator_value):  # short_name: NO (Nomor Objek)
        return Message("YAML reads yes, no, on, off, true and false (small, capital or Capitalised) as yes or no: "
                       "put the text in quotes, e.g. \"NO\"")
    if isinstance(value, str) and _GROUPED.fullmatch(value.strip()) and "integer" in str(err.validator_value):
        digits = re.sub(r"\D", "", value)  # full-width ２０００ too: int() reads every script's digits
        return Message("write the number without quotes or dots: {number}", number=str(int(digits)) if digits else value)
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()) and is_amount(list(err.absolute_path)):
        return _WHOLE_RUPIAH
    if isinstance(value, str) and "integer" in str(err.validator_value) and (rupiah := _spelt(value)):
        return Message("write the amount in whole rupiah as a plain number: {number}", number=str(rupiah))
    if isinstance(value, str) and (glued := _NO_SPACE_AFTER_COLON.fullmatch(value.strip())):  # "title:Pendahuluan"
        return Message("a field's name is followed by a colon and a space: {fixed}",
                       fixed=f"{glued.group(1)}: {glued.group(2)}")
    if value is None and list(err.absolute_path)[-1:] == ["colour"]:  # colour: #1f4e79, a comment to YAML
        return Message("YAML reads # as the start of a comment: put the colour in quotes, \"#1f4e79\"")
    if value is None and "array" in str(err.validator_value):  # "programs:" with nothing under it
        return Message("write [] for an empty list, or put its items below, each on a line starting with '- '")
    if isinstance(value, str) and value.lower() in {"yes", "no", "ya", "tidak", "true", "false"}:
        return Message("write true for ya and false for tidak, without quotes")
    if isinstance(value, float) and "integer" in str(err.validator_value) and is_amount(list(err.absolute_path)):
        if 0 < value < 1000 and not value.is_integer() and not isinstance(value, DotGrouped):  # 1.5: 1,5 miliar
            return Message("amounts are whole rupiah: {miliar} if {value} miliar is meant, {juta} if {value} juta",
                           value=value, miliar=str(round(value * 10**9)), juta=str(round(value * 10**6)))
        return Message("amounts are whole rupiah, written without dots: "
                       "YAML takes a dot for a decimal point (1.500 is one and a half)")
    if list(err.absolute_path)[-2:-1] == ["contact"] and isinstance(value, (int, float)):  # phone: 081234567890
        return Message("YAML reads it as a number: put it in quotes, e.g. {example}", example='phone: "0812 3456 7890"')
    return _shape_hint(err)


#: what an agency's contact field holds, and an example of it
CONTACT_WORDS = {"email": (Message("an e-mail address"), "email: dinkes@kota.go.id"),
                  "website": (Message("a web address"), "website: https://dinkes.kota.go.id"),
                  "phone": (Message("a phone number"), 'phone: "0812 3456 7890"'),
                  "address": (Message("an address"), "address: Jl. Pahlawan No. 1")}
#: how a field with parts is written, for one written as something else ("period: 2023-2026")
_SHAPES = {"period": "period: {start: 2023, end: 2026}", "baseline": "baseline: {year: 2021, value: 45}",
           "targets": "targets: {2024: 50, 2025: 60}", "realised": "realised: {2023: 78, 2024: 85}",
           "partners": "partners: [dinsos, dispendukcapil]",
           "budget": "budget: [{year: 2024, amount: 150000000, source: APBD}]", "missions": "missions: [m1, m3]",
           "supports": "supports: [GOV-01, ECO-03]", "depends_on": "depends_on: [GOV-01]",
           "former_ids": "former_ids: [GOV-13]", "goals": "goals: [Layanan publik daring pada 2026]",
           "unit": "unit: persen"}
#: a field of a file's top level written otherwise than a program's of the same name: plan.yml's missions, each an
#: id and its text (a program names them by id only)
_TOP_SHAPES = {"missions": "missions: [{id: m1, text: Tata kelola pemerintahan yang melayani}]"}


def example_of(name: str, allowed: list[str] | None = None, top: bool = False) -> Message | None:
    """How a field that is missing is written (``period: {start: 2023, end: 2026}``); one of a few values
    (``allowed``, a ``kind``'s or a ``status``'s), with them all; ``top``: a field of the file's top level."""
    if allowed:
        return Message("write {name}: and one of {values}", name=name, values=", ".join(map(str, allowed)))
    shapes = {**_SHAPES, **_TOP_SHAPES} if top else _SHAPES
    return Message("e.g. {example}", example=shapes[name]) if name in shapes else None


#: an indicator's figures by year, a mapping of year to value: a writer may list them (``- 2024: 72``) or leave a year empty
_BY_YEAR = ("targets", "realised")
#: the fields that list ids, which a writer may give as one line of text ("dinsos, bpkad"); goals are sentences
_ID_LISTS = ("partners", "missions", "supports", "depends_on", "former_ids")
#: ids apart by spaces only ("diskominfotik rsud", "GOV-01 GOV-02"): no name of words, which has capitals
_ID_WORDS = re.compile(r"(?:[a-z0-9_]+|[A-Z]{2,}-\d+)(?:\s+(?:[a-z0-9_]+|[A-Z]{2,}-\d+))*")
#: a name in brackets after an id: "GOV-12 (Jaringan Intrapemerintah)"
_NAMED_AFTER = re.compile(r"\s*\([^()]*\)\s*$")
_YEAR_SPAN = re.compile(r"\s*((?:19|20)\d\d)\s*(?:[-–—/]|s\.?d\.?|sampai)\s*((?:19|20)\d\d)\s*")


def colon_in_text(value: Any) -> Message | None:
    """A text with ": " in it, read as a field and its value ("description: Tujuan: …")."""
    if isinstance(value, dict) and not all(isinstance(k, str) and LANGUAGE_CODE.fullmatch(k) for k in value):
        return Message('a text with ": " in it goes in quotes, or below its field: write | after the field\'s name '
                       "and the text on the lines under it, indented")
    return None


def _budget_by_year(value: Any) -> str | None:
    """A budget written as targets are, a year to an amount (``{2024: 1500000000}``, or a list of such), as budget
    lines: ``budget: [{year: 2024, amount: 1500000000, source: APBD}]``; None for anything else."""
    pairs = value.items() if isinstance(value, dict) else [pair for item in value if isinstance(item, dict)
                                                            for pair in item.items()] if isinstance(value, list) else []
    lines = [f"{{year: {year}, amount: {amount}, source: APBD}}" for year, amount in pairs
             if isinstance(year, int) and 1900 < year < 2200 and isinstance(amount, int) and not isinstance(amount, bool)]
    return f"budget: [{', '.join(lines)}]" if lines else None


def budget_amount_hint(value: Any, program: Any) -> Message | None:
    """For a budget written as one amount (``budget: 75000000``), the line it would be in the program's first
    year; None without an amount, or without a year to give it."""
    period = program.get("period") if isinstance(program, dict) else None
    start = period.get("start") if isinstance(period, dict) else None
    if not (isinstance(value, int) and not isinstance(value, bool) and value > 0 and isinstance(start, int)):
        return None
    return Message("written like this, a line a year: {example}",
                   example=f"budget: [{{year: {start}, amount: {value}, source: APBD}}]")


def budget_line_hint(path: list[Any], line: Any) -> Message | None:
    """For a budget line written as a target is, ``- 2024: 1500000000``, the line written as a budget line is;
    None for any other."""
    if path[-2:-1] != ["budget"] or not isinstance(line, dict) or "year" in line:
        return None
    written = _budget_by_year([line])
    return Message("a budget line names its year, amount and source: {example}",
                   example=written.removeprefix("budget: [").removesuffix("]").join(("- ", ""))) if written else None


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
    elif field in _BY_YEAR and (listed := _listed_years(field, value)):  # "- 2024: 72": the writer's years
        example = listed
    elif field == "budget" and (lines := _budget_by_year(value)):  # "- 2024: 1500000000", as targets are written
        example = lines
    elif isinstance(value, str) and field in _ID_LISTS and value.strip():  # "dinsos, dispendukcapil"
        parts = [part.strip() for part in re.split(r"[,;]| dan ", value) if part.strip()]
        # "GOV-12 (Jaringan Intrapemerintah)": the id, its name after it as the book prints it, which is no id
        parts = [bare if _ID_WORDS.fullmatch(bare := _NAMED_AFTER.sub("", part)) else part for part in parts]
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


def empty_year_hint(path: list[Any], figures: Any) -> Message | None:
    """The hint for a year of an indicator's targets or realised figures left empty (``2026:`` with nothing): write
    its figure, or leave the year out, shown with the writer's other years."""
    field = path[-2] if len(path) > 1 else None
    if field not in _BY_YEAR or not isinstance(figures, dict) or figures.get(path[-1], 0) is not None:
        return None
    example = _by_year(field, list(figures.items())) or _SHAPES[field]
    if field == "realised":
        return Message("write that year's realised figure, or leave out a year not yet measured: {example}",
                       example=example)
    return Message("write that year's target, or leave out a year without one: {example}", example=example)


def _listed_years(field: str, value: Any) -> str:
    """Figures written as a list of years (``- 2024: 72``, each item a mapping of one year) as the one mapping they
    are written as; empty for another list."""
    if not isinstance(value, list) or not all(isinstance(item, dict) and len(item) == 1 for item in value):
        return ""
    return _by_year(field, [pair for item in value for pair in item.items()])


def _by_year(field: str, pairs: list[tuple[Any, Any]]) -> str:
    """``targets: {2024: 50, 2025: 60}`` of the years given a value; empty when none is."""
    written = [f"{year}: {value}" for year, value in pairs if value is not None]
    return f"{field}: {{{', '.join(written)}}}" if written else ""


#: digits grouped in threes by dots, commas or spaces ("1.250.000"), or plain digits in quotes
_GROUPED = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")
#: a number with a decimal comma or point that is no grouping of thousands ("1,5")
_DECIMAL = re.compile(r"\d+[.,](?:\d{1,2}|\d{4,})")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?")  #: a key of a text per language: id, en, jv, zh-Hant
_WHOLE_RUPIAH = Message("amounts are whole rupiah: write the amount in full, e.g. 1500000000 for 1,5 miliar")
WHOLE_RUPIAH_SPLIT = Message("amounts are whole rupiah, and in {{...}} a comma separates fields: write the amount "
                              "in full, e.g. 1500000000 for 1,5 miliar")


def split_amount(mapping: Any, name: Any = None) -> Message | None:
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
