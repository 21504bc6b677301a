"""The plan's key figures, the few a mayor reads first: what it costs, how many programs, who carries them, what
starts first, the dearest year and how much falls on the city's own budget.

The executive summary opens with them (``print/parts/summary_key_figures.html``), and the website's home page
counts the agencies involved as they do. The budget's figures are computed from the same
:class:`summary.BudgetSummary` as the summary's tables, which give them at length further on.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.schema_defs import ENTERPRISE
from masterplan.summary import CITY_BUDGET, BudgetSummary


@dataclass(frozen=True)
class KeyFigures:
    """The figures of the summary's opening panel."""

    total: int  #: every program's indicative budget over the plan, every funding source
    programs: int
    pillars: int  #: the pillars that have programs
    leading: int  #: agencies that lead at least one program
    involved: int  #: agencies that lead, support (``supports:``) or partner at least one program
    #: of those, the regional enterprises (``kind: bumd``, a Perumda) that lead a program, and all involved: no
    #: perangkat daerah, which the Indonesian figures would otherwise call them all
    enterprises_leading: int
    enterprises: int
    quick_wins: int
    quick_wins_budget: int  #: the quick wins' budget over all their years
    peak_year: int | None  #: the year of the largest indicative budget (the first of equals); None without any
    peak_amount: int
    city_budget: int  #: the budget lines funded by the city's own budget (:data:`summary.CITY_BUDGET`)


def key_figures(plan: Plan, money: BudgetSummary) -> KeyFigures:
    """``plan``'s key figures; ``money`` its budget summary, as the summary's tables have it."""
    quick_wins = [program for program in plan.programs if program.quick_win]
    peak = max(money.by_year.items(), key=lambda item: item[1], default=None)
    return KeyFigures(
        total=money.total, programs=len(plan.programs), pillars=sum(1 for pillar in plan.pillars if pillar.programs),
        leading=len(plan.lead_agencies), involved=len(plan.involved_agencies),
        enterprises_leading=sum(1 for agency in plan.lead_agencies if agency.kind == ENTERPRISE),
        enterprises=sum(1 for agency in plan.involved_agencies if agency.kind == ENTERPRISE),
        quick_wins=len(quick_wins), quick_wins_budget=sum(program.total_budget for program in quick_wins),
        peak_year=peak[0] if peak and peak[1] else None, peak_amount=peak[1] if peak else 0,
        city_budget=money.by_source.get(CITY_BUDGET, 0))
