"""Markdown to safe HTML, once per text: convert, sanitize (nh3), resolve cross-references.

Content comes from many agencies and is published on the city's domain, so raw HTML in
Markdown is cut down to an allowlist: no scripts, event handlers, iframes, forms,
styles, or links with ``javascript:`` and the like; links and images may not climb out
of the plan folder.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape, unescape

import markdown as markdown_lib
import nh3

from masterplan import html_limits
from masterplan.captions import (
    FIGURE_ID,
    FIGURE_LEAD,
    ID,
    LEAD,
    Caption,
    separate_captions,
)
from masterplan.crossref import PATTERN
from masterplan.diagnostics import Message
from masterplan.html_limits import too_deep
from masterplan.markdown_escapes import (
    HIDDEN_TAG_START,
    EscapesExtension,
    kept_brackets,
    tag_starts_hidden,
    without_marks,
)
from masterplan.markdown_limits import Excess, excess
from masterplan.pasted_text import CONTROL
from masterplan.render import list_indents
from masterplan.table_limits import CELL_TAG, MARK, SPAN_LIMITS, oversized

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope", "align"}, "td": {"colspan", "rowspan", "align"},
    "abbr": {"title"}, "ol": {"start"},
    #: a footnote's call and its note (``[^bps]``, ``[^bps]: BPS, …``): only the names and classes Markdown gives them
    "sup": {"id"}, "li": {"id"}, "div": {"class"}, "a": {"href", "title", "class"},
    #: on any tag (nh3's own default, written out so that validate knows it, W520): a title, and the language of a
    #: phrase in another one ("Closed-Circuit Television" in an Indonesian chapter), for screen readers (WCAG 3.1.2)
    #: and the book's hyphenation; a code as BCP 47 writes it, else dropped
    "*": {"lang", "title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
#: the classes Markdown gives a footnote's parts, the only ones kept
FOOTNOTE_CLASSES = {"div": ("footnote",), "a": ("footnote-ref", "footnote-backref")}
#: the name Markdown gives a footnote's call (``fnref:bps``) and its note (``fn:bps``), the only ids kept
FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?:[^\"'<>]{1,100}")
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  #: a ``lang`` kept: ``en``, ``jv``, ``en-GB``
_HEADING_SHIFT = re.compile(r"<(/?)h([1-5])\b")


SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)  #: a URL that names its scheme
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff]")


def url_problem(url: str, image: bool) -> str | None:
    """Why a URL written in content may not be used (None when it may).

    Images must be files of the plan (a relative path that does not climb out of it);
    links may also be web, mail and telephone addresses. Percent-encoding, character references
    (``&#106;avascript:``, which Markdown passes on and a browser reads), backslashes and invisible
    characters are undone first, as a browser would."""
    value = url
    for _ in range(3):  # %252e%252e is '..' after two rounds of decoding
        value = unescape(urllib.parse.unquote(value))
    value = _INVISIBLE.sub("", value.replace("\\", "/"))
    scheme = SCHEME.match(value)
    if scheme:
        name = scheme.group(1).lower()
        if image:
            return Message("is not a file of the plan: images cannot come from the web or another address")
        if name not in URL_SCHEMES:
            return Message("uses '{scheme}:', which is not allowed (only {allowed})", scheme=name,
                           allowed=", ".join(sorted(URL_SCHEMES)))
        return None
    if value.startswith("/"):
        return Message("is an absolute path: it points outside the plan folder")
    if ".." in re.split(r"[/?#]", value):
        return Message("climbs up with '..': an address starts in content/ and may not leave it")
    return None


def _safe_attribute(tag: str, attribute: str, value: str) -> str | None:
    """An attribute's value as the sanitizer keeps it, or None to drop it: a list's first number, a cell's span
    within a browser's limits, an address that stays in the plan folder or on the web."""
    if attribute == "start":  # a list's first number, nothing else
        return value if re.fullmatch(r"[0-9]+", value) else None
    if attribute == "lang":
        return value if LANGUAGE_CODE.fullmatch(value) else None
    if attribute in ("id", "class"):
        return value if footnote_attribute(tag, attribute, value) else None
    if attribute in SPAN_LIMITS:
        if short := re.fullmatch(r"\s*0*([0-9]{1,9})\s*", value):
            return str(min(int(short.group(1)), SPAN_LIMITS[attribute]))
        # more digits: past the limit, and more than Python reads as a number (5,000 printed a traceback)
        return str(SPAN_LIMITS[attribute]) if re.fullmatch(r"\s*[0-9]+\s*", value) else None
    if attribute not in ("href", "src"):
        return value
    return None if url_problem(value, image=tag == "img") else value


def footnote_attribute(tag: str, attribute: str, value: str) -> bool:
    """Whether ``attribute`` is one Markdown gives a footnote's part: kept, where no other id or class is (a chapter
    may not name what the site's own markup or scripts use)."""
    if attribute == "id":
        return tag in ("sup", "li") and bool(FOOTNOTE_ID.fullmatch(value))
    return value in FOOTNOTE_CLASSES.get(tag, ())


_converters = threading.local()


def unsanitized(text: str) -> str:
    """Markdown's HTML for ``text`` before it is sanitized, read as :func:`to_html` reads it: what the checks ask the
    sanitizer about."""
    return without_marks(_convert(separate_captions(text)))


def _convert(text: str) -> str:
    html = _calls_after_links(_converted(text)).replace(HIDDEN_TAG_START, "")
    # a control character is made a space in the HTML, once Markdown has read the text as written (and as the
    # checks read it): before, "<a\x00href=…>" would have become a link the checks never saw
    return CONTROL.sub(" ", html) if CONTROL.search(html) else html


def _calls_after_links(html: str) -> str:
    """``html`` with each footnote's call written in a link's words (``[lihat data BPS[^bps]](https://bps.go.id)``)
    after the link: a link within a link is no HTML, and the sanitizer's parser parted them, the call's number left
    outside its ``<sup>``, and the book lost the note. One pass over the links' tags (a regex trying each ``<a`` of
    an attribute's value as a link took a minute on a chapter of 360 KB)."""
    if "footnote-ref" not in html:
        return html
    parts: list[str] = []
    done = 0  # html before this offset is in parts
    opened: re.Match[str] | None = None  # the link (not a footnote's own) whose words are being read
    in_call = False  # inside a footnote's own link, within the words of ``opened``
    for tag in _LINK_TAG.finditer(html):
        if tag.group() != "</a>":
            if 'class="footnote-' not in tag.group():
                opened, in_call = tag, False  # an unclosed link before it holds no words of this one
            elif opened is not None:
                in_call = True
        elif in_call:
            in_call = False
        elif opened is not None:
            words = html[opened.end():tag.start()]
            calls = [call.group() for call in FOOTNOTE_CALL.finditer(words)]
            if calls:
                parts += [html[done:opened.end()], FOOTNOTE_CALL.sub("", words), "</a>", *calls]
                done = tag.end()
            opened = None
    return "".join([*parts, html[done:]]) if parts else html


def _converted(text: str) -> str:
    if excess(text):  # validate says E528: never spend minutes (or a RecursionError) on it
        return "<p>" + escape(text) + "</p>"
    # One converter per thread, reset between texts: setting up the extensions costs as much as converting.
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown_lib.Markdown(extensions=_extensions(), output_format="html")
    text = list_indents.as_python_markdown_reads(_numbered_with_brackets(tag_starts_hidden(text)))
    return converter.reset().convert(_lists_apart(text))


#: an item numbered as Word writes it, "1) Penyusunan", which CommonMark reads as a list and Python-Markdown does not
_BRACKETED_NUMBER = re.compile(r"( {0,3}([0-9]{1,9}))\)(?=[ \t]+\S)")


def _numbered_with_brackets(text: str) -> str:
    """``text`` with its items numbered ``1)`` numbered ``1.``: pasted from Word, they were printed as one paragraph,
    "1) Penyusunan rencana aksi; 2) Pelaksanaan …". An item starts a block (after an empty line, or after such an
    item), or is a list's first, "1)", as CommonMark reads it: a line of a paragraph wrapped before "2023) setelah" is
    text."""
    if ")" not in text:
        return text
    lines = text.split("\n")
    item_before = True  # the text's start, an empty line, or an item: where a list may start or go on
    for number, line in enumerate(lines):
        found = _BRACKETED_NUMBER.match(line)
        if found and (item_before or found.group(2) == "1"):
            lines[number] = f"{found.group(1)}.{line[found.end():]}"
        item_before = not line.strip() or bool(found and (item_before or found.group(2) == "1"))
    return "\n".join(lines)


#: a list's item: a bullet, or a number and a point ("- Puskesmas", "2. Pasar")
_ITEM = re.compile(r" {0,3}(?:[-*+]|\d+[.)])[ \t]+\S")
#: how a list may start right below a line of a paragraph, in CommonMark: a bullet, or the number 1
_FIRST_ITEM = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]")
#: a line a list needs no empty line after: code, a table row, a heading, a quote, HTML
_NOT_PROSE = re.compile(r" {4}|\t| {0,3}[|#<>]")
#: a thematic break, "* * *", which is no list item
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")


def _lists_apart(text: str) -> str:
    """``text`` with an empty line between a paragraph and a list that starts right below its last line
    ("Kegiatan utama:" then "- penyapuan"): Python-Markdown reads such a list as more of the paragraph's words,
    CommonMark, GitHub and the chat apps agency staff write in as a list. A numbered list does so only from 1, as in
    CommonMark: a line of a paragraph may start with "2024. " where the writer pressed Enter."""
    if "\n" not in text:
        return text
    out: list[str] = []
    in_list, previous, fenced = False, "", False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):  # code between fences (inline code here) is left as written
            fenced = not fenced
        if fenced or not line.strip():
            in_list = False
        elif _ITEM.match(line) and not _BREAK.fullmatch(line):
            if not in_list and previous.strip() and _FIRST_ITEM.match(line) and not _NOT_PROSE.match(previous):
                out.append("")
            in_list = True
        out.append(line)
        previous = line
    return "\n".join(out)


def _extensions() -> list[markdown_lib.Extension]:
    """Backslash escapes as CommonMark's (:mod:`masterplan.markdown_escapes`), tables (a column's alignment,
    ``|--:|``, as ``align``: the sanitizer drops ``style``), lists as written, typographic quotes, definition lists,
    abbreviations, footnotes (``[^bps]``; the book prints them at the foot of the page, the site below the text).

    Given as objects, not names: Python-Markdown looks a name up among the entry points of
    every installed package, which costs 40 ms in each process.
    """
    from markdown.extensions import (
        abbr,
        def_list,
        footnotes,
        sane_lists,
        smarty,
        tables,
    )
    return [EscapesExtension(), tables.TableExtension(use_align_attribute=True), sane_lists.SaneListExtension(),
            smarty.SmartyExtension(), def_list.DefListExtension(), abbr.AbbrExtension(),
            footnotes.FootnoteExtension(BACKLINK_TITLE="", SUPERSCRIPT_TEXT="{}", USE_DEFINITION_ORDER=False)]


#: A line of plain prose: starts with a letter, then letters, digits, single spaces and
#: punctuation that Markdown (with our extensions) leaves as it is; hyphens only inside words.
_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ ,;:()/%]|\.(?!\.)|(?<=[^\W_])-(?=[^\W_]))*(?<! )")


def _plain_paragraphs(text: str) -> str | None:
    """The HTML Python-Markdown writes for ``text`` when it is plain prose, else None.

    Plain prose is paragraphs of plain lines and tight bullet lists (``- `` and a plain
    line per item), separated by blank lines. Most descriptions are just that; writing
    their HTML directly saves a Markdown run (about a millisecond each, thousands in a
    province's plan). A test checks the result against Python-Markdown on generated texts.
    """
    if text[:1].isspace():  # Python-Markdown reads a first line of spaces as no blank line (" \n- z" is "<p>- z</p>")
        return None
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    html: list[str] = []
    after_list = False
    for lines in filter(None, blocks):
        if all(_PLAIN_LINE.fullmatch(line) for line in lines):
            html.append("<p>" + "\n".join(lines) + "</p>")
            after_list = False
        elif not after_list and all(line.startswith("- ") and _PLAIN_LINE.fullmatch(line, 2) for line in lines):
            html.append("<ul>\n" + "".join(f"<li>{line[2:]}</li>\n" for line in lines) + "</ul>")
            after_list = True  # a list right after a list would make one loose list of both
        else:
            return None
    return "\n".join(html)


@lru_cache(maxsize=8192)
def to_html(text: str, shift_headings: int = 0) -> str:
    """Sanitized HTML for a Markdown text; ``shift_headings`` demotes headings (## → h3 with 1)."""
    html = _plain_paragraphs(text)
    if html is not None:
        return html  # paragraphs and list items of letters, digits and plain punctuation: nothing to clean
    html = _convert(separate_captions(text))
    if shift_headings:
        html = _HEADING_SHIFT.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift_headings, 6)}", html)
    html = kept_brackets(_clean(html))
    if "<tbody>" in html:
        html = each_table(html, _row_headers)
    if oversized(html) or too_deep(html):  # validate says E528: never spend minutes laying its table out, nor fail
        return "<p>" + escape(text) + "</p>"
    return html


def _clean(html: str, attributes: dict[str, set[str]] = ALLOWED_ATTRIBUTES) -> str:
    """Only the tags, attributes and addresses content may use."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=attributes, url_schemes=URL_SCHEMES,
                     attribute_filter=_safe_attribute, link_rel="noopener noreferrer")


_TABLE_START = re.compile(r"<table(?=[\s/>])", re.IGNORECASE)
_TAG_START = re.compile(rf"<(?:{'|'.join(sorted(ALLOWED_TAGS))})(?=[\s/>])", re.IGNORECASE)


def nested_too_deep(text: str) -> Excess | None:
    """Where the HTML of Markdown ``text`` nests deeper than the book can lay out (see :mod:`masterplan.html_limits`),
    at the line of the raw tag around it (1 = the text's first; 1 too when Markdown's own elements pass the limit),
    or None. Each tag the sanitizer keeps is marked with where it starts in ``text``, and the sanitizer is told to
    keep the mark."""
    # the mark unquoted, and a blank after it (<br/>): a quote added would pair with a quote the text left open, and
    # the HTML parser read each tag after it to the text's end (E528's limit counts the text's own quotes)
    marked = _TAG_START.sub(lambda start: f'{start.group()} {html_limits.MARK}={start.start()} ', text)
    found = too_deep(_clean(_convert(separate_captions(marked)),
                            {tag: {*ALLOWED_ATTRIBUTES.get(tag, ()), html_limits.MARK} for tag in ALLOWED_TAGS}))
    if found is None:
        return None
    return Excess(text.count("\n", 0, found.mark) + 1 if found.mark is not None else 1, found.message, found.hint)


def oversized_table(text: str) -> Excess | None:
    """The first table of Markdown ``text`` too large for the book to lay out (see :mod:`masterplan.table_limits`),
    at the line where it starts (1 = the text's first), or None. Measured in the HTML the book would print: each
    ``<table`` of the text is marked with where it starts, and the sanitizer is told to keep the mark."""
    if not CELL_TAG.search(text):
        return None  # only cells written as HTML may span, or be many on a line of few '|'
    marked = _TABLE_START.sub(lambda start: f'{start.group()} {MARK}={start.start()} ', text)  # unquoted: see above
    found = oversized(_clean(_convert(separate_captions(marked)), {**ALLOWED_ATTRIBUTES, "table": {MARK}}))
    if found is None:
        return None
    return Excess(text.count("\n", 0, found.mark) + 1 if found.mark is not None else 1, found.message, found.hint)


#: a table of chapter text and its caption paragraph below it (see captions.table_captions); one
#: table only: the match starts at the last <table> before the caption
_CAPTIONED = re.compile(rf"(<table>(?:(?!<table>).)*?</table>)\s*<p>{LEAD}\s+(.*?)</p>", re.DOTALL)
_CAPTION_ID = re.compile(rf"\s*\(({ID})\)\s*$")
_TAG = re.compile(r"<[^>]+>")
#: a footnote's call, left out of a caption's or a heading's words (its number moves as notes are added): which call of
#: its note it is (``fnref2:bps``, the second), and its note's number, the note's place in the list (Markdown numbers
#: the notes in the order they are first called, as the book's pages do: print_markup.at_page_foot)
FOOTNOTE_CALL = re.compile(r'<sup(?: id="fnref([0-9]*):[^"]*"| id="[^"]*")?><a class="footnote-ref"[^>]*>([0-9]+)</a>'
                           r'</sup>')


#: a link's opening or closing tag (a footnote's call holds one: its own link)
_LINK_TAG = re.compile(r"<a\b[^>]*>|</a>")


def number_tables(html: str, captions: Sequence[Caption], place: Callable[[Caption, str, str], str]) -> str:
    """Give the captioned tables of (sanitized) chapter HTML their numbers.

    Each caption found below a table in the HTML is matched to one of ``captions`` (read
    from the chapter's Markdown) by its id, or else by its words; ``place(caption, caption
    HTML, table HTML)`` writes the table with its caption as the renderer shows captions.
    A caption matching none (Jinja made it, or changed its words) is left as it was.
    """
    return _numbered(html, captions, place, _CAPTIONED, _CAPTION_ID) if captions and "<table>" in html else html


#: a picture of chapter text, a paragraph of its own, and its caption paragraph below it (captions.figure_captions)
_CAPTIONED_PICTURE = re.compile(rf"<p>(<img\b[^>]*>)</p>\s*<p>{FIGURE_LEAD}\s+(.*?)</p>", re.DOTALL)
_FIGURE_CAPTION_ID = re.compile(rf"\s*\(({FIGURE_ID})\)\s*$")


def number_figures(html: str, captions: Sequence[Caption], place: Callable[[Caption, str, str], str]) -> str:
    """Give the captioned pictures of (sanitized) chapter HTML their numbers, as :func:`number_tables` does tables:
    ``place(caption, caption HTML, picture HTML)`` writes the picture with its caption."""
    return _numbered(html, captions, place, _CAPTIONED_PICTURE, _FIGURE_CAPTION_ID) if captions and "<img" in html \
        else html


def _numbered(html: str, captions: Sequence[Caption], place: Callable[[Caption, str, str], str],
              captioned: re.Pattern[str], given_id: re.Pattern[str]) -> str:
    unused = list(captions)

    def numbered(match: re.Match[str]) -> str:
        text = match.group(2)
        given = given_id.search(text)
        words = " ".join(unescape(_TAG.sub("", FOOTNOTE_CALL.sub("", text[:given.start()] if given else text))).split())
        caption = next((c for c in unused if (c.ref == given.group(1).lower() if given else c.text == words)), None)
        if caption is None:
            return match.group(0)
        unused.remove(caption)
        return place(caption, text[:given.start()] if given else text, match.group(1))

    return captioned.sub(numbered, html)


_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>")
#: a body row's first cell written wholly in bold, "| **Internal** | … |": the row's name
_BOLD_FIRST_CELL = re.compile(r"(<tr>\s*)<td((?: align=\"[a-z]+\")?)><strong>"
                              r"((?:(?!</?strong>|</?t[dhr]\b).)*)</strong></td>", re.DOTALL)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)


def _row_headers(table: str) -> str:
    """A table whose every body row starts with a cell written wholly in bold (the SWOT table's "**Internal**",
    "**Eksternal**") with those cells as row headers, ``<th scope="row">``: a screen reader then names the row
    with each of its cells, as it names the column (WCAG 1.3.1). A table with one such row, a bold total below
    plain rows, is left as written. Tables within a cell keep their own rows."""
    body = _BODY.search(table)
    if body is None or _TABLE_TAG.search(body.group(1)):
        return table
    rows = body.group(1).count("<tr>")
    if rows == 0 or len(_BOLD_FIRST_CELL.findall(body.group(1))) != rows:
        return table
    headers = _BOLD_FIRST_CELL.sub(r'\1<th scope="row"\2>\3</th>', body.group(1))
    return table[:body.start(1)] + headers + table[body.end(1):]


def each_table(html: str, place: Callable[[str], str]) -> str:
    """Each table of (sanitized) HTML, from its ``<table>`` to its ``</table>``, as ``place`` writes it; a table
    written in a cell of another (raw HTML may nest them) goes with the table it is in."""
    parts: list[str] = []
    depth = start = done = 0
    for tag in _TABLE_TAG.finditer(html):
        if not tag.group(1):
            start = tag.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                parts += [html[done:start], place(html[start:tag.end()])]
                done = tag.end()
    return "".join(parts) + html[done:] if parts else html


def resolve_references(html: str, resolve: Callable[[str], str]) -> str:
    """Replace every ``[[id]]`` in (already sanitized) HTML by the renderer's trusted markup."""
    return PATTERN.sub(lambda m: resolve(m.group(1)), html)


_RELATIVE_URL = re.compile(r'(\s(?:src|href)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/|\.\./)')


def relocate(html: str, prefix: str) -> str:
    """Make the content-relative links and images of (sanitized) HTML relative to a page ``prefix`` deep.

    Content writes ``assets/peta.png`` (relative to content/); the site copies content/assets
    to its root, so a page one folder down needs ``../assets/peta.png``.
    """
    return _RELATIVE_URL.sub(lambda m: m.group(1) + prefix, html) if prefix else html
