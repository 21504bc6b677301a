"""Reading only the files that changed: each file's parse and schema result, remembered for the next load.

Loading a 300-program plan spends most of its time parsing YAML and checking each file
against its schema, yet an edit touches one file. A :class:`FileCache` handed to
:func:`masterplan.load.load` remembers, per file, the located data and its diagnostics,
keyed by path and a hash of the file's bytes, and hands them back while the file holds the
same bytes. The model is still built and linked afresh from that data on every load and
every cross-file rule still runs, so nothing stale can leak into the result.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from masterplan.diagnostics import Diagnostic


@dataclass(frozen=True)
class FileResult:
    """One file as read: its data (None when unreadable), YAML problems, schema problems."""

    data: Any
    problems: tuple[Diagnostic, ...]
    schema_problems: tuple[Diagnostic, ...]


class FileCache:
    """Per-file memo of what :mod:`masterplan.load` reads; safe to share between threads."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, str], tuple[bytes, FileResult]] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, path: Path, file: str, kind: str, content: bytes) -> FileResult | None:
        """The result remembered for exactly these bytes of the file (``content``, as just read), else None."""
        found = self.remembered(path, file, kind, content)
        if found is not None:
            self.hits += 1
        else:
            self.misses += 1
        return found

    def remembered(self, path: Path, file: str, kind: str, content: bytes) -> FileResult | None:
        """What :meth:`get` answers, uncounted."""
        with self._lock:
            entry = self._entries.get((str(path), file, kind))
        return entry[1] if entry is not None and entry[0] == content_mark(content) else None

    def put(self, path: Path, file: str, kind: str, result: FileResult, content: bytes) -> None:
        """Remember ``result``, parsed from ``content``: the bytes read once, so an edit saved meanwhile is not mixed in."""
        with self._lock:
            self._entries[(str(path), file, kind)] = (content_mark(content), result)

    def loaded(self) -> None:
        """The load is done: every file it parsed has been put (a cache that writes them may start)."""

    def settle(self) -> None:
        """Wait until whatever :meth:`loaded` started is done (before the process ends)."""


def content_mark(content: bytes) -> bytes:
    """What a remembered result is for: a hash of the file's bytes."""
    return hashlib.blake2b(content, digest_size=16).digest()
