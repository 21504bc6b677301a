"""Plain-text fields printed as written: names, summaries, locations, units, a revision's decree, a glossary's
definitions.

Only a description (and a chapter) is Markdown; a program's name or summary is printed as
typed, so ``<b>Pasien</b>`` showed its tags on the site, in its description for search engines
and in the book's matrix, ``&amp;`` showed as such, and ``{{ plan.city }}`` stayed braces. W522
says so at the field, with what to write instead; in a description (Markdown, not a chapter), of Jinja.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.jinja_tags import TAG
from masterplan.model import Plan
from masterplan.programs import Indicator
from masterplan.values import Text

#: a tag (<b>, </b>, <br/>), a character entity (&amp;, &#8211;) or Jinja ({{ … }}, {% … %}), which only a chapter
#: fills in
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});|"
                     + TAG.pattern, re.DOTALL)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for pillar in plan.pillars:
        for name in ("name", "summary"):
            yield from _markup(getattr(pillar, name), pillar.where.get(name, pillar.position), name,
                               f"{name}|" in pillar.where)
        for sub in pillar.sub_elements:
            yield from _markup(sub.name, sub.position, "name")
        yield from _indicators(pillar.indicators)
        yield from _markup(pillar.description, pillar.where.get("description", pillar.position), "description",
                           "description|" in pillar.where)
    for agency in plan.agencies:
        yield from _markup(agency.name, agency.where.get("name", agency.position), "name")
    for program in plan.programs:
        for name in ("name", "summary", "location", "description"):
            yield from _markup(getattr(program, name), program.at(name), name, f"{name}|" in program.where)
        yield from _indicators(program.indicators)
    for phase in plan.phases:  # its name and theme head a section of the roadmap chapter, its description fills it
        for name in ("name", "theme", "description"):
            yield from _markup(getattr(phase, name), phase.at(name), name)
    for revision in plan.revisions:  # a row of the history table, in the book's front matter and on the home page
        for name in ("summary", "decree"):
            yield from _markup(getattr(revision, name), revision.at(name), name)
    for term in plan.glossary:  # the book's glossary and the site's print it as typed, as the search index reads it
        yield from _markup(term.definition, term.definition_at or term.position, "definition")


def _indicators(indicators: list[Indicator]) -> Iterator[Diagnostic]:
    for indicator in indicators:
        for name in ("name", "unit"):
            yield from _markup(getattr(indicator, name), indicator.position, name)


def _markup(text: Text, where: Position, field: str, block: bool = False) -> Iterator[Diagnostic]:
    """W522 for what ``field`` prints as written: markup in a plain-text field, Jinja in a description (Markdown);
    in a block of text (``description: |``), whose lines are the file's, at the line of the first."""
    description = field == "description"
    for value, written_at in text.versions():
        found = list(dict.fromkeys((TAG if description else _MARKUP).findall(value or "")))
        if not found:  # said once a field: "<b>Pasien</b> puskesmas<br>" is one mistake
            continue
        at = written_at or (Position(where.file, where.line + value.count("\n", 0, value.find(found[0])),
                                     where.column) if block else where)
        if description:
            yield warning(at, "W522", "a description is Markdown, which Jinja does not fill in: {markup} is printed "
                          "as written", _hint(found[0]), markup=" ".join(found))
        else:
            yield warning(at, "W522", "{field} is plain text: {markup} is printed as written",
                          _hint(found[0], glossary=field == "definition"), field=field, markup=" ".join(found))


def _hint(markup: str, glossary: bool = False) -> Message:
    if markup.startswith("&"):
        return Message("write the character itself: {character}", character=html.unescape(markup))
    if markup.startswith("{"):
        return Message("Jinja works in chapters only: write the text itself")
    if glossary:  # a glossary has no description to move the markup to
        return Message("write it without tags")
    return Message("write it without tags; a description takes Markdown, e.g. **bold**")
