"""An indicator's realised figures (``realised:``, realisasi): what monitoring (monev) measured it reached, year by year.

Each said at the (first) year it is about:

- a realised year outside the plan period, or before the indicator's baseline year (E308, an error, as a target's
  year outside its period is): the plan cannot have reached anything in a year it does not hold;
- a realised year after the year of plan.yml's ``realised_as_of``, else of its ``date`` (W327): a figure from the
  future, most often a year typed wrong, or figures collected since the plan was adopted without ``realised_as_of``
  saying when (told once an indicator, at the first such year, naming them all);
- plan.yml's ``realised_as_of`` before the plan period, or a day still to come (W331, at it): a year typed wrong
  leaves every figure unjudged, or lets figures of years not yet ended pass for measured;
- realised figures set beside number targets of an indicator without a ``direction`` (W329, once an indicator):
  whether they met their targets cannot be said, by the book, the site or the open data;
- a realised value of another kind than the indicator's targets (W328): a word ("tercapai") where every target is a
  number, which the charts and the open data cannot set beside them, or a number where every target is a word.
  A number written as text (``'55%'``, ``14,5``) is W310's, as it is for a target (:mod:`masterplan.checks.years`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.coherence import indicators
from masterplan.checks.years import number_as_text
from masterplan.diagnostics import Diagnostic, Message, error, warning
from masterplan.messages import listing
from masterplan.model import Plan
from masterplan.programs import Indicator
from masterplan.values import Value


def outside_plan(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """E308: a realised year outside the plan period or before the baseline year."""
    period = plan.period
    if period.start > period.end:  # E305 says so; every year would be "outside" it
        return
    for label, indicator, _ in indicators(plan):
        for year in sorted(indicator.realised):
            where = indicator.realised_positions.get(year, indicator.position)
            if year not in period:
                yield error(where, "E308", "{label}: indicator '{indicator}' has a realised figure for {year}, "
                            "outside the plan period {period}", Message("a realised figure is of a year of the plan, "
                                                                        "{period}", period=period),
                            label=label, indicator=str(indicator.name), year=year, period=period)
            elif indicator.baseline_year is not None and year < indicator.baseline_year:
                yield error(where, "E308", "{label}: indicator '{indicator}' has a realised figure for {year}, "
                            "before its baseline ({baseline})", "check the year: what the plan reached comes "
                            "after the condition it started from", label=label, indicator=str(indicator.name),
                            year=year, baseline=indicator.baseline_year)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W331: realised_as_of before the plan period or still to come; W327: a realised figure of a year after the
    plan's date; W329: realised figures of an indicator without a direction; W328: one of another kind than the
    targets."""
    yield from _as_of(plan)
    for label, indicator, _ in indicators(plan):
        yield from _from_the_future(plan, label, indicator)
        yield from _without_direction(label, indicator)
        for year, value in sorted(indicator.realised.items()):
            where = indicator.realised_positions.get(year, indicator.position)
            kind = _kind(value)
            targets = {_kind(target) for target in indicator.targets.values()}
            if len(targets) == 1 and kind not in targets and not _number_in_text(value, indicator):
                yield warning(where, "W328", "{label}: indicator '{indicator}': the realised figure for {year} is "
                              "text ('{value}'), its targets are numbers" if kind == "text" else
                              "{label}: indicator '{indicator}': the realised figure for {year} is a number "
                              "({value}), its targets are text", "write what was reached as the targets are "
                              "written, so that the two can be set side by side", label=label,
                              indicator=str(indicator.name), year=year, value=str(value))


#: what a monitoring update without realised_as_of is told to do: the plan's date is its adoption's, printed on the
#: cover and the site, which a monitoring update leaves as it is
ENTER_AS_OF = ("check the year: nothing of a year is measured before it begins; or, for figures collected since, give "
               "plan.yml realised_as_of: the day they were collected (the plan's date stays its adoption's)")


def _as_of(plan: Plan, today: datetime.date | None = None) -> Iterator[Diagnostic]:
    """W331, at plan.yml's realised_as_of: a day before the plan period, so that every realised figure is "after" it
    (W327 at each indicator) and none is judged; or a day still to come, so that figures of years not yet ended pass
    for measured. Both most often a year typed wrong."""
    as_of, today = plan.realised_as_of, today or datetime.date.today()
    if as_of is None:
        return
    where = plan.where.get("realised_as_of", plan.position)
    if as_of.year < plan.period.start <= plan.period.end:
        yield warning(where, "W331", "realised_as_of ({date}) is before the plan period {period}: every realised "
                      "figure is of a year after it, and none is judged", "realised_as_of is the day the realised "
                      "figures were collected: check the year", date=as_of.isoformat(), period=plan.period)
    elif as_of > today:
        yield warning(where, "W331", "realised_as_of ({date}) is a day still to come: realised figures are collected "
                      "up to a day that has passed", Message("check the year; today is {today}",
                                                             today=today.isoformat()), date=as_of.isoformat())


def _from_the_future(plan: Plan, label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W327, once an indicator, at the first of its realised years after the year of the plan's realised_as_of (else
    its date), naming them all: a monitoring update without realised_as_of has every figure of its first monitoring
    "from the future", told once each indicator rather than once each year."""
    until = plan.monitored_until
    if until is None:
        return
    years = [year for year in sorted(indicator.realised) if year > until.year and year in plan.period]  # outside: E308
    if not years:
        return
    where = indicator.realised_positions.get(years[0], indicator.position)
    values = {"label": label, "indicator": str(indicator.name), "date": until.isoformat()}
    if plan.realised_as_of is not None:
        hint = Message("check the year: nothing of a year is measured before it begins; or move realised_as_of on to "
                       "the day the figures were collected")
        yield warning(where, "W327", "{label}: indicator '{indicator}' has a realised figure for {year}, after "
                      "plan.yml's realised_as_of ({date})" if len(years) == 1 else "{label}: indicator '{indicator}' "
                      "has realised figures for {years}, after plan.yml's realised_as_of ({date})", hint,
                      year=years[0], years=listing(years), **values)
        return
    hint = Message(ENTER_AS_OF)
    if len(years) == 1:
        yield warning(where, "W327", "{label}: indicator '{indicator}' has a realised figure for {year}, after the "
                      "plan's date ({date})", hint, year=years[0], **values)
    else:
        yield warning(where, "W327", "{label}: indicator '{indicator}' has realised figures for {years}, after the "
                      "plan's date ({date})", hint, years=listing(years), **values)


def _without_direction(label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W329, once an indicator, at its first realised figure beside a number target: without a ``direction`` the
    book, the site and the open data cannot say whether it met its target (a stunting rate under its target is met, a
    coverage under it is not)."""
    if indicator.direction is not None:
        return
    years = [year for year in sorted(indicator.realised) if indicator.is_number(indicator.realised[year])
             and indicator.is_number(indicator.targets.get(year))]
    if years:
        yield warning(indicator.realised_positions.get(years[0], indicator.position), "W329",
                      "{label}: indicator '{indicator}' has realised figures but no direction, so the book and the "
                      "site cannot say whether they met its targets", "add direction: up if a higher figure is "
                      "better, or direction: down if a lower one is", label=label, indicator=str(indicator.name))


def _kind(value: Value) -> str:
    """"text" or "number": what a value is written as, to set a realised figure beside the targets."""
    return "text" if isinstance(value, str) else "number"


def _number_in_text(value: Value, indicator: Indicator) -> bool:
    """Whether ``value`` is a number written as text (W310 tells how to write it)."""
    return isinstance(value, str) and number_as_text(value, indicator) is not None
