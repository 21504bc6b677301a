"""Many diagnostics of one code in one file: the first :data:`SHOWN_OF_A_KIND` said, the rest counted in one line.

A file of thousands of programs naming fifty partners each, none of which lists them under ``supports``, made
validate print 135,000 W406 lines (44 MB, 500 MB of memory): the other agencies' few useful messages were buried,
and the preview sent every line with every page. The terminal (validate, build, serve) and the preview's pages say
the first of each kind in each file, then "…and 2,345 more W406 in content/agencies/x.yml"; the report itself
keeps them all, so exit codes, ``--strict``, the count under the lines, plan.yml's ``accepted_warnings`` and
``--format json`` (every diagnostic, for tools) are as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from masterplan.messages import Message

if TYPE_CHECKING:
    from masterplan.diagnostics import Diagnostic, Severity

#: how many diagnostics of one code one file shows; a real plan's file has a few of each (the sample, half its
#: agencies' supports deleted, some fifteen W406 across twelve files)
SHOWN_OF_A_KIND = 50


@dataclass(frozen=True)
class LeftOut:
    """The diagnostics of one code in one file past those shown: their count, said in one line."""

    file: str
    code: str
    severity: Severity
    count: int

    @property
    def message(self) -> Message:
        return Message("…and {count:,} more {code} in {file} (masterplan validate --format json lists them all)",
                       count=self.count, code=self.code, file=self.file)


def shown(diagnostics: Sequence[Diagnostic], most: int = SHOWN_OF_A_KIND) -> list[Diagnostic | LeftOut]:
    """``diagnostics`` (sorted, a file's together) with those past the ``most`` first of one code in one file left
    out, each file's counts of them after its last line shown."""
    return list(_shown(diagnostics, most))


def _shown(diagnostics: Sequence[Diagnostic], most: int) -> Iterator[Diagnostic | LeftOut]:
    seen: Counter[str] = Counter()  # the diagnostics of each code in the file, so far
    left: dict[str, Severity] = {}  # the codes of the file that have more than shown, in the order first met
    file = None
    for diagnostic in diagnostics:
        if diagnostic.position.file != file:
            if file is not None:
                yield from _counted(file, left, seen, most)
            file = diagnostic.position.file
            seen.clear()
            left.clear()
        seen[diagnostic.code] += 1
        if seen[diagnostic.code] <= most:
            yield diagnostic
        else:
            left.setdefault(diagnostic.code, diagnostic.severity)
    if file is not None:
        yield from _counted(file, left, seen, most)


def _counted(file: str, left: dict[str, Severity], seen: Counter[str], most: int) -> Iterator[LeftOut]:
    """A line for each code of ``file`` that ``left`` holds."""
    return (LeftOut(file, code, severity, seen[code] - most) for code, severity in left.items())
