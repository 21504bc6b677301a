"""Narrative chapters: front matter, Markdown body, and the sandboxed Jinja that fills in numbers.

A chapter's prose may read the plan (``{{ plan.programs | length }} program``) so figures
stay true after every revision. Chapter text comes from many hands, so it runs in
Jinja's immutable sandbox, with a time limit and an output limit, and every failure
becomes a diagnostic at the chapter's file and line.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterator

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from masterplan import validation, yamlfile
from masterplan.diagnostics import Diagnostic, Position, error
from masterplan.model import Chapter, Text

FILE_NAME = re.compile(r"^(\d+)-([a-z0-9][a-z0-9_-]*)\.md$")
MAX_OUTPUT_CHARS = 2_000_000
MAX_SECONDS = 5.0
MAX_RANGE = 10_000


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, line where the body starts) of a chapter file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1:]), number + 2
    return None, text, 1


def read(path: Path, file: str, language: str) -> tuple[Chapter | None, list[Diagnostic]]:
    """One chapter file into a Chapter, or the diagnostics that prevent it."""
    match = FILE_NAME.match(path.name)
    if not match:
        return None, [error(Position(file), "E501", "chapter file name should look like NN-slug.md",
                            "e.g. 03-visi-misi.md: a number for the order, then lowercase words")]
    try:
        data_bytes = path.read_bytes()
    except OSError as exc:
        return None, [error(Position(file), "E009", f"cannot read file: {exc.strerror}")]
    text, problems = yamlfile.decode(data_bytes, file)
    if text is None:
        return None, problems
    front, body, body_line = split_front_matter(text)
    if front is None:
        return None, [error(Position(file, 1, 1), "E502", "chapter has no front matter",
                            "start the file with '---', a line 'title: ...', and '---'")]
    data, problems = yamlfile.parse(front, file, line_offset=1)
    if data is None:
        return None, problems
    problems += list(validation.check("chapter", data, Position(file, 2, 1)))
    if problems:
        return None, problems
    chapter = Chapter(
        id=data.get("id", match.group(2)), title=Text.of(data["title"], language),
        order=data.get("order", int(match.group(1))), part=data.get("part", "body"),
        generated=data.get("generated"), body=body, position=Position(file, 1, 1), body_line=body_line,
    )
    return chapter, []


def read_folder(folder: Path, name: Callable[[Path], str], language: str) -> tuple[list[Chapter], list[Diagnostic]]:
    """Every chapter of ``content/chapters/`` in order; a missing folder is simply no chapters."""
    if not folder.is_dir():
        return [], []
    found: list[Chapter] = []
    problems: list[Diagnostic] = []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".md" or not path.is_file():
            continue
        chapter, trouble = read(path, name(path), language)
        problems += trouble
        if chapter:
            found.append(chapter)
    return sorted(found, key=lambda c: (c.order, c.id)), problems


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja for untrusted chapter text: no Python internals, no mutation, bounded ranges."""

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
        self.globals = {"range": _bounded_range}


def _bounded_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_RANGE:
        raise SecurityError(f"range() of {len(span):,} items is over the limit of {MAX_RANGE:,}")
    return span


_SANDBOX = _Sandbox()


class _TimeUp(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway template; only possible in the main thread (signals), else unbounded by time."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TimeUp()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _template_line(tb: TracebackType | None, chapter: Chapter) -> int:
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == chapter.position.file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def expand(chapter: Chapter, context: dict[str, Any]) -> tuple[str | None, list[Diagnostic]]:
    """The chapter's Markdown with its Jinja expressions filled in, or the reason it failed."""
    file = chapter.position.file

    def at(line: int) -> Position:
        return Position(file, chapter.body_line + max(line, 1) - 1, 1)

    try:
        template = _SANDBOX.from_string(chapter.body)
        template.filename = file
    except jinja2.TemplateSyntaxError as exc:
        return None, [error(at(exc.lineno), "E503", f"template error in chapter: {exc.message}")]
    pieces: list[str] = []
    size = 0
    try:
        with _time_limit(MAX_SECONDS):
            for piece in template.generate(**context):
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    return None, [error(at(1), "E505", f"chapter text grows past {MAX_OUTPUT_CHARS:,} characters",
                                        "a Jinja loop in this chapter produces too much text")]
                pieces.append(piece)
    except _TimeUp:
        return None, [error(at(1), "E505", f"chapter takes longer than {MAX_SECONDS:g} s to fill in",
                            "a Jinja loop in this chapter runs too long")]
    except jinja2.UndefinedError as exc:
        return None, [error(at(_template_line(exc.__traceback__, chapter)), "E504",
                            f"chapter refers to something that does not exist: {exc.message}",
                            "see the README for what chapters can read: plan.programs, plan.agencies, ...")]
    except SecurityError as exc:
        return None, [error(at(_template_line(exc.__traceback__, chapter)), "E506",
                            f"chapter template is not allowed to do this: {exc}")]
    except Exception as exc:  # any other failure of untrusted template code is the content's fault
        return None, [error(at(_template_line(exc.__traceback__, chapter)), "E503",
                            f"template error in chapter: {type(exc).__name__}: {exc}")]
    return "".join(pieces), []


def context(plan: Any) -> dict[str, Any]:
    """What chapter text can read: the plan model (read-only, in the sandbox)."""
    return {"plan": plan}
