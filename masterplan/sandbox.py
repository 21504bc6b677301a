"""The sandbox for chapter templates: untrusted Jinja that may read the plan and nothing else.

Chapter text comes from many hands and is published on the city's domain, so its Jinja
runs in the immutable sandbox, cannot load other templates, may call only read-only
lookups on the model, and is bounded in time (SIGALRM in the main thread, an
asynchronous exception elsewhere: :data:`MAX_SECONDS` a chapter, :data:`MAX_SECONDS_IN_ALL`
for all chapters of a plan together), in output size, and in the size of what its
operators, filters and methods may build (:mod:`masterplan.sandbox_limits`, each checked before it is built).
"""

from __future__ import annotations

import ctypes
import datetime
import functools
import re
import signal
import sys
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
    SecurityError,
)
from jinja2.visitor import NodeTransformer

from masterplan import sandbox_limits as limits
from masterplan.diagnostics import Message, did_you_mean
from masterplan.indonesian_words import english_field
from masterplan.model import MODULES
from masterplan.plan_parts import Chapter

__all__ = ["SecurityError", "TimeBudget", "TimeUp", "compile_chapter", "read", "running_line", "syntax_hint",
           "template_line", "time_limit"]

MAX_SECONDS = 5.0
#: all chapters of a plan together: with only a chapter's limit, ten runaway chapters held a build 59 s
MAX_SECONDS_IN_ALL = 10.0


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja for untrusted chapter text: no Python internals, no mutation, bounded sizes.

    The immutable sandbox already refuses ``_private`` attributes and methods that change
    lists and dicts. On top of it: only read-only methods of the plan model may be called;
    the operators and filters that can build a huge string or list (``*``, ``**``, ``+``,
    ``%``, ``~``, ``join``, ``center``, ...) refuse results past :data:`~masterplan.sandbox_limits.MAX_OUTPUT_CHARS`;
    and no Jinja global but a bounded ``range``.
    """

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
        self.globals = {"range": limits.bounded_range, _CONCAT: limits.bounded_concat}
        self.filters = {name: limits.bounded_filter(function) for name, function in self.filters.items()}
        self.filters["sum"] = limits.bounded_filter(limits.joining_sum)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The plan's fields and read-only lookups, and what plain values (texts, numbers, lists, dates)
        offer; nothing of any other object: a file path's methods read and write the disk."""
        if not super().is_safe_attribute(obj, attr, value) or isinstance(value, PurePath):
            return False  # where the plan lives on this machine is not the chapter's to print, nor to open
        if type(obj).__module__ in MODULES:
            return not callable(value) or attr in READ_ONLY_METHODS
        if isinstance(obj, JINJA_VALUES):  # {{ loop.index }}, a groupby's grouper and list
            return True
        return isinstance(obj, PLAIN_VALUES) and (type(obj) is tuple or not isinstance(obj, tuple))  # not a record

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        return self.undefined(Message("a chapter cannot read '{name}' of a {kind}", name=attribute,
                                      kind=type(obj).__name__), name=attribute, obj=obj, exc=SecurityError)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` through :class:`BoundedFormatter`, which checks each field's width as it is filled in
        (Jinja's own formatter takes ``'{:>{}}'.format(1, 1500000000)`` and builds 1.5 GB)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None or type(value.__self__) is not str:  # Markup keeps Jinja's escaping formatter
            return wrapped
        text, mapping = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if mapping:
                return limits.BoundedFormatter(self).vformat(text, (), *args, **kwargs)
            return limits.BoundedFormatter(self).vformat(text, args, kwargs)

        return functools.update_wrapper(bounded, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            limits.check_format(obj)  # Jinja wraps str.format itself: check before the call disappears
        return super().getattr(obj, attribute)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        limits.check_size(result)
        return result

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        method = getattr(obj, "__wrapped__", obj)  # Jinja hands out str.format wrapped
        owner = getattr(method, "__self__", None)
        if isinstance(owner, (str, list, tuple, dict)):  # a method of a built-in value: 'x'.ljust(10**9)
            name = getattr(method, "__name__", "")
            limits.check_arguments(args, kwargs, numbers=name not in ("format", "format_map"))
            limits.check_growth(name, owner, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        limits.check_size(result)
        return result


#: The values whose attributes and methods chapters may use besides the model's (the immutable sandbox
#: already refuses the methods that change a list or dict).
PLAIN_VALUES = (str, int, float, list, tuple, dict, set, frozenset, Mapping, datetime.date)
#: What Jinja itself hands a template: a loop's state, the groups of ``groupby``.
JINJA_VALUES = (jinja2.runtime.LoopContext, _GroupTuple)
#: Methods of the plan model that chapters may call: lookups that change nothing.
READ_ONLY_METHODS = frozenset(["pillar", "agency", "program", "chapter", "sub_element", "at", "budget_in", "get", "met"])
_CONCAT = "masterplan_concat"


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
    missing = _NO_ATTRIBUTE.match(message)
    if missing:
        kind, name = missing.groups()
        cls = _model_class(kind)
        if cls is not None:
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


def _model_class(kind: str) -> type | None:
    """The class of the plan model Python names ``kind`` (Plan, Program…), if it is one."""
    for name in MODULES:
        cls = getattr(sys.modules[name], kind, None)
        if isinstance(cls, type) and cls.__module__ == name:
            return cls
    return None


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
