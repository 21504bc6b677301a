"""Raw HTML in a chapter or a description: what the sanitizer keeps, and what it removes.

Text from many agencies is untrusted, so :func:`masterplan.render.markdown.to_html` keeps only
the tags and attributes of ``ALLOWED_TAGS`` and ``ALLOWED_ATTRIBUTES``: a ``<script>`` or a
``<style>`` goes with all it holds, any other tag (an ``<iframe>`` of a map, a ``<font>``) goes
and leaves its text, an attribute (``onclick``, ``style``) goes. Removed without a word, a
"click here for the interactive map" stays on the page with nothing behind it: W520 says so.
Code (```` ```html ```` blocks and `` `<b>` `` spans) is shown as written, never read as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from masterplan.diagnostics import Message

#: what the sanitizer removes with its content (nh3's default), not only the tag
REMOVED_WHOLE = {"script", "style"}
_FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"`[^`\n]+`")
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^<>]*)?/?>")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


@dataclass(frozen=True)
class Tag:
    """An opening tag of raw HTML: its name, its attributes (name, value) and its line in the text."""

    name: str
    attributes: tuple[tuple[str, str], ...]
    line: int

    @property
    def kept(self) -> bool:
        return self.name in _allowed()[0]

    def keeps(self, attribute: str) -> bool:
        return self.kept and attribute in _allowed()[1].get(self.name, ())


@lru_cache(maxsize=1)
def _allowed() -> tuple[set[str], dict[str, set[str]]]:
    """The sanitizer's tags and attributes; its module (the Markdown library, ~40 ms) is imported only for a
    text with raw HTML."""
    from masterplan.render.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
    return ALLOWED_TAGS, ALLOWED_ATTRIBUTES


def tags(text: str) -> Iterator[Tag]:
    """Every opening tag of raw HTML in Markdown ``text``, outside code."""
    if "<" not in text:
        return
    prose = _SPAN.sub(_blank, _FENCED.sub(_blank, text))
    for match in _TAG.finditer(prose):
        attributes = tuple((name.lower(), value.strip("\"'")) for name, value in _ATTRIBUTE.findall(match.group(2) or ""))
        yield Tag(match.group(1).lower(), attributes, prose.count("\n", 0, match.start()) + 1)


def removed(text: str) -> Iterator[tuple[Message, int]]:
    """What the sanitizer takes out of ``text``, each kind once, at its first line."""
    said: set[str] = set()
    for tag in tags(text):
        if not tag.kept:
            found = [(tag.name, Message("<{tag}> and all it holds", tag=tag.name) if tag.name in REMOVED_WHOLE
                      else Message("<{tag}> (its text stays)", tag=tag.name))]
        else:
            found = [(f"{tag.name} {name}", Message("the attribute {attribute} of <{tag}>", attribute=name, tag=tag.name))
                     for name, _ in tag.attributes if not tag.keeps(name)]
        for key, what in found:
            if key not in said:
                said.add(key)
                yield what, tag.line


def _blank(match: re.Match[str]) -> str:
    """Code blanked out, its line breaks kept (lines are counted after it)."""
    return re.sub(r"[^\n]", " ", match.group())
