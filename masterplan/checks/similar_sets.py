"""Which of many sets (of a name's words, of a text's three-word runs) are alike, without comparing every pair.

Programs pasted by the thousand have one and the same set: :func:`grouped` makes each distinct set one group
and joins only the groups, so a thousand copies cost what one does; :func:`similar_pairs` finds the alike
ones among the distinct sets.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import chain
from typing import Any

_ROUNDING = 1e-6  #: margin on the bounds: a float rounded the wrong way never loses a similar pair


@dataclass
class Groups:
    """Things numbered by their place, grouped by their sets: one group per distinct set."""

    of: list[int]  #: thing → its group
    members: list[list[int]]  #: group → its things, in their order
    alike: list[list[int]]  #: group → the groups alike to it: itself (unless its set is empty) and the similar ones


def grouped(features: Sequence[AbstractSet[Hashable]], threshold: float) -> Groups:
    """The things grouped by equal sets, each group with those whose sets' Jaccard similarity reaches
    ``threshold``; an empty set is alike to nothing, not even another empty one."""
    number: dict[frozenset[Hashable], int] = {}
    of = [number.setdefault(frozenset(items), len(number)) for items in features]
    distinct = [set(items) for items in number]
    alike = [[group] if items else [] for group, items in enumerate(distinct)]
    for first, second in similar_pairs(distinct, threshold):
        alike[first].append(second)
        alike[second].append(first)
    members: list[list[int]] = [[] for _ in distinct]
    for thing, group in enumerate(of):
        members[group].append(thing)
    return Groups(of, members, alike)


def similar_pairs(features: list[set], threshold: float) -> Iterator[tuple[int, int]]:  # type: ignore[type-arg]
    """Every pair (i, j), i < j, of sets whose Jaccard similarity reaches ``threshold``.

    Without comparing every pair (PPJoin: Xiao et al., "Efficient similarity joins for near
    duplicate detection", 2008). Features are numbered rarest first and each set is read in
    that order. Two sets that similar share at least ``threshold / (1 + threshold)`` of
    their sizes put together, so a shared feature already stands among the first few of
    each (the *prefixes*; shorter for the smaller set, met first in order of size), and
    where a shared feature stands bounds how many more can follow. Only the few pairs that
    meet there are counted out in full. Many equal sets still meet pair by pair: give
    :func:`grouped` those.
    """
    frequency = Counter(chain.from_iterable(features))
    number = {feature: n for n, feature in enumerate(sorted(frequency, key=frequency.__getitem__))}
    sets = [set(map(number.__getitem__, items)) for items in features]
    sizes = [len(items) for items in sets]
    share = threshold / (1 + threshold)  # of both sizes together: the least overlap of a similar pair
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)  # feature -> (set, place) from the prefixes
    for first in sorted((n for n in range(len(sets)) if sets[n]), key=sizes.__getitem__):
        ordered, size = sorted(sets[first]), sizes[first]
        smallest = threshold * size - _ROUNDING  # a smaller set cannot reach the threshold
        overlaps: dict[int, int] = {}  # set -> shared features found so far, -1 when it cannot be similar
        for place, feature in enumerate(ordered[:size - _at_least(threshold * size) + 1]):
            left = size - place  # features from this one on
            for second, other_place in index[feature]:
                other_size = sizes[second]
                if other_size < smallest:
                    continue
                found = overlaps.get(second, 0)
                if found < 0:
                    continue
                other_left = other_size - other_place
                possible = found + min(left, other_left)
                overlaps[second] = found + 1 if possible >= share * (size + other_size) - _ROUNDING else -1
        for second, found in overlaps.items():
            if found > 0 and jaccard(sets[first], sets[second]) >= threshold:
                yield min(first, second), max(first, second)
        for place, feature in enumerate(ordered[:size - _at_least(2 * share * size) + 1]):
            index[feature].append((first, place))


def _at_least(bound: float) -> int:
    """The least whole number of features reaching ``bound``, rounding errors in the safe direction."""
    return max(math.ceil(bound - _ROUNDING), 1)


def jaccard(a: AbstractSet[Any], b: AbstractSet[Any]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a and b else 0.0
