"""How the book's tables group programs: runs of consecutive codes for the missions table."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from masterplan.program_tables import code_runs
from masterplan.programs import Program


def programs(*codes: str) -> list[Program]:
    """Programs with just these codes, which is all code_runs reads."""
    return [cast(Program, SimpleNamespace(id=code)) for code in codes]


@pytest.mark.parametrize(("codes", "runs"), [
    (["GOV-03", "GOV-01", "GOV-02", "GOV-05"], [["GOV-01", "GOV-02", "GOV-03"], ["GOV-05"]]),  # in code order
    (["GOV-09", "GOV-10", "GOV-11"], [["GOV-09", "GOV-10", "GOV-11"]]),
    (["GOV-9", "GOV-10"], [["GOV-9", "GOV-10"]]),  # unpadded numbers carry over
    (["GOV-1", "GOV-02"], [["GOV-1"], ["GOV-02"]]),  # written differently: not one run
    (["GOV-01", "ECO-02", "ECO-01"], [["ECO-01", "ECO-02"], ["GOV-01"]]),  # a prefix each
    (["TANPA", "GOV-01", "GOV-02"], [["GOV-01", "GOV-02"], ["TANPA"]]),  # no number: a run of its own
    ([], []),
])
def test_code_runs_group_consecutive_codes(codes: list[str], runs: list[list[str]]) -> None:
    assert [[p.id for p in run] for run in code_runs(programs(*codes))] == runs
