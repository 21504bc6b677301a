"""What changed since the previous version (:mod:`masterplan.changes`) as open data: ``changes.csv``.

A table of :mod:`masterplan.render.data_tables` like the others (its CSV file, its sheet of the workbook, its
resource of ``datapackage.json``, its entry on the data page), written only when the build has a previous version
that differs (:mod:`masterplan.baseline`). A row per change, its kind in ``change`` (:data:`KINDS`); amounts are
the site's page of changes', whole rupiah.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from masterplan import baseline
from masterplan.changes import AgencyFacts, Changes, ProgramChange, ProgramFacts
from masterplan.model import Plan

#: every kind of row, as ``datapackage.json`` constrains the column ``change``
KINDS = ("added", "dropped", "name", "renamed", "lead", "pillar", "period", "budget", "budget_by_source",
         "indicator_renamed", "target", "agency_added", "agency_dropped", "agency_merged", "agency_renamed",
         "agency_name", "budget_by_year", "pillar_indicator_renamed", "pillar_target", "status")

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "changes.csv": [
        ("change", ("What changed: added, dropped, name, renamed (the code), lead, pillar, period, budget (a "
                    "program's total), budget_by_source, indicator_renamed, target, agency_added, agency_dropped, "
                    "agency_merged, agency_renamed (the id), agency_name, budget_by_year (a year's amount from a "
                    "funding source), pillar_indicator_renamed or pillar_target (a pillar's own indicator), status "
                    "(planned, ongoing or done)")),
        ("previous_version", "The version the plan is compared with"),
        ("program_id", "Program code (in the current version; a dropped program's last code); empty for an agency"),
        ("agency_id", "Agency id, for a change of an agency (else empty)"),
        ("pillar_id", "Pillar id, for a change of a pillar's own indicator (else empty)"),
        ("former_id", "The code or id in the previous version, for a program or an agency renamed (else empty)"),
        ("funding_source", "Funding source, in a row of budget_by_source or budget_by_year (else empty)"),
        ("indicator", "Indicator name (the current one), in a row of an indicator renamed or a target (else empty)"),
        ("year", "Year of the target, in a row of target, or of the amount, in a row of budget_by_year (else empty)"),
        ("before", ("The previous value: program name, lead agency id, pillar id, years (2022-2024), status, "
                    "indicator name, target, or agency name with its short name (else empty)")),
        ("after", "The current value, as before"),
        ("budget_before", "Indicative budget in the previous version, whole rupiah (0 for a program added)"),
        ("budget_after", "Indicative budget in the current version, whole rupiah (0 for a program dropped)"),
        ("budget_difference", ("budget_after less budget_before, whole rupiah; the rows added, dropped and budget "
                               "add up to how much the plan's indicative budget changed (budget_by_source and "
                               "budget_by_year part a budget row's difference: summed with it, they count it twice)")),
    ],
}
TITLES = {"changes.csv": "Changes"}
NOTES = {"changes.csv": ("What changed since the previous version of the plan: a row per program added, dropped, "
                         "renamed, given a new code or moved, per budget, period, status, indicator name or target "
                         "changed (a program's or a pillar's), and per agency added, dropped, merged, given a new id "
                         "or renamed.")}


def _row(changes: Changes, change: str, program: str | None = None, *, agency: str | None = None,
         pillar: str | None = None, former: str | None = None, source: str | None = None,
         indicator: str | None = None, year: int | None = None, before: Any = None, after: Any = None,
         budget: tuple[int, int] | None = None) -> list[Any]:
    amounts = [budget[0], budget[1], budget[1] - budget[0]] if budget else [None, None, None]
    return [change, changes.since, program, agency, pillar, former, source, indicator, year,
            None if before is None else str(before), None if after is None else str(after), *amounts]


def _years(program: ProgramFacts) -> str:
    return f"{program.period[0]}-{program.period[1]}"


def _agency(agency: AgencyFacts, language: str) -> str:
    """An agency as a row names it: its name in the plan's language and, in brackets, its short name."""
    return f"{agency.name.get(language)} ({agency.short_name})"


def _program_rows(changes: Changes, change: ProgramChange) -> Iterator[list[Any]]:
    before, after = change.before, change.after
    if change.names:
        yield _row(changes, "name", after.id, before=change.names[0], after=change.names[1])
    if change.renamed:
        yield _row(changes, "renamed", after.id, former=before.id)
    if change.lead_moved:
        yield _row(changes, "lead", after.id, before=before.lead, after=after.lead)
    if change.pillar_moved:
        yield _row(changes, "pillar", after.id, before=before.pillar, after=after.pillar)
    if change.period_changed:
        yield _row(changes, "period", after.id, before=_years(before), after=_years(after))
    if change.status_changed:
        yield _row(changes, "status", after.id, before=before.status, after=after.status)
    if change.budget_changed:
        yield _row(changes, "budget", after.id, budget=(before.budget, after.budget))
        for source, amounts in change.sources.items():
            yield _row(changes, "budget_by_source", after.id, source=source, budget=amounts)
    for then, now in change.indicators_renamed:
        yield _row(changes, "indicator_renamed", after.id, indicator=now, before=then, after=now)
    for target in change.targets:
        yield _row(changes, "target", after.id, indicator=target.indicator, year=target.year, before=target.before,
                   after=target.after)
    for (year, source), amounts in change.years.items():  # a kind added last, after the program's other rows
        yield _row(changes, "budget_by_year", after.id, source=source, year=year, budget=amounts)


def _rows(plan: Plan) -> Iterator[list[Any]]:
    changes, language = baseline.changes(plan), plan.language
    if changes is None:
        return
    for program in changes.added:
        yield _row(changes, "added", program.id, budget=(0, program.budget))
    for program in changes.dropped:
        yield _row(changes, "dropped", program.id, budget=(program.budget, 0))
    for change in changes.changed:
        yield from _program_rows(changes, change)
    for pillar in changes.pillars_changed:  # the plan's headline indicators
        for then, now in pillar.indicators_renamed:
            yield _row(changes, "pillar_indicator_renamed", pillar=pillar.after.id, indicator=now, before=then,
                       after=now)
        for target in pillar.targets:
            yield _row(changes, "pillar_target", pillar=pillar.after.id, indicator=target.indicator,
                       year=target.year, before=target.before, after=target.after)
    for agency in changes.agencies_added:
        yield _row(changes, "agency_added", agency=agency.id)
    for agency in changes.agencies_dropped:
        yield _row(changes, "agency_dropped", agency=agency.id)
    for kind, pairs in (("agency_merged", changes.agencies_merged), ("agency_renamed", changes.agencies_renamed),
                        ("agency_name", changes.agencies_names_changed)):
        for old, new in pairs:
            yield _row(changes, kind, agency=new.id, former=old.id if old.id != new.id else None,
                       before=_agency(old, language), after=_agency(new, language))


ROWS: dict[str, Callable[[Plan], Iterator[list[Any]]]] = {"changes.csv": _rows}
WRITTEN_IF: dict[str, Callable[[Plan], bool]] = {"changes.csv": lambda plan: baseline.changes(plan) is not None}
