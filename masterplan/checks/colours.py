"""A pillar's own colour (``colour:`` in its file) is the ground of white text, in the book's tables and on the
site's pillar pages and charts: dark enough to read it on, a contrast of 4.5:1 or more (WCAG AA), or W115."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan

LEAST_CONTRAST = 4.5  #: WCAG AA, for text of ordinary size


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for pillar in plan.pillars:
        if pillar.colour and (contrast := white_on(pillar.colour)) < LEAST_CONTRAST:
            yield warning(pillar.where.get("colour", pillar.position), "W115",
                          "white text on the pillar's colour {colour} has a contrast of {contrast:.1f}:1, less than "
                          "the {least}:1 people with weaker sight need to read it",
                          Message("choose a darker shade of it"), colour=pillar.colour, contrast=contrast,
                          least=LEAST_CONTRAST)


def white_on(colour: str) -> float:
    """The contrast ratio of white on ``colour`` ("#rrggbb"), as WCAG 2 defines it (1 to 21)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 1.05 / (luminance + 0.05)
