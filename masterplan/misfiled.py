"""A file of one kind saved in another kind's folder: an agency's in ``content/pillars/``, a pillar's in
``content/agencies/``.

Read as the folder's kind, such a file drew every schema complaint of it (six for an agency's file among the
pillars: "required field 'order' is missing", "unknown field 'programs'"…), which a clerk would try to mend by
adding fields. It is told once, as the file of the other kind it is, with where it belongs.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, Position, error

#: the fields only an agency's file has at its top
AGENCY_FIELDS = frozenset({"short_name", "kind", "programs", "supports"})
#: the fields only each kind's file has at its top
_SIGNS = {"agency": AGENCY_FIELDS,
          "pillar": frozenset({"order", "sub_elements", "goals", "colour"})}
_FOLDERS = {"agency": "agencies", "pillar": "pillars"}


def misfiled(kind: str, data: Any, file: str) -> Diagnostic | None:
    """E114 when ``data``, read as a ``kind``'s file, has two fields or more only another kind's file has, and
    none of its own kind's; else None."""
    if kind not in _SIGNS or not isinstance(data, dict):
        return None
    written = {key for key in data if isinstance(key, str)}
    if written & _SIGNS[kind]:
        return None
    for other, signs in _SIGNS.items():
        if other != kind and len(found := sorted(written & signs)) >= 2:
            place = f"content/{_FOLDERS[other]}/{PurePosixPath(file).name}"
            said = ("this is an agency's file (it has {fields}), saved in content/pillars/" if other == "agency" else
                    "this is a pillar's file (it has {fields}), saved in content/agencies/")
            return error(Position(file, 1, 1), "E114", said, Message("move it to {place}", place=place),
                         fields=", ".join(found))
    return None
