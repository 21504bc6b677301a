"""Composed YAML nodes turned into located Python values, safely.

libyaml composes a file into nodes; :class:`Builder` turns them into plain values by hand (only
YAML's plain tags, no objects), so that every mapping and list carries the position of each of its
values (:mod:`masterplan.located`), duplicate keys are reported, a number YAML would read otherwise
than it looks (``010``, ``30:00``) is named, and an alias bomb is cut short.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any, ClassVar

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan import look_alike_spaces
from masterplan.diagnostics import Diagnostic, Message, Position, error
from masterplan.located import (
    DOT_GROUPED,
    DotGrouped,
    LocatedList,
    LocatedMap,
    WrittenFloat,
    WrittenTime,
    as_written,
)

try:  # libyaml is ~10x faster; positions are the same with either parser
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

#: Limits that keep a hostile or broken file from hanging or crashing the loader. The
#: largest real agency file is a few hundred kilobytes with a few thousand values.
MAX_NODES = 200_000  #: values in one document, counting every expansion of an alias
MAX_FILE_BYTES = 2 * 1024 * 1024  #: the largest real agency file is a few hundred kilobytes
#: characters of text in one document, counting every expansion of an alias: no more than a file may hold
#: without aliases (a 110 KB file of aliases repeating one long text took `build --no-pdf` 22 s and 1.25 GB)
MAX_CHARACTERS = MAX_FILE_BYTES
MAX_DEPTH = 64  #: nesting of lists and mappings (libyaml's composer recurses in C: deeper crashes)


_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}
_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_CONSTRUCTORS = {f"tag:yaml.org,2002:{name}": SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
                        for name in ("int", "float", "bool", "null", "timestamp")}
#: Tags whose values may be shared between documents: equal text, equal value (not floats: NaN != NaN).
_SHAREABLE = {f"tag:yaml.org,2002:{name}" for name in ("int", "bool", "null")}
_MEMO_SIZE = 50_000  #: values remembered per memo before it starts afresh (the preview runs for hours)
_MEMO_WORD = 40  #: longer plain values are not remembered (descriptions would be kept in memory)
_new_position = tuple.__new__  # Position(...) without the named tuple's Python-level __new__: one frame less


class Composer(Loader):  # type: ignore[misc, valid-type]
    """libyaml's composer with two of its Python hooks put to work.

    ``descend_resolver`` runs before each node that is not an alias is composed: it stops a
    document nested deeper than MAX_DEPTH (before libyaml's C recursion can overflow) or
    holding more than MAX_NODES nodes. ``resolve`` runs for each node: the tag of a plain
    word is remembered, so the regular expressions run once per distinct word.
    """

    resolved: ClassVar[dict[str, str]] = {}  #: plain word -> its tag, shared by every document

    def __init__(self, text: str):
        super().__init__(text)
        self.depth = self.nodes = 0

    def descend_resolver(self, parent: Node | None, index: Any) -> None:
        self.depth += 1
        self.nodes += 1
        if self.depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise Unusual

    def ascend_resolver(self) -> None:
        self.depth -= 1

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0] or value[:1] not in self.yaml_implicit_resolvers:
            return _STR  # quoted, or a word no implicit resolver looks at (no wildcard resolvers in YAML 1.1)
        if len(value) > _MEMO_WORD:  # long text: resolving once is cheap enough, remembering it is not
            return super().resolve(kind, value, implicit)
        tag = self.resolved.get(value)
        if tag is None:
            if len(self.resolved) > _MEMO_SIZE:
                self.resolved.clear()
            tag = self.resolved[value] = super().resolve(kind, value, implicit)
        return tag


def _read_otherwise(node: ScalarNode) -> tuple[Message, Message] | None:
    """What YAML 1.1 makes of a number written as a time (``30:00``, base 60: 1800) or with a leading zero
    that changes it (``010``, octal: 8; ``07`` is 7 either way), and how to write it instead; None for any other."""
    written = node.value
    digits = written.lstrip("+-").replace("_", "")
    if node.tag not in (_INT, _FLOAT) or not (":" in digits or (node.tag == _INT and digits[1:2].isdigit())):
        return None
    value = _SCALAR_CONSTRUCTORS[node.tag](SafeConstructor(), node)
    if ":" in digits:
        year = re.fullmatch(r"(\d{4}):(\d+)", written)  # {2023:40}: a year and its target, the space forgotten
        return (Message("'{written}' is read as {value}: YAML reads a number written with ':' as minutes and "
                        "seconds (base 60)", written=written, value=value),
                Message("write a space after the colon: {name}: {value}", name=year.group(1), value=year.group(2))
                if year else Message("write it as one number (30 for 30 minutes), or in quotes to keep it as text: "
                                     "'{written}'", written=written))
    decimal = int(digits, 10) * (-1 if written.startswith("-") else 1) if digits.isdigit() else None
    if decimal == value:
        return None  # 01, 07: the same number as it looks
    return (Message("'{written}' is read as {value}: YAML reads a number that starts with 0 as octal",
                    written=written, value=value),
            Message("write it without the leading 0 ({plain}), or in quotes if it is a code or a phone number: "
                    "'{written}'", plain=decimal if decimal is not None else written, written=written))


class Unusual(Exception):
    """The document is too deep, too big or broken: read it again the careful way for the exact message."""


class Builder:
    """Turns composed YAML nodes into located Python values."""

    shared: ClassVar[dict[tuple[str, str], Any]] = {}  #: (tag, text) -> value, for the tags in _SHAREABLE

    def __init__(self, file: str, line_offset: int = 0):
        self.file = file
        self.first_line = 1 + line_offset
        self.scalars = SafeConstructor()
        self.visited = 0
        self.characters = 0  #: of the text values built so far, each expansion of an alias again
        self.aliased = False
        self.plain_keys = True  #: every key so far text or a four-digit year
        self.built: set[int] = set()
        self.items: set[int] = set()  #: the mappings that are items of a list (ids of their nodes)
        self.problems: list[Diagnostic] = []

    def pos(self, node: Node) -> Position:
        mark = node.start_mark
        return _new_position(Position, (self.file, mark.line + self.first_line, mark.column + 1))

    def build(self, node: Node) -> Any:
        # every value built is counted, each expansion of an alias again: an alias bomb stops here
        self.visited += 1
        if self.visited > MAX_NODES:
            raise TooBig(self.pos(node), self.aliased)
        if node.tag == _STR and node.__class__ is ScalarNode:  # most values: plain text
            self.characters += len(node.value)
            if self.characters > MAX_CHARACTERS:  # only aliases repeating text make a file's text longer than it
                raise TooLong(self.pos(node))
            return node.value
        if node.__class__ is not ScalarNode:
            if id(node) in self.built:
                self.aliased = True
            self.built.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(error(self.pos(node), "E008", "YAML tag '{tag}' is not allowed",
                                       "write plain values without '!' tags", tag=node.tag))
            return None
        if node.__class__ is MappingNode:
            return self.mapping(node)
        if node.__class__ is SequenceNode:
            return self.sequence(node)
        return self.scalar(node)

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        if ":" in node.value or node.value.lstrip("+-")[:1] == "0":  # 30:00, 010: numbers other than they look
            otherwise = _read_otherwise(node)
            if otherwise is not None:
                self.problems.append(error(self.pos(node), "E017", *otherwise))
                return None
        shareable = node.tag in _SHAREABLE
        if shareable and (node.tag, node.value) in self.shared:
            return self.shared[node.tag, node.value]
        constructor = _SCALAR_CONSTRUCTORS.get(node.tag)
        if constructor is None:
            self.problems.append(error(self.pos(node), "E008", "a plain value cannot carry a list or mapping tag"))
            return None
        try:
            value = constructor(self.scalars, node)
        except (ConstructorError, ValueError, TypeError) as exc:
            if node.tag == _TIMESTAMP and isinstance(exc, ValueError):  # 2021-13-01: a date that is none, kept as
                return node.value  # written, for the plan's date field to explain beside every other problem
            message = getattr(exc, "problem", None) or str(exc)
            self.problems.append(error(self.pos(node), "E008", "value cannot be read: {detail}", detail=message))
            return None
        except (KeyError, AttributeError):  # PyYAML's constructors of !!bool and !!timestamp look words up
            self.problems.append(error(self.pos(node), "E008", "'{value}' cannot be read as {tag}",
                                       value=node.value, tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
            return None
        if node.tag == _FLOAT and not math.isfinite(value):  # .nan, .inf: no amount, target or year
            self.problems.append(error(self.pos(node), "E008", "'{value}' is not a number a plan can use",
                                       "write the number itself, e.g. 12.5", value=node.value))
            return None
        if node.tag == _FLOAT:  # 1.000 (thousands dots?), 1.10 (a version?): the number, remembering how it was written
            kind = DotGrouped if DOT_GROUPED.fullmatch(node.value) else WrittenFloat if repr(value) != node.value else None
            if kind is not None:
                value = kind(value)
                value.written = node.value
        if isinstance(value, datetime.datetime):  # 2021-12-01T10:00:00: the day and time, as written
            value = WrittenTime.as_written(value, node.value)
        if shareable:
            if len(self.shared) > _MEMO_SIZE:
                self.shared.clear()
            self.shared[node.tag, node.value] = value
        return value

    def sequence(self, node: SequenceNode) -> LocatedList:
        items = LocatedList()
        items.position = self.pos(node)
        items.positions = positions = []
        build, pos = self.build, self.pos
        for child in node.value:
            if child.__class__ is MappingNode:
                self.items.add(id(child))
            items.append(build(child))
            positions.append(pos(child))
        return items

    def mapping(self, node: MappingNode) -> LocatedMap:
        result = LocatedMap()
        result.position = self.pos(node)
        key_positions: dict[Any, Position] = {}
        value_positions: dict[Any, Position] = {}
        result.key_positions, result.value_positions = key_positions, value_positions
        build, file, first_line = self.build, self.file, self.first_line
        restarted = False  #: the item's first field came again: the rest belongs to an item that lost its '- '
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            where = _new_position(Position, (file, key_mark.line + first_line, key_mark.column + 1))
            if key_node.tag == _MERGE:
                self.problems.append(error(where, "E007", "merge keys ('<<') are not supported",
                                           "write the fields out in full"))
                continue
            key = build(key_node) if key_node.__class__ is ScalarNode else None  # a scalar: never a list or dict
            if key is None:
                if key_node.__class__ is not ScalarNode or _read_otherwise(key_node) is None:  # else said (E017)
                    self.problems.append(error(where, "E007", "a key must be a plain word"))
                continue
            # a piece a comma cut off a number in a flow mapping ({2024: 10,5}: the "5" a key of no value)
            cut_off = (node.flow_style and key.__class__ is int and value_node.__class__ is ScalarNode
                       and value_node.tag == _NULL)
            if key in result:
                if restarted:
                    continue  # a field of the item that lost its '- ': said once, at its first field
                first = next(iter(result))
                if key == first and id(node) in self.items:  # '- id: A' … 'id: B': a second item without its '- '
                    restarted = True
                    self.problems.append(error(
                        where, "E002", "'{key}' again (first at line {line}): a new item of the list without its '- '?",
                        Message("start it with '- ' as the item above: '- {key}:' at column {column}", key=key,
                                column=max(key_positions[key].column - 2, 1)),
                        key=key, line=key_positions[key].line))
                    continue
                if cut_off and result[key] is None:  # {2024: 10,5, 2025: 12,5}: a decimal's second "5"
                    continue  # told where its comma cut the number (E106, E103), not as a field written twice
                self.problems.append(error(
                    where, "E002", "duplicate key '{key}' (first at line {line})",
                    "YAML reads true, yes and on as one key, and 1 too: merge them or delete one"
                    if bool in (key.__class__, next(k for k in key_positions if k == key).__class__)
                    else "YAML would silently keep only the last one; merge them or delete one",
                    key=as_written(key), line=key_positions[key].line,
                ))
                continue
            if key.__class__ is not str and (key.__class__ is not int or not 1000 <= key <= 9999):
                self.plain_keys = False
            elif key.__class__ is str and not key.isascii() and look_alike_spaces.SPACES.match(key):
                self.problems.append(error(where, "E014", "this line is indented with a space YAML does not take "
                                           "for one ({character}), so '{field}' is not read as a field",
                                           look_alike_spaces.HINT, character=look_alike_spaces.code_point(ord(key[0])), field=key.strip()))
                continue
            if cut_off:  # as written, "05" not 5
                result.written_keys = {**result.written_keys, key: key_node.value}
            result[key] = build(value_node)
            key_positions[key] = where
            value_mark = value_node.start_mark
            if value_node.__class__ is ScalarNode and value_node.style == "|":  # a block of text: its first line
                value_positions[key] = _new_position(Position, (file, value_mark.line + first_line + 1, where.column + 2))
                result.literal_blocks = result.literal_blocks | {key}
            else:
                value_positions[key] = _new_position(Position, (file, value_mark.line + first_line, value_mark.column + 1))
        return result


class TooBig(Exception):
    """More values than MAX_NODES, where the count passed it; ``aliased`` when aliases repeat content."""

    def __init__(self, position: Position, aliased: bool = False):
        self.position = position
        self.aliased = aliased


class TooLong(Exception):
    """More characters of text than MAX_CHARACTERS, once aliases are filled in: at the value that passed it."""

    def __init__(self, position: Position):
        self.position = position


class TooDeep(Exception):
    """Nested deeper than MAX_DEPTH, at the line and column where it went too deep."""

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column
