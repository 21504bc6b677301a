"""Python code this tool writes at run time (the schema validators, the chapters' Jinja), compiled once and kept.

Writing and compiling the five validators' code costs 40 ms, in every process that checks
a plan. The compiled code is kept in the user's cache, in a folder for this Python, its
libraries and this version of the tool's code (swept like the compiled templates' folders when unused), one
file per name marked with a hash of what the code was made from. A file with another mark,
a damaged file, or one anybody else could have written is never run: the code is made and
compiled again, and replaces it.
"""

from __future__ import annotations

import hashlib
import marshal
import types
from collections.abc import Callable

from masterplan.output import write_whole
from masterplan.resources import forget_unused, read_private, runtime_tag, user_cache

FOLDERS = "code-"  #: the cache folders are named "code-<Python, libraries and the tool's code>"


def compiled(name: str, made_from: str, source: Callable[[], str], filename: str | None = None) -> types.CodeType:
    """The compiled code of ``source()``, which depends on nothing but ``made_from``; ``filename``, what its
    tracebacks name (a chapter's file, whose lines Jinja finds by it), else ``<name>``."""
    mark = hashlib.blake2b(made_from.encode(), digest_size=16).digest()
    folder = user_cache(f"{FOLDERS}{runtime_tag()}")
    if folder is not None:
        forget_unused(folder, FOLDERS)
        kept = read_private(folder / f"{name}.marshal")
        if kept is not None and kept.startswith(mark):
            try:
                code = marshal.loads(kept[len(mark):])
            except (ValueError, EOFError, TypeError):
                code = None  # damaged: made again
            if isinstance(code, types.CodeType):
                return code
    code = compile(source(), filename or f"<{name}>", "exec")
    if folder is not None:
        try:
            write_whole(folder / f"{name}.marshal", mark + marshal.dumps(code))
        except OSError:
            pass  # a full disk only costs the time to compile again
    return code
