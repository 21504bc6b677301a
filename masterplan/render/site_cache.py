"""Incremental website builds: reuse last build's pages whose inputs, or whose HTML, did not change.

Each build starts from a fresh staging folder. ``build/.cache/site-manifest.json``
remembers, for every page of the last build, the key of its inputs and the hash of its
HTML. A page's key hashes the tool's version, every theme file (templates, catalog,
static files: a template edit re-renders every page), the plan-wide files every page may
show (``plan.yml``, pillars, glossary, chapters: the menu, colours, years; a translator's
catalog, which may translate any text), the build
options that reach templates, and the files named in ``Page.inputs`` (``"*"``: every
content file). While the key is unchanged and the last build's file still has the
recorded hash, the file is hard-linked (or copied) from ``build/site`` instead of
rendered. A rendered page whose HTML equals the bytes of the last one is linked too (also
with ``--no-cache``, which only stops pages being taken unrendered), so an unchanged page
keeps its file (:class:`LastSite`). The recorded hash is checked against the file on disk before any
reuse, so a manifest left by a failed build, or an edited output file, only costs a
render: a stale page is never kept.

The search index is reused the same way, when every page's HTML equals the one indexed
and last build's index is the one recorded (its entry file, which names every part of it,
has the recorded hash).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import masterplan
from masterplan.output import write_whole
from masterplan.render.site_pages import WHOLE_PLAN, Page
from masterplan.resources import READ_FLAGS, mine, source_hash

MANIFEST = Path(".cache") / "site-manifest.json"
FORMAT = 1
#: Content every page may show (menu, colours, years, labels): part of every page's key.
PLAN_WIDE = ("content/plan.yml", "content/pillars/", "content/glossary.yml", "content/glossary.yaml",
             "content/chapters/", "content/translations.")  # the last: the translator's catalogs (any text)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


#: Theme folders the website never reads (the PDF book's templates and fonts).
NOT_SITE = ("print", "fonts")


def files_hashes(folder: Path, base: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """``relative path → content hash`` of every file under ``folder`` (but top folders ``skip``)."""
    found: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(base).as_posix()
            if path.is_file() and name.split("/", 1)[0] not in skip:
                found[name] = digest(path.read_bytes())
    return found


@dataclass(frozen=True)
class Snapshot:
    """The content's and the theme's files as a build found them before reading them: a page's key names the
    inputs as they were read, never as they are once the PDF is laid out and an edit may have been saved since
    (its page then stored under the edit's key, and reused for it, one edit behind). An edit saved between this
    and the reading makes the key older than the page, so the next build renders it again: never stale."""

    content: dict[str, str]  #: content file (relative to the plan folder) → hash
    theme: dict[str, str]  #: "<folder index>:<file>" → hash, the theme's folders in order

    @classmethod
    def of(cls, root: Path, theme_folders: Iterable[Path]) -> Snapshot:
        return cls(files_hashes(root / "content", root),
                   {f"{index}:{name}": value for index, folder in enumerate(theme_folders)
                    for name, value in files_hashes(folder, folder, NOT_SITE).items()})


@dataclass
class Keys:
    """Computes each page's input key for one build."""

    content: dict[str, str]  #: content file → hash, and what whole-plan pages show of other outputs (the PDF's size)
    shared: str  #: tool version, theme, plan-wide files, options

    @classmethod
    def for_build(cls, read: Snapshot, options: Iterable[object], shown: dict[str, str] | None = None) -> Keys:
        """The keys of the files as ``read`` found them; ``shown``: what whole-plan pages show of this build's other
        outputs (the PDF's size), by name."""
        content = {**read.content, **(shown or {})}
        plan_wide = {name: value for name, value in content.items() if name.startswith(PLAN_WIDE)}
        shared = json.dumps([FORMAT, masterplan.__version__, source_hash(), read.theme, plan_wide,
                             [repr(o) for o in options]], sort_keys=True)
        return cls(content, digest(shared.encode()))

    def page(self, page: Page) -> str:
        if WHOLE_PLAN in page.inputs:
            inputs = self.content
        else:  # a file that is gone has no hash: the key differs from when it was there
            inputs = {name: self.content.get(name, "") for name in sorted(set(page.inputs))}
        text = json.dumps([self.shared, page.path, page.template, page.searchable, inputs], sort_keys=True)
        return digest(text.encode())


@dataclass
class Manifest:
    """Last build's pages: ``path → [input key, HTML hash]``, and the key of its search index."""

    path: Path
    pages: dict[str, list[str]] = field(default_factory=dict)
    index: str | None = None

    @classmethod
    def load(cls, build: Path) -> Manifest:
        path = build / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("version") == masterplan.__version__:
                return cls(path, {k: list(v) for k, v in data["pages"].items()}, data.get("index"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no manifest, or a damaged one: everything is rendered
        return cls(path)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(self.path, json.dumps({"format": FORMAT, "version": masterplan.__version__,
                                           "pages": self.pages, "index": self.index}).encode("utf-8"))

    def index_key(self, search_config: object) -> str:
        """What the search index depends on: every page's HTML and how Pagefind is run."""
        html = sorted((path, entry[1]) for path, entry in self.pages.items())
        return digest(json.dumps([html, repr(search_config)]).encode())


def link(source: Path, target: Path) -> None:
    """``target`` becomes the same file as ``source`` (a copy across file systems)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copyfile(source, target)


def keep_unchanged(previous: Path, new: Path) -> int:
    """Make each file of the new site ``new`` that is byte for byte the last build's (in ``previous``) that file,
    with its modification time: the theme's files, the open data, the pictures, the search index's parts.
    Written anew, every build re-stamped them, and ``rsync -a`` to the web server copied them all again.
    Pages are linked as they are written (:meth:`LastSite.reuse`). Returns how many were kept."""
    kept = 0
    for path in new.rglob("*"):
        old = previous / path.relative_to(new)
        try:
            ours, theirs = os.stat(path, follow_symlinks=False), os.stat(old, follow_symlinks=False)
        except OSError:
            continue
        if (not stat.S_ISREG(ours.st_mode) or not stat.S_ISREG(theirs.st_mode) or ours.st_ino == theirs.st_ino
                or ours.st_size != theirs.st_size or not mine(theirs)
                or stat.S_IMODE(theirs.st_mode) != stat.S_IMODE(ours.st_mode)):
            continue
        if old.read_bytes() != path.read_bytes():
            continue
        temporary = path.with_name(f".{path.name}.kept")
        try:
            os.link(old, temporary, follow_symlinks=False)
            os.replace(temporary, path)
        except OSError:  # another file system: the new file stays
            temporary.unlink(missing_ok=True)
            continue
        kept += 1
    return kept


@dataclass(frozen=True)
class LastSite:
    """Last build's site, whose files the new one links where a page is unchanged.

    Linking an existing file is also far cheaper than writing a new one on some file systems
    (ext4 with ``discard``: 0.3 ms a new file, 0.01 ms a link), and keeps its modification
    time, so rsync and web caches see an unchanged page as unchanged.
    """

    folder: Path
    mode: int  #: the permissions a file written now gets (the umask applied)

    @classmethod
    def beside(cls, folder: Path, staging: Path) -> LastSite:
        """Last build's site in ``folder``, for a new site being written into ``staging``."""
        probe = staging / ".new-file"
        probe.write_bytes(b"")
        mode = stat.S_IMODE(probe.stat().st_mode)
        probe.unlink()
        return cls(folder, mode)

    def reuse(self, path: str, target: Path, html_hash: str) -> bool:
        """Link last build's file ``path`` to ``target`` when it holds exactly ``html_hash``.

        The bytes on disk are what is compared, so a stale or edited file is never kept; and
        only a regular file of the user's with the permissions of a new file is linked, so a
        file whose mode was changed by hand is written anew (``--no-cache`` included)."""
        try:
            handle = os.open(self.folder / path, READ_FLAGS)
        except OSError:
            return False
        with os.fdopen(handle, "rb") as file:
            status = os.fstat(file.fileno())
            if (not stat.S_ISREG(status.st_mode) or not mine(status)
                    or stat.S_IMODE(status.st_mode) != self.mode or digest(file.read()) != html_hash):
                return False
        link(self.folder / path, target)
        return True


def tree_stamp(folder: Path, marker: str) -> str | None:
    """A hash identifying one generated folder (its ``marker`` file names every part), or None."""
    try:
        return digest((folder / marker).read_bytes())
    except OSError:
        return None


def reuse_tree(previous: Path, target: Path, marker: str, stamp: str) -> bool:
    """Link a whole folder of last build's output (the search index) into the new site.

    Only when its ``marker`` file still has the recorded hash: a build that failed after
    writing the manifest left an older folder in place, which must not pass for the new one.
    """
    if not previous.is_dir() or tree_stamp(previous, marker) != stamp:
        return False
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(previous, target, copy_function=lambda s, d: link(Path(s), Path(d)))
    return True
