"""Files an editor, a copy or the system leaves beside a plan's own: never part of the plan.

The preview's watcher ignores their changes (no rebuild for a swap file, :mod:`masterplan.watch`) and
validate does not name them among the files nothing reads (W017, :mod:`masterplan.checks.files`).
"""

from __future__ import annotations

import re

#: Files editors write beside the one being saved and delete or rename right after, on
#: top of watchfiles' own list (vim's ``.swp``, ``~`` backups, emacs's ``.#`` locks):
#: GNU ``sed -i`` (``sedAbC123``), vim's write test (``4913``), emacs's ``#autosave#``,
#: gedit's ``.goutputstream-…``, Kate's swap files and generic ``.tmp`` files.
EDITOR_LEFTOVERS = (r"^sed[A-Za-z0-9]{6}$", r"^4913$", r"^#.*#$", r"^\.goutputstream-", r"\.kate-swp$",
                    r"\.tmp$", r"\.crswap$")
#: What a file never meant to be read looks like besides: watchfiles' own list (swap files, ``~`` backups, locks),
#: hidden files, a copy kept by hand (``.bak``, ``.old``, ``.orig``) and what Windows and macOS leave in a folder.
KEPT_ASIDE = (r"\.sw.$", r"~$", r"^\.", r"\.(?:bak|old|orig)$", r"^Thumbs\.db$", r"^desktop\.ini$")
_LEFTOVER = re.compile("|".join((*EDITOR_LEFTOVERS, *KEPT_ASIDE)), re.IGNORECASE)


def is_leftover(name: str) -> bool:
    """Whether a file named ``name`` is one of those, not the plan's."""
    return _LEFTOVER.search(name) is not None
