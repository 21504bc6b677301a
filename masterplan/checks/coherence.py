"""Whether the plan holds together as the planning agency (Bappeda) reviews it before the mayor adopts it.

Warnings, each said at the line that writes what it is about:

- a program that depends on one starting after it (W413): it would wait for what is not there yet;
- a program that serves no RPJMD mission (W414), and a mission no program serves (W415): the plan's
  link to the regional plan (the missions table) has a gap; a plan whose programs name no mission at
  all is told once;
- a quick win that runs longer than :data:`QUICK_WIN_YEARS` years, or starts more than that many
  years after the plan's first year or its date (a revised plan's new quick wins) (W416): quick wins
  are the plan's fast, visible first steps;
- an indicator whose baseline and targets go up and down (W314): a target typed wrong, or a year
  swapped; counts per year (``unit: titik per tahun``), which rise and fall with the work, are left alone;
- a percentage above :data:`PERCENT_MOST` (W315): a count written where a share was meant (a school
  enrolment rate of 105 % or a realisation of 102 % is no mistake);
- a program said to be done though it starts after the plan's date (W316);
- a program without an indicative budget (W317): its page says "Rp 0", and the budget tables leave it out;
  a budget line of Rp 0 (W319), which the tables show as no budget for that year;
- one indicator (the same name) measured in another unit, or given another baseline for the same year, in
  another place (W418): two agencies' programs, a program and a pillar, or one program twice; the readers take
  them for one measure, and the figures do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import pairwise

from masterplan.checks.references import folded
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.located import DotGrouped
from masterplan.model import Indicator, Plan

QUICK_WIN_YEARS = 3  #: a quick win runs at most this many years, and starts within as many of the plan's
PERCENT_MOST = 200  #: a share above this is surely a count (enrolment rates and realisations pass 100)
_PERCENT = re.compile(r"%|\b(?:persen|prosen|percent|per cent)", re.IGNORECASE)
_PER_YEAR = re.compile(r"\bper\s*tahun\b|/\s*tahun\b|\bper\s*year\b|/\s*year\b", re.IGNORECASE)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    yield from _dependencies(plan)
    yield from _missions(plan, unreadable)
    yield from _quick_wins(plan)
    yield from _status_and_budget(plan)
    for label, indicator, _ in _indicators(plan):
        yield from _up_and_down(label, indicator)
        yield from _percent(label, indicator)
    yield from _one_indicator_measured_otherwise(plan)


def _dependencies(plan: Plan) -> Iterator[Diagnostic]:
    """W413: a program that depends on one starting in a later year."""
    for program in plan.programs:
        for index, needed_id in enumerate(program.depends_on_ids):
            needed = plan.program(needed_id)
            if needed is not None and needed.period.start > program.period.start:
                yield warning(program.at(f"depends_on[{index}]"), "W413",
                              "program {program} starts in {start} but depends on {needed}, which starts in {later}",
                              Message("start {program} later or {needed} earlier, or drop the dependency",
                                      program=program.id, needed=needed.id),
                              program=program.id, start=program.period.start, needed=needed.id,
                              later=needed.period.start)


def _missions(plan: Plan, unreadable: AbstractSet[str]) -> Iterator[Diagnostic]:
    """W414 and W415: programs and RPJMD missions that the other side does not name."""
    if not plan.missions:
        return
    example = Message("name the missions it serves, e.g. missions: [{mission}]", mission=plan.missions[0].id)
    if not any(program.mission_ids for program in plan.programs):  # none named: one warning, not one a program
        if plan.programs and not unreadable:
            yield warning(plan.missions[0].position, "W414", "no program names the RPJMD missions it serves",
                          example)
        return
    for program in plan.programs:
        if not program.mission_ids:
            yield warning(program.at("missions"), "W414", "program {program} serves no RPJMD mission", example,
                          program=program.id)
    served = {mission for program in plan.programs for mission in program.mission_ids}
    for mission in plan.missions if not unreadable else []:  # an unreadable agency file's programs may serve it
        if mission.id not in served:
            yield warning(mission.position, "W415", "no program serves mission {mission}",
                          "add it to the missions of the programs that serve it", mission=mission.id)


def _quick_wins(plan: Plan) -> Iterator[Diagnostic]:
    """W416: a quick win that runs long, or starts late (counted from the plan's date too: a revision's quick wins)."""
    first = max(plan.period.start, plan.date.year if plan.date is not None else plan.period.start)
    for program in plan.programs:
        if not program.quick_win:
            continue
        years = program.period.end - program.period.start + 1
        if years > QUICK_WIN_YEARS:
            yield warning(program.at("period"), "W416", "quick win {program} runs {years} years ({period})",
                          Message("a quick win shows results within {limit} years: shorten it, or make it a program "
                                  "of its own (quick_win: false)", limit=QUICK_WIN_YEARS),
                          program=program.id, years=years, period=str(program.period))
        elif program.period.start >= first + QUICK_WIN_YEARS:
            yield warning(program.at("period"), "W416", "quick win {program} starts in {start}, after the plan's "
                          "first {limit} years ({plan_start}–{plan_end})",
                          Message("a quick win starts in the plan's first {limit} years", limit=QUICK_WIN_YEARS),
                          program=program.id, start=program.period.start, limit=QUICK_WIN_YEARS,
                          plan_start=plan.period.start, plan_end=plan.period.end)


def _status_and_budget(plan: Plan) -> Iterator[Diagnostic]:
    """W316: a program done before it starts; W317: a program without an indicative budget."""
    for program in plan.programs:
        if plan.date is not None and program.status == "done" and program.period.start > plan.date.year:
            yield warning(program.at("status"), "W316", "program {program} is marked done, but it starts in {start}, "
                          "after the plan's date ({date})", "status: planned, or ongoing once it has started",
                          program=program.id, start=program.period.start, date=plan.date.isoformat())
        if not program.budget:
            yield warning(program.at("budget"), "W317", "program {program} has no indicative budget",
                          "add its budget lines: year, amount and source", program=program.id)
        for line in program.budget:
            if line.amount == 0 and type(line.amount) is int:  # 0.000, a decimal to YAML, is E306's
                yield warning(line.amount_at, "W319", "program {program}: a budget line of Rp 0 for {year}",
                              "write the amount, or delete the line", program=program.id, year=line.year)


def _indicators(plan: Plan) -> Iterator[tuple[Message, Indicator, object]]:
    """(label, indicator, whose): the pillars' indicators are the city's, one owner's; each program's its own."""
    for pillar in plan.pillars:
        for indicator in pillar.indicators:
            yield Message("pillar {pillar}", pillar=pillar.id), indicator, "pillars"
    for program in plan.programs:
        for indicator in program.indicators:
            yield Message("program {program}", program=program.id), indicator, id(program)


def _one_indicator_measured_otherwise(plan: Plan) -> Iterator[Diagnostic]:
    """W418 where an indicator (its name in any letters and spacing) is measured in another unit than at its first
    place (% and persen are one unit), or given another baseline for one year than a pillar's indicator of that
    name, or than a copy in its own program. Agencies' own indicators of one name (a satisfaction index each
    measures of its services) may differ in their baselines. Each place is compared once: 3,000 programs
    sharing one indicator are 3,000 lookups."""
    first: dict[str, tuple[Message, Indicator]] = {}
    baselines: dict[tuple[object, str, int], tuple[Message, Indicator]] = {}  # (pillars or a program, name, year)
    for label, indicator, owner in _indicators(plan):
        name = folded(indicator.name)
        if not name:
            continue
        place = first.setdefault(name, (label, indicator))
        if place[1] is not indicator and _unit(place[1].unit) != _unit(indicator.unit):
            yield _other_unit(label, indicator, *place)
            continue
        year, value = indicator.baseline_year, indicator.baseline_value
        if year is None or value is None:
            continue
        compared = [baselines.get(("pillars", name, year)), baselines.get((owner, name, year))]
        other = next((found for found in compared if found is not None and found[1].baseline_value is not None
                      and not _same_value(found[1].baseline_value, value)), None)
        if other is not None:
            yield _other_baseline(label, indicator, *other)
        baselines.setdefault((owner, name, year), (label, indicator))


def _unit(unit: object) -> str:
    """A unit as compared: folded, the ways of writing percent made one."""
    text = folded(unit)
    return "%" if _PERCENT.fullmatch(text) else text


def _other_unit(label: Message, indicator: Indicator, other: Message, there: Indicator) -> Diagnostic:
    return warning(indicator.position, "W418", "{label}: indicator '{indicator}' is measured in '{unit}', but "
                   "in '{other_unit}' at {position} ({other})",
                   _agree(label, other, Message("one indicator has one unit: agree on it with {other}, or give "
                                                "the two indicators different names", other=other)),
                   label=label, indicator=str(indicator.name), unit=str(indicator.unit),
                   other_unit=str(there.unit), position=there.position, other=other)


def _other_baseline(label: Message, indicator: Indicator, other: Message, there: Indicator) -> Diagnostic:
    return warning(indicator.baseline_position or indicator.position, "W418", "{label}: indicator '{indicator}' "
                   "has the baseline {value} for {year}, but {other_value} at {position} ({other})",
                   _agree(label, other, Message("one indicator has one baseline a year: agree on the figure "
                                                "with {other}, or give the two indicators different names",
                                                other=other)),
                   label=label, indicator=str(indicator.name), value=_value(indicator.baseline_value),
                   year=indicator.baseline_year, other_value=_value(there.baseline_value),
                   position=there.baseline_position or there.position, other=other)


def _agree(label: Message, other: Message, agreement: Message) -> Message | str:
    """W418's hint: to agree with the other place, or, when both are in one program or pillar, to delete a copy."""
    return "a copy: delete one of them; two indicators: give them different names" if other == label else agreement


def _same_value(one: object, other: object) -> bool:
    """Whether two values are one: numbers by value (40 and 40.0), texts as :func:`folded` makes them."""
    numbers = [isinstance(v, (int, float)) and not isinstance(v, bool) for v in (one, other)]
    return float(one) == float(other) if all(numbers) else folded(one) == folded(other)  # type: ignore[arg-type]


def _value(value: object) -> str:
    """A baseline as the file writes it."""
    return _shown(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _numbers(indicator: Indicator) -> list[tuple[int | None, float]]:
    """(year, value) of the baseline and the targets that are numbers, in year order (the baseline's year None);
    none when one is written with a dot for thousands (1.000): E307 and W312 say what YAML made of it, and
    until it is written plainly its order with the others means nothing."""
    values = (indicator.baseline_value, *indicator.targets.values())
    if any(isinstance(value, DotGrouped) for value in values):
        return []
    found: list[tuple[int | None, float]] = []
    if isinstance(indicator.baseline_value, (int, float)) and not isinstance(indicator.baseline_value, bool):
        found.append((None, indicator.baseline_value))
    found += [(year, value) for year, value in sorted(indicator.targets.items())
              if isinstance(value, (int, float)) and not isinstance(value, bool)]
    return found


def _target_at(indicator: Indicator, year: int | None) -> Position:
    if year is None:
        return indicator.baseline_position or indicator.position
    return indicator.target_positions.get(year, indicator.position)


def _one_way(values: list[float]) -> bool:
    steps = [after - before for before, after in pairwise(values)]
    return all(step >= 0 for step in steps) or all(step <= 0 for step in steps)


def _up_and_down(label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W314: a baseline and targets that rise and fall; the hint names the value that stands out, when one does."""
    if _PER_YEAR.search(str(indicator.unit)):
        return
    values = _numbers(indicator)
    if _one_way([value for _, value in values]):
        return
    # the one value without which the rest move one way (2, 6, 10, 140, 17, 20: 140); else the first turn
    odd = [year for index, (year, _) in enumerate(values)
           if _one_way([value for other, (_, value) in enumerate(values) if other != index])]
    steps = [(after[0], after[1] - before[1]) for before, after in pairwise(values)]
    turns = [year for (year, step), (_, previous) in zip(steps[1:], steps, strict=False) if step * previous < 0]
    year = _farthest(values, odd) if odd else turns[0] if turns else steps[-1][0]
    yield warning(_target_at(indicator, year), "W314", "{label}: indicator '{indicator}' goes up and down ({values})",
                  Message("targets usually move one way from the baseline: check the value for {year}",
                          year=year if year is not None else Message("the baseline")),
                  label=label, indicator=str(indicator.name), values=" → ".join(_shown(value) for _, value in values))


def _farthest(values: list[tuple[int | None, float]], years: list[int | None]) -> int | None:
    """Of the ``years`` whose value alone breaks the direction, the one farthest from its neighbours' mean: in
    0 → 30 → 600 → 90, both 600 and 90 are such a value, and 600 is the spike."""
    def distance(index: int) -> float:
        around = [value for _, value in values[max(index - 1, 0):index] + values[index + 1:index + 2]]
        return abs(values[index][1] - sum(around) / len(around))
    indexes = [index for index, (year, _) in enumerate(values) if year in years]
    return values[max(indexes, key=distance)][0]


def _percent(label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W315: a percentage far above 100, which no share reaches."""
    if not _PERCENT.search(str(indicator.unit)):
        return
    for year, value in _numbers(indicator):
        if value > PERCENT_MOST:
            yield warning(_target_at(indicator, year), "W315",
                          "{label}: indicator '{indicator}' is a percentage, but one of its values is {value}",
                          Message("a share above {most} % is surely a count: write the share, or change the unit",
                                  most=PERCENT_MOST),
                          label=label, indicator=str(indicator.name), value=_shown(value))
            return


def _shown(value: float) -> str:
    """A value as the plan's file writes it: 40, 58.5, 1500000."""
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
