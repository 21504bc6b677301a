"""Print typography: words with a piece of one or two letters are kept on one line, prose only."""

from __future__ import annotations

from masterplan.render.typography import keep_whole


def test_short_pieces_are_kept_whole_and_compounds_may_break() -> None:
    html = "<p>Layanan e-Government, Wi-Fi, Diskop-UM, masing-masing, GOV-02 dan 2022–2023.</p>"
    assert keep_whole(html) == (
        '<p>Layanan <span class="nobreak">e-Government</span>, <span class="nobreak">Wi-Fi</span>, '
        '<span class="nobreak">Diskop-UM</span>, masing-masing, GOV-02 dan 2022–2023.</p>')


def test_tags_attributes_and_drawings_are_left_alone() -> None:
    html = ('<a href="#program-e-KTP" class="xref e-ref">e-KTP</a>'
            '<svg><text x="1">e-Office</text></svg><style>.a-b { margin-top: 0 }</style>')
    assert keep_whole(html) == (
        '<a href="#program-e-KTP" class="xref e-ref"><span class="nobreak">e-KTP</span></a>'
        '<svg><text x="1">e-Office</text></svg><style>.a-b { margin-top: 0 }</style>')

