"""Years and money: program periods inside the plan period; budgets and targets inside their period;
budget lines in whole rupiah, one per year and source."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Position, error, warning
from masterplan.model import BudgetLine, Indicator, Period, Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    plan_period = plan.period
    if plan_period.start > plan_period.end:
        yield error(plan.where.get("period", plan.position), "E305",
                    f"plan period starts after it ends ({plan_period.start} > {plan_period.end})")
    for pillar in plan.pillars if plan_period.start <= plan_period.end else []:
        for indicator in pillar.indicators:
            yield from _targets(indicator, plan_period, f"pillar {pillar.id}", "the plan period")
    for program in plan.programs:
        label = f"program {program.id}"
        period = program.period
        if period.start > period.end:  # said once: every year of its budget and targets would be "outside" it
            yield error(program.at("period"), "E305", f"{label}: period starts after it ends "
                        f"({period.start} > {period.end})", "swap start and end")
            continue
        if plan_period.start <= plan_period.end and (period.start not in plan_period
                                                       or period.end not in plan_period):
            yield error(program.at("period"), "E301", f"{label}: period {period} lies outside the plan "
                        f"period {plan_period}")
        seen: dict[tuple[int, str], BudgetLine] = {}
        for line in program.budget:
            if line.year not in period:
                yield error(line.position, "E302", f"{label}: budget year {line.year} is outside the program "
                            f"period {period}")
            if isinstance(line.amount, float) and line.amount < 1_000_000:  # "2.000": the schema's whole number 2.0
                yield error(line.position, "E306", f"{label}: the budget for {line.year} reads as {line.amount:,.0f} "
                            "rupiah: YAML takes a dot for a decimal point, so 2.000 is two",
                            "write the amount in whole rupiah without dots, e.g. 2000000000")
            if (line.year, line.source) in seen:
                yield warning(line.position, "W308", f"{label}: the budget for {line.year} from {line.source} is "
                              f"given twice (first at line {seen[line.year, line.source].position.line}); both "
                              "amounts are counted", "a copy: delete it; two amounts: add them into one line")
            seen.setdefault((line.year, line.source), line)
        for indicator in program.indicators:
            yield from _targets(indicator, period, label, "the program period")


def _targets(indicator: Indicator, period: Period, label: str, what: str) -> Iterator[Diagnostic]:
    first = min(indicator.targets, default=None)
    if indicator.baseline_year is not None and first is not None and indicator.baseline_year >= first:
        yield warning(indicator.position, "W309", f"{label}: indicator '{indicator.name}' has its baseline in "
                      f"{indicator.baseline_year}, not before its first target ({first})",
                      "the baseline is the condition before the plan: a year before the first target")
    for year in indicator.targets:
        if year not in period:
            where: Position = indicator.target_positions.get(year, indicator.position)
            yield error(where, "E303", f"{label}: indicator '{indicator.name}' has a target for {year}, "
                        f"outside {what} {period}")
