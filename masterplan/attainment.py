"""How far the plan is on track, at a glance: per pillar, for the latest year monitored, how many of its indicators
(its own and its programs') met their target, how many did not, and how many could not be judged.

:func:`by_pillar` gives the overview the site's home page, the book's ``generated: attainment`` part and the open
data's ``attainment_by_pillar`` print alike; None for a plan without any realised figure, whose book and site
show no such table and whose ``attainment_by_pillar`` is null.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.plan_parts import Pillar
from masterplan.programs import Indicator
from masterplan.values import folded


@dataclass(frozen=True)
class Counts:
    """One row of the overview: its indicators that met their target that year, missed it, or were not judged (no
    direction, no target or no realised figure that year, a figure written as a word, or one written like 1.000,
    whose dot may mark thousands: W312)."""

    met: int = 0
    missed: int = 0
    not_judged: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.met + other.met, self.missed + other.missed, self.not_judged + other.not_judged)


@dataclass(frozen=True)
class Overview:
    """The plan's attainment in ``year``: a row per pillar, in the plan's order, and their total."""

    year: int
    rows: list[tuple[Pillar, Counts]]
    total: Counts


def latest_year(plan: Plan) -> int | None:
    """The latest year any indicator of the plan has a realised figure for, up to the year of the plan's date (a
    later one is a year typed wrong or a date not moved on, W327); None before any monitoring."""
    last = plan.date.year if plan.date is not None else None
    return max((year for indicator in indicators(plan) for year in indicator.realised if last is None or year <= last),
               default=None)


def indicators(plan: Plan) -> list[Indicator]:
    """Every indicator of the plan: each pillar's own, then its programs'."""
    return [indicator for pillar in plan.pillars for group in _of(pillar) for indicator in group]


def _of(pillar: Pillar) -> list[list[Indicator]]:
    """A pillar's indicators, each with the places that give it: the pillar's own, each with its programs' of its
    name (in any letters), then its programs' other ones. One indicator given by the pillar and by a program that
    works on it (W418 saying where their figures differ) is counted once."""
    own: dict[str, list[Indicator]] = {}
    for indicator in pillar.indicators:
        own.setdefault(folded(indicator.name), []).append(indicator)
    others: list[list[Indicator]] = []
    for indicator in (one for program in pillar.programs for one in program.indicators):
        if (places := own.get(folded(indicator.name))) is not None:
            places.append(indicator)
        else:
            others.append([indicator])
    return [*own.values(), *others]


def _judged(places: list[Indicator], year: int) -> bool | None:
    """Whether an indicator given in ``places`` met its target in ``year``: as the first place that can tell (the
    pillar's, else its programs'): a program's realised figure missing its target is not hidden by the pillar's
    copy of the indicator, which has none."""
    return next((judged for indicator in places if (judged := indicator.met(year)) is not None), None)


def _count(judged: list[bool | None]) -> Counts:
    return Counts(judged.count(True), judged.count(False), judged.count(None))


def by_pillar(plan: Plan) -> Overview | None:
    """Each pillar's indicators met, missed and not judged in the latest year monitored, and the total."""
    year = latest_year(plan)
    if year is None:
        return None
    rows = [(pillar, _count([_judged(places, year) for places in _of(pillar)])) for pillar in plan.pillars]
    return Overview(year, rows, sum((counts for _, counts in rows), Counts()))
