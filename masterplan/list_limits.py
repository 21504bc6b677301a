"""How long the lists of the content files may be where their length multiplies the build's work or its output.

Most lists cost what they hold: a program's budget lines, a pillar's goals. These do not, or fill the book's front
matter: each item is repeated on many pages, or is compared with every item of another list, or is a row of a table
the book lays out page by page, so a list far longer than any plan has makes a build take minutes or gigabytes.
Measured on a 2-core machine, the site alone (``--no-pdf --no-search``):

- ``missions``: each mission has a page listing the programs serving it, each naming the other missions it serves:
  500 missions served by the mini plan's 2 programs took 71 s and 50 MB (250: 13 s), growing with the cube;
- ``partners`` and ``supports``: every partnership puts a row on the partner's page and a link on the program's,
  and, written by one side only, a row of the agencies' table of partnerships to confirm;
- ``partners`` of all an agency's programs: a limit of its own (:data:`MAX_PARTNERSHIPS`), the partnerships of
  one file's thousands of programs costing as much as those of two hundred agencies;
- ``phases``: the roadmap's table of phases lists the programs running in each, and its chart draws them all;
- ``accepted_warnings``: every warning is matched against every entry's file pattern;
- ``depends_on``: each dependency is a link on both programs' pages (a program's page lists what it depends on and
  what depends on it) and a check of the two programs' years; 1,000 programs each depending on all those before it
  (500,000 dependencies, in ten files) took the site 27 s and 121 MB, some 240 bytes a dependency: a limit of each
  program's list and one of all an agency's programs' (:data:`MAX_DEPENDENCIES`), as for partners;
- ``revisions``, ``legal_basis``, ``readiness`` and ``funding_sources``: plan.yml's lists, each item a row of the
  book's front matter or its tables (the history, the legal basis, the readiness analysis) and of the site's, or, a
  funding source, a choice each budget line is checked against and named in each message about a budget line's
  unknown source; 20,000 revisions took the site 9 s, 7 MB and 240 MB of memory, and 2,000 rows of the readiness
  analysis took the book and the site 56 s (2,000 revisions 27 s, 2,000 regulations 31 s; the mini plan's 11 s).

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
    #: a program waits for a few others (the sample's for at most 2); one every kecamatan's program waits for, some 40
    "depends_on": 100,
    #: a plan's history lists a version for each draft and each adoption and amendment: a few a year
    "revisions": 100,
    #: the sample rests on 11 laws and regulations, a province's plan some 30 to 40
    "legal_basis": 200,
    #: the sample assesses 9 aspects of its three elements, a thorough readiness analysis some 30 to 60
    "readiness": 200,
    #: the default list has 8 sources; a province's budget names some 15 to 20 (DAK fisik, DBH, BLUD, pinjaman …)
    "funding_sources": 50,
}

#: the most partners one agency's programs may name in all (E107 at the program that passes it): within the limit of
#: each program, one file of 2,600 programs naming 50 partners each, none confirming it, took the site 56 s, 650 MB of
#: memory and 165 MB (60 MB a table of partnerships to confirm), some 0.4 ms a partnership; a province's largest
#: agency leads some hundred programs of a few partners each, a regency's a few programs every kecamatan joins
MAX_PARTNERSHIPS = 5_000
#: the most programs one agency's programs may depend on in all (E107 at the program that passes it): within the
#: limit of each program, a file of thousands of programs depending on 100 others each would cost the site what
#: 500,000 dependencies cost (27 s, 121 MB); a province's largest agency leads some hundred programs, each waiting for
#: a few others
MAX_DEPENDENCIES = 5_000

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
    "depends_on": Message("name the programs that must come first; a program all others wait for says so in its "
                          "description"),
    "revisions": Message("list the versions that were issued or adopted; the drafts between two of them are one "
                         "entry"),
    "legal_basis": Message("list the laws and regulations the plan rests on; the others a chapter names in its text"),
    "readiness": Message("assess the main aspects of structure, infrastructure and superstructure; the "
                         "details go in a chapter's text"),
    "funding_sources": Message("list the sources the programs' budget lines name, e.g. APBD, APBN, DAK; a source's "
                               "detail goes in the program's description"),
}


def bounded(name: str, schema: dict[str, object]) -> dict[str, object]:
    """The schema of the list field ``name`` with its limit."""
    return {**schema, "maxItems": MAX_ITEMS[name]}


def within_limit(name: str, items: Sequence[_Item]) -> Sequence[_Item]:
    """``items`` of the list field ``name``, or none past its limit: the list's length is told once (E107), not
    each of its thousands of items again (listed twice, unknown)."""
    return items if len(items) <= MAX_ITEMS[name] else ()
