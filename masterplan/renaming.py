"""``masterplan rename``: an agency's id or a program's code changed everywhere the plan names it.

A new nomenclature renames an agency (Diskominfo becoming Diskominfotik), a program gets a
code in its pillar's series (ENV-03 becoming ENV-3). By hand that is its file, its ``id``,
every ``partners``, ``supports`` and ``depends_on`` naming it, plan.yml's
``leading_sector``, each ``[[GOV-13]]`` and ``[[agency:dlh]]`` in the texts and each
``plan.program('GOV-13')`` in a chapter: 18 errors in 14 files for one agency. Here the
plan's own text is edited at those places only (comments, quoting and layout kept), the old
id is added to ``former_ids`` so the published site keeps its old page leading to the new
one, and every file changed is first copied into a backup folder beside ``content/``.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan.diagnostics import Message, did_you_mean
from masterplan.folder_reader import CONTENT
from masterplan.model import ASSETS
from masterplan.project import backup_name
from masterplan.renamed_references import renamed
from masterplan.schema_defs import MAX_PAGE_ID, PROGRAM_ID, SLUG
from masterplan.yaml_syntax import syntax_error

#: The fields naming an agency, or a program, by its id (besides its own ``id``).
REFERENCES = {"agency": ("partners", "leading_sector"), "program": ("supports", "depends_on")}


class CannotRename(Exception):
    """Why the rename was not made (nothing was changed): a message to print."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class _Edit:
    """``text`` in place of the characters ``start`` to ``end`` of a file; ``naming``: a place naming the id (not
    ``former_ids`` keeping the old one)."""

    start: int
    end: int
    text: str
    naming: bool = True


@dataclass
class Renaming:
    """What renaming ``old`` to ``new`` changes: each file's new text and how many places in it; the agency's
    file, renamed with its id, as ``moved`` (old path, new path)."""

    kind: str
    old: str
    new: str
    texts: dict[Path, str] = field(default_factory=dict)
    places: dict[Path, int] = field(default_factory=dict)
    moved: tuple[Path, Path] | None = None

    def written_to(self, path: Path) -> Path:
        """Where the new text of ``path`` goes: the agency's file under its new name, any other where it was."""
        return self.moved[1] if self.moved and path == self.moved[0] else path


def planned(root: Path, old: str, new: str) -> Renaming:
    """The renaming of ``old`` (an agency's id or a program's code) to ``new`` in the plan at ``root``, not yet
    written; CannotRename when ``old`` is neither, ``new`` is no free id of its kind, or a file cannot be read."""
    content = root / CONTENT
    documents = {path: _read(path, root) for path in _files(content)}
    trees = {path: _composed(path, text, root) for path, text in documents.items() if path.suffix.lower() in (".yml", ".yaml")}
    agencies = {agency_id: path for path, tree in trees.items()
                if path.parent.name == "agencies" and (agency_id := _top(tree, "id")) is not None}
    programs = {node.value: mapping for tree in trees.values() for mapping, node in _programs(tree)}
    if old in agencies:
        kind, taken = "agency", set(agencies) | _former(trees.values(), agencies=True)
    elif old in programs:
        kind, taken = "program", set(programs) | _former(trees.values(), agencies=False)
    else:
        raise CannotRename(Message("'{old}' is neither an agency's id nor a program's code in this plan{hint}", old=old,
                                   hint=_hint(did_you_mean(old, [*agencies, *programs]))))
    _check_new(kind, old, new, taken, _former_of(trees[agencies[old]] if kind == "agency" else programs[old]),
               content)
    renaming = Renaming(kind, old, new)
    for path, text in documents.items():
        tree = trees.get(path)
        edits = [*_text_edits(kind, old, new, text, tree, markdown=path.suffix.lower() == ".md")]
        if tree is not None:
            edits += _yaml_edits(kind, old, new, tree, text, own=path == agencies.get(old))
        edits = list({(edit.start, edit.end): edit for edit in edits}.values())  # an anchor's node, met at each alias
        if edits:
            renaming.texts[path] = _applied(text, edits)
            renaming.places[path] = sum(edit.naming for edit in edits)
            if tree is not None:
                _still_reads(path, renaming.texts[path], root)
    if kind == "agency":
        moved = agencies[old].with_name(f"{new}{agencies[old].suffix}")
        if moved.exists():  # dlhk.yaml beside the dlh.yaml renamed: never written over
            raise CannotRename(Message("{file} already exists", file=moved.relative_to(root).as_posix()))
        renaming.moved = (agencies[old], moved)
    return renaming


def _still_reads(path: Path, text: str, root: Path) -> None:
    """CannotRename, nothing written, when the file as it would be written is no YAML: a way of writing this
    command does not know how to edit (the file's own text is as it was)."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise CannotRename(Message("{file} is written in a way this command cannot edit safely: rename it by hand "
                                   "there (masterplan validate tells every place)",
                                   file=path.relative_to(root).as_posix())) from None


def carried_out(renaming: Renaming, root: Path) -> Path:
    """Write ``renaming``: every file it changes is copied first into a new backup folder beside ``content/``
    (their paths kept), which is returned; each file is then replaced whole, never left half written."""
    content = root / CONTENT
    backup = backup_name(content)
    for path in renaming.texts:
        kept = backup / path.relative_to(content)
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, kept)
    for path, text in renaming.texts.items():
        target = renaming.written_to(path)
        temporary = target.with_name(f".{target.name}.renaming")
        temporary.write_bytes(text.encode("utf-8"))
        os.replace(temporary, target)
        if target != path:
            path.unlink()
    return backup


def _files(content: Path) -> Iterator[Path]:
    """The plan's YAML and Markdown files, its assets (published as they are) apart."""
    for path in sorted(content.rglob("*")):
        if path.suffix.lower() in (".yml", ".yaml", ".md") and path.is_file() \
                and ASSETS not in path.relative_to(content).parts:  # DISHUB.YML as validate and build read it
            yield path


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise CannotRename(Message("{file} is not saved as UTF-8: save it as UTF-8 first (masterplan validate tells "
                                   "what it is)", file=path.relative_to(root).as_posix())) from None


def _composed(path: Path, text: str, root: Path) -> Node | None:
    """The file's node tree (positions as characters of ``text``), or CannotRename for one YAML cannot read."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        file = path.relative_to(root).as_posix()
        # the line validate names (a quote left open: where it opens, not the end of the file past its last line)
        at = str(syntax_error(exc, text, file, 0).position) if isinstance(exc, yaml.MarkedYAMLError) else file
        raise CannotRename(Message("{file} cannot be read as YAML: mend it first (masterplan validate says how)",
                                   file=at)) from None


def _pairs(node: Node | None) -> list[tuple[str, Node, Node]]:
    """A mapping's (key, key node, value node), its keys as written; nothing for any other node."""
    if not isinstance(node, MappingNode):
        return []
    return [(key.value, key, value) for key, value in node.value if isinstance(key, ScalarNode)]


def _top(tree: Node | None, name: str) -> str | None:
    return next((_value(value) for key, _, value in _pairs(tree) if key == name), None)


def _value(node: Node) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _programs(tree: Node | None) -> Iterator[tuple[MappingNode, ScalarNode]]:
    """Each program of an agency's file: its mapping and its ``id``'s value."""
    for key, _, value in _pairs(tree):
        if key == "programs" and isinstance(value, SequenceNode):
            for item in value.value:
                node = next((v for k, _, v in _pairs(item) if k == "id" and isinstance(v, ScalarNode)), None)
                if isinstance(item, MappingNode) and node is not None:
                    yield item, node


def _former(trees: Iterable[Node | None], agencies: bool) -> set[str]:
    """Every id an agency's (or a program's) ``former_ids`` holds: taken, as today's ids are."""
    return {former for tree in trees
            for mapping in ([tree] if agencies else [mapping for mapping, _ in _programs(tree)])
            for former in _former_of(mapping)}


def _former_of(mapping: Node | None) -> list[str]:
    """The ids the mapping's ``former_ids`` holds."""
    return [item.value for key, _, value in _pairs(mapping) if key == "former_ids" and isinstance(value, SequenceNode)
            for item in value.value if isinstance(item, ScalarNode)]


def _check_new(kind: str, old: str, new: str, taken: set[str], own_former: list[str], content: Path) -> None:
    pattern = SLUG if kind == "agency" else PROGRAM_ID
    if not re.match(pattern, new) or len(new) > MAX_PAGE_ID:
        raise CannotRename(Message("'{new}' cannot be an agency's id: write small letters, digits, - and _ (e.g. "
                                   "diskominfotik)" if kind == "agency" else "'{new}' cannot be a program's code: "
                                   "write letters, digits, -, _ and . (e.g. ENV-13)", new=new))
    if new.upper() == old.upper():  # GOV-01 and gov-01 are one web page on Windows and macOS
        raise CannotRename(Message("'{old}' is already its id" if new == old else
                                   "'{new}' differs from '{old}' in capitals only: one web page on Windows and macOS",
                                   old=old, new=new))
    if new.upper() in {former.upper() for former in own_former}:
        raise CannotRename(Message("'{new}' is among {old}'s former_ids: delete it there first, then rename", old=old,
                                   new=new))
    if new.upper() in {other.upper() for other in taken} and new.upper() != old.upper():  # one page on Windows
        raise CannotRename(Message("'{new}' is taken: another agency has it, now or as a former id" if kind == "agency"
                                   else "'{new}' is taken: another program has it, now or as a former id", new=new))
    if kind == "agency" and (content / "agencies" / f"{new}.yml").exists():
        raise CannotRename(Message("content/agencies/{new}.yml already exists", new=new))


def _hint(hint: Message | None) -> Message | str:
    return Message(" ({hint})", hint=hint) if hint else ""


def _text_edits(kind: str, old: str, new: str, text: str, tree: Node | None, markdown: bool) -> Iterator[_Edit]:
    """The cross-references ``[[old]]`` (``[[agency:old]]``) and a chapter's ``plan.program('old')``
    (``plan.agency('old')``) in any text of the file; and ``[[old|text]]``, which prints as written (W518), so
    that it names the new id there too. Not one its writer put in code or escaped to show it as written
    (:mod:`masterplan.renamed_references`)."""
    for start, end in renamed(text, "agency:" if kind == "agency" else "", old, tree, markdown):
        yield _Edit(start, end, new)
    for match in re.finditer(rf"\b{kind}\(\s*(['\"])({re.escape(old)})\1\s*\)", text):
        yield _Edit(match.start(2), match.end(2), new)


def _yaml_edits(kind: str, old: str, new: str, tree: Node | None, text: str, own: bool) -> list[_Edit]:
    """The id's own ``id`` (with the old one added to ``former_ids``) and every reference field naming it."""
    edits = [_Edit(node.start_mark.index, node.end_mark.index, _scalar(new, node))
             for node in _references(tree, REFERENCES[kind]) if node.value == old]
    if kind == "agency" and own:
        edits += _renamed(tree, old, new, text)
    if kind == "program":
        for mapping, node in _programs(tree):
            if node.value == old:
                edits += _renamed(mapping, old, new, text)
    return edits


def _references(node: Node | None, names: tuple[str, ...]) -> Iterator[ScalarNode]:
    """Every scalar under a key among ``names``, alone or in its list, anywhere in the tree."""
    if isinstance(node, SequenceNode):
        for item in node.value:
            yield from _references(item, names)
    for key, _, value in _pairs(node):
        if key in names:
            items = value.value if isinstance(value, SequenceNode) else [value]
            yield from (item for item in items if isinstance(item, ScalarNode))
        else:
            yield from _references(value, names)


def _renamed(mapping: Node | None, old: str, new: str, text: str) -> list[_Edit]:
    """The mapping's ``id`` made ``new``, ``old`` added to its ``former_ids`` (the list made if there is none)."""
    pairs = {key: (key_node, value) for key, key_node, value in _pairs(mapping)}
    id_key, id_value = pairs["id"]
    edits = [_Edit(id_value.start_mark.index, id_value.end_mark.index, _scalar(new, id_value))]
    former = pairs.get("former_ids", (None, None))[1]
    old_written = _scalar(old, None)
    if isinstance(former, SequenceNode) and former.flow_style and former.value:  # after its last item: [A,] too
        end = former.value[-1].end_mark.index
        edits.append(_Edit(end, end, f", {old_written}", naming=False))
    elif isinstance(former, SequenceNode) and former.flow_style:
        end = text.rindex("]", 0, former.end_mark.index)
        edits.append(_Edit(end, end, old_written, naming=False))
    elif isinstance(former, SequenceNode) and former.value:  # a block list: the old id as its first item
        dash = text.rindex("-", 0, former.value[0].start_mark.index)
        column = dash - (text.rfind("\n", 0, dash) + 1)
        edits.append(_Edit(dash, dash, f"- {old_written}{_newline(text)}{' ' * column}", naming=False))
    elif isinstance(mapping, MappingNode) and mapping.flow_style:
        edits.append(_Edit(id_value.end_mark.index, id_value.end_mark.index, f", former_ids: [{old_written}]", naming=False))
    elif isinstance(former, ScalarNode):  # "former_ids:" left empty (or null): the list written after its colon
        colon = text.index(":", pairs["former_ids"][0].end_mark.index) + 1
        edits.append(_Edit(colon, former.end_mark.index if former.value else colon, f" [{old_written}]", naming=False))
    else:  # a line of its own under the id's
        line_end = text.find("\n", id_value.end_mark.index)
        at = len(text) if line_end < 0 else line_end - 1 if text[line_end - 1] == "\r" else line_end
        edits.append(_Edit(at, at, f"{_newline(text)}{' ' * id_key.start_mark.column}former_ids: [{old_written}]", naming=False))
    return edits


def _newline(text: str) -> str:
    """The file's line end: Windows' where it has them, else a line feed."""
    return "\r\n" if "\r\n" in text else "\n"


def _scalar(value: str, written: Node | None) -> str:
    """``value`` written as the scalar it replaces was (quoted alike), quoted where YAML would read it otherwise."""
    style = written.style if isinstance(written, ScalarNode) else None
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or yaml.safe_load(value) != value:
        return '"' + value + '"'
    return value


def _applied(text: str, edits: list[_Edit]) -> str:
    """``text`` with every edit made, from the last to the first so that each one's place still holds."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text
