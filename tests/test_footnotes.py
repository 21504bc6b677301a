"""A chapter's footnotes (``[^bps]``): at the foot of the book's page, numbered in each chapter, and below the text on
the site, each call linked to its note. Before, both printed ``jiwa[^bps]`` and the note as a paragraph, and validate
said nothing. Also: a numbered list that starts again after a paragraph (``3. Finalisasi``) kept its number in the
book, where WeasyPrint counted it from 1; and a link written as words gives its address on paper."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_reading import plumbed, reader

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check
from masterplan.render.markdown import to_html

SOURCES = """\
---
title: Sumber Data
---
## Penduduk

Penduduk kota 208.006 jiwa pada 2020.[^bps] Data kelurahan menyusul.[^kel] Angka lain ada di
[situs BPS](https://contohkota.bps.go.id/) dan di <https://data.contohkota.go.id>.

Langkah kerja:

1. Inventarisasi
2. Penyusunan

Catatan di antara daftar.

3. Finalisasi
4. Penetapan

[^bps]: Badan Pusat Statistik, *Kota Contoh Dalam Angka 2021*, hlm. 12.
[^kel]: Dihimpun oleh Diskominfo.
"""

DEMOGRAPHY = """\
---
title: Demografi
---
## Kondisi Demografi[^sp]

| Kecamatan | Penduduk |
|---|--:|
| Gadingrejo | 50.000 |

Tabel: Penduduk per kecamatan[^sp] (tab:penduduk)

Data naik pesat.[^daftar]

[^sp]: Sensus Penduduk 2020.
[^daftar]: Catatan:

    - satu
    - dua

    Penutup.
"""

CLOSING = """\
---
title: Penutup
part: back
---
Rencana ditinjau setiap tahun.[^tinjau] Angka terbaru: [lihat data BPS[^susenas]](https://bps.go.id).

[^tinjau]: Sesuai peraturan wali kota tentang evaluasi.
[^susenas]: Survei Sosial Ekonomi Nasional 2023.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_plan
    root = write_plan(tmp_path_factory.mktemp("footnotes"), {"content/chapters/05-sumber.md": SOURCES,
                                                             "content/chapters/06-demografi.md": DEMOGRAPHY,
                                                             "content/chapters/90-penutup.md": CLOSING})
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build"


def _lines(page: object) -> list[tuple[float, str]]:
    """A PDF page's lines of text, from the top: where each is, and its text."""
    words = page.extract_words(keep_blank_chars=True, use_text_flow=True)  # type: ignore[attr-defined]
    rows: dict[int, list[str]] = {}
    for word in words:
        rows.setdefault(round(word["top"]), []).append(word["text"])
    return [(top, " ".join(texts)) for top, texts in sorted(rows.items())]


def test_the_book_prints_each_note_at_the_foot_of_its_page_numbered_in_its_chapter(built: Path) -> None:
    with plumbed(built / "masterplan.pdf") as pdf:
        pages = [_lines(page) for page in pdf.pages]
    text = "\n".join(line for page in pages for _, line in page)
    assert "[^" not in text
    page = next(lines for lines in pages if any("208.006 jiwa" in line for _, line in lines))
    call = next(top for top, line in page if "208.006 jiwa" in line)
    notes = [(top, line) for top, line in page if "Badan Pusat Statistik" in line or "Dihimpun oleh" in line]
    assert [line for _, line in notes] == ["1. Badan Pusat Statistik, Kota Contoh Dalam Angka 2021, hlm. 12.",
                                           "2. Dihimpun oleh Diskominfo."], page
    body = [top for top, line in page if "Penetapan" in line or "Finalisasi" in line]
    assert all(top > max(body, default=call) for top, _ in notes), page  # below the text, at the page's foot
    assert text.count("Badan Pusat Statistik") == 1  # the note once, not again as a list after the chapter
    closing = next(lines for lines in pages if any("ditinjau setiap tahun" in line for _, line in lines))
    assert "1. Sesuai peraturan wali kota tentang evaluasi." in [line for _, line in closing]  # counted anew


def test_a_note_in_a_heading_or_a_caption_stays_out_of_titles_and_a_note_holding_a_list_stays_whole(
        built: Path) -> None:
    """Review: "2.1 Kondisi DemografiSensus Penduduk 2020." in the contents and "Kondisi Demografi1" as a bookmark; a
    caption with a note left unnumbered; a note holding a list cut at its first item, the rest spilt into the text."""
    with plumbed(built / "masterplan.pdf") as pdf:
        pages = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    text = " ".join(pages)
    assert "Kondisi Demografi ." in text or "Kondisi Demografi...." in text.replace(" .", ".")  # the contents' entry
    assert "Kondisi DemografiSensus" not in text and "Kondisi Demografi Sensus" not in text
    assert "Tabel 3.1 Penduduk per kecamatan" in text and "Tabel: Penduduk" not in text
    assert "Data naik pesat." in text and "satu naik" not in text
    assert "Catatan: • satu • dua Penutup." in text, text
    def titles(items: list) -> list[str]:  # type: ignore[type-arg]
        return [title for item in items for title in (titles(item) if isinstance(item, list) else [item.title])]
    assert "3.1 Kondisi Demografi" in titles(reader(built / "masterplan.pdf").outline)


def test_a_note_called_in_a_links_words_is_printed_at_the_foot_its_call_after_the_link(built: Path) -> None:
    """``[lihat data BPS[^susenas]](https://bps.go.id)``: a link within a link, which the sanitizer's parser parted;
    the book lost the note (its call printed as a plain "1" after the address) and the site's call was no superscript.
    The call now follows the link, in both."""
    with plumbed(built / "masterplan.pdf") as pdf:
        page = next(page for page in pdf.pages if "lihat data BPS" in (page.extract_text() or ""))
        lines = _lines(page)
        chars = [(char["text"], char["size"]) for char in page.chars]
    said = "".join(text for text, _ in chars)
    assert "lihat data BPS (https://bps.go.id)2." in said or "lihat data BPS(https://bps.go.id)2." in said, said
    at = said.index("(https://bps.go.id)2.") + len("(https://bps.go.id)")
    assert chars[at][1] < chars[at - 1][1] - 1, chars[at - 1:at + 1]  # the call's number, smaller: a superscript
    text = [line for _, line in lines]
    assert "2. Survei Sosial Ekonomi Nasional 2023." in text, text
    link = next(top for top, line in lines if "lihat data BPS" in line)
    assert next(top for top, line in lines if line.startswith("2. Survei")) > link + 100  # at the page's foot
    site = (built / "site" / "chapter" / "penutup.html").read_text(encoding="utf-8")
    assert re.search(r'lihat data BPS</a><sup id="fnref:susenas"><a class="footnote-ref" href="#fn:susenas"[^>]*>2</a>'
                     r'</sup>', site), site
    assert '<li id="fn:susenas">' in site


def test_the_book_numbers_a_list_from_the_number_it_starts_at(built: Path) -> None:
    with plumbed(built / "masterplan.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "1. Inventarisasi" in text and "3. Finalisasi" in text and "4. Penetapan" in text, text


def test_the_book_prints_a_web_links_address_after_its_words(built: Path) -> None:
    """A reader of the printed book saw "situs BPS" and no way to find it; an address written as such is not repeated."""
    with plumbed(built / "masterplan.pdf") as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "situs BPS (https://contohkota.bps.go.id/) dan di https://data.contohkota.go.id." in text, text
    site = (built / "site" / "chapter" / "sumber.html").read_text(encoding="utf-8")
    assert "situs BPS</a> dan" in site  # the site's link is followed, not printed


def test_the_site_links_each_call_to_its_note_below_the_text(built: Path) -> None:
    page = (built / "site" / "chapter" / "sumber.html").read_text(encoding="utf-8")
    assert "[^" not in page
    assert '<sup id="fnref:bps"><a class="footnote-ref" href="#fn:bps"' in page
    assert '<li id="fn:bps">' in page and "Badan Pusat Statistik, <em>Kota Contoh Dalam Angka 2021</em>" in page
    assert page.index('id="fnref:kel"') < page.index('<div class="footnote">') < page.index('<li id="fn:kel">')


def test_only_a_footnotes_names_and_classes_are_kept_and_validate_tells_of_others(
        make_plan: Callable[..., Path]) -> None:
    """A chapter may not give its HTML the site's own ids and classes (a script or style would act on them)."""
    html = to_html('<div class="skip-link" id="main">a</div> <span class="footnote">b</span> '
                   '<li id="fn:x">c</li> <a class="footnote-ref" href="#fn:x">1</a>')
    assert '<div>a</div>' in html and "<span>b</span>" in html
    assert '<li id="fn:x">' in html and 'class="footnote-ref"' in html
    chapter = "---\ntitle: Penutup\npart: back\n---\nTeks <span class=\"merah\">penting</span>.\n"
    told = [d for d in load_and_check(make_plan({"content/chapters/90-penutup.md": chapter})).report.items
            if d.code == "W520"]
    assert len(told) == 1 and "class" in str(told[0].message), told


def test_a_notes_label_may_hold_spaces_and_only_footnotes_keep_their_classes() -> None:
    """Review: "[^Badan Pusat]" lost its name to the sanitizer, and the book printed a call to no note; "note", "foot"
    and "t" were kept as classes of a div, being parts of "footnote"."""
    from masterplan.render.print_markup import at_page_foot
    html = at_page_foot(to_html("Angka[^Badan Pusat] dan[^a].\n\n[^Badan Pusat]: BPS 2021.\n[^a]: Satu."))
    assert html.strip() == '<p>Angka<span class="footnote">BPS 2021.</span> dan<span class="footnote">Satu.</span>.</p>'
    assert to_html('<div class="note">a</div><div class="foot">b</div>') == "<div>a</div>\n<div>b</div>"


def test_the_book_and_the_site_give_a_note_one_number() -> None:
    """Retest: the site numbered notes in the order written at the chapter's end (3 1 2), the book in the order
    called (1 2 3); a note called twice was a new note in the book, shifting every number after it."""
    from masterplan.render.print_markup import at_page_foot
    html = to_html("Satu.[^zeta] Dua.[^alfa] Lagi.[^zeta] Tiga.[^beta]\n\n[^alfa]: A.\n[^beta]: B.\n[^zeta]: Z.")
    assert re.findall(r'class="footnote-ref"[^>]*>([0-9]+)<', html) == ["1", "2", "1", "3"]  # the site, as called
    assert at_page_foot(html).strip() == ('<p>Satu.<span class="footnote">Z.</span> Dua.<span class="footnote">A.</span>'
                                          ' Lagi.<sup class="note-again">1</sup> Tiga.<span class="footnote">B.</span></p>')


def test_an_e_mail_link_written_as_words_gives_its_address_in_the_book() -> None:
    from masterplan.render.print_markup import with_addresses
    assert with_addresses(to_html("[kirim surel](mailto:bappeda@kota.go.id)")).endswith(
        '<span class="link-address"> (bappeda@kota.go.id)</span></p>')
