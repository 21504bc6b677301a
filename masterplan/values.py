"""The small values the plan's parts are written with: a text in one or more languages, a word of the tool's
vocabulary, a span of whole years, an indicator's figure, the order program codes sort in, and a name as names are
compared."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from masterplan.located import DotGrouped

if TYPE_CHECKING:
    from masterplan.diagnostics import Position

Value = int | float | str  #: an indicator's figure as its file writes it


def code_order(code: str) -> tuple[tuple[str | int, ...], str]:
    """A sort key for codes: their numbers compared as numbers ("GOV-29" before "GOV-289"); codes whose
    numbers are equal ("GOV-01", "GOV-1") keep one order, by the code as written."""
    parts = re.split(r"(\d+)", code)  # text, number, text, …: every odd part is a number, in every code
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts)), code


@dataclass(frozen=True)
class Text:
    """Human-readable text in one or more languages; ``str()`` gives the default language."""

    values: Mapping[str, str]
    default: str = "id"
    #: where a language's version is written when not at the text's own place, by language: a translation the
    #: translator's catalog gave (its row), where a problem in it is told; None: every version at the text's place
    written_at: Mapping[str, Position] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, raw: Any, default: str = "id", written_in: str | None = None) -> Text:
        """A text as a plan's file gives it: a mapping of language code to text, or a plain one, which is
        taken to be written in ``written_in`` (the plan's ``written_in``; by default its language)."""
        if isinstance(raw, Text):
            return raw
        if isinstance(raw, Mapping):
            return cls({str(k): str(v) for k, v in raw.items()}, default)
        return cls({written_in or default: "" if raw is None else str(raw)}, default)

    def versions(self) -> Iterator[tuple[str, Position | None]]:
        """Each version once (two languages alike are one), with where it is written when not at the text's own
        place (a catalog's row), else None: what a check of the text reads, and where it tells a problem."""
        seen: set[str] = set()
        for language, value in self.values.items():
            if value not in seen:
                seen.add(value)
                yield value, (self.written_at or {}).get(language)

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to the default language, then any."""
        return self.shown(language)[0]

    def shown(self, language: str) -> tuple[str, str]:
        """What :meth:`get` gives for ``language``, and the language it is written in: another one where the
        text has no translation into ``language`` (an Indonesian name in the English edition)."""
        for written in (language, self.default):
            if written in self.values:
                return self.values[written], written
        first = next(iter(self.values.items()), None)
        return (first[1], first[0]) if first else ("", language)

    def __str__(self) -> str:
        return self.get(self.default)

    def __bool__(self) -> bool:
        return any(self.values.values())


def whole(value: Any) -> Any:
    """A number the schema calls whole as a whole number: ``800000000.0`` (a spreadsheet's export), which JSON Schema
    takes for an integer, as ``800000000``; anything else as it is. Without it a year ``2023.0`` stopped the build
    (a range of floats), and an amount printed ``400000000.0`` in the open data, which it declares whole. A number
    written with dots for thousands, ``750.000`` (750.0 to YAML), stays what YAML read, for E306 to tell."""
    return int(value) if isinstance(value, float) and value.is_integer() and not isinstance(value, DotGrouped) \
        else value


class Term(str):
    """A word of the tool's own vocabulary that a plan's file is written with, a program's status (``ongoing``) or the
    plan's (``draft``): equal to that word, compared and used as it, but printed by a chapter in the words of the
    language the chapter is written in ("berjalan"), as the book and the site print it
    (:func:`masterplan.chapter_values.printed`)."""

    __slots__ = ()

    @classmethod
    def read(cls, value: Any) -> Any:
        """``value`` as a term when it is a word; else as it is (a value the schema refuses, told there)."""
        return cls(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Period:
    """A span of whole years, both ends included."""

    start: int
    end: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", whole(self.start))
        object.__setattr__(self, "end", whole(self.end))

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        """``2022–2026``; one year alone as ``2023``."""
        return f"{self.start}–{self.end}" if self.end != self.start else str(self.start)


def folded(text: object) -> str:
    """A name (or a unit) as compared: in small letters, its spaces made one (Dishub, DISHUB and 'dishub ')."""
    return " ".join(str(text).split()).casefold()


def listed_before(items: Sequence[Hashable]) -> list[bool]:
    """For each of ``items``, whether an earlier one is the same (a list's second "dinkes"), found in one pass: a
    slice of the list before each item took minutes for a pasted list of 50,000."""
    seen: set[Hashable] = set()
    again = []
    for item in items:
        again.append(item in seen)
        seen.add(item)
    return again
