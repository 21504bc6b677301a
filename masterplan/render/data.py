"""Open data: the plan as ``plan.json`` (described in ``plan.schema.json``), CSV tables (described in
``datapackage.json``) and a workbook.

The shapes are stable and documented in two places, :data:`JSON_FIELDS` here for ``plan.json`` and
:data:`masterplan.render.data_tables.COLUMNS` for the CSV tables (whose rows are made there too); the
website's open-data page prints that documentation, so the files and their description cannot drift
apart. Texts are objects of language → text in JSON; CSV cells hold the plan's language. Amounts are
whole rupiah. The workbook (:mod:`workbook`) holds the CSV tables' rows as typed cells, for spreadsheets
in any locale. :func:`export` writes them all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from masterplan import attainment, summary
from masterplan.diagnostics import Message
from masterplan.i18n import Translator
from masterplan.model import Plan
from masterplan.plan_json import FORMAT, FORMAT_VERSION
from masterplan.plan_parts import SWOT_KINDS
from masterplan.programs import Indicator, Program
from masterplan.render import (
    data_bundle,
    data_notes,
    data_tables,
    datapackage,
    plan_json_schema,
    workbook,
    workbook_kept,
)
from masterplan.render.workbook_kept import KeptWorkbook
from masterplan.values import Text

#: Top-level keys of plan.json and what they hold.
JSON_FIELDS: list[tuple[str, str]] = [
    ("format, format_version", "File format name and version; the version changes only when a field is removed, renamed or holds another kind of value"),
    ("plan", ("Local government (city or regency), title, period, version, status, date, vision, missions, legal basis, funding sources, "
              "the open data's licence, the APBD ceiling per year (pagu indikatif) where the plan gives one, the "
              "roadmap's phases (tahapan) with their theme, years and description, the plan's revision history "
              "(riwayat revisi: each version's date, what it changed and the regulation that adopted it)")),
    ("pillars", ("Pillars with sub-elements, goals, indicators (baseline, targets and realised figures by year) and the codes "
                "of their programs")),
    ("agencies", "Agencies with the codes of the programs they lead and support, and their contact where given"),
    ("programs", ("Every program with all its fields, budget lines and indicators (baseline, targets and realised "
                  "figures by year)")),
    ("readiness", "Readiness analysis rows"),
    ("swot", ("The SWOT analysis: its strengths, weaknesses, opportunities and threats, each a list of factors; "
              "null when the plan gives none")),
    ("glossary", "Glossary terms"),
    ("totals", "Budget totals by pillar, year, funding source and agency"),
    ("attainment_by_pillar", (
        "In the latest year monitored (year): each pillar's indicators, its programs' included, that met their "
        "target, did not, were not reported (a target that year and no realised figure) and could not be judged "
        "(no target that year, no direction, a word, 1.000 with a dot that may mark thousands), and the total; null "
        "before any realised figure")),
    ("attainment_by_agency", (
        "The same by lead agency, counting the indicators of the programs it leads (a pillar's own indicators are "
        "no agency's); null before any realised figure")),
]


def _text(value: Text) -> dict[str, str] | None:
    """A text as language → text; None for one the plan does not give (a program without a location)."""
    return dict(value.values) if value else None


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": _text(indicator.name), "unit": _text(indicator.unit),
        "baseline": {"year": indicator.baseline_year, "value": indicator.baseline_value},
        "targets": {str(year): value for year, value in sorted(indicator.targets.items())},
        "direction": indicator.direction,
        "realised": {str(year): value for year, value in sorted(indicator.realised.items())},
        "target_met": {str(year): met for year, met in sorted(indicator.attainment.items())},
    }


def _program(program: Program) -> dict[str, Any]:
    return {
        "id": program.id, "name": _text(program.name), "pillar": program.pillar_id,
        "sub_element": program.sub_element_id, "lead": program.lead_id,
        "partners": [a.id for a in program.partners], "unconfirmed_partners": [a.id for a in program.unconfirmed],
        "summary": _text(program.summary), "description": _text(program.description),
        "location": _text(program.location),
        "quick_win": program.quick_win, "status": program.status,
        "period": {"start": program.period.start, "end": program.period.end},
        "missions": program.mission_ids, "depends_on": program.depends_on_ids,
        "dependents": [p.id for p in program.dependents], "former_ids": program.former_ids,
        "budget": [{"year": b.year, "source": b.source, "amount": b.amount} for b in program.budget],
        "budget_total": program.total_budget,
        "indicators": [_indicator(i) for i in program.indicators],
    }


def _counts(row: attainment.Counts) -> dict[str, int]:
    return {"target_met": row.met, "target_not_met": row.missed, "not_reported": row.not_reported,
            "not_judged": row.not_judged}


def _attainment(overview: attainment.Overview) -> dict[str, Any]:
    return {"year": overview.year, "pillars": [{"pillar": pillar.id, **_counts(row)} for pillar, row in overview.rows],
            "total": _counts(overview.total)}


def as_json(plan: Plan) -> dict[str, Any]:
    """The whole model as plain data (the shape of ``plan.json``)."""
    document = _model(plan)
    overview = attainment.by_pillar(plan)
    document["attainment_by_pillar"] = _attainment(overview) if overview else None
    document["attainment_by_agency"] = {"year": overview.year, "agencies": [
        {"agency": agency.id, **_counts(row)} for agency, row in attainment.by_agency(plan)]} if overview else None
    return document


def _model(plan: Plan) -> dict[str, Any]:
    totals = summary.budget(plan)
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "plan": {
            "city": plan.city, "province": plan.province, "title": _text(plan.title),
            "notice": _text(plan.notice), "author": _text(plan.author),
            "period": {"start": plan.period.start, "end": plan.period.end},
            "version": plan.version, "status": plan.status,
            "date": plan.date.isoformat() if plan.date else None, "language": plan.language, "written_in": plan.written_in,
            "realised_as_of": plan.realised_as_of.isoformat() if plan.realised_as_of else None,
            "leading_sector": plan.leading_sector_id, "vision": _text(plan.vision),
            "missions": [{"id": m.id, "text": _text(m.text)} for m in plan.missions],
            "legal_basis": [_text(t) for t in plan.legal_basis], "funding_sources": plan.funding_sources,
            "license": {"name": plan.data_license, "url": plan.data_license_url} if plan.data_license else None,
            "apbd_ceiling": {str(year): amount for year, amount in sorted(plan.apbd_ceiling.items())} or None,
            "phases": [{"name": _text(phase.name), "theme": _text(phase.theme),
                        "period": {"start": phase.period.start, "end": phase.period.end},
                        "description": _text(phase.description)} for phase in plan.phases],
            "revisions": [{"version": revision.version, "date": revision.date.isoformat() if revision.date else None,
                           "summary": _text(revision.summary), "decree": _text(revision.decree)}
                          for revision in plan.revisions],
        },
        "pillars": [{
            "id": p.id, "name": _text(p.name), "order": p.order, "summary": _text(p.summary),
            "description": _text(p.description), "goals": [_text(g) for g in p.goals],
            "sub_elements": [{"id": s.id, "name": _text(s.name), "description": _text(s.description)}
                             for s in p.sub_elements],
            "indicators": [_indicator(i) for i in p.indicators], "programs": [prog.id for prog in p.programs],
        } for p in plan.pillars],
        "agencies": [{
            "id": a.id, "name": _text(a.name), "short_name": a.short_name, "kind": a.kind,
            "leads": [p.id for p in a.programs], "supports": [p.id for p in a.supported], "former_ids": a.former_ids,
            "contact": a.contact,
        } for a in plan.agencies],
        "programs": [_program(p) for p in plan.programs],
        "readiness": [{"element": r.element, "aspect": _text(r.aspect), "condition": _text(r.condition),
                       "gap": _text(r.gap), "recommendation": _text(r.recommendation)} for r in plan.readiness],
        "swot": {kind: [_text(factor) for factor in getattr(plan.swot, kind)] for kind in SWOT_KINDS}
                if plan.swot else None,
        "glossary": [{"term": g.term, "definition": _text(g.definition)} for g in plan.glossary],
        "totals": {
            "budget": totals.total, "programs": len(plan.programs),
            "by_pillar": totals.by_pillar, "by_year": {str(y): v for y, v in totals.by_year.items()},
            "by_source": totals.by_source, "by_agency": totals.by_agency,
        },
    }


def _json_lines(document: dict[str, Any]) -> str:
    """The JSON document with one top-level field, and one item of a top-level list, per line.

    Readable and easy to diff between revisions, yet written by the json module's C encoder
    (an ``indent`` makes it fall back to pure Python, seconds for a province's plan).
    """
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    fields = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            value_text = "[\n" + ",\n".join(f"  {compact(item)}" for item in value) + "\n ]"
        else:
            value_text = compact(value)
        fields.append(f" {compact(key)}: {value_text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def export(plan: Plan, folder: Path, words: Translator, kept: KeptWorkbook | None = None,
           base_url: str | None = None) -> list[str]:
    """Write plan.json, the CSV tables, their description and the workbook into ``folder``; returns summary
    lines for the terminal.

    ``words`` translates into the plan's language (what the columns mean, in the description and the workbook);
    ``kept``, the last build's workbook, is taken again when nothing it shows changed; ``base_url``, the site's
    public address, goes into the description (its page and source)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = _json_lines(as_json(plan)).encode("utf-8")
    (folder / "plan.json").write_bytes(document)
    described = plan_json_schema.schema(words, JSON_FIELDS)
    (folder / plan_json_schema.NAME).write_text(json.dumps(described, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
    written = data_tables.tables(plan)
    files = {name: data_notes.csv_table([c for c, _ in columns], data_tables.ROWS[name](plan)).encode("utf-8")
             for name, columns in written.items()}
    for name, content in files.items():
        (folder / name).write_bytes(content)
    release = data_notes.fingerprint({"plan.json": document, **files})  # the same data, the same files
    datapackage.write(plan, folder / datapackage.NAME, written, words, files, release, base_url)
    def write_workbook(path: Path) -> None:
        workbook.write(plan, path, written, data_tables.ROWS, words, release)

    if kept is None:
        write_workbook(folder / workbook.NAME)
    else:
        kept.write(folder / workbook.NAME, workbook_kept.key({"plan.json": document, **files}, words), write_workbook)
    data_bundle.write(plan, folder, words, release, base_url)
    return [Message("Open data: plan.json, {files} CSV files and {workbook} (1 program)" if len(plan.programs) == 1
                    else "Open data: plan.json, {files} CSV files and {workbook} ({programs} programs)",
                    files=len(written), workbook=workbook.NAME, programs=len(plan.programs))]


def sizes(folder: Path) -> dict[str, int]:
    """The size in bytes of each file :func:`export` wrote into ``folder``, by name, as the data page shows them."""
    return {path.name: path.stat().st_size for path in folder.iterdir() if path.is_file()} if folder.is_dir() else {}
