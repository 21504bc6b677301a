"""A foreword's signature: its date, a date or text as printed, under the signatory in the plan's language.

``signed.date: 2025-01-15`` was refused ("should be text … quote it"), and quoted it was
printed "Probolinggo, 2025-01-15" under the mayor's signature.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from masterplan import chapter_reader

FOREWORD = """\
---
title: Kata Pengantar
part: front
signed:
  place: Probolinggo
  date: DATE
  role: Wali Kota Probolinggo
---
Puji syukur.
"""


@pytest.mark.parametrize("written, language, printed", [
    ("2025-01-15", "id", "15 Januari 2025"),
    ('"2025-01-15"', "id", "15 Januari 2025"),
    ("2025-01-15 10:30:00", "id", "15 Januari 2025"),
    ("2025-01-15", "en", "15 January 2025"),  # British, as the catalog spells
    ("Januari 2022", "id", "Januari 2022"),
    ('"15 Januari 2025"', "id", "15 Januari 2025"),
    ("15-01-2026", "id", "15 Januari 2026"),  # the day first, as Indonesians write dates in numbers
    ('"15/1/2026"', "id", "15 Januari 2026"),
])
def test_a_signature_date_is_printed_as_the_plan_writes_dates(tmp_path: Path, written: str, language: str,
                                                               printed: str) -> None:
    path = tmp_path / "00-kata-pengantar.md"
    path.write_text(FOREWORD.replace("DATE", written), encoding="utf-8")
    chapter, problems = chapter_reader.read(path, "content/chapters/00-kata-pengantar.md", language)
    assert [str(d) for d in problems] == []
    assert chapter is not None and chapter.signed is not None and chapter.signed.date == printed


@pytest.fixture(scope="module")
def signed_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_plan

    from masterplan.build import BuildOptions, run
    foreword = FOREWORD.replace("DATE", "2025-01-15").replace("Probolinggo", "Contoh")
    root = write_plan(tmp_path_factory.mktemp("signed"), {"content/chapters/00-kata-pengantar.md": foreword})
    result = run(root, BuildOptions())
    assert result.ok, [str(d) for d in result.report]
    return root


def test_the_book_prints_the_signature_date_in_words(signed_plan: Path) -> None:
    pages = [page.extract_text() or "" for page in pypdf.PdfReader(signed_plan / "build" / "masterplan.pdf").pages]
    foreword = next(text for text in pages if "Puji syukur." in text)
    assert "Contoh, 15 Januari 2025" in foreword and "2025-01-15" not in foreword


def test_the_site_prints_the_signature_date_in_words(signed_plan: Path) -> None:
    html = (signed_plan / "build" / "site" / "chapter" / "kata-pengantar.html").read_text(encoding="utf-8")
    assert "<p>Contoh, 15 Januari 2025</p>" in html
