"""Jinja's tags as a chapter writes them, spelt once for every reader that steps over them.

A chapter's text holds Jinja (``{{ plan.city }}``, ``{% for p in programs %}``, ``{# catatan #}``) whose characters
are template code, not text: a '|' in a tag is no table's cell, a '[[' in it no cross-reference, a line break in it no
line of the page. The readers that must tell code from text (cross-references, table rows, plain-text fields,
Jinja's error columns) find the tags by these patterns.
"""

from __future__ import annotations

import re

#: where a tag starts: '{{', '{%' or '{#'
TAG_START = re.compile(r"\{[{%#]")
#: a whole tag, its line breaks included, each read only up to its end or the next tag's start: '{{' written by the
#: thousand and never closed, each read to the text's end, took minutes
TAG = re.compile(r"\{\{(?:(?!\{[{%#]|\}\}).)*\}\}|\{%(?:(?!\{[{%#]|%\}).)*%\}|\{#(?:(?!\{[{%#]|#\}).)*#\}",
                 re.DOTALL)
#: a line of Jinja's statement tags or comments alone, which Jinja fills in with nothing (its line break stays): a
#: table's rows end above it, and a table or a heading may start below it
ALONE = re.compile(r"\s*(?:(?:\{%(?:(?!%\}).)*%\}|\{#(?:(?!#\}).)*#\})\s*)+")
_NOT_A_LINE_BREAK = re.compile(r"[^\n]")
#: what a chapter's text holds that prints nothing: an HTML comment, a Jinja comment ("<!-- nanti diisi -->"), one
#: never closed to the text's end
UNPRINTED = re.compile(r"<!--.*?(?:-->|\Z)|\{#.*?(?:#\}|\Z)", re.DOTALL)


def written_over(written: str, fill: str = " ") -> str:
    """``written`` with each character but its line breaks written over with ``fill``: what stands where it was, on
    the lines it was on, for a reader that must not read it."""
    return _NOT_A_LINE_BREAK.sub(fill, written)


def uncommented(text: str) -> str:
    """``text`` with its comments, HTML's and Jinja's, written over (:data:`UNPRINTED`): what Markdown reads in it."""
    return UNPRINTED.sub(lambda comment: written_over(comment.group()), text) if "<!--" in text or "{#" in text \
        else text


def blanked(text: str, fill: str = " ") -> str:
    """``text`` with its tags written over (:func:`written_over`): what a tag holds is template code, not text. A
    reader of marks that a tag stands for a word in (``**{{ sub.name }}**``) writes them over with a letter."""
    return TAG.sub(lambda tag: written_over(tag.group(), fill), text)


def could_fill(written: str, filled: str) -> bool:
    """Whether ``filled`` may be what Jinja makes of the line ``written``: its text outside the tags, in order, from
    ``filled``'s start to its end, each tag standing for any text. Each piece is looked for at its first place, left
    to right, which finds a way when there is one, in time linear in the lines (a pattern of one '.*?' a tag took
    seconds on a heading of ten tags)."""
    pieces = TAG.split(written)
    if len(pieces) == 1:
        return written == filled
    first, *middle, last = pieces
    if len(first) + len(last) > len(filled) or not filled.startswith(first) or not filled.endswith(last):
        return False
    at, end = len(first), len(filled) - len(last)
    for piece in middle:
        found = filled.find(piece, at, end)
        if found < 0:
            return False
        at = found + len(piece)
    return True
