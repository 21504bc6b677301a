"""``masterplan serve`` on a plan with a strategic analysis: an edit of content/analysis/NN-<slug>.md is watched,
checked (its error over the page, at its line) and built again by the background build into its PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES
from pdf_reading import page_texts
from serving import start, stop

from masterplan.output import ANALYSIS_PDF, BUILD

CHAPTER = "content/analysis/01-profil.md"


def test_an_edit_of_the_analysis_is_checked_shown_and_built_into_its_pdf(make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        "content/plan.yml": MINI_FILES["content/plan.yml"].replace("leading_sector: diskominfo",
                                                                   "leading_sector: diskominfo\n"
                                                                   "        strategic_analysis: true"),
        CHAPTER: "---\ntitle: Profil Kota\n---\n\nKota ini berpenduduk sedikit.\n"})
    pdf = root / BUILD / ANALYSIS_PDF
    running = start(root)
    try:
        running.wait_line(lambda line: line.startswith("Background build done"), "the first build", timeout=240)
        assert "berpenduduk sedikit" in " ".join(page_texts(pdf))
        running.edit(CHAPTER, "berpenduduk sedikit.", "berpenduduk {{ plan.penduduk }} jiwa.")
        body = running.wait_for("/index.html", lambda status, body: 'id="masterplan-errors"' in body, "the overlay")
        assert re.search(r"content/analysis/01-profil\.md:5(:\d+)?: (error|kesalahan)", body), body[-2000:]
        running.wait_line(lambda line: "01-profil.md:5" in line, "the error in the terminal")
        mark = len(running.lines)
        running.edit(CHAPTER, "berpenduduk {{ plan.penduduk }} jiwa.", "berpenduduk {{ plan.period.start }} jiwa.")
        running.wait_for("/index.html", lambda status, body: status == 200 and 'id="masterplan-errors"' not in body,
                         "the page without the overlay")
        running.wait_line(lambda line: line.startswith("Background build done"), "the build of the edit",
                          timeout=240, after=mark)
    finally:
        stop(running)
    assert "berpenduduk 2022 jiwa" in " ".join(page_texts(pdf))
