"""Files an editor, a copy or the system leaves beside a plan's own: never part of the plan.

The preview's watcher ignores their changes (no rebuild for a swap file, :mod:`masterplan.watch`) and
validate does not name them among the files nothing reads (W017, :mod:`masterplan.checks.files`).
"""

from __future__ import annotations

import re
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Message, Position, error, warning

#: Files editors write beside the one being saved and delete or rename right after, on
#: top of watchfiles' own list (vim's ``.swp``, ``~`` backups, emacs's ``.#`` locks):
#: GNU ``sed -i`` (``sedAbC123``), vim's write test (``4913``), emacs's ``#autosave#``,
#: gedit's ``.goutputstream-…``, Kate's swap files and generic ``.tmp`` files.
EDITOR_LEFTOVERS = (r"^sed[A-Za-z0-9]{6}$", r"^4913$", r"^#.*#$", r"^\.goutputstream-", r"\.kate-swp$",
                    r"\.tmp$", r"\.crswap$")
#: What a file never meant to be read looks like besides: watchfiles' own list (swap files, ``~`` backups, locks),
#: hidden files, a copy kept by hand (``.bak``, ``.old``, ``.orig``) and what Windows and macOS leave in a folder.
#: files Windows and Office write beside a user's own: thumbnails, folder settings, and the owner file Word keeps
#: beside a document while it is open (~$laporan.docx, which holds the user's name)
COMPUTERS_OWN = (r"^Thumbs\.db$", r"^ehthumbs\.db$", r"^desktop\.ini$", r"^~\$")
KEPT_ASIDE = (r"\.sw.$", r"~$", r"^\.", r"\.(?:bak|old|orig)$", *COMPUTERS_OWN)
_LEFTOVER = re.compile("|".join((*EDITOR_LEFTOVERS, *KEPT_ASIDE)), re.IGNORECASE)
#: What the preview's watcher leaves out: watchfiles' own defaults (caches, version control, swap and backup
#: files) and the editor leftovers. Written out here, so that a build, which does not import watchfiles, counts
#: the files the watcher heeds (:mod:`masterplan.plan_state`).
UNWATCHED_FOLDERS = ("__pycache__", ".git", ".hg", ".svn", ".tox", ".venv", ".idea", "node_modules", ".mypy_cache",
                     ".pytest_cache", ".hypothesis")
UNWATCHED = (r"\.py[cod]$", r"\.___jb_...___$", r"\.sw.$", "~$", r"^\.\#", r"^\.DS_Store$", r"^flycheck_",
             *EDITOR_LEFTOVERS)
_UNWATCHED = re.compile("|".join(UNWATCHED))


_COMPUTERS_OWN = re.compile("|".join(COMPUTERS_OWN), re.IGNORECASE)


def computers_own(name: str) -> bool:
    """Whether a file named ``name`` is one Windows or Office wrote (:data:`COMPUTERS_OWN`), never the plan's."""
    return _COMPUTERS_OWN.search(name) is not None


def is_leftover(name: str) -> bool:
    """Whether a file named ``name`` is one of those, not the plan's."""
    return _LEFTOVER.search(name) is not None


def unwatched(name: str) -> bool:
    """Whether a change of the file named ``name`` is none the preview rebuilds for."""
    return _UNWATCHED.search(name) is not None


#: a name that hides a file's real ending behind another ("dishub.yml.txt", "bab.md.docx"): Windows shows neither
_HIDDEN_ENDING = re.compile(r"^(.+\.(?:ya?ml|md))\.\w+$", re.IGNORECASE)


def hidden_ending(name: str) -> str | None:
    """The name meant by a file whose real ending hides behind another ("dishub.yml" of "dishub.yml.txt"), or None
    for any other, a leftover among them ("dinsos.yml.bak", ".dinkes.yml.swp")."""
    found = _HIDDEN_ENDING.match(name)
    return found.group(1) if found and not is_leftover(name) else None


def has_twin(folder: Path, meant: str) -> bool:
    """Whether ``folder`` holds the file ``meant`` names, with either of YAML's endings for a YAML file
    ("dishub.yaml" is "dishub.yml" read)."""
    stem, suffix = meant.rsplit(".", 1)
    endings = ("yml", "yaml") if suffix.lower() in ("yml", "yaml") else (suffix,)
    return any((folder / f"{stem}.{ending}").exists() or (folder / f"{stem}.{ending.upper()}").exists()
               for ending in endings)


def hidden_ending_told(where: Position, path: Path, meant: str) -> Diagnostic:
    """``dishub.yml.txt``: a file whose real ending Windows hid, then another was added to. With no ``dishub.yml``
    beside it, an error (E019): the plan would be built, and published, without that agency, pillar or chapter
    (its programs' ids are not reported unknown elsewhere, :meth:`FolderReader.folder`)."""
    hint = Message("rename it to {file}; Windows hides a file's ending unless 'File name extensions' is ticked in "
                   "Explorer's View menu", file=meant)
    if not has_twin(path.parent, meant):
        return error(where, "E019", "{name} is not read: its name ends in {ending}, and there is no {file}", hint,
                     name=path.name, ending=path.suffix, file=meant)
    return warning(where, "W017", "{name} is not read: its name ends in {ending}", hint, name=path.name,
                   ending=path.suffix)
