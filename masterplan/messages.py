"""Messages said in the reader's language: an English template with named blanks, and its values.

``Message("unknown pillar '{pillar}'", pillar="livng")`` is the English text "unknown pillar
'livng'" (a ``str``: compared, sorted and tested as that), and remembers how it was made, so
:meth:`Message.say` can look the template up in the translation catalog and fill in the same
values in another language, numbers written with that language's marks (1,5; 10.000).
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from masterplan.i18n import Translator


class Message(str):
    """An English message that remembers its template and values, so it can be said in another language.

    ``Message("unknown pillar '{pillar}'", pillar="livng")`` is the text "unknown pillar 'livng'";
    :meth:`say` looks the template up in the catalog and fills in the same values (a value
    that is itself a Message is said in that language too).
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Message:  # noqa: PYI034 (typing.Self needs 3.11)
        self = super().__new__(cls, _fill(template, {name: _moment(value, "en") for name, value in values.items()}))
        self.template, self.values = template, values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return _message, (self.template, self.values)

    def say(self, translate: Translator) -> str:
        values = {name: say(value, translate) for name, value in self.values.items()}
        return _fill(translate.word(self.template), values, _number_marks(translate.language))


class _Numbers(string.Formatter):
    """Fills in a template, writing numbers with the language's marks: ``{seconds:.1f}`` 41,5 and ``{limit:,}`` 10.000."""

    def __init__(self, marks: dict[int, str]):
        self.marks = marks

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        return text.translate(self.marks) if isinstance(value, (int, float)) and not isinstance(value, bool) else text


def _fill(template: str, values: dict[str, Any], marks: dict[int, str] | None = None) -> str:
    # without values a template is text as written, braces and all (``{{`` still means one)
    if not values:
        return template.replace("{{", "{").replace("}}", "}")
    return _Numbers(marks).format(template, **values) if marks else template.format(**values)


@lru_cache(maxsize=8)
def _number_marks(language: str) -> dict[int, str] | None:
    """How ``language`` writes the decimal point and the thousands comma (None: as English does)."""
    if language == "en":  # the messages' own language: no need to import Babel
        return None
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol
    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None
    marks = str.maketrans({".": get_decimal_symbol(locale), ",": get_group_symbol(locale)})
    return None if marks == str.maketrans({".": ".", ",": ","}) else marks


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def say(text: Any, translate: Translator) -> Any:
    """``text`` in the translator's language when it is a :class:`Message` or a moment (a datetime, as the
    language writes a day and a time: 1 December 2026 22:00; 1 Desember 2026 22.00; a date, the day alone);
    anything else as it is."""
    return text.say(translate) if isinstance(text, Message) else _moment(text, translate.language)


def _moment(value: Any, language: str) -> Any:
    """A datetime as ``language`` writes a day and a time, a date as it writes a day; anything else as it is."""
    if not isinstance(value, datetime.date):
        return value
    # Babel, imported only for a message with a moment
    from masterplan.formatting import Formats
    formats = Formats(language, str)
    return formats.moment(value) if isinstance(value, datetime.datetime) else formats.date(value)


def listing(words: Iterable[Any], last: str = "and") -> Message:
    """``a, b and c`` (``last="or"``: ``a, b or c``) as a message, each word said in its language."""
    items = list(words)
    if len(items) < 2:
        return Message("{word}", word=items[0] if items else "")
    *head, tail = items
    body: Any = head[0]
    for item in head[1:]:
        body = Message("{first}, {then}", first=body, then=item)
    return Message("{first} or {last}" if last == "or" else "{first} and {last}", first=body, last=tail)


def rupiah(amount: int) -> Message:
    """An amount of money in a message, whole rupiah with the language's thousands mark: Rp 1,250,000 in English,
    Rp 1.250.000 in Indonesian."""
    return Message("Rp {amount:,}", amount=amount)


def excerpt(text: str, limit: int) -> str:
    """``text`` as a message quotes it: whole, or cut after the last word that fits in ``limit`` characters, with "…"
    (cut at the limit, "'**Kominfo bertanggung jawab atas layanan pe'" left a word half written)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut and text[limit - 1].isalnum():  # a word cut in two
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
