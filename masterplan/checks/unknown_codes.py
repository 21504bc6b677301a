"""Program codes written as text that name no program (W539).

A chapter saying "program LIV-12 (Smart Parking)", or a description citing [[LIV-99]], printed the code as written:
a cross-reference to nothing is an error in a chapter (E507), but a code written without its brackets, or in a
description (where brackets are printed as written, W518), was published without a word, though no program has it.
Each code of the plan's series (GOV-, LIV- ... as its programs' ids have them) written in a chapter's text or in a
pillar's or program's summary or description is looked up; one that names no program, nor a program's former id,
is told once per text, at its first use, with the hint an unknown id gets (renamed, or the series' ids).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan import crossref, jinja_tags
from masterplan.chapter_reader import split_front_matter
from masterplan.checks.abbreviations import as_read
from masterplan.checks.last_build import Unknown
from masterplan.content_text import content_texts
from masterplan.diagnostics import Diagnostic, Position, warning
from masterplan.model import Plan
from masterplan.plan_parts import Pillar
from masterplan.programs import Program

#: a program code: capitals, a dash, a number (GOV-01)
_CODE = re.compile(r"([A-Z]{2,6})-(\d+)")
#: the brackets of a ``[[GOV-99]]`` printed as written (outside chapters, W518; in a chapter, a mark escaped): the code
#: inside is looked up too; in a chapter, a cross-reference is E507's
_BRACKETS = re.compile(r"\[\[|\]\]")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # a file unread: its programs are not known, and may be these
        return
    codes = [found for program in plan.programs if (found := _CODE.fullmatch(program.id))]
    if not codes:
        return
    series = sorted({code.group(1) for code in codes})
    digits = sorted({len(code.group(2)) for code in codes})  # SOC-2 ("audit SOC-2") is no code of SOC-01's series
    known = {id_.upper() for program in plan.programs for id_ in (program.id, *program.former_ids)}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(series) + rf")-\d{{{digits[0]},{digits[-1]}}}(?![\w-])")
    unknown = Unknown.of(plan)
    for where, text, kind in _texts(plan):
        told: set[str] = set()
        for found in _printed(text, kind, pattern, known):
            code = found.group()
            if code in told:
                continue
            told.add(code)
            line = text.count("\n", 0, found.start())  # lines before it, in the text
            if kind == "chapter":
                at = Position(where.file, 1 + line, found.start() - text.rfind("\n", 0, found.start()))
            else:  # a block's lines are the file's, each at the block's column; a folded text is told at its start
                at = Position(where.file, where.line + line, where.column) if kind == "block" else where
            yield warning(at, "W539", "'{code}' names no program: it is printed as written",
                          unknown.program(code) or unknown.series(code), code=code)


def _printed(text: str, kind: str, pattern: re.Pattern[str], known: AbstractSet[str]) -> list[re.Match[str]]:
    """Each code of ``pattern`` in ``text`` that names none of ``known`` where a reader meets it as text, in order:
    not in a cross-reference (in a chapter, E507's), nor in code, as the book and the site print them
    (:func:`crossref.places`; :func:`crossref.printed_in_chapter`, or a description's
    :func:`crossref.printed_as_text`, which read code as Markdown does: a fence of four backticks holding a line of
    three fooled patterns). A ``[[GOV-99]]`` that prints as written (in a
    description, W518; in a chapter, a mark escaped) is read as its code."""
    markdown_at = len(text) - len(split_front_matter(text)[1]) if kind == "chapter" else 0
    markdown = text[markdown_at:]
    parts, done = [], 0
    for reference in crossref.places(markdown) if kind == "chapter" else []:
        start, end = markdown_at + reference.start(), markdown_at + reference.end()
        parts += [text[done:start], " " * (end - start)]
        done = end
    read = as_read("text.md", _unprinted(_BRACKETS.sub("  ", "".join([*parts, text[done:]]))), code=False)
    found = [code for code in pattern.finditer(read) if code.group().upper() not in known]
    spans = [code.span() for code in found]
    if kind == "chapter":
        shown = set(crossref.printed_in_chapter(text, spans))
    else:  # a description is Markdown, with no front matter
        as_text = crossref.printed_as_text(text, spans)
        shown = {span for number, span in enumerate(spans) if number in as_text}
    return [code for code in found if code.span() in shown]


def _unprinted(text: str) -> str:
    """``text`` with what is never printed blanked, over as many lines as it takes, each line kept where it was:
    Jinja's tags and comments, and HTML comments (:func:`as_read` blanks what fits on one line)."""
    return jinja_tags.blanked(jinja_tags.uncommented(text))


def _texts(plan: Plan) -> Iterator[tuple[Position, str, str]]:
    """(where it starts, text, kind) of each chapter ("chapter": from its file's first line, front matter included)
    and each pillar's and program's summary and description ("block" when its lines are the file's, else "text")."""
    for file, text in content_texts(plan):
        if file.lower().endswith(".md"):
            yield Position(file, 1, 1), text, "chapter"
    owners: list[Pillar | Program] = [*plan.pillars, *plan.programs]
    for owner in owners:
        for name in ("summary", "description"):
            where = owner.where.get(name)
            if where is None:
                continue
            for value in dict.fromkeys(getattr(owner, name).values.values()):
                yield where, value, "block" if f"{name}|" in owner.where else "text"
