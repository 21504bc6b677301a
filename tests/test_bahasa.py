"""The Indonesian the tool prints, as a language editor reads it against EYD V (Ejaan Bahasa Indonesia yang
Disempurnakan, Edisi V, 2022) and the KBBI: the catalog's Indonesian texts, the sample plan's, the rupiah (set apart
from its amount, as the domain's readers expect, where EYD V writes it against) and the books' foreign terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from masterplan.diagnostics import Message, Speaker
from masterplan.formatting import Formats
from masterplan.i18n import Translator, load_catalog
from masterplan.render.foreign_terms import italicised

CATALOG = sorted((REPO / "templates" / "i18n").glob("*.yml"))
SAMPLE = sorted(path for path in (REPO / "content").rglob("*") if path.suffix in (".yml", ".md"))

#: what EYD V and the KBBI write otherwise, each with what it writes (the message a failure gives)
MISWRITTEN = {
    r"\bwalikota\b": "Wali Kota, two words",
    r"\bantar ?[A-Z]{2,}": "antar-OPD: a bound form joined by a hyphen to an abbreviation",
    r"\bRp[\d{]": "Rp 1.250.000, Rp 1,20 miliar: the sign set apart, as the plan's readers expect (not EYD V's Rp1)",
    r"\b(?:aktifitas|efektifitas|produktifitas|kreatifitas|sistim|kwalitas|resiko|praktek|obyek|nasehat|ijin"
    r"|propinsi|himbau|silahkan|sekedar|jadual|merubah|tehnik|kordinasi|koordinir|standarisasi)\b":
        "the KBBI's spelling: aktivitas, sistem, kualitas, risiko, praktik, objek, izin, provinsi, ...",
    r"(?:\d|\{\w+\}) %(?!\})": "94,3%: the percent sign against its number",
    r"\b(?:dimana|kemana|disini|disana|diatas|dibawah|didalam|diluar|diantara|kedepan)\b":
        "di and ke as prepositions are written apart: di mana, di sini, di antara, ke depan",
}


def _indonesian_texts(path: Path) -> list[tuple[int, str]]:
    """Each Indonesian text of a catalog file with its line."""
    return [(number, found.group(1)) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if (found := re.search(r'\{id: "(.*?)"', line))]


def _lines(path: Path) -> list[tuple[int, str]]:
    """Each line of a sample file that is text (not a YAML comment)."""
    return [(number, line) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.lstrip().startswith("#") or path.suffix == ".md"]


@pytest.mark.parametrize("path", CATALOG + SAMPLE, ids=lambda path: str(path.relative_to(REPO)))
def test_the_catalog_and_the_sample_write_indonesian_as_eyd_v_does(path: Path) -> None:
    """No Walikota, antar OPD, aktifitas or dimana anywhere the tool or its sample speaks Indonesian, and no
    "Rp1.250.000" or "Rp{amount:,}": the sign stands apart, as the books print it."""
    texts = _indonesian_texts(path) if path in CATALOG else _lines(path)
    found = [f"{path.name}:{number}: {match.group(0)!r}: {rule}" for number, text in texts
             for pattern, rule in MISWRITTEN.items() for match in re.finditer(pattern, text, re.IGNORECASE * (
                 "A-Z" not in pattern))]
    assert found == []


def test_the_diagnostics_name_things_as_the_books_do() -> None:
    """validate said "pilar governance" and "Perangkat Daerah dinkes" of what the books call a dimensi and a
    perangkat daerah (in small letters in a sentence), and "tanggal rencana" beside "tanggal masterplan"."""
    texts = [(number, text) for path in CATALOG if path.name == "diagnostics.yml"
             for number, text in _indonesian_texts(path)]
    assert [number for number, text in texts if re.search(r"\bpilar\b|Perangkat Daerah|\brencana\b", text)] == []
    assert Speaker.of("id").say(Message("pillar {pillar}", pillar="living")) == "dimensi living"


#: one thing, one word: what the catalog wrote besides the word the books and the site use for it
ONE_WORD = {
    r"\b(?:anggaran|jumlah) indikatif": "indikasi anggaran, as the budget tables say (pagu indikatif is the ceiling)",
    r"\bkode (?:perangkat daerah|dimensi|misi|subelemen)\b": "id: a program has a kode, an agency or a pillar an id",
    r"\bmitra\b": "perangkat daerah pendukung, as the matrix and the agency pages say (kemitraan stays)",
    r"\bdeskripsi|\bdideskripsikan\b": "uraian, the books' word for a description (or diterangkan)",
    r"(?<![{\w])path\b": "jalur, as the other messages about a file's place say",
    r"\byang mana\b": "mana, or a sentence that says what is chosen",
    r"\bquick wins\b": "quick win: Indonesian takes a foreign term without its plural s (6 quick win)",
    r"\bfonta\b": "fon, as the KBBI and the other messages about the book's fonts write it",
}


@pytest.mark.parametrize("path", CATALOG, ids=lambda path: path.name)
def test_the_catalog_names_one_thing_by_one_word(path: Path) -> None:
    """The data page said "Kode perangkat daerah" of the id validate calls "id perangkat daerah", "anggaran
    indikatif" beside the tables' "indikasi anggaran", a partner "mitra" once among a hundred "pendukung", a
    program's description "deskripsi" where the book prints "Uraian", a file's place "path" beside "jalur", and
    "fonta" beside "fon"."""
    found = [f"{path.name}:{number}: {match.group(0)!r}: {word}" for number, text in _indonesian_texts(path)
             for pattern, word in ONE_WORD.items() for match in re.finditer(pattern, text, re.IGNORECASE)]
    assert found == []


def test_the_sample_says_indikasi_anggaran_as_its_tables_do() -> None:
    """The sample's chapters wrote "anggaran indikatif" and "nilai dasar" above the tables' "Indikasi anggaran" and
    "Kondisi awal", and titled its chapter "Quick Wins" over "6 quick win": the book named one thing two ways."""
    found = [f"{path.name}:{number}: {match.group(0)!r}" for path in SAMPLE for number, line in _lines(path)
             for match in re.finditer(r"\b(?:anggaran|jumlah) indikatif\w*|\bnilai dasar\b|\bquick wins\b", line,
                                      re.IGNORECASE)]
    assert found == []


def test_an_amount_has_its_sign_apart_in_indonesian_as_in_english() -> None:
    """The branch wrote Rp1.250.000.000 as EYD V does; the domain's readers expect Rp 1.250.000.000 and
    Rp 1,20 miliar, the sign set apart as English sets it, with a minus before the sign."""
    indonesian = Formats("id", Translator("id", load_catalog()))
    english = Formats("en", Translator("en", load_catalog()))
    assert [indonesian.rupiah(1_250_000_000), indonesian.rupiah_short(1_200_000_000)] == \
        ["Rp 1.250.000.000", "Rp 1,20 miliar"]
    assert [english.rupiah(1_250_000_000), english.rupiah_short(1_200_000_000)] == \
        ["Rp 1,250,000,000", "Rp 1.20 billion"]
    assert [indonesian.rupiah(-100_000), english.rupiah_short(-2_000_000)] == ["−Rp 100.000", "−Rp 2 million"]


def test_a_foreign_term_is_set_in_italics_in_an_indonesian_books_prose() -> None:
    """The theme's "indikasi anggaran seluruh quick win" and a readiness cell's "masterplan smart city" printed
    upright beside the chapters' *quick win*: each is italic now, once; names (Smart City, Command Center) and
    English editions stay as they are, and so do tags and what is italic already."""
    html = ('<p>Anggaran seluruh quick win dan <em>quick win</em> lain; quick wins.</p>'
            '<td title="quick win">Belum ada masterplan smart city; Pasuruan Command Center</td>'
            '<p>Data antar-OPD, <code>event</code>, kalender event.</p>')
    assert italicised(html, "id") == (
        '<p>Anggaran seluruh <em class="foreign">quick win</em> dan <em>quick win</em> lain; '
        '<em class="foreign">quick wins</em>.</p>'
        '<td title="quick win">Belum ada masterplan <em class="foreign">smart city</em>; Pasuruan Command Center</td>'
        '<p>Data antar-OPD, <code>event</code>, kalender <em class="foreign">event</em>.</p>')
    assert italicised(html, "en") == html


def test_the_readme_writes_antar_opd_as_eyd_v() -> None:
    """The README named the synchronisation "sinkronisasi program antar OPD", which EYD V writes antar-OPD."""
    assert not re.search(r"\bantar OPD\b", (REPO / "README.md").read_text(encoding="utf-8"))


def test_a_foreign_term_is_never_set_in_italics_in_a_title_or_an_attribute() -> None:
    """An ``<em>`` inside a ``<title>`` is no element there (its text shows the tag, in the PDF's metadata or an
    SVG's tooltip), and one inside an attribute value breaks the tag: a ``>`` in a quoted value ended the tag for
    the pass, which then set the rest of the value in italics as prose."""
    html = ('<title>Masterplan smart city: quick win</title>'
            '<td title="anggaran > quick win" data-note=\'event > monitoring\'>quick win</td>'
            '<img alt="smart city > e-government" src="a.png"><!-- a note > quick win -->')
    assert italicised(html, "id") == (
        '<title>Masterplan smart city: quick win</title>'
        '<td title="anggaran > quick win" data-note=\'event > monitoring\'><em class="foreign">quick win</em></td>'
        '<img alt="smart city > e-government" src="a.png"><!-- a note > quick win -->')
