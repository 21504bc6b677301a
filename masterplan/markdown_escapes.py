"""Markdown's backslash escapes as CommonMark writes them: a backslash before any ASCII punctuation mark prints the
mark as written, and only the mark.

Python-Markdown escapes a few marks only (``\\*``, ``\\_``, ``\\[`` …); before any other (``\\<``, ``\\&``, ``\\%``)
it printed the backslash too, and ``\\<script>`` as ``\\``: the HTML parser Python-Markdown hands the whole text read
its ``<script>`` as a tag, and the sanitizer removed it with all it held. An escaped ``<`` is now hidden from that
parser (a mark after it, taken out of the HTML), so ``\\<b>`` prints ``<b>``, as text the sanitizer leaves alone.

An escaped ``[`` that starts ``[[`` is written ``&#91;`` in the sanitized HTML, where cross-references ``[[GOV-01]]``
are resolved: ``\\[\\[GOV-01\\]\\]`` prints ``[[GOV-01]]`` as written.
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
#: written after an escaped '[' in the HTML, until cross-references are resolved (see :func:`kept_brackets`)
LITERAL_BRACKET = "\ufdd1"
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


_BRACKET_PAIR = re.compile(f"\\[{LITERAL_BRACKET}(?=\\[)")


def kept_brackets(html: str) -> str:
    """Sanitized ``html`` with each escaped ``[`` that starts ``[[`` written ``&#91;`` (no cross-reference's start), the
    others as ``[``."""
    if LITERAL_BRACKET not in html:
        return html
    return _BRACKET_PAIR.sub("&#91;", html).replace(LITERAL_BRACKET, "")


def without_marks(html: str) -> str:
    """Markdown's ``html`` without the marks of this module (the brackets' once sanitized, by :func:`kept_brackets`)."""
    return html.replace(LITERAL_BRACKET, "").replace(HIDDEN_TAG_START, "")


class _Unescape(UnescapeTreeprocessor):
    """Python-Markdown's restoring of escaped characters, an escaped ``[`` marked with :data:`LITERAL_BRACKET`."""

    def _unescape(self, m: re.Match[str]) -> str:
        char = chr(int(m.group(1)))
        return char + LITERAL_BRACKET if char == "[" else char


class EscapesExtension(markdown_lib.Extension):
    """Every ASCII punctuation mark escapable, and escaped brackets marked."""

    def extendMarkdown(self, md: markdown_lib.Markdown) -> None:
        md.ESCAPED_CHARS.extend(mark for mark in ESCAPABLE if mark not in md.ESCAPED_CHARS)
        md.treeprocessors.register(_Unescape(md), "unescape", 0)
