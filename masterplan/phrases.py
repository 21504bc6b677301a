"""Which of many phrases occur in texts as whole words, each text read once however many phrases there are.

The glossary check (W524) looks for each term in the plan's text and in the other terms' definitions: searched
one by one, a glossary of 8,000 terms took 30 s (every term in every definition), and each term missing from a
plan of 4 MB read all of it again. Here the phrases make one automaton (Aho–Corasick) whose steps are words and
the marks between them; a text is cut into words once (by the regular expression engine), and only the words
the phrases have, with the marks beside them, are fed to it.

A phrase occurs where ``(?<!\\w)phrase(?!\\w)`` would find it. Its words are whole words of the text (a word of
the text runs on to the next mark), so the automaton steps by whole words; a mark is one step of one character,
which also says whether a word stands right before and right after it: the lookarounds of a phrase that begins or
ends with a mark ("(ATCS)", "C++") are then part of what the steps must equal.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence

_WORDS = re.compile(r"(\w+)")
_UNITS = re.compile(r"(\w+)|(\W)")
_AGAIN = object()  #: a step no phrase has: the text goes on after words no phrase has

Step = Hashable  #: a word, or a mark as (character, a word stands before it, a word stands after it)


def split_words(text: str) -> list[str]:
    """``text`` as [marks, word, marks, word, …, marks]: its words at the odd places, the marks between them
    (empty before a first word or after a last one) at the even places."""
    return _WORDS.split(text)


class Phrases:
    """Phrases to find in texts, each remembered with the labels of the first ``most`` texts that have it."""

    def __init__(self, phrases: Sequence[str], most: int = 1):
        self.most = most
        self._children: list[dict[Step, int]] = [{}]
        steps = [_steps(phrase) for phrase in phrases]
        self._node: list[int] = [self._add(phrase) for phrase in steps]  # phrase → its node
        self._vocabulary = {step for node in self._children for step in node if isinstance(step, str)}
        self._wordless = any(not any(isinstance(step, str) for step in phrase) for phrase in steps)
        self._ends = [False] * len(self._children)
        for node in self._node:
            self._ends[node] = True
        self._fail, self._next_end = _links(self._children, self._ends)
        self._labels: list[list[Hashable]] = [[] for _ in self._children]

    def labels(self, phrase: int) -> list[Hashable]:
        """The labels of the texts that have phrase number ``phrase`` (the first :attr:`most` of them)."""
        return self._labels[self._node[phrase]]

    def read(self, parts: list[str], label: Hashable) -> None:
        """Find the phrases in a text cut by :func:`split_words`, remembering ``label`` for each found."""
        node = 0
        for step in self._steps(parts):
            if step is _AGAIN:
                node = 0
                continue
            while node and step not in self._children[node]:
                node = self._fail[node]
            node = self._children[node].get(step, 0)
            self._found(node if self._ends[node] else self._next_end[node], label)

    def _found(self, node: int, label: Hashable) -> None:
        """Label the phrase ending here and those ending in it, down to one labelled already (those ending in it
        are labelled too: they were found where it was) or full."""
        while node:
            labels = self._labels[node]
            if len(labels) == self.most or (labels and labels[-1] == label):
                return
            labels.append(label)
            node = self._next_end[node]

    def _steps(self, parts: list[str]) -> Iterator[Step]:
        """The steps of a text the phrases may be in: each word they have with the marks on either side, and
        :data:`_AGAIN` for the words they have not; each stretch of marks on its own when a phrase is marks only."""
        last = -2  # the place in ``parts`` of the last word given
        for at in range(1, len(parts), 2):
            if parts[at] not in self._vocabulary:
                continue
            if at != last + 2 and last >= 0:
                yield from _marks(parts, last + 1)
                yield _AGAIN
            yield from _marks(parts, at - 1)
            yield parts[at]
            last = at
        if last >= 0:
            yield from _marks(parts, last + 1)
        if self._wordless:
            for at in range(0, len(parts), 2):
                yield _AGAIN
                yield from _marks(parts, at)

    def _add(self, steps: list[Step]) -> int:
        node = 0
        for step in steps:
            child = self._children[node].get(step)
            if child is None:
                child = self._children[node][step] = len(self._children)
                self._children.append({})
            node = child
        return node


def _marks(parts: list[str], at: int) -> Iterator[Step]:
    """The marks at ``at`` (an even place), each with whether a word stands right before and right after it."""
    marks = parts[at]
    for place, mark in enumerate(marks):
        yield mark, place == 0 and at > 0, place == len(marks) - 1 and at < len(parts) - 1


def _steps(phrase: str) -> list[Step]:
    """A phrase's steps, as :meth:`Phrases._steps` gives a text's: a mark at either end has no word beside it
    on the outside (the lookarounds)."""
    units = [(found.group(1) is not None, found.group(0)) for found in _UNITS.finditer(phrase)]
    return [text if word else (text, place > 0 and units[place - 1][0], place < len(units) - 1 and units[place + 1][0])
            for place, (word, text) in enumerate(units)]


def _links(children: list[dict[Step, int]], ends: list[bool]) -> tuple[list[int], list[int]]:
    """Each node's failure link (the longest end of its steps that is also a beginning of a phrase's) and the
    nearest node down those links where a phrase ends (0 for none), breadth first."""
    fail = [0] * len(children)
    next_end = [0] * len(children)
    queue = list(children[0].values())
    for node in queue:  # the queue grows while it is read
        for step, child in children[node].items():
            down = fail[node]
            while down and step not in children[down]:
                down = fail[down]
            fail[child] = children[down].get(step, 0)
            next_end[child] = fail[child] if ends[fail[child]] else next_end[fail[child]]
            queue.append(child)
    return fail, next_end
