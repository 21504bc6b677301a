"""A list written right below a line of text, with no empty line between ("Kegiatan utama:" then "- penyapuan"), as
agency staff write one in a description: printed as a list, as CommonMark, GitHub and chat apps show it; Python-Markdown
alone made the items words of the paragraph. The program page shows it so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES

from masterplan.build import BuildOptions, run
from masterplan.render.markdown import to_html


@pytest.mark.parametrize(("text", "html"), [
    ("Kegiatan utama:\n- penyapuan\n- pengangkutan",
     "<p>Kegiatan utama:</p>\n<ul>\n<li>penyapuan</li>\n<li>pengangkutan</li>\n</ul>"),
    ("Tahapan:\n1. survei\n2. pembangunan", "<p>Tahapan:</p>\n<ol>\n<li>survei</li>\n<li>pembangunan</li>\n</ol>"),
    ("Tahapan:\n* survei", "<p>Tahapan:</p>\n<ul>\n<li>survei</li>\n</ul>"),
])
def test_a_list_right_below_a_line_of_text_is_a_list(text: str, html: str) -> None:
    assert to_html(text) == html


@pytest.mark.parametrize(("text", "html"), [
    # a line that starts with a year and a point, where the writer pressed Enter: words of the paragraph
    ("Program dimulai pada tahun\n2024. Sesudah itu diperluas.", "<p>Program dimulai pada tahun\n2024. Sesudah itu diperluas.</p>"),
    ("Teks\n* * *\nlagi", "<p>Teks</p>\n<hr>\n<p>lagi</p>"),  # a thematic break
    ("- satu\n- dua\nlanjutan\n- tiga", "<ul>\n<li>satu</li>\n<li>dua\nlanjutan</li>\n<li>tiga</li>\n</ul>"),  # one list
    # code between backtick fences, which Markdown here reads as inline code: its lines as written
    ("Contoh:\n```yaml\npartners:\n- dinkes\n```", "<p>Contoh:\n<code>yaml\npartners:\n- dinkes</code></p>"),
])
def test_what_is_not_a_list_starting_below_a_paragraph_stays_as_it_was(text: str, html: str) -> None:
    assert to_html(text) == html


def test_the_program_page_shows_the_list_of_a_description(make_plan: Callable[..., Path]) -> None:
    agency = "content/agencies/diskominfo.yml"
    listed = "description: |\n              Kegiatan utama:\n              - verifikasi aduan\n              - tindak lanjut"
    root = make_plan({agency: MINI_FILES[agency].replace("description: Warga **mengadu** lewat aplikasi.", listed)})
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    page = (root / "build" / "site" / "program" / "GOV-01.html").read_text(encoding="utf-8")
    assert "<p>Kegiatan utama:</p>\n<ul>\n<li>verifikasi aduan</li>\n<li>tindak lanjut</li>\n</ul>" in page


@pytest.mark.parametrize(("text", "html"), [
    # Word numbers a list "1)": printed as one paragraph, "1) Penyusunan rencana aksi; 2) Pelaksanaan; 3) Evaluasi."
    ("Tahapan:\n\n1) Penyusunan;\n2) Pelaksanaan;\n3) Evaluasi.",
     "<p>Tahapan:</p>\n<ol>\n<li>Penyusunan;</li>\n<li>Pelaksanaan;</li>\n<li>Evaluasi.</li>\n</ol>"),
    ("Tahapan:\n1) survei\n2) pembangunan", "<p>Tahapan:</p>\n<ol>\n<li>survei</li>\n<li>pembangunan</li>\n</ol>"),
    # a bracket inside a sentence, or after a word, is no list
    ("Lihat butir 2) di atas.", "<p>Lihat butir 2) di atas.</p>"),
    # a paragraph's line wrapped before "2023)": words, kept as written (review: it was printed "(BPS, 2023. setelah")
    ("Tumbuh 7,2 persen (BPS,\n2023) setelah pandemi.", "<p>Tumbuh 7,2 persen (BPS,\n2023) setelah pandemi.</p>"),
    ("Teks\n(2) tetap", "<p>Teks\n(2) tetap</p>"),
])
def test_a_list_numbered_with_brackets_is_a_numbered_list(text: str, html: str) -> None:
    assert to_html(text) == html


def test_a_list_lettered_a_b_is_told_it_prints_as_one_paragraph(make_plan: Callable[..., Path]) -> None:
    """"a. Butir huruf a;" and "b. …" on lines one after another are one paragraph to Markdown, which has no lettered
    list: W523, as for pasted bullets, at the first item. A street (A. Yani) alone at a line's start is no list."""
    from masterplan.project import load_and_check
    chapter = ("---\ntitle: Penutup\npart: back\n---\nLangkah:\n\na. Penyusunan rencana;\nb) Pelaksanaan;\n"
               "c. Evaluasi.\n\nKantor di\nA. Yani nomor 5.\n\nx. satu\ny. dua\n")
    told = [d for d in load_and_check(make_plan({"content/chapters/90-penutup.md": chapter})).report.items
            if d.code == "W523"]
    assert [(d.position.line, str(d.hint)) for d in told] == [
        (7, "number the items 1., 2., … or start each with '- ', after an empty line: 1. Penyusunan rencana;")], told


@pytest.mark.parametrize(("text", "html"), [
    # nested by two spaces under "- ", as GitHub and most editors write it: printed flat before
    ("- Gadingrejo\n  - Karangketug\n  - Krapyakrejo\n- Purworejo",
     "<ul>\n<li>Gadingrejo<ul>\n<li>Karangketug</li>\n<li>Krapyakrejo</li>\n</ul>\n</li>\n<li>Purworejo</li>\n</ul>"),
    # by three under "1. ", and an item's second paragraph there: it ended the list, whose numbers started again at 1
    ("1. Persiapan\n\n   Paragraf kedua.\n\n2. Pelaksanaan\n   - sub",
     ("<ol>\n<li>\n<p>Persiapan</p>\n<p>Paragraf kedua.</p>\n</li>\n<li>\n<p>Pelaksanaan</p>\n<ul>\n<li>sub</li>\n"
      "</ul>\n</li>\n</ol>")),
    # four spaces a level, as Python-Markdown wants: as before
    ("- a\n    - b\n        - c\n- d",
     "<ul>\n<li>a<ul>\n<li>b<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"),
    # a paragraph after the list, and code outside any list, are no part of it
    ("- x\n\nParagraf.\n\n    kode", "<ul>\n<li>x</li>\n</ul>\n<p>Paragraf.</p>\n<pre><code>kode\n</code></pre>"),
    # a whole list indented by two spaces is a list, not nested in anything
    ("  - satu\n  - dua", "<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>"),
    # review: a heading right below a list ends it; a thematic break is no item; code written four spaces a level
    ("- a\n- b\n## Judul\n\n  Paragraf biasa.",
     "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<h2>Judul</h2>\n<p>Paragraf biasa.</p>"),
    ("* * *\n\n  teks", "<hr>\n<p>teks</p>"),
    # the next item right below an item's second paragraph, with no empty line: printed as that paragraph's words,
    # "Pembentukan tim. 2. Tahap Pelaksanaan", the list one item short (the second review of session 68)
    ("1. **Persiapan**\n\n   Pembentukan tim\n   dan jadwal.\n2. **Pelaksanaan**",
     ("<ol>\n<li>\n<p><strong>Persiapan</strong></p>\n<p>Pembentukan tim\n   dan jadwal.</p>\n</li>\n<li>\n"
      "<p><strong>Pelaksanaan</strong></p>\n</li>\n</ol>")),
    ("- a\n\n  b\n- c", "<ul>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>"),
    ("- Satu\n\n        kode()", "<ul>\n<li>Satu<pre><code>kode()\n</code></pre>\n</li>\n</ul>"),
])
def test_a_list_is_nested_as_commonmark_reads_its_indents(text: str, html: str) -> None:
    assert to_html(text) == html
