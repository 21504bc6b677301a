"""The sandbox for chapter templates: untrusted Jinja that may read the plan and nothing else.

Chapter text comes from many hands and is published on the city's domain, so its Jinja
runs in the immutable sandbox, cannot load other templates, may call only read-only
lookups on the model, and is bounded in time (SIGALRM in the main thread, an
asynchronous exception elsewhere: :data:`MAX_SECONDS` a chapter, :data:`MAX_SECONDS_IN_ALL`
for all chapters of a plan together), in output size, and in the size of what its
operators, filters and methods may build.
"""

from __future__ import annotations

import ctypes
import datetime
import functools
import itertools
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import PurePath
from types import TracebackType
from typing import Any

import jinja2
from jinja2.filters import _GroupTuple
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedFormatter,
    SecurityError,
)
from jinja2.visitor import NodeTransformer

from masterplan.diagnostics import Message, did_you_mean
from masterplan.model import Chapter
from masterplan.schema import english_field

__all__ = ["SecurityError", "TimeBudget", "TimeUp", "compile_chapter", "read", "running_line", "syntax_hint",
           "template_line", "time_limit"]

MAX_OUTPUT_CHARS = 2_000_000
MAX_SECONDS = 5.0
#: all chapters of a plan together: with only a chapter's limit, ten runaway chapters held a build 59 s
MAX_SECONDS_IN_ALL = 10.0
MAX_RANGE = 10_000


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja for untrusted chapter text: no Python internals, no mutation, bounded sizes.

    The immutable sandbox already refuses ``_private`` attributes and methods that change
    lists and dicts. On top of it: only read-only methods of the plan model may be called;
    the operators and filters that can build a huge string or list (``*``, ``**``, ``+``,
    ``%``, ``~``, ``join``, ``center``, ...) refuse results past :data:`MAX_OUTPUT_CHARS`;
    and no Jinja global but a bounded ``range``.
    """

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
        self.globals = {"range": _bounded_range, _CONCAT: _bounded_concat}
        self.filters = {name: _bounded_filter(function) for name, function in self.filters.items()}
        self.filters["sum"] = _bounded_filter(_joining_sum)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The plan's fields and read-only lookups, and what plain values (texts, numbers, lists, dates)
        offer; nothing of any other object: a file path's methods read and write the disk."""
        if not super().is_safe_attribute(obj, attr, value) or isinstance(value, PurePath):
            return False  # where the plan lives on this machine is not the chapter's to print, nor to open
        if type(obj).__module__ == "masterplan.model":
            return not callable(value) or attr in READ_ONLY_METHODS
        if isinstance(obj, JINJA_VALUES):  # {{ loop.index }}, a groupby's grouper and list
            return True
        return isinstance(obj, PLAIN_VALUES) and (type(obj) is tuple or not isinstance(obj, tuple))  # not a record

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        return self.undefined(Message("a chapter cannot read '{name}' of a {kind}", name=attribute,
                                      kind=type(obj).__name__), name=attribute, obj=obj, exc=SecurityError)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` through :class:`_BoundedFormatter`, which checks each field's width as it is filled in
        (Jinja's own formatter takes ``'{:>{}}'.format(1, 1500000000)`` and builds 1.5 GB)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None or type(value.__self__) is not str:  # Markup keeps Jinja's escaping formatter
            return wrapped
        text, mapping = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if mapping:
                return _BoundedFormatter(self).vformat(text, (), *args, **kwargs)
            return _BoundedFormatter(self).vformat(text, args, kwargs)

        return functools.update_wrapper(bounded, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_format(obj)  # Jinja wraps str.format itself: check before the call disappears
        return super().getattr(obj, attribute)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        _check_size(result)
        return result

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        method = getattr(obj, "__wrapped__", obj)  # Jinja hands out str.format wrapped
        owner = getattr(method, "__self__", None)
        if isinstance(owner, (str, list, tuple, dict)):  # a method of a built-in value: 'x'.ljust(10**9)
            name = getattr(method, "__name__", "")
            _check_arguments(args, kwargs, numbers=name not in ("format", "format_map"))
            _check_growth(name, owner, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        _check_size(result)
        return result


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` that refuses a field's width or precision of a million or more, also one the values give
    (``'{:>{}}'``), and stops once what it has written is over :data:`MAX_OUTPUT_CHARS`, each before the
    field is built."""

    written = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_format(format_spec)
        _check_estimate(self.written + _size(value) + sum(map(int, _NUMBER.findall(format_spec))))
        result = super().format_field(value, format_spec)
        self.written += len(result)
        return result


#: The values whose attributes and methods chapters may use besides the model's (the immutable sandbox
#: already refuses the methods that change a list or dict).
PLAIN_VALUES = (str, int, float, list, tuple, dict, set, frozenset, Mapping, datetime.date)
#: What Jinja itself hands a template: a loop's state, the groups of ``groupby``.
JINJA_VALUES = (jinja2.runtime.LoopContext, _GroupTuple)
#: Methods of the plan model that chapters may call: lookups that change nothing.
READ_ONLY_METHODS = frozenset(["pillar", "agency", "program", "chapter", "sub_element", "at", "budget_in", "get"])
_CONCAT = "masterplan_concat"
_BIG_NUMBER = re.compile(r"\d{7,}")
_NUMBER = re.compile(r"\d+")
#: the largest number ``**`` and ``*`` may make: squaring one of 20 million bits takes 4 s, of 80 million 43 s, in one
#: step the time limit cannot cut short
_MAX_BITS = 10_000
#: the most characters a number may print as (a float's 309 digits, an int's of :data:`_MAX_BITS`), its sign, point
_NUMBER_CHARS = _MAX_BITS * 3 // 10 + 100
#: a conversion of ``'%s' % value``: mapping key, flags, width and precision (a '*' takes them from the values), type
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return len(value) + sum(len(item) for item in value[:MAX_RANGE] if isinstance(item, str))
    return 0


def _check_size(value: Any) -> None:
    if _size(value) > MAX_OUTPUT_CHARS:
        raise _too_large()


def _too_large() -> SecurityError:
    return SecurityError(Message("a value of more than {limit:,} characters or items is over the limit",
                                 limit=MAX_OUTPUT_CHARS))


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], numbers: bool = True) -> None:
    """Refuse huge values and (unless formatting them) huge numbers: widths, counts, repeats."""
    for value in (*args, *kwargs.values()):
        if numbers and isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT_CHARS:
            raise SecurityError(Message("the number {number:,} is too large here (limit {limit:,})", number=value,
                                        limit=MAX_OUTPUT_CHARS))
        _check_size(value)


def _check_format(text: str, *values: Any, percent: bool = False) -> None:
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
    for conversion in _CONVERSION.finditer(text):
        if conversion.group(3) == "%":
            continue
        for part in conversion.group(1, 2):
            number = next(taken, 0) if part == "*" else int(part or 0)
            size += abs(number) if isinstance(number, int) else 0
        next(taken, None)
        size += longest
    return size


def _check_estimate(size: int) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise SecurityError(Message("the result would be over the limit of {limit:,} characters",
                                    limit=MAX_OUTPUT_CHARS))


def _check_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before the work is done, the few operations whose result can be far larger
    than their inputs: replace, join, format, indent, expandtabs and translate (all checked per input elsewhere)."""
    if not isinstance(value, str) and name not in ("do_join", "join"):
        return
    arguments = list(args) + list(kwargs.values())
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
        _check_format(value, *arguments, *[v for a in arguments if isinstance(a, dict) for v in a.values()])
    elif name == "do_format":
        _check_format(value, *arguments, percent=True)
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


def _check_binop(operator: str, left: Any, right: Any) -> None:
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
        _check_format(left, *(right if isinstance(right, tuple) else (right,)), percent=True)


def _bounded_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_RANGE:
        raise SecurityError(Message("range() of {count:,} items is over the limit of {limit:,}", count=len(span),
                                    limit=MAX_RANGE))
    return span


def _bounded_concat(*parts: Any) -> str:
    """The ``~`` operator, with a size limit (rewritten from Jinja's own, which has none)."""
    texts = [str(part) for part in parts]
    if sum(map(len, texts)) > MAX_OUTPUT_CHARS:
        raise _too_long_to_join()
    return "".join(texts)


def _too_long_to_join() -> SecurityError:
    return SecurityError(Message("joining texts of more than {limit:,} characters is over the limit",
                                 limit=MAX_OUTPUT_CHARS))


@jinja2.pass_environment
def _joining_sum(environment: jinja2.Environment, iterable: Any, attribute: str | int | None = None,
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


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge inputs, huge numeric arguments and huge results."""
    skip = 2 if getattr(function, "jinja_pass_arg", None) else 1  # (context or environment,) value

    name = function.__name__

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if name == "do_join" and len(args) >= skip and not isinstance(args[skip - 1], (str, list, tuple)):
            items = list(itertools.islice(args[skip - 1], MAX_OUTPUT_CHARS + 1))  # a generator: count it
            args = (*args[:skip - 1], items, *args[skip:])
        value = args[skip - 1] if len(args) >= skip else None
        _check_size(value)
        _check_arguments(args[skip:], kwargs, numbers=name != "do_format")
        _check_growth(name, value, args[skip:], kwargs)
        result = function(*args, **kwargs)
        _check_size(result)
        return result

    return bounded


_SANDBOX = _Sandbox()


class TimeUp(BaseException):
    """Raised into a runaway template (a BaseException, so that no ``except Exception`` keeps it)."""


class TimeBudget:
    """The time the chapters of one loaded plan have left to be filled in, together."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.left = seconds

    def allowed(self) -> float:
        """What the next chapter may take: :data:`MAX_SECONDS`, or less when less is left (0: nothing)."""
        return max(min(MAX_SECONDS, self.left), 0.0)

    @contextmanager
    def spent(self) -> Iterator[None]:
        """Take the time the block takes off what is left."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.left -= time.monotonic() - started


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway template after ``seconds``: with SIGALRM in the main thread, else by
    raising TimeUp asynchronously into this thread (it lands between two bytecodes)."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def stop(signum: int, frame: Any) -> None:
            raise TimeUp()

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(TimeUp))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
        timer.cancel()
        if state["fired"]:  # not delivered yet: take it back so it cannot land after the template
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)


def read(path: str, context: Mapping[str, Any]) -> Any:
    """The value a dotted name of a chapter (``plan.phases``) has, each field read as the sandbox lets a chapter
    read it; None when a field is missing or not the chapter's to read."""
    first, *fields = path.split(".")
    value = context.get(first)
    for name in fields:
        value = _SANDBOX.getattr(value, name)
        if isinstance(value, jinja2.Undefined):
            return None
    return value


def template_line(tb: TracebackType | None, chapter: Chapter) -> int:
    """The chapter line where an exception arose, from its traceback (the innermost template frame)."""
    line = 0
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:  # a frame of compiled template code: map its line back
            line = template.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename == chapter.position.file:  # already rewritten by Jinja
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def running_line(generator: Any, template: jinja2.Template) -> int:
    """The template line a paused render generator is at (for a limit hit between two pieces)."""
    frame = None
    while generator is not None and getattr(generator, "gi_frame", None) is not None:
        frame = generator.gi_frame
        generator = generator.gi_yieldfrom
    if frame is None or "__jinja_template__" not in frame.f_globals:
        return 0
    return template.get_corresponding_lineno(frame.f_lineno)


class _BoundedConcat(NodeTransformer):
    """Rewrites ``a ~ b`` into a call of the size-checking join (Jinja's own join has no hook)."""

    def visit_Concat(self, node: jinja2.nodes.Concat) -> jinja2.nodes.Node:
        node = self.generic_visit(node)
        function = jinja2.nodes.Name(_CONCAT, "load", lineno=node.lineno)
        return jinja2.nodes.Call(function, node.nodes, [], None, None, lineno=node.lineno)


_NOT_IN_CHAPTERS = (jinja2.nodes.Extends, jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport)


@functools.lru_cache(maxsize=512)
def compile_chapter(body: str, file: str) -> jinja2.Template:
    """Parse, refuse template loading, route ``~`` through the bounded join, compile."""
    tree = _SANDBOX.parse(body, filename=file)
    for node in tree.find_all(_NOT_IN_CHAPTERS):
        raise jinja2.TemplateSyntaxError(Message("chapters cannot extend, include or import other templates"),
                                         node.lineno, filename=file)
    code = _SANDBOX.compile(_BoundedConcat().visit(tree), filename=file)
    return _SANDBOX.template_class.from_code(_SANDBOX, code, _SANDBOX.make_globals(None))


_NO_ATTRIBUTE = re.compile(r"^'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']*)'$")
_UNDEFINED = re.compile(r"^'([^']*)' is undefined$")
_NO_ELEMENT = re.compile(r"^'?(?:[\w.]+\.)?(\w+) object'? has no element (.*)$")
#: Python's names of plain values, as a chapter's writer knows them
_KINDS = {"str": Message("text"), "list": Message("list"), "tuple": Message("list"), "int": Message("number"),
          "float": Message("number"), "dict": Message("mapping"), "bool": Message("yes or no"),
          "NoneType": Message("empty value")}


def undefined_message(message: str) -> tuple[str, str | None]:
    """Jinja's "'masterplan.model.Plan object' has no attribute 'kota'" in the plan's words, with a hint.

    Jinja's own text, when it is not one of these, is returned as it is."""
    from masterplan import model
    missing = _NO_ATTRIBUTE.match(message)
    if missing:
        kind, name = missing.groups()
        cls = getattr(model, kind, None)
        if isinstance(cls, type) and cls.__module__ == model.__name__:
            names = {*dir(cls), *getattr(cls, "__dataclass_fields__", {})}  # fields without a default are not in dir()
            known = sorted(n for n in names if not n.startswith("_"))
            english = english_field(name, known)
            hint = (Message("field names are English: did you mean '{word}'?", word=english) if english
                    else did_you_mean(name, known) or Message("its fields: {fields}", fields=", ".join(known)))
            return Message("a {kind} has no field '{name}'", kind=kind.lower(), name=name), hint
        return Message("a {kind} has no field '{name}'", kind=_KINDS.get(kind, kind), name=name), None
    element = _NO_ELEMENT.match(message)
    if element:  # plan.programs[500], {{ 1.500.000 }} (the number 1.5, then its item 0)
        kind, index = element.groups()
        return (Message("a {kind} has no item {index}", kind=_KINDS.get(kind, kind), index=index),
                Message("a list's items are counted from 0: plan.programs[0] is the first, plan.programs[-1] the last; "
                        "a number is written without dots (1500000)"))
    unknown = _UNDEFINED.match(message)
    if unknown:
        return (Message("'{name}' is not defined here", name=unknown.group(1)),
                Message("chapters read the plan through 'plan' (plan.city, plan.programs, ...) and the names their "
                        "own {{% for %}} and {{% set %}} give"))
    return message, None


def syntax_hint(exc: jinja2.TemplateSyntaxError) -> str | None:
    unknown = re.match(r"No (filter|test) named '([^']*)'", exc.message or "")
    if unknown:
        kind, name = unknown.groups()
        known = _SANDBOX.filters if kind == "filter" else _SANDBOX.tests
        names = ", ".join(sorted(known))
        return did_you_mean(name, known) or (Message("known filters: {names}", names=names) if kind == "filter"
                                             else Message("known tests: {names}", names=names))
    if "cannot extend" in (exc.message or ""):
        return None
    if "expected token 'end of print statement'" in (exc.message or ""):
        return Message("{{{{ ... }}}} holds one Jinja expression: a placeholder such as {{{{nama kepala dinas}}}} is "
                       "not one; write the text itself, or wrap it in {{% raw %}}...{{% endraw %}} to print the braces")
    return Message("Jinja expressions are written {{{{ ... }}}}, statements {{% ... %}}")
