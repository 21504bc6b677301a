"""References between files: pillars, sub-elements, agencies, missions, programs, sources."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import islice
from typing import Any

from masterplan import look_alike_spaces
from masterplan.checks.last_build import Unknown
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    error,
    warning,
)
from masterplan.indonesian_words import INDONESIAN_PILLARS
from masterplan.list_limits import within_limit
from masterplan.model import Plan
from masterplan.plan_parts import Agency, Mission, Pillar
from masterplan.programs import LeftOut, Program
from masterplan.values import folded, listed_before


def _item(thing: Program | LeftOut | Agency, name: str, index: int) -> Position:
    """Position of one item of a list field (the loader records them as ``name[index]``)."""
    return thing.where.get(f"{name}[{index}]", thing.at(name))


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    unknown = Unknown.of(plan)
    yield from _unique_ids(plan, unknown)
    agencies = {a.id for a in plan.agencies}
    if plan.leading_sector_id not in agencies and plan.leading_sector_id not in unreadable:
        yield error(plan.where.get("leading_sector", plan.position), "E203",
                    "leading sector: unknown agency '{agency}'", unknown.agency(plan.leading_sector_id),
                    agency=plan.leading_sector_id).naming(plan.leading_sector_id)
    for program in plan.programs:
        yield from _program(plan, program, agencies, unreadable, unknown)
    for left_out in plan.left_out:  # its own mistake is told already; the ids it names are told with it
        yield from _named(plan, left_out, agencies, unreadable, unknown)
    programs = {p.id for p in plan.programs}
    for agency in plan.agencies:
        again = listed_before(agency.supports_ids)
        for index, program_id in enumerate(agency.supports_ids):
            if again[index]:
                yield error(_item(agency, "supports", index), "E212", "agency {agency}: program '{program}' is listed "
                            "twice under supports", "delete the second one", agency=agency.id, program=program_id)
            elif program_id not in programs and program_id not in unreadable and ANY_PROGRAM not in unreadable:
                yield error(_item(agency, "supports", index), "E205", "agency {agency} supports unknown program "
                            "'{program}'", unknown.program(program_id) or unknown.series(program_id), agency=agency.id,
                            program=program_id).naming(program_id)
    yield from _cycles(plan)


def _owner(unknown: Unknown, first: Program, second: Program) -> Program | None:
    """Which of two programs of one id, in two agencies' files, the last build published under it (its lead then
    leading it now); None when it cannot tell (no last build, the same agency, or neither)."""
    lead = unknown.last.lead_of(first.id)
    if lead is None or first.lead_id == second.lead_id:
        return None
    return first if first.lead_id == lead else second if second.lead_id == lead else None


def free_id(plan: Plan, taken: str, offered: AbstractSet[str] = frozenset()) -> str | None:
    """The next id of ``taken``'s series no program has (LIV-12 after LIV-01 … LIV-11), nor is among the ids
    ``offered`` already, or None for an id of no series."""
    series = re.fullmatch(r"(.*?)(\d+)", taken)
    if not series:
        return None
    prefix, digits = series.groups()
    numbers = [int(found.group(1)) for id_ in (*(p.id for p in plan.programs), *offered)
               if (found := re.fullmatch(re.escape(prefix) + r"(\d+)", id_))]
    return f"{prefix}{max(numbers, default=0) + 1:0{len(digits)}d}"


def _unique_ids(plan: Plan, unknown: Unknown) -> Iterator[Diagnostic]:
    first: dict[str, Program] = {}  # by id in capitals: GOV-01 and gov-01 would be one page on Windows and macOS
    told: set[str] = set()  #: ids whose first program has its E207 already
    offered: set[str] = set()  #: the new ids the hints gave: a file copied with its programs has several twice
    for agency in plan.agencies:
        for program in agency.programs:
            other = first.get(program.id.upper())
            if other is None:
                first[program.id.upper()] = program
            elif other.id == program.id and (owner := _owner(unknown, other, program)) is not None:
                # the last build knows whose it is: said at the other agency's only (a block copied from the owner's)
                free = free_id(plan, program.id, offered)
                offered.update([free] if free else [])
                here, there = (program, other) if owner is other else (other, program)
                lead = plan.agency(there.lead_id)
                if (was := unknown.published_as(here)) is not None:  # LIV-08 retyped LIV-04 by mistake
                    yield error(here.at("id"), "E207", "program id '{id}' is used twice (also at {position})", Message(
                        "{id} is {agency}'s program in the last build, and this one was {old} there: write id: {old} "
                        "again", id=program.id, old=was, agency=lead.short_name if lead else there.lead_id),
                        id=program.id, position=there.at("id"))
                    continue
                yield error(here.at("id"), "E207", "program id '{id}' is used twice (also at {position})", Message(
                    "{id} is {agency}'s program in the last build: a copy of it, delete this one; another program, "
                    "give it a new id, e.g. {free}; moved here from {agency}, delete it from its file" if free else
                    "{id} is {agency}'s program in the last build: a copy of it, delete this one; another program, "
                    "give it a new id; moved here from {agency}, delete it from its file", id=program.id, free=free,
                    agency=lead.short_name if lead else there.lead_id), id=program.id, position=there.at("id"))
            elif other.id == program.id:  # said at both: the copy may be either (pasted from another agency's file)
                free = free_id(plan, program.id, offered)
                offered.update([free] if free else [])
                hint = (Message("a copy: delete one of them; two programs: give one a new id, e.g. {free}",
                                free=free) if free else "every program id must be unique in the whole plan")
                pairs = ((other, program), (program, other)) if other.id not in told else ((program, other),)
                told.add(other.id)
                for here, there in pairs:
                    yield error(here.at("id"), "E207", "program id '{id}' is used twice (also at {position})",
                                hint, id=program.id, position=there.at("id"))
            else:  # said at the one the last build did not publish (the newcomer), when it published the other
                published = unknown.last.published("programs")
                here, there = (other, program) if other.id not in published and program.id in published \
                    else (program, other)
                yield error(here.at("id"), "E207", "program id '{id}' differs from '{other}' (at {position}) "
                            "only in capitals", "ids that differ only in capitals name the same web page on Windows "
                            "and macOS: give this program another id", id=here.id, other=there.id,
                            position=there.at("id"))
    yield from _former_ids(plan, first)
    yield from _agency_names(plan)
    seen: dict[str, Mission] = {}
    for mission in plan.missions:
        if (listed := seen.setdefault(mission.id, mission)) is not mission:
            yield error(mission.position, "E209", "mission id '{id}' is used twice (first at line {line})",
                        "give this mission the next id that is free, and the programs serving it that id",
                        id=mission.id, line=listed.position.line)
    ordered: dict[int, Pillar] = {}  #: order -> the first pillar with it (they are sorted by order, then id)
    for pillar in plan.pillars:
        if (earlier := ordered.setdefault(pillar.order, pillar)) is not pillar:
            yield warning(pillar.where.get("order", pillar.position), "W515", "pillar order {order} is also "
                          "{file}'s: the two are put in order by their ids", "give each pillar a number of its "
                          "own in order:", order=pillar.order, file=earlier.position.file)
        subs: set[str] = set()
        for sub in pillar.sub_elements:
            if sub.id in subs:
                yield error(sub.position, "E209", "sub-element id '{id}' is used twice in pillar {pillar}",
                            id=sub.id, pillar=pillar.id)
            subs.add(sub.id)


def _agency_names(plan: Plan) -> Iterator[Diagnostic]:
    """E214: an agency with another's short name, which the program matrix and the budget tables name it by;
    W215: one with another's full name (and a short name of its own). Said at the later agency."""
    short_names: dict[str, Agency] = {}
    names: dict[str, Agency] = {}
    for agency in plan.agencies:
        other = short_names.setdefault(folded(agency.short_name), agency)
        if other is not agency:
            yield error(agency.at("short_name"), "E214", "agency {agency}: short name '{short_name}' is also agency "
                        "{other}'s (at {position})", "the program matrix and the budget tables name agencies by "
                        "their short names: give each agency its own", agency=agency.id,
                        short_name=agency.short_name, other=other.id, position=other.at("short_name"))
            continue
        other = names.setdefault(folded(agency.name), agency)
        if other is not agency:
            yield warning(agency.at("name"), "W215", "agency {agency}: name '{name}' is also agency {other}'s "
                          "(at {position})", "two files for one agency: merge them into one; two agencies: give "
                          "each its full name", agency=agency.id, name=str(agency.name), other=other.id,
                          position=other.at("name"))


#: the name of the site's page listing the programs in program/, and the agencies in agency/: no program's or agency's
#: id, now or before
LIST_PAGE = "INDEX"
#: the names Windows keeps for its devices: a page named so (agency/con.html) cannot be copied onto a Windows server
DEVICE_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                          *(f"LPT{n}" for n in range(1, 10))})


def _reserved(name: str, listing: str) -> Message | None:
    """Why no program or agency may have the id (or former id) ``name``, its page's name; ``listing``: what the
    page of that name lists, "programs" or "agencies"."""
    if name.upper() == LIST_PAGE:
        return Message("'{id}' is the name of the page listing the programs" if listing == "programs"
                       else "'{id}' is the name of the page listing the agencies", id=name)
    if name.upper() in DEVICE_NAMES:
        return Message("'{id}' names a device on Windows: a web page of that name cannot be copied onto a Windows "
                       "server", id=name)
    return None


def _former_ids(plan: Plan, current: dict[str, Program]) -> Iterator[Diagnostic]:
    """A former id names one page, which leads to one program (or agency): never a program's id today (nor
    the page listing the programs), nor claimed twice, by two programs or by one."""
    for owners, listing, label in ((plan.programs, "programs", lambda p: Message("program {program}", program=p.id)),
                                   (plan.agencies, "agencies", lambda a: Message("agency {agency}", agency=a.id))):
        for owner in owners:
            if reason := _reserved(owner.id, listing):
                yield error(owner.at("id"), "E213", "{label}: {reason}", "give it another id", label=label(owner),
                            reason=reason)
    yield from _formers(plan.programs, current, lambda p: Message("program {program}", program=p.id), "programs")
    agencies = {agency.id.upper(): agency for agency in plan.agencies}
    yield from _formers(plan.agencies, agencies, lambda a: Message("agency {agency}", agency=a.id), "agencies")


def _formers(owners: Sequence[Program | Agency], current: Mapping[str, Program | Agency],
             label: Callable[[Any], Message], listing: str) -> Iterator[Diagnostic]:
    claimed: dict[str, Program | Agency] = {}
    for owner in owners:
        for index, former in enumerate(owner.former_ids):
            now, other = current.get(former.upper()), claimed.get(former.upper())
            where = _item(owner, "former_ids", index)
            if reason := _reserved(former, listing):
                yield error(where, "E213", "{label}: former id {reason}", "remove it from former_ids",
                            label=label(owner), reason=reason)
            elif now is not None:
                yield error(where, "E213", "{label}: former id {id} is the id of {other} today",
                            Message("remove it from former_ids: its page is {other}'s", other=now.id),
                            label=label(owner), id=former, other=now.id)
            elif other is owner:
                first = next(f for f in owner.former_ids if f.upper() == former.upper())
                yield error(where, "E213", "{label}: former id {id} is listed twice", "delete the second one"
                            if first == former else "delete the second one (ids that differ only in capitals name "
                            "one page on Windows and macOS)", label=label(owner), id=former)
            elif other is not None:
                yield error(where, "E213", "{label}: former id {id} is also a former id of {other}",
                            "its old page can lead to one page only: keep it where the program or agency went",
                            label=label(owner), id=former, other=other.id)
            claimed.setdefault(former.upper(), owner)


def _program(plan: Plan, program: Program, agencies: set[str], unreadable: AbstractSet[str],
             unknown: Unknown) -> Iterator[Diagnostic]:
    pillar = plan.pillar(program.pillar_id)
    if pillar is None and program.pillar_id in unreadable:
        pass
    elif pillar is None:
        ids = [p.id for p in plan.pillars]
        within = [known for known in ids if known in program.pillar_id]  # smart_society: society
        said = re.sub(r"^smart\s+", "", str(program.pillar_id).replace("_", " ").strip().lower())
        named = INDONESIAN_PILLARS.get(said) or next((p.id for p in plan.pillars if said and any(  # its name, in words
            said == str(name).lower().removeprefix("smart ") for name in p.name.values.values())), None)
        yield error(program.at("pillar"), "E201", "program {program}: unknown pillar '{pillar}'",
                    (Message("did you mean '{word}'?", word=named) if named in ids else None)
                    or did_you_mean(program.pillar_id, ids) or (Message("did you mean '{word}'?", word=within[0])
                    if len(within) == 1 else Message("the plan's pillars: {pillars}", pillars=", ".join(ids))),
                    program=program.id, pillar=program.pillar_id)
    elif pillar.sub_element(program.sub_element_id) is None:
        owners = [p.id for p in plan.pillars if p.sub_element(program.sub_element_id)]
        hint = (Message("'{sub_element}' belongs to pillar {pillar}", sub_element=program.sub_element_id,
                        pillar=owners[0]) if owners else
                did_you_mean(program.sub_element_id, [s.id for s in pillar.sub_elements])
                or Message("pillar {pillar}'s sub-elements: {sub_elements}", pillar=pillar.id,
                           sub_elements=", ".join(s.id for s in pillar.sub_elements)))
        yield error(program.at("sub_element"), "E202", "program {program}: pillar {pillar} has no sub-element "
                    "'{sub_element}'", hint, program=program.id, pillar=pillar.id, sub_element=program.sub_element_id)
    yield from _named(plan, program, agencies, unreadable, unknown)


def _named(plan: Plan, program: Program | LeftOut, agencies: set[str], unreadable: AbstractSet[str],
           unknown: Unknown) -> Iterator[Diagnostic]:
    """The agencies, missions, programs and funding sources a program names: each one the plan has."""
    partner_ids = within_limit("partners", program.partner_ids)
    again = listed_before(partner_ids)
    for index, partner in enumerate(partner_ids):
        if again[index]:
            yield error(_item(program, "partners", index), "E212", "program {program}: partner agency '{agency}' "
                        "is listed twice", "delete the second one", program=program.id, agency=partner)
            continue
        if partner in unreadable:
            continue
        if partner not in agencies:
            yield error(_item(program, "partners", index), "E203", "program {program}: unknown partner agency "
                        "'{agency}'", unknown.agency(partner, program.lead_id) or _supporter(plan, program),
                        program=program.id, agency=partner).naming(partner)
        elif partner == program.lead_id:
            yield warning(_item(program, "partners", index), "W407", "program {program}: the lead agency {agency} "
                          "is also listed as a partner", "remove it from partners: the agency whose file holds a "
                          "program leads it", program=program.id,
                          agency=program.lead.short_name if program.lead is not None else partner)
    missions = [m.id for m in plan.missions]
    for index, mission in enumerate(within_limit("missions", program.mission_ids)):
        if mission not in missions:
            yield error(_item(program, "missions", index), "E204", "program {program}: unknown mission '{mission}'",
                        did_you_mean(mission, missions) or (Message(
                            "content/plan.yml's missions are {missions}: if {mission} was taken out there, delete it "
                            "here, or write the mission it became", missions=", ".join(missions), mission=mission)
                            if missions else "plan.yml lists no missions: write them under missions: there, or remove "
                            "this one"),
                        program=program.id, mission=mission).naming(mission)
    for index, dependency in enumerate(within_limit("depends_on", program.depends_on_ids)):
        if plan.program(dependency) is None and dependency not in unreadable and ANY_PROGRAM not in unreadable:
            yield error(_item(program, "depends_on", index), "E205", "program {program}: depends on unknown program "
                        "'{dependency}'", unknown.program(dependency) or unknown.series(dependency),
                        program=program.id, dependency=dependency).naming(dependency)
    sources = within_limit("funding_sources", plan.funding_sources)  # past its limit, told once (E107)
    for line in program.budget if sources else ():
        if line.source not in sources:
            known = Message("known sources: {sources}; a new one goes in funding_sources in content/plan.yml, "
                            "which then lists every source the plan uses", sources=", ".join(plan.funding_sources))
            opening = max((source for source in plan.funding_sources  # "APBD Kota": the source, and words about it
                           if str(line.source).strip().lower().startswith(f"{source.lower()} ")), key=len, default=None)
            close = (Message("did you mean '{word}'?", word=opening) if opening
                     else did_you_mean(line.source, plan.funding_sources))
            hint = Message("{suggestion} {known}", suggestion=close, known=known) if close else known
            if odd := look_alike_spaces.SPACES.search(str(line.source)):  # 'APBD' + a space pasted from Word
                hint = Message("{note}; {hint}", hint=hint, note=Message(
                    "it holds {space}, which looks like a space: delete it, or retype it as a normal space",
                    space=look_alike_spaces.name(odd.group())))
            yield error(line.position, "E206", "program {program}: unknown funding source '{source}'", hint,
                        program=program.id, source=line.source)


def meant_partner(plan: Plan, program: Program | LeftOut) -> Agency | None:
    """The agency a program's one unknown partner id most likely means: the one agency that lists the program
    under supports, neither its lead nor a listed partner (dishub, after dishub.yml became dinas_perhubungan.yml)."""
    # two are enough to tell: a pasted list of thousands of unknown ids is not walked again for each of them
    unknown = list(islice((partner for partner in program.partner_ids if plan.agency(partner) is None), 2))
    if len(unknown) != 1:
        return None
    supporters = [agency for agency in plan.agencies if program.id in agency.supports_ids
                  and agency.id not in program.partner_ids and agency.id != program.lead_id]
    return supporters[0] if len(supporters) == 1 else None


def _supporter(plan: Plan, program: Program | LeftOut) -> Message | None:
    """The hint for a partner id no agency has, when one agency says it supports the program."""
    meant = meant_partner(plan, program)
    return None if meant is None else Message("did you mean {agency}? it lists {program} under supports",
                                              agency=meant.id, program=program.id)


def _cycles(plan: Plan) -> Iterator[Diagnostic]:
    """Each dependency cycle once, reported at the program where it is first entered."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset[str]] = set()
    for start in plan.programs:
        if state.get(start.id):
            continue
        stack: list[tuple[Program, Iterator[Program]]] = [(start, iter(start.depends_on))]
        path = [start.id]
        state[start.id] = 1
        while stack:
            program, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[program.id] = 2
                stack.pop()
                path.pop()
            elif state.get(child.id) == 1:
                cycle = path[path.index(child.id):] + [child.id]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield error(program.at("depends_on"), "E208", "dependency cycle: {cycle}",
                                "a program cannot (indirectly) depend on itself", cycle=" → ".join(cycle))
            elif not state.get(child.id):
                state[child.id] = 1
                path.append(child.id)
                stack.append((child, iter(child.depends_on)))
