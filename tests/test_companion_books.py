"""The executive summary and the strategic analysis laid out beside the book (more than one job) are the books laid
out after it (``--jobs 1``): the same pages, the same problems told at the same lines, and nothing left running when
the book fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import write_plan
from pdf_reading import joined_texts as texts

from masterplan.build import BuildOptions, BuildResult, run
from masterplan.output import ANALYSIS_PDF, SUMMARY_PDF

#: an analysis chapter whose loop writes cross-references to nothing the analysis holds: W604, told by the build as it
#: lays the analysis out
DIMENSIONS = ("---\ntitle: Dimensi\n---\n\n{% for pillar in plan.pillars %}Lihat [[bab:{{ pillar.id }}]] dan "
              "[[pillar:{{ pillar.id }}]].\n\n{% endfor %}")


def both_books(root: Path) -> Path:
    """The mini plan asking for the summary and the analysis, its analysis one chapter; returns ``root``."""
    write_plan(root, {"content/analysis/01-dimensi.md": DIMENSIONS})
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "leading_sector: diskominfo", "leading_sector: diskominfo\nexecutive_summary: true\nstrategic_analysis: true"),
        encoding="utf-8")
    return root


def told(result: BuildResult) -> list[tuple[str, str, int | None, str]]:
    return sorted((d.code, d.position.file, d.position.line, str(d.message)) for d in result.report.items)


def test_the_books_laid_out_beside_the_book_are_those_laid_out_after_it(tmp_path: Path, forked: list[int]) -> None:
    after = run(both_books(tmp_path / "after"), BuildOptions(site=False, jobs=1, cache=False))
    assert after.ok and not forked  # one job: the books in this process, after the book
    beside = run(both_books(tmp_path / "beside"), BuildOptions(site=False, jobs=2, cache=False))
    assert beside.ok
    assert len(forked) == 3  # the book's two workers, and the child laying out the summary and the analysis
    assert told(beside) == told(after) and any(code == "W604" for code, *_ in told(beside))  # the child's, too
    for book in (SUMMARY_PDF, ANALYSIS_PDF):
        assert texts(tmp_path / "beside" / "build" / book) == texts(tmp_path / "after" / "build" / book)
    lines = [str(line) for line in beside.summary]
    assert any(line.startswith("Executive summary: ") and " pages in " in line for line in lines), lines
    assert any(line.startswith("Strategic analysis: ") and " pages in " in line for line in lines), lines


def test_a_book_that_fails_leaves_no_companion_running_and_the_last_ones_kept(tmp_path: Path,
                                                                               forked: list[int]) -> None:
    root = both_books(tmp_path)
    assert run(root, BuildOptions(site=False, jobs=2)).ok
    kept = {book: (root / "build" / book).read_bytes() for book in (SUMMARY_PDF, ANALYSIS_PDF)}
    forked.clear()
    (root / "templates" / "print").mkdir(parents=True)
    (root / "templates" / "print" / "book.html").write_text("{{ plan.title.nowhere() }}", encoding="utf-8")
    failed = run(root, BuildOptions(site=False, jobs=2))
    assert not failed.ok and [d.code for d in failed.report.errors] == ["E603"]
    assert forked  # the companions' child was started with the book
    for child in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(child, os.WNOHANG)  # ended and waited for: none left working, no zombie
    assert {book: (root / "build" / book).read_bytes() for book in kept} == kept
