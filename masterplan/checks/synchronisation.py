"""Synchronisation across agencies (sinkronisasi program antar OPD): gaps, duplicates, one-sided partners.

These are warnings: the plan can be built, but the leading sector should look.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from itertools import chain

from masterplan.checks.references import meant_partner
from masterplan.diagnostics import Diagnostic, Message, closest, warning
from masterplan.model import GlossaryTerm, Plan, Program

NAME_SIMILARITY = 0.75
TEXT_SIMILARITY = 0.6
SHOWN = 3  #: similar programs named in one warning; the rest are counted
_WORD = re.compile(r"\w+")
_IN_WORD_HYPHEN = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")  #: Wi-Fi, e-Sambat (not the dash of 2022-2026)
_NON = re.compile(r"\bnon\s+(?=[^\W\d])")  #: non tunai, as nontunai
_COMMON = {"dan", "di", "yang", "untuk", "dengan", "ke", "dari", "pada", "the", "of", "and", "kota", "program",
           "pengembangan", "peningkatan", "penguatan", "pembangunan", "sistem", "layanan"}


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    yield from _near_duplicates(plan.programs, _acronyms(plan.glossary))
    # with an agency file unreadable, its programs are missing: gaps would be guesses; so they would be in the
    # pillar a program with a misspelt pillar or sub-element was meant for (its error says so)
    meant = _meant_pillars(plan)
    for pillar in plan.pillars if not unreadable else []:
        if meant is None or pillar.id in meant:
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
    for program in plan.programs:
        for partner in program.partners if program.id not in twice else []:
            if program.id not in partner.supports_ids and partner.id != program.lead_id:
                at = program.where.get(f"partners[{program.partner_ids.index(partner.id)}]", program.at("partners"))
                yield warning(at, "W406",
                              "program {program} lists {agency} as partner, but {agency} does not list it under "
                              "'supports'", Message("add {program} to supports in {file}", program=program.id,
                                                    file=partner.position.file),
                              program=program.id, agency=partner.id)
    for agency in plan.agencies:
        for index, program_id in enumerate(agency.supports_ids):
            listed_again = program_id in agency.supports_ids[:index]  # E212's
            program = plan.program(program_id) if program_id not in twice and not listed_again else None
            if program is not None and program.lead_id == agency.id:  # the program moved into this agency's file
                yield warning(agency.where.get(f"supports[{index}]", agency.at("supports")), "W409", "agency {agency} leads {program} and also lists it under "
                              "'supports'", Message("remove {program} from supports: the agency whose file holds a "
                                                    "program leads it", program=program_id),
                              agency=agency.id, program=program_id)
            elif program is not None and agency.id not in program.partner_ids \
                    and meant_partner(plan, program) is not agency:  # E203's: its partner id (a typo, a rename) means it
                yield warning(agency.where.get(f"supports[{index}]", agency.at("supports")), "W406",
                              "agency {agency} supports {program}, but the program does not list it as partner",
                              Message("add {agency} to the partners of {program} in {file}",
                                      agency=agency.id, program=program_id, file=program.position.file),
                              agency=agency.id, program=program_id)


def _spelling(text: str) -> str:
    """A text in small letters with its spelling variants made one: Wi-Fi and WiFi, e-Sambat and eSambat, Non Tunai,
    Non-Tunai and Nontunai are each written alike in Indonesian plans."""
    return _NON.sub("non", _IN_WORD_HYPHEN.sub("", text.lower()))


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(_spelling(text)) if w not in _COMMON}  # "Tahap 1", "Zona A": kept apart


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(_spelling(text))
    return set(zip(words, words[1:], words[2:]))


def _similar_pairs(features: list[set], threshold: float) -> Iterator[tuple[int, int]]:  # type: ignore[type-arg]
    """Every pair (i, j), i < j, of sets whose Jaccard similarity reaches ``threshold``.

    Without comparing every pair (PPJoin: Xiao et al., "Efficient similarity joins for near
    duplicate detection", 2008). Features are numbered rarest first and each set is read in
    that order. Two sets that similar share at least ``threshold / (1 + threshold)`` of
    their sizes put together, so a shared feature already stands among the first few of
    each (the *prefixes*; shorter for the smaller set, met first in order of size), and
    where a shared feature stands bounds how many more can follow. Only the few pairs that
    meet there are counted out in full.
    """
    frequency = Counter(chain.from_iterable(features))
    number = {feature: n for n, feature in enumerate(sorted(frequency, key=frequency.__getitem__))}
    sets = [set(map(number.__getitem__, items)) for items in features]
    sizes = [len(items) for items in sets]
    share = threshold / (1 + threshold)  # of both sizes together: the least overlap of a similar pair
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)  # feature -> (set, place) from the prefixes
    for first in sorted((n for n in range(len(sets)) if sets[n]), key=sizes.__getitem__):
        ordered, size = sorted(sets[first]), sizes[first]
        smallest = threshold * size - _ROUNDING  # a smaller set cannot reach the threshold
        overlaps: dict[int, int] = {}  # set -> shared features found so far, -1 when it cannot be similar
        for place, feature in enumerate(ordered[:size - _at_least(threshold * size) + 1]):
            left = size - place  # features from this one on
            for second, other_place in index[feature]:
                other_size = sizes[second]
                if other_size < smallest:
                    continue
                found = overlaps.get(second, 0)
                if found < 0:
                    continue
                other_left = other_size - other_place
                possible = found + min(left, other_left)
                overlaps[second] = found + 1 if possible >= share * (size + other_size) - _ROUNDING else -1
        for second, found in overlaps.items():
            if found > 0 and _jaccard(sets[first], sets[second]) >= threshold:
                yield min(first, second), max(first, second)
        for place, feature in enumerate(ordered[:size - _at_least(2 * share * size) + 1]):
            index[feature].append((first, place))


_ROUNDING = 1e-6  #: margin on the bounds: a float rounded the wrong way never loses a similar pair


def _at_least(bound: float) -> int:
    """The least whole number of features reaching ``bound``, rounding errors in the safe direction."""
    return max(math.ceil(bound - _ROUNDING), 1)


def _jaccard(a: set, b: set) -> float:  # type: ignore[type-arg]
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a and b else 0.0


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


def _acronyms(glossary: list[GlossaryTerm]) -> Callable[[str], str]:
    """A name with each long form the glossary spells out written as its acronym instead, so that 'Area Traffic
    Control System (ATCS)' and 'ATCS' read alike. The long form is the definition up to its first ';' or '.'
    ("ATCS: Area Traffic Control System; sistem …"), of a term of one word."""
    long_forms: dict[str, str] = {}
    for entry in glossary:
        long_form = " ".join(_spelling(re.split(r"[;.]", str(entry.definition), maxsplit=1)[0]).split())
        if len(entry.term.split()) == 1 and len(long_form.split()) > 1:
            long_forms[long_form] = _spelling(entry.term)
    if not long_forms:
        return _spelling
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(long_forms, key=len, reverse=True))) + r")\b")
    return lambda name: pattern.sub(lambda found: long_forms[found.group(0)], _spelling(name))


def _near_duplicates(programs: list[Program], shortened: Callable[[str], str]) -> Iterator[Diagnostic]:
    """Pairs of programs whose names or texts nearly match: from two agencies (to merge, or partner), or from
    one (a block pasted again under a new id, its budget counted twice). Not two under one id: a program
    copied to another agency and not deleted is E207's, whose advice is to delete one."""
    # one warning per program and kind of likeness, at each of the programs (the agency that pasted the copy may
    # hold either), naming the others: sixty programs sharing one boilerplate text give sixty warnings, not 1,770 pairs
    for (number, what), others in sorted(_alike(programs, shortened).items()):
        program = programs[number]
        named: str = ", ".join(f"{programs[n].id} ({_agency(programs[n])})" for n in others[:SHOWN])
        if len(others) > SHOWN:
            named = Message("{programs} and {count} more", programs=named, count=len(others) - SHOWN)
        same = what == "names" and all(str(programs[n].name).casefold() == str(program.name).casefold() for n in others)
        yield warning(program.position, "W401",
                      "program {program} ({agency}) has the same name as {similar}" if same else
                      "program {program} ({agency}) has near-identical names to {similar}" if what == "names" else
                      "program {program} ({agency}) has near-identical descriptions to {similar}",
                      _advice(program, [programs[n] for n in others]),
                      program=program.id, agency=_agency(program), similar=named)


def _alike(programs: list[Program], shortened: Callable[[str], str]) -> dict[tuple[int, str], list[int]]:
    """(program, kind of likeness: names or descriptions) → the other programs it is alike to, in plan order; a pair
    alike in both is told by its names. Programs are numbered by their place in the list: ids may be duplicated.
    ``shortened`` writes a name's long forms as the glossary's acronyms."""
    names = [_words(shortened(str(p.name))) for p in programs]
    texts = [_shingles(f"{p.summary} {p.description}") for p in programs]
    found: dict[tuple[int, int], str] = {}
    for features, threshold, what in ((texts, TEXT_SIMILARITY, "descriptions"), (names, NAME_SIMILARITY, "names")):
        for first, second in _similar_pairs(features, threshold):
            if programs[first].id.upper() != programs[second].id.upper():
                found[(first, second)] = what
    alike: defaultdict[tuple[int, str], list[int]] = defaultdict(list)
    for (first, second), what in sorted(found.items()):
        alike[(first, what)].append(second)
        alike[(second, what)].append(first)
    return {key: sorted(others) for key, others in alike.items()}


def _advice(program: Program, similar: list[Program]) -> str:
    """What to do with near-duplicates: a copy within one agency's file is deleted or told apart; programs of two
    agencies are merged, or one partners the other."""
    own = [other for other in similar if other.lead_id == program.lead_id]
    if len(own) == len(similar):
        return ("a copy: delete one of them, or both budgets are counted; two programs: tell them apart in name "
                "and description")
    if own:
        return ("a copy in the same agency's file: delete one of them; with another agency's program: merge them, "
                "or make one a partner of the other")
    return "merge them, or make one a partner of the other"


def _agency(program: Program) -> str:
    """The lead agency as people name it (its short name: Dishub), or its id when it is unknown."""
    return program.lead.short_name if program.lead is not None else program.lead_id
