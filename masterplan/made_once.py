"""What this tool makes at run time from its own files and would make again in every process, made once and kept:
the schema validators' Python code and the chapters' Jinja, compiled; the translation catalog, read.

Writing and compiling the five validators' code costs 40 ms, in every process that checks
a plan; reading the catalog's YAML 60 ms. What is made is kept in the user's cache, in a folder for this Python, its
libraries and this version of the tool's code (swept like the compiled templates' folders when unused), one
file per name marked with a hash of what it was made from. A file with another mark,
a damaged file, or one anybody else could have written is never used: it is made again, and replaces it.
"""

from __future__ import annotations

import hashlib
import marshal
import types
from collections.abc import Callable
from typing import Any, TypeVar, cast

from masterplan.output import write_whole
from masterplan.resources import forget_unused, read_private, runtime_tag, user_cache

T = TypeVar("T")

FOLDERS = "code-"  #: the cache folders are named "code-<Python, libraries and the tool's code>"


def compiled(name: str, made_from: str, source: Callable[[], str], filename: str | None = None) -> types.CodeType:
    """The compiled code of ``source()``, which depends on nothing but ``made_from``; ``filename``, what its
    tracebacks name (a chapter's file, whose lines Jinja finds by it), else ``<name>``."""
    return kept(name, made_from, lambda: compile(source(), filename or f"<{name}>", "exec"), types.CodeType)


def kept(name: str, made_from: str | bytes, make: Callable[[], T], kind: type[T]) -> T:
    """What ``make()`` gives, a ``kind`` (code, or what ``marshal`` writes: texts, numbers, lists, dicts of them),
    which depends on nothing but ``made_from``: the kept one when its mark is ``made_from``'s."""
    mark = hashlib.blake2b(made_from if isinstance(made_from, bytes) else made_from.encode(), digest_size=16).digest()
    folder = user_cache(f"{FOLDERS}{runtime_tag()}")
    if folder is not None:
        forget_unused(folder, FOLDERS)
        found = read_private(folder / f"{name}.marshal")
        if found is not None and found.startswith(mark):
            try:
                value = marshal.loads(found[len(mark):])
            except (ValueError, EOFError, TypeError):
                value = None  # damaged: made again
            if isinstance(value, kind):
                return value
    value = make()
    if folder is not None:
        try:
            write_whole(folder / f"{name}.marshal", mark + marshal.dumps(cast(Any, value)))
        except (OSError, ValueError):
            pass  # a full disk only costs the time to make it again
    return value
