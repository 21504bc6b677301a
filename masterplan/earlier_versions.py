"""The books of the plan's earlier versions, kept so that the site still serves each under an address of its own.

The site serves the book at one fixed address (``download/masterplan.pdf``): a revision's build replaced it, and a
researcher who cited version 1.0 could no longer get it. Each build that lays out the books records beside them
what they are (:data:`BOOKS`: version, date, status, edition, the files). A build of a plan of another version
than the books in place keeps those books, before its own replace them, in ``build/.versions/``, which mirrors the
site's ``download/`` folder: ``v1.0/masterplan.pdf`` (with the executive summary and the strategic analysis, when
that build made them), an edition in another language than the plan is written in under ``v1.0/en/``. Every site
a build writes carries them at those addresses, and its revision history links each version to its books.

What is kept, so that drafts do not pile up: the last build of each version the plan's ``revisions`` list, once,
when the plan has moved on to another version, or of each of its editions, once the other is built; never a
version later than the plan's (a copy of the sample, 1.0, built before it was made the city's own draft, 0.1), nor
one the history does not list (a working number). No book is thrown away: a kept book of an earlier version that a
later build of that version replaces, and the books in place of a version later than the plan's (its version lowered,
1.2 to 1.1), are set aside in ``build/.versions/replaced/v1.0[/en]/<when built>/``, not served, and the build says so
(W427); the plan's own version's other edition, kept while the editions are built by turns, is replaced untold.
The kept books go through the build's staging folder like the site, so a failed build loses nothing, and
``--no-cache`` keeps them (a record, not a cache). Deleting ``build/.versions/`` (or a version's folder) forgets them.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from masterplan import output, published_plan, version_names
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan
from masterplan.render.saved_names import saved_as

FOLDER = ".versions"  #: in the output folder: the earlier versions' books, as the site's download/ holds them
BOOKS = ".books.json"  #: in the output folder (and in each kept version's): what the books beside it are
REPLACED = "replaced"  #: in FOLDER: the books set aside, never served (no version's folder is named so: "v…")
#: the kept versions' folder as the build's warnings name it to the plan's author, from the plan's folder
SHOWN = f"{output.BUILD}/{FOLDER}"
DOWNLOAD = "download"  #: the site's folder the kept books are served from (site_links.PAGES["pdf"]'s)
#: the books a build lays out, by their file's name: the key of the site's page of this version's (site_links.PAGES)
FILES = {output.PDF: "pdf", output.SUMMARY_PDF: "summary_pdf", output.ANALYSIS_PDF: "analysis_pdf"}


@dataclass(frozen=True)
class KeptBook:
    """One book of an earlier version, as the site serves it."""

    version: str
    language: str  #: the edition's
    file: str  #: its name in the build (``masterplan.pdf``), which says which book it is
    address: str  #: from the site's root: ``download/v1.0/masterplan.pdf``
    saved_as: str  #: the name a browser saves it under (:mod:`masterplan.render.saved_names`)
    size: int

    @property
    def key(self) -> str:
        """Which book it is, as the site names this version's (``pdf``, ``summary_pdf``, ``analysis_pdf``)."""
        return FILES[self.file]


def record(plan: Plan, staging: Path, draft: str) -> None:
    """Say what the books this build laid out into ``staging`` are (none: nothing is said, and the record of the
    books in place stays with them); ``draft``: the word for a draft in the plan's language, for their names."""
    books = [name for name in FILES if (staging / name).is_file()]
    if books:
        (staging / BOOKS).write_text(json.dumps({
            "version": plan.version, "date": plan.date.isoformat() if plan.date else None, "status": plan.status,
            "language": plan.language, "written_in": plan.written_in, "built": datetime.datetime.now().isoformat(),
            "books": {name: saved_as(plan, name, draft) for name in books},
            "sizes": {name: (staging / name).stat().st_size for name in books}}, ensure_ascii=False), encoding="utf-8")


def keep(plan: Plan, build_dir: Path, staging: Path) -> list[Diagnostic]:
    """Put the books in place into ``staging``'s kept versions, when they are of an earlier version than ``plan``,
    listed in its history, and not kept yet; the versions kept before go along (hard links: no second copy). A kept
    book of an earlier version this replaces, and books in place of a later version than the plan's, are set aside
    (:data:`REPLACED`): what the build says of them (W427). The plan's own version's other edition, built by turns,
    replaces the one kept untold."""
    found = _placed(build_dir)
    folder = _folder(found[1], build_dir / FOLDER) if found is not None else None
    if found is None or folder is None:
        return []
    placed = found[1]
    later = _later(placed, plan)
    kept_before = _read(build_dir / FOLDER / folder / BOOKS)
    if not later and not _to_keep(placed, plan) or _done_before(build_dir, folder, placed, later, kept_before):
        return []
    versions = staging / FOLDER
    _link_tree(build_dir / FOLDER, versions)
    if later:
        return [_set_aside_later_version(plan, build_dir, versions, folder, placed)]
    told = _set_aside_kept_book(plan, versions, folder, placed, kept_before)
    _keep_placed(build_dir, versions / folder, placed)
    return told


def _done_before(build_dir: Path, folder: str, placed: dict[str, Any], later: bool,
                 kept_before: dict[str, Any] | None) -> bool:
    """Whether an earlier build set the books in place aside (of a ``later`` version than the plan's), or kept them
    already (``kept_before``: the record of the books kept in their version's ``folder``)."""
    set_aside = later and (build_dir / FOLDER / REPLACED / folder / _when(placed)).is_dir()
    return set_aside or kept_before is not None and _same_build(kept_before, placed)


def _set_aside_later_version(plan: Plan, build_dir: Path, versions: Path, folder: str,
                             placed: dict[str, Any]) -> Diagnostic:
    """Set the books in place aside into ``versions`` (the staging's kept versions): they are of a later version
    than the plan's, which lowered its version, and the next book replaces them; they are no earlier version of it."""
    aside = _set_aside([build_dir / name for name in [*placed["books"], BOOKS]], versions, folder, placed)
    return _told(plan, "version {version}'s books in place (built {built}) are of a later version than this "
                 "plan's {now}: the next book built replaces them, so they are set aside in {folder}, not served",
                 "a revision's version goes up (1.0, 1.1, 2.0): if {version} is the version meant, write it "
                 "back in plan.yml; if they were the sample as 'masterplan new' copied it, delete that folder",
                 placed, folder=aside)


def _set_aside_kept_book(plan: Plan, versions: Path, folder: str, placed: dict[str, Any],
                         kept_before: dict[str, Any] | None) -> list[Diagnostic]:
    """Set aside the book kept of an earlier version in its ``folder`` of ``versions``, which the books in place,
    a later build of that version, replace: what the build says of it. The plan's own version's other edition, built
    by turns, is a draft of that edition: it is replaced untold, as is a folder holding no book."""
    kept = _kept_files(versions / folder)
    if version_names.same(str(placed["version"]), plan.version) or kept_before is None \
            or all(old.name == BOOKS for old in kept):
        return []
    aside = _set_aside(kept, versions, folder, kept_before)
    return [_told(plan, "version {version}'s book kept in {kept} (built {before}) is replaced by its last "
                  "build (built {built}): the one replaced is set aside in {folder}, not served",
                  "an adopted version's book is its record: a changed plan takes a version of its own in "
                  "revisions; to serve the one replaced again, move its files back into {kept}", placed,
                  kept=f"{SHOWN}/{folder}/", before=_shown(kept_before), folder=aside)]


def _keep_placed(build_dir: Path, edition: Path, placed: dict[str, Any]) -> None:
    """Keep the books in place, and their record, in their version's ``edition`` folder, in place of the ones kept
    there before (its other edition's folder, inside it, stays)."""
    edition.mkdir(parents=True, exist_ok=True)
    for old in _kept_files(edition):
        old.unlink()
    for name in placed["books"]:
        _link(str(build_dir / name), str(edition / name))  # the book in place is replaced by a rename: never written
    (edition / BOOKS).write_text(json.dumps(placed, ensure_ascii=False), encoding="utf-8")


def _kept_files(edition: Path) -> list[Path]:
    """The files kept in a version's ``edition`` folder (none when there is none yet): its books and their record."""
    return [old for old in edition.iterdir() if old.is_file()] if edition.is_dir() else []


def kept(build_dir: Path, staging: Path | None = None) -> list[KeptBook]:
    """The books kept of earlier versions: as this build leaves them (in ``staging``, when it keeps one more), else
    as the last build did, oldest version first."""
    folder = _versions(build_dir, staging)
    found: list[KeptBook] = []
    for path in sorted([*folder.glob(f"*/{BOOKS}"), *folder.glob(f"*/*/{BOOKS}")]):
        data = _read(path)
        if data is None:
            continue
        where = PurePosixPath(path.parent.relative_to(folder).as_posix())
        found += [KeptBook(str(data["version"]), str(data.get("language", "")), name,
                           str(PurePosixPath(DOWNLOAD) / where / name), str(saved), (path.parent / name).stat().st_size)
                  for name, saved in data["books"].items() if name in FILES and (path.parent / name).is_file()]
    return sorted(found, key=lambda book: (_numbers(book.version), book.address))


def copy_into(books: list[KeptBook], build_dir: Path, staging: Path | None, site: Path) -> None:
    """Put the kept books into the site being written, at their addresses."""
    folder = _versions(build_dir, staging)
    for book in books:
        target = site / book.address
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(str(folder / PurePosixPath(book.address).relative_to(DOWNLOAD)), str(target))


def by_version(books: list[KeptBook], plan: Plan) -> dict[str, list[KeptBook]]:
    """The kept books of each version of the plan's history but its own, by the version as the history writes it
    (``1.0``'s books for a book built as ``v1.0``), the edition in the site's language first; a version none is kept
    of is left out."""
    listed: dict[str, list[KeptBook]] = {}
    for revision in plan.revisions:
        found = [book for book in books if version_names.same(book.version, revision.version)
                 and not version_names.same(book.version, plan.version)]
        if found and revision.version not in listed:
            listed[revision.version] = sorted(found, key=lambda book: (
                book.language != plan.language, book.language, list(FILES).index(book.file)))
    return listed


def of_plans_version(plan: Plan, build_dir: Path, staging: Path | None = None) -> bool:
    """Whether the books in place (this build's, in ``staging``, else the last build's) are of the plan's version, so
    that its row of the revision history may link them; a build of the site alone after a revision has the earlier
    version's in place. True where no record says (books built before records were kept, or put there by hand)."""
    found = _placed(build_dir, staging)
    return found is None or version_names.same(str(found[1]["version"]), plan.version)


def saved_names(build_dir: Path, staging: Path | None = None) -> dict[str, str]:
    """The names the books in place (this build's, in ``staging``, else the last build's) were saved under when they
    were built, by their site page's key (``pdf``): a build of the site alone after a revision offers 1.0's book under
    1.0's name, not 1.1's. A book the record does not match (no record, a file put there by hand) is left out: it
    goes under the name the plan gives it now."""
    found = _placed(build_dir, staging)
    return {FILES[name]: str(saved) for name, saved in found[1]["books"].items()} if found is not None else {}


def placed_language(build_dir: Path) -> str | None:
    """The language of the books the last build laid out (``en`` for an English edition), as its record says; None
    without a record matching them."""
    found = _placed(build_dir)
    return str(found[1].get("language")) if found is not None and found[1].get("language") else None


def _placed(build_dir: Path, staging: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The books in place and their record: this build's, in ``staging``, when it laid out books, else the last
    build's; its ``books`` only those whose file matches it (a build killed between the renames of its output, a file
    put there by hand are not of the record). None without a record, or with no file matching it."""
    for folder in ([staging] if staging is not None else []) + [build_dir]:
        placed = _read(folder / BOOKS)
        if placed is not None:
            break
    else:
        return None
    sizes = recorded if isinstance(recorded := placed.get("sizes"), dict) else {}
    books = {name: saved for name, saved in placed["books"].items()
             if name in FILES and _size(folder / name) == sizes.get(name)}
    return (folder, {**placed, "books": books}) if books else None


def _versions(build_dir: Path, staging: Path | None) -> Path:
    """The kept versions' folder as this build leaves it (in ``staging``, when it keeps one more), else as the last
    build did."""
    return staging / FOLDER if staging is not None and (staging / FOLDER).is_dir() else build_dir / FOLDER


def _to_keep(placed: dict[str, Any], plan: Plan) -> bool:
    """Whether the books in place are of a version the plan's history lists before its own, or of its own version
    in the other edition (a city that publishes both builds one after the other: each edition's last is kept)."""
    version = str(placed["version"])
    if not any(version_names.same(revision.version, version) for revision in plan.revisions):
        return False
    if version_names.same(version, plan.version):
        return placed.get("language") != plan.language
    return True


def _later(placed: dict[str, Any], plan: Plan) -> bool:
    """Whether the books in place are of a later version than the plan's (its version lowered, or the sample's 1.0
    built before the copy became the city's draft 0.1)."""
    version = str(placed["version"])
    return not version_names.same(version, plan.version) and published_plan.later(
        (version_names.name(version), placed.get("date")),
        (version_names.name(plan.version), plan.date.isoformat() if plan.date else None))


def _same_build(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Whether two records are of one build of the books."""
    return all(first.get(field) == second.get(field) for field in ("version", "language", "date", "built"))


def _when(placed: dict[str, Any]) -> str:
    """The folder a set-aside book goes into, named by when it was built (``2021-12-01T09-30-00``)."""
    built = re.sub(r"[^0-9T]+", "-", str(placed.get("built") or "")[:19]).strip("-")
    return built or "unknown"


def _shown(placed: dict[str, Any]) -> str:
    """When the books were built, as a records officer reads it (``2021-12-01 09:30``)."""
    built = str(placed.get("built") or "")
    return built[:16].replace("T", " ") if built else "–"


def _set_aside(files: list[Path], versions: Path, folder: str, placed: dict[str, Any]) -> str:
    """Link ``files`` into the folder of ``versions`` (the staging's ``.versions/``) that sets aside ``placed``'s
    books: that folder, as the build's warning names it from the plan's folder (``build/.versions/replaced/…/``)."""
    where = PurePosixPath(REPLACED, folder, _when(placed))
    target = versions / where
    target.mkdir(parents=True, exist_ok=True)
    for file in files:
        _link(str(file), str(target / file.name))
    return f"{SHOWN}/{where}/"


def _told(plan: Plan, message: str, hint: str, placed: dict[str, Any], **values: str) -> Diagnostic:
    """W427 at plan.yml's ``version``: a book set aside."""
    values = {"version": str(placed["version"]), "built": _shown(placed), "now": plan.version, **values}
    return warning(plan.where.get("version", plan.position), "W427", message, Message(hint, **values), **values)


def _folder(placed: dict[str, Any], versions: Path) -> str | None:
    """The kept version's folder in ``versions``, as the site's address under download/: ``v1.0``, ``v1.0/en`` for an
    edition in another language than the plan is written in, or than the edition kept at ``v1.0`` already (a plan
    that does not say ``written_in`` takes each edition's language for it); None for a version no name can be made of.
    ``v1.0`` and ``１.０`` are ``1.0``'s (:mod:`masterplan.version_names`).
    """
    name = version_names.name(str(placed["version"]))
    if not name:
        return None
    language = placed.get("language")
    if not isinstance(language, str) or not language.isalpha():
        return f"v{name}"
    there = _read(versions / f"v{name}" / BOOKS)
    other = there is not None and there.get("language") != language
    return f"v{name}/{language}" if language != placed.get("written_in") or other else f"v{name}"


def _link_tree(source: Path, target: Path) -> None:
    """A copy of the folder ``source`` (when there is one) made of hard links, or of copies where links fail."""
    if source.is_dir():
        shutil.copytree(source, target, copy_function=_link)


def _link(source: str, target: str) -> None:
    """``target`` made the file ``source`` (a hard link: a book of some megabytes is not copied), or a copy of it
    where a link cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read(path: Path) -> dict[str, Any] | None:
    """A record of books; None when there is none, or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not isinstance(data.get("books"), dict):
        return None
    return data


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _numbers(version: str) -> tuple[int, ...]:
    """A version's numbers, to list versions in order (1.9 before 1.10); none for one that is not numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", version))
