"""Texts still naming an agency a reorganisation removed (W419).

A revision merges Diskop-UM into Disperindag, or renames Disparpora to Disbudparpora: the ids in ``partners`` and
``supports`` are told (E203), but the programs' descriptions, the chapters and the glossary go on saying
"Diskop-UM bekerja sama dengan …" in the new book, naming an agency the city no longer has, and no check said so
(the abbreviation check only asked what "UM" stands for). The last build's open data knows the short and full
names of the agencies it had; each of them that no agency of the plan carries now is looked for in every content
file, as a reader meets the text (not in code, links or YAML comments), and told once per file and agency, at its
first use, with the agency that does its work now where one does (its ``former_ids``, or leading what it led).

Cheap when nothing was removed: the last build's agency pages are listed, and its open data read only when one of
them names an agency the plan has no more."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.abbreviations import as_read
from masterplan.checks.last_build import PUBLISHED_AGENCIES, Unknown
from masterplan.checks.references import folded
from masterplan.content_text import content_texts
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # an agency's file unread: its names are not known, and may be these
        return
    unknown = Unknown(plan)
    names = names_gone(plan, unknown)
    if not names:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_spelt(name) for name in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    for file, text in content_texts(plan):
        found: dict[str, tuple[Position, set[int]]] = {}
        read = as_read(file, text)
        for match in pattern.finditer(read):
            line = read.count("\n", 0, match.start()) + 1
            name = next(name for name in names if re.fullmatch(_spelt(name), match.group()))
            at = Position(file, line, match.start() - read.rfind("\n", 0, match.start()))
            found.setdefault(name, (at, set()))[1].add(line)
        for name, (at, lines) in found.items():
            old = names[name]
            heir = plan.agency(unknown.heir(old) or "")
            yield warning(at, "W419", "{count} line(s) of this file name '{name}', agency {old} of the last build, "
                          "which the plan no longer has",
                          Message("it is now {short} ({heir}): write its name", short=heir.short_name, heir=heir.id)
                          if heir is not None else "name the agency that does its work now, or delete the name",
                          count=len(lines), name=name, old=old)


def names_gone(plan: Plan, unknown: Unknown | None = None) -> dict[str, str]:
    """Each short or full name of an agency gone since the last build → its id; not one an agency of the plan
    still carries (an id changed, its names kept). Empty without a build, or when its agencies are all here."""
    if plan.content is None:
        return {}
    try:
        pages = {name[:-5] for name in os.listdir(plan.content.parent / PUBLISHED_AGENCIES) if name.endswith(".html")}
    except OSError:
        return {}  # no build yet
    if not pages - {agency.id for agency in plan.agencies} - {"index"}:
        return {}
    gone = (unknown or Unknown(plan)).last.agencies_gone()
    kept = {folded(text) for agency in plan.agencies for text in (agency.short_name, *agency.name.values.values())
            if text}
    return {name: old for old, names in gone.items() for name in names if folded(name) not in kept}


def _spelt(name: str) -> str:
    """A name as a pattern: any run of spaces (a line broken in a YAML text) where it has one."""
    return r"\s+".join(map(re.escape, name.split()))

