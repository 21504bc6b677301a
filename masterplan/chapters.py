"""Filling in a chapter's text: the sandboxed Jinja that puts the plan's figures in its prose.

A chapter's prose may read the plan (``{{ plan.programs | length }} program``) so figures
stay true after every revision. Chapter text comes from many hands, so it runs in
Jinja's immutable sandbox, with a time limit and an output limit, and every failure
becomes a diagnostic at the chapter's file and line. The chapter files themselves are
read by :mod:`masterplan.chapter_reader`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple, TypeVar, cast

import jinja2

from masterplan import (
    chapter_lists,
    chapter_values,
    filled_blocks,
    jinja_tags,
    jinja_words,
    number_marks,
    sandbox,
    sandbox_errors,
    sandbox_limits,
    sandbox_time,
)
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    error,
    warning,
)
from masterplan.model import DEFAULT_LANGUAGE, Plan
from masterplan.plan_parts import Chapter

T = TypeVar("T")


def expand(chapter: Chapter, context: dict[str, Any]) -> tuple[str | None, list[Diagnostic]]:
    """The chapter's Markdown with its Jinja expressions filled in, or the reason it failed.

    Filled in once per loaded plan: the checks and both renderers ask for the same text.
    """
    text, problems, _ = _expanded(chapter, context)
    return text, problems


def told(chapter: Chapter, context: dict[str, Any]) -> list[Diagnostic]:
    """What validate says of what the chapter's Jinja printed, once it is filled in (:func:`expand`): a fraction of
    as many digits as a float holds (W556), left to the checks, not the renderers, which fill it in again."""
    return _expanded(chapter, context)[2]


def _expanded(chapter: Chapter, context: dict[str, Any]) -> tuple[str | None, list[Diagnostic], list[Diagnostic]]:
    plan = context.get("plan")
    memo: dict[Any, tuple[str | None, list[Diagnostic], list[Diagnostic]]] = _once(plan, "expanded", dict)
    key = (chapter.position.file, chapter.body, tuple(sorted(context)))
    if key not in memo:
        budget = _once(plan, "chapters' time", lambda: sandbox_time.TimeBudget(sandbox_time.MAX_SECONDS_IN_ALL))
        long: list[tuple[int, str, int]] = []
        text, problems = _expand(chapter, context, budget, long)
        memo[key] = text, problems, list(_long_fractions(chapter, long)) if text is not None else []
    return memo[key]


def _long_fractions(chapter: Chapter, gathered: list[tuple[int, str, int]]) -> Iterator[Diagnostic]:
    """W556 at each line that printed a fraction of as many digits as a float holds, a division's (``{{ 2 / 3 * 100
    }}`` printed 66,666666666667), at its first (:func:`masterplan.number_marks.gather`)."""
    for line, written, places in gathered:
        yield warning(Position(chapter.position.file, chapter.body_line + max(line, 1) - 1,
                               _dividing_tag_column(chapter.body, line)), "W556",
                      "a number is printed with {places} decimals: {value}",
                      "a division gives them: round it to the decimals the text needs, e.g. "
                      "{{{{ (a / b * 100) | round(1) }}}} for one", places=places, value=written)


def _once(plan: Any, key: str, make: Callable[[], T]) -> T:
    """What ``make`` gives, kept by the plan (:meth:`Plan.derived`) for every chapter; made anew for each chapter
    when the context holds no plan."""
    return plan.derived(key, make) if isinstance(plan, Plan) else make()


#: plan.program, plan.agency or plan.pillar written without the id they look up: the list was meant
_LOOKUP_AS_LIST = re.compile(r"\bplan\.(?:program|agency|pillar)\b(?!s|\s*\()")


#: a lookup by id written in a chapter: plan.program('GOV-13')
_LOOKUP = re.compile(r"""\bplan\.(program|agency|pillar)\(\s*['"]([^'"]+)['"]\s*\)""")


class _Nothing(NamedTuple):
    """A lookup by id in a chapter that found nothing: what to say, the hint, and the id it named."""

    what: Message
    hint: Message | None
    unknown: str


def _lookup_of_nothing(message: str, line: str, plan: Any) -> _Nothing | None:
    """"'None' has no attribute 'name'" in the plan's words when the failing line of a chapter looks
    up an id the plan lacks: which lookup found nothing, and the id meant (a renamed program's new one)."""
    if jinja_words.empty_field(message) is None or plan is None:
        return None
    for kind, wanted in _LOOKUP.findall(line):
        if getattr(plan, kind)(wanted) is None:
            from masterplan.checks.last_build import Unknown
            unknown = Unknown(plan)
            hint = (unknown.program(wanted) if kind == "program" else unknown.agency(wanted) if kind == "agency"
                    else did_you_mean(wanted, [p.id for p in plan.pillars])) or Message(
                "no {kind} of the plan has the id {id}: check it, or print this only when it is found: "
                "{{% if {lookup} %}}...{{% endif %}}", kind=kind, id=wanted, lookup=f"plan.{kind}('{wanted}')")
            return _Nothing(Message("{lookup} finds no {kind} of that id", lookup=f"plan.{kind}('{wanted}')",
                                    kind=kind), hint, wanted)
    return None


class _Empty(NamedTuple):
    """A value of a chapter's line that was empty (None): what to say, the hint, and the value (when one)."""

    what: Message
    hint: Message
    value: str | None


def _field_of_nothing(message: str, line: str) -> _Empty | None:
    """"'None' has no attribute 'name'" in the plan's words: which value of the failing line is empty
    (``plan.leading_sector`` when plan.yml names an agency no file has), and what to do about it. A line
    with two values before that field (``p.name`` and ``p.lead.name``) does not say which one Jinja met."""
    field = jinja_words.empty_field(message)
    if field is None:
        return None
    values = list(dict.fromkeys(re.findall(rf"((?:\w+\.)*\w+)\.{re.escape(field)}\b", line)))
    cause = Message("when it names something of another file (an agency, a program), the error reported for "
                    "that file is the cause")
    if len(values) == 1:
        source = chapter_lists.SOURCES.get(values[0])  # plan.swot when plan.yml gives no swot:
        hint = (Message("write it in {source}, or print it only when it is given: {{% if {value} %}}...{{% endif %}}",
                        source=source, value=values[0]) if source else
                Message("{cause}; otherwise print it only when it is set: {{% if {value} %}}...{{% endif %}}",
                        cause=cause, value=values[0]))
        return _Empty(Message("{value} is empty, so it has no field '{field}'", value=values[0], field=field),
                      hint, values[0])
    return _Empty(Message("a value before .{field} is empty, so it has no field '{field}'", field=field), cause, None)


#: what Jinja says is undefined: "'...Plan object' has no attribute 'kota'", "'kota' is undefined"
_NAMED = re.compile(r"attribute '(\w+)'$|^'(\w+)' is undefined$")


def _column(line: str, what: str) -> int:
    """Where on its line a chapter names what is missing: an id looked up (``'GOV-13'``), a field (``.kota``)
    or a name (``kota``); 1 when the line does not show it."""
    named = _NAMED.search(what)
    if named:
        found = re.search(rf"\.{named.group(1)}\b", line) if named.group(1) else re.search(rf"\b{named.group(2)}\b", line)
        return found.start() + 1 + (named.group(1) is not None) if found else 1
    at = line.find(f"'{what}'") if what else -1
    at = at if at >= 0 else line.find(f'"{what}"') if what else -1
    return at + 1 if at >= 0 else 1


#: what divides in a tag: '/', '//' or '%' (a '%' beside the tag's own braces is not)
_DIVIDES = re.compile(r"(?<!\{)(?://?|%)(?!\})")


#: a filter that gives a number its decimals: '| round(1)', '| int', "'%.1f' | format(x)"
_ROUNDS = re.compile(r"\|\s*(?:round|int|format)\b")


def _dividing_tag_column(body: str, line: int) -> int:
    """The column of the first ``{{ }}`` on ``line`` of ``body`` that divides and does not round (what printed a
    long fraction), or 1 when there is none."""
    lines = body.split("\n")
    tags = jinja_tags.TAG.finditer(lines[line - 1]) if 0 < line <= len(lines) else iter(())
    return next((tag.start() + 1 for tag in tags if tag.group().startswith("{{") and _DIVIDES.search(tag.group())
                 and not _ROUNDS.search(tag.group())), 1)


def _tag_column(body: str, line: int, fits: Callable[[str], bool]) -> int:
    """The column of the one Jinja tag on ``line`` of ``body`` that ``fits`` what failed (any tag: a record is printed
    by ``{{ }}`` or turned into text by ``~`` in a ``{% %}``), or 1 when the line holds none or several."""
    lines = body.split("\n")
    if not 0 < line <= len(lines):
        return 1
    tags = [tag for tag in jinja_tags.TAG.finditer(lines[line - 1]) if fits(tag.group())]
    return tags[0].start() + 1 if len(tags) == 1 else 1


def _expand(chapter: Chapter, context: dict[str, Any], budget: sandbox_time.TimeBudget,
            long: list[tuple[int, str, int]]) -> tuple[str | None, list[Diagnostic]]:
    """The chapter filled in, or why it cannot be; ``long`` gathers the fractions it prints as long as a float
    holds (:func:`masterplan.number_marks.gather`)."""
    file = chapter.position.file

    def at(line: int, column: int = 1) -> Position:
        return Position(file, chapter.body_line + max(line, 1) - 1, column)

    try:
        template = sandbox.compile_chapter(chapter.body, file)
    except jinja2.TemplateSyntaxError as exc:
        said = jinja_words.syntax(exc, chapter.body, chapter.body_line)
        return None, [error(at(said.line, said.column), "E503", "template error in chapter: {detail}",
                            said.hint or sandbox_errors.syntax_hint(exc), detail=said.what)]
    except (RecursionError, MemoryError, SyntaxError):  # Python's own limit: 100 blocks one in another
        return None, [error(at(jinja_words.deepest_line(chapter.body)), "E503",
                            "template error in chapter: the template is nested too deeply")]
    pieces: list[str] = []
    size = 0
    # Template.generate is a generator function, typed as returning an Iterator: closed below when cut short
    generator = cast(Generator[str, None, None],
                     template.generate({**context, chapter_values.WRITTEN_IN: chapter.written_in}))
    allowed = budget.allowed()
    if not allowed:
        return None, [error(at(1), "E505", "chapters take longer than {seconds} s to fill in together: no time is "
                            "left for this chapter", "a Jinja loop in an earlier chapter runs too long (see its error)",
                            seconds=f"{budget.seconds:g}")]
    try:
        with budget.spent(), sandbox_time.time_limit(allowed), number_marks.edition(_edition(context), long):
            for piece in generator:
                size += len(piece)
                if size > sandbox_limits.MAX_OUTPUT_CHARS:
                    line = sandbox.running_line(generator, template)
                    generator.close()
                    return None, [error(at(line), "E505", "chapter text grows past {limit:,} characters",
                                        "a Jinja loop in this chapter produces too much text",
                                        limit=sandbox_limits.MAX_OUTPUT_CHARS)]
                pieces.append(piece)
    except sandbox_time.TimeUp as exc:
        where = at(sandbox.template_line(exc.__traceback__, chapter))
        if allowed < sandbox_time.MAX_SECONDS:  # the chapters before it took the rest
            return None, [error(where, "E505", "chapters take longer than {seconds} s to fill in together: the time "
                                "ran out in this chapter", "a Jinja loop in this chapter or an earlier one runs too long",
                                seconds=f"{budget.seconds:g}")]
        return None, [error(where, "E505", "chapter takes longer than {seconds} s to fill in",
                            "a Jinja loop in this chapter runs too long", seconds=f"{sandbox_time.MAX_SECONDS:g}")]
    except jinja2.UndefinedError as exc:
        line = sandbox.template_line(exc.__traceback__, chapter)
        written = _written(chapter, line)
        listed = chapter_lists.past_the_end(exc.message or "", written, context)  # plan.phases[3] of 2 phases
        if listed:
            return None, [error(at(line, listed.column), "E504", "chapter refers to something that does not exist: "
                                "{what}", listed.hint, what=listed.what)]
        plan = context.get("plan")
        nothing = _lookup_of_nothing(exc.message or "", written, plan)  # the failing line's lookup of an id,
        empty = None if nothing else _field_of_nothing(exc.message or "", written)
        if nothing is None and not (empty and empty.value and empty.value.startswith("plan.")):
            # a value the chapter set ({% set p = plan.program('GOV-99') %}): the chapter's lookup that found nothing
            nothing = _lookup_of_nothing(exc.message or "", chapter.body, plan)
        what, hint = ((nothing.what, nothing.hint) if nothing else (empty.what, empty.hint) if empty
                      else sandbox_errors.undefined_message(exc.message or ""))
        # plan.yml's leading sector, an agency no file defines: said with its id, not while its file cannot be read
        sector = plan.leading_sector_id if not nothing and empty and empty.value == "plan.leading_sector" and plan \
            else None
        if sector:
            what = Message("plan.leading_sector is empty: no file of the plan defines agency '{id}', which plan.yml "
                           "names", id=sector)
            hint = Message("mend leading_sector in content/plan.yml (its error says which agency is meant): this "
                           "chapter needs no change")
        column = _column(written, nothing.unknown if nothing else exc.message or "")
        found = error(at(line, column), "E504", "chapter refers to something that does not exist: {what}",
                      hint or "chapters can read plan.city, plan.pillars, plan.programs, plan.agencies, plan.glossary, "
                      "... (masterplan's README lists them all)", what=what)
        return None, [found.naming(nothing.unknown) if nothing else found.naming(sector) if sector else found]
    except sandbox.SecurityError as exc:
        return None, [error(at(sandbox.template_line(exc.__traceback__, chapter)), "E506",
                            "chapter template is not allowed to do this: {detail}", detail=exc.message)]
    except chapter_values.Unprintable as exc:  # {{ plan.programs[0] }}: a record's Python form, its file's path
        line = sandbox.template_line(exc.__traceback__, chapter)
        return None, [error(at(line, _tag_column(chapter.body, line, lambda tag: True)), "E503",
                            "template error in chapter: {detail}", exc.hint, detail=exc.what)]
    except ZeroDivisionError as exc:
        line = sandbox.template_line(exc.__traceback__, chapter)
        return None, [error(at(line, _tag_column(chapter.body, line, lambda tag: bool(_DIVIDES.search(tag)))), "E503",
                            "template error in chapter: a division by zero", "check that the number divided by is never 0, "
                            "e.g. {{% if total %}}...{{% endif %}}")]
    except Exception as exc:  # noqa: BLE001 - any failure of untrusted template code is the content's fault
        if "'Text'" in str(exc):
            hint = Message("a text field (a name, a title) is a text in one or more languages: print it as "
                           "{{{{ program.name }}}} rather than add it to something")
        elif "'method'" in str(exc) and _LOOKUP_AS_LIST.search(chapter.body):  # {{ plan.program | length }}
            hint = Message("plan.program, plan.agency and plan.pillar look up one by its id, e.g. "
                           "plan.program('GOV-01'); the lists are plan.programs, plan.agencies and plan.pillars")
        else:
            hint = None
        line = sandbox.template_line(exc.__traceback__, chapter)
        listed = chapter_lists.unpacking(str(exc), _written(chapter, line), context)  # {% set a, b, c = plan.phases %}
        if listed:
            return None, [error(at(line, listed.column), "E503", "template error in chapter: {detail}", listed.hint,
                                detail=listed.what)]
        words = jinja_words.runtime(exc)
        if isinstance(words, Message):  # an unknown filter or test inside an {% if %}: at its name, with the names meant
            message = str(exc)
            return None, [error(at(line, jinja_words.unknown_name_column(message, chapter.body, line) or 1), "E503",
                                "template error in chapter: {detail}",
                                hint or sandbox_errors.unknown_name_hint(message), detail=words)]
        # words not known here: Python's own, in English, after a sentence in the plan's language
        return None, [error(at(line), "E503", "template error in chapter: this line could not be filled in; Python "
                            "says (in English): {exception}: {detail}", hint or Message(
                                "check the values this line uses and what it does with them; chapters can read "
                                "plan.city, plan.pillars, plan.programs, plan.agencies, plan.phases, ... "
                                "(masterplan's README lists them all)"), exception=type(exc).__name__, detail=words)]
    return filled_blocks.kept(pieces), []


def _edition(context: dict[str, Any]) -> str:
    """The language of the edition a chapter is filled in for: its plan's."""
    return str(getattr(context.get("plan"), "language", None) or DEFAULT_LANGUAGE)


def _written(chapter: Chapter, line: int) -> str:
    """Line ``line`` of the chapter's text (1 first), as written; empty when there is none."""
    lines = chapter.body.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def context(plan: Any) -> dict[str, Any]:
    """What chapter text can read: the plan model (read-only, in the sandbox)."""
    return {"plan": plan}
