"""The plan's other books beside the book, laid out on a core of their own while the book's parts are.

The executive summary and the strategic analysis (:mod:`summary_book`, :mod:`analysis_book`) are each one
WeasyPrint pass of a few dozen pages: laid out after the book, they kept one core busy and the other idle for
some 3.5 s of a 300-program plan's build. With more than one job (``--jobs``), they are laid out in a forked child
(:class:`masterplan.alongside.Alongside`) started before the book, so they fill the cores the book's parts leave
idle (while its print HTML is made, while its contents wait for every page number, while it is joined). The child
reports into a report of its own, with the plan's raised and accepted warnings; its diagnostics and terminal lines
join the build's once the book is done. ``--jobs 1`` and the single-pass reference lay them out after the book, in
this process, as before.

Each is opt-in: one the plan no longer asks for (or, for the analysis, has no chapter for) goes with this build's
output (:meth:`masterplan.output.Staging.drop`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan import output
from masterplan.alongside import Alongside
from masterplan.diagnostics import Diagnostic, Report
from masterplan.model import Plan
from masterplan.render import analysis_book, pdf_workers, summary_book
from masterplan.render.pdf import SINGLE_PASS

if TYPE_CHECKING:  # build.py imports this module lazily; these names are for type checkers only
    from masterplan.build_options import BuildOptions

Render = Callable[[Plan, Path, output.Staging, "BuildOptions", Report], list[str]]


@dataclass
class Laid:
    """What laying the books out said: the terminal's lines and the diagnostics (a child's, as plain data)."""

    said: list[str]
    diagnostics: list[Diagnostic]


class Companions:
    """The books the plan asks for, started at once (beside, with more than one job) and :meth:`collect`-ed after
    the book; :meth:`reap` ends a child whose books are wanted no more (the build failed)."""

    def __init__(self, plan: Plan, root: Path, staging: output.Staging, options: BuildOptions, report: Report):
        wanted: list[Render] = []
        for asked, file, render in ((plan.executive_summary, output.SUMMARY_PDF, summary_book.render),
                                    (plan.strategic_analysis and bool(plan.analysis), output.ANALYSIS_PDF,
                                     analysis_book.render)):
            if asked:
                wanted.append(render)
            else:
                staging.drop(file)
        self.report = report
        self.later: Callable[[], Laid] | None = None
        self.beside: Alongside[Laid] | None = None

        def lay_out() -> Laid:
            mine = Report(raised=report.raised, acceptances=report.acceptances)  # as the build's files them
            said: list[str] = []
            for render in wanted:
                if not mine.errors:  # one with errors fails the build: the next one is not laid out for nothing
                    said += render(plan, root, staging, options, mine)
            return Laid(said, [*mine.items, *mine.accepted])

        if not wanted:
            return
        if beside(options):
            self.beside = Alongside(lay_out, yielding=True)
        else:
            self.later = lay_out

    def collect(self) -> list[str]:
        """The books' lines for the terminal, their diagnostics added to the build's. None is laid out (or a child's
        are let go) where the book had errors: the build fails, and its errors are what to fix."""
        if self.report.errors:
            self.reap()
            return []
        laid = self.beside.result() if self.beside is not None else self.later() if self.later is not None else None
        if laid is None:
            return []
        self.report.extend(laid.diagnostics)
        return laid.said

    def reap(self) -> None:
        """End a child still laying the books out (the build failed: their pages will not be kept), and wait for it."""
        if self.beside is not None:
            self.beside.cancel()
            self.beside = None
        self.later = None


def beside(options: BuildOptions) -> bool:
    """Whether the books are laid out beside the book: with more than one job, not for the single-pass reference."""
    return options.jobs != SINGLE_PASS and (options.jobs or pdf_workers.cores()) > 1
