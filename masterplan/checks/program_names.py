"""Texts still naming a program a revision dropped (W420).

A revision drops Kampung Siaga Bencana (SOC-20): its id, wherever another file names it, is told (E205, E504),
but a chapter, a description or the glossary saying "Kampung Siaga Bencana" in words goes on printing it in the new
book as if the city still ran it. The last build's open data knows the names of the programs it had; each of them
that no program of the plan carries now (by its id or its name) is looked for in every content file as a reader meets
the text, and told once per file and program, at its first use (as W419 tells an agency's). A program renamed in the
revision, its old id kept by ``former_ids``, is told with the id and name it has now.

Cheap when nothing was dropped: the last build's program pages are listed, and its open data read only when one of
them is a program the plan has no more."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.named_in_texts import first_uses, names_left
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # a file unread: its programs are not known, and may be these
        return
    # a program renumbered keeps its names; one whose id a program's former_ids keep was renamed: its old name is
    # told with the program that carries it on
    carried = [text for program in plan.programs for text in program.name.values.values() if text]
    heirs = {former.upper(): program for program in plan.programs for former in program.former_ids}
    names = names_left(plan, "programs", (program.id for program in plan.programs), carried)
    for use in first_uses(plan, names, carried):
        old = names[use.name]
        chapter = use.at.file.lower().endswith(".md")
        if (heir := heirs.get(old.upper())) is not None:
            yield warning(use.at, "W420", "1 line of this file names '{name}', program {old} of the last build, "
                          "which is now {new}, '{now}'" if use.lines == 1 else "{count} lines of this file name "
                          "'{name}', program {old} of the last build, which is now {new}, '{now}'",
                          Message("write its name today, or a cross-reference to it, [[{new}]]", new=heir.id)
                          if chapter else Message("write its name today"), count=use.lines, name=use.name, old=old,
                          new=heir.id, now=heir.name.get(plan.language))
            continue
        yield warning(use.at, "W420", "1 line of this file names '{name}', program {old} of the last build, which "
                      "the plan no longer has" if use.lines == 1 else "{count} lines of this file name '{name}', "
                      "program {old} of the last build, which the plan no longer has",
                      "delete the mention; if the program was renamed, write a cross-reference to its new id, "
                      "[[NEW-ID]]" if chapter else
                      "delete the mention; if the program was renamed, write its new name",
                      count=use.lines, name=use.name, old=old)
