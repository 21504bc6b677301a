"""Bounds on what a chapter's Jinja may build, each checked before the result is built: a text, list or number
that would be too large is refused (a :class:`~jinja2.sandbox.SecurityError`) before it takes the memory or the time.

``str.format`` fields are bounded as they are filled in (:class:`BoundedFormatter`); ``%`` formatting, ``replace``,
``join``, ``indent``, ``expandtabs`` and ``translate`` by an estimate of their result's length from their inputs
(:func:`check_growth`, :func:`check_binop`); products and powers by the size of the number they would make;
``range``, ``~`` and the ``sum`` of lists by the length of what they give. The sandbox
(:mod:`masterplan.sandbox`) calls them for every operator, filter and method a chapter uses.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedFormatter, SecurityError

from masterplan.chapter_values import check_printable, written
from masterplan.diagnostics import Message
from masterplan.number_marks import CONVERSION, marked

#: the longest text or list a chapter may build, and print
MAX_OUTPUT_CHARS = 2_000_000
#: the most items a chapter's ``range()`` may give
MAX_RANGE = 10_000
_BIG_NUMBER = re.compile(r"\d{7,}")
_NUMBER = re.compile(r"\d+")
#: the types of a format field that write no number with marks: a character, hexadecimal, octal, binary
_UNMARKED = ("c", "x", "X", "o", "b")
#: the largest number ``**`` and ``*`` may make: squaring one of 20 million bits takes 4 s, of 80 million 43 s, in one
#: step the time limit cannot cut short
_MAX_BITS = 10_000
#: the most characters a number may print as (a float's 309 digits, an int's of :data:`_MAX_BITS`), its sign, point
_NUMBER_CHARS = _MAX_BITS * 3 // 10 + 100


class BoundedFormatter(SandboxedFormatter):
    """``str.format`` that refuses a field's width or precision of a million or more, also one the values give
    (``'{:>{}}'``), and stops once what it has written is over :data:`MAX_OUTPUT_CHARS`, each before the
    field is built."""

    written = 0

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        """``{!r}`` and ``{!a}`` write a value as Python does (a record's file and line, a memory address)."""
        if conversion in ("r", "a"):
            raise SecurityError(Message("'!{conversion}' writes a value as Python does, which a chapter may not print",
                                        conversion=conversion))
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        check_printable(value)
        check_format(format_spec)
        _check_estimate(self.written + _size(value) + sum(map(int, _NUMBER.findall(format_spec))))
        result = super().format_field(value, format_spec)
        if not format_spec.endswith(_UNMARKED):  # '{:.1f}': 66,7 in Indonesian; '{:c}' a character, '{:x}' hexadecimal
            result = marked(value, result)
        self.written += len(result)
        return result


#: what :func:`_size` looks into: lists, tuples, sets, mappings and a mapping's views (``{'k': text}.items()``), by
#: their own types, not the abstract classes, whose isinstance is ten times as slow (a list has two million to try)
_CONTAINERS = (list, tuple, set, frozenset, dict, type({}.keys()), type({}.values()), type({}.items()))  # type: ignore[var-annotated]
_HOLDERS = (str, *_CONTAINERS)  #: what :func:`_size` counts


def _size(value: Any) -> int:
    """How long a text is, or a list (tuple, set, mapping, a mapping's view) with everything it holds, the lists within
    counted as often as they are held: ``[[text]] * 1000000`` holds the text a million times, which a sort or a
    comparison of it would go through in one step the time limit cannot cut short. 0 for anything else (a generator
    is counted as a filter takes it, :func:`_listed`); counting stops past the limit."""
    return _held(value, {}, 0)


#: how deep lists within lists are looked into; deeper is counted as over the limit
_DEEPEST = 100


def _held(value: Any, counted: dict[int, tuple[Any, int]], depth: int) -> int:
    """:func:`_size`, each container counted once however often it is held (``counted``, by identity, each kept
    there with its count: a view's pairs are made as it is gone through, and a pair let go leaves its identity to the
    next)."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 0
    if id(value) in counted:
        return counted[id(value)][1]
    if depth > _DEEPEST:
        return MAX_OUTPUT_CHARS + 1
    total = len(value)
    items = list(value.values()) if isinstance(value, dict) else value
    # the texts and lists among the items, picked out in C: a list of two million numbers has none to look into
    for held in itertools.compress(items, map(isinstance, items, itertools.repeat(_HOLDERS))):
        if total > MAX_OUTPUT_CHARS:
            break
        total += _held(held, counted, depth + 1)
    counted[id(value)] = (value, total)
    return total


def _listed(items: Iterator[Any]) -> list[Any]:
    """A generator's items (``map()``, ``select()``) as a list, refused once they are over the limit, counted as each is
    made: a filter given the generator built them all before its result was measured (2 GB for
    ``range(1000) | map('center', 1999999) | join``)."""
    listed, total = [], 0
    for item in items:
        total += 1 + _size(item)
        if total > MAX_OUTPUT_CHARS:
            raise _too_large()
        listed.append(item)
    return listed


def check_size(value: Any) -> None:
    if _size(value) > MAX_OUTPUT_CHARS:
        raise _too_large()


def _too_large() -> SecurityError:
    return SecurityError(Message("a value of more than {limit:,} characters or items is over the limit",
                                 limit=MAX_OUTPUT_CHARS))


def check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], numbers: bool = True) -> None:
    """Refuse huge values and (unless formatting them) huge numbers: widths, counts, repeats."""
    for value in (*args, *kwargs.values()):
        if numbers and isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT_CHARS:
            raise SecurityError(Message("the number {number:,} is too large here (limit {limit:,})", number=value,
                                        limit=MAX_OUTPUT_CHARS))
        check_size(value)


def check_format(text: str, *values: Any, percent: bool = False) -> None:
    if _BIG_NUMBER.search(text):
        raise SecurityError(Message("a format with a width or precision of a million or more is over the limit"))
    if percent:
        _check_estimate(_percent_size(text, values))
    elif values:
        _check_estimate(len(text) + (text.count("{") + text.count("%")) * max(map(_size, values), default=0))


def _percent_size(text: str, values: tuple[Any, ...]) -> int:
    """At most how long ``text % values`` is: each conversion as wide as its width and precision (a '*' takes
    them from the values: ``'%*d' % (1500000000, 1)``) and the longest value or number together."""
    named = [v for value in values if isinstance(value, Mapping) for v in value.values()]  # '%(a)s' % {...}
    longest = max(map(_size, (*values, *named)), default=0) + _NUMBER_CHARS
    taken = iter(values)
    size = len(text)
    for conversion in CONVERSION.finditer(text):
        if conversion.group(4) == "%":
            continue
        for part in conversion.group(2, 3):
            number = next(taken, 0) if part == "*" else int(part or 0)
            size += abs(number) if isinstance(number, int) else 0
        next(taken, None)
        size += longest
    return size


def _check_estimate(size: int) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise SecurityError(Message("the result would be over the limit of {limit:,} characters",
                                    limit=MAX_OUTPUT_CHARS))


def check_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before the work is done, the few operations whose result can be far larger
    than their inputs: replace, join, format, indent, expandtabs and translate (all checked per input elsewhere)."""
    if not isinstance(value, str) and name not in ("do_join", "join", "do_batch", "do_slice"):
        return
    arguments = list(args) + list(kwargs.values())
    if name in ("do_batch", "do_slice"):
        # the last group filled up with copies of fill_with: batch(1000000, text) gave a million of them
        count = kwargs.get("linecount", kwargs.get("slices", args[0] if args else 0))
        fill = kwargs.get("fill_with", args[1] if len(args) > 1 else None)
        if isinstance(count, int):
            _check_estimate(abs(count) * (1 + _size(fill)))
    if name in ("replace", "do_replace") and len(arguments) >= 2:
        old, new = str(arguments[0]), str(arguments[1])
        times = value.count(old) if old else len(value) + 1
        _check_estimate(len(value) + times * len(new))
    elif name == "join" and isinstance(value, str) and arguments and isinstance(arguments[0], (list, tuple)):
        _check_estimate(len(value) * len(arguments[0]) + _size(arguments[0]))
    elif name == "do_join" and isinstance(value, (list, tuple)):
        separator = str(arguments[0]) if arguments else ""
        _check_estimate(len(separator) * len(value) + _size(value))
    elif name in ("format", "format_map"):
        check_format(value, *arguments, *[v for a in arguments if isinstance(a, dict) for v in a.values()])
    elif name == "do_format":
        check_format(value, *arguments, percent=True)
    elif name == "expandtabs":
        size = arguments[0] if arguments else 8
        if isinstance(size, int):
            _check_estimate(len(value) + value.count("\t") * max(size, 0))
    elif name == "translate" and arguments:
        table = arguments[0]
        replacements = table.values() if isinstance(table, Mapping) else table if isinstance(table, (list, tuple)) else ()
        _check_estimate(len(value) * max((len(r) for r in replacements if isinstance(r, str)), default=1))
    elif name == "do_indent":
        width = kwargs.get("width", args[0] if args else 4)  # a text, or so many spaces
        if isinstance(width, (str, int)):
            _check_estimate(len(value) + (value.count("\n") + 1) * (len(width) if isinstance(width, str) else width))


def check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        if (isinstance(left, int) and isinstance(right, int)
                and left.bit_length() + right.bit_length() > _MAX_BITS):
            raise SecurityError(Message("a product of more than {digits:,} digits is too large a number",
                                        digits=_MAX_BITS * 3 // 10))
        for sequence, times in ((left, right), (right, left)):
            if (isinstance(sequence, (str, list, tuple)) and isinstance(times, int)
                    and max(times, 0) * max(_size(sequence), 1) > MAX_OUTPUT_CHARS):
                raise SecurityError(Message("repeating a text or list {times:,} times is over the limit",
                                            times=times))
    elif operator == "**":
        if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
                and right * abs(left).bit_length() > _MAX_BITS):
            raise SecurityError(Message("{base} ** {power} is too large a number", base=left, power=right))
    elif operator == "+":
        if _size(left) + _size(right) > MAX_OUTPUT_CHARS:
            raise _too_long_to_join()
    elif operator == "%" and isinstance(left, str):
        values = right if isinstance(right, tuple) else (right,)
        for value in right.values() if isinstance(right, Mapping) else values:  # '%(a)s' % {'a': …}, '%s' % (…,)
            check_printable(value)  # '%s' % plan: its Python form
        check_format(left, *values, percent=True)


def bounded_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_RANGE:
        raise SecurityError(Message("range() of {count:,} items is over the limit of {limit:,}", count=len(span),
                                    limit=MAX_RANGE))
    return span


@jinja2.pass_context
def bounded_concat(context: jinja2.runtime.Context, *parts: Any) -> str:
    """The ``~`` operator, with a size limit (rewritten from Jinja's own, which has none), of what has words of its
    own, each part as ``{{ part }}`` prints it (:func:`~masterplan.chapter_values.written`): ``{{ a ~ b }}`` is
    ``{{ a }}{{ b }}``."""
    texts = [written(context, part) for part in parts]
    if sum(map(len, texts)) > MAX_OUTPUT_CHARS:
        raise _too_long_to_join()
    return "".join(texts)


def _too_long_to_join() -> SecurityError:
    return SecurityError(Message("joining texts of more than {limit:,} characters is over the limit",
                                 limit=MAX_OUTPUT_CHARS))


@jinja2.pass_environment
def joining_sum(environment: jinja2.Environment, iterable: Any, attribute: str | int | None = None,
                 start: Any = 0) -> Any:
    """Jinja's ``sum``, with lists (or tuples) joined in one pass: ``sum()`` copies all it has joined so far at each
    item, in one step the time limit cannot cut short (2,000 lists of 1,000 took 21 s for a chapter's 5 s)."""
    if not isinstance(start, (list, tuple)):
        return jinja2.filters.sync_do_sum(environment, iterable, attribute, start)
    if attribute is not None:
        iterable = map(jinja2.filters.make_attrgetter(environment, attribute), iterable)
    items = list(itertools.islice(iterable, MAX_OUTPUT_CHARS + 1))
    kind = list if isinstance(start, list) else tuple
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f'can only concatenate {kind.__name__} (not "{type(item).__name__}") to {kind.__name__}')
    if len(start) + sum(map(len, items)) > MAX_OUTPUT_CHARS:
        raise _too_large()
    return kind(itertools.chain(start, *items))


def bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge inputs, huge numeric arguments and huge results."""
    skip = 2 if getattr(function, "jinja_pass_arg", None) else 1  # (context or environment,) value

    name = function.__name__

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if len(args) >= skip and isinstance(args[skip - 1], Iterator) and \
                not isinstance(args[skip - 1], jinja2.runtime.LoopContext):  # a generator: its items counted as made
            args = (*args[:skip - 1], _listed(args[skip - 1]), *args[skip:])
        value = args[skip - 1] if len(args) >= skip else None
        check_size(value)
        check_arguments(args[skip:], kwargs, numbers=name != "do_format")
        check_growth(name, value, args[skip:], kwargs)
        result = function(*args, **kwargs)
        check_size(result)
        return result

    return bounded
