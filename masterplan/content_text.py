"""The plan's content files as text, and where a character first occurs in them: for problems found in
what the renderers print (a character no font has) that are said at the line that wrote it.

Only the files the plan is read from count: a folder the build does not read (``content/analysis/`` in a plan
asking for no strategic analysis, an archive ``content/lama/``) draws W017 and no warning of its text."""

from __future__ import annotations

from pathlib import Path

from masterplan.chapter_reader import TRANSLATION
from masterplan.diagnostics import Position
from masterplan.folder_reader import inside
from masterplan.model import ANALYSIS, SUMMARY_TEXT, Plan

#: each folder of content/ the plan is read from, with the files it reads (its own, not its folders')
READ = {"agencies": (".yml", ".yaml"), "pillars": (".yml", ".yaml"), "chapters": (".md",)}
TOP_FILES = ("plan.yml", "glossary.yml", SUMMARY_TEXT)  #: the files of content/ itself


def translation_read(name: str, plan: Plan) -> bool:
    """Whether the file ``name``, when it is a translation, is read in place of its chapter: in an edition in its
    language, of a plan whose texts are written in another (any other file: True)."""
    translation = TRANSLATION.match(name)
    return translation is None or translation.group(2).lower() == plan.language != plan.written_in


def read_files(plan: Plan) -> list[Path]:
    """The files of content/ the plan is read from, in name order: plan.yml, glossary.yml, the folders of
    :data:`READ`, and the executive summary's text and the strategic analysis's chapters when plan.yml asks for
    them."""
    content = plan.content
    if content is None or not content.is_dir():
        return []
    folders = {**READ, **({ANALYSIS: READ["chapters"]} if plan.strategic_analysis else {})}
    tops = [name for name in TOP_FILES if name != SUMMARY_TEXT or plan.executive_summary]
    if plan.executive_summary:  # its translation, as the loader finds it (".EN.md" as Windows may save it too)
        tops += sorted(path.name for path in content.iterdir() if (named := TRANSLATION.match(path.name))
                       and f"{named.group(1)}.md" == SUMMARY_TEXT)
    found = [content / name for name in tops if translation_read(name, plan)]
    found += [path for folder, endings in folders.items() if (content / folder).is_dir()
              for path in (content / folder).iterdir()
              if path.suffix.lower() in endings and translation_read(path.name, plan)]
    # a link within the plan folder is read as the loader reads it; one leading out of it is never read (E013)
    return sorted(path for path in found if path.is_file() and (not path.is_symlink() or inside(path, content.parent)))


def content_texts(plan: Plan) -> list[tuple[str, str]]:
    """(name, text) of each chapter and YAML file the plan is read from (:func:`read_files`), in name order."""
    if plan.content is None:
        return []
    root = plan.content.parent
    return [(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
            for path in read_files(plan)]


def character_at(character: str, texts: list[tuple[str, str]], plan: Plan) -> Position:
    """The first line of the content that has ``character`` (a chapter's, an agency's, ...), else plan.yml."""
    for name, text in texts:
        at = text.find(character)
        if at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            return Position(name, text.count("\n", 0, at) + 1, at - line_start + 1)
    return Position(plan.position.file)
