"""Values read from YAML that remember where they were written.

A mapping or list read by :mod:`masterplan.yamlfile` knows the file, line and column of itself and
of each of its values, so that every check can point at the line to change.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeGuard

from masterplan.diagnostics import Position


class WrittenFloat(float):
    """A decimal number that Python would print otherwise than it was written (``1.10`` prints as 1.1):
    that number still, remembering how it was written, for a field that is text to its reader (a version)."""

    written: str


class DotGrouped(WrittenFloat):
    """A number written with thousands dots as Indonesians write it (``1.000``, ``2.500``), which
    YAML reads as a decimal number (1.0, 2.5): that number still, remembering how it was written,
    so a check can say what YAML made of it."""


class WrittenTime(datetime.datetime):
    """A date with a time of day (``2021-12-01T10:00:00``), which YAML reads as one value and Python prints as
    ``2021-12-01 10:00:00``: that value still, remembering how it was written, so a message quotes the file."""

    written: str

    @classmethod
    def as_written(cls, value: datetime.datetime, written: str) -> WrittenTime:
        made = cls.combine(value.date(), value.timetz())
        made.written = written
        return made

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        """Kept through a copy or a pickle (a datetime's own way of pickling drops what a subclass adds)."""
        return WrittenTime.as_written, (datetime.datetime.combine(self.date(), self.timetz()), self.written)


#: ``1.000``, ``12.500``: digits grouped by dots in threes, as a thousands mark (YAML 1.1 reads a float)
DOT_GROUPED = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")


def is_number(value: object) -> TypeGuard[float]:
    """Whether ``value`` is a number as written: not yes/no (which YAML reads as booleans, a kind of int), nor
    1.000 with a dot for thousands (:class:`DotGrouped`), whose value YAML may have made a thousand times too small
    (E307 and W312 say so); the checks compare, and the charts draw, only numbers."""
    return isinstance(value, (int, float)) and not isinstance(value, (bool, DotGrouped))


class LocatedMap(dict):
    """A dict that knows where it stands and where each key and value stands."""

    position: Position
    key_positions: dict[Any, Position]
    value_positions: dict[Any, Position]
    #: On a document read by :func:`parse`: True when every key in it, at any depth, is text or a
    #: four-digit year (schema validation takes a short cut then); None where not known.
    plain_keys: bool | None = None
    #: keys whose values are blocks of text (``key: |``): their position is the block's first line, so a
    #: line of the text is a line of the file
    literal_blocks: frozenset[Any] = frozenset()
    #: the keys of no value a comma cut off a number in ``{...}`` ({2024: 40,05}: the key 5, written "05"), as written
    written_keys: Mapping[Any, str] = MappingProxyType({})

    def at(self, key: Any) -> Position:
        """Position of the value under ``key``, or of the mapping when absent."""
        return self.value_positions.get(key, self.position)

    def key_at(self, key: Any) -> Position:
        """Position of ``key`` itself, or of the mapping when absent."""
        return self.key_positions.get(key, self.position)


class LocatedList(list):
    """A list that knows where it stands and where each item stands."""

    position: Position
    positions: list[Position]

    def at(self, index: int) -> Position:
        return self.positions[index] if 0 <= index < len(self.positions) else self.position


def as_written(value: Any) -> str:
    """A value as its file wrote it: ``version: 1.10`` is "1.10", though YAML reads the number 1.1; a key ``true:``
    or ``yes:`` "true", not Python's "True"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return value.written if isinstance(value, (WrittenFloat, WrittenTime)) else str(value)


def position_of(value: Any, default: Position) -> Position:
    """The position of a located container, else ``default``."""
    return getattr(value, "position", default)


def locate(root: Any, path: list[Any] | tuple[Any, ...], default: Position) -> Position:
    """Follow a path of keys and indexes into located data; return the deepest position found."""
    here, found = root, position_of(root, default)
    for step in path:
        if isinstance(here, LocatedMap) and step in here or isinstance(here, LocatedList) and isinstance(step, int) and step < len(here):
            found, here = here.at(step), here[step]
        else:
            break
    return found


def texts(value: Any) -> Iterator[tuple[Any, str, Position]]:
    """Every text of ``value`` (read by :mod:`masterplan.yamlfile`) in its mappings and lists, at any depth: the field
    it is under (a list's item: the list's field; None for the document's own list), the text and its position."""
    stack: list[tuple[Any, Any]] = [(None, value)]
    while stack:
        field, here = stack.pop()
        if isinstance(here, LocatedMap):
            pairs = [(key, item, here.at(key)) for key, item in here.items()]
        elif isinstance(here, LocatedList):
            pairs = [(field, item, here.at(index)) for index, item in enumerate(here)]
        else:
            continue
        for key, item, where in pairs:
            if isinstance(item, str):
                yield key, item, where
            else:
                stack.append((key, item))
