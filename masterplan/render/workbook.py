"""Open data as one spreadsheet workbook, ``plan.xlsx``: each CSV table as a sheet, and a sheet that explains them.

A CSV file opened with a double click in a spreadsheet set to Indonesian lands each row
in one cell (the list separator there is ';', the decimal sign ','). The workbook holds
the very rows of :data:`data_tables.ROWS` as typed cells instead: amounts are numbers shown
as rupiah with thousands separators in the reader's own locale, flags are TRUE/FALSE, an
empty value is a blank cell, text is never read as a formula. Each table's sheet is named in
the plan's language (Program, Baris anggaran…: :data:`data_tables.TITLES`), its headers are the CSV
columns' names, and a header cell, selected, shows what its column means. A
sheet for people follows with the budget summaries the book prints (by pillar and year,
by funding source, by agency, by funding source and year, by agency and year, the APBD
per year against its ceiling where the plan gives one, by RPJMD mission where it has missions
and by roadmap phase where it has phases: :mod:`workbook_summary`'s blocks), and the last
sheet lists the table sheets with the CSV file each holds and describes every column in the plan's
language. The file is the same bytes for the same plan (dated with the plan's date).
"""

from __future__ import annotations

import datetime
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from masterplan.formatting import RUPIAH_SIGN
from masterplan.i18n import Translator
from masterplan.model import Plan
from masterplan.render import data_notes, data_tables, workbook_summary
from masterplan.render.workbook_summary import SummaryBlock

NAME = "plan.xlsx"
MONEY_COLUMNS = {"budget_total", "amount", "budget_led", "apbd", "ceiling", "left", "budget"}  #: whole rupiah, shown with
#: thousands separators
MONEY_FORMAT = f'"{RUPIAH_SIGN}"#,##0'  #: the reader's own thousands separator: Rp 1.250.000.000 in Indonesian
SHARE_COLUMNS = {"share_used", "share_of_plan"}  #: shares (0.943), shown as percentages in :data:`SHARE_FORMAT`
SHARE_FORMAT = "0.0%"  #: 94,3% in Indonesian, as the book writes a share
WIDEST = 60  #: characters; a longer column's cells wrap in the spreadsheet's own way
SHEET_NAME_LONGEST = 31  #: characters, in Excel's sheet names
TITLE_LONGEST, MESSAGE_LONGEST = 32, 255  #: characters, in the title and text of a cell's input message
HEADER_LONGEST = 255  #: characters, in a printed page's header (Excel's limit)
MEANING_WIDTH = 80  #: characters, of the notes sheet's column of meanings (its others fit their longest text)
NOTICE_COLUMNS = 4  #: of the budget summary, the notice spans: the year's and three of amounts (as wide as a screen)
NOTICE_COLOUR = "#C00000"  #: the notice's: dark red, read before any figure
NOTICE_LINE_HEIGHT = 15  #: points, of a line of the wrapped notice
NOTICE_GLYPH = 1.15  #: a bold letter's width, in a column's width units (the width of a digit)
WRAPPED = 40  #: characters: a mission's or a phase's name wraps in the budget summary's first column past this


def _shown(value: Any, money: bool = False, share: bool = False) -> str:
    """A cell's value as a spreadsheet shows it, to size its column by: an amount in :data:`MONEY_FORMAT`
    (Rp 1.250.000.000, its prefix and separators as wide as digits, which they are not wider than), a share in
    :data:`SHARE_FORMAT`, a flag in the longest of its words (FALSE, SALAH in Indonesian)."""
    if isinstance(value, bool):
        return "FALSE"
    if money and isinstance(value, (int, float)):
        return f"{RUPIAH_SIGN}{value:,.0f}"
    if share and isinstance(value, (int, float)):
        return f"{value:.1%}"
    return str(value)


def _format(column: str, formats: dict[str, Any]) -> Any:
    """A column's cell format: money, a share, or none."""
    return formats["money"] if column in MONEY_COLUMNS else formats["percent"] if column in SHARE_COLUMNS else None


def _width(texts: Iterable[str]) -> float:
    """A column wide enough for the longest of ``texts`` as shown (up to :data:`WIDEST`), with room for the
    header's filter button."""
    return min(max((len(text) for text in texts), default=0) + 2, WIDEST)


def _sheet(book: Any, file: str, described: list[tuple[str, str]], rows: list[list[Any]], words: Translator,
           formats: dict[str, Any]) -> str:
    """The sheet of the CSV table ``file``, named in the plan's language; returns its name."""
    table = file.removesuffix(".csv")
    sheet = book.add_worksheet(_sheet_name(words(data_tables.TITLES.get(file, table)), book, table))
    columns = [column for column, _ in described]
    sheet.write_row(0, 0, columns, formats["header"])
    for index, (column, meaning) in enumerate(described):
        shown = (_shown(row[index], column in MONEY_COLUMNS, column in SHARE_COLUMNS)
                 for row in rows if row[index] is not None)
        sheet.set_column(index, index, _width([column, *shown]), _format(column, formats))
        # the column's meaning, in the plan's language, shown beside its header when it is selected
        sheet.data_validation(0, index, 0, index, {"validate": "any", "input_title": column[:TITLE_LONGEST],
                                                   "input_message": words(meaning)[:MESSAGE_LONGEST]})
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if value is None or value == "":  # a blank cell: COUNTA and ISBLANK count it as empty
                continue
            if isinstance(value, bool):
                sheet.write_boolean(number, index, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(number, index, value)
            else:  # text stays text: "=HYPERLINK(…)" from an agency's file is shown, not run
                sheet.write_string(number, index, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    return sheet.name


def _sheet_name(text: str, book: Any, fallback: str) -> str:
    """A translation as a sheet's name: without the characters Excel refuses there, short enough, and
    no other sheet's name (in any case); else ``fallback``, or that with a number when it is one."""
    name = " ".join(re.sub(r"[\[\]:*?/\\]", " ", text).split())
    if len(name) > SHEET_NAME_LONGEST:  # cut where a word ends: "APBD against the indicative", not "… the indicative cei"
        cut = name[:SHEET_NAME_LONGEST + 1]
        name = cut.rsplit(" ", 1)[0] if " " in cut else name[:SHEET_NAME_LONGEST]
    name = name.strip(" '")
    taken = {sheet.name.lower() for sheet in book.worksheets()}
    numbered = (f"{fallback} {number}" for number in itertools.count(2))
    return next(free for free in itertools.chain((name, fallback), numbered) if free and free.lower() not in taken)


def _block_shown(block: SummaryBlock) -> dict[int, list[str]]:
    """A block's texts as shown, column by column, to size the columns by; not its title, which overflows."""
    shown = {index: [text] for index, text in enumerate(block.head)}
    for row in block.rows:
        first = _shown(row[0])
        shown[0].append(max(first.splitlines(), key=len)[:WRAPPED] if block.wrapped else first)
        for index, amount in enumerate(row[1:], start=1):
            shown[index].append(_shown(amount, block.kind(index) == "money", block.kind(index) == "percent"))
    return shown


def _widths(blocks: Sequence[SummaryBlock]) -> list[float]:
    """The budget summary's columns' widths: each as wide as the longest of the blocks' texts in it."""
    shown: dict[int, list[str]] = {}
    for block in blocks:
        for index, texts in _block_shown(block).items():
            shown.setdefault(index, []).extend(texts)
    return [_width(shown[index]) for index in sorted(shown)]


def _write_block(sheet: Any, line: int, block: SummaryBlock, widths: Sequence[float], formats: dict[str, Any]) -> int:
    """Write ``block`` from ``line`` on, its note across the columns of ``widths``; returns the next line to write on,
    a blank one left after it."""
    sheet.write_string(line, 0, block.title, formats["title"])
    sheet.write_row(line + 1, 0, block.head, formats["header"])
    for number, row in enumerate(block.rows, start=line + 2):
        if isinstance(row[0], int):  # a year: a number, as on the other sheets (text, it was flagged in Excel)
            sheet.write_number(number, 0, row[0])
        else:
            sheet.write_string(number, 0, row[0], formats["header"] if block.total and row is block.rows[-1]
                               else formats["wrapped"] if block.wrapped else None)
        for index, amount in enumerate(row[1:], start=1):
            if isinstance(amount, str):  # a phase's years, 2024–2026 as the book writes them
                sheet.write_string(number, index, amount)
            elif amount is not None:  # the share of a ceiling of nothing: a blank cell
                kind = block.kind(index)
                sheet.write_number(number, index, amount, formats[kind] if kind else None)
    line += len(block.rows) + 2
    return _notice(sheet, line, block.note, widths, formats, "wrapped") if block.note else line + 1


def _budget(book: Any, plan: Plan, words: Translator, formats: dict[str, Any], release: str) -> None:
    """A sheet for people: the budget summaries the book and the site show, as numbers to reuse in a report."""
    sheet = book.add_worksheet(_sheet_name(words("Budget summary"), book, "budget summary"))
    blocks = workbook_summary.blocks(plan, words)
    widths = _widths(blocks)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    line = _notice(sheet, 0, data_notes.status(plan, words), widths[:NOTICE_COLUMNS], formats)
    sheet.write_string(line, 0, release)
    line += 2
    for block in blocks:
        line = _write_block(sheet, line, block, widths[:NOTICE_COLUMNS], formats)


def _notice(sheet: Any, line: int, text: str | None, widths: Sequence[float], formats: dict[str, Any],
            style: str = "notice") -> int:
    """``text`` (the plan's status and notice; a block's note) across the first columns of ``line``, wrapped, in
    the ``style`` format (the notice's: bold, dark red); returns the next line to write on, a blank one left after
    it (the same ``line`` when there is no text)."""
    if not text:
        return line
    sheet.merge_range(line, 0, line, len(widths) - 1, text, formats[style])
    lines = math.ceil(len(text) * NOTICE_GLYPH / sum(widths))
    sheet.set_row(line, NOTICE_LINE_HEIGHT * lines)  # Excel does not size a merged cell's row to its wrapped text
    return line + 2


def _about(book: Any, plan: Plan, columns: dict[str, list[tuple[str, str]]], sheets: dict[str, str],
           words: Translator, formats: dict[str, Any], release: str) -> Any:
    """The last sheet: which plan, whether it is a draft, under which licence, which CSV file each sheet of
    ``sheets`` (CSV file → sheet) holds and what a row of it is, and what each column of each sheet means."""
    sheet = book.add_worksheet(_sheet_name(words("Column notes"), book, "notes"))
    described = [[sheets[file], column, words(meaning)] for file, pairs in columns.items() for column, meaning in pairs]
    widths = (_width([words("Sheet"), *sheets.values()]),
              _width([words("Column"), words("CSV file"), *sheets, *(row[1] for row in described)]), MEANING_WIDTH)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.write_string(0, 0, str(plan.title), formats["title"])
    line = _notice(sheet, 1, data_notes.status(plan, words), widths, formats)
    sheet.write_string(line, 0, release)
    licence = (f"{words('Licence')}: {plan.data_license}" + (f" ({plan.data_license_url})" if plan.data_license_url else "")
               if plan.data_license else words("No licence is stated for these files: ask {author} before reusing them.",
                                               author=str(plan.author)))
    sheet.write_string(line + 1, 0, licence)
    line = _rows(sheet, line + 3, [words("Sheet"), words("CSV file"), words("What it holds")],
                 [[name, file, words(data_tables.NOTES[file])] for file, name in sheets.items()], formats)
    _rows(sheet, line + 1, [words("Sheet"), words("Column"), words("Meaning")], described, formats)
    return sheet


def _rows(sheet: Any, line: int, head: list[str], rows: list[list[str]], formats: dict[str, Any]) -> int:
    """A table of texts from ``line`` on, under its header; returns the line after it."""
    sheet.write_row(line, 0, head, formats["header"])
    for number, row in enumerate(rows, start=line + 1):
        sheet.write_row(number, 0, row)
    return line + len(rows) + 1


def _draft_header(book: Any, status: str) -> None:
    """Every sheet of a draft's workbook, printed, says it is a draft at the top of each page."""
    text = "&L" + status.replace("&", "&&")
    if len(text) > HEADER_LONGEST:
        text = text[:HEADER_LONGEST - 1].removesuffix("&") + "…"
    for sheet in book.worksheets():
        sheet.set_header(text)


def write(plan: Plan, path: Path, columns: dict[str, list[tuple[str, str]]],
          rows: dict[str, Callable[[Plan], Any]], words: Translator, fingerprint: str) -> None:
    """Write the workbook to ``path``: one sheet per table of ``columns`` (rows from ``rows``), the budget
    summaries, then the columns' sheet; both of these say which release the data is, by ``fingerprint``."""
    import xlsxwriter  # only builds that write open data pay for it

    book = xlsxwriter.Workbook(str(path), {"in_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    created = datetime.datetime.combine(plan.date, datetime.time()) if plan.date else datetime.datetime(2000, 1, 1)
    book.set_properties({"title": str(plan.title), "author": str(plan.author), "created": created,
                         "comments": "masterplan",
                         "subject": data_notes.status(plan, words) or data_notes.adoption(plan, words) or "",
                         "status": words("Draft") if plan.is_draft else words("Final")})
    formats = {"header": book.add_format({"bold": True, "bottom": 1}), "money": book.add_format({"num_format": MONEY_FORMAT}),
               "percent": book.add_format({"num_format": SHARE_FORMAT}), "title": book.add_format({"bold": True, "font_size": 13}),
               "wrapped": book.add_format({"text_wrap": True}),
               "notice": book.add_format({"bold": True, "font_color": NOTICE_COLOUR, "text_wrap": True,
                                          "valign": "top"})}
    sheets = {file: _sheet(book, file, described, list(rows[file](plan)), words, formats)
              for file, described in columns.items()}
    release = words("{release} (the fingerprint changes with any figure or text of the data)",
                    release=data_notes.release(plan, fingerprint, words))
    _budget(book, plan, words, formats, release)
    notes = _about(book, plan, columns, sheets, words, formats, release)
    status = data_notes.status(plan, words)
    if plan.is_draft and status:  # a draft opens at its notes, whose first lines say it is one
        notes.activate()
        _draft_header(book, status)
    book.close()
