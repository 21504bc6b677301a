"""A chapter's sections: which of its headings the book numbers, their numbers and anchors, one rule for both outputs.

The book prints "2.1 Profil Daerah" and its table of contents and bookmarks repeat it; the site's page of the same
chapter shows the same number in the heading's own words (read by screen readers and indexed by the search, unlike a
CSS counter), so that "see section 2.1" leads to the same place in either. The rule:

- a section is an ``<h2>`` of the chapter, in the order the chapter shows them: its own text's (Markdown gives them
  no ``id`` nor ``class``), then its generated parts'. A heading the book does not have is not counted: the site's
  parts give each of their headings an ``id``, and mark with :data:`MARK` those the book prints as sections;
- an ``<h3>`` and below is not numbered (the book's table of contents lists sections only);
- only a body chapter's sections are numbered (:attr:`outline.BookChapter.section_prefix`): the front matter's and the
  annexes' are not, and their headings still count for the anchors;
- the ``count``-th section of a chapter is ``<chapter's number>.<count>`` with the anchor ``<chapter's anchor>-<count>``
  (``bab-pendahuluan-1``): the book's id of the heading, and on the site the id of its number, so that the same
  fragment opens the section in the PDF (``#nameddest=``) and on the chapter's page.

A site page that shows only part of a chapter (a pillar's page is its chapter whole; the budget's, the roadmap's and
the quick wins' own pages show a generated part a chapter claims) numbers each heading as the chapter does: a
claimed part's sections come after the chapter's text's (:func:`in_text`) and its earlier parts'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

#: an h2 with its attributes and its inner HTML
HEADING = re.compile(r"<h2((?:\s[^>]*)?)>(.*?)</h2>", re.DOTALL)
#: the attribute a site template gives a generated part's heading (which has an id) that the book numbers
MARK = "data-section"
_GIVEN = re.compile(r"\s(?:id|class)=")


@dataclass
class Section:
    """A heading inside a chapter, as the table of contents lists it (number empty where the book numbers none)."""

    anchor: str
    number: str
    title: str


def is_section(attributes: str | None) -> bool:
    """Whether an ``<h2>`` with these attributes is one of the chapter's sections: written in its text, or marked."""
    attributes = attributes or ""
    return MARK in attributes or not _GIVEN.search(attributes)


def in_text(html: str) -> int:
    """How many sections the HTML of a chapter's own text has: its generated parts' are numbered after them."""
    return sum(1 for found in HEADING.finditer(html) if is_section(found.group(1)))


def section(prefix: str | None, chapter_anchor: str, count: int, title: str) -> Section:
    """The ``count``-th section (from 1) of the chapter ``chapter_anchor`` whose sections are numbered under ``prefix``
    (None: not numbered)."""
    return Section(f"{chapter_anchor}-{count}", f"{prefix}.{count}" if prefix else "", title)


def number_mark(found: Section, anchored: bool = False) -> Markup:
    """The number as the heading shows it, before its words (empty for an unnumbered section); ``anchored``: with
    the section's anchor as its id (the site's heading has an id of its own)."""
    if not found.number:
        return Markup()
    if anchored:
        return Markup('<span class="secnum" id="{}">{}</span> ').format(found.anchor, found.number)
    return Markup('<span class="secnum">{}</span> ').format(escape(found.number))
