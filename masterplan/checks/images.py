"""Whether an image file of the plan can be printed: the PDF build fails on one that cannot.

WeasyPrint finds out only while laying the book out, 45 seconds into a build, and says
"Failed to load image" with no reason. It reads a picture whatever its name says (a JPEG
named ``.png`` prints) through Pillow, limited to the formats of :data:`PICTURES` (not EPS,
which Pillow would hand to Ghostscript), or else as an SVG drawing; ``validate`` tries the
same two readers. An SVG may also load files while it draws, through the renderer's fetcher,
which allows only files inside the plan's ``content/`` folder (a relative address is read
beside the SVG, or from its ``xml:base``) and ``data:`` URLs up to 512 KB:

- a picture (``<image>``): one refused, missing, unreadable or loading itself fails the book;
- another file's drawing (``<use href="peta.svg#jalan">``): a refused address fails the
  book; one the renderer cannot read draws nothing, without a word, and is not flagged;
- a stylesheet (``@import``, ``url(…)`` in ``<style>`` or ``style=""``): the renderer reads none
  and fails on ``@import``, so an SVG's style may only name its own parts (``url(#gradasi)``).

Links (``<a href>``) and references inside the drawing (``#id``) load nothing. Each file is
read once, however many times it is drawn.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit
from xml.etree import ElementTree

from masterplan.checks.svg_copies import Copies, Cycle
from masterplan.diagnostics import Message
from masterplan.render import MAX_DATA_URL, opened_picture, too_large

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
#: what a style loads: ``@import``, or a ``url()`` that is not a part of the drawing itself (``url(#id)``)
_STYLE_LOADS = re.compile(r"""@import\b|url\(\s*['"]?\s*(?!#)[^)\s'"]""", re.IGNORECASE)
#: a CSS escape: a backslash and a character's code in hex (and a space that ends it), or the character itself
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|\\(.)", re.DOTALL)
#: elements one in another that an SVG may have: the renderer draws each inside its parent by recursion, and an SVG of
#: 1,000 groups one in another failed the book ("Failed to render SVG image"); drawing programs nest a few tens
MAX_DEPTH = 200


def _css_unescaped(style: str) -> str:
    """A style as CSS reads it: ``@\\69mport`` is ``@import``, ``u\\72l(`` is ``url(``."""
    def character(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return _CSS_ESCAPE.sub(character, style) if "\\" in style else style


def problem(path: Path, content: Path) -> Message | None:
    """What keeps the image at ``path`` (a file inside ``content``) out of the book, or None."""
    return _Reader(content.resolve()).file(path)


class _Reader:
    """Reads the pictures and drawings of one image, each file once."""

    def __init__(self, content: Path):
        self.content = content
        self.reading: list[Path] = []  #: the drawings loading the one being read, outermost first
        self.read: set[Path] = set()  #: files read and found printable
        self.sizes: dict[Path, int] = {}  #: how many elements the drawing of each file read draws

    def file(self, path: Path) -> Message | None:
        resolved = path.resolve()
        if resolved in self.reading:
            return Message("the SVG loads itself: the renderer cannot draw it")
        if resolved in self.read:
            return None
        try:
            data = resolved.read_bytes()
        except OSError as failure:
            return Message("the file cannot be read: {reason}", reason=failure.strerror or str(failure))
        self.reading.append(resolved)
        try:
            found = self.image(data, resolved.as_uri())
        finally:
            self.reading.pop()
        if found is None:
            self.read.add(resolved)
        return found

    def image(self, data: bytes, address: str) -> Message | None:
        """What keeps ``data`` (read from ``address``) from being drawn, or None."""
        picture = _picture(data)
        if picture is not False:
            return picture
        try:
            root = ElementTree.fromstring(data)
        except (ElementTree.ParseError, ValueError):
            root = None
        if root is None or root.tag not in (f"{SVG}svg", "svg"):
            return Message("it is neither a picture (PNG, JPEG, GIF, WebP…) nor an SVG drawing that can be read")
        return self.drawing(root, address)

    def drawing(self, root: ElementTree.Element, address: str) -> Message | None:
        """The first thing the SVG ``root`` (read from ``address``) loads that would fail the book."""
        if _deeper_than(root, MAX_DEPTH):
            return Message("the SVG has elements nested more than {limit} deep (groups in groups): the renderer cannot "
                           "draw it; save the drawing as a PNG picture", limit=MAX_DEPTH)
        for element in root.iter():
            name = str(element.tag).rsplit("}", 1)[-1]
            style = (element.text or "") if name == "style" else element.get("style", "")
            if _STYLE_LOADS.search(_css_unescaped(style)):
                return Message("the SVG's style loads a file or address; the renderer reads none: write the style "
                               "in the SVG itself")
            if name not in ("image", "use"):
                continue
            href = (element.get(XLINK_HREF) or element.get("href") or "").strip()
            if not href or href.startswith("#"):
                continue
            picture = name == "image"  # the renderer reads a picture's xml:base, not a <use>'s
            found = self.loaded(href, (element.get(XML_BASE) if picture else None) or address, picture)
            if found is not None:
                return found
        return self.copies(root, address)

    def copies(self, root: ElementTree.Element, address: str) -> Message | None:
        """Whether the SVG ``root`` copies its shapes (or other drawings) more than the book draws, or into
        themselves (see :mod:`masterplan.checks.svg_copies`)."""
        copies = Copies(root, lambda element, href: self.drawn(element, href, address))
        try:
            count = copies.count()
        except Cycle as cycle:
            return Message("the SVG draws '{name}' inside itself (a <use> naming what holds it): the renderer cannot "
                           "draw it", name=cycle.name[:80])
        if count <= copies.allowed:
            return None
        return Message("the SVG draws more than {limit:,} copies of its shapes: a <use> draws all that the element "
                       "it names holds, its own <use>s included; save the drawing as a PNG picture, or use fewer "
                       "copies", limit=copies.allowed)

    def drawn(self, element: ElementTree.Element, href: str, address: str) -> int | str:
        """What the ``<use>`` or ``<image>`` ``element`` of the SVG read from ``address`` draws from ``href``:
        the id it names in the same file, or how many elements another drawing draws (0 for a picture)."""
        picture = str(element.tag).endswith("image")
        try:
            target = urlsplit(urljoin((element.get(XML_BASE) if picture else None) or address, href))
            data = _data(target.geturl()) if target.scheme.lower() == "data" else None
            path = Path(unquote(target.path)).resolve() if target.scheme.lower() == "file" else None
        except ValueError:
            return 0
        if path is not None and self.reading and path == self.reading[-1] and not picture and target.fragment:
            return target.fragment  # the renderer reads '#id' of its own file in the drawing it has
        if path is not None and path in self.reading:
            raise Cycle(href[:80])
        if path is not None and path not in self.sizes:
            try:  # another file the renderer may read (checked above), else it draws nothing
                data = path.read_bytes() if path.is_relative_to(self.content) else b""
            except OSError:
                data = b""
        return self.sizes[path] if path in self.sizes else self.drawing_size(data or b"", path)

    def drawing_size(self, data: bytes, path: Path | None) -> int:
        """How many elements the drawing in ``data`` (read from ``path``) draws: 0 for a picture."""
        try:
            root = ElementTree.fromstring(data) if data.lstrip()[:1] == b"<" else None
        except (ElementTree.ParseError, ValueError):
            root = None
        if root is None:
            size = 0
        elif path is None:  # a drawing in a data: URL
            size = Copies(root, lambda element, href: self.drawn(element, href, "")).drawn(root)
        else:
            self.reading.append(path)
            try:
                size = Copies(root, lambda element, href: self.drawn(element, href, path.as_uri())).drawn(root)
            finally:
                self.reading.pop()
        if path is not None:
            self.sizes[path] = size
        return size

    def loaded(self, href: str, base: str, picture: bool) -> Message | None:
        """What is wrong with what an SVG loads from ``href``: a picture, or (not ``picture``) a drawing to reuse."""
        shown = href[:80]
        try:
            address = urljoin(base, href)
            scheme = urlsplit(address).scheme.lower()
            target = Path(unquote(urlsplit(address).path)).resolve() if scheme == "file" else None
        except ValueError:  # "http://[::1", "a%00.png": no address at all
            return Message("the SVG loads '{href}', which is no address the renderer can read", href=shown)
        if scheme == "data":
            if len(address) > MAX_DATA_URL:
                return Message("the SVG holds a picture of {size} KB in a data: URL; the book allows {most} KB: "
                               "link the picture as a file of content/assets/ instead",
                               size=len(address) // 1024, most=MAX_DATA_URL // 1024)
            inner = self.image(_data(address), address) if picture else None
            return Message("the SVG's picture in a data: URL cannot be drawn: {reason}", reason=inner) if inner else None
        if target is None or not target.is_relative_to(self.content):
            return Message("the SVG loads '{href}': an SVG in the book may load only files of the plan's content/ "
                           "folder", href=shown)
        if not picture:
            return None  # another file's drawing the renderer cannot read is left out, without failing the book
        if not target.is_file():
            return Message("the SVG loads '{href}', which is not a file of the plan", href=shown)
        inner = self.file(target)
        return Message("the SVG loads '{href}': {reason}", href=shown, reason=inner) if inner else None


def _deeper_than(root: ElementTree.Element, limit: int) -> bool:
    """Whether elements nest in ``root`` more than ``limit`` deep (counted without recursion: it may be deep)."""
    level = [root]
    for _ in range(limit):
        level = [child for element in level for child in element]
        if not level:
            return False
    return True


def _picture(data: bytes) -> Message | None | Literal[False]:
    """None when Pillow reads ``data`` as a picture the book prints, as the renderer does; False when it is
    no picture; what is wrong with a picture Pillow knows but cannot read (a broken file, one too large)."""
    if data.lstrip()[:1] == b"<" or data.startswith(b"\xef\xbb\xbf") or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False  # text: an SVG (Pillow would only say no, slower)
    from PIL import UnidentifiedImageError  # imported only for a plan with pictures
    try:
        with opened_picture(data) as picture:  # its header: the size, no pixels
            return too_large(*picture.size)
    except UnidentifiedImageError:
        return False
    except Exception as failure:  # noqa: BLE001 - a decompression bomb, a truncated header: what Pillow says
        return Message("the picture cannot be read: {reason}", reason=str(failure)[:160] or type(failure).__name__)


def _data(address: str) -> bytes:
    """The bytes of a ``data:`` URL, base64 or not (an undecodable one is empty: no picture)."""
    header, _, body = address.partition(",")
    try:
        return base64.b64decode(unquote(body)) if header.lower().endswith(";base64") else unquote_to_bytes(body)
    except ValueError:
        return b""
