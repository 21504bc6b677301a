"""The sandbox for chapter templates: untrusted Jinja that may read the plan and nothing else.

Chapter text comes from many hands and is published on the city's domain, so its Jinja
runs in the immutable sandbox, cannot load other templates, may call only read-only
lookups on the model, and is bounded in output size and in the size of what its
operators, filters and methods may build (:mod:`masterplan.sandbox_limits`, each checked before it is built),
and in time (:mod:`masterplan.sandbox_time`). What goes wrong in it is said in the plan's words by
:mod:`masterplan.sandbox_errors`.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable, Mapping
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

from masterplan import chapter_values, made_once, number_marks
from masterplan import sandbox_limits as limits
from masterplan.diagnostics import Message, Position
from masterplan.model import MODULES
from masterplan.plan_parts import Chapter
from masterplan.record_words import record_word

__all__ = ["SANDBOX", "SecurityError", "compile_chapter", "read", "running_line", "template_line"]


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
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                         finalize=chapter_values.printed)  # numbers and dates in the edition's words, no records
        self.globals = {"range": limits.bounded_range, _CONCAT: limits.bounded_concat}
        self.filters = {name: limits.bounded_filter(function) for name, function in self.filters.items()
                        if name not in LEFT_OUT_FILTERS}
        self.filters["sum"] = limits.bounded_filter(limits.joining_sum)
        self.filters["string"] = limits.bounded_filter(_string)
        self.filters["words"] = chapter_values.spelt  # {{ plan.missions | length | words }}: "lima"
        self.filters["format"] = limits.bounded_filter(_format)
        self.filters["join"] = chapter_values.joining(self.filters["join"])  # {{ … | join(', ') }}: "berjalan, …"
        for name in chapter_values.WORDED_FILTERS:  # {{ p.status | capitalize }}: "Berjalan"
            self.filters[name] = chapter_values.worded(self.filters[name])

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The plan's fields and read-only lookups, and what plain values (texts, numbers, lists, dates)
        offer; nothing of any other object: a file path's methods read and write the disk."""
        if not super().is_safe_attribute(obj, attr, value) or isinstance(value, PurePath):
            return False  # where the plan lives on this machine is not the chapter's to print, nor to open
        if isinstance(value, Position) or isinstance(value, Mapping) and isinstance(next(iter(value.values()), None),
                                                                                 Position):
            return False  # where in its files the plan writes a field: the checks', not the reader's
        if type(obj).__module__ in MODULES:
            return not callable(value) or attr in READ_ONLY_METHODS
        if isinstance(obj, JINJA_VALUES):  # {{ loop.index }}, a groupby's grouper and list
            return True
        return isinstance(obj, PLAIN_VALUES) and (type(obj) is tuple or not isinstance(obj, tuple))  # not a record

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        return self.undefined(Message("a chapter cannot read '{name}' of a {kind}", name=attribute,
                                      kind=record_word(type(obj).__name__)), name=attribute, obj=obj, exc=SecurityError)

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
        marked = number_marks.percent(left, right) if operator == "%" and isinstance(left, str) else None
        result = marked if marked is not None else super().call_binop(context, operator, left, right)  # 66,7
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
READ_ONLY_METHODS = frozenset(["pillar", "agency", "program", "chapter", "sub_element", "budget_in", "get", "met"])
#: Jinja's filters a chapter has no use for that write a value as Python does (``pprint``), or whose pattern takes
#: minutes on a long run of brackets in one step the time limit cannot cut short (``urlize``: Markdown links a
#: chapter's addresses already)
LEFT_OUT_FILTERS = frozenset(["pprint", "urlize"])


@jinja2.pass_context  # not filled in once for all when the template is compiled, outside any chapter
def _format(context: jinja2.runtime.Context, value: Any, *args: Any, **kwargs: Any) -> str:
    """The filter ``format``, its numbers in the edition's marks: ``'%.1f' | format(x)`` is 66,7 in Indonesian
    (:mod:`masterplan.number_marks`); bounded as Jinja's own, whose name it takes."""
    marked = number_marks.percent(str(value), kwargs or args) if not (args and kwargs) else None  # both: Jinja's error
    return marked if marked is not None else jinja2.filters.do_format(value, *args, **kwargs)


_format.__name__ = "do_format"  # the size checks of sandbox_limits know it by Jinja's name


@jinja2.pass_context
def _string(context: jinja2.runtime.Context, value: Any) -> str:
    """``| string``, of what has words of its own (a record's Python form gave its file's path and line); a number in
    the edition's marks (:mod:`masterplan.number_marks`: ``(2 / 3) | string`` gave 0.6666666666666666), true, false
    and nothing as ``{{ }}`` prints them ("ya", "–")."""
    chapter_values.check_printable(value)
    if isinstance(value, bool) or value is None:
        return str(chapter_values.printed(context, value))
    return number_marks.marked(value, str(value))


_CONCAT = "masterplan_concat"


#: the one environment every chapter is compiled in
SANDBOX = _Sandbox()


def read(path: str, context: Mapping[str, Any]) -> Any:
    """The value a dotted name of a chapter (``plan.phases``) has, each field read as the sandbox lets a chapter
    read it; None when a field is missing or not the chapter's to read."""
    first, *fields = path.split(".")
    value = context.get(first)
    for name in fields:
        value = SANDBOX.getattr(value, name)
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
        self.generic_visit(node)  # its parts first, rewritten in place
        function = jinja2.nodes.Name(_CONCAT, "load", lineno=node.lineno)
        return jinja2.nodes.Call(function, node.nodes, [], None, None, lineno=node.lineno)


_NOT_IN_CHAPTERS = (jinja2.nodes.Extends, jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport)


@functools.lru_cache(maxsize=512)
def compile_chapter(body: str, file: str) -> jinja2.Template:
    """The chapter's Jinja compiled (:func:`_chapter_code`), kept in the user's cache by its file's name: a command
    compiled all the sample's chapters in 0.05-0.08 s, every time, and reads them back in a millisecond."""
    slot = hashlib.blake2b(file.encode(), digest_size=8).hexdigest()
    code = made_once.compiled(f"chapter-{slot}", f"{jinja2.__version__}\0{file}\0{body}",
                               lambda: _chapter_code(body, file), filename=file)
    return SANDBOX.template_class.from_code(SANDBOX, code, SANDBOX.make_globals(None))


def _chapter_code(body: str, file: str) -> str:
    """Parse, refuse template loading, route ``~`` through the bounded join: the Python code Jinja writes for it. A
    chapter that fails here raises each time, and nothing is kept."""
    tree = SANDBOX.parse(body, filename=file)
    for node in tree.find_all(_NOT_IN_CHAPTERS):
        raise jinja2.TemplateSyntaxError(Message("chapters cannot extend, include or import other templates"),
                                         node.lineno, filename=file)
    return SANDBOX.compile(_BoundedConcat().visit(tree), filename=file, raw=True)
