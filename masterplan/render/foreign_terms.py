"""Foreign terms in italics in a book not in English, as EYD V (Ejaan Bahasa Indonesia yang Disempurnakan, 2022)
sets a word of another language in Indonesian text.

A chapter writes its own *quick win*; the theme's words ("indikasi anggaran seluruh quick win") and the plan's
plain-text fields (a program's summary, a readiness table's cell) cannot. This pass sets the terms of
:data:`FOREIGN` in italics wherever the print HTML's prose has them and no ``<em>`` or ``<i>`` does already.
Only in small letters: a capitalised "Smart City" or "Command Center" is part of a name (the document's title,
a pillar's, a program's), and EYD V does not italicise a name. English editions are left as they are.
"""

from __future__ import annotations

import re

from masterplan.render.html_prose import pieces

#: English terms an Indonesian plan uses as they are (the sample's chapters write each in italics), a plural
#: before its singular ("quick wins" before "quick win")
FOREIGN = ("quick wins", "quick win", "smart city", "command center", "leading sector", "e-government", "e-planning",
           "e-budgeting", "e-reporting", "events", "event", "monitoring")
_TERM = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(term) for term in FOREIGN) + r")(?![\w-])")
_ITALIC_OPEN = re.compile(r"<(em|i|code|pre)\b", re.IGNORECASE)
_ITALIC_CLOSE = re.compile(r"</(em|i|code|pre)\s*>", re.IGNORECASE)


def _marked(text: str) -> str:
    return _TERM.sub(r'<em class="foreign">\g<0></em>', text)


def italicised(html: str, language: str) -> str:
    """``html`` with each term of :data:`FOREIGN` in its prose wrapped in ``<em class="foreign">``, outside
    ``<em>``, ``<i>``, ``<code>`` and ``<pre>``, never in a tag's attributes or a ``<title>``; as it is in English."""
    if language == "en" or not _TERM.search(html):
        return html
    parts: list[str] = []
    depth = 0
    for text, tag in pieces(html):  # tags, comments, a <title>, what an SVG holds: kept as they are
        parts += [text if depth else _marked(text), tag]
        if _ITALIC_OPEN.match(tag):
            depth += 1
        elif _ITALIC_CLOSE.match(tag):
            depth = max(0, depth - 1)
    return "".join(parts)
