"""Where a text's cross-references are: the one answer validate and the renderers share.

A ``[[GOV-01]]`` is a cross-reference where the book and the site resolve it, in the sanitized HTML of the text
(:func:`masterplan.render.markdown.to_html`): not in code (`` `[[GOV-01]]` ``, a block indented as code), not with
one of its marks escaped (``\\[[GOV-01]]``, ``[[GOV-01\\]]``), which print as written. Validate asks that HTML, not a
reading of its own: each place that reads as one in the text is given an id of its own, and the places whose ids
come out of Markdown as cross-references are the text's. The same question tells whether a word is printed as text or
as code (a program's code written in words, W539): the word is made a place of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from masterplan.markdown_escapes import REFERENCE_MARKS

#: the id given to the place of the given number: letters and digits only, which no Markdown extension changes
_STAND_IN = "mpref{number}x"
_STAND_INS = re.compile(r"\[\[mpref([0-9]+)x\]\]")
#: a backslash and the character it escapes, read from the left as Markdown reads them
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def referencing(text: str, places: Sequence[tuple[int, int]]) -> set[int]:
    """The numbers of ``places`` (each the span of a ``[[…]]``'s words in ``text``, in order) that the book and the
    site resolve as cross-references. A place's words are replaced by its own id followed by the escapes of a
    reference's marks they hold (``[[GOV\\-99]]`` prints as written), and a backslash that escapes the ``]`` after
    them (``[[GOV-99\\]]``)."""
    parts: list[str] = []
    done = 0
    for number, (start, end) in enumerate(places):
        words = text[start:end]
        escapes = "".join(found.group() for found in _ESCAPE.finditer(words) if found.group(1) in REFERENCE_MARKS)
        escaping = (len(words) - len(words.rstrip("\\"))) % 2
        parts += [text[done:start], _STAND_IN.format(number=number), escapes, "\\" * escaping]
        done = end
    return _resolved("".join([*parts, text[done:]]))


def printed_as_text(text: str, words: Sequence[tuple[int, int]]) -> set[int]:
    """The numbers of ``words`` (each the span of a word of ``text`` outside any ``[[…]]``, in order) that the book
    and the site print as text, not as code (`` `GOV-99` ``, a fenced or an indented block): each is made a
    cross-reference of its own id, and those resolved are in the text."""
    parts: list[str] = []
    done = 0
    for number, (start, end) in enumerate(words):
        parts += [text[done:start], "[[", _STAND_IN.format(number=number), "]]"]
        done = end
    return _resolved("".join([*parts, text[done:]]))


def _resolved(marked: str) -> set[int]:
    """The numbers of the places of ``marked`` (each written as its id in double brackets) that Markdown leaves
    cross-references."""
    from masterplan.render.markdown import to_html

    return {int(found.group(1)) for found in _STAND_INS.finditer(to_html(marked))}
