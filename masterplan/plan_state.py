"""The state of a plan's files as a short fingerprint: the one a PDF was built from, and the one now.

A build takes it before it reads the content and records it beside the PDF it writes
(:mod:`masterplan.render.pdf_title`); the preview compares it with the plan's as it is now to
know whether the PDF it links is of the content being edited, or of an earlier version. A
file's modification time could not say so: a build that read edit A and wrote its PDF after
edit B was saved left a PDF newer than every file, one edit behind, and never rebuilt.

Each file of ``content/`` and ``templates/`` counts by its path and, a text (YAML, Markdown, a template, a
stylesheet), its bytes, else its size and modification time (a look reads no picture): so an edit undone
(saved back as it was) gives the fingerprint of before, and the preview builds nothing again for it. A
text's bytes are read again only when its size or time changed (:data:`_TEXTS`). As the preview's watcher,
it leaves out what an editor leaves beside the file it saves, and caches (:mod:`masterplan.leftovers`).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

from masterplan.leftovers import UNWATCHED_FOLDERS, unwatched

FOLDERS = ("content", "templates")  #: what a build reads of the plan folder
#: files counted by their bytes: what people edit, and undo
TEXTS = {".yml", ".yaml", ".md", ".html", ".css", ".js", ".json", ".txt", ".csv", ".svg"}
KEPT_TEXTS = 20_000  #: texts' hashes kept at most (L's plan has about 130 texts)
#: how far a file's time (the kernel's coarse clock) may lag behind :func:`time.time`, in seconds
CLOCK_SLACK = 0.05
#: each text's hash by (path, size, time) when it was last read: the preview asks after every save
_TEXTS: dict[tuple[str, int, int], str] = {}
_TEXTS_LOCK = threading.Lock()


def fingerprint(root: Path) -> str:
    """The fingerprint of the plan folder ``root`` as its files are now."""
    digest = hashlib.sha256()
    for path, size, modified in sorted(files(root)):
        held = _text_hash(root, path, size, modified) if Path(path).suffix.lower() in TEXTS else None
        digest.update(f"{path}\0{held or size}\0{'' if held else modified}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


def _text_hash(root: Path, path: str, size: int, modified: int) -> str | None:
    """The hash of a text's bytes; None when it cannot be read (gone meanwhile: counted by its size and time)."""
    known = (str(root / path), size, modified)
    with _TEXTS_LOCK:  # the preview's watcher and its page threads ask side by side
        held = _TEXTS.get(known)
    if held is not None:
        return held
    looked = time.time_ns()
    try:
        held = hashlib.sha256((root / path).read_bytes()).hexdigest()
    except OSError:
        return None
    if looked - modified < CLOCK_SLACK * 1e9:  # saved just now: a save of the same size may follow within the same
        return held  # tick of the file clock, bearing the same time, and its bytes were taken for these (an edit unseen)
    with _TEXTS_LOCK:
        _TEXTS[known] = held
        while len(_TEXTS) > KEPT_TEXTS:  # of files long saved over: the oldest go
            del _TEXTS[next(iter(_TEXTS))]
    return held


def newest(root: Path) -> float:
    """The latest modification time of those files, in seconds (0 when there are none)."""
    return max((modified for _, _, modified in files(root)), default=0) / 1e9


def files(root: Path) -> list[tuple[str, int, int]]:
    """Each file of the plan's folders: its path in ``root``, size and time (nanoseconds). A link to a folder inside
    the plan folder is followed, as the build reads through it (``content/chapters`` → ``../bab``): an edit there
    changed the page and not the fingerprint, and the preview took the PDF for current. A link leading out of it
    (refused by the build, E013) is not, nor is a folder twice."""
    found = []
    inside = os.path.realpath(root)
    seen: set[str] = set()
    for directory, folders, names in (walked for folder in FOLDERS
                                      for walked in os.walk(root / folder, followlinks=True)):
        real = os.path.realpath(directory)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = [name for name in folders if name not in UNWATCHED_FOLDERS  # .git, __pycache__
                      and _within(os.path.realpath(os.path.join(directory, name)), inside)]
        for name in names:
            if unwatched(name):
                continue
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except OSError:  # gone while looked at, or a dangling link: as if it were not there
                continue
            found.append((os.path.relpath(path, root), stat.st_size, stat.st_mtime_ns))
    return found


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)
