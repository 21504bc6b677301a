"""The plan's texts an edition prints in another language, for want of a translation: found, counted and listed.

An English edition of a plan written in Indonesian (``language: en``, ``written_in: id``) prints each text that has
no ``en`` (a plain one, or ``{id: …}`` alone) as written, marked as Indonesian. Nothing said which: a translator
found the sample's 800 of them by a script of her own. The files' texts are found by their schema (a field that is
``text`` or ``name``, :mod:`masterplan.schema_defs`), each where its file writes it; the chapters' titles by their
front matter, and the chapters without a translation beside them (``01-pendahuluan.en.md``,
:mod:`masterplan.chapter_reader`) are counted. The build says how many and writes the list (:data:`LIST`) beside
the book, a worksheet for the translator.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from masterplan import translation_catalog
from masterplan.diagnostics import Message, Position
from masterplan.located import LocatedList, LocatedMap
from masterplan.model import Plan
from masterplan.output import Staging
from masterplan.plan_parts import Chapter
from masterplan.render.data_notes import csv_table
from masterplan.schema import DOCUMENTS
from masterplan.schema_defs import DEFS
from masterplan.translation_catalog import NAME, Catalog, key

TEXTS = ("text", "name")  #: the schema's kinds of human-readable text, written plain or per language
LIST = "untranslated-{language}.csv"  #: the list, in build/, for the edition's language


@dataclass(frozen=True)
class Untranslated:
    """A text the edition prints as written, in another language: where, which field, and what it says."""

    position: Position
    field: str  #: e.g. ``programs › GOV-01 › indicators › 1 › name``
    text: str


@dataclass(frozen=True)
class Missing:
    """What the plan lacks in the edition's language: its texts, and the chapters written in another."""

    language: str
    texts: tuple[Untranslated, ...]
    chapters: tuple[Chapter, ...]
    #: the texts the translator's catalog translates, each with its translation: listed in the worksheet too, so that
    #: the worksheet saved as the catalog keeps them (:mod:`masterplan.translation_catalog`)
    translated: tuple[tuple[Untranslated, str], ...] = ()

    def said(self) -> Message | None:
        """The build's line on it; None when the edition has everything in its language."""
        if not self.texts and not self.chapters:
            return None
        if not self.texts:  # every text translated: no worksheet (:meth:`worksheet`)
            return Message("Without a version in this edition's language ({language}), printed as written: chapters "
                           "{chapters}; a chapter's translation goes beside its chapter (01-pendahuluan.{language}.md)",
                           chapters=len(self.chapters), language=self.language)
        listed = LIST.format(language=self.language)
        return Message("Without a version in this edition's language ({language}), printed as written: texts of the "
                       "plan {texts}, chapters {chapters}; the texts are listed in build/{list} (for Excel: "
                       "build/{workbook}): its {language} column filled in and saved as content/{catalog} (or "
                       "{catalog_workbook}), it translates them; a chapter's translation goes beside its chapter "
                       "(01-pendahuluan.{language}.md)", texts=len(self.distinct()), chapters=len(self.chapters),
                       language=self.language, list=listed, workbook=workbook_of(listed),
                       catalog=NAME.format(language=self.language),
                       catalog_workbook=translation_catalog.WORKBOOK.format(language=self.language))

    def distinct(self, texts: tuple[Untranslated, ...] | None = None) -> dict[str, list[Untranslated]]:
        """The texts (by default those without a translation) by what they read
        (:func:`masterplan.translation_catalog.key`), each with the places that print it, in the order first met."""
        found: dict[str, list[Untranslated]] = {}
        for text in self.texts if texts is None else texts:
            found.setdefault(key(text.text), []).append(text)
        return found

    def worksheet(self) -> str | None:
        """The name of the list in build/, None when every text has a version in the edition's language."""
        return LIST.format(language=self.language) if self.texts else None

    def rows(self) -> list[list[Any]]:
        """The worksheet's rows, its header first (:meth:`csv`)."""
        translations = {key(text.text): translation for text, translation in self.translated}
        return [["file", "line", "field", "places", "text", self.language],
                *([places[0].position.file, places[0].position.line, places[0].field, len(places), places[0].text,
                   translations.get(known, "")]
                  for known, places in [*self.distinct().items(),
                                        *self.distinct(tuple(text for text, _ in self.translated)).items()])]

    def xlsx(self) -> bytes:
        """The worksheet as an Excel workbook: its rows as :meth:`csv`'s, every cell text (none read as a formula),
        the texts wrapped; what Excel set to Indonesian opens in columns, where a CSV lands in one."""
        import io

        import xlsxwriter
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False})
        sheet = book.add_worksheet(self.language)
        header, *rows = self.rows()
        sheet.write_row(0, 0, header, book.add_format({"bold": True, "bottom": 1}))
        # formatted as text ("@"): what the translator types is kept as typed, not made a date ("24/7"), a number
        # ("100%") or TRUE by Excel set to Indonesian
        wrapped = book.add_format({"text_wrap": True, "valign": "top", "num_format": "@"})
        for number, row in enumerate(rows, 1):
            sheet.write_row(number, 0, row, wrapped)
        sheet.set_column(0, 2, 24)
        sheet.set_column(4, 5, 60, wrapped)
        sheet.freeze_panes(1, 0)
        book.close()
        return buffer.getvalue()

    def csv(self) -> str:
        """The list as a spreadsheet opens it, written as the open data's tables are (their texts guarded: a text
        starting "=HYPERLINK(" is no formula), with a mark that tells Excel it is UTF-8: a row per text, at the first
        of its places (file, line, field), how many places print it, the text, and an empty column for the
        translation, which the translator's catalog reads (:mod:`masterplan.translation_catalog`); then the texts
        the catalog translates, with their translations, so that the worksheet filled in and saved as the catalog
        keeps them."""
        header, *rows = self.rows()
        return "\ufeff" + csv_table(header, rows)


#: the worksheet of any edition, as a build names it in build/, a CSV file or a workbook (not a copy kept of one,
#: :func:`typed_in`)
WORKSHEET = re.compile(re.escape(LIST.removesuffix(".csv")).replace(re.escape("{language}"), "([a-z]{2,3})")
                       + r"\.(?:csv|xlsx)")


def workbook_of(worksheet: str) -> str:
    """The name of the worksheet's workbook, written beside it for Excel: ``untranslated-en.xlsx``."""
    return worksheet.removesuffix(".csv") + ".xlsx"


def typed_in(worksheet: Path, content: Path | None) -> int:
    """How many translations were typed into a worksheet a build wrote (``build/untranslated-en.csv``, saved over
    in a spreadsheet instead of as the catalog) that the catalog in ``content`` does not have: the next build would
    write the worksheet anew over them. One that cannot be read as a table counts as one (its translations are not
    known, so it is kept)."""
    named = WORKSHEET.fullmatch(worksheet.name)
    if named is None or not worksheet.is_file():
        return 0
    language = named.group(1)
    typed, _ = translation_catalog.read(worksheet, worksheet.name, language, "")
    if typed is None:
        return 1
    catalog = translation_catalog.found(content, language) if content is not None else None
    known = translation_catalog.read(catalog, catalog.name, language, "")[0] if catalog is not None else None
    return sum(1 for known_as, row in typed.rows.items()
               if known is None or known_as not in known.rows or known.rows[known_as].translation != row.translation)


def missing(plan: Plan, documents: list[tuple[str, LocatedMap]], catalog: Catalog | None = None) -> Missing:
    """What ``plan`` lacks in its language, ``documents`` being its files as read, each with its kind, and what of
    it the translator's ``catalog`` translates (the chapters' titles and signatures as read, before the catalog's
    translations are given them)."""
    language, written_in = plan.language, plan.written_in
    texts = [found for kind, data in documents
             for found in _walk(data, DOCUMENTS[kind], data.position, (), language, written_in)]
    chapters = [*plan.chapters, *([plan.summary_text] if plan.summary_text else []), *plan.analysis]
    texts += [Untranslated(chapter.position, f"{chapter.id} › title", str(chapter.title)) for chapter in chapters
              if language not in chapter.title.values]
    # a signature a translation left out is its chapter's, printed as written ("Wali Kota Pasuruan")
    texts += [Untranslated(chapter.signed.date_at or chapter.position, f"{chapter.id} › signed › role",
                           str(chapter.signed.role))
              for chapter in chapters if chapter.signed and language not in chapter.signed.role.values]
    translated = [(text, catalog.translation(text.text)) for text in texts if catalog is not None
                  and catalog.knows(text.text)]
    return Missing(language, tuple(text for text in texts if catalog is None or not catalog.knows(text.text)),
                   tuple(chapter for chapter in chapters if chapter.written_in != language), tuple(translated))


def _walk(value: Any, schema: Mapping[str, Any], position: Position, path: tuple[str, ...], language: str,
          written_in: str) -> Iterator[Untranslated]:
    """The texts of ``value`` (written at ``position``, under ``path``) that ``schema`` makes human-readable and
    that lack ``language``."""
    reference = schema.get("$ref", "").rsplit("/", 1)[-1]
    if reference in TEXTS:
        yield from _text(value, position, path, language, written_in)
        return
    if reference:
        yield from _walk(value, DEFS[reference], position, path, language, written_in)
        return
    for branch in schema.get("anyOf", ()):
        if branch.get("$ref", "").rsplit("/", 1)[-1] in TEXTS and isinstance(value, (str, Mapping)):
            yield from _text(value, position, path, language, written_in)
            return
    if isinstance(value, LocatedMap):
        fields, others = schema.get("properties", {}), schema.get("additionalProperties")
        for key, item in value.items():
            inner = fields.get(key, others if isinstance(others, Mapping) else None)
            if inner is not None:
                yield from _walk(item, inner, value.at(key), (*path, str(key)), language, written_in)
    elif isinstance(value, LocatedList) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            named = item.get("id") if isinstance(item, Mapping) else None
            yield from _walk(item, schema["items"], value.at(index), (*path, str(named or index + 1)), language,
                             written_in)


def _text(value: Any, position: Position, path: tuple[str, ...], language: str,
          written_in: str) -> Iterator[Untranslated]:
    if isinstance(value, str) and value.strip() and written_in != language:
        yield Untranslated(position, " › ".join(path), value)
    elif isinstance(value, Mapping) and value and language not in value:
        yield Untranslated(position, " › ".join(path), str(value.get(written_in) or next(iter(value.values()))))


def write_worksheet(missing: Missing | None, staging: Staging, content: Path | None) -> list[Message]:
    """Write the edition's worksheet into the build (``missing``: what it lacks; None for an edition in the plan's own
    language) and say so; a worksheet an earlier build left is removed once it is empty, or of another language, and
    one that translations were typed into (:func:`typed_in`) is kept beside it first, under a name of its own."""
    written = missing.worksheet() if missing is not None else None
    names = {written, workbook_of(written)} if written else set()
    lines: list[Message] = []
    for earlier in sorted(staging.build_dir.glob(LIST.format(language="*").removesuffix(".csv") + ".*")):
        if not WORKSHEET.fullmatch(earlier.name):
            continue  # a copy kept below
        if typed := typed_in(earlier, content):  # saved over instead of as the catalog: kept
            kept = f"{earlier.stem}.typed-{time.strftime('%Y%m%d-%H%M%S')}{earlier.suffix}"
            shutil.copyfile(earlier, staging.path(kept))
            language = earlier.stem.removeprefix("untranslated-")
            lines.append(Message("build/{name} had {count} translations typed into it that the plan does not have: "
                                 "kept as build/{kept}; save that file as content/{catalog}, where the build reads "
                                 "them (it writes build/{name} anew)", name=earlier.name, count=typed, kept=kept,
                                 catalog=NAME.format(language=language)))
        if earlier.name not in names:
            staging.drop(earlier.name)
    if missing is not None and written is not None:
        staging.path(written).write_text(missing.csv(), encoding="utf-8")
        staging.path(workbook_of(written)).write_bytes(missing.xlsx())
    said = missing.said() if missing is not None else None
    return lines + ([said] if said is not None else [])
