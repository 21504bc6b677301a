"""A whole number in words, as Indonesian writing asks for a count of one or two words (PUEBI: "lima misi", not
"5 misi") and English style for small counts: the chapters' filter ``words`` (``{{ plan.missions | length | words }}``
is "lima", "five" in an English edition), so a count a chapter states follows the plan's content.

Babel formats numbers but does not spell them out, so the words are here: Indonesian by its rules (sebelas, seratus,
seribu; juta, miliar, triliun), English in the short scale (one hundred five, twenty-one). Other languages, and
what is no whole number, are printed as numbers.
"""

from __future__ import annotations

_ID_UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
             "sebelas"]
_ID_SCALES = [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu")]
_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand")]
MOST = 10**15 - 1  #: the largest number spelt out: beyond it, a number is printed as one


def in_words(number: int, language: str) -> str | None:
    """``number`` in words in ``language`` ("id" or "en"); None for another language or a number out of range."""
    if not -MOST <= number <= MOST or language not in ("id", "en"):
        return None
    spell = _indonesian if language == "id" else _english
    words = spell(abs(number))
    return f"{'minus' if number < 0 else ''} {words}".strip()


def counted(number: int, language: str) -> str | None:
    """A count as running text writes it (PUEBI): in words when they are one or two ("lima", "sepuluh", "dua
    puluh"), else None, for figures (153, not "seratus lima puluh tiga")."""
    words = in_words(number, language)
    return words if words is not None and len(words.split()) <= 2 else None


def _indonesian(number: int) -> str:
    for scale, name in _ID_SCALES:
        if number >= scale:
            high, rest = divmod(number, scale)
            head = "seribu" if scale == 1000 and high == 1 else f"{_indonesian(high)} {name}"
            return f"{head} {_indonesian(rest)}" if rest else head
    if number < 12:
        return _ID_UNITS[number]
    if number < 20:
        return f"{_ID_UNITS[number - 10]} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{_ID_UNITS[tens]} puluh" + (f" {_ID_UNITS[rest]}" if rest else "")
    hundreds, rest = divmod(number, 100)
    head = "seratus" if hundreds == 1 else f"{_ID_UNITS[hundreds]} ratus"
    return f"{head} {_indonesian(rest)}" if rest else head


def _english(number: int) -> str:
    for scale, name in _EN_SCALES:
        if number >= scale:
            high, rest = divmod(number, scale)
            return f"{_english(high)} {name}" + (f" {_english(rest)}" if rest else "")
    if number < 20:
        return _EN_UNITS[number]
    if number < 100:
        tens, rest = divmod(number, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[rest]}" if rest else "")
    hundreds, rest = divmod(number, 100)
    return f"{_EN_UNITS[hundreds]} hundred" + (f" {_english(rest)}" if rest else "")
