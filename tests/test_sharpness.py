"""A picture the book prints under 150 dpi is told (W536), with the resolution the PDF gives it.

A picture taken from a web page prints soft on paper though the screen shows it well, and nothing said so before
the print shop did. The dpi of the warning is checked against the PDF's own (poppler's ``pdfimages -list``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from PIL import Image

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check

CHAPTER = "content/chapters/01-pendahuluan.md"
PICTURES = {"foto.png": (600, 400), "besar.jpg": (2000, 1000), "logo.png": (120, 120)}
FILES = {
    CHAPTER: MINI_FILES[CHAPTER].rstrip(" ") + """
        ![Foto kegiatan](assets/foto.png)

        ![Peta kota](assets/besar.jpg)

        ![Bagan](assets/bagan.svg)
        """,
    "content/plan.yml": MINI_FILES["content/plan.yml"].rstrip(" ") + "        logo: assets/logo.png\n",
    "content/assets/bagan.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'/>",
}


@pytest.fixture
def plan_with_pictures(tmp_path: Path) -> Path:
    root = write_plan(tmp_path, FILES)
    for name, size in PICTURES.items():
        Image.new("RGB", size, "teal").save(root / "content" / "assets" / name)
    return root


def test_pictures_printed_under_150_dpi_are_told_at_their_lines(plan_with_pictures: Path) -> None:
    report = load_and_check(plan_with_pictures).report
    told = sorted(f"{d.position}: {d.message} ({d.hint})" for d in report if d.code == "W536")
    assert told == [
        ("content/chapters/01-pendahuluan.md:9:18: image 'assets/foto.png' prints at 96 dpi, blurred on paper: 600 "
        "pixels over 159 mm (print wants 150 dpi or more, 300 for a photo: a picture at least 975 pixels wide, "
        "printed across the page; or an SVG drawing)"),
        ("content/plan.yml:16:7: the logo 'assets/logo.png' prints at 109 dpi, blurred on paper: 120 pixels over the "
        "cover's 28 mm (print wants 150 dpi or more, 300 for a photo: a logo at least 166 pixels high, or an SVG "
        "drawing)"),
    ]  # not the 2,000 pixels printed 165 mm wide (308 dpi), nor the SVG


def test_the_dpi_told_is_the_one_the_pdf_prints(plan_with_pictures: Path) -> None:
    result = run(plan_with_pictures, BuildOptions(site=False))
    assert result.ok
    listed = subprocess.run(["pdfimages", "-list", str(plan_with_pictures / "build" / "masterplan.pdf")],
                            capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    printed = {(int(row.split()[3]), int(row.split()[4])): int(row.split()[12]) for row in listed}
    assert printed == {(120, 120): 109, (600, 400): 96, (2000, 1000): 308}
