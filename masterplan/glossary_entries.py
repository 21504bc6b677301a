"""The glossary as the website lists it: the plan's terms and every agency's short name, each leading to its page.

A term that is an agency's short name ("Diskominfo") links to the agency's page; a term that names one program
("KIPAS", of "KIPAS: Aplikasi Jelajah Kota Pasuruan", or "Command center", of "Pasuruan Command Center"), or whose
definition spells out such a name ("PSC 119": "Public Safety Center 119; …", of "Layanan Gawat Darurat Terpadu
(Public Safety Center 119)"), links to the program's. The printed book's glossary is
:func:`masterplan.render.print_book.glossary`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.sample_plan import city_name
from masterplan.values import Text


@dataclass
class GlossaryEntry:
    """One term of the glossary, with what it leads to."""

    term: str
    definition: Text
    agency_id: str | None = None  #: the agency whose short name the term is, for a link to its page
    program_id: str | None = None  #: the program the term names (:func:`programs_by_name`), for a link to its page
    anchor: str = ""  #: the term's own id on the website's page, from its words: a link to it outlives new terms

    @property
    def initial(self) -> str:
        """The letter the website's glossary files it under: "A" for "APBD"."""
        return self.term[:1].upper()


#: the words of a program's name that name the program alone: those before a colon or a bracket ("KIPAS" of
#: "KIPAS: Aplikasi Jelajah Kota Pasuruan", "e-Sambat" of "e-Sambat (Media Sambat Masyarakat)") and a closing
#: bracket's ("ATCS" of "Area Traffic Control System (ATCS)")
_SHORT_NAMES = (re.compile(r"^([^:(]*)[:(]"), re.compile(r"\(([^()]*)\)\s*$"))


def _without_city(name: str, city: str) -> str:
    """A program's name without the city's name it starts or ends with: "Command Center" of "Pasuruan Command
    Center" or "Command Center Kota Pasuruan" (``city`` "Kota Pasuruan"); "" when it has none, or nothing else."""
    for place in dict.fromkeys((city.strip(), city_name(city))):
        if not place:
            continue
        found = re.fullmatch(rf"{re.escape(place)}\s+(.+)|(.+?)\s+{re.escape(place)}", name.strip(), re.IGNORECASE)
        if found:
            return found.group(1) or found.group(2)
    return ""


def programs_by_name(plan: Plan) -> dict[str, str]:
    """Program id by each name that names one program alone (casefolded): its whole name, in each of its languages,
    the words before a colon or a bracket in it, or in its closing bracket, and its name without the city's name
    it starts or ends with (:func:`_without_city`). A name two programs share names neither: "Aplikasi" of
    "Aplikasi X" is no program's. One pass over the programs, for a lookup per term."""
    named: dict[str, set[str]] = {}
    for program in plan.programs:
        for name in program.name.values.values():
            short = (found.group(1) for pattern in _SHORT_NAMES if (found := pattern.search(name)))
            for words in (name, *short, _without_city(name, plan.city)):
                if words.strip():
                    named.setdefault(words.strip().casefold(), set()).add(program.id)
    return {name: next(iter(ids)) for name, ids in named.items() if len(ids) == 1}


def _spelled_out(definition: Text) -> Iterator[str]:
    """What a definition spells its term out as, in each of its languages (casefolded): its words before the first
    semicolon, as the glossary writes an abbreviation's ("Public Safety Center 119; layanan …"); nothing for a
    definition without one."""
    for words, _ in definition.versions():
        if ";" in words:
            yield words.split(";", 1)[0].strip().casefold()


def glossary(plan: Plan) -> list[GlossaryEntry]:
    """The plan's terms plus every agency's short name, sorted; a term written by hand wins. A term that is an
    agency's short name, or a program's name (:func:`programs_by_name`) or spelled out by its definition
    (:func:`_spelled_out`), leads to its page."""
    agencies = {agency.short_name.casefold(): agency.id for agency in plan.agencies}
    entries = {t.term.casefold(): GlossaryEntry(t.term, t.definition, agencies.get(t.term.casefold()))
               for t in plan.glossary}
    for agency in plan.agencies:
        entries.setdefault(agency.short_name.casefold(), GlossaryEntry(agency.short_name, agency.name, agency.id))
    ordered = sorted(entries.values(), key=lambda e: e.term.casefold())
    programs = programs_by_name(plan)
    taken: set[str] = set()
    for entry in ordered:
        named = (entry.term.strip().casefold(), *_spelled_out(entry.definition))
        entry.program_id = next((programs[name] for name in named if name in programs), None)
        anchor = "term-" + (re.sub(r"[^\w]+", "-", entry.term.casefold()).strip("-") or "x")
        entry.anchor = next(f"{anchor}-{n}" if n else anchor for n in range(len(taken) + 1)
                            if (f"{anchor}-{n}" if n else anchor) not in taken)
        taken.add(entry.anchor)
    return ordered
