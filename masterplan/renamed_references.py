"""Which ``[[GOV-01]]`` of a file ``masterplan rename`` rewrites: each one naming the id, but those printed as
written because they are code or have a mark escaped (`` `[[GOV-01]]` `` showing how to write one, ``\\[[GOV-01]]``),
which are text their writer meant as it is.

In a chapter, the book's and the site's Markdown says which ``[[…]]`` are references (:func:`crossref.places`).
In a YAML file, a text (a program's description) is Markdown too, though its ``[[GOV-01]]`` is printed as written
anyway (W518) and is renamed so that it names the new id there: the same question is asked of the text's value,
and its answers are carried to the file by order, the n-th ``[[GOV-01]]`` of the value being the n-th of the
scalar as written. A scalar where they cannot be paired so, and a YAML comment, are renamed throughout, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan import crossref, jinja_tags
from masterplan.chapter_reader import split_front_matter


def renamed(text: str, prefix: str, old: str, tree: Node | None, markdown: bool) -> Iterator[tuple[int, int]]:
    """Where ``old`` is written in ``text`` (a file's) as the id of a ``[[prefix old]]`` or a ``[[prefix old|…]]``
    to rename, in order. ``markdown``: the file is a chapter, Markdown after its front matter (which is YAML);
    ``tree``: the YAML file's nodes."""
    named = _naming(prefix, old)
    found = list(named.finditer(text))
    if not found:
        return
    if markdown:
        body_at = len(text) - len(split_front_matter(text)[1])
        kept = {body_at + start for start in _printed_as_written(text[body_at:], templated=True)}
    else:
        kept = _kept_in_scalars(found, tree, named)
    for match in found:
        if match.start() not in kept:
            yield match.span(1)


def _naming(prefix: str, old: str) -> re.Pattern[str]:
    return re.compile(rf"\[\[{re.escape(prefix)}({re.escape(old)})(?=\]\]|\|)")


def _printed_as_written(markdown: str, templated: bool) -> set[int]:
    """Where each ``[[…]]`` (or near miss, ``[[GOV-01|teks]]``) of ``markdown`` that the book and the site print as
    written starts: one in code, or with a mark escaped. ``templated``: a chapter, whose Jinja tags hold no near
    miss (as validate reads them)."""
    near_misses = jinja_tags.blanked(markdown) if templated else markdown
    written = {match.start() for match in crossref.PATTERN.finditer(markdown)} | \
        {match.start() for match in crossref.MISTYPED.finditer(near_misses)}
    return written - {match.start() for match in crossref.places(markdown)} - \
        {match.start() for match in crossref.places(near_misses, crossref.MISTYPED)}


def _kept_in_scalars(found: list[re.Match[str]], tree: Node | None, named: re.Pattern[str]) -> set[int]:
    """Where each of ``found`` (in a YAML file) that its scalar's Markdown prints as written starts, paired by
    order with those of the scalar's value."""
    kept: set[int] = set()
    for node in _scalars(tree):
        start, end = node.start_mark.index, node.end_mark.index
        written = [match.start() for match in found if start <= match.start() < end]
        if not written:
            continue
        in_value = [match.start() for match in named.finditer(node.value)]
        if len(in_value) != len(written):  # an escape of YAML's wrote one otherwise: renamed, as before
            continue
        as_written = _printed_as_written(node.value, templated=False)
        kept |= {at for at, value_at in zip(written, in_value) if value_at in as_written}
    return kept


def _scalars(node: Node | None) -> Iterator[ScalarNode]:
    """Every scalar of the tree, each once (an anchor's node is met again at each alias: its span is the same)."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ScalarNode):
            yield current
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, MappingNode):
            stack.extend(item for pair in current.value for item in pair)
