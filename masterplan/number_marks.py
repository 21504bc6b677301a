"""Numbers a chapter formats itself, written with the marks of the edition it is filled in for.

Python formats a number with a decimal point and a comma between thousands, whatever the language: ``'%.1f' %
(2 / 3 * 100)``, ``'%.1f' | format(x)`` and ``'{:.1f}'.format(x)`` printed "66.7" into an Indonesian chapter, which
reads it as 667, and ``'{:,}'.format(plan.total_budget)`` "276,660,000,000", which it reads as 276 and a fraction.
These are how Jinja's own documentation rounds and groups a number. While a chapter is filled in (:func:`edition`),
each number such a format writes has its marks swapped for the edition's, "66,7" and "276.660.000.000"; the text
around it is left as written, and so is an English edition's.
"""

from __future__ import annotations

import contextvars
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

#: the language of the edition the chapter being filled in is for; none outside a chapter
_EDITION: contextvars.ContextVar[str | None] = contextvars.ContextVar("edition filled in", default=None)
#: where the chapter being filled in gathers each fraction it prints as long as a float holds: its template line, the
#: figure as printed, its count of decimals
_GATHERED: contextvars.ContextVar[list[tuple[int, str, int]] | None] = contextvars.ContextVar("long fractions",
                                                                                              default=None)
#: a fraction printed with this many significant digits or more, and three decimals or more, is a float's whole
#: length, a division's (66,666666666667; 3.952.285.714,285714): no figure of a plan is written so; so is one of ten
#: decimals or more (0,0009765625)
_FLOAT_DIGITS, _SOME_DECIMALS, _MANY_DECIMALS = 12, 3, 10
_DIGITS = re.compile(r"\d*")
#: the conversions that write a number with Python's marks ('%c' writes a character, '%x' a number in hexadecimal)
_MARKED = frozenset("diufFeEgGs")
#: a conversion of ``'%s' % value``: mapping key, flags, width and precision (a '*' takes them from the values), type
CONVERSION = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)


@contextmanager
def edition(language: str, gathered: list[tuple[int, str, int]] | None = None) -> Iterator[None]:
    """Numbers formatted within are written in ``language``'s marks, and the long fractions printed gathered in
    ``gathered`` (:func:`gather`)."""
    tokens = _EDITION.set(language), _GATHERED.set(gathered)
    try:
        yield
    finally:
        _EDITION.reset(tokens[0])
        _GATHERED.reset(tokens[1])


def gather(value: Any, written: str) -> None:
    """Keep ``written``, the text of ``value`` as the chapter prints it (in the edition's marks), with its count of
    decimals and the chapter line printing it, when it is a fraction as long as a float holds (W556); the first of a
    line only, cut to forty characters (a '%.999999f' of a million digits is quoted as such)."""
    gathered, language = _GATHERED.get(), _EDITION.get()
    if gathered is None or language is None or not isinstance(value, float):
        return
    mark = _swap(language).get(ord("."), ".")  # the edition's decimal mark
    decimals = len(_DIGITS.match(written.rpartition(mark)[2]).group()) if mark in written else 0  # type: ignore[union-attr]
    digits = len(re.sub(r"\D", "", written).lstrip("0"))  # significant: 0,000333 has three
    if decimals >= _MANY_DECIMALS or decimals >= _SOME_DECIMALS and digits >= _FLOAT_DIGITS:
        line = _template_line()
        if all(line != told for told, _, _ in gathered):
            gathered.append((line, written if len(written) <= 40 else written[:39] + "…", decimals))


def _template_line() -> int:
    """The chapter line the template is printing at: that of the innermost frame of its compiled code."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back  # type: ignore[assignment]
    return 0


@cache
def _swap(language: str) -> dict[int, str]:
    """What Python's '.' and ',' become in ``language``'s numbers: {'.': ',', ',': '.'} in Indonesian, none in English."""
    # Babel only for a chapter that formats a number
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from masterplan.formatting import locale_of
    locale = locale_of(language)
    marks = {ord("."): get_decimal_symbol(locale), ord(","): get_group_symbol(locale)}
    return {} if marks == {ord("."): ".", ord(","): ","} else marks


def marked(number: Any, written: str) -> str:
    """``written``, the text Python formatted of ``number``, in the marks of the edition being filled in when
    ``number`` is a number (not True or False)."""
    language = _EDITION.get()
    if language is None or isinstance(number, bool) or not isinstance(number, (int, float)):
        return written
    swap = _swap(language)
    return written.translate(swap) if swap else written


def percent(template: str, values: Any) -> str | None:
    """``template % values`` with each number written with a mark (a fraction, or any number by ``%.1f``) in the
    edition's marks, each conversion filled in apart; None when the edition writes Python's marks, no number needs
    them, or Python alone knows how to fill the template in (``'%s' % {'a': 1}``, a bracket in a key, a value too
    many or too few): Python's own ``%`` then, with its errors."""
    mapping = values if isinstance(values, Mapping) else None
    queue = list(values) if isinstance(values, tuple) else [values]
    conversions = list(CONVERSION.finditer(template))
    fractions = any(isinstance(value, float) for value in (mapping.values() if mapping is not None else queue))
    if _EDITION.get() is None or not _swap(_EDITION.get() or "") or not fractions and not any(
            found.group(4) in "fFeEgG" for found in conversions):
        return None
    pieces, last = [], 0
    try:
        for found in conversions:
            pieces.append(template[last:found.start()])
            last = found.end()
            if found.group(4) == "%":
                pieces.append("%")
                continue
            if mapping is not None:
                value = mapping[found.group(1)]  # KeyError for a conversion without a key: the mapping is the value
                text = found.group() % mapping
            else:
                taken = [queue.pop(0) for _ in range((found.group(2) == "*") + (found.group(3) == "*") + 1)]
                value, text = taken[-1], found.group() % tuple(taken)
            pieces.append(marked(value, text) if found.group(4) in _MARKED else text)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if mapping is None and queue:  # "not all arguments converted": Python says so
        return None
    return "".join(pieces) + template[last:]
