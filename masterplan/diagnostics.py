"""One shape for every problem found in a plan: a position, a severity, a code, a message.

Every stage (loading, schema checks, cross-reference checks, rendering) reports through
:class:`Diagnostic`, printed like a compiler message::

    content/agencies/dinkes.yml:14:7: error[E201]: program LIV-03: unknown pillar 'livng' (did you mean 'living'?)
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import NamedTuple


class Severity(str, Enum):
    """How bad a diagnostic is: errors fail a build, warnings fail only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class Position(NamedTuple):
    """A place in a content file: path relative to the plan folder, 1-based line and column.

    A named tuple rather than a dataclass: a large plan has hundreds of thousands of them.
    """

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    """A single problem with the plan's content."""

    position: Position
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.position}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict[str, object]:
        """The diagnostic as plain data, for ``--format json``."""
        return {
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def error(position: Position, code: str, message: str, hint: str | None = None) -> Diagnostic:
    """An error diagnostic."""
    return Diagnostic(position, Severity.ERROR, code, message, hint)


def warning(position: Position, code: str, message: str, hint: str | None = None) -> Diagnostic:
    """A warning diagnostic."""
    return Diagnostic(position, Severity.WARNING, code, message, hint)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known word, or None when nothing is close.

    A different case or two swapped letters ('APDB' for 'APBD') beat difflib's similarity."""
    word, known = str(word), [str(c) for c in choices]
    for same in (lambda c: c.lower() == word.lower(), lambda c: sorted(c.lower()) == sorted(word.lower())):
        exact = [c for c in known if same(c)]
        if len(exact) == 1:
            return f"did you mean '{exact[0]}'?"
    matches = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None


#: In :attr:`Report.unreadable`: some agency file could not be read, its programs are unknown.
ANY_PROGRAM = "*program"


@dataclass
class Report:
    """All diagnostics collected for one plan, in a stable order."""

    items: list[Diagnostic] = field(default_factory=list)
    #: ids of pillars, agencies and programs in files that could not be read: references to
    #: them are not reported again as unknown (the file's own error says what to fix);
    #: ANY_PROGRAM in it means an agency file failed, so any program id may be one of its own
    unreadable: set[str] = field(default_factory=set)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        unique = list(dict.fromkeys(self.items))
        return sorted(unique, key=lambda d: (d.position, d.code, d.message))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        """True when the build must stop: any error, or any warning when strict."""
        return bool(self.errors) or (strict and bool(self.warnings))


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """Compiler-style lines followed by a one-line summary."""
    lines = [str(d) for d in diagnostics]
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    """The same diagnostics as a JSON list, for editors and CI."""
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2)


class ContentError(Exception):
    """Raised to stop a stage when content problems make going on meaningless."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = list(diagnostics)


def relative(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the plan folder when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
