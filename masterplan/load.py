"""Reads a plan folder into a :class:`~masterplan.model.Plan`, with every problem found.

One bad file never hides the problems of the others: each file is read and checked on
its own, and only files that passed their schema become model objects.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from masterplan import (
    chapters,
    look_alike_spaces,
    validation,
    validation_fast,
    yamlfile,
)
from masterplan.dates import spelt_date
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Message,
    Position,
    Report,
    Severity,
    error,
    relative,
    warning,
)
from masterplan.filecache import FileCache, FileResult
from masterplan.funding_sources import DEFAULT_FUNDING_SOURCES
from masterplan.located import LocatedList, LocatedMap
from masterplan.model import (
    DEFAULT_LANGUAGE,
    SUMMARY_TEXT,
    Agency,
    BudgetLine,
    Chapter,
    GlossaryTerm,
    Indicator,
    LeftOut,
    Mission,
    Period,
    Phase,
    Pillar,
    Plan,
    Program,
    ReadinessItem,
    Revision,
    SubElement,
    Text,
)
from masterplan.names_for_ids import named_for_ids
from masterplan.schema import PROGRAM_ID, SLUG

CONTENT = "content"
_FILE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  #: a file name that could be an id as it stands
_ID_LINE = re.compile(r"^[\s-]*id:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.-]*)", re.MULTILINE)
#: the endings of a YAML file, in any case: "dispora.YML", as Windows may save it, is read like "dispora.yml"
YAML_SUFFIXES = (".yml", ".yaml")


#: the kinds of file whose id must be their file name (content/pillars/<id>.yml, content/agencies/<id>.yml)
NAMED_AFTER_FILE = ("pillar", "agency")

class _Reader:
    """Reads the files of one plan folder, collecting diagnostics into one report."""

    def __init__(self, root: Path, cache: FileCache | None = None):
        self.root = root
        self.cache = cache
        self.folders_inside: dict[Path, bool] = {}
        self.plain_files: set[Path] = set()  #: files listed as no symlink (no need to ask again)
        self.report = Report()
        self.left_out: list[LeftOut] = []  #: programs left out of the plan, as far as they could be read
        self.language = DEFAULT_LANGUAGE
        self.written_in: str | None = None  #: plan.yml's written_in, when it gives one

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

    def document(self, path: Path, kind: str) -> Any:
        """The file's located data when it parsed and matched its schema, what of it can be used (:meth:`valid_part`), or None."""
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
            return self.valid_part(path, kind, result.data)
        return result.data

    def valid_part(self, path: Path, kind: str, data: Any) -> Any:
        """What of a file with schema problems the plan can still use: an agency without its faulty programs.

        The faulty programs' ids count as unreadable (a reference to one is not reported
        again as unknown), and so does the agency's (it is not idle: some of its programs
        are missing); a program whose id is itself faulty makes every program id so.
        """
        usable = validation_fast.valid_programs(data) if kind == "agency" else None
        if usable is None:
            self.unreadable(path)
            identified = isinstance(data, LocatedMap) and isinstance(data.get("id"), str)
            if kind in NAMED_AFTER_FILE and identified and re.fullmatch(SLUG, data["id"]):
                self.named_after_file(data, path)  # said now, not in the next round once the rest is fixed
            return None
        data, left_out = usable
        if left_out:
            self.report.unreadable.add(data["id"])
        for program in left_out:
            known = isinstance(program, dict) and validation_fast.is_program_id(program.get("id"))
            self.report.unreadable.add(program["id"] if known else ANY_PROGRAM)
            if isinstance(program, LocatedMap) and isinstance(program.get("id"), str):
                self.left_out.append(self.part_of(program, data["id"]))
        return data

    def part_of(self, program: LocatedMap, lead_id: str) -> LeftOut:
        """What of a program that does not match the schema can be read: its budget lines and indicators that do."""
        def fitting(field: str, definition: str) -> list[Any]:
            items = program.get(field)
            if not isinstance(items, list):
                return []
            return [item for item in items if validation.fits("agency", definition, item)]

        def ids(field: str, pattern: str) -> list[str]:  # a list with an item the schema refused is told by it
            items = program.get(field)
            return list(items) if isinstance(items, list) and all(
                isinstance(item, str) and re.fullmatch(pattern, item) for item in items) else []

        return LeftOut(
            id=program["id"], indicators=self.indicators(fitting("indicators", "indicator")),
            budget=_budget_lines(fitting("budget", "budget_line")), position=program.position, lead_id=lead_id,
            partner_ids=ids("partners", SLUG), mission_ids=ids("missions", SLUG),
            depends_on_ids=ids("depends_on", PROGRAM_ID),
            where=self.where(program),
        )

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
        if data is not None:
            # a value YAML could not read is None by now: its schema complaint would only repeat it
            broken = {p.position for p in problems if p.severity is Severity.ERROR}
            schema_problems = [d for d in validation.check(kind, data, Position(file, 1, 1))
                               if d.position not in broken]
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
        if path.parent.name == "agencies":
            self.report.unreadable.add(ANY_PROGRAM)

    def text(self, raw: Any) -> Text:
        return Text.of(raw, self.language, self.written_in)

    def where(self, data: LocatedMap) -> dict[str, Position]:
        """Positions of each field, of each item of a list field as ``name[index]``, and of each block of
        text (``name: |``) again as ``name|``: a line of such a text is a line of the file."""
        where = dict(data.value_positions)
        for name, value in data.items():
            if isinstance(value, LocatedList):
                where.update((f"{name}[{index}]", value.at(index)) for index in range(len(value)))
        where.update((f"{name}|", data.at(name)) for name in data.literal_blocks)  # see text_at
        return where

    def indicator(self, data: LocatedMap) -> Indicator:
        baseline = data.get("baseline") or {}
        targets, target_positions = self.yearly(data, "targets", "target year {year} is given twice (first at line {line})")
        realised, realised_positions = self.yearly(data, "realised",
                                                   "realised year {year} is given twice (first at line {line})")
        return Indicator(
            name=self.text(data["name"]), unit=self.text(data["unit"]),
            baseline_year=baseline.get("year"), baseline_value=baseline.get("value"),
            targets=targets, position=data.position, target_positions=target_positions,
            baseline_position=baseline.at("value") if isinstance(baseline, LocatedMap) else None,
            direction=data.get("direction"), realised=realised, realised_positions=realised_positions,
        )

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

    def indicators(self, items: Any) -> list[Indicator]:
        return [self.indicator(item) for item in items or []]

    def program(self, data: LocatedMap, lead_id: str) -> Program:
        period = data["period"]
        return Program(
            id=data["id"], name=self.text(data["name"]), pillar_id=data["pillar"],
            sub_element_id=data["sub_element"], summary=self.text(data.get("summary")),
            description=self.text(data.get("description")), quick_win=bool(data.get("quick_win", False)),
            partner_ids=list(data.get("partners") or []), period=Period(period["start"], period["end"]),
            budget=_budget_lines(data.get("budget")),
            indicators=self.indicators(data.get("indicators")),
            depends_on_ids=list(data.get("depends_on") or []), mission_ids=list(data.get("missions") or []),
            status=data.get("status", "planned"), lead_id=lead_id, position=data.position, where=self.where(data),
            former_ids=list(data.get("former_ids") or []), location=self.text(data.get("location")),
        )

    def plan(self, path: Path) -> Plan | None:
        data = self.document(path, "plan")
        if data is None:
            return None
        self.language = data.get("language", DEFAULT_LANGUAGE)
        self.written_in = data.get("written_in")
        period = data["period"]
        city = data["city"]
        where = self.where(data)
        open_data = data.get("open_data") or {}
        if "license_url" in open_data:
            where["open_data.license_url"] = open_data.at("license_url")
        ceiling, ceiling_at = self.yearly(data, "apbd_ceiling",
                                          "the APBD ceiling for {year} is given twice (first at line {line})")
        return Plan(
            city=city, province=data.get("province", ""), title=self.text(data["title"]),
            notice=self.text(data.get("notice")), author=self.text(data.get("author") or f"Pemerintah {city}"),
            period=Period(period["start"], period["end"]), version=str(data.get("version", "")),
            status=data["status"], date=self.date(data), language=self.language,
            written_in=self.written_in or self.language,
            leading_sector_id=data["leading_sector"], logo=data.get("logo"), vision=self.text(data["vision"]),
            missions=[Mission(m["id"], self.text(m["text"]), m.position) for m in data["missions"]],
            legal_basis=[self.text(t) for t in data.get("legal_basis") or []],
            readiness=[ReadinessItem(r["element"], self.text(r["aspect"]), self.text(r["condition"]),
                                     self.text(r.get("gap")), self.text(r.get("recommendation")), r.position)
                       for r in data.get("readiness") or []],
            funding_sources=list(data.get("funding_sources") or DEFAULT_FUNDING_SOURCES),
            position=data.position, where=where, content=self.root / CONTENT,
            base_url=(data.get("base_url") or "").strip() or None,
            two_sided=bool((data.get("print") or {}).get("two_sided", False)),
            executive_summary=bool(data.get("executive_summary", False)),
            data_license=open_data.get("license"), data_license_url=open_data.get("license_url"),
            apbd_ceiling=ceiling, apbd_ceiling_at=ceiling_at,
            phases=[Phase(self.text(phase["name"]), self.text(phase.get("theme")),
                          Period(phase["period"]["start"], phase["period"]["end"]), phase.position,
                          self.where(phase), self.text(phase.get("description")))
                    for phase in data.get("phases") or []],
            revisions=[self.revision(entry) for entry in data.get("revisions") or []],
        )

    def revision(self, data: LocatedMap) -> Revision:
        """An entry of plan.yml's history (revisions), its date read as the plan's own is."""
        return Revision(str(data["version"]), self.date(data), self.text(data["summary"]), data.position,
                        self.text(data.get("decree")), self.where(data))

    def date(self, data: LocatedMap) -> datetime.date | None:
        """The date of plan.yml, or of one of its revisions; quoted text must still name a real date (YYYY-MM-DD)."""
        value = data.get("date")
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                meant = _calendar_day(value)
                self.report.add(error(data.at("date"), "E101", "date should be a date, not '{value}'",
                                      "there is no such day: months run from 01 to 12, days to 28–31"
                                      if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value)
                                      else Message("write it as YYYY-MM-DD: {date}", date=meant.isoformat()) if meant
                                      else "write it as YYYY-MM-DD, e.g. 2021-12-01", value=value))
                return None
        return value

    def pillar(self, path: Path) -> Pillar | None:
        data = self.document(path, "pillar")
        if data is None or not self.named_after_file(data, path):
            return None
        return Pillar(
            id=data["id"], name=self.text(data["name"]), order=data["order"],
            summary=self.text(data.get("summary")), description=self.text(data.get("description")),
            sub_elements=[SubElement(s["id"], self.text(s["name"]), self.text(s.get("description")),
                                     data["id"], s.position) for s in data["sub_elements"]],
            goals=[self.text(g) for g in data.get("goals") or []],
            indicators=self.indicators(data.get("indicators")), position=data.position, where=self.where(data),
            colour=data.get("colour", "").lower() or None,
        )

    def agency(self, path: Path) -> Agency | None:
        data = self.document(path, "agency")
        if data is None or not self.named_after_file(data, path):
            return None
        return Agency(
            id=data["id"], name=self.text(data["name"]), short_name=data["short_name"], kind=data["kind"],
            supports_ids=list(data.get("supports") or []),
            programs=[self.program(p, data["id"]) for p in data.get("programs") or []],
            position=data.position, where=self.where(data), former_ids=list(data.get("former_ids") or []),
            contact={name: value.strip() for name, value in (data.get("contact") or {}).items()},
        )

    def glossary(self, path: Path) -> list[GlossaryTerm]:
        data = self.document(path, "glossary")
        if data is None:
            return []
        terms: dict[str, GlossaryTerm] = {}
        for item in data["terms"]:
            term = GlossaryTerm(item["term"], self.text(item["definition"]), item.position)
            first = terms.setdefault(term.term.casefold(), term)
            if first is not term:
                self.report.add(error(item.at("term"), "E211", "glossary term '{term}' is defined twice "
                                      "(first at line {line})", "merge the two definitions",
                                      term=term.term, line=first.position.line))
        return list(terms.values())

    def named_after_file(self, data: LocatedMap, path: Path) -> bool:
        if data["id"] == path.stem:
            return True
        renamed = f"{data['id']}{path.suffix}"
        original = path.parent / renamed
        if original.is_file() and not original.samefile(path):  # "dinkes - Copy.yml" beside dinkes.yml
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
        if not path.is_dir():
            if required:
                self.report.add(error(Position(self.name(path)), "E011", "folder is missing",
                                      "run 'masterplan new DIR' to see the expected layout"))
            return []
        files: list[Path] = []
        with os.scandir(path) as entries:  # file types from the listing: one stat less per file
            for entry in entries:
                file = path / entry.name
                if file.suffix.lower() in YAML_SUFFIXES and _is_file(entry):
                    files.append(file)
                    if not entry.is_symlink():
                        self.plain_files.add(file)
        files.sort()
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


def _summary_text(reader: _Reader, path: Path) -> Chapter | None:
    """content/executive-summary.md read as a chapter is (its problems at its lines), or None without one; its
    ``part:`` and ``generated:``, a book's chapter's, have no effect there."""
    if not path.is_file():
        return None
    if not reader.inside(path):
        reader.report.add(outside_error(reader.name(path)))
        return None
    text, problems = chapters.read_named(path, reader.name(path), reader.language, reader.written_in, path.stem)
    reader.report.extend(problems)
    if text is None:
        return None
    # the summary's text always opens its body with the authors' words: a 'part: front' (the summary has no front
    # matter) would drop it, a 'generated:' would pull the book's tables in; what its front matter asks is told
    for field, value in (("part", text.part if text.part != "body" else None), ("generated", text.generated)):
        if value:
            reader.report.add(warning(text.position, "W531", "the executive summary's text always opens the "
                                      "summary: its front matter's {field}: {value} is not used",
                                      "delete that line: the summary's own chapters hold its tables",
                                      field=field, value=value))
    return replace(text, part="body", generated=None)


def _budget_lines(items: Any) -> list[BudgetLine]:
    return [BudgetLine(b["year"], b["amount"], b["source"], b.position, b.at("amount")) for b in items or []]


def _calendar_day(text: str) -> datetime.date | None:
    """The day ``text`` writes ("15 Januari 2023", "15/01/2023"), if it is one."""
    numbers = spelt_date(text)
    try:
        return datetime.date(*numbers) if numbers else None
    except ValueError:
        return None


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


def load(root: Path, cache: FileCache | None = None) -> tuple[Plan | None, Report]:
    """Read the plan folder ``root``; the plan is None when it cannot be built at all.

    ``cache`` (the preview's) reuses each unchanged file's parse and schema result.
    """
    reader = _Reader(root, cache)
    content = root / CONTENT
    if not content.is_dir():
        reader.report.add(error(Position(reader.name(content)), "E010", "no content/ folder in {folder}",
                                "is this a plan folder? see 'masterplan new --help'", folder=root))
        return None, reader.report
    plan_file = content / "plan.yml"
    if not plan_file.is_file():
        reader.report.add(error(Position(reader.name(plan_file)), "E010", "plan.yml is missing"))
        plan = None
    else:
        plan = reader.plan(plan_file)
    pillars = reader.folder(content / "pillars", reader.pillar)
    agencies = reader.folder(content / "agencies", reader.agency)
    glossary_file = content / "glossary.yml"
    glossary = reader.glossary(glossary_file) if glossary_file.is_file() else []
    found_chapters, problems = chapters.read_folder(content / "chapters", reader.name, reader.language,
                                                    reader.inside, reader.written_in)
    reader.report.extend(problems)
    if plan is None:
        return None, reader.report
    named_for_ids(reader.report, agencies)
    plan.pillars = sorted(pillars, key=lambda p: (p.order, p.id))
    plan.agencies = agencies
    plan.glossary = glossary
    plan.chapters = found_chapters
    # read only for a summary: without one, the file is not read (checks.files says so, W017), broken or not
    plan.summary_text = _summary_text(reader, content / SUMMARY_TEXT) if plan.executive_summary else None
    plan.left_out = reader.left_out
    plan.link()
    return plan, reader.report


