"""Markdown's backslash escapes as CommonMark writes them: a backslash before any ASCII punctuation mark prints the
mark as written, and only the mark.

Python-Markdown escapes a few marks only (``\\*``, ``\\_``, ``\\[`` …); before any other (``\\<``, ``\\&``, ``\\%``)
it printed the backslash too, and ``\\<script>`` as ``\\``: the HTML parser Python-Markdown hands the whole text read
its ``<script>`` as a tag, and the sanitizer removed it with all it held. An escaped ``<`` is now hidden from that
parser (a mark after it, taken out of the HTML), so ``\\<b>`` prints ``<b>``, as text the sanitizer leaves alone.

A cross-reference ``[[GOV-01]]`` is one only as written, none of its marks escaped, and not in code: an escaped mark
of what would be one (``\\[[GOV-01]]``, ``[\\[GOV-01]]``, ``[[GOV-01\\]]``, ``[[GOV\\-01]]``) is written as a character
reference (``&#91;``) in the sanitized HTML, where cross-references are resolved, and so is each ``[`` in code
(`` `[[GOV-01]]` ``): they print as written. Validate asks the same HTML which references a text makes
(:mod:`masterplan.render.reference_places`).
"""

from __future__ import annotations

import re
import string

import markdown as markdown_lib
from markdown.treeprocessors import UnescapeTreeprocessor

#: what CommonMark lets a backslash escape: every ASCII punctuation mark
ESCAPABLE = string.punctuation
#: written after an escaped '<' before Markdown reads the text, so that the HTML parser reads no tag's start there; a
#: noncharacter, which no text carries (Unicode keeps them for a program's own use), taken out of the HTML
HIDDEN_TAG_START = "\ufdd0"
#: written after an escaped mark a cross-reference's id or brackets may hold, in the HTML, until cross-references are
#: resolved (see :func:`kept_brackets`)
LITERAL_BRACKET = "\ufdd1"
#: the marks of a cross-reference, ``[[tab:budget-source]]``, which an escape makes text
REFERENCE_MARKS = frozenset("[]:_.-")
#: a backslash and the character it escapes, read from the left as Markdown reads them (``\\\\<`` is a backslash, then
#: a '<' not escaped)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def tag_starts_hidden(text: str) -> str:
    """``text`` with :data:`HIDDEN_TAG_START` after each escaped ``<``, which the HTML parser then reads as text."""
    if "\\<" not in text:
        return text
    return _ESCAPE.sub(lambda found: found.group() + HIDDEN_TAG_START if found.group(1) == "<" else found.group(),
                       text)


def without_escaped_tag_starts(text: str) -> str:
    """``text`` with each escaped ``<`` made a blank (its length, and so its lines, kept): what the HTML parser reads
    as tags' starts, for the limits of :mod:`masterplan.markdown_limits`."""
    if "\\<" not in text:
        return text
    return _ESCAPE.sub(lambda found: "\\ " if found.group(1) == "<" else found.group(), text)


#: what would be a cross-reference (:data:`masterplan.crossref.PATTERN`) but for the marks of escaped characters
_MARKED_REFERENCE = re.compile(f"\\[{LITERAL_BRACKET}?\\[{LITERAL_BRACKET}?(?:[A-Za-z0-9:_.-]{LITERAL_BRACKET}?)+"
                               f"\\]{LITERAL_BRACKET}?\\]{LITERAL_BRACKET}?")
_MARKED = re.compile(f"(.){LITERAL_BRACKET}", re.DOTALL)
#: an element of code, inline or a block's (``<pre><code>``), in sanitized HTML
_CODE = re.compile(r"(<code\b[^>]*>)(.*?)(</code>)", re.DOTALL)


def kept_brackets(html: str) -> str:
    """Sanitized ``html`` with what prints as written though it reads as a cross-reference written as character
    references: an escaped mark of one (``&#91;`` for ``\\[``), and every ``[`` in code; the others' marks taken out."""
    if "[" in html and "<code" in html:
        html = _CODE.sub(lambda code: code.group(1) + code.group(2).replace("[", "&#91;") + code.group(3)
                         if "[[" in code.group(2) else code.group(), html)
    if LITERAL_BRACKET not in html:
        return html
    return _MARKED_REFERENCE.sub(lambda found: _MARKED.sub(lambda mark: f"&#{ord(mark.group(1))};", found.group())
                                 if LITERAL_BRACKET in found.group() else found.group(),
                                 html).replace(LITERAL_BRACKET, "")


def without_marks(html: str) -> str:
    """Markdown's ``html`` without the marks of this module (the brackets' once sanitized, by :func:`kept_brackets`)."""
    return html.replace(LITERAL_BRACKET, "").replace(HIDDEN_TAG_START, "")


class _Unescape(UnescapeTreeprocessor):
    """Python-Markdown's restoring of escaped characters, each escaped mark of a cross-reference's marked with
    :data:`LITERAL_BRACKET`."""

    def _unescape(self, m: re.Match[str]) -> str:
        char = chr(int(m.group(1)))
        return char + LITERAL_BRACKET if char in REFERENCE_MARKS else char


class EscapesExtension(markdown_lib.Extension):
    """Every ASCII punctuation mark escapable, and the escaped marks of a cross-reference's marked."""

    def extendMarkdown(self, md: markdown_lib.Markdown) -> None:
        md.ESCAPED_CHARS.extend(mark for mark in ESCAPABLE if mark not in md.ESCAPED_CHARS)
        md.treeprocessors.register(_Unescape(md), "unescape", 0)
