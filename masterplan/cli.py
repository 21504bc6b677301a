"""The ``masterplan`` command: a thin click layer over the pipeline (no business logic here)."""

from __future__ import annotations

import json
import os
import sys
import threading
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from masterplan import __version__
from masterplan.cli_help import Group, SaidWhenFormatted
from masterplan.diagnostics import Diagnostic, Message, Report, Speaker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from masterplan.model import Plan

PLAN_DIR = click.argument("plan_dir", required=False, default=".",
                          type=click.Path(exists=True, file_okay=False, path_type=Path))


def _root(plan_dir: Path) -> Path:
    from masterplan.project import find_root
    return find_root(plan_dir)


def _speaker(root: Path, plan: Plan | None = None) -> Speaker:
    """Who says what the command prints: the loaded plan's language, else the one plan.yml names."""
    from masterplan.project import speaker
    return speaker(root, plan.language if plan is not None else None)


def _check_address(base_url: str | None, root: Path) -> str | None:
    """The public address given on the command line, without stray spaces; stops on one that is no
    address (``kota.go.id`` without its https://) before anything is built."""
    from masterplan.checks.publishing import address_problem
    found = address_problem(base_url) if base_url is not None else None
    if found:
        speaker = _speaker(root)
        click.echo(speaker.say(Message("error: --base-url: {problem} ({hint})", problem=found.problem, hint=found.hint)),
                   err=True)
        sys.exit(2)
    return base_url.strip() if base_url else None


def _cannot_write(exc: OSError, folder: Path, speaker: Speaker) -> NoReturn:
    """Stop with one line for a folder the command cannot create or write into (a file in its way, a
    read-only place, no permission), instead of a traceback."""
    click.echo(speaker.say(Message("error: cannot write {folder}: {reason}", folder=exc.filename or folder,
                                   reason=exc.strerror or str(exc))), err=True)
    sys.exit(1)


def _print_report(report: Report | list[Diagnostic], speaker: Speaker, output_format: str = "text",
                  err: bool = True, plan: Plan | None = None, left_out: Sequence[Diagnostic] = ()) -> None:
    """The diagnostics, as lines (on stderr unless ``err`` is false: validate's report is its output) or JSON, each
    naming the agencies it concerns (by their files' names where the plan is not given); the lines' count counts
    ``left_out`` too."""
    items = report.sorted() if isinstance(report, Report) else list(report)
    if output_format == "json":
        from masterplan.agency_shares import agency_ids
        pieces = list(islice(said := speaker.json(items, lambda d: {"agencies": agency_ids(d, plan)}), 1000))
        while pieces:  # a thousand diagnostics at a time: each written apart took a third longer
            click.echo("".join(pieces), nl=False)
            pieces = list(islice(said, 1000))
        click.echo()
    elif items:
        click.echo(speaker.text(items, left_out), err=err)
    if isinstance(report, Report) and output_format == "text":
        _print_left_out(report, speaker, err)


def _print_left_out(report: Report, speaker: Speaker, err: bool) -> None:
    """What the report leaves out: the files not checked further for their errors ("1 error" is not all there may
    be), and the count of the warnings plan.yml accepts."""
    from masterplan.accepted_warnings import counted
    skipped = sorted(report.skipped)
    if skipped:
        click.echo(speaker.say(Message(
            "Not checked further until its errors above are fixed: {files}; run validate again then" if len(skipped) == 1
            else "Not checked further until their errors above are fixed: {files}; run validate again then",
            files=", ".join(skipped))), err=err)
    if accepted := counted(report.accepted):
        click.echo(speaker.say(accepted), err=err)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="masterplan", message=SaidWhenFormatted("%(prog)s, version %(version)s"))
def cli() -> None:
    """Turn a city's smart-city master plan (YAML + Markdown) into a PDF book and a website.

    A plan folder holds content/ (plan.yml, pillars/, agencies/, chapters/, glossary.yml,
    assets/; executive-summary.md and analysis/ when plan.yml asks for the executive summary
    and the strategic analysis), optionally templates/ to override the default theme, and
    build/ for output.

    \b
    Typical session:
      masterplan new kota-saya --city "Kota NAME" --period 2025-2034
                                      # the sample, made your city's and years'
      cd kota-saya
      masterplan validate             # every problem, as file:line:column
      masterplan build                # book PDF, site, open data in build/;
                                      # summary, analysis PDFs if plan.yml asks
      masterplan serve                # live preview while you edit

    Commands work from inside a plan folder (or any folder below it) or with a path to one.
    """


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace existing content/ (it is moved to a backup folder first).")
@click.option("--city", default=None, help='The city\'s name, e.g. "Kota Probolinggo" or "Kabupaten Malang": it '
              "replaces the sample city's name in the title, the notice, the foreword's signature and the names of "
              "programs; texts that state the sample city's facts keep its name, for you to rewrite.")
@click.option("--period", default=None, help="The plan's first and last year, e.g. 2025-2034 (as many years as the "
              "sample's): every year of the programs, budgets and targets moves with it.")
def new(directory: Path, force: bool, city: str | None, period: str | None) -> None:
    """Create a plan folder in DIRECTORY from the sample plan (Kota Pasuruan), for your city and years if given.

    The sample asks for the executive summary (content/executive-summary.md) and the strategic
    analysis (content/analysis/NN-<slug>.md): for a plan without them, delete the file or folder
    and 'executive_summary: true' or 'strategic_analysis: true' in content/plan.yml.
    """
    from masterplan.adaptation import WrongOption, adaptation, notes, still_the_samples
    from masterplan.output import BUILD
    from masterplan.project import AlreadyExists, scaffold
    from masterplan.sample_plan import sample
    speaker = _speaker(directory)
    try:
        change = adaptation(sample(), city, period)
    except WrongOption as exc:
        click.echo(speaker.say(Message("error: {option}: {problem} ({hint})", option=exc.option, problem=exc.problem,
                                       hint=exc.hint)), err=True)
        sys.exit(2)
    try:
        backups = scaffold(directory, force=force, adaptation=change)
    except AlreadyExists as exc:
        click.echo(speaker.say(Message("error: {problem}", problem=exc.args[0])), err=True)
        sys.exit(1)
    except OSError as exc:
        _cannot_write(exc, directory, speaker)
    for backup in backups:  # content/, then its build/
        click.echo(speaker.say(Message("Previous content's build (its book, site and published version) kept in "
                                       "{folder}", folder=backup) if backup.name.endswith(f".{BUILD}")
                               else Message("Previous content kept in {folder}", folder=backup)))
    for line in notes(change) if change else []:
        click.echo(speaker.say(line))
    if reminder := still_the_samples(sample(), change, directory):
        click.echo(speaker.say(reminder))
    here = directory.resolve() == Path.cwd().resolve()  # masterplan new . : nowhere to cd to
    click.echo(speaker.say(Message("Created {folder}. Next: masterplan validate && masterplan build",
                                   folder=directory / "content") if here else
                           Message("Created {folder}. Next: cd {plan} && masterplan validate && masterplan build",
                                   folder=directory / "content", plan=directory)))


@cli.command()
@click.argument("plan_dir", required=False, default=".", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              help="text: compiler-style lines; json: a list for tools (both on stdout: validate > report.txt).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit code 1).")
@click.option("--by-agency", is_flag=True,
              help="Group the problems by the agency whose file must change (both, for a partnership one side writes "
                   "down), the plan's shared files apart: a list to send each agency.")
@click.option("--errors-only", is_flag=True,
              help="Report the errors alone, which stop the build, and count the warnings (not with --strict).")
def validate(plan_dir: Path, output_format: str, strict: bool, by_agency: bool, errors_only: bool) -> None:
    """Check the whole plan and report every problem at once.

    It reads content/ as the build does: executive-summary.md and analysis/ only when
    plan.yml asks for the executive summary and the strategic analysis (else W017 says so).

    Given a file of the plan (content/agencies/dinkes.yml) instead of its folder, the whole
    plan is checked and the problems of that file are reported, with a count of the others.

    Exit code 0: clean; 1: content errors (or warnings with --strict), or a file given that is no file of the
    plan; 2: wrong command line.
    """
    from masterplan.folder_reader import CONTENT
    from masterplan.kept_files import KeptFiles
    from masterplan.validate_report import errors_only as keep_errors
    from masterplan.validate_report import everything, narrowed
    root = _root(plan_dir.parent if plan_dir.is_file() else plan_dir)
    if errors_only and strict:
        click.echo(_speaker(root).say(Message("error: --errors-only hides the warnings --strict fails on: give one of "
                                              "the two")), err=True)
        sys.exit(2)
    only = None  # one agency's file: its staff's own problems
    if plan_dir.is_file():
        file = plan_dir.parent.resolve() / plan_dir.name  # a file of content/ that is a link: named as it is read
        only = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
    if only is not None and not only.startswith((f"{CONTENT}/", "templates/")):  # /etc/passwd, a copy in Downloads/
        click.echo(_speaker(root).say(Message(
            "error: {file} is no file of the plan in {folder}: validate checks the files in its content/ (and its "
            "theme's templates/); copy the file into content/ first", file=only, folder=root)), err=True)
        sys.exit(1)
    kept = KeptFiles()
    try:
        checked = everything(root, kept)
        speaker = _speaker(root, checked.plan)
        others = narrowed(checked.report, only) if only is not None else []
        hidden = keep_errors(checked.report) if errors_only else []
        if output_format == "text" and root != plan_dir.resolve() and only is None:  # found in a folder above
            click.echo(speaker.say(Message("Plan folder: {folder}", folder=root)))
        if by_agency and output_format == "text" and checked.report:
            from masterplan.agency_shares import said
            click.echo(said(checked.report.sorted(), checked.plan, speaker, unchecked=bool(checked.report.skipped)))
            _print_left_out(checked.report, speaker, err=False)
        else:
            _print_report(checked.report, speaker, output_format, err=False, plan=checked.plan, left_out=hidden)
        if output_format == "text" and not checked.report:
            click.echo(speaker.say(Message("No errors found in {file}.", file=only) if only is not None and hidden
                                   else Message("No errors found.") if hidden
                                   else Message("No problems found in {file}.", file=only) if only is not None
                                   else Message("No problems found.")))
        if output_format == "text" and hidden:
            click.echo(speaker.say(Message("{count} warnings not shown (--errors-only)" if len(hidden) > 1 else
                                           "1 warning not shown (--errors-only)", count=len(hidden))))
        if output_format == "text" and only is not None and others:
            from masterplan.diagnostics import counted
            click.echo(speaker.say(Message("The plan's other files: {counted} (masterplan validate lists them)",
                                           counted=counted(others))))
    finally:
        kept.settle()  # the parses it keeps are written beside the checks
    sys.exit(1 if checked.report.failed(strict) else 0)


@cli.command()
@click.argument("old")
@click.argument("new")
@PLAN_DIR
@click.option("--dry-run", is_flag=True, help="Only say which files would change; write nothing.")
def rename(old: str, new: str, plan_dir: Path, dry_run: bool) -> None:
    """Give an agency a new id, or a program a new code, everywhere the plan names it.

    OLD is an agency's id (diskominfo) or a program's code (ENV-03). Its file and id, the
    partners, supports and depends_on naming it, plan.yml's leading_sector and the texts'
    [[ENV-03]], [[agency:diskominfo]] and plan.program('ENV-03') are changed, and the old id
    is added to former_ids, so the published site's old page leads to the new one. Every
    file changed is kept first in a backup folder beside content/. Names are not changed:
    edit name and short_name yourself.
    """
    from masterplan.renaming import CannotRename, carried_out, planned
    root = _root(plan_dir)
    speaker = _speaker(root)
    try:
        renaming = planned(root, old, new)
    except CannotRename as exc:
        click.echo(speaker.say(Message("error: {problem}", problem=exc.message)), err=True)
        sys.exit(1)
    for path, places in renaming.places.items():
        target = renaming.written_to(path)
        shown = path.relative_to(root).as_posix()
        click.echo(speaker.say(Message("{file} → {target}: {places}", file=shown, places=places,
                                       target=target.relative_to(root).as_posix()) if target != path
                               else Message("{file}: {places}", file=shown, places=places)))
    places, files = sum(renaming.places.values()), len(renaming.places)
    counted = (Message("1 place in 1 file") if places == 1 else Message("{places} places in 1 file", places=places)
               if files == 1 else Message("{places} places in {files} files", places=places, files=files))
    if dry_run:
        click.echo(speaker.say(Message("Nothing written (--dry-run): {old} would become {new}, {counted}", old=old,
                                       new=new, counted=counted)))
        return
    try:
        backup = carried_out(renaming, root)
    except OSError as exc:
        _cannot_write(exc, root / "content", speaker)
    click.echo(speaker.say(Message("Renamed {old} to {new}: {counted}; former_ids keeps {old}", old=old, new=new,
                                   counted=counted)))
    click.echo(speaker.say(Message("Previous files kept in {folder}", folder=backup.relative_to(root))))
    click.echo(speaker.say(Message("Next: masterplan validate (a chapter or the plan's own templates may name it in a way not changed "
                                   "here)")))


@cli.command()
@click.option("--kind", type=click.Choice(["plan", "pillar", "agency", "glossary", "chapter", "all"]),
              default="all", help="Which file's schema (default: all, as one JSON object by kind).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Write <kind>.schema.json (one per kind with --kind all) into this folder instead of printing.")
def schema(kind: str, out: Path | None) -> None:
    """Print the content format as JSON Schema, for editors (YAML language server)."""
    from masterplan.schema import all_schemas, schema_for
    if out is not None:
        chosen = {name: document for name, document in all_schemas().items() if kind in ("all", name)}
        try:
            out.mkdir(parents=True, exist_ok=True)
            for name, document in chosen.items():
                (out / f"{name}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
        except OSError as exc:
            _cannot_write(exc, out, _speaker(_root(Path.cwd())))
        wrote = Message("Wrote {count} schemas to {folder}" if len(chosen) > 1 else "Wrote {count} schema to {folder}",
                        count=len(chosen), folder=out)
        click.echo(_speaker(_root(Path.cwd())).say(wrote), err=True)
        return
    document = all_schemas() if kind == "all" else schema_for(kind)
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@cli.command()
@PLAN_DIR
@click.option("--pdf/--no-pdf", default=True, help="Build the PDF book (default: yes).")
@click.option("--site/--no-site", default=True, help="Build the website (default: yes).")
@click.option("--strict", is_flag=True, help="Warnings (content and renderer) fail the build.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel PDF layout processes (default: number of cores).")
@click.option("--no-cache", is_flag=True, help="Ignore kept parses, cached PDF parts and site pages; read and render everything.")
@click.option("--base-url", default=None, help="Public address of the site (default: base_url in plan.yml): adds "
              "canonical links and sitemap.xml, and 404.html links from it.")
@click.option("--search/--no-search", default=True, help="Build the site's search index (Pagefind; default: yes).")
@click.pass_obj
def build(one_shot: bool | None, plan_dir: Path, pdf: bool, site: bool, strict: bool, jobs: int | None,
          no_cache: bool, search: bool, base_url: str | None) -> None:
    """Build the PDF book, the website and the open data into build/.

    The open data goes into build/site/data/; the executive summary and the strategic analysis, each a PDF
    beside the book, are built too when plan.yml asks for them.

    The previous output is replaced only when the whole build succeeded.
    """
    from masterplan.build import run
    from masterplan.build_options import BuildOptions
    options = BuildOptions(pdf=pdf, site=site, strict=strict, jobs=jobs, cache=not no_cache, base_url=base_url,
                           search=search, one_shot=bool(one_shot))
    root = _root(plan_dir)
    options.base_url = _check_address(base_url, root)
    result = run(root, options)
    speaker = _speaker(root, result.plan)
    _print_report(result.report, speaker)
    for line in result.summary:  # a failed build's beside its errors, on stderr: build 2> log.txt keeps both
        click.echo(speaker.say(line), err=not result.ok)
    sys.exit(0 if result.ok else 1)


@cli.command()
@PLAN_DIR
@click.option("--port", "-p", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only change it to show the preview to other machines.")
@click.option("--pdf/--no-pdf", default=True, help="Rebuild the PDF in the background after edits (default: yes).")
@click.option("--base-url", default=None,
              help="Public address of the site, as for build (default: the one build/site was built for).")
def serve(plan_dir: Path, port: int, host: str, pdf: bool, base_url: str | None) -> None:
    """Preview the website while you edit: rebuilds on every save and reloads the open page.

    Content errors show in the page and here; fixing them brings the page back.
    """
    from masterplan.serve import serve as run_server
    root = _root(plan_dir)
    address = _check_address(base_url, root)
    sys.exit(run_server(root, host, port, pdf, log=lambda line: click.echo(line, err=True),
                        base_url=address))


def main() -> None:
    """Console entry point: run the command, then leave without tearing the interpreter down.

    Everything a command writes is closed and flushed by the time it returns; what is left
    is freeing every object of the loaded plan one by one (0.1 s for 300 programs, about
    0.9 s for 3,000), which nobody needs. A command that still has threads (the preview
    server's) exits the ordinary way.
    """
    code = 0
    try:
        cli.main(prog_name="masterplan", obj=True)  # obj: this process ends with the command
    except SystemExit as exc:  # click ends every command so, even a successful one
        if not (exc.code is None or isinstance(exc.code, int)) or threading.active_count() > 1:
            raise
        code = exc.code or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
