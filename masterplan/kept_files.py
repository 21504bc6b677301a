"""Each content file's parse and schema result, kept between runs: a build after an edit reads only what changed.

Parsing YAML with positions and checking it against the schema is most of a load: about
5 s for a province's 3,000 programs, where reading the kept results back takes 0.3 s.
:class:`KeptFiles` is a :class:`~masterplan.filecache.FileCache` whose results outlive the
process. A result is kept in the user's cache folder, never in the plan folder, which other
people may write to: a kept result is a pickle, and reading a pickle can run code. The
folder is one for this Python, the libraries that parse and check, and this version of the
tool's code (swept when unused), with one entry per content file, marked with a hash of the
bytes it was parsed from (read once, so an edit saved meanwhile cannot be mixed in). A file
whose bytes changed is parsed again, so nothing stale is read back; the model is built and
every rule runs afresh on every load, as with the preview's cache. Entries no run used
for a month are deleted. ``--no-cache`` parses every file.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from masterplan.alongside import Alongside
from masterplan.filecache import FileCache, FileResult, content_mark
from masterplan.output import write_whole
from masterplan.resources import (
    forget_unused,
    forget_unused_entries,
    read_private,
    runtime_tag,
    touch,
    user_cache,
)

FOLDERS = "parsed-"  #: the cache folders are named "parsed-<Python, libraries and the tool's code>"
KEEP_APART_FROM = 3  #: files parsed: fewer (an edit) are kept at once, in a few milliseconds, where forking costs two


class KeptFiles(FileCache):
    """Parse results kept in the user's cache, for one process's load (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = user_cache(f"{FOLDERS}{runtime_tag()}")
        self.parsed: list[tuple[str, bytes, FileResult]] = []  #: (entry, content mark, result) to keep
        self.writing: Alongside[None] | None = None
        if self.folder is not None and forget_unused(self.folder, FOLDERS):
            forget_unused_entries(self.folder)

    def get(self, path: Path, file: str, kind: str, content: bytes) -> FileResult | None:
        """The result kept for exactly these bytes of the file, else None."""
        if self.folder is None:
            return None
        entry = self.folder / _entry(path, file, kind)
        kept = read_private(entry)
        mark = content_mark(content)
        result = None
        if kept is not None and kept.startswith(mark):
            try:
                result = pickle.loads(kept[len(mark):])  # our own entry, in a folder only the user can write
            except Exception:  # noqa: BLE001 - a damaged entry can raise nearly anything: parsed again
                result = None
        if not isinstance(result, FileResult):
            self.misses += 1
            return None
        self.hits += 1
        touch(entry)  # in use: not swept
        return result

    def put(self, path: Path, file: str, kind: str, result: FileResult, content: bytes) -> None:
        """Keep ``result``, parsed from ``content`` (the bytes read once: an edit saved meanwhile is not mixed in),
        once the load is done (:meth:`loaded`)."""
        if self.folder is not None:
            self.parsed.append((_entry(path, file, kind), content_mark(content), result))

    def loaded(self) -> None:
        """Write what the load parsed, in a forked child while the checks run and the build goes on:
        pickling a parse takes half as long as parsing it (a second for a province's 3,000 programs).
        This process lets the parses go; a child that fails only costs parsing them again next time."""
        if self.folder is None or not self.parsed:
            return
        self._wait()  # for an earlier load's
        folder, parsed, self.parsed = self.folder, self.parsed, []
        self.writing = Alongside(lambda: _write(folder, parsed), here=len(parsed) < KEEP_APART_FROM, otherwise=None)

    def settle(self) -> None:
        self.loaded()  # what a load parsed and has not handed over yet
        self._wait()

    def _wait(self) -> None:
        if self.writing is not None:
            writing, self.writing = self.writing, None
            writing.result()


class RememberedFiles(FileCache):
    """For a process that loads the plan again and again (the preview): each file's result is
    remembered in memory, and what earlier commands kept serves the first load. Nothing is kept
    from here: writing an edited file's parse would delay the page by a few milliseconds, and
    the next command parses the few files edited."""

    def __init__(self) -> None:
        super().__init__()
        self.kept = KeptFiles()

    def get(self, path: Path, file: str, kind: str, content: bytes) -> FileResult | None:
        found = self.remembered(path, file, kind, content)
        if found is None and (found := self.kept.get(path, file, kind, content)) is not None:
            self.put(path, file, kind, found, content)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found


def _write(folder: Path, parsed: list[tuple[str, bytes, FileResult]]) -> None:
    for name, mark, result in parsed:
        try:
            write_whole(folder / name, mark + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError):
            pass  # a full disk only costs parsing the file again next time


def _entry(path: Path, file: str, kind: str) -> str:
    """The entry's name: one per file of one plan folder, read as one kind."""
    return hashlib.blake2b(f"{path.resolve()}\0{file}\0{kind}".encode(), digest_size=16).hexdigest()
