"""Which part to lay out when, with which page numbers: the order of work of a parallel PDF build.

A part's layout depends on the page numbers it prints for links into other parts
(cross-references, the table of contents, the index), never on its own first page
number (see :mod:`masterplan.render.pdf_layout`). So:

1. A part is *ready* once every page number it prints is known: the part holding the
   target is laid out, and so is every body part before that one (they fix its first
   page). Parts printing no page numbers (pillar chapters, most generated chapters) are
   ready at once and laid out in parallel, in book order; the agencies chapter waits
   for the pillar chapters, the index for the body, the front matter (contents, lists)
   for everything. A ready part whose HTML (numbers filled in) is in the cache is not
   laid out at all.
2. A part's first page is known once all body parts before it are laid out; the worker
   holding it then renumbers its page margins and writes it (or the cached PDF for that
   first page is taken).
3. References to a part's own pages (a chapter citing its own table, the contents
   listing the foreword) cannot be known before its layout: the last build's numbers
   (or blanks) are the guess, checked after layout; a wrong guess lays the part out again.
   When parts wait on each other in a cycle, the first is laid out on guesses the same
   way. Before the join every part's printed numbers and first page are checked against
   the final layout, so no stale number reaches the book.

Where each part falls and which numbers it prints, known or guessed, is reckoned by
:class:`masterplan.render.pdf_pages.Pages`; this module decides what to do with them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from masterplan.build_options import PROGRESS
from masterplan.diagnostics import Message
from masterplan.render.pdf_cache import Cache
from masterplan.render.pdf_pages import Pages
from masterplan.render.pdf_parts import Part, starting_at, with_page_numbers
from masterplan.render.pdf_workers import Pool


class LayoutFailed(Exception):
    """A worker raised; the message names the part."""


class Schedule:
    """The book's parts laid out and written by the pool's workers, or taken from the cache: :meth:`run` returns
    once every part is written with its true numbers, and :attr:`pages` then says where each goes in the book."""

    def __init__(self, parts: list[Part], css: str, cache: Cache, pool: Pool, say: Callable[[Message], str] = str,
                 two_sided: bool = False):
        self.parts, self.css, self.cache, self.pool = parts, css, cache, pool
        self.pages = Pages(parts, two_sided, cache.last())
        self.used: dict[int, tuple[dict[str, str], int]] = {}  #: part → (numbers printed, start laid out with)
        self.html: dict[int, tuple[str, str]] = {}  #: part → (HTML, CSS) laid out
        self.keys: dict[int, str] = {}
        self.kept: dict[int, int] = {}  #: part → the worker holding its layout
        self.running: set[int] = set()  #: parts being laid out or written
        self.written: dict[int, tuple[Path, int]] = {}  #: part → (PDF, offset it was numbered with)
        self.pending = {p.index for p in parts}
        self.laid_out = 0  #: layouts done in this build (cache misses and re-layouts)
        self.progress = _Progress(len(parts), say)

    def run(self) -> None:
        idle = 0  #: rounds in a row with no worker busy: a few are normal, many would be a bug
        while True:
            if self.laid_out > 4 * len(self.parts) or idle > 2 * len(self.parts) + 10:
                raise LayoutFailed("page numbers do not settle: parts keep changing each other's length")
            self._layouts()
            self._writes()
            if not self.pending and not self.running and self._complete():
                break
            if not self.running and not self.pool.replies:
                idle += 1
                if self.pending:  # parts wait on each other: lay out one on guesses
                    self._layouts(force=self._forced())
                continue
            idle = 0
            self._receive(self.pool.receive())
        self.progress.end()

    def _forced(self) -> int:
        """The part to lay out on guesses when every waiting part waits on another: the first, in book
        order, whose numbers can all be guessed from lengths (an introduction citing a table of a later
        chapter that itself waits cannot be: its number is in no part laid out); else the first, with such
        numbers blank."""
        order = sorted(self.pending, key=lambda i: (self.parts[i].front, i))
        return next((i for i in order if self.pages.printed(i, force=True) is not None), order[0])

    def _layouts(self, force: int | None = None) -> None:
        # Book order: first pages become known early, so workers write and forget parts as
        # they go (a worker holding many laid-out parts is what would fill the memory).
        order = sorted(self.pending, key=lambda i: (self.parts[i].front, i))
        for index in ([force] if force is not None else order):
            plan = self.pages.printed(index, force is not None or self.pages.first_unknown(index), blank=force is not None)
            if plan is None:
                continue
            labels, start = plan
            html = with_page_numbers(self.parts[index].html, labels, self.pages.own[index])
            css = starting_at(self.css, start)
            key = self.cache.key(html, css)
            cached = self.cache.info(key)
            worker = self.pool.idle()
            if cached is None and worker is None:
                continue
            self.pending.discard(index)
            self.used[index], self.html[index], self.keys[index] = plan, (html, css), key
            if cached is not None:
                self.pages.info[index] = cached
                continue
            assert worker is not None
            offset = self.pages.offset(index)
            self.running.add(index)
            self.laid_out += 1
            if offset is not None:  # its numbers are final: lay out and write in one go
                path = self.cache.pdf(key, offset)
                self.pool.send(worker, ("layout", index, html, css, start, offset, str(path)))
                self.written[index] = (path, offset)
                self.cache.wrote_pdf(key, offset)
            else:
                self.kept[index] = worker
                self.pool.send(worker, ("layout", index, html, css, start, None, None))

    def _writes(self) -> None:
        for index in sorted(self.pages.info):
            if index in self.running or index in self.written:
                continue
            truth = self._true(index)
            if None in truth[0].values() or truth[1] is None:
                continue
            if truth != self.used[index]:
                self._again(index)
                continue
            offset = self.pages.offset(index)
            if offset is None:
                continue
            key = self.keys[index]
            path = self.cache.pdf(key, offset)
            if self.cache.has_pdf(key, offset):
                self.written[index] = (path, offset)
                self.progress.step(len(self.written))
                continue
            if index in self.kept:
                self.pool.send(self.kept.pop(index), ("write", index, offset, str(path)))
            else:  # laid out in an earlier build, now on other pages: lay out again
                worker = self.pool.idle()
                if worker is None:
                    continue
                self.laid_out += 1
                html, css = self.html[index]
                self.pool.send(worker, ("layout", index, html, css, self.used[index][1], offset, str(path)))
            self.running.add(index)
            self.written[index] = (path, offset)
            self.cache.wrote_pdf(key, offset)

    def _true(self, index: int) -> tuple[dict[str, str | None], int | None]:
        """The numbers the part prints and its start, as the layouts known now make them (None while unknown)."""
        labels = {a: self.pages.label(a) for a in self.used[index][0]}
        return labels, (self.pages.offset(index) if self.pages.own[index] else 0)

    def _again(self, index: int) -> None:
        """The part printed a wrong number: forget its layout, guess better next time."""
        if index in self.kept:
            self.pool.send(self.kept.pop(index), ("drop", index), reply=False)
        self.pages.forget(index, self._true(index)[0])
        self.pending.add(index)
        self.written.pop(index, None)

    def _complete(self) -> bool:
        """Every part laid out with the true numbers and written with its true first page."""
        complete = True
        for part in self.parts:
            index = part.index
            if index not in self.pages.info:
                complete = False
                continue
            truth = self._true(index)
            if truth != self.used[index]:
                if None not in truth[0].values() and truth[1] is not None:
                    self._again(index)
                complete = False
            elif self.written.get(index, (None, None))[1] != self.pages.offset(index):
                if self.pages.offset(index) is not None:
                    self.written.pop(index, None)
                complete = False
        return complete

    def _receive(self, reply: tuple[Any, ...]) -> None:
        worker, kind, index = reply[0], reply[1], reply[2]
        if kind == "failed":
            raise LayoutFailed(f"{self.parts[index].key}: {reply[3]}")
        info = reply[3]
        if kind == "laid":
            self.pages.info[index] = info
            self.cache.put_info(self.keys[index], info)
            self.running.discard(index)
            self.kept[index] = worker
        elif kind == "written":
            records, refused = reply[4], reply[5]
            if info is not None or records or refused:  # what writing logged (a missing glyph) or refused (an
                known = info if info is not None else self.pages.info[index]  # SVG's <use>) is kept with the part's
                self.pages.info[index] = {**known, "records": known["records"] + [r for r in records if r not in known["records"]],
                                    "refused": known["refused"] + [r for r in refused if r not in known["refused"]]}
                self.cache.put_info(self.keys[index], self.pages.info[index])  # so a build from the cache says it again
            self.running.discard(index)
            self.progress.step(len(self.written))

    def book_records(self) -> list[list[Any]]:
        """Every message WeasyPrint logged for the parts in the book (laying them out or writing them), each once."""
        seen: dict[tuple[int, str], None] = {}
        for index in sorted(self.pages.info):
            for level, message in self.pages.info[index]["records"]:
                seen.setdefault((level, message))
        return [list(k) for k in seen]


class _Progress:
    """``PDF: parts 3/14`` on a terminal; nothing in CI or when stderr is a file, unless asked for as lines."""

    def __init__(self, total: int, say: Callable[[Message], str] = str):
        self.total, self.say = total, say  #: ``say``: the progress in the plan's language (a speaker's)
        self.lines = os.environ.get(PROGRESS) == "lines"
        self.shown = not self.lines and sys.stderr.isatty() and not os.environ.get("CI")
        self.quarters = 0

    def step(self, done: int) -> None:
        done = min(done, self.total)
        if self.shown:
            print("\r" + self.say(Message("PDF: parts {done}/{total}", done=done, total=self.total)), end="",
                  file=sys.stderr, flush=True)
        elif self.lines and done * 4 // self.total > self.quarters:
            self.quarters = done * 4 // self.total
            print(self.say(Message("PDF: {done} of {total} parts laid out", done=done, total=self.total)),
                  file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
