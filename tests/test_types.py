"""The package's type hints hold: ``python -m mypy masterplan``, as setup.cfg's [mypy] section sets it, finds
no problem (skipped where mypy is not installed)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

pytest.importorskip("mypy")


def test_mypy_finds_no_problem() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "masterplan"], cwd=REPO, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
