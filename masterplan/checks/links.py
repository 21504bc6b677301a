"""Links and images in Markdown texts: where each leads, and whether the file it names is the plan's own.

A link or image in content may not reach outside the plan folder (``../../``, an absolute
path, ``file:``), nor run code (``javascript:``); images come from the plan's own files.
The sanitizer drops such URLs anyway; reporting them keeps a silently missing image or
link from reaching the published plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from masterplan.assets import hidden
from masterplan.checks import html, images, picture_files, sharpness
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    error,
    warning,
)
from masterplan.file_names import is_dir, is_file
from masterplan.jinja_tags import TAG_START
from masterplan.model import ASSETS
from masterplan.plan_parts import Chapter

#: Where Markdown puts URLs: [text](url), ![alt](url), [id]: url, <url>; with the character each
#: needs, so the many texts without one are not searched at all. Raw HTML's: see :mod:`checks.html`.
_URLS = [
    # a link's text may hold brackets two levels deep ([see [[GOV-01]]](…)): a '[' is read on to its ']', not
    # to the end of the text, or 20,000 of them would take minutes; an image is looked for on its own, also
    # inside a link's text ([![peta](assets/peta.png)](https://…))
    (re.compile(r"(?<!!)\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\])*\]\(\s*<?([^)\s>]*)"),
     "link", "["),
    (re.compile(r"!\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]\(\s*<?([^)\s>]*)"), "image", "!["),
    (re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE), "link", "["),  # not a footnote's note, [^bps]:
    (re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"), "link", "<"),
]


def urls(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind 'image' or 'link', url, line and column within text) of every URL in Markdown text and the raw
    HTML the sanitizer keeps (an <iframe>'s is removed with it: W520 says so); the column is the URL's own,
    or its tag's."""
    def column(offset: int) -> int:
        return offset - text.rfind("\n", 0, offset)

    for pattern, kind, needed in _URLS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield kind, match.group(1), line, column(match.start(1))
    for tag in html.tags(text):
        for name, value in tag.attributes:
            if name in ("src", "href") and value and tag.keeps(name):
                yield ("image" if name == "src" else "link"), value, tag.line, column(tag.start)


class Shown:
    """The problems of a text's URLs that Markdown makes a link or picture of: not one it only shows, as code
    (`` `<img src="/etc/x.png">` `` in a guide for the agencies, an indented block), which leads nowhere. Asked of
    Markdown's own reading of the text (as the renderer reads it), once a text and only where a URL has a problem:
    each such URL is marked where it is written, and the mark is looked for in the links and pictures made and in the
    code shown. One shown as code there, and whose address no link or picture made holds, is let go; any other is
    told (read some other way: better told than hidden), and so is every one of a text holding Jinja, which may make
    code of it or not once filled in."""

    _CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)

    def __init__(self, text: str):
        self.text = text
        self.found: list[tuple[int, str, Diagnostic]] = []  #: (where the URL starts in the text, it, its problem)

    def add(self, url: str, line: int, column: int, found: Diagnostic | None) -> None:
        """``found``, the problem of ``url`` as :func:`urls` found it at ``line`` and ``column``, if any."""
        if found is not None:
            start = sum(len(before) + 1 for before in self.text.split("\n", line - 1)[:line - 1])
            self.found.append((self.text.find(url, start + column - 1), url, found))

    def told(self) -> Iterator[Diagnostic]:
        if not self.found:
            return
        if any(jinja in self.text for jinja in ("{{", "{%", "{#")):
            yield from (found for _, _, found in self.found)
            return
        from masterplan.render.markdown import unsanitized
        marked, done = [], 0
        for number, (start, url, _) in sorted(enumerate(self.found), key=lambda item: item[1][0]):
            if start >= done:
                marked += [self.text[done:start + len(url)], _mark(number)]
                done = start + len(url)
        written = unsanitized("".join([*marked, self.text[done:]]))
        addresses = [unescape(value) for tag in html.tags(written) for name, value in tag.attributes
                     if name in ("src", "href")]
        made = " ".join(addresses)
        shown = " ".join(self._CODE.findall(written))
        for number, (start, url, found) in enumerate(self.found):
            if (start < 0 or _mark(number) in made or _mark(number) not in shown or url in made
                    or unescape(url) in made):
                yield found


def _mark(number: int) -> str:
    """The mark after the ``number``-th URL with a problem (letters and digits: it changes nothing of how the URL
    is read)."""
    return f"mpshown{number}x"


def problem(kind: str, url: str, where: Position, content: Path | None) -> Diagnostic | None:
    """What is wrong with a URL of a text (E508, E511, E519, W513), or None: it reaches outside the plan or runs
    code, names no file of the plan, or leads nowhere on the site."""
    # imported here: the renderer's module brings the Markdown library (~40 ms), needed only once a URL is found
    from masterplan.render.markdown import url_problem
    reason = url_problem(url, image=kind == "image")
    if reason is None:
        return missing(kind, url, where, content) if kind == "image" else _unpublished(url, where, content)
    if kind == "image":
        return error(where, "E508", "image '{url}' {reason}",
                     "images and files go in content/assets/ and are written assets/name.png", url=url, reason=reason)
    return error(where, "E508", "link '{url}' {reason}", "link to a web address (https://...) or a cross-reference [[id]]",
                 url=url, reason=reason)


def _recased(content: Path, name: str) -> str | None:
    """The file under ``content`` whose path is ``name`` in other capitals (``assets/peta.svg`` for
    ``Assets/Peta.SVG``), or None."""
    found: Path | None = content
    for part in Path(name).parts:
        if found is None or not is_dir(found):
            return None
        found = next((entry for entry in sorted(found.iterdir()) if entry.name.casefold() == part.casefold()), None)
    return found.relative_to(content).as_posix() if found is not None and is_file(found) else None


def missing(kind: str, url: str, where: Position, content: Path | None) -> Diagnostic | None:
    """An image (or the logo) that names no file of the plan: the PDF could not be made without it."""
    name = _file_named(url)
    if content is not None and name and is_file(content / name):
        if not (content / name).resolve().is_relative_to(content.resolve()):  # the build may read only the plan's files
            return error(where, "E511", "'{url}' leads outside the plan: content/{name} links to a file outside content/",
                         "copy the file into content/assets/ rather than linking to it", url=url, name=name)
        wrong = images.problem(content / name, content)
        if wrong:  # the PDF build would fail on it, with no reason said
            return error(where, "E519", "image '{url}' cannot be printed: {reason}",
                         "save it again from a drawing or photo program, or replace the file", url=url, reason=wrong)
        if kind == "image" and not name.startswith(f"{ASSETS}/"):  # the PDF shows it, the site would not
            return warning(where, "W513", "image '{url}' is not shown on the site: only content/assets/ is published",
                           Message("move it into content/assets/ and write assets/{file}", file=Path(name).name),
                           url=url)
        return picture_files.shown_badly(content / name, url, where) or sharpness.blurred(content / name, kind, url,
                                                                                          where)
    if content is None or not name:
        return None
    folder = (content / name).parent
    files = sorted(f"{Path(name).parent.as_posix()}/{f.name}".removeprefix("./") for f in folder.iterdir()
                   if f.is_file()) if is_dir(folder) else []
    spaced = [file for file in files if Path(file).name.startswith(f"{Path(name).name} ")]  # "Peta Sidoarjo.png"
    recased = _recased(content, name)  # "Assets/Peta.SVG" for assets/peta.svg
    hint = (Message("folders are parted with /, not \\: {url}", url=url.replace("\\", "/")) if "\\" in url
            else Message("the file is {file}: capitals and small letters count, on the city's web server too; write "
                         "{file}", file=recased) if recased
            else Message("a space ends an address: write it as %20 ({address}), or rename the file without spaces",
                         address=quote(spaced[0])) if spaced and kind == "image"
            else did_you_mean(name, files) or "images go in content/assets/ and are written assets/name.png")
    return error(where, "E511", "logo '{url}' is not a file of the plan: content/{name} does not exist" if kind == "logo"
                 else "image '{url}' is not a file of the plan: content/{name} does not exist", hint,
                 url=url, name=name)


_WEB_ADDRESS = re.compile(r"(www\.|[\w-]+(\.[\w-]+)*\.(go\.id|co\.id|ac\.id|or\.id|id|com|org|net)(/|$))",
                          re.IGNORECASE)


def _unpublished(url: str, where: Position, content: Path | None) -> Diagnostic | None:
    """A link that would lead nowhere on the site: a chapter's file, a web address without https://, an asset missing.

    Only ``content/assets/`` is copied to the site, beside its own pages (which a link may
    name); a chapter is linked with a cross-reference (``[[bab:visi]]``), a web page with its
    full address. A warning: the book and the rest of the site are fine without the link.
    """
    # loaded already: url_problem said this URL may be used
    from masterplan.render.markdown import SCHEME
    name = _file_named(url)
    if content is None or not name or SCHEME.match(url) or "{" in url:  # an anchor, a web address, Jinja's to fill
        return None
    if _WEB_ADDRESS.match(name):
        hint = Message("a web address starts with https://: https://{url}", url=url)
    elif name.lower().endswith(".md"):
        hint = Message("link to a chapter with a cross-reference: [[bab:<chapter id>]]")
    elif name.startswith(f"{ASSETS}/") and not _file_in(content, name):
        hint = Message("files to link go in content/assets/ and are written assets/name.pdf")
    elif name.startswith(f"{ASSETS}/") and hidden(PurePosixPath(name).relative_to(ASSETS)):
        hint = Message("the website leaves out a copy kept aside or a computer's own file, as {file} is named: "
                       "give the file a name of its own", file=PurePosixPath(name).name)
    else:
        return None  # a file of the site's assets, or one of its pages
    return warning(where, "W513", "link '{url}' leads nowhere on the site", hint, url=url)


def _file_named(url: str) -> str:
    """The file a relative URL names, as written in the plan: no anchor, query or ``./``."""
    return unquote(url.split("#", 1)[0].split("?", 1)[0]).removeprefix("./")


def _file_in(content: Path, name: str) -> bool:
    """Whether ``content/name`` is a file, or starts one (``<assets/Laporan Akhir.pdf>`` is read up to its space)."""
    path = content / name
    return is_file(path) or (is_dir(path.parent) and any(f.name.startswith(f"{path.name} ")
                                                            for f in path.parent.iterdir()))


def chapter_links(chapter: Chapter, content: Path | None) -> Iterator[Diagnostic]:
    """A chapter's URLs as written, each at its line and column (none shown as code: :class:`Shown`)."""
    shown = Shown(chapter.body)
    for kind, url, line, column in urls(chapter.body):
        if "{{" in url or "{%" in url:  # Jinja fills it in: checked as filled (filled_links)
            continue
        shown.add(url, line, column,
                  problem(kind, url, Position(chapter.position.file, chapter.body_line + line - 1, column), content))
    yield from shown.told()


def filled_links(chapter: Chapter, text: str, content: Path | None) -> Iterator[Diagnostic]:
    """URLs that only Jinja puts together, found in the chapter as filled in (``text``): each told at the address
    written with Jinja that made it (:class:`_JinjaPlaces`), else at the chapter's first line of text."""
    found = list(urls(chapter.body))
    written, shown, places = {url for _, url, _, _ in found}, Shown(text), _JinjaPlaces(chapter, found)
    for kind, url, line, column in urls(text):
        if url not in written:
            shown.add(url, line, column, problem(kind, url, places.of(url), content))
    yield from shown.told()


class _JinjaPlaces:
    """Where the chapter writes each URL Jinja fills in: the address written with Jinja whose text before its first
    ``{{``/``{%`` begins the URL (the longest such), at its line and column; of several written with that text, the
    next one in order for each URL filled in (the last again for a loop's many); else the chapter's first line."""

    def __init__(self, chapter: Chapter, found: list[tuple[str, str, int, int]]):
        self.chapter = chapter
        self.written: dict[str, list[tuple[int, int]]] = {}  #: text before the Jinja -> (line, column) of each
        for _, url, line, column in found:
            if (jinja := TAG_START.search(url)) and jinja.start():
                self.written.setdefault(url[:jinja.start()], []).append((line, column))
        self.used: dict[str, int] = {}

    def of(self, url: str) -> Position:
        prefix = max((p for p in self.written if url.startswith(p)), key=len, default=None)
        if prefix is None:
            return Position(self.chapter.position.file, self.chapter.body_line, 1)
        places = self.written[prefix]
        line, column = places[min(self.used.get(prefix, 0), len(places) - 1)]
        self.used[prefix] = self.used.get(prefix, 0) + 1
        return Position(self.chapter.position.file, self.chapter.body_line + line - 1, column)
