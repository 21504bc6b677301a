"""Table and figure captions in chapter text: which line captions which table, or which picture.

A caption is a line "Tabel: Analisis SWOT" (or "Table: ...") below its table, right below
or after one blank line, and may end with a reference id, ``(tab:swot)``. The book and the
site number the tables so captioned (:mod:`masterplan.render.outline`); Markdown must not
read a caption as a row of its table (:func:`separate_captions`); and a caption written
above its table, as many documents place them, is worth a word to its writer
(:func:`captions_above_tables`). Staff write captions as their documents do, and each such
line is read as the caption it plainly is: "tabel: ...", "Tabel : ...", an id in capitals
``(tab:Lembaga)`` (ids are lowercase: it is ``tab:lembaga``); and "Tabel 1. ...", "Tabel 14.1:
...", "Tabel 1 ..." too, whose number the book replaces with its own, which is worth a word
(:func:`numbered_captions`). A picture (``![Peta](assets/peta.png)``, on a line of its own) is captioned alike by a
line "Gambar: Peta wilayah (fig:peta)" (or "Figure: …") below it (:func:`figure_captions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from masterplan.jinja_tags import ALONE
from masterplan.pasted_text import BULLETS
from masterplan.plan_parts import Chapter
from masterplan.table_rows import RULE

#: how a caption line starts: "Tabel:" (or "Table:"), also as staff write it, "tabel:", "Tabel :", or
#: with a number of the writer's own and its mark, "Tabel 1.", "Tabel 14.1:", "Tabel 1 -" ("Tabel 1
#: menunjukkan …" starts a sentence: no caption). No groups: the rendered HTML's captions are found
#: with it too, :mod:`masterplan.render.markdown`
LEAD = r"(?:[Tt]abel|[Tt]able|TABEL|TABLE)(?:[ \t]*:|[ \t]+\d+(?:\.\d+)*[ \t]*[.:\u2013\u2014-])"
#: a caption's reference id, ``(tab:swot)``; written in capitals it is read in small letters
ID = r"(?i:tab:[a-z0-9][a-z0-9_-]*)"
#: the caption of a Markdown table: a line of its own below the table, "Tabel: ..." (or "Table: ...")
#: with an optional reference id at its end, ``(tab:swot)`` (not Pandoc's ``{#tab:swot}``: chapter
#: text is a Jinja template, where ``{#`` opens a comment)
CAPTION = re.compile(rf"^({LEAD})[ \t]+(.+?)(?:[ \t]*\(({ID})\))?[ \t]*$")
_STARTS_CAPTION = re.compile(r"^(?:[Tt]abel|[Tt]able|TABEL|TABLE)", re.MULTILINE)  #: a line may be a caption
_STARTS_FIGURE_CAPTION = re.compile(r"^(?:[Gg]ambar|[Ff]igure|GAMBAR|FIGURE)", re.MULTILINE)
#: a sentence about a table, "Tabel 1 menunjukkan …": no caption, and no row of the table above it either
_ABOUT_TABLE = re.compile(r"^(?:[Tt]abel|[Tt]able|TABEL|TABLE)[ \t]+\d")
#: Markdown's inline marks in a caption: emphasis and code marks, and a link's address (its text stays)
_INLINE_MARKS = re.compile(r"\[\^[^\]\n]+\]|[*`]|(?<!\w)_|_(?!\w)|\]\([^)]*\)|\[(?=[^\]]*\]\()")


#: how a picture's caption line starts: "Gambar:" (or "Figure:"), as a table's does (:data:`LEAD`)
FIGURE_LEAD = r"(?:[Gg]ambar|[Ff]igure|GAMBAR|FIGURE)(?:[ \t]*:|[ \t]+\d+(?:\.\d+)*[ \t]*[.:\u2013\u2014-])"
FIGURE_ID = r"(?i:fig:[a-z0-9][a-z0-9_-]*)"  #: a picture caption's reference id, ``(fig:peta)``
FIGURE_CAPTION = re.compile(rf"^({FIGURE_LEAD})[ \t]+(.+?)(?:[ \t]*\(({FIGURE_ID})\))?[ \t]*$")
#: a picture on a line of its own, as Markdown (``![Peta](assets/peta.png "Judul")``) or HTML (``<img src=…>``)
_PICTURE_LINE = re.compile(r"(?:!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>)[ \t]*")


class Caption(NamedTuple):
    """A table's caption, or a picture's (its ref ``fig:…``)."""

    ref: str  #: the reference id: ``tab:swot``, ``fig:peta``
    text: str  #: the caption, without Markdown's emphasis marks
    line: int  #: the caption's line within the chapter's body


def table_captions(chapter: Chapter) -> list[Caption]:
    """Each captioned table in the chapter's text, in order.

    A caption is a line "Tabel: Analisis SWOT" right below a table or after one blank line
    (:func:`separate_captions` keeps Markdown from reading it as one more row of the table);
    the table is then numbered in the chapter's sequence ("Tabel 2.1") and listed among the
    book's tables. Its id is ``(tab:...)`` when the line ends with one, else
    ``tab:<chapter id>-<n>``. A caption is plain words: one with Jinja in it is not numbered
    (it stays as written).
    """
    found: list[Caption] = []
    for number, match in _captions_below(chapter):
        ref = match.group(3).lower() if match.group(3) else f"tab:{chapter.id}-{len(found) + 1}"
        found.append(Caption(ref, " ".join(_INLINE_MARKS.sub("", match.group(2)).split()), number + 1))
    return found


def figure_captions(chapter: Chapter) -> list[Caption]:
    """Each captioned picture in the chapter's text, in order: a line "Gambar: Peta wilayah" right below a picture on
    a line of its own, or after one blank line; its id ``(fig:peta)`` when the line ends with one, else
    ``fig:<chapter id>-<n>``. Numbered and listed among the book's figures as a table's caption is among its tables."""
    if "](" not in chapter.body and "<img" not in chapter.body:
        return []
    lines = chapter.body.split("\n")
    found: list[Caption] = []
    for number, line in enumerate(lines):
        if (match := FIGURE_CAPTION.match(line)) and "{{" not in line and "{%" not in line \
                and _below_picture(lines, number):
            ref = match.group(3).lower() if match.group(3) else f"fig:{chapter.id}-{len(found) + 1}"
            found.append(Caption(ref, " ".join(_INLINE_MARKS.sub("", match.group(2)).split()), number + 1))
    return found


def figure_captions_astray(chapter: Chapter) -> Iterator[tuple[int, str, bool]]:
    """(line within the chapter's body, the line as written, whether a picture stands right below it) of each picture
    caption line below no picture, which is printed as text: written above its picture, as many documents place them,
    or below none (a picture within a sentence, two on a line)."""
    if not _STARTS_FIGURE_CAPTION.search(chapter.body):
        return
    lines = chapter.body.split("\n")
    for number, line in enumerate(lines):
        if FIGURE_CAPTION.match(line) and "{{" not in line and "{%" not in line and not _below_picture(lines, number):
            below = next((at for at in range(number + 1, min(number + 3, len(lines))) if lines[at].strip()), None)
            above = below is not None and bool(_PICTURE_LINE.fullmatch(lines[below])) and not any(  # captioned: not
                FIGURE_CAPTION.match(lines[at]) for at in range(below + 1, min(below + 3, len(lines))))  # this one's
            yield number + 1, line.strip(), above


def _below_picture(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` stands right below a picture that is a paragraph of its own (at the line's start, after
    an empty line or first in the text), or one blank line below it: a picture within a paragraph or a list item is
    in its text, no figure."""
    picture = number - 1 if number >= 1 and lines[number - 1].strip() else number - 2
    return picture >= 0 and bool(_PICTURE_LINE.fullmatch(lines[picture])) and (picture == 0 or
                                                                                not lines[picture - 1].strip())


def _captions_below(chapter: Chapter) -> Iterator[tuple[int, re.Match[str]]]:
    """(0-based line, match) of each caption line below its table; one with Jinja in it is none
    (its words are known only once the text is filled in: it stays as written)."""
    lines = chapter.body.split("\n")
    for number, line in enumerate(lines):
        if _caption_line(line) and _below_table(lines, number) and (match := CAPTION.match(line)):
            yield number, match


class NumberedCaption(NamedTuple):
    line: int  #: the caption's line within the chapter's body
    text: str  #: the line as written: "Tabel 1. Lembaga pengelola"
    documented: str  #: the line as the book reads it, without the number: "Tabel: Lembaga pengelola"


def numbered_captions(chapter: Chapter) -> Iterator[NumberedCaption]:
    """Captions written with a number of their own, "Tabel 1. Lembaga pengelola" (or "Tabel 14.1:",
    "Tabel 1 ..."): captions all the same (:func:`table_captions`), but the book gives each table its
    number in its chapter's sequence, not the writer's, which a writer who refers to "Tabel 1" in
    the text should know."""
    for number, match in _captions_below(chapter):
        if any(c.isdigit() for c in match.group(1)):
            word = "Table" if match.group(1).lower().startswith("table") else "Tabel"
            ref = f" ({match.group(3).lower()})" if match.group(3) else ""
            yield NumberedCaption(number + 1, match.group(0).strip(), f"{word}: {match.group(2)}{ref}")


def separate_captions(text: str) -> str:
    """Markdown text with each caption next to a table a paragraph of its own, as its writer meant.

    Markdown reads a line right below a table as one more row of it, and a line right above
    one as the start of a paragraph that swallows the table; a caption line is never meant
    as either, so blank lines are put around it. The text's lines shift: for rendering only.
    """
    tables = "|" in text and _STARTS_CAPTION.search(text)
    pictures = ("](" in text or "<img" in text) and _STARTS_FIGURE_CAPTION.search(text)
    if not tables and not pictures:
        return text
    lines = text.split("\n")
    separated: list[str] = []
    for number, line in enumerate(lines):
        apart = CAPTION.match(line) and (_below_table(lines, number) or _right_above_table(lines, number)) or \
            FIGURE_CAPTION.match(line) and number >= 1 and _PICTURE_LINE.fullmatch(lines[number - 1])
        about = not apart and _ABOUT_TABLE.match(line)  # a sentence, maybe wrapped: its own lines stay together
        after_table = about and number > 0 and _is_row(lines, number - 1)
        before_table = about and number + 1 < len(lines) and _is_row(lines, number + 1)
        if (apart or after_table) and separated and separated[-1].strip():
            separated.append("")
        separated.append(line)
        if (apart and number + 1 < len(lines) and lines[number + 1].strip()) or before_table:
            separated.append("")
    return "\n".join(separated)


class CaptionAbove(NamedTuple):
    line: int  #: the caption's line within the chapter's body
    text: str  #: the line as written
    captions_above: bool  #: it is the caption of a table above it, right on top of another table


def captions_above_tables(chapter: Chapter) -> Iterator[CaptionAbove]:
    """Caption lines written above a table (right above it, or one blank line above), as many
    documents place them: the book reads a caption below its table, so such a line captions
    the table above it, if any, else nothing."""
    lines = chapter.body.split("\n")
    for number, line in enumerate(lines):
        below = _below_table(lines, number)
        if not _caption_line(line):
            continue
        if _above_table(lines, number) and (not below or _right_above_table(lines, number)):
            yield CaptionAbove(number + 1, line.strip(), below)


class NoTable(NamedTuple):
    line: int  #: the first line of the rows, or the caption's line, within the chapter's body
    kind: str  #: "pasted" (cells apart by tabs), "no rule" (rows between '|' without '---'), "caption" (of nothing)
    cells: tuple[str, ...] = ()  #: the first row's cells (pasted rows, rows without a rule)
    text: str = ""  #: the caption line as written


#: a row as a spreadsheet pastes it: cells apart by tabs (an indented code line starts with its tab)
_PASTED_ROW = re.compile(rf"(?![{BULLETS}])[^\s|][^\t]*(?:\t+[^\t\n]+)+")  #: not a bullet and a tab: a list (W523)


def no_tables(chapter: Chapter) -> Iterator[NoTable]:
    """Text meant as a table that Markdown prints as text: rows pasted from a spreadsheet (cells apart
    by tabs), rows between '|' without the '---' rule under their header, and a caption line below
    no table at all."""
    lines = chapter.body.split("\n")
    number = 0
    while number < len(lines):
        end = number
        while end < len(lines) and _PASTED_ROW.fullmatch(lines[end].rstrip()):
            end += 1
        if end - number < 2:
            end = number
            while end < len(lines) and _is_row(lines, end):
                end += 1
            code = lines[number].startswith(("    ", "\t"))  # an indented code block shows its rows as written
            if end - number >= 2 and not code and not RULE.fullmatch(lines[number + 1]):
                yield NoTable(number + 1, "no rule", _cells(lines[number].strip().strip("|").split("|")))
        else:
            yield NoTable(number + 1, "pasted", _cells(lines[number].split("\t")))
        number = max(end, number + 1)
    for number, line in enumerate(lines):
        if _caption_line(line) and not _below_table(lines, number) and not _above_table(lines, number):
            yield NoTable(number + 1, "caption", text=line.strip())


def _cells(cells: Sequence[str]) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in cells if cell.strip())


def _is_row(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` is a row of a Markdown table: starting with '|', as chapters mostly write them, or with
    '|' between its cells only (``Anggaran | 100``), in lines under a header and its rule (``--- | ---:``). Such a
    table's caption was printed as text, and told to move below the table it stood below."""
    line = lines[number]
    if line.lstrip().startswith("|"):
        return True
    if "|" not in line or not line.strip():
        return False
    start = number
    while start > 0 and "|" in lines[start - 1] and lines[start - 1].strip():
        start -= 1
    return start + 1 < len(lines) and "|" in lines[start + 1] and bool(RULE.fullmatch(lines[start + 1]))


def _below_table(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` stands right below a table, or one blank line below it; a line of Jinja's tags alone
    (``{% endfor %}`` after the rows a loop writes) stands for nothing, Jinja leaving it blank."""
    above = [line for line in range(number - 1, max(number - 8, -1), -1) if not ALONE.fullmatch(lines[line])]
    return bool(above) and (_is_row(lines, above[0]) or (
        not lines[above[0]].strip() and len(above) > 1 and _is_row(lines, above[1])))


def filled_in_captions(chapter: Chapter) -> Iterator[tuple[int, str, str | None]]:
    """(line within the chapter's body, the line as written, its reference id or None) of each caption below its
    table that holds Jinja: not numbered, and its id names nothing (:func:`table_captions`)."""
    lines = chapter.body.split("\n")
    for number, line in enumerate(lines):
        if not _caption_line(line) and (match := CAPTION.match(line)) and _below_table(lines, number):
            yield number + 1, line.strip(), match.group(3).lower() if match.group(3) else None


def _caption_line(line: str) -> bool:
    """Whether a line is a caption as written: one with Jinja in it is none (its words are known only once
    the text is filled in, see :func:`table_captions`)."""
    return bool(CAPTION.match(line)) and "{{" not in line and "{%" not in line


def _above_table(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` stands above a table, right above it or one blank line above."""
    return _right_above_table(lines, number) or (
        number + 2 < len(lines) and not lines[number + 1].strip() and _is_row(lines, number + 2))


def _right_above_table(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` stands right above a table, with no blank line between."""
    return number + 1 < len(lines) and _is_row(lines, number + 1)
