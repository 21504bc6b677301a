"""How far the plan is on track, at a glance: per pillar, for the latest year monitored, how many of its indicators
(its own and its programs') met their target, how many did not, how many were not reported (a target that year and
no realised figure: the agencies the monitoring officer has to ask again) and how many could not be judged.

:func:`by_pillar` gives the overview the site's home page, the book's ``generated: attainment`` part and the open
data's ``attainment_by_pillar`` print alike; None for a plan without any realised figure, whose book and site
show no such table and whose ``attainment_by_pillar`` is null. :func:`by_agency` counts the same by lead agency (its
programs' indicators), and :func:`missed` lists the targets not met, for the report to the mayor and the council.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.directions import DIRECTIONS
from masterplan.model import Plan
from masterplan.plan_parts import Agency, Pillar
from masterplan.programs import Indicator, Program
from masterplan.values import Value, folded

#: the largest share a target not met is given (:func:`reached`): one that would round to 100,0 % is printed 99,9 %
ALMOST_WHOLE = 0.999

#: an indicator's standing in a year monitored (:func:`status`), as the open data writes it
MET, MISSED, NOT_REPORTED, NOT_JUDGED = "met", "missed", "not_reported", "not_judged"


@dataclass(frozen=True)
class Counts:
    """One row of the overview: its indicators that met their target that year, missed it, were not reported (a
    target that year, no realised figure), or were not judged (no target that year, no direction, a figure written as
    a word, or one written like 1.000, whose dot may mark thousands: W312)."""

    met: int = 0
    missed: int = 0
    not_reported: int = 0
    not_judged: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.met + other.met, self.missed + other.missed, self.not_reported + other.not_reported,
                      self.not_judged + other.not_judged)


@dataclass(frozen=True)
class Missed:
    """A target not met in the year monitored: the indicator, its program (None for a pillar's own indicator, whose
    pillar is given), what it was to reach and what it reached."""

    pillar: Pillar
    program: Program | None
    indicator: Indicator
    target: Value
    realised: Value
    year: int  #: the year monitored

    @property
    def reached(self) -> tuple[float, float] | None:
        """Its attainment (capaian) as a part of a whole, which the book prints as a percentage (:func:`reached`)."""
        return reached(self.indicator, self.year)


@dataclass(frozen=True)
class Overview:
    """The plan's attainment in ``year``: a row per pillar, in the plan's order, and their total."""

    year: int
    rows: list[tuple[Pillar, Counts]]
    total: Counts


def latest_year(plan: Plan) -> int | None:
    """The latest year any indicator of the plan has a realised figure for, up to the year of plan.yml's
    realised_as_of, else of its date (a later one is a year typed wrong, or figures collected since without
    realised_as_of, W327); None before any monitoring. Found once a plan (the outline, the cross-references and the
    open data ask for it again and again)."""
    def find() -> int | None:
        last = plan.monitored_until.year if plan.monitored_until is not None else None
        return max((year for indicator in indicators(plan) for year in indicator.realised
                    if last is None or year <= last), default=None)
    return plan.derived("latest year monitored", find)


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


def reached(indicator: Indicator, year: int) -> tuple[float, float] | None:
    """What ``indicator`` attained in ``year`` (capaian) as Indonesian performance reports (LKjIP, after PermenPAN-RB)
    reckon it, a part of a whole printed as a percentage: what it reached of its target where higher is better (60 of
    a target of 80: 75%); where lower is better, the target less what the figure went past it, (2 × target −
    realised) of the target (12 against a target of 10: 80%; 8: 120%), never below nothing. A target not met stays
    below what rounds to 100,0 %, so that it never reads as fully attained (9.999 of 10.000: 99,9 %). None where that
    cannot be said: no direction, a target or realised figure not a number, a target of 0 or below."""
    target, realised = indicator.targets.get(year), indicator.realised.get(year)
    if indicator.direction not in DIRECTIONS or not indicator.is_number(target) or not indicator.is_number(realised):
        return None
    whole, part = float(target), float(realised)  # type: ignore[arg-type]
    if whole <= 0:  # a share of nothing, or of a negative target (a growth rate of −2 %), says nothing
        return None
    part = max(part if DIRECTIONS[indicator.direction].sign > 0 else 2 * whole - part, 0.0)
    if indicator.met(year) is False:
        part = min(part, whole * ALMOST_WHOLE)
    return part, whole


def status(places: list[Indicator], year: int) -> str:
    """An indicator's standing in ``year``, given in ``places`` (:func:`_of`): met or missed as the first place that
    can tell judges; not reported where a place has a target that year and none a realised figure; else not judged."""
    judged = _judged(places, year)
    if judged is not None:
        return MET if judged else MISSED
    if not any(year in indicator.realised for indicator in places) and any(year in i.targets for i in places):
        return NOT_REPORTED
    return NOT_JUDGED


def _count(standings: list[str]) -> Counts:
    return Counts(*(standings.count(kind) for kind in (MET, MISSED, NOT_REPORTED, NOT_JUDGED)))


def by_pillar(plan: Plan) -> Overview | None:
    """Each pillar's indicators met, missed, not reported and not judged in the latest year monitored, and the total."""
    year = latest_year(plan)
    if year is None:
        return None
    rows = [(pillar, _count([status(places, year) for places in _of(pillar)])) for pillar in plan.pillars]
    return Overview(year, rows, sum((counts for _, counts in rows), Counts()))


def by_agency(plan: Plan) -> list[tuple[Agency, Counts]]:
    """Each lead agency's programs' indicators, counted as :func:`by_pillar` counts, in the plan's order of agencies
    (a pillar's own indicators are no agency's); none before any monitoring, nor in a plan whose programs have no
    indicator."""
    def find() -> list[tuple[Agency, Counts]]:
        year = latest_year(plan)
        if year is None:
            return []
        return [(agency, _count([status([indicator], year) for program in agency.programs
                                 for indicator in program.indicators]))
                for agency in plan.agencies if any(program.indicators for program in agency.programs)]
    return plan.derived("attainment by agency", find)


def missed(plan: Plan) -> list[Missed]:
    """The targets not met in the latest year monitored, pillar by pillar: the pillar's own indicators, then its
    programs' in the order of its matrix; each indicator once, as :func:`by_pillar` counts it (one a pillar and a
    program both give, by the place that judges it)."""
    return plan.derived("targets missed", lambda: _missed(plan))


def _missed(plan: Plan) -> list[Missed]:
    year = latest_year(plan)
    if year is None:
        return []
    found: list[Missed] = []
    for pillar in plan.pillars:
        programs = {id(indicator): program for program in pillar.programs for indicator in program.indicators}
        order = {program.id: index for index, program in enumerate(pillar.programs_by_sub_element)}
        rows = []
        for places in _of(pillar):  # as by_pillar counts it: judged by the first place that can tell
            judge = next((indicator for indicator in places if indicator.met(year) is not None), None)
            if judge is not None and judge.met(year) is False:
                rows.append(Missed(pillar, programs.get(id(judge)), judge, judge.targets[year], judge.realised[year],
                                   year))
        found += sorted(rows, key=lambda row: -1 if row.program is None else order[row.program.id])
    return found
