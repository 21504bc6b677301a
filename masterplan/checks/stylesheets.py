"""The plan's own stylesheets (``templates/**/*.css``): every ``{`` closed, and no ``}`` that closes nothing.

Browsers and WeasyPrint read a stylesheet with a ``}`` missing without a word: the rules after it are read inside
the rule left open (a designer's site lost its menu's style; the book went from 83 pages to 95, its cover
unstyled), and a ``}`` too many takes the next rule's selector with it. A stylesheet that ends with a ``{`` still
open is told at the rule that holds another rule, where its ``}`` is most likely missing (W713); a ``}`` that closes
nothing, at its line (W714). Comments and quoted text are not counted. A rule written inside another on purpose
(CSS nesting) is not told while the braces add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    line_and_column,
    warning,
)
from masterplan.i18n import plan_theme, theme_files
from masterplan.model import Plan

#: comments and quoted text, whose braces are no blocks'
_HIDDEN = re.compile(r"/\*.*?(?:\*/|$)|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.DOTALL)


@dataclass(eq=False)  # one '{' is not another written alike: `in` asks which
class Opened:
    """A ``{`` not yet closed: where, the selector or at-rule before it, and the first rule opened inside it."""

    line: int
    column: int
    prelude: str
    inner: int | None = None  #: the line of the first ``{`` opened inside it


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for folder in plan_theme(plan.content.parent) if plan.content is not None else ():
        for path in theme_files(folder, (".css",)):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # the build says it
            yield from braces(text, f"templates/{path.relative_to(folder).as_posix()}")


def braces(text: str, file: str) -> Iterator[Diagnostic]:
    """The ``{`` left open and the ``}`` too many of the stylesheet ``text``, saved as ``file``."""
    bare = _HIDDEN.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)  # lines and columns kept
    opened: list[Opened] = []
    holding: list[Opened] = []  #: the rules (not at-rules) found holding another, in order
    start = 0  #: where the text before the next brace starts
    for found in re.finditer(r"[{};]", bare):
        line, column = line_and_column(bare, found.start())
        if found.group() == "{":
            if opened and opened[-1].inner is None:
                opened[-1].inner = line
                if not opened[-1].prelude.startswith("@"):
                    holding.append(opened[-1])
            opened.append(Opened(line, column, " ".join(bare[start:found.start()].split())))
        elif found.group() == "}":
            if not opened:
                yield warning(Position(file, line, column), "W714",
                              "this '}}' closes no '{{': the rule after it is not read as written",
                              Message("delete it, or add the '{{' it was meant to close"))
            else:
                opened.pop()
        start = found.end()
    if opened:
        # the last rule still open that holds another (a '}' of its own missing); else the last that held one, closed
        # by the '}' of a rule around it (an @media's); else the first '{' left open
        culprit = next((rule for rule in reversed(holding) if rule in opened), holding[-1] if holding else opened[0])
        yield warning(Position(file, culprit.line, culprit.column), "W713",
                      "the '{{' of '{rule}' is not closed: what follows it is read inside it, and the stylesheet "
                      "ends with a '{{' left open",
                      Message("add the '}}' that ends it, before line {line}", line=culprit.inner) if culprit.inner
                      else Message("add the '}}' that ends it"), rule=culprit.prelude[-60:])
