"""The SWOT analysis, typed once in plan.yml (``swot:``) and printed by the two books that show it: the master plan's
chapter 2 and the strategic analysis's chapter 4 read the same factors (``{{ plan.swot.strengths | join("; ") }}``).

Read back from the sample's PDFs (conftest's ``sample_build``), and from a copy of the sample whose plan.yml is edited
once. What validate says of a SWOT written wrong, or read by a chapter when plan.yml gives none, is in
tests/bad_inputs/swot-*.yml.
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO
from pdf_reading import joined_texts as texts

from masterplan import chapters
from masterplan.build import BuildOptions, run
from masterplan.model import Plan
from masterplan.output import ANALYSIS_PDF, PDF
from masterplan.project import load_and_check

#: each kind of factor as the sample's tables name it
KINDS = {"strengths": "Kekuatan", "weaknesses": "Kelemahan", "opportunities": "Peluang", "threats": "Ancaman"}


def cells(plan: Plan) -> list[str]:
    """The SWOT table's four cells as both books print them: the kind, then its factors from plan.yml."""
    assert plan.swot is not None
    return [f"{word}: " + "; ".join(str(factor) for factor in getattr(plan.swot, kind)) + "."
            for kind, word in KINDS.items()]


@pytest.mark.parametrize(("book", "caption"), [(PDF, "Analisis SWOT Kota Pasuruan"), (ANALYSIS_PDF, "Analisis SWOT daerah")])
def test_both_books_print_the_swot_plan_yml_gives(sample_build: Path, book: str, caption: str) -> None:
    plan = load_and_check(sample_build).plan
    assert plan is not None
    page = next(page for page in texts(sample_build / "build" / book)  # the table's page, not the list of tables
                if re.search(rf"Tabel \d+\.\d+ {caption}(?! *\.)", page))
    for cell in cells(plan):
        assert cell in page, (book, cell, page)


def test_an_edit_of_plan_yml_s_swot_shows_in_both_books(tmp_path: Path) -> None:
    """A city edits a factor once, in plan.yml: the book's chapter and the analysis's both print the new words."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    plan_yml = tmp_path / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "    - perluasan QRIS\n", "    - perluasan QRIS di pasar rakyat\n", 1), encoding="utf-8")
    checked = load_and_check(tmp_path)
    plan = checked.plan
    assert plan is not None and not checked.report.errors
    shown = [chapter for chapter in [*plan.chapters, *plan.analysis] if "plan.swot" in chapter.body]
    assert [chapter.id for chapter in shown] == ["gambaran-umum", "isu-strategis"]
    for chapter in shown:
        text, problems = chapters.expand(chapter, chapters.context(plan))
        assert text is not None and not problems
        assert "**Peluang:** kebijakan nasional SPBE dan Satu Data; perluasan QRIS di pasar rakyat;" in text
        assert all(cell.split(": ", 1)[1] in text for cell in cells(plan))


def test_plan_json_gives_the_swot_plan_yml_gives_and_null_without_it(make_plan: Callable[..., Path]) -> None:
    """The open data's plan.json holds the SWOT analysis as plan.yml writes it, each factor a text by language."""
    from conftest import MINI_FILES
    bare = make_plan()
    assert run(bare, BuildOptions(pdf=False)).ok
    assert json.loads((bare / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))["swot"] is None
    given = textwrap.dedent(MINI_FILES["content/plan.yml"]) + (
        "swot:\n  strengths: [wilayah yang kompak, {id: SDM muda, en: young workforce}]\n"
        "  weaknesses: [SDM TIK terbatas]\n  opportunities: [perluasan QRIS]\n  threats: [banjir rob]\n")
    root = make_plan({"content/plan.yml": given})
    assert run(root, BuildOptions(pdf=False)).ok
    document = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert document["swot"] == {
        "strengths": [{"id": "wilayah yang kompak"}, {"id": "SDM muda", "en": "young workforce"}],
        "weaknesses": [{"id": "SDM TIK terbatas"}], "opportunities": [{"id": "perluasan QRIS"}],
        "threats": [{"id": "banjir rob"}]}
    assert list(document).index("swot") == list(document).index("readiness") + 1
