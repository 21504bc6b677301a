"""How deep the HTML of a chapter or a description may nest, as the book lays it out.

WeasyPrint lays out each box inside its parent's by recursion, so elements nested deep enough stop the whole
book with a RecursionError (E604 at plan.yml, "please report this", once the build has spent its time):
``<div>`` nested 160 deep did, a list 70 deep, tables 50 deep (``<table><tr><td>`` is four elements with the
``<tbody>`` the parser adds). 140 elements one in another passed, without the book's own around them. Markdown
alone nests 66 at most (lists and quotes 32 deep: :data:`masterplan.markdown_limits.MAX_NESTING`); a real
plan's HTML goes ten or so deep. Measured in the sanitized HTML, which the HTML parser has balanced (every
element closed, the ``<tbody>`` and ``<tr>`` a table implies added); a text past the limit is not converted, and
``validate`` says E528 at the line of the raw HTML tag where the limit is passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from masterplan.diagnostics import Message
from masterplan.markdown_limits import MAX_NESTING

MAX_DEPTH = 100  #: elements one in another in one text's HTML
#: the attribute that tells, in the sanitized HTML of a text marked for it, where each raw HTML tag was in the text
MARK = "data-masterplan-at"
#: the most elements one tag written in a text may add: ``<td>`` alone brings its table's ``<tbody>`` and ``<tr>``
_PER_TAG = 3
#: elements that hold nothing, written without a closing tag
_VOID = frozenset(["br", "hr", "img", "wbr"])
#: a tag of sanitized HTML: its values are always quoted, and a quote in one is written &quot;
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"]|"[^"]*")*)>')
_MARKED = re.compile(rf'\s{MARK}="(\d{{1,11}})"')


@dataclass(frozen=True)
class TooDeep:
    """HTML nested past :data:`MAX_DEPTH`: the mark of the innermost raw tag around where it does (None: none)."""

    mark: int | None
    message: Message
    hint: Message


def may_be_too_deep(text: str) -> bool:
    """Whether ``text`` has tags enough that its HTML could nest past :data:`MAX_DEPTH` (a quick test, no parsing)."""
    return 2 * MAX_NESTING + 2 + _PER_TAG * text.count("<") > MAX_DEPTH


def too_deep(html: str) -> TooDeep | None:
    """Where sanitized ``html`` nests more than :data:`MAX_DEPTH` elements one in another, or None."""
    if not may_be_too_deep(html):
        return None
    open_marks: list[int | None] = []
    for tag in _TAG.finditer(html):
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _VOID:
            continue
        if closing:
            if open_marks:
                open_marks.pop()
            continue
        marked = _MARKED.search(tag.group(3))
        open_marks.append(int(marked.group(1)) if marked else open_marks[-1] if open_marks else None)
        if len(open_marks) > MAX_DEPTH:
            return TooDeep(open_marks[-1], Message("HTML elements nested more than {limit} deep, which the book "
                                                   "cannot lay out", limit=MAX_DEPTH),
                           Message("put a list, table or <div> inside another a few levels deep at most"))
    return None
