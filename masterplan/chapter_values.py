"""What a chapter's ``{{ … }}`` prints: numbers and dates as the edition writes them, never a record's Python form.

Jinja prints a value with ``str()``: ``{{ plan.total_budget }}`` gave "276660000000", a float "276.66" (which an
Indonesian reads as 27,666), a date "2021-12-01", and ``{{ plan.programs[0] }}`` published the program's Python
form, its file's path and line included. :func:`printed` is the chapter sandbox's ``finalize``: a whole number of
five digits or more is grouped ("276.660.000.000"; a year or a count stays as it is), a fraction is written with the
edition's decimal mark ("2,4"; one of as many digits as a float holds, a division's, is gathered for W556), true
and false as "ya" and "tidak", a value the plan leaves empty as a dash, a date as the edition's long date ("1 Desember 2021"), a status in the chapter's
language ("berjalan", not "ongoing"), a text of several lines fitted to the table row, list item or heading it is
printed in (:mod:`masterplan.filled_blocks`); a record or a list (a
``map()``'s generator too) is refused (:class:`Unprintable`), at the line that prints it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2

from masterplan import filled_blocks, number_marks
from masterplan.diagnostics import Message
from masterplan.i18n import Translator, plan_words
from masterplan.model import DEFAULT_LANGUAGE, MODULES, Plan
from masterplan.record_words import record_word
from masterplan.values import Term, Text

if TYPE_CHECKING:
    from masterplan.formatting import Formats

GROUPED_FROM = 10_000  #: whole numbers from here up are grouped; below it, years (2022) and counts print as written
PLACES = 12  #: decimals a fraction prints at most (0.1 + 0.2 is 0,3)
NOTHING = "–"  #: what a chapter prints of a value the plan leaves empty, as the book's tables print it
#: the language the chapter being filled in is written in, in its context (a name no template can write)
WRITTEN_IN = "chapter written in"


class Unprintable(Exception):
    """A chapter printed a value that has no words of its own: a record (a program, an agency) or a list."""

    def __init__(self, what: Message, hint: Message):
        super().__init__(str(what))
        self.what, self.hint = what, hint


@cache
def _formats(language: str) -> Formats:
    # Babel only for a number or a date to print: validating a plan whose chapters print none does not wait for it
    from masterplan.formatting import Formats

    return Formats(language, str)


def _record(value: Any) -> bool:
    """A plan record without words of its own (a Program, an Agency); a Text, a Period, a position have them."""
    return type(value).__module__ in MODULES and type(value).__str__ is object.__str__


@jinja2.pass_context
def spelt(context: jinja2.runtime.Context, value: Any) -> Any:
    """The chapters' filter ``words``: a whole number in words ("lima", "five") when they are one or two, as PUEBI
    writes such a count, else in figures (153, not "seratus lima puluh tiga"); in the language the chapters are
    written in (``written_in``, or its translation's: an Indonesian chapter says "lima" in the English edition
    too, its English translation "five"). A whole float (a
    division's 10 / 2) counts as whole; anything else is as it is (:mod:`masterplan.number_words`)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    from masterplan.number_words import counted
    return counted(value, _written_in(context)) or value


def _written_in(context: jinja2.runtime.Context) -> str:
    """The language of the chapter being filled in: its own (a translation's), else the plan's texts'."""
    plan = context.get("plan")
    return str(context.get(WRITTEN_IN) or getattr(plan, "written_in", None) or getattr(plan, "language", None)
               or DEFAULT_LANGUAGE)


@jinja2.pass_context
def printed(context: jinja2.runtime.Context, value: Any) -> Any:
    """``value`` as the chapter prints it, in the language of the plan the chapter reads (``plan.language``); a word of
    the tool's vocabulary (a status) in the language the chapter is written in."""
    if isinstance(value, Term):
        return _term(context, value)
    if isinstance(value, Text):  # the plan's text of several lines, kept in the table row it is printed in (not
        return filled_blocks.printed(str(value))  # the chapter's own "\n| ", which starts a row)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # {{ program.quick_win }}: "True" in an Indonesian sentence
        return _term(context, Term("yes" if value else "no"))
    if value is None:  # a field the plan leaves empty, {{ plan.realised_as_of }}: "None", as the book's tables print it
        return NOTHING
    language = getattr(context.get("plan"), "language", "id")
    if isinstance(value, int):
        return _formats(language).number(value, 0) if abs(value) >= GROUPED_FROM else value
    if isinstance(value, float):  # as many decimals as it has (to 12): a value of 3.125 is not printed 3,13
        written = _formats(language).number(value, PLACES)
        number_marks.gather(value, written)  # {{ 2 / 3 * 100 }}: 66,666666666667, for W556
        return written
    if isinstance(value, datetime.datetime):
        return _formats(language).moment(value)
    if isinstance(value, datetime.date):
        return _formats(language).date(value)
    check_printable(value)
    return value


#: the filters that make a text of another: a status given one is first the chapter's word for it, a plan's text its
#: words, and what they make of a plan's text is still the plan's text, fitted to the line it is printed on
WORDED_FILTERS = ("capitalize", "title", "upper", "lower", "trim", "string", "replace", "truncate", "e", "escape",
                  "striptags", "center")


def worded(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, a filter of :data:`WORDED_FILTERS`, given a status in the chapter's words (``{{ p.status |
    capitalize }}`` is "Berjalan", not "Ongoing") and a plan's text as its words (``| truncate(120)`` said the text
    had no length); what it makes of a plan's text of several lines stays in the table row it is printed in
    (:mod:`masterplan.filled_blocks`: ``{{ p.description | trim }}`` broke the row)."""
    passed = getattr(getattr(function, "jinja_pass_arg", None), "name", None)  # what Jinja gives it first, if any

    def filtered(context: jinja2.runtime.Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        first = {"context": (context,), "eval_context": (context.eval_ctx,),
                 "environment": (context.environment,)}.get(passed or "", ())
        if isinstance(value, Term):
            return function(*first, _term(context, value), *args, **kwargs)
        if isinstance(value, bool) or value is None:  # {{ p.quick_win | upper }}: "YA", not "TRUE"
            return function(*first, printed(context, value), *args, **kwargs)
        if not isinstance(value, Text):
            return function(*first, value, *args, **kwargs)
        made = function(*first, str(value), *args, **kwargs)
        return filled_blocks.printed(made) if isinstance(made, str) else made

    filtered.__name__ = function.__name__
    return jinja2.pass_context(filtered)


def written(context: jinja2.runtime.Context, value: Any) -> str:
    """``value`` as ``{{ value }}`` prints it, for a text a chapter makes of it (``~``, ``join``): ``'Rp ' ~
    plan.total_budget`` gave "Rp 276660000000" and ``'Status: ' ~ p.status`` "Status: ongoing", where ``{{ … }}``
    prints "276.660.000.000" and "berjalan"; refused (:class:`Unprintable`) for what has no words of its own."""
    check_printable(value)
    return str(printed(context, value))


def joining(join: Callable[..., Any]) -> Callable[..., Any]:
    """The filter ``join`` (``join`` itself, bounded), of each item as ``{{ item }}`` prints it (:func:`written`):
    ``plan.programs | map(attribute='status') | join(', ')`` printed "ongoing, planned"; the items are handed to
    ``join`` one by one, as they are made, for it to count."""

    def joined(context: jinja2.runtime.Context, value: Any, d: str = "", attribute: str | int | None = None) -> Any:
        if attribute is not None:
            value = map(jinja2.filters.make_attrgetter(context.environment, attribute), value)
        return join(context.eval_ctx, (written(context, item) for item in value), d)

    joined.__name__ = join.__name__
    return jinja2.pass_context(joined)


def _term(context: jinja2.runtime.Context, term: Term) -> str:
    """``term`` in the words of the language the chapter is written in, the plan's own catalog laid over the theme's
    (``ongoing`` → "berjalan"), as the book's tables print it; read once per plan and language."""
    plan, language = context.get("plan"), _written_in(context)
    if not isinstance(plan, Plan) or plan.content is None:
        return Translator(language).word(term)
    root = plan.content.parent
    words = plan.derived("chapters' words", dict)
    if language not in words:
        words[language] = plan_words(root, language)
    return str(words[language].word(term))


#: what a chapter may turn into text as Python writes it, plain values (a plan's text, a Text, has words of its own)
_WORDED = (str, int, float, datetime.date, type(None), jinja2.Undefined)


def check_printable(value: Any) -> None:
    """Refuse (:class:`Unprintable`) what has no words of its own, printed (``{{ … }}``, :func:`printed`) or turned
    into text (``~``, ``| string``, ``'%s' %``, ``'{}'.format``): a record (a program's Python form, its file's path
    and line), a list, a function ("<bound method …>", a memory address) or a value of the template itself."""
    if isinstance(value, _WORDED):
        return
    if _record(value):
        kind = record_word(type(value).__name__)
        raise Unprintable(Message("a whole {kind} is printed, not one of its fields", kind=kind),
                          Message("print one field of it, e.g. {{{{ program.name }}}} or {{{{ agency.short_name }}}}"))
    if isinstance(value, (list, tuple, set, frozenset, Mapping, range, Iterator)):  # map(): a generator
        raise Unprintable(Message("a whole list is printed, as Python writes it"),
                          Message("print its items joined, {{{{ plan.swot.strengths | join(', ') }}}}, or one by one "
                                  "in {{% for item in ... %}}...{{% endfor %}}"))
    if callable(value):  # {{ plan.agency }}: "<bound method …>", the whole plan written out, a memory address
        raise Unprintable(Message("a function is printed, not what it gives"),
                          Message("call it, e.g. {{{{ plan.agency('dinkes').name }}}}"))
    if type(value).__str__ is object.__str__:  # {{ self }}, {{ loop }}: "<TemplateReference …>"
        raise Unprintable(Message("a value of the template itself is printed, as Python writes it"),
                          Message("print the plan's values: {{{{ plan.city }}}}, {{{{ program.name }}}}"))
