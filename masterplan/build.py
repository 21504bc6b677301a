"""The build, top to bottom: load → check → render (site, print, data) → write.

Everything is rendered into a fresh staging folder under build/; the previous output is
replaced only when every step succeeded, so a failed or killed build loses nothing.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan import (
    adopted_record,
    baseline,
    earlier_versions,
    names_history,
    output,
    plan_state,
    published_plan,
    translations,
)
from masterplan.alongside import Alongside
from masterplan.build_options import PROGRESS, READ, BuildOptions
from masterplan.diagnostics import ContentError, Message, Position, Report, error
from masterplan.filecache import FileCache
from masterplan.formatting import Formats
from masterplan.i18n import plan_words
from masterplan.kept_files import KeptFiles
from masterplan.model import Plan
from masterplan.project import load_and_check, speaker, warnings_alongside, warnings_of

if TYPE_CHECKING:
    from masterplan.render import companion_books, site_cache

STOPPED = Message("Build stopped: fix the errors above; the previous output is kept.")
STOPPED_STRICT = Message("Build stopped by --strict: fix the warnings above; the previous output is kept.")
#: the same, for a plan never built before: there is no output to keep
FIRST_STOPPED = Message("Build stopped: fix the errors above.")
FIRST_STOPPED_STRICT = Message("Build stopped by --strict: fix the warnings above.")



def _stopped(report: Report, root: Path) -> list[str]:
    """The summary of a build that stopped: for errors, or (with --strict) for warnings alone; that the previous
    output is kept only where there is one (a site or a book in build/)."""
    built = (output.build_folder(root) / output.SITE).is_dir() or (output.build_folder(root) / output.PDF).is_file()
    if report.errors:
        return [STOPPED if built else FIRST_STOPPED]
    return [STOPPED_STRICT if built else FIRST_STOPPED_STRICT]


#: said when another build of the plan (the preview's, or one in another window) holds build/ until it ends
WAITING = Message("Waiting for another build of this plan to finish (the preview's, or one in another window)...")


@dataclass
class BuildResult:
    ok: bool
    report: Report
    summary: list[str] = field(default_factory=list)
    plan: Plan | None = None  #: the loaded plan, when it could be read (errors or not)


def _site_snapshot(root: Path) -> site_cache.Snapshot:
    """The content and the site's theme as they are before the build reads them (:class:`site_cache.Snapshot`)."""
    from masterplan.render import site_cache
    from masterplan.render.theme import Theme
    return site_cache.Snapshot.of(root, Theme.for_plan(root).folders)


def run(root: Path, options: BuildOptions, cache: FileCache | None = None) -> BuildResult:
    """Build the plan folder ``root``; never raises for a content problem.

    ``cache`` (the preview's) remembers each file's parse for the next load in this process;
    without one, each file's parse is kept between runs (:mod:`kept_files`) unless ``--no-cache``.
    """
    if cache is None and options.cache:
        cache = KeptFiles()
    try:
        return _run(root, options, cache)
    finally:
        if cache is not None:
            cache.settle()  # the parses it keeps are written beside the build: waited for, never redone


def _written(exported: Alongside[list[str]] | None, folder: Path) -> dict[str, int]:
    """The open data's files' sizes, once written into ``folder`` (the data page shows them)."""
    from masterplan.render import data
    if exported is not None:
        exported.result()
    return data.sizes(folder)


def _untranslated(plan: Plan, staging: output.Staging) -> list[Message]:
    """The list of the texts the edition prints in another language, beside the book (:mod:`masterplan.translations`),
    and the lines that say so."""
    return translations.write_worksheet(plan.untranslated, staging, plan.content)


def _run(root: Path, options: BuildOptions, cache: FileCache | None) -> BuildResult:
    # --strict: warnings stop the build, so they are known before rendering; otherwise the
    # warning rules run beside the rendering (see project.warnings_alongside)
    sources = plan_state.fingerprint(root) if options.pdf else None  # before reading: an edit saved meanwhile shows
    read = _site_snapshot(root) if options.site else None  # the site's pages keyed by the files as read, likewise
    checked = load_and_check(root, cache, warnings=options.strict, final=options.final)
    if os.environ.get(PROGRESS) == "lines":
        print(READ, file=sys.stderr, flush=True)
    report = checked.report
    # warnings first where they may stop the build (a final plan's errors_when_final), or to be told with its errors
    eager = options.strict or bool(report.raised)
    if checked.plan is not None and not options.strict and (eager or report.failed()):
        report.extend(warnings_of(checked.plan, report.unreadable))
    if checked.plan is None or report.failed(options.strict):
        return BuildResult(False, report, _stopped(report, root), checked.plan)
    plan = checked.plan
    if options.base_url is None and plan.base_url:  # plan.yml's address, unless the command line gives one
        options = replace(options, base_url=plan.base_url)
    if options.one_shot:
        # the plan lives until the process ends: the cycle collector need not walk it again
        # while pages are rendered (a sixth of a large plan's build), nor touch its memory in
        # forked workers
        gc.freeze()
    warnings = list if eager else warnings_alongside(plan, report.unreadable)
    staging = output.Staging(output.build_folder(root), lambda: print(speaker(root, plan.language).say(WAITING), file=sys.stderr,
                                                           flush=True))
    summary: list[str] = []
    exported: Alongside[list[str]] | None = None
    companions: companion_books.Companions | None = None
    try:
        with staging:
            try:
                # the books in place, of an earlier version, kept before this build's replace them (W427: set aside)
                report.extend(earlier_versions.keep(plan, output.build_folder(root), staging.folder))
                if options.site:
                    from masterplan.render import data
                    from masterplan.render.workbook_kept import KeptWorkbook
                    folder, words = staging.path(output.SITE) / "data", plan_words(root, plan.language)
                    kept = KeptWorkbook(output.build_folder(root), output.build_folder(root) / output.SITE / "data"
                                        / data.workbook.NAME, reuse=options.cache)
                    # the open data needs only the plan: written by a second core while this one goes on
                    exported = Alongside(lambda: data.export(plan, folder, words, kept, options.base_url))
                if options.pdf:
                    from masterplan.render import companion_books, pdf
                    companions = companion_books.Companions(plan, root, staging, options, report)  # beside the book
                    summary += pdf.render(plan, root, staging, options, report, speaker(root, plan.language).say, sources)
                    summary += companions.collect()
                    earlier_versions.record(plan, staging.folder, plan_words(root, plan.language)("Draft"))
                if options.site:
                    from masterplan.render import site
                    assert read is not None  # taken before reading the plan whenever options.site
                    summary += site.render(plan, root, staging, options, report, lambda: _written(exported, folder),
                                           read)
                if exported is not None:
                    summary[:0] = exported.result()
                if options.site and (changed := baseline.summary_line(plan, Formats(plan.language, words))):
                    summary.append(changed)
                summary += _untranslated(plan, staging)
            finally:
                try:
                    if companions is not None:
                        companions.reap()  # a book that failed: its companions' child is not left running
                finally:
                    if exported is not None:
                        exported.reap()  # done writing before the staging folder is kept or thrown away
            if options.site and not report.errors:
                from masterplan.render import site_cache
                site_cache.keep_unchanged(output.build_folder(root) / output.SITE, staging.path(output.SITE))
                published_plan.keep(plan, output.build_folder(root), staging.folder)  # a revision's first build
                adopted_record.keep(plan, output.build_folder(root), staging.folder)  # an adopted version's first
                names_history.keep(output.build_folder(root), staging.folder)  # the names of every build before
            report.extend(warnings())
            if report.failed(options.strict):
                raise ContentError(report.errors)
    except ContentError as exc:
        report.extend(exc.diagnostics)
        report.extend(warnings())
        return BuildResult(False, report, _stopped(report, root), plan)
    except OSError as exc:  # a full disk or a read-only folder: the machine's problem, said plainly
        report.extend(warnings())
        report.add(error(Position(exc.filename and str(exc.filename) or "build"), "E901",
                         "cannot write the output: {detail}", "check disk space and permissions",
                         detail=exc.strerror or str(exc)))
        return BuildResult(False, report, [Message("Build stopped; the previous output is kept.")], plan)
    return BuildResult(True, report, summary + [Message("Output in {folder}", folder=output.build_folder(root))], plan)
