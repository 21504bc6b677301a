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

from masterplan.checks.last_build import PUBLISHED_PROGRAMS, Unknown, published_pages
from masterplan.checks.named_in_texts import first_uses
from masterplan.checks.references import folded
from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # a file unread: its programs are not known, and may be these
        return
    names = names_gone(plan)
    carried = [text for program in plan.programs for text in program.name.values.values() if text]
    for use in first_uses(plan, names, carried):
        yield warning(use.at, "W420", "{count} line(s) of this file name '{name}', program {old} of the last build, "
                      "which the plan no longer has",
                      "delete the mention; if the program was renamed, write a cross-reference to its new id, "
                      "[[NEW-ID]]" if use.at.file.lower().endswith(".md") else
                      "delete the mention; if the program was renamed, write its new name",
                      count=use.lines, name=use.name, old=names[use.name])


def names_gone(plan: Plan) -> dict[str, str]:
    """Each name of a program of the last build that the plan has no more → its id then; not one a program of the
    plan still carries (a renumbering keeps the names), nor one whose id a program's ``former_ids`` keep. Empty
    without a build (nor the published plan a revision started from), or when its programs are all here."""
    pages = {page.upper() for page in published_pages(plan, PUBLISHED_PROGRAMS)}
    kept = {id_.upper() for program in plan.programs for id_ in (program.id, *program.former_ids)}
    if not pages - kept - {"INDEX"}:
        return {}
    carried = {folded(text) for program in plan.programs for text in program.name.values.values() if text}
    return {name: old for old, names in Unknown.of(plan).last.names_gone("programs").items() if old.upper() not in kept
            for name in names if folded(name) not in carried}
