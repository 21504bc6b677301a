"""Section headings numbered by hand (W553): the book and the site number a chapter's sections themselves, so
"## 1.1 Latar Belakang" printed "3.1 1.1 Latar Belakang", and the written number stayed as sections were added or
moved. Read as Markdown reads a heading ("##1.1", a line over '---'), in the chapter as written (:func:`written`) and
as its Jinja fills it in (:func:`filled`: ``## 4.{{ loop.index }} {{ pillar.name }}``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from masterplan import jinja_tags, markdown_lines
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.plan_parts import Chapter

#: a heading's marks as written, before its number: "## ", "## **", or the spaces before a line over '---'
_MARKS = re.compile(r"[ \t]*(?:#+[ \t\u00a0]*)?(?:\*\*|__|\*|_)?")

#: a section's heading written with a number of its own: "## 1.1 Latar Belakang", "## 1.2. Maksud", "## A. Tujuan",
#: "## BAB I Ruang Lingkup", "## **1.2 Maksud**", "##1.1 Latar" (a number without its mark, "## 5 Pilar Smart City", is
#: words of the heading; a space after the marks may be none or Word's non-breaking one, as Markdown reads them)
_NUMBERED_HEADING = re.compile(r"##[ \t\u00a0]*(\*\*|__|\*|_)?((?:[0-9]{1,2}\.)+[0-9]{0,2}|[0-9]{1,2}\)"
                               r"|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.|[A-Za-z][.)]|(?i:bab)[ \t]+(?:[0-9]+|[IVXL]+)[.:]?)"
                               r"(?:[ \t\u00a0]+|(?<=\.)(?=[A-Za-z]))(\S.*)")
#: a number that may as well be words of the heading: a decimal ("## 3.5 Hektare RTH", "## 4.0 dan Transformasi") or
#: a letter ("## A. Yani sebagai Koridor", "## V. Sujarweni"; I, V and X are also Roman numerals): told only beside
#: a heading numbered next to it
_AMBIGUOUS = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}|[A-Za-z][.)]")
_ROMAN = {"I": 1, "V": 5, "X": 10}
#: the words after a number that make it a quantity, not a section's number ("## 2.5 Juta Warga Terlayani")
_QUANTITIES = frozenset({"juta", "ribu", "miliar", "triliun", "persen", "%", "tahun", "bulan", "hari", "jam", "menit",
                         "km", "meter", "m", "ha", "hektare", "hektar", "kali", "kg", "ton", "liter", "derajat",
                         "unit", "titik", "orang", "jiwa", "kk", "rumah"})


class _Numbered(NamedTuple):
    line: int
    column: int  #: where its number starts
    written: str  #: the heading as written, after its marks
    number: str
    rest: str  #: the heading without its number (its bold marks kept)


def written(chapter: Chapter) -> Iterator[Diagnostic]:
    """W553 for a section heading with a number of its own: the book and the site number sections themselves
    ("1.1 1.1 Latar Belakang"), and the written number stays as sections are added or moved. A number that may be
    words of the heading is told only beside the one numbered next to it (1.1 and 1.2, A. and B.), or in a chapter
    with a number told."""
    if chapter.part != "body":  # the front matter's and the annexes' sections are not numbered
        return
    lines = chapter.body.split("\n")
    found = [numbered for number, line in enumerate(markdown_lines.atx(jinja_tags.uncommented(chapter.body)).split("\n"))
             if (numbered := _numbered(line, chapter.body_line + number, lines[number]))]
    clear = _clear(found)
    for numbered, told in zip(found, clear):
        if not told and not any(clear):  # a chapter numbering its sections by hand has all its numbers told
            continue
        yield warning(Position(chapter.position.file, numbered.line, numbered.column), "W553", "the heading '{heading}' carries a "
                      "number of its own: the book and the site number sections themselves and print both",
                      Message("write the heading alone: ## {rest}", rest=numbered.rest.rstrip(" \t#")),
                      heading=numbered.written)


def filled(chapter: Chapter, text: str | None) -> Iterator[Diagnostic]:
    """W553 at a line of the chapter whose Jinja writes section headings with numbers of their own, once filled in
    (``## 4.{{ loop.index }} {{ pillar.name }}`` printed "21.1 4.1 Smart Governance", with no word), once a line."""
    if chapter.part != "body" or text is None or "{{" not in chapter.body:
        return
    lines = chapter.body.split("\n")
    # a heading whose Jinja writes a number where a number stands: "## 4.{{ loop.index }} …" reads "## 4.1 1" with
    # each tag a 1, where "## {{ p.id }} {{ p.name }}" reads "## 1 1", no number of a section
    made = [(number, line) for number, line in enumerate(markdown_lines.atx(jinja_tags.uncommented(chapter.body))
                                                           .split("\n"))
            if line.startswith("##") and "{{" in line and _NUMBERED_HEADING.fullmatch(jinja_tags.TAG.sub("1", line))]
    headings = [line for line in markdown_lines.atx(text).split("\n") if line.startswith("##")]
    for number, line in made:
        found = [numbered for heading in headings if jinja_tags.could_fill(line, heading)
                 and (numbered := _numbered(heading, chapter.body_line + number, lines[number]))]
        if found and any(_clear(found)):
            yield warning(Position(chapter.position.file, found[0].line, found[0].column), "W553", "the heading "
                          "'{heading}' carries a number of its own: the book and the site number sections themselves "
                          "and print both", "this line's Jinja writes the number: leave it out of the line",
                          heading=found[0].written)


def _numbered(line: str, number: int, written: str) -> _Numbered | None:
    """Line ``line`` (``number`` in its file) as a section heading numbered by hand, read as Markdown reads it (a
    line over '---' as '##'), ``written`` the line as written; None when it is no such heading, or a quantity."""
    heading = _NUMBERED_HEADING.fullmatch(line)
    if not heading or heading.group(3).split(maxsplit=1)[0].lower() in _QUANTITIES:
        return None
    column = written.find(heading.group(2)) + 1 or len(_MARKS.match(written).group()) + 1  # type: ignore[union-attr]
    return _Numbered(number, column, line[2:].strip(), heading.group(2), (heading.group(1) or "") + heading.group(3))


def _clear(found: list[_Numbered]) -> list[bool]:
    """Whether each number is a section's for sure: not one that may be words of the heading, or one beside a heading
    numbered next to it."""
    places = {place for numbered in found for place in _places(numbered.number)}
    return [not _AMBIGUOUS.fullmatch(numbered.number) or any(_next_to(place, places)
                                                             for place in _places(numbered.number))
            for numbered in found]


def _places(number: str) -> set[tuple[str, int]]:
    """Where a written number may stand in its sequence: what it is numbered under, and its place there ("1.2" →
    ("1", 2); "B." → ("letter", 2); "II." → ("roman", 2); "V." the 22nd letter or the Roman 5)."""
    parts = number.rstrip(".):").split(".")
    last, under = parts[-1], ".".join(parts[:-1])
    if last.isdigit():
        return {(under, int(last))}
    places = {("letter", ord(last.lower()) - ord("a") + 1)} if len(last) == 1 and last.isalpha() else set()
    if last and all(letter in _ROMAN for letter in last):
        places.add(("roman", _roman(last)))
    return places or {(number, 0)}  # BAB II: told in any case


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of I, V and X (up to XXXIX)."""
    values = [_ROMAN[letter] for letter in numeral]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0]))


def _next_to(place: tuple[str, int], places: set[tuple[str, int]]) -> bool:
    """Whether a heading of ``places`` is numbered right before or after ``place``."""
    under, at = place
    return (under, at - 1) in places or (under, at + 1) in places
