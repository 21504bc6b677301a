"""What changed between two versions of a plan: the model of "Perubahan sejak versi X", no rendering in it.

Both versions are reduced to the same small :class:`Version` (programs and agencies by id, with what a reader of the
change list compares: name, pillar, lead agency, period, status, budget by funding source, indicators' targets): the
previous one from its open data (``plan.json``, :func:`version_of_json`), the current one from the model
(:func:`version_of_plan`). :func:`compare` lists programs added, dropped, renamed (a program whose ``former_ids``
holds a code the previous version had) and changed (its name among what may change, compared in the plan's
language), and agencies added, dropped, renamed (a new id taking over an old one), merged (an old id taken over by
an agency the previous version had too, or by one taking over several) and given another name or short name under
the same id. A program's indicators are paired by name, else by place and unit
(:mod:`masterplan.indicator_changes`): one renamed is listed as such, its targets compared. Every amount is a whole
rupiah total of budget lines, as a program's page adds them up.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from masterplan import plan_json, version_names
from masterplan.indicator_changes import (
    IndicatorFacts,
    TargetChange,
    pairs,
    target_changes,
)
from masterplan.messages import Message
from masterplan.model import Plan
from masterplan.programs import Indicator, Program
from masterplan.schema_defs import MAX_AMOUNT
from masterplan.values import Text, code_order, whole


@dataclass(frozen=True)
class ProgramFacts:
    """One program as a change list compares it."""

    id: str
    name: Text
    pillar: str
    lead: str
    period: tuple[int, int]
    by_source: dict[str, int]  #: funding source → whole rupiah over the period
    indicators: tuple[IndicatorFacts, ...]  #: in the program's order
    former_ids: tuple[str, ...] = ()
    by_year: dict[tuple[int, str], int] = field(default_factory=dict)  #: (year, funding source) → whole rupiah
    status: str = ""  #: planned, ongoing or done; empty in a plan.json that does not say

    @property
    def budget(self) -> int:
        return sum(self.by_source.values())


@dataclass(frozen=True)
class AgencyFacts:
    id: str
    name: Text
    short_name: str
    former_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PillarFacts:
    """A pillar's own indicators, as a change list compares them: the plan's headline targets."""

    id: str
    name: Text
    indicators: tuple[IndicatorFacts, ...]  #: in the pillar's order


@dataclass
class Version:
    """A version of the plan, as much of it as a change list needs."""

    version: str
    language: str
    programs: dict[str, ProgramFacts]
    agencies: dict[str, AgencyFacts]
    pillars: dict[str, PillarFacts] = field(default_factory=dict)
    #: the language the plan's texts are written in, where names are compared: a translation given since (an
    #: English edition's catalog) is no rename; empty: ``language``
    written_in: str = ""
    date: datetime.date | None = None  #: the plan's date in that version

    @property
    def compared_in(self) -> str:
        return self.written_in or self.language


@dataclass(frozen=True)
class PillarChange:
    """A pillar's own indicators in both versions: the targets that changed and the indicators renamed."""

    after: PillarFacts
    targets: list[TargetChange]
    indicators_renamed: list[tuple[str, str]]  #: (name then, name now)


@dataclass(frozen=True)
class ProgramChange:
    """A program of both versions (under its code then and now) and what about it changed; nothing: unchanged."""

    before: ProgramFacts
    after: ProgramFacts
    #: funding source → (before, after) for each source whose amount changed, in the order the plan lists them
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)
    targets: list[TargetChange] = field(default_factory=list)
    #: (name then, name now) of each indicator renamed (:func:`masterplan.indicator_changes.pairs`)
    indicators_renamed: list[tuple[str, str]] = field(default_factory=list)
    #: (name then, name now) in the plan's language, when the program's own name changed (else None)
    names: tuple[str, str] | None = None

    @property
    def renamed(self) -> bool:
        """Whether the program's code changed (``former_ids``); its name changing is :attr:`name_changed`."""
        return self.before.id != self.after.id

    @property
    def name_changed(self) -> bool:
        return self.names is not None

    @property
    def budget_difference(self) -> int:
        return self.after.budget - self.before.budget

    @property
    def status_changed(self) -> bool:
        """Whether the program's status changed (planned → ongoing → done); not when the previous version's open
        data does not say."""
        return bool(self.before.status) and self.before.status != self.after.status

    @property
    def pillar_moved(self) -> bool:
        return self.before.pillar != self.after.pillar

    @property
    def lead_moved(self) -> bool:
        return self.before.lead != self.after.lead

    @property
    def period_changed(self) -> bool:
        return self.before.period != self.after.period

    @property
    def years(self) -> dict[tuple[int, str], tuple[int, int]]:
        """Each (year, funding source) whose amount changed, in year order: (then, now), 0 for none."""
        before, after = self.before.by_year, self.after.by_year
        return {key: (before.get(key, 0), after.get(key, 0)) for key in sorted({*before, *after})
                if before.get(key, 0) != after.get(key, 0)}

    @property
    def budget_changed(self) -> bool:
        """Whether a source's total, or a year's amount (moved to another year), changed."""
        return bool(self.sources) or bool(self.years)

    @property
    def changed(self) -> bool:
        return (self.renamed or self.name_changed or self.pillar_moved or self.lead_moved or self.period_changed
                or self.budget_changed or bool(self.targets) or bool(self.indicators_renamed) or self.status_changed)


@dataclass
class Changes:
    """Everything that changed since ``since`` (the previous version's number)."""

    since: str
    added: list[ProgramFacts]
    dropped: list[ProgramFacts]
    changed: list[ProgramChange]  #: programs of both versions with a change, renamed ones included
    agencies_added: list[AgencyFacts]
    agencies_dropped: list[AgencyFacts]
    #: (then, now): an agency under a new id, one the previous version did not have
    agencies_renamed: list[tuple[AgencyFacts, AgencyFacts]]
    #: (the agency merged, as then; the one it merged into, as now)
    agencies_merged: list[tuple[AgencyFacts, AgencyFacts]] = field(default_factory=list)
    #: (then, now): the same id, another name or short name
    agencies_names_changed: list[tuple[AgencyFacts, AgencyFacts]] = field(default_factory=list)
    #: pillars whose own indicators' targets or names changed, in the plan's order
    pillars_changed: list[PillarChange] = field(default_factory=list)
    #: the previous version's date, where it has the current one's number (the draft of 1.0 before its adoption as
    #: 1.0): "since version 1.0" alone would name the book's own version
    since_date: datetime.date | None = None

    @property
    def version_then(self) -> str:
        """The previous version as headings name it: "1.0", or "1.0 of 1 December 2021" (said in the plan's language
        by :func:`masterplan.messages.say`) where the current version has the same number."""
        if self.since_date is None:
            return self.since
        return Message("{version} of {date}", version=self.since, date=self.since_date)

    @property
    def renamed(self) -> list[ProgramChange]:
        """Programs with another code."""
        return [change for change in self.changed if change.renamed]

    @property
    def names_changed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.name_changed]

    @property
    def pillar_moved(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.pillar_moved]

    @property
    def lead_moved(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.lead_moved]

    @property
    def period_changed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.period_changed]

    @property
    def status_changed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.status_changed]

    @property
    def targets_changed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.targets]

    @property
    def budget_changed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.budget_changed]

    @property
    def indicators_renamed(self) -> list[ProgramChange]:
        return [change for change in self.changed if change.indicators_renamed]

    @property
    def budget_difference(self) -> int:
        """How much the plan's indicative budget grew (below zero: shrank), whole rupiah."""
        return (sum(p.budget for p in self.added) - sum(p.budget for p in self.dropped)
                + sum(change.budget_difference for change in self.changed))

    def __bool__(self) -> bool:
        return bool(self.added or self.dropped or self.changed or self.agencies_added or self.agencies_dropped
                    or self.agencies_renamed or self.agencies_merged or self.agencies_names_changed
                    or self.pillars_changed)


def _by_source(lines: list[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for source, amount in lines:
        totals[source] = totals.get(source, 0) + amount
    return totals


def _by_year(lines: list[tuple[int, str, int]]) -> dict[tuple[int, str], int]:
    totals: dict[tuple[int, str], int] = {}
    for year, source, amount in lines:
        totals[year, source] = totals.get((year, source), 0) + amount
    return totals


def _facts(program: Program, language: str, written_in: str) -> ProgramFacts:
    return ProgramFacts(program.id, program.name, program.pillar_id, program.lead_id,
                        (program.period.start, program.period.end),
                        _by_source([(line.source, line.amount) for line in program.budget]),
                        tuple(_indicator_facts(i, language, written_in) for i in program.indicators),
                        tuple(program.former_ids),
                        _by_year([(line.year, line.source, line.amount) for line in program.budget]), program.status)


def _indicator_facts(indicator: Indicator, language: str, written_in: str) -> IndicatorFacts:
    return IndicatorFacts(indicator.name.get(language), indicator.unit.get(language), dict(indicator.targets),
                          indicator.direction, indicator.name.get(written_in))


def version_of_plan(plan: Plan) -> Version:
    """The current plan, as :func:`compare` reads it."""
    language, written_in = plan.language, plan.written_in
    return Version(plan.version, language,
                   {p.id: _facts(p, language, written_in) for p in plan.programs},
                   {a.id: AgencyFacts(a.id, a.name, a.short_name, tuple(a.former_ids)) for a in plan.agencies},
                   {p.id: PillarFacts(p.id, p.name, tuple(_indicator_facts(i, language, written_in)
                                                          for i in p.indicators))
                    for p in plan.pillars}, written_in, plan.date)


def _text(value: Any) -> Text:
    return Text.of(value if isinstance(value, Mapping) else str(value or ""))


def _int(value: Any) -> int:
    """A whole amount of a plan.json; one an older build wrote with a decimal point (250000000.0) as whole."""
    value = whole(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _amount(value: Any) -> int:
    """An amount of a plan.json, as :func:`_int` reads it; one no plan can hold (past the schema's MAX_AMOUNT, or below
    nothing: a file edited by hand) makes it no plan.json masterplan wrote (``ValueError``), told at baseline (E534)."""
    amount = _int(value)
    if not 0 <= amount <= MAX_AMOUNT:
        raise ValueError("an amount no plan holds")
    return amount


def _program_of_json(item: Mapping[str, Any], language: str, written_in: str) -> ProgramFacts:
    period = item.get("period") or {}
    written = [line for line in item.get("budget") or [] if isinstance(line, Mapping)]
    lines = [(str(line.get("source")), _amount(line.get("amount"))) for line in written]
    indicators = _indicators_of_json(item, language, written_in)
    return ProgramFacts(str(item["id"]), _text(item.get("name")), str(item.get("pillar") or ""),
                        str(item.get("lead") or ""), (_int(period.get("start")), _int(period.get("end"))),
                        _by_source(lines), indicators, tuple(str(i) for i in item.get("former_ids") or []),
                        _by_year([(_int(line.get("year")), str(line.get("source")), _amount(line.get("amount")))
                                  for line in written]), str(item.get("status") or ""))


def _indicators_of_json(item: Mapping[str, Any], language: str, written_in: str) -> tuple[IndicatorFacts, ...]:
    """A program's or a pillar's indicators, as ``plan.json`` gives them."""
    return tuple(IndicatorFacts(_text(i.get("name")).get(language), _text(i.get("unit")).get(language),
                                {int(year): value for year, value in (i.get("targets") or {}).items()
                                 if str(year).isdigit()}, written=_text(i.get("name")).get(written_in))
                 for i in item.get("indicators") or [] if isinstance(i, Mapping))


def version_of_json(document: Mapping[str, Any], language: str, written_in: str | None = None) -> Version:
    """A previous version from its open data (``plan.json``); raises ``ValueError`` for one that is not a plan's,
    :class:`masterplan.plan_json.Unreadable` saying why for another file's or a newer format (its texts shown in
    ``language``, the current plan's, and compared as ``written_in`` writes them)."""
    plan_json.checked(document)
    try:
        written_in = written_in or language
        programs = [_program_of_json(p, language, written_in) for p in document["programs"]]
        agencies = [AgencyFacts(str(a["id"]), _text(a.get("name")), str(a.get("short_name") or a["id"]),
                                tuple(str(i) for i in a.get("former_ids") or [])) for a in document.get("agencies") or []]
        pillars = [PillarFacts(str(p["id"]), _text(p.get("name")), _indicators_of_json(p, language, written_in))
                   for p in document.get("pillars") or []]
        plan = found if isinstance(found := document.get("plan"), Mapping) else {}
    except (KeyError, TypeError, AttributeError) as exc:  # not a Mapping, or a list of something else
        raise ValueError("not a plan.json") from exc
    return Version(str(plan.get("version") or ""), language, {p.id: p for p in programs},
                   {a.id: a for a in agencies}, {p.id: p for p in pillars}, written_in, _day(plan.get("date")))


def _day(written: object) -> datetime.date | None:
    """plan.json's date of the plan (YYYY-MM-DD), or None where it has none that reads as one."""
    try:
        return datetime.date.fromisoformat(str(written)) if written else None
    except ValueError:
        return None


def _renames(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, str]:
    """Previous id → current id, for each current item whose ``former_ids`` names an id only the previous
    version has."""
    return {old: item.id for item in after.values() for old in item.former_ids if old in before and old not in after}


def _names(before: Text, after: Text, version: Version) -> tuple[str, str] | None:
    """(name then, name now) in ``version``'s language when they differ as written (a translation given since is no
    new name), else None."""
    if before.get(version.compared_in) == after.get(version.compared_in):
        return None
    return before.get(version.language), after.get(version.language)


def _program_change(before: ProgramFacts, after: ProgramFacts, agencies: Mapping[str, str],
                    version: Version) -> ProgramChange:
    sources = {source: (before.by_source.get(source, 0), after.by_source.get(source, 0))
               for source in dict.fromkeys([*before.by_source, *after.by_source])
               if before.by_source.get(source, 0) != after.by_source.get(source, 0)}
    targets, renamed = _indicator_changes(before.indicators, after.indicators)
    # the lead as the current plan names it: an agency renamed since is not a program moved
    lead = agencies.get(before.lead, before.lead)
    return ProgramChange(replace(before, lead=lead), after, sources, targets, renamed,
                         _names(before.name, after.name, version))


def _indicator_changes(before: tuple[IndicatorFacts, ...], after: tuple[IndicatorFacts, ...],
                       ) -> tuple[list[TargetChange], list[tuple[str, str]]]:
    """The targets changed and the indicators renamed (name then, name now) of a program's or a pillar's indicators,
    paired by :func:`masterplan.indicator_changes.pairs`."""
    indicators = pairs(before, after)
    return ([change for then, now in indicators for change in target_changes(then, now)],
            [(then.name, now.name) for then, now in indicators if then.known_as != now.known_as])


def _pillar_changes(before: Version, after: Version) -> list[PillarChange]:
    """The pillars of both versions whose own indicators' targets or names changed, in the current order (an
    indicator paired as a program's are, :func:`masterplan.indicator_changes.pairs`)."""
    found = []
    for pillar in after.pillars.values():
        then = before.pillars.get(pillar.id)
        if then is None:
            continue
        targets, renamed = _indicator_changes(then.indicators, pillar.indicators)
        if targets or renamed:
            found.append(PillarChange(pillar, targets, renamed))
    return found


def _merged(old: str, new: str, before: Version, renames: Mapping[str, str]) -> bool:
    """Whether the agency ``old`` was merged into ``new`` rather than given a new id: ``new`` was an agency of the
    previous version too, or takes over more than one old id."""
    return new in before.agencies or list(renames.values()).count(new) > 1


def _named_otherwise(then: AgencyFacts, now: AgencyFacts, version: Version) -> bool:
    return then.short_name != now.short_name or _names(then.name, now.name, version) is not None


def compare(before: Version, after: Version) -> Changes:
    """What changed from ``before`` to ``after``; programs in code order."""
    renamed = _renames(before.programs, after.programs)
    agency_renames = _renames(before.agencies, after.agencies)
    kept = {old: renamed.get(old, old) for old in before.programs if renamed.get(old, old) in after.programs}
    changes = [_program_change(before.programs[old], after.programs[new], agency_renames, after)
               for old, new in kept.items()]
    merged = {old: new for old, new in agency_renames.items() if _merged(old, new, before, agency_renames)}
    order = lambda item: code_order(item.id)
    return Changes(
        before.version,
        added=sorted((p for p in after.programs.values() if p.id not in kept.values()), key=order),
        dropped=sorted((p for old, p in before.programs.items() if old not in kept), key=order),
        changed=sorted((c for c in changes if c.changed), key=lambda c: code_order(c.after.id)),
        agencies_added=[a for a in after.agencies.values() if a.id not in before.agencies
                        and a.id not in agency_renames.values()],
        agencies_dropped=[a for a in before.agencies.values() if a.id not in after.agencies
                          and a.id not in agency_renames],
        agencies_renamed=[(before.agencies[old], after.agencies[new]) for old, new in agency_renames.items()
                          if old not in merged],
        agencies_merged=[(before.agencies[old], after.agencies[new]) for old, new in merged.items()],
        agencies_names_changed=[(then, after.agencies[then.id]) for then in before.agencies.values()
                                if then.id in after.agencies
                                and _named_otherwise(then, after.agencies[then.id], after)],
        pillars_changed=_pillar_changes(before, after),
        since_date=before.date if version_names.same(before.version, after.version) else None,
    )
