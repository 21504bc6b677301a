"""How much work one Markdown text may ask of the converter, so that no agency's text stalls a build.

Python-Markdown's time grows with the square of some shapes of text, and deep nesting overflows
its recursion. Measured on a 2-core machine with this project's extensions:

- a ``[`` without its ``]`` is searched for to the end of its paragraph, by each of the link
  patterns: 4,000 of them in one paragraph took 3 s, 8,000 took 18 s;
- each block is looked up among its siblings one by one: 10,000 list items took 5.8 s,
  5,000 table rows 2.4 s, 5,000 headings 2.6 s;
- each abbreviation (``*[ATCS]: …``) is searched for in every piece of the text: 400 took 1.3 s,
  5,000 took 31 s, 50 found 20,000 times 1.2 s;
- a tag opened with ``<`` that no ``>`` anywhere after it closes (``x<a x<a …``) is read by the standard library's
  HTML parser, which Python-Markdown hands the whole text, to the text's end, once for each such ``<``: 4,000 of
  them in 16 KB took 1.6 s, 80,000 in twenty paragraphs minutes (an escaped ``\\<`` is hidden from the parser:
  4,000 ``x\\<a`` took 0.3 s, 3.1 s before);
- a tag whose quoted value is never closed (``<a title="x``) is read by that parser past every ``>`` and quote
  pair to the text's end, and then, for want of its quote's pair, given up, the next ``<`` read so anew: 4,000
  ``<a title="x`` in 68 KB after a ``>`` took 10 s;
- each call of a footnote (``[^bps]``) is given an id of its own by counting up from the first, past every id its
  earlier calls took: one footnote called 400 times in a text took 0.37 s, 800 times 1.1 s, 4,000 times 17 s;
- a list or quote nested about 500 levels deep (``- - - … a``, or ever deeper indentation)
  stops it with a RecursionError.

No real chapter comes near the limits below (the sample's longest has 37 lines and 4 brackets);
a text past one is not converted, and ``validate`` says E528 at its line.
"""

from __future__ import annotations

import bisect
import html.parser
import re
import string
from collections import Counter
from dataclasses import dataclass

from markdown import htmlparser as markdown_html

from masterplan.diagnostics import Message
from masterplan.markdown_escapes import without_escaped_tag_starts

MAX_LINES = 5_000  #: a chapter listing 3,000 programs in a table, as Jinja fills it in, takes 1.6 s
#: characters the link patterns may read in one paragraph looking for brackets' pairs (about 0.3 s)
MAX_BRACKET_SEARCH = 500_000
#: abbreviations times the words of their text: each is looked for in every piece of text, and each one found
#: splits a piece in more (50 abbreviations found 20,000 times took 1.2 s)
MAX_ABBREVIATION_SEARCH = 500_000
#: characters the HTML parser may read in one text looking for the '>' of tags opened with '<' and never closed
#: (2,000,000: about 0.1 s; one unclosed '<span' at the head of a 100 KB chapter reads 100,000)
MAX_TAG_SEARCH = 2_000_000
#: calls of one footnote in one text (a real chapter cites its source a few times, a table of figures once a row;
#: 300 calls took 0.12 s, 1,000 took 0.7 s)
MAX_FOOTNOTE_CALLS = 300
MAX_NESTING = 32  #: lists and quotes inside one another (a real plan's go three or four deep)
MAX_COLUMNS = 1_000  #: a table's columns, as a cell may span (10,000 columns of '|a|a|…' took 8.4 s)
#: marks that may start an inline pattern (emphasis, code, links, HTML, entities, quotes) in one paragraph, one
#: table row or one list item's line: each match is spliced into the paragraph's text anew, so the time grows
#: with their square (5,000 '*a*' in one paragraph took 1.9 s, 20,000 took 16.5 s; 1,600 take 0.15 s)
MAX_INLINE_MARKS = 5_000
#: characters one word may run without a space (a line's box the book cannot break: 100 KB of one word took WeasyPrint
#: 22 s to lay out, 400 KB 86 s; a real plan's longest, a web address, is some 200)
MAX_WORD = 2_000

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")  #: what parts paragraphs, lists and tables
_BRACKET = re.compile(r"\\.|[\[\]]")
_TAG_OPENING = re.compile(r"<[A-Za-z]")  #: what the HTML parser reads as a tag's start, and looks for its '>'
#: how far Python-Markdown's HTML parser reads a tag from its '<': the standard library's pattern, as Python-Markdown
#: patches its copy of the parser (a backtick ends a name). A Python whose parser reads with that pattern no more (its
#: releases since mid-2025 give up a tag left open at the text's end at once, gh-135462) is not slow there, and E528
#: does not count it
_START_TAG_READ: re.Pattern[str] | None = (markdown_html.htmlparser.locatestarttagend_tolerant
                                           if hasattr(html.parser, "locatestarttagend_tolerant") else None)
#: what the HTML parser gives a tag up before, its reading stopped there (but for a '/>', which closes it)
_GIVEN_UP_BEFORE = frozenset(string.ascii_letters + "=/")
_VALUE_OPENING = re.compile(r"\s*=+\s*(['\"])")  #: an attribute's '=' and the quote its value opens with
#: a tag read this far and given up is told where it starts
_LONG_READ = 1_000
_MARKS = re.compile(r"[*_`\[<&\"'\\]")
_TABLE_RULE_MARKS = frozenset("|-: \t")  #: what a table's rule under its header is written with (|---|:-:|)
_FOOTNOTE_CALL = re.compile(r"\[\^([^\]]*)\](?!:)")  #: as Python-Markdown reads one; ``[^bps]:`` is its note
_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[[^\]\n]+\][ ]?:", re.MULTILINE)
#: a line's lead: blanks and the markers of the quotes and list items it stands in
_LEAD = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_MARKER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
#: a text this short passes no limit but nesting's: its brackets' search is at most its length squared, halved,
#: its marks fewer than MAX_INLINE_MARKS
_SURELY_WITHIN = 700


@dataclass(frozen=True)
class Excess:
    """What makes a text too costly to convert, and its line (1 = the text's first)."""

    line: int
    message: Message
    hint: str | Message


def excess(text: str) -> Excess | None:
    """The first limit ``text`` passes, or None when Markdown may convert it."""
    if len(text) < _SURELY_WITHIN:
        return _too_deep(text) if len(text) > 2 * MAX_NESTING else None  # '- ' nests a level in 2 characters
    return (_too_many_lines(text) or _too_deep(text) or _too_many_abbreviations(text) or _unpaired_brackets(text)
            or _unclosed_addresses(text) or _unclosed_tags(text) or _unclosed_quotes(text)
            or _footnote_called_too_often(text) or _dense_marks(text) or _too_many_columns(text) or long_word(text))


#: what a text holds that is not printed, blanked before its words are measured: a link's address, a tag
_NOT_PRINTED = re.compile(r"""\]\(\s*<?[^)\s>]+|<[^<>\n]*>""")
#: a table row (|a|a|…) is cells, not one word; Jinja's braces are told as Jinja (E503), and replaced once filled in
_WORD = re.compile(rf"[^\s|{{}}]{{{MAX_WORD + 1},}}")


def long_word(text: str) -> Excess | None:
    """A word longer than :data:`MAX_WORD` in ``text`` (a plain text's, or a Markdown text's), or None; a link's
    address, never printed, is no word of it."""
    if len(text) <= MAX_WORD or not (found := _WORD.search(text)):
        return None
    if "](" in text or "<" in text:  # a [link](address), a tag (<td colspan="…">, <a href="…">): not printed
        text = _NOT_PRINTED.sub(lambda m: " " * len(m.group()), text)
        if not (found := _WORD.search(text)):
            return None
    return Excess(text.count("\n", 0, found.start()) + 1,
                  Message("a word of {count:,} characters without a space, more than the {limit:,} one word may have: "
                          "no line can hold it, and laying it out would take minutes", count=len(found.group()),
                          limit=MAX_WORD), "put spaces in it; a long web address: link it under a short text, "
                                           "[laporan](https://…)")


def _too_many_lines(text: str) -> Excess | None:
    lines = text.count("\n") + 1
    if lines <= MAX_LINES:
        return None
    return Excess(MAX_LINES + 1, Message("the text has {count:,} lines, more than the {limit:,} one text may have",
                                         count=lines, limit=MAX_LINES),
                  "split it: a long chapter into two chapters, a long description into a chapter; a Jinja loop "
                  "writing a row for each program: the book's generated tables list them all already")


def _too_deep(text: str) -> Excess | None:
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or _THEMATIC_BREAK.fullmatch(line):
            continue  # a blank line, however long, nests nothing; '- - - -' is a rule
        lead = _LEAD.match(line).group()  # type: ignore[union-attr]  # matches every line, if only emptily
        markers = len(_MARKER.findall(lead))
        indent = len(lead) - len(lead.lstrip(" \t"))  # a level a list's indentation: code, without a marker
        depth = markers + (len(lead[:indent].expandtabs(4)) // 4 if markers else 0)
        if depth > MAX_NESTING:
            return Excess(number, Message("lists or quotes nested {depth} deep, more than {limit}", depth=depth,
                                          limit=MAX_NESTING),
                          "put a list or a quote inside another a few levels deep at most")
    return None


def _too_many_abbreviations(text: str) -> Excess | None:
    """Abbreviations times the words they are looked for among, past MAX_ABBREVIATION_SEARCH: at the definition
    that passes it."""
    if "*[" not in text:
        return None
    words = len(text.split())
    for count, found in enumerate(_ABBREVIATION.finditer(text), 1):
        if count * words > MAX_ABBREVIATION_SEARCH:
            return Excess(text.count("\n", 0, found.start()) + 1,
                          Message("{count:,} abbreviations (*[…]: …) in a text of {words:,} words are too slow to "
                                  "convert", count=len(_ABBREVIATION.findall(text)), words=words),
                          "explain terms once, in content/glossary.yml")
    return None


def _unpaired_brackets(text: str) -> Excess | None:
    """A paragraph whose brackets would have the link patterns read more than MAX_BRACKET_SEARCH characters:
    each '[' is read on to its own ']', or to the paragraph's end when it has none."""
    if "[" not in text:
        return None
    for start, end in _blocks(text):
        open_at: list[int] = []
        searched = deepest = 0
        for bracket in _BRACKET.finditer(text, start, end):
            if bracket.group() == "[":
                open_at.append(bracket.start())
                deepest = max(deepest, len(open_at))
            elif bracket.group() == "]" and open_at:
                searched += bracket.start() - open_at.pop()
        searched += sum(end - at for at in open_at)
        if searched > MAX_BRACKET_SEARCH:
            line = text.count("\n", 0, start) + 1
            if open_at:
                return Excess(line, Message("a paragraph with {count:,} '[' without their ']' is too slow to "
                                            "convert", count=len(open_at)),
                              "write \\[ for a bracket that starts no link")
            return Excess(line, Message("a paragraph whose brackets are nested {depth:,} deep or far apart is too slow "
                                        "to convert", depth=deepest), "write \\[ and \\] for brackets that make no link")
    return None


def _unclosed_addresses(text: str) -> Excess | None:
    """A paragraph whose links' addresses, each read from its '](' to the next ')' (or the paragraph's end when
    none follows), add up to more than MAX_BRACKET_SEARCH characters: ('[a](' + 'x ' * 500) * 400 took 16 s."""
    if "](" not in text:
        return None
    for start, end in _blocks(text):
        closes = [found.start() for found in re.finditer(r"\)", text[start:end])]
        searched = 0
        for opening in re.finditer(r"\]\(", text[start:end]):
            after = bisect.bisect(closes, opening.start())
            searched += (closes[after] if after < len(closes) else end - start) - opening.start()
        if searched > MAX_BRACKET_SEARCH:
            return Excess(text.count("\n", 0, start) + 1,
                          Message("a paragraph whose links' addresses are not closed with ')' is too slow to convert"),
                          "close each link's address: [text](address)")
    return None


def _unclosed_tags(text: str) -> Excess | None:
    """Tags opened with '<' after the text's last '>', which the HTML parser reads on to the text's end, each of
    them, looking for their '>': at the first, when they add up to more than MAX_TAG_SEARCH characters."""
    text = without_escaped_tag_starts(text)  # '\<' is text: hidden from the parser
    after_last_close = text.rfind(">") + 1
    openings = [found.start() for found in _TAG_OPENING.finditer(text, after_last_close)]
    if len(text) * len(openings) <= MAX_TAG_SEARCH or sum(len(text) - at for at in openings) <= MAX_TAG_SEARCH:
        return None
    return Excess(text.count("\n", 0, openings[0]) + 1,
                  Message("{count:,} tags opened with '<' and never closed with '>' are too slow to convert",
                          count=len(openings)),
                  "write \\< for a '<' that opens no tag, or close each tag with '>'")


def _unclosed_quotes(text: str) -> Excess | None:
    """Tags whose quoted value (``<a title="x``) is never closed, as the HTML parser reads them one after another:
    from such a tag's '<' its pattern reads to the text's end, past every '>' and quote pair, and the parser gives the
    tag up and reads from the next '<' anew. At the first tag read far (more than _LONG_READ characters), when the
    reading adds up to more than MAX_TAG_SEARCH characters; each tag is read no further than what is left of them."""
    if _START_TAG_READ is None or "<" not in text or ("'" not in text and '"' not in text):
        return None
    text = without_escaped_tag_starts(text)
    left, at, first_far = MAX_TAG_SEARCH, 0, None
    while opening := _TAG_OPENING.search(text, at):
        start = opening.start()
        read, read_on_at = _read_tag(_START_TAG_READ, text, start, min(len(text), start + left + 1))
        left -= read
        if read_on_at is not None:
            at = read_on_at
            continue
        if first_far is None and read > _LONG_READ:
            first_far = start
        if left < 0:
            return Excess(text.count("\n", 0, start if first_far is None else first_far) + 1,
                          Message("tags opened with '<' whose quoted values (\" or ') are never closed are too slow to "
                                  "convert: the HTML parser would read more than {limit:,} characters for them",
                                  limit=MAX_TAG_SEARCH),
                          "write \\< for a '<' that opens no tag, and close each quote a tag opens")
        at = start + 1
    return None


def _read_tag(start_tag: re.Pattern[str], text: str, start: int, bound: int) -> tuple[int, int | None]:
    """How the HTML parser reads the tag opened at ``start`` with its pattern ``start_tag`` (as its
    check_for_whole_start_tag does), reading no further than ``bound``: the characters it reads from the '<', and
    where it reads on after the tag, or None when it gives the tag up (the '<' is then text, and the parser reads the
    next '<' anew)."""
    found = start_tag.match(text, start, bound)  # None only where the bound cut the tag's name short
    stop = found.end() if found else bound
    after = text[stop:stop + 1]
    if after == ">":
        return stop - start, stop + 1  # a whole tag
    if text.startswith("/>", stop):
        return stop - start, stop + 2  # a whole tag closed as XHTML writes one: <img alt="…"/>
    if after and after not in _GIVEN_UP_BEFORE and stop > start:
        return stop - start, stop  # ended by a character no tag holds: taken as far as it goes
    # given up at the text's end (or the bound), before a letter, a '=' or a '/'
    if after == "=" and (value := _VALUE_OPENING.match(text, stop, bound)):
        closing = text.find(value.group(1), value.end(), bound)  # a value whose quote has no pair: read through
        return (bound if closing < 0 else closing) - start, None
    return stop - start, None


def _footnote_called_too_often(text: str) -> Excess | None:
    """The call of a footnote past its MAX_FOOTNOTE_CALLS-th in ``text``, or None."""
    if text.count("[^") <= MAX_FOOTNOTE_CALLS:
        return None
    calls: Counter[str] = Counter()
    for call in _FOOTNOTE_CALL.finditer(text):
        calls[call.group(1)] += 1
        if calls[call.group(1)] > MAX_FOOTNOTE_CALLS:
            return Excess(text.count("\n", 0, call.start()) + 1,
                          Message("footnote [^{name}] called more than {limit:,} times in one text is too slow to "
                                  "convert", name=call.group(1)[:40], limit=MAX_FOOTNOTE_CALLS),
                          "call it where a figure of its source is first given, not after every sentence")
    return None


def _too_many_columns(text: str) -> Excess | None:
    if text.count("|") <= MAX_COLUMNS:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if line.count("|") > MAX_COLUMNS + 1:
            return Excess(number, Message("a table row with more than {limit:,} columns ({count:,} '|')",
                                          count=line.count("|"), limit=MAX_COLUMNS),
                          "split the table, or give its figures as a file of the plan (assets/…xlsx)")
    return None


def _dense_marks(text: str) -> Excess | None:
    """A paragraph, table row or list item's line with more than MAX_INLINE_MARKS marks."""
    if len(_MARKS.findall(text)) <= MAX_INLINE_MARKS:
        return None
    for start, end in _blocks(text):
        first_line = text.count("\n", 0, start) + 1
        for offset, lines in _between_headings(text[start:end].split("\n")):
            one_by_one = len(lines) > 1 and _table_rule(lines[1]) or _MARKER.match(lines[0].lstrip(" \t"))
            for number, piece in enumerate(lines if one_by_one else ["\n".join(lines)]):
                if len(_MARKS.findall(piece)) > MAX_INLINE_MARKS:
                    return Excess(first_line + offset + (number if one_by_one else 0),
                                  Message("a paragraph with {count:,} marks of Markdown (*, _, `, [, <, &, quotes) is "
                                          "too slow to convert", count=len(_MARKS.findall(piece))),
                                  "split it into shorter paragraphs")
    return None


def _table_rule(line: str) -> bool:
    """Whether ``line`` is a table's rule under its header: dashes, with bars and colons (no regular expression:
    one of the rule's many ways to be spaced out made one take minutes on a line of '|  |  |')."""
    return "-" in line and set(line) <= _TABLE_RULE_MARKS


def _between_headings(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(offset, lines) of each run of ``lines`` between '#' headings, which end a paragraph in Python-Markdown
    (a list or a table right under one is not part of it)."""
    runs: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines):
        if line.lstrip(" ").startswith("#"):
            runs.append((number + 1, []))
        elif not runs:
            runs.append((number, [line]))
        else:
            runs[-1][1].append(line)
    return [(offset, run) for offset, run in runs if run]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Where each run of lines without a blank one between starts and ends in ``text``."""
    cuts = [0] + [n for gap in _BLANK_LINES.finditer(text) for n in gap.span()] + [len(text)]
    return list(zip(cuts[::2], cuts[1::2]))
