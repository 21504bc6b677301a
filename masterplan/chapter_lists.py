"""What a chapter's failing line did with a list, in the plan's words: the list it names, how many items it has.

``{% set pendek, menengah, panjang = plan.phases %}`` in a plan of two phases stops with Python's
"not enough values to unpack (expected 3, got 2)", and ``{{ plan.phases[3].name }}`` with "a list has
no item 3": in English, or naming no list. Said here as "plan.phases has 2 items, the chapter expects
3", with where the plan writes the list (plan.yml's ``phases:``) and what to change, at the column of
the statement that failed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from masterplan import sandbox
from masterplan.diagnostics import Message


class ListFailure(NamedTuple):
    """A chapter's failure with a list: what to say, the hint, and the column of the line it belongs at."""

    what: Message
    hint: Message
    column: int


#: Python's words for a failed unpacking: "not enough values to unpack (expected 3, got 2)", "too many values to
#: unpack (expected 2)" (3.12 adds ", got 4" for some values), "cannot unpack non-iterable Phase object"
_UNPACK = re.compile(r"^(?:not enough|too many) values to unpack \(expected (\d+)(?:, got (\d+))?\)$")
_NOT_A_LIST = re.compile(r"^cannot unpack non-iterable \w+ object$")
#: the statements of a line that take a value apart into names: {% set a, b = ... %} and {% for a, b in ... %}
_SET = re.compile(r"\{%[-+]?\s*set\s+(\w+(?:\s*,\s*\w+)+)\s*,?\s*=\s*(.+?)\s*[-+]?%\}")
_FOR = re.compile(r"\{%[-+]?\s*for\s+(\w+(?:\s*,\s*\w+)+)\s*,?\s+in\s+(.+?)(?:\s+if\s.+?)?(?:\s+recursive)?\s*[-+]?%\}")
#: Jinja's words for an item past a list's end: "'list object' has no element 3"
_NO_ELEMENT = re.compile(r"^'?(?:list|tuple) object'? has no element (-?\d+)$")
#: a list of the plan a chapter names by its fields: plan.phases, plan.agencies
_PATH = re.compile(r"plan(?:\.[a-z]\w*)+")
#: where the plan writes the items of its lists, for what to change there
SOURCES = {"plan.phases": "plan.yml (phases:)", "plan.missions": "plan.yml (missions:)",
           "plan.readiness": "plan.yml (readiness:)", "plan.legal_basis": "plan.yml (legal_basis:)",
           "plan.revisions": "plan.yml (revisions:)", "plan.swot": "plan.yml (swot:)",
           "plan.swot.strengths": "plan.yml (swot:)", "plan.swot.weaknesses": "plan.yml (swot:)",
           "plan.swot.opportunities": "plan.yml (swot:)", "plan.swot.threats": "plan.yml (swot:)",
           "plan.pillars": "content/pillars/", "plan.agencies": "content/agencies/",
           "plan.programs": "content/agencies/ (programs:)", "plan.quick_wins": "content/agencies/ (quick_win: true)",
           "plan.chapters": "content/chapters/", "plan.glossary": "content/glossary.yml"}


def unpacking(text: str, line: str, context: Mapping[str, Any]) -> ListFailure | None:
    """A ``{% set a, b, c = list %}`` or ``{% for a, b in list %}`` of ``line`` that met more or fewer values
    than it names (``text``: Python's words), said with the list and its length; None for other failures."""
    counted = _UNPACK.match(text)
    single = _NOT_A_LIST.match(text)
    if not counted and not single:
        return None
    expected = int(counted.group(1)) if counted else 0
    statement, names = _statement(line, expected)
    column = statement.start() + 1 if statement else 1
    if statement is None:  # Python names the numbers, the line shows no statement (one running over lines)
        return ListFailure(Message("a list is taken apart into names that are more or fewer than its items"),
                           _ANY_NUMBER_HINT, column) if counted else None
    listed = statement.group(2)
    looped = statement.re is _FOR
    if single:
        if looped:
            return ListFailure(Message("{{% for %}} cannot take an item of {list} apart into {count} names: each "
                                       "is one value, not a list", list=listed, count=names),
                               Message("write one name, {{% for item in {list} %}}, and read its fields: "
                                       "{{{{ item.name }}}}", list=listed), column)
        return ListFailure(Message("{list} is one value, not a list, so it cannot be taken apart into {count} names",
                                   list=listed, count=names),
                           Message("write one name before '=', and read its fields: {{{{ {name}.name }}}}",
                                   name=statement.group(1).split(",")[0].strip()), column)
    assert counted is not None  # neither counted nor single returned above
    got = int(counted.group(2)) if counted.group(2) else None
    if looped:
        return ListFailure(Message("{{% for %}} takes each item of {list} apart into {count} names, and an item "
                                   "has {got}", list=listed, count=expected,
                                   got=got if got is not None else Message("more")),
                           Message("name as many values as each item of {list} has", list=listed), column)
    if got is None:
        length = _length(listed, context)
        got = length if length is not None and length != expected else None
    if got is None:
        return ListFailure(Message("{list} has more than {count} items, the chapter expects {count}", list=listed,
                                   count=expected), _ANY_NUMBER_HINT, column)
    source = SOURCES.get(listed)
    hint = (Message("give {list} {count} items in {source}, or change this line to name {got}; {{% for item in "
                    "{list} %}} goes through any number of items", list=listed, count=expected, source=source, got=got)
            if source else Message("change this line to name {got}; {{% for item in {list} %}} goes through any "
                                   "number of items", list=listed, got=got))
    return ListFailure(Message("{list} has {items}, the chapter expects {count}", list=listed, items=_items(got),
                               count=expected), hint, column)


def past_the_end(text: str, line: str, context: Mapping[str, Any]) -> ListFailure | None:
    """``plan.phases[3]`` in a plan of fewer phases (``text``: Jinja's "'list object' has no element 3"), said
    with the list and its length; None when the line names no list of the plan at that item."""
    found = _NO_ELEMENT.match(text)
    if not found:
        return None
    index = found.group(1)
    for written in re.finditer(rf"({_PATH.pattern})\s*\[\s*({re.escape(index)})\s*\]", line):
        listed = written.group(1)
        length = _length(listed, context)
        if length is None:
            continue
        source = SOURCES.get(listed)
        if length == 0:
            what = Message("{list} is empty, so there is no {list}[{index}]", list=listed, index=index)
            hint = Message("print this only when the list has items: {{% if {list} %}}...{{% endif %}}", list=listed)
        else:
            what = Message("{list} has {items}, so there is no {list}[{index}]", list=listed, items=_items(length),
                           index=index)
            hint = (Message("items are counted from 0: {list}[0] is the first, {list}[{last}] (or {list}[-1]) the "
                            "last", list=listed, last=length - 1) if length > 1
                    else Message("items are counted from 0: its one item is {list}[0]", list=listed))
        if source:
            hint = Message("{hint}; {list} is written in {source}", hint=hint, list=listed, source=source)
        return ListFailure(what, hint, written.start() + 1)
    return None


_ANY_NUMBER_HINT = Message("name as many values as the list has items; {{% for item in ... %}} goes through any "
                           "number of items")


def _statement(line: str, expected: int) -> tuple[re.Match[str] | None, int]:
    """The statement of ``line`` that takes a value apart (the one naming ``expected`` names, when Python said
    how many), and how many names it gives."""
    found = sorted([*_SET.finditer(line), *_FOR.finditer(line)], key=lambda m: m.start())
    counted = [(m, len(m.group(1).split(","))) for m in found]
    fitting = [(m, n) for m, n in counted if n == expected] or ([] if expected else counted)
    return fitting[0] if fitting else (None, 0)


def _length(listed: str, context: Mapping[str, Any]) -> int | None:
    """How many items a list of the plan named by its fields (``plan.phases``) has, read as the chapter reads it."""
    if not _PATH.fullmatch(listed):
        return None
    value = sandbox.read(listed, context)
    return len(value) if isinstance(value, (list, tuple)) else None


def _items(count: int) -> Message:
    return Message("1 item") if count == 1 else Message("{count} items", count=count)
