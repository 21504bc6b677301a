"""The sample's agencies and programs still named in the chapters and pillars of a plan started from it (W117).

A chapter copied from the sample may go on naming its programs (e-Sambat, Smart Go) and agencies
(Diskominfotik) after the plan has renamed or dropped them: facts of the sample read as the city's own.
A name counts only where this plan has none like it in its own words: not among its agencies and
programs, nor in a text of its YAML files that is not the sample's (a program's description, a glossary
entry), and an agency's only where the plan calls one of its own much alike (Diskominfo for Diskominfotik).
:mod:`masterplan.checks.sample` runs it, for a plan of another city whose files could all be read.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.messages import listing
from masterplan.model import Plan
from masterplan.sample_plan import SamplePlan, city_name

#: an agency's short name this much like one of the sample's is the plan's own name for it (Diskominfo: Diskominfotik)
ALIKE, ALIKE_START = 0.6, 5


def check(plan: Plan, sample: SamplePlan) -> Iterator[Diagnostic]:
    """W117, one per chapter and pillar's file, at the first: its text names the sample's programs (e-Sambat, Smart Go) or agencies
    (Diskominfotik) that this plan does not have, facts of the sample read as the city's own."""
    names = _sample_names_not_in(plan, sample)
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")
    yield from in_pillars(plan, pattern)
    for chapter in [*plan.chapters, *plan.analysis]:
        found = [(number, match) for number, line in enumerate(chapter.body.splitlines(), chapter.body_line)
                 for match in pattern.finditer(line)]
        if found:
            number, first = found[0]
            lines = len(dict.fromkeys(number for number, _ in found))
            yield _told(Position(chapter.position.file, number, first.start() + 1), plan, lines, found,
                        "1 line of this chapter names {names}, of the sample's agencies and programs, which this plan "
                        "does not have" if lines == 1 else "{count} lines of this chapter name {names}, of the "
                        "sample's agencies and programs, which this plan does not have")


def in_pillars(plan: Plan, pattern: re.Pattern[str]) -> Iterator[Diagnostic]:
    """W117, one per pillar's file, at the first: its texts (summary, description, goals, the sub-elements'
    descriptions, the indicators' names) name the sample's programs or agencies this plan does not have: "Aduan
    e-Sambat yang tuntas" left in a pillar's indicators reached the book's table of indicators, the pillar's page and
    indicators.csv."""
    for pillar in plan.pillars:
        texts = [(pillar.where.get(name, pillar.position), text, f"{name}|" in pillar.where)
                 for name in ("summary", "description") for text in getattr(pillar, name).values.values()]
        texts += [(pillar.where.get(f"goals[{index}]", pillar.position), text, False)
                  for index, goal in enumerate(pillar.goals) for text in goal.values.values()]
        texts += [(sub.position, text, False) for sub in pillar.sub_elements for text in sub.description.values.values()]
        texts += [(indicator.position, text, False) for indicator in pillar.indicators
                  for text in indicator.name.values.values()]
        found = [(_line_of(where, text, match.start(), block), match) for where, text, block in texts
                 for match in pattern.finditer(text)]
        if found:
            places = len(dict.fromkeys(where for where, _ in found))
            yield _told(found[0][0], plan, places, found,
                        "1 text of this file names {names}, of the sample's agencies and programs, which this plan "
                        "does not have" if places == 1 else "{count} texts of this file name {names}, of the "
                        "sample's agencies and programs, which this plan does not have")


def _told(where: Position, plan: Plan, count: int, found: list[tuple[Any, re.Match[str]]], message: str) -> Diagnostic:
    """W117 at ``where``: ``message`` naming the names ``found`` (each with where it stands), in ``count`` places."""
    return warning(where, "W117", message,
                   Message("this plan is {city}: name its own agencies and programs there, or delete these",
                           city=plan.city), count=count, names=listing(dict.fromkeys(match.group() for _, match in found)))


def _line_of(where: Position, text: str, offset: int, block: bool) -> Position:
    """Where the character at ``offset`` of a text stands: a block of text (``description: |``) at ``where``, its
    first line, has its lines as the file's; another text is told where it starts."""
    return Position(where.file, where.line + text.count("\n", 0, offset), 1) if block else where


def _sample_names_not_in(plan: Plan, sample: SamplePlan) -> set[str]:
    """The names of the sample's programs, and the short names of its agencies, that no name of this plan's has,
    nor any text of its YAML files in its own words (ATCS, a generic term, in the description of the program it
    renamed, or in its glossary); an agency's only where this plan calls one of its own alike (Diskominfo,
    Bappeda): "Inspektorat" or "BPBD" may well be named by a plan that has no file for it."""
    shorts = [agency.short_name for agency in plan.agencies]
    own = [*shorts, *(text for agency in plan.agencies for text in agency.name.values.values()),
           *(text for program in plan.programs for text in program.name.values.values()),
           *_own_texts(plan, sample)]
    programs = {name for name in sample.program_names if not any(name in text for text in own)}
    agencies = {name for name in sample.agency_names if not any(name in text for text in own)
                and any(_alike(name, short) for short in shorts)}
    return programs | agencies


def _own_texts(plan: Plan, sample: SamplePlan) -> Iterator[str]:
    """The texts of the plan's programs (summaries, descriptions) and glossary (a term with its definition) that
    are not the sample's: copied from it they are no sign of the plan's own use of a name (its programs'
    descriptions, its glossary, still naming e-Sambat), even with the city and the years moved by ``new``."""
    samples = _sample_texts(sample.content)
    cities = {plan.city: sample.city, city_name(plan.city): sample.name} if plan.city.strip() else {}

    def the_samples(text: str) -> bool:
        for city, original in cities.items():
            text = text.replace(city, original)
        return _normal(text) in samples

    for program in plan.programs:
        for text in (*program.summary.values.values(), *program.description.values.values()):
            if not the_samples(text):
                yield text
    for entry in plan.glossary:
        definitions = list(entry.definition.values.values())
        if not all(map(the_samples, definitions)) or entry.term.strip() not in samples:
            yield entry.term
            yield from definitions


@lru_cache(maxsize=4)
def _sample_texts(content: Path) -> frozenset[str]:
    """Every text of the sample's YAML files (its agencies' programs, its glossary), as :func:`_normal` writes it."""
    from masterplan import yamlfile

    def scalars(data: object) -> Iterator[str]:
        if isinstance(data, dict):
            for value in data.values():
                yield from scalars(value)
        elif isinstance(data, list):
            for value in data:
                yield from scalars(value)
        elif isinstance(data, str):
            yield data

    found: set[str] = set()
    for path in sorted(content.rglob("*.yml")):
        data, _ = yamlfile.read(path, path.name)
        found.update(_normal(text) for text in scalars(data))
    return frozenset(found)


def _normal(text: str) -> str:
    """A text as compared with the sample's: its spaces and line breaks one space, its years alike (moved by new
    --period)."""
    return re.sub(r"\b(?:19|20)\d\d\b", "YEAR", " ".join(text.split()))


def _alike(name: str, short: str) -> bool:
    """Whether an agency's short name ``short`` is another name of the sample's ``name``: the same start, much the
    same letters (Diskominfo, Diskominfotik; Bappeda, Bappelitbangda; not BPKAD, BPBD)."""
    name, short = name.lower(), short.lower()
    return (len(os.path.commonprefix([name, short])) >= ALIKE_START
            and difflib.SequenceMatcher(None, name, short).ratio() >= ALIKE)
