"""Each agency's share of a report (``validate --by-agency``): the problems the planner sends each agency (OPD) to
settle, the plan's shared files (plan.yml, the pillars, the chapters, the glossary) apart, for the team that keeps
them.

A problem belongs to the agency whose file it is in, and to those of the files it concerns besides
(:attr:`Diagnostic.concerns`): a partnership one side writes down is both sides' to settle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from masterplan.diagnostics import Diagnostic, Message, Speaker, counted
from masterplan.leftovers import hidden_ending
from masterplan.model import Plan
from masterplan.plan_parts import Agency

AGENCY_FOLDER = "content/agencies/"


@dataclass
class Share:
    """The problems of one agency's file, or (``file`` None) of the plan's shared files."""

    file: str | None
    agency: Agency | None  #: None for the shared files, or an agency file the plan could not read
    diagnostics: list[Diagnostic]


def _agency_file(file: str) -> bool:
    """Whether ``file`` is an agency's: a YAML file of content/agencies/ itself, or one saved with its ending hidden
    (``dishub.yml.txt``: E019's, the agency's to rename), not a file in a folder of it."""
    path = PurePosixPath(file)
    return str(path.parent) + "/" == AGENCY_FOLDER and PurePosixPath(_meant(path.name)).suffix.lower() in (".yml", ".yaml")


def _meant(name: str) -> str:
    """A file's name as meant: "dishub.yml" of "dishub.yml.txt"."""
    return hidden_ending(name) or name


def _stem(file: str) -> str:
    """An unread agency file's agency, as its name says: "dishub" of content/agencies/dishub.yml.txt."""
    return PurePosixPath(_meant(PurePosixPath(file).name)).stem


def _files(diagnostic: Diagnostic, settled: dict[str, str]) -> list[str | None]:
    """The agency files a diagnostic is told in, None standing for the shared files; only the file that settles it,
    where one other file does (``settled``: :func:`_settled`)."""
    if diagnostic.unknown is not None and diagnostic.unknown in settled:
        return [settled[diagnostic.unknown]]
    settling = set(settled.values())
    files = dict.fromkeys(file if _agency_file(file) or file in settling else None
                          for file in (diagnostic.position.file, *diagnostic.concerns))
    return list(files)


def _settled(diagnostics: Sequence[Diagnostic], plan: Plan | None) -> dict[str, str]:
    """Each unknown id whose problems one file settles, not those they are told in, by that file: an agency's file
    saved in another folder (content/dinkes.yml: its share is where the 11 problems of eight other agencies naming
    dinkes or its programs go, with the file's own W017), a program's code written in small letters
    (:meth:`Unknown.settled_in`)."""
    if plan is None or not any(diagnostic.unknown for diagnostic in diagnostics):
        return {}
    from masterplan.checks.last_build import Unknown
    settled = Unknown.of(plan).settled_in()
    # only the ids these problems name: a misplaced file no other names stays among the shared files, with its W017
    return {missing: settled[missing] for diagnostic in diagnostics if (missing := diagnostic.unknown) in settled}


def shares(diagnostics: Sequence[Diagnostic], plan: Plan | None) -> list[Share]:
    """The agencies' shares, by short name (by file name for a file the plan could not read), then the shared
    files'; a problem that concerns two agencies is in the share of each."""
    by_file: dict[str | None, list[Diagnostic]] = {}
    settled = _settled(diagnostics, plan)
    for diagnostic in diagnostics:
        for file in _files(diagnostic, settled):
            by_file.setdefault(file, []).append(diagnostic)
    owners = _owners(plan)

    def order(file: str) -> str:
        return owners[file].short_name.casefold() if file in owners else _stem(file).casefold()

    def own_first(file: str) -> list[Diagnostic]:  # a misplaced file's W017 before those it settles elsewhere
        return sorted(by_file[file], key=lambda diagnostic: diagnostic.position.file != file)

    agencies = [Share(file, owners.get(file), own_first(file)) for file in sorted(filter(None, by_file), key=order)]
    return agencies + ([Share(None, None, by_file[None])] if None in by_file else [])


def _owners(plan: Plan | None) -> dict[str, Agency]:
    """Agency file → its agency."""
    return {agency.position.file: agency for agency in plan.agencies} if plan else {}


def agency_ids(diagnostic: Diagnostic, plan: Plan | None) -> list[str]:
    """The ids of the agencies a diagnostic concerns, for ``--format json`` (an unread file's by its name)."""
    owners = _owners(plan)
    return [owners[file].id if file in owners else _stem(file) for file in _files(diagnostic, _settled([diagnostic], plan))
            if file is not None]


def said(diagnostics: Sequence[Diagnostic], plan: Plan | None, speaker: Speaker, unchecked: bool = False) -> str:
    """The report by agency: each share under a heading (the agency, its file, its count), its lines indented;
    then the agencies without problems (not while a file is ``unchecked``, whose errors hold checks across agencies
    back), and the count of all; a blank line between them."""
    told = shares(diagnostics, plan)
    language = speaker.translate.language
    blocks = []
    for share in told:
        count = counted(share.diagnostics)
        heading = Message("Shared files (plan.yml, pillars, chapters, glossary): {count}", count=count) \
            if share.file is None else Message("{agency} — {file}: {count}", file=share.file, count=count,
                                               agency=_named(share.agency, language) if share.agency
                                               else _stem(share.file))
        blocks.append([speaker.say(heading), *("  " + line for line, _ in speaker.lines(share.diagnostics))])
    files = {share.file for share in told}
    clean = sorted((a for a in plan.agencies if a.position.file not in files), key=lambda a: a.short_name.casefold()) \
        if plan and not unchecked else []
    if clean:
        blocks.append([speaker.say(Message("No problems: {count} agencies ({agencies})" if len(clean) > 1 else
                                           "No problems: 1 agency ({agencies})", count=len(clean),
                                           agencies=", ".join(agency.short_name for agency in clean)))])
    blocks.append(speaker.summary(diagnostics))
    return "\n\n".join("\n".join(block) for block in blocks)


def _named(agency: Agency, language: str) -> str:
    """"Dinas Lingkungan Hidup (DLH)"; "Inspektorat Daerah" where its short name says no more."""
    name = agency.name.get(language)
    return f"{name} ({agency.short_name})" if agency.short_name_adds else name
