"""An adopted plan's book as the city's legal division publishes it (on the JDIH) and its archivist keeps it: an
archival PDF (PDF/A-2a), read back with pypdf and checked by a PDF/A validator (``page``, from PyPI)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import page
import pytest
from conftest import write_plan
from pdf_reading import reader
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from test_revisions import HISTORY

from masterplan.build import BuildOptions, run
from masterplan.render import pdf_pack

SUMMARY = "---\ntitle: Ringkasan\n---\n\nRingkasan untuk Wali Kota dan DPRD.\n"


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan adopted (final, its current revision with a decree), with its executive summary."""
    root = tmp_path_factory.mktemp("adopted")
    write_plan(root, {"content/plan.yml": HISTORY + "executive_summary: true\n",
                      "content/executive-summary.md": SUMMARY})
    result = run(root, BuildOptions(search=False, site=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    return root / "build"


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


@pytest.mark.parametrize("book", ["masterplan.pdf", "masterplan-summary.pdf"])
def test_an_adopted_plans_books_are_archival_pdfs(adopted: Path, book: str) -> None:
    """The book (laid out in parts and joined) and the executive summary (one pass) say they are PDF/A-2a in
    their XMP metadata, carry an sRGB output intent, a file identifier and their title, embed every font, and
    a PDF/A validator finds nothing wrong."""
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


def test_a_draft_is_no_archival_pdf(mini_plan: Path) -> None:
    """A draft is rebuilt after every revision and never archived: a plain PDF, as before."""
    result = run(mini_plan, BuildOptions(search=False, site=False))
    assert result.ok
    catalog = reader(mini_plan / "build" / "masterplan.pdf").trailer["/Root"]
    assert "/Metadata" not in catalog and "/OutputIntents" not in catalog


def test_stream_data_ending_with_a_carriage_return_keeps_its_length(tmp_path: Path) -> None:
    """A compressed stream ends with a carriage return once in 256 (its checksum's last byte): the line end
    after it is CR LF, so that a reader taking CR LF for the line end finds the data as long as /Length says."""
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    stream = DecodedStreamObject()
    stream.set_data(b"data\r")
    writer._root_object[NameObject("/Example")] = writer._add_object(stream)
    target = tmp_path / "written.pdf"
    pdf_pack.write(writer, target)
    written = target.read_bytes()
    assert b"/Length 5\n>>\nstream\ndata\r\r\nendstream" in written
    assert PdfReader(io.BytesIO(written)).trailer["/Root"]["/Example"].get_object().get_data() == b"data\r"
