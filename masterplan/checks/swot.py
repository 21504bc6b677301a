"""The SWOT factors (plan.yml ``swot``) as the cells of the Markdown tables the chapters print them in.

A chapter prints them into a table of its own (``| {{ plan.swot.strengths | join('; ') }} |``), so a factor is a
table cell: a '|' in it ends its cell there and the next cell vanishes, a line break ends its row (E108), and an
empty item (``-``, ``""``, or a language's text left empty) prints an empty cell or a stray '; ' (E112). Each is
told at the factor's line.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, error
from masterplan.model import Plan
from masterplan.plan_parts import SWOT_KINDS


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    swot = plan.swot
    if swot is None:
        return
    for kind in SWOT_KINDS:
        for index, factor in enumerate(getattr(swot, kind)):
            where = swot.where.get(f"{kind}[{index}]", plan.position)
            texts = factor.values.values()
            written = " ".join(texts)
            if "|" in written:
                yield error(where, "E108", "swot.{kind}: a factor holding '|' splits the table a chapter prints it in",
                            "write it without '|', e.g. with '/' or 'dan'", kind=kind)
            elif "\n" in written or "\r" in written:  # a block (- |) keeps even its last line break
                yield error(where, "E108", "swot.{kind}: a factor holding a line break ends the row of the table a "
                            "chapter prints it in", "write each factor on one line; make two factors of it if it "
                            "says two things", kind=kind)
            elif any(not text.strip() for text in texts):
                yield error(where, "E112", "{field} is empty", "write the factor in words, or delete its item",
                            field=f"swot.{kind}[{index + 1}]")
