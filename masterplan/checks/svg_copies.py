"""How many copies of its shapes an SVG drawing makes the renderer draw, beyond those written in it.

A ``<use href="#id">`` draws a copy of the element it names, with every ``<use>`` inside it copied in turn: five
levels of ten ``<use>`` of the level before draw 10^5 shapes from 2 KB (the book's build took 116 s; 10^6 did
not finish). So does what a shape names with ``url(#id)``: a clip path, a mask or a pattern is drawn for each
shape naming it, a ``marker-mid`` at each of the shape's points; an ``<image>`` or a ``<use>`` of another file
draws all of it. (What a ``<style>`` element names is not counted: which shapes it applies to is not known here.)
A drawing naming what holds it (``<g id="a"><use href="#a"/></g>``) makes the renderer give up on the image.

Counted as the renderer draws them, each element once however often it is named (memoized), so that the count
itself takes no longer than reading the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

#: copies an SVG's references may make (a map's 500 pins, each a <use> of a 3-shape drawing, make 2,000); the
#: renderer draws a few thousand a second (10^5 added 41 s of work to the sample's build, 9,655 no measurable time).
#: A drawing may make as many copies as it writes elements, if more: a chart of 20,000 points, each a <use> of one
#: marker (as matplotlib writes them), takes the renderer as long as the 20,000 shapes written out (12.6 s, 13.7 s)
MAX_COPIES = 10_000

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_URL = re.compile(r"""url\(\s*['"]?\s*#([^)'"\s]+)""")
#: attributes (and the style, where each may be written too) naming what a shape is drawn with
_NAMING = ("clip-path", "mask", "fill", "stroke", "marker-start", "marker-mid", "marker-end", "style")
#: what is drawn anew for each shape naming it (a gradient is only colours)
_DRAWN_FOR_EACH = frozenset({"clipPath", "mask", "pattern", "marker"})
#: what draws its children only where a reference names it (the renderer's DEF_TYPES that may have children)
_DRAWN_ONLY_NAMED = _DRAWN_FOR_EACH | {"symbol", "filter", "linearGradient", "radialGradient"}
_MID = re.compile(r"marker(?:-mid)?\s*:", re.IGNORECASE)  #: a style's marker drawn at each point of a shape
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class Cycle(Exception):
    """The drawing names what holds it: the renderer cannot draw it."""

    def __init__(self, name: str):
        self.name = name


class Copies:
    """The copies one SVG drawing makes. ``outside(element, href)`` is what a ``<use>`` or an ``<image>`` of an
    address other than ``#id`` draws: the count of another file's drawing, all of which it draws (0 for a
    picture, or a file the renderer cannot read), or the id it names in the drawing's own file."""

    def __init__(self, root: Element, outside: Callable[[Element, str], int | str]):
        self.root = root
        self.outside = outside
        self.written = sum(1 for _ in root.iter())
        self.allowed = max(MAX_COPIES, self.written)  #: copies the drawing may make: its size's worth of work
        self.most = self.written + self.allowed + 1  #: counts stop growing here: past the limit, by how much is moot
        self.named: dict[str, Element] = {}  #: the first element of each id, in the order the renderer looks
        for element in root.iter():
            if element is not root and element.get("id") is not None:
                self.named.setdefault(element.get("id", ""), element)

    def count(self) -> int:
        """Elements drawn beyond those written in the drawing (at most :attr:`allowed` + 1): a definition drawn once
        where it is named is no copy. Raises :class:`Cycle`."""
        return max(self.drawn(self.root) - self.written, 0)

    def drawn(self, top: Element) -> int:
        """Elements drawn for ``top``: itself, its children and what it names, each counted with what it draws
        (depth first without recursion: a drawing may nest deeper than Python's stack). An element is counted
        apart as named (``<use>``, ``url(#id)``) and as written: a clip path or a marker draws nothing where
        it is written."""
        done: dict[tuple[int, bool], int] = {}
        stack = [_Step(top, False, self.edges(top, False), 1)]
        counting = {stack[0].key}  #: the elements of the stack
        while stack:
            step = stack[-1]
            for times, target, named in step.edges:
                if isinstance(target, int) or (id(target), named) in done:
                    step.add(times * (target if isinstance(target, int) else done[id(target), named]), self.most)
                    continue
                if (id(target), named) in counting:  # named again inside itself: say the element named
                    start = next(n for n, other in enumerate(stack) if other.key == (id(target), named))
                    raise Cycle(next((other.element.get("id", "") for other in stack[start:] if other.key[1]), ""))
                stack.append(_Step(target, named, self.edges(target, named), times))
                counting.add(stack[-1].key)
                break
            else:
                stack.pop()
                counting.discard(step.key)
                done[step.key] = step.total
                if stack:
                    stack[-1].add(step.times * step.total, self.most)
        return done[id(top), False]

    def edges(self, element: Element, named: bool) -> Iterator[tuple[int, Element | int, bool]]:
        """What ``element`` (``named`` by a reference, or as written) draws beside itself, each with how many
        times: its children, the element its ``<use>`` names (or the count of another file's drawing), what it
        names with url(#id) that is drawn for each shape naming it (a clip path, a mask, a pattern; a marker at
        each point)."""
        if _draws_children(element, named):
            yield from ((1, child, False) for child in element)
        if _name(element) in ("use", "image"):
            href = (element.get(XLINK_HREF) or element.get("href") or "").strip()
            found = (href[1:] if _name(element) == "use" else 0) if href.startswith("#") else self.outside(element, href)
            if isinstance(found, int):
                yield 1, found, True
            elif found in self.named:
                yield 1, self.named[found], True
        for attribute in _NAMING:
            value = element.get(attribute, "")
            for name in _URL.findall(value):
                target = self.named.get(name)
                if target is not None and _name(target) in _DRAWN_FOR_EACH:
                    at_each = attribute == "marker-mid" or attribute == "style" and _MID.search(value)
                    yield _points(element) if at_each and _name(target) == "marker" else 1, target, True


class _Step:
    """An element being counted: what it draws that is left to count, and its count so far."""

    def __init__(self, element: Element, named: bool, edges: Iterator[tuple[int, Element | int, bool]], times: int):
        self.key = (id(element), named)
        self.element, self.edges, self.times, self.total = element, edges, times, 1

    def add(self, count: int, most: int) -> None:
        self.total = min(self.total + count, most)


def _name(element: Element) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _draws_children(element: Element, named: bool) -> bool:
    """Whether the renderer draws ``element``'s children: never a ``<defs>``'s, a clip path's or a marker's only
    where it is named."""
    return _name(element) != "defs" and (named or _name(element) not in _DRAWN_ONLY_NAMED)


def _points(element: Element) -> int:
    """How many points of a shape a marker is drawn at, at most: one per pair of numbers."""
    return max(1, len(_NUMBER.findall(element.get("d", "") + " " + element.get("points", ""))) // 2)
