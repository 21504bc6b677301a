"""Glossary terms the plan never uses: a book for the mayor defined BSrE, LKjIP and SIPD, which no page
of it names. W524 says so at the term, so the list is kept to what a reader meets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.content_text import content_texts
from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan

_WORD = re.compile(r"\w+")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if not plan.glossary:
        return
    # the other files' text, the funding sources the budget tables name (the default ones are written nowhere),
    # and the other terms' definitions, which readers of the glossary meet (APBN in DAK's)
    glossary_file = plan.glossary[0].position.file
    files = "\n".join([*(body for name, body in content_texts(plan) if name != glossary_file), *plan.funding_sources])
    folded = files.casefold()
    words = set(_WORD.findall(files))  # a term of one word is looked up, not searched for: a plan's text is megabytes
    folded_words = {word.casefold() for word in words}
    for term in plan.glossary:
        written = term.term.strip()
        # an abbreviation as written (SIPD, not "sipd" inside a word), "antar-SIPKD" and "OPD-OPD" too;
        # any other term in any case
        exact = written.upper() == written
        needle = written if exact else written.casefold()
        pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        if _WORD.fullmatch(needle):
            used = needle in (words if exact else folded_words)
        else:
            used = bool(pattern.search(files if exact else folded))
        definitions = (value if exact else value.casefold() for other in plan.glossary if other is not term
                       for value in other.definition.values.values() if value)
        if not used and not any(pattern.search(text) for text in definitions):
            yield warning(term.position, "W524", "glossary term '{term}' is used nowhere in the plan",
                          "delete it, or use it where the plan means it", term=written)
