"""A field indented into the block of text above it (W018): YAML reads it as words of that text, silently."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES

from masterplan.project import load_and_check

AGENCY = "content/agencies/diskominfo.yml"


def told(make_plan: Callable[..., Path], agency: str) -> list[tuple[int, int, str]]:
    checked = load_and_check(make_plan({AGENCY: agency}))
    return [(d.position.line, d.position.column, str(d.message)) for d in checked.report if d.code == "W018"]


@pytest.mark.parametrize("style", ["|", ">-"])
def test_a_field_indented_into_a_description_is_told_at_its_line(make_plan: Callable[..., Path], style: str) -> None:
    """``quick_win: true`` two spaces too deep under ``description: |`` ended the description with "quick_win:
    true" and left GOV-01 no quick win, validate saying nothing. It is told at its line and column, with the
    column its key was meant at."""
    agency = MINI_FILES[AGENCY].replace(
        "            description: Warga **mengadu** lewat aplikasi.\n            quick_win: true\n",
        f"            description: {style}\n              Warga **mengadu** lewat aplikasi.\n              quick_win: true\n")
    line = agency.split("\n").index("              quick_win: true") + 1  # the file is written dedented by 8
    said = "'quick_win:' is indented into the text of 'description' above it, so it is read as words of that text, not as a field"
    assert told(make_plan, agency) == [(line, 7, said)]
    plan = load_and_check(make_plan({AGENCY: agency})).plan
    assert plan is not None and not plan.program("GOV-01").quick_win  # what YAML made of it, and why it is told


def test_a_block_of_text_saying_a_word_and_a_colon_is_no_field(make_plan: Callable[..., Path]) -> None:
    """Lines of prose that begin with a word and a colon, none of them a field's name, and a block whose fields
    follow at their own indentation, draw nothing."""
    agency = MINI_FILES[AGENCY].replace(
        "            description: Warga **mengadu** lewat aplikasi.\n",
        "            description: |\n              Warga **mengadu** lewat aplikasi.\n              catatan: aduan dijawab.\n"
        "              Tahap: dua. Aplikasi ini kini berada pada\n              status: uji coba di dua kelurahan, dengan\n"
        "              budget: dari APBD dan hibah.\n\n")  # prose wrapped onto lines that begin with a field's word
    assert told(make_plan, agency) == []
