"""Every rule a plan must satisfy beyond its schema, each reporting at file:line.

Each module holds one family of rules as functions ``(plan) -> Iterable[Diagnostic]``;
:func:`run` applies them all and returns every problem at once.
"""

from __future__ import annotations

from typing import Callable, Iterable

from masterplan.checks import chapters, references, synchronisation, years
from masterplan.diagnostics import Diagnostic
from masterplan.model import Plan

RULES: list[Callable[[Plan], Iterable[Diagnostic]]] = [
    references.check,
    years.check,
    synchronisation.check,
    chapters.check,
]


def run(plan: Plan) -> list[Diagnostic]:
    """All diagnostics of all rules for a loaded plan."""
    return [diagnostic for rule in RULES for diagnostic in rule(plan)]
