"""An adopted plan's book as the city's legal division publishes it (on the JDIH) and its archivist keeps it: the annex
(lampiran) of the regulation that adopted the plan, headed and signed as one, and an archival PDF (PDF/A-2a), read
back with pypdf and checked by a PDF/A validator (``page``, from PyPI)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import page
import pytest
from conftest import REPO, write_plan
from pdf_reading import page_texts, plumbed, reader
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from test_revisions import DECREE, HISTORY

from masterplan import decree
from masterplan.build import BuildOptions, run
from masterplan.plan_parts import Revision
from masterplan.render import pdf_objects, pdf_pack
from masterplan.values import Text

SUMMARY = "---\ntitle: Ringkasan\n---\n\nRingkasan untuk Wali Kota dan DPRD.\n"
FOREWORD = """\
    ---
    title: Kata Pengantar
    part: front
    signed: {place: Contoh, date: Desember 2021, role: Wali Kota Contoh, name: Raharto Teno Prasetyo}
    ---
    Puji syukur kita panjatkan.
    """
HEADING = "LAMPIRAN PERATURAN WALI KOTA CONTOH NOMOR 45 TAHUN 2021 TENTANG MASTERPLAN SMART CITY KOTA CONTOH 2022–2026"


ANALYSIS = "---\ntitle: Kesiapan Kota\n---\n\nKota ini menilai kesiapannya sebelum menyusun program.\n"


def _built(root: Path, plan_yml: str, foreword: str = FOREWORD, analysis: bool = False) -> Path:
    files = {"content/plan.yml": plan_yml + "executive_summary: true\n", "content/executive-summary.md": SUMMARY,
             "content/chapters/00-kata-pengantar.md": foreword}
    if analysis:
        files["content/plan.yml"] += "strategic_analysis: true\n"
        files["content/analysis/01-kesiapan.md"] = ANALYSIS
    write_plan(root, files)
    result = run(root, BuildOptions(search=False, site=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    return root / "build"


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan adopted (final, its current revision with a decree), its foreword signed by the mayor, with its
    executive summary and its strategic analysis."""
    return _built(tmp_path_factory.mktemp("adopted"), HISTORY, analysis=True)


def _squeezed(pdf: Path) -> list[str]:
    return [" ".join(text.split()) for text in page_texts(pdf)]


def test_the_adopted_book_is_headed_as_the_annex_of_its_regulation(adopted: Path) -> None:
    """The book's first page names the regulation it is the annex of, at the top right, as Indonesian regulations
    head an annex: LAMPIRAN / PERATURAN WALI KOTA … / NOMOR … TAHUN … / TENTANG / the plan's title."""
    pdf = adopted / "masterplan.pdf"
    first = _squeezed(pdf)[0]
    assert HEADING in first
    with plumbed(pdf) as book:
        cover = book.pages[0]
        words = cover.extract_words()
        lampiran = next(word for word in words if word["text"] == "LAMPIRAN")
        assert lampiran["x0"] > cover.width / 2 and lampiran["top"] < cover.height / 10  # top right
        lines = [word for word in words if word["top"] >= lampiran["top"] and word["top"] < cover.height / 6
                 and word["x0"] > cover.width / 2]
        assert {round(word["x0"]) for word in lines if word["text"] in ("LAMPIRAN", "PERATURAN", "NOMOR", "TENTANG")} \
            == {round(lampiran["x0"])}  # one block, its lines flush left
    assert all(HEADING not in text for text in _squeezed(pdf)[1:])
    assert "LAMPIRAN" not in " ".join(_squeezed(adopted / "masterplan-summary.pdf"))  # the summary is no annex


def test_the_annex_heading_keeps_the_regulations_title_unhyphenated_and_its_years_with_a_word(tmp_path: Path) -> None:
    """A regulation's long title in the annex heading was hyphenated ("BERKE-" / "LANJUTAN"), as no regulation heads
    an annex, and its years, typed with a hyphen, wrapped alone onto its last line ("2022-2026")."""
    about = "Masterplan Pengembangan Kota Cerdas Berkelanjutan dan Terintegrasi Kota Contoh 2022-2026"
    pdf = _built(tmp_path, HISTORY.replace(DECREE, f"{DECREE} tentang {about}")) / "masterplan.pdf"
    with plumbed(pdf) as book:
        cover = book.pages[0]
        lines: dict[int, list[str]] = {}
        for word in cover.extract_words():
            if word["top"] < cover.height / 5 and word["x0"] > cover.width / 2:
                lines.setdefault(round(word["top"]), []).append(word["text"])
    heading = [" ".join(lines[top]) for top in sorted(lines)]
    assert " ".join(heading).endswith(f"TENTANG {about.upper()}"), heading  # whole words only
    assert heading[-1].endswith("CONTOH 2022-2026"), heading


@pytest.mark.parametrize("city", ["Kota Probolinggo", "Kota Pasuruan"])
def test_the_annex_heading_keeps_the_citys_name_on_one_line(tmp_path: Path, city: str) -> None:
    """The sample's heading broke its title as "MASTERPLAN SMART CITY KOTA" / "PASURUAN 2022–2031", and the
    regulation's name as "PERATURAN WALI" / "KOTA PASURUAN"."""
    plan_yml = HISTORY.replace("Kota Contoh", city)
    pdf = _built(tmp_path, plan_yml) / "masterplan.pdf"
    with plumbed(pdf) as book:
        cover = book.pages[0]
        lines: dict[int, list[str]] = {}
        for word in cover.extract_words(extra_attrs=["size"]):  # not the cover's title, in larger letters
            if word["top"] < cover.height / 5 and word["x0"] > cover.width / 2 and word["size"] < 14:
                lines.setdefault(round(word["top"]), []).append(word["text"].replace("\xa0", " "))
    heading = [" ".join(lines[top]) for top in sorted(lines)]
    assert " ".join(heading).endswith(f"TENTANG MASTERPLAN SMART CITY {city.upper()} 2022–2026"), heading
    assert heading[-1] == f"{city.upper()} 2022–2026", heading
    # the regulation's name keeps its office whole: "PERATURAN WALI" / "KOTA PROBOLINGGO" read as two offices
    assert any("WALI KOTA" in line for line in heading) and not any(line.endswith("WALI") for line in heading), heading


def test_the_adopted_book_ends_signed_by_who_enacted_the_regulation(adopted: Path) -> None:
    """The annex closes with the office that enacted the regulation, in capitals as regulations sign, and the name
    the foreword's signature by the same office gives; the foreword keeps its own signature."""
    pages = _squeezed(adopted / "masterplan.pdf")
    assert "WALI KOTA CONTOH, RAHARTO TENO PRASETYO" in pages[-1]
    assert pages[-1].index("Transaksi Non-Tunai") < pages[-1].index("WALI KOTA CONTOH,")  # after the book's last entry
    assert sum("WALI KOTA CONTOH," in page for page in pages) == 1
    foreword = next(page for page in pages if page.startswith("Kata Pengantar"))
    assert "Contoh, Desember 2021 Wali Kota Contoh, Raharto Teno Prasetyo" in foreword


def test_the_annex_is_signed_with_the_name_alone_the_foreword_with_its_titles(tmp_path: Path) -> None:
    """A regulation is signed with the name alone, no title (Permendagri 1/2023): the annex printed the foreword's
    "dr. Raharto" as "DR. RAHARTO", a physician made a doctor of philosophy by the capitals."""
    foreword = FOREWORD.replace("name: Raharto Teno Prasetyo", "name: 'dr. H. Raharto Teno Prasetyo, M.Kes.'")
    pages = _squeezed(_built(tmp_path, HISTORY, foreword) / "masterplan.pdf")
    assert "WALI KOTA CONTOH, RAHARTO TENO PRASETYO" in pages[-1] and "DR." not in pages[-1]
    assert any("Wali Kota Contoh, dr. H. Raharto Teno Prasetyo, M.Kes." in page for page in pages)


@pytest.mark.parametrize(("written", "signed"), [
    ("dr. Aminuddin", "Aminuddin"), ("Drs. H. Saifullah Yusuf", "Saifullah Yusuf"), ("M. Fadli", "M. Fadli"),
    ("H. M. Fadli, S.H., M.H.", "M. Fadli"), ("Prof. Dr. Ir. Budi Santoso, M.Sc.", "Budi Santoso"), ("dr.", "dr."),
])
def test_a_regulations_signature_leaves_out_titles_and_degrees_but_not_initials(written: str, signed: str) -> None:
    from masterplan.decree import untitled
    assert untitled(written) == signed


def test_the_english_edition_names_the_regulation_in_english_words(tmp_path: Path) -> None:
    build = _built(tmp_path, HISTORY.replace("status: final", "status: final\nlanguage: en"))
    first = _squeezed(build / "masterplan.pdf")[0]
    assert ("ANNEX TO PERATURAN WALI KOTA CONTOH NUMBER 45 OF 2021 CONCERNING MASTERPLAN SMART CITY KOTA CONTOH "
            "2022–2026") in first
    # the regulation keeps its name; its signer's office is said in English, as an English edition of a regulation
    # signs it: "MAYOR OF CONTOH,"
    last = _squeezed(build / "masterplan.pdf")[-1]
    assert "MAYOR OF CONTOH, RAHARTO TENO PRASETYO" in last and "WALI KOTA CONTOH," not in last


def test_a_draft_is_no_annex_and_no_archival_pdf(tmp_path: Path) -> None:
    """A draft is rebuilt after every revision and never archived: a plain PDF as before, with neither the annex
    heading nor the closing signature, even where its current revision already names a decree."""
    build = _built(tmp_path, HISTORY.replace("status: final", "status: draft"))
    pages = _squeezed(build / "masterplan.pdf")
    assert "LAMPIRAN" not in pages[0] and "WALI KOTA CONTOH," not in pages[-1]
    catalog = reader(build / "masterplan.pdf").trailer["/Root"]
    assert "/Metadata" not in catalog and "/OutputIntents" not in catalog


TITLE = "MASTERPLAN SMART CITY KOTA CONTOH 2022–2026"
AMENDED = "Peraturan Wali Kota Contoh Nomor 45 Tahun 2021 sebagaimana telah diubah dengan Peraturan Wali Kota Contoh " \
    "Nomor 3 Tahun 2024"


@pytest.mark.parametrize(("written", "city", "heading", "signature"), [
    ("Keputusan Wali Kota Contoh Nomor 188.45/12/423.011/2021", "Kota Contoh",
     f"LAMPIRAN KEPUTUSAN WALI KOTA CONTOH NOMOR 188.45/12/423.011/2021 TENTANG {TITLE}", "WALI KOTA CONTOH,"),
    ("Peraturan Walikota Contoh Nomor 45 Tahun 2021.", "Kota Contoh",
     f"LAMPIRAN PERATURAN WALIKOTA CONTOH NOMOR 45 TAHUN 2021 TENTANG {TITLE}", "WALIKOTA CONTOH,"),
    ("Peraturan Daerah Kota Contoh Nomor 3 Tahun 2021", "Kota Contoh",
     f"LAMPIRAN PERATURAN DAERAH KOTA CONTOH NOMOR 3 TAHUN 2021 TENTANG {TITLE}", "WALI KOTA CONTOH,"),
    (AMENDED, "Kota Contoh", ("LAMPIRAN PERATURAN WALI KOTA CONTOH NOMOR 3 TAHUN 2024 TENTANG PERUBAHAN ATAS PERATURAN "
     f"WALI KOTA CONTOH NOMOR 45 TAHUN 2021 TENTANG {TITLE}"), "WALI KOTA CONTOH,"),
    ("Peraturan Bupati Contoh Nomor 7 Tahun 2022", "Kabupaten Contoh",
     f"LAMPIRAN PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2022 TENTANG {TITLE}", "BUPATI CONTOH,"),
    ("Perbup Contoh Nomor 7 Tahun 2022", "Kabupaten Contoh",
     f"LAMPIRAN PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2022 TENTANG {TITLE}", "BUPATI CONTOH,"),
])
def test_the_annex_is_headed_and_signed_as_its_regulation_is_written(tmp_path: Path, written: str, city: str,
                                                                     heading: str, signature: str) -> None:
    """A Keputusan, numbered with its year and printed so (no TAHUN); a Perwali cited "Walikota" and with a full
    stop, signed by the foreword's Wali Kota all the same; a Perda, signed by the head of the city; a Perwali cited
    with its amendment, the annex of the amendment, titled as an amendment names itself; a regency's Perbup, also
    cited so ("Perbup Contoh …": named in full)."""
    plan_yml = HISTORY.replace(f"decree: {DECREE}", f"decree: {written}")
    foreword = FOREWORD
    if city != "Kota Contoh":
        plan_yml = plan_yml.replace("city: Kota Contoh", f"city: {city}")
        foreword = FOREWORD.replace("role: Wali Kota Contoh", "role: Bupati Contoh")
    pages = _squeezed(_built(tmp_path, plan_yml, foreword) / "masterplan.pdf")
    assert heading in pages[0]
    assert f"{signature} RAHARTO TENO PRASETYO" in pages[-1]


@pytest.mark.parametrize(("written", "kind", "number", "year", "about", "enacted_by"), [
    ("Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021", "Peraturan Wali Kota Pasuruan", "45", "2021", "",
     "Wali Kota Pasuruan"),
    ("Peraturan Bupati Pasuruan Nomor 12 Tahun 2022 tentang Masterplan Smart City Kabupaten Pasuruan",
     "Peraturan Bupati Pasuruan", "12", "2022", "Masterplan Smart City Kabupaten Pasuruan", "Bupati Pasuruan"),
    ("Mayor Regulation of Kota Pasuruan Number 45 of 2021", "Mayor Regulation of Kota Pasuruan", "45", "2021", "", ""),
    ("Keputusan Wali Kota Pasuruan Nomor 188.45/12/423.011/2021", "Keputusan Wali Kota Pasuruan",
     "188.45/12/423.011/2021", "", "", "Wali Kota Pasuruan"),
    ("Peraturan Wali Kota Pasuruan No. 45 Tahun 2021, tentang Masterplan Smart City.", "Peraturan Wali Kota Pasuruan",
     "45", "2021", "Masterplan Smart City", "Wali Kota Pasuruan"),
    ("Mayor Regulation of Kota Pasuruan No. 45 of 2021, concerning the Smart City Masterplan.",
     "Mayor Regulation of Kota Pasuruan", "45", "2021", "the Smart City Masterplan", ""),
    ("Mayor Decree of Kota Pasuruan Number: 188.45/12/423.011/2021", "Mayor Decree of Kota Pasuruan",
     "188.45/12/423.011/2021", "", "", ""),
    ("Peraturan Walikota Pasuruan Nomor 45 Tahun 2021", "Peraturan Walikota Pasuruan", "45", "2021", "",
     "Walikota Pasuruan"),
    ("Peraturan Daerah Kota Pasuruan Nomor 3 Tahun 2021", "Peraturan Daerah Kota Pasuruan", "3", "2021", "",
     "Wali Kota Pasuruan"),
    ("Peraturan Daerah Kabupaten Malang Nomor 3 Tahun 2021", "Peraturan Daerah Kabupaten Malang", "3", "2021", "",
     "Bupati Malang"),
    ("Peraturan Bupati Malang Nomor 7 Tahun 2022", "Peraturan Bupati Malang", "7", "2022", "", "Bupati Malang"),
    # as citations shorten them: the annex names the regulation in full, and who signs it follows
    ("Perbup Sidoarjo Nomor 12 Tahun 2025", "Peraturan Bupati Sidoarjo", "12", "2025", "", "Bupati Sidoarjo"),
    ("Perwali Pasuruan No. 45 Tahun 2021", "Peraturan Wali Kota Pasuruan", "45", "2021", "", "Wali Kota Pasuruan"),
    ("PERWAL Pasuruan Nomor 45 Tahun 2021", "Peraturan Wali Kota Pasuruan", "45", "2021", "", "Wali Kota Pasuruan"),
    ("Perda Kabupaten Malang Nomor 3 Tahun 2021", "Peraturan Daerah Kabupaten Malang", "3", "2021", "",
     "Bupati Malang"),
    ("Kepbup Sidoarjo Nomor 188/12/404.1.3.2/2025", "Keputusan Bupati Sidoarjo", "188/12/404.1.3.2/2025", "", "",
     "Bupati Sidoarjo"),
    ("Perwalian Pasuruan Nomor 45 Tahun 2021", "Perwalian Pasuruan", "45", "2021", "", ""),  # no such short name
])
def test_a_decree_is_read_as_the_regulation_names_itself(written: str, kind: str, number: str, year: str, about: str,
                                                          enacted_by: str) -> None:
    read = decree.read(written, REVISION)
    assert read is not None
    assert (read.kind, read.number, read.year, read.about, read.enacted_by) == (kind, number, year, about, enacted_by)


REVISION = Revision("1.0", None, Text({}), None, Text({}))  # type: ignore[arg-type]


@pytest.mark.parametrize("written", ["Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021.",
                                     "Peraturan Wali Kota Pasuruan Nomor: 45 Tahun 2021",
                                     "Peraturan Wali Kota Pasuruan No 45 Tahun 2021",
                                     "Peraturan Wali Kota Pasuruan No. 45, Tahun 2021"])
def test_a_decree_is_read_in_the_forms_it_is_cited_in(written: str) -> None:
    """A full stop at its end, "Nomor:", "No", "No.": the same regulation's parts."""
    read = decree.read(written, REVISION)
    assert read is not None
    assert (read.kind, read.number, read.year, read.about) == ("Peraturan Wali Kota Pasuruan", "45", "2021", "")


@pytest.mark.parametrize("written", ["Perwali 45/2021", "Peraturan Wali Kota Pasuruan Nomor 45",
                                     "Keputusan Wali Kota Pasuruan 188.45/12/423.011/2021",
                                     "Peraturan Wali Kota Nobody 45 Tahun 2021"])
def test_a_decree_without_its_number_or_year_is_not_read(written: str) -> None:
    assert decree.read(written, REVISION) is None


@pytest.mark.parametrize(("written", "kind", "number", "amends", "about"), [
    (AMENDED, "Peraturan Wali Kota Contoh", "3", ("Peraturan Wali Kota Contoh", "45", "2021"), ""),
    (("Peraturan Wali Kota Contoh Nomor 45 Tahun 2021 tentang Masterplan, sebagaimana telah diubah dengan Peraturan "
     "Wali Kota Contoh Nomor 3 Tahun 2024 tentang Perubahan atas Peraturan Wali Kota Contoh Nomor 45 Tahun 2021"),
     "Peraturan Wali Kota Contoh", "3", ("Peraturan Wali Kota Contoh", "45", "2021"),
     "Perubahan atas Peraturan Wali Kota Contoh Nomor 45 Tahun 2021"),
    ("Mayor Regulation of Kota Contoh Number 45 of 2021 as amended by Mayor Regulation of Kota Contoh Number 3 of 2024",
     "Mayor Regulation of Kota Contoh", "3", ("Mayor Regulation of Kota Contoh", "45", "2021"), ""),
    # amended more than once: which amendment the last is ("Perubahan Kedua atas …"), only its own title says
    (("Peraturan Wali Kota Contoh Nomor 45 Tahun 2021 sebagaimana telah beberapa kali diubah, terakhir dengan "
     "Peraturan Wali Kota Contoh Nomor 5 Tahun 2025"), "Peraturan Wali Kota Contoh", "5", None, ""),
    (("Peraturan Wali Kota Contoh Nomor 45 Tahun 2021 sebagaimana telah diubah beberapa kali terakhir dengan "
     "Peraturan Wali Kota Contoh Nomor 5 Tahun 2025"), "Peraturan Wali Kota Contoh", "5", None, ""),
])
def test_a_decree_cited_with_its_amendment_is_the_amendment(written: str, kind: str, number: str,
                                                            amends: tuple[str, str, str] | None, about: str) -> None:
    """The book of the revised plan is the annex of the amending regulation, which replaced the annex of the first;
    the first, which its title names, is kept where the citation says it is the only amendment."""
    read = decree.read(written, REVISION)
    assert read is not None
    assert (read.kind, read.number, read.about) == (kind, number, about)
    assert (read.amends and (read.amends.kind, read.amends.number, read.amends.year)) == amends


@pytest.mark.parametrize(("city", "written", "example"), [
    ("Kota Pasuruan", "Perwali 45/2021", "Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021"),
    ("Kabupaten Malang", "Perbup 7/2022", "Peraturan Bupati Malang Nomor 45 Tahun 2021"),
    ("Kab. Malang", "Perbup 7/2022", "Peraturan Bupati Malang Nomor 45 Tahun 2021"),
    ("Kota Pasuruan", "Keputusan Wali Kota 188.45/12/2021", "Keputusan Wali Kota Pasuruan Nomor 45 Tahun 2021"),
    ("Kota Pasuruan", "Peraturan Daerah Kota Pasuruan 3/2021", "Peraturan Daerah Kota Pasuruan Nomor 45 Tahun 2021"),
    ("Kab. Malang", "Perda 3/2021", "Peraturan Daerah Kabupaten Malang Nomor 45 Tahun 2021"),
    ("Kota Pasuruan", "Kepwal 188.45/12/2021", "Keputusan Wali Kota Pasuruan Nomor 45 Tahun 2021"),  # cited short
])
def test_w121_shows_the_decree_to_write_as_the_city_and_the_kind_written(city: str, written: str, example: str) -> None:
    """The example W121's hint gives is of the city's head ("Kab. Malang" is a regency, led by a Bupati) and of the
    kind of regulation written, a Keputusan's as a Keputusan."""
    assert decree.example(city, written) == example
    assert decree.read(example, REVISION) is not None


def _fonts(pdf: Path) -> list[tuple[str, bool]]:
    """Every font the pages use, and whether its file is in the PDF."""
    found = {}
    for sheet in reader(pdf).pages:
        for font in sheet["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor", {})
            found[str(font.get("/BaseFont"))] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return sorted(found.items())


@pytest.mark.parametrize("book", ["masterplan.pdf", "masterplan-summary.pdf", "masterplan-analysis.pdf"])
def test_an_adopted_plans_books_are_archival_pdfs(adopted: Path, book: str) -> None:
    """The book (laid out in parts and joined), the executive summary and the strategic analysis (one pass each)
    say they are PDF/A-2a in their XMP metadata, carry an sRGB output intent, a file identifier and their title,
    embed every font, and a PDF/A validator finds nothing wrong."""
    pdf = adopted / book
    read = reader(pdf)
    catalog = read.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object()
    assert "/Filter" not in xmp  # PDF/A: the metadata stream is never compressed
    text = xmp.get_data().decode()
    assert 'pdfaid:part="2"' in text and 'pdfaid:conformance="A"' in text
    assert re.search(r"<dc:title>.*Masterplan Smart City Kota Contoh 2022–2026.*</dc:title>", text, re.DOTALL)
    intent = catalog["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert len(read.trailer["/ID"]) == 2
    fonts = _fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    report = page.validate_pdf(pdf, profile="2a")
    assert report.is_compliant, [(failure.rule_id, failure.message) for failure in report.failures]


def test_stream_data_ending_with_a_carriage_return_keeps_its_length(tmp_path: Path) -> None:
    """A compressed stream ends with a carriage return once in 256 (its checksum's last byte): the line end
    after it is CR LF, so that a reader taking CR LF for the line end finds the data as long as /Length says."""
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    stream = DecodedStreamObject()
    stream.set_data(b"data\r")
    writer.root_object[NameObject("/Example")] = pdf_objects.add(writer, stream)
    target = tmp_path / "written.pdf"
    pdf_pack.write(writer, target)
    written = target.read_bytes()
    assert b"/Length 5\n>>\nstream\ndata\r\r\nendstream" in written
    assert PdfReader(io.BytesIO(written)).trailer["/Root"]["/Example"].get_object().get_data() == b"data\r"


def test_what_pypdf_keeps_private_is_reached_in_one_module_only() -> None:
    """pypdf may rename what it keeps private in any release of the range setup.cfg pins (5.9 to 7): the join and the
    archival PDF reach it only through render/pdf_objects.py, so a rename breaks that module alone, and says so."""
    private = re.compile(r"\.(?:_root_object|_add_object|_objects|_ID|_info|_resolve_links|_data)\b")
    reaching = sorted(path.name for path in (REPO / "masterplan").rglob("*.py") if private.search(path.read_text("utf-8")))
    assert reaching == ["pdf_objects.py"]


def test_an_adopted_book_with_a_picture_in_a_chapter_is_an_archival_pdf(tmp_path: Path) -> None:
    """A map or a photo in a chapter: WeasyPrint asks for its smoothing (/Interpolate true), which PDF/A forbids;
    the adopted book draws it without, and stays PDF/A-2a to the validator."""
    from PIL import Image

    (tmp_path / "content" / "assets").mkdir(parents=True)
    Image.new("RGB", (40, 30), (30, 120, 60)).save(tmp_path / "content" / "assets" / "peta.png")
    write_plan(tmp_path, {"content/chapters/01-peta.md": "---\ntitle: Peta\n---\n\n![Peta wilayah kota](assets/peta.png)\n"})
    pdf = _built(tmp_path, HISTORY) / "masterplan.pdf"
    images = [drawn.get_object() for sheet in reader(pdf).pages
              for drawn in (sheet["/Resources"].get("/XObject") or {}).values()
              if drawn.get_object().get("/Subtype") == "/Image"]
    assert images, "the chapter's picture is not in the book"
    assert all(image.get("/Interpolate") in (None, False) for image in images)
    report = page.validate_pdf(pdf, profile="2a")
    assert report.is_compliant, [(failure.rule_id, failure.message) for failure in report.failures]


def test_a_cmyk_photo_in_an_adopted_book_is_printed_in_rgb(tmp_path: Path) -> None:
    """A photo saved for a printer, in CMYK: the book held it as DeviceCMYK, and the adopted book claimed PDF/A-2a,
    whose output intent is sRGB, falsely (the validator fails it). It is printed in RGB, its colours kept."""
    from PIL import Image

    (tmp_path / "content" / "assets").mkdir(parents=True)
    Image.new("CMYK", (60, 40), (0, 255, 255, 0)).save(tmp_path / "content" / "assets" / "foto.jpg", "JPEG")
    write_plan(tmp_path, {"content/chapters/01-foto.md": "---\ntitle: Foto\n---\n\n![Alun-alun kota](assets/foto.jpg)\n"})
    pdf = _built(tmp_path, HISTORY) / "masterplan.pdf"
    images = [drawn.get_object() for sheet in reader(pdf).pages
              for drawn in (sheet["/Resources"].get("/XObject") or {}).values()
              if drawn.get_object().get("/Subtype") == "/Image"]
    assert [image["/ColorSpace"] for image in images] == ["/DeviceRGB"]
    red, green, blue = Image.open(io.BytesIO(images[0].get_data())).convert("RGB").getpixel((30, 20))
    assert red > 200 and green < 60 and blue < 60  # cyan-free, full magenta and yellow: red
    report = page.validate_pdf(pdf, profile="2a")
    assert report.is_compliant, [(failure.rule_id, failure.message) for failure in report.failures]


def _header_cells(tree: object) -> tuple[list[tuple[str, int]], list[tuple[list[str], int]], list[tuple[str, object]]]:
    """A structure tree's table header cells, each ``/ID`` with the table it is in (counted in reading order), the
    ``/Headers`` each data cell cites with its table, and the ``/IDTree``'s names with what each names."""
    named: list[tuple[str, int]] = []
    cited: list[tuple[list[str], int]] = []
    tables = 0
    stack: list[tuple[object, int]] = [(tree, -1)]
    while stack:
        kid, table = stack.pop()
        element = kid.get_object()  # type: ignore[attr-defined]
        if not isinstance(element, dict) or element.get("/Type") in ("/MCR", "/OBJR"):
            continue
        if element.get("/S") == "/Table":
            table, tables = tables, tables + 1
        if "/ID" in element:
            named.append((str(element["/ID"]), table))
        attributes = element.get("/A")
        for attribute in (attributes if isinstance(attributes, list) else [attributes]):
            if attribute is not None and "/Headers" in attribute.get_object():
                cited.append(([str(name) for name in attribute.get_object()["/Headers"]], table))
        kids = element.get("/K", [])
        stack += [(child, table) for child in reversed(kids if isinstance(kids, list) else [kids])]
    names = tree.get_object()["/IDTree"].get_object()["/Names"]  # type: ignore[attr-defined]
    listed = [(str(names[index]), names[index + 1].get_object()) for index in range(0, len(names), 2)]
    return named, cited, listed


def _each_cell_cites_its_own_tables_headers(tree: object) -> None:
    named, cited, listed = _header_cells(tree)
    assert cited and len({name for name, _ in named}) == len(named)  # no two header cells named alike
    assert [name for name, _ in listed] == sorted(name for name, _ in named)  # a name tree's keys, sorted
    assert all(element["/ID"] == name for name, element in listed)  # type: ignore[index]
    table_of = dict(named)
    assert all(table_of.get(name) == table for names, table in cited for name in names), cited


@pytest.mark.parametrize("book", ["masterplan.pdf", "masterplan-summary.pdf"])
def test_an_adopted_book_built_again_is_the_same_file(adopted: Path, tmp_path: Path, book: str) -> None:
    """An archive checks a deposited PDF by its checksum, and by building it again from the plan's files. WeasyPrint
    named each table header cell by its box's address in memory, another at every run: two builds of the same
    adopted plan were two files (1,160,253 and 1,160,164 bytes). The cells are named in the tree's order, and
    listed in the /IDTree the cells' /Headers are resolved through."""
    import shutil
    shutil.copytree(adopted.parent / "content", tmp_path / "content")
    again = run(tmp_path, BuildOptions(search=False, site=False, cache=False))
    assert again.ok, "\n".join(str(d) for d in again.report)
    assert (tmp_path / "build" / book).read_bytes() == (adopted / book).read_bytes()
    tree = reader(adopted / book).trailer["/Root"]["/StructTreeRoot"]
    _each_cell_cites_its_own_tables_headers(tree)
    named = [name for name, _ in _header_cells(tree)[0]]
    assert named == [f"th{index}" for index in range(1, len(named) + 1)]


def test_two_parts_whose_header_cells_had_one_name_keep_each_cells_own_header(tmp_path: Path) -> None:
    """WeasyPrint names a header cell by its box's address in memory, which another part's run may give another
    table's header: two parts of one book laid out alike named theirs alike, and the first part's data cells cited
    the second part's header once the names were numbered."""
    from weasyprint import HTML

    from masterplan.render import pdf_structure
    table = "<table><thead><tr><th>Program</th><th>Anggaran</th></tr></thead><tbody><tr><td>GOV-01</td><td>1</td></tr></tbody></table>"
    (tmp_path / "part.pdf").write_bytes(HTML(string=f"<html lang=id><title>t</title>{table}").write_pdf(pdf_variant="pdf/a-2a"))
    parts = [PdfReader(tmp_path / "part.pdf"), PdfReader(tmp_path / "part.pdf")]  # the same addresses in both
    writer = PdfWriter()
    for part in parts:
        for sheet in part.pages:
            writer.add_page(sheet)
    pdf_structure.join(writer, parts, [0, len(parts[0].pages)])
    pdf_structure.number_ids(writer)
    tree = writer.root_object["/StructTreeRoot"]
    _each_cell_cites_its_own_tables_headers(tree)
    assert [name for name, _ in _header_cells(tree)[0]] == ["th1", "th2", "th3", "th4"]


def test_a_monitoring_update_of_the_adopted_book_says_the_day_of_its_figures(tmp_path: Path) -> None:
    """Realised figures entered into the adopted plan keep its version and date (the regulation's): the updated book
    looked like the annex itself, cover, metadata and all. Its cover and its PDF's subject say the day its figures
    are of, and its modification date is that day."""
    pdf = _built(tmp_path, HISTORY + "realised_as_of: 2024-02-15\n") / "masterplan.pdf"
    cover = _squeezed(pdf)[0]
    assert "Status Final Data realisasi per 15 Februari 2024" in cover, cover
    info = reader(pdf).metadata
    # and the regulation, which a library's catalogue cites (only the annex's cover named it)
    assert info["/Subject"].endswith(f"· Final · {DECREE} · Data realisasi per 15 Februari 2024"), info
    assert info["/ModDate"].startswith("D:20240215") and info["/CreationDate"].startswith("D:2021")
    summary = _squeezed(pdf.parent / "masterplan-summary.pdf")[0]
    assert "Data realisasi per 15 Februari 2024" in summary
    # the summary is no annex, and named none: filed apart from the book, it now says which regulation it is of
    assert "Status Final Ditetapkan dengan Peraturan Wali Kota Contoh Nomor 45 Tahun 2021 Data realisasi" in summary
