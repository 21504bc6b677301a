"""What of ``content/assets/`` the website publishes: pictures and files to download, nothing that runs.

The site copies the files of ``content/assets/`` as they are onto the city's domain (and the
preview serves them), so a file there must not be able to act as the city's site:

- a web page, script or XML document (``.html``, ``.js``, ``.xml``…) runs in the reader's
  browser with the site's rights, and a server-side program or server setting (``.php``,
  ``.htaccess``…) may run on the city's web server itself;
- an SVG drawing holding a script (``<script>``, ``onload="…"``, ``javascript:`` links, a frame,
  an XSLT sheet, or an entity that may hide one) runs it when opened from its own address (shown
  as a picture, it would not); a compressed one (``.svgz``) cannot be checked;
- a link (symbolic) leading out of ``content/``, the ``assets`` folder itself or a file in it, would
  publish a file of the machine the plan is built on;
- a name with such an ending within it (``laporan.html.bak``: Apache reads every ending), or with
  none (``peta``: sent without a type, a browser may take it for a page).

A hidden file or folder (``.DS_Store``, ``.gitkeep``: the computer's, not the site's) is not published, and not
told either; a hidden server setting (``.htaccess``) is refused as any other.

:func:`refusal` says why a file is not published; :func:`published` lists those that are. The
checks report each refused one (E525, E526), so nothing is left out without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import NamedTuple
from xml.parsers import expat

from masterplan.diagnostics import Message
from masterplan.leftovers import computers_own, is_leftover
from masterplan.model import ASSETS

#: What a browser runs or a web server executes or obeys, by the file's ending (lower case).
ACTIVE_SUFFIXES = frozenset([
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".mht", ".mhtml", ".hta", ".js", ".mjs", ".xml", ".xsl",
    ".xslt", ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".asp", ".aspx", ".ashx", ".jsp",
    ".jspx", ".cgi", ".pl", ".py", ".rb", ".sh", ".htaccess", ".htpasswd", ".swf", ".svgz", ".pht", ".phtm",
    ".php8", ".phps", ".cfm", ".jhtml", ".wasm",
    # XML a browser shows as a page, scripts included, when a server's type table knows it (Debian's /etc/mime.types
    # gives .xhtm application/xhtml+xml), and what IIS runs
    ".xhtm", ".xpdl", ".rss", ".atom", ".rdf", ".mml", ".xbl", ".xul", ".htc", ".vml", ".xsd", ".wsdl",
    ".asa", ".asax", ".asmx", ".cshtml", ".vbhtml", ".cer",
])
ACTIVE_NAMES = frozenset([".htaccess", ".htpasswd", "web.config", ".user.ini"])
#: Elements that run or load a page, in an SVG or the HTML of its <foreignObject>, by their local name
_RUNNING = frozenset(["script", "iframe", "frame", "object", "embed", "applet", "base", "meta", "form", "portal"])
_XSLT = "http://www.w3.org/1999/XSL/Transform"
#: the encoding an XML declaration names, and those this parser reads as a browser does (any other may hide a
#: script from it: a drawing program writes UTF-8)
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ENCODINGS_READ_ALIKE = frozenset(["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "utf-16",
                                   "utf-16le", "utf-16be"])
_UNREADABLE = "unreadable"  #: what :func:`_svg_script` finds in a file it cannot read as its declaration says
_WRONG_ENCODING = expat.errors.codes[expat.errors.XML_ERROR_INCORRECT_ENCODING]
#: The DOCTYPEs drawing programs write (SVG's own): no entity a browser adds to them
_SVG_DOCTYPES = frozenset([None, "-//W3C//DTD SVG 1.0//EN", "-//W3C//DTD SVG 1.1//EN", "-//W3C//DTD SVG 1.1 Basic//EN",
                           "-//W3C//DTD SVG 1.1 Tiny//EN", "-//W3C//DTD SVG 20010904//EN"])


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
        return Refused("E525", Message("content/assets/ is a link to {target}, outside the plan's content/ folder: "
                                       "the website would publish what that folder holds", target=folder.resolve()),
                       Message("make content/assets/ a folder of its own and copy the files into it"))
    return None


def refusal(path: Path, content: Path) -> Refused | None:
    """Why the file ``path`` of ``content/assets/`` is not published, or None when it is."""
    if not path.resolve().is_relative_to(content.resolve()):
        return Refused("E525", Message("this file is a link to {target}, outside the plan's content/ folder: the "
                                       "website would publish a file of this machine", target=path.resolve()),
                       Message("copy the file into content/assets/ instead of linking to it"))
    name = path.name.lower()
    if name in ACTIVE_NAMES or path.suffix.lower() in ACTIVE_SUFFIXES:
        return Refused("E526", Message("a web page, script or server file in content/assets/ would run on the "
                                       "city's website, as the city's own"),
                       Message("publish it as a PDF or a picture; content/assets/ is for pictures and files to "
                               "download"))
    inner = [f".{part}" for part in name.split(".")[1:-1] if f".{part}" in ACTIVE_SUFFIXES]
    if inner:  # laporan.html.bak, foto.php.png
        return Refused("E526", Message("its name has the ending {ending} within it: a web server that reads every "
                                       "ending of a name (Apache does) would send it as a web page or run it on the "
                                       "city's website", ending=inner[0]),
                       Message("rename it without {ending}, as a PDF or a picture is named", ending=inner[0]))
    if "." not in name.lstrip(".") or name.endswith("."):  # peta, laporan.pdf.
        return Refused("E526", Message("a file without an ending is sent without its type, and a browser may show it "
                                       "as a web page, scripts included, on the city's website"),
                       Message("give the name its file's ending, e.g. peta.png or laporan.pdf"))
    if path.suffix.lower() == ".svg":
        return _svg_refusal(path)
    return None


def _svg_refusal(path: Path) -> Refused | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None  # the image checks say it cannot be read
    found = _svg_script(data)
    if found is None:
        return None
    line, what = found
    if what == _UNREADABLE:
        return Refused("E526", Message("the SVG drawing cannot be read as the file says it is written (its encoding, "
                                       "or what comes before the drawing): a browser may read it otherwise, "
                                       "scripts included"),
                       Message("save it again from the drawing program as a plain SVG (UTF-8)"), line=line)
    return Refused("E526", Message("the SVG drawing holds a script ({found}): opened from its address on the city's "
                                   "website, it would run there", found=what),
                   Message("remove the script: a drawing in the book and on the site needs none"), line=line)


def _svg_script(data: bytes) -> tuple[int, str] | None:
    """(line, what) of the first thing in an SVG that runs in a browser: a ``<script>`` (any prefix), a frame or
    object (an ``<iframe srcdoc>`` in a ``<foreignObject>``), an ``on…`` handler, a ``javascript:`` address (its
    character references decoded, its spaces left out), an XSLT sheet or ``<?xml-stylesheet?>``, a DOCTYPE
    other than SVG's or an entity the file does not declare (HTML's ``&colon;``, which a browser knows), an entity
    that holds markup or names a file (which can hide any of them: a plain text one, as Illustrator declares its
    namespaces, passes); else None. In a file that is no well-formed XML, only what comes before the fault counts:
    a browser stops there (the image checks say the book cannot print it); a file not read as its declaration
    says (its encoding, or a fault before its first element) is :data:`_UNREADABLE`, as a browser may read it
    otherwise.
    A ``<foreignObject>`` (a drawing program's text boxes) is read through like the rest."""
    found: list[tuple[int, str]] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    started = False  #: an element was read: the bytes are read as their declaration says

    def element(name: str, attributes: dict[str, str]) -> None:
        nonlocal started
        started = True
        namespace, _, local = name.rpartition(" ")
        if local.lower() in _RUNNING or namespace == _XSLT:
            found.append((parser.CurrentLineNumber, f"<{local}>"))
        for key, value in attributes.items():
            attribute = key.rsplit(" ", 1)[-1].lower()
            if attribute.startswith("on") or attribute == "srcdoc":
                found.append((parser.CurrentLineNumber, f"{attribute}="))
            elif "javascript:" in re.sub(r"[\s\x00-\x1f]", "", value).lower():
                found.append((parser.CurrentLineNumber, "javascript:"))

    def doctype(name: str, system: str | None, public: str | None, internal: bool) -> None:
        if (system or public) and public not in _SVG_DOCTYPES:  # XHTML's: a browser knows &colon; and the like
            found.append((parser.CurrentLineNumber, "<!DOCTYPE>"))

    def instruction(target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":  # an XSLT sheet writes what it likes, scripts too
            found.append((parser.CurrentLineNumber, "<?xml-stylesheet?>"))

    def skipped(name: str, parameter: bool) -> None:  # an entity the file does not declare: a browser's may be a ':'
        found.append((parser.CurrentLineNumber, f"&{name};"))

    declared = {"lt", "gt", "amp", "quot", "apos"}

    def entity(name: str, parameter: bool, value: str | None, *_: object) -> None:
        declared.add(name)
        # Illustrator declares its namespaces so (<!ENTITY ns_svg "http://www.w3.org/2000/svg">): plain text passes;
        # markup, another entity or a file (an external entity) may hide a script
        if value is None or re.search(r"[<&]|javascript:", re.sub(r"[\s\x00-\x1f]", "", value), re.IGNORECASE):
            found.append((parser.CurrentLineNumber, "<!ENTITY>"))

    parser.StartElementHandler = element
    parser.EntityDeclHandler = entity
    parser.StartDoctypeDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.SkippedEntityHandler = skipped
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # no external DTD is ever read
    encoding = _DECLARED_ENCODING.match(data)
    if encoding and encoding.group(1).decode().lower() not in _ENCODINGS_READ_ALIKE:  # ISO-2022-JP reads "<scr" ESC
        return 1, _UNREADABLE  # "(B" "ipt>" as "<script>", where this parser stops at the escape
    try:
        parser.Parse(data, True)
    except (ValueError, LookupError):  # an encoding this parser does not read (Shift_JIS, ISO-2022-JP, an unknown
        return 1, _UNREADABLE  # one): what a browser reads in it is not known here
    except expat.ExpatError as fault:
        # a browser shows, and runs, what comes before a fault and nothing after it, where it reads the bytes as this
        # parser does: not where the declared encoding is not the bytes' (UTF-16 declared on ASCII), nor, where
        # something in the bytes may run, before the first element (its own guess at the bytes may find one)
        if fault.code == _WRONG_ENCODING or not started and _may_run(data):
            return min([*found, (fault.lineno, _UNREADABLE)])
        return min(found) if found else None
    for undeclared in re.finditer(rb"&([A-Za-z_][\w.-]*);", data):  # skipped in silence in an attribute, behind a
        if undeclared.group(1).decode() not in declared:  # DOCTYPE naming a DTD: a browser's may be HTML's &colon;
            found.append((data.count(b"\n", 0, undeclared.start()) + 1, undeclared.group().decode()))
    return min(found) if found else None


#: what may run in a browser, looked for in the bytes of a file that cannot be read as it says it is written: the
#: elements of :data:`_RUNNING` and a foreignObject, a handler or srcdoc, javascript:, an entity, a style sheet
_RUNS = re.compile(r"<[\w.-]*:?(?:" + "|".join([*_RUNNING, "foreignobject"]) + r")|\bon\w+=|srcdoc=|javascript:|<!entity"
                   r"|<\?xml-stylesheet|&#", re.IGNORECASE)


def _may_run(data: bytes) -> bool:
    """Whether bytes read as one byte a character, or as UTF-16 either way (a browser's guesses), hold
    :data:`_RUNS` once spaces and control characters are left out ("java\tscript:"): a script may hide behind a
    declaration that is not the bytes' own."""
    return any(_RUNS.search(re.sub(r"[\s\x00-\x1f]", "", data.decode(encoding, "ignore")))
               for encoding in ("latin-1", "utf-16-le", "utf-16-be"))


def judged(content: Path) -> Iterator[tuple[Path, str, Refused | None]]:
    """Each file of ``content/assets/`` with its name there (``peta/kota.png``) and why it is not published (None:
    it is); nothing when the folder itself is refused (:func:`folder_refusal`)."""
    folder = content / ASSETS
    if not folder.is_dir() or folder_refusal(content) is not None:
        return
    for path in sorted(folder.rglob("*")):
        if hidden(path.relative_to(folder)):
            continue
        if path.is_file():
            yield path, path.relative_to(folder).as_posix(), refusal(path, content)


def hidden(name: PurePath) -> bool:
    """Whether the file ``name`` of ``content/assets/`` is the computer's own (.DS_Store, .gitkeep, Windows'
    Thumbs.db and desktop.ini, the ~$laporan.docx Word keeps while a file is open, which holds its user's name), a
    copy kept aside or an editor's (anggaran.xlsx.bak, peta.png.orig, logo.svg~, ~WRL0001.tmp: a draft's budget
    leaked on the city's site) or in a hidden folder (.git/): not the site's, neither published nor told; a hidden
    server setting (.htaccess) is refused."""
    if computers_own(name.name) or (is_leftover(name.name) and not name.name.startswith(".")):
        return True
    return any(part.startswith(".") for part in name.parts) and name.name.lower() not in ACTIVE_NAMES


def published(content: Path) -> Iterator[tuple[Path, str]]:
    """Each file of ``content/assets/`` the website publishes, with its name there."""
    return ((path, name) for path, name, refused in judged(content) if refused is None)
