"""Which indicator of a program's previous version is which of its current one, and how their targets changed.

An indicator has no code of its own: the plan knows it by its name and its place among its program's indicators
(``indicator_number`` in ``indicators.csv``, as the book numbers them). A monitoring officer follows an indicator
through a revision by what it measures, so the comparison pairs them in two steps:

1. the same name (as the plan writes it): the same indicator, wherever it moved in the list;
2. of the rest, the indicator at the same place with the same unit: the same indicator, renamed (its wording
   sharpened, a typo fixed), its targets compared as any other's. Another unit at that place measures something
   else: no pair, as for an indicator added or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.values import Value


@dataclass(frozen=True)
class IndicatorFacts:
    """An indicator as a change list compares it: its name and unit in the plan's language, its target per year."""

    name: str
    unit: str
    targets: dict[int, Value]
    direction: str | None = None  #: "up" or "down": which way is better; None where the indicator does not say
    #: its name as the plan writes it (``written_in``), where the edition is in another language: what it is known
    #: by, so that a translation given since is no rename
    written: str = ""

    @property
    def known_as(self) -> str:
        """What pairs it with its other version: its name as written, else as shown."""
        return self.written or self.name


@dataclass(frozen=True)
class TargetChange:
    indicator: str  #: its current name
    year: int
    before: Value | None  #: None: the previous version set no target that year
    after: Value | None
    direction: str | None = None  #: the indicator's, now

    @property
    def weaker(self) -> bool:
        """Whether the target asks less than it did: lower where higher is better, higher where lower is."""
        before, after = self.before, self.after
        if not (isinstance(before, (int, float)) and isinstance(after, (int, float))) or before == after:
            return False
        return after < before if self.direction == "up" else after > before if self.direction == "down" else False


def pairs(before: tuple[IndicatorFacts, ...], after: tuple[IndicatorFacts, ...]
          ) -> list[tuple[IndicatorFacts, IndicatorFacts]]:
    """(then, now) for each indicator of both versions, in the current version's order: same name first, then the
    same place and unit (a rename)."""
    first: dict[str, int] = {}
    for place, then in enumerate(before):
        first.setdefault(then.known_as, place)
    found: dict[int, int] = {}  #: place now → place then
    for place, now in enumerate(after):
        if now.known_as in first and first[now.known_as] not in found.values():
            found[place] = first[now.known_as]
    for place, now in enumerate(after):
        if place not in found and place < len(before) and place not in found.values() \
                and before[place].unit.strip().casefold() == now.unit.strip().casefold():
            found[place] = place
    return [(before[found[place]], now) for place, now in enumerate(after) if place in found]


def target_changes(then: IndicatorFacts, now: IndicatorFacts) -> list[TargetChange]:
    """Each year whose target differs, the years of the current targets first, then those only the previous had."""
    changes = [TargetChange(now.name, year, then.targets.get(year), target, now.direction)
               for year, target in sorted(now.targets.items()) if then.targets.get(year) != target]
    return changes + [TargetChange(now.name, year, target, None, now.direction)
                      for year, target in sorted(then.targets.items()) if year not in now.targets]
