"""Captioned tables in chapter text: found in the Markdown, numbered in the rendered HTML."""

from __future__ import annotations

from masterplan.chapters import TableCaption, table_captions
from masterplan.diagnostics import Position
from masterplan.model import Chapter, Text
from masterplan.render.markdown import number_tables, to_html

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def chapter(body: str) -> Chapter:
    return Chapter("bab", Text.of("Bab", "id"), 1, "body", None, body, Position("content/chapters/01-bab.md", 1, 1), 4)


def place(table: TableCaption, caption: str, html: str) -> str:
    return f"[{table.ref}: {caption}]" + html


def test_captions_are_lines_below_a_table_after_one_blank_line() -> None:
    body = (f"{TABLE}\nTabel: Pola *pembiayaan* (tab:pola)\n\n{TABLE}\nTable: Second\n\n"
            f"{TABLE}Tabel: a row, not a caption\n\nTabel: not below a table\n")
    assert table_captions(chapter(body)) == [TableCaption("tab:pola", "Pola pembiayaan", 5),
                                             TableCaption("tab:bab-2", "Second", 11)]


def test_a_caption_goes_to_the_table_right_above_it_not_an_earlier_one() -> None:
    body = f"{TABLE}\nProse between.\n\n{TABLE}\nTabel: Kedua (tab:dua)\n"
    html = number_tables(to_html(body), table_captions(chapter(body)), place)
    assert html.count("<table>") == 2 and html.count("[tab:dua: Kedua]<table>") == 1 and "(tab:dua)" not in html
    assert html.index("[tab:dua: Kedua]") > html.index("Prose between.")  # once put above the first table


def test_captions_are_matched_by_id_or_words_and_others_are_left_as_written() -> None:
    body = f"{TABLE}\nTabel: Kesatu\n\n{TABLE}\nTabel: Kedua (tab:dua)\n"
    captions = [TableCaption("tab:dua", "Kedua", 0), TableCaption("tab:x-1", "Kesatu", 0)]
    html = number_tables(to_html(body), captions, place)
    assert html.count("[tab:x-1: Kesatu]<table>") == 1 and html.count("[tab:dua: Kedua]<table>") == 1
    made_by_jinja = number_tables(to_html(f"{TABLE}\nTabel: 70 program\n"), [TableCaption("t", "{{ n }} program", 0)], place)
    assert "<p>Tabel: 70 program</p>" in made_by_jinja


def test_a_caption_reads_as_its_rendered_words_and_one_with_jinja_is_left_unnumbered() -> None:
    body = (f"{TABLE}\nTabel: Data [BPS](https://bps.go.id) dan `SIPD`, snake_case _miring_\n\n"
            f"{TABLE}\nTabel: {{{{ plan.programs | length }}}} program\n")
    captions = table_captions(chapter(body))
    assert [c.text for c in captions] == ["Data BPS dan SIPD, snake_case miring"]
    html = number_tables(to_html(body), captions, place)
    assert html.count("[tab:bab-1: Data <a") == 1 and "Tabel: {{ plan.programs | length }} program" in html
