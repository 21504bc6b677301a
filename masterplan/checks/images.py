"""Whether an image file of the plan is what its name says: the PDF build fails on one that is not.

WeasyPrint finds out only while laying the book out, 45 seconds into a build, and says
"Failed to load image" with no reason; ``validate`` reads the file's first bytes instead. An SVG
may draw but not load: the renderer refuses every file and address it names, so a
``<image href="peta.png">`` inside it would fail the book too.
"""

from __future__ import annotations

import re
from pathlib import Path

from masterplan.diagnostics import Message

#: how each kind of picture file begins, by its name's ending
SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
}
SVG_READ = 2_000_000  #: bytes of an SVG read for what it loads (the renderer's own limit is larger)
_SVG_START = re.compile(rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b", re.DOTALL)
_LOADS = re.compile(rb"""\b(?:xlink:)?href\s*=\s*["']\s*(?!#|data:)([^"']+)["']""")


def problem(path: Path) -> Message | None:
    """What is wrong with the image at ``path`` for the book, or None."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        with open(path, "rb") as handle:
            text = handle.read(SVG_READ)
        if not _SVG_START.match(text):
            return Message("it is not an SVG image: the file does not start as one")
        loads = _LOADS.search(text)
        if loads:
            return Message("the SVG loads '{href}': an SVG in the book may only draw, not load other files or addresses",
                           href=loads.group(1).decode("utf-8", "replace")[:80])
        return None
    if suffix not in SIGNATURES:
        return None
    kind, starts = SIGNATURES[suffix]
    with open(path, "rb") as handle:
        head = handle.read(12)
    if not head.startswith(starts) or (kind == "WebP" and head[8:12] != b"WEBP"):
        return Message("it is not a {kind} image: the file does not start as one", kind=kind)
    return None
