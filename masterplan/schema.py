"""The content format, declared once as JSON Schema.

The same declarations check every file (see :mod:`masterplan.validation`), are printed by
``masterplan schema`` for editors (the YAML language server completes fields and flags
mistakes while an agency types), and document each field where it is declared.
"""

from __future__ import annotations

import copy
from typing import Any

from masterplan.directions import DIRECTIONS

PROGRAM_STATUSES = ["planned", "ongoing", "done"]
INDICATOR_DIRECTIONS = list(DIRECTIONS)
#: a program's status as people write it in Indonesian, and the value the file takes
INDONESIAN_STATUSES = {"rencana": "planned", "direncanakan": "planned", "berjalan": "ongoing",
                       "sedang berjalan": "ongoing", "dilaksanakan": "ongoing", "selesai": "done", "tuntas": "done"}
#: an indicator's direction as people write it in Indonesian, and the value the file takes
INDONESIAN_DIRECTIONS = {word: value for value, direction in DIRECTIONS.items() for word in direction.indonesian}
AGENCY_KINDS = ["dinas", "badan", "sekretariat", "kecamatan", "bumd", "other"]
READINESS_ELEMENTS = ["struktur", "infrastruktur", "suprastruktur"]
PLAN_STATUSES = ["draft", "final"]
CHAPTER_PARTS = ["front", "body", "back"]
GENERATED_PARTS = ["vision", "readiness", "pillars", "quick_wins", "roadmap", "budget", "attainment", "agencies"]

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
PROGRAM_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
#: text with something to read: a name, title or term that is empty or only spaces makes an empty heading
NOT_BLANK = r"\S"
#: The largest amount of one budget line, in whole rupiah: a million trillion less one (a whole national
#: budget is a few thousand trillion). Bounded so that every total of a plan prints exactly.
MAX_AMOUNT = 10**18 - 1
#: The largest value of an indicator, either side of zero: a thousand trillion (10^15). Its whole digits
#: print exactly (a float holds every whole number up to 2^53, about 9·10^15); its hundredths only below
#: about 7·10^13, where a float is still finer than 0.01.
MAX_VALUE = 10**15


def _obj(description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties,
            "required": required, "additionalProperties": False}


def _ref(name: str, description: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}", "description": description}


def _list(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": item, "description": description}


def _ids(pattern: str, description: str) -> dict[str, Any]:
    return _list({"type": "string", "pattern": pattern}, description)


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
    "period": _obj("First and last year, both included.", {
        "start": _ref("year", "First year."),
        "end": _ref("year", "Last year."),
    }, ["start", "end"]),
    "value": {"description": "A number (at most 10^15 either side of zero), or a short text for a qualitative "
              "target.", "type": ["number", "string"], "minimum": -MAX_VALUE, "maximum": MAX_VALUE},
    "indicator": _obj("A measurable indicator with a baseline and yearly targets.", {
        "name": _ref("name", "What is measured."),
        "unit": _ref("text", "Unit of measure, e.g. persen, layanan, indeks."),
        "baseline": _obj("The value before the plan.", {
            "year": _ref("year", "Year of the baseline measurement."),
            "value": _ref("value", "Baseline value."),
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
    "budget_line": _obj("Indicative budget for one year from one source.", {
        "year": _ref("year", "Budget year."),
        "amount": {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT,
                   "description": "Amount in whole rupiah, e.g. 1250000000."},
        "source": {"type": "string", "description": "Funding source, one of the plan's funding_sources."},
    }, ["year", "amount", "source"]),
    "program": _obj("A program, led by the agency whose file holds it.", {
        "id": {"type": "string", "pattern": PROGRAM_ID, "description": "Unique in the whole plan, e.g. GOV-01."},
        "name": _ref("name", "Program name."),
        "pillar": {"type": "string", "pattern": SLUG, "description": "Pillar id."},
        "sub_element": {"type": "string", "pattern": SLUG, "description": "Sub-element id of that pillar."},
        "summary": _ref("text", "One sentence: the problem and what the program delivers."),
        "description": _ref("text", "Longer description (Markdown)."),
        "location": _ref("text", "Where it is carried out: the whole city, a district (kecamatan), an area."),
        "quick_win": {"type": "boolean", "description": "A fast, visible program (usually one per pillar)."},
        "partners": _ids(SLUG, "Supporting agencies (ids)."),
        "period": _ref("period", "Implementation years."),
        "budget": _list({"$ref": "#/$defs/budget_line"}, "Indicative budget by year and source."),
        "indicators": _list({"$ref": "#/$defs/indicator"}, "Output and outcome indicators."),
        "depends_on": _ids(PROGRAM_ID, "Programs that must come first (ids)."),
        "former_ids": _ids(PROGRAM_ID, "Ids this program had before it was renamed: their web pages lead to its "
                           "page, so published links keep working."),
        "missions": _ids(SLUG, "RPJMD missions served (ids)."),
        "status": {"enum": PROGRAM_STATUSES, "description": "planned, ongoing or done."},
    }, ["id", "name", "pillar", "sub_element", "period"]),
    "mission": _obj("An RPJMD mission.", {
        "id": {"type": "string", "pattern": SLUG, "description": "Mission id, e.g. m1."},
        "text": _ref("text", "The mission."),
    }, ["id", "text"]),
    "phase": _obj("A stage of the roadmap (tahapan): short, medium or long term.", {
        "name": _ref("name", "Name, e.g. Jangka Pendek."),
        "theme": _ref("text", "What the stage is about, e.g. Membangun Momentum."),
        "period": _ref("period", "Its years, within the plan period."),
        "description": _ref("text", "What is done in the stage, a paragraph or more (Markdown): the roadmap "
                                    "chapter prints it under the stage's heading ({{ phase.description }})."),
    }, ["name", "period"]),
    "revision": _obj("One version of the plan in its history (riwayat revisi), a row of the table the book's front "
                     "matter and the site's home page print.", {
        "version": {"type": ["string", "number"], "description": "The version's number as the cover gives it, in "
                    "quotes: \"1.0\" (unquoted, YAML reads 1.10 as 1.1)."},
        "date": {"type": "string", "format": "date", "description": "When it was issued or adopted (YYYY-MM-DD), on "
                 "or before the plan's date."},
        "summary": _ref("name", "What this version is or changed, e.g. Rancangan untuk konsultasi publik."),
        "decree": _ref("name", "The regulation that adopted it, e.g. Peraturan Wali Kota Pasuruan Nomor 45 Tahun "
                       "2022 (none for a draft)."),
    }, ["version", "date", "summary"]),
    "readiness": _obj("One row of the readiness analysis.", {
        "element": {"enum": READINESS_ELEMENTS, "description": "struktur, infrastruktur or suprastruktur."},
        "aspect": _ref("text", "Aspect assessed."),
        "condition": _ref("text", "Current condition."),
        "gap": _ref("text", "Gap to close."),
        "recommendation": _ref("text", "Recommendation."),
    }, ["element", "aspect", "condition"]),
    "sub_element": _obj("A sub-element of a pillar.", {
        "id": {"type": "string", "pattern": SLUG, "description": "Id, unique within the pillar."},
        "name": _ref("name", "Name."),
        "description": _ref("text", "Description."),
    }, ["id", "name"]),
}

DOCUMENTS: dict[str, dict[str, Any]] = {
    "plan": _obj("content/plan.yml: the plan as a whole.", {
        "city": {"type": "string", "pattern": NOT_BLANK, "description": "City name, e.g. Kota Pasuruan."},
        "province": {"type": "string", "description": "Province."},
        "title": _ref("name", "Title of the plan."),
        "notice": _ref("text", "A note printed on the cover (e.g. that a sample is illustrative)."),
        "author": _ref("text", "Issuing body; default: 'Pemerintah <city>'."),
        "period": _ref("period", "Plan period, e.g. 2022–2031."),
        "version": {"type": ["string", "number"], "description": "Document version."},
        "status": {"enum": PLAN_STATUSES, "description": "draft (marked on every page) or final."},
        "date": {"type": "string", "format": "date", "description": "Document date (YYYY-MM-DD)."},
        "language": {"type": "string", "pattern": "^[a-z]{2}$", "description": "Output language (default id)."},
        "written_in": {"type": "string", "pattern": "^[a-z]{2}$", "description":
                       "The language the plan's texts are written in where a file gives a plain text, not one per "
                       "language (default: the output language). With language: en and written_in: id, the English "
                       "edition marks those texts as Indonesian, for screen readers, hyphenation and the open data."},
        "leading_sector": {"type": "string", "pattern": SLUG, "description": "Agency id of the leading sector."},
        "logo": {"type": "string", "description": "Path of the logo, relative to content/."},
        "base_url": {"type": "string", "description": "Public address the site is published at, e.g. "
                     "https://smartcity.kota.go.id/masterplan/: every build writes canonical links, sitemap.xml and "
                     "404.html from it (build --base-url overrides it)."},
        "print": _obj("How the PDF book is printed.", {
            "two_sided": {"type": "boolean", "description": "Printed on both sides of the paper: every chapter "
                          "opens on a right-hand page (after a blank left-hand one where needed), and the wider margin "
                          "(25 mm, the outer 20 mm) is at the binding: on the left of a right-hand page, the right of "
                          "a left-hand one. Default false (one-sided, the wider margin on the left)."},
        }, []),
        "executive_summary": {"type": "boolean", "description": "Also write the executive summary (Ringkasan "
                              "Eksekutif), a short second PDF beside the book: cover, vision and missions, the pillars "
                              "with their goals, programs and budget, the quick wins, the budget summaries and the "
                              "roadmap, after the authors' own text in content/executive-summary.md when there is one. "
                              "Default false."},
        "strategic_analysis": {"type": "boolean", "description": "Also write the strategic analysis (Buku Analisis "
                               "Strategis), a third PDF beside the book, from the authors' chapters in content/analysis/ "
                               "(NN-<slug>.md, written as the book's chapters; they may claim generated: readiness or "
                               "vision). Default false."},
        "open_data": _obj("The website's open-data files (plan.json and the CSV tables).", {
            "license": {"type": "string", "minLength": 1, "description": "The licence they are published under, as "
                        "readers know it, e.g. CC BY 4.0 (without one, the website says none is stated)."},
            "license_url": {"type": "string", "description": "Address of the "
                            "licence's text, e.g. https://creativecommons.org/licenses/by/4.0/deed.id."},
        }, ["license"]),
        "vision": _ref("text", "Smart city vision."),
        "missions": _list({"$ref": "#/$defs/mission"}, "Missions derived from the RPJMD."),
        "legal_basis": _list({"$ref": "#/$defs/text"}, "Laws and regulations the plan rests on."),
        "readiness": _list({"$ref": "#/$defs/readiness"}, "Readiness analysis rows."),
        "funding_sources": _list({"type": "string"}, "Allowed funding sources."),
        "apbd_ceiling": {"type": "object", "description": "The city budget (APBD) the plan's programs may take each "
                         "year (pagu indikatif), in whole rupiah: {2023: 12000000000, 2024: 12500000000}. validate "
                         "warns of a year whose programs' APBD lines add up to more (W324), and of a ceiling under a "
                         "million rupiah, typed in millions (W325); years not given are not checked.",
                         "propertyNames": {"pattern": "^[0-9]{4}$"},
                         "additionalProperties": {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT,
                                                  "description": "Amount in whole rupiah, e.g. 12000000000."}},
        "phases": _list({"$ref": "#/$defs/phase"}, "The roadmap's stages (tahapan), in order, e.g. Jangka Pendek "
                        "2022–2023, Jangka Menengah 2024–2026, Jangka Panjang 2027–2031: the roadmap shows them above "
                        "its years, and a table gives each stage's programs and budget. validate warns of stages out "
                        "of order, overlapping, or leaving a year of the plan in none (W326)."),
        "revisions": _list({"$ref": "#/$defs/revision"}, "The plan's history (riwayat revisi), oldest first: each "
                           "version with its date, what it changed and the Perwali that adopted it. The book prints it "
                           "as a table in its front matter, the site on its home page. validate tells a version listed "
                           "twice (E113), versions out of date order (W118), one dated after the plan's date (W119), "
                           "and a final plan whose own version the list lacks (W120)."),
    }, ["city", "title", "period", "status", "leading_sector", "vision", "missions"]),
    "pillar": _obj("content/pillars/<id>.yml: one smart city dimension.", {
        "id": {"type": "string", "pattern": SLUG, "description": "Equals the file name."},
        "name": _ref("name", "Name, e.g. Smart Governance."),
        "order": {"type": "integer", "description": "Position among the pillars."},
        "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$",
                   "description": "The pillar's colour in the book and on the site, quoted: \"#1f4e79\" "
                                  "(default: the theme's palette, by order)."},
        "summary": _ref("text", "One sentence."),
        "description": _ref("text", "Markdown."),
        "sub_elements": _list({"$ref": "#/$defs/sub_element"}, "Sub-elements."),
        "goals": _list({"$ref": "#/$defs/text"}, "Goals."),
        "indicators": _list({"$ref": "#/$defs/indicator"}, "Pillar-level indicators."),
    }, ["id", "name", "order", "sub_elements"]),
    "agency": _obj("content/agencies/<id>.yml: one agency (OPD) and the programs it leads.", {
        "id": {"type": "string", "pattern": SLUG, "description": "Equals the file name."},
        "name": _ref("name", "Full name."),
        "short_name": {"type": "string", "pattern": NOT_BLANK, "description": "Abbreviation people use, e.g. Dinkes."},
        "kind": {"enum": AGENCY_KINDS, "description": "dinas, badan, sekretariat, kecamatan, bumd or other."},
        "supports": _ids(PROGRAM_ID, "Programs of other agencies this agency partners in."),
        "programs": _list({"$ref": "#/$defs/program"}, "Programs this agency leads."),
        "former_ids": _ids(SLUG, "Ids this agency had before it was renamed (a new nomenclature): their web pages "
                           "lead to its page, so published links keep working."),
        "contact": _obj("How citizens reach the agency, shown on its web page and in the open data.", {
            "address": {"type": "string", "pattern": NOT_BLANK, "description": "Office address."},
            "phone": {"type": "string", "pattern": r"^[+(]?[0-9][0-9 ()./-]{4,}$", "description": "Phone number, in quotes."},
            "email": {"type": "string", "pattern": r"^[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"'.]+(\.[^@\s,;<>()\[\]\"'.]+)+$", "description": "E-mail address."},
            "website": {"type": "string", "pattern": r"^https?://\S+$", "description": "Website, with its https://."},
        }, []),
    }, ["id", "name", "short_name", "kind"]),
    "glossary": _obj("content/glossary.yml: terms and abbreviations.", {
        "terms": _list(_obj("A term.", {
            "term": {"type": "string", "pattern": NOT_BLANK, "description": "Term or abbreviation."},
            "definition": _ref("text", "What it means."),
        }, ["term", "definition"]), "Terms."),
    }, ["terms"]),
    "chapter": _obj("Front matter of content/chapters/NN-<slug>.md.", {
        "title": _ref("name", "Chapter title."),
        "id": {"type": "string", "pattern": SLUG, "description": "Id for cross-references (default: file slug)."},
        "order": {"type": "integer", "description": "Position (default: the NN of the file name)."},
        "part": {"enum": CHAPTER_PARTS, "description": "front, body (default) or back matter."},
        "generated": {"if": {"not": {"type": "array"}}, "then": {"enum": GENERATED_PARTS},  # one part, or nothing:
                      "items": {"enum": GENERATED_PARTS},  # "generated is empty: write one of …" (E104)
                      "description": "Generated material appended to the chapter: a part, or a list of parts "
                                     "following its text in the order written."},
        "signed": _obj("Who signs the chapter (a foreword): printed at its end, with room for the signature.", {
            "place": {"type": "string", "description": "Where it is signed, e.g. Pasuruan."},
            "date": {"type": "string", "description": "A date, 2025-01-15 (printed as the plan's language writes "
                     "dates: 15 Januari 2025), or text as printed, e.g. Desember 2021."},
            "role": _ref("text", "The signatory's office, e.g. Wali Kota Pasuruan."),
            "name": {"type": "string", "description": "The signatory's name (default: a line to write it on)."},
            "id_number": {"type": "string", "description": "An official number printed below the name, e.g. NIP 1970…"},
        }, ["place", "date", "role"]),
    }, ["title"]),
}


#: field names people write in Indonesian, and the English ones they mean (in a file, or in a chapter's Jinja)
INDONESIAN_FIELDS = {
    "kota": ("city",), "provinsi": ("province",), "nama": ("name",), "judul": ("title",),
    "ringkasan": ("summary", "executive_summary"), "deskripsi": ("description",), "uraian": ("description",), "tahun": ("year", "period"), "periode": ("period",),
    "anggaran": ("budget",), "sumber": ("source",), "jumlah": ("amount",), "pilar": ("pillar", "pillars"),
    "opd": ("agencies", "lead"), "dinas": ("agencies",), "misi": ("missions",), "visi": ("vision",),
    "indikator": ("indicators",), "target": ("targets",), "mitra": ("partners",), "pendukung": ("partners",),
    "istilah": ("glossary", "term"), "definisi": ("definition",), "bab": ("chapters",), "penyusun": ("author",),
    "singkatan": ("short_name",), "satuan": ("unit",), "nilai": ("value",),
    "subelemen": ("sub_element", "sub_elements"), "tujuan": ("goals",), "mulai": ("start",), "selesai": ("end",),
    "akhir": ("end",), "awal": ("start", "baseline"), "kondisi_awal": ("baseline",), "ketergantungan": ("depends_on",),
    "id_lama": ("former_ids",), "kode_lama": ("former_ids",), "cetak": ("print",), "bolak_balik": ("two_sided",),
    "dua_sisi": ("two_sided",), "ringkasan_eksekutif": ("executive_summary",),
    "analisis_strategis": ("strategic_analysis",), "analisis": ("strategic_analysis",),
    "data_terbuka": ("open_data",), "lisensi": ("license",),
    "lokasi": ("location",), "tempat": ("location",), "arah": ("direction",),
    "tahapan": ("phases",), "tahap": ("phases",), "tema": ("theme",),
    "riwayat_revisi": ("revisions",), "revisi": ("revisions",), "riwayat": ("revisions",),
    "versi": ("version",), "tanggal": ("date",), "perwali": ("decree",), "penetapan": ("decree",),
    "dasar_penetapan": ("decree",), "ditetapkan_dengan": ("decree",), "perubahan": ("summary",),
    "realisasi": ("realised",), "capaian": ("realised",),
    "pagu_apbd": ("apbd_ceiling",), "pagu": ("apbd_ceiling",), "pagu_indikatif": ("apbd_ceiling",),
}


def english_field(name: str, known: Any) -> str | None:
    """The English field an Indonesian field name means, when it is one of ``known`` ('anggaran' → 'budget')."""
    return next((field for field in INDONESIAN_FIELDS.get(str(name).lower().strip(), ()) if field in known), None)


def schema_for(kind: str) -> dict[str, Any]:
    """A standalone JSON Schema (draft 2020-12) for one kind of file."""
    schema = copy.deepcopy(DOCUMENTS[kind])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"masterplan:{kind}"
    schema["title"] = f"masterplan {kind}"
    schema["$defs"] = copy.deepcopy(DEFS)
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every file kind's schema, keyed by kind."""
    return {kind: schema_for(kind) for kind in DOCUMENTS}
