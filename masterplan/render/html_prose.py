"""Where the print HTML's prose is: the text between its tags, which the typographic passes change and nothing else.

Both passes over the print HTML (:mod:`typography`'s line breaks, :mod:`foreign_terms`' italics) read it
with :data:`NOT_PROSE`, so what one keeps as it is, the other does too; so does the site's one pass
(:func:`site_html.years_kept`). A tag is read with its attributes,
a quoted value to its closing quote: a ``>`` inside one (``<abbr title="a > b">``, which HTML allows and
nh3 before 0.3 writes unescaped) does not end the tag, or the rest of the value would be taken for prose
and a span or an ``<em>`` written into it would break the tag and print its remains (``">``). A comment
and an element whose content is no prose (an SVG, a style, a script) or no element's (a ``<title>``: a
PDF's metadata, an SVG's tooltip; a ``<textarea>``) are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

#: a comment, an element whose content is no prose, or a tag with its attributes (a quoted value read to its
#: closing quote)
NOT_PROSE = re.compile(r"<!--.*?-->|<(svg|style|script|title|textarea)\b.*?</\1\s*>|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
                       re.DOTALL | re.IGNORECASE)


def pieces(html: str) -> Iterator[tuple[str, str]]:
    """Each text of ``html`` and the tag (or comment, or element kept whole) after it; the last text's is ''."""
    done = 0
    for match in NOT_PROSE.finditer(html):
        yield html[done:match.start()], match.group(0)
        done = match.end()
    yield html[done:], ""


def in_prose(html: str, prose: Callable[[str], str]) -> str:
    """``html`` with ``prose`` applied to each text between its tags, never to a tag or what is kept whole."""
    return "".join(prose(text) + tag for text, tag in pieces(html))
