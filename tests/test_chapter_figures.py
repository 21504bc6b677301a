"""A chapter's picture captioned as its tables are: "Gambar: Peta wilayah (fig:peta)" below it. Before, the line was
printed as text under an unnumbered picture, no list of figures held it, and ``[[fig:peta]]`` was E507."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import joined_texts

from masterplan.build import BuildOptions, run
from masterplan.captions import Caption, figure_captions
from masterplan.diagnostics import Position
from masterplan.plan_parts import Chapter
from masterplan.project import load_and_check
from masterplan.values import Text

PICTURES = MINI_FILES["content/chapters/01-pendahuluan.md"] + """
        ![Peta wilayah](assets/peta.png)
        Gambar: Peta *administrasi* kota (fig:peta)

        Batas kecamatan ada pada [[fig:peta]].

        ![Foto](assets/foto.png)

        Gambar: Suasana alun-alun

        Gambar: bukan keterangan gambar, tidak di bawah gambar.
        """


def _chapter(body: str) -> Chapter:
    return Chapter("bab", Text.of("Bab", "id"), 1, "body", (), body, Position("content/chapters/01-bab.md", 1, 1), 4)


def test_a_caption_below_a_picture_is_read_with_its_id_or_one_of_its_chapter() -> None:
    body = "![a](assets/a.png)\nGambar: Satu (FIG:Satu)\n\n<img src=\"assets/b.png\" alt=\"b\">\n\nFigure: Dua\n\nGambar: tiga\n"
    assert figure_captions(_chapter(body)) == [Caption("fig:satu", "Satu", 2), Caption("fig:bab-2", "Dua", 6)]
    # review: a picture within a paragraph or a list item is in its text, no figure (it was listed, with no page)
    for inside in ("Lihat peta:\n![Peta](assets/peta.png)\nGambar: Peta (fig:peta)\n",
                   "- butir\n  ![Peta](assets/peta.png)\n  Gambar: Peta\n"):
        assert figure_captions(_chapter(inside)) == [], inside


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from PIL import Image
    root = write_plan(tmp_path_factory.mktemp("figures"), {"content/chapters/01-pendahuluan.md": PICTURES})
    (root / "content" / "assets").mkdir(exist_ok=True)
    for name in ("peta.png", "foto.png"):
        Image.new("RGB", (1200, 600), "#4a7c59").save(root / "content" / "assets" / name)
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build"


def test_the_book_numbers_the_pictures_lists_them_and_refers_to_them_by_page(built: Path) -> None:
    text = "\n".join(joined_texts(built / "masterplan.pdf"))
    assert "Gambar 1.1 Peta administrasi kota" in text and "Gambar 1.2 Suasana alun-alun" in text
    assert "Gambar:" not in text.replace("Gambar: bukan keterangan", "")  # the captions are no lines of text
    assert "Batas kecamatan ada pada Gambar 1.1, hlm." in text
    for caption in ("Peta administrasi kota", "Suasana alun-alun"):  # in the list of figures, with its page
        assert re.search(rf"{caption} ?\.{{5,}} ?\d+", text), caption


def test_the_site_shows_each_picture_as_a_numbered_figure_and_links_to_it(built: Path) -> None:
    page = (built / "site" / "chapter" / "pendahuluan.html").read_text(encoding="utf-8")
    assert ('<figure class="picture" id="fig-peta"><img alt="Peta wilayah" src="../assets/peta.png">'
            "<figcaption>Gambar 1.1 Peta <em>administrasi</em> kota</figcaption></figure>") in page
    assert "<figcaption>Gambar 1.2 Suasana alun-alun</figcaption>" in page
    assert 'href="../chapter/pendahuluan.html#fig-peta">Gambar 1.1</a>' in page


def test_a_figure_id_used_twice_or_by_a_generated_figure_is_an_error(make_plan: Callable[..., Path]) -> None:
    chapter = MINI_FILES["content/chapters/01-pendahuluan.md"] + """
        ![a](assets/a.png)
        Gambar: Satu (fig:roadmap)

        ![b](assets/b.png)
        Gambar: Dua (fig:dua)

        ![c](assets/c.png)
        Gambar: Tiga (fig:dua)
        """
    told = [d for d in load_and_check(make_plan({"content/chapters/01-pendahuluan.md": chapter})).report.items
            if d.code == "E510"]
    assert [(d.position.line, str(d.message)) for d in told] == [
        (10, "figure id 'fig:roadmap' is already used by another figure of the book"),
        (16, "figure id 'fig:dua' is already used by another figure of the book")], told
