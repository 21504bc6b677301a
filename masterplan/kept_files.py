"""Each content file's parse and schema result, kept between runs: a build after an edit reads only what changed.

Parsing YAML with positions and checking it against the schema is most of a load: about
5 s for a province's 3,000 programs, where reading the kept results back takes 0.3 s.
:class:`KeptFiles` is a :class:`~masterplan.filecache.FileCache` whose results outlive the
process. A result is kept in the user's cache folder, never in the plan folder, which other
people may write to: a kept result is a pickle, and reading a pickle can run code. The
folder is one for this Python and this version of the tool's code (swept when unused), with
one entry per content file, marked with a hash of the file's bytes. A file whose bytes
changed is parsed again, so nothing stale is read back; the model is built and every rule
runs afresh on every load, as with the preview's cache. ``--no-cache`` parses every file.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from masterplan.filecache import FileCache, FileResult
from masterplan.output import write_whole
from masterplan.resources import forget_unused, read_private, source_hash, user_cache

FOLDERS = "parsed-"  #: the cache folders are named "parsed-<python>-<tool's code>"


class KeptFiles(FileCache):
    """Parse results kept in the user's cache, for one process's load (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = user_cache(f"{FOLDERS}{sys.implementation.cache_tag}-{source_hash()[:12]}")
        if self.folder is not None:
            forget_unused(self.folder, FOLDERS)
        self._seen: dict[str, bytes] = {}  #: entry → the hash of the file's bytes when it was looked up

    def get(self, path: Path, file: str, kind: str) -> FileResult | None:
        """The kept result while the file holds the bytes it was parsed from, else None."""
        if self.folder is None:
            return None
        mark = _content_mark(path)
        if mark is None:
            return None
        entry = _entry(path, file, kind)
        self._seen[entry] = mark
        kept = read_private(self.folder / entry)
        if kept is None or not kept.startswith(mark):
            self.misses += 1
            return None
        try:
            result = pickle.loads(kept[len(mark):])  # our own entry, in a folder only the user can write
        except Exception:  # noqa: BLE001 - a damaged entry can raise nearly anything: parsed again
            result = None
        if not isinstance(result, FileResult):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, path: Path, file: str, kind: str, stamp: tuple[int, int] | None, result: FileResult) -> None:
        """Keep ``result``, unless the file changed since it was looked up (it may have been read half-saved)."""
        entry = _entry(path, file, kind)
        mark = self._seen.pop(entry, None)
        if self.folder is None or mark is None or _content_mark(path) != mark:
            return
        try:
            write_whole(self.folder / entry, mark + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError):
            pass  # a full disk only costs parsing the file again next time


def _content_mark(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def _entry(path: Path, file: str, kind: str) -> str:
    """The entry's name: one per file of one plan folder, read as one kind."""
    return hashlib.blake2b(f"{path.resolve()}\0{file}\0{kind}".encode(), digest_size=16).hexdigest()
