"""Agency files saved where the plan does not read them: ``content/dinkes.yml``, ``content/agencies/kesehatan/``,
``content/pillars/dinkes.yml``.

The file itself is told where it is (W017, or E114 among the pillars). The agencies and chapters that name the
agency or its programs are told where its file is and where it belongs, not that it is gone: without this, one
file dragged into the wrong folder asked eight other agencies to restore it or to delete its name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from masterplan import yamlfile
from masterplan.folder_reader import YAML_SUFFIXES
from masterplan.leftovers import UNWATCHED_FOLDERS, is_leftover
from masterplan.misfiled import AGENCY_FIELDS
from masterplan.model import ASSETS
from masterplan.yaml_nodes import MAX_FILE_BYTES


@dataclass(frozen=True)
class Stray:
    """An agency's file outside ``content/agencies/``: where it is (from the plan's folder) and its programs' ids."""

    agency: str
    file: str
    programs: frozenset[str]

    @property
    def place(self) -> str:
        """Where the file belongs."""
        return f"content/agencies/{self.agency}.yml"


def strays(content: Path, agencies: frozenset[str]) -> dict[str, Stray]:
    """Each agency id the plan does not have (``agencies``: those it has) → its file, for the YAML files under
    ``content/`` that read as an agency's: a mapping with two of its fields or more (:data:`AGENCY_FIELDS`). Not
    read: ``content/agencies/`` itself, the pictures of ``content/assets/``, copies kept aside and tools' folders,
    a file too large to be one, and an archive's copy of an agency the plan has (its live file is elsewhere). A file
    that cannot be read is left to the load, which tells it."""
    found: dict[str, Stray] = {}
    for folder, subfolders, files in os.walk(content):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if name not in UNWATCHED_FOLDERS
                               and not name.startswith(".") and not (here == content and name == ASSETS))
        if here == content / "agencies":
            continue
        for name in sorted(files):
            path = here / name
            if path.suffix not in YAML_SUFFIXES or is_leftover(name) or path.stat().st_size > MAX_FILE_BYTES:
                continue
            stray = _read(path, content)
            if stray is not None and stray.agency not in agencies:
                found.setdefault(stray.agency, stray)
    return found


def _read(path: Path, content: Path) -> Stray | None:
    data, _ = yamlfile.read(path, path.name)  # a value it cannot read (a phone number, E017) leaves the rest readable
    if not isinstance(data, Mapping) or len(AGENCY_FIELDS & {key for key in data if isinstance(key, str)}) < 2:
        return None
    agency = data["id"] if isinstance(data.get("id"), str) else path.stem
    written = data.get("programs")
    programs = frozenset(item["id"] for item in written if isinstance(item, dict) and isinstance(item.get("id"), str)
                         ) if isinstance(written, list) else frozenset()
    return Stray(agency, path.relative_to(content.parent).as_posix(), programs)
