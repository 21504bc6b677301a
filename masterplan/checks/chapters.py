"""Chapters: each one's id, order and generated parts its own, its Jinja filled in, its tables' ids unique, its
Markdown printed as meant; and the images (the logo's too) and links of every text the plan prints.

The rules of one kind live beside: where links and images lead (:mod:`~masterplan.checks.links`), Markdown
printed otherwise than meant (:mod:`~masterplan.checks.markdown_writing`), cross-references
(:mod:`~masterplan.checks.cross_references`), texts too costly to print (:mod:`~masterplan.checks.costly_texts`)
and the YAML files' texts (:mod:`~masterplan.checks.texts`); this module runs them over the plan in its order.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from masterplan import analysis, captions, chapters, crossref, jinja_tags
from masterplan.checks import (
    html,
    links,
    markdown_writing,
    numbered_headings,
    page_links,
    status_words,
    table_shapes,
    texts,
)
from masterplan.checks.costly_texts import too_costly
from masterplan.checks.cross_references import (
    UnknownReference,
    analysis_references,
    half_bracketed,
    mistyped,
    summary_references,
    unknown_references,
)
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Position,
    Severity,
    error,
    warning,
)
from masterplan.model import Plan
from masterplan.plan_parts import Chapter


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    context = chapters.context(plan)
    unknown_reference = unknown_references(plan, unreadable)
    yield from _book(plan, plan.chapters, context, unknown_reference, crossref.generated_tables(plan), unreadable)
    if plan.strategic_analysis:  # its chapters, as the book's: their ids, parts and tables the analysis's own
        yield from _book(plan, plan.analysis, context, analysis_references(plan, unreadable),
                         analysis.generated_tables(plan), unreadable)
    for translation in plan.translations:  # another edition's: its text told here, its book's ids and order its own
        yield from map(_of_another_edition, _text(plan, translation, context, unknown_reference, unreadable))
    if plan.executive_summary and plan.summary_text is not None:  # its Jinja, as a chapter's: told at its lines
        yield from chapters.expand(plan.summary_text, context)[1]
        yield from chapters.told(plan.summary_text, context)
        yield from _references(plan.summary_text, summary_references(plan))  # as its book tells them, at their lines
        yield from markdown_writing.control_characters(plan.summary_text)
    yield from texts.in_texts(plan, unknown_reference)
    if plan.logo:
        where = plan.where.get("logo", plan.position)
        found = links.problem("image", plan.logo, where, None) or links.missing("logo", plan.logo, where, plan.content)
        if found:
            yield found


def _book(plan: Plan, book: list[Chapter], context: dict[str, Any], unknown_reference: UnknownReference,
          tables: set[str], unreadable: AbstractSet[str]) -> Iterator[Diagnostic]:
    """The problems of one book's chapters (the book's, or the strategic analysis's): ``tables`` holds the ids of the
    tables it generates, to which its captions' are added."""
    seen: dict[str, Chapter] = {}
    claimed: dict[str, Chapter] = {}  #: generated part -> the chapter it follows
    ordered: dict[tuple[str, int], Chapter] = {}  #: (part, order) -> the first chapter with it

    for chapter in book:
        if (first := ordered.setdefault((chapter.part, chapter.order), chapter)) is not chapter:
            yield warning(chapter.position, "W515", "chapter order {order} is also {file}'s: the two are put in "
                          "order by their ids", "give each chapter a number of its own: the NN- of its file name, "
                          "or order: in its front matter", order=chapter.order, file=first.position.file)
        if chapter.id in seen:
            yield error(chapter.position, "E509", "chapter id '{id}' is also used by {file}",
                        "give one of them another id in its front matter", id=chapter.id, file=seen[chapter.id].position.file)
        seen.setdefault(chapter.id, chapter)
        for index, (part, where) in enumerate(zip(chapter.generated, chapter.generated_at, strict=True)):
            if part in chapter.generated[:index]:
                yield error(where, "E512", "chapter claims the generated part '{part}' twice",
                            "remove it once from its 'generated:'", part=part)
            elif (other := claimed.setdefault(part, chapter)) is not chapter:
                yield error(where, "E512", "chapter claims the generated part '{part}', which {file} claims already",
                            "one chapter leads each generated part: remove it from the 'generated:' of one of them",
                            part=part, file=other.position.file)
        if costly := too_costly(chapter.body, Position(chapter.position.file, chapter.body_line, 1), True):
            yield costly  # the checks below read its Markdown, some as slowly as Markdown would
            continue
        for table in captions.table_captions(chapter):
            if table.ref in tables:
                yield error(Position(chapter.position.file, chapter.body_line + table.line - 1, 1), "E510",
                            "table id '{id}' is already used by another table of the book",
                            "end the caption with another id, e.g. (tab:swot-2021)", id=table.ref)
            tables.add(table.ref)
        for figure in captions.figure_captions(chapter):
            if figure.ref in tables or figure.ref in crossref.GENERATED_FIGURES:
                yield error(Position(chapter.position.file, chapter.body_line + figure.line - 1, 1), "E510",
                            "figure id '{id}' is already used by another figure of the book",
                            "end the caption with another id, e.g. (fig:peta-2021)", id=figure.ref)
            tables.add(figure.ref)
        yield from _text(plan, chapter, context, unknown_reference, unreadable)


def _text(plan: Plan, chapter: Chapter, context: dict[str, Any], unknown_reference: UnknownReference,
          unreadable: AbstractSet[str]) -> Iterator[Diagnostic]:
    """The problems of a chapter's text, at its lines: its links and images, its Markdown, its Jinja, its
    cross-references."""
    yield from links.chapter_links(chapter, plan.content)
    yield from page_links.check(plan, chapter)
    yield from _written(chapter)
    text, problems = chapters.expand(chapter, context)
    yield from (p for p in problems if p.unknown is None  # not an id a broken file may hold:
                or (p.unknown not in unreadable and ANY_PROGRAM not in unreadable))
    yield from chapters.told(chapter, context)
    yield from numbered_headings.filled(chapter, text)
    yield from table_shapes.check(chapter, text)
    if text is not None:  # else Jinja failed (said above): what it would fill in is not known, what is written is
        yield from links.filled_links(chapter, text, plan.content)
        if filled := too_costly(text, Position(chapter.position.file, chapter.body_line, 1), filled=True):
            yield filled
    yield from _references(chapter, unknown_reference)
    outside = jinja_tags.blanked(chapter.body)
    for written, line, column in crossref.find(outside, crossref.MISTYPED):
        yield mistyped(written, Position(chapter.position.file, chapter.body_line + line - 1, column))
    for written, line, column, opened in crossref.half_bracketed(outside):
        yield half_bracketed(written, Position(chapter.position.file, chapter.body_line + line - 1, column), opened)


def _of_another_edition(found: Diagnostic) -> Diagnostic:
    """An error in a chapter's translation printed in another edition (``01-pendahuluan.en.md`` in the Indonesian
    one) as a warning (W540): that edition's build stops for it, this one prints none of the translation."""
    if found.severity is not Severity.ERROR:
        return found
    return warning(found.position, "W540", "the other edition's translation has an error ({code}): {message}",
                   found.hint, code=found.code, message=found.message)


def _references(chapter: Chapter, unknown_reference: UnknownReference) -> Iterator[Diagnostic]:
    """What each cross-reference the chapter writes to nothing its book holds is, at its line."""
    for ref, line, column in crossref.find(chapter.body):
        if found := unknown_reference(ref, Position(chapter.position.file, chapter.body_line + line - 1, column)):
            yield found


def _written(chapter: Chapter) -> Iterator[Diagnostic]:
    """What the chapter's Markdown prints otherwise than its writer meant, in the order the lines are read."""
    for what, line, column in html.removed(chapter.body):
        yield markdown_writing.removed(what, Position(chapter.position.file, chapter.body_line + line - 1, column))
    yield from markdown_writing.title_headings(chapter)
    yield from numbered_headings.written(chapter)
    yield from status_words.check(chapter)
    yield from markdown_writing.skipped_levels(chapter)
    yield from markdown_writing.underlined_sentences(chapter)
    yield from markdown_writing.captions_above_tables(chapter)
    yield from markdown_writing.numbered_captions(chapter)
    yield from markdown_writing.filled_in_captions(chapter)
    yield from markdown_writing.no_tables(chapter)
    yield from markdown_writing.figure_captions_astray(chapter)
    for line, item in markdown_writing.bullets(chapter.body):
        yield markdown_writing.bulleted(Position(chapter.position.file, chapter.body_line + line - 1, 1), item)
    for line, item in markdown_writing.lettered(chapter.body):
        yield markdown_writing.lettered_list(Position(chapter.position.file, chapter.body_line + line - 1, 1), item)
    for line, words in markdown_writing.indented_prose(chapter.body):
        yield markdown_writing.printed_as_code(Position(chapter.position.file, chapter.body_line + line - 1, 1), words)
    yield from markdown_writing.stray_braces(chapter)
    yield from markdown_writing.unmatched_footnotes(chapter)
    yield from markdown_writing.control_characters(chapter)
    yield from markdown_writing.unclosed_bold(chapter)
