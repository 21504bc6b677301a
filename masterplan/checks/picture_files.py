"""Pictures that print, but not as their author sees them: a file cut short (W545) and a TIFF picture (W546).

A picture whose file ends before its pixels do (a download or a copy from a phone interrupted) passes the renderer:
the book prints what there is and fills the rest (black for a PNG, white or grey for a JPEG as a PDF viewer decodes
it), the browser leaves it blank, and nothing is said. A TIFF picture (a scan, a map exported from a GIS) prints in
the book, but web browsers show none: the site would carry a broken image. Each file is looked at once for as long
as it is unchanged (the preview checks after every edit). WeasyPrint, once imported, lets Pillow load a picture
cut short (``ImageFile.LOAD_TRUNCATED_IMAGES``): the check holds that off while it looks, and puts it back.
"""

from __future__ import annotations

import functools
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.render import opened_picture

CUT_SHORT, TIFF = "cut short", "TIFF"


def shown_badly(path: Path, url: str, where: Position) -> Diagnostic | None:
    """W545 or W546 for the picture at ``path``, written ``url`` at ``where``; None for a whole picture browsers show,
    an SVG, or what is no picture (checks.images says what is wrong with that)."""
    try:
        status = path.stat()
    except OSError:
        return None
    fault = _fault(str(path), status.st_mtime_ns, status.st_size)
    if fault == TIFF:
        return warning(where, "W546", "image '{url}' is a TIFF picture: the book prints it, but web browsers do not "
                       "show it, so the site shows a broken image", "save it as PNG (a drawing, a map or a scan) or "
                       "JPEG (a photo) and write that file's name", url=url)
    if fault == CUT_SHORT:
        return warning(where, "W545", "image '{url}' is cut short: its file ends before the picture does, so the book "
                       "and the site show it with a part missing",
                       Message("copy or send {file} again from its author: a download or copy was interrupted",
                               file=path.name), url=url)
    return None


@functools.lru_cache(maxsize=256)
def _fault(path: str, modified: int, size: int) -> str | None:
    """What is wrong with the picture at ``path`` as it was when modified at ``modified`` with ``size`` bytes."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return None if data.lstrip()[:1] == b"<" else _fault_of(data)  # an SVG drawing: not looked at


def _filled_in(jpeg: bytes) -> bool:
    """Whether the JPEG ``jpeg``, which Pillow finds cut short, lacks pixels: read as the renderer reads it, its last
    row is one colour, the decoder's filling. A JPEG missing only its two-byte end marker, as some cameras and apps
    write it, is whole: its last row is the picture's."""
    from PIL import ImageFile
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # the caller restores what it was
    with opened_picture(jpeg) as picture:
        picture.draft("RGB", (max(1, picture.width // 8), max(1, picture.height // 8)))
        picture.load()
        last = picture.crop((0, picture.height - 1, picture.width, picture.height))
        return len(last.getcolors(picture.width) or ()) == 1


def _fault_of(data: bytes) -> str | None:
    """What is wrong with the picture ``data``: a TIFF, cut short, or None."""
    from PIL import ImageFile
    loads_truncated = ImageFile.LOAD_TRUNCATED_IMAGES  # True once WeasyPrint is imported (the preview, a build)
    try:
        ImageFile.LOAD_TRUNCATED_IMAGES = False  # so that a picture cut short fails to load, as it is looked for
        with opened_picture(data) as picture:
            if picture.format == "TIFF":
                return TIFF
            if picture.format == "PNG":
                picture.verify()  # every chunk read and its checksum compared, no pixel decoded
            else:
                if picture.format == "JPEG":  # decoded at an eighth of its size: every byte read, a fiftieth the work
                    picture.draft("RGB", (max(1, picture.width // 8), max(1, picture.height // 8)))
                picture.load()
    except OSError as failure:
        if "truncated" not in str(failure).lower():
            return None
        return CUT_SHORT if not data.startswith(b"\xff\xd8") or _filled_in(data) else None
    except Exception:  # noqa: BLE001 - no picture Pillow reads: checks.images says what is wrong with it
        return None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = loads_truncated
    return None
