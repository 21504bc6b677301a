"""Agency files saved where the plan does not read them: ``content/dinkes.yml``, ``content/agencies/kesehatan/``,
``content/pillars/dinkes.yml``.

The file itself is told where it is (W017, or a pillar's schema errors). The agencies and chapters that name the
agency or its programs are told where its file is and where it belongs, not that it is gone: without this, one
file dragged into the wrong folder asked eight other agencies to restore it or to delete its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from masterplan.folder_reader import YAML_SUFFIXES

#: the fields only an agency's file has at its top
_AGENCY_FIELDS = frozenset({"programs", "kind", "supports"})


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


def strays(content: Path) -> dict[str, Stray]:
    """Each agency id → its file, for the YAML files under ``content/`` (``content/agencies/`` itself left out)
    that read as an agency's: a mapping with ``programs``, ``kind`` or ``supports``. A file that cannot be read
    is left to the load, which tells it."""
    agencies = content / "agencies"
    found: dict[str, Stray] = {}
    for path in sorted(content.rglob("*")):
        if path.suffix not in YAML_SUFFIXES or path.parent == agencies or not path.is_file():
            continue
        try:
            data = yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (OSError, ValueError, yaml.YAMLError):
            continue
        if not isinstance(data, dict) or not _AGENCY_FIELDS & {key for key in data if isinstance(key, str)}:
            continue
        agency = data["id"] if isinstance(data.get("id"), str) else path.stem
        written = data.get("programs")
        programs = frozenset(item["id"] for item in written if isinstance(item, dict) and isinstance(item.get("id"), str)
                             ) if isinstance(written, list) else frozenset()
        found.setdefault(agency, Stray(agency, path.relative_to(content.parent).as_posix(), programs))
    return found
