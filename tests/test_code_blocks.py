"""A paragraph Markdown prints as code (indented by a tab or four spaces, W547) is printed whole: its lines wrap at
the book's page edge and at a phone's screen edge, in the book's own font.

Before, the book printed each line of code unbroken: a paragraph indented by a tab ran off the page at "…dikenal
sebagai ko" and the rest of it was lost, and the site's page grew wider than a phone's screen.
"""

from __future__ import annotations

from pathlib import Path

from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts, plumbed
from test_pdf import MM

from masterplan.build import BuildOptions, run

CHAPTER = "content/chapters/01-pendahuluan.md"
PARAGRAPH = ("Kota ini adalah kota kecil di pesisir utara yang dikenal sebagai kota santri dan tujuan wisata religi, "
             "dengan perdagangan, jasa dan perikanan pesisir sebagai tumpuan ekonominya; kalimat ini berakhir di sini.")


def test_a_paragraph_printed_as_code_is_whole_in_the_book_and_on_a_phone(tmp_path: Path, browser: object) -> None:
    root = write_plan(tmp_path, {CHAPTER: MINI_FILES[CHAPTER].rstrip(" ") + f"\n        \t{PARAGRAPH}\n"})
    assert run(root, BuildOptions()).ok
    pdf = root / "build" / "masterplan.pdf"
    printed = " ".join(" ".join(page_texts(pdf)).split())
    assert "kalimat ini berakhir di sini." in printed  # its last words: not past the page's edge
    with plumbed(pdf) as book:
        pages = [page for page in book.pages if "ekonominya" in (page.extract_text() or "")]
        assert len(pages) == 1
        assert max(char["x1"] for char in pages[0].chars) < pages[0].width - 15 * MM  # within the right margin
        fonts = {char["fontname"].split("+")[-1] for page in book.pages for char in page.chars}
    assert fonts <= {"MP-Sans", "MP-Sans-Bold", "MP-Sans-Italic", "MP-Serif", "MP-Serif-Bold", "MP-Serif-Italic"}
    tab = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        tab.goto((root / "build" / "site" / "chapter" / "pendahuluan.html").as_uri())
        assert "berakhir di sini." in tab.inner_text("pre")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        tab.close()
