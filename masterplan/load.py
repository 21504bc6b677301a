"""Reads a plan folder into a :class:`~masterplan.model.Plan`, with every problem found.

One bad file never hides the problems of the others: each file is read and checked on
its own, and only files that passed their schema become model objects. Each kind of file
has its reader (plan_reader, pillar_reader, agency_reader with indicator_reader, glossary_reader, chapter_reader),
folder_reader finds, parses and schema-checks them, and names_for_ids hints an id for a name written in its place;
this module reads them in order and joins what they read into one plan.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from masterplan import analysis, chapter_reader, translations
from masterplan.agency_reader import AgencyReader
from masterplan.diagnostics import Message, Position, Report, error, warning
from masterplan.file_names import broken_link
from masterplan.filecache import FileCache
from masterplan.folder_reader import CONTENT, FolderReader, outside_error
from masterplan.glossary_reader import read_glossary
from masterplan.model import SUMMARY_TEXT, Plan
from masterplan.names_for_ids import named_for_ids
from masterplan.pillar_reader import read_pillar
from masterplan.plan_parts import Chapter
from masterplan.plan_reader import read_plan
from masterplan.translation_catalog import Catalog


def _summary_text(reader: FolderReader, path: Path) -> Chapter | None:
    """content/executive-summary.md read as a chapter is (its problems at its lines), or None without one; its
    ``part:`` and ``generated:``, a book's chapter's, have no effect there. Its translation into the edition's
    language (``executive-summary.en.md``) is read in its place, as a chapter's is."""
    written_in = reader.written_in or reader.language
    beside = _translations_of(path)
    translation = beside.get(reader.language, path.with_name(f"{path.stem}.{reader.language}.md"))
    translated_here = reader.language != written_in and translation.is_file()
    if (same := beside.get(written_in)) is not None:  # executive-summary.id.md, written in id
        reader.report.add(chapter_reader.written_as_translated(reader.name(same), path.name, written_in))
    if translated_here and not reader.inside(translation):
        reader.report.add(outside_error(reader.name(translation)))
        translated_here = False
    if not path.is_file():
        if translated_here:
            reader.report.add(chapter_reader.stray(reader.name(translation), path.name, [], reader.language, Message(
                "write {file}, the text it translates, with the summary's text in the plan's own language",
                file=reader.name(path))))
        return None
    if not reader.inside(path):
        reader.report.add(outside_error(reader.name(path)))
        return None
    text, problems = chapter_reader.read_named(path, reader.name(path), reader.language, reader.written_in, path.stem)
    reader.report.extend(problems)
    if text is None:
        return None
    if translated_here:
        translated, problems = chapter_reader.read_translation(translation, reader.name(translation), text)
        reader.report.extend(problems)
        text = translated or text
    # the summary's text always opens its body with the authors' words: a 'part: front' (the summary has no front
    # matter) would drop it, a 'generated:' would pull the book's tables in; what its front matter asks is told
    for field, value in (("part", text.part if text.part != "body" else None), ("generated", ", ".join(text.generated))):
        if value:
            reader.report.add(warning(text.position, "W531", "the executive summary's text always opens the "
                                      "summary: its front matter's {field}: {value} is not used",
                                      "delete that line: the summary's own chapters hold its tables",
                                      field=field, value=value))
    return replace(text, part="body", generated=(), generated_at=())


def _translations_of(path: Path) -> dict[str, Path]:
    """The translations of the text ``path`` beside it, by language (``executive-summary.en.md``, or ``.EN.md`` as
    Windows may save it)."""
    found: dict[str, Path] = {}
    for other in sorted(path.parent.iterdir()) if path.parent.is_dir() else []:
        named = chapter_reader.TRANSLATION.match(other.name)
        if named and named.group(1) == path.stem and other.is_file():
            found.setdefault(named.group(2).lower(), other)
    return found


#: what plan.yml is saved as by mistake (another ending, capitals, Notepad's .txt): named in plan.yml's E010
_PLAN_LOOK_ALIKES = frozenset({"plan.yaml", "plan.yml.txt", "plan.yaml.txt", "plan.txt", "plan.yml", "rencana.yml"})


def load(root: Path, cache: FileCache | None = None) -> tuple[Plan | None, Report]:
    """Read the plan folder ``root``; the plan is None when it cannot be built at all.

    ``cache`` (the preview's) reuses each unchanged file's parse and schema result.
    """
    reader = FolderReader(root, cache)
    content = root / CONTENT
    if not content.is_dir():
        reader.report.add(error(Position(reader.name(content)), "E010", "no content/ folder in {folder}",
                                "is this a plan folder? see 'masterplan new --help'", folder=root))
        return None, reader.report
    plan_file = content / "plan.yml"
    if plan_file.is_symlink() and not plan_file.is_file():
        reader.report.add(broken_link(reader.name(plan_file)))
        plan = None
    elif not plan_file.is_file():
        meant = next((f for f in sorted(content.iterdir()) if f.name.lower() in _PLAN_LOOK_ALIKES and f.is_file()), None)
        reader.report.add(error(Position(reader.name(plan_file)), "E010", "plan.yml is missing",
                                Message("rename content/{name} to content/plan.yml: only that name is read",
                                        name=meant.name) if meant else None))
        plan = None
    else:
        plan = read_plan(reader, plan_file)
    pillars = reader.folder(content / "pillars", lambda path: read_pillar(reader, path))
    agency_reader = AgencyReader(reader)
    agencies = reader.folder(content / "agencies", agency_reader.agency)
    glossary_file = content / "glossary.yml"
    glossary = read_glossary(reader, glossary_file) if glossary_file.is_file() else []
    other_editions: list[Chapter] = []  # the chapters' translations printed in other editions: checked here too
    found_chapters, problems = chapter_reader.read_folder(content / "chapters", reader.name, reader.language,
                                                          reader.inside, reader.written_in, other_editions)
    reader.report.extend(problems)
    if plan is None:
        return None, reader.report
    named_for_ids(reader.report, agencies, pillars)
    plan.pillars = sorted(pillars, key=lambda p: (p.order, p.id))
    plan.agencies = agencies
    plan.glossary = glossary
    plan.chapters = found_chapters
    plan.translations = other_editions
    # read only for a summary: without one, the file is not read (checks.files says so, W017), broken or not
    plan.summary_text = _summary_text(reader, content / SUMMARY_TEXT) if plan.executive_summary else None
    if plan.strategic_analysis:  # likewise: without it, content/analysis/ is not read (W017)
        plan.analysis = analysis.read(plan, content, reader.report, reader.name, reader.inside, reader.written_in,
                                      plan.translations)
    plan.left_out = agency_reader.left_out
    if plan.language != plan.written_in:  # an edition in another language: what it lacks in its own
        plan.untranslated = translations.missing(plan, reader.documents, reader.catalog)
    if (catalog := reader.catalog) is not None:  # the translator's, for the chapters' titles and signatures too
        plan.chapters, plan.analysis = ([_catalogued(c, catalog) for c in chapters]
                                        for chapters in (plan.chapters, plan.analysis))
        plan.summary_text = plan.summary_text and _catalogued(plan.summary_text, catalog)
        reader.report.extend(catalog.unused())
    plan.link()
    return plan, reader.report


def _catalogued(chapter: Chapter, catalog: Catalog) -> Chapter:
    """``chapter`` with the catalog's translations of its title and its signature's role, where it has none."""
    signed = chapter.signed and replace(chapter.signed, role=catalog.translated(chapter.signed.role))
    return replace(chapter, title=catalog.translated(chapter.title), signed=signed)
