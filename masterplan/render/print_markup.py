"""What a chapter's HTML needs in the book beyond what the site shows as it is: footnotes at the foot of the page,
lists numbered from the number they start at, and a link's web address, which paper cannot follow.

A link written as words (``[situs BPS](https://pasuruankota.bps.go.id)``) is printed with its address after them, in
brackets: a reader of the printed book saw "situs BPS" and no way to find it. One whose words are its address is not.

A list that starts at 4 (``4. Finalisasi``, after a paragraph) is ``<ol start="4">``, which browsers number from 4
and WeasyPrint from 1: the book gets the counter's value written out, as CSS sets it.

Markdown writes a footnote's call as a numbered link and its note in a list after the text, which is how the site
shows them. A printed book gives each note at the foot of the page its call is on, numbered there: WeasyPrint lays
out an element of ``float: footnote`` so, and numbers it itself. So, for the book, each call is replaced by its
note's text, and the list after the text is dropped; a note called again is its number again, as on the site, whose
notes Markdown numbers in the order they are first called.
"""

from __future__ import annotations

import re
from html import unescape

from masterplan.render.markdown import FOOTNOTE_CALL

#: the notes Markdown lists at the end of a text, each an item of its list (the sanitizer keeps their class and names,
#: and no other text's); a note may hold a list of its own, whose items have no name
_NOTES_START = '<div class="footnote">'
_NOTES = re.compile(r'<div class="footnote">\s*<hr>\s*<ol>(.*)</ol>\s*</div>\s*', re.DOTALL)
_NOTE_START = re.compile(r'\s*<li id="fn:[^"]*">')
_NOTE_END = re.compile(r"\s*</li>\s*\Z")
#: a note's link back to its call, with the space before it
_BACK = re.compile(r'(?:&nbsp;|&#160;|\u00a0)?<a class="footnote-backref"[^>]*>.*?</a>', re.DOTALL)
_PARAGRAPH = re.compile(r"\s*</p>\s*<p>\s*|\s*</?p>\s*")
#: a block in a note (a list, a table, a quote), which cannot stand in the text's line the note is called from: the
#: browser's parser would end the paragraph there and the note's rest would spill into the text. Its items are kept
#: as "• satu • dua", its cells as words.
_BLOCK = re.compile(r"\s*<(/?)(li|ul|ol|dl|dt|dd|blockquote|div|table|thead|tbody|tfoot|tr|td|th|pre|hr|figure|"
                    r"figcaption|h[1-6])\b[^>]*>\s*")


def _note(body: str) -> str:
    """A note's words on one line: without its link back, a call of a note in it, its paragraphs and blocks."""
    words = FOOTNOTE_CALL.sub("", _BACK.sub("", _NOTE_END.sub("", body)))
    return " ".join(_BLOCK.sub(_inline, _PARAGRAPH.sub(" ", words)).split())


def _inline(match: re.Match[str]) -> str:
    return " • " if match.group(2) == "li" and not match.group(1) else " "


_NOTE_SPAN = re.compile(r'<span class="footnote">.*?</span>', re.DOTALL)


def without_notes(html: str) -> str:
    """``html`` (a heading's, once :func:`at_page_foot` made its notes) without its notes' words, for a title."""
    return _NOTE_SPAN.sub("", html) if "footnote" in html else html


def at_page_foot(html: str) -> str:
    """``html`` (a chapter's, sanitized) with each footnote's call replaced by its note, a ``span.footnote``; a call
    inside a note is left out (a note of a note is no footnote WeasyPrint lays out)."""
    start = html.rfind(_NOTES_START)
    listed = _NOTES.fullmatch(html, start) if start >= 0 else None
    if listed is None:
        return html
    notes = [_note(body) for body in _NOTE_START.split(listed.group(1))[1:]]

    def note(call: re.Match[str]) -> str:
        number = int(call.group(2))
        if call.group(1):  # a note called again: its number, as the site shows it, not a second note
            return f'<sup class="note-again">{number}</sup>'
        return f'<span class="footnote">{notes[number - 1]}</span>' if 0 < number <= len(notes) else ""
    return FOOTNOTE_CALL.sub(note, html[:start])


#: a link to a web page or an e-mail address, and its words (one within the book, ``#…``, or to a file, is not one)
_WEB_LINK = re.compile(r'<a href="((?:https?://|mailto:)[^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def with_addresses(html: str) -> str:
    """``html`` with each web link written as words followed by its address, ``(https://…)``."""
    def addressed(link: re.Match[str]) -> str:
        shown = link.group(1).removeprefix("mailto:")  # an e-mail address as people write it
        address, words = unescape(shown), unescape(_TAG.sub("", link.group(2))).strip()
        if words.rstrip("/") in (address.rstrip("/"), address.split("://", 1)[-1].rstrip("/")):
            return link.group(0)
        return f'{link.group(0)}<span class="link-address"> ({shown})</span>'
    return _WEB_LINK.sub(addressed, html) if "://" in html or "mailto:" in html else html


_STARTED_LIST = re.compile(r'<ol start="([0-9]+)">')


def numbered_from_start(html: str) -> str:
    """``html`` with each list that starts at another number than 1 counting from there in WeasyPrint too."""
    return _STARTED_LIST.sub(lambda found: f'<ol start="{found.group(1)}" style="counter-reset: list-item '
                                           f'{int(found.group(1)) - 1}">', html) if "<ol start=" in html else html
