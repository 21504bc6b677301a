"""One truth everywhere: every page reference ("Tabel 3.1, hlm. 5", "GOV-01 … (hlm. 14)") in the sample's three
books, typed into a PDF reader's page box, opens the page holding what it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_reading import page_texts, reader
from test_pdf import page_labels

from masterplan.output import ANALYSIS_PDF, PDF, SUMMARY_PDF

CODE = r"\b(?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d\b"


@pytest.fixture(scope="module")
def build(sample_build: Path) -> Path:
    return sample_build / "build"


@pytest.mark.parametrize("book", [PDF, SUMMARY_PDF, ANALYSIS_PDF])
def test_a_pdf_reader_s_page_numbers_are_the_printed_ones_in_every_book(build: Path, book: str) -> None:
    """"hlm. 5" typed into a PDF reader's page box opens the page that prints 5, in the summary and the analysis
    too (their PDFs had no page labels: the analysis's "Tabel 3.1, hlm. 5" opened printed page 2)."""
    printed, shown = page_labels(build / book), reader(build / book).page_labels
    assert [shown[index] for index, label in enumerate(printed) if label and index] == [
        label for label in printed[1:] if label]


@pytest.mark.parametrize("book", [PDF, ANALYSIS_PDF])
def test_every_page_reference_opens_the_page_holding_what_it_names(build: Path, book: str) -> None:
    """A table's reference opens the page its caption starts it on; a program's, the page of its row in the matrix."""
    raw = [text.replace("\xa0", " ") for text in page_texts(build / book)]
    texts = [" ".join(text.split()).replace("\u2010 ", "") for text in raw]
    shown = reader(build / book).page_labels
    references = re.findall(rf"((?:Tabel|Gambar) \d+\.\d+|{CODE}),? \(?hlm\. (\d+)"  # "Tabel 3.1, hlm. 5"
                            rf"|({CODE}) (?:(?!{CODE})[^;]){{0,160}}?\(hlm\. (\d+)\)", " ".join(texts))  # "GOV-01 e-Sambat (…) (hlm. 14)"
    for named, page in (found[:2] if found[0] else found[2:] for found in references):
        held = rf"(?m)^\d+ {named} " if re.fullmatch(CODE, named) else rf"{re.escape(named)} (?!\(lanjutan\))"
        assert re.search(held, raw[shown.index(page)]), (named, page)
    assert len(references) >= (100 if book == PDF else 5), len(references)
