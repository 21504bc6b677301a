"""Synchronisation across agencies (sinkronisasi program antar OPD): gaps, duplicates, one-sided partners.

These are warnings: the plan can be built, but the leading sector should look.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import combinations

from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan, Program

NAME_SIMILARITY = 0.75
TEXT_SIMILARITY = 0.6
MAX_SHARED = 50
_WORD = re.compile(r"\w+")
_COMMON = {"dan", "di", "yang", "untuk", "dengan", "ke", "dari", "pada", "the", "of", "and", "kota", "program",
           "pengembangan", "peningkatan", "penguatan", "pembangunan", "sistem", "layanan"}


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    yield from _near_duplicates(plan.programs)
    # with an agency file unreadable, its programs are missing: gaps would be guesses
    for pillar in plan.pillars if not unreadable else []:
        served = {p.sub_element_id for p in pillar.programs}
        for sub in pillar.sub_elements:
            if sub.id not in served:
                yield warning(sub.position, "W402", f"pillar {pillar.id}: no program serves sub-element '{sub.id}'")
        if not pillar.quick_wins:
            yield warning(pillar.position, "W403", f"pillar {pillar.id} has no quick win",
                          "mark one fast, visible program with quick_win: true")
    for program in plan.programs:
        if not program.indicators:
            yield warning(program.position, "W404", f"program {program.id} has no indicators")
        for indicator in program.indicators:
            if not indicator.targets:
                yield warning(indicator.position, "W405", f"program {program.id}: indicator '{indicator.name}' "
                              "has no targets")
    for pillar in plan.pillars:
        for indicator in pillar.indicators:
            if not indicator.targets:
                yield warning(indicator.position, "W405", f"pillar {pillar.id}: indicator '{indicator.name}' "
                              "has no targets")
    yield from _one_sided_partners(plan)
    for agency in plan.agencies:
        if not agency.programs and not agency.supports_ids:
            yield warning(agency.position, "W408", f"agency {agency.id} leads no program and supports none",
                          "add its programs, or list the programs it partners in under supports")


def _one_sided_partners(plan: Plan) -> Iterator[Diagnostic]:
    for program in plan.programs:
        for partner in program.partners:
            if program.id not in partner.supports_ids and partner.id != program.lead_id:
                yield warning(program.at("partners"), "W406",
                              f"program {program.id} lists {partner.id} as partner, but {partner.id} does not list "
                              f"it under 'supports'", f"add {program.id} to supports in agencies/{partner.id}.yml")
    for agency in plan.agencies:
        for program_id in agency.supports_ids:
            program = plan.program(program_id)
            if program is not None and agency.id not in program.partner_ids:
                yield warning(agency.at("supports"), "W406",
                              f"agency {agency.id} supports {program_id}, but the program does not list it as "
                              "partner", f"add {agency.id} to the partners of {program_id}")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _COMMON and len(w) > 1}


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 0))}


def _jaccard(a: set, b: set) -> float:  # type: ignore[type-arg]
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a and b else 0.0


def _candidates(features: list[set], threshold: float) -> set[tuple[int, int]]:  # type: ignore[type-arg]
    """Pairs (i, j) whose Jaccard similarity may reach ``threshold``; every pair that does is included.

    Shared features are counted through an index, skipping boilerplate (features of more
    than MAX_SHARED programs), so the work grows with the plan, not with its square. A pair
    can only reach the threshold if its shared distinctive features plus the boilerplate
    it might share cover ``threshold`` of the larger set.
    """
    index: dict[object, list[int]] = defaultdict(list)
    for number, items in enumerate(features):
        for item in items:
            index[item].append(number)
    common = [0] * len(features)
    shared: Counter = Counter()  # type: ignore[type-arg]
    for members in index.values():
        if len(members) > MAX_SHARED:
            for number in members:
                common[number] += 1
        elif len(members) > 1:
            shared.update(combinations(members, 2))
    return {(a, b) for (a, b), count in shared.items()
            if count + min(common[a], common[b]) >= threshold * max(len(features[a]), len(features[b]))}


def _near_duplicates(programs: list[Program]) -> Iterator[Diagnostic]:
    """Pairs of programs from different agencies whose names or texts nearly match."""
    # programs are numbered by their place in the list: ids may be duplicated (E207 says so)
    ids: dict[object, int] = {}
    names = [{ids.setdefault(w, len(ids)) for w in _words(str(p.name))} for p in programs]
    texts = [{ids.setdefault(t, len(ids)) for t in _shingles(f"{p.summary} {p.description}")} for p in programs]
    found: dict[tuple[int, int], str] = {}
    for features, threshold, what in ((texts, TEXT_SIMILARITY, "descriptions"), (names, NAME_SIMILARITY, "names")):
        for first, second in _candidates(features, threshold):
            if programs[first].lead_id != programs[second].lead_id and \
                    _jaccard(features[first], features[second]) >= threshold:
                found[(first, second)] = what
    for (first_number, second_number), what in sorted(found.items()):
        first, second = programs[first_number], programs[second_number]
        yield warning(second.position, "W401",
                      f"program {second.id} ({second.lead_id}) and {first.id} ({first.lead_id}) have near-identical "
                      f"{what}", "merge them, or make one a partner of the other")
