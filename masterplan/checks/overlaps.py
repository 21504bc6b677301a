"""Programs of two agencies that may do one work (W422): for one sub-element, in years that overlap, their names sharing
words few programs' names have, two of them or one acronym ("Lampu Penerangan Jalan Pintar Hemat Energi" and
"Penerangan Jalan Umum Cerdas Hemat Energi"; "Pendataan Ulang Penerima Bansos Berbasis DTKS" and "Pemutakhiran DTKS
dan Bantuan Sosial Tepat Sasaran").

Near-identical names and descriptions are W401's (:mod:`masterplan.checks.near_duplicates`); these are the
duplicates thirty agencies writing apart produce in other words, which the planner asks the two agencies about.
A word is distinctive when at most :data:`RARE` programs' names have it; pairs come from each such word's few programs,
never from comparing every two programs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from masterplan.checks.near_duplicates import (
    NAME_SIMILARITY,
    TEXT_SIMILARITY,
    lead_named,
    name_words,
    shingles,
    words,
)
from masterplan.checks.similar_sets import jaccard
from masterplan.diagnostics import Diagnostic, Message, listing, warning
from masterplan.plan_parts import GlossaryTerm
from masterplan.programs import Program
from masterplan.values import Period

#: a word of at most this many programs' names counts whole towards what a program is about; one of more counts less
#: (a word of six names half), so that a third program naming "Hemat Energi" does not hide the first two. Not scaled
#: up in a large plan: a province's cities each run their "Puskesmas Digital" (one in fifty drew 5,120 warnings from a
#: generated 3,000 programs)
RARE = 3
SHARED = 2.0  #: what two programs' names must share: two rare words, or more words of more names
COMMONEST = 4 * RARE  #: a word of more names counts for next to nothing: no pair is looked for through it
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")  #: CCTV, DTKS, PJU: one alone, of up to six names, names the work
_WORD = re.compile(r"\w+")


def check(programs: list[Program], glossary: list[GlossaryTerm]) -> Iterator[Diagnostic]:
    """W422 at the later of two programs of different agencies that may do one work, naming the earlier."""
    shortened = name_words(programs, glossary)  # "Penerangan Jalan Umum" read as PJU, where the glossary says so
    names = [found | words(str(program.name)) for found, program in zip(shortened, programs)]
    holders: dict[str, list[int]] = {}
    for index, found in enumerate(names):
        for word in found:
            holders.setdefault(word, []).append(index)
    shared: dict[tuple[int, int], set[str]] = {}
    for word, having in holders.items():
        if 2 <= len(having) <= COMMONEST:
            for pair in combinations(having, 2):
                shared.setdefault(pair, set()).add(word)
    glossed = {term.term.casefold() for term in glossary if term.term.isupper()}
    for (first, second), common in sorted(shared.items()):
        one, other = programs[first], programs[second]
        acronyms = _acronyms(str(one.name)) | _acronyms(str(other.name)) | glossed
        weight = sum(min(1.0, RARE / len(holders[word])) for word in common)
        named = any(len(holders[word]) <= 2 * RARE for word in common & acronyms)  # not SPBE of a dozen programs
        if (weight >= SHARED or named) and _apart(one, other, shortened[first], shortened[second]):
            years = _overlap(one.period, other.period)
            if years is not None:
                yield _told(one, other, common, years, glossed)


def _acronyms(name: str) -> set[str]:
    """The acronyms of a name (CCTV, DTKS), none in a name written in capitals throughout ("PENERANGAN JALAN")."""
    return {acronym.casefold() for acronym in _ACRONYM.findall(name)} if not name.isupper() else set()


def _apart(one: Program, other: Program, one_name: set[str], other_name: set[str]) -> bool:
    """Whether two programs are of two agencies, for one sub-element, under two ids, and not near-identical
    (W401's)."""
    return (one.lead_id != other.lead_id and (one.pillar_id, one.sub_element_id) == (other.pillar_id, other.sub_element_id)
            and one.id != other.id
            and jaccard(one_name, other_name) < NAME_SIMILARITY
            and jaccard(shingles(f"{one.summary} {one.description}"),
                         shingles(f"{other.summary} {other.description}")) < TEXT_SIMILARITY)


def _overlap(one: Period, other: Period) -> Period | None:
    """The years two periods share, or None."""
    start, end = max(one.start, other.start), min(one.end, other.end)
    return Period(start, end) if start <= end else None


def _told(one: Program, other: Program, common: set[str], years: Period, acronyms: set[str]) -> Diagnostic:
    """W422, the shared words as a name writes them, a glossary's acronym a long form stands for in capitals (RTH)."""
    written = {word.casefold(): word for word in _WORD.findall(f"{one.name} {other.name}")}
    written.update((word, word.upper()) for word in common & acronyms if word not in written)
    shown = listing(sorted(f"'{written.get(word, word)}'" for word in common))
    return warning(other.position, "W422", "program {program} ({agency}) may do the work of {other} ({other_agency}): "
                   "both name {words}, for sub-element '{sub_element}', in {years}",
                   Message("if they do one work, merge them, or make one agency the other's partner; if not, tell "
                           "them apart in their names"),
                   program=other.id, agency=lead_named(other), other=one.id, other_agency=lead_named(one), words=shown,
                   sub_element=other.sub_element_id, years=years).concerning(one.position.file)

