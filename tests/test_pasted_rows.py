"""A row pasted from a spreadsheet into a YAML file, its cells apart by tabs: the hint writes a budget's row as YAML,
its amount whole rupiah, and tells no other line it is such a row."""

from __future__ import annotations

import pytest

from masterplan.yaml_syntax import pasted_row

ROW = "this line is a row pasted from a spreadsheet, its cells apart by tabs: write it as - {{year: {}, amount: {}, source: {}}}"
ANY_ROW = ("this line is a row pasted from a spreadsheet, its cells apart by tabs: write each value after its field's "
           "name and a colon, with spaces, never tabs")


@pytest.mark.parametrize(("line", "hint"), [
    ("- 2024\t700000000\tAPBD", ROW.format(2024, 700000000, "APBD")),
    ("\t2024\t1.250.000\tAPBD Provinsi", ROW.format(2024, 1250000, "APBD Provinsi")),
    # ",00" of an amount formatted with cents is no cents: it was read as two more digits, an amount 100 times over
    ("2024\t1.250.000,00\tAPBD", ROW.format(2024, 1250000, "APBD")),
    ("2024\t1.250.000,50\tAPBD", ANY_ROW),  # cents that are some: no amount given, rather than a wrong one
    ("Pelayanan\tDinkes\t2024", ANY_ROW),
])
def test_a_pasted_row_is_told_how_it_is_written(line: str, hint: str) -> None:
    assert str(pasted_row(line)) == hint


@pytest.mark.parametrize("line", ["\tname: Foo", "name:\tFoo\tBar", "partners: [a,\tb]", "2024\t700000000"])
def test_a_line_with_a_tab_that_is_no_pasted_row_is_not_told_so(line: str) -> None:
    assert pasted_row(line) is None
