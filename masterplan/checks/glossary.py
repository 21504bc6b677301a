"""The glossary against the plan's text, both ways, the text read once for both.

Glossary terms the plan never uses: a book for the mayor defined BSrE, LKjIP and SIPD, which no page
of it names. W524 says so at the term, so the list is kept to what a reader meets. Every term is looked for at
once (:class:`~masterplan.phrases.Phrases`): one by one, 8,000 terms took 30 s.

Abbreviations the plan uses and the glossary does not explain (SDM, SMP, KK in the sample): W529, in
:mod:`masterplan.checks.abbreviations`; not while an agency's file cannot be read, whose short name (DP3A) would
explain one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks import abbreviations, agency_names
from masterplan.content_text import content_texts
from masterplan.diagnostics import ANY_PROGRAM, Diagnostic, warning
from masterplan.model import Plan
from masterplan.phrases import Phrases, split_words
from masterplan.plan_parts import GlossaryTerm

_WORD = re.compile(r"\w+")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if not plan.glossary:
        return
    # the other files' text, the funding sources the budget tables name (the default ones are written nowhere),
    # and the other terms' definitions, which readers of the glossary meet (APBN in DAK's)
    glossary_file = plan.glossary[0].position.file
    texts = [(name, body) for name, body in content_texts(plan) if name != glossary_file]
    files = "\n".join([*(body for _, body in texts), *plan.funding_sources])
    parts = split_words(files)
    words = set(parts[1::2])
    if not unreadable:  # a file not read may be where a term is used
        yield from _unused(plan, files, parts, words)
    if ANY_PROGRAM not in unreadable:  # an agency's file unread: its short name, which explains its abbreviation, is not known
        # an agency the last build had and the plan has no more: W419 says to write today's name, not a definition
        yield from abbreviations.unexplained(plan, texts, words, glossary_file,
                                             {*agency_names.names_gone(plan), *agency_names.names_changed(plan)})


def _unused(plan: Plan, files: str, parts: list[str], words: set[str]) -> Iterator[Diagnostic]:
    """W524 for each term that neither ``files`` (the plan's text, cut into ``parts`` by
    :func:`~masterplan.phrases.split_words`, its ``words``) nor another term's definition uses."""
    written = [term.term.strip() for term in plan.glossary]
    # an abbreviation as written (SIPD, not "sipd" inside a word), "antar-SIPKD" and "OPD-OPD" too;
    # any other term in any case
    exact = [term.upper() == term for term in written]
    needles = [term if as_written else term.casefold() for term, as_written in zip(written, exact)]
    in_files = _in_files(files, parts, words, needles, exact)
    in_definitions = _in_other_definitions(plan.glossary, needles, exact)
    for number, term in enumerate(plan.glossary):
        if not in_files[number] and not in_definitions[number]:
            yield warning(term.position, "W524", "glossary term '{term}' is used nowhere in the plan",
                          "delete it, or use it where the plan means it", term=written[number])


def _in_files(files: str, parts: list[str], words: set[str], needles: list[str], exact: list[bool]) -> list[bool]:
    """Whether each term is in the plan's text: a term of one word is looked up, not searched for (a plan's text
    is megabytes); the others are searched for all at once, in the text as written or in small letters."""
    folded_words = {word.casefold() for word in words}
    found = [needle in (words if as_written else folded_words) if _WORD.fullmatch(needle) else False
             for needle, as_written in zip(needles, exact)]
    for as_written in (True, False):
        numbers = [n for n, needle in enumerate(needles) if exact[n] == as_written and not _WORD.fullmatch(needle)]
        if numbers:
            phrases = Phrases([needles[n] for n in numbers])
            phrases.read(parts if as_written else split_words(files.casefold()), "files")
            for place, number in enumerate(numbers):
                found[number] = bool(phrases.labels(place))
    return found


def _in_other_definitions(glossary: list[GlossaryTerm], needles: list[str], exact: list[bool]) -> list[bool]:
    """Whether each term is in the definition of another (a term defined twice: in the other's)."""
    found = [False] * len(needles)
    for as_written in (True, False):
        numbers = [n for n in range(len(needles)) if exact[n] == as_written]
        if not numbers:
            continue
        phrases = Phrases([needles[n] for n in numbers], most=2)  # two: one may be its own definition
        for number, term in enumerate(glossary):
            for value in term.definition.values.values():
                if value:
                    phrases.read(split_words(value if as_written else value.casefold()), number)
        for place, number in enumerate(numbers):
            found[number] = any(label != number for label in phrases.labels(place))
    return found
