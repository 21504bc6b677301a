"""An agency or a program written by its name where its id is meant: E106's hint says the id to write.

A partner written as its agency's name or short name ('Dinas Kesehatan', 'Dinkes'), or a program depended on or
supported written as its name ('e-Sambat (Media Sambat Masyarakat)'), is not an id: once every agency is read,
its E106 says the id to write (dinkes, GOV-01) rather than the name made an id (dinas_kesehatan, which is nothing
either).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from masterplan.diagnostics import Message, Report
from masterplan.plan_parts import Agency, Pillar, SubElement
from masterplan.programs import Program

_Named = TypeVar("_Named", Pillar, SubElement)


def named_for_ids(report: Report, agencies: list[Agency], pillars: list[Pillar]) -> None:
    """Give each E106 of ``report`` whose unknown id is an agency's, a program's, a pillar's or a sub-element's name
    the hint of its id."""
    agencies_named = {name.casefold(): agency for agency in agencies
                      for name in (agency.short_name, *agency.name.values.values())}
    cut = _cut_names(agencies)
    programs_named = {name.casefold(): program for agency in agencies for program in agency.programs
                      for name in program.name.values.values()}
    pillars_named = _named_once((name, pillar) for pillar in pillars for name in pillar.name.values.values())
    subs_named = _named_once((name, sub) for pillar in pillars for sub in pillar.sub_elements
                             for name in sub.name.values.values())
    for index, found in enumerate(report.items):
        if found.code != "E106" or not found.unknown:
            continue
        named: Agency | Program | Pillar | SubElement | None
        field = str(getattr(found.message, "values", {}).get("field", ""))
        if field.endswith((".pillar", ".sub_element")):  # "sub_element: Tata Kelola Sampah dan Limbah", as printed
            named, kind = (pillars_named if field.endswith(".pillar") else subs_named).get(found.unknown.casefold()), \
                field.rsplit(".", 1)[1]
        elif ".partners[" in field and (ids := _run_together(found.unknown, agencies)):  # [satpolpp disperkim]
            report.items[index] = replace(found, unknown=None, hint=Message(
                "separate the ids with commas: [{ids}]", ids=", ".join(ids)))
            continue
        elif ".partners[" in field:
            named, kind = agencies_named.get(found.unknown.casefold()), "agency"
            if named is None and found.unknown.casefold() in cut:  # "[Dinas Komunikasi, Informatika dan Statistik]"
                named, kind = cut[found.unknown.casefold()], "cut"
            named = named or _name_begins(found.unknown, agencies)  # "RSUD dr. Soedarsono": the agency's name and more
        else:
            named, kind = programs_named.get(found.unknown.casefold()), "program"
        if named is not None and named.id.lower() == found.unknown.lower():  # BPKAD: "ids are written in small letters"
            named = None
        hint = found.hint if named is None else Message(_ID_OF_NAMED[kind], id=named.id, name=str(named.name))
        report.items[index] = replace(found, hint=hint, unknown=None)  # a name written wrong, no id the plan lacks


_ID_OF_NAMED = {
    "agency": "write the agency's id: {id} ({name})",
    "cut": "the comma in the agency's name cut it in two in a list: write the agency's id: {id} ({name})",
    "program": "write the program's id: {id} ({name})",
    "pillar": "write the pillar's id: {id} ({name})",
    "sub_element": "write the sub-element's id: {id} ({name})",
}


def _cut_names(agencies: list[Agency]) -> dict[str, Agency]:
    """The pieces of agency names a comma cuts apart in a ``[…]`` list ("Dinas Komunikasi", "Informatika dan
    Statistik"), each with its agency, where no two agencies have the piece."""
    pieces: dict[str, list[Agency]] = {}
    for agency in agencies:
        for name in agency.name.values.values():
            for piece in name.split(",") if "," in name else ():
                pieces.setdefault(piece.strip().casefold(), []).append(agency)
    return {piece: found[0] for piece, found in pieces.items() if piece and len({a.id for a in found}) == 1}


def _name_begins(written: str, agencies: list[Agency]) -> Agency | None:
    """The agency whose name of two words or more opens ``written`` ("Rumah Sakit Umum Daerah dr. Soedarsono"), the
    longest where one name opens another ("Dinas Pendidikan dan Kebudayaan …" is not "Dinas Pendidikan")."""
    text = written.casefold()
    found = sorted(((len(name.strip()), agency.id, agency) for agency in agencies for name in agency.name.values.values()
                    if " " in name.strip() and text.startswith(name.casefold().strip() + " ")), reverse=True)
    if not found or len(found) > 1 and found[1][0] == found[0][0] and found[1][1] != found[0][1]:
        return None  # no name, or two agencies' names alike
    return found[0][2]


def _run_together(written: str, agencies: list[Agency]) -> list[str]:
    """The agencies' ids a list item holds with no comma between them ("satpolpp disperkim", "satpolpp; disperkim"),
    or [] where it is no two ids."""
    known = {agency.id for agency in agencies}
    ids = [part for part in re.split(r"[\s;]+", written.strip()) if part]
    return ids if len(ids) > 1 and all(part in known for part in ids) else []


def _named_once(named: Iterable[tuple[str, _Named]]) -> dict[str, _Named]:
    """Each name of one thing only, in any letters, with it: a sub-element name two pillars share names neither."""
    found: dict[str, list[_Named]] = {}
    for name, thing in named:
        found.setdefault(name.casefold(), []).append(thing)
    return {name: things[0] for name, things in found.items() if len({id(thing) for thing in things}) == 1}
