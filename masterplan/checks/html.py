"""Raw HTML in a chapter or a description: what the sanitizer keeps, and what it removes.

Text from many agencies is untrusted, so :func:`masterplan.render.markdown.to_html` keeps only
the tags and attributes of ``ALLOWED_TAGS`` and ``ALLOWED_ATTRIBUTES``: a ``<script>`` or a
``<style>`` goes with all it holds, any other tag (an ``<iframe>`` of a map, a ``<font>``) goes
and leaves its text, an attribute (``onclick``, ``style``) goes. Removed without a word, a
"click here for the interactive map" stays on the page with nothing behind it: W520 says so.
A code span (`` `<b>` ``) or an indented code block is shown as written and a comment is dropped:
none is warned of. (A ```` ``` ```` block is no code block here: chapters are read without that
extension, its HTML is live.) What is warned of is confirmed against Markdown's own reading of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from masterplan.diagnostics import Message, line_and_column

#: what the sanitizer removes with its content (nh3's default), not only the tag
REMOVED_WHOLE = {"script", "style"}
#: what is shown, not read as HTML: a code span (`<b>`, ``<b>``) and a comment, which the sanitizer drops
_NOT_HTML = re.compile(r"(?<![`\\])(`+)(?!`).+?(?<!`)\1(?!`)|<!--.*?-->", re.DOTALL)
#: an opening tag, a ">" inside a quoted value included (<img alt="a>b" src="x.png">)
#: (an attribute's name holds no '<': a run of '<span <span …' would be read from each '<' to the end, minutes long)
_TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


@dataclass(frozen=True)
class Tag:
    """An opening tag of raw HTML: its name, its attributes (name, value) and where it is in the text."""

    name: str
    attributes: tuple[tuple[str, str], ...]
    line: int
    start: int  #: where its '<' is in the text

    @property
    def kept(self) -> bool:
        return self.name in _allowed()[0]

    def keeps(self, attribute: str, value: str = "") -> bool:
        """Whether the sanitizer keeps ``attribute`` (written ``value``) on this tag: a ``lang`` only as a language
        code (``lang="English"`` goes, and was said of nowhere)."""
        allowed = _allowed()[1]
        if attribute == "lang":
            from masterplan.render.markdown import LANGUAGE_CODE
            return self.kept and bool(LANGUAGE_CODE.fullmatch(value))
        if attribute in ("id", "class"):
            from masterplan.render.markdown import footnote_attribute
            return self.kept and footnote_attribute(self.name, attribute, value)
        return self.kept and (attribute in allowed.get(self.name, ()) or attribute in allowed.get("*", ()))


@lru_cache(maxsize=1)
def _allowed() -> tuple[set[str], dict[str, set[str]]]:
    """The sanitizer's tags and attributes; its module (the Markdown library, ~40 ms) is imported only for a
    text with raw HTML."""
    from masterplan.render.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
    return ALLOWED_TAGS, ALLOWED_ATTRIBUTES


def tags(text: str, shown: bool = False) -> Iterator[Tag]:
    """Every opening tag of raw HTML in Markdown ``text``; with ``shown``, only those outside code spans
    and comments (the URL checks take every tag: a code span guessed wrong must not hide an image)."""
    if "<" not in text:
        return
    prose = _NOT_HTML.sub(_blank, text) if shown else text
    for match in _TAG.finditer(prose):
        attributes = tuple((name.lower(), value.strip("\"'")) for name, value in _ATTRIBUTE.findall(match.group(2) or ""))
        yield Tag(match.group(1).lower(), attributes, prose.count("\n", 0, match.start()) + 1, match.start())


def removed(text: str) -> Iterator[tuple[Message, int, int]]:
    """What the sanitizer takes out of ``text``, each kind once, at its first place (line and column): a tag's '<',
    an attribute's name."""
    found: list[tuple[Tag, str, Message]] = []
    for tag in tags(text, shown=True):
        if not tag.kept:
            found.append((tag, tag.name, Message("<{tag}> and all it holds", tag=tag.name) if tag.name in REMOVED_WHOLE
                          else Message("<{tag}> (its text stays)", tag=tag.name)))
        else:
            found += [(tag, f"{tag.name} {name}", Message("the attribute {attribute} of <{tag}>", attribute=name,
                                                          tag=tag.name))
                      for name, value in tag.attributes if not tag.keeps(name, value)]
    lowered = text.lower()
    if not found:
        return
    live = _live(text, sorted({tag.start: tag for tag, _, _ in found}.values(), key=lambda tag: tag.start))
    said: set[str] = set()
    for tag, key, what in found:
        if key not in said and tag.start in live:  # else Markdown shows it as code (an indented block)
            said.add(key)
            attribute = key.partition(" ")[2]  # where the tag's text names it, else the tag's '<'
            start = max(lowered.find(attribute, tag.start + len(tag.name) + 1), tag.start) if attribute else tag.start
            yield what, *line_and_column(text, start)


_MARK = "data-masterplan-at"


def _live(text: str, candidates: list[Tag]) -> set[int]:
    """Which of the ``candidates`` (tags of ``text``, in order) Markdown passes on as HTML to the sanitizer,
    by where they start: each is marked with an attribute, and what Markdown writes as code comes out
    escaped (``&lt;iframe``), its mark with it."""
    from masterplan.render.markdown import unsanitized
    marked, done = [], 0
    for tag in candidates:
        name_end = tag.start + 1 + len(tag.name)
        marked += [text[done:name_end], f' {_MARK}="{tag.start}"']
        done = name_end
    marked.append(text[done:])
    return {int(value) for tag in tags(unsanitized("".join(marked))) for name, value in tag.attributes
            if name == _MARK and value.isdigit()}


def _blank(match: re.Match[str]) -> str:
    """Code blanked out, its line breaks kept (lines are counted after it)."""
    return re.sub(r"[^\n]", " ", match.group())
