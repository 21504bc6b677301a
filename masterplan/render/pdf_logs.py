"""What WeasyPrint logged and what the fetcher refused while the book was laid out, as diagnostics.

Refused URLs are errors (E601), and so are WeasyPrint's error records (E602: a file that failed to
load); its other records are warnings (W603: CSS or HTML it ignored, a character no font has, pages
whose margins do not mirror). Each is placed at the chapter line that names the file, or the content's
line with the character, where that can be told, else at plan.yml. A character the content has and no
font draws is not said here: :mod:`masterplan.checks.glyphs` says it at its line (W605).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from urllib.parse import unquote

from masterplan.checks import glyphs
from masterplan.content_text import character_at, content_texts
from masterplan.diagnostics import Diagnostic, Message, Position, error, warning
from masterplan.i18n import plan_theme, theme_files
from masterplan.model import Plan
from masterplan.render.pdf_layout import TURNED_BADLY
from masterplan.render.print_fetch import Fetcher

_DATA_URL = re.compile(r"(data:[^,\s'\"]{0,60},[^\s'\"]{0,20})[^\s'\"]+")  #: a data: URL, as a message shows it


def diagnostics(fetcher: Fetcher, records: list[logging.LogRecord], plan: Plan) -> list[Diagnostic]:
    """Refused URLs and WeasyPrint's log records as diagnostics, positioned where we can."""
    found: list[Diagnostic] = []
    refused = [url for url, _ in fetcher.refused]
    for url, reason in fetcher.refused:
        found.append(error(_where(url, plan, fetcher), "E601", "PDF: refused to read '{url}': {reason}",
                           "the book may only use files under content/ and the theme", url=url, reason=reason))
    texts: list[tuple[str, str]] | None = None  #: the content's files, read once a character is looked for
    for record in records:
        message = _DATA_URL.sub(r"\1…", record.getMessage().strip().splitlines()[0])  # not tens of kB of base64
        if any(url in message for url in refused):
            continue  # already reported as a refused URL
        if record.levelno >= logging.ERROR:
            found.append(error(_where(message, plan, fetcher), "E602", "PDF: {detail}",
                               "check the file named in the message", detail=message))
        elif glyph := _GLYPH.search(message):
            texts = content_texts(plan) if texts is None else texts
            character = chr(int(glyph.group(1), 16))
            if any(character in text for _, text in texts) and not glyphs.drawn(plan, character):
                continue  # the content's, and no font has it: checks.glyphs says it at its line (W605), validate too
            found.append(warning(character_at(character, texts, plan), "W603", "PDF: {detail}",
                                 "none of the book's fonts has this character: the PDF shows an empty box in its place",
                                 detail=message))
        elif message == TURNED_BADLY:
            found.append(warning(Position(plan.position.file), "W603", "PDF: {detail}",
                                 "give the theme's left-hand and right-hand pages the same margins, left and right "
                                 "swapped", detail=Message(TURNED_BADLY)))
        else:
            found.append(warning(_stylesheet_line(message, plan) or Position(plan.position.file), "W603", "PDF: {detail}",
                                 "the print theme's CSS or HTML has something WeasyPrint ignores", detail=message))
    return found


_GLYPH = re.compile(r"\(U\+([0-9A-Fa-f]{4,6})\)")  #: how WeasyPrint names a character no font has


def _where(text: str, plan: Plan, fetcher: Fetcher) -> Position:
    """The chapter line (the executive summary's text and the strategic analysis's chapters are ones; or the plan's
    logo field) that names the file in ``text``, as best we can tell."""
    base = fetcher.base_url
    start = text.find(base)
    if start >= 0:
        name = text[start + len(base):].split("'")[0].split(":")[0]
        for chapter in [*plan.chapters, *([plan.summary_text] if plan.summary_text else []), *plan.analysis]:
            line = chapter.body.find(name)
            if name and line >= 0:
                return Position(chapter.position.file, chapter.body_line + chapter.body.count("\n", 0, line), 1)
        if plan.logo and name == plan.logo:
            return plan.where.get("logo", plan.position)
    return _print_template_naming(text, plan) or Position(plan.position.file)


def _stylesheet_line(message: str, plan: Plan) -> Position | None:
    """The line of the plan's own print stylesheet that WeasyPrint's message names (```colr: red` at 73:23``), which
    says the line but not the file: where that line holds what the message quotes."""
    found = _QUOTED_AT.search(message)
    if not found:
        return None
    quoted = found.group(1).split(":")[0].strip()  # a declaration's property, however its value was spaced
    line, column = int(found.group(2)), int(found.group(3))
    named = [path for path, lines in _own_print_files(plan, (".css",))
             if quoted and line <= len(lines) and lines[line - 1][column - 1:].startswith(quoted)]
    return Position(named[0], line, column) if len(named) == 1 else None  # two alike: the theme's, maybe


def _own_print_files(plan: Plan, suffixes: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """The plan's own print templates or stylesheets (``templates/print/``) with ``suffixes``: their paths from the
    plan's folder and their lines."""
    for folder in plan_theme(plan.content.parent) if plan.content is not None else ():
        for path in theme_files(folder / "print", suffixes):
            try:
                yield path.relative_to(folder.parent).as_posix(), path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue


def _print_template_naming(text: str, plan: Plan) -> Position | None:
    """The line of the plan's own print template or stylesheet that names the file ``text``'s URL ends in (a
    picture a stylesheet override puts on the cover, missing, was said at plan.yml)."""
    found = _FILE_URL.search(text)
    if not found or plan.content is None:
        return None
    names = {found.group(1), unquote(found.group(1))}  # as the URL spells it, or as the file is named
    for path, lines in _own_print_files(plan, (".css", ".html")):
        number = next((n for n, line in enumerate(lines, 1) if any(name in line for name in names)), None)
        if number is not None:
            return Position(path, number, 1)
    return None


_QUOTED_AT = re.compile(r"`([^`]+)` at (\d+):(\d+)")  #: what WeasyPrint quotes of a stylesheet, and where
_FILE_URL = re.compile(r"file://[^\s'\"]*?/([^/\s'\"]+)(?=['\"\s]|$)")  #: the last segment of a file URL a message names
