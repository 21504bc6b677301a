"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two duplicate
keys. Here a file is decoded (UTF-8 or a clear error), *composed* into nodes (libyaml when
available) and turned into located values by :mod:`masterplan.yaml_nodes`, so that every
mapping and list carries the position of each of its values, duplicate keys are reported,
and alias bombs are cut short. Anything out of the ordinary is read again the careful way,
whose messages are exact: syntax errors with a hint about the line (:mod:`masterplan.yaml_syntax`),
a line indented with a look-alike space (E014, :mod:`masterplan.look_alike_spaces`). What agencies
paste from Word is warned of where it stands (:mod:`masterplan.pasted_text`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from masterplan import look_alike_spaces, other_comments
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    error,
    line_and_column,
    warning,
)
from masterplan.located import LocatedMap
from masterplan.pasted_text import CURLY_OPENING, curly_quoted, cut_at_hash
from masterplan.yaml_nodes import (
    MAX_CHARACTERS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    Builder,
    Composer,
    Loader,
    TooBig,
    TooDeep,
    TooLong,
)
from masterplan.yaml_syntax import syntax_error, too_deep


def _scan(text: str) -> None:
    """Walk the YAML events once (libyaml's parser does not recurse) to refuse, before
    composing, a document nested too deeply or holding too many values.
    Raises YAML's own syntax errors, or TooDeep / TooBig."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=Loader), start=1):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeep(event.start_mark.line + 1, event.start_mark.column + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if count > MAX_NODES:
            raise TooBig(Position("", event.start_mark.line + 1, event.start_mark.column + 1))


def _line_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _utf16_without_mark(data: bytes) -> bool:
    """Whether ``data`` reads as UTF-16 saved without its byte-order mark: a zero byte beside each of the first
    letters (``i\\0d\\0:\\0``), which no UTF-8 text of a plan has."""
    head = data[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head) and (not any(head[0::2]) or not any(head[1::2]))


def too_large(file: str, size: int, limit: int) -> Diagnostic:
    """E004 at ``file``'s head: its ``size`` in bytes, said in MB to a tenth, and the ``limit``'s; a file just over
    2 MB is "2.1 MB", never the limit's own "2.0 MB"."""
    said = max(round(size / 2**20, 1), limit // 2**20 + 0.1)
    return error(Position(file, 1, 1), "E004", "file is {size:.1f} MB; the limit is {limit} MB",
                 "split it into smaller files", size=said, limit=limit // 2**20)


#: how a Word or Excel document (a ZIP: .docx, .xlsx; or the older .doc, .xls) and a PDF begin
_DOCUMENTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-")


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 (a BOM is accepted), anything else reported with its line."""
    if len(data) > MAX_FILE_BYTES:
        return None, [too_large(file, len(data), MAX_FILE_BYTES)]
    if data.startswith(_DOCUMENTS):  # a .docx or .xlsx (a ZIP), an old .doc or .xls, or a PDF, given a text's name
        return None, [error(Position(file, 1, 1), "E003", "this file is not plain text: it is a Word or Excel "
                            "document, another ZIP file, or a PDF", "save it again as plain text (in Word: Save As › "
                            "Plain Text, Encoding: UTF-8), or copy its text into a text editor and save that")]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16_without_mark(data):
        return None, [error(Position(file, 1, 1), "E003", "file is UTF-16, not UTF-8",
                            "save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_of_offset(data, exc.start)
        byte = data[exc.start:exc.start + 1]
        character = byte.decode("cp1252", "replace")  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are no character there
        hint = "save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)"
        if character == "\ufffd":
            return None, [error(Position(file, line, column), "E003", "file is not UTF-8 (byte 0x{byte})", hint,
                                byte=f"{byte[0]:02x}")]
        return None, [error(Position(file, line, column), "E003", "file is not UTF-8 (byte 0x{byte}: '{character}' "
                            "in Windows' encoding)", hint, byte=f"{byte[0]:02x}", character=character)]
    if (ended := text.rstrip()).endswith("\x1a"):  # DOS's end-of-file mark (Ctrl+Z), which old editors still write
        text = ended.rstrip("\x1a") + "\n"
    return text.replace("\r\n", "\n").replace("\r", "\n"), []  # old Mac files: CR alone


#: what YAML reads as a line break and an editor does not: Unicode's line and paragraph separators and NEL (U+0085,
#: what Windows' "…" becomes misread as Latin-1), pasted from Word or a PDF
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")


def parse(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML text into located values; problems come back as diagnostics, never raised. A line separator YAML
    would read as a line break, shifting every line it tells after it by one from what an editor shows, is read as a
    space and told (W023, once a line)."""
    pasted: list[Diagnostic] = []
    if not text.isascii() and _LINE_SEPARATORS.search(text):
        said: set[int] = set()
        for found in _LINE_SEPARATORS.finditer(text):
            line, column = line_and_column(text, found.start())
            if line not in said:
                said.add(line)
                pasted.append(warning(Position(file, line + line_offset, column), "W023", "a line separator "
                                      "({character}) YAML would read as a line break: read as a space",
                                      "it comes with text pasted from Word or a PDF: replace it with a space",
                                      character=look_alike_spaces.code_point(ord(found.group()))))
        text = _LINE_SEPARATORS.sub(" ", text)
    value, problems = _parse(text, file, line_offset)
    return value, [*pasted, *problems]


def _parse(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Diagnostic]]:
    """:func:`parse`, the text's line separators made spaces.

    A document is composed once, guarded by :class:`Composer`; anything out of the ordinary
    (a syntax error, a limit reached) is read again by :func:`_parse_carefully`, whose
    diagnostics are the reference: the quick way answers only where both agree.
    """
    try:
        node, nodes = _compose(text)
        builder = Builder(file, line_offset)
        value = None if node is None else builder.build(node)
    except Exception:  # noqa: BLE001 - whatever it is, the careful way says it (or raises it) exactly
        return _parse_carefully(text, file, line_offset)
    # the careful way counts events: two per list or mapping, one per value and alias (an alias starts with '*')
    if 4 + 2 * nodes + text.count("*") > MAX_NODES:
        return _parse_carefully(text, file, line_offset)
    if " #" in text or "\t#" in text:
        builder.problems += cut_at_hash(text, value, file, line_offset)
    if "/" in text:
        builder.problems += other_comments.kept_in_text(text, value, line_offset)
    if any(quote in text for quote in CURLY_OPENING):
        builder.problems += curly_quoted(text, value, line_offset)
    return _located(value, builder, file, line_offset)


def _compose(text: str) -> tuple[Node | None, int]:
    """The document's node tree (None when empty) and how many nodes libyaml composed."""
    composer = Composer(text)
    try:
        return composer.get_single_node(), composer.nodes
    finally:
        composer.dispose()


def _located(value: Any, builder: Builder, file: str, line_offset: int) -> tuple[Any, list[Diagnostic]]:
    if value is None and not builder.problems:  # empty, or 'null' or '~' alone: as good as empty
        return None, [error(Position(file, 1 + line_offset, 1), "E006", "file is empty" if builder.visited == 0
                            else "file holds nothing to read (only ---, null or ~)",
                            "write the plan's fields (city, title, period, …): the sample's content/plan.yml shows "
                            "each" if file == "content/plan.yml" else "write its content, or move the file out of "
                            "content/ if it is not part of the plan")]
    if isinstance(value, LocatedMap):
        value.plain_keys = builder.plain_keys
    return value, builder.problems


def _parse_carefully(text: str, file: str, line_offset: int) -> tuple[Any, list[Diagnostic]]:
    """Scan the events first (libyaml's parser does not recurse), then compose and build."""
    try:
        _scan(text)
        node = yaml.compose(text, Loader=Loader)
    except TooDeep as deep:
        return None, [too_deep(file, deep.line + line_offset, deep.column)]
    except TooBig as big:
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
        syntax = syntax_error(exc, text, file, line_offset)
        odd = None if text.isascii() else look_alike_spaces.indentation(text, file, line_offset, syntax.position.line)
        return None, [odd or syntax]
    except yaml.YAMLError as exc:
        return None, [error(Position(file, 1 + line_offset, 1), "E001", "YAML syntax error: {problem}",
                            problem=str(exc))]
    builder = Builder(file, line_offset)
    try:
        value = None if node is None else builder.build(node)
    except TooBig as big:
        return None, [_too_big(big.position, big.aliased)]
    except TooLong as long:
        return None, [error(long.position, "E005", "with what its aliases (*name) repeat, the file's text passes "
                            "{limit:,} characters here, more than a file may hold",
                            "write a long text once, where it belongs: aliases (&name, *name) may repeat short "
                            "values only", limit=MAX_CHARACTERS)]
    except RecursionError:
        return None, [error(Position(file, 1 + line_offset, 1), "E005", "document is nested too deeply")]
    return _located(value, builder, file, line_offset)


def _too_big(position: Position, aliased: bool) -> Diagnostic:
    if aliased:
        return error(position, "E005", "document expands to more than {count:,} values (an alias bomb?)",
                     "do not use YAML anchors and aliases (&name, *name) to repeat content", count=MAX_NODES)
    return error(position, "E005", "document holds more than {count:,} values", "split it into smaller files",
                 count=MAX_NODES)


def _line_of_index(text: str, index: int) -> tuple[int, int]:
    # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
    before = text.encode("utf-8")[:index].decode("utf-8", "ignore") if Loader.__name__ == "CSafeLoader" \
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
