"""The PDF laid out by parts (in parallel, cached) against a single-pass render of the same book.

Every comparison reads the PDFs back: page count, the text of every page, the outline,
where every internal link leads, the structure tree a screen reader reads, the metadata. Then the cache: an edit shows up in the
site and the PDF, only the parts it touches are laid out again, and an edit that adds a
page to an early chapter renumbers everything after it exactly as a single pass does.
"""

from __future__ import annotations

import re
import subprocess
import weakref
from pathlib import Path
from typing import Any

import pdf_reading
import pypdf
import pytest
from conftest import CLOSING, XREF_CHAPTER
from tagged import tagged_text, unmapped_marks, untagged_links

from masterplan.build import BuildOptions, BuildResult, run
from masterplan.render.pdf import SINGLE_PASS

LONG = "\n\n".join(f"Paragraf tambahan {i}: " + "kalimat yang cukup panjang untuk mengisi baris. " * 12
                   for i in range(14))


def build(root: Path, jobs: int, cache: bool = True, site: bool = False) -> BuildResult:
    result = run(root, BuildOptions(site=site, jobs=jobs, cache=cache))
    assert result.ok, "\n".join(str(d) for d in result.report)
    return result


def laid_out(result: BuildResult) -> tuple[int, int]:
    """(parts laid out, parts) from the PDF summary line."""
    line = next(s for s in result.summary if s.startswith("PDF:"))
    match = re.search(r"(\d+) parts, (\d+) layouts", line)
    assert match, line
    return int(match.group(2)), int(match.group(1))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read(root: Path) -> pypdf.PdfReader:
    """The plan's book as pypdf reads it: one reader per version of the file (pdf_reading's, shared: read only)."""
    return pdf_reading.reader(root / "build" / "masterplan.pdf")


#: each reader's pages' text, as read the first time a check asked
_TEXTS: weakref.WeakKeyDictionary[pypdf.PdfReader, list[str]] = weakref.WeakKeyDictionary()


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    if reader not in _TEXTS:
        _TEXTS[reader] = [squeeze(page.extract_text() or "") for page in reader.pages]
    return list(_TEXTS[reader])


def outline(reader: pypdf.PdfReader) -> list[tuple[str, int, int]]:
    """(title, depth, page index) of every bookmark."""
    found: list[tuple[str, int, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((str(item.title), depth, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def links(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    """(page index, target anchor, target page index) of every internal link."""
    named = reader.named_destinations
    found = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                name = str(annotation["/Dest"])
                found.append((index, name, reader.get_destination_page_number(named[name])))
    return sorted(found)


def assert_same_book(single: Path, parts: Path) -> None:
    a, b = read(single), read(parts)
    assert len(a.pages) == len(b.pages)
    assert [page.mediabox for page in a.pages] == [page.mediabox for page in b.pages]
    for number, (x, y) in enumerate(zip(page_texts(a), page_texts(b), strict=True)):
        assert x == y, f"page {number + 1} differs"
    assert outline(a) == outline(b)
    assert links(a) == links(b)
    assert tagged_text(a) == tagged_text(b), "a screen reader reads the same blocks and text (if tagged)"
    assert dict(a.metadata or {}) == dict(b.metadata or {})
    assert a.trailer["/Root"]["/Lang"] == b.trailer["/Root"]["/Lang"]


def twins(tmp_path: Path, files: dict[str, str | None]) -> tuple[Path, Path]:
    from conftest import write_plan

    single = write_plan(tmp_path / "single", files)
    parts = write_plan(tmp_path / "parts", files)
    return single, parts


@pytest.fixture(scope="module")
def books(cross_referenced_books: tuple[Path, Path]) -> tuple[Path, Path]:
    """The same mini plan with cross-references, built in one pass and by parts (2 jobs), once per session
    (conftest): read only here."""
    return cross_referenced_books


def test_parts_make_the_same_book_as_one_pass(books: tuple[Path, Path]) -> None:
    assert_same_book(*books)


def embedded_fonts(reader: pypdf.PdfReader) -> dict[str, list[int]]:
    """Font name (without its subset tag) → the size of every font file embedded for it."""
    found: dict[str, list[int]] = {}
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            item = reader.get_object(number)
        except (pypdf.errors.PdfReadError, KeyError):
            continue  # a free entry: the join drops what it merged
        if isinstance(item, pypdf.generic.DictionaryObject) and item.get("/Type") == "/FontDescriptor":
            name = str(item["/FontName"]).split("+", 1)[-1]
            found.setdefault(name, []).append(len(item["/FontFile2"].get_data()))
    return found


def test_each_face_is_embedded_once_with_every_glyph(books: tuple[Path, Path]) -> None:
    single, parts = (embedded_fonts(read(root)) for root in books)
    assert set(parts) == set(single)
    assert all(len(files) == 1 for files in parts.values()), parts
    # the merged file holds what the single pass's subset holds: a few percent either way
    for name, (size,) in parts.items():
        assert 0.9 * single[name][0] <= size <= 1.1 * single[name][0], (name, size, single[name])


def test_the_joined_book_weighs_what_the_single_pass_weighs(books: tuple[Path, Path]) -> None:
    """Fonts merged, small objects packed in object streams: within 5 % of the single pass."""
    single, parts = ((root / "build" / "masterplan.pdf").stat().st_size for root in books)
    assert parts <= 1.05 * single, (parts, single)
    assert read(books[1]).xref_objStm, "small objects are packed in object streams"


def test_every_page_looks_exactly_like_the_single_pass(books: tuple[Path, Path], tmp_path: Path) -> None:
    """Glyphs copied between the parts' subsets draw the same letters (pdftoppm, 40 dpi)."""
    from PIL import Image, ImageChops

    pictures = []
    for name, root in zip(("single", "parts"), books, strict=True):
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(root / "build" / "masterplan.pdf"),
                        str(tmp_path / name)], check=True)
        pictures.append(sorted(tmp_path.glob(f"{name}-*.png")))
    assert len(pictures[0]) == len(pictures[1]) == len(read(books[0]).pages)
    for number, (a, b) in enumerate(zip(*pictures, strict=True)):
        with Image.open(a) as one, Image.open(b) as other:
            assert ImageChops.difference(one.convert("RGB"), other.convert("RGB")).getbbox() is None, \
                f"page {number + 1} differs"


def test_toc_links_lead_to_the_chapters(books: tuple[Path, Path]) -> None:
    reader = read(books[1])
    texts = page_texts(reader)
    toc = next(i for i, t in enumerate(texts) if t.startswith("Daftar Isi"))
    targets = {name: page for index, name, page in links(reader) if index == toc}
    assert "bab-pillar-economy" in targets
    assert "Smart Economy" in texts[targets["bab-pillar-economy"]]
    body_one = targets["bab-pendahuluan"]
    assert texts[body_one].rstrip().endswith(" 1") or " 1 " in texts[body_one] + " "


def test_cross_part_reference_prints_the_true_page(books: tuple[Path, Path]) -> None:
    reader = read(books[1])
    texts = page_texts(reader)
    first_body = next(i for i, t in enumerate(texts) if "Matriks program ekonomi ada pada" in t)
    caption = re.compile(r"Tabel (\d+\.\d+) Matriks program Smart Economy")
    table = next(i for i, t in enumerate(texts) if caption.search(t) and "Daftar Tabel" not in t)
    number = caption.search(texts[table]).group(1)  # type: ignore[union-attr]
    printed = table - first_body + 1  # body pages are numbered from 1 at the first body chapter
    assert f"Tabel {number}, hlm. {printed}" in texts[first_body].replace("\u00a0", " ")


def test_edit_relays_only_touched_parts_and_is_shown(tmp_path: Path) -> None:
    from conftest import write_plan

    root = write_plan(tmp_path, {"content/chapters/01-pendahuluan.md": XREF_CHAPTER})
    first = build(root, jobs=2, site=True)
    done, total = laid_out(first)
    assert done >= total
    assert laid_out(build(root, jobs=2)) == (0, total)  # nothing changed: every part from the cache
    agency = root / "content" / "agencies" / "diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("e-Sambat (Media", "e-Lapor Warga (Media"),
                      encoding="utf-8")
    edited = build(root, jobs=2, site=True)
    done, _ = laid_out(edited)
    assert 0 < done < total / 2
    text = " ".join(page_texts(read(root)))
    assert "e-Lapor Warga" in text and "e-Sambat (Media" not in text
    pages = [p.read_text(encoding="utf-8") for p in (root / "build" / "site").rglob("*.html")]
    assert any("e-Lapor Warga" in page for page in pages)
    assert not any("e-Sambat (Media" in page for page in pages)


def test_an_edit_undone_lays_out_nothing_again_and_old_parts_go_in_time(tmp_path: Path) -> None:
    """Undoing an edit (the preview builds after every save) finds the parts laid out before it; the parts
    of a build four builds back, used by none since, are removed, so the cache does not grow with every edit."""
    from conftest import write_plan

    from masterplan.render.pdf_cache import KEPT_BUILDS

    root = write_plan(tmp_path, {})
    agency = root / "content" / "agencies" / "diskominfo.yml"
    original = agency.read_text(encoding="utf-8")
    total = laid_out(build(root, jobs=2))[1]
    first_parts = set(_parts(root))
    agency.write_text(original.replace("e-Sambat (Media", "e-Lapor Warga (Media"), encoding="utf-8")
    assert laid_out(build(root, jobs=2))[0] > 0
    agency.write_text(original, encoding="utf-8")
    assert laid_out(build(root, jobs=2)) == (0, total)
    assert "e-Sambat (Media" in " ".join(page_texts(read(root)))
    for number in range(KEPT_BUILDS):  # other names, none of them the first build's
        agency.write_text(original.replace("e-Sambat (Media", f"e-Lapor {number} (Media"), encoding="utf-8")
        assert laid_out(build(root, jobs=2))[0] > 0
    left = set(_parts(root))
    assert left and not first_parts <= left, "the parts only the first build's book had are gone"
    assert len(left) < KEPT_BUILDS * len(first_parts)


def test_a_website_theme_edit_or_an_editors_leftover_lays_out_nothing_and_a_print_stylesheet_everything(
        tmp_path: Path) -> None:
    """Any file of the theme was part of every part's key: the designer's change to the website's colours, its
    footer, or a swap file beside the cover laid out the whole book again (20 of 20 parts, 14 to 23 s)."""
    from conftest import write_plan

    from masterplan.resources import theme_dir

    root = write_plan(tmp_path, {})
    total = laid_out(build(root, jobs=2))[1]
    site, printed = root / "templates" / "site", root / "templates" / "print"
    (site / "static").mkdir(parents=True)
    printed.mkdir()
    css = (theme_dir() / "site" / "static" / "site.css").read_text(encoding="utf-8")
    (site / "static" / "site.css").write_text(css.replace("}", "}\n", 1) + "\n.masthead { color: #0a5; }\n",
                                              encoding="utf-8")
    footer = (theme_dir() / "site" / "footer.html").read_text(encoding="utf-8")
    (site / "footer.html").write_text(footer.replace("</footer>", "<p>Dinas Kominfo</p></footer>"), encoding="utf-8")
    book = (theme_dir() / "print" / "book.css").read_text(encoding="utf-8")
    (printed / "book.css.bak").write_text(book + "\n/* kept aside */\n", encoding="utf-8")
    (printed / ".book.css.swp").write_bytes(b"\0vim swap")
    assert laid_out(build(root, jobs=2)) == (0, total)
    (printed / "book.css").write_text(book + "\nh2 { color: #0a5; }\n", encoding="utf-8")
    assert laid_out(build(root, jobs=2)) == (total, total)
    # a picture of the website's a book's stylesheet may name (one batik for both) is part of the stamp
    from masterplan.render.pdf_cache import stamp
    (site / "static" / "batik.png").write_bytes(b"a")
    before = stamp(root)
    (site / "static" / "batik.png").write_bytes(b"b")
    assert stamp(root) != before



def test_a_website_stylesheet_the_book_imports_is_followed(tmp_path: Path) -> None:
    """The website's stylesheets were left out of every part's key; a book stylesheet that ``@import``s one (the
    city's colours kept in one file for both) showed the old book after that file was edited: a stale PDF."""
    from conftest import write_plan

    from masterplan.resources import theme_dir

    root = write_plan(tmp_path, {})
    site, printed = root / "templates" / "site" / "static", root / "templates" / "print"
    site.mkdir(parents=True)
    printed.mkdir()
    book = (theme_dir() / "print" / "book.css").read_text(encoding="utf-8")
    (printed / "book.css").write_text('@import url("../site/static/colours.css");\n' + book, encoding="utf-8")
    (site / "colours.css").write_text('@import "brand.css";\n', encoding="utf-8")  # imported in turn
    brand = site / "brand.css"
    brand.write_text('h1::after { content: " ~Hijau~"; }\n', encoding="utf-8")
    build(root, jobs=2)
    assert "~Hijau~" in " ".join(page_texts(read(root)))
    brand.write_text('h1::after { content: " ~Biru~"; }\n', encoding="utf-8")
    assert laid_out(build(root, jobs=2))[0] > 0
    text = " ".join(page_texts(read(root)))
    assert "~Biru~" in text and "~Hijau~" not in text

def _parts(root: Path) -> list[Path]:
    return sorted((root / "build" / ".cache" / "pdf").glob("*.pdf"))


def test_a_part_cut_short_in_the_cache_is_laid_out_again(tmp_path: Path) -> None:
    """A part file cut short (a crash, a full disk, an older version killed while writing it) is not
    joined into the book: it is laid out and written again, and the book is the same."""
    from conftest import write_plan

    root = write_plan(tmp_path, {})
    total = laid_out(build(root, jobs=1))[1]
    before = page_texts(read(root))
    parts = _parts(root)
    for part in parts[::2]:
        part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    again = build(root, jobs=1)
    assert laid_out(again) == (len(parts[::2]), total)
    assert page_texts(read(root)) == before


def test_a_build_stopped_while_writing_a_part_leaves_no_half_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview cancels a background build when newer edits arrive: a part being written then is
    not left half written in the cache, and the next build makes the whole book."""
    import pydyf
    from conftest import write_plan

    root = write_plan(tmp_path, {})
    build(root, jobs=1)
    before = page_texts(read(root))
    (root / "build" / ".cache").rename(tmp_path / "first-cache")
    written = pydyf.PDF.write

    def stopped_halfway(pdf: pydyf.PDF, output: Any, *args: Any, **kwargs: Any) -> None:
        class Stopping:
            def write(self, data: bytes) -> int:
                output.write(data[: len(data) // 2])
                raise KeyboardInterrupt

        written(pdf, Stopping(), *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(pydyf.PDF, "write", stopped_halfway)
        with pytest.raises(KeyboardInterrupt):
            run(root, BuildOptions(site=False, jobs=1))
    assert _parts(root) == []  # nothing, rather than a part cut short
    build(root, jobs=1)
    assert page_texts(read(root)) == before


def test_a_page_added_early_renumbers_everything_after_it(books: tuple[Path, Path], tmp_path: Path) -> None:
    from conftest import copied, write_plan

    files: dict[str, str | None] = {"content/chapters/01-pendahuluan.md": XREF_CHAPTER,
                                    "content/chapters/90-penutup.md": CLOSING}
    single = write_plan(tmp_path / "single", files)
    parts = copied(books[1], tmp_path / "parts")  # that plan built by parts, its parts cached
    before = len(read(parts).pages)
    for root in (single, parts):
        chapter = root / "content" / "chapters" / "01-pendahuluan.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\n" + LONG + "\n", encoding="utf-8")
    build(single, SINGLE_PASS)
    result = build(parts, jobs=2)
    assert len(read(parts).pages) > before
    assert laid_out(result)[0] > 0
    assert_same_book(single, parts)


def test_a_final_plans_book_is_tagged_as_the_single_pass_tags_it(books: tuple[Path, Path], tmp_path: Path) -> None:
    """A final plan's book is a tagged PDF (a draft's is not, and a cached draft part is never
    joined into a final book); by parts, a screen reader reads in it what it reads in the single
    pass, and every link is tagged as one, those into other parts included."""
    from conftest import copied, make_final, write_plan

    chapters = {"content/chapters/01-pendahuluan.md": XREF_CHAPTER, "content/chapters/90-penutup.md": CLOSING}
    single = write_plan(tmp_path / "single", chapters)
    parts = copied(books[1], tmp_path / "parts")  # the draft built by parts, its parts cached
    assert "/StructTreeRoot" not in read(parts).trailer["/Root"]  # a draft
    for root in (single, parts):
        make_final(root)
    build(single, SINGLE_PASS)
    build(parts, jobs=2)
    reader = read(parts)
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    read_aloud = tagged_text(reader)
    assert ("H1", "Penutup") in read_aloud and any(role == "TH" for role, _ in read_aloud)
    assert read_aloud == tagged_text(read(single))
    assert links(reader) and untagged_links(reader) == []
    assert unmapped_marks(read(single)) == [] and unmapped_marks(reader) == [], "text leads back to its element"
    assert_same_book(single, parts)


def test_no_cache_lays_out_every_part(books: tuple[Path, Path], tmp_path: Path) -> None:
    from conftest import copied

    parts = copied(books[1], tmp_path / "parts")  # built again: a copy, the shared build left as it is
    result = build(parts, jobs=1, cache=False)
    done, total = laid_out(result)
    assert done >= total
    assert_same_book(books[0], parts)


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                               ) -> None:
    from masterplan.render.pdf_schedule import _Progress

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    shown = _Progress(14)
    shown.step(3)
    assert "PDF: parts 3/14" in capsys.readouterr().err
    monkeypatch.setenv("CI", "true")
    quiet = _Progress(14)
    quiet.step(3)
    assert capsys.readouterr().err == ""


CITING_A_LATER_TABLE = """\
    ---
    title: Pendahuluan
    ---
    ## Latar Belakang

    Anggaran per sumber ada pada [[tab:budget-source]].
    """
#: the chapter holding that table cites a program: its numbers wait for the introduction's length
CITING_BACK = """\
    ---
    title: Tata Kelola
    generated: budget
    ---
    ## Pembiayaan

    Program e-Sambat ([[GOV-01]]) dibiayai APBD.
    """


def test_an_introduction_citing_a_later_chapter_that_waits_for_it_builds_as_one_pass_does(tmp_path: Path) -> None:
    """The sample with "[[tab:budget-source]]" added to Bab 2 failed every build without a cache: "page numbers
    do not settle". Bab 2 waited for Bab 14's layout, Bab 14 for Bab 2's length, and only Bab 2 was tried."""
    single, parts = twins(tmp_path, {"content/chapters/01-pendahuluan.md": CITING_A_LATER_TABLE,
                                     "content/chapters/08-tata-kelola.md": CITING_BACK})
    build(single, SINGLE_PASS)
    build(parts, jobs=2, cache=False)
    assert_same_book(single, parts)
    texts = page_texts(read(parts))
    cited = next(t for t in texts if "Anggaran per sumber ada pada" in t)
    assert re.search(r"ada pada Tabel \d+\.\d+, hlm\. \d+", cited.replace("\u00a0", " ")), cited
