"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two duplicate
keys. Here a file is *composed* into nodes (libyaml when available) and turned into
plain Python values by hand, so that every mapping and list carries the position of
each of its values, duplicate keys are reported, and alias bombs are cut short.

What agencies paste from Word is named where it stands: a line indented with a look-alike
space (E014, :mod:`masterplan.look_alike_spaces`), and a text YAML cut short at " #1", the rest read as a comment (W015, a
warning: the file is still read). libyaml's syntax errors get a hint about the line.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan import look_alike_spaces
from masterplan.diagnostics import Diagnostic, Message, Position, error, warning

try:  # libyaml is ~10x faster; positions are the same with either parser
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Limits that keep a hostile or broken file from hanging or crashing the loader. The
#: largest real agency file is a few hundred kilobytes with a few thousand values.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  #: values in one document, counting every expansion of an alias
MAX_DEPTH = 64  #: nesting of lists and mappings (libyaml's composer recurses in C: deeper crashes)


class DotGrouped(float):
    """A number written with thousands dots as Indonesians write it (``1.000``, ``2.500``), which
    YAML reads as a decimal number (1.0, 2.5): that number still, remembering how it was written,
    so a check can say what YAML made of it."""

    written: str


#: ``1.000``, ``12.500``: digits grouped by dots in threes, as a thousands mark (YAML 1.1 reads a float)
_DOT_GROUPED = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")


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


_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}
_STR = "tag:yaml.org,2002:str"
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_CONSTRUCTORS = {f"tag:yaml.org,2002:{name}": SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
                        for name in ("int", "float", "bool", "null", "timestamp")}
#: Tags whose values may be shared between documents: equal text, equal value (not floats: NaN != NaN).
_SHAREABLE = {f"tag:yaml.org,2002:{name}" for name in ("int", "bool", "null")}
_MEMO_SIZE = 50_000  #: values remembered per memo before it starts afresh (the preview runs for hours)
_MEMO_WORD = 40  #: longer plain values are not remembered (descriptions would be kept in memory)
_new_position = tuple.__new__  # Position(...) without the named tuple's Python-level __new__: one frame less


class _Composer(_Loader):  # type: ignore[misc, valid-type]
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
            raise _Unusual

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
        return (Message("'{written}' is read as {value}: YAML reads a number written with ':' as minutes and "
                        "seconds (base 60)", written=written, value=value),
                Message("write it as one number (30 for 30 minutes), or in quotes to keep it as text: "
                        "'{written}'", written=written))
    decimal = int(digits, 10) * (-1 if written.startswith("-") else 1) if digits.isdigit() else None
    if decimal == value:
        return None  # 01, 07: the same number as it looks
    return (Message("'{written}' is read as {value}: YAML reads a number that starts with 0 as octal",
                    written=written, value=value),
            Message("write it without the leading 0 ({plain}), or in quotes if it is a code or a phone number: "
                    "'{written}'", plain=decimal if decimal is not None else written, written=written))


class _Unusual(Exception):
    """The document is too deep, too big or broken: read it again the careful way for the exact message."""


class _Builder:
    """Turns composed YAML nodes into located Python values."""

    shared: ClassVar[dict[tuple[str, str], Any]] = {}  #: (tag, text) -> value, for the tags in _SHAREABLE

    def __init__(self, file: str, line_offset: int = 0):
        self.file = file
        self.first_line = 1 + line_offset
        self.scalars = SafeConstructor()
        self.visited = 0
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
            raise _TooBig(self.pos(node), self.aliased)
        if node.tag == _STR and node.__class__ is ScalarNode:  # most values: plain text
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
        if node.tag == _FLOAT and _DOT_GROUPED.fullmatch(node.value):
            value = DotGrouped(value)
            value.written = node.value
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
        result.key_positions = key_positions = {}
        result.value_positions = value_positions = {}
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
                self.problems.append(error(where, "E007", "a key must be a plain word"))
                continue
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
                self.problems.append(error(
                    where, "E002", "duplicate key '{key}' (first at line {line})",
                    "YAML would silently keep only the last one; merge them or delete one",
                    key=key, line=key_positions[key].line,
                ))
                continue
            if key.__class__ is not str and (key.__class__ is not int or not 1000 <= key <= 9999):
                self.plain_keys = False
            elif key.__class__ is str and not key.isascii() and look_alike_spaces.SPACES.match(key):
                self.problems.append(error(where, "E014", "this line is indented with a space YAML does not take "
                                           "for one ({character}), so '{field}' is not read as a field",
                                           look_alike_spaces.HINT, character=look_alike_spaces.code_point(ord(key[0])), field=key.strip()))
                continue
            result[key] = build(value_node)
            key_positions[key] = where
            value_mark = value_node.start_mark
            if value_node.__class__ is ScalarNode and value_node.style == "|":  # a block of text: its first line
                value_positions[key] = _new_position(Position, (file, value_mark.line + first_line + 1, where.column + 2))
                result.literal_blocks = result.literal_blocks | {key}
            else:
                value_positions[key] = _new_position(Position, (file, value_mark.line + first_line, value_mark.column + 1))
        return result


class _TooBig(Exception):
    def __init__(self, position: Position, aliased: bool = False):
        self.position = position
        self.aliased = aliased


class _TooDeep(Exception):
    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


def _scan(text: str) -> None:
    """Walk the YAML events once (libyaml's parser does not recurse) to refuse, before
    composing, a document nested too deeply or holding too many values.
    Raises YAML's own syntax errors, or _TooDeep / _TooBig."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=_Loader), start=1):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep(event.start_mark.line + 1, event.start_mark.column + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if count > MAX_NODES:
            raise _TooBig(Position("", event.start_mark.line + 1, event.start_mark.column + 1))


def _line_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 (a BOM is accepted), anything else reported with its line."""
    if len(data) > MAX_FILE_BYTES:
        return None, [error(Position(file, 1, 1), "E004", "file is {size} MB; the limit is {limit} MB",
                            "split it into smaller files", size=len(data) // 1024 // 1024,
                            limit=MAX_FILE_BYTES // 1024 // 1024)]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, [error(Position(file, 1, 1), "E003", "file is UTF-16, not UTF-8",
                            "save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_of_offset(data, exc.start)
        return None, [error(Position(file, line, column), "E003", "file is not UTF-8 (byte 0x{byte})",
                            "save the file as UTF-8 in your editor", byte=f"{data[exc.start]:02x}")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []  # old Mac files: CR alone


def _too_deep(file: str, line: int, column: int) -> Diagnostic:
    return error(Position(file, line, column), "E005", "lists and mappings are nested more than {depth} levels deep",
                 "a plan file needs only a few levels; check the brackets and indentation", depth=MAX_DEPTH)


def parse(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML text into located values; problems come back as diagnostics, never raised.

    A document is composed once, guarded by :class:`_Composer`; anything out of the ordinary
    (a syntax error, a limit reached) is read again by :func:`_parse_carefully`, whose
    diagnostics are the reference: the quick way answers only where both agree.
    """
    try:
        node, nodes = _compose(text)
        builder = _Builder(file, line_offset)
        value = None if node is None else builder.build(node)
    except Exception:  # noqa: BLE001 - whatever it is, the careful way says it (or raises it) exactly
        return _parse_carefully(text, file, line_offset)
    # the careful way counts events: two per list or mapping, one per value and alias (an alias starts with '*')
    if 4 + 2 * nodes + text.count("*") > MAX_NODES:
        return _parse_carefully(text, file, line_offset)
    if " #" in text or "\t#" in text:
        builder.problems += _cut_at_hash(text, value, file, line_offset)
    if any(quote in text for quote in _CURLY_OPENING):
        builder.problems += _curly_quoted(text, value, line_offset)
    return _located(value, builder, file, line_offset)


#: ``field: plain text #more``: YAML ends the text at " #" (the rest is a comment). A comment meant as one
#: is written "# like this", with a space; "#1" or "#SmartCity" was meant as text.
_HASH_WORD = re.compile(r"[ \t]#[^\s#]")
_FIELD_LINE = re.compile(r"[ \t]*(?:- )?([\w.-]+):[ \t]+([^'\"\s|>&*!{\[#][^#]*)")


def _cut_at_hash(text: str, value: Any, file: str, line_offset: int) -> list[Diagnostic]:
    """Warnings for plain texts that YAML cut short at " #", each at its field."""
    cut: dict[tuple[int, str], tuple[str, str]] = {}
    line, counted = 1 + line_offset, 0
    for hash_at in _HASH_WORD.finditer(text):
        start = text.rfind("\n", 0, hash_at.start()) + 1
        if start < counted:
            continue  # a second '#' on a line already looked at
        line += text.count("\n", counted, start)
        counted = start
        end = text.find("\n", hash_at.start())
        field = _FIELD_LINE.fullmatch(text, start, hash_at.start())
        if field:
            cut[line, field.group(1)] = field.group(2).strip(), text[hash_at.start() + 1:len(text) if end < 0 else end]
    found = []
    stack = [value]
    while stack and cut:  # only fields read as the text before the '#' (not lines inside a block of text)
        here = stack.pop()
        if isinstance(here, LocatedMap):
            for key, item in here.items():
                where = here.key_at(key)
                kept = cut.pop((where.line, key), None)
                if kept is not None and item == kept[0]:
                    comment = kept[1].rstrip()
                    whole = f"{kept[0]} {comment}"
                    quoted = f'"{whole}"' if '"' not in whole else f"'{whole}'" if "'" not in whole else None
                    hint = Message("put the whole text in quotes: {field}: {text}", field=key, text=quoted) if quoted \
                        else Message("put the whole text in quotes")
                    found.append(warning(where, "W015", "the text of '{field}' ends at ' #': YAML reads "
                                         "'{comment}' as a comment and leaves it out", hint,
                                         field=key, comment=comment))
            stack.extend(here.values())
        elif isinstance(here, list):
            stack.extend(here)
    return found


#: how a text pasted from a word processor opens and closes its quotes: “…”, ‘…’, „…“
_CURLY_OPENING = "\u201c\u2018\u201e"
_CURLY_CLOSING = "\u201d\u2019\u201c"


#: a plain (unquoted) value that begins with a curly quote: after "key: ", "- ", alone on its line, or in
#: brackets after "[", "{" or "," (and a key)
_PLAIN_CURLY = re.compile(r"""(?:^[ \t]*(?:-[ \t]+)*|[\[{,][ \t]*)(?:[^\s#'"\[\]{},-][^:#\n\[\]{},]*:[ \t]+)?"""
                          r"[\u201c\u2018\u201e]", re.MULTILINE)


def _curly_quoted(text: str, value: Any, line_offset: int) -> list[Diagnostic]:
    """Warnings for plain texts wrapped whole in curly quotes (pasted from a word processor): YAML takes them
    for letters, so the book prints them and an id or a number with them is no id or number. Quotes meant to be
    printed are written inside straight ones ('“Kota Cerdas”'), and are not warned of."""
    starts = set()
    for match in _PLAIN_CURLY.finditer(text):
        quote = match.end() - 1
        starts.add((text.count("\n", 0, quote) + 1 + line_offset, quote - text.rfind("\n", 0, quote)))
    found = []
    stack = [value]
    while stack and starts:
        here = stack.pop()
        if isinstance(here, (LocatedMap, LocatedList)):
            items = here.items() if isinstance(here, LocatedMap) else enumerate(here)
            for key, item in items:
                if isinstance(item, str) and len(item) > 1 and item[-1] in _CURLY_CLOSING:
                    where = here.at(key)
                    if (where.line, where.column) in starts:
                        found.append(warning(where, "W016", "the text {text} is wrapped in curly quotes: they are not "
                                             "YAML quotes, so they are part of the text and are printed",
                                             Message("write it without them; quotes meant to be printed go "
                                                     "inside straight ones: '{text}'", text=item), text=item))
                elif isinstance(item, (LocatedMap, LocatedList)):
                    stack.append(item)
    found.sort(key=lambda d: (d.position.line, d.position.column))
    return found


def _compose(text: str) -> tuple[Node | None, int]:
    """The document's node tree (None when empty) and how many nodes libyaml composed."""
    composer = _Composer(text)
    try:
        return composer.get_single_node(), composer.nodes
    finally:
        composer.dispose()


def _located(value: Any, builder: _Builder, file: str, line_offset: int) -> tuple[Any, list[Diagnostic]]:
    if value is None and not builder.problems:  # empty, or 'null' or '~' alone: as good as empty
        return None, [error(Position(file, 1 + line_offset, 1), "E006", "file is empty" if builder.visited == 0
                            else "file holds no values (only null)")]
    if isinstance(value, LocatedMap):
        value.plain_keys = builder.plain_keys
    return value, builder.problems


def _parse_carefully(text: str, file: str, line_offset: int) -> tuple[Any, list[Diagnostic]]:
    """Scan the events first (libyaml's parser does not recurse), then compose and build."""
    try:
        _scan(text)
        node = yaml.compose(text, Loader=_Loader)
    except _TooDeep as deep:
        return None, [_too_deep(file, deep.line + line_offset, deep.column)]
    except _TooBig as big:
        return None, [_too_big(Position(file, big.position.line + line_offset, big.position.column), False)]
    except yaml.reader.ReaderError as exc:
        line, column = _line_of_index(text, exc.position)
        if isinstance(exc.character, int):
            unreadable = Message("control character {character} is not allowed in YAML",
                                 character=look_alike_spaces.code_point(exc.character))
        else:
            unreadable = Message("YAML cannot read this file: {detail}", detail=exc.reason)
        return None, [error(Position(file, line + line_offset, column), "E001", unreadable,
                            "remove it; it often comes with text pasted from a PDF or a word processor")]
    except yaml.MarkedYAMLError as exc:
        syntax = _syntax_error(exc, text, file, line_offset)
        odd = look_alike_spaces.indentation(text, file, line_offset) if not text.isascii() else None
        # the look-alike space is the cause when it indents the line the parser stopped at, or the one before
        cause = odd is not None and syntax.position.line - 1 <= odd.position.line <= syntax.position.line
        return None, [odd if cause else syntax]
    except yaml.YAMLError as exc:
        return None, [error(Position(file, 1 + line_offset, 1), "E001", "YAML syntax error: {problem}",
                            problem=str(exc))]
    builder = _Builder(file, line_offset)
    try:
        value = None if node is None else builder.build(node)
    except _TooBig as big:
        return None, [_too_big(big.position, big.aliased)]
    except RecursionError:
        return None, [error(Position(file, 1 + line_offset, 1), "E005", "document is nested too deeply")]
    return _located(value, builder, file, line_offset)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Diagnostic:
    """A syntax error, pointed at the line where the writer should look."""
    mark = exc.problem_mark or exc.context_mark
    problem: str = exc.problem or exc.context or Message("invalid YAML")  # PyYAML's words: a value
    if "nesting depth" in problem:  # libyaml ≥ 0.2.6 has a depth limit of its own
        return _too_deep(file, (mark.line + 1 if mark else 1) + line_offset, mark.column + 1 if mark else 1)
    hint: Message | None = None
    if exc.context_mark and exc.context and "end of stream" in problem:
        # a quote or bracket left open: the end of the file is the wrong place to look
        what = exc.context.replace("while scanning ", "").replace("while parsing ", "")
        what = Message("a quoted text") if what == "a quoted scalar" else what.replace("scalar", "text")
        mark, problem = exc.context_mark, Message("{what} never ends", what=what)
        hint = Message("close the quote or bracket opened here")
    elif (exc.context_mark and exc.context and re.search(r"flow (sequence|mapping)", exc.context)
          and exc.context_mark.line != getattr(mark, "line", None)):
        hint = Message("is the list opened at line {line} closed?" if "sequence" in exc.context
                       else "is the mapping opened at line {line} closed?",
                       line=exc.context_mark.line + 1 + line_offset)
    elif exc.context_mark and exc.context == "while scanning a simple key" and "expected ':'" in problem:
        # libyaml notices the missing colon where the next line starts; the writer looks at the key's line
        mark = exc.context_mark
        hint = Message("a field's name is followed by a colon and a space, e.g. name: Pendahuluan")
    line = (mark.line + 1 if mark else 1) + line_offset
    column = mark.column + 1 if mark else 1
    lines = text.split("\n")
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    hint = _quote_hint(problem, bad_line, mark.column if mark else 0) or _layout_hint(problem, bad_line) or hint
    colonless = _colonless_line_above(lines, mark.line) if mark and "mapping values are not allowed" in problem else None
    if colonless is not None:  # "city Kota Pasuruan" above "title: …": the two lines read as one key
        line, column = colonless + 1 + line_offset, len(lines[colonless]) - len(lines[colonless].lstrip()) + 1
        hint = Message("a field's name is followed by a colon and a space, e.g. name: Pendahuluan")
    if "\t" in bad_line:
        hint = Message("YAML indents with spaces, never with tabs")
    if mark and not text[mark.index:].strip() and text.strip():
        # the text ended mid-value: the last written line is where to look
        last = len(text.rstrip().split("\n"))
        return error(Position(file, last + line_offset, 1), "E001",
                     "YAML syntax error: {problem} before the end of the text", hint, problem=_words_of_yaml(problem))
    return error(Position(file, line, column), "E001", "YAML syntax error: {problem}", hint,
                 problem=_words_of_yaml(problem))


def _colonless_line_above(lines: list[str], at: int) -> int | None:
    """The line above line ``at`` (counted from 0) when it is a field that lost its colon: a plain
    line indented like line ``at``, with no ':' in it, that does not continue the text of a field
    above it. YAML reads the two lines as one key and complains at the colon of the second."""
    def written_above(line: int) -> int | None:
        return next((i for i in range(line - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
                    None)

    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" -"))

    above = written_above(at)
    if above is None or at >= len(lines):
        return None
    text = lines[above].strip()
    plain = ":" not in text and not text.startswith(("'", '"', "[", "{", "|", ">", "&", "*", "!"))
    if not plain or indent(lines[above]) != indent(lines[at]):
        return None
    before = written_above(above)  # "summary: Kegiatan ini …" over indented lines: they continue its text
    continued = before is not None and indent(lines[before]) < indent(lines[above]) and not lines[before].rstrip().endswith(":")
    return None if continued else above


def _words_of_yaml(problem: str) -> str:
    """PyYAML's complaint as a message the catalog may translate (its text is the key; braces are its own)."""
    return problem if isinstance(problem, Message) else Message(problem.replace("{", "{{").replace("}", "}}"))


def _layout_hint(problem: str, line: str) -> Message | None:
    """What a writer most likely did, for libyaml's terse complaints about a line."""
    value = line.split(": ", 1)[1].strip() if ": " in line else ""
    if "mapping values are not allowed" in problem:
        if "\u201c" in value or "\u201d" in value:
            return Message('curly quotes \u201c \u201d are not YAML quotes: put the text in straight quotes, "..."')
        before = line.split(": ", 1)[0].strip(" -")
        if ": " in value or value.endswith(":") or " " in before:  # "dengan tiga cara: ..." is text, not a field
            return Message('text with ": " in it goes in quotes, e.g. title: "Pendahuluan: Latar Belakang"')
        return Message("this line is indented deeper than the line above allows: line it up with the fields above")
    if "did not find expected key" in problem and value[:1] in ("'", '"') and value.rstrip()[-1:] != value[:1]:
        return Message("a text that starts with a quote must end with it: put the whole text in quotes, "
                       "or start without one")
    if "expected '-' indicator" in problem or "did not find expected key" in problem:
        return Message("check this line's indentation: it must line up with the fields above it")
    return None


def _quote_hint(problem: str, line: str, column: int) -> Message | None:
    """A value that starts with a character YAML reads as syntax (``*Prioritas*``, ``> 90%``, ``%``,
    ``@Dinkes``, ``[Usulan Baru] Layanan``): put it in quotes, shown with the line's own field."""
    item = line.lstrip()
    key, _, value = ("-", "", item[2:]) if item.startswith("- ") and ": " not in item else line.partition(": ")
    value = value.strip()
    if not value:
        return None
    start = value[0]
    if start in ">|" and len(value) > 1 and value[1:].strip()[:1] not in "+-0123456789":  # "description: | Teks"
        return Message("the text after {character} goes on the lines below it, indented: {key}: {character} then "
                       "the text on the next line", character=start, key=key.strip())
    if not ("cannot start any token" in problem and line[column:column + 1] == start
            or "alphabetic or numeric character" in problem and start in "*&"
            or "comment or line break" in problem and start in ">|"
            or "did not find expected key" in problem and start in "[{" and value[-1] not in "]}"):
        return None
    shown = value if len(value) <= 40 else value[:32] + "…"
    quoted = f'"{shown}"' if '"' not in shown else "'" + shown.replace("'", "''") + "'"  # YAML doubles a ' in '…'
    example = f"- {quoted}" if key == "-" else f"{key.strip()}: {quoted}"
    return Message("a value that starts with {character} is read as YAML, not as text: put it in quotes, e.g. {example}",
                   character=start, example=example)


def _too_big(position: Position, aliased: bool) -> Diagnostic:
    if aliased:
        return error(position, "E005", "document expands to more than {count:,} values (an alias bomb?)",
                     "do not use YAML anchors and aliases (&name, *name) to repeat content", count=MAX_NODES)
    return error(position, "E005", "document holds more than {count:,} values", "split it into smaller files",
                 count=MAX_NODES)


def _line_of_index(text: str, index: int) -> tuple[int, int]:
    # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
    before = text.encode("utf-8")[:index].decode("utf-8", "ignore") if _Loader.__name__ == "CSafeLoader" \
        else text[:index]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1  # in characters, as a reader counts


def read(path: Path, file: str) -> tuple[Any, list[Diagnostic]]:
    """Read and parse one YAML file; ``file`` is the name used in messages."""
    data, problems = file_bytes(path, file)
    return (None, problems) if data is None else from_bytes(data, file)


def file_bytes(path: Path, file: str) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of one file, or None and why it cannot be read."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [error(Position(file), "E009", "cannot read file: {reason}", reason=exc.strerror)]


def from_bytes(data: bytes, file: str) -> tuple[Any, list[Diagnostic]]:
    """Parse the bytes of one YAML file; ``file`` is the name used in messages."""
    text, problems = decode(data, file)
    if text is None:
        return None, problems
    return parse(text, file)
