"""The budget summary sheet of ``plan.xlsx`` as data: the book's budget tables, each a :class:`SummaryBlock`.

By pillar and year, by funding source, by agency, by funding source and year, by agency and year, then the APBD
per year against its ceiling where the plan gives one, by RPJMD mission where it has missions and by roadmap phase
where it has phases, in the plan's language. :mod:`workbook` lays them out on the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from masterplan import summary
from masterplan.formatting import Formats, funding_source
from masterplan.i18n import Translator
from masterplan.model import Plan

ADDING_UP = "Each share is rounded to one decimal, so the shares may add up to slightly more or less than 100%."  #: said under shares that do


@dataclass(frozen=True)
class SummaryBlock:
    """A block of the budget summary, as the book's table: its title, header and rows, the last the total (in bold)
    unless ``total`` is false.

    ``shares``: the column holding shares (of the total, of the ceiling), shown as percentages (0: none); ``counts``:
    columns of numbers that are no amounts (programs); ``wrapped``: the first column's texts wrap (a mission), and size
    it up to :data:`workbook.WRAPPED`; ``note``: a line under the block, as the book's under its table.
    """

    title: str
    head: list[str]
    rows: list[list[Any]]
    shares: int = 0
    counts: Sequence[int] = ()
    total: bool = True
    wrapped: bool = False
    note: str | None = None

    def kind(self, index: int) -> str | None:
        """The format of column ``index``'s numbers: a share ("percent"), an amount ("money"), or none (a count)."""
        return None if index in self.counts else "percent" if index == self.shares else "money"


def _totals(plan: Plan, words: Translator) -> list[SummaryBlock]:
    """The book's budget tables every plan has: by pillar and year, funding source, agency, funding source and year,
    agency and year."""
    money = summary.budget(plan)
    # years down, pillars (sources) across, as the book's and the site's tables
    pillars = [p.id for p in plan.pillars]
    by_pillar = SummaryBlock(
        words("Budget by pillar and year"), [words("Year"), *(str(p.name) for p in plan.pillars), words("Total")],
        [[year, *(money.by_pillar_year.get(p, {}).get(year, 0) for p in pillars), money.by_year[year]]
         for year in money.years]
        + [[words("Total"), *(money.by_pillar.get(p, 0) for p in pillars), money.total]])
    sources = summary.largest_first(money.by_source)
    by_source = _shared_out(words("Budget by funding source"), words("Funding source"),
                            [(funding_source(source, words), amount) for source, amount in sources], money.total, words)
    agencies = {a.id: a.short_name for a in plan.agencies}
    led = summary.largest_first(money.by_agency)
    by_agency = _shared_out(words("Budget by agency"), words("Agency"),
                            [(agencies.get(agency, agency), amount) for agency, amount in led], money.total, words)
    by_source_year = SummaryBlock(
        words("Budget by funding source and year"),
        [words("Year"), *(funding_source(source, words) for source in money.sources_by_year), words("Total")],
        [[year, *(money.by_source_year[source].get(year, 0) for source in money.sources_by_year), money.by_year[year]]
         for year in money.years]
        + [[words("Total"), *(money.by_source[source] for source in money.sources_by_year), money.total]])
    # lead agencies down (largest first, as by agency), years across: each agency's ceiling per year for its Renja
    by_agency_year = SummaryBlock(
        words("Budget by agency and year"), [words("Agency"), *(str(year) for year in money.years), words("Total")],
        [[agencies.get(agency, agency), *(money.by_agency_year[agency].get(year, 0) for year in money.years), amount]
         for agency, amount in led]
        + [[words("Total"), *(money.by_year[year] for year in money.years), money.total]])
    return [by_pillar, by_source, by_agency, by_source_year, by_agency_year]


def _shared_out(title: str, label: str, rows: list[tuple[str, int]], total: int, words: Translator) -> SummaryBlock:
    """A budget summary's block of amounts, largest first, each with its share of ``total``, as the book's and the
    site's tables give them (by funding source, by agency), and their total."""
    shares, adding_up = _printed_shares([amount for _, amount in rows], total)
    return SummaryBlock(
        title, [label, words("Indicative budget"), words("Share")],
        [[name, amount, share or 0] for (name, amount), share in zip(rows, shares, strict=True)]
        + [[words("Total"), total, 1 if total else 0]], shares=2, note=words(ADDING_UP) if adding_up else None)


def _ceiling(plan: Plan, words: Translator) -> SummaryBlock | None:
    """The book's Tabel 14.6, in a plan that gives a ceiling: each year's APBD asked by the programs against it, and
    the years given put together; what is left is below zero in a year over it."""
    years = summary.apbd_against_ceiling(plan)
    total = summary.ceiling_total(years)
    if total is None:
        return None
    return SummaryBlock(
        words("APBD against its ceiling"),
        [words("Year"), words("Programs' APBD"), words("Ceiling"), words("Share of ceiling"), words("Ceiling left")],
        [[row.year, row.apbd, row.ceiling, row.share, row.left] for row in years]
        + [[words("Total"), total.apbd, total.ceiling, total.share, total.left]], shares=3)


def _share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a fraction, shown as a percentage; None (a blank cell) of nothing."""
    return part / whole if whole else None


def _printed_shares(parts: list[int], whole: int) -> tuple[list[float | None], bool]:
    """Each of ``parts`` as a share of ``whole`` (:func:`_share`, shown rounded as the book's), and whether the parts
    make up the whole, so that the note on their rounding belongs under them."""
    return [_share(part, whole) for part in parts], bool(whole) and sum(parts) == whole and min(parts, default=0) >= 0


def _missions(plan: Plan, words: Translator) -> SummaryBlock | None:
    """The book's Tabel 3.2, in a plan with missions: each mission's programs, their budget and its APBD, those
    serving none (where there are), then every program once; the book's note says why the rows add up to more."""
    if not plan.missions:
        return None
    budgets = summary.budget_by_mission(plan)
    whole = budgets.plan.total

    def row(label: str, budget: summary.MissionBudget) -> list[Any]:
        return [label, budget.programs, budget.total, budget.apbd, _share(budget.total, whole)]

    rows = [row(f"{number}. {mission.text}", budgets.by_mission[mission.id])
            for number, mission in enumerate(plan.missions, start=1)]
    if budgets.unlinked:
        rows.append(row(words("Not linked to a mission"), budgets.unlinked))
    return SummaryBlock(
        words("Budget by mission"), [words("Mission"), words("Programs"), words("Indicative budget"),
                                     words("Of which APBD"), words("Share of the plan")],
        [*rows, row(words("All programs, each counted once"), budgets.plan)], shares=4, counts=(1,), wrapped=True,
        note=words("A program serving more than one mission counts in the row of each, so the mission rows add up to "
                   "more than the last row, which counts every program once. Share: of the plan's total indicative "
                   "budget."))


def _phases(plan: Plan, words: Translator) -> SummaryBlock | None:
    """The book's Tabel 13.1, in a plan with phases: each phase (its theme under its name), its years, the programs
    starting and running in it and its years' budget; no total row, as the book's (a program runs in two phases)."""
    if not plan.phases:
        return None
    phases = summary.budget_by_phase(plan)
    shares, adding_up = _printed_shares([row.budget for row in phases.rows], phases.total)
    return SummaryBlock(
        words("Programs and Budget by Phase"),
        [words("Phase"), words("Years"), words("Programs starting"), words("Programs running"),
         words("Indicative budget"), words("Share")],
        [["\n".join(filter(None, (str(row.phase.name), str(row.phase.theme)))), str(row.phase.period),
          row.starting, row.running, row.budget, share] for row, share in zip(phases.rows, shares, strict=True)],
        shares=5, counts=(2, 3), total=False, wrapped=True,
        note=words("Programs running: those with at least one year in the phase, those starting in it included; a "
                   "program running over two phases counts in each. Budget: every program's budget lines of the "
                   "phase's years, all funding sources. Share: of the plan's total indicative budget, {total}.",
                   total=Formats(words.language, words).rupiah(phases.total)) + (" " + words(ADDING_UP) if adding_up else ""))


def blocks(plan: Plan, words: Translator) -> list[SummaryBlock]:
    """The blocks of ``plan``'s budget summary, in the order the sheet gives them."""
    return [*_totals(plan, words), *filter(None, (_ceiling(plan, words), _missions(plan, words), _phases(plan, words)))]
