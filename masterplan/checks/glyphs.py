"""Characters the book cannot print: an emoji or a symbol none of its fonts has comes out of the PDF as an
empty box, or in a font of the machine that builds it where it has one (DejaVu draws ≥ and Arabic letters), which
another machine, or the next build's, may not have. Said by validate, at the line that wrote it, not only by a build
that lays out the PDF."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from masterplan.content_text import character_at, content_texts
from masterplan.diagnostics import Diagnostic, warning
from masterplan.i18n import plan_theme
from masterplan.model import Plan
from masterplan.resources import theme_dir

#: what the bundled fonts surely have (Latin up to Extended-A, and the punctuation a plan uses): a plan
#: of only these loads no font (tests/test_checks.py holds the fonts to it)
COMMON = re.compile(r"[^\x00-\u017f–—‘’‚“”„•…·×÷±²³°€™‰′″]")
FONT_SUFFIXES = (".ttf", ".otf")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    texts = content_texts(plan)
    rare = sorted({character for _, text in texts for character in COMMON.findall(text)
                   if not character.isspace() and (character.isprintable() or unicodedata.category(character) == "Co")})
    if not rare:
        return
    root = plan.content.parent if plan.content is not None else None
    covered = _covered(tuple(_fonts(root)))
    for character in rare:
        if ord(character) not in covered:
            yield warning(character_at(character, texts, plan), "W605", "no font of the book has the character "
                          "'{character}' ({code}): the PDF shows an empty box in its place, or borrows it from a font of the "
                          "machine that builds it, which another machine may not have",
                          _PRIVATE if unicodedata.category(character) == "Co" else "write it in words, or leave it out",
                          character=character, code=f"U+{ord(character):04X}")


#: the hint for a character of Unicode's private use area: a symbol of Word's Symbol or Wingdings font, pasted
_PRIVATE = ("a symbol of Word's Symbol or Wingdings font, which no other font draws: write it in words or leave it out; "
            "a bullet: start the line with '- '")


def drawn(plan: Plan, character: str) -> bool:
    """Whether a font of the plan's theme or of the default theme has ``character`` (else W605 said so)."""
    root = plan.content.parent if plan.content is not None else None
    return ord(character) in _covered(tuple(_fonts(root)))


def _fonts(root: Path | None) -> list[Path]:
    """The font files of the plan's theme and of the default theme."""
    folders = [*(plan_theme(root) if root is not None else ()), theme_dir()]
    return [path for folder in folders for path in sorted((folder / "fonts").glob("*"))
            if path.suffix.lower() in FONT_SUFFIXES]


@lru_cache(maxsize=4)
def _covered(fonts: tuple[Path, ...]) -> frozenset[int]:
    """The code points any of ``fonts`` draws (a file that is no font a renderer could use draws none)."""
    # only for a plan with a character beyond COMMON
    from fontTools.ttLib import TTFont, TTLibError
    covered: set[int] = set()
    for path in fonts:
        try:
            covered.update(TTFont(path, lazy=True)["cmap"].getBestCmap() or {})
        except (TTLibError, OSError, KeyError, TypeError, ValueError):
            continue
    return frozenset(covered)
