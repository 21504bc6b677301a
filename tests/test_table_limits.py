"""How large a table the book lays out: colspan and rowspan counted as the renderer places cells.

The corpus (tests/bad_inputs/markdown-table-spans-too-large.yml) checks E528's place in validate and build;
these check the shapes that count otherwise than a row's spans added up, and that real tables pass.
"""

from __future__ import annotations

import pytest

from masterplan.render.markdown import oversized_table, to_html


def test_a_row_too_wide_is_not_laid_out() -> None:
    """The renderer refuses it too (the build stops at validate's E528 first): its text is printed as written."""
    html = to_html("Rekap.\n\n<table><tr>" + '<td colspan="1000">x</td>' * 300 + "</tr></table>")
    assert "<table" not in html and "&lt;table&gt;" in html


def test_cells_that_rowspans_above_push_right_widen_the_row() -> None:
    """Each row's spans add up to 600, but the second row starts where the first row's rowspans end."""
    text = "<table><tr>" + '<td rowspan="2">a</td>' * 600 + "</tr><tr>" + "<td>b</td>" * 600 + "</tr></table>"
    found = oversized_table(text)
    assert found is not None and "a table row 1,200 columns wide" in found.message


def test_a_table_inside_a_cell_does_not_end_the_row_it_is_in() -> None:
    cell = '<td colspan="1000"><table><tr><td>dalam</td></tr></table></td>'
    found = oversized_table("<table><tr>" + cell * 2 + "</tr></table>")
    assert found is not None and "2,000 columns wide" in found.message


@pytest.mark.parametrize("cell", [
    "<td/colspan=1000>x", "<td colspan = '1000'>x", "<TD COLSPAN=&#x31;000>x", '<td colspan=" 1000 ">x',
    "<td colspan=000001000>x",
])
def test_a_span_counts_however_html_lets_it_be_written(cell: str) -> None:
    found = oversized_table("Teks.\n\n<table><tr>" + cell * 2 + "</tr></table>")
    assert found is not None and "2,000 columns wide" in found.message and found.line == 3


def test_a_span_of_thousands_of_digits_is_the_largest_span(capfd: pytest.CaptureFixture[str]) -> None:
    """Python reads no number of more than 4,300 digits: the sanitizer's check of it printed a traceback."""
    html = to_html('<table><tr><td colspan="' + "9" * 5000 + '">x</td></tr></table>')
    assert 'colspan="1000"' in html
    assert "Traceback" not in capfd.readouterr().err


def test_the_line_is_the_raw_tables_even_after_a_markdown_table() -> None:
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\nTeks.\n\n<table>\n" + '<tr><td colspan="1000">x</td></tr>\n' * 11 + "</table>"
    found = oversized_table(text)
    assert found is not None and found.line == 7


def test_rowspan_ends_with_its_row_group() -> None:
    """rowspan="65534" in a table of 3 rows covers 3: the header's spans do not reach the body."""
    header = "<thead><tr>" + '<th rowspan="65534" colspan="100">a</th>' * 10 + "</tr></thead>"
    assert oversized_table("<table>" + header + "<tbody>" + "<tr><td>b</td></tr>" * 9 + "</tbody></table>") is None


def test_real_tables_pass() -> None:
    """A budget table with a grouped header, a roadmap of 300 programs by 12 months, a long Markdown table."""
    budget = ('<table><thead><tr><th rowspan="2">Program</th><th colspan="5">Anggaran</th></tr><tr>'
              + "<th>2022</th>" * 5 + "</tr></thead><tbody>"
              + "<tr><td>Program</td>" + "<td>1.000</td>" * 5 + "</tr>" * 200 + "</tbody></table>")
    roadmap = ("<table>" + "".join(f'<tr><td>P{n}</td><td colspan="{n % 6 + 1}"></td><td colspan="{11 - n % 6}">'
                                   "</td></tr>" for n in range(300)) + "</table>")
    markdown = "| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * 3000 + "\n<table><tr><td>x</td></tr></table>"
    for text in (budget, roadmap, markdown):
        assert oversized_table(text) is None


def test_tables_with_a_grouped_header_count_only_the_cells_their_spans_add() -> None:
    """Nine tables of 100 programs by 10 years, each under a grouped header (a rowspan and a colspan), were E528
    ("cover 10,098 cells"): the cells written counted against the spans' limit once a table had one span."""
    head = '<thead><tr><th rowspan="2">Program</th><th colspan="10">Anggaran</th></tr><tr>' + "<th>Tahun</th>" * 10
    body = "<tbody>" + ("<tr><td>Program</td>" + "<td>1</td>" * 10 + "</tr>") * 100 + "</tbody>"
    text = "\n\n".join(f"<table>{head}</tr></thead>{body}</table>" for _ in range(9))
    assert oversized_table(text) is None
