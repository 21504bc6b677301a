"""Chapters: their Jinja fills in without error, and their cross-references name real things."""

from __future__ import annotations

from typing import AbstractSet, Iterator

from masterplan import chapters, crossref
from masterplan.diagnostics import ANY_PROGRAM, Diagnostic, Position, did_you_mean, error
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    known = crossref.targets(plan)
    context = chapters.context(plan)
    for chapter in plan.chapters:
        text, problems = chapters.expand(chapter, context)
        yield from problems
        if text is None:
            continue
        for ref, line in crossref.find(chapter.body):
            if ref in known or ref.split(":")[-1] in unreadable or (":" not in ref and ANY_PROGRAM in unreadable):
                continue
            if True:
                yield error(Position(chapter.position.file, chapter.body_line + line - 1, 1), "E507",
                            f"cross-reference to unknown '{ref}'", did_you_mean(ref, known))
