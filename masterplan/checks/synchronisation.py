"""Synchronisation across agencies (sinkronisasi program antar-OPD): gaps, duplicates, one-sided partners.

These are warnings: the plan can be built, but the leading sector should look.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks import near_duplicates, overlaps
from masterplan.checks.references import meant_partner
from masterplan.diagnostics import Diagnostic, Message, closest, warning
from masterplan.model import Agency, Plan
from masterplan.values import listed_before


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    yield from near_duplicates.check(plan.programs, plan.glossary)
    yield from overlaps.check(plan.programs, plan.glossary)
    # with an agency file unreadable, its programs are missing: gaps would be guesses; so they would be in the
    # pillar a program with a misspelt pillar or sub-element was meant for (its error says so)
    meant = _meant_pillars(plan)
    for pillar in plan.pillars if not unreadable else []:
        if meant is None or pillar.id in meant:
            continue
        if not pillar.programs:  # one warning, not one for each sub-element and a quick win to mark among none
            yield warning(pillar.position, "W421", "pillar {pillar} has no programs yet",
                          Message("write pillar: {pillar} and one of its sub-elements in the programs that serve it",
                                  pillar=pillar.id), pillar=pillar.id)
            continue
        served = {p.sub_element_id for p in pillar.programs}
        for sub in pillar.sub_elements:
            if sub.id not in served:
                yield warning(sub.position, "W402", "pillar {pillar}: no program serves sub-element '{sub_element}'",
                              pillar=pillar.id, sub_element=sub.id)
        if not pillar.quick_wins:
            yield warning(pillar.position, "W403", "pillar {pillar} has no quick win",
                          "mark one fast, visible program with quick_win: true", pillar=pillar.id)
    for program in plan.programs:
        if not program.indicators:
            yield warning(program.position, "W404", "program {program} has no indicators", program=program.id)
        for indicator in program.indicators:
            if not indicator.targets:
                yield warning(indicator.position, "W405", "program {program}: indicator '{indicator}' has no targets",
                              program=program.id, indicator=str(indicator.name))
    for pillar in plan.pillars:
        for indicator in pillar.indicators:
            if not indicator.targets:
                yield warning(indicator.position, "W405", "pillar {pillar}: indicator '{indicator}' has no targets",
                              pillar=pillar.id, indicator=str(indicator.name))
    yield from _one_sided_partners(plan)
    for agency in plan.agencies:  # an agency with unreadable programs is not idle
        if not agency.programs and not agency.supports_ids and agency.id not in unreadable:
            yield warning(agency.position, "W408", "agency {agency} leads no program and supports none",
                          "add its programs, or list the programs it partners in under supports", agency=agency.id)


def _one_sided_partners(plan: Plan) -> Iterator[Diagnostic]:
    """W406: a partnership one side does not list; W409: an agency supporting its own program. Not for an id two
    programs have (E207's): which of them an agency's ``supports`` means is not known until one is deleted."""
    twice = {program_id for program_id, count in Counter(p.id for p in plan.programs).items() if count > 1}
    ids = [p.id for p in plan.programs]
    for program in plan.programs:
        for partner in program.partners if program.id not in twice else []:
            if program.id not in partner.supports_ids and partner.id != program.lead_id \
                    and program.id not in _misspelt_supports(partner, ids):  # E205's, at the agency's line
                at = program.where.get(f"partners[{program.partner_ids.index(partner.id)}]", program.at("partners"))
                yield warning(at, "W406",
                              "program {program} lists {agency} as partner, but {agency} does not list it under "
                              "'supports'", Message("add {program} to supports in {file}, or, {agency} not taking part, remove "
                                                    "{agency} from the partners of {program} in {own}",
                                                    program=program.id, agency=partner.id,
                                                    file=partner.position.file, own=program.position.file),
                              program=program.id, agency=partner.id).concerning(partner.position.file)
    for agency in plan.agencies:
        again = listed_before(agency.supports_ids)
        for index, program_id in enumerate(agency.supports_ids):
            listed_again = again[index]  # E212's
            supported = plan.program(program_id) if program_id not in twice and not listed_again else None
            if supported is not None and supported.lead_id == agency.id:  # the program moved into this agency's file
                yield warning(agency.where.get(f"supports[{index}]", agency.at("supports")), "W409", "agency {agency} leads {program} and also lists it under "
                              "'supports'", Message("remove {program} from supports: the agency whose file holds a "
                                                    "program leads it", program=program_id),
                              agency=agency.id, program=program_id)
            elif supported is not None and agency.id not in supported.partner_ids \
                    and meant_partner(plan, supported) is not agency:  # E203's: its partner id (typo, rename) means it
                yield warning(agency.where.get(f"supports[{index}]", agency.at("supports")), "W406",
                              "agency {agency} supports {program}, but the program does not list it as partner",
                              Message("add {agency} to the partners of {program} in {file}, or, {agency} not taking part, "
                                      "remove {program} from the supports in {own}",
                                      agency=agency.id, program=program_id, file=supported.position.file,
                                      own=agency.position.file),
                              agency=agency.id, program=program_id).concerning(supported.position.file)


def _misspelt_supports(agency: Agency, ids: list[str]) -> set[str]:
    """The programs ``agency``'s supports mean by ids that name none ("eco-05" for ECO-05): E205 tells it there."""
    return {meant for written in agency.supports_ids if written not in ids and (meant := closest(written, ids))}


def _meant_pillars(plan: Plan) -> set[str] | None:
    """The pillars programs with a misspelt pillar ('livng') or sub-element were meant for; None when one's
    pillar is like none of them (any may be short of it)."""
    meant: set[str] = set()
    for program in plan.programs:
        if program.pillar is None:
            close = closest(program.pillar_id, [p.id for p in plan.pillars])
            if close is None:
                return None
            meant.add(close)
        elif program.sub_element is None:
            meant.add(program.pillar.id)
    return meant
