"""A program's budget lines as the planning agency (Bappeda) reads them against one another, year by year.

Warnings, each at the line that writes what it is about:

- a line of at least :data:`FACTOR_FAR_OFF` times the median of the program's other lines (W320): a digit typed
  too many (200000000000 among lines of 800 juta), which the budget tables add up without a word;
- years inside a program's period with no budget line (W321): its matrix prints the whole period, and the
  budget tables leave those years out; a line of Rp 0 is a deliberate zero (W319 says so), so it counts as given.

Each program's lines are sorted once: a plan's lines are checked in about the time it takes to read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.messages import listing
from masterplan.model import BudgetLine, Plan, Program

FACTOR_FAR_OFF = 10  #: a line this many times the median of the program's other lines is far off
OTHERS_NEEDED = 2  #: the other non-zero lines a median is taken of, at least


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for program in plan.programs:
        yield from _far_off(program)
        yield from _missing_years(program)


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
    """W320: a line at least :data:`FACTOR_FAR_OFF` times the median of the program's other non-zero lines."""
    lines = _amounts(program)
    if len(lines) < OTHERS_NEEDED + 1:
        return
    amounts = [line.amount for line in lines]
    for index, line in enumerate(lines):
        median = _median_without(amounts, index)
        if line.amount >= FACTOR_FAR_OFF * median:
            yield warning(line.amount_at, "W320", "program {program}: the budget for {year} is {amount}, {factor}× "
                          "the median of its other lines ({median})",
                          "a zero too many? amounts are whole rupiah: check the digits (a year of building or buying may "
                          "rightly cost more)",
                          program=program.id, year=line.year, factor=round(line.amount / median),
                          amount=Message("Rp {amount:,}", amount=line.amount),
                          median=Message("Rp {amount:,}", amount=round(median)))


def _missing_years(program: Program) -> Iterator[Diagnostic]:
    """W321: years of the program's period without a budget line, for a program that has some (W317 tells one
    without any); a period that is wrong (E305) or lies outside the plan's (E301) is told first."""
    period = program.period
    if not program.budget or period.start > period.end:
        return
    given = {line.year for line in program.budget}
    missing = [year for year in range(period.start, period.end + 1) if year not in given]
    if missing:
        yield warning(program.at("budget"), "W321", "program {program} runs {period} but has no budget line for "
                      "{years}", "the budget tables leave those years out: add their lines, or shorten the period", program=program.id, period=str(period),
                      years=listing(map(str, missing)))
