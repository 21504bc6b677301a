"""Whether an image file of the plan can be printed: the PDF build fails on one that cannot.

WeasyPrint finds out only while laying the book out, 45 seconds into a build, and says
"Failed to load image" with no reason. It reads a picture whatever its name says (a JPEG
named ``.png`` prints) through Pillow, or else as an SVG drawing; ``validate`` tries the same
two readers. An SVG may also load pictures while it draws (``<image>``): those go through the
renderer's fetcher, which allows only files inside the plan's ``content/`` folder (a relative
address is read beside the SVG) and ``data:`` URLs up to 512 KB, so an SVG loading a web address,
a file elsewhere on the disk or a missing file fails the book too. Links (``<a href>``) and
references inside the drawing (``#id``) load nothing.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from masterplan.diagnostics import Message
from masterplan.render import MAX_DATA_URL

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: the SVG element whose address the renderer fetches, failing the book if it cannot (an <a> only links;
#: a <use> of another file that cannot be read draws nothing, silently; <feImage> is not drawn at all)
LOADING = f"{SVG}image"
DEPTH = 4  #: SVGs loading SVGs: how deep the loaded files are checked


def problem(path: Path, content: Path, depth: int = DEPTH) -> Message | None:
    """What keeps the image at ``path`` (a file inside ``content``) out of the book, or None."""
    try:
        data = path.read_bytes()
    except OSError as failure:
        return Message("the file cannot be read: {reason}", reason=failure.strerror or str(failure))
    if _picture(data):
        return None
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError):
        return Message("it is neither a picture (PNG, JPEG, GIF, WebP…) nor an SVG drawing that can be read")
    if root.tag != f"{SVG}svg":
        return Message("it is neither a picture (PNG, JPEG, GIF, WebP…) nor an SVG drawing that can be read")
    return _loads(root, path, content.resolve(), depth)


def _picture(data: bytes) -> bool:
    """Whether Pillow reads ``data`` as a picture, as the renderer does (imported only for a file that is one)."""
    if data.lstrip()[:1] == b"<" or data.startswith(b"\xef\xbb\xbf") or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False  # text: an SVG (Pillow would only say no, slower)
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(BytesIO(data)):
            return True
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False


def _loads(root: ElementTree.Element, path: Path, content: Path, depth: int) -> Message | None:
    """The first file or address the SVG ``root`` loads that the renderer would refuse or not find."""
    for element in root.iter():
        href = (element.get(XLINK_HREF) or element.get("href") or "").strip() if element.tag == LOADING else ""
        if not href or href.startswith("#"):
            continue
        address = urljoin(path.as_uri(), href)
        scheme = urlsplit(address).scheme.lower()
        if scheme == "data":
            if len(address) > MAX_DATA_URL:
                return Message("the SVG holds a picture of {size} KB in a data: URL; the book allows {most} KB: "
                               "link the picture as a file of content/assets/ instead",
                               size=len(address) // 1024, most=MAX_DATA_URL // 1024)
            continue
        target = Path(unquote(urlsplit(address).path)).resolve() if scheme == "file" else None
        if target is None or not target.is_relative_to(content):
            return Message("the SVG loads '{href}': an SVG in the book may load only files of the plan's content/ "
                           "folder", href=href[:80])
        if not target.is_file():
            return Message("the SVG loads '{href}', which is not a file of the plan", href=href[:80])
        if depth > 0 and target != path:
            inner = problem(target, content, depth - 1)
            if inner is not None:
                return Message("the SVG loads '{href}': {reason}", href=href[:80], reason=inner)
    return None
