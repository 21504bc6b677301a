"""The space between a word and an inline element after it, moved where WeasyPrint 70 breaks the line right.

WeasyPrint 70 breaks a line a word or more too early where text ending in a space (or a no-break space) runs
into an inline element that does not fit on the line: it lays the text out again a pixel narrower, finds it
still fits but for its trailing space, and then keeps only the text's first word on the line. A program's
summary in the matrix read "memetakan risiko dan meman-" / "tau" / "tindak lanjut temuan secara" / "daring."
(the paragraph's last word is a ``<span class="last-word">``), an indicator "menerapkan" / "layanan" / "surat
daring" / "(kelurahan)" (its unit a ``<span class="unit">``). WeasyPrint 68 broke them where the line was full.

Where the space opens the inline element instead, the element itself offers the break and the text before it
ends on a word, which WeasyPrint breaks where it should:

- an element that draws nothing around its text and may wrap (``<em>``, ``<strong>``, a span of a class in
  :data:`PLAIN`) takes the space as its first character: ``secara<span class="last-word"> daring.</span>``;
- an element kept on one line (a class in :data:`UNBROKEN`, ``white-space: nowrap``), where a space inside
  would be no chance to break, and a cross-reference (a link, which would underline the space in some viewers,
  followed by its page) are wrapped with the space in a plain ``<span class="gap">``.

A badge or a highlighted code is left as it is (a space inside would be drawn with its background; none follows
a word). A space after a word is moved, and one after a span into a plain element after it: a space between a plain
name and the last word ("<span class="name">Inspektorat</span> <span class="last-word">Daerah</span>") stood in a
text of its own, narrower than a word's space in the PDF (pdfplumber read "InspektoratDaerah"); another stays.
"""

from __future__ import annotations

import re

#: classes of spans that draw nothing around their text and may wrap (book.css)
PLAIN = ("last-word", "unit", "compound", "count", "short", "year", "source", "index-agency-name", "prog", "name")
#: classes of spans kept on one line (their text holds no other element but an empty link whose page is printed)
UNBROKEN = ("nobreak", "pid", "page-of")

_SPACE_INTO = re.compile(r'(?:(?<=[^\s>])|(?<=</span>))([ \u00a0])(<(?:em|strong)(?: class="[^"<>]*")?>|<span class="(?:'
                         + "|".join(PLAIN) + r')">)')
_SPACE_AROUND = re.compile(r'(?<=[^\s>])([ \u00a0])(<span class="(?:' + "|".join(UNBROKEN) + r')">(?:[^<]|<a [^<>]*></a>)*</span>'
                           r'|<a class="xref[^"<>]*"[^<>]*>(?:[^<]|<span class="last-word">[^<]*</span>)*</a>)')


def spaces_into_elements(html: str) -> str:
    """``html`` (the print HTML, tags and all) with each space between a word and an inline element moved into
    the element, or with the element into a plain span; what a reader sees and copies is the same."""
    return _SPACE_AROUND.sub(r'<span class="gap">\1\2</span>', _SPACE_INTO.sub(r"\2\1", html))
