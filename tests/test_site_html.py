"""Ranges of years kept on one line on the site (site_html.years_kept), in prose only."""

from __future__ import annotations

import pytest

from masterplan.render.site_html import years_in_text, years_kept


@pytest.mark.parametrize(("html", "kept"), [
    ('<h1 id="t">Kota Pasuruan 2022–2031</h1>', '<h1 id="t">Kota Pasuruan <span class="years">2022–2031</span></h1>'),
    ('<p title="x > 2022–2031">Tahap 2024–2026</p>', '<p title="x > 2022–2031">Tahap <span class="years">2024–2026</span></p>'),
    ("<svg><text>2022–2023</text></svg><p>2027–2031</p>", '<svg><text>2022–2023</text></svg><p><span class="years">2027–2031</span></p>'),
    ("<!-- 2022–2031 --><script>let a = '2022–2031';</script>", "<!-- 2022–2031 --><script>let a = '2022–2031';</script>"),
    ("<p>12022–20311, 2022-2031, GOV-2022–2023x</p>", "<p>12022–20311, 2022-2031, GOV-2022–2023x</p>"),
])
def test_a_range_of_years_in_prose_is_kept_whole_and_nothing_else_changes(html: str, kept: str) -> None:
    """In text between tags only: an attribute holding '>', an SVG's text, a comment and a script are left as
    they are (a span in them broke the tag, or drew nothing); what is no range of four-digit years is too."""
    assert years_kept(f"<title>Masterplan 2022–2031</title>{html}") == f"<title>Masterplan 2022–2031</title>{kept}"


def test_a_plain_title_is_escaped_and_its_years_kept() -> None:
    assert years_in_text("Kota A & B 2022–2031") == 'Kota A &amp; B <span class="years">2022–2031</span>'
