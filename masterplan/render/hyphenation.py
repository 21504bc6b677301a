"""Indonesian hyphenation for the book: Pyphen patterns built from the syllable rules of PUEBI.

WeasyPrint hyphenates with Pyphen's dictionary for the document's language. The Indonesian
one it ships (LibreOffice's ``hyph_id_ID``) splits some words between a consonant and the
vowel after it, which Indonesian syllables never do: "kelur-ahan", "mut-akhir", "sir-ene".
The patterns here allow a break only between syllables (PUEBI, *Pemenggalan Kata*):

- between two vowels, but not inside the diphthongs ai, au, ei, oi: da-e-rah, ke-u-ang-an;
- before a single consonant between two vowels: ke-lu-ra-han, where ng, ny, kh and sy
  count as one consonant: me-nya-ta-kan, mu-ta-khir, ma-sya-ra-kat;
- between two consonants, never inside ng, ny, kh, sy: ban-tu, tang-gal;
- before, not inside, a consonant followed by r or l that begins a syllable: ke-tram-pil-an;
- where three consonants meet, between the first and the second (PUEBI's in-stru-men):
  kon-struk-si, lan-skap, ab-strak; but after the borrowed "trans" and "eks", as KBBI
  divides them (trans-por-ta-si, trans-for-ma-si, eks-por), and in-fra-struk-tur.

A word never breaks before its last consonant and "an" (``-Can``): that is where a root
ends and the suffix -an begins (lingkung-an, keuang-an, pelayan-an), and the syllable rule
would split them as "lingku-ngan", "keua-ngan", "pelaya-nan", which PUEBI does not allow for
a suffixed word. Roots that end so ("ta-man", "de-ngan") and verbs with the suffix -kan
("menyata-kan", which looks like "kebija-kan", kebijak-an) lose that one break: a rule
without a dictionary that never breaks a word wrongly.

PUEBI also lets a prefixed word break after its prefix where a vowel follows ("ber-ada",
"meng-alir"); telling a prefix from a first syllable needs a dictionary of root words, so
those words break between syllables instead, or not at all ("wirau-saha" is the one kind of
wrong break left: "au" is taken for a diphthong). The English words a plan uses (:data:`ENGLISH`)
are not hyphenated at all.

:func:`register` hands the patterns to Pyphen for ``id`` (the book's ``lang``); the
three-letter minimum on each side stays with ``hyphenate-limit-chars`` in book.css.
"""

from __future__ import annotations

import hashlib
import tempfile
from functools import lru_cache
from pathlib import Path

import pyphen

from masterplan.output import write_whole
from masterplan.resources import user_cache

VOWELS = "aeiou"
CONSONANTS = "bcdfghjklmnpqrstvwxyz"
DIPHTHONGS = ("ai", "au", "ei", "oi")
DIGRAPHS = ("ng", "ny", "kh", "sy")  #: one consonant each
ONSETS = tuple(c + liquid for c in "bdfgkpt" for liquid in "rl")  #: begin a syllable together ("tra", "pla")
LANGUAGES = ("id", "id_ID")
#: English words a smart city plan uses, which Indonesian syllables would break where English does not
#: ("com-mand", "Con-trol"): never hyphenated
ENGLISH = ("branding", "center", "centre", "command", "control", "dashboard", "economy", "environment", "event",
           "governance", "government", "leading", "living", "masterplan", "mobile", "monitoring", "offline", "online",
           "platform", "public",
           "quick", "sector", "service", "smart", "society", "software", "startup", "website")


def patterns() -> list[str]:
    """The hyphenation patterns (TeX notation: an odd digit allows a break there, an even one forbids it)."""
    found = [f"{a}1{b}" for a in VOWELS for b in VOWELS if a + b not in DIPHTHONGS]
    found += [f"{pair[0]}2{pair[1]}" for pair in DIPHTHONGS]
    consonants = [*CONSONANTS, *DIGRAPHS]
    found += [f"{a}1{c}{b}" for a in VOWELS for c in consonants for b in VOWELS]
    found += [f"{a}1{b}" for a in CONSONANTS for b in CONSONANTS if a + b not in DIGRAPHS]
    found += [f"{pair[0]}2{pair[1]}" for pair in DIGRAPHS]
    found += [f"{a}1{onset}{b}" for a in VOWELS for onset in ONSETS for b in VOWELS]
    found += [f"{onset[0]}2{onset[1]}{b}" for onset in ONSETS for b in VOWELS]
    found += [f"{a}1s2{b}" for a in CONSONANTS for b in CONSONANTS]  # kon-struk-si, lan-skap: not "kons-truksi"
    found += [f"{stem}2s3{b}" for stem in ("tran", "ek") for b in CONSONANTS if (stem, b) != ("tran", "k")]
    found += ["fra1s4tr"]  # in-fra-struk-tur, a compound: not "infras-truktur"
    found += [f"2{c}an{after}." for c in consonants for after in ("", "nya", "lah", "kah", "mu", "ku")]  # lingku-ngan(nya)
    found += ["." + "8".join(word) + "." for word in ENGLISH]  # 8 outweighs every break allowed above
    return found


def register() -> None:
    """Make Pyphen, and so WeasyPrint, hyphenate Indonesian with :func:`patterns` (in this process)."""
    path = _dictionary()
    for name in LANGUAGES:
        pyphen.LANGUAGES[name] = path


@lru_cache(maxsize=1)
def _dictionary() -> Path:
    """The patterns as a Pyphen dictionary file, written once in the user's cache."""
    text = "UTF-8\n" + "\n".join(patterns()) + "\n"
    folder = user_cache("hyphenation") or Path(tempfile.mkdtemp(prefix="masterplan-"))  # ours alone, either way
    path = folder / f"hyph_id-{hashlib.sha256(text.encode()).hexdigest()[:16]}.dic"
    if not path.is_file():
        write_whole(path, text.encode("utf-8"))  # processes starting side by side
    return path
