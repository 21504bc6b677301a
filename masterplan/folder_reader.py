"""Reads the YAML files of one plan folder into located data, every problem found into one report.

A file is read only when it lies inside the plan folder (a link out of it is refused), then parsed and checked
against its schema, or taken from the preview's cache when it has not changed. A file that cannot be read leaves
behind the ids it probably defines, so that a reference to one of them is not reported again as unknown. What
the files mean (a plan, a pillar, an agency) is read by the modules for each kind of file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from masterplan import (
    block_fields,
    look_alike_spaces,
    other_comments,
    validation,
    yamlfile,
)
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Message,
    Position,
    Report,
    Severity,
    error,
    relative,
)
from masterplan.file_names import broken_link, is_file
from masterplan.filecache import FileCache, FileResult
from masterplan.leftovers import has_twin, hidden_ending
from masterplan.located import LocatedList, LocatedMap
from masterplan.misfiled import misfiled
from masterplan.model import DEFAULT_LANGUAGE
from masterplan.schema_defs import SLUG
from masterplan.translation_catalog import Catalog
from masterplan.values import Text

#: the folder of a plan folder that holds what the plan says (plan.yml, pillars/, agencies/, chapters/…)
CONTENT = "content"
_FILE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  #: a file name that could be an id as it stands
_ID_LINE = re.compile(r"^[\s-]*id:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.-]*)", re.MULTILINE)
#: the endings of a YAML file, in any case: "dispora.YML", as Windows may save it, is read like "dispora.yml"
YAML_SUFFIXES = (".yml", ".yaml")


#: the kinds of file whose id must be their file name (content/pillars/<id>.yml, content/agencies/<id>.yml)
NAMED_AFTER_FILE = ("pillar", "agency")

#: what of a file with schema problems can still be used (an agency without its faulty programs), or None
Usable = Callable[[Any], Any]


class FolderReader:
    """Reads the files of one plan folder, collecting diagnostics into one report."""

    def __init__(self, root: Path, cache: FileCache | None = None):
        self.root = root
        self.cache = cache
        self.folders_inside: dict[Path, bool] = {}
        self.plain_files: set[Path] = set()  #: files listed as no symlink (no need to ask again)
        self.report = Report()
        self.language = DEFAULT_LANGUAGE
        self.written_in: str | None = None  #: plan.yml's written_in, when it gives one
        #: the translator's catalog for an edition in another language (:mod:`masterplan.translation_catalog`)
        self.catalog: Catalog | None = None
        #: each file read whole, with its kind: where an edition's translations are looked for (:mod:`translations`)
        self.documents: list[tuple[str, LocatedMap]] = []

    def inside(self, path: Path) -> bool:
        """:func:`inside`, resolving each folder once: a plain file in a folder inside is inside."""
        folder = path.parent
        if folder not in self.folders_inside:
            self.folders_inside[folder] = inside(folder, self.root)
        if path in self.plain_files or not path.is_symlink():
            return self.folders_inside[folder]
        return inside(path, self.root)

    def name(self, path: Path) -> str:
        """The path shown in messages; a link is named as it stands in the plan, not where it points."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return relative(path, self.root)

    def document(self, path: Path, kind: str, usable: Usable | None = None) -> Any:
        """The file's located data when it parsed and matched its schema, what of it ``usable`` says can be used
        despite its schema problems, or None."""
        file = self.name(path)
        if not self.inside(path):
            self.report.add(outside_error(file))
            return None
        result = self.read(path, file, kind)
        self.report.extend(result.problems)
        self.report.extend(result.schema_problems)
        if result.data is None or any(d.severity is Severity.ERROR for d in result.problems):
            self.unreadable(path)
            return None
        if result.schema_problems:
            part = usable(result.data) if usable is not None else None
            if part is None:
                self.refuse(path, kind, result.data)
            return part
        if isinstance(result.data, LocatedMap):
            self.documents.append((kind, result.data))
        return result.data

    def refuse(self, path: Path, kind: str, data: Any) -> None:
        """Leave out a file with schema problems: its ids count as unreadable, and an id that differs from its
        file's name is said now, not in the next round once the rest is fixed."""
        self.unreadable(path)
        identified = isinstance(data, LocatedMap) and isinstance(data.get("id"), str)
        if kind in NAMED_AFTER_FILE and identified and re.fullmatch(SLUG, data["id"]):
            self.named_after_file(data, path)

    def read(self, path: Path, file: str, kind: str) -> FileResult:
        """Parse and schema-check one file, or reuse the cache's result for the unchanged file."""
        content, problems = yamlfile.file_bytes(path, file)
        if content is None:
            return FileResult(None, tuple(problems), ())
        cached = self.cache.get(path, file, kind, content) if self.cache is not None else None
        if cached is not None:
            return cached
        data, problems = yamlfile.from_bytes(content, file)
        schema_problems: list[Diagnostic] = []
        if data is not None and (b"|" in content or b">" in content):  # a field indented into a block of text
            problems += block_fields.swallowed(content.decode("utf-8-sig", "replace").replace("\r\n", "\n"), file, kind)
        if data is not None:
            # a value YAML could not read is None by now: its schema complaint would only repeat it
            broken = {p.position for p in problems if p.severity is Severity.ERROR}
            schema_problems = [d for d in validation.check(kind, data, Position(file, 1, 1))
                               if d.position not in broken]
            if schema_problems and (other := misfiled(kind, data, file)) is not None:
                schema_problems = [other]  # an agency's file among the pillars: that, not each field it lacks
            problems = other_comments.not_repeated(problems, schema_problems)
        result = FileResult(data, tuple(look_alike_spaces.named(content, problems)),
                            tuple(look_alike_spaces.named(content, schema_problems)))
        if self.cache is not None:
            self.cache.put(path, file, kind, result, content)
        return result

    def unreadable(self, path: Path, *ids: str) -> None:
        """Remember the ids a file that could not be read probably defines (its name, its id: lines)."""
        if path.parent.name not in ("pillars", "agencies"):
            return
        try:
            text = path.read_bytes()[:yamlfile.MAX_FILE_BYTES].decode("utf-8", "replace")
        except OSError:
            text = ""
        self.report.unreadable.update({path.stem, *ids, *_ID_LINE.findall(text)})
        self.report.skipped.add(self.name(path))
        if path.parent.name == "agencies":
            self.report.unreadable.add(ANY_PROGRAM)

    def text(self, raw: Any) -> Text:
        """A text as a file gives it, in the plan's language (plain text: in the language plan.yml writes in),
        with the translator's catalog's translation where it has none of its own."""
        text = Text.of(raw, self.language, self.written_in)
        return text if self.catalog is None else self.catalog.translated(text)

    def where(self, data: LocatedMap) -> dict[str, Position]:
        """Positions of each field, of each item of a list field as ``name[index]``, and of each block of
        text (``name: |``) again as ``name|``: a line of such a text is a line of the file."""
        where = dict(data.value_positions)
        for name, value in data.items():
            if isinstance(value, LocatedList):
                where.update((f"{name}[{index}]", value.at(index)) for index in range(len(value)))
        where.update((f"{name}|", data.at(name)) for name in data.literal_blocks)  # see text_at
        return where

    def yearly(self, data: LocatedMap, name: str, twice: str) -> tuple[dict[int, Any], dict[int, Position]]:
        """The values of ``data``'s ``name`` by year (an indicator's ``targets`` or ``realised``, plan.yml's
        ``apbd_ceiling``) and where each year is written; a year given twice is an error (E002, ``twice`` its
        message), the first kept. The schema let through only keys that read as years."""
        given: LocatedMap | dict[Any, Any] = data.get(name) or {}
        years: dict[int, Any] = {}
        positions: dict[int, Position] = {}
        for key, value in given.items():
            year = int(key)
            where = given.key_at(key) if isinstance(given, LocatedMap) else data.at(name)
            if year in years:
                self.report.add(error(where, "E002", twice, "keep one of them", year=year, line=positions[year].line))
                continue
            years[year], positions[year] = value, where
        return years, positions

    def named_after_file(self, data: LocatedMap, path: Path) -> bool:
        """Whether the file's id is its file name, as a pillar's and an agency's must be; if not, E105 says which
        of the two to change."""
        if data["id"] == path.stem:
            return True
        renamed = f"{data['id']}{path.suffix}"
        original = next((other for other in sorted(path.parent.iterdir()) if other.stem == data["id"]
                         and other.suffix.lower() in YAML_SUFFIXES and is_file(other) and not other.samefile(path)),
                        None)  # dinkes.yml, beside "dinkes - Copy.yml" or Dinkes.YAML
        if original is not None:
            renamed = original.name
            # the original is read, its programs with it: a reference to none of them is still reported (E205)
            hint = (Message("{file} exists: if this file is a copy of it, move the copy out of content/; if you are "
                            "starting {id} from a copy of it, set id: {id}", file=renamed, id=path.stem)  # dp3a.yml
                    if _FILE_ID.fullmatch(path.stem) else
                    Message("{file} exists: if this file is a copy of it, move the copy out of content/", file=renamed))
        else:
            self.unreadable(path, data["id"])
            hint = (Message("rename the file to {file} or set id: {id}", file=renamed, id=path.stem)
                    if _FILE_ID.fullmatch(path.stem) else Message("rename the file to {file}", file=renamed))  # "dinkes (baru).yml"
        self.report.add(error(data.at("id"), "E105", "id '{id}' differs from the file name '{file}'", hint,
                              id=data["id"], file=path.name))
        return False

    def folder(self, path: Path, read: Callable[[Path], Any], required: bool = True) -> list[Any]:
        """What ``read`` makes of each YAML file of the folder, in the order of their names; a missing or empty
        folder is an error when ``required``, two files of one name (dinkes.yml, dinkes.yaml) always."""
        if not path.is_dir():
            if required:
                self.report.add(error(Position(self.name(path)), "E011", "folder is missing",
                                      "run 'masterplan new DIR' to see the expected layout"))
            return []
        files: list[Path] = []
        hidden: list[Path] = []  # dishub.yml.txt: the file meant, its ending hidden (E019)
        with os.scandir(path) as entries:  # file types from the listing: one stat less per file
            for entry in entries:
                file = path / entry.name
                if file.suffix.lower() in YAML_SUFFIXES and _is_file(entry):
                    files.append(file)
                    if not entry.is_symlink():
                        self.plain_files.add(file)
                elif file.suffix.lower() in YAML_SUFFIXES and entry.is_symlink():  # a link to no file: told
                    self.report.add(broken_link(self.name(file)))
                    self.unreadable(file)
                elif (meant := hidden_ending(entry.name)) and Path(meant).suffix.lower() in YAML_SUFFIXES \
                        and _is_file(entry) and not has_twin(path, meant):
                    hidden.append(file)
        files.sort()
        for file in hidden:  # its ids are not reported unknown where other files name them: one cause, told once
            self.unreadable(file)
        if required and not files:
            self.report.add(error(Position(self.name(path)), "E012", "folder holds no .yml files"))
        items: list[Any] = []
        seen: dict[str, Path] = {}
        for file in files:
            if file.stem in seen:  # dinkes.yml and dinkes.yaml: which one is meant?
                self.report.add(error(Position(self.name(file), 1, 1), "E210",
                                      "'{id}' is defined twice: {first} and {second}", "delete or rename one of them",
                                      id=file.stem, first=seen[file.stem].name, second=file.name))
                continue
            seen[file.stem] = file
            item = read(file)
            if item is not None:
                items.append(item)
        return items


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Like ``Path.is_file``: a broken or looping link is no file."""
    try:
        return entry.is_file()
    except OSError:
        return False


def inside(path: Path, root: Path) -> bool:
    """True when ``path``, links followed, is inside the plan folder ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def outside_error(file: str) -> Diagnostic:
    """A content file that is a link out of the plan folder: never read (it could be any file)."""
    return error(Position(file), "E013", "file is a link to a place outside the plan folder",
                 "copy the file into the plan folder instead of linking to it")
