"""The live preview's view of the plan: loaded in-process, pages rendered on demand, errors kept.

After each edit the plan is loaded and checked again in this process (templates stay
compiled), and the list of site pages is rebuilt; nothing is rendered until a browser
asks for a page, so an edit reaches the open page after one load and one page render,
whatever the plan's size. Rendered pages are kept until the next edit.

When the content has errors, the last good pages stay and :attr:`Preview.errors` says
what to fix; the server lays them over every page. The files under ``build/site`` are
brought up to date by a background build (see :mod:`masterplan.watch`).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import jinja2

from masterplan import collector, jinja_words, output, project
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    Report,
    Severity,
    error,
)
from masterplan.kept_files import RememberedFiles
from masterplan.preview_told import WARNINGS_SETTLE, Told
from masterplan.render import site_files, site_links
from masterplan.render.site_links import PAGES
from masterplan.render.theme import Theme, template_position
from masterplan.serve_pdf import PdfState


class Warned(NamedTuple):
    """The plan's warnings as the pages list them: their lines, past fifty of one code in one file a line counting the
    rest (:mod:`masterplan.many_alike`), and how many there are."""

    lines: tuple[str, ...] = ()
    total: int = 0


@dataclass
class Rebuilt:
    """What a check of the plan found, before the page and the terminal show it."""

    report: Report
    later: list[Callable[[], list[Diagnostic]]]  #: the warning rules to run (none for a plan with errors)
    took: float  #: seconds


@dataclass
class Pages:
    """One good plan's site pages, by path, and how to render one."""

    render: Callable[[Any], str]
    by_path: dict[str, Any]
    rendered: dict[str, str] = field(default_factory=dict)
    #: files of the plan the site carries under another name (the logo, ``static/logo.svg``), by that name: served
    #: as saved, where the site's copy is the last build's
    files: dict[str, Path] = field(default_factory=dict)


def site_pages(plan: Any, root: Path, pdf_size: int | None, problems: list[Diagnostic],
               base_url: str | None = None, companions: dict[str, int] | None = None,
               data_sizes: dict[str, int] | None = None) -> Pages:
    """The site's pages for ``plan``, rendered lazily by the same code as ``masterplan build``; ``pdf_size`` and
    ``companions``: the linked book's size, None when not linked, and its other books' by their page's key
    (site_links.COMPANIONS), each one not linked left out; ``data_sizes``: the open data's files' by name."""
    from masterplan.build_options import BuildOptions
    from masterplan.render import site

    report = Report(acceptances=plan.accepted_warnings)  # the renderer's warnings plan.yml accepts, too
    options = BuildOptions(pdf=False, search=False, cache=False, base_url=base_url)
    prepared = site.prepare(plan, root, options, report, pdf_size, companions, data_sizes)
    problems.extend(report.items)
    for page in prepared.pages:  # shown for a missing page at any depth of this server: its links start at "/"
        if page.path == site.PAGES["not_found"]:
            page.root = "/"
    logo = site_files.logo_path(plan, root)
    return Pages(prepared.render_page, {page.path: page for page in prepared.pages},
                 files={logo: root / "content" / plan.logo} if logo and plan.logo else {})


def _size(pdf: Path) -> int | None:
    """The size of a PDF in the built site, which its download links say; None when there is none."""
    return pdf.stat().st_size if pdf.is_file() else None


def errors_shown(count: int) -> Message:
    """What the terminal says of a rebuild with ``count`` errors, which the page shows ("1 error: …", in English
    a count of one in the singular)."""
    if count == 1:
        return Message("1 error: the page shows it until it is fixed")
    return Message("{count} errors: the page shows them until they are fixed", count=count)


def template_error(exc: jinja2.TemplateError, root: Path) -> Diagnostic:
    """A template failure as a diagnostic at the template's file and line."""
    where = template_position(exc, Theme.for_plan(root), "templates")
    said = jinja_words.template_failure(exc)
    return error(where._replace(line=said.line or where.line), "E801", "template error: {detail}", said.hint,
                 detail=said.what)


class Preview:
    """The current state of a previewed plan folder; thread-safe for many readers, one writer."""

    def __init__(self, root: Path, log: Callable[[str], None] = print, base_url: str | None = None,
                 kept: str | None = None):
        self.root = root
        self.given = base_url  #: ``serve --base-url``: the public address the site is built for, before plan.yml's
        self.kept = kept  #: the address build/site was built for, used when neither serve nor plan.yml names one
        self.from_plan = project.plan_field(root, "base_url")  #: plan.yml's ``base_url``, read again with the plan
        self.site = output.build_folder(root) / output.SITE
        self.log = log
        self.speaker = project.speaker(root)  #: says what is printed, in the plan's language (read again each rebuild)
        self.generation = 0
        #: this preview among those started on the same port: one started again counts its generations anew, and a tab
        #: of the last one compares its page with it whatever the count
        self.instance = secrets.token_hex(4)
        self.errors: list[Diagnostic] = []
        #: the diagnostics' lines printed for the plan as it is now (not printed again)
        self.told = Told(log, lambda line: self.speaker.say(Message("No longer applies: {line}", line=line)))
        self.pages: Pages | None = None
        self.pdf = PdfState()  #: where the PDF the pages link stands, said beside each link (:mod:`masterplan.serve_pdf`)
        #: the warnings of the plan as it is now, once worked out, as the terminal says them: shown in the pages too
        #: (W324, a year's APBD over its ceiling, was said only in the terminal); none while it has errors
        self.warnings = Warned()
        #: the warnings the last background build said that the checks do not find (W603: a declaration of the book's
        #: stylesheet WeasyPrint ignores, said only in the terminal), listed with the plan's while it has no errors
        self.build_warnings: list[str] = []
        self.in_process = True  #: False once the site renderer's interface no longer matches
        self.books_due = False  #: a print template changed or failed, and the books have not rendered since
        #: unchanged files are not parsed or schema-checked again, nor on the first load when a command before kept them
        self.cache = RememberedFiles()
        self._changed = threading.Condition()
        self._render_lock = threading.Lock()
        self._idle: list[threading.Thread] = []  #: what waits for a plan to stay unchanged: its warnings, a collection
        self.collector = collector.Held()  #: off from an edit until the plan stays unchanged (:mod:`masterplan.collector`)

    @property
    def base_url(self) -> str | None:
        """The public address the previewed site is built for: serve's, else plan.yml's, else the kept one."""
        return self.given or self.from_plan or self.kept

    def build_address(self) -> str | None:
        """What a build of this preview is given as ``--base-url``: serve's own, or the kept address when
        plan.yml names none (a build reads plan.yml's itself, and a flag would override it)."""
        return self.given or (None if self.from_plan else self.kept)

    def reread_language(self) -> None:
        """Say what follows in the plan's language as saved (``language:`` in plan.yml may just have changed)."""
        self.speaker = project.speaker(self.root)

    def rebuild(self, loaded: tuple[Any, Report] | None = None, render: str | None = None) -> bool:
        """Load, check and list the pages again, and show what was found; True when the plan is good."""
        return self.publish(self.check(loaded, render))

    def check(self, loaded: tuple[Any, Report] | None = None, render: str | None = None,
              books: bool = False) -> Rebuilt:
        """Load, check and list the pages again, showing nothing yet (:meth:`publish`). Never raises.

        ``loaded``: a plan and its full report just read by a build (with :attr:`cache`), used as is;
        ``render``: a page to render now (after a theme edit: a template that fails is said here and
        holds the background build, rather than only in the page once it is opened); ``books``: render the
        print HTML of the book and its companions too, without laying it out (after an edit of a print template:
        a field the plan lacks was said only once the background build failed on it, in the PDF's note), and
        again at each check until it renders.
        """
        started = time.perf_counter()
        self.told.changed()  # the plan before is no longer current: its warning rules stop, they would slow this
        self.collector.check_starts()
        self.reread_language()
        problems: list[Diagnostic] = []
        later: list[Callable[[], list[Diagnostic]]] = []
        self.books_due |= books  # a plan with errors now renders no book: once it has none, it does
        try:
            plan, report = loaded if loaded is not None else self._load(later)
            if plan is not None and not report.failed():
                pages = self._pages(plan, problems, report)
                if pages is not None:
                    self.pages = pages
                    if render in pages.by_path:
                        pages.render(pages.by_path[render])
                if self.books_due:
                    from masterplan.checks.templates import print_books
                    failed = list(print_books(plan))
                    self.books_due = bool(failed)
                    report.extend(failed)
        except jinja2.TemplateError as exc:
            report = Report([template_error(exc, self.root)])
        except Exception as exc:  # noqa: BLE001 - a bug must not take the preview down; show it like any problem
            report = Report([error(Position("content"), "E899", "internal error: {kind}: {detail}",
                                   kind=type(exc).__name__, detail=str(exc))])
        report.extend(problems)
        return Rebuilt(report, [] if report.errors else later, time.perf_counter() - started)

    def publish(self, rebuilt: Rebuilt) -> bool:
        """Show what a check found: the errors over the page, new lines in the terminal (the warnings of a plan
        without errors once they are worked out, in another thread); True when the plan is good."""
        report = rebuilt.report
        state = self.told.changed()  # first: the warnings of the plan before, still being worked out, are not shown
        self._publish(report.errors)
        found = Report(report.errors).sorted() if report.errors else report.sorted()  # warnings wait for a whole plan
        self.told.found(self._lines(found))
        self.say(Message("Rebuilt in {seconds:.2f} s", seconds=rebuilt.took) if not report.errors else
                 errors_shown(len(report.errors)))
        if not rebuilt.later and not report.errors:
            self._settled(state, found)
        idle = threading.Thread(target=self._when_unchanged, args=(rebuilt.later, found, state), daemon=True)
        self._idle = [thread for thread in self._idle if thread.is_alive()] + [idle]
        idle.start()
        return not report.errors

    def _load(self, later: list[Callable[[], list[Diagnostic]]]) -> tuple[Any, Report]:
        """The plan and its report; warning-only rules are left in ``later`` to run after the page shows."""
        from masterplan import checks
        from masterplan.project import load_and_check
        checked = load_and_check(self.root, self.cache, warnings=False, final=False)
        plan, report = checked.plan, checked.report
        if plan is not None:
            def warned(rule: checks.Rule) -> Callable[[], list[Diagnostic]]:
                """``rule``'s warnings, to run later: those plan.yml accepts not shown, as validate shows them."""
                return lambda: [d for d in rule(plan, report.unreadable) if not report.is_accepted(d)]

            later.extend(warned(rule) for rule in checks.WARNING_RULES)
        return plan, report

    def _when_unchanged(self, later: list[Callable[[], list[Diagnostic]]], found: list[Diagnostic],
                        state: int) -> None:
        """Once the plan has stayed unchanged for :data:`WARNINGS_SETTLE`: free the plans it replaced, then work out
        its warning rules, stopped by the next edit. A plan half saved is saved again by then; a province's rules
        (5 s of 3,000 programs) running beside the next check made it twice as slow, and so did the collection."""
        time.sleep(WARNINGS_SETTLE)
        if not self.told.is_current(state):
            return
        self.collector.collect()
        if not later:
            return
        more: list[Diagnostic] = []
        for run in later:
            if not self.told.is_current(state):
                return  # an edit came: its own check runs these again
            more.extend(run())
        self._settled(state, Report(found + more).sorted())

    def _settled(self, state: int, found: list[Diagnostic]) -> None:
        """Say everything found in the plan's ``state``, once worked out, in the terminal and in the pages."""
        lines = self._lines(found)
        self.told.settled(state, lines, {self.speaker.line(d) for d in found})
        warned = Warned(tuple(line for line, warning in lines if warning),
                        sum(d.severity is Severity.WARNING for d in found))
        self._show("warnings", warned, lambda: self.told.is_current(state))

    def wait_for_warnings(self, timeout: float | None = None) -> None:
        """Wait until the warnings of every plan checked so far are said (or given up for a newer plan) and the
        collector has run: for the benchmark and the tests."""
        for thread in list(self._idle):
            thread.join(timeout)

    def _lines(self, diagnostics: list[Diagnostic]) -> list[tuple[str, bool]]:
        return [(line, severity is not Severity.ERROR) for line, severity in self.speaker.lines(diagnostics)]

    def say(self, message: Message) -> None:
        """Print a line in the plan's language."""
        self.log(self.speaker.say(message))

    def verify(self, path: str = "index.html") -> bool:
        """Whether an in-process page equals the one a full build just wrote; if not, use full builds.

        This keeps the preview honest when the site renderer changes faster than this module.
        """
        on_disk = self.site / path
        if not self.in_process or not on_disk.is_file():
            return True
        same = self.page(path) == on_disk.read_text(encoding="utf-8")
        if not same:
            self.in_process = False
            self.say(Message("preview: in-process pages differ from the site build; using full site builds instead"))
            self.rebuild()
        return same

    def _pages(self, plan: Any, problems: list[Diagnostic], report: Report) -> Pages | None:
        pdf_size = _size(self.site / PAGES["pdf"])
        # the summary and analysis the last build put in the site, linked as the build links them: only while the plan
        # asks for them
        companions = {key: size for key in site_links.companions(plan) if (size := _size(self.site / PAGES[key]))}
        if self.in_process:
            try:
                self.from_plan = plan.base_url
                # the open data the last build wrote: its data page's sizes
                from masterplan.render import data
                return site_pages(plan, self.root, pdf_size, problems, self.base_url, companions,
                                  data.sizes(self.site / "data"))
            except (TypeError, AttributeError, ImportError, KeyError) as exc:
                self.in_process = False  # a bug in the page list: fall back to full builds
                self.say(Message("preview: in-process rendering unavailable ({detail}); using full site builds",
                                 detail=str(exc)))
        from masterplan.build import run
        from masterplan.build_options import BuildOptions
        result = run(self.root, BuildOptions(pdf=False, base_url=self.build_address(), final=False))
        report.extend(d for d in result.report.items if d not in report.items)
        return None

    def _publish(self, errors: list[Diagnostic]) -> None:
        with self._changed:
            self.errors = errors
            if errors:
                self.warnings = Warned()  # the errors are shown over the page; its warnings come once they are mended
            if self.pages is not None:
                self.pages.rendered.clear()
            self.generation += 1
            self._changed.notify_all()

    def show_pdf(self, state: PdfState) -> None:
        """Say ``state`` beside the links to the PDF, in every open tab (none reloads for it)."""
        self._show("pdf", state)

    def show_build_warnings(self, lines: list[str]) -> None:
        """List ``lines``, the last background build's own warnings, with the plan's in every open tab."""
        self._show("build_warnings", lines)

    def edited_build_warnings(self, files: list[str]) -> None:
        """Leave out of the pages the last background build's warnings at ``files`` (paths in the plan folder), edited
        since: a mended stylesheet's W603 stood in the corner until the next build had laid the book out again."""
        kept = [line for line in self.build_warnings if not any(line.startswith(f"{file}:") for file in files)]
        if kept != self.build_warnings:
            self._show("build_warnings", kept)

    def _show(self, name: str, value: object, current: Callable[[], bool] = lambda: True) -> None:
        """Set what the open tabs show beside their page (``pdf``, ``warnings``), waking them when it changed; not
        once ``current`` says it is of a plan an edit replaced (checked under the lock an edit takes to publish)."""
        with self._changed:
            if getattr(self, name) == value or not current():
                return
            setattr(self, name, value)
            self.generation += 1
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        """Block until the generation differs from ``since`` (or ``timeout``); returns the generation."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != since, timeout)
            return self.generation

    def page(self, path: str) -> str | None:
        """The HTML of the page at ``path`` (site-relative), rendered now if needed; None if not a page."""
        pages = self.pages
        if pages is None or path not in pages.by_path:
            return None
        html = pages.rendered.get(path)
        if html is None:
            try:
                with self._render_lock:  # one render at a time; the rest wait for its cached result
                    html = pages.rendered.get(path) or pages.render(pages.by_path[path])
            except jinja2.TemplateError as exc:
                found = [template_error(exc, self.root)]
                with self._changed:  # not of pages a check replaced meanwhile (its template mended: the error stood)
                    if self.pages is pages and found != self.errors:  # once: the reloaded page must not fail again
                        self._publish(found)
                return None
            pages.rendered[path] = html
        return html
