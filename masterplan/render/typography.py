"""Line breaks a typesetter would not make, prevented in the print HTML before layout.

- A line may break after a hyphen, which suits "masing-/masing" but not "e-/Government",
  "Wi-/Fi" or "Diskop-/UM": a piece of one or two letters left alone at the end or the
  start of a line. Such words are wrapped in ``<span class="nobreak">`` (book.css keeps
  them on one line).
- Any other word of letters with a hyphen ("Inisiatif-inisiatif", "perundang-undangan") may
  break at its hyphen but is not hyphenated again ("Inisia-/tif-inisiatif"): WeasyPrint
  hyphenates its pieces as words of their own, so it is wrapped in ``<span class="compound">``,
  which book.css keeps from hyphenation. A code with digits ("GOV-01") is too short to hyphenate.
- A proper name the plan declares (:mod:`proper_names`: "Pasuruan", "Bappelitbangda") is wrapped in
  ``<span class="name">``, which book.css keeps from hyphenation.
- A range of years or of other numbers is not parted after its dash ("2022–/2031", "skala 0–/100").
- An apostrophe typed in a YAML field ("masjid jami'", "Al-Qur'an") is printed as the chapters print theirs: ’.
- A number is not parted from its unit or its currency: "35 / km²", "208 / ribu jiwa",
  "Rp / 276.660.000.000" break no more (a no-break space joins them); nor does a scale or a step from its
  number ("indeks skala / 5").
- A run of more than :data:`LONGEST_WORD` characters without a space (a pasted hash, key or address) is
  wrapped in ``<span class="unspaced">``, which book.css keeps from hyphenation, and given a break
  opportunity (a zero-width space, which a reader copying the text does not get) every :data:`PIECE`
  characters. WeasyPrint's hyphenation of one word takes time with the square of its length and more
  (500 letters 0.4 s, 1,000 letters 1.8 s, 2,000 about 25 s), and so does breaking it anywhere
  (``overflow-wrap``: 20,000 letters 11.7 s): one such string stalled the whole book. In pieces, 20,000
  letters take 0.6 s. A hyphen added inside a code or an address would also be read as part of it. No
  Indonesian word comes near ("ketidakbertanggungjawaban" has 25 letters).
- A paragraph does not end on a piece of a word alone on its last line ("dipantau ber-/sama."):
  its last word is not hyphenated, and a heading's last word does not stand alone on its
  last line (:func:`whole_last_words`).

Only the text between tags is touched (:mod:`html_prose`): not attributes (a ``>`` in a quoted value
included), not comments, and not what ``<svg>``, ``<style>``, ``<script>`` or ``<title>`` hold. Every
span added is one more inline box in a paragraph, and WeasyPrint 68 sometimes sets a hyphenated
word's first half alone on a line when an inline box comes later in the paragraph (bold text does it
too); abbreviations ("Bappelitbangda") were so left to hyphenation. WeasyPrint 70 hyphenated them ("Bap-/pelitbangda"):
the plan's names are now wrapped.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from masterplan.render.html_prose import in_prose

#: a word with a hyphen in it (letters and digits on each side), not part of a longer one
_HYPHENATED = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")
SHORT = 2  #: pieces of this many letters or fewer stay with their neighbour
#: what a number measures or counts in a plan, kept on the number's line
UNITS = ("km²", "km", "m²", "m³", "m", "cm", "mm", "ha", "kg", "ton", "liter", "kWh", "kW", "MW", "Mbps", "Gbps",
         "GB", "TB", "detik", "menit", "jam", "hari", "minggu", "bulan", "tahun", "tahap", "persen", "ribu",
         "juta", "miliar", "triliun")
#: the space between a number and its unit; and between "Rp" and an amount (each pattern starts with
#: its literal text, which the regular expression engine looks for quickly)
_UNIT_SPACE = re.compile(r" (?<=\d )(?=(?:" + "|".join(UNITS) + r")(?![\w²³]))")
_CURRENCY_SPACE = re.compile(r"Rp (?=\d)(?<![\w.,]Rp )")
#: a scale or a step and its number: "indeks skala / 5" left the 5 alone on a line of a narrow unit column
_NUMBERED_SPACE = re.compile(r"\b(skala|tahap|fase|level|tingkat|jilid) (?=\d{1,3}(?![\w.,]))", re.IGNORECASE)
#: an apostrophe after a letter, as a YAML field has it (Jinja writes it &#39;): "jami'" printed as the chapters
#: print it, "jami’"; left as written where a straight quote opens a quotation in the same text ('Pasar')
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])&#39;")
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(]))&#39;(?=\w)")
#: a range of years (the site's pages keep it on one line: site_html)
YEAR_RANGE = re.compile(r"(?<![\w–-])\d{4}–\d{4}(?![\w–-])")
#: a range of numbers, years or others, never broken after its dash in the book ("Tahun 2022–" / "2031" on a cover
#: with a longer title, "poin (skala 0–" / "100)" in a quick win's narrow target column)
_NUMBER_RANGE = re.compile(r"(?<![\w–-])\d+(?:[.,]\d+)*–\d+(?:[.,]\d+)*(?![\w–-])")
#: a range of years and the word before it, if any: "RPJMD 2021–2026", "Renstra 2021–2026", also typed with a hyphen
#: ("RPJMD 2021-2026", as a YAML field often has it); with the words joined to that word by no-break spaces
#: ("Kota\xa0Pasuruan 2022–2031"), as WeasyPrint 70 breaks a line a word or two too early where text ending in a
#: no-break space runs into an inline element (the cover read "Masterplan" / "Smart" / "City Kota Pasuruan …", and
#: an adopted book's annex heading parted "KOTA PROBOLINGGO" from "2022–2026": test_adopted_book checks it)
_WORD_AND_YEARS = re.compile(r"(?<![\w–-])(?:(?:[^\W\d_][\w.]*\u00a0)*[^\W\d_][\w.]*[ \u00a0])?\d{4}[–-]\d{4}(?![\w–-])")
LONGEST_WORD = 40  #: characters: a longer run without a space is no word to hyphenate
PIECE = 10  #: characters of such a run between two chances to break the line
_UNSPACED = re.compile(rf"[^\s<>]{{{LONGEST_WORD + 1},}}")
#: a run's next piece (an entity, "&amp;", counts as one character and is never cut) before more of the run
_PIECE = re.compile(rf"(?:&#?\w+;|.){{{PIECE}}}(?=.)")
#: a paragraph's or list item's last word (text, not a tag, before its end): never hyphenated, so no
#: paragraph ends with a piece of a word alone on its last line ("dipantau ber-/sama.")
_LAST_WORD = re.compile(r"(\s)([^\s<>]{2,}[^\s<>-])((?:\s*</(?:a|em|strong|span)>){0,2}[.,;:!?)»”]*\s*</(?:p|li|dd)>)")
#: a heading's end, and its last two words (text, not tags) before it: the last never stands alone on a line
_HEADING_CLOSE = re.compile(r"</h[1-6]>")
_LAST_TWO = re.compile(r"(?<=[\s>])[^<>\s]{1,24} [^<>\s]{1,16}$")
#: and of a program's summary in the matrix (other cells are narrow: a long name there must still break), whose
#: text may hold the spans :func:`keep_whole` adds ("Data antar-OPD …")
_SUMMARY_LAST_WORD = re.compile(r'(<span class="summary">(?:[^<]|<span class="(?:nobreak|compound|name)">[^<]*</span>)*\s)'
                                r'([^\s<>]{2,}[^\s<>-])(</span>)')


def _nobreak(word: str) -> str:
    return f'<span class="nobreak">{word}</span>'


def _compound(word: str) -> str:
    return f'<span class="compound">{word}</span>'


def _in_pieces(run: re.Match[str]) -> str:
    pieces = _PIECE.sub(lambda piece: piece.group(0) + "\u200b", run.group(0))
    return f'<span class="unspaced">{pieces}</span>'


def keep_whole(html: str, names: re.Pattern[str] | None = None) -> str:
    """``html`` with every hyphenated word that has a piece of one or two letters at either end
    kept on one line, every other one of letters kept from hyphenation, every number with its
    unit, currency or scale, every range of numbers whole, every run of characters too long for a word
    broken without hyphens, every one of ``names`` (:func:`proper_names.names_pattern`) kept from hyphenation; and a
    field's typed apostrophe as the chapters print theirs.

    "Kec. Panggungrejo" is not joined by a no-break space: in the matrix's narrow agency
    columns the pair is wider than the column, which then split the name mid-word.
    """
    def short_piece(match: re.Match[str]) -> str:
        word = match.group(0)
        pieces = word.split("-")
        if len(pieces[0]) <= SHORT or (len(pieces[-1]) <= SHORT and not pieces[-1].isdigit()):
            return _nobreak(word)
        if word.replace("-", "").isalpha():
            return _compound(word)  # it may break at its hyphen, and only there
        return word  # a code: "GOV-01", "ISO-27001"

    def words(text: str) -> str:
        if "&#39;" in text and not _OPENING_QUOTE.search(text):  # before the spans below: "Al-Qur'an" is "Al-Qur" one
            text = _APOSTROPHE.sub("\u2019", text)
        if names is not None:
            text = names.sub(lambda match: f'<span class="name">{match.group(0)}</span>', text)
        if "-" in text:
            text = _HYPHENATED.sub(short_piece, text)
        if " " in text:
            text = _CURRENCY_SPACE.sub("Rp\u00a0", _UNIT_SPACE.sub("\u00a0", text))
            text = _NUMBERED_SPACE.sub("\\1\u00a0", text)
        if "–" in text:
            text = _NUMBER_RANGE.sub(lambda m: _nobreak(m.group(0)), text)
        return text

    def prose(text: str) -> str:  # a long run first: the rules for words would cut it into pieces too short
        if len(text) <= LONGEST_WORD:
            return words(text)
        parts, done = [], 0
        for run in _UNSPACED.finditer(text):
            parts += [words(text[done:run.start()]), _in_pieces(run)]
            done = run.end()
        return "".join(parts) + words(text[done:])

    return in_prose(html, prose)


def years_with_their_word(html: str) -> Markup:
    """``html`` (a table cell's or a title's text; plain text is escaped) with each range of years, its dash an en
    dash or a hyphen, kept on one line with the word before it: the revision history's narrow column printed "RPJMD
    2021–" at a line's end and "2026." on the next, and parting "RPJMD" from its years reads no better. Its cells are printed outside the chapters, which
    :func:`keep_whole` treats."""
    return Markup(in_prose(str(escape(html)), lambda text: _WORD_AND_YEARS.sub(
        lambda match: _nobreak(match.group(0)), text) if "–" in text or "-" in text else text))


def whole_last_words(html: str) -> str:
    """``html`` with the last word of a paragraph, list item, definition or program summary kept from hyphenation
    (``<span class="last-word">``) where it is text before the end (or before one or two closing inline tags
    and punctuation), so none ends with a piece of a word alone on its last line; and a heading's last two
    words joined, so a wrapped heading never leaves one word alone ("Ramah")."""
    whole = r'\1<span class="last-word">\2</span>\3'
    html = _SUMMARY_LAST_WORD.sub(whole, _LAST_WORD.sub(whole, html))
    parts, done = [], 0
    for close in _HEADING_CLOSE.finditer(html):  # a span, not a no-break space: the words stay findable by search
        words = _LAST_TWO.search(html, max(done, close.start() - 48), close.start())
        if words:
            parts += [html[done:words.start()], f'<span class="nobreak">{words.group()}</span>']
            done = words.end()
    return "".join(parts) + html[done:]
