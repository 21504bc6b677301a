"""The plan's own theme files (``templates/``) are UTF-8, as the plan's content files must be (E003).

A stylesheet or template saved by Notepad or Word in Windows' encoding (a curly quote, an en dash in a comment)
passed ``validate``; the build then stopped inside WeasyPrint with Python's UnicodeDecodeError, told at plan.yml and
asking to report a fault of masterplan. It is told at the file, line and column of the first byte that is not UTF-8,
with how to save it again, as a content file's is.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan import yamlfile
from masterplan.diagnostics import Diagnostic
from masterplan.i18n import plan_theme, theme_files
from masterplan.model import Plan

#: the theme's files the build reads as UTF-8 text: stylesheets, templates, the words' catalogs (not an SVG, which
#: declares its own encoding, nor a font's licence or notes, which nothing reads)
TEXT_SUFFIXES = (".css", ".html", ".yml", ".yaml")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for folder in plan_theme(plan.content.parent) if plan.content is not None else ():
        for path in theme_files(folder, TEXT_SUFFIXES):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # the build says it
            if data.isascii():
                continue
            _, problems = yamlfile.decode(data, f"templates/{path.relative_to(folder).as_posix()}")
            yield from (problem for problem in problems if problem.code == "E003")
