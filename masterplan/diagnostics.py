"""One shape for every problem found in a plan: a position, a severity, a code, a message.

Every stage (loading, schema checks, cross-reference checks, rendering) reports through
:class:`Diagnostic`, printed like a compiler message, in the plan's language::

    content/agencies/dinkes.yml:14:7: kesalahan[E201]: program LIV-03: dimensi 'livng' tidak dikenal (maksud Anda 'living'?)

A message is written in English with named blanks (:class:`masterplan.messages.Message`);
the translation catalog (``templates/i18n/``) gives it in other languages, and
:class:`Speaker` says diagnostics in one when they are printed. The English text is what
is compared, sorted and tested.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from masterplan.many_alike import shown
from masterplan.messages import Message, listing, say

if TYPE_CHECKING:
    from masterplan.accepted_warnings import Acceptance
    from masterplan.i18n import Translator

__all__ = ["ANY_PROGRAM", "ENGLISH", "ContentError", "Diagnostic", "Message", "Position", "Report", "Severity",
           "Speaker", "did_you_mean", "error", "listing", "relative", "say", "warning"]


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


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Line and column, both from 1 and in characters as an editor counts them, of ``text[offset]``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@dataclass(frozen=True)
class Diagnostic:
    """A single problem with the plan's content."""

    position: Position
    severity: Severity
    code: str
    message: str
    hint: str | None = None
    #: the id the plan lacks that this diagnostic names (an unknown agency or program), so a
    #: report can say when many errors have one cause; not part of what the diagnostic is
    unknown: str | None = field(default=None, compare=False)
    #: the other files whose authors the problem concerns, beside its own (a partnership one side writes down:
    #: the other side's file), so a report by agency tells each of them (masterplan/agency_shares.py)
    concerns: tuple[str, ...] = field(default=(), compare=False)
    #: a warning the plan makes an error (plan.yml's errors_when_final, once the plan is final)
    raised: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return ENGLISH.line(self)

    def naming(self, unknown: str) -> Diagnostic:
        """This diagnostic, marked as one about the unknown id ``unknown``."""
        return replace(self, unknown=unknown)

    def concerning(self, *files: str) -> Diagnostic:
        """This diagnostic, marked as one the authors of ``files`` have to settle too."""
        return replace(self, concerns=files)

    def as_dict(self, speaker: Speaker | None = None) -> dict[str, object]:
        """The diagnostic as plain data, for ``--format json`` (message and hint in the speaker's language)."""
        speaker = speaker or ENGLISH
        return {
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": speaker.say(self.message),
            "hint": speaker.say(self.hint) if self.hint else self.hint,
        }


def error(position: Position, code: str, message: str, hint: str | None = None, /, **values: Any) -> Diagnostic:
    """An error diagnostic: ``message`` is a :class:`Message` template, filled in with ``values``."""
    return Diagnostic(position, Severity.ERROR, code, _said(message, values), _said(hint, {}))


def warning(position: Position, code: str, message: str, hint: str | None = None, /, **values: Any) -> Diagnostic:
    """A warning diagnostic: ``message`` is a :class:`Message` template, filled in with ``values``."""
    return Diagnostic(position, Severity.WARNING, code, _said(message, values), _said(hint, {}))


def _said(text: Any, values: dict[str, Any]) -> Any:
    if isinstance(text, Message) and values:
        raise TypeError("a Message has its values already: pass the template instead")
    if text is None or isinstance(text, Message):
        return text
    return Message(text, **values)


def did_you_mean(word: str, choices: Iterable[str]) -> Message | None:
    """A hint naming the closest known word (:func:`closest`), or None when nothing is close enough."""
    found = closest(word, choices)
    return Message("did you mean '{word}'?", word=found) if found else None


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known word ``word`` is most likely a typo of, or None when nothing is close enough to be one.

    A different case or two swapped letters ('APDB' for 'APBD') beat difflib's similarity,
    which must be 0.75 or more ('dispendukcapil' is not a typo of 'disperindag', 0.64); an
    id that differs in its number only is another thing, not a typo ('GOV-14' is not 'GOV-16',
    'SOC-20' is not 'SOC-02': after a rename, the likely one is a program that exists, not the one meant). A
    letter O, I or l typed for a digit is a typo of the code with the digit ('GOV-O1' is 'GOV-01').
    """
    word, known = str(word), [str(c) for c in choices]
    for same in (lambda c: c.lower() == word.lower(), lambda c: _read(c) == _read(word),
                 lambda c: sorted(c.lower()) == sorted(word.lower())):
        exact = [c for c in known if same(c) and not _numbered_apart(word, c)]
        if len(exact) == 1:
            return exact[0]
    close = [c for c in difflib.get_close_matches(word, known, n=3, cutoff=0.75)
             if not _numbered_apart(word, c) and not (_NUMBER.search(c) and _numbered_apart(_read(word), _read(c)))
             and not _named_apart(word, c)]
    return close[0] if close else None


def _named_apart(word: str, other: str) -> bool:
    """'kecamatan_panggungrejo' and 'kecamatan_gadingrejo': alike only in what they share, the words that differ
    (panggu, gadi) both three letters or more and not alike: two places, not a typo."""
    word, other = word.lower(), other.lower()
    start = len(os.path.commonprefix([word, other]))
    word, other = word[start:], other[start:]
    end = len(os.path.commonprefix([word[::-1], other[::-1]]))
    word, other = word[:len(word) - end], other[:len(other) - end]
    return min(len(word), len(other)) >= 3 and difflib.SequenceMatcher(None, word, other).ratio() < 0.5


#: letters typed for the digits they look like: 'GOV-O1' (the letter O) is GOV-01, not GOV-16
_LOOK_ALIKE = str.maketrans("oil", "011")


def _read(word: str) -> str:
    """``word`` in small letters with O, I and l read as the digits 0 and 1."""
    return word.lower().translate(_LOOK_ALIKE)


_NUMBER = re.compile(r"\d+")


def _numbered_apart(word: str, other: str) -> bool:
    """'GOV-14' and 'GOV-16': the same words around different numbers."""
    return (_NUMBER.sub("#", word).lower() == _NUMBER.sub("#", other).lower()
            and [int(n) for n in _NUMBER.findall(word)] != [int(n) for n in _NUMBER.findall(other)])


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
    #: the pillars' and agencies' files whose ids those are (as messages name them): their own content is not
    #: checked further until they can be read, so validate says so under its count of problems
    skipped: set[str] = field(default_factory=set)
    #: the codes of the warnings this plan makes errors (:meth:`raise_warnings`)
    raised: frozenset[str] = frozenset()
    #: plan.yml's accepted_warnings (:meth:`accept`), and the warnings they accept, kept apart from the items
    acceptances: tuple[Acceptance, ...] = ()
    accepted: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.extend((diagnostic,))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diagnostic in map(self._as_raised, diagnostics):
            (self.accepted if self.is_accepted(diagnostic) else self.items).append(diagnostic)

    def raise_warnings(self, codes: frozenset[str]) -> None:
        """Make the warnings of ``codes`` errors, those found already and those to come: a final plan's
        errors_when_final (plan.yml)."""
        self.raised = codes
        self._refile()

    def accept(self, acceptances: tuple[Acceptance, ...]) -> None:
        """Keep apart the warnings plan.yml's accepted_warnings accepts, those found already and those to come."""
        self.acceptances = acceptances
        self._refile()

    def _refile(self) -> None:
        every, self.items, self.accepted = [*self.items, *self.accepted], [], []
        self.extend(every)

    def is_accepted(self, diagnostic: Diagnostic) -> bool:
        """Whether plan.yml's accepted_warnings accepts ``diagnostic``, a warning."""
        return diagnostic.severity is Severity.WARNING and any(a.accepts(diagnostic) for a in self.acceptances)

    def _as_raised(self, diagnostic: Diagnostic) -> Diagnostic:
        if diagnostic.severity is Severity.WARNING and diagnostic.code in self.raised:
            return replace(diagnostic, severity=Severity.ERROR, raised=True)
        return diagnostic

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


class Speaker:
    """Says diagnostics in one language, through the translation catalog."""

    def __init__(self, translate: Translator):
        self.translate = translate

    @classmethod
    def of(cls, language: str, theme_dirs: tuple[Path, ...] = (), unknown: str = "en") -> Speaker:
        """A speaker of ``language`` (``ID``, ``id_ID`` and ``id-ID`` are ``id``), with the catalog of the default
        theme and ``theme_dirs`` laid over it; of ``unknown``, words and numbers alike, for a language it does not speak."""
        from masterplan.i18n import Translator, languages, load_catalog
        catalog = load_catalog(theme_dirs)
        language = language.strip().lower().replace("-", "_").split("_")[0]
        return cls(Translator(language if language in languages(catalog) else unknown, catalog))

    def say(self, text: Any) -> str:
        return str(say(text, self.translate))

    def line(self, diagnostic: Diagnostic) -> str:
        """``file:line:column: error[CODE]: message (hint)``, severity, message and hint in this language."""
        severity = self.translate.word(diagnostic.severity.value)
        text = f"{diagnostic.position}: {severity}[{diagnostic.code}]: {self.say(diagnostic.message)}"
        if diagnostic.hint:
            text += f" ({self.say(diagnostic.hint)})"
        return text

    def lines(self, diagnostics: Sequence[Diagnostic]) -> list[tuple[str, Severity]]:
        """Each diagnostic's line and its severity, but past the first fifty of one code in one file a line counting
        the rest (:mod:`masterplan.many_alike`): thousands of one warning buried the others."""
        return [(self.line(item) if isinstance(item, Diagnostic) else self.say(item.message), item.severity)
                for item in shown(diagnostics)]

    def text(self, diagnostics: Sequence[Diagnostic], left_out: Sequence[Diagnostic] = ()) -> str:
        """Compiler-style lines (:meth:`lines`) followed by a one-line summary, and one naming the ids that many of
        them name; the summary counts every diagnostic, and ``left_out`` too (validate --errors-only's warnings)."""
        return "\n".join([*(line for line, _ in self.lines(diagnostics)), *self.summary([*diagnostics, *left_out])])

    def summary(self, diagnostics: Sequence[Diagnostic]) -> list[str]:
        """The count of errors and warnings, and a line naming the ids that many of the diagnostics name."""
        cause, raised = common_cause(diagnostics), sorted({d.code for d in diagnostics if d.raised})
        because = None if not raised else Message(
            "{code} counts as an error: the plan is final, and plan.yml's errors_when_final names it" if len(raised) == 1
            else "{code} count as errors: the plan is final, and plan.yml's errors_when_final names them",
            code=listing(raised))
        return [self.say(counted(diagnostics)), *(self.say(line) for line in (because, cause) if line)]

    def json(self, diagnostics: Sequence[Diagnostic],
             more: Callable[[Diagnostic], dict[str, object]] | None = None) -> Iterator[str]:
        """The same diagnostics, every one of them, as a JSON list for editors and CI (severity and code stay English),
        in pieces to write one after the other: the text of 125,000 was 60 MB, and building it took 700 MB; ``more``
        gives each its further fields. The pieces make what ``json.dumps(..., indent=2)`` makes of the list."""
        if not diagnostics:
            yield "[]"
            return
        for index, diagnostic in enumerate(diagnostics):
            item = json.dumps({**diagnostic.as_dict(self), **(more(diagnostic) if more else {})}, ensure_ascii=False,
                              indent=2)
            yield ("[\n  " if index == 0 else ",\n  ") + item.replace("\n", "\n  ")
        yield "\n]"


def counted(diagnostics: Sequence[Diagnostic]) -> Message:
    """"1 error, 2 warnings": English says a count of one in the singular."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    return Message("{errors}, {warnings}",
                   errors=Message("1 error") if errors == 1 else Message("{count} errors", count=errors),
                   warnings=Message("1 warning") if warnings == 1 else Message("{count} warnings", count=warnings))


#: an unknown id named this often is one cause (a deleted file, a renamed id), worth saying once
COMMON_CAUSE = 3
COMMON_CAUSES_SHOWN = 5


def common_cause(diagnostics: Sequence[Diagnostic]) -> Message | None:
    """A line naming the unknown ids that many diagnostics name, the most named first (None when
    no id is named often): a deleted agency file gives tens of errors across the plan, each a symptom."""
    counts = Counter(d.unknown for d in diagnostics if d.unknown).most_common(COMMON_CAUSES_SHOWN)
    named = [Message("'{id}' {count} times", id=unknown, count=count) for unknown, count in counts
             if count >= COMMON_CAUSE]
    if not named:
        return None
    return Message("ids the plan does not have, named by many errors: {ids}; one cause (a file deleted or saved in "
                   "another folder, a renamed id) is likely behind them: their hints say where", ids=listing(named))


class _English:
    """The catalog's own language: every message as written, no catalog needed."""

    language = "en"

    @staticmethod
    def word(message: str) -> str:
        return message


ENGLISH = Speaker(_English())  # type: ignore[arg-type]


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
