"""The PDF of ``masterplan serve``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf

from masterplan.resources import theme_dir

PDF_BUILD = 240.0  #: seconds a background build of the mini plan's PDF may take on a busy machine
NOTE = ".masterplan-pdf"  #: what the preview puts beside each link to the PDF


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages).split())


def _broken_cover(root: Path) -> Path:
    """The plan's own cover template, naming what the plan lacks (E603 as the PDF is built)."""
    cover = root / "templates" / "print" / "cover.html"
    cover.parent.mkdir(parents=True, exist_ok=True)
    theme = (theme_dir() / "print" / "cover.html").read_text(encoding="utf-8")
    cover.write_text(theme.replace('<p class="cover-period">', '<p class="cover-period">{{ plan.nothing.here }}'),
                     encoding="utf-8")
    return cover


def test_a_failing_print_template_is_not_said_to_leave_the_site_without_a_pdf(make_plan: Callable[..., Path]) -> None:
    """E603 came with W701 "the website links no PDF: none was written", while nothing was published and the site
    in place kept linking the PDF built before."""
    from masterplan.build import BuildOptions, run

    root = make_plan()
    _broken_cover(root)
    result = run(root, BuildOptions(search=False))
    codes = [d.code for d in result.report]
    assert not result.ok and "E603" in codes and "W701" not in codes, [str(d) for d in result.report]
