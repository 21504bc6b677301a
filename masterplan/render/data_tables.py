"""The plan's CSV tables: what each one's columns hold (:data:`COLUMNS`) and its rows (:data:`ROWS`).

A row for each program, each program's budget year and funding source, agency, indicator's year, pillar,
sub-element and mission; and the book's summary tables (:mod:`masterplan.render.data_summaries`), in a plan
that has what they sum (:data:`WRITTEN_IF`). The column descriptions are documentation printed on the site's
open-data page and in ``datapackage.json``, so the files and their description cannot drift apart. Cells hold
the plan's language; amounts are whole rupiah; a list is one cell, its items separated by :data:`LIST_SEPARATOR`.
Each table has a title (:data:`TITLES`, its workbook sheet's name) and says what it holds and what one of its rows is
(:data:`NOTES`), wherever it is described: its resource in ``datapackage.json`` (what a data portal shows beside it),
the site's open-data page and the workbook's notes sheet. :mod:`masterplan.render.data` writes them, beside ``plan.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from masterplan import attainment, formatting, summary
from masterplan.model import Plan
from masterplan.plan_parts import CONTACT_FIELDS
from masterplan.programs import Indicator, Program
from masterplan.render import data_changes, data_summaries

LIST_SEPARATOR = ";"

#: file → (column, description); the descriptions are catalog messages (shown translated on the site).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "programs.csv": [
        ("id", "Program code"),
        ("name", "Program name"),
        ("pillar", "Pillar id"),
        ("sub_element", "Sub-element id"),
        ("lead_agency", "Lead agency id"),
        ("partner_agencies", "Partner agency ids, separated by ';'"),
        ("quick_win", "true for a quick win, else false"),
        ("start_year", "First implementation year"),
        ("end_year", "Last implementation year"),
        ("status", "planned, ongoing or done"),
        ("budget_total", "Indicative budget over all years, whole rupiah"),
        ("funding_sources", "Funding sources, separated by ';', in the order of plan.funding_sources in plan.json"),
        ("missions", "Mission ids served, separated by ';'"),
        ("depends_on", "Program codes this program depends on, separated by ';'"),
        ("location", "Where it is carried out"),
        ("former_ids", "Codes it had in earlier versions of the plan, separated by ';' (to follow it across releases)"),
        ("pillar_name", "Pillar name"),
        ("lead_agency_name", "Lead agency's full name"),
        ("summary", "Its summary, in Markdown as the plan's files write it"),
        ("unconfirmed_partners", "Partner agencies whose partnership only one side writes down, separated by ';'"),
    ],
    "budget.csv": [
        ("program_id", "Program code"),
        ("pillar", "Pillar id"),
        ("lead_agency", "Lead agency id"),
        ("year", "Budget year"),
        ("funding_source", "Funding source"),
        ("amount", "Indicative amount, whole rupiah"),
        ("pillar_name", "Pillar name"),
        ("lead_agency_name", "Lead agency's full name"),
        ("program_name", "Program name"),
    ],
    "agencies.csv": [
        ("id", "Agency id"),
        ("short_name", "Abbreviation people use"),
        ("name", "Full name"),
        ("kind", "dinas, badan, sekretariat, kecamatan, bumd or other"),
        ("programs_led", "Number of programs it leads"),
        ("programs_supported", "Number of other agencies' programs it partners in"),
        ("budget_led", "Indicative budget of the programs it leads, whole rupiah"),
        ("address", "Office address, where given"),
        ("phone", "Phone number, where given"),
        ("email", "E-mail address, where given"),
        ("website", "Website, where given"),
    ],
    "indicators.csv": [
        ("owner_type", "program or pillar"),
        ("owner_id", "Program code or pillar id"),
        ("indicator", "Indicator name"),
        ("unit", "Unit"),
        ("baseline_year", "Year of the baseline value"),
        ("baseline_value", "Baseline value: a number, its decimals after a dot (2.4), or a word"),
        ("year", "Year of a target or a realised figure (one row per year)"),
        ("target", "Target value for that year: a number, its decimals after a dot (2.4), or a word"),
        ("indicator_number", "Its place among its program's or pillar's indicators (1, 2, …), as the book lists them"),
        ("program_id", "Program code, for a program's indicator (else empty)"),
        ("pillar", "Pillar id: the pillar's own indicator, or the pillar of the program"),
        ("direction", "Which way is better: up or down, where the plan says so (else empty)"),
        ("realised", ("What the indicator reached that year (realisasi), as monitoring measured it, where the plan "
                     "gives it (else empty): a number, its decimals after a dot (2.4), or a word")),
        ("target_met", ("Whether the realised figure met that year's target, judged by the direction: true or false "
                        "(else empty: no direction, no target or realised figure that year, or either one not a plain "
                        "number: a word, 1.000 with a thousands dot); a target written in words is met (true) by the "
                        "same words")),
        ("lead_agency", "Id of the agency leading the program, for a program's indicator (else empty)"),
        ("status", ("In a year up to the latest monitored: met, missed, not_reported (a target that year and no "
                    "realised figure) or not_judged (a realised figure that cannot be judged, or no target); else "
                    "empty")),
        ("attainment_percent", ("What it attained that year (capaian), in percent, one decimal: realised ÷ target × 100 "
                                "where higher is better; (2 × target − realised) ÷ target × 100, not below 0, where "
                                "lower is better, as performance reports (LKjIP) reckon it; else empty: no direction, "
                                "a target or realised figure not a plain number, a target of 0")),
    ],
    "pillars.csv": [
        ("id", "Pillar id"),
        ("name", "Pillar name"),
        ("order", "Its place among the pillars, as the book and the site list them"),
        ("programs", "Number of programs in it"),
        ("budget_total", "Indicative budget of its programs over all years, whole rupiah"),
    ],
    "sub_elements.csv": [
        ("pillar", "Pillar id"),
        ("id", "Sub-element id (one pillar's own)"),
        ("name", "Sub-element name"),
        ("programs", "Number of programs in it"),
    ],
    "missions.csv": [
        ("id", "Mission id"),
        ("text", "The mission, as the plan words it"),
        ("programs", "Number of programs that serve it"),
    ],
    **data_summaries.COLUMNS,  # the book's summary tables, in a plan that has what they sum (WRITTEN_IF)
    **data_changes.COLUMNS,  # what changed since the previous version, when the build has one (WRITTEN_IF)
}


#: file → its title, a catalog message said in the plan's language: the workbook's sheet, the data package's resource
TITLES: dict[str, str] = {
    "programs.csv": "Programs", "budget.csv": "Budget lines", "agencies.csv": "Agencies",
    "indicators.csv": "Indicators", "pillars.csv": "Pillars", "sub_elements.csv": "Sub-elements",
    "missions.csv": "Missions", "apbd_ceiling.csv": "APBD against the ceiling",
    "budget_by_mission.csv": "Budget by mission", "budget_by_phase.csv": "Budget by phase", **data_changes.TITLES,
}
#: file → what the table holds and what one row of it is, a catalog message (a data portal shows it beside the file)
NOTES: dict[str, str] = {
    "programs.csv": "The plan's programs: a row per program.",
    "budget.csv": ("The programs' indicative budget: a row per program, budget year and funding source (two lines of "
                   "a program with the same year and source are one row of their sum)."),
    "agencies.csv": "The agencies (perangkat daerah): a row per agency, with the programs it leads and supports.",
    "indicators.csv": ("The indicators of the pillars and the programs: a row per indicator and year of a target or a "
                       "realised figure (one row, its year empty, for an indicator without either)."),
    "pillars.csv": "The pillars (smart city dimensions): a row per pillar.",
    "sub_elements.csv": "The pillars' sub-elements: a row per sub-element, with its pillar.",
    "missions.csv": "The RPJMD missions the programs serve: a row per mission.",
    "apbd_ceiling.csv": ("The book's table of the APBD against its ceiling (pagu indikatif): a row per year of the "
                         "ceiling, without a total row."),
    **data_summaries.NOTES,
    **data_changes.NOTES,
}


def _joined(items: list[str]) -> str:
    return LIST_SEPARATOR.join(items)


def _names(program: Program) -> list[str]:
    """The names behind a program's pillar and lead agency codes, so that a table pivoted by them reads."""
    return [str(program.pillar.name) if program.pillar else "", str(program.lead.name) if program.lead else ""]


def _program_rows(plan: Plan) -> Iterator[list[Any]]:
    order = {source: index for index, source in enumerate(plan.funding_sources)}  # each program's in one order

    def sources(program: Program) -> list[str]:
        return sorted(program.sources, key=lambda source: order.get(source, len(order)))

    for p in plan.programs:
        yield [p.id, str(p.name), p.pillar_id, p.sub_element_id, p.lead_id, _joined([a.id for a in p.partners]),
               p.quick_win, p.period.start, p.period.end, p.status, p.total_budget,
               _joined(sources(p)), _joined(p.mission_ids), _joined(p.depends_on_ids), str(p.location),
               _joined(p.former_ids), *_names(p), str(p.summary), _joined([a.id for a in p.unconfirmed])]


def _budget_rows(plan: Plan) -> Iterator[list[Any]]:
    """A row per program, year and funding source: two lines of the same year and source (W308: both are
    counted) are one row of their sum, so that the three identify a row, as the table's description says."""
    for p in plan.programs:
        amounts: dict[tuple[int, str], int] = {}
        for line in p.budget:
            amounts[line.year, line.source] = amounts.get((line.year, line.source), 0) + line.amount
        for (year, source), amount in sorted(amounts.items()):
            yield [p.id, p.pillar_id, p.lead_id, year, source, amount, *_names(p), str(p.name)]


def _agency_rows(plan: Plan) -> Iterator[list[Any]]:
    budget = summary.budget(plan).by_agency
    for a in plan.agencies:
        yield [a.id, a.short_name, str(a.name), a.kind, len(a.programs), len(a.supported), budget.get(a.id, 0),
               *(a.contact.get(name, "") for name in CONTACT_FIELDS)]


def _indicator_rows(plan: Plan) -> Iterator[list[Any]]:
    """A row per year of a target or a realised figure (one for an indicator without either); the owner is said again
    as a program code and a pillar id, columns a table's description can say the programs and pillars tables hold."""
    owners: list[tuple[str, str, list[Indicator], str | None, str, str | None]]
    owners = [("pillar", p.id, p.indicators, None, p.id, None) for p in plan.pillars]
    owners += [("program", p.id, p.indicators, p.id, p.pillar_id, p.lead_id) for p in plan.programs]
    monitored = attainment.latest_year(plan)
    for kind, owner, indicators, program, pillar, lead in owners:
        for number, ind in enumerate(indicators, start=1):
            head = [kind, owner, str(ind.name), str(ind.unit), ind.baseline_year, ind.baseline_value]
            for year in ind.years or [None]:  # type: ignore[list-item]  # one row, no year, for an indicator without
                due = year is not None and monitored is not None and year <= monitored
                yield [*head, year, ind.targets.get(year), number, program, pillar, ind.direction,
                       ind.realised.get(year), ind.met(year) if year is not None else None, lead,
                       attainment.status([ind], year) if due else None, _percent(ind, year)]


def _percent(indicator: Indicator, year: int | None) -> float | None:
    """What ``indicator`` attained in ``year`` (:func:`attainment.reached`), in percent with one decimal."""
    attained = attainment.reached(indicator, year) if year is not None else None
    return None if attained is None else round(100 * attained[0] / attained[1], 1)


def _pillar_rows(plan: Plan) -> Iterator[list[Any]]:
    budget = summary.budget(plan).by_pillar
    for p in plan.pillars:
        yield [p.id, str(p.name), p.order, len(p.programs), budget.get(p.id, 0)]


def _sub_element_rows(plan: Plan) -> Iterator[list[Any]]:
    for p in plan.pillars:
        for sub in p.sub_elements:
            yield [p.id, sub.id, str(sub.name), sum(program.sub_element_id == sub.id for program in p.programs)]


def _mission_rows(plan: Plan) -> Iterator[list[Any]]:
    for m in plan.missions:
        yield [m.id, str(m.text), sum(m.id in program.mission_ids for program in plan.programs)]


ROWS: dict[str, Callable[[Plan], Iterator[list[Any]]]] = {
    "programs.csv": _program_rows, "budget.csv": _budget_rows, "agencies.csv": _agency_rows,
    "indicators.csv": _indicator_rows, "pillars.csv": _pillar_rows, "sub_elements.csv": _sub_element_rows,
    "missions.csv": _mission_rows, **data_summaries.ROWS, **data_changes.ROWS,
}
#: the tables written only when the plan has what they hold
WRITTEN_IF = {**data_summaries.WRITTEN_IF, **data_changes.WRITTEN_IF}


#: the columns whose values are funding sources as the plan's files write them (APBD Provinsi, Swasta, Hibah)
FUNDING_COLUMNS = ("funding_source", "funding_sources")


def meaning(column: str, message: str, plan: Plan, words: Callable[..., str]) -> str:
    """What a column holds, in the edition's words; a column of funding sources names, after it, each source the
    edition calls otherwise than its code ("APBD Provinsi: Provincial APBD"), as the book and the site call them."""
    said = words(message)
    if column not in FUNDING_COLUMNS:
        return said
    renamed = [f"{source}: {name}" for source in plan.funding_sources
               if (name := formatting.funding_source(source, words)) != source]
    return f"{said} ({'; '.join(renamed)})" if renamed else said


def tables(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """The tables of :data:`COLUMNS` written for ``plan`` (file → its columns): the files its data page lists,
    its data package describes and its workbook holds."""
    return {name: columns for name, columns in COLUMNS.items() if name not in WRITTEN_IF or WRITTEN_IF[name](plan)}
