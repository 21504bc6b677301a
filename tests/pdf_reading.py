"""A built book read back once however many tests read it: its pages' text (pypdf) and its characters and words
(pdfplumber), kept while the file on disk is the same.

Reading the sample's 82 pages is the suite's heaviest work: pypdf's text of every page takes 7–10 s and pdfplumber's
characters 20 s, and dozens of tests read the same book. A test of a book built again at the same path (an edit,
then a rebuild) gets the new file's reading: the cache is keyed by the file's size, time and inode, not its path.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pypdf

#: (path, size, modification time in ns, inode): one version of one file
Stamp = tuple[str, int, int, int]


def _stamp(pdf: Path | str) -> Stamp:
    status = os.stat(pdf)
    return str(pdf), status.st_size, status.st_mtime_ns, status.st_ino


@lru_cache(maxsize=6)
def _reader(stamp: Stamp) -> pypdf.PdfReader:
    return pypdf.PdfReader(stamp[0])


@lru_cache(maxsize=6)
def _texts(stamp: Stamp) -> tuple[str, ...]:
    return tuple(page.extract_text() or "" for page in _reader(stamp).pages)


@lru_cache(maxsize=4)
def _plumbed(stamp: Stamp) -> pdfplumber.PDF:
    return pdfplumber.open(stamp[0])


def reader(pdf: Path | str) -> pypdf.PdfReader:
    """The book as pypdf reads it (shared: do not change it)."""
    return _reader(_stamp(pdf))


def page_texts(pdf: Path | str) -> tuple[str, ...]:
    """Each page's text as pypdf extracts it."""
    return _texts(_stamp(pdf))


@contextlib.contextmanager
def plumbed(pdf: Path | str) -> Iterator[pdfplumber.PDF]:
    """The book as pdfplumber reads it, for ``with plumbed(path) as pdf:`` where a test would open it; its pages keep
    their characters once read, for the next test of the same book. Left open for them."""
    yield _plumbed(_stamp(pdf))


def joined_texts(pdf: Path | str) -> list[str]:
    """Each page's text, its lines joined; a word hyphenated at a line's end is whole again."""
    return [" ".join(text.split()).replace("\u2010 ", "").replace("\xa0", " ") for text in page_texts(pdf)]


def outline_pages(pdf: Path | str) -> list[tuple[str, int]]:
    """The PDF's top-level bookmarks, each with the index of the page it opens (0 for the first sheet's front)."""
    read = reader(pdf)
    return [(item.title, read.get_destination_page_number(item)) for item in read.outline
            if not isinstance(item, list)]


def header_rules(page: pdfplumber.page.Page, zone: float) -> list[dict]:
    """Each hairline drawn above ``zone`` (points from the top), as pdfplumber gives it (``x0``, ``x1``, ``top``): the
    running header's rule. A margin box's border is drawn as a frame of its whole box, not a line: not counted."""
    return [rule for rule in page.rects if rule["bottom"] < zone and rule["height"] < 1]
