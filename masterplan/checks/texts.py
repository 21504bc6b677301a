"""The Markdown texts of the plan's YAML files: pillars', sub-elements', programs' and phases' summaries and
descriptions, which the book and the site print as a chapter's text is printed.

Their links and images lead where a chapter's must (:mod:`masterplan.checks.links`); a cross-reference works in a
phase's description, which the roadmap chapter prints, and nowhere else (W518).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from masterplan import crossref
from masterplan.checks import html, links, markdown_writing
from masterplan.checks.costly_texts import too_costly
from masterplan.checks.cross_references import UnknownReference, mistyped
from masterplan.diagnostics import Diagnostic, Position, error, warning
from masterplan.markdown_limits import long_word
from masterplan.model import Plan
from masterplan.values import Text


def in_texts(plan: Plan, unknown_reference: UnknownReference) -> Iterator[Diagnostic]:
    """Every text's links, images, removed HTML, pasted bullets and cross-references, at its line."""
    for pillar in plan.pillars:
        for name in ("summary", "description"):
            yield from text_links(getattr(pillar, name), pillar.where.get(name, pillar.position), plan.content,
                                  f"{name}|" in pillar.where)
        for sub in pillar.sub_elements:
            yield from text_links(sub.description, sub.position, plan.content)
    for program in plan.programs:
        for name in ("summary", "description"):
            yield from text_links(getattr(program, name), program.at(name), plan.content, f"{name}|" in program.where)
    yield from _long_words(plan)
    for phase in plan.phases:  # printed by the roadmap chapter ({{ phase.description }}): its cross-references work
        yield from text_links(phase.description, phase.at("description"), plan.content, "description|" in phase.where,
                              unknown_reference)


def _long_words(plan: Plan) -> Iterator[Diagnostic]:
    """E528 for a word no line can hold in a plain text the book prints in a table's cell or a heading: a program's
    name and location, an agency's, a pillar's and a sub-element's name, an indicator's name and unit (200 KB of one
    word in an agency's name kept the PDF build busy for more than 6 minutes)."""
    plain: list[tuple[Text, Position]] = [(agency.name, agency.where.get("name", agency.position))
                                          for agency in plan.agencies]
    for pillar in plan.pillars:
        plain.append((pillar.name, pillar.where.get("name", pillar.position)))
        plain += [(sub.name, sub.position) for sub in pillar.sub_elements]
        plain += [(text, indicator.position) for indicator in pillar.indicators for text in (indicator.name,
                                                                                             indicator.unit)]
    for program in plan.programs:
        plain += [(program.name, program.at("name")), (program.location, program.at("location"))]
        plain += [(text, indicator.position) for indicator in program.indicators for text in (indicator.name,
                                                                                              indicator.unit)]
    for text, where in plain:
        for value, written_at in text.versions():
            if (found := long_word(value)) is not None:
                yield error(written_at or where, "E528", found.message, found.hint)


def text_links(text: Text, where: Position, content: Path | None, block: bool = False,
               in_chapter: UnknownReference | None = None) -> Iterator[Diagnostic]:
    """A text's links and images, each at its own line when the text is one block (``description: |``,
    positioned at its first line: a line of the text is a line of the file), else at the text. ``in_chapter``: for
    a text a chapter prints (a phase's description), what a cross-reference in it to nothing known is, as in the
    chapter; its cross-references work there. Elsewhere any is printed as written (W518)."""

    written_at: Position | None = None  # the version's own place: a translation the catalog gave, at its row

    def at(line: int) -> Position:
        if written_at is not None:
            return written_at
        return Position(where.file, where.line + line - 1, where.column) if block and line > 1 else where

    for value, written_at in text.versions():
        if costly := too_costly(value, written_at or where, block and written_at is None):
            yield costly
            continue
        shown = links.Shown(value)
        for kind, url, line, column in links.urls(value):
            shown.add(url, line, column, links.problem(kind, url, at(line), content))
        yield from shown.told()
        for what, line, _ in html.removed(value):
            yield markdown_writing.removed(what, at(line))
        for line, item in markdown_writing.bullets(value):
            yield markdown_writing.bulleted(at(line), item)
        for line, item in markdown_writing.lettered(value):
            yield markdown_writing.lettered_list(at(line), item)
        for line, words in markdown_writing.indented_prose(value):
            yield markdown_writing.printed_as_code(at(line), words)
        if in_chapter is not None:
            for ref, line, _ in crossref.find(value):
                if found := in_chapter(ref, at(line)):
                    yield found
            for ref, line, _ in crossref.find(value, crossref.MISTYPED):
                yield mistyped(ref, at(line))
            continue
        for pattern in (crossref.PATTERN, crossref.MISTYPED):
            for ref, line, _ in crossref.find(value, pattern):
                yield warning(at(line), "W518", "'[[{text}]]' is printed as written: cross-references work in chapters only",
                              "name it in words here, e.g. e-Sambat (GOV-01)", text=ref)
