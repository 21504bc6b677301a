"""Reading only the files that changed: parse and schema results remembered per file, for the preview.

Loading a 300-program plan spends most of its time parsing YAML and checking each file
against its schema, yet an edit touches one file. :class:`FileCache` remembers, per
file, the located data and the schema diagnostics, keyed by path, size and
modification time, and hands them back while the file is unchanged. The model is
still built and linked afresh from that data on every load, and every cross-file rule
still runs, so nothing stale can leak into the result.

``masterplan.load`` has no cache parameter yet, so :meth:`FileCache.installed` puts the
cached functions in place of ``yamlfile.read`` and ``validation.check`` for the
duration of one load in this process (the preview's only; builds never use it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from masterplan import validation, yamlfile
from masterplan.diagnostics import Diagnostic, Position

_PATCH_LOCK = threading.Lock()


class FileCache:
    """Per-file memo of ``yamlfile.read`` and ``validation.check`` results."""

    def __init__(self) -> None:
        self.reads: dict[str, tuple[tuple[int, int], Any, list[Diagnostic]]] = {}
        self.checks: dict[tuple[str, int, Position], list[Diagnostic]] = {}
        self.owned: dict[int, str] = {}  #: id of cached data → its path; only those are checked from cache
        self.hits = self.misses = 0

    def read(self, path: Path, file: str) -> tuple[Any, list[Diagnostic]]:
        """``yamlfile.read``, from the cache when the file is unchanged."""
        key = str(path)
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            return _original_read(path, file)
        cached = self.reads.get(key)
        if cached is not None and cached[0] == stamp:
            self.hits += 1
            return cached[1], list(cached[2])
        self.misses += 1
        self.forget(key)
        data, problems = _original_read(path, file)
        self.reads[key] = (stamp, data, list(problems))
        if data is not None:
            self.owned[id(data)] = key
        return data, problems

    def check(self, kind: str, data: Any, position: Position) -> Iterator[Diagnostic]:
        """``validation.check``, from the cache for data this cache handed out."""
        if id(data) not in self.owned:
            return _original_check(kind, data, position)
        key = (kind, id(data), position)
        if key not in self.checks:
            self.checks[key] = list(_original_check(kind, data, position))
        return iter(self.checks[key])

    def forget(self, key: str) -> None:
        cached = self.reads.pop(key, None)
        if cached is not None and cached[1] is not None:
            self.owned.pop(id(cached[1]), None)
            self.checks = {k: v for k, v in self.checks.items() if k[1] != id(cached[1])}

    @contextmanager
    def installed(self) -> Iterator[FileCache]:
        """Use this cache for every file read in this process until the block ends."""
        with _PATCH_LOCK:
            yamlfile.read, validation.check = self.read, self.check  # type: ignore[assignment]
            try:
                yield self
            finally:
                yamlfile.read, validation.check = _original_read, _original_check


_original_read = yamlfile.read
_original_check = validation.check
