"""Which programs each program is alike to, by names or by descriptions, told as a warning tells it: the first few
in plan order, how many in all, how many have its very name, how many its own agency leads.

A program is alike by names to the programs (of another id) whose name words are similar to its own, and by
descriptions to those whose texts are, unless alike by names already. Programs with one and the same words form a
group (:func:`~masterplan.checks.similar_sets.grouped`); what a warning says is added up group by group, and what
tells the warned program apart (its id, agency, name) is taken off again, so that 8,000 copies of one program cost
8,000 steps, not 64 million pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from masterplan.checks.similar_sets import Groups, grouped

SHOWN = 3  #: similar programs named in one warning; the rest are counted
_ALL = ("all",)
_NONE: Counter[Hashable] = Counter()


@dataclass(frozen=True)
class Likeness:
    """What one warning says: a program, alike by ``what`` ("names" or "descriptions") to ``count`` others."""

    program: int  #: its place in the plan's list of programs (ids may be duplicated)
    what: str
    first: list[int]  #: the first :data:`SHOWN` of the others, in plan order
    count: int
    same_name: int  #: how many of them have its very name, in any letters
    own: int  #: how many of them its lead agency leads


class _Stream:
    """Programs in plan order, with where the next one of another id stands (copies under one id are passed
    at once)."""

    def __init__(self, programs: list[int], ids: Sequence[str]):
        self.programs = programs
        self.other_id = [len(programs)] * len(programs)
        for at in range(len(programs) - 2, -1, -1):
            same = ids[programs[at]] == ids[programs[at + 1]]
            self.other_id[at] = self.other_id[at + 1] if same else at + 1


class Alike:
    """The likenesses of a plan's programs, given each program's id (in capitals), lead agency id, name (in small
    letters), name words and text runs."""

    def __init__(self, ids: list[str], leads: list[str], names: list[str], name_words: Sequence[AbstractSet[str]],
                 texts: Sequence[AbstractSet[tuple[str, ...]]], name_similarity: float, text_similarity: float):
        self.ids = ids
        self.keys = [(_ALL, ("id", i), ("lead", lead), ("id lead", i, lead), ("name", name), ("id name", i, name))
                     for i, lead, name in zip(ids, leads, names)]
        self.by_name = grouped(name_words, name_similarity)
        self.by_text = grouped(texts, text_similarity)
        self.cells: dict[tuple[int, int], list[int]] = {}  #: (text group, name group) → its programs
        for program, cell in enumerate(zip(self.by_text.of, self.by_name.of)):
            self.cells.setdefault(cell, []).append(program)
        self._tallied: dict[Hashable, Counter[Hashable]] = {}
        self._first: dict[tuple[str | int, ...], list[int]] = {}
        self._streams: dict[Hashable, _Stream] = {}

    def likenesses(self) -> Iterator[Likeness]:
        """Each program's likenesses, in plan order, by descriptions before by names."""
        for program in range(len(self.ids)):
            text, name = self.by_text.of[program], self.by_name.of[program]
            if self.by_text.alike[text]:
                yield from self._told(program, "descriptions", self._tally("descriptions", text, self.by_text),
                                      self._overlap(text, name))
            if self.by_name.alike[name]:
                yield from self._told(program, "names", self._tally("names", name, self.by_name), _NONE)

    def _told(self, program: int, what: str, tally: Counter[Hashable],
              less: Counter[Hashable]) -> Iterator[Likeness]:
        """The likeness of ``program`` to those counted in ``tally`` but not in ``less``, leaving out itself and
        the other programs of its id (E207's)."""
        _, by_id, lead, id_lead, name, id_name = self.keys[program]

        def counted(key: Hashable) -> int:
            return tally[key] - less[key]
        count = counted(_ALL) - counted(by_id)
        if count:
            first = [n for n in self._named_first(what, self.by_text.of[program], self.by_name.of[program])
                     if self.ids[n] != self.ids[program]]
            yield Likeness(program, what, first[:SHOWN], count, counted(name) - counted(id_name),
                           counted(lead) - counted(id_lead))

    def _tally(self, what: str, group: int, groups: Groups) -> Counter[Hashable]:
        """The programs of the groups alike to ``group`` counted by id, agency and name (once for the group)."""
        found = self._tallied.get((what, group))
        if found is None:
            found = self._tallied[what, group] = self._counted(chain.from_iterable(
                groups.members[other] for other in groups.alike[group]))
        return found

    def _overlap(self, text: int, name: int) -> Counter[Hashable]:
        """Those counted by descriptions that are alike by names as well (told by their names), from
        whichever side has fewer (text group, name group) cells to look through."""
        key = ("overlap", text, name)
        found = self._tallied.get(key)
        if found is None:
            found = self._tallied[key] = self._counted(chain.from_iterable(
                self.cells[cell] for cell in self._overlap_cells(text, name)))
        return found

    @cached_property
    def _cells_by_group(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Text group → its name groups, name group → its text groups (those with programs in both)."""
        names: dict[int, list[int]] = {}
        texts: dict[int, list[int]] = {}
        for text, name in self.cells:
            names.setdefault(text, []).append(name)
            texts.setdefault(name, []).append(text)
        return names, texts

    def _overlap_cells(self, text: int, name: int) -> list[tuple[int, int]]:
        names_of, texts_of = self._cells_by_group
        alike_texts, alike_names = self.by_text.alike[text], self.by_name.alike[name]
        if sum(len(names_of[t]) for t in alike_texts) <= sum(len(texts_of[n]) for n in alike_names):
            wanted = set(alike_names)
            return [(t, n) for t in alike_texts for n in names_of[t] if n in wanted]
        wanted = set(alike_texts)
        return [(t, n) for n in alike_names for t in texts_of[n] if t in wanted]

    def _counted(self, programs: Iterator[int]) -> Counter[Hashable]:
        counted: Counter[Hashable] = Counter()
        for program in programs:
            counted.update(self.keys[program])
        return counted

    def _named_first(self, what: str, text: int, name: int) -> list[int]:
        """The programs the warnings of the programs in ``text`` and ``name`` groups may name first, whichever id
        the warned one has: in plan order, up to :data:`SHOWN` of each id, until each of the warned programs' ids
        has :data:`SHOWN` of others."""
        context = (what, name) if what == "names" else (what, text, name)
        found = self._first.get(context)
        if found is not None:
            return found
        if what == "names":
            stream, told, excluded = self._stream(what, name, self.by_name), self.by_name.members[name], set()
        else:
            stream, told = self._stream(what, text, self.by_text), self.cells[text, name]
            excluded = set(self.by_name.alike[name])  # told by their names
        warned = {self.ids[program] for program in told}
        kept: list[int] = []
        per_id: Counter[str] = Counter()
        most = 0  # the most kept of one of the warned programs' ids, which are not named to that program
        at = 0
        while at < len(stream.programs) and len(kept) - most < SHOWN:
            program = stream.programs[at]
            at += 1
            if self.by_name.of[program] in excluded:
                continue
            id_ = self.ids[program]
            if per_id[id_] == SHOWN:
                at = stream.other_id[at - 1]
                continue
            kept.append(program)
            per_id[id_] += 1
            most = max(most, per_id[id_]) if id_ in warned else most
        self._first[context] = kept
        return kept

    def _stream(self, what: Hashable, group: int, groups: Groups) -> _Stream:
        found = self._streams.get((what, group))
        if found is None:
            found = self._streams[what, group] = _Stream(
                sorted(chain.from_iterable(groups.members[other] for other in groups.alike[group])), self.ids)
        return found
