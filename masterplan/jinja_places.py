"""Where on its line a Jinja syntax error is: Jinja names the line only.

A template's line often holds several tags (``<p>{% if a %}{{ a }}{% endif %}</p>``); a
designer told "'=' where Jinja expected '%}'" at column 1 had to find the tag by eye. The place
is, in order: the word Jinja did not expect, where the line's tags have it once; else the one tag
of the line that Jinja cannot read on its own (each parsed alone, a block tag given its end),
at the token Jinja names if that tag has it once; else the line's one tag; else column 1.
"""

from __future__ import annotations

import re

import jinja2

from masterplan.jinja_tags import TAG_START

#: what a tag holds, up to its end or the line's
INSIDE_TAG = re.compile(r"\{([{%])(.*?)(?:[%}]\}|$)")
#: what opens a block that a tag parsed alone is given the end of ({% if a %} → {% endif %})
_BLOCKS = ("if", "for", "macro", "call", "filter", "set", "block", "with", "autoescape", "raw")
#: Jinja's names of a tag's end, as written
_ENDS = {"end of print statement": "}}", "end of statement block": "%}"}


def column(source: str, line: int, token: str) -> int:
    """The column on ``line`` of ``source`` of the mistake Jinja reports, naming ``token`` (what it found, in its
    words: ``sampai``, ``=``, ``end of print statement``; empty when it names none)."""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return 1
    written = lines[line - 1]
    tags = [tag.start() for tag in TAG_START.finditer(written)]
    if tags and re.fullmatch(r"\w+", token):
        places = [place.start() for place in re.finditer(rf"\b{token}\b", written[tags[0]:])]
        if len(places) == 1:
            return tags[0] + places[0] + 1
    culprits = [tag for tag in INSIDE_TAG.finditer(written) if not _reads_alone(tag)]
    if len(culprits) == 1:
        return _in_tag(culprits[0], _ENDS.get(token, token)) + 1
    return tags[0] + 1 if len(tags) == 1 else 1


def tag_column(source: str, line: int, name: str) -> int:
    """The column of the ``{% name %}`` tag on ``line`` of ``source`` (a tag Jinja does not know, an end with
    nothing to end, a block never closed); 1 when the line has none, or more than one."""
    return _once(source, line, rf"\{{%[-+]?\s*{re.escape(name)}\b")


def filter_column(source: str, line: int, kind: str, name: str) -> int:
    """The column on ``line`` of ``source`` of the filter (``| wordz``) or test (``is numbr``) of ``kind`` Jinja does
    not know; 1 when the line names it nowhere, or more than once."""
    return _once(source, line, rf"\|\s*({re.escape(name)})\b" if kind == "filter" else
                 rf"\bis\s+(?:not\s+)?({re.escape(name)})\b")


def _once(source: str, line: int, pattern: str) -> int:
    """The column on ``line`` of ``source`` of the one match of ``pattern`` (of its group, where it has one); 1 when
    there is none, or more than one."""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return 1
    found = list(re.finditer(pattern, lines[line - 1]))
    return found[0].start(found[0].lastindex or 0) + 1 if len(found) == 1 else 1


def quoted(line: str, start: int, place: int) -> bool:
    """Whether ``place`` of ``line`` is inside quotes opened after ``start`` (the tag's start)."""
    quote = None
    for char in line[start:place]:
        if quote is None and char in "'\"":
            quote = char
        elif char == quote:
            quote = None
    return quote is not None


def _reads_alone(tag: re.Match[str]) -> bool:
    """Whether Jinja reads the tag on its own: a block tag with its end after it, an ``else`` inside an ``if``, an
    end tag as ending what it names (whose mistakes are found elsewhere). A tag Jinja knows no more of alone
    than in the template (``{% trans %}`` of an extension) counts as read."""
    written = tag.group(0)
    name = re.match(r"[-+]?\s*(\w*)", tag.group(2)).group(1)  # type: ignore[union-attr]
    if tag.group(1) == "{":
        alone = written
    elif name.startswith("end") or name in ("else", "elif"):
        return True
    else:
        alone = written + (f"{{% end{name} %}}" if name in _BLOCKS else "")
    try:
        jinja2.Environment().parse(alone)
    except jinja2.TemplateSyntaxError as exc:  # {% set x = 1 %}{% endset %}: the end is what is unknown
        return (exc.message or "").startswith("Encountered unknown tag")
    return True


def _in_tag(tag: re.Match[str], token: str) -> int:
    """Where in the line the tag has ``token`` (its end, for Jinja's "end of …"), if once; else the tag's start."""
    if token in ("}}", "%}"):
        end = tag.group(0)
        return tag.start() + len(end) - 2 if end.endswith(token) else tag.start()
    places = [place.start() for place in re.finditer(re.escape(token), tag.group(0))] if token else []
    return tag.start() + places[0] if len(places) == 1 else tag.start()
