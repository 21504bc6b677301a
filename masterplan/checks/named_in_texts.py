"""Where the content's texts name something by its name (an agency's, a program's), as a reader meets them: not in
code, links or YAML comments. For the checks of the names a revision left behind in descriptions, chapters and the
glossary (W419 for a removed agency, W420 for a dropped program): which names the last build had that the plan has no
more (:func:`names_left`), and where each is used (:func:`first_uses`), told once per file, at its first use."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from masterplan import crossref
from masterplan.checks.abbreviations import as_read
from masterplan.checks.last_build import (
    PUBLISHED_AGENCIES,
    PUBLISHED_PROGRAMS,
    Unknown,
    published_pages,
)
from masterplan.content_text import content_texts
from masterplan.diagnostics import Position, line_and_column
from masterplan.model import Plan
from masterplan.values import folded


@dataclass(frozen=True)
class FirstUse:
    """The first use of ``name`` in a content file, and how many of the file's lines use it."""

    name: str
    at: Position
    lines: int


def names_left(plan: Plan, kind: str, kept: Iterable[str], carried: Iterable[str]) -> dict[str, str]:
    """Each name of an item of the last build's ``kind`` ("agencies" or "programs"), or of the published plan a
    revision started from, whose id the plan no longer has among ``kept`` → that id; not one of the names ``carried``
    by the plan today (an id changed, its name kept). Empty without a build, or when all the pages it published are
    of ``kept`` ids: its open data is read only when one is not."""
    kept = {id_.upper() for id_ in kept}
    folder = PUBLISHED_AGENCIES if kind == "agencies" else PUBLISHED_PROGRAMS
    if not {page.upper() for page in published_pages(plan, folder)} - kept - {"INDEX"}:
        return {}
    held = {folded(text) for text in carried}
    return {name: old for old, names in Unknown.of(plan).last.names_gone(kind).items() if old.upper() not in kept
            for name in names if folded(name) not in held}


def first_uses(plan: Plan, names: Collection[str], carried: Collection[str] = ()) -> Iterator[FirstUse]:
    """The first use of each of ``names`` in each content file, file by file in name order, in the order of their
    first use. A name is found whole (not inside a longer word), spelt with any run of spaces where it has one
    (a line broken in a YAML text), and not inside one of the ``carried`` names, which the plan has today: a
    program renamed from "Kampung Siaga Bencana" to "Kampung Siaga Bencana Terpadu" is named by its new name."""
    if not names:
        return
    spelt = {name: re.compile(_spelt(name)) for name in names}
    pattern = _whole(names)
    holding = [name for name in carried if pattern.search(name)]
    within = _whole(holding) if holding else None
    for file, text in content_texts(plan):
        found: dict[str, tuple[Position, set[int]]] = {}
        for match, line, column in _named(plan, file, text, pattern, within):
            name = next(name for name, spelling in spelt.items() if spelling.fullmatch(match.group()))
            found.setdefault(name, (Position(file, line, column), set()))[1].add(line)
        for name, (at, lines) in found.items():
            yield FirstUse(name, at, len(lines))


def _named(plan: Plan, file: str, text: str, pattern: re.Pattern[str],
           within: re.Pattern[str] | None) -> list[tuple[re.Match[str], int, int]]:
    """Each name of ``pattern`` in content file ``file`` (its ``text``) where a reader meets it, with its line and
    column, in order: not in what :func:`as_read` blanks, nor inside a name of ``within``, nor in plan.yml's
    history; in a chapter, not in code, told as the book prints it (:func:`crossref.printed_in_chapter`: a fence
    of four backticks holding a line of three fooled patterns)."""
    chapter = file.lower().endswith(".md")
    read = as_read(file, text, code=not chapter)
    spans = [held.span() for held in within.finditer(read)] if within else []
    history = _history(plan, file, read)
    named = []
    for match in pattern.finditer(read):
        if any(start <= match.start() and match.end() <= end for start, end in spans):
            continue
        line, column = line_and_column(read, match.start())
        if line not in history:
            named.append((match, line, column))
    if chapter and named:
        shown = set(crossref.printed_in_chapter(text, [match.span() for match, _, _ in named]))
        named = [use for use in named if use[0].span() in shown]
    return named


def _history(plan: Plan, file: str, read: str) -> range:
    """The lines of plan.yml's revisions (the plan's history), which name what a revision merged or dropped as they
    were ("penggabungan Diskop-UM ke Disperindag"): from its key to the next key of plan.yml's own."""
    where = plan.where.get("revisions")
    if where is None or file != where.file:
        return range(0)
    lines = read.split("\n")
    end = next((number for number in range(where.line + 1, len(lines) + 1) if _TOP_KEY.match(lines[number - 1])),
               len(lines) + 1)
    return range(where.line, end)


#: a line of plan.yml's own keys, at its left edge (not a list's item, a comment or a blank line)
_TOP_KEY = re.compile(r"[^\s#-]")


def _whole(names: Collection[str]) -> re.Pattern[str]:
    """Any of ``names``, whole, the longest first."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(_spelt(name) for name in sorted(names, key=len, reverse=True))
                      + r")(?![\w-])")


def _spelt(name: str) -> str:
    """A name as a pattern: any run of spaces (a line broken in a YAML text) where it has one."""
    return r"\s+".join(map(re.escape, name.split()))
