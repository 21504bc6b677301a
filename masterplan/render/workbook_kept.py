"""The last build's workbook, taken again while nothing it shows changed.

Writing ``plan.xlsx`` is most of the open data's time (about 0.4 s of 0.6 s for 300
programs), and a build after an edit to a chapter or a template, or after no edit at all,
would write the same bytes again. The workbook's key hashes everything it is made from: the
data files' bytes (``plan.json`` and every CSV table, which hold the whole plan), the
plan's language and the words of its catalog, the tool's version and code, and
xlsxwriter's version. ``build/.cache/workbook.json`` records the last key and the hash of
the file written for it. The last build's file is linked (or copied) into the new output
only when the key is the same and the file on disk still has the recorded hash, so a
record left by a failed build, or an edited file, costs a write, never a stale workbook.
``--no-cache`` always writes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import masterplan
from masterplan.i18n import Translator
from masterplan.output import write_whole
from masterplan.resources import source_hash

RECORD = Path(".cache") / "workbook.json"


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def key(files: dict[str, bytes], words: Translator) -> str:
    """What the workbook is made from, hashed: the data files (name → bytes) and the words it is written in."""
    # imported here, in the open data's process, not by every command
    from importlib.metadata import version

    made_by = json.dumps([masterplan.__version__, source_hash(), version("xlsxwriter"), words.language,
                          words.catalog, sorted((name, _digest(data)) for name, data in files.items())],
                         sort_keys=True, ensure_ascii=False)
    return _digest(made_by.encode("utf-8"))


class KeptWorkbook:
    """The workbook of the build folder ``build``'s last output, and the record of what it was made from."""

    def __init__(self, build: Path, last: Path, reuse: bool = True):
        """``last``: the last output's workbook; ``reuse``: false for ``--no-cache`` (the record is still written)."""
        self._record = build / RECORD
        self._last = last
        self._reuse = reuse

    def write(self, path: Path, workbook_key: str, write: Callable[[Path], None]) -> None:
        """Put the workbook for ``workbook_key`` at ``path``: the last one when it is the same, else ``write(path)``."""
        if not (self._reuse and self._take_last(path, workbook_key)):
            write(path)
        self._remember(workbook_key, _digest(path.read_bytes()))

    def _take_last(self, path: Path, workbook_key: str) -> bool:
        try:
            recorded = json.loads(self._record.read_text(encoding="utf-8"))
            if recorded.get("key") != workbook_key or _digest(self._last.read_bytes()) != recorded.get("hash"):
                return False
        except (OSError, ValueError, AttributeError):  # no record or no last workbook yet, or either unreadable
            return False
        try:
            os.link(self._last, path)
        except OSError:  # another file system, or one without links
            shutil.copyfile(self._last, path)
        return True

    def _remember(self, workbook_key: str, written: str) -> None:
        self._record.parent.mkdir(parents=True, exist_ok=True)
        write_whole(self._record, json.dumps({"key": workbook_key, "hash": written}).encode("utf-8"))
