"""What the preview says of the PDF its pages link: of the plan as edited, or not, and why.

The site links the PDF the last good build wrote. While the preview runs, that PDF is often of an
earlier version of the plan: for the 10–60 s a background build takes after each edit, while the
content has errors, and for good when a build fails (a print template naming what the plan
lacks); the page said nothing of it, and its download button gave the old PDF as if current.
Beside each link to the PDF, the preview's page now says which: being made again, of an earlier
version, or failed (with the errors, ``file:line``); nothing when the PDF is of the plan as saved.
The published site says nothing of this.

Whether the PDF is of the plan as saved is known from the fingerprint of the plan's files the
build that wrote it recorded (:mod:`masterplan.plan_state`): after a restart too, when the
preview builds it again if not.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan import plan_state
from masterplan.i18n import Translator
from masterplan.output import PDF, build_folder
from masterplan.render import pdf_title

if TYPE_CHECKING:
    from masterplan.background import BackgroundBuild

CURRENT, BUILDING, FAILED, WAITING, EARLIER = "current", "building", "failed", "waiting", "earlier"
#: what the page says in each state (nothing when current); a failure's errors follow its words
WORDS = {
    BUILDING: "The PDF is being made again with your edits; until it is done, this link gives the previous one.",
    FAILED: "The PDF could not be made again; this link gives the previous one. What failed:",
    WAITING: "This PDF is of an earlier version of the plan: it is made again once the errors are fixed.",
    EARLIER: "This PDF is of an earlier version of the plan.",
}
#: what the page says beside a link to an open-data file (data/*.csv, plan.json, plan.xlsx), which the same
#: background build writes: a budget edit showed on the page at once while budget.csv gave the old figure for 25 s
FILE_WORDS = {
    BUILDING: "This file is being made again with your edits; until it is done, this link gives the previous one.",
    FAILED: "This file could not be made again; this link gives the previous one. What failed:",
    WAITING: "This file is of an earlier version of the plan: it is made again once the errors are fixed.",
    EARLIER: "This file is of an earlier version of the plan.",
}
SHOWN_ERRORS = 3  #: a failure's errors shown beside the link (all of them are in the terminal)


@dataclass(frozen=True)
class PdfState:
    """Where the PDF the site links stands, and the errors of the build that failed to replace it."""

    kind: str = CURRENT
    errors: tuple[str, ...] = ()

    def said(self, language: str, words: dict[str, str] = WORDS) -> str:
        """What the page says beside a link to a PDF (``words``: :data:`FILE_WORDS`, to an open-data file), in
        ``language``; empty when there is nothing to say."""
        if self.kind == CURRENT:
            return ""
        errors = list(self.errors[:SHOWN_ERRORS]) + (["…"] if len(self.errors) > SHOWN_ERRORS else [])
        return " ".join([_words(language)(words[self.kind]), *errors])


@functools.lru_cache(maxsize=8)
def _words(language: str) -> Translator:
    """The theme's words in ``language``, read once (the page asks for them with every rebuild)."""
    return Translator(language)


def outdated(root: Path) -> bool:
    """Whether the PDF in ``build/`` is missing or was built from other files than the plan's now. A PDF whose
    build recorded nothing (put there by hand, or built by an earlier version of this tool) is outdated when
    a file is newer than it."""
    pdf = build_folder(root) / PDF
    if not pdf.is_file():
        return True
    sources = pdf_title.built_from(pdf, build_folder(root))
    if sources is not None:
        return sources != plan_state.fingerprint(root)
    return plan_state.newest(root) > pdf.stat().st_mtime


def state(root: Path, background: BackgroundBuild, errors: bool) -> PdfState:
    """Where the PDF stands, the plan having ``errors`` or not."""
    if background.busy:
        return PdfState(BUILDING)
    failure = background.failure
    if failure is not None:
        return PdfState(FAILED, tuple(failure))
    if not outdated(root):
        return PdfState(CURRENT)
    return PdfState(WAITING if errors else EARLIER)
