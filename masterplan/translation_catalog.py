"""The translator's catalog: ``content/translations.en.csv``, the worksheet ``build/untranslated-en.csv`` filled in.

An English edition of a plan written in Indonesian prints each text without an ``en`` version as written and lists
it in the worksheet (:mod:`masterplan.translations`). The translator fills in its ``en`` column and saves it in
``content/`` as ``translations.en.csv``: each text of the plan's files that reads as a row's ``text`` (spaces and
line breaks aside) is printed as that row's translation, wherever it stands, so a unit written in 46 places is
translated once. A translation written in the file itself (``{id: …, en: …}``) comes first. The agencies' files stay
as they sent them: a text an agency rewrites is no longer the row's, so it is listed in the worksheet again, and the
row, now used nowhere, is told (W541).

Read by the edition in the catalog's language, as a spreadsheet saves it: UTF-8 with or without its mark; cells
apart by commas, by semicolons (Excel set to Indonesian) or by tabs; the apostrophe the worksheet put before a
formula taken away again from the texts (from a translation at its start only: the rest is read as typed). Its problems are told at the row a
spreadsheet shows (``translations.en.csv:264``), a text over several lines of the file being one row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from masterplan import yamlfile
from masterplan.diagnostics import Diagnostic, Message, Position, error, warning
from masterplan.values import Text

NAME = "translations.{language}.csv"  #: the catalog's name in content/, for the edition's language
WORKBOOK = "translations.{language}.xlsx"  #: the same, saved by Excel as a workbook: read where there is no CSV one
#: the most a workbook's files may hold unpacked: a catalog's 2 MB as a zip could unpack to far more (a zip bomb)
UNPACKED_BYTES = 64 * 1024 * 1024
TEXT = "text"  #: the column of the texts as the plan writes them (the worksheet's)
SHOWN = 60  #: characters of a text a message quotes


@dataclass(frozen=True)
class Row:
    """A text and its translation, at the catalog's row (a spreadsheet's number of it, which messages give as its
    line: a text over several lines of the file is one row)."""

    text: str
    translation: str
    line: int


def key(text: str) -> str:
    """What a text is known by: its words, whatever spaces and line breaks a spreadsheet kept between them."""
    return " ".join(text.split())


class Catalog:
    """The rows of a translator's catalog, by text, and which of them the plan used."""

    def __init__(self, file: str, language: str, written_in: str, rows: dict[str, Row]):
        self.file, self.language, self.written_in, self.rows = file, language, written_in, rows
        self.used: set[str] = set()

    def knows(self, text: str) -> bool:
        """Whether the catalog translates ``text`` (written in the plan's ``written_in``)."""
        return key(text) in self.rows

    def translation(self, text: str) -> str:
        """The catalog's translation of ``text``, which it :meth:`knows`."""
        return self.rows[key(text)].translation

    def translated(self, text: Text) -> Text:
        """``text`` with the catalog's translation, where it has none of its own."""
        source = text.values.get(self.written_in)
        if self.language in text.values or not source or not source.strip():
            return text
        row = self.rows.get(key(source))
        if row is None:
            return text
        self.used.add(key(source))
        return Text({**text.values, self.language: row.translation}, text.default,
                    {**(text.written_at or {}), self.language: Position(self.file, row.line, 1)})

    def unused(self) -> Iterator[Diagnostic]:
        """A warning at each row no text of the plan took (W541)."""
        for known, row in self.rows.items():
            if known not in self.used:
                yield warning(Position(self.file, row.line, 1), "W541", "'{text}' is translated here, but no text of "
                              "the plan without a translation of its own reads so: this row is not used",
                              Message("the text was changed, deleted or given its translation in its file: "
                                      "translate its new wording, if build/untranslated-{language}.csv lists it, "
                                      "and delete this row", language=self.language),
                              text=_shown(row.text))


def _shown(text: str) -> str:
    said = key(text)
    return said if len(said) <= SHOWN else said[:SHOWN - 1].rstrip() + "…"


class _Broken(Exception):
    """A catalog's CSV that cannot be read on from a line: where, and Python's csv module's reason."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def _table(text: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header (its names in small letters) and then each row with its number as a spreadsheet shows it (the
    header is row 1), of a spreadsheet's CSV text: cells apart by commas, semicolons or tabs, whichever the first
    line has most of. Reading the rows raises :class:`_Broken` at a quote left open."""
    csv.field_size_limit(max(csv.field_size_limit(), yamlfile.MAX_FILE_BYTES))  # a cell as long as a file may be
    reader = csv.reader(io.StringIO(text), delimiter=max(",;\t", key=text.split("\n", 1)[0].count), strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
    except csv.Error:
        header = []

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 2  # the row after the header, as a spreadsheet numbers it (a text over several lines is one row)
        try:
            for cells in reader:
                yield number, cells
                number += 1
        except csv.Error as exc:
            raise _Broken(number, str(exc)) from exc

    return header, rows()


def found(content: Path, language: str) -> Path | None:
    """The catalog in ``content`` for the edition in ``language``: the CSV file, else the workbook; None without."""
    for name in (NAME, WORKBOOK):
        if (path := content / name.format(language=language)).is_file():
            return path
    return None


def _sheet(path: Path, file: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]] | Diagnostic:
    """The header (its names in small letters) and each row with its number, of a workbook's first sheet (every
    cell as text, a formula as the value Excel last showed); or why it cannot be read."""
    import zipfile

    import openpyxl
    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(member.file_size for member in packed.infolist())  # what reading it takes: its cells
            if unpacked > UNPACKED_BYTES:
                return yamlfile.too_large(file, unpacked, UNPACKED_BYTES)
        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
        table = [[_as_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a file from a spreadsheet, untrusted: any way it fails to read is told
        return error(Position(file, 1, 1), "E021", "{file} cannot be read as a workbook: {reason}",
                     Message("save it from the spreadsheet again as {name}", name=file.rsplit("/", 1)[-1]),
                     file=file.rsplit("/", 1)[-1], reason=str(exc) or type(exc).__name__)
    header = [cell.strip().lower() for cell in table[0]] if table else []
    return header, iter(list(enumerate(table[1:], 2)))


class Converted(str):
    """A workbook's cell that Excel made a date, a number or TRUE/FALSE of what was typed: its value as text, and
    what Excel made it (``kind``)."""

    kind: str


def _as_text(cell: object) -> str:
    """A workbook's cell as text: empty for none, as typed for text, else :class:`Converted`."""
    if cell is None or isinstance(cell, str):
        return cell or ""
    import datetime
    converted = Converted(cell.isoformat(sep=" ") if isinstance(cell, datetime.datetime)
                          else str(cell).upper() if isinstance(cell, bool) else str(cell))  # TRUE, as Excel shows it
    converted.kind = ("TRUE/FALSE" if isinstance(cell, bool) else "a date" if isinstance(cell, datetime.date | datetime.time)
                      else "a number")
    return converted


#: what a spreadsheet shows in a cell whose formula failed (#N/A of a lookup that found nothing, …)
_SPREADSHEET_ERROR = re.compile(r"#(?:N/A|REF!|VALUE!|NAME\?|DIV/0!|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)")


def read(path: Path, file: str, language: str, written_in: str) -> tuple[Catalog | None, list[Diagnostic]]:
    """The catalog at ``path`` (named ``file`` in messages) for the edition in ``language`` of a plan written in
    ``written_in``, and its problems; None when it cannot be read."""
    # the worksheet's own rule, imported here: the checks import this module without the render stack
    from masterplan.render.data_notes import UNGUARD

    data, problems = yamlfile.file_bytes(path, file)
    if data is None:
        return None, problems
    if path.suffix.lower() == ".xlsx":
        if len(data) > yamlfile.MAX_FILE_BYTES:
            return None, yamlfile.decode(data, file)[1]  # E004, as for any of the plan's files
        sheet = _sheet(path, file)
        if isinstance(sheet, Diagnostic):
            return None, [sheet]
        header, rows = sheet
    else:
        text, problems = yamlfile.decode(data, file)
        if text is None:  # an Excel user's way to UTF-8, not Notepad's
            return None, [replace(problem, hint=Message("in Excel: File › Save As, and choose 'CSV UTF-8 (Comma "
                                                        "delimited)'")) if problem.code == "E003" else problem
                          for problem in problems]
        header, rows = _table(text)
    for column in (TEXT, language):
        if column not in header:
            return None, [error(Position(file, 1, 1), "E021", "{file} has no column '{column}': its first row names "
                                "the columns", Message("fill in the {language} column of build/untranslated-"
                                                       "{language}.csv and save it here as it is, with its first row",
                                                       language=language),
                                file=file.rsplit("/", 1)[-1], column=column)]
    found: dict[str, Row] = {}
    problems = []
    try:
        for line, cells in rows:
            cells += [""] * (len(header) - len(cells))
            # the apostrophe the worksheet put before a formula taken away: from a text wherever it put one, from a
            # translation (the worksheet lists those the catalog has) at its start only, the rest being as typed
            source = UNGUARD.sub(r"\1", cells[header.index(TEXT)]).strip()
            typed = cells[header.index(language)]
            translation = (UNGUARD.sub(r"\1", typed, count=1) if UNGUARD.match(typed) else typed).strip()
            if not source or not translation:  # a row not translated yet
                continue
            if isinstance(typed, Converted):  # "24/7" made a date: what was typed is lost
                problems.append(warning(Position(file, line, header.index(language) + 1), "W548",
                                        "the translation at row {line} is {kind} Excel made of what was typed "
                                        "({value}), not a text: the row is left untranslated",
                                        "format the column as Text (Format Cells › Text) and type the translation "
                                        "again", line=line, kind=Message(typed.kind), value=str(typed)))
                continue
            if _SPREADSHEET_ERROR.fullmatch(translation):  # a formula that failed: no text to print
                problems.append(warning(Position(file, line, header.index(language) + 1), "W544", "the translation "
                                        "at row {line} is the spreadsheet's error {value}, not a text: the row is "
                                        "left untranslated", "correct the cell's formula, or type the translation",
                                        line=line, value=translation))
                continue
            row = Row(source, translation.replace("\r\n", "\n"), line)
            first = found.setdefault(key(source), row)
            if first is not row and key(first.translation) != key(translation):
                problems.append(warning(Position(file, line, 1), "W542", "'{text}' is translated twice: at row "
                                        "{line} as '{first}', here as '{second}'; the first is used",
                                        "delete the row whose translation is not meant", text=_shown(source),
                                        line=first.line, first=_shown(first.translation), second=_shown(translation)))
    except _Broken as broken:  # a quote left open: every row after it would be read wrong
        return None, [error(Position(file, broken.line, 1), "E021", "{file} cannot be read as a table from this "
                            "row on: {reason}", "a text holding a quote (\") is written between quotes, its own "
                            "quote doubled (\"\"); a spreadsheet saving it as CSV does so",
                            file=file.rsplit("/", 1)[-1], reason=broken.reason)]
    return Catalog(file, language, written_in, found), problems
