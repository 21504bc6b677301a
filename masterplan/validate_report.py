"""What ``masterplan validate`` reports: every check a build runs, those only rendering finds among them, and the
entries of plan.yml's accepted_warnings that accept nothing any more; or, for one file of the plan, that file's; or\nits errors alone.

The command line (:mod:`masterplan.cli`) only says it: these decide what is found.
"""

from __future__ import annotations

from pathlib import Path

from masterplan.diagnostics import Diagnostic, Report
from masterplan.filecache import FileCache
from masterplan.project import Checked, load_and_check


def everything(root: Path, cache: FileCache | None = None) -> Checked:
    """The plan in ``root`` loaded and checked as a build checks it, then rendered (what only rendering finds, as a
    build would; a final plan's warnings made errors do not stop it) and its accepted warnings judged."""
    checked = load_and_check(root, cache)
    if checked.plan is not None and all(d.raised for d in checked.report.errors):
        from masterplan.accepted_warnings import unused
        from masterplan.checks.templates import rendered
        checked.report.extend(rendered(checked.plan))
        if not checked.report.skipped:  # every warning is known: an entry accepting none is stale
            checked.report.extend(unused(checked.plan.accepted_warnings,
                                         [*checked.report.items, *checked.report.accepted], checked.report.raised,
                                         checked.plan.status == "final"))
    return checked


def narrowed(report: Report, only: str) -> list[Diagnostic]:
    """Keep in ``report`` the problems of the file ``only`` (an agency's staff checking their own file); returns the
    other files' problems, which validate counts."""
    others = [d for d in report.items if d.position.file != only]
    report.items = [d for d in report.items if d.position.file == only]
    report.accepted = [d for d in report.accepted if d.position.file == only]
    report.skipped &= {only}  # another file's "not checked further" pointed at errors not shown
    return others


def errors_only(report: Report) -> list[Diagnostic]:
    """Keep in ``report`` its errors alone (a plan of many warnings, whose errors stop the build, fixed first); returns
    the warnings left out, which validate counts."""
    hidden = report.warnings
    report.items = report.errors
    return hidden
