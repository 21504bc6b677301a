"""How many partners, and how many programs to wait for, one agency's programs name in all (E107): each partnership
costs the site a row on the partner's page and, until the partner confirms it, a row of the agencies' table of
partnerships to confirm; each dependency a link on both programs' pages. One file of thousands of programs naming
many each would make the build take minutes and its site gigabytes (:mod:`masterplan.list_limits`). Each program's
own lists are bounded by the schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, error
from masterplan.list_limits import MAX_DEPENDENCIES, MAX_PARTNERSHIPS
from masterplan.model import Plan
from masterplan.plan_parts import Agency
from masterplan.programs import Program


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """E107 at the program of each agency whose partners take its programs' count past :data:`MAX_PARTNERSHIPS`."""
    for agency, program, count in _past_limit(plan, lambda program: program.partner_ids, MAX_PARTNERSHIPS):
        yield error(program.at("partners"), "E107", "agency {agency}'s programs name {count:,} partners in all, more "
                    "than the {limit:,} one agency's file may name", "name the agencies that carry each program with "
                    "its lead; a program all agencies take part in says so in its description",
                    agency=agency.id, count=count, limit=MAX_PARTNERSHIPS)


def dependencies(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """E107 at the program of each agency whose dependencies take its programs' count past
    :data:`MAX_DEPENDENCIES`."""
    for agency, program, count in _past_limit(plan, lambda program: program.depends_on_ids, MAX_DEPENDENCIES):
        yield error(program.at("depends_on"), "E107", "agency {agency}'s programs depend on {count:,} programs in all, "
                    "more than the {limit:,} one agency's file may name", "name the programs that must come first; "
                    "a program all others wait for says so in its description",
                    agency=agency.id, count=count, limit=MAX_DEPENDENCIES)


def _past_limit(plan: Plan, named: Callable[[Program], list[str]],
                limit: int) -> Iterator[tuple[Agency, Program, int]]:
    """Each agency whose programs' lists (``named``) take the count past ``limit``, the program that passes it, and
    the count of all its programs' lists."""
    for agency in plan.agencies:
        count = 0
        for program in agency.programs:
            count += len(named(program))
            if count > limit:
                yield agency, program, sum(len(named(p)) for p in agency.programs)
                break
