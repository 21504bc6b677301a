"""Dates as people write them in a plan: 2025-01-15, 15/01/2025, 15 Januari 2025. Read without Babel,
which only printing a date needs (its import costs validate ~30 ms)."""

from __future__ import annotations

import datetime
import re

#: a date as YAML and ISO write it: 2025-01-15
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
#: a date as Indonesians write it, the day first: 15-01-2026, 15/1/2026, 15.01.2026, 15 Januari 2026, 1 Des 2021
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})\s*(?:([-/.])\s*(?P<month>\d{1,2})\s*\2|(?P<name>[^\W\d_]+))\s*(?P<year>\d{4})")
_MONTHS = {name: number for number, names in enumerate(
    [("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"), ("maret", "march", "mar"),
     ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
     ("agustus", "august", "agu", "aug"), ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"),
     ("november", "nov", "nopember"), ("desember", "december", "des", "dec")], start=1) for name in names}


def spelt_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date as written (2025-01-15, 15/01/2025, 15 Januari 2025), not yet checked to be
    a day of the calendar; None for text that is no date ("Desember 2021")."""
    found = _ISO_DATE.fullmatch(text.strip()) or _DAY_FIRST.fullmatch(text.strip())
    if not found:
        return None
    named = found.groupdict().get("name")
    month = _MONTHS.get(named.lower()) if named else int(found.group("month"))
    return (int(found.group("year")), month, int(found.group("day"))) if month else None


#: a month as written under a signature: Desember 2021, Des 2021, December 2021
_MONTH_YEAR = re.compile(r"(?P<name>[^\W\d_]+)\.?\s+(?P<year>\d{4})")


def spelt_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a month written by its name and year ("Desember 2021"); None for any other text, and for
    a year no calendar has (0000)."""
    found = _MONTH_YEAR.fullmatch(text.strip())
    month = _MONTHS.get(found.group("name").lower()) if found else None
    return (int(found.group("year")), month) if found and month and int(found.group("year")) >= 1 else None


def calendar_day(text: str) -> datetime.date | None:
    """The day ``text`` writes ("15 Januari 2023", "15/01/2023", 2023-01-15), if it is one of the calendar; None for
    a month or a year ("Desember 2021"), or a day there is not (31 Februari)."""
    numbers = spelt_date(text)
    try:
        return datetime.date(*numbers) if numbers else None
    except ValueError:
        return None
