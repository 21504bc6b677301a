"""An indicator's course from its baseline to its final target, as the planning agency (Bappeda) reviews it.

Warnings, each at the value that is wrong:

- an indicator without a baseline (W322): Permendagri 86/2017 asks for the starting condition, and the matrix
  prints "–" under Kondisi awal;
- an indicator said to go ``direction: up`` (naik) or ``down`` (turun) whose target moves the other way from one
  year to the next, or whose final target is no better than the baseline (W323). Without ``direction`` nothing
  is said: whether less is better is the plan's to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import pairwise

from masterplan.checks.coherence import indicators, numbers, shown, target_at
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.directions import DIRECTIONS
from masterplan.model import Plan
from masterplan.programs import Indicator


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for label, indicator, _ in indicators(plan):
        if indicator.baseline_year is None and indicator.baseline_value is None:
            yield warning(indicator.position, "W322", "{label}: indicator '{indicator}' has no baseline",
                          "write the condition before the plan: baseline: {{year: …, value: …}} (Permendagri 86/2017)",
                          label=label, indicator=str(indicator.name))
        if indicator.direction in DIRECTIONS:
            yield from _against(label, indicator)


def _against(label: Message, indicator: Indicator) -> Iterator[Diagnostic]:
    """W323, once an indicator: its first target that moves against its direction, else its final target when it is
    no better than the baseline."""
    sign = DIRECTIONS[str(indicator.direction)].sign
    values = numbers(indicator)
    targets = [(year, value) for year, value in values if year is not None]
    wrong = next(((before, after) for before, after in pairwise(targets) if (after[1] - before[1]) * sign < 0), None)
    way = Message("up") if sign > 0 else Message("down")
    if wrong is not None:
        (year, before), (later, after) = wrong
        yield warning(target_at(indicator, later), "W323", "{label}: indicator '{indicator}' should go {way}, but its "
                      "target for {later} ({after}) is worse than for {year} ({before})",
                      "check the value, or the direction", label=label, indicator=str(indicator.name), way=way,
                      later=later, after=shown(after), year=year, before=shown(before))
        return
    baseline = values[0][1] if values and values[0][0] is None else None
    if baseline is not None and targets and (targets[-1][1] - baseline) * sign <= 0:
        year, final = targets[-1]
        yield warning(target_at(indicator, year), "W323", "{label}: indicator '{indicator}' should go {way}, but its "
                      "final target ({final}, {year}) is no better than its baseline ({baseline})",
                      "a target the plan sets is better than the condition before it: check the values, or the "
                      "direction", label=label, indicator=str(indicator.name), way=way, final=shown(final),
                      year=year, baseline=shown(baseline))
