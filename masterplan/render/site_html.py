"""What a site page's templates read off its HTML: each heading's id and the contents list they make
(:func:`anchor_headings`, a global of ``site/chapter.html``), and the page's description (the ``describe`` and
``first_paragraph`` filters); and ranges of years kept on one line (:func:`years_kept`, the ``years`` filter).
"""

from __future__ import annotations

import bisect
import re

from markupsafe import Markup, escape

from masterplan.render import sections
from masterplan.render.html_prose import in_prose
from masterplan.render.markdown import FOOTNOTE_CALL
from masterplan.render.outline import BookChapter
from masterplan.render.sections import Section, is_section
from masterplan.render.site_links import slug
from masterplan.render.typography import YEAR_RANGE

_HEADING = re.compile(r"<h([23])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")
#: ids the layout around a page's main part gives (menus, contents list): never a heading's
LAYOUT_IDS = frozenset({"main", "main-nav", "header-search", "header-q", "toc-title"})


_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:\s[^>]*)?)>")
_LANG = re.compile(r'\slang="([^"]*)"')
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_WHOLLY = re.compile(r'\s*<(\w+)[^>]*\slang="([^"]*)"[^>]*>(?:(?!<\1[\s>]).)*</\1>\s*', re.DOTALL)


def _languages(html: str) -> list[tuple[int, str | None]]:
    """(offset, language) at each tag of ``html`` where the language marked around it (``lang="…"``) changes:
    None outside any, where the text is in the page's language."""
    stack: list[tuple[str, str | None]] = []
    changes: list[tuple[int, str | None]] = [(0, None)]
    for tag in _TAG.finditer(html):
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in _VOID and not attributes.rstrip().endswith("/"):
            lang = _LANG.search(attributes)
            stack.append((name, lang.group(1) if lang else (stack[-1][1] if stack else None)))
        now = stack[-1][1] if stack else None
        if now != changes[-1][1]:
            changes.append((tag.end(), now))
    return changes


def anchor_headings(html: str, chapter: BookChapter | None = None, whole: str | None = None,
                    start: int = 0) -> tuple[Markup, list[tuple[int, str, str]]]:
    """Every h2/h3 of ``html`` in order, as a table of contents (level, id, text), and the HTML with an id
    on each heading that had none (from its words, unlike every other id of the page).

    On the page of the book's ``chapter``, each of its sections (:mod:`sections`) begins with the number the book
    prints ("2.1 Profil Daerah"), in the heading's words and in its entry, the number carrying the book's anchor of
    the section (``#bab-gambaran-umum-1`` opens it on the page as in the PDF). A page that shows one generated part
    of the chapter (the budget's, when a chapter claims the budget) gives, as ``whole``, the chapter's generated
    parts as its page shows them, numbered after the ``start`` sections of its text (:func:`sections.in_text`):
    each heading of ``html`` has the number of the section of ``whole`` of the same id.

    A heading in another language than the page's (a chapter's, written in Indonesian, in the English edition:
    in an element marked ``lang="id"``, or wholly in one) has its text in a ``<span lang="…">``, as ``t_lang``
    gives, so that its entry in the contents list is read in its language."""
    known = _anchored(whole, chapter, start)[2] if whole is not None and chapter is not None else None
    shown, toc, _ = _anchored(html, chapter, 0 if known is not None else start, known)
    return shown, toc


def _anchored(html: str, chapter: BookChapter | None, start: int, known: dict[str, Section] | None = None
              ) -> tuple[Markup, list[tuple[int, str, str]], dict[str, Section]]:
    """:func:`anchor_headings`'s page and contents list, and the sections by their heading's id: in order after
    ``start``, or those of ``known`` of the same id."""
    toc: list[tuple[int, str, str]] = []
    used = set(LAYOUT_IDS) | set(_ID.findall(html))
    languages = _languages(html) if ' lang="' in html else [(0, None)]

    offsets = [offset for offset, _ in languages]
    found: list[Section] = []
    by_id: dict[str, Section] = {}

    def language_at(offset: int) -> str | None:
        return languages[bisect.bisect_right(offsets, offset) - 1][1]

    def add_id(match: re.Match[str]) -> str:
        level, attributes, inner = match.groups()
        numbered = chapter is not None and level == "2" and is_section(attributes)  # as written, before its id
        # plain text, without a footnote's call (its number moves as notes are added): the template escapes it once
        text = " ".join(Markup(_TAGS.sub("", FOOTNOTE_CALL.sub("", inner))).unescape().split())
        own, wholly = _LANG.search(attributes or ""), _WHOLLY.fullmatch(inner)
        lang = wholly.group(2) if wholly else own.group(1) if own else language_at(match.start())
        given = _ID.search(attributes)
        if given:
            anchor = given.group(1)
        else:
            anchor = base = slug(text)
            count = 1
            while anchor in used:
                count += 1
                anchor = f"{base}-{count}"
            used.add(anchor)
            attributes = f' id="{anchor}"{attributes}'
        number = Markup()
        if numbered and chapter is not None:
            section = (known.get(anchor) if known is not None
                       else sections.section(chapter.section_prefix, chapter.anchor, start + len(found) + 1, text))
            if section is not None:
                found.append(section)
                by_id[anchor] = section
                inner, number = sections.number_mark(section, anchored=True) + Markup(inner), Markup(section.number)
        if text:
            words = Markup('<span lang="{}">{}</span>').format(lang, text) if lang else text
            toc.append((int(level), anchor, Markup('<span class="secnum">{}</span> {}').format(number, words) if number else words))
        return f"<h{level}{attributes}>{inner}</h{level}>"

    return Markup(_HEADING.sub(add_id, html)), toc, by_id


DESCRIPTION_LENGTH = 160  #: characters of a page's description that search engines and link previews show
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def describe(html: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """A page's summary or lead as a plain-text description: cut at a word, with "…", when it runs longer."""
    text = Markup(html).striptags()  # tags out, entities undone, runs of spaces made one
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit - 1]
    return cut.rstrip(" ,;:·–—-") + "…"


def first_paragraph(html: str) -> Markup:
    """The first paragraph of a chapter's text that has words (not only an image), for its description;
    empty when there is none."""
    return next((Markup(found.group(1)) for found in _PARAGRAPH.finditer(html) if Markup(found.group(1)).striptags()),
                Markup())


def years_kept(html: str) -> str:
    """``html`` with each range of years in its text ("2022–2031") on one line: on a phone the home page's title read
    "Kota Pasuruan 2022–" above "2031", and so did the roadmap chapter's phase headings (``.years``: whole where it
    fits a line, broken at its dash where it does not). Tags, comments and what holds no prose (an SVG, a script)
    are left as they are, as the book's typography leaves them (:mod:`html_prose`). For a chapter's text and the
    ``years`` filter: the site's tables keep their years whole already (``td.nowrap``), and a pass over every page
    took a fifth of the time pages take to render."""
    def years(text: str) -> str:
        return YEAR_RANGE.sub(r'<span class="years">\g<0></span>', text) if "–" in text else text

    return in_prose(html, years) if "–" in html else html


def years_in_text(text: object) -> Markup:
    """A plain text (the plan's title) escaped, each range of years in it kept on one line (:func:`years_kept`)."""
    return Markup(years_kept(str(escape(text))))
