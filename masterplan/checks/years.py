"""Years and money: program periods inside the plan period; budgets and targets inside their period;
budget lines in whole rupiah, one per year and source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Message, Position, error, warning
from masterplan.located import DotGrouped
from masterplan.messages import listing, rupiah
from masterplan.model import Plan
from masterplan.programs import BudgetLine, Indicator, Program
from masterplan.values import Period

_DECIMAL_COMMA = re.compile(r"\s*-?\d+,\d+\s*")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_WITH_UNIT = re.compile(r"([+-]?\d[\d.,]*)\s*(%|[^\W\d]+(?:\s+[^\W\d]+)*)")
_ABOUT = re.compile(r"(?:±|\+/-|sekitar|kurang lebih|kl\.?)\s*(\d[\d.,]*)", re.IGNORECASE)
_BOUND = re.compile(r"(?:<=?|>=?|≤|≥|kurang dari|lebih dari|maks(?:imal)?\.?|min(?:imal)?\.?)\s*(\d[\d.,]*)\s*%?",
                    re.IGNORECASE)
#: a range for one year, "75-80" or "75–80": text to YAML, which no chart or column can plot
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)")
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")
LEAST_RUPIAH = 1_000_000  #: a whole amount below it is typed short of rupiah (W313, W325): 800 for 800 juta


def _title_years(plan: Plan) -> Iterator[Diagnostic]:
    """A title that names other years than the period (2022–2031 after the period became 2022–2032)."""
    for found in sorted({m.groups() for text in plan.title.values.values() for m in _YEARS.finditer(text)}):
        if (int(found[0]), int(found[1])) != (plan.period.start, plan.period.end):
            yield warning(plan.where.get("title", plan.position), "W311", "the title names {written}, the period is "
                          "{start}–{end}", "change the one that is out of date", written="–".join(found),
                          start=plan.period.start, end=plan.period.end)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    plan_period = plan.period
    if plan_period.start > plan_period.end:
        yield error(plan.where.get("period", plan.position), "E305", "plan period starts after it ends ({start} > {end})",
                    start=plan_period.start, end=plan_period.end)
    yield from _title_years(plan)
    yield from _ceiling_years(plan)
    yield from _phase_years(plan)
    for pillar in plan.pillars if plan_period.start <= plan_period.end else []:
        for indicator in pillar.indicators:
            yield from _targets(indicator, plan_period, Message("pillar {pillar}", pillar=pillar.id),
                                Message("the plan period"), plan_period=plan_period)
    for program in plan.programs:
        period = program.period
        if period.start > period.end:  # said once: every year of its budget and targets would be "outside" it
            yield error(program.at("period"), "E305", "program {program}: period starts after it ends ({start} > {end})",
                        "swap start and end", program=program.id, start=period.start, end=period.end)
            continue
        inside = period  # the program's years the plan has: budget and targets outside them are told with E301,
        if plan_period.start <= plan_period.end and (period.start not in plan_period  # not after it is mended
                                                       or period.end not in plan_period):
            yield _outside(program.id, program.at("period"), period, plan_period)
            if period.start <= plan_period.end and period.end >= plan_period.start:
                inside = Period(max(period.start, plan_period.start), min(period.end, plan_period.end))
        seen: dict[tuple[int, str], BudgetLine] = {}
        for line in program.budget:
            if line.year not in period:
                yield _budget_year(program, line, plan_period)
            elif line.year not in inside:
                yield error(line.position, "E302", "program {program}: budget year {year} is outside the plan period "
                            "{plan_period}", Message("give the amount a year of {period}, or delete the line",
                                                     period=inside),
                            program=program.id, year=line.year, plan_period=plan_period)
            yield from _amount(program.id, line)
            if (line.year, line.source) in seen:
                yield warning(line.position, "W308", "program {program}: the budget for {year} from {source} is "
                              "given twice (first at line {line}); both amounts are counted",
                              "a copy: delete it; two amounts: add them into one line", program=program.id,
                              year=line.year, source=line.source, line=seen[line.year, line.source].position.line)
            seen.setdefault((line.year, line.source), line)
        for indicator in program.indicators:
            yield from _targets(indicator, inside, Message("program {program}", program=program.id),
                                Message("the program period") if inside == period else
                                Message("the program's years in the plan period"), clipped=inside != period,
                                plan_period=plan_period)
    for left_out in plan.left_out:  # its schema mistake is told already; told with it, how its numbers are written
        for line in left_out.budget:
            yield from _amount(left_out.id, line)
        for indicator in left_out.indicators:
            yield from _values(indicator, Message("program {program}", program=left_out.id))


def _budget_year(program: Program, line: BudgetLine, plan_period: Period) -> Diagnostic:
    """E302: a budget line's year outside its program's period; where one year of the period has no line and the
    year looks typed for it (2082 or 2029 for 2028), that year is named. A year outside the plan too is not told to
    be taken into the program's period, which E301 would then refuse."""
    period = program.period
    if plan_period.start <= plan_period.end and period.start <= plan_period.end and period.end >= plan_period.start:
        period = Period(max(period.start, plan_period.start), min(period.end, plan_period.end))  # E301 tells the rest
    budgeted = {other.year for other in program.budget}
    typed = str(line.year)
    meant = [year for year in period.years if year not in budgeted and len(str(year)) == len(typed)
             and (sorted(str(year)) == sorted(typed) or sum(a != b for a, b in zip(str(year), typed)) == 1)]
    in_plan = line.year in plan_period or plan_period.start > plan_period.end
    if len(meant) == 1:
        hint = Message("did you mean {year}? It has no budget line; if not, make the program's period include "
                       "{typed}", year=str(meant[0]), typed=typed) if in_plan else \
            Message("did you mean {year}? It has no budget line; {typed} is outside the plan's years, {plan}",
                    year=str(meant[0]), typed=typed, plan=plan_period)
    else:
        hint = Message("give the amount a year of {period}, or make the program's period include {typed}",
                       period=period, typed=typed) if in_plan else \
            Message("give the amount a year of {period}: {typed} is outside the plan's years, {plan}",
                    period=period, typed=typed, plan=plan_period)
    return error(line.position, "E302", "program {program}: budget year {year} is outside the program period "
                 "{period}", hint, program=program.id, year=line.year, period=program.period)


def _ceiling_years(plan: Plan) -> Iterator[Diagnostic]:
    """E302: a year of plan.yml's APBD ceiling outside the plan period (no program's budget falls in it);
    E306: a ceiling written with dots for thousands (12.000), which YAML reads as a small decimal number."""
    period = plan.period
    for year, where in plan.apbd_ceiling_at.items():
        if period.start <= period.end and year not in period:
            yield error(where, "E302", "apbd_ceiling: year {year} is outside the plan period {period}",
                        Message("give the ceiling of the plan's years only, {period}", period=period),
                        year=year, period=period)
        amount = plan.apbd_ceiling[year]
        if isinstance(amount, float):
            yield error(where, "E306", "apbd_ceiling: the ceiling for {year}, written {written}, reads as {amount:,} "
                        "rupiah: YAML takes a dot for a decimal point", _without_dots(amount), year=year,
                        amount=round(amount), written=_as_written(amount))


def typed_short(amount: object) -> bool:
    """Whether a whole amount of rupiah is below :data:`LEAST_RUPIAH`: typed in thousands or millions, as a
    spreadsheet of "juta rupiah" shows it (800 for 800 juta). A budget line's (W313), a year's APBD ceiling's (W325)."""
    return isinstance(amount, int) and 0 < amount < LEAST_RUPIAH


def in_full(amount: int) -> Message:
    """The hint of W313 and W325: the amount written in whole rupiah, read as millions and as billions."""
    return Message("amounts are whole rupiah: {amount} juta is written {millions}, {amount} miliar {billions}",
                   amount=str(amount), millions=str(amount * 10**6), billions=str(amount * 10**9))


def _phase_years(plan: Plan) -> Iterator[Diagnostic]:
    """E305: a roadmap phase (plan.yml phases) that starts after it ends; E301: one whose years reach outside the
    plan period (the roadmap has no column for them)."""
    plan_period = plan.period
    for phase in plan.phases:
        period, name = phase.period, str(phase.name)
        if period.start > period.end:
            yield error(phase.at("period"), "E305", "phase {phase}: period starts after it ends ({start} > {end})",
                        "swap start and end", phase=name, start=period.start, end=period.end)
        elif plan_period.start <= plan_period.end and (period.start not in plan_period
                                                         or period.end not in plan_period):
            wholly = period.end < plan_period.start or period.start > plan_period.end
            yield error(phase.at("period"), "E301", "phase {phase}: period {period} lies outside the plan period "
                        "{plan_period}" if wholly else "phase {phase}: period {period} reaches outside the plan "
                        "period {plan_period}", Message("a phase holds years of the plan, within {plan_period}",
                                                        plan_period=plan_period),
                        phase=name, period=period, plan_period=plan_period)


def _as_written(amount: float) -> str:
    """An amount YAML read as a decimal number, as its file writes it (3.000, not 3.0)."""
    return amount.written if isinstance(amount, DotGrouped) else str(amount)


def _without_dots(amount: float) -> Message | str:
    """The hint of E306: the amount as written, without its dots."""
    written = amount.written if isinstance(amount, DotGrouped) else None
    return (Message("write it without dots: {whole} (or the whole amount, if more was meant)",
                    whole=written.replace(".", "")) if written else
            "write the amount in whole rupiah without dots, e.g. 2000000000")


def _outside(program: str, at: Position, period: Period, plan_period: Period) -> Diagnostic:
    """E301: a program's period that starts before the plan's, ends after it, both, or lies wholly outside it."""
    before, after = period.start < plan_period.start, period.end > plan_period.end
    wholly = period.end < plan_period.start or period.start > plan_period.end
    return error(at, "E301",
                 "program {program}: period {period} lies outside the plan period {plan_period}" if wholly else
                 "program {program}: period {period} starts before the plan period {plan_period} and ends after it"
                 if before and after else
                 "program {program}: period {period} starts before the plan period {plan_period}" if before else
                 "program {program}: period {period} ends after the plan period {plan_period}",
                 Message("a program of the plan runs within {plan_period}", plan_period=plan_period) if wholly else
                 Message("run it within {plan_period}", plan_period=plan_period) if before and after else
                 Message("start it in {year} or later; what was done before belongs in the baseline",
                         year=plan_period.start) if before else
                 Message("end it in {year} or earlier; the next plan carries it on", year=plan_period.end),
                 program=program, period=period, plan_period=plan_period)


def _amount(program: str, line: BudgetLine) -> Iterator[Diagnostic]:
    """E306: an amount written with dots for thousands (2.000), which YAML reads as a small decimal number;
    W313: a whole amount below a million rupiah, typed in millions or billions as a spreadsheet shows it."""
    if typed_short(line.amount):
        yield warning(line.amount_at, "W313", "program {program}: the budget for {year} is {amount}",
                      in_full(line.amount), program=program, year=line.year, amount=rupiah(line.amount))
    if isinstance(line.amount, float) and line.amount < LEAST_RUPIAH:  # "2.000": the schema's whole number 2.0
        yield error(line.amount_at, "E306", "program {program}: the budget for {year}, written {written}, reads as "
                    "{amount:,} rupiah: YAML takes a dot for a decimal point", _without_dots(line.amount),
                    program=program, year=line.year, amount=round(line.amount), written=_as_written(line.amount))


def _dot_grouped(value: DotGrouped, indicator: Indicator, where: Position, label: Message) -> Iterator[Diagnostic]:
    """A value written like a thousand with a dot (1.000, 2.500), which YAML reads as a decimal number, and whose dot
    the indicator does not show to be a decimal point (:meth:`Indicator.decimal_dot`).

    The indicator's plainly written values may show thousands: one a hundred times larger, or a whole number of a
    thousand or more (an error). Without plain values to tell, a value written .000 beside it shows thousands (an
    error); else a warning, with both readings (a decimal with three places written with a fourth, 3.1250, is not
    taken for thousands)."""
    values = (indicator.baseline_value, *indicator.targets.values(), *indicator.realised.values())
    if indicator.thousands_shown(value) or any(isinstance(v, DotGrouped) and v.written.endswith(".000")
                                               for v in values):
        yield error(where, "E307", "{label}: indicator '{indicator}': {written} reads as {number}: YAML takes "
                    "a dot for a decimal point", Message("write it without dots: {whole}",
                                                         whole=value.written.replace(".", "")),
                    label=label, indicator=str(indicator.name), written=value.written, number=float(value))
    else:
        yield warning(where, "W312", "{label}: indicator '{indicator}': {written} reads as {number}: YAML takes "
                      "a dot for a decimal point", Message("write {whole} if thousands are meant; a decimal number "
                                                           "with three places is written {longer}, so it is not "
                                                           "taken for thousands", whole=value.written.replace(".", ""),
                                                           longer=value.written + "0"),
                      label=label, indicator=str(indicator.name), written=value.written, number=float(value))


def _values(indicator: Indicator, label: Message) -> Iterator[Diagnostic]:
    """How an indicator's baseline, targets and realised figures are written: with a dot for thousands (E307, W312),
    or a decimal comma (W310)."""
    written = [(indicator.baseline_position or indicator.position, indicator.baseline_value)]
    written += [(indicator.target_positions.get(year, indicator.position), value)
                for year, value in indicator.targets.items()]
    written += [(indicator.realised_positions.get(year, indicator.position), value)
                for year, value in indicator.realised.items()]
    for where, value in written:
        if isinstance(value, DotGrouped) and not indicator.decimal_dot(value):  # 0.385, 2.875 beside 2.6: decimals
            yield from _dot_grouped(value, indicator, where, label)
        hint = number_as_text(value, indicator) if isinstance(value, str) else None
        if hint:  # 14,5, 25%, 1.500.000 or '100': text to YAML, which the charts and the open data leave out
            yield warning(where, "W310", "{label}: indicator '{indicator}': '{value}' is read as text, not a number",
                          hint, label=label, indicator=str(indicator.name), value=value)


_EXPONENT = re.compile(r"[-+]?\d+(?:\.\d*)?[eE][-+]?\d{1,3}")  #: 1e6, 2.5E3: a number with a power of ten


def number_as_text(value: str, indicator: Indicator) -> Message | None:
    """How to write a number that was written as text, or None for a text that is no number ("ada", "tersedia")."""
    text = value.strip()
    if _DECIMAL_COMMA.fullmatch(text):  # 14,5 as Indonesians write it
        whole, _, fraction = text.partition(",")
        if len(fraction) == 3 and whole.strip().lstrip("-") not in ("0", ""):  # 1,500: 1.5 or 1500? (0,125: 0.125)
            return Message("YAML writes a number without thousands marks and with a decimal point: {thousands} if "
                           "the comma marks thousands, {decimal} if it is a decimal comma", thousands=whole + fraction,
                           decimal=f"{whole}.{fraction.rstrip('0') or '0'}")
        return Message("YAML writes a decimal number with a point and no thousands marks: {number}",
                       number=text.replace(",", "."))
    if _THOUSANDS.fullmatch(text):  # 1.500.000: two dots or more make it text
        return Message("write it without dots: {whole}", whole=_plain_number(text))
    if _NUMBER.fullmatch(text):  # '100' in quotes
        return Message("write the number without quotes: {number}", number=text)
    if _EXPONENT.fullmatch(text):  # 1e6, 2.5E6: YAML reads a power of ten only with a point and a sign (1.0e+6)
        number = float(text)
        return Message("YAML reads 1e6 as text: write the number in full, {number}",
                       number=int(number) if number.is_integer() and abs(number) < 10**18 else number)
    written = _WITH_UNIT.fullmatch(text)
    if written and (written.group(2) == "%" or written.group(2).casefold() in str(indicator.unit).casefold()):
        return Message("write the number alone: {number}; the unit ({unit}) is written once, in unit",
                       number=_plain_number(written.group(1)), unit=str(indicator.unit))
    about = _ABOUT.fullmatch(text)
    if about:
        return Message("write the number alone: {number}", number=_plain_number(about.group(1)))
    span = _RANGE.fullmatch(text)
    if span:
        return Message("the charts and the open data need one number a year: write the target committed to, {low} "
                       "or {high}; the range may be said in the indicator's description",
                       low=_plain_number(span.group(1)), high=_plain_number(span.group(2)))
    bound = _BOUND.fullmatch(text)
    if bound:
        return Message("the charts and the open data need a number: write {number}, and say 'at most' or 'at least' "
                       "in the indicator's name", number=_plain_number(bound.group(1)))
    return None


def _plain_number(text: str) -> str:
    """``1.500`` → ``1500``, ``14,5`` → ``14.5``: a number as YAML reads it."""
    return (text.replace(".", "") if _THOUSANDS.fullmatch(text.split(",")[0]) else text).replace(",", ".")


def _targets(indicator: Indicator, period: Period, label: Message, what: Message,
             clipped: bool = False, plan_period: Period | None = None) -> Iterator[Diagnostic]:
    """``label``: "pillar X" or "program X"; ``what``: the period the targets belong in, in words; ``clipped``: the
    program's years cut to the plan's (its own period reaching outside it, E301), which are not to be widened;
    ``plan_period``: a target in none of its years is to be deleted (widening the program's period to reach it
    would only be E301)."""
    first = min(indicator.targets, default=None)
    if indicator.baseline_year is not None and first is not None and indicator.baseline_year >= first:
        yield warning(indicator.baseline_position or indicator.position, "W309",  # at the baseline, its subject
                      "{label}: indicator '{indicator}' has its baseline in {baseline}, not before its first target ({first})",
                      "the baseline is the condition before the plan: a year before the first target",
                      label=label, indicator=str(indicator.name), baseline=indicator.baseline_year, first=first)
    yield from _values(indicator, label)
    outside = [year for year in indicator.targets if year not in period]
    if outside:  # once per indicator: a period moved puts several of its targets out at once
        where = indicator.target_positions.get(outside[0], indicator.position)
        yield error(where, "E303", "{label}: indicator '{indicator}' has a target for {year}, outside {what} {period}"
                    if len(outside) == 1 else
                    "{label}: indicator '{indicator}' has targets for {years}, outside {what} {period}",
                    Message("the plan runs {plan_period}: delete the target for {year}" if len(outside) == 1 else
                            "the plan runs {plan_period}: delete the targets for {years}", plan_period=plan_period,
                            year=outside[0], years=listing(map(str, outside)))
                    if plan_period is not None and not clipped and not any(year in plan_period for year in outside)
                    else
                    Message("a target is for a year of {period}: delete the others, or widen the period",
                            period=period) if not clipped else
                    Message("a target is for a year of {period}: move the others into those years, or delete them",
                            period=period), label=label, indicator=str(indicator.name), year=outside[0],
                    years=listing(map(str, outside)), what=what, period=period)
