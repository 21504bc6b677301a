"""The title of the PDF this tool built last, recorded beside it when it is written.

A site-only build (``--no-pdf``) links the PDF built last and warns when it carries another
plan's title (W702). Reading the title from the PDF needs pypdf, a tenth of a second of
imports in a command that otherwise takes about a second; the record makes that read
unneeded for the PDF this tool wrote. A PDF put in its place by hand, or a record lost, is
read.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from masterplan.output import write_whole

RECORD = Path(".cache") / "pdf-title.json"  #: under build/


def record(pdf: Path, build: Path) -> None:
    """Remember the title of ``pdf``, just written (in the staging folder: moved into place by a rename,
    it stays the same file)."""
    (build / RECORD).parent.mkdir(parents=True, exist_ok=True)
    write_whole(build / RECORD, json.dumps({"file": _identity(pdf), "title": read(pdf)}).encode("utf-8"))


def recorded(pdf: Path, build: Path) -> str | None:
    """The title of ``pdf``: as recorded when this tool wrote it, else as the file gives it."""
    try:
        remembered = json.loads((build / RECORD).read_bytes())
        if remembered["file"] == _identity(pdf) and isinstance(remembered["title"], (str, type(None))):
            return remembered["title"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return read(pdf)


def _identity(path: Path) -> list[int]:
    """What tells a file from its replacement: a rename keeps all three, a new file changes at least one."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def read(path: Path) -> str | None:
    """The title a PDF's document information gives, or None (none, or a file pypdf cannot read)."""
    from pypdf import PdfReader
    quiet = logging.getLogger("pypdf")
    level, quiet.level = quiet.level, logging.CRITICAL  # "EOF marker not found": said as W702's absence, not in English
    try:
        title = PdfReader(path).metadata.title
    except Exception:  # noqa: BLE001 - any damage pypdf meets (TypeError, AssertionError…): no title to compare
        return None
    finally:
        quiet.level = level
    return title.strip() if isinstance(title, str) else None
