"""W557: a chapter's Jinja comparing a status with an Indonesian word, which no status is.

A chapter prints a program's status in its own language ("berjalan"), so its writer compares with that word:
``{% if p.status == 'berjalan' %}`` was never true and ``plan.programs | selectattr('status', 'equalto',
'berjalan') | list | length`` counted 0, printed in the book as a figure, with no word from validate. A status is
compared as the files write it (``ongoing``); the word meant is known (:data:`INDONESIAN_STATUSES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from masterplan import jinja_tags
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.indonesian_words import INDONESIAN_STATUSES
from masterplan.plan_parts import Chapter

#: a record's status (``p.status``, not a name the chapter sets, which may hold its printed word) compared with a
#: quoted word, either way round, or tested by selectattr / rejectattr
_COMPARED = re.compile(
    r"""\.status\s*(?:==|!=)\s*(?P<q1>['"])(?P<word>[^'"\n]{1,40})(?P=q1)"""
    r"""|(?P<q2>['"])(?P<before>[^'"\n]{1,40})(?P=q2)\s*(?:==|!=)\s*[\w.]*\.status\b"""
    r"""|(?P<q3>['"])status(?P=q3)\s*,\s*(?P<q4>['"])(?:equalto|eq|==|ne|!=|sameas)(?P=q4)\s*,\s*"""
    r"""(?P<q5>['"])(?P<tested>[^'"\n]{1,40})(?P=q5)""")
#: a status looked for in a list of quoted words: ``p.status in ['berjalan', 'selesai']`` (a list of 400 characters at
#: most: read to a bracket never written, each 'status in' of a long line read the rest of it)
_IN_LIST = re.compile(r"""\.status\s+(?:not\s+)?in\s*[\[(]([^\])]{0,400})[\])]""")
_QUOTED = re.compile(r"""(['"])([^'"\n]{1,40})\1""")


def check(chapter: Chapter) -> Iterator[Diagnostic]:
    """W557 at each Indonesian word a chapter's Jinja compares a status with, at the word."""
    for number, line in enumerate(jinja_tags.uncommented(chapter.body).split("\n")):
        for tag in jinja_tags.TAG.finditer(line):
            for word, column in _compared(tag.group()):
                meant = INDONESIAN_STATUSES.get(word.lower().strip())
                if meant:
                    yield warning(Position(chapter.position.file, chapter.body_line + number, tag.start() + column + 1),
                                  "W557", "'{word}' is compared with a status, which the plan's files write in "
                                  "English: no status is '{word}', so the comparison is never true",
                                  Message("compare with the files' word, '{meant}': the chapter prints it '{word}'",
                                          word=word, meant=meant), word=word)


def _compared(tag: str) -> Iterator[tuple[str, int]]:
    """Each quoted word ``tag`` compares a status with, and where it stands in the tag (from 0)."""
    for found in _COMPARED.finditer(tag):
        for name in ("word", "before", "tested"):
            if found.group(name) is not None:
                yield found.group(name), found.start(name) - 1
    for found in _IN_LIST.finditer(tag):
        for quoted in _QUOTED.finditer(found.group(1)):
            yield quoted.group(2), found.start(1) + quoted.start()
