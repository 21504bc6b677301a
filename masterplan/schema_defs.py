"""The content format's shared parts, as JSON Schema ``$defs``: the kinds of value and the parts several files hold.

Text, names, years, periods and values; an indicator, a budget line, a program, a mission, a phase, a
revision, a readiness row, the SWOT analysis, a sub-element; the words and limits they allow, and the helpers that declare
them. :mod:`masterplan.schema` puts them together into one schema per kind of file.
"""

from __future__ import annotations

from typing import Any

from masterplan.directions import DIRECTIONS
from masterplan.list_limits import bounded

PROGRAM_STATUSES = ["planned", "ongoing", "done"]
INDICATOR_DIRECTIONS = list(DIRECTIONS)
AGENCY_KINDS = ["dinas", "badan", "sekretariat", "kecamatan", "bumd", "other"]
ENTERPRISE = "bumd"  #: the kind of a regional enterprise (BUMD, a Perumda): an agency of the plan, no perangkat daerah
READINESS_ELEMENTS = ["struktur", "infrastruktur", "suprastruktur"]
PLAN_STATUSES = ["draft", "final"]
CHAPTER_PARTS = ["front", "body", "back"]
GENERATED_PARTS = ["vision", "readiness", "pillars", "quick_wins", "roadmap", "budget", "attainment", "agencies", "changes"]

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
PROGRAM_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
#: the shape a program's id takes in every plan (GOV-01, ECO-12a), which :data:`PROGRAM_ID` allows among others: what
#: in a text reads as a program's id typed wrong
CODE_SHAPE = r"[A-Z]{2,5}-[0-9]{1,3}[A-Za-z]?"
#: The longest id of what has a web page of its own (program/<id>.html): a file name has at most 255 bytes.
MAX_PAGE_ID = 100
#: text with something to read: a name, title or term that is empty or only spaces makes an empty heading
NOT_BLANK = r"\S"
#: The largest amount of one budget line, in whole rupiah: a million trillion less one (a whole national
#: budget is a few thousand trillion). Bounded so that every total of a plan prints exactly.
MAX_AMOUNT = 10**18 - 1
#: The largest value of an indicator, either side of zero: a thousand trillion (10^15). Its whole digits
#: print exactly (a float holds every whole number up to 2^53, about 9·10^15); its hundredths only below
#: about 7·10^13, where a float is still finer than 0.01.
MAX_VALUE = 10**15


def obj(description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """A mapping of the fields ``properties``, ``required`` among them, and no others."""
    return {"type": "object", "description": description, "properties": properties,
            "required": required, "additionalProperties": False}


def ref(name: str, description: str) -> dict[str, Any]:
    """One of :data:`DEFS` by its ``name``, described as this field."""
    return {"$ref": f"#/$defs/{name}", "description": description}


def list_of(item: dict[str, Any], description: str) -> dict[str, Any]:
    """A list whose items are each ``item``."""
    return {"type": "array", "items": item, "description": description}


def _factors(description: str) -> dict[str, Any]:
    """A kind of SWOT factor: at least one, each a text; an empty item (``-``) passes here for
    :mod:`masterplan.checks.swot` to tell at its line, as it tells an empty text (E112)."""
    return {**list_of({"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}, description), "minItems": 1}


def page_id(pattern: str, description: str) -> dict[str, Any]:
    """The id of what the site gives a page of its own, named after it: short enough to name a file."""
    return {"type": "string", "pattern": pattern, "maxLength": MAX_PAGE_ID, "description": description}


def ids(pattern: str, description: str) -> dict[str, Any]:
    """A list of ids, each matching ``pattern``."""
    return list_of({"type": "string", "pattern": pattern}, description)


DEFS: dict[str, Any] = {
    "text": {
        "description": "Text in the plan's language, or a mapping of language code to text.",
        "anyOf": [
            {"type": "string"},
            {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
             "additionalProperties": {"type": "string"}, "minProperties": 1},
        ],
    },
    "name": {
        "description": "A name or title: text in the plan's language, or a mapping of language code to text; "
                       "never empty.",
        "anyOf": [
            {"type": "string", "pattern": NOT_BLANK},
            {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
             "additionalProperties": {"type": "string", "pattern": NOT_BLANK}, "minProperties": 1},
        ],
    },
    "year": {"type": "integer", "minimum": 1900, "maximum": 2200, "description": "A calendar year."},
    "period": obj("First and last year, both included.", {
        "start": ref("year", "First year."),
        "end": ref("year", "Last year."),
    }, ["start", "end"]),
    "value": {"description": "A number (at most 10^15 either side of zero), or a short text for a qualitative "
              "target.", "type": ["number", "string"], "minimum": -MAX_VALUE, "maximum": MAX_VALUE},
    "indicator": obj("A measurable indicator with a baseline and yearly targets.", {
        "name": ref("name", "What is measured."),
        "unit": ref("text", "Unit of measure, e.g. persen, layanan, indeks."),
        "baseline": obj("The value before the plan.", {
            "year": ref("year", "Year of the baseline measurement."),
            "value": ref("value", "Baseline value."),
        }, ["year", "value"]),
        "targets": {"type": "object", "description": "Target per year: {2023: 40, 2024: 60}.",
                    "propertyNames": {"pattern": "^[0-9]{4}$"},
                    "additionalProperties": {"$ref": "#/$defs/value"}},
        "realised": {"type": "object", "description": "What the indicator reached per year, as monitoring "
                     "(monev) measured it, written like targets: {2022: 35, 2023: 41}. Printed beside the "
                     "targets (Realisasi) and carried by the open data.",
                     "propertyNames": {"pattern": "^[0-9]{4}$"},
                     "additionalProperties": {"$ref": "#/$defs/value"}},
        "direction": {"enum": INDICATOR_DIRECTIONS, "description": "Which way is better: up (naik: a share of "
                      "services online) or down (turun: a stunting rate). The book and the site print it beside the "
                      "targets; validate warns of a target that moves the other way, or a final target no better "
                      "than the baseline."},
    }, ["name", "unit"]),
    "budget_line": obj("Indicative budget for one year from one source.", {
        "year": ref("year", "Budget year."),
        "amount": {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT,
                   "description": "Amount in whole rupiah, e.g. 1250000000."},
        "source": {"type": "string", "description": "Funding source, one of the plan's funding_sources."},
    }, ["year", "amount", "source"]),
    "program": obj("A program, led by the agency whose file holds it.", {
        "id": page_id(PROGRAM_ID, "Unique in the whole plan, e.g. GOV-01."),
        "name": ref("name", "Program name."),
        "pillar": {"type": "string", "pattern": SLUG, "description": "Pillar id."},
        "sub_element": {"type": "string", "pattern": SLUG, "description": "Sub-element id of that pillar."},
        "summary": ref("text", "One sentence: the problem and what the program delivers."),
        "description": ref("text", "Longer description (Markdown)."),
        "location": ref("text", "Where it is carried out: the whole city, a district (kecamatan), an area."),
        "quick_win": {"type": "boolean", "description": "A fast, visible program (usually one per pillar)."},
        "partners": bounded("partners", ids(SLUG, "Supporting agencies (ids).")),
        "period": ref("period", "Implementation years."),
        "budget": list_of({"$ref": "#/$defs/budget_line"}, "Indicative budget by year and source."),
        "indicators": list_of({"$ref": "#/$defs/indicator"}, "Output and outcome indicators."),
        "depends_on": bounded("depends_on", ids(PROGRAM_ID, "Programs that must come first (ids).")),
        "former_ids": ids(PROGRAM_ID, "Ids this program had before it was renamed: their web pages lead to its "
                           "page, so published links keep working."),
        "missions": bounded("missions", ids(SLUG, "RPJMD missions served (ids).")),
        "status": {"enum": PROGRAM_STATUSES, "description": "planned, ongoing or done."},
    }, ["id", "name", "pillar", "sub_element", "period"]),
    "mission": obj("An RPJMD mission.", {
        "id": page_id(SLUG, "Mission id, e.g. m1."),
        "text": ref("text", "The mission."),
    }, ["id", "text"]),
    "phase": obj("A stage of the roadmap (tahapan): short, medium or long term.", {
        "name": ref("name", "Name, e.g. Jangka Pendek."),
        "theme": ref("text", "What the stage is about, e.g. Membangun Momentum."),
        "period": ref("period", "Its years, within the plan period."),
        "description": ref("text", "What is done in the stage, a paragraph or more (Markdown): the roadmap "
                                    "chapter prints it under the stage's heading ({{ phase.description }})."),
    }, ["name", "period"]),
    "revision": obj("One version of the plan in its history (riwayat revisi), a row of the table the book's front "
                     "matter and the site's home page print.", {
        "version": {"type": ["string", "number"], "description": "The version's number as the cover gives it, in "
                    "quotes: \"1.0\" (unquoted, YAML reads 1.10 as 1.1)."},
        "date": {"type": "string", "format": "date", "description": "When it was issued or adopted (YYYY-MM-DD), on "
                 "or before the plan's date."},
        "summary": ref("name", "What this version is or changed, e.g. Rancangan untuk konsultasi publik."),
        "decree": ref("name", "The regulation that adopted it, as it names itself, e.g. Peraturan Wali Kota "
                       "Pasuruan Nomor 45 Tahun 2022 or Peraturan Bupati Sidoarjo Nomor 12 Tahun 2023 (none for a "
                       "draft), optionally followed by 'tentang' and its title; a Keputusan's number may end with its "
                       "year (Nomor 188.45/12/423.011/2022), and one cited with its amendment (… sebagaimana telah "
                       "diubah dengan …) is the amendment's. A final plan's book at this version is that regulation's "
                       "annex: its cover is headed LAMPIRAN / PERATURAN WALI KOTA PASURUAN (or PERATURAN BUPATI "
                       "SIDOARJO) / NOMOR 45 TAHUN 2022 / TENTANG / …, and it ends signed 'WALI KOTA PASURUAN,' (or "
                       "'BUPATI SIDOARJO,'). validate warns of one it cannot read so (W121)."),
    }, ["version", "date", "summary"]),
    "readiness": obj("One row of the readiness analysis.", {
        "element": {"enum": READINESS_ELEMENTS, "description": "struktur, infrastruktur or suprastruktur."},
        "aspect": ref("text", "Aspect assessed."),
        "condition": ref("text", "Current condition."),
        "gap": ref("text", "Gap to close."),
        "recommendation": ref("text", "Recommendation."),
    }, ["element", "aspect", "condition"]),
    "swot": obj("The city's SWOT analysis (analisis SWOT), typed once for every book that prints it: a chapter "
                "prints its factors with Jinja ({{ plan.swot.strengths | join('; ') }}).", {
        "strengths": _factors("Strengths (kekuatan): internal, positive."),
        "weaknesses": _factors("Weaknesses (kelemahan): internal, negative."),
        "opportunities": _factors("Opportunities (peluang): external, positive."),
        "threats": _factors("Threats (ancaman): external, negative."),
    }, ["strengths", "weaknesses", "opportunities", "threats"]),
    "sub_element": obj("A sub-element of a pillar.", {
        "id": {"type": "string", "pattern": SLUG, "description": "Id, unique within the pillar."},
        "name": ref("name", "Name."),
        "description": ref("text", "Description."),
    }, ["id", "name"]),
}
