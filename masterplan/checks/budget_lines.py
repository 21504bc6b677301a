"""A program's budget lines as the planning agency (Bappeda) reads them against one another, year by year.

Warnings, each at the line that writes what it is about:

- a line of at least :data:`FACTOR_FAR_OFF` times the median of the program's other lines (W320) that is another
  of its lines with zeros added (8000000000 beside 800000000: a zero typed too many), or any line of at least
  :data:`FACTOR_BEYOND_BUILDING` times that median (200000000000 among lines of 800 juta); the budget tables add
  them up without a word. A year of building or buying ten or thirty times the running years' cost is left
  alone: it warned on true investment years;
- a line of at most 1/:data:`FACTOR_THOUSANDS` of that median (W330): 1200000 among lines of 900 juta, typed in
  thousands of rupiah as a spreadsheet of "Rp ribu" shows it (a line under a million is W313's);
- years inside a program's period with no budget line (W321): its matrix prints the whole period, and the
  budget tables leave those years out; a line of Rp 0 is a deliberate zero (W319 says so), so it counts as given.

Each program's lines are sorted once: a plan's lines are checked in about the time it takes to read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.years import typed_short
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.messages import listing, rupiah
from masterplan.model import Plan
from masterplan.programs import BudgetLine, Program
from masterplan.values import Period

FACTOR_FAR_OFF = 10  #: a line this many times the median of the program's other lines is far off
FACTOR_BEYOND_BUILDING = 100  #: this many times it, far off even for a year of building or buying
ZEROS_ADDED = 4  #: a line that is another with up to this many zeros added reads as zeros typed too many
OTHERS_NEEDED = 2  #: the other non-zero lines a median is taken of, at least
FACTOR_THOUSANDS = 700  #: a line this many times below the median of the others reads as typed in thousands
#: (a thousand times, give or take the years' differences; a study year of 50 juta before 29 miliar is 580 times)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for program in plan.programs:
        yield from _far_off(program)
        yield from _missing_years(program, plan.period)


def _amounts(program: Program) -> list[BudgetLine]:
    """The program's lines with a whole, non-zero amount, smallest first (E306 and W319 tell the others)."""
    lines = [line for line in program.budget if type(line.amount) is int and line.amount > 0]
    return sorted(lines, key=lambda line: line.amount)


def _median_without(amounts: list[int], index: int) -> float:
    """The median of the sorted ``amounts`` with the one at ``index`` left out, without copying the list."""
    count = len(amounts) - 1
    def at(place: int) -> int:
        return amounts[place if place < index else place + 1]
    return (at((count - 1) // 2) + at(count // 2)) / 2


def _far_off(program: Program) -> Iterator[Diagnostic]:
    """W320: a line at least :data:`FACTOR_FAR_OFF` times the median of the program's other non-zero lines; W330: one
    at most 1/:data:`FACTOR_THOUSANDS` of it."""
    lines = _amounts(program)
    if len(lines) < OTHERS_NEEDED + 1:
        return
    amounts = [line.amount for line in lines]
    first_of: dict[int, BudgetLine] = {}  # each amount's earliest line, which another line with zeros added is said to repeat
    for line in sorted(lines, key=lambda line: line.year, reverse=True):
        first_of[line.amount] = line
    for index, line in enumerate(lines):
        median = _median_without(amounts, index)
        if line.amount * FACTOR_THOUSANDS <= median and not typed_short(line.amount):
            yield warning(line.amount_at, "W330", "program {program}: the budget for {year} is {amount}, 1/{factor} "
                          "of the median of its other lines ({median})", Message(
                              "typed in thousands of rupiah? amounts are whole rupiah: {amount} ribu is written "
                              "{whole}; a year of study or planning this small is right as it is",
                              amount=str(line.amount), whole=str(line.amount * 1000)),
                          program=program.id, year=line.year, factor=round(median / line.amount),
                          amount=rupiah(line.amount), median=rupiah(round(median)))
        if line.amount < FACTOR_FAR_OFF * median:
            continue
        repeated = _repeated_with_zeros(line, first_of)
        if repeated is None and line.amount < FACTOR_BEYOND_BUILDING * median:
            continue  # a year of building or buying: ten, thirty times the running cost, and rightly so
        amount = rupiah(line.amount)
        hint = (Message("a zero too many? it is the {year} line's {amount} with {zeros} added at its end",
                        year=repeated[0].year, amount=rupiah(repeated[0].amount),
                        zeros=repeated[1]) if repeated else
                Message("a zero too many? amounts are whole rupiah: check the digits"))
        yield warning(line.amount_at, "W320", "program {program}: the budget for {year} is {amount}, {factor}× "
                      "the median of its other lines ({median})", hint,
                      program=program.id, year=line.year, factor=round(line.amount / median), amount=amount,
                      median=rupiah(round(median)))


def _repeated_with_zeros(line: BudgetLine, first_of: dict[int, BudgetLine]) -> tuple[BudgetLine, str] | None:
    """Another line that ``line`` is with one to :data:`ZEROS_ADDED` zeros added, and those zeros: (its line, "00")."""
    amount = line.amount
    for count in range(1, ZEROS_ADDED + 1):
        if amount % 10 ** count:
            return None
        other = first_of.get(amount // 10 ** count)
        if other is not None and other is not line:
            return other, "0" * count
    return None


def _missing_years(program: Program, plan_period: Period) -> Iterator[Diagnostic]:
    """W321: years of the program's period without a budget line, for a program that has some (W317 tells one
    without any); a period that is wrong (E305) or lies outside the plan's (E301) is told first, and years outside
    the plan's are not asked for (the budget tables have no column for them)."""
    period = program.period
    if not program.budget or period.start > period.end:
        return
    given = {line.year for line in program.budget}
    missing = [year for year in period.years if year not in given and year in plan_period]
    if missing:
        yield warning(program.at("budget"), "W321", "program {program} runs {period} but has no budget line for "
                      "{years}", "the budget tables leave those years out: add their lines, or shorten the period", program=program.id, period=str(period),
                      years=listing(map(str, missing)))
