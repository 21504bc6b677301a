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
from masterplan.values import folded


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


def retitled(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W419 for a name an agency of the plan had in the last build under the same id and has no more: its short
    name or its full name changed (Disperindag became Diskopumdag), and the texts still write the old one."""
    if unreadable:
        return
    names = names_changed(plan)
    for use in first_uses(plan, names, _carried(plan)):
        agency = plan.agency(names[use.name])
        if agency is None:
            continue
        yield warning(use.at, "W419", "1 line of this file names '{name}', the name agency {id} had in the last "
                      "build; it is now {short}" if use.lines == 1 else "{count} lines of this file name '{name}', "
                      "the name agency {id} had in the last build; it is now {short}",
                      Message("write its name now: {short} ({name_now})", short=agency.short_name,
                              name_now=agency.name.get(plan.language)),
                      count=use.lines, name=use.name, id=agency.id, short=agency.short_name)


def names_changed(plan: Plan) -> dict[str, str]:
    """Each short or full name an agency of the plan had, under its id, in the last build (or the published plan
    its revision started from) that no agency of the plan carries now → that id. Found once for W419 and W529."""
    def find() -> dict[str, str]:
        carried = {folded(text) for text in _carried(plan)}
        return {name: id_ for id_, names in Unknown.of(plan).last.names_kept("agencies").items() for name in names
                if folded(name) not in carried}
    return plan.derived("agency names changed", find)


def names_gone(plan: Plan) -> dict[str, str]:
    """Each short or full name of an agency gone since the last build (or the published plan a revision started
    from) → its id; not one an agency of the plan still carries (an id changed, its names kept). Empty without a
    build, or when its agencies are all here. Found once for W419 and W529 (the glossary check)."""
    unknown = Unknown.of(plan)
    if unknown.names_gone is None:
        gone = names_left(plan, "agencies", (agency.id for agency in plan.agencies), _carried(plan))
        # an agency whose file lies in the wrong folder is not gone: its name is not told (its E203s say where)
        unknown.names_gone = {name: id_ for name, id_ in gone.items() if id_ not in unknown.strays} if gone else gone
    return unknown.names_gone


def _carried(plan: Plan) -> list[str]:
    """The short and full names of the plan's agencies today."""
    return [text for agency in plan.agencies for text in (agency.short_name, *agency.name.values.values()) if text]
