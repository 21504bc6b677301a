"""plan.yml's ``accepted_warnings``: warnings the planning agency has looked at and decided to keep.

A province consolidating its cities, or a city whose plan keeps a known gap on purpose, gets the
same warnings at every validate. Each entry names a warning's code, optionally the files it holds
for (a path as validate prints it, or relative to content/, with ``*`` wildcards) and, always, the
reason, which stays in plan.yml for the next reviewer. An accepted warning is no longer printed
(validate and build count them in one line) and does not fail ``--strict``. Errors are never
accepted, nor a warning a final plan's ``errors_when_final`` makes one.

An entry that accepts nothing any more (the agency fixed its file, or the code is mistyped) is told
by validate (W128), so that the list does not keep hiding warnings nobody reviews.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from masterplan.diagnostics import Diagnostic, Position, did_you_mean, warning
from masterplan.located import LocatedList, LocatedMap
from masterplan.messages import Message, listing
from masterplan.warning_codes import WARNING_CODES

#: the folder every file of the plan's content is in, as validate names them
CONTENT = "content/"
#: the code of an entry that accepts nothing any more, which no entry may accept: it would hide them all
UNUSED = "W128"
#: the warnings no entry accepts, each with why: W128 would hide every entry that accepts nothing, itself among them;
#: W113 and W122 tell an adopted plan that still calls itself the sample's illustration, on its cover or in a text
NEVER_ACCEPTED = {
    UNUSED: "accepted_warnings cannot accept {code}: it tells the entries that accept nothing any more",
    "W113": "accepted_warnings cannot accept {code}: an adopted plan may not call itself an illustration",
    "W122": "accepted_warnings cannot accept {code}: an adopted plan may not call itself an illustration",
}
#: the warnings only a build gives, which validate cannot tell gone: the PDF's layout (W603, W606), the site's files
#: (W701, W702) and its search index (W711, W712)
BUILD_ONLY = frozenset({"W603", "W606", "W701", "W702", "W711", "W712"})


@dataclass(frozen=True)
class Acceptance:
    """One entry of accepted_warnings: the warnings of ``code`` in the files ``file`` matches (every file when
    None), kept for ``reason``."""

    code: str
    file: str | None
    reason: str
    position: Position

    def accepts(self, diagnostic: Diagnostic) -> bool:
        """Whether this entry names the diagnostic's code and file (whatever its severity): a file of content/ as
        validate names it or from content/ on, another (a theme's, templates/…) as validate names it."""
        file = diagnostic.position.file
        return diagnostic.code == self.code and self.code not in NEVER_ACCEPTED and (
            self.file is None or fnmatchcase(file, self.file) or fnmatchcase(file, CONTENT + self.file))


def read(data: object) -> tuple[Acceptance, ...]:
    """The entries of plan.yml's accepted_warnings (none for what is no list; the schema's errors say what is wrong
    with an entry, which is left out)."""
    if not isinstance(data, LocatedList):
        return ()
    return tuple(Acceptance(entry["code"], _file(entry.get("file")), str(entry["reason"]).strip(), entry.at("code"))
                 for entry in data if isinstance(entry, LocatedMap) and isinstance(entry.get("code"), str)
                 and isinstance(entry.get("reason"), str) and isinstance(entry.get("file", ""), str))


def _file(pattern: str | None) -> str | None:
    """The files an entry names, written with forward slashes (``agencies\\dinkes.yml`` from Windows' Explorer)."""
    if pattern is None or not pattern.strip():
        return None
    return pattern.strip().replace("\\", "/").removeprefix("./")


def unused(acceptances: Sequence[Acceptance], diagnostics: Iterable[Diagnostic],
           raised: frozenset[str] = frozenset(), final: bool = False) -> Iterator[Diagnostic]:
    """W128 at each entry that accepts none of the plan's warnings: a code no warning has, or one the files it names
    no longer get (not told of a warning only a build gives, :data:`BUILD_ONLY`); at one accepting a warning never
    accepted (:data:`NEVER_ACCEPTED`: the sample's notice, only in a ``final`` plan, the one that gets it); and at
    one accepting a code of ``raised``, the warnings a final plan's errors_when_final makes errors."""
    diagnostics = list(diagnostics)
    for entry in acceptances:
        if entry.code == UNUSED or (entry.code in NEVER_ACCEPTED and final):
            yield warning(entry.position, UNUSED, NEVER_ACCEPTED[entry.code],
                          "delete the entry" if entry.code == UNUSED else "fix what it tells, then delete the entry",
                          code=entry.code)
            continue
        if entry.code in raised:
            yield warning(entry.position, UNUSED, "accepted_warnings cannot accept {code}: the plan is final, and "
                          "errors_when_final makes it an error", "fix what it tells, then delete the entry",
                          code=entry.code)
            continue
        if entry.code in BUILD_ONLY or any(entry.accepts(d) for d in diagnostics):
            continue
        if entry.code not in WARNING_CODES:
            yield warning(entry.position, "W128", "accepted_warnings names {code}, which is no warning masterplan gives",
                          did_you_mean(entry.code, WARNING_CODES) or "the code of a warning is in its line: "
                          "warning[W406]", code=entry.code)
        elif entry.file is None:
            yield warning(entry.position, "W128", "accepted_warnings accepts {code}, which the plan no longer gets",
                          "delete the entry, so that a new warning of this kind is seen", code=entry.code)
        else:
            yield warning(entry.position, "W128", "accepted_warnings accepts {code} in {file}, which no longer gets it",
                          "delete the entry, so that a new warning of this kind is seen", code=entry.code,
                          file=entry.file)


def counted(accepted: Sequence[Diagnostic]) -> Message | None:
    """The line validate and build print in place of the warnings accepted_warnings accepts, by code; None for none."""
    if not accepted:
        return None
    codes: dict[str, int] = {}
    for diagnostic in accepted:
        codes[diagnostic.code] = codes.get(diagnostic.code, 0) + 1
    by_code = listing([Message("{code} ×{count}", code=code, count=count) for code, count in sorted(codes.items())])
    return Message("1 warning accepted in plan.yml (accepted_warnings) is not shown: {codes}" if len(accepted) == 1
                   else "{count} warnings accepted in plan.yml (accepted_warnings) are not shown: {codes}",
                   count=len(accepted), codes=by_code)
