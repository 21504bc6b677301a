"""One indicator (the same name, in any letters and spacing) told otherwise in two places (W418): measured in
another unit, or given another baseline, another target or another realised figure (realisasi) for the same year, by
two agencies' programs, a program and a pillar, or one program twice. The readers take them for one measure, and the
figures do not add up: a year reached 55 on one page and 61 on another is the same contradiction as two targets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Literal

from masterplan.checks.coherence import PERCENT, indicators, shown, target_at
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.model import Plan
from masterplan.programs import Indicator
from masterplan.values import folded

_Figure = tuple[Message, Indicator, object]  #: where a figure of a year was first given: label, indicator, value
_Seen = dict[tuple[object, str, int], _Figure]  #: (pillars or a program, name, year) -> where first given
_Kind = Literal["baseline", "targets", "realised"]  #: the kinds of figure compared, by name
_Figures = dict[_Kind, _Seen]  #: each kind's figures as first given
_YEARLY: tuple[_Kind, ...] = ("targets", "realised")  #: the yearly figures compared: targets, realised figures


def _yearly(indicator: Indicator, kind: _Kind) -> Mapping[int, object]:
    """An indicator's targets, or its realised figures (realisasi), by year."""
    return indicator.realised if kind == "realised" else indicator.targets


def _yearly_at(indicator: Indicator, year: int, kind: _Kind) -> Position:
    """Where an indicator's target, or realised figure, for ``year`` is written."""
    return indicator.realised_positions.get(year, indicator.position) if kind == "realised" else target_at(indicator, year)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W418 where an indicator (its name in any letters and spacing) is measured in another unit than at its first
    place (% and persen are one unit), or given another baseline, another target or another realised figure, for one
    year than a pillar's indicator of that name, or than a copy in its own program. Agencies' own indicators of one
    name (a satisfaction index each measures of its services) may differ in their figures. Each place is compared once: 3,000 programs
    sharing one indicator are 3,000 lookups."""
    first: dict[str, tuple[Message, Indicator]] = {}
    givers: dict[str, set[object]] = {}  # name -> the pillars and programs that gave figures of it so far
    figures: _Figures = {"baseline": {}, "targets": {}, "realised": {}}
    for label, indicator, owner in indicators(plan):
        name = folded(indicator.name)
        if not name:
            continue
        place = first.setdefault(name, (label, indicator))
        if place[1] is not indicator and _unit(place[1].unit) != _unit(indicator.unit):
            yield _other_unit(label, indicator, *place)
            continue
        given = givers.setdefault(name, set())
        if "pillars" in given or owner in given:  # most names have nothing before them to compare with
            yield from _other_figures(label, indicator, owner, name, figures)
        given.add(owner)
        if indicator.baseline_year is not None and indicator.baseline_value is not None:
            figures["baseline"].setdefault((owner, name, indicator.baseline_year),
                                           (label, indicator, indicator.baseline_value))
        for kind in _YEARLY:
            for year, value in _yearly(indicator, kind).items():
                figures[kind].setdefault((owner, name, year), (label, indicator, value))


def _other_figures(label: Message, indicator: Indicator, owner: object, name: str,
                   figures: _Figures) -> Iterator[Diagnostic]:
    """W418 for a baseline, for the first target and for the first realised figure that differ from the one given
    before for that year."""
    other = _differing(figures["baseline"], owner, name, indicator.baseline_year, indicator.baseline_value)
    if other is not None:
        yield _other_baseline(label, indicator, other[0], other[1])
    for kind in _YEARLY:
        for year, value in sorted(_yearly(indicator, kind).items()):
            other = _differing(figures[kind], owner, name, year, value)
            if other is not None:  # once an indicator: a pillar's row of targets differs in several years
                yield _other_yearly(label, indicator, year, other, kind)
                break


def _differing(seen: _Seen, owner: object, name: str, year: int | None,
               value: object) -> _Figure | None:
    """The pillars' figure of this name and year, or the owner's own, when it is another than ``value``."""
    if year is None or value is None:
        return None
    compared = [seen.get(("pillars", name, year)), seen.get((owner, name, year))]
    return next((found for found in compared if found is not None and found[2] is not None
                 and not _same_value(found[2], value)), None)


def _other_yearly(label: Message, indicator: Indicator, year: int, other: _Figure, kind: _Kind) -> Diagnostic:
    """W418 for a target, or a realised figure, of ``year`` other than the one ``other`` gives."""
    there_label, there, there_value = other
    agreement = Message("one indicator reaches one figure a year: agree on what monitoring measured with {other}, "
                        "or give the two indicators different names" if kind == "realised" else
                        "one indicator has one target a year: agree on the figure with {other}, or give the two "
                        "indicators different names", other=there_label)
    return warning(_yearly_at(indicator, year, kind), "W418",
                   "{label}: indicator '{indicator}' has the realised figure {value} for {year}, but {other_value} at "
                   "{position} ({other})" if kind == "realised" else
                   "{label}: indicator '{indicator}' has the target {value} for {year}, but {other_value} at "
                   "{position} ({other})", _agree(label, there_label, agreement),
                   label=label, indicator=str(indicator.name), value=_value(_yearly(indicator, kind)[year]),
                   year=year, other_value=_value(there_value), position=_yearly_at(there, year, kind),
                   other=there_label).concerning(there.position.file)


def _unit(unit: object) -> str:
    """A unit as compared: folded, the ways of writing percent made one."""
    text = folded(unit)
    return "%" if PERCENT.fullmatch(text) else text


def _other_unit(label: Message, indicator: Indicator, other: Message, there: Indicator) -> Diagnostic:
    return warning(indicator.position, "W418", "{label}: indicator '{indicator}' is measured in '{unit}', but "
                   "in '{other_unit}' at {position} ({other})",
                   _agree(label, other, Message("one indicator has one unit: agree on it with {other}, or give "
                                                "the two indicators different names", other=other)),
                   label=label, indicator=str(indicator.name), unit=str(indicator.unit),
                   other_unit=str(there.unit), position=there.position, other=other).concerning(there.position.file)


def _other_baseline(label: Message, indicator: Indicator, other: Message, there: Indicator) -> Diagnostic:
    return warning(indicator.baseline_position or indicator.position, "W418", "{label}: indicator '{indicator}' "
                   "has the baseline {value} for {year}, but {other_value} at {position} ({other})",
                   _agree(label, other, Message("one indicator has one baseline a year: agree on the figure "
                                                "with {other}, or give the two indicators different names",
                                                other=other)),
                   label=label, indicator=str(indicator.name), value=_value(indicator.baseline_value),
                   year=indicator.baseline_year, other_value=_value(there.baseline_value),
                   position=there.baseline_position or there.position, other=other).concerning(there.position.file)


def _agree(label: Message, other: Message, agreement: Message) -> Message | str:
    """W418's hint: to agree with the other place, or, when both are in one program or pillar, to delete a copy."""
    return "a copy: delete one of them; two indicators: give them different names" if other == label else agreement


def _same_value(one: object, other: object) -> bool:
    """Whether two values are one: numbers by value (40 and 40.0), texts as :func:`folded` makes them."""
    numbers = [isinstance(v, (int, float)) and not isinstance(v, bool) for v in (one, other)]
    return float(one) == float(other) if all(numbers) else folded(one) == folded(other)  # type: ignore[arg-type]


def _value(value: object) -> str:
    """A baseline as the file writes it."""
    return shown(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
