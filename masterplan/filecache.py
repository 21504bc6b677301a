"""Reading only the files that changed: each file's parse and schema result, remembered for the next load.

Loading a 300-program plan spends most of its time parsing YAML and checking each file
against its schema, yet an edit touches one file. A :class:`FileCache` handed to
:func:`masterplan.load.load` remembers, per file, the located data and its diagnostics,
keyed by path, modification time (ns) and size, and hands them back while the file is
unchanged. The model is still built and linked afresh from that data on every load and
every cross-file rule still runs, so nothing stale can leak into the result.
"""

from __future__ import annotations

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
        self._entries: dict[tuple[str, str, str], tuple[tuple[int, int], FileResult]] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def stamp(path: Path) -> tuple[int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def get(self, path: Path, file: str, kind: str, content: bytes) -> FileResult | None:
        """The remembered result while ``path`` is unchanged, else None (``content``: its bytes, as just read)."""
        stamp = self.stamp(path)
        with self._lock:
            entry = self._entries.get((str(path), file, kind))
            if stamp is not None and entry is not None and entry[0] == stamp:
                self.hits += 1
                return entry[1]
            self.misses += 1
            return None

    def put(self, path: Path, file: str, kind: str, stamp: tuple[int, int] | None, result: FileResult,
            content: bytes) -> None:
        """Remember ``result`` for the file as it was at ``stamp`` (taken before it was read), parsed from ``content``."""
        if stamp is None:
            return
        with self._lock:
            self._entries[(str(path), file, kind)] = (stamp, result)
