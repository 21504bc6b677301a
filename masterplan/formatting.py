"""Numbers, money and dates in the plan's language (Babel): ``Rp 1.250.000.000``, ``Rp 1,25 miliar``, ``1 Desember 2021``.

The one place where the rupiah format is defined; templates reach it through filters. Every language sets the sign
apart from the amount, ``Rp 1.250.000.000`` (English ``Rp 1,250,000,000``), as the plan's readers expect it (the
domain card: "readers expect Indonesian formatting: ``Rp 1.250.000.000``"), not against it as EYD V writes it.
"""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Callable
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import NumberPattern, parse_pattern
from babel.units import format_unit

from masterplan.directions import DIRECTIONS
from masterplan.funding_sources import FUNDING_SOURCE_NAMES

_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million")]
#: Babel rounds a number in the current decimal context, whose default 28 digits fail from 10^26 up
#: (a plan's total of large amounts): room for every digit of any float, or of an int of up to 397 digits;
#: a half rounded up, as people and spreadsheets round (2,125 → 2,13), not to the even digit (2,12)
_EVERY_DIGIT = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP)
_HUNDREDTH = decimal.Decimal("0.01")


def _scaled(amount: int) -> tuple[decimal.Decimal, str] | None:
    """``amount`` in the largest of :data:`_SCALES` it reaches once rounded to two decimals, half up:
    ``(Decimal("2.13"), "billion")`` for 2.125.000.000, ``(Decimal("1.00"), "billion")`` for 999.999.999
    (not 1.000 juta); None below a million once rounded (999.995 rupiah is 1 juta)."""
    for scale, word in _SCALES:
        value = (decimal.Decimal(abs(amount)) / scale).quantize(_HUNDREDTH, rounding=decimal.ROUND_HALF_UP)
        if value >= 1:
            return (value if amount >= 0 else -value), word
    return None


def funding_source(source: str, translate: Callable[[str], str]) -> str:
    """A funding source as the edition names it: one of the default sources in the catalog's words ("Swasta" is
    "Private sector" in English), any other as the plan spells it."""
    return translate(FUNDING_SOURCE_NAMES[source]) if source in FUNDING_SOURCE_NAMES else source


FALLBACK = "en"  #: the language numbers and dates are written in when the plan's is unknown to Babel
#: a language's region where the catalog has chosen one: its English is British ("licence", "realised"), and so are
#: its dates, "1 December 2021" (Babel's plain English is American: "December 1, 2021")
REGIONS = {"en": "en_GB"}


def locale_of(language: str) -> Locale:
    """The Babel locale numbers and dates are written in for ``language`` (:data:`REGIONS`, :data:`FALLBACK`)."""
    try:
        return Locale.parse(REGIONS.get(language, language).replace("-", "_"))
    except (ValueError, UnknownLocaleError):  # a code no language has ("od" for "id"): English, as W108 says
        return Locale.parse(REGIONS[FALLBACK])


RUPIAH_SIGN = "Rp "  #: the rupiah sign before an amount, set apart in every language (the module's docstring says why)


@cache
def _pattern(text: str) -> NumberPattern:
    """A Babel number pattern (``#,##0.##``), parsed once rather than on every number."""
    return parse_pattern(text)


class Formats:
    """Formatting functions bound to one language."""

    def __init__(self, language: str, translate: Callable[[str], str]):
        self.locale = locale_of(language)  # parsed once: Babel would parse a name on every call
        self.translate = translate
        self._written: dict[tuple[type, str, str], str] = {}  # Babel takes 50 µs a number; a plan repeats its amounts

    def language_name(self, code: str) -> str:
        """A language's name in this one: "id" is "Indonesian" in English, "en" "Inggris" in Indonesian; an unknown
        code as written."""
        try:
            return Locale.parse(code.replace("-", "_")).get_language_name(self.locale) or code
        except (ValueError, UnknownLocaleError):
            return code

    def funding_source(self, source: str) -> str:
        """A funding source's name in this language (:func:`funding_source`)."""
        return funding_source(source, self.translate)

    def direction(self, direction: str | None) -> str:
        """Which way an indicator is better, in this language ("lower is better"); "" where the plan does not say."""
        return self.translate(DIRECTIONS[direction].words) if direction in DIRECTIONS else ""

    def number(self, value: float | str | None, decimals: int = 2) -> str:
        """``1250000`` → ``1.250.000``; ``2.5`` → ``2,5``; text is returned as it is."""
        return self._decimal(value, "#" * decimals)

    def measure(self, value: float | decimal.Decimal | str | None, decimals: int) -> str:
        """A value of an indicator with exactly ``decimals`` places: ``2`` → ``2,0`` beside ``2,3``."""
        return self._decimal(value, "0" * decimals)

    def _decimal(self, value: float | decimal.Decimal | str | None, places: str) -> str:
        """``value`` with the decimal places of a Babel pattern (``##``: up to two, ``00``: two)."""
        if value is None:
            return "–"
        if isinstance(value, str):
            return value
        key = (type(value), repr(value), places)  # not the value: 0.0 and -0.0 are equal, but Babel writes "0" and "-0"
        written = self._written.get(key)
        if written is None:  # format_decimal, with its pattern parsed once
            try:
                with decimal.localcontext(_EVERY_DIGIT):
                    written = _pattern("#,##0" + ("." + places if places else "")).apply(value, self.locale)
            except decimal.InvalidOperation:  # more digits than any plan's figure (the schema bounds them)
                written = str(value)
            self._written[key] = written
        return written

    def percent(self, part: float, whole: float) -> str:
        """``part`` as a share of ``whole`` with one decimal: ``12,5%`` (``1,0%``, not ``1%``); "–" of nothing."""
        if not whole:
            return "–"
        if isinstance(part, int) and isinstance(whole, int):  # amounts: divided exactly, a half rounded up, as a
            with decimal.localcontext(_EVERY_DIGIT):  # spreadsheet shows their quotient (0,1075: 10,8%, not 10,7%)
                return self._decimal(decimal.Decimal(100 * part) / whole, "0") + "%"
        return self._decimal(100 * part / whole, "0") + "%"

    def shares(self, parts: list[int], whole: int) -> list[str]:
        """Each of ``parts`` as a share of ``whole``, each rounded as :meth:`percent` rounds it, so that a reader
        dividing one amount by the total finds the figure printed (50,4% for 50,36%); the note under such a column
        says that they may then add up to 99,9% or 100,1%."""
        return [self.percent(part, whole) for part in parts]

    def rupiah(self, amount: int | None) -> str:
        """The exact amount: ``Rp 1.250.000.000``; below zero with a minus before the sign, ``−Rp 100.000``, as the
        budget tables write an amount over the ceiling."""
        if amount is None:
            return "–"
        if amount < 0:
            return "−" + self.rupiah(-amount)
        return RUPIAH_SIGN + self.number(amount, 0)

    def rupiah_short(self, amount: int | None) -> str:
        """A rounded amount, written one way wherever it stands (a table, a chart's bar, a card): in miliar or
        triliun always with two decimals, ``Rp 23,00 miliar`` as ``Rp 42,30 miliar`` beside it; in juta whole
        when it is, ``Rp 450 juta``, else with two decimals, ``Rp 1,25 juta``; below a million, exact."""
        if amount is None:
            return "–"
        if amount < 0:
            return "−" + self.rupiah_short(-amount)
        scaled = _scaled(amount)
        if scaled is None:
            return self.rupiah(amount)
        value, word = scaled
        places = 0 if word == "million" and value == value.to_integral_value() else 2
        return f"{RUPIAH_SIGN}{self.measure(value, places)} {self.translate(word)}"

    def rupiah_difference(self, amount: int, short: bool = False) -> str:
        """A change of an amount, its sign written either way: ``+Rp 250.000.000``, ``−Rp 1,25 miliar``
        (``short``, as :meth:`rupiah_short` rounds); no change is ``Rp 0``."""
        written = self.rupiah_short(amount) if short else self.rupiah(amount)
        return "+" + written if amount > 0 else written

    def billions(self, amount: int) -> str:
        """An amount in billions of rupiah with two decimals, for a grid of amounts whose unit its caption
        states once: ``3,25`` for Rp 3.250.000.000, ``0,35`` for Rp 350 juta (rounded half up), ``<0,01`` for less
        than Rp 5 juta."""
        value = (decimal.Decimal(amount) / 1_000_000_000).quantize(_HUNDREDTH, rounding=decimal.ROUND_HALF_UP)
        if amount > 0 and not value:  # Rp 2,5 juta is no nothing: "0,00" stood beside the dash of an empty cell
            return "<" + self.measure(_HUNDREDTH, 2)
        return self.measure(value, 2)

    def file_size(self, size: int | None) -> str:
        """A download's size as people read it: ``2,3 MB``, ``450 kB`` (``1 MB``, not ``1.000 kB``), a no-break space
        between number and unit; "–" of none."""
        if size is None:
            return "–"
        kilobytes = max(1, round(size / 10**3))
        if kilobytes >= 1000:
            said = format_unit(size / 10**6, "digital-megabyte", length="short", format="#,##0.#", locale=self.locale)
        else:
            said = format_unit(kilobytes, "digital-kilobyte", length="short", locale=self.locale)
        # the number and its unit on one line: "kB)" alone under a phone's button ("Ringkasan Eksekutif (PDF, 147")
        return said.replace(" ", "\xa0")

    def date(self, value: datetime.date | None) -> str:
        """``1 Desember 2021``."""
        if value is None:
            return ""
        return format_date(value, format="long", locale=self.locale)

    def month(self, year: int, month: int) -> str:
        """A month and its year: ``Desember 2021``, in English ``December 2021``."""
        return format_date(datetime.date(year, month, 1), format="LLLL y", locale=self.locale)

    def moment(self, value: datetime.datetime) -> str:
        """A day and its time as the language writes them: ``30 November 2026 07.08``."""
        return f"{self.date(value.date())} {format_time(value, format='short', locale=self.locale)}"


_SPELT = re.compile(r"(?:(?:rp|idr)\.?\s*)?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?\s*"
                    r"(ribu|rb|juta|jt|miliar|milyar|m|triliun|t)?\.?(?:,-)?", re.IGNORECASE)
_POINT = re.compile(r"((?:(?:rp|idr)\.?\s*)?\d+)\.(\d{1,2})\s*(ribu|rb|juta|jt|miliar|milyar|m|triliun|t)", re.IGNORECASE)
#: the words people write amounts with, and the power of ten each stands for
_WORD_SCALES = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "m": 9, "triliun": 12, "t": 12}


def spelt_amount(text: str) -> int | None:
    """An amount written as people write it, in whole rupiah: ``Rp 450.000.000``, ``Rp 450.000.000,00``,
    ``600 juta``, ``1,2 miliar``, ``Rp 1,5 M`` → 1500000000; None when ``text`` is not one (or has
    more decimals than rupiah)."""
    point = _POINT.fullmatch(text.strip())
    if point:  # "1.5 miliar": with a word of scale, a point with one or two digits is a decimal point
        text = f"{point.group(1)},{point.group(2)} {point.group(3)}"
    found = _SPELT.fullmatch(text.strip())
    if not found or not (found.group(0).lower().startswith(("rp", "idr")) or found.group(3)):
        return None  # a plain "400.000.000" has its own hint
    whole, fraction, word = found.group(1).replace(".", ""), found.group(2) or "", found.group(3)
    places = _WORD_SCALES[word.lower()] if word else 0
    fraction = fraction.rstrip("0") if not word else fraction  # "Rp 450.000.000,00": no sen
    if len(fraction) > places:
        return None
    return int(whole + fraction.ljust(places, "0"))

