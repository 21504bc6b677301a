"""What of ``content/assets/`` the website publishes: pictures and files to download, nothing that runs.

The site copies the files of ``content/assets/`` as they are onto the city's domain (and the
preview serves them), so a file there must not be able to act as the city's site:

- a web page, script or XML document (``.html``, ``.js``, ``.xml``…) runs in the reader's
  browser with the site's rights, and a server-side program or server setting (``.php``,
  ``.htaccess``…) may run on the city's web server itself;
- an SVG drawing holding a script (``<script>``, ``onload="…"``, ``javascript:`` links,
  ``<foreignObject>``) runs it when opened from its own address (shown as a picture, it would not);
- a link (symbolic) leading out of ``content/``, the ``assets`` folder itself or a file in it, would
  publish a file of the machine the plan is built on.

:func:`refusal` says why a file is not published; :func:`published` lists those that are. The
checks report each refused one (E525, E526), so nothing is left out without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from masterplan.diagnostics import Message
from masterplan.model import ASSETS

#: What a browser runs or a web server executes or obeys, by the file's ending (lower case).
ACTIVE_SUFFIXES = frozenset([
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".mht", ".mhtml", ".hta", ".js", ".mjs", ".xml", ".xsl",
    ".xslt", ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".asp", ".aspx", ".ashx", ".jsp",
    ".jspx", ".cgi", ".pl", ".py", ".rb", ".sh", ".htaccess", ".htpasswd", ".swf",
])
ACTIVE_NAMES = frozenset([".htaccess", ".htpasswd", "web.config", ".user.ini"])
#: In an SVG drawing: what runs when it is opened from its own address.
_SVG_SCRIPT = re.compile(r"<(?:\w+:)?(?:script|foreignObject)\b|\son\w+\s*=|javascript:", re.IGNORECASE)


class Refused(NamedTuple):
    """Why a file of content/assets/ is not published (the checks' code and words), what to do instead, and
    where in the file (an SVG's script), when it is a line of it."""

    code: str
    reason: Message
    hint: Message
    line: int = 0


def folder_refusal(content: Path) -> Refused | None:
    """Why nothing of ``content/assets/`` is published: the folder is a link leading out of ``content/``."""
    folder = content / ASSETS
    if folder.is_dir() and not folder.resolve().is_relative_to(content.resolve()):
        return Refused("E525", Message("content/assets/ is a link to {target}, outside the plan's content/ folder: the "
                                "website would publish what that folder holds", target=folder.resolve()),
                        Message("make content/assets/ a folder of its own and copy the files into it"))
    return None


def refusal(path: Path, content: Path) -> Refused | None:
    """Why the file ``path`` of ``content/assets/`` is not published, or None when it is."""
    if not path.resolve().is_relative_to(content.resolve()):
        return Refused("E525", Message("this file is a link to {target}, outside the plan's content/ folder: the website "
                                "would publish a file of this machine", target=path.resolve()),
                        Message("copy the file into content/assets/ instead of linking to it"))
    name = path.name.lower()
    if name in ACTIVE_NAMES or path.suffix.lower() in ACTIVE_SUFFIXES:
        return Refused("E526", Message("a web page, script or server file in content/assets/ would run on the city's "
                                "website, as the city's own"),
                        Message("publish it as a PDF or a picture; content/assets/ is for pictures and files to "
                                "download"))
    if path.suffix.lower() == ".svg":
        return _svg_refusal(path)
    return None


def _svg_refusal(path: Path) -> Refused | None:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None  # the image checks say it cannot be read
    found = _SVG_SCRIPT.search(text)
    if found is None:
        return None
    try:
        ElementTree.fromstring(text.encode())
    except (ElementTree.ParseError, ValueError):
        return None  # no drawing a browser shows: it runs nothing (the image checks report it)
    return Refused("E526", Message("the SVG drawing holds a script ({found}): opened from its address on the city's "
                            "website, it would run there", found=found.group().strip()[:40]),
                    Message("remove the script: a drawing in the book and on the site needs none"),
                    line=text.count("\n", 0, found.start()) + 1)


def published(content: Path) -> Iterator[tuple[Path, str]]:
    """Each file of ``content/assets/`` the website publishes, with its name there (``peta/kota.png``)."""
    folder = content / ASSETS
    if not folder.is_dir() or folder_refusal(content) is not None:
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and refusal(path, content) is None:
            yield path, path.relative_to(folder).as_posix()
