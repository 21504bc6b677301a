"""Asking the file system about a name the content writes: a name it refuses is no file, and a link to no file is
told (E022).

``Path.is_file`` and ``Path.is_dir`` answer False for a missing file, but raise for a name
the system cannot even look up: a part longer than 255 bytes ("File name too long"), a
folder it may not enter. Content can write such a name (an id, a logo's or an image's path
pasted several times over), and the checks then report the file missing, as it is.
"""

from __future__ import annotations

from pathlib import Path

from masterplan.diagnostics import Diagnostic, Position, error


def is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False for a name the file system refuses."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False for a name the file system refuses."""
    try:
        return path.is_dir()
    except OSError:
        return False


def broken_link(file: str) -> Diagnostic:
    """E022: a content file that is a link (symlink) leading to no file, or round in a loop: left out of the plan,
    with all it would hold, unless told."""
    return error(Position(file), "E022", "file is a link that leads to no file (its target is gone, or it leads round "
                 "in a loop): it is not read", "copy the file itself into the plan folder instead of linking to it")
