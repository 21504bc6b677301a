"""A field indented into the block of text above it (W018): YAML reads it as words of that text, silently; an error
(E020) where its mapping gives the field nowhere else, what it says being lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES

from masterplan.project import load_and_check

AGENCY = "content/agencies/diskominfo.yml"


def told(make_plan: Callable[..., Path], agency: str) -> list[tuple[int, int, str]]:
    checked = load_and_check(make_plan({AGENCY: agency}))
    return [(d.position.line, d.position.column, f"{d.code}: {d.message}") for d in checked.report
            if d.code in ("W018", "E020")]


@pytest.mark.parametrize("style", ["|", ">-"])
def test_a_field_indented_into_a_description_is_told_at_its_line(make_plan: Callable[..., Path], style: str) -> None:
    """``quick_win: true`` two spaces too deep under ``description: |`` ended the description with "quick_win:
    true" and left GOV-01 no quick win, validate saying nothing. It is told at its line and column, with the
    column its key was meant at; an error, the program having no quick_win of its own: the build printed the words
    and published a quick win that was none."""
    agency = MINI_FILES[AGENCY].replace(
        "            description: Warga **mengadu** lewat aplikasi.\n            quick_win: true\n",
        f"            description: {style}\n              Warga **mengadu** lewat aplikasi.\n              quick_win: true\n")
    line = agency.split("\n").index("              quick_win: true") + 1  # the file is written dedented by 8
    said = ("E020: 'quick_win:' is indented into the text of 'description' above it, so it is read as words of that text, "
            "and 'quick_win' is given nowhere else here")
    assert told(make_plan, agency) == [(line, 7, said)]
    assert load_and_check(make_plan({AGENCY: agency})).report.failed()  # no build of a quick win that is none


def test_a_block_of_text_saying_a_word_and_a_colon_is_no_field(make_plan: Callable[..., Path]) -> None:
    """Lines of prose that begin with a word and a colon, none of them a field's name, and a block whose fields
    follow at their own indentation, draw nothing."""
    agency = MINI_FILES[AGENCY].replace(
        "            description: Warga **mengadu** lewat aplikasi.\n",
        "            description: |\n              Warga **mengadu** lewat aplikasi.\n              catatan: aduan dijawab.\n"
        "              Tahap: dua. Aplikasi ini kini berada pada\n              status: uji coba di dua kelurahan, dengan\n"
        "              budget: dari APBD dan hibah.\n\n")  # prose wrapped onto lines that begin with a field's word
    assert told(make_plan, agency) == []


def test_a_field_its_mapping_gives_besides_is_a_warning(make_plan: Callable[..., Path]) -> None:
    """``status: ongoing`` under ``description: |`` in a program that gives its status below: the line is words of
    the text, nothing of the program lost."""
    agency = MINI_FILES[AGENCY].replace(
        "            description: Warga **mengadu** lewat aplikasi.\n",
        "            description: |\n              Warga **mengadu** lewat aplikasi.\n              status: ongoing\n")
    line = agency.split("\n").index("              status: ongoing") + 1
    said = "W018: 'status:' is indented into the text of 'description' above it, so it is read as words of that text, not as a field"
    assert told(make_plan, agency) == [(line, 7, said)]


def test_a_block_opening_a_list_item_is_read_in_its_own_item(make_plan: Callable[..., Path]) -> None:
    """``- description: |`` opening a program, its swallowed ``quick_win:`` given by the program above: that one's
    was taken for this one's, and the error told as a warning."""
    agency = MINI_FILES[AGENCY].replace(
        "          - id: GOV-01\n",
        "          - description: |\n              Warga mengadu.\n              quick_win: true\n            id: GOV-01\n", 1)
    agency = agency.replace("            description: Warga **mengadu** lewat aplikasi.\n            quick_win: true\n", "")
    agency = agency.replace("        programs:\n", "        programs:\n          - id: GOV-02\n            quick_win: true\n", 1)
    line = agency.split("\n").index("              quick_win: true") + 1
    assert [(at, said[:5]) for at, _, said in told(make_plan, agency)] == [(line, "E020:")]
