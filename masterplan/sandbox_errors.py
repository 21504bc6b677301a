"""What goes wrong in a chapter's Jinja, in the plan's words: a field the model lacks (:func:`undefined_message`:
"a plan has no field 'kota'", with the English field meant), and a syntax error's hint (:func:`syntax_hint`: the
filter meant, a placeholder that is no expression).
"""

from __future__ import annotations

import re
import sys

import jinja2

from masterplan.diagnostics import Message, did_you_mean
from masterplan.indonesian_words import english_field
from masterplan.model import MODULES
from masterplan.record_words import record_word
from masterplan.sandbox import SANDBOX

_NO_ATTRIBUTE = re.compile(r"^'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']*)'$")
_UNDEFINED = re.compile(r"^'([^']*)' is undefined$")
_NO_ELEMENT = re.compile(r"^'?(?:[\w.]+\.)?(\w+) object'? has no element (.*)$")


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
                    else Message("a program's code is its id: {{{{ program.id }}}}") if name == "code" and "id" in known
                    else did_you_mean(name, known) or Message("its fields: {fields}", fields=", ".join(known)))
            return Message("a {kind} has no field '{name}'", kind=record_word(kind), name=name), hint
        return Message("a {kind} has no field '{name}'", kind=record_word(kind), name=name), None
    element = _NO_ELEMENT.match(message)
    if element:  # plan.programs[500], {{ 1.500.000 }} (the number 1.5, then its item 0)
        kind, index = element.groups()
        return (Message("a {kind} has no item {index}", kind=record_word(kind), index=index),
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


def unknown_name_hint(message: str) -> str | None:
    """The hint for Jinja's "No filter named 'wordz'" (or test): the name meant, or the names there are; None for any
    other message. Jinja says it when the template is compiled, or, inside an {% if %}, when its line runs."""
    unknown = re.match(r"No (filter|test) named '([^']*)'", message)
    if not unknown:
        return None
    kind, name = unknown.groups()
    known = SANDBOX.filters if kind == "filter" else SANDBOX.tests
    names = ", ".join(sorted(known))
    return did_you_mean(name, known) or (Message("known filters: {names}", names=names) if kind == "filter"
                                         else Message("known tests: {names}", names=names))


def syntax_hint(exc: jinja2.TemplateSyntaxError) -> str | None:
    if (unknown := unknown_name_hint(exc.message or "")) is not None:
        return unknown
    if "cannot extend" in (exc.message or ""):
        return None
    if "expected token 'end of print statement'" in (exc.message or ""):
        return Message("{{{{ ... }}}} holds one Jinja expression: a placeholder such as {{{{nama kepala dinas}}}} is "
                       "not one; write the text itself, or wrap it in {{% raw %}}...{{% endraw %}} to print the braces")
    return Message("Jinja expressions are written {{{{ ... }}}}, statements {{% ... %}}")
