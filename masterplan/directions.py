"""Which way an indicator is better (``direction: up`` or ``down``): one fact, read by the content format's schema
(the values a file may write, and the Indonesian words for them), by the checks (W323: which way a target's step is
better; whether a realised figure met its target), by the formatting of an edition (the words beside the targets) and
by the site's templates (the arrow before them)."""

from __future__ import annotations

from typing import NamedTuple


class Direction(NamedTuple):
    """One way an indicator can be better."""

    words: str  #: the catalog's English message the book and the site print ("diharapkan naik" in Indonesian)
    arrow: str  #: the site's mark before the words, hidden from screen readers (they hear the words)
    sign: int  #: 1 when a larger value is better, -1 when a smaller one
    indonesian: tuple[str, ...]  #: the words people write for it in Indonesian, which validate tells to write as the value


#: each direction a plan may write, by the value its file takes
DIRECTIONS = {"up": Direction("higher is better", "↑", 1, ("naik", "meningkat")),
              "down": Direction("lower is better", "↓", -1, ("turun", "menurun"))}
