"""Print typography: words with a piece of one or two letters are kept on one line, numbers with their units, prose only."""

from __future__ import annotations

from markupsafe import Markup

from masterplan.render import typography
from masterplan.render.typography import keep_whole


def test_short_pieces_are_kept_whole_and_compounds_may_break() -> None:
    html = "<p>Layanan e-Government, Wi-Fi, Diskop-UM, masing-masing, GOV-02 dan 2022–2023.</p>"
    assert keep_whole(html) == (
        '<p>Layanan <span class="nobreak">e-Government</span>, <span class="nobreak">Wi-Fi</span>, '
        '<span class="nobreak">Diskop-UM</span>, <span class="compound">masing-masing</span>, GOV-02 dan '
        '<span class="nobreak">2022–2023</span>.</p>')


def test_a_range_of_years_is_never_parted_after_its_dash() -> None:
    """A longer title set the cover's "Tahun 2022–" on one line and "2031: Menuju …" on the next."""
    html = '<h1 class="cover-title">Masterplan Tahun 2022–2031: Menuju</h1><p>hlm. 12–14, GOV-2022–2031</p>'
    assert keep_whole(html) == ('<h1 class="cover-title">Masterplan Tahun <span class="nobreak">2022–2031</span>: '
                                'Menuju</h1><p>hlm. <span class="nobreak">12–14</span>, GOV-2022–2031</p>')


def test_a_compound_is_kept_from_hyphenation_but_codes_are_left_alone() -> None:
    """"Inisia-/tif-inisiatif": WeasyPrint hyphenates each piece of a compound as a word of its own. A compound
    of letters is marked (book.css: no hyphenation, a break at its hyphen only); a code with digits is too short."""
    html = "<p>Inisiatif-inisiatif perundang-undangan Antar-OPD, GOV-02, ISO-27001 dan 2022-2023.</p>"
    assert keep_whole(html) == (
        '<p><span class="compound">Inisiatif-inisiatif</span> <span class="compound">perundang-undangan</span> '
        '<span class="compound">Antar-OPD</span>, GOV-02, ISO-27001 dan 2022-2023.</p>')


def test_tags_attributes_and_drawings_are_left_alone() -> None:
    html = ('<a href="#program-e-KTP" class="xref e-ref">e-KTP</a>'
            '<svg><text x="1">e-Office</text></svg><style>.a-b { margin-top: 0 }</style>')
    assert keep_whole(html) == (
        '<a href="#program-e-KTP" class="xref e-ref"><span class="nobreak">e-KTP</span></a>'
        '<svg><text x="1">e-Office</text></svg><style>.a-b { margin-top: 0 }</style>')



def test_a_greater_than_sign_in_an_attribute_value_does_not_end_the_tag() -> None:
    """A chapter's raw HTML may hold ``>`` in a quoted value (nh3 before 0.3 writes it so): the pass took the rest of
    the value for prose and wrote a span into it ('title="kartu > <span class="nobreak">e-KTP</span>…'), which broke
    the tag. Comments and a ``<title>`` are left alone too, as the italics pass leaves them (one reading of tags)."""
    html = ('<p><abbr title="kartu > e-KTP 2022–2031">KTP</abbr> dan <img alt=\'peta > Wi-Fi\' src="a.png"></p>'
            '<!-- catatan > e-KTP --><title>Wi-Fi 2022–2031</title>')
    assert keep_whole(html) == html
    assert typography.years_with_their_word(Markup(html)) == html


def test_a_range_of_years_typed_with_a_hyphen_keeps_its_word_as_one_with_an_en_dash_does() -> None:
    """The revision history's decree "… tentang RPJMD 2021-2026" (a hyphen, as a YAML field often has it) broke after
    "2021-" in its narrow column; so did a cover's annex heading "… KOTA CONTOH 2022-2026"."""
    assert typography.years_with_their_word("selaras RPJMD 2021-2026 dan Renstra 2021–2026; GOV-01, 2021-20260") == (
        'selaras <span class="nobreak">RPJMD 2021-2026</span> dan <span class="nobreak">Renstra 2021–2026</span>; '
        'GOV-01, 2021-20260')


def test_an_apostrophe_typed_in_a_field_prints_as_the_chapters_do() -> None:
    """"masjid jami'" from a program's summary beside "masjid jami’" in a chapter's text."""
    assert keep_whole("<td>sekitar masjid jami&#39; kerap kotor; Qur&#39;an</td>") == (
        "<td>sekitar masjid jami\u2019 kerap kotor; Qur\u2019an</td>")
    assert keep_whole("<td>disebut &#39;Pasar&#39; saja</td>") == "<td>disebut &#39;Pasar&#39; saja</td>"
    # a word whose piece before its hyphen is kept on its line: "Al-Qur" was wrapped first, its apostrophe then
    # followed a tag, not a letter, and the glossary printed "Al-Qur'an" straight
    assert keep_whole("<dd>Taman Pendidikan Al-Qur&#39;an</dd>") == (
        '<dd>Taman Pendidikan <span class="nobreak">Al-Qur</span>\u2019an</dd>')


def test_a_range_of_numbers_is_not_parted_after_its_dash() -> None:
    """A quick win's target column printed "poin (skala 0–" and "100)" on the next line, as it once did a range of
    years; a code or a hyphenated word with digits is no range."""
    assert keep_whole("<td>poin (skala 0–100): 2022–2031, 1.000–2.500 orang; GOV-01–GOV-03</td>") == (
        '<td>poin (skala\u00a0<span class="nobreak">0–100</span>): <span class="nobreak">2022–2031</span>, '
        '<span class="nobreak">1.000–2.500</span> orang; GOV-01–GOV-03</td>')


def test_a_scale_keeps_its_number() -> None:
    """Tabel 6.1's narrow unit column set "indeks skala" on one line and "5" alone on the next."""
    assert keep_whole("<td>indeks skala 5</td><p>Tahap 2 dan skala 1.000 orang</p>") == (
        "<td>indeks skala\u00a05</td><p>Tahap\u00a02 dan skala 1.000 orang</p>")


def test_numbers_keep_their_unit_and_amounts_their_currency() -> None:
    html = ("<p>Luas 35 km², sekitar 208 ribu jiwa; anggaran Rp 276.660.000.000 selama 10 tahun, "
            "Rp 1,25 miliar.</p><td>12 m</td><p>Pelaksanaan dibagi dalam 3 tahap.</p>")
    assert keep_whole(html) == (
        "<p>Luas 35\u00a0km², sekitar 208\u00a0ribu jiwa; anggaran Rp\u00a0276.660.000.000 selama 10\u00a0tahun, "
        "Rp\u00a01,25\u00a0miliar.</p><td>12\u00a0m</td><p>Pelaksanaan dibagi dalam 3\u00a0tahap.</p>")


def test_numbers_before_other_words_and_units_in_attributes_are_left_alone() -> None:
    html = '<p title="35 km">GOV-01 punya 3 mitra, 3 kmx, ABRp 5, tahun 2022 dan 2023</p>'
    assert keep_whole(html) == html


def test_the_last_word_of_a_paragraph_is_kept_from_hyphenation() -> None:
    whole = typography.whole_last_words
    assert whole("<p>Dipantau bersama.</p>") == '<p>Dipantau <span class="last-word">bersama.</span></p>'
    assert whole("<li>beserta perubahannya\n</li>") == '<li>beserta <span class="last-word">perubahannya</span>\n</li>'
    assert whole('<p>Lihat <a href="#x">situs kota</a></p>') == \
        '<p>Lihat <a href="#x">situs <span class="last-word">kota</span></a></p>'
    assert whole('<span class="summary">Data dalam perencanaan.</span>') == \
        '<span class="summary">Data dalam <span class="last-word">perencanaan.</span></span>'
    assert whole('<span class="summary">Data <span class="compound">antar-OPD</span> dalam perencanaan.</span>') == \
        '<span class="summary">Data <span class="compound">antar-OPD</span> dalam <span class="last-word">perencanaan.</span></span>'
    assert whole("<td>Teks Bappelitbangda</td><p>Menuju e-</p>") == "<td>Teks Bappelitbangda</td><p>Menuju e-</p>"
    assert whole("<p>Lihat <strong>situs perencanaan</strong>.</p>") == \
        '<p>Lihat <strong>situs <span class="last-word">perencanaan</span></strong>.</p>'
    assert whole('<h2><span class="secnum">12.2</span> Quick Wins yang Ramah</h2>') == \
        '<h2><span class="secnum">12.2</span> Quick Wins <span class="nobreak">yang Ramah</span></h2>'
    assert whole("<h3>Satu</h3>") == "<h3>Satu</h3>"
    assert whole("<h1>Daftar Isi</h1>") == '<h1><span class="nobreak">Daftar Isi</span></h1>'


def test_a_run_too_long_for_a_word_gets_places_to_break_and_no_hyphenation() -> None:
    """A pasted hash or address of more than 40 characters: a zero-width space every ten characters, never inside
    an entity ("&amp;"), and a span book.css keeps from hyphenation; words of 40 characters are left alone."""
    word = "ketidakbertanggungjawabannya" + "x" * 12
    html = f"<p>{word} a{'b' * 13}&amp;{'c' * 30}</p>"
    assert keep_whole(html) == (f'<p>{word} <span class="unspaced">abbbbbbbbb\u200bbbbb&amp;ccccc\u200b'
                                'cccccccccc\u200bcccccccccc\u200bccccc</span></p>')


def test_a_plan_s_names_are_kept_from_hyphenation_as_written_and_whole() -> None:
    """"Kota Pasu-/ruan", "Bap-/pelitbangda": a name the plan declares is wrapped, not an address's "pasuruan", a longer
    word holding it, nor a piece of a hyphenated one; nor a tag's attribute."""
    from masterplan.render.proper_names import names_pattern

    names = names_pattern(("Bappelitbangda", "Pasuruan"))
    html = ('<p title="Pasuruan">Kota Pasuruan dan Bappelitbangda; pasuruan.go.id, Pasuruanku, '
            'Pasuruan-Probolinggo.</p>')
    assert keep_whole(html, names) == (
        '<p title="Pasuruan">Kota <span class="name">Pasuruan</span> dan <span class="name">Bappelitbangda</span>; '
        'pasuruan.go.id, Pasuruanku, <span class="compound">Pasuruan-Probolinggo</span>.</p>')
    assert names_pattern(()) is None
