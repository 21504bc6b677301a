"""Chapter files: ``NN-slug.md`` with YAML front matter (title, part, generated parts, a signature) and a Markdown body.

Each file of ``content/chapters/`` (and of ``content/analysis/``, and the executive summary's text) is read
into a :class:`~masterplan.plan_parts.Chapter`, or into the diagnostics, at its file and line, that keep it
out. Its body is filled in later, in the sandbox (:mod:`masterplan.chapters`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from masterplan import look_alike_spaces, other_comments, validation, yamlfile
from masterplan.dates import spelt_date, spelt_month
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    Severity,
    closest,
    error,
    warning,
)
from masterplan.file_names import broken_link
from masterplan.jinja_tags import UNPRINTED
from masterplan.leftovers import hidden_ending_told
from masterplan.located import LocatedMap
from masterplan.plan_parts import Chapter, Signature
from masterplan.values import Text, whole

if TYPE_CHECKING:
    from masterplan.formatting import Formats

FILE_NAME = re.compile(r"^(\d+)-([a-z0-9][a-z0-9_-]*)\.md$")
#: what a chapter's file name holds beside small letters, digits, '-' and '_' (spaces, capitals made small first)
_NOT_SLUG = re.compile(r"[^a-z0-9_]+")
#: a chapter's or the executive summary's translation (``01-pendahuluan.en.md``): its file's name with the language's
#: code before ``.md``
TRANSLATION = re.compile(r"^(.+)\.([a-z]{2})\.md$", re.IGNORECASE)  # 01-pendahuluan.EN.md, saved so on Windows
#: a translation named as a chapter of its own (``01-pendahuluan-en.md``): a chapter's name, then the language's code
_NAMED_AS_CHAPTER = re.compile(r"^(.+)[-_]([a-z]{2})$")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, line where the body starts) of a chapter file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1:]), number + 2
    return None, text, 1


def read(path: Path, file: str, language: str, written_in: str | None = None,
         ) -> tuple[Chapter | None, list[Diagnostic]]:
    """One chapter file, named NN-slug.md, into a Chapter, or the diagnostics that prevent it; its texts are
    written in ``written_in`` (by default the plan's ``language``)."""
    match = FILE_NAME.match(path.name)
    if not match:
        small = f"{path.stem}.md"  # "10-penutup.MD": the ending in capitals, as Windows may write it
        # "11 Lampiran.md", "11_Lampiran Teknis.md": its words in small letters, apart by '-'
        slugged = f"{_NOT_SLUG.sub('-', path.stem.lower()).strip('-')}.md"
        return None, [error(Position(file), "E501", "chapter file name should look like NN-slug.md",
                            Message("write its ending in small letters: {name}", name=small)
                            if FILE_NAME.match(small) else
                            Message("rename it {name}: a number for the order, then words in small letters apart by "
                                    "'-'", name=slugged) if FILE_NAME.match(slugged) else
                            "e.g. 03-visi-misi.md: a number for the order, then lowercase words")]
    return read_named(path, file, language, written_in, match.group(2), int(match.group(1)))


def read_named(path: Path, file: str, language: str, written_in: str | None, slug: str, number: int = 0,
               ) -> tuple[Chapter | None, list[Diagnostic]]:
    """A file written as a chapter is, whatever its name (the executive summary's text): ``slug`` and ``number``
    are its id and order unless its front matter says otherwise."""
    front, problems = _front_matter(path, file)
    if front is None:
        return None, problems
    data, body, body_line = front
    parts = _generated(data)
    chapter = Chapter(
        id=data.get("id", slug), title=Text.of(data["title"], language, written_in),
        order=whole(data.get("order", number)), part=data.get("part", "body"),
        generated=tuple(part for part, _ in parts), body=body, position=Position(file, 1, 1), body_line=body_line,
        signed=_signature(data.get("signed"), language, problems, written_in),
        generated_at=tuple(at for _, at in parts),
        written_in=written_in or language,
    )
    problems += _numbered_title(data)
    if not UNPRINTED.sub("", body).strip() and not parts:
        problems.append(warning(Position(file, body_line, 1), "W551", "the chapter has no text: the book gives its "
                                "title a page with nothing under it", "write its text below the front matter, or "
                                "delete the file"))
    return chapter, problems  # warnings, or a signature's impossible date (printed as written)


#: a chapter's title written with its number, "Bab 3: Visi dan Misi", "BAB III - …", "Chapter 3.", "3. Visi", "III. Visi"
#: (a number and its mark: "5 Pilar Smart City" is a title)
_NUMBERED_TITLE = re.compile(r"(?:(?i:bab|chapter)[ \t]+(?:[0-9]+|[IVXLC]+)(?![\w])[ \t]*[:.\u2013\u2014-]?"
                             r"|(?:[0-9]{1,2}|[IVXLC]+)[.:)])[ \t]*(.*)")


def _numbered_title(data: LocatedMap) -> list[Diagnostic]:
    """W550: a title that carries a number of its own, which the book prints under the number it gives the chapter
    ("BAB 20" over "Bab 3: Visi dan Misi"): its number moves as chapters are added, the written one does not."""
    title = data.get("title")
    written = title.values() if isinstance(title, dict) else [title]
    for text in written:
        if isinstance(text, str) and (numbered := _NUMBERED_TITLE.fullmatch(text.strip())) and numbered.group(1):
            return [warning(data.at("title"), "W550", "the title '{title}' carries a chapter number of its own: the "
                            "book numbers its chapters and prints both", Message("write the title alone: {rest}",
                                                                                 rest=numbered.group(1)),
                            title=text.strip())]
    return []


def read_translation(path: Path, file: str, chapter: Chapter, into: str | None = None,
                     ) -> tuple[Chapter | None, list[Diagnostic]]:
    """``chapter`` as its translation ``path`` writes it (``01-pendahuluan.en.md``, in the edition's language, or in
    ``into``, another edition's, read for the checks): the translation's title, text and signature; the chapter's
    id, order, part and generated parts, which a translation that says otherwise is told of (W537). A translation
    that cannot be read leaves the chapter as written."""
    front, problems = _front_matter(path, file)
    if front is None:
        return None, problems
    data, body, body_line = front
    language = into or chapter.title.default  # the edition's, unless read for another's
    theirs = {"id": data.get("id", chapter.id), "order": data.get("order", chapter.order),
              "part": data.get("part", chapter.part),
              "generated": tuple(part for part, _ in _generated(data)) if "generated" in data else chapter.generated}
    for field, value in theirs.items():
        ours = getattr(chapter, field)
        if value != ours:
            problems.append(warning(data.at(field), "W537", "a translation follows its chapter: its {field} is the "
                                    "chapter's ({ours}), not {value}", "delete this line, or change it in the chapter",
                                    field=field, ours=_listed(ours), value=_listed(value)))
    signed = _signature(data.get("signed"), language, problems, language) or chapter.signed
    title = Text({**chapter.title.values, **Text.of(data["title"], language, language).values}, language)
    return replace(chapter, title=title, body=body, position=Position(file, 1, 1), body_line=body_line, signed=signed,
                   written_in=language), problems


def _listed(value: Any) -> str | Message:
    """A front matter's value as W537 says it: generated parts listed, none as "none"."""
    if isinstance(value, tuple):
        return ", ".join(value) if value else Message("none")
    return str(value)


def _front_matter(path: Path, file: str) -> tuple[tuple[LocatedMap, str, int] | None, list[Diagnostic]]:
    """A chapter file's front matter, checked against the schema, with its body and the line the body starts at;
    or None and the diagnostics that keep it out."""
    try:
        data_bytes = path.read_bytes()
    except OSError as exc:
        return None, [error(Position(file), "E009", "cannot read file: {reason}", reason=exc.strerror)]
    text, problems = yamlfile.decode(data_bytes, file)
    if text is None:
        return None, problems
    front, body, body_line = split_front_matter(text)
    if front is None and text.split("\n", 1)[0].strip() == "---":
        return None, [error(Position(file, 1, 1), "E502", "the front matter that starts here is never closed",
                            "end it with a line '---' before the chapter text")]
    if front is None:
        return None, [error(Position(file, 1, 1), "E502", "chapter has no front matter",
                            "start the file with '---', a line 'title: ...', and '---'")]
    if not front.strip():
        return None, [error(Position(file, 1, 1), "E502", "the front matter is empty",
                            "write at least a line 'title: ...' between the two '---' lines")]
    data, problems = yamlfile.parse(front, file, line_offset=1)
    if data is None:
        return None, look_alike_spaces.named(data_bytes, problems)
    _signed_date_as_written(data)
    broken = {p.position for p in problems if p.severity is Severity.ERROR}  # a value YAML could not read: said once
    refused = [d for d in validation.check("chapter", data, Position(file, 2, 1)) if d.position not in broken]
    problems = [*other_comments.not_repeated(problems, refused), *refused]
    if any(d.severity is Severity.ERROR for d in problems):  # "title:" and a no-break space: said to be no space
        return None, look_alike_spaces.named(data_bytes, problems)
    return (data, body, body_line), problems


def _generated(data: Any) -> list[tuple[str, Position]]:
    """The generated parts the front matter claims (``generated: budget`` or ``generated: [budget, attainment]``),
    in the order written, each with where it is written (a part written twice is kept twice, for the check to tell)."""
    value = data.get("generated")
    if value is None:
        return []
    if isinstance(value, str):
        return [(value, data.at("generated"))]
    return [(part, value.at(index) if hasattr(value, "at") else data.at("generated")) for index, part in enumerate(value)]


def _signature(data: Any, language: str, problems: list[Diagnostic], written_in: str | None) -> Signature | None:
    if not data:
        return None
    return Signature(data["place"], _signed_date(data, language, problems), Text.of(data["role"], language, written_in),
                     data.get("name"), data.get("id_number"), data.at("date"))


def _signed_date_as_written(data: Any) -> None:
    """A signature's date that YAML read as a date (``date: 2025-01-15``), back to the text it was written as.

    ``signed.date`` is text, as printed ("Desember 2021"), or a date; a date is told apart
    by :func:`_signed_date`, quoted or not."""
    signed = data.get("signed") if isinstance(data, dict) else None
    day = signed.get("date") if isinstance(signed, dict) else None
    if isinstance(signed, dict) and isinstance(day, datetime.date):
        signed["date"] = (day.date() if isinstance(day, datetime.datetime) else day).isoformat()


def _signed_date(signed: LocatedMap, language: str, problems: list[Diagnostic]) -> str:
    """The date printed under a signature: a date as the plan's language writes dates ("15 Januari
    2025"), other text as written ("Januari 2022"). A day that is none (2025-02-30) is an error in
    ``problems``, and printed as written."""
    written = signed["date"]
    numbers = spelt_date(written)
    if not numbers:
        month = spelt_month(written)  # "Desember 2021": "December 2021" in an English edition
        formats = _formats(language) if month else None
        return formats.month(*month) if month and formats else written
    try:
        day = datetime.date(*numbers)
    except ValueError:
        problems.append(error(signed.at("date"), "E101", "{field} should be a date, not '{value}'",
                              "there is no such day: months run from 01 to 12, days to 28–31", field="date",
                              value=written))
        return written
    formats = _formats(language)
    return formats.date(day) if formats else day.isoformat()


def _formats(language: str) -> Formats | None:
    """Dates in ``language``; None for a language Babel does not know (W108 says the theme has no words in it).
    Babel (~30 ms) is imported only for a date to print: validating a plan without one does not wait for it."""
    from babel.core import UnknownLocaleError

    from masterplan.formatting import Formats
    try:
        return Formats(language, str)
    except UnknownLocaleError:
        return None


def read_folder(folder: Path, name: Callable[[Path], str], language: str,
                allowed: Callable[[Path], bool] = lambda path: True, written_in: str | None = None,
                others: list[Chapter] | None = None) -> tuple[list[Chapter], list[Diagnostic]]:
    """Every chapter of ``content/chapters/`` in order; a missing folder is simply no chapters.

    A chapter's translation into the edition's language (``01-pendahuluan.en.md`` beside ``01-pendahuluan.md``,
    in an edition whose texts are written in another) is read in its place (:func:`read_translation`); a
    translation into another language is printed in its own edition, and read into ``others`` (when given), for the
    checks to tell its mistakes in every edition. ``allowed`` says whether a file may be read (the loader refuses
    links out of the plan folder)."""
    if not folder.is_dir():
        return [], []
    found: dict[str, Chapter] = {}
    translated: list[tuple[Path, str, str]] = []  # (file, its chapter's name, its language)
    problems: list[Diagnostic] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() == ".md" and path.is_symlink() and not path.is_file():  # a link to no file: told
            problems.append(broken_link(name(path)))
            continue
        if path.suffix.lower() != ".md" or not path.is_file():  # "11-lampiran.MD" is named, not skipped
            continue
        if not allowed(path):
            problems.append(error(Position(name(path)), "E013", "file is a link to a place outside the plan folder",
                                  "copy the file into the plan folder instead of linking to it"))
            continue
        if path.name.lower().endswith(".md.md"):  # "11-penutup.md.md": the ending Windows hid, typed again
            problems.append(hidden_ending_told(Position(name(path)), path, path.name[:-3]))
            continue
        if translation := TRANSLATION.match(path.name):
            translated.append((path, translation.group(1), translation.group(2).lower()))
            continue
        if meant := _misnamed(path, folder):  # read as a chapter, it would print the English text in every edition
            problems.append(warning(Position(name(path)), "W538", "{name} is not read: it looks like a translation of "
                                    "{chapter}", Message("name it {meant}", meant=meant), name=path.name,
                                    chapter=f"{meant.split('.')[0]}.md"))
            continue
        chapter, trouble = read(path, name(path), language, written_in)
        problems += trouble
        if chapter:
            found[path.stem] = chapter
    originals = [path.stem for path in folder.iterdir() if FILE_NAME.match(path.name)]
    for path, stem, into in translated:
        if stem not in originals:
            problems.append(stray(name(path), f"{stem}.md", originals, into))
        elif into == (written_in or language):
            problems.append(written_as_translated(name(path), f"{stem}.md", into))
        elif into == language and stem in found:
            chapter, trouble = read_translation(path, name(path), found[stem])
            problems += trouble
            found[stem] = chapter or found[stem]
        elif others is not None and stem in found:  # another edition's: its mistakes told in this one too
            chapter, trouble = read_translation(path, name(path), found[stem], into)
            problems += trouble
            others.extend([chapter] if chapter else [])
    return sorted(found.values(), key=lambda c: (c.order, c.id)), problems


def _misnamed(path: Path, folder: Path) -> str | None:
    """The name a chapter's translation named as a chapter of its own should have (``01-pendahuluan-en.md`` →
    ``01-pendahuluan.en.md``), when a chapter of the name it starts with is beside it; else None."""
    named = _NAMED_AS_CHAPTER.match(path.stem)
    if named is None or not (folder / f"{named.group(1)}.md").is_file():
        return None
    return f"{named.group(1)}.{named.group(2)}.md"


def written_as_translated(file: str, chapter: str, written_in: str) -> Diagnostic:
    """W538 for a translation into the language the chapters are written in (``01-pendahuluan.id.md``)."""
    return warning(Position(file), "W538", "{name} is not read: plan.yml's written_in is {language}, the language the "
                   "chapters are written in", Message("write the chapter itself in {chapter}", chapter=chapter),
                   name=file.rsplit("/", 1)[-1], language=written_in)


def stray(file: str, chapter: str, originals: list[str], into: str, hint: Message | None = None) -> Diagnostic:
    """W538 for a translation beside no chapter of its name (the chapter renamed since); ``hint``, when the only
    name it may have is its own (the executive summary's)."""
    number = chapter.split("-", 1)[0]
    numbered = [original for original in originals if original.split("-", 1)[0] == number]  # renamed, same order
    guess = numbered[0] if len(numbered) == 1 else closest(chapter.removesuffix(".md"), originals)
    hint = hint or (Message("did you mean '{word}'?", word=f"{guess}.{into}.md") if guess else
                    Message("name it after its chapter and its language: 01-pendahuluan.en.md beside "
                            "01-pendahuluan.md"))
    return warning(Position(file), "W538", "{name} is not read: there is no chapter {chapter} for it to translate",
                   hint, name=file.rsplit("/", 1)[-1], chapter=chapter)
