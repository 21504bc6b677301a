"""The roadmap's phases (plan.yml ``phases``: jangka pendek, menengah, panjang) as the plan's years run: each
year of the plan in exactly one phase, the phases listed in the order they come.

- W326, at the phase's line, naming the years: a phase listed after one that starts later; years before the first
  phase, between two, or after the last, that belong to no phase; years two phases both claim. Phases whose own
  years are wrong (E305, starting after they end) are left out; E301 (years outside the plan) is
  :mod:`masterplan.checks.years`'.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import pairwise

from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan
from masterplan.plan_parts import Phase
from masterplan.values import Period

_COVER = "move a phase's start or end so that each year of the plan is in one phase"


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if plan.period.start > plan.period.end:
        return
    phases = [phase for phase in plan.phases if phase.period.start <= phase.period.end]
    if not phases:
        return
    disordered = list(_disordered(phases))
    if disordered:  # the gaps and overlaps of phases in the wrong order would only confuse
        yield from disordered
        return
    first, last = phases[0], phases[-1]
    if first.period.start > plan.period.start:
        yield _unphased(first, Period(plan.period.start, first.period.start - 1),
                        Message("the first phase, {phase}, starts in {start}", phase=str(first.name),
                                start=first.period.start))
    for before, after in pairwise(phases):
        if after.period.start > before.period.end + 1:
            yield _unphased(after, Period(before.period.end + 1, after.period.start - 1), _between(before, after))
        elif after.period.start <= before.period.end:
            both = Period(after.period.start, min(before.period.end, after.period.end))
            yield warning(after.position, "W326", "{years} is in two phases: {between}" if both.start == both.end
                          else "{years} are in two phases: {between}", Message(
                              "end {before} the year before {after} starts, or start {after} the year after "
                              "{before} ends", before=str(before.name), after=str(after.name)),
                          years=str(both), between=_between(before, after))
    if last.period.end < plan.period.end:
        yield _unphased(last, Period(last.period.end + 1, plan.period.end),
                        Message("the last phase, {phase}, ends in {end}", phase=str(last.name), end=last.period.end))


def _between(before: Phase, after: Phase) -> Message:
    return Message("{before} ends in {end} and {after} starts in {start}", before=str(before.name),
                   end=before.period.end, after=str(after.name), start=after.period.start)


def _unphased(phase: Phase, years: Period, why: Message) -> Diagnostic:
    """W326: the plan's ``years`` that no phase holds, said at ``phase``, the phase next to them."""
    return warning(phase.position, "W326", "{years} belongs to no phase: {why}" if years.start == years.end
                   else "{years} belong to no phase: {why}", _COVER, years=str(years), why=why)


def _disordered(phases: list[Phase]) -> Iterator[Diagnostic]:
    """A phase listed after one that starts later: the roadmap and its table show the phases as listed."""
    for before, after in pairwise(phases):
        if after.period.start < before.period.start:
            yield warning(after.position, "W326", "phase {phase} ({period}) is listed after {before} ({before_period}), "
                          "which starts later", "list the phases in the order they come: the roadmap and its "
                          "table show them as listed", phase=str(after.name), period=str(after.period),
                          before=str(before.name), before_period=str(before.period))
