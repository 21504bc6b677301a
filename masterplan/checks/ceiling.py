"""The programs' APBD against the city budget plan.yml says they may take each year (apbd_ceiling), as the planning
agency (Bappeda) checks that the plan follows the budget rules.

- a year whose programs' budget lines with source APBD add up to more than that year's ceiling (W324), at the
  ceiling's line, with the total, the ceiling, how much over, and the lead agencies asking the most APBD that year,
  so the planner knows whom to ask; years plan.yml gives no ceiling for are not checked;
- a year's ceiling below a million rupiah (W325), typed in millions as a spreadsheet of "juta rupiah" shows it
  (30000 for 30 miliar), as W313 says of a budget line; that year is not held against it (W324 would say the
  programs ask billions more than a ceiling of thirty thousand rupiah).
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.years import in_full, typed_short
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.messages import listing, rupiah
from masterplan.model import Plan
from masterplan.summary import apbd_against_ceiling, apbd_by_agency

LARGEST_AGENCIES = 3  #: the lead agencies with the most APBD a warning names


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for year, ceiling in sorted(plan.apbd_ceiling.items()):
        if typed_short(ceiling):
            yield warning(plan.apbd_ceiling_at[year], "W325", "apbd_ceiling: the ceiling for {year} is {amount}",
                          in_full(ceiling), year=year, amount=rupiah(ceiling))
    # a ceiling of 12.000 is E306's, one of 30000 W325's
    over = {row.year: row for row in apbd_against_ceiling(plan) if row.year is not None
            and row.left < 0 and isinstance(row.ceiling, int) and not typed_short(row.ceiling)}
    leading = apbd_by_agency(plan, list(over)) if over else {}
    for year, row in over.items():
        yield warning(plan.apbd_ceiling_at[year], "W324", "APBD {year}: the programs ask {apbd}, more than "
                      "the ceiling of {ceiling} by {over}; the most from {agencies}",
                      "agree the amounts with those agencies: move some to a later year or another funding "
                      "source, or correct the ceiling", year=year, apbd=rupiah(row.apbd),
                      ceiling=rupiah(row.ceiling), over=rupiah(-row.left), agencies=_largest(plan, leading[year])
                      ).concerning(*_files(plan, leading[year]))


def _files(plan: Plan, leading: list[tuple[str, int]]) -> list[str]:
    """The files of the agencies a year's W324 names, whose amounts are to be agreed: validate --by-agency tells them."""
    return [agency.position.file for agency_id, _ in leading[:LARGEST_AGENCIES]
            if (agency := plan.agency(agency_id)) is not None]


def _largest(plan: Plan, leading: list[tuple[str, int]]) -> Message:
    """The first of the ``leading`` agencies (id, APBD asked in a year, the most first), by short name, each with
    its amount."""
    named = []
    for agency_id, amount in leading[:LARGEST_AGENCIES]:
        agency = plan.agency(agency_id)
        named.append(Message("{agency} ({amount})", agency=agency.short_name if agency else agency_id,
                             amount=rupiah(amount)))
    return listing(named)
