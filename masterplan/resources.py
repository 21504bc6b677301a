"""Where the default theme and the sample plan live, installed or in a source checkout,
and where this tool keeps what it caches for the user.

The theme and the sample are package data (``masterplan/_theme`` and ``masterplan/_sample`` once installed,
``templates/`` and ``content/`` in the repository), so a ``pip install`` outside the
repository still finds them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
import time
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: how a file of the cache is opened to be read: never through a link (where the system says so: not Windows),
#: and as bytes (Windows' low-level files are text, their line ends translated, unless asked otherwise)
READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _find(installed: str, in_checkout: str) -> Path:
    for candidate in (_PACKAGE / installed, _PACKAGE.parent / in_checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"masterplan is installed without its {in_checkout}/ folder")


def theme_dir() -> Path:
    """The default theme: Jinja templates, CSS, fonts, translation catalog."""
    return _find("_theme", "templates")


def sample_dir() -> Path:
    """The default plan's content/ folder (Kota Pasuruan, illustrative)."""
    return _find("_sample", "content")


@lru_cache(maxsize=1)
def runtime_tag() -> str:
    """What compiled code and kept parses depend on besides their input: Python's bytecode
    format, the YAML and schema libraries (and whether libyaml is there), this tool's code."""
    import importlib.util

    import fastjsonschema
    import yaml
    parts = [importlib.util.MAGIC_NUMBER.hex(), yaml.__version__, str(yaml.__with_libyaml__),
             fastjsonschema.VERSION, source_hash()]
    return f"{sys.implementation.cache_tag}-{hashlib.blake2b(chr(0).join(parts).encode(), digest_size=6).hexdigest()}"


@lru_cache(maxsize=1)
def source_hash() -> str:
    """A hash of the tool's own Python source: an editable install changes without a new
    version number, and caches of its output (site pages, PDF parts, compiled templates)
    must not outlive the code that made them."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def user_cache(name: str) -> Path | None:
    """The folder ``name`` in ``$XDG_CACHE_HOME/masterplan`` (or ``~/.cache``), made if needed.

    None when it cannot be made or is not the user's own: what is read back from it (compiled
    templates and code, hyphenation patterns) must not be writable by anyone else. So the
    folder and ``masterplan/`` above it must be the user's and writable by no one else, and
    the folder above that the user's or root's, and writable by no one else unless it is
    sticky (:func:`_safe_above`): otherwise another user could swap ``masterplan/`` for a
    folder of their own.
    """
    try:
        home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        ours = home / "masterplan"
        home.mkdir(parents=True, exist_ok=True)
        for created in (ours, ours / name):  # 700 whatever the umask (002 would leave them group-writable)
            created.mkdir(mode=0o700, exist_ok=True)
        chain = [(ours / name).lstat(), ours.lstat(), home.stat()]
    except (OSError, RuntimeError, KeyError):  # no home folder (HOME unset, no passwd entry): no cache
        return None
    *own, above = chain
    if any(not stat.S_ISDIR(status.st_mode) or not _private(status) for status in own):
        return None
    if _user_ids() and (above.st_uid not in (os.getuid(), 0) or not _safe_above(above)):
        return None
    return ours / name


def _safe_above(status: os.stat_result) -> bool:
    """Whether nobody else can swap ``masterplan/`` in the folder: writable by everyone only if
    sticky (as /tmp is), by its group only if that is the user's own (private) group."""
    if status.st_mode & stat.S_ISVTX:
        return True
    return not status.st_mode & 0o002 and (not status.st_mode & 0o020 or status.st_gid == os.getgid())


def read_private(path: Path) -> bytes | None:
    """The bytes of a file of the user's cache, if it is a regular file of the user's that no one
    else can write (checked on the open file, so it cannot be swapped between check and read)."""
    try:
        handle = os.open(path, READ_FLAGS)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode) or not _private(status):
            return None
        return file.read()


def _private(status: os.stat_result) -> bool:
    return not _user_ids() or (mine(status) and not status.st_mode & 0o022)


def mine(status: os.stat_result) -> bool:
    """Whether the file is the user's. Every file is, on a system whose files have no user ids (Windows: there the
    user's profile folder, the cache's, is the user's alone by its access list, and stat's st_uid is always 0)."""
    return not _user_ids() or status.st_uid == os.getuid()


def _user_ids() -> bool:
    return hasattr(os, "getuid")


UNUSED_FOR = 30 * 24 * 3600  #: seconds after which a cache folder no run has used is deleted
SWEEP_EVERY = 24 * 3600  #: seconds between two looks for unused cache folders


def forget_unused(folder: Path, prefix: str) -> bool:
    """Mark the cache ``folder`` as used now, and delete its siblings named ``prefix…`` that no run has
    used for :data:`UNUSED_FOR` (a folder per tool and Jinja version: upgrades would pile them up).

    A sibling's age is that of the newest of it and its files (versions before this one do
    not mark their folder); only the user's own folders are touched, never what a link points at.
    Siblings are looked at once a day, not on every run: with a few hundred of them (an
    editable install makes one per change of its code), looking costs 50 ms. Returns whether
    this run looked.
    """
    now = time.time()
    swept = folder.parent / f".swept-{prefix}"
    try:
        os.utime(folder, (now, now))
    except OSError:
        return False
    try:
        if now - SWEEP_EVERY < swept.stat().st_mtime <= now:  # a date in the future (a clock set back) is no mark
            return False
    except OSError:
        pass  # never swept
    try:
        swept.touch()
    except OSError:
        pass  # a mark that cannot be set (say, another user's): look every run rather than never
    try:
        siblings = [entry for entry in os.scandir(folder.parent)
                    if entry.name.startswith(prefix) and entry.name != folder.name and entry.is_dir(follow_symlinks=False)]
    except OSError:
        return True
    for entry in siblings:
        try:
            if mine(entry.stat(follow_symlinks=False)) and _unused_since(entry.path) < now - UNUSED_FOR:
                shutil.rmtree(entry.path)
        except OSError:
            pass  # gone already, or not ours to delete: left as it is
    return True


def forget_unused_entries(folder: Path) -> None:
    """Delete the files of the cache ``folder`` that no run used for :data:`UNUSED_FOR` (the
    entries of files and plans that are gone, and what a killed process left half-written)."""
    limit = time.time() - UNUSED_FOR
    try:
        with os.scandir(folder) as entries:
            old = [entry.path for entry in entries if entry.is_file(follow_symlinks=False)
                   and entry.stat(follow_symlinks=False).st_mtime < limit]
    except OSError:
        return
    for path in old:
        with contextlib.suppress(OSError):
            os.unlink(path)


def touch(path: Path) -> None:
    """Mark a cache entry as used now (kept from :func:`forget_unused_entries`)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _unused_since(path: str) -> float:
    """The last time anything in the folder ``path`` (not below) was written."""
    with os.scandir(path) as entries:
        return max([os.stat(path, follow_symlinks=False).st_mtime,
                    *(entry.stat(follow_symlinks=False).st_mtime for entry in entries)])
