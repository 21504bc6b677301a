"""A picture that prints, but not as its author sees it, is told: a file cut short (W545), a TIFF (W546).

A picture copied from a phone or downloaded from a chat whose transfer was interrupted passed ``validate``, and the
book printed its top with the rest black or blank; a scan saved as TIFF passed too, and the site showed a broken image. The
tests read the book's page back and ask Chromium what it shows, so the warnings' words are held to what a reader sees.
"""

from __future__ import annotations

import random
import subprocess
from io import BytesIO
from pathlib import Path

from conftest import MINI_FILES, write_plan
from PIL import Image, ImageStat

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check

CHAPTER = "content/chapters/01-pendahuluan.md"
WHOLE = {"utuh.png": "PNG", "utuh.jpg": "JPEG", "utuh.gif": "GIF"}
CUT = {"putus.png": "PNG", "putus.jpg": "JPEG", "putus.gif": "GIF"}
FILES = {
    CHAPTER: MINI_FILES[CHAPTER].rstrip(" ") + "".join(
        f"\n        ![Gambar {name}](assets/{name})\n" for name in [*WHOLE, *CUT, "pindai.tif"]),
}


def _noise(width: int = 1200, height: int = 900) -> Image.Image:
    """A picture that compresses badly, as a photo does, in a light colour, so that black shows up against it."""
    generator = random.Random(7)
    return Image.frombytes("RGB", (width, height), bytes(generator.randrange(160, 256) for _ in range(width * height * 3)))


def _saved(picture: Image.Image, kind: str) -> bytes:
    out = BytesIO()
    picture.save(out, kind)
    return out.getvalue()


def _plan(tmp_path: Path) -> Path:
    root = write_plan(tmp_path, FILES)
    assets = root / "content" / "assets"
    assets.mkdir(exist_ok=True)
    picture = _noise()
    for names, share in ((WHOLE, 1), (CUT, 0.5)):
        for name, kind in names.items():
            data = _saved(picture if kind != "GIF" else picture.convert("P"), kind)
            (assets / name).write_bytes(data[:int(len(data) * share)])
    picture.save(assets / "pindai.tif")
    return root


def _told(root: Path, code: str) -> list[str]:
    return sorted(f"{d.position.line}: {d.message}" for d in load_and_check(root).report if d.code == code)


def test_a_picture_cut_short_and_a_tiff_are_told_at_their_lines(tmp_path: Path) -> None:
    root = _plan(tmp_path)
    cut = _told(root, "W545")
    assert cut == [f"{line}: image 'assets/{name}' is cut short: its file ends before the picture does, so the book "
                   f"and the site show it with a part missing"
                   for line, name in ((15, "putus.png"), (17, "putus.jpg"), (19, "putus.gif"))]
    assert _told(root, "W546") == [("21: image 'assets/pindai.tif' is a TIFF picture: the book prints it, but web "
                                    "browsers do not show it, so the site shows a broken image")]


def test_a_picture_cut_short_is_told_once_weasyprint_is_imported_too(tmp_path: Path) -> None:
    """WeasyPrint, imported, lets Pillow load a picture cut short (ImageFile.LOAD_TRUNCATED_IMAGES): the preview,
    which imports it, and the whole test suite told the PNG only. The check reads as it would without it, and leaves
    WeasyPrint's setting as it found it."""
    import weasyprint  # noqa: F401 - imported for what it sets in Pillow
    from PIL import ImageFile
    assert ImageFile.LOAD_TRUNCATED_IMAGES
    assert len(_told(_plan(tmp_path), "W545")) == 3
    assert ImageFile.LOAD_TRUNCATED_IMAGES


def test_a_jpeg_missing_only_its_end_marker_is_whole(tmp_path: Path) -> None:
    """Some cameras and apps write a JPEG without its two-byte end marker: Pillow calls it truncated, the renderer
    prints every pixel of it. It is not told; one cut short by half is."""
    root = _plan(tmp_path)
    assets = root / "content" / "assets"
    whole = (assets / "utuh.jpg").read_bytes()
    assert whole.endswith(b"\xff\xd9")
    (assets / "kamera.jpg").write_bytes(whole[:-2])
    chapter = root / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n![Kamera](assets/kamera.jpg)\n", encoding="utf-8")
    told = _told(root, "W545")
    assert len(told) == 3 and not [line for line in told if "kamera.jpg" in line], told


def test_a_picture_sent_again_whole_is_no_longer_told(tmp_path: Path) -> None:
    root = _plan(tmp_path)
    assert len(_told(root, "W545")) == 3
    for name in CUT:  # the same names, their files whole now: each looked at again, not remembered as it was
        (root / "content" / "assets" / name).write_bytes((root / "content" / "assets" / name.replace("putus", "utuh"))
                                                         .read_bytes())
    assert _told(root, "W545") == []


def _bottom(picture: Image.Image) -> float:
    """How light the lowest quarter of ``picture`` is, from 0 (black) to 255 (white)."""
    grey = picture.convert("L")
    return ImageStat.Stat(grey.crop((0, grey.height * 3 // 4, grey.width, grey.height))).mean[0]


def test_what_the_warnings_say_is_what_the_book_and_the_browser_show(tmp_path: Path, browser: object) -> None:
    root = _plan(tmp_path)
    assert run(root, BuildOptions()).ok
    subprocess.run(["pdfimages", "-png", str(root / "build" / "masterplan.pdf"), str(tmp_path / "printed")], check=True)
    printed = [Image.open(path) for path in sorted(tmp_path.glob("printed-*.png"))]
    assert [picture.size for picture in printed] == [(1200, 900)] * 7
    light = _bottom(_noise())
    damaged = [abs(_bottom(picture) - light) > 20 for picture in printed]  # the chapter's order: whole, cut, the TIFF
    assert damaged == [False] * 3 + [True] * 3 + [False]
    tab = browser.new_page()  # type: ignore[attr-defined]
    try:
        tab.goto((root / "build" / "site" / "chapter" / "pendahuluan.html").as_uri())
        tab.wait_for_load_state("load")
        shown = tab.evaluate("Object.fromEntries([...document.images].map(i => [i.getAttribute('src').split('/')"
                             ".pop(), i.naturalWidth]))")
    finally:
        tab.close()
    assert shown["pindai.tif"] == 0  # the broken image W546 speaks of
    assert all(shown[name] == 1200 for name in WHOLE)
