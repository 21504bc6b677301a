"""How many partners one agency's programs name in all (E107): each partnership costs the site a row on the
partner's page and, until the partner confirms it, a row of the agencies' table of partnerships to confirm, so one
file of thousands of programs naming many partners each would make the build take minutes and its site gigabytes
(:mod:`masterplan.list_limits`). Each program's own list is bounded by the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, error
from masterplan.list_limits import MAX_PARTNERSHIPS
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """E107 at the program of each agency whose partners take its programs' count past :data:`MAX_PARTNERSHIPS`."""
    for agency in plan.agencies:
        named = 0
        for program in agency.programs:
            named += len(program.partner_ids)
            if named > MAX_PARTNERSHIPS:
                total = sum(len(p.partner_ids) for p in agency.programs)
                yield error(program.at("partners"), "E107", "agency {agency}'s programs name {count:,} partners in "
                            "all, more than the {limit:,} one agency's file may name", "name the agencies that carry "
                            "each program with its lead; a program all agencies take part in says so in its "
                            "description", agency=agency.id, count=total, limit=MAX_PARTNERSHIPS)
                break
