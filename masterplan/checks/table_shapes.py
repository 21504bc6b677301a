"""Tables whose rows do not fit their header: W552 for a row of more or fewer cells, W521 for a row of '---' that
makes no table (:mod:`masterplan.table_rows`).

Each was printed without a word: a fourth cell under three heads left out of the book and the site, a row of two
under three with its second cell under the wrong head, a table of three columns with a '---' row of two printed as
its lines of text. A row Jinja fills in (``{{ plan.swot.threats | join(" | ") }}``) is counted as filled in, told at
the line that writes it when the chapter's lines are the filled text's (no loop or block adds or takes lines), else
not told.
"""

from __future__ import annotations

from collections.abc import Iterator

from masterplan.captions import CAPTION
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.jinja_tags import ALONE, TAG, TAG_START, could_fill
from masterplan.plan_parts import Chapter
from masterplan.table_rows import RULE, Misshapen, cell_count, misshapen


def check(chapter: Chapter, filled: str | None) -> Iterator[Diagnostic]:
    """W552 and W521 for the misshapen rows of the chapter's tables (:func:`masterplan.table_rows.misshapen`)."""
    for shape, jinja in _found(chapter, filled):
        yield _told(shape, Position(chapter.position.file, chapter.body_line + shape.line - 1, 1), jinja)


def _found(chapter: Chapter, filled: str | None) -> list[tuple[Misshapen, bool]]:
    """The misshapen rows of the chapter as written, then those of the chapter as filled in (``filled``: None when
    Jinja failed) that are so only once filled in."""
    lines = chapter.body.split("\n")
    # a table whose header Jinja writes is counted as filled in only
    found = [(shape, False) for shape in misshapen(chapter.body, CAPTION.match) if not TAG_START.search(
        lines[shape.header - 1]) and (shape.tags_alone or not TAG_START.search(lines[shape.line - 1]))]
    if filled is not None:
        aligned = _aligned(chapter.body.rstrip("\n").split("\n"), filled.rstrip("\n").split("\n"))
        written_at = {at: line for line, at in aligned.items() if "{{" in lines[line]}
        filled_lines = filled.split("\n")
        headers = _headers(lines, filled_lines)
        written_rows = set(lines)
        made: dict[int, tuple[Misshapen, bool]] = {}  #: by the line of the chapter told, the first row told there
        tables: dict[int, _Table] = {}  #: by its header's line, each table as written a row Jinja made stands in
        for shape in misshapen(filled, CAPTION.match):
            if shape.line - 1 in written_at and not shape.tags_alone:
                line = written_at[shape.line - 1]  # what Jinja fills in made the count wrong, or the row as written
                found.append((shape._replace(line=line + 1), cell_count(lines[line], shape.border) == shape.columns))
            elif not shape.tags_alone and not shape.rule and filled_lines[shape.line - 1] not in written_rows \
                    and (header := headers.get(shape.header - 1)) is not None:
                # a row Jinja made where no line of the chapter is the row: told at the line that writes it, or at
                # the table's loop for rows run together on one line
                if header not in tables:
                    tables[header] = _Table(lines, header)
                told = _row_made(lines, tables[header], filled_lines[shape.line - 1], shape)
                if told is not None and told[0].line not in made:
                    made[told[0].line] = told
        for header, written in headers.items():  # a table whose row of '---' Jinja glued a row to: no table
            if header + 1 < len(filled_lines) and filled_lines[header + 1] != lines[written + 1] \
                    and (at := _loop_line(lines, written)) is not None and at not in made:
                made[at] = Misshapen(at, 0, cell_count(lines[written]), rule=True, header=written + 1, made=True), True
        found.extend(made.values())
    return sorted(found)


class _Table:
    """A table as written whose rows Jinja fills in: its header's line (from 0), the loop's line that writes its rows
    (from 1, if any), whether a row holds '||', and the lines that may write a row (a tag in them, not tags alone;
    none past :data:`_MOST_WRITING`, each tried for each row Jinja made)."""

    def __init__(self, lines: list[str], header: int):
        end = next((end for end in range(header + 2, len(lines)) if not lines[end].strip()), len(lines))
        rows = range(header + 2, end)
        self.header, self.loop = header, _loop_line(lines, header)
        self.joined = any("||" in lines[line] for line in rows)
        self.writing = [line for line in rows if TAG_START.search(lines[line]) and not ALONE.fullmatch(lines[line])]
        if len(self.writing) > _MOST_WRITING:
            self.writing = []


#: the most lines of one table that write rows with Jinja which a row made is matched with (each with each)
_MOST_WRITING = 100


def _row_made(lines: list[str], table: _Table, row: str, shape: Misshapen) -> tuple[Misshapen, bool] | None:
    """The misshapen row ``row`` Jinja made in ``table``, told at the table's loop when it is rows run together ('||'
    where one ends and the next starts, which no row of the table writes), else at the one line of the table that can
    write it, as that line's row; None when none can."""
    if "||" in row and not table.joined:
        return (shape._replace(line=table.loop, made=True), True) if table.loop is not None else None
    writing = [line for line in table.writing if could_fill(lines[line], row)]
    if len(writing) != 1:
        return None
    printed = TAG.sub(lambda tag: tag.group() if tag.group().startswith("{{") else "", lines[writing[0]])  # the row
    return shape._replace(line=writing[0] + 1), cell_count(printed, shape.border) == shape.columns


def _headers(lines: list[str], filled_lines: list[str]) -> dict[int, int]:
    """Which line of the chapter as written (from 0) each table's header as written (a line with '|' over a row of
    '---') is in the chapter filled in (from 0): the same line, as often above it in both; not one Jinja writes more
    or fewer times."""
    written: dict[str, list[int]] = {}
    for number in range(len(lines) - 1):
        if "|" in lines[number] and "|" in lines[number + 1] and RULE.fullmatch(lines[number + 1]):
            written.setdefault(lines[number], []).append(number)
    filled: dict[str, list[int]] = {}
    for number, line in enumerate(filled_lines):
        if line in written:
            filled.setdefault(line, []).append(number)
    return {at: number for text, places in filled.items() if len(places) == len(written[text])
            for at, number in zip(places, written[text])}


def _loop_line(lines: list[str], header: int | None) -> int | None:
    """The line (from 1) of the first Jinja tag among the rows of the table whose header is line ``header`` (from 0)
    as written; None when its rows hold none."""
    if header is None:
        return None
    for number in range(header + 2, len(lines)):
        if not lines[number].strip():
            return None
        if TAG_START.search(lines[number]):
            return number + 1
    return None


def _aligned(written: list[str], filled: list[str]) -> dict[int, int]:
    """Which line of the filled text each line of the chapter's text is, where that is known: from the top down to the
    first statement tag ({% … %}, which may add or take lines), and from the bottom up to the last. A line the same
    in both is itself; a line of expressions ({{ … }}) is the filled line facing it when the next line written is
    the same in both (what it filled in added no line)."""
    found: dict[int, int] = {}
    for step in (1, -1):
        place = 0 if step == 1 else len(filled) - 1
        kept: dict[int, int] = {}
        for line in range(len(written)) if step == 1 else range(len(written) - 1, -1, -1):
            text = written[line]
            if not 0 <= place < len(filled) or "{%" in text or "{#" in text:
                break
            if "{{" not in text:
                if text != filled[place]:
                    break
                found.update(kept)  # the expressions between two lines the same in both added no line
                kept = {}
            kept[line] = place
            place += step
        found.update({line: place for line, place in kept.items() if "{{" not in written[line]})
    return found


def _told(shape: Misshapen, where: Position, jinja: bool) -> Diagnostic:
    if shape.made:
        return _made(shape, where)
    if shape.tags_alone:
        return warning(where, "W521", "Jinja leaves this line of tags alone blank, which ends the table above it: "
                       "the rows below it are printed as text", "write the tag at the start of the row it repeats or "
                       "keeps, e.g. {{% for p in plan.programs %}}| {{{{ p.id }}}} | … |, and its end below the rows")
    if shape.glued:
        return warning(where, "W521", "this table stands right below a line of text, with no empty line between: the "
                       "book and the site print its rows as text, in that paragraph", "leave an empty line above the "
                       "table")
    if shape.note:
        return warning(where, "W552", "this note (a footnote's, or an abbreviation's meaning), right below the table, is "
                       "read as one of its rows: the book and the site print it in the table",
                       "leave an empty line between the table and the note")
    if shape.rule:
        return warning(where, "W521", "the row of '---' under this table's header has {count} columns, the header "
                       "{columns}: the rows are printed as text, not as a table",
                       Message("write one '---' for each of the header's cells: {rule}",
                               rule="|" + "---|" * shape.columns), count=shape.cells, columns=shape.columns)
    if shape.edged:
        return warning(where, "W552", "this row has {count} cells and its table {columns} columns: its last cell is "
                       "left out of the book and the site" if shape.cells == shape.columns + 1 else "this row has "
                       "{count} cells and its table {columns} columns: its last {extra} cells are left out of the book "
                       "and the site", Message("its header has no '|' at its ends, so this row's first '|' makes an "
                                               "empty first cell: write the header between '|' as the rows are, | "
                                               "{header} |", header=shape.edged),
                       count=shape.cells, columns=shape.columns, extra=shape.cells - shape.columns)
    if shape.cells > shape.columns:
        extra = shape.cells - shape.columns
        return warning(where, "W552", "this row has {count} cells and its table {columns} columns: its last cell is "
                       "left out of the book and the site" if extra == 1 else "this row has {count} cells and its "
                       "table {columns} columns: its last {extra} cells are left out of the book and the site",
                       "what Jinja fills in on this line holds a '|': join a list with another separator, e.g. "
                       "join(\"; \")" if jinja else "a '|' inside a cell's text is written \\|; a column more is written "
                       "in the header and its row of '---' too", count=shape.cells, columns=shape.columns, extra=extra)
    return warning(where, "W552", "this row has one cell and its table {columns} columns: the rest are printed empty "
                   "at its end, so a cell left out in between puts the next one under the wrong head" if shape.cells == 1
                   else "this row has {count} cells and its table {columns} columns: the rest are printed "
                   "empty at its end, so a cell left out in between puts the next one under the wrong head",
                   "write an empty cell as | | where it belongs", count=shape.cells, columns=shape.columns)


def _made(shape: Misshapen, where: Position) -> Diagnostic:
    """W552 for a row of the table filled in that no line of the chapter writes as it is, W521 for its row of '---'
    with a row glued to it, at the loop that writes the rows."""
    if shape.rule:
        return warning(where, "W521", "once Jinja fills this table in, its first row is glued to the row of '---' "
                       "under its header: the table is printed as a line of text", "a '-' in '{{%-' takes the line "
                       "break before the tag away: write {{% for p in plan.programs %}}| {{{{ p.id }}}} | … | on a line "
                       "and {{% endfor %}} on the next, without it")
    if shape.cells > shape.columns:
        return warning(where, "W552", "once Jinja fills this table in, a row of it has {count} cells and the table "
                       "{columns} columns: the rows run together on one line, and the cells past the table's columns "
                       "are left out of the book and the site", "end each row the loop writes with its line break: "
                       "{{% for p in plan.programs %}}| {{{{ p.id }}}} | … | on a line, {{% endfor %}} on the next "
                       "(a '-' in '{{%-' or '-%}}' takes the line break away)", count=shape.cells, columns=shape.columns)
    return warning(where, "W552", "once Jinja fills this table in, a row of it has {count} cells and the table "
                   "{columns} columns: the rest are printed empty at its end", "write every cell of the row the loop "
                   "repeats, an empty one as | |", count=shape.cells, columns=shape.columns)
