"""The space before an inline element moved where WeasyPrint 70 breaks the line right (the PDF's lines:
test_pdf_legible.test_no_line_breaks_before_the_next_word_would_fit)."""

from __future__ import annotations

from masterplan.render.inline_spaces import spaces_into_elements


def test_a_space_opens_a_plain_element_after_a_word() -> None:
    assert spaces_into_elements('temuan secara <span class="last-word">daring.</span></p>') == (
        'temuan secara<span class="last-word"> daring.</span></p>')
    assert spaces_into_elements('surat daring <span class="unit">(kelurahan)</span>') == (
        'surat daring<span class="unit"> (kelurahan)</span>')
    assert spaces_into_elements("dalam dasbor <em class=\"foreign\">command center</em> dan <strong>Satu</strong>") == (
        'dalam dasbor<em class="foreign"> command center</em> dan<strong> Satu</strong>')


def test_an_element_kept_on_one_line_is_wrapped_with_its_space() -> None:
    assert spaces_into_elements('Kota Nyaman <span class="nobreak">bagi Pengunjung</span></h3>') == (
        'Kota Nyaman<span class="gap"> <span class="nobreak">bagi Pengunjung</span></span></h3>')
    assert spaces_into_elements("Kota\u00a0<span class=\"nobreak\">Pasuruan 2022–2031</span>") == (
        'Kota<span class="gap">\u00a0<span class="nobreak">Pasuruan 2022–2031</span></span>')


def test_badges_links_spaces_between_elements_and_attributes_are_left_alone() -> None:
    html = ('Religi <span class="badge">Quick win</span> lihat <a href="#x">Bab 5</a> '
            '<span class="unit">(persen)</span><span class="target">2024:</span> <span class="nobreak">e-KTP</span>'
            ' <span class="pid" data-bookmark="GOV-10 x">GOV-10</span>')
    assert spaces_into_elements(html) == html


def test_a_page_reference_and_a_cross_reference_are_wrapped_with_their_space() -> None:
    assert spaces_into_elements('Berbasis Peta <span class="page-of">(<a href="#program-GOV-09" data-page="hlm."></a>)'
                                '</span></span>') == ('Berbasis Peta<span class="gap"> <span class="page-of">(<a href='
                                                      '"#program-GOV-09" data-page="hlm."></a>)</span></span></span>')
    assert spaces_into_elements('dalam <a class="xref xref-table" href="#tab-swot" data-page="hlm.">Tabel<span class='
                                '"last-word"> 2.1</span></a>.') == (
        'dalam<span class="gap"> <a class="xref xref-table" href="#tab-swot" data-page="hlm.">Tabel<span class='
        '"last-word"> 2.1</span></a></span>.')
