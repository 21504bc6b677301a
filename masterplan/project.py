"""A plan folder on disk: finding it, loading and checking it, scaffolding a new one."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from masterplan import checks, collector
from masterplan.adapt import adapt, adapted_text
from masterplan.adaptation import Adaptation
from masterplan.alongside import Alongside
from masterplan.diagnostics import Diagnostic, Message, Report, Speaker
from masterplan.filecache import FileCache
from masterplan.folder_reader import CONTENT
from masterplan.i18n import plan_theme
from masterplan.load import load
from masterplan.model import DEFAULT_LANGUAGE, Plan
from masterplan.output import BUILD, build_folder
from masterplan.resources import sample_dir, theme_dir


def find_root(start: Path) -> Path:
    """The plan folder holding ``start``: the nearest folder upwards with content/plan.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONTENT / "plan.yml").is_file():
            return folder
    return start


#: names the language messages are said in, overriding the plan's (e.g. MASTERPLAN_LANG=en)
LANGUAGE_VARIABLE = "MASTERPLAN_LANG"


def speaker(root: Path, language: str | None = None) -> Speaker:
    """Who says the diagnostics: in $MASTERPLAN_LANG if set, else in the plan's language, else Indonesian.

    ``language``: the loaded plan's. Without it, the plan's ``language`` is read from
    ``content/plan.yml`` on its own (any problem in that file is reported by the load, not
    here), so a plan that fails to load is still told what is wrong in its language. The
    plan's own catalog (``templates/i18n/``) is laid over the theme's.
    """
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    if chosen:
        return Speaker.of(chosen, plan_theme(root))
    # a plan language no catalog speaks ('indonesia', 'jv'): its readers are told so in the default language
    return Speaker.of(language or plan_field(root, "language") or DEFAULT_LANGUAGE, plan_theme(root),
                      unknown=DEFAULT_LANGUAGE)


def plan_field(root: Path, name: str) -> str | None:
    """One text field of ``content/plan.yml`` read on its own, before (or without) loading the plan;
    None when the file, the field or its text is missing (the load reports what is wrong)."""
    from masterplan import yamlfile
    path = root / CONTENT / "plan.yml"
    data, _ = yamlfile.read(path, path.name) if path.is_file() else (None, [])
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, str) and value.strip() else None


@dataclass
class Checked:
    """A loaded plan and everything found wrong with it."""

    plan: Plan | None
    report: Report


def load_and_check(root: Path, cache: FileCache | None = None, warnings: bool = True, final: bool = True) -> Checked:
    """Load the plan and run every rule on it (``warnings=False``: only the rules that can fail it); ``final=False``:
    the warnings a final plan's errors_when_final names stay warnings (the live preview, which shows them so)."""
    with collector.paused():
        plan, report = load(root, cache)
        if cache is not None:
            cache.loaded()
        if plan is not None:
            if final:
                report.raise_warnings(plan.raised_warnings)
            report.accept(plan.accepted_warnings)
            report.extend(checks.run(plan, report.unreadable, checks.RULES if warnings else checks.ERROR_RULES))
    return Checked(plan, report)


def warnings_of(plan: Plan, unreadable: AbstractSet[str]) -> list[Diagnostic]:
    """What the rules that only ever warn find in a loaded plan."""
    return checks.run(plan, unreadable, checks.WARNING_RULES)


#: below this many programs the warning rules take less time than starting a process for them (they take
#: about 0.2 ms a program: 12 ms for the sample's 70, 60 ms for 300; a fork costs the build 2 ms)
WARNINGS_APART_FROM = 50


def warnings_alongside(plan: Plan, unreadable: AbstractSet[str]) -> Callable[[], list[Diagnostic]]:
    """Start the warning rules in a forked process, for a build to render meanwhile; returns
    a function that waits for their diagnostics (the same list on every call).

    Warnings never stop a build (unless ``--strict``, which runs them first), so they need not
    hold up the rendering: the near-duplicate rule alone is about a second for 3,000 programs.
    A tiny plan runs them here and now (see :class:`Alongside`).
    """
    return Alongside(lambda: warnings_of(plan, unreadable), here=len(plan.programs) < WARNINGS_APART_FROM).result


class AlreadyExists(Exception):
    """Raised instead of overwriting a user's content."""


#: the guide for the agencies' staff who fill in their files, written beside content/ by ``masterplan new``
AGENCY_GUIDE = "PANDUAN-OPD.md"


def scaffold(target: Path, force: bool = False, adaptation: Adaptation | None = None) -> list[Path]:
    """Copy the sample plan into ``target``/content, made the city's and period's of ``adaptation`` if
    given; returns the backups made, if any.

    Existing content is never overwritten unless ``force``, and then it is moved to a
    time-stamped backup folder first. The copy is made (and adapted) beside it, and takes its
    place only once complete: a failure leaves the content there was. The output of the content replaced
    (``build/``) is set aside too: its book, its site and the record of its last published version
    (``build/.published``) are another plan's, which the next build would compare the new one with, list
    as "what changed" and keep as "the last good result" when it fails.
    """
    content = target / CONTENT
    if content.exists() and not force:
        raise AlreadyExists(Message("{folder} already exists; use --force to replace it (a backup is kept)",
                                    folder=content))
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".masterplan-new-", dir=target))
    backups: list[Path] = []
    try:
        copy = staging / CONTENT
        # the files' contents, not their modes: an installed sample may be read-only, the user's copy may not
        shutil.copytree(sample_dir(), copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                        copy_function=shutil.copyfile)
        if adaptation is not None:
            adapt(copy, adaptation)
        if content.exists():
            # the build first: a build that cannot be moved (a mount) leaves all as it was, never the folder
            # without content/; named as the content's backup, so the .gitignore new wrote before keeps it out too
            backup = backup_name(content)
            build = build_folder(target)
            kept_build = build.rename(backup.with_name(f"{backup.name}.{BUILD}")) if build.exists() else None
            backups = [content.rename(backup), *([kept_build] if kept_build else [])]
        copy.rename(content)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    gitignore = target / ".gitignore"
    if not gitignore.exists():  # the output, and the backups --force keeps (the history is git's)
        gitignore.write_text(f"{BUILD}/\n{CONTENT}.backup-*/\n", encoding="utf-8")
    guide = target / AGENCY_GUIDE
    original = (theme_dir() / "guide" / AGENCY_GUIDE).read_bytes()
    # the agencies' staff's guide, in Indonesian; one the plan's team edited is theirs. One as new wrote it is
    # written again: new, then new --force --period as new says, left the example in the sample's years
    if not guide.exists() or guide.read_bytes() == original:
        text = original.decode("utf-8")
        # its example's years in the plan's period, as the copy's: a regency's 2024–2033 staff got E301 for 2023
        guide.write_bytes((adapted_text(text, adaptation) if adaptation is not None else text).encode("utf-8"))
    return backups


def backup_name(content: Path) -> Path:
    """A free time-stamped backup folder beside ``content``: content.backup-<time>, -2, -3… within one second."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = content.with_name(f"{content.name}.backup-{stamp}")
    number = 1
    while backup.exists() or backup.with_name(f"{backup.name}.{BUILD}").exists():  # two --force in the same second
        number += 1
        backup = content.with_name(f"{content.name}.backup-{stamp}-{number}")
    return backup
