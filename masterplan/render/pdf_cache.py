"""The PDF parts cache under ``build/.cache/pdf/``: laid-out parts reused when nothing they show changed.

Two kinds of entries, both named by a SHA-256:

- ``<layout>.json``: a part's :class:`~masterplan.render.pdf_layout.PartInfo` (page
  count, anchors, bookmarks, messages). ``layout`` hashes the part's complete
  print HTML (its page-number references filled in), the part stylesheet, a stamp of
  every theme file the layout may read besides (stylesheets, fonts, pictures, the website's
  too, which a book's stylesheet may name; not the templates, whose output is the HTML, the
  words, scripts, nor the website's stylesheets, unless a print template or stylesheet names one) and every
  non-text file under ``content/`` (images the HTML names by URL), none of them an
  editor's leftover (a swap file, a ``.bak``), the masterplan and WeasyPrint versions, and whether
  parts are written tagged (a final plan's, :func:`masterplan.render.pdf_press.tagged`). A part's
  layout depends on nothing else: its first page number only changes the page margins.
- ``<layout>-<offset>.pdf``: that part written with its pages numbered from
  ``offset + 1``.

So an edit re-lays-out only the part whose HTML changed, plus the parts that print a
page number the edit moved; parts that only moved rewrite their margins (cheap) and
parts that stayed put are copied. ``labels.json`` keeps the last build's printed page of
every anchor: the first guess for a part that refers to its own pages. ``builds.json``
lists the entries each of the last :data:`KEPT_BUILDS` builds used; entries none of them
used are removed at the end. So an edit undone, or a text tried one way and then the
other, finds its parts still laid out, and the folder holds a few books' worth at most
(most parts are the same in every one of them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import weasyprint

import masterplan
from masterplan.i18n import theme_files
from masterplan.output import write_whole
from masterplan.render.theme import Theme
from masterplan.resources import source_hash

TEXT_SUFFIXES = {".yml", ".yaml", ".md"}  #: content read into the HTML itself, hashed through it
#: theme files a layout never reads: templates (their output is the HTML), words, notes, scripts (the HTML holds what
#: they give), and the website's stylesheets; its pictures and fonts are stamped, a book's stylesheet may name them
UNPRINTED = {".html", ".yml", ".yaml", ".md", ".txt", ".js", ".json"}
SITE_STYLES = ("site", "static")  #: where the website's stylesheets are, under a theme folder
KEPT_BUILDS = 4  #: this build and the three before it: an edit undone two saves later is still cached
LEDGER = "builds.json"  #: the entries each kept build used, the oldest first


def stamp(root: Path, tagged: bool = False) -> str:
    """A hash of everything besides the part's HTML that a written part depends on (``tagged``: written
    with its structure tree, or not)."""
    digest = hashlib.sha256(f"masterplan {masterplan.__version__} {source_hash()} "
                            f"weasyprint {weasyprint.__version__} tagged {tagged}".encode())  # a changed renderer is a new version
    content = root / "content"
    theme = [(folder, path.relative_to(folder)) for folder in Theme.for_plan(root).folders for path in theme_files(folder)]
    stamped = [(folder, name) for folder, name in theme if name.suffix.lower() not in UNPRINTED and not _site_style(name)]
    stamped += _site_styles_named(theme, stamped)
    stamped += [(content, path.relative_to(content)) for path in theme_files(content) if path.suffix.lower() not in TEXT_SUFFIXES]
    for folder, name in sorted(stamped, key=lambda file: (str(file[0]), str(file[1]))):
        digest.update(str(name).encode() + b"\0" + (folder / name).read_bytes())
    return digest.hexdigest()


def _site_style(name: Path) -> bool:
    return name.suffix.lower() == ".css" and name.parts[:2] == SITE_STYLES


Stamped = list[tuple[Path, Path]]  #: theme files as (theme folder, name under it)


def _site_styles_named(theme: Stamped, stamped: Stamped) -> Stamped:
    """The website's stylesheets that a book may read after all: those whose file name a print template, a stamped
    stylesheet or a website stylesheet already named mentions (an ``@import``, a ``<link>``). A name mentioned
    in a comment only costs a layout again, never a stale part."""
    naming = [(folder, name) for folder, name in theme if name.parts[0] == "print" and name.suffix.lower() == ".html"]
    naming += [(folder, name) for folder, name in stamped if name.suffix.lower() == ".css"]
    unnamed = [(folder, name) for folder, name in theme if _site_style(name)]
    named: Stamped = []
    while naming:
        texts = [(folder / name).read_text(encoding="utf-8", errors="replace") for folder, name in naming]
        naming = [file for file in unnamed if any(file[1].name in text for text in texts)]
        named += naming
        unnamed = [file for file in unnamed if file not in naming]
    return named


class Cache:
    """Entries under ``folder``; with ``enabled`` False nothing is read (but results are written)."""

    def __init__(self, folder: Path, enabled: bool, stamp: str):
        self.folder, self.enabled, self.stamp = folder, enabled, stamp
        folder.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = {"labels.json", LEDGER}
        self.fresh: set[str] = set()  #: entries this build wrote: valid even under --no-cache

    def key(self, html: str, css: str) -> str:
        return hashlib.sha256(f"{self.stamp}\0{css}\0{html}".encode()).hexdigest()

    def info(self, key: str) -> dict[str, Any] | None:
        path = self.folder / f"{key}.json"
        if not (self.enabled or path.name in self.fresh) or not path.exists():
            return None
        self.used.add(path.name)
        return json.loads(path.read_text(encoding="utf-8"))

    def put_info(self, key: str, info: dict[str, Any]) -> None:
        self.used.add(f"{key}.json")
        self.fresh.add(f"{key}.json")
        write_whole(self.folder / f"{key}.json", json.dumps(info).encode())

    def pdf(self, key: str, offset: int) -> Path:
        """Where the part's PDF is (or is to be written)."""
        path = self.folder / f"{key}-{offset}.pdf"
        self.used.add(path.name)
        return path

    def has_pdf(self, key: str, offset: int) -> bool:
        """Whether the part's PDF is there, whole (one cut short, by a crash or a full disk, is written again)."""
        name = f"{key}-{offset}.pdf"
        return (self.enabled or name in self.fresh) and _whole(self.folder / name)

    def wrote_pdf(self, key: str, offset: int) -> None:
        self.fresh.add(f"{key}-{offset}.pdf")

    def last(self) -> dict[str, dict[str, Any]]:
        """The last build's ``labels`` (anchor → printed page) and ``pages`` (part → page count)."""
        path = self.folder / "labels.json"
        if not self.enabled or not path.exists():
            return {"labels": {}, "pages": {}}
        return json.loads(path.read_text(encoding="utf-8"))

    def finish(self, labels: dict[str, str], pages: dict[str, int]) -> None:
        """Remember this build's page labels and part lengths; drop every entry that neither this
        build nor the kept builds before it used."""
        write_whole(self.folder / "labels.json", json.dumps({"labels": labels, "pages": pages}).encode())
        builds = [*self._earlier_builds()[-(KEPT_BUILDS - 1):], sorted(self.used)]
        write_whole(self.folder / LEDGER, json.dumps(builds).encode())
        kept = set().union(*builds)
        for path in self.folder.iterdir():
            if path.name not in kept:
                path.unlink(missing_ok=True)

    def _earlier_builds(self) -> list[list[str]]:
        """The entries each earlier kept build used; none if the ledger is missing or unreadable."""
        try:
            builds = json.loads((self.folder / LEDGER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(builds, list) or not all(isinstance(b, list) for b in builds):
            return []
        return [[name for name in b if isinstance(name, str)] for b in builds]


def _whole(path: Path) -> bool:
    """Whether ``path`` is there and ends as a PDF does (``%%EOF``, maybe followed by a line end)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(handle.seek(0, 2) - 32, 0))
            return b"%%EOF" in handle.read()
    except OSError:
        return False
