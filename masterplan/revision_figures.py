"""A revision in figures, for the executive summary: the programs and the indicative budget before and after, the
APBD's part of it, the programs whose budget moved most, and the indicators whose targets it made easier.

The site's page of changes and the book's table list every change (:mod:`masterplan.changes`); the mayor and the
council, asked to adopt a revision, first ask how many programs and how much money it adds or takes away, and where.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.changes import (
    Changes,
    PillarChange,
    PillarFacts,
    ProgramChange,
    ProgramFacts,
)
from masterplan.indicator_changes import TargetChange
from masterplan.summary import CITY_BUDGET
from masterplan.values import code_order

#: the indicators with easier targets the summary names at most; the others are counted, each on the page of changes
EASIER_AT_MOST = 10


@dataclass(frozen=True)
class Amounts:
    """An indicative budget in the previous version and in this one, whole rupiah (0 where there was none)."""

    before: int
    after: int

    @property
    def difference(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class BudgetMove(Amounts):
    """One program's indicative budget then and now."""

    program: ProgramFacts  #: as this version has it; a dropped program as the previous one had it
    kind: str  #: "Added", "Dropped" or "Indicative budget" (changed): the change list's own words


@dataclass(frozen=True)
class Tally(Amounts):
    """Programs of one kind of change: how many, and their indicative budget then and now."""

    count: int


@dataclass(frozen=True)
class EasierTargets:
    """One indicator of a program or a pillar whose targets a revision made easier, with those targets, by year."""

    owner: ProgramFacts | PillarFacts
    indicator: str
    unit: str  #: the indicator's unit now, in the plan's language
    targets: tuple[TargetChange, ...]


@dataclass(frozen=True)
class RevisionFigures:
    """The revision's figures (:func:`figures`)."""

    since: str  #: the previous version's number
    programs: tuple[int, int]  #: how many programs then and now
    budget: Tally  #: the plan's indicative budget then and now (its count: the programs now)
    added: Tally
    dropped: Tally
    changed: Tally  #: programs of both versions whose indicative budget (its total) changed
    largest: list[BudgetMove]  #: the programs whose budget moved most, most first
    others: int  #: programs whose budget moved, not among :attr:`largest`
    #: the APBD's part of the indicative budget then and now: a cut in all may be a rise in what the city pays
    apbd: Amounts
    #: the indicators of programs and pillars whose targets are now lower where higher is better (or higher where
    #: lower is), each with those targets: :data:`EASIER_AT_MOST` of them
    easier: tuple[EasierTargets, ...]
    easier_others: int  #: indicators with easier targets not among :attr:`easier`


def figures(changes: Changes, programs_now: int, budget_now: int, apbd_now: int, at_most: int) -> RevisionFigures:
    """``changes`` in figures, for a plan of ``programs_now`` programs and ``budget_now`` rupiah, ``apbd_now`` of them
    from the APBD; :attr:`largest` holds ``at_most`` programs, the largest difference first (then by code)."""
    moves = budget_moves(changes)
    added, dropped = _tally(changes.added, True), _tally(changes.dropped, False)
    # a program whose money only moved to another year or source changed no total: the page of changes lists it
    resized = [change for change in changes.budget_changed if change.budget_difference]
    changed = Tally(sum(c.before.budget for c in resized), sum(c.after.budget for c in resized), len(resized))
    programs_then = programs_now - added.count + dropped.count
    apbd_difference = (sum(p.by_source.get(CITY_BUDGET, 0) for p in changes.added)
                       - sum(p.by_source.get(CITY_BUDGET, 0) for p in changes.dropped)
                       + sum(c.after.by_source.get(CITY_BUDGET, 0) - c.before.by_source.get(CITY_BUDGET, 0)
                             for c in changes.budget_changed))
    easier = []
    retargeted: list[ProgramChange | PillarChange] = [*changes.targets_changed, *changes.pillars_changed]
    for change in retargeted:
        weaker = [target for target in change.targets if target.weaker]
        units = {indicator.name: indicator.unit for indicator in change.after.indicators}
        for indicator in dict.fromkeys(target.indicator for target in weaker):
            easier.append(EasierTargets(change.after, indicator, units.get(indicator, ""),
                                        tuple(target for target in weaker if target.indicator == indicator)))
    return RevisionFigures(changes.since, (programs_then, programs_now),
                           Tally(budget_now - changes.budget_difference, budget_now, programs_now),
                           added, dropped, changed, moves[:at_most], max(len(moves) - at_most, 0),
                           Amounts(apbd_now - apbd_difference, apbd_now), tuple(easier[:EASIER_AT_MOST]),
                           max(len(easier) - EASIER_AT_MOST, 0))


def budget_moves(changes: Changes) -> list[BudgetMove]:
    """Each program whose indicative budget the revision changed (added, dropped, or its total changed: one whose
    money only moved to another year or source is not), the largest difference first, then by code."""
    moves = ([BudgetMove(0, p.budget, p, "Added") for p in changes.added]
             + [BudgetMove(p.budget, 0, p, "Dropped") for p in changes.dropped]
             + [BudgetMove(c.before.budget, c.after.budget, c.after, "Indicative budget")
                for c in changes.budget_changed])
    return sorted((move for move in moves if move.difference),
                  key=lambda move: (-abs(move.difference), code_order(move.program.id)))


def _tally(programs: list[ProgramFacts], now: bool) -> Tally:
    amount = sum(program.budget for program in programs)
    return Tally(0 if now else amount, amount if now else 0, len(programs))
