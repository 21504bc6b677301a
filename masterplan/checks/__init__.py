"""Every rule a plan must satisfy beyond its schema, each reporting at file:line.

Each module holds one family of rules as functions ``(plan, unreadable) -> Iterable[Diagnostic]``;
:func:`run` applies them all and returns every problem at once. ``unreadable`` holds the ids
of things whose files could not be read: a reference to one of them is not an error of its
own (the unreadable file already has one), so one broken file does not bury the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from masterplan.checks import chapters, references, synchronisation, years
from masterplan.diagnostics import Diagnostic
from masterplan.model import Plan

RULES: list[Callable[[Plan, AbstractSet[str]], Iterable[Diagnostic]]] = [
    references.check,
    years.check,
    synchronisation.check,
    chapters.check,
]


def run(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> list[Diagnostic]:
    """All diagnostics of all rules for a loaded plan."""
    return [diagnostic for rule in RULES for diagnostic in rule(plan, unreadable)]
