"""How long the lists of the content files may be where their length multiplies the build's work or its output.

Most lists cost what they hold: a program's budget lines, a plan's legal basis. These do not: each item is
repeated on many pages, or is compared with every item of another list, so a list far longer than any plan has
makes a build take minutes or gigabytes. Measured on a 2-core machine, the site alone (``--no-pdf --no-search``):

- ``missions``: each mission has a page listing the programs serving it, each naming the other missions it serves:
  500 missions served by the mini plan's 2 programs took 71 s and 50 MB (250: 13 s), growing with the cube;
- ``partners`` and ``supports``: every partnership puts a row on the partner's page and a link on the program's,
  and, written by one side only, a row of the agencies' table of partnerships to confirm;
- ``partners`` of all an agency's programs: a limit of its own (:data:`MAX_PARTNERSHIPS`), the partnerships of
  one file's thousands of programs costing as much as those of two hundred agencies;
- ``phases``: the roadmap's table of phases lists the programs running in each, and its chart draws them all;
- ``accepted_warnings``: every warning is matched against every entry's file pattern.

Each limit is many times what a real plan writes (the sample's programs name at most 3 partners and its agencies
support at most 15 programs; an RPJMD has some five to nine missions, a roadmap three phases), so no real city meets
one. A longer list is E107 at its field's line, with its length and the limit (:mod:`masterplan.schema_problems`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from masterplan.diagnostics import Message

_Item = TypeVar("_Item")

#: the most items of each list, by its field's name (the same in every file that has it): a regency's program that
#: every kecamatan joins names some 40 of them (Garut has 42) and a few dinas; a province's Diskominfo supports some
#: hundreds of its 3,000 programs
MAX_ITEMS = {
    "missions": 20,
    "partners": 100,
    "supports": 1_000,
    "phases": 12,
    "accepted_warnings": 200,
}

#: the most partners one agency's programs may name in all (E107 at the program that passes it): within the limit of
#: each program, one file of 2,600 programs naming 50 partners each, none confirming it, took the site 56 s, 650 MB of
#: memory and 165 MB (60 MB a table of partnerships to confirm), some 0.4 ms a partnership; a province's largest
#: agency leads some hundred programs of a few partners each, a regency's a few programs every kecamatan joins
MAX_PARTNERSHIPS = 5_000

#: what to write instead of a list past its limit, by its field's name
HINTS = {
    "missions": Message("an RPJMD has some five to nine missions: write the plan's own, and a program the missions "
                        "it serves"),
    "partners": Message("name the agencies that carry the program with its lead; one all agencies take part in "
                        "says so in its description"),
    "supports": Message("list the programs this agency takes a part in; a program all agencies take part in says so "
                        "in its description"),
    "phases": Message("a roadmap has a few stages (short, medium and long term): group the years into them"),
    "accepted_warnings": Message("accept a warning for many files at once with a pattern, e.g. file: agencies/*.yml, "
                                 "or leave out file: to accept it everywhere"),
}


def bounded(name: str, schema: dict[str, object]) -> dict[str, object]:
    """The schema of the list field ``name`` with its limit."""
    return {**schema, "maxItems": MAX_ITEMS[name]}


def within_limit(name: str, items: Sequence[_Item]) -> Sequence[_Item]:
    """``items`` of the list field ``name``, or none past its limit: the list's length is told once (E107), not
    each of its thousands of items again (listed twice, unknown)."""
    return items if len(items) <= MAX_ITEMS[name] else ()
