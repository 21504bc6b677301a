"""What this tool knows of the PDF it built last, recorded beside it when it is written: its title,
and the state of the plan's files it was built from.

A site-only build (``--no-pdf``) links the PDF built last and warns when it carries another
plan's title (W702). Reading the title from the PDF needs pypdf, a tenth of a second of
imports in a command that otherwise takes about a second; the record makes that read
unneeded for the PDF this tool wrote. A PDF put in its place by hand, or a record lost, is
read.

The preview compares the plan's files as the build found them (:mod:`masterplan.plan_state`)
with the plan's now, to build the PDF again after a restart, and to say in the page that it
links an earlier version. The last few PDFs written are remembered: a build stopped after
writing its PDF into the staging folder, never moved into place, must not make the one in
place unknown.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from masterplan.output import write_whole

RECORD = Path(".cache") / "pdf-title.json"  #: under build/
KEPT = 4  #: PDFs remembered: the one in place, and those of builds stopped before theirs replaced it


def record(pdf: Path, build: Path, sources: str | None = None) -> None:
    """Remember the title of ``pdf``, just written (in the staging folder: moved into place by a rename,
    it stays the same file), and ``sources``: the plan's files it was built from (their fingerprint)."""
    (build / RECORD).parent.mkdir(parents=True, exist_ok=True)
    entry = {"file": _identity(pdf), "title": read(pdf), "sources": sources}
    kept = [entry, *(e for e in _entries(build) if e["file"] != entry["file"])][:KEPT]
    write_whole(build / RECORD, json.dumps(kept).encode("utf-8"))


def recorded(pdf: Path, build: Path) -> str | None:
    """The title of ``pdf``: as recorded when this tool wrote it, else as the file gives it."""
    entry = _entry(pdf, build)
    if entry is not None and isinstance(entry.get("title"), (str, type(None))):
        return entry["title"]
    return read(pdf)


def built_from(pdf: Path, build: Path) -> str | None:
    """The fingerprint of the plan's files ``pdf`` was built from; None when not known (a PDF put there by
    hand, or built before this was recorded)."""
    entry = _entry(pdf, build)
    sources = entry.get("sources") if entry is not None else None
    return sources if isinstance(sources, str) else None


def _entry(pdf: Path, build: Path) -> dict[str, Any] | None:
    try:
        identity = _identity(pdf)
    except OSError:
        return None
    return next((entry for entry in _entries(build) if entry["file"] == identity), None)


def _entries(build: Path) -> list[dict[str, Any]]:
    """The PDFs remembered, the latest first (a record of one, as written before, is read as such)."""
    try:
        remembered = json.loads((build / RECORD).read_bytes())
    except (OSError, ValueError):
        return []
    entries = remembered if isinstance(remembered, list) else [remembered]
    return [entry for entry in entries if isinstance(entry, dict) and "file" in entry]


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
        metadata = PdfReader(path).metadata
        title = metadata.title if metadata is not None else None
    except Exception:  # noqa: BLE001 - any damage pypdf meets (TypeError, AssertionError…): no title to compare
        return None
    finally:
        quiet.level = level
    return title.strip() if isinstance(title, str) else None
