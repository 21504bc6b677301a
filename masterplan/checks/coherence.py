"""Whether the plan holds together as the planning agency (Bappeda) reviews it before the mayor adopts it.

Warnings, each said at the line that writes what it is about:

- a program that depends on one starting after it (W413): it would wait for what is not there yet;
- a program that serves no RPJMD mission (W414), and a mission no program serves (W415): the plan's
  link to the regional plan (the missions table) has a gap; a plan whose programs name no mission at
  all is told once;
- a plan.yml without missions (W425) or without a readiness analysis (W426), a first draft's: the book
  has no tables of programs by mission, or no readiness table, until they are written;
- a quick win that runs longer than :data:`QUICK_WIN_YEARS` years, or starts more than that many
  years after the plan's first year or its date (a revised plan's new quick wins) (W416): quick wins
  are the plan's fast, visible first steps;
- an indicator whose baseline and targets go up and down (W314): a target typed wrong, or a year
  swapped; counts per year (``unit: titik per tahun``), which rise and fall with the work, are left alone;
- a percentage above :data:`PERCENT_MOST` (W315): a count written where a share was meant (a school
  enrolment rate of 105 % or a realisation of 102 % is no mistake);
- a program said to be done though it starts after the plan's date, or ongoing though it starts after that and
  after the plan's first year (W316): a program of the first year may carry on work already under way; and, as a
  revision moves the date on, one still planned though its years began before it, or ongoing though they ended;
- a chapter (the foreword) signed in a year before the plan's date (W530): a revision's book kept the signature
  of the plan it revises;
- a program without an indicative budget (W317): its page says "Rp 0", and the budget tables leave it out;
  a budget line of Rp 0 (W319), which the tables show as no budget for that year.

One indicator told otherwise in two places (W418) is :mod:`masterplan.checks.one_indicator`'s; how an indicator's
targets move against its direction, and one without a baseline, :mod:`masterplan.checks.indicator_course`'s.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import pairwise

from masterplan import version_names
from masterplan.checks.near_duplicates import lead_named
from masterplan.dates import calendar_day
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.list_limits import within_limit
from masterplan.located import DotGrouped
from masterplan.model import Plan
from masterplan.programs import Indicator, Program

QUICK_WIN_YEARS = 3  #: a quick win runs at most this many years, and starts within as many of the plan's
PERCENT_MOST = 200  #: a share above this is surely a count (enrolment rates and realisations pass 100)
PERCENT = re.compile(r"%|\b(?:persen|prosen|percent|per cent)", re.IGNORECASE)  #: a unit that is a share
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  #: a year in a signature's date as written ("Desember 2021")
_PER_YEAR = re.compile(r"\bper\s*tahun\b|/\s*tahun\b|\bper\s*year\b|/\s*year\b", re.IGNORECASE)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    yield from _dependencies(plan)
    yield from _missions(plan, unreadable)
    yield from _quick_wins(plan)
    yield from _status_and_budget(plan)
    yield from _signed_before(plan)
    for label, indicator, _ in indicators(plan):
        yield from _up_and_down(label, indicator, plan.date)
        yield from _percent(label, indicator)


def _dependencies(plan: Plan) -> Iterator[Diagnostic]:
    """W413: a program that depends on one starting in a later year."""
    for program in plan.programs:
        for index, needed_id in enumerate(within_limit("depends_on", program.depends_on_ids)):
            needed = plan.program(needed_id)
            if needed is not None and needed.period.start > program.period.start:
                yield warning(program.at(f"depends_on[{index}]"), "W413",
                              "program {program} starts in {start} but depends on {needed} ({agency}), which starts in "
                              "{later}",
                              Message("start {program} later or {needed} earlier, or drop the dependency",
                                      program=program.id, needed=needed.id),
                              program=program.id, start=program.period.start, needed=needed.id,
                              agency=lead_named(needed), later=needed.period.start).concerning(needed.position.file)


def _missions(plan: Plan, unreadable: AbstractSet[str]) -> Iterator[Diagnostic]:
    """W414 and W415: programs and RPJMD missions that the other side does not name; W425 and W426: plan.yml
    without missions or a readiness analysis."""
    if not plan.readiness:
        yield warning(plan.where.get("readiness", plan.position), "W426", "plan.yml has no readiness analysis",
                      "write its rows under readiness: (element, aspect, condition, gap, recommendation); until "
                      "then the book has no readiness table")
    if not plan.missions:
        yield warning(plan.where.get("missions", plan.position), "W425", "plan.yml lists no RPJMD missions",
                      "write the RPJMD's missions under missions:, each with an id and its text, and name them in "
                      "the programs that serve them (missions: [m1]); until then the book has no tables of programs "
                      "by mission")
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
    """W316: a program done, or ongoing, before it starts; W317: a program without an indicative budget."""
    for program in plan.programs:
        if plan.date is not None and program.status == "done" and program.period.start > plan.date.year:
            yield warning(program.at("status"), "W316", "program {program} is marked done, but it starts in {start}, "
                          "after the plan's date ({date})", "status: planned, or ongoing once it has started",
                          program=program.id, start=program.period.start, date=plan.date.isoformat())
        if plan.date is not None and program.status == "ongoing" \
                and program.period.start > max(plan.date.year, plan.period.start):  # the first year's may carry on work
            yield warning(program.at("status"), "W316", "program {program} is marked ongoing, but it starts in "
                          "{start}, after the plan's date ({date})", "status: planned until it has started",
                          program=program.id, start=program.period.start, date=plan.date.isoformat())
        if plan.date is not None and plan.date.year <= plan.period.end:  # a date after the period is W131's
            yield from _status_behind(program, plan.date)
        if not program.budget:
            yield warning(program.at("budget"), "W317", "program {program} has no indicative budget",
                          "add its budget lines: year, amount and source", program=program.id)
        for line in program.budget:
            if line.amount == 0 and type(line.amount) is int:  # 0.000, a decimal to YAML, is E306's
                yield warning(line.amount_at, "W319", "program {program}: a budget line of Rp 0 for {year}",
                              "write the amount, or delete the line", program=program.id, year=line.year)


def _status_behind(program: Program, date: datetime.date) -> Iterator[Diagnostic]:
    """W316 the other way, as a revision moves the plan's date on (2021 → 2027): a program still planned though
    its years began before the date, or still ongoing though they ended before it, would be printed so."""
    start, end, year = program.period.start, program.period.end, date.year
    if program.status == "planned" and end < year:
        yield warning(program.at("status"), "W316", "program {program} is marked planned, but its period ended "
                      "in {end}, before the plan's date ({date})", "status: done once it was carried out; if it "
                      "goes on, give it its new period", program=program.id, end=end, date=date.isoformat())
    elif program.status == "planned" and start < year:
        yield warning(program.at("status"), "W316", "program {program} is marked planned, but it started in "
                      "{start}, before the plan's date ({date})", "status: ongoing; if it has not started, move "
                      "its period", program=program.id, start=start, date=date.isoformat())
    elif program.status == "ongoing" and end < year:
        yield warning(program.at("status"), "W316", "program {program} is marked ongoing, but its period ended "
                      "in {end}, before the plan's date ({date})", "status: done; if it goes on, give it its new "
                      "period", program=program.id, end=end, date=date.isoformat())


def _signed_before(plan: Plan) -> Iterator[Diagnostic]:
    """W530: a chapter (the foreword) signed in a year before the plan's date: a revision's book printed the
    mayor's foreword of the plan it revises, "Desember 2021" under a plan dated 2027; the strategic analysis's
    chapters print their signature as the book's do."""
    if plan.date is None:
        return
    # the latest date of a version this one revises: a signature of that day or before was that version's
    revised = max((revision.date for revision in plan.revisions if revision.date is not None
                   and not version_names.same(revision.version, plan.version)
                   and revision.date < plan.date), default=None)
    for chapter in [*plan.chapters, *plan.analysis]:
        years = [int(year) for year in _YEAR.findall(chapter.signed.date)] if chapter.signed else []
        if chapter.signed is not None and years and max(years) < plan.date.year:
            yield warning(chapter.signed.date_at or chapter.position, "W530", "this chapter is signed '{signed}', "
                          "before the plan's date ({date})", "a revision is signed anew: write its signing date under "
                          "signed:, and the name of who signs it now", signed=chapter.signed.date,
                          date=plan.date.isoformat())
        elif chapter.signed is not None and revised is not None and (day := calendar_day(chapter.signed.date)) is not None \
                and day <= revised:  # "20 Januari 2025", version 1.0's day, kept in version 1.1 of 20 February
            yield warning(chapter.signed.date_at or chapter.position, "W530", "this chapter is signed '{signed}', on "
                          "or before the date of a version this one revises ({revised}): it is that version's "
                          "signature", "a revision is signed anew: write its signing date under signed:, and the "
                          "name of who signs it now", signed=chapter.signed.date, revised=revised.isoformat())



def indicators(plan: Plan) -> Iterator[tuple[Message, Indicator, object]]:
    """(label, indicator, whose): the pillars' indicators are the city's, one owner's; each program's its own."""
    for pillar in plan.pillars:
        for indicator in pillar.indicators:
            yield Message("pillar {pillar}", pillar=pillar.id), indicator, "pillars"
    for program in plan.programs:
        for indicator in program.indicators:
            yield Message("program {program}", program=program.id), indicator, id(program)


def numbers(indicator: Indicator) -> list[tuple[int | None, float]]:
    """(year, value) of the baseline and the targets that are numbers, in year order (the baseline's year None);
    none when one is written with a dot for thousands (1.000): E307 and W312 say what YAML made of it, and
    until it is written plainly its order with the others means nothing."""
    values = (indicator.baseline_value, *indicator.targets.values())
    if any(isinstance(value, DotGrouped) and not indicator.decimal_dot(value) for value in values):
        return []
    found: list[tuple[int | None, float]] = []
    if indicator.is_number(indicator.baseline_value):
        found.append((None, indicator.baseline_value))
    found += [(year, value) for year, value in sorted(indicator.targets.items()) if indicator.is_number(value)]
    return found


def target_at(indicator: Indicator, year: int | None) -> Position:
    if year is None:
        return indicator.baseline_position or indicator.position
    return indicator.target_positions.get(year, indicator.position)


def _one_way(values: list[float]) -> bool:
    steps = [after - before for before, after in pairwise(values)]
    return all(step >= 0 for step in steps) or all(step <= 0 for step in steps)


def _up_and_down(label: Message, indicator: Indicator, date: datetime.date | None) -> Iterator[Diagnostic]:
    """W314: a baseline and targets that rise and fall; the hint names the value that stands out, when one does.
    A revision (the plan dated 2027) that lowers its coming targets makes a past year's value stand out, which
    it no longer sets: the hint names the first year from the plan's date on where the course turns, or else says
    that the year it names is past."""
    if _PER_YEAR.search(str(indicator.unit)):
        return
    values = numbers(indicator)
    if _one_way([value for _, value in values]):
        return
    # the one value without which the rest move one way (2, 6, 10, 140, 17, 20: 140); else the first turn
    odd = [year for index, (year, _) in enumerate(values)
           if _one_way([value for other, (_, value) in enumerate(values) if other != index])]
    steps = [(after[0], after[1] - before[1]) for before, after in pairwise(values)]
    turns = [year for (year, step), (_, previous) in zip(steps[1:], steps, strict=False) if step * previous < 0]
    year = _farthest(values, odd) if odd else turns[0] if turns else steps[-1][0]
    hint = Message("targets usually move one way from the baseline: check the value for {year}",
                   year=year if year is not None else Message("the baseline"))
    if scales := _two_scales([value for _, value in values]):  # 68 → 0.74 → 0.8: a share written two ways
        hint = Message("{fractions} read as fractions beside {percentages}: write all of them as percentages "
                       "(0.74 as 74) or all as fractions", fractions=", ".join(map(shown, scales[0])),
                       percentages=", ".join(map(shown, scales[1])))
    elif date is not None and year is not None and year < date.year:  # a revision's: that year's target is history
        past, year = year, next((other for other in [*odd, *turns] if other is not None and other >= date.year), year)
        hint = Message("targets usually move one way from the baseline: check the value for {year} ({past}'s stands "
                       "out more, but it is before the plan's date, {date}, and stays as adopted)", year=year,
                       past=past, date=date.isoformat()) if year != past else \
            Message("targets usually move one way from the baseline: check the value for {year}, though it is before "
                    "the plan's date ({date}): a past year's target stays as adopted, so correct it only if it was "
                    "written wrong", year=year, date=date.isoformat())
    yield warning(target_at(indicator, year), "W314", "{label}: indicator '{indicator}' goes up and down ({values})",
                  hint, label=label, indicator=str(indicator.name),
                  values=" → ".join(shown(value) for _, value in values))


def _two_scales(values: list[float]) -> tuple[list[float], list[float]] | None:
    """The values of a share written as fractions (0.74) and those written as percentages (68) beside them, when
    the two read alike once the fractions are a hundred times larger; None when they do not."""
    fractions = [value for value in values if 0 < value <= 1]
    percentages = [value for value in values if 1 < value <= 100]
    if not fractions or not percentages or len(fractions) + len(percentages) < len([v for v in values if v]):
        return None
    low, high = min(percentages) / 3, max(percentages) * 3
    return (fractions, percentages) if all(low <= value * 100 <= high for value in fractions) else None


def _farthest(values: list[tuple[int | None, float]], years: list[int | None]) -> int | None:
    """Of the ``years`` whose value alone breaks the direction, the one farthest from its neighbours' mean: in
    0 → 30 → 600 → 90, both 600 and 90 are such a value, and 600 is the spike."""
    def distance(index: int) -> float:
        around = [value for _, value in values[max(index - 1, 0):index] + values[index + 1:index + 2]]
        return abs(values[index][1] - sum(around) / len(around))
    indexes = [index for index, (year, _) in enumerate(values) if year in years]
    return values[max(indexes, key=distance)][0]


def _percent(label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W315: a percentage far above 100, which no share reaches: a target, the baseline or a realised figure."""
    if not PERCENT.search(str(indicator.unit)):
        return
    realised = [(indicator.realised_positions.get(year, indicator.position), value)
                for year, value in sorted(indicator.realised.items()) if indicator.is_number(value)]
    for at, value in [(target_at(indicator, year), value) for year, value in numbers(indicator)] + realised:
        if value > PERCENT_MOST:
            yield warning(at, "W315",
                          "{label}: indicator '{indicator}' is a percentage, but one of its values is {value}",
                          Message("a share above {most} % is surely a count: write the share, or change the unit",
                                  most=PERCENT_MOST),
                          label=label, indicator=str(indicator.name), value=shown(value))
            return


def shown(value: float) -> str:
    """A value as the plan's file writes it: 40, 58.5, 1500000."""
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
