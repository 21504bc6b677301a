"""The PDF of tiny scratch plans: cross-references, draft mark, refused files, strict mode."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf
import pytest
from conftest import XREF_CHAPTER
from test_pdf import draft_marked, page_labels, squeeze

from masterplan.build import BuildOptions, BuildResult, run
from masterplan.render.print_fetch import Fetcher
from masterplan.render.theme import Theme
from masterplan.resources import theme_dir


def build(root: Path, strict: bool = False) -> BuildResult:
    return run(root, BuildOptions(site=False, strict=strict))


def pages(root: Path) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(root / "build" / "masterplan.pdf").pages]


def problems(result: BuildResult) -> str:
    return "\n".join(str(d) for d in result.report)


@contextmanager
def chapter_page(make_plan: Callable[..., Path], chapter: str, shown: str) -> Iterator[Any]:
    """The page of the built PDF showing ``shown``, of a mini plan whose first chapter is ``chapter``."""
    root = make_plan({"content/chapters/01-pendahuluan.md": chapter})
    result = build(root)
    assert result.ok, problems(result)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        yield next(page for page in pdf.pages if shown in (page.extract_text() or ""))


def inside_the_right_margin(page: Any) -> bool:
    """Whether every word of a page ends inside its right margin (20 mm; a landscape page's, 16 mm)."""
    margin = 16 if page.width > page.height else 20
    return max(word["x1"] for word in page.extract_words()) <= page.width - margin * 72 / 25.4 + 1


@pytest.fixture(scope="module")
def draft_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mini plan with cross-references, built once, under --strict (no WeasyPrint warning allowed)."""
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("draft"), {"content/chapters/01-pendahuluan.md": XREF_CHAPTER})
    result = build(root, strict=True)
    assert result.ok, problems(result)
    return root


@pytest.fixture(scope="module")
def plain_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan as it is written (MINI_FILES), its PDF alone built once for the module, read only; returns the
    plan's folder."""
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("plain"), {})
    result = build(root)
    assert result.ok, problems(result)
    return root


def test_cross_reference_prints_table_number_and_page(draft_book: Path) -> None:
    text = pages(draft_book)
    labels = page_labels(draft_book / "build" / "masterplan.pdf")
    reference = next(t for t in text if "Latar Belakang" in t and "Matriks program ekonomi" in t)
    table_page = next(i for i, t in enumerate(text) if "Tabel 5.1 Matriks program Smart Economy" in " ".join(t.split())
                      and "Daftar Tabel" not in t)
    assert f"Tabel 5.1, hlm.\u00a0{labels[table_page]}" in reference
    program_page = next(i for i, t in enumerate(text) if "GOV-01 e-Sambat" in " ".join(t.split())
                        and "Matriks program Smart Governance" in " ".join(t.split()) and "Daftar" not in t)
    assert f"GOV-01, hlm.\u00a0{labels[program_page]}" in reference


def test_draft_mark_on_every_page_and_money_format(draft_book: Path) -> None:
    text = pages(draft_book)
    assert all(draft_marked(draft_book / "build" / "masterplan.pdf"))
    assert any(re.search(r"Rp\s250\.000\.000", t) for t in text)  # a no-break space keeps "Rp" with its amount


def test_final_plan_has_no_draft_mark(make_plan: Callable[..., Path]) -> None:
    from conftest import MINI_FILES, finalised

    root = make_plan({"content/plan.yml": finalised(MINI_FILES["content/plan.yml"])})
    result = build(root)
    assert result.ok, problems(result)
    assert not any("DRAF" in squeeze(t) for t in pages(root))
    assert not any(draft_marked(root / "build" / "masterplan.pdf"))


def test_the_cover_gives_the_sites_address(make_plan: Callable[..., Path], plain_book: Path) -> None:
    """The book sends readers to the program pages on the site: its cover says where that is."""
    root = make_plan()
    result = run(root, BuildOptions(site=False, base_url="https://kota.go.id/smartcity/"))
    assert result.ok, problems(result)
    cover = squeeze(pages(root)[0])
    assert "Situsweb" in cover and "https://kota.go.id/smartcity/" in cover
    uris = [a.get_object().get("/A", {}).get("/URI") for a in pypdf.PdfReader(root / "build" / "masterplan.pdf")
            .pages[0].get("/Annots", [])]
    assert "https://kota.go.id/smartcity/" in uris
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:  # on the row of its name, below a name of two lines
        words = pdf.pages[0].extract_words()
    name = next(w for w in words if w["text"] == "Situs")
    address = next(w for w in words if w["text"].startswith("https://kota.go.id"))
    assert abs(name["top"] - address["top"]) < 2
    unpublished = plain_book  # built without an address
    assert "Situsweb" not in squeeze(pages(unpublished)[0])  # no address, no line


def test_the_covers_title_keeps_its_years_on_one_line(make_plan: Callable[..., Path]) -> None:
    """A longer title set "… Tahun 2022–" on one line of the cover and "2026: Menuju …" on the next."""
    root = make_plan()
    plan_file = root / "content" / "plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
        "title: Masterplan Smart City Kota Contoh 2022–2026",
        'title: "Masterplan Smart City Kota Contoh Provinsi Jawa 2022–2026: Menuju Kota Cerdas"'),
        encoding="utf-8")
    result = build(root)
    assert result.ok, problems(result)
    lines = pages(root)[0].splitlines()
    assert any("Menuju" in line for line in lines)
    assert any("2022–2026" in line for line in lines if "Periode" not in line), lines



def test_a_long_title_grows_the_covers_band_and_keeps_its_period_above_the_gold_rule(
        make_plan: Callable[..., Path]) -> None:
    """The cover's band had a fixed height: a title of seven lines (or a second logo) pushed the period line into the
    gold rule and below it, white on white. The band grows with what it holds; the draft mark stays under the rule."""
    root = make_plan()
    plan_file = root / "content" / "plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
        "title: Masterplan Smart City Kota Contoh 2022–2026",
        "title: Masterplan Smart City dan Transformasi Digital Pemerintahan serta Pelayanan Publik Terpadu Berbasis "
        "Data, Partisipasi Warga, Ekonomi Kreatif dan Lingkungan Hidup Berkelanjutan dengan Dukungan Seluruh "
        "Perangkat Daerah Kota Contoh Tahun 2022–2026"),
        encoding="utf-8")
    result = build(root)
    assert result.ok, problems(result)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        cover = pdf.pages[0]
        words = cover.extract_words()
        gold = [rect for rect in cover.rects if _colour(rect) == (176, 138, 34) and rect["height"] < 15]
    period = next(word for word in words if word["text"] == "Periode")
    draft = next(word for word in words if word["text"].upper() == "DRAF")
    assert len(gold) == 1 and period["bottom"] < gold[0]["top"] < draft["top"], (period, gold, draft)
    assert period["bottom"] > 165 / 25.4 * 72  # the band grew past its 165 mm


def _colour(rect: dict[str, Any]) -> tuple[int, ...]:
    return tuple(round(part * 255) for part in rect.get("non_stroking_color") or ())

def test_a_greater_than_sign_in_a_chapters_raw_html_attribute_prints_nothing_of_the_tag(
        make_plan: Callable[..., Path]) -> None:
    """nh3 before 0.3 (setup.cfg's floor) keeps a ``>`` in a quoted attribute value as written: the line-break pass
    took the rest of the value for prose and wrote a span into it, and the page printed the tag's remains
    ('e-KTP lama">KTP-el'). nh3 0.3 writes ``&gt;`` there, so this shows the old fault with nh3 0.2 only."""
    chapter = '---\ntitle: Layanan\n---\n\nWarga memakai <abbr title="kartu > e-KTP lama">KTP-el</abbr> di loket.\n'
    with chapter_page(make_plan, chapter, "loket") as page:
        text = " ".join((page.extract_text() or "").split())
    assert "Warga memakai KTP-el di loket." in text, text


@pytest.mark.parametrize("url", ["/etc/passwd", "http://example.com/logo.png", "file:///etc/passwd"])
def test_image_outside_the_plan_fails_the_build(make_plan: Callable[..., Path], url: str) -> None:
    chapter = XREF_CHAPTER + f"\n    ![Peta]({url})\n"
    root = make_plan({"content/chapters/01-pendahuluan.md": chapter})
    result = build(root)
    assert not result.ok
    assert url in problems(result)
    assert not (root / "build" / "masterplan.pdf").exists()


def test_symlinked_image_leading_outside_is_refused(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/chapters/01-pendahuluan.md": XREF_CHAPTER + "\n    ![Peta](assets/peta.png)\n"})
    (root / "content" / "assets").mkdir()
    os.symlink("/etc/passwd", root / "content" / "assets" / "peta.png")
    from masterplan.project import load_and_check
    said = "\n".join(map(str, load_and_check(root).report))  # validate says so, not only the 45 s PDF build
    assert "content/chapters/01-pendahuluan.md:9:9: error[E511]: 'assets/peta.png' leads outside the plan" in said, said
    result = build(root)
    assert not result.ok and "error[E511]" in problems(result)
    assert not (root / "build" / "masterplan.pdf").exists()
    fetcher = Fetcher(root / "content", Theme.for_plan(root))  # and the renderer refuses it, were it asked
    assert fetcher.refusal((root / "content" / "assets" / "peta.png").as_uri())


def test_logo_outside_the_plan_is_refused(make_plan: Callable[..., Path]) -> None:
    from conftest import MINI_FILES

    plan = MINI_FILES["content/plan.yml"] + "logo: ../../../../etc/passwd\n"
    result = build(make_plan({"content/plan.yml": plan}))
    assert not result.ok
    assert "etc/passwd" in problems(result)


def test_missing_image_fails_the_build(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/chapters/01-pendahuluan.md": XREF_CHAPTER + "\n    ![Peta](assets/hilang.png)\n"})
    result = build(root)
    assert not result.ok
    assert "hilang.png" in problems(result)


@pytest.mark.parametrize("written", ["../../content/assets/hilang.png", "hilang%20sekali.png"])
def test_a_picture_a_print_stylesheet_names_is_said_at_the_stylesheets_line(make_plan: Callable[..., Path],
                                                                             written: str) -> None:
    """A cover picture put in by the plan's own stylesheet, missing (E602) or in no folder the book may read (E601),
    was said at content/plan.yml: a print designer went looking there for a file that never names it."""
    root = make_plan()
    stylesheet = root / "templates" / "print" / "book.css"
    stylesheet.parent.mkdir(parents=True)
    theme = (theme_dir() / "print" / "book.css").read_text(encoding="utf-8")
    stylesheet.write_text(f"{theme}\n.cover {{ background: url({written}); }}\n", encoding="utf-8")
    result = build(root)
    line = len(theme.splitlines()) + 2
    assert not result.ok
    said = [str(d) for d in result.report if d.code in ("E601", "E602")]
    assert said and all(text.startswith(f"templates/print/book.css:{line}:1: error[E60") for text in said), said
    assert "outside" not in " ".join(said), said  # a file the theme lacks, not one out of bounds


def test_what_weasyprint_ignores_in_the_plans_stylesheet_is_said_at_its_line(make_plan: Callable[..., Path]) -> None:
    """WeasyPrint's "Ignored `colr: #0000aa` at 73:23, unknown property." was said at content/plan.yml: it names the
    line, not the file."""
    root = make_plan()
    stylesheet = root / "templates" / "print" / "book.css"
    stylesheet.parent.mkdir(parents=True)
    theme = (theme_dir() / "print" / "book.css").read_text(encoding="utf-8")
    stylesheet.write_text(f"{theme}\nh2 {{ colr:#0000aa; font-size: 13ptt; }}\n", encoding="utf-8")
    line = len(theme.splitlines()) + 2
    said = [str(d) for d in build(root).report if d.code == "W603"]
    assert any(text.startswith(f"templates/print/book.css:{line}:6: warning[W603]") and "colr" in text
               for text in said), said
    assert any(text.startswith(f"templates/print/book.css:{line}:20: warning[W603]") and "13ptt" in text
               for text in said), said


def test_fetcher_allows_only_content_and_theme(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "assets").mkdir(parents=True)
    (content / "assets" / "a.png").write_bytes(b"png")
    fetcher = Fetcher(content, Theme.for_plan(tmp_path))
    assert fetcher.refusal((content / "assets" / "a.png").as_uri()) is None
    assert fetcher.refusal((theme_dir() / "fonts" / "NotoSerif-Regular.ttf").as_uri()) is None
    assert fetcher.refusal("file:///etc/passwd")
    assert fetcher.refusal("https://example.com/font.ttf")
    assert fetcher.refusal("data:image/png;base64," + "A" * 100) is None
    assert fetcher.refusal("data:image/png;base64," + "A" * 1_000_000)
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.refused[0][0] == "file:///etc/passwd"


def _png_header(side: int) -> bytes:
    """A PNG's first bytes, naming its size (``side`` pixels square): all a reader looks at before the pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def test_fetcher_refuses_a_picture_too_large_to_decode(tmp_path: Path) -> None:
    """A PNG of 13,000 x 13,000 pixels in 37 KB took the build 1.46 GB: validate says E519 first, and the
    renderer is never given one (its header is read, not its pixels). A 48-megapixel photo (a drone's, a phone's
    largest) was refused too: the limit is 100."""
    content = tmp_path / "content"
    (content / "assets").mkdir(parents=True)
    (content / "assets" / "besar.png").write_bytes(_png_header(13_000))
    (content / "assets" / "cukup.png").write_bytes(_png_header(7_000))  # 49 megapixels, as a drone's photo
    fetcher = Fetcher(content, Theme.for_plan(tmp_path))
    assert fetcher.fetch((content / "assets" / "cukup.png").as_uri())
    with pytest.raises(ValueError):
        fetcher.fetch((content / "assets" / "besar.png").as_uri())
    assert "13,000 × 13,000 pixels (169 megapixels)" in str(fetcher.refused[0][1])


def test_broken_template_override_is_a_diagnostic(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"templates/print/cover.html": "<section class='cover'>\n{{ plan.nothing.here }}</section>"})
    result = build(root)
    assert not result.ok
    assert "templates/print/cover.html:2:1: error[E603]" in problems(result)


def test_a_long_funding_source_wraps_inside_the_matrix(make_plan: Callable[..., Path]) -> None:
    """A source longer than its column ("Bantuan Keuangan Provinsi") ran past the table's edge and the page's."""
    import pdfplumber
    from conftest import MINI_FILES
    plan_yml = MINI_FILES["content/plan.yml"].rstrip(" ") + "        funding_sources: [APBD, APBN, Bantuan Keuangan Provinsi]\n"
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace("source: APBD}", "source: Bantuan Keuangan Provinsi}")
    root = make_plan({"content/plan.yml": plan_yml, "content/agencies/diskominfo.yml": agency})
    result = build(root)
    assert result.ok, problems(result)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        matrix = [page for page in pdf.pages if page.width > page.height and "Keuangan" in (page.extract_text() or "")]
        assert matrix
        for page in matrix:
            table_right = max(rect["x1"] for rect in page.rects) if page.rects else page.width
            words = page.extract_words()
            assert max(w["x1"] for w in words) <= min(table_right, page.width - 28) + 1, page.page_number


WIDE_TABLE_CHAPTER = XREF_CHAPTER + """
    | Sumber | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | Jumlah |
    |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
    | APBD | 12.500.000.000 | 13.750.000.000 | 15.000.000.000 | 16.250.000.000 | 17.500.000.000 | 18.750.000.000 | 20.000.000.000 | 21.250.000.000 | 22.500.000.000 | 23.750.000.000 | 181.250.000.000 |

    Tabel: Proyeksi pembiayaan per tahun (rupiah)
    """


def test_a_chapter_table_of_twelve_columns_keeps_every_column_on_the_page(make_plan: Callable[..., Path]) -> None:
    """Laid out at its natural size, ten years of amounts ran off the page: 2030, 2031 and the total were lost."""
    with chapter_page(make_plan, WIDE_TABLE_CHAPTER, "Jumlah") as page:
        assert inside_the_right_margin(page)
        text = squeeze(page.extract_text())
        for heading in ["2022", "2030", "2031", "Jumlah"]:
            assert heading in text
        assert "181.250" in text


TARGETS_WITH_NOTES = XREF_CHAPTER + """
    | Indikator | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | Sumber data dan keterangan |
    |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|
    | Layanan daring | 40 % | 45 % | 50 % | 55 % | 60 % | 65 % | 70 % | 75 % | 80 % | 85 % | Laporan tahunan Diskominfo, dihimpun dari seluruh perangkat daerah dan diverifikasi oleh Inspektorat setiap triwulan, dengan catatan metodologi yang dimuat dalam lampiran |

    Tabel: Target layanan daring
    """


def test_a_wide_tables_years_and_figures_stay_whole_beside_a_column_of_long_text(
        make_plan: Callable[..., Path]) -> None:
    """A column of long notes took the width: the years were printed "202" over "2", the shares "40" over "%"."""
    with chapter_page(make_plan, TARGETS_WITH_NOTES, "metodologi") as page:
        assert inside_the_right_margin(page)
        words = {word["text"] for word in page.extract_words(keep_blank_chars=False)}
        lines = (page.extract_text() or "").splitlines()
    assert {str(year) for year in range(2022, 2032)} <= words, words
    assert any("40 % 45 % 50 %" in line for line in lines), lines


LONG_FIGURES = XREF_CHAPTER + """
    | Indikator | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | Keterangan |
    |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|
    | Anggaran | 1.250.000.000 | 1.350.000.000 | 1.450.000.000 | 1.550.000.000 | 1.650.000.000 | 1.750.000.000 | 1.850.000.000 | 1.950.000.000 | 2.050.000.000 | 2.150.000.000 | Dihitung dari APBD murni dan perubahan, diverifikasi Inspektorat |
    | Capaian | 2.450,5 | 12,75 % | 2023–2025 | 1.250.000 | 99,9 % | 3.400,25 | 2024–2026 | 45,5 % | 10.000 | 7,25 | Laporan tahunan |

    Tabel: Target dan anggaran layanan daring

    | Sumber | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | Jumlah |
    |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
    | APBD | Rp 1.250.000.000 | Rp 13.750.000.000 | Rp 15.000.000.000 | Rp 16.250.000.000 | Rp 17.500.000.000 | Rp 18.750.000.000 | Rp 20.000.000.000 | Rp 21.250.000.000 | Rp 22.500.000.000 | Rp 23.750.000.000 | Rp 181.250.000.000 |

    Tabel: Proyeksi pembiayaan per tahun
    """


def test_a_wide_tables_long_amounts_and_figures_stand_whole_each_on_one_line(make_plan: Callable[..., Path]) -> None:
    """Only figures of up to 7 characters were kept whole: "Rp 1.250.000.000" came out "Rp 1.250.0" over "00.000",
    "2.450,5" likewise. A wide table is now set as small as holds its figures whole (text columns wrap); one of Rp
    amounts too wide for a portrait page even at 5 pt is turned, on a landscape page, every column inside the margin."""
    root = make_plan({"content/chapters/01-pendahuluan.md": LONG_FIGURES})
    result = build(root)
    assert result.ok, problems(result)
    tables = textwrap.dedent(LONG_FIGURES).split("Tabel: ")
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        for table, caption, landscape in ((tables[0], "Target dan anggaran", False),
                                          (tables[1], "Proyeksi pembiayaan", True)):
            figures = [cell.strip() for line in table.splitlines() if line.startswith("| ") and "2031" not in line
                       for cell in line.split("|")[2:-1] if re.match(r" (Rp )?[0-9]", cell)]
            assert len(figures) in (20, 11)
            page = next(page for page in pdf.pages if re.search(rf"Tabel \d+\.\d+ {caption}", page.extract_text() or "")
                        and "2031" in (page.extract_text() or ""))  # not the list of tables
            assert (page.width > page.height) is landscape, caption
            assert inside_the_right_margin(page), caption
            lines = (page.extract_text() or "").splitlines()
            assert [figure for figure in figures if not any(figure in line for line in lines)] == [], lines
        turned = [page.width > page.height for page in pdf.pages if "Latar Belakang" in (page.extract_text() or "")]
    assert turned and not any(turned), turned  # the chapter's text stays on its portrait pages


LONG_PERIOD = range(2022, 2042)  #: a plan of 20 years (RPJPD-long)


def test_the_budget_by_agency_and_year_of_a_long_plan_keeps_every_year_on_the_page(make_plan: Callable[..., Path]) -> None:
    """Tabel 14.5 has a column a year: a plan of 15 or 20 years ran off the landscape page from 2035 on, the total with
    it. Its years now stand in blocks of at most ten, one table under the other (20 years: 2022–2031, then 2032–2041
    and the total), every figure inside the margins (16 mm) and each year heading a column once."""
    from conftest import MINI_FILES
    plan_yml = MINI_FILES["content/plan.yml"].replace("end: 2026}", f"end: {LONG_PERIOD[-1]}}}")
    lines = "".join(f"              - {{year: {year}, amount: 11800000000, source: APBD}}\n" for year in LONG_PERIOD)
    agency = re.sub(r"period: \{start: 2022, end: 2024\}\n            budget:\n(              - .*\n)+",
                    f"period: {{start: 2022, end: {LONG_PERIOD[-1]}}}\n            budget:\n{lines}",
                    MINI_FILES["content/agencies/diskominfo.yml"])
    assert agency.count("11800000000") == len(LONG_PERIOD)
    root = make_plan({"content/plan.yml": plan_yml, "content/agencies/diskominfo.yml": agency})
    result = build(root)
    assert result.ok, problems(result)
    margin = 16 * 72 / 25.4
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        first, number = next((i, found[1]) for i, text in enumerate(texts) if pdf.pages[i].width > pdf.pages[i].height
                             and (found := re.search(r"Tabel (\d+\.\d+) Indikasi anggaran per perangkat daerah pengampu"
                                                     " dan tahun", text)))  # 8.5 here, 14.5 in the sample
        shown = [pdf.pages[first]] + [pdf.pages[i] for i in range(first + 1, len(texts))
                                      if f"Tabel {number} (lanjutan)" in texts[i]]
        heads: list[str] = []
        for page in shown:
            words = page.extract_words()
            assert margin - 1 < min(w["x0"] for w in words) and max(w["x1"] for w in words) < page.width - margin + 1
            heads += [line for line in (page.extract_text() or "").split("\n") if line.startswith("Perangkat daerah pengampu")]
        text = squeeze(" ".join(page.extract_text() or "" for page in shown))
    assert heads == ["Perangkat daerah pengampu " + " ".join(map(str, LONG_PERIOD[:10])),
                     "Perangkat daerah pengampu " + " ".join(map(str, LONG_PERIOD[10:])) + " Total"], heads
    assert f"Tabel{number}(lanjutan)" in text and squeeze(f"Diskominfo {'11.800.000.000 ' * 10}236.000.000.000") in text


def test_a_character_no_font_has_is_named_at_its_line_by_every_build_cached_or_not(make_plan: Callable[..., Path]) -> None:
    """WeasyPrint logs a missing glyph while writing a part's PDF; a build that took the part from the
    cache said nothing, so --strict passed or failed by the cache's state, and the warning named plan.yml.
    The content's character is now found by the checks (W605, validate too), and said once: not again by
    WeasyPrint's log (W603)."""
    root = make_plan({"content/chapters/01-pendahuluan.md": XREF_CHAPTER + "\n    Ziarah \U0001f54c ke makam.\n"})
    for attempt, strict in (("first", False), ("from the cache", False), ("strict, from the cache", True)):
        result = build(root, strict=strict)
        glyphs = [d for d in result.report if d.code in ("W603", "W605") and "U+1F54C" in str(d)]
        assert len(glyphs) == 1 and result.ok is not strict, (attempt, problems(result))
        assert str(glyphs[0].position) == "content/chapters/01-pendahuluan.md:9:8", attempt
        assert "no font of the book has the character '\U0001f54c'" in str(glyphs[0]), attempt
        if attempt == "from the cache":
            assert " 0 layouts" in " ".join(map(str, result.summary)), result.summary


def test_the_renderer_prints_every_picture_validate_passes_and_refuses_each_it_flags(tmp_path: Path) -> None:
    """E519 says what WeasyPrint itself would do: the passing case's pictures print, the flagged ones fail."""
    from test_bad_inputs import CORPUS, build_case, load_case

    from masterplan.render.print_fetch import capture_logs

    passing = build_case(tmp_path / "ok", load_case(CORPUS / "chapter-link-ok.yml"))
    result = build(passing, strict=True)
    assert result.ok, problems(result)
    with pdfplumber.open(passing / "build" / "masterplan.pdf") as pdf:
        pictures = [image for page in pdf.pages for image in page.images]
    assert len(pictures) >= 2, pictures  # the JPEG named .png, and the PNG the SVG draws beside it
    flagged = build_case(tmp_path / "bad", load_case(CORPUS / "chapter-image-not-an-image.yml"))
    fetcher = Fetcher(flagged / "content", Theme.for_plan(flagged))
    import weasyprint
    for name in ("foto.png", "peta.svg", "denah.svg", "situs.svg", "hilang.svg", "dalam.svg", "lingkar.svg", "gaya.svg",
                 "cetak.png", "raksasa.png", "data.svg", "dasar.svg", "alamat.svg"):
        # (not bolak.svg: two SVGs drawing each other three times each keep the renderer busy for minutes; not
        # pakai.svg, whose <use> of a web address WeasyPrint 70 no longer reads at all: the test below)
        refused = len(fetcher.refused)
        with capture_logs() as records:
            weasyprint.HTML(string=f'<img src="assets/{name}">', base_url=fetcher.base_url,
                            url_fetcher=fetcher.fetch).write_pdf()
        assert any(r.levelname == "ERROR" for r in records) or len(fetcher.refused) > refused, name


def test_a_drawing_an_svg_borrows_from_the_web_is_never_asked_for_by_the_book(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A <use> of a web address: WeasyPrint 68 asked the fetcher for it when a part was written (refused: E601);
    WeasyPrint 70 reads no drawing from outside the SVG: nothing is asked for (an address asked for is refused and
    told), and the book, in parts or in one pass, is built. (Validate's E519, which tells the author first, is left out
    here: the renderer is asked itself.)"""
    from masterplan.checks import images
    monkeypatch.setattr(images, "problem", lambda path, content: None)
    root = make_plan({"content/chapters/01-pendahuluan.md": XREF_CHAPTER + "\n    ![Simbol](assets/simbol.svg)\n"})
    (root / "content" / "assets").mkdir()
    (root / "content" / "assets" / "simbol.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="40" height="20"/><use href="https://example.org/s.svg#a"/>'
        '</svg>', encoding="utf-8")
    from masterplan.render import pdf
    for jobs in (2, pdf.SINGLE_PASS):
        result = run(root, BuildOptions(site=False, jobs=jobs, cache=False))
        assert result.ok and "example.org" not in problems(result), (jobs, problems(result))


def test_the_renderer_hands_no_picture_to_ghostscript(tmp_path: Path) -> None:
    """Pillow reads EPS by running Ghostscript on it: an EPS named foto.png would have been run as PostScript
    wherever Ghostscript is installed. The renderer's Pillow reads only the book's picture formats."""
    from PIL import Image

    from masterplan.render import PICTURES
    Fetcher(tmp_path, Theme.for_plan(tmp_path))
    assert set(Image.OPEN) == set(PICTURES) and "EPS" not in Image.ID


def test_a_theme_file_linking_out_of_the_theme_is_neither_read_nor_published(make_plan: Callable[..., Path],
                                                                            tmp_path: Path) -> None:
    """A plan's templates/ may override any file of the theme; one that was a link out of it (to a key, to
    /etc/passwd) was read by the PDF's renderer, through the theme's own address, and copied into the site."""
    from masterplan.render.site_files import copy_static
    root = make_plan({})
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"secret")
    for folder, name in (("site/static", "leak.png"), ("print", "evil.png")):
        (root / "templates" / folder).mkdir(parents=True, exist_ok=True)
        (root / "templates" / folder / name).symlink_to(secret)
    theme = Theme.for_plan(root)
    fetcher = Fetcher(root / "content", theme)
    for url in ((theme_dir() / "print" / "evil.png").as_uri(), (root / "templates" / "print" / "evil.png").as_uri()):
        assert fetcher.refusal(url), url
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    copy_static(theme, tmp_path / "static")
    assert not (tmp_path / "static" / "leak.png").exists() and (tmp_path / "static" / "site.css").is_file()


SITE_ONLY = """
import sys
from masterplan.cli import cli
try:
    cli.main(["build", "--no-pdf", "--no-search", sys.argv[1]], prog_name="masterplan", obj=True)
except SystemExit as stop:
    print("exit", stop.code, "pdf stack:", sorted(m for m in ("weasyprint", "pypdf") if m in sys.modules))
"""


def test_a_site_only_build_knows_the_title_of_the_pdf_built_last_without_the_pdf_stack(
        draft_book: Path, tmp_path: Path) -> None:
    """``build --no-pdf`` after a PDF build, a revision's quick look: the linked PDF's title (W702) is the one
    recorded when the PDF was built, so the command imports no PDF library (pypdf alone is a tenth of a
    second). A PDF put in its place by hand is read to know its title."""
    import shutil
    import subprocess
    import sys

    def site_only(root: Path) -> str:
        done = subprocess.run([sys.executable, "-c", SITE_ONLY, str(root)], capture_output=True, text=True,
                              check=False)
        return done.stdout.strip().splitlines()[-1] + "\n" + done.stderr

    book = (draft_book / "build" / "masterplan.pdf").read_bytes()
    said = site_only(draft_book)
    assert said.startswith("exit 0 pdf stack: []") and "W702" not in said, said
    assert (draft_book / "build" / "masterplan.pdf").read_bytes() == book
    assert (draft_book / "build" / "site" / "download" / "masterplan.pdf").read_bytes() == book

    copy = tmp_path / "copy"
    shutil.copytree(draft_book, copy)
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Masterplan Smart City Kota Pasuruan 2022–2031"})
    writer.write(copy / "build" / "masterplan.pdf")  # the sample's, copied over the plan's own
    said = site_only(copy)
    assert said.startswith("exit 0 pdf stack: ['pypdf']") and "W702" in said, said


def test_a_pillar_without_programs_says_so_with_no_empty_matrix(tmp_path: Path) -> None:
    """A pillar with no programs printed a header-only matrix on a landscape page, said "Dimensi ini memuat 0
    program; … dimuat dalam Tabel 7.2", and took a table number."""
    from conftest import write_plan

    root = write_plan(tmp_path, {"content/pillars/living.yml": """\
        id: living
        name: Smart Living
        order: 3
        sub_elements:
          - {id: kesehatan, name: Prasarana Kesehatan}
        """})
    result = build(root)
    assert result.ok, problems(result)
    text = [" ".join(page.split()) for page in pages(root)]
    living = [page for page in text if "Belum ada program di dimensi ini." in page]
    assert len(living) == 1 and "Matriks Program" in living[0]
    assert not any("memuat 0 program" in page for page in text)
    assert not any("Matriks program Smart Living" in page for page in text)  # no caption, not in the list of tables
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        landscape = [page for page in pdf.pages if page.width > page.height]
        assert landscape and not any("Smart Living" in (page.extract_text() or "") for page in landscape)


def test_a_quick_win_without_indicators_has_a_dash_for_its_output_target(tmp_path: Path) -> None:
    """The quick wins' table left a quick win's "Target indikator" blank where it has no indicator, as if the cell
    were lost; its other empty cells, and the site's table, say "–"."""
    from conftest import MINI_FILES, write_plan
    from pdf_reading import page_texts

    bpkad = MINI_FILES["content/agencies/bpkad.yml"]
    without = re.sub(r"            indicators:\n(?:                .*\n|              - .*\n)+", "", bpkad)
    assert "indicators" not in without and "depends_on" in without
    root = write_plan(tmp_path, {"content/agencies/bpkad.yml": without})
    result = build(root)
    assert result.ok, problems(result)
    # ECO-01's lead, partners (none), years, indicator targets (none), budget and source
    assert "BPKAD – 2022–2023 – Rp\xa0100.000.000 APBN" in "\n".join(page_texts(root / "build" / "masterplan.pdf"))


def test_a_pasted_string_without_spaces_is_broken_without_hyphens_inside_the_margin(make_plan: Callable[..., Path]) -> None:
    """A hash pasted into a chapter was hyphenated like a word: a hyphen inside a code reads as part of it, and
    WeasyPrint's time for it grows faster than its square (2,000 letters about 25 s, 5,000 hours). An address
    with "e-sambat" in it was hyphenated still ("smar-/tcity"), and "a-" before 300 letters, kept whole as a
    short piece, ran off the page."""
    import random
    generator = random.Random(7)
    pasted = "".join(generator.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(900))
    address = "https://smartcity.kotabugul.go.id/e-sambat/laporan/2022/rekap-tahunan-final-versi-cetak-lengkap.pdf"
    hyphened = "a-" + "".join(generator.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(300))  # "a-" kept whole
    chapter = XREF_CHAPTER + f"\n    Kunci arsip: {pasted} (salinan).\n\n    Unduh {address} atau {hyphened} juga.\n"
    with chapter_page(make_plan, chapter, "Kunci arsip") as page:
        text = page.extract_text()
        for run in (pasted, address, hyphened):
            assert run in squeeze(text)  # every character, in order, and no hyphen added between them
        lines = text[text.index("Kunci arsip"):text.index("(salinan)")].splitlines()
        assert len(lines) >= 8
        assert inside_the_right_margin(page)


VISION_CHAPTER = """\
    ---
    title: Visi dan Misi
    generated: vision
    ---
    Arah pembangunan kota cerdas.
    """


def test_a_program_serving_no_mission_is_listed_in_the_missions_tables_last_row(make_plan: Callable[..., Path]) -> None:
    """A program without a mission (W414) vanished from Tabel 3.1, in the book and on the site, so its cells did not
    add up to the plan's programs: a last row "Belum terkait misi" lists it under its pillar."""
    from conftest import MINI_FILES

    agency = MINI_FILES["content/agencies/bpkad.yml"].replace("            missions: [m2]\n", "")
    root = make_plan({"content/agencies/bpkad.yml": agency, "content/chapters/02-visi.md": VISION_CHAPTER})
    result = run(root, BuildOptions())
    assert result.ok, problems(result)
    assert [d.code for d in result.report if d.code == "W414"] == ["W414"]
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        page = next(page for page in pdf.pages if "Misi dan program yang mendukungnya per dimensi" in
                    (page.extract_text() or "") and "Daftar Tabel" not in (page.extract_text() or ""))
        table = next(t for t in page.find_tables() if t.extract()[0][0] == "Misi")
        lines = page.crop(table.bbox).extract_text().split("\n")  # by text: a row without stripes has no rules
    assert lines == ["Misi Smart Governance Smart Economy", "1. Tata kelola yang baik GOV-01 –",
                     "2. Ekonomi yang tumbuh – –", "Belum terkait misi – ECO-01"]  # under its pillar
    html = (root / "build" / "site" / "chapter" / "visi.html").read_text(encoding="utf-8")
    row = html[html.index('<tr class="without-mission">'):]
    row = row[:row.index("</tr>")]
    assert '<th scope="row">Belum terkait misi</th>' in row and ">ECO-01</a>" in row and "GOV-01" not in row
    linked = make_plan({"content/chapters/02-visi.md": VISION_CHAPTER})  # every program serving a mission: no row
    assert run(linked, BuildOptions(pdf=False)).ok
    html = (linked / "build" / "site" / "chapter" / "visi.html").read_text(encoding="utf-8")
    assert "missions-matrix" in html and "Belum terkait misi" not in html


def test_the_budget_by_mission_counts_a_program_in_each_of_its_missions(make_plan: Callable[..., Path]) -> None:
    """Bappeda checks the plan against the RPJMD by what each mission's programs cost: after Tabel 2.1, Tabel 2.2
    gives each mission's programs, their budget and APBD and their share of the plan. GOV-01 serves both missions
    and counts in both rows; ECO-01 serves none and has the last row; the total counts each program once, as the
    note under the table says. The site's chapter has the same table, amounts rounded; "[[tab:budget-mission]]"
    leads to it."""
    from test_summary import TWO_MISSIONS

    chapter = VISION_CHAPTER.replace("Arah pembangunan kota cerdas.", "Anggaran per misi: [[tab:budget-mission]].")
    root = make_plan({**TWO_MISSIONS, "content/chapters/02-visi.md": chapter})
    result = run(root, BuildOptions())
    assert result.ok, problems(result)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        page = next(page for page in pdf.pages if "Tabel 2.2 Indikasi anggaran per misi RPJMD" in
                    (page.extract_text() or "") and "Daftar Tabel" not in (page.extract_text() or ""))
        table = next(t for t in page.find_tables() if t.extract()[0][-1] == "Porsi dari total")
        lines = page.crop(table.bbox).extract_text().split("\n")
        text = " ".join((page.extract_text() or "").split())
        assert table.bbox[2] < page.width - 20 * 72 / 25.4  # inside the right margin
    assert lines == ["Misi Program Indikasi anggaran Bersumber APBD Porsi dari total",
                     "1. Tata kelola yang baik 1 Rp 650.000.000 Rp 650.000.000 86,7%",
                     "2. Ekonomi yang tumbuh 1 Rp 650.000.000 Rp 650.000.000 86,7%",
                     "Belum terkait misi 1 Rp 100.000.000 – 13,3%",
                     "Semua program, dihitung sekali 2 Rp 750.000.000 Rp 650.000.000 100,0%"]
    assert "dihitung pada baris setiap misinya, sehingga jumlah baris-baris misi melebihi baris terakhir" in text
    assert "Anggaran per misi: Tabel 2.2" in " ".join(" ".join(pages(root)).split())
    html = (root / "build" / "site" / "chapter" / "visi.html").read_text(encoding="utf-8")
    table_html = html[html.index('<table id="budget-mission"'):]
    table_html = table_html[:table_html.index("</table>")]
    rows = [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table_html, re.DOTALL)]
    assert rows == [["Misi", "Program", "Indikasi anggaran", "Bersumber APBD", "Porsi dari total"],
                    ["1. Tata kelola yang baik", "1", "Rp 650 juta", "Rp 650 juta", "86,7%"],
                    ["2. Ekonomi yang tumbuh", "1", "Rp 650 juta", "Rp 650 juta", "86,7%"],
                    ["Belum terkait misi", "1", "Rp 100 juta", "– Rp 0", "13,3%"],
                    ["Semua program, dihitung sekali", "2", "Rp 750 juta", "Rp 650 juta", "100,0%"]]
    assert "Tabel 2.2 Indikasi anggaran per misi RPJMD</caption>" in table_html
    assert "jumlah baris-baris misi melebihi baris terakhir" in html[html.index('id="budget-mission-note"'):][:600]
    assert 'href="../chapter/visi.html#budget-mission"' in html


def test_a_page_opening_with_a_readiness_group_s_band_names_no_group_before_it(make_plan: Callable[..., Path]) -> None:
    """A page the readiness table goes on to names the group its first rows stand under ("Tabel 1.1 (lanjutan) ·
    Struktur"); one that opens with the next group's own band names none: the group before it ended with its rows
    (it was still named, over the band of another)."""
    from conftest import MINI_FILES

    plan = textwrap.dedent(MINI_FILES["content/plan.yml"]).split("readiness:")[0] + "readiness:\n"
    rows = [("struktur", " ".join(["kondisi"] * words)) for words in [40] * 8 + [50]]
    rows += [(group, "Baik") for group in ("infrastruktur", "suprastruktur") for _ in range(4)]
    plan += "".join(f"  - {{element: {group}, aspect: Aspek {n}, condition: {text}, gap: Kurang, recommendation: Saran}}\n"
                    for n, (group, text) in enumerate(rows))
    root = make_plan({"content/plan.yml": plan, "content/chapters/01-pendahuluan.md":
                      "---\ntitle: Gambaran Umum\ngenerated: readiness\n---\n\n## Kesiapan\n\nKesiapan kota.\n"})
    result = build(root)
    assert result.ok, problems(result)
    with pdfplumber.open(root / "build" / "masterplan.pdf") as pdf:
        opened = [(page.extract_text() or "").split("\n") for page in pdf.pages]
    banded = [lines for lines in opened if "(lanjutan)" in lines[0] and lines[2] == "INFRASTRUKTUR"]
    assert banded, "no page opens with a band: the plan no longer tests what it should"  # the head, then the band
    assert all(re.match(r"Tabel 1\.1 \(lanjutan\) Bab 1", lines[0]) for lines in banded), [b[0] for b in banded]


def test_the_print_shops_file_has_bleed_and_crop_marks_and_the_cover_runs_into_the_bleed(
        make_plan: Callable[..., Path], plain_book: Path, tmp_path: Path) -> None:
    """The print shop could not trim the covers: their colour ran to the A4 edge with no bleed, TrimBox = BleedBox =
    MediaBox, no crop marks. With print: {bleed: true} every page has 3 mm of bleed around its A4 trim (the TrimBox),
    and the cover's band of colour runs on into it; the pages and their text are the book's without bleed."""
    import subprocess

    from conftest import MINI_FILES
    plan_yml = textwrap.dedent(MINI_FILES["content/plan.yml"])
    plain, bled = plain_book, make_plan({"content/plan.yml": plan_yml + "print: {bleed: true}\n"})
    assert build(bled).ok  # plain_book's build passed
    bleed = 3 / 25.4 * 72
    without, with_bleed = (pypdf.PdfReader(root / "build" / "masterplan.pdf") for root in (plain, bled))
    assert len(with_bleed.pages) == len(without.pages)
    for page, other in zip(with_bleed.pages, without.pages, strict=True):
        trim, media = page.trimbox, page.mediabox
        assert (round(float(trim.width), 1), round(float(trim.height), 1)) == \
            (round(float(other.mediabox.width), 1), round(float(other.mediabox.height), 1))  # A4, either way
        assert abs(float(media.width) - float(trim.width) - 2 * bleed) < 0.1
        assert abs(float(media.height) - float(trim.height) - 2 * bleed) < 0.1
        assert (page.extract_text() or "").split() == (other.extract_text() or "").split()
    assert without.pages[0].trimbox == without.pages[0].mediabox  # a screen PDF keeps no bleed
    # the cover's top left corner, in the bleed outside the trim: the band's navy, not white paper
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                    str(bled / "build" / "masterplan.pdf"), str(tmp_path / "cover")], check=True)
    from PIL import Image
    with Image.open(tmp_path / "cover.png") as cover:
        red, green, blue = cover.convert("RGB").getpixel((2, 2))
    assert (red, green, blue) != (255, 255, 255) and blue > red + 40, (red, green, blue)


def test_a_plan_without_its_province_version_or_date_leaves_no_word_hanging(make_plan: Callable[..., Path]) -> None:
    """plan.yml asks only for the city, title, period, status, leading sector, vision and missions: a regency's
    first draft without its province, version and date printed "Periode 2022–2026 · Kota Contoh," on its cover, a
    "Versi" with nothing beside it, "DRAF, versi : belum ditetapkan" at the foot of every page, and on the site
    "Kota Contoh · · 2022–2026" and a footer ending "· Versi". What is not given is not named."""
    from conftest import MINI_FILES

    plan_yml = "\n".join(line for line in MINI_FILES["content/plan.yml"].splitlines()
                         if not line.strip().startswith(("province:", "version:", "date:"))) + "\n"
    root = make_plan({"content/plan.yml": plan_yml})
    result = run(root, BuildOptions(search=False))
    assert result.ok, problems(result)
    text = [" ".join(page.split()) for page in pages(root)]
    assert "Periode 2022–2026 · Kota Contoh Versi" not in text[0] and "Kota Contoh," not in text[0]
    assert "Periode 2022–2026 · Kota Contoh Status Draf" in text[0], text[0]
    assert all("DRAF: belum ditetapkan" in page and "versi :" not in page for page in text[1:])
    home = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Kota Contoh · <span class=\"years\">2022–2026</span>" in home and "· ·" not in home
    footer = home.split("<footer", 1)[1]
    assert "Versi" not in footer.split("</p>", 1)[0]


def test_a_table_a_loop_writes_row_by_row_is_captioned_numbered_and_referred_to(make_plan: Callable[..., Path]) -> None:
    """A table whose rows a {% for %} writes one a line, its {% endfor %} on a line of its own: the caption below was
    printed as a paragraph, unnumbered, and [[tab:program-kota]] was an unknown reference that stopped the build."""
    chapter = textwrap.dedent("""\
        ---
        title: Pendahuluan
        ---
        Program kota ada pada [[tab:program-kota]].

        | Kode | Program |
        |---|---|
        {% for p in plan.programs %}| {{ p.id }} | {{ p.name }} |
        {% endfor %}

        Tabel: Program kota (tab:program-kota)
        """)
    with chapter_page(make_plan, chapter, "Program kota ada pada") as page:
        text = " ".join((page.extract_text() or "").split())
    assert re.search(r"Program kota ada pada ?Tabel 1\.1, hlm\.", text), text
    assert "Tabel 1.1 Program kota" in text and "Tabel: Program kota" not in text
    assert "GOV-01 e-Sambat" in text and "ECO-01 Transaksi Non-Tunai" in text


def test_a_description_of_several_paragraphs_stays_in_the_table_row_and_list_item_it_is_printed_in(
        make_plan: Callable[..., Path]) -> None:
    """A description written as a YAML block (``description: |``) ends with a line break, and holds paragraphs:
    printed into a loop's table row, its first line break ended the row, the rest was printed below the table as
    text with the row's '|' on a line of its own; printed into a list item, its second paragraph left the list.
    Validate said nothing. Its paragraphs now stay in the cell (a blank line apart) and in the item, in the book and
    on the site."""
    from conftest import MINI_FILES

    from masterplan.project import load_and_check

    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "description: Warga **mengadu** lewat aplikasi.",
        "description: |\n              Warga mengadu lewat aplikasi.\n\n              Admin menjawab dalam sepuluh menit.\n")
    assert agency != MINI_FILES["content/agencies/diskominfo.yml"]
    chapter = textwrap.dedent("""\
        ---
        title: Pendahuluan
        ---
        Uraian program ada pada [[tab:uraian]].

        | Kode | Uraian |
        |---|---|
        {% for p in plan.programs %}| {{ p.id }} | {{ p.description }} |
        {% endfor %}

        Tabel: Uraian program (tab:uraian)

        {% for p in plan.programs %}- {{ p.id }}: {{ p.description }}
        {% endfor %}
        Penutup oleh OPD.

        | Dua kali | Lagi |
        |---|---|
        | {{ plan.program('GOV-01').description }} | {{ plan.program('GOV-01').description }} |

        {% set d %}{{ plan.program('GOV-01').description }}{% endset %}Disimpan: {{ d.startswith('Warga') }}.

        > Kutipan: {{ plan.program('GOV-01').description }}

        Akhir.
        """)
    root = make_plan({"content/chapters/01-pendahuluan.md": chapter, "content/agencies/diskominfo.yml": agency})
    checked = load_and_check(root)
    assert [str(item) for item in checked.report.items] == [] and checked.plan is not None
    result = run(root, BuildOptions())
    assert result.ok, problems(result)
    page = (root / "build" / "site" / "chapter" / "pendahuluan.html").read_text(encoding="utf-8")
    table = page.split("<table", 1)[1].split("</table>", 1)[0]
    assert "Warga mengadu lewat aplikasi.<br><br>Admin menjawab dalam sepuluh menit.</td>" in table
    assert table.count("<tr") == 1 + len(checked.plan.programs)
    items = page.split("</table>", 1)[1].split("</ul>", 1)[0]
    assert re.search(r"<li>\s*<p>GOV-01: Warga mengadu lewat aplikasi.</p>\s*<p>Admin menjawab dalam sepuluh menit.</p>"
                     r"\s*</li>", items), items
    assert "Penutup oleh" in page.split("</ul>", 1)[1] and "|</p>" not in page
    twice = page.split("<table", 2)[2].split("</table>", 1)[0]  # two texts on one row: each in its cell
    assert twice.count("Admin menjawab dalam sepuluh menit.</td>") == 2, twice
    assert "Disimpan: ya." in page  # a text captured first is the text as written, nothing added to it
    quote = page.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    assert "Kutipan: Warga mengadu lewat aplikasi." in quote and "Admin menjawab dalam sepuluh menit." in quote
    assert not re.search("[\ue000-\uf8ff]", page)
    text = " ".join(" ".join(pages(root)).split())
    assert "Tabel 1.1 Uraian program" in text and "Admin menjawab dalam sepuluh menit." in text
