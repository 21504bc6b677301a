"""Near-duplicate programs (W401): names or texts that nearly match, from two agencies (to merge, or partner),
or from one (a block pasted again under a new id, its budget counted twice).

One warning per program and kind of likeness, at each of the programs (the agency that pasted the copy may hold
either), naming the first few others and counting the rest. Programs with one and the same words are counted as
a group, never pair by pair: a file pasting one program 8,000 times is read in a second, not in minutes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from masterplan.checks.alike_programs import SHOWN, Alike, Likeness
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.plan_parts import GlossaryTerm
from masterplan.programs import Program

NAME_SIMILARITY = 0.75
TEXT_SIMILARITY = 0.6
_WORD = re.compile(r"\w+")
_IN_WORD_HYPHEN = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")  #: Wi-Fi, e-Sambat (not the dash of 2022-2026)
_NON = re.compile(r"\bnon\s+(?=[^\W\d])")  #: non tunai, as nontunai
_COMMON = {"dan", "di", "yang", "untuk", "dengan", "ke", "dari", "pada", "the", "of", "and", "kota", "program",
           "pengembangan", "peningkatan", "penguatan", "pembangunan", "sistem", "layanan"}

__all__ = ["NAME_SIMILARITY", "SHOWN", "TEXT_SIMILARITY", "check", "lead_named", "name_words", "shingles", "words"]


def check(programs: list[Program], glossary: list[GlossaryTerm]) -> Iterator[Diagnostic]:
    """W401 at each program alike to others, by names or else by descriptions. Not two under one id: a program
    copied to another agency and not deleted is E207's, whose advice is to delete one."""
    alike = Alike(ids=[p.id.upper() for p in programs], leads=[p.lead_id for p in programs],
                  names=[str(p.name).casefold() for p in programs],
                  name_words=name_words(programs, glossary),
                  texts=[shingles(f"{p.summary} {p.description}") for p in programs],
                  name_similarity=NAME_SIMILARITY, text_similarity=TEXT_SIMILARITY)
    for likeness in alike.likenesses():
        yield _warning(likeness, programs)


def name_words(programs: list[Program], glossary: list[GlossaryTerm]) -> list[set[str]]:
    """Each program's name as the names are compared: its words spelt alike, a long form the glossary spells out
    read as its acronym."""
    shortened = _acronyms(glossary)
    return [words(shortened(str(p.name))) for p in programs]


def _warning(likeness: Likeness, programs: list[Program]) -> Diagnostic:
    program = programs[likeness.program]
    named: str = ", ".join(f"{programs[n].id} ({lead_named(programs[n])})" for n in likeness.first)
    if likeness.count > SHOWN:
        named = Message("{programs} and {count} more", programs=named, count=likeness.count - SHOWN)
    by_names = likeness.what == "names"
    return warning(program.position, "W401",
                   "program {program} ({agency}) has the same name as {similar}"
                   if by_names and likeness.same_name == likeness.count else
                   "program {program} ({agency}) has near-identical names to {similar}" if by_names else
                   "program {program} ({agency}) has near-identical descriptions to {similar}",
                   _advice(likeness.count, likeness.own),
                   program=program.id, agency=lead_named(program), similar=named)


def _advice(count: int, own: int) -> str:
    """What to do with near-duplicates (``own`` of the ``count`` of the warned program's agency): a copy within one
    agency's file is deleted or told apart; programs of two agencies are merged, or one partners the other."""
    if own == count:
        return ("a copy: delete one of them, or both budgets are counted; two programs: tell them apart in name "
                "and description")
    if own:
        return ("a copy in the same agency's file: delete one of them; with another agency's program: merge them, "
                "or make one a partner of the other")
    return "merge them, or make one a partner of the other"


def lead_named(program: Program) -> str:
    """The lead agency as people name it (its short name: Dishub), or its id when it is unknown."""
    return program.lead.short_name if program.lead is not None else program.lead_id


def _spelling(text: str) -> str:
    """A text in small letters with its spelling variants made one: Wi-Fi and WiFi, e-Sambat and eSambat, Non Tunai,
    Non-Tunai and Nontunai are each written alike in Indonesian plans."""
    return _NON.sub("non", _IN_WORD_HYPHEN.sub("", text.lower()))


def words(text: str) -> set[str]:
    """A name's words, spelt alike and without the ones every name has ("Tahap 1", "Zona A": kept apart)."""
    return {w for w in _WORD.findall(_spelling(text)) if w not in _COMMON}


SHINGLED_TEXTS = 8192  #: the texts whose runs of words are kept (a few MB for a province's 3,000 programs)


@functools.lru_cache(maxsize=SHINGLED_TEXTS)
def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """A text's runs of three words, spelt alike; kept for the texts read last, as the preview checks a plan again
    after each edit and an edit changes one program's (0.9 s of 3,000 programs' on each edit, before)."""
    found = _WORD.findall(_spelling(text))
    return frozenset(zip(found, found[1:], found[2:]))


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
