"""Texts still naming a program a revision dropped (W420).

A revision drops Kampung Siaga Bencana (SOC-20): its id, wherever another file names it, is told (E205, E504),
but a chapter, a description or the glossary saying "Kampung Siaga Bencana" in words goes on printing it in the new
book as if the city still ran it. The last build's open data knows the names of the programs it had; each of them
that no program of the plan carries now (by its id, its ``former_ids`` or its name) is looked for in every content
file as a reader meets the text, and told once per file and program, at its first use (as W419 tells an agency's).

Cheap when nothing was dropped: the last build's program pages are listed, and its open data read only when one of
them is a program the plan has no more."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.named_in_texts import first_uses, names_left
from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # a file unread: its programs are not known, and may be these
        return
    # a program renumbered keeps its names, and one whose id a program's former_ids keep is renamed, not dropped
    carried = [text for program in plan.programs for text in program.name.values.values() if text]
    names = names_left(plan, "programs", (id_ for program in plan.programs for id_ in (program.id, *program.former_ids)),
                       carried)
    for use in first_uses(plan, names, carried):
        yield warning(use.at, "W420", "{count} line(s) of this file name '{name}', program {old} of the last build, "
                      "which the plan no longer has",
                      "delete the mention; if the program was renamed, write a cross-reference to its new id, "
                      "[[NEW-ID]]" if use.at.file.lower().endswith(".md") else
                      "delete the mention; if the program was renamed, write its new name",
                      count=use.lines, name=use.name, old=names[use.name])

