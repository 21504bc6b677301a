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
_HYPHENATED = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")
SHORT = 2  #: pieces of this many letters or fewer stay with their neighbour
#: Indonesian abbreviations that stand before a name or a number ("Kec. Purworejo", "hlm. 12")
_BEFORE_NAME = re.compile(r"(?<![\w.-])(Kec|Kel|Kab|Prov|Jl|No|Hlm|hlm|Dr|Ir|H)\. (?=\w)")
HYPHENATED_FROM = 6  #: shorter words are never hyphenated (book.css: hyphenate-limit-chars)


def _nobreak(word: str) -> str:
    return f'<span class="nobreak">{word}</span>'


def keep_whole(html: str, abbreviations: Iterable[str] = ()) -> str:
    """``html`` with every hyphenated word that has a piece of one or two letters at either end, and
    every one of ``abbreviations`` (one word each) long enough to be hyphenated, kept on one line,
    and "Kec." and the like joined to the word after them.

    Each rule is a pass of its own over a text, run only where it can apply: on the 9 MB print
    HTML of a plan of 3,000 programs one pattern for them all took 1.3–1.7 s, these passes 0.5 s.
    """
    names = {name for name in abbreviations if len(name) >= HYPHENATED_FROM and re.fullmatch(r"[\w-]+", name)}
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    named = re.compile(rf"\b(?:{alternatives})\b") if names else None  # \b: much faster than look-arounds

    def name(match: re.Match[str]) -> str:
        text, (start, end) = match.string, match.span()
        if text[start - 1:start] == "-" or text[end:end + 1] == "-":
            return match.group(0)  # part of a compound ("e-Musrenbang"): the next pass decides
        return _nobreak(match.group(0))

    def short_piece(match: re.Match[str]) -> str:
        word = match.group(0)
        pieces = word.split("-")
        if word not in names and (len(pieces[0]) <= SHORT or (len(pieces[-1]) <= SHORT and not pieces[-1].isdigit())):
            return _nobreak(word)
        return word  # a compound that may break at its hyphen, or a name kept whole already

    def prose(text: str) -> str:
        if named:
            text = named.sub(name, text)
        if "-" in text:
            text = _HYPHENATED.sub(short_piece, text)
        if ". " in text:
            text = _BEFORE_NAME.sub("\\1.\u00a0", text)
        return text

    parts: list[str] = []
    done = 0
    for match in _NOT_PROSE.finditer(html):
        parts.append(prose(html[done:match.start()]))
        parts.append(match.group(0))
        done = match.end()
    parts.append(prose(html[done:]))
    return "".join(parts)
