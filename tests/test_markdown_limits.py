"""How much work one Markdown text may ask: long real chapters pass, the shapes that stall Python-Markdown don't.

The corpus (tests/bad_inputs/markdown-*.yml) checks E528's place in validate and build; these check the
limits' edges and that what a real plan writes stays well inside them.
"""

from __future__ import annotations

from masterplan.markdown_limits import MAX_LINES, MAX_NESTING, excess
from masterplan.render.markdown import to_html


def _long_real_chapter() -> str:
    """A long chapter as a city writes one: sections of prose with links and cross-references, a
    38-row table per section, lists four deep, abbreviations."""
    section = "\n".join([
        "## Kondisi Kelurahan",
        "",
        "Kota ini memiliki 34 kelurahan ([data BPS](https://bps.go.id/x)); lihat [[GOV-01]] dan [[tab:swot]].",
        "Rujukan [RPJMD [2021–2026]](assets/rpjmd.pdf) memuat [angka] yang sama.",
        "",
        "| Kelurahan | Penduduk | Luas |",
        "|---|---:|---:|",
        *(f"| Kelurahan {n} | {n * 1000} | {n},5 |" for n in range(38)),
        "",
        "- Layanan", "    - Pengaduan", "        - e-Sambat", "            - [tautan](https://x.go.id)",
        "",
        "> Kutipan wali kota.",
        "",
    ])
    abbreviations = "\n".join(f"*[SPBE{n}]: Sistem Pemerintahan Berbasis Elektronik {n}" for n in range(30))
    return "\n".join([section] * 30) + "\n" + abbreviations + "\n"


def test_a_long_real_chapter_is_within_every_limit() -> None:
    text = _long_real_chapter()
    assert 1_500 < text.count("\n") < MAX_LINES
    assert excess(text) is None


def test_lines_past_the_limit_are_found_at_the_first_line_too_many() -> None:
    assert excess("\n".join(["Baris."] * MAX_LINES)) is None
    found = excess("\n".join(["Baris."] * (MAX_LINES + 1)))
    assert found is not None and found.line == MAX_LINES + 1


def test_nesting_past_the_limit_is_found_at_its_line() -> None:
    within = "\n".join("    " * n + "- butir" for n in range(MAX_NESTING))
    assert excess(within) is None
    found = excess(within + "\n" + "    " * MAX_NESTING + "- butir")
    assert found is not None and found.line == MAX_NESTING + 1
    quoted = excess("Pembuka.\n\n" + "> " * (MAX_NESTING + 1) + "kutipan")
    assert quoted is not None and quoted.line == 3
    assert excess(" " * 100_000) is None  # a long blank line nests nothing
    assert excess("Teks.\n\n" + "- " * 60 + "-") is None  # a rule, not 60 lists
    assert excess("Teks.\n\n" + " " * 200 + "kode") is None  # an indented line with no list: code


def test_abbreviations_count_with_the_words_they_are_looked_for_among() -> None:
    words = " ".join(f"A{n % 50}" for n in range(9_000))  # 9,000 words, each one of the abbreviations
    definitions = [f"*[A{n}]: singkatan {n}" for n in range(60)]
    assert excess("\n".join(definitions[:50]) + "\n\n" + words) is None  # 50 × 9,150 words: within
    found = excess("Teks.\n\n" + "\n".join(definitions) + "\n\n" + words)
    assert found is not None and found.line == 2 + 55  # the 55th passes 500,000 (55 × 9,181 words)
    assert "60 abbreviations" in str(found.message)


def test_brackets_count_only_when_their_pairs_are_missing_or_far() -> None:
    assert excess("[tautan](https://x.go.id) " * 1_000) is None  # each ']' right after its '['
    assert excess("\\[" * 1_000) is None  # written as text: unescaped, 1,000 '[' would be searched 500,500 characters
    found = excess("Pembuka.\n\nParagraf dua.\n\nTeks " + "[" * 4_000 + "\n\nPenutup.")
    assert found is not None and found.line == 5 and "4,000" in str(found.message)
    nested = excess("[" * 2_000 + "a" + "]" * 2_000)
    assert nested is not None and "nested 2,000 deep" in str(found and nested.message)
    apart = "\n\n".join("Teks [" + "a" * 600 for _ in range(200))  # one '[' a paragraph: each searches its own
    assert excess(apart) is None


def test_the_converter_never_works_on_a_text_past_a_limit() -> None:
    """Python-Markdown stopped with a RecursionError on a list nested 1,000 deep; the text is shown as
    written instead (validate has refused it already: E528)."""
    html = to_html("- " * 1_000 + "<b>a</b>")
    assert html.startswith("<p>- - -") and "&lt;b&gt;a&lt;/b&gt;" in html


def test_marks_count_in_one_paragraph_not_across_a_table_or_a_list() -> None:
    """Each inline pattern found is spliced into its paragraph anew: 20,000 '*a*' in one took 16.5 s."""
    assert excess("*a* " * 2_500) is None  # 5,000 marks
    found = excess("Pembuka.\n\n" + "*a* " * 2_501)
    assert found is not None and found.line == 3 and "5,002 marks" in str(found.message)
    listed = "\n".join("- **Program** dan *catatan* ([[GOV-01]])" for _ in range(1_500))  # 9,000 marks in all
    assert excess("## Daftar program\n" + listed) is None  # a list under a heading is no part of a paragraph
    assert excess("Program prioritas:\n" + listed) is not None  # under a line of text, Markdown makes it one
    rows = "\n".join("| **Kelurahan** | `kode` | [peta](https://x.go.id) |" for _ in range(1_500))
    assert excess("| Nama | Kode | Peta |\n|---|:-:|---|\n" + rows) is None  # a row's cells are texts of their own
    assert excess("\n".join("- **butir** dan *catatan*" for _ in range(1_500))) is None


def test_a_line_almost_a_tables_rule_is_read_at_once() -> None:
    """The pattern for a table's rule backtracked on '-|  |  |…x': 14 bars took 2.9 s, each more tripled it."""
    text = "Teks *a* " * 2_600 + "\n" + "-" + "|  " * 40 + "x"
    found = excess(text)
    assert found is not None and "marks" in str(found.message)


def test_link_addresses_left_open_and_tables_thousands_of_columns_wide_are_past_the_limits() -> None:
    """('[a](' + 'x ' * 100) * 400 took Python-Markdown 16 s, each '](' read on to the paragraph's end; a table
    of 10,000 columns 8.4 s. A paragraph of links, and a table of 1,000 columns, are within."""
    found = excess("Pembuka.\n\n" + ("[a](" + "xxxxxxxxx " * 100) * 200)
    assert found is not None and found.line == 3 and "not closed with ')'" in str(found.message)
    assert excess("[tautan](https://x.go.id) teks " * 2_000) is None
    wide = excess("Tabel.\n\n" + "|".join(["a"] * 5_000) + "\n" + "|".join(["-"] * 5_000))
    assert wide is not None and wide.line == 3 and "more than 1,000 columns" in str(wide.message)
    assert excess("|" + "a|" * 1_000 + "\n|" + "-|" * 1_000) is None


def test_tags_never_closed_are_past_the_limit_across_paragraphs_at_the_first() -> None:
    """The HTML parser Python-Markdown hands the whole text reads from each '<a' never closed to the text's end:
    20 paragraphs of 4,000 'x<a ' (fewer marks each than a paragraph may have) kept a build busy for minutes,
    and validate let them pass. A '>' after them, or a few in a 50 KB chapter, cost nothing."""
    runs = "\n\n".join(["x<a " * 4_000] * 20)
    found = excess("Pembuka.\n\nDua.\n\n" + runs)
    assert found is not None and found.line == 5 and "80,000 tags opened with '<'" in str(found.message)
    assert "\\<" in str(found.hint)
    assert excess("Pembuka.\n\n" + "x<a " * 1_500 + "\n\nPenutup.") is not None  # 4.5 million reads: 0.25 s
    assert excess("x<a " * 1_500 + ">") is None  # closed at last: the first '<a' is read as one tag to it
    chapter = _long_real_chapter()
    assert excess("<span " + chapter.replace(">", "") + " nilai x<y, a<b dan <i") is None  # 4 in 50 KB: within
    html = to_html("Teks.\n\n" + runs)
    assert html.startswith("<p>Teks.") and "x&lt;a x&lt;a" in html


def test_tags_the_html_parser_reads_at_once_are_within_the_limit() -> None:
    """E528 refused texts Python-Markdown's HTML parser reads at once, for it read their tags otherwise: a tag closed
    with '/>' (<img alt="…"/>) was taken for one the parser gives up, and each '<a' in its value read on to the tag's
    end (24 such paragraphs convert in 0.15 s); a backtick, which ends a name in Python-Markdown's parser, was read
    as part of one (2,000 'teks <a title="x" `kode` ' before a '<a title="y >' convert in 0.17 s, 8,000 in 1.1 s).
    Without the backticks the tags are still past the limit (2.5 s)."""
    closed = "\n\n".join(['<img alt="' + "<a " * 4_990 + '"/>'] * 24)
    assert excess(closed) is None
    assert to_html(closed).count('<img alt="&lt;a &lt;a') == 24
    coded = "Satu.\n\n" + ('teks <a title="x" `kode` ' * 5 + "\n\n") * 400 + '<a title="y >\n'
    assert excess(coded) is None
    assert to_html(coded).count("<code>kode</code>") == 2_000
    assert excess(coded.replace("`kode` ", "")) is not None


def test_a_run_of_unclosed_tags_is_read_as_no_tag_at_once() -> None:
    """'<span <span …' was read from each '<' to the end by the raw-HTML check (4 runs of 1,500: 56 s)."""
    from masterplan.checks.html import tags
    assert [tag.name for tag in tags(("<span " * 1_500 + "\n\n") * 4 + "<b>tebal</b>")] == ["b"]


def test_jinja_tags_never_closed_are_read_at_once() -> None:
    """Each '{{' never closed was read to the end of the text, by the cross-reference check and the check of
    Jinja in descriptions: 80 KB of them took validate 39 s in a chapter, 178 s in a description. Both, and the table
    rows' reader, find tags by one pattern."""
    from masterplan.jinja_tags import TAG
    from masterplan.table_rows import cell_count
    text = "{{" * 40_000 + " {{ plan.city }} {% if x %}"
    assert TAG.findall(text) == ["{{ plan.city }}", "{% if x %}"]
    assert cell_count("| " + "{{" * 40_000 + " | {{ a | join(' | ') }} |") == 2


def test_a_word_no_line_can_hold_is_past_the_limit_at_its_line(make_plan) -> None:
    """A location of 1.5 MB without a space passed validate and the PDF build was killed after 300 s (100 KB of one
    word took WeasyPrint 22 s): E528 at its field; a web address of a few hundred characters is well within."""
    from masterplan.markdown_limits import MAX_WORD
    from masterplan.project import load_and_check

    address = "Lihat https://data.kota.go.id/" + "a" * 300 + " untuk rinciannya."
    assert excess(address * 5) is None
    linked = "Unduh [laporan](https://data.kota.go.id/?q=" + "a" * (MAX_WORD + 1) + ") atau <a href=\"https://x/" \
        + "b" * (MAX_WORD + 1) + "\">ini</a>."
    assert excess(linked) is None  # a link's address is never printed: no word of the text
    found = excess("Paragraf pertama.\n\nKedua: " + "x" * (MAX_WORD + 1) + " akhir.")
    assert found is not None and found.line == 3 and "2,001 characters without a space" in str(found.message)
    root = make_plan()
    agency = root / "content/agencies/diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "    summary: Aduan warga ditanggapi dalam 10 menit.\n",
        "    summary: Aduan warga ditanggapi dalam 10 menit.\n    location: " + "Kelurahan" * 400 + "\n"), encoding="utf-8")
    told = [(d.code, d.position.file, d.position.line) for d in load_and_check(root).report.errors]
    assert told == [("E528", "content/agencies/diskominfo.yml", 11)], told  # at its location


def test_a_word_no_line_can_hold_in_any_name_the_book_prints_is_told_at_its_field(make_plan) -> None:
    """200 KB of one word in an agency's name passed validate and kept the PDF build busy for more than 6 minutes:
    E528 at the agency's, the pillar's, the sub-element's and the indicators' names and units too."""
    from masterplan.project import load_and_check

    word = "Kesehatan" * 250
    root = make_plan()
    agency = root / "content/agencies/diskominfo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("name: Dinas Komunikasi", f"name: Dinas {word}")
                      .replace("unit: persen", f"unit: {word}"), encoding="utf-8")
    pillar = root / "content/pillars/governance.yml"
    pillar.write_text(pillar.read_text(encoding="utf-8").replace("{id: Smart Governance,", f"{{id: {word},")
                      .replace("{id: Pelayanan Publik,", f"{{id: {word},").replace("name: Indeks SPBE",
                                                                                 f"name: {word}"), encoding="utf-8")
    told = sorted((d.code, d.position.file, d.position.line) for d in load_and_check(root).report.errors)
    assert told == [("E528", "content/agencies/diskominfo.yml", 2), ("E528", "content/agencies/diskominfo.yml", 20),
                    ("E528", "content/pillars/governance.yml", 2), ("E528", "content/pillars/governance.yml", 6),
                    ("E528", "content/pillars/governance.yml", 9)], told


def test_a_chapter_with_a_note_and_tags_holding_many_links_openings_converts_at_once() -> None:
    """Each '<a' in an attribute's value was tried as a link holding a footnote's call, read on to its tag's end:
    8 such paragraphs (120 KB) took 20 s, 24 of them a minute. A link's note still moves after it.

    The bound is a guard against a hang, not a speed goal: 24 paragraphs convert in 0.12 s now (160 times under it),
    and took three times over it before."""
    import time
    paragraph = '<a title="' + "<a " * 4_990 + '">x</a>'
    text = ("Teks[^1] dan [data BPS[^1]](https://bps.go.id).\n\n" + "\n\n".join([paragraph] * 24)
            + "\n\n[^1]: Catatan.\n")
    assert excess(text) is None
    started = time.perf_counter()
    html = to_html(text)
    assert time.perf_counter() - started < 20
    assert 'data BPS</a><sup id="fnref2:1"><a class="footnote-ref"' in html


def test_a_long_chapter_citing_its_source_after_each_figure_is_within_the_limit() -> None:
    """A long chapter of statistics cites its source after each figure: 30 sections of five figures each call [^bps]
    150 times (0.1 s more to convert), and E528 refused the chapter at the 101st call. One footnote called past
    MAX_FOOTNOTE_CALLS is told at the line of the call too many, and the 4,000 calls of a pasted runaway (17 s)."""
    from masterplan.markdown_limits import MAX_FOOTNOTE_CALLS

    figures = " ".join(f"Angka {n} naik menjadi {n},5 persen[^bps]." for n in range(5))
    chapter = _long_real_chapter().replace("lihat [[GOV-01]]", figures + " Lihat [[GOV-01]]")
    cited = chapter + "\n[^bps]: Badan Pusat Statistik.\n"
    assert cited.count("[^bps].") == 150
    assert excess(cited) is None
    assert 'id="fnref150:bps"' in to_html(cited)
    calls = "\n\n".join(f"Angka {n}[^bps]." for n in range(MAX_FOOTNOTE_CALLS + 1))
    found = excess(calls)
    assert found is not None and found.line == 2 * MAX_FOOTNOTE_CALLS + 1
    assert f"footnote [^bps] called more than {MAX_FOOTNOTE_CALLS:,} times" in str(found.message)
    assert excess("\n\n".join(["teks[^bps] " * 10] * 400)) is not None


def test_a_line_of_many_jinja_comments_above_a_table_is_read_at_once() -> None:
    """A line of Jinja comments or tags above a table was matched in time doubling with each: 24 took 3.9 s, 40
    would take days. Each is read once now, and the table below them is counted."""
    from masterplan.table_rows import misshapen

    table = "\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n"
    assert [shape.line for shape in misshapen("{# c #} {% if x %}" * 40 + table, lambda line: False)] == [4]
    # text after the comments: the rows are the paragraph's lines, no table (W521)
    assert [shape.glued for shape in misshapen("{# c #} {% if x %}" * 40 + "x" + table, lambda line: False)] == [True]
