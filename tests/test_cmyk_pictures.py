"""A CMYK picture is handed to the book in RGB (render/print_fetch.in_rgb), whatever its profile: one that does not
work left it CMYK, and a final plan's PDF/A claim false; a map's TIFF keeps its lettering sharp, as a PNG."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from masterplan.render.print_fetch import in_rgb

RED = (0, 255, 255, 0)  # no cyan, full magenta and yellow


@pytest.mark.parametrize(("saved", "options", "kept_as"), [
    ("JPEG", {}, "JPEG"),
    ("JPEG", {"icc_profile": b"not a colour profile"}, "JPEG"),
    ("TIFF", {}, "PNG"),
])
def test_a_cmyk_picture_is_given_in_rgb(saved: str, options: dict[str, bytes], kept_as: str) -> None:
    written = BytesIO()
    Image.new("CMYK", (30, 20), RED).save(written, saved, **options)
    converted = in_rgb(written.getvalue())
    assert converted is not None
    with Image.open(BytesIO(converted)) as picture:
        red, green, blue = picture.getpixel((10, 10))
        assert (picture.format, picture.mode) == (kept_as, "RGB") and red > 200 and green < 60 and blue < 60


def test_a_picture_in_rgb_or_no_picture_is_left_as_it_is() -> None:
    written = BytesIO()
    Image.new("RGB", (30, 20)).save(written, "PNG")
    assert in_rgb(written.getvalue()) is None
    assert in_rgb(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
