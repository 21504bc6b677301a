"""Where a parallel PDF build's parts fall in the book, and the page numbers each one prints.

A part's length and the places of its anchors are known once it is laid out (its layout's
``info``). From those, a part's first page is known once every body part before it is laid out,
and so is the printed page of each anchor it holds: roman in the front matter, from 1 in the body;
on both sides, a chapter opens on an odd page after a blank one where needed. Until then, a number
is guessed: from the last build's, or with a part's unknown length taken from the last build (one
page for a new part). :mod:`masterplan.render.pdf_schedule` decides with these when a part can be
laid out, and checks every guess against the final layout before the join.
"""

from __future__ import annotations

from typing import Any

from masterplan.render.pdf_parts import Part, roman


class Pages:
    """The book's parts, their layouts as they become known, and the page numbers known or guessed from them."""

    def __init__(self, parts: list[Part], two_sided: bool, last: dict[str, Any]):
        """``last``: the last build's printed page of every anchor (``labels``) and length of every part
        (``pages``), the guesses."""
        self.parts = parts
        self.two_sided = two_sided  #: chapters open on right-hand (odd) pages, after a blank page where needed
        self.holder: dict[str, int] = {}
        for part in parts:
            for anchor in part.anchors:
                self.holder.setdefault(anchor, part.index)
        self.guesses: dict[str, str] = last["labels"]
        self.guessed_pages: dict[str, int] = last["pages"]
        self.info: dict[int, dict[str, Any]] = {}  #: part → its layout's pages, anchors and messages
        self.own = {p.index: {a for a in p.refs if self.holder.get(a) == p.index} for p in parts}

    def offset(self, index: int, assume: int | bool | None = None) -> int | None:
        """The page number before the part's first page, once the body before it is laid out.

        Printed on both sides, a chapter's first part starts on an odd page: after an odd
        page, a blank one (counted, not numbered) goes before it. ``assume``: a part (or with
        True every part) whose length, while unknown, is taken from the last build, or as one
        page."""
        if self.parts[index].front:
            return 0
        total = 0
        for part in self.parts[:index + 1]:
            if part.front:
                continue
            if self.two_sided and part.opens and total % 2:
                total += 1
            if part.index == index:
                return total
            if part.index in self.info:
                total += self.info[part.index]["pages"]
            elif assume is True or part.index == assume:
                total += self.guessed_pages.get(part.key, 1)
            else:
                return None
        raise AssertionError("a part is always among the parts up to itself")

    def first_page(self, index: int) -> int:
        """Where the laid-out part's first page goes in the book (0 for the first), blank pages
        counted: on both sides, the body opens on a right-hand page after the front matter too."""
        if self.parts[index].front:
            return 0
        front = sum(self.info[p.index]["pages"] for p in self.parts if p.front)
        offset = self.offset(index)
        assert offset is not None, "every part is laid out by now"
        return front + (front % 2 if self.two_sided else 0) + offset

    def label(self, anchor: str, assume: int | bool | None = None) -> str | None:
        """The printed page of ``anchor``, '' when it is nowhere in the book, None while unknown."""
        index = self.holder.get(anchor)
        if index is None:
            return ""
        info, offset = self.info.get(index), self.offset(index, assume)
        if info is None or offset is None:
            return None
        place = info["anchors"].get(anchor)
        if place is None:
            return ""
        number = offset + int(place[0]) + 1
        return roman(number) if self.parts[index].front else str(number)

    def printed(self, index: int, force: bool = False, blank: bool = False) -> tuple[dict[str, str], int] | None:
        """The page numbers a part prints for other parts, and its first page's offset as laid out.

        None while they depend on parts not laid out. What depends on the part itself (pages
        after it that its own length moves) is guessed: from the last build, or with the
        part one page long; ``force`` guesses every unknown length the same way; ``blank``
        leaves a number in a part not laid out yet blank (the part is laid out again once it is known)."""
        found = {}
        for anchor in sorted(self.parts[index].refs - self.own[index]):
            value = self.label(anchor, True if force else None)
            if value is None:
                value = self.guesses.get(anchor) or self.label(anchor, assume=index)
            if value is None and blank:
                value = ""
            if value is None:
                return None
            found[anchor] = value
        start = 0
        if self.own[index]:  # WeasyPrint counts these pages itself: the start must be right
            known = self.offset(index, True if force else None)
            if known is None:
                return None
            start = known
        return found, start

    def first_unknown(self, index: int) -> bool:
        """Whether every body part before this one is laid out: it is then laid out at once,
        on guesses if it must (typically an introduction citing later tables), because
        every later part waits for its length; a wrong guess costs one small re-layout."""
        return not self.parts[index].front and all(
            p.index in self.info for p in self.parts[:index] if not p.front)

    def forget(self, index: int, labels: dict[str, str | None]) -> None:
        """Drop the part's layout, which printed a wrong number, keeping its length and the true ``labels`` as
        the next guesses."""
        self.guessed_pages[self.parts[index].key] = self.info[index]["pages"]
        self.guesses.update({a: v for a, v in labels.items() if v is not None})
        del self.info[index]

    def labels(self) -> dict[str, str]:
        """Every anchor's printed page (for the next build's guesses)."""
        return {a: label for a in self.holder if (label := self.label(a))}
