"""A program: what an agency will do, when, for how much (its budget lines), measured how (its indicators);
a program left out of the plan for a mistake in its file; and what groups programs (a pillar, the plan)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeGuard

from masterplan.diagnostics import Position
from masterplan.directions import DIRECTIONS
from masterplan.located import DotGrouped, is_number
from masterplan.values import Period, Text, Value, code_order, folded

if TYPE_CHECKING:  # resolved by Plan.link; the parts import ProgramGroup from here
    from masterplan.plan_parts import Agency, Mission, Pillar, SubElement


MOST_DECIMALS = 3  #: the decimal places an indicator's values print with at most: 0,385 (a Gini ratio), not 0,39


@dataclass
class Indicator:
    """A measurable indicator: baseline, a target per year and, once monitored, what it reached (realised)."""

    name: Text
    unit: Text
    baseline_year: int | None
    baseline_value: Value | None
    targets: dict[int, Value]
    position: Position
    target_positions: dict[int, Position] = field(default_factory=dict)
    baseline_position: Position | None = None  #: of the baseline's value, when the indicator has one
    direction: str | None = None  #: "up" or "down": which way is better, when the plan says so
    realised: dict[int, Value] = field(default_factory=dict)  #: what it reached per year (realisasi), as monitored
    realised_positions: dict[int, Position] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """The years it gives a target or a realised figure for, in order: a year each of its tables' columns."""
        return sorted({*self.targets, *self.realised})

    def met(self, year: int) -> bool | None:
        """Whether what it reached in ``year`` met that year's target, judged by its ``direction`` (at least the
        target going up, at most it going down); None where that cannot be said: no direction, no target or no
        realised figure that year, or either one not a number as written (:meth:`is_number`), unless both are words
        ("tersedia"): met when the same, in any letters and spacing. Judged as printed, to
        :attr:`decimals` places: a figure printed as its target is never told apart from it."""
        target, reached = self.targets.get(year), self.realised.get(year)
        if _worded(target) and _worded(reached) and folded(target) == folded(reached):
            return True  # "tersedia" reached as "Tersedia": met, whatever the direction; other words are not judged
        if self.direction not in DIRECTIONS or not self.is_number(target) or not self.is_number(reached):
            return None
        step = round(float(reached) - float(target), self.decimals)  # type: ignore[arg-type]
        return step * DIRECTIONS[self.direction].sign >= 0

    def is_number(self, value: object) -> TypeGuard[float]:
        """Whether ``value``, one of its figures, is a number as written: not yes/no (YAML's booleans), nor 1.000
        written with a dot for thousands, unless its dot is a decimal point after all (:meth:`decimal_dot`). The
        checks compare, the site's charts draw and :meth:`met` judges only these."""
        return is_number(value) or (isinstance(value, DotGrouped) and self.decimal_dot(value))

    def decimal_dot(self, value: DotGrouped) -> bool:
        """Whether the dot of ``value`` (written like 1.000, which YAML reads as a decimal) is a decimal point: 0.385;
        or 2.875 beside a plainly written 2.6, an index with decimals, unless its plain values show thousands."""
        return value.written.lstrip("+-").startswith("0") or (
            not self.thousands_shown(value) and any(not float(v).is_integer() for v in self._plain_numbers()))

    def thousands_shown(self, value: DotGrouped) -> bool:
        """Whether its plainly written values show the dot of ``value`` marks thousands: one a hundred times larger,
        or a whole number of a thousand or more."""
        return any(abs(v) >= 100 * abs(value) or (float(v).is_integer() and abs(v) >= 1000)
                   for v in self._plain_numbers())

    def _plain_numbers(self) -> list[float]:
        """Its baseline, targets and realised figures that are numbers written without a dot for thousands."""
        return [v for v in (self.baseline_value, *self.targets.values(), *self.realised.values())
                if is_number(v)]

    @property
    def attainment(self) -> dict[int, bool]:
        """Each year whose target it can be said to have met or missed (:meth:`met`): met or not."""
        return {year: met for year in self.years if (met := self.met(year)) is not None}

    @property
    def decimals(self) -> int:
        """Decimal places that print every value of the indicator alike: "2,0" beside "2,3"; at most 3, as a Gini
        ratio is given (0,385)."""
        places = 0
        for value in (self.baseline_value, *self.targets.values(), *self.realised.values()):
            if isinstance(value, float) and math.isfinite(value):
                places = max(places, len(f"{value:.{MOST_DECIMALS}f}".rstrip("0").partition(".")[2]))
        return places


@dataclass
class BudgetLine:
    """Indicative money for one year from one funding source, in whole rupiah."""

    year: int
    amount: int
    source: str
    position: Position
    amount_at: Position  #: where the amount itself is written (the line's own position when it has none)


@dataclass
class LeftOut:
    """A program left out of the plan for a mistake in its file: what of it could still be read,
    so that the mistakes in how its numbers are written, and in the ids it names (a partner, a
    mission, a program it depends on), are told in the same round."""

    id: str
    budget: list[BudgetLine]
    indicators: list[Indicator]
    position: Position = field(default_factory=lambda: Position(""))
    lead_id: str = ""  #: the agency whose file holds it
    partner_ids: list[str] = field(default_factory=list)  #: each list as written, when all its items are text
    mission_ids: list[str] = field(default_factory=list)
    depends_on_ids: list[str] = field(default_factory=list)
    where: dict[str, Position] = field(default_factory=dict)
    lead: None = None  #: not linked to its agency, as a program of the plan is

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)


@dataclass
class Program:
    """A program: what an agency will do, when, for how much, measured how."""

    id: str
    name: Text
    pillar_id: str
    sub_element_id: str
    summary: Text
    description: Text
    quick_win: bool
    partner_ids: list[str]
    period: Period
    budget: list[BudgetLine]
    indicators: list[Indicator]
    depends_on_ids: list[str]
    mission_ids: list[str]
    status: str
    lead_id: str
    position: Position
    where: dict[str, Position] = field(default_factory=dict)
    former_ids: list[str] = field(default_factory=list)  #: ids it had before a rename; their pages lead to it
    location: Text = field(default_factory=lambda: Text({}))  #: where it is carried out (whole city, a district…)
    # resolved by Plan.link
    pillar: Pillar | None = field(default=None, repr=False)
    sub_element: SubElement | None = field(default=None, repr=False)
    lead: Agency | None = field(default=None, repr=False)
    partners: list[Agency] = field(default_factory=list, repr=False)
    #: partners whose partnership only one side writes down: the lead names them, or they list the program
    #: under ``supports`` and the lead does not name them (W406)
    unconfirmed: list[Agency] = field(default_factory=list, repr=False)
    depends_on: list[Program] = field(default_factory=list, repr=False)
    dependents: list[Program] = field(default_factory=list, repr=False)
    missions: list[Mission] = field(default_factory=list, repr=False)

    def at(self, name: str) -> Position:
        return self.where.get(name, self.position)

    @property
    def code_order(self) -> tuple[tuple[str | int, ...], str]:
        """Where its code sorts: "GOV-29" before "GOV-289" (see :func:`code_order`)."""
        return code_order(self.id)

    @property
    def total_budget(self) -> int:
        return sum(line.amount for line in self.budget)

    def budget_in(self, year: int) -> int:
        return sum(line.amount for line in self.budget if line.year == year)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(line.source for line in self.budget))


class ProgramGroup:
    """Anything that groups programs (a pillar, the whole plan): its quick wins and total budget."""

    programs: list[Program]

    @property
    def quick_wins(self) -> list[Program]:
        return [p for p in self.programs if p.quick_win]

    @property
    def total_budget(self) -> int:
        return sum(p.total_budget for p in self.programs)



def _worded(value: object) -> bool:
    """A figure written as words ("tersedia", "diterapkan"), not a number nor a number written as text."""
    return isinstance(value, str) and not is_number(value) and not isinstance(value, DotGrouped) and \
        not any(character.isdigit() for character in value)
