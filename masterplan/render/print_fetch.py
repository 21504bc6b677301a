"""What WeasyPrint may read, and what it says while it works.

The print HTML holds content from many hands, so WeasyPrint reads only through
:class:`Fetcher`: files inside the plan's ``content/`` folder and the theme folders,
and ``data:`` URLs up to 512 KB (the charts). Nothing from the network, no ``file://`` anywhere else
(symlinks are followed before the check, so a link to ``/etc/passwd`` is refused too).
Every refused URL is remembered and becomes a build error naming it.

A file under a plan's own theme folder that the plan does not override (a font that
the plan's ``print/book.css`` points at relatively) is taken from the default theme,
the way every other theme file is.

WeasyPrint never raises for a missing image or a CSS rule it ignores: it logs.
:func:`capture_logs` collects those records during a render; :mod:`masterplan.render.pdf_logs`
turns records of level ERROR (a resource that failed to load) into build errors and
WARNING records (ignored or unsupported CSS) into warnings, which fail the build only
under ``--strict``: an ignored declaration in a plan's theme override rarely changes the
book's content, whereas a missing image always does.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from PIL.Image import Image
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url

from masterplan.diagnostics import Message
from masterplan.render import MAX_DATA_URL, PICTURES, opened_picture, too_large
from masterplan.render.theme import Theme


class Fetcher(URLFetcher):
    """WeasyPrint's URL fetcher, limited to the plan's content folder and the theme."""

    def __init__(self, content: Path, theme: Theme):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        pictures_only()
        self.content = content.resolve()
        self.theme = theme
        self.roots = [self.content, *(f.resolve() for f in theme.folders)]
        self.refused: list[tuple[str, str]] = []  #: (url, reason) of every refused request

    @property
    def base_url(self) -> str:
        """The URL relative paths in content are read from: the content folder."""
        return path2url(str(self.content)).rstrip("/") + "/"

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be read, or None when it may."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return None if len(url) <= MAX_DATA_URL else Message("data: URL larger than {size} KB",
                                                                 size=MAX_DATA_URL // 1024)
        if not scheme:
            return Message("relative URLs are not allowed; put the file under content/assets/")
        if scheme != "file":
            return Message("{scheme} URLs are not allowed; put the file under content/assets/", scheme=scheme)
        if self.local(url) is None:
            target = Path(unquote(urlsplit(url).path)).resolve()
            if any(target.is_relative_to(root) for root in self.roots[1:]):  # a theme's folder, missing in every one
                return Message("the theme has no file {name}", name=target.name)
            return Message("the file ({file}) is outside the plan's content/ folder and the theme", file=target)
        return None

    def local(self, url: str) -> Path | None:
        """The allowed file a file: URL names (theme fallbacks applied), or None."""
        path = Path(unquote(urlsplit(url).path)).resolve()
        for root in self.roots:
            if path.is_relative_to(root):
                if not path.exists() and root != self.content:
                    return self._theme_fallback(path.relative_to(root).as_posix())
                return path
        return None

    def _theme_fallback(self, name: str) -> Path | None:
        try:
            return self.theme.find(name).resolve()
        except FileNotFoundError:
            return None

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        reason = self.refusal(url)
        if reason is not None:
            self.refused.append((url, reason))
            raise ValueError(f"refused {url}: {reason}")
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.local(url)
        assert path is not None
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = path.read_bytes()
        if path.is_relative_to(self.content) and (reason := _too_large(data)):  # validate says E519 first
            self.refused.append((url, reason))
            raise ValueError(f"refused {url}: {reason}")
        if path.is_relative_to(self.content) and (rgb := in_rgb(data)) is not None:
            data, kind = rgb, "image/jpeg"
        return URLFetcherResponse(path2url(str(path)), data, {"Content-Type": kind})


def in_rgb(data: bytes) -> bytes | None:
    """A CMYK picture (a photo or a map saved for a printer) in RGB, or None for any other: the book is RGB
    throughout, and a final plan's PDF/A-2a, whose output intent is sRGB, may hold no DeviceCMYK picture. The
    picture's own colour profile converts it where it has one that works, Pillow's plain conversion otherwise; a JPEG
    stays a JPEG, any other (a map's TIFF, its lettering sharp) becomes a PNG."""
    try:
        with opened_picture(data) as picture:
            if picture.mode != "CMYK":
                return None
            rgb = _profiled(picture) or picture.convert("RGB")
            out = BytesIO()
            if picture.format == "JPEG":
                rgb.save(out, "JPEG", quality=95, dpi=picture.info.get("dpi", (96, 96)))
            else:
                rgb.save(out, "PNG", dpi=picture.info.get("dpi", (96, 96)))
            return out.getvalue()
    except Exception:  # noqa: BLE001 - no picture, or none Pillow converts: WeasyPrint reads it as it is
        return None


def _profiled(picture: Image) -> Image | None:
    """``picture`` in sRGB by its own colour profile, or None where it has none, or one that does not work."""
    profile = picture.info.get("icc_profile")
    if not profile:
        return None
    from PIL import ImageCms
    try:
        return ImageCms.profileToProfile(picture, ImageCms.ImageCmsProfile(BytesIO(profile)),
                                         ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def _too_large(data: bytes) -> Message | None:
    """Why a picture of content/ is not printed, read from its header: more pixels than the book decodes."""
    try:
        with opened_picture(data) as picture:
            return too_large(*picture.size)
    except Exception:  # noqa: BLE001 - no picture (a font, a stylesheet, an SVG) or none Pillow reads: WeasyPrint says
        return None


def pictures_only() -> None:
    """Let Pillow, which WeasyPrint asks to read every picture, read only :data:`~masterplan.render.PICTURES`:
    an EPS file named ``foto.png`` would otherwise be handed to Ghostscript (checks.images flags it)."""
    from PIL import Image

    Image.init()  # every reader registered now, never again: what is taken out stays out
    Image.ID[:] = [name for name in Image.ID if name in PICTURES]
    for name in [name for name in Image.OPEN if name not in PICTURES]:
        del Image.OPEN[name]


def content_url(fetcher: Fetcher, url: str) -> tuple[str, str | None]:
    """``url`` as written in content/ made absolute, and why it is refused (or None)."""
    absolute = urljoin(fetcher.base_url, url.strip())
    return absolute, fetcher.refusal(absolute)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def capture_logs(name: str = "weasyprint") -> Iterator[list[logging.LogRecord]]:
    """Collect the WARNING and ERROR records WeasyPrint logs inside the ``with`` block."""
    logger = logging.getLogger(name)
    handler = _Collect()
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(previous or logging.WARNING, logging.WARNING))
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
