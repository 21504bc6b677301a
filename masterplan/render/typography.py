"""Line breaks a typesetter would not make, prevented in the print HTML before layout.

- A line may break after a hyphen, which suits "masing-/masing" but not "e-/Government",
  "Wi-/Fi" or "Diskop-/UM": a piece of one or two letters left alone at the end or the
  start of a line.
- Hyphenation splits words by syllables, which abbreviations do not have: "Bap-/pelitbangda",
  "Musren-/bang".

- "Kec. / Purworejo": an abbreviation with its full stop stays with the name after it
  (a no-break space).

Such words are wrapped in ``<span class="nobreak">`` (book.css keeps them on one line). Only
the text between tags is touched: not attributes, and not what ``<svg>``, ``<style>`` or
``<script>`` hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: tags and the elements whose content is not prose, kept as they are
_NOT_PROSE = re.compile(r"<svg\b.*?</svg>|<style\b.*?</style>|<script\b.*?</script>|<[^>]*>", re.DOTALL | re.IGNORECASE)
#: a word with a hyphen in it (letters and digits on each side), not part of a longer one
_HYPHENATED = r"\w+(?:-\w+)+"
SHORT = 2  #: pieces of this many letters or fewer stay with their neighbour
#: Indonesian abbreviations that stand before a name or a number ("Kec. Purworejo", "hlm. 12")
_BEFORE_NAME = re.compile(r"(?<![\w.-])(Kec|Kel|Kab|Prov|Jl|No|Hlm|hlm|Dr|Ir|H)\. (?=\w)")
HYPHENATED_FROM = 6  #: shorter words are never hyphenated (book.css: hyphenate-limit-chars)


def _keep(match: re.Match[str]) -> str:
    word = match.group(0)
    pieces = word.split("-")
    if match.group("name") or len(pieces[0]) <= SHORT or (len(pieces[-1]) <= SHORT and not pieces[-1].isdigit()):
        return f'<span class="nobreak">{word}</span>'
    return word


def keep_whole(html: str, abbreviations: Iterable[str] = ()) -> str:
    """``html`` with every hyphenated word that has a piece of one or two letters at either end, and
    every one of ``abbreviations`` (one word each) long enough to be hyphenated, kept on one line,
    and "Kec." and the like joined to the word after them."""
    names = sorted({name for name in abbreviations if len(name) >= HYPHENATED_FROM and re.fullmatch(r"[\w-]+", name)},
                   key=len, reverse=True)
    alternatives = f"(?P<name>{'|'.join(map(re.escape, names))})|" if names else "(?P<name>(?!))|"
    words = re.compile(rf"(?<![\w-])(?:{alternatives}{_HYPHENATED})(?![\w-])")
    def prose(text: str) -> str:
        return _BEFORE_NAME.sub("\\1.\u00a0", words.sub(_keep, text))

    parts: list[str] = []
    done = 0
    for match in _NOT_PROSE.finditer(html):
        parts.append(prose(html[done:match.start()]))
        parts.append(match.group(0))
        done = match.end()
    parts.append(prose(html[done:]))
    return "".join(parts)
