"""The proper names a plan declares, which the book never hyphenates: "Kota Pasu-/ruan", "Kecamatan Pang-/gungrejo",
"Bap-/pelitbangda" read as two words, and a reader searching the PDF for the name does not find it.

The names are the city's (without its kind, "Kota" or "Kabupaten"), the agencies' short names ("Bappelitbangda",
"Kec. Panggungrejo": its district) and the glossary's terms written with a capital ("Musrenbang", "Satu Data
Indonesia"); of each, the words of :data:`SHORTEST` letters or more (a shorter one is never hyphenated: book.css's
``hyphenate-limit-chars``), ordinary words of a name ("Kota", "Dinas", "Kecamatan") left out. They are wrapped in
``<span class="name">`` (book.css: ``hyphens: manual``) by :func:`masterplan.render.typography.keep_whole`, as it
wraps a compound word: a word in the plan's text is matched whole and as written, so "pasuruan" in an address or
a lower-case ordinary word is left alone.
"""

from __future__ import annotations

import re

from masterplan.model import Plan

SHORTEST = 6  #: letters: book.css's hyphenate-limit-chars (6 3 3) hyphenates no shorter word
#: the words of a name that say what it is, not which: ordinary words, hyphenated as any other
KINDS = frozenset({"Kota", "Kabupaten", "Kecamatan", "Kelurahan", "Desa", "Dinas", "Badan", "Kantor", "Bagian",
                   "Daerah", "Provinsi"})
_WORD = re.compile(r"[^\W\d_]+")


def plan_names(plan: Plan) -> tuple[str, ...]:
    """The words of the plan's proper names, longest first, each once."""
    names = [plan.city, *(agency.short_name for agency in plan.agencies),
             *(term.term for term in plan.glossary if any(letter.isupper() for letter in term.term))]
    words = {word for name in names for word in _WORD.findall(str(name))
             if len(word) >= SHORTEST and word not in KINDS and word[0].isupper()}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding any of ``names`` as a whole word (not a piece of a longer one, nor of a hyphenated one)."""
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
