"""The plan's content files as text, and where a character first occurs in them: for problems found in
what the renderers print (a character no font has) that are said at the line that wrote it."""

from __future__ import annotations

from masterplan.diagnostics import Position
from masterplan.model import Plan


def content_texts(plan: Plan) -> list[tuple[str, str]]:
    """(name, text) of each chapter and YAML file of the content, in name order."""
    if plan.content is None:
        return []
    root = plan.content.parent
    return [(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
            for path in sorted(plan.content.rglob("*"))
            if path.suffix.lower() in (".md", ".yml", ".yaml") and not path.is_symlink() and path.is_file()]


def character_at(character: str, texts: list[tuple[str, str]], plan: Plan) -> Position:
    """The first line of the content that has ``character`` (a chapter's, an agency's, ...), else plan.yml."""
    for name, text in texts:
        at = text.find(character)
        if at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            return Position(name, text.count("\n", 0, at) + 1, at - line_start + 1)
    return Position(plan.position.file)
