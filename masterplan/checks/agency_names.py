"""Texts still naming an agency a reorganisation removed (W419).

A revision merges Diskop-UM into Disperindag, or renames Disparpora to Disbudparpora: the ids in ``partners`` and
``supports`` are told (E203), but the programs' descriptions, the chapters and the glossary go on saying
"Diskop-UM bekerja sama dengan …" in the new book, naming an agency the city no longer has, and no check said so
(the abbreviation check only asked what "UM" stands for). The last build's open data knows the short and full
names of the agencies it had; each of them that no agency of the plan carries now is looked for in every content
file, as a reader meets the text (not in code, links or YAML comments), and told once per file and agency, at its
first use, with the agency that does its work now where one does (its ``former_ids``, or leading what it led).

Cheap when nothing was removed: the last build's agency pages (and, mid-revision, the published plan's) are listed,
and its open data read only when one of them names an agency the plan has no more. The names are found once for
this check and the glossary's (W529), which must not ask to define a removed agency's abbreviation."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.last_build import Unknown
from masterplan.checks.named_in_texts import first_uses, names_left
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # an agency's file unread: its names are not known, and may be these
        return
    unknown = Unknown.of(plan)
    names = names_gone(plan)
    if not names:
        return
    for use in first_uses(plan, names, _carried(plan)):
        old = names[use.name]
        heir = plan.agency(unknown.heir(old) or "")
        yield warning(use.at, "W419", "1 line of this file names '{name}', agency {old} of the last build, which the "
                      "plan no longer has" if use.lines == 1 else "{count} lines of this file name '{name}', agency "
                      "{old} of the last build, which the plan no longer has",
                      Message("it is now {short} ({heir}): write its name", short=heir.short_name, heir=heir.id)
                      if heir is not None else "name the agency that does its work now, or delete the name",
                      count=use.lines, name=use.name, old=old)


def names_gone(plan: Plan) -> dict[str, str]:
    """Each short or full name of an agency gone since the last build (or the published plan a revision started
    from) → its id; not one an agency of the plan still carries (an id changed, its names kept). Empty without a
    build, or when its agencies are all here. Found once for W419 and W529 (the glossary check)."""
    unknown = Unknown.of(plan)
    if unknown.names_gone is None:
        unknown.names_gone = names_left(plan, "agencies", (agency.id for agency in plan.agencies), _carried(plan))
    return unknown.names_gone


def _carried(plan: Plan) -> list[str]:
    """The short and full names of the plan's agencies today."""
    return [text for agency in plan.agencies for text in (agency.short_name, *agency.name.values.values()) if text]
