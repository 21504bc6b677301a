"""The content format, declared once as JSON Schema: one schema per kind of file.

The same declarations check every file (see :mod:`masterplan.validation`), are printed by
``masterplan schema`` for editors (the YAML language server completes fields and flags
mistakes while an agency types), and document each field where it is declared. The parts
several files share (a program, an indicator, text, a year…) are :mod:`masterplan.schema_defs`'.
"""

from __future__ import annotations

import copy
from typing import Any

from masterplan.list_limits import bounded
from masterplan.schema_defs import (
    AGENCY_KINDS,
    CHAPTER_PARTS,
    DEFS,
    GENERATED_PARTS,
    MAX_AMOUNT,
    NOT_BLANK,
    PLAN_STATUSES,
    PROGRAM_ID,
    SLUG,
    ids,
    list_of,
    obj,
    page_id,
    ref,
)

DOCUMENTS: dict[str, dict[str, Any]] = {
    "plan": obj("content/plan.yml: the plan as a whole.", {
        "city": {"type": "string", "pattern": NOT_BLANK, "description": "The city's or regency's name, e.g. Kota Pasuruan, Kabupaten Sidoarjo."},
        "province": {"type": "string", "description": "Province."},
        "title": ref("name", "Title of the plan."),
        "notice": ref("text", "A note printed on the cover (e.g. that a sample is illustrative)."),
        "author": ref("text", "Issuing body; default: 'Pemerintah <city>'."),
        "period": ref("period", "Plan period, e.g. 2022–2031."),
        "version": {"type": ["string", "number"], "description": "Document version."},
        "status": {"enum": PLAN_STATUSES, "description": "draft (marked on every page) or final."},
        "date": {"type": "string", "format": "date", "description": "Document date (YYYY-MM-DD)."},
        "realised_as_of": {"type": "string", "format": "date", "description": "The day the indicators' realised "
                           "figures were collected up to (data per …), YYYY-MM-DD, e.g. 2024-02-15: a monitoring "
                           "update leaves the plan's date, its adoption's, as it is. Realised figures may be of years up "
                           "to its year; the attainment tables say it. Default: the plan's date."},
        "language": {"type": "string", "pattern": "^[a-z]{2}$", "description": "Output language (default id)."},
        "written_in": {"type": "string", "pattern": "^[a-z]{2}$", "description":
                       "The language the plan's texts are written in where a file gives a plain text, not one per "
                       "language (default: the output language). With language: en and written_in: id, the English "
                       "edition marks those texts as Indonesian, for screen readers, hyphenation and the open data."},
        "leading_sector": {"type": "string", "pattern": SLUG, "description": "Agency id of the leading sector."},
        "logo": {"type": "string", "description": "Path of the logo, relative to content/."},
        "errors_when_final": {"type": "array", "items": {"type": "string", "pattern": "^W[0-9]{3}$"},
                              "description": "Warnings a final plan may not have, by code, e.g. [W406, W324]: once "
                              "status is final, validate and build fail on them as on errors (exit code 1). While "
                              "the plan is a draft they stay warnings."},
        "accepted_warnings": bounded("accepted_warnings", list_of(obj("A warning reviewed and kept.", {
            "code": {"type": "string", "pattern": "^W[0-9]{3}$", "description": "The warning's code, e.g. W112."},
            "file": {"type": "string", "pattern": NOT_BLANK, "description": "The files it is accepted in, as "
                     "validate names them or relative to content/, * for any characters, e.g. "
                     "agencies/dinas-*-surabaya.yml. Default: every file."},
            "reason": {"type": "string", "pattern": NOT_BLANK, "description": "Why it is kept, for the next "
                       "reviewer."},
        }, ["code", "reason"]), "Warnings the planning agency has reviewed and keeps: validate and build no longer "
            "print them (they count them in one line) and --strict does not fail on them. Errors, and the warnings "
            "errors_when_final makes errors in a final plan, are never accepted. validate tells an entry that "
            "accepts nothing any more (W128).")),
        "base_url": {"type": "string", "description": "Public address the site is published at, e.g. "
                     "https://smartcity.kota.go.id/masterplan/: every build writes canonical links, sitemap.xml and "
                     "404.html from it (build --base-url overrides it)."},
        "baseline": {"type": "string", "description": "The previous version's open data (its plan.json), a file "
                     "inside the plan folder, e.g. published/plan-1.0.json: the site's page of changes compares "
                     "the plan with it. Default: the version the last builds in build/ kept."},
        "print": obj("How the PDF book is printed.", {
            "two_sided": {"type": "boolean", "description": "Printed on both sides of the paper: every chapter "
                          "opens on a right-hand page (after a blank left-hand one where needed), and the wider margin "
                          "(25 mm, the outer 20 mm) is at the binding: on the left of a right-hand page, the right of "
                          "a left-hand one. Default false (one-sided, the wider margin on the left)."},
            "bleed": {"type": "boolean", "description": "The print shop's file: 3 mm of bleed beyond every A4 page "
                      "and crop marks (the PDF's TrimBox the A4 page), the covers' colour running on into the bleed. "
                      "Default false (a PDF to read on screen and print in the office)."},
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
        "open_data": obj("The website's open-data files (plan.json and the CSV tables).", {
            "license": {"type": "string", "minLength": 1, "description": "The licence they are published under, as "
                        "readers know it, e.g. CC BY 4.0 (without one, the website says none is stated)."},
            "license_url": {"type": "string", "description": "Address of the "
                            "licence's text, e.g. https://creativecommons.org/licenses/by/4.0/deed.id."},
        }, ["license"]),
        "vision": ref("text", "Smart city vision."),
        "missions": bounded("missions", list_of({"$ref": "#/$defs/mission"}, "Missions derived from the RPJMD.")),
        "legal_basis": bounded("legal_basis", list_of({"$ref": "#/$defs/text"},
                                                      "Laws and regulations the plan rests on.")),
        "readiness": bounded("readiness", list_of({"$ref": "#/$defs/readiness"}, "Readiness analysis rows.")),
        "swot": ref("swot", "The SWOT analysis: its factors, read by the chapters that print it (the book's and the "
                    "strategic analysis's), so that both print the same."),
        "funding_sources": bounded("funding_sources", list_of({"type": "string"}, "Allowed funding sources.")),
        "apbd_ceiling": {"type": "object", "description": "The local government's budget (APBD) the plan's programs may take each "
                         "year (pagu indikatif), in whole rupiah: {2023: 12000000000, 2024: 12500000000}. validate "
                         "warns of a year whose programs' APBD lines add up to more (W324), and of a ceiling under a "
                         "million rupiah, typed in millions (W325); years not given are not checked.",
                         "propertyNames": {"pattern": "^[0-9]{4}$"},
                         "additionalProperties": {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT,
                                                  "description": "Amount in whole rupiah, e.g. 12000000000."}},
        "phases": bounded("phases", list_of({"$ref": "#/$defs/phase"}, "The roadmap's stages (tahapan), in order, e.g. Jangka Pendek "
                        "2022–2023, Jangka Menengah 2024–2026, Jangka Panjang 2027–2031: the roadmap shows them above "
                        "its years, and a table gives each stage's programs and budget. validate warns of stages out "
                        "of order, overlapping, or leaving a year of the plan in none (W326).")),
        "revisions": bounded("revisions", list_of({"$ref": "#/$defs/revision"}, "The plan's history (riwayat revisi), oldest first: each "
                           "version with its date, what it changed and the regulation that adopted it (a Perwali; a "
                           "regency's Perbup). The book prints it as a table in its front matter, the site on its home "
                           "page. validate tells a version listed "
                           "twice (E113), versions out of date order (W118), one dated after the plan's date (W119), "
                           "a final plan whose own version the list lacks (W120), and a final plan's decree that does "
                           "not read as a regulation's name and number (W121).")),
    }, ["city", "title", "period", "status", "leading_sector", "vision", "missions"]),
    "pillar": obj("content/pillars/<id>.yml: one smart city dimension.", {
        "id": page_id(SLUG, "Equals the file name."),
        "name": ref("name", "Name, e.g. Smart Governance."),
        "order": {"type": "integer", "description": "Position among the pillars."},
        "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$",
                   "description": "The pillar's colour in the book and on the site, quoted: \"#1f4e79\" "
                                  "(default: the theme's palette, by order)."},
        "summary": ref("text", "One sentence."),
        "description": ref("text", "Markdown."),
        "sub_elements": list_of({"$ref": "#/$defs/sub_element"}, "Sub-elements."),
        "goals": list_of({"$ref": "#/$defs/text"}, "Goals."),
        "indicators": list_of({"$ref": "#/$defs/indicator"}, "Pillar-level indicators."),
    }, ["id", "name", "order", "sub_elements"]),
    "agency": obj("content/agencies/<id>.yml: one agency (OPD) and the programs it leads.", {
        "id": page_id(SLUG, "Equals the file name."),
        "name": ref("name", "Full name."),
        "short_name": {"type": "string", "pattern": NOT_BLANK, "description": "Abbreviation people use, e.g. Dinkes."},
        "kind": {"enum": AGENCY_KINDS, "description": "dinas, badan, sekretariat, kecamatan, bumd or other."},
        "supports": bounded("supports", ids(PROGRAM_ID, "Programs of other agencies this agency partners in.")),
        "programs": list_of({"$ref": "#/$defs/program"}, "Programs this agency leads."),
        "former_ids": ids(SLUG, "Ids this agency had before it was renamed (a new nomenclature): their web pages "
                           "lead to its page, so published links keep working."),
        "contact": obj("How citizens reach the agency, shown on its web page and in the open data.", {
            "address": {"type": "string", "pattern": NOT_BLANK, "description": "Office address."},
            "phone": {"type": "string", "pattern": r"^[+(]?[0-9][0-9 ()./-]{4,}$", "description": "Phone number, in quotes."},
            "email": {"type": "string", "pattern": r"^[^@\s,;<>()\[\]\"?&%]+@[^@\s,;<>()\[\]\"'.?&%]+(\.[^@\s,;<>()\[\]\"'.?&%]+)+$",
                      "description": "E-mail address (without ?, & or %: a mailto: link would carry a subject, "
                      "text or copies to others written into it)."},
            "website": {"type": "string", "pattern": r"^https?://\S+$", "description": "Website, with its https://."},
        }, []),
    }, ["id", "name", "short_name", "kind"]),
    "glossary": obj("content/glossary.yml: terms and abbreviations.", {
        "terms": list_of(obj("A term.", {
            "term": {"type": "string", "pattern": NOT_BLANK, "description": "Term or abbreviation."},
            "definition": ref("text", "What it means."),
        }, ["term", "definition"]), "Terms."),
    }, ["terms"]),
    "chapter": obj("Front matter of a chapter: content/chapters/NN-<slug>.md, content/analysis/NN-<slug>.md (the "
                   "strategic analysis's: generated readiness or vision only) and content/executive-summary.md "
                   "(a title only).", {
        "title": ref("name", "Chapter title."),
        "id": page_id(SLUG, "Id for cross-references (default: file slug)."),
        "order": {"type": "integer", "description": "Position (default: the NN of the file name)."},
        "part": {"enum": CHAPTER_PARTS, "description": "front, body (default) or back matter."},
        "generated": {"if": {"not": {"type": "array"}}, "then": {"enum": GENERATED_PARTS},  # one part, or nothing:
                      "items": {"enum": GENERATED_PARTS},  # "generated is empty: write one of …" (E104)
                      "description": "Generated material appended to the chapter: a part, or a list of parts "
                                     "following its text in the order written."},
        "signed": obj("Who signs the chapter (a foreword): printed at its end, with room for the signature.", {
            "place": {"type": "string", "description": "Where it is signed, e.g. Pasuruan; a regency's seat, e.g. "
                      "Kepanjen for Kabupaten Malang."},
            "date": {"type": "string", "description": "A date, 2025-01-15 (printed as the plan's language writes "
                     "dates: 15 Januari 2025), or text as printed, e.g. Desember 2021."},
            "role": ref("text", "The signatory's office, e.g. Wali Kota Pasuruan, Bupati Sidoarjo."),
            "name": {"type": "string", "description": "The signatory's name (default: a line to write it on)."},
            "id_number": {"type": "string", "description": "An official number printed below the name, e.g. NIP 1970…"},
        }, ["place", "date", "role"]),
    }, ["title"]),
}


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
