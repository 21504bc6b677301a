"""A regency's first draft: plan.yml without missions or a readiness analysis, and no program marked a quick win.

The book, the executive summary and the site leave out the parts with nothing to show, rather than print a heading or
a table's head over nothing; validate says what is missing (W425, W426), and why a cross-reference to one of those
tables has no target. Read back from the PDFs (pdfplumber) and the site's HTML.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts

from masterplan.build import BuildOptions, run
from masterplan.output import SUMMARY_PDF
from masterplan.project import load_and_check

QUICK_WINS_CHAPTER = """\
    ---
    title: Program Unggulan
    generated: quick_wins
    ---
    Perangkat daerah memilih quick win setelah musyawarah bersama.
    """


def _thin_files() -> dict[str, str | None]:
    plan = textwrap.dedent(MINI_FILES["content/plan.yml"])
    plan = re.sub(r"missions:\n(  - .*\n)+", "missions: []\n", plan)
    plan = re.sub(r"readiness:\n(  - .*\n)+", "", plan)
    assert "m1" not in plan and "readiness" not in plan
    files: dict[str, str | None] = {"content/plan.yml": plan + "executive_summary: true\n",
                                    "content/executive-summary.md": "---\ntitle: Ringkasan\n---\n\nUntuk Wali Kota.\n"}
    for name in ("content/agencies/diskominfo.yml", "content/agencies/bpkad.yml"):
        text = textwrap.dedent(MINI_FILES[name]).replace("quick_win: true", "quick_win: false")
        files[name] = re.sub(r" *missions: \[m\d\]\n", "", text)
    return files


@pytest.fixture(scope="module")
def thin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan as a first draft, built: the book, the summary and the site."""
    root = write_plan(tmp_path_factory.mktemp("thin"), _thin_files())
    result = run(root, BuildOptions(search=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    return root


def _squeezed(pdf: Path) -> list[str]:
    return [" ".join(text.split()) for text in page_texts(pdf)]


def test_the_book_has_no_heading_or_table_over_nothing(thin: Path) -> None:
    """Before, the draft's book printed "1.2 Misi" over an empty list, a table of missions whose one row was "Belum
    terkait misi", a chapter "Analisis Kesiapan" holding a table's head alone, and a chapter "Quick Wins" whose table
    said "Total: 0 quick win"."""
    book = _squeezed(thin / "build" / "masterplan.pdf")
    whole = " ".join(book)
    assert "BAB 2 Visi Kota cerdas yang melayani. DRAF" in whole  # no "2.1 Visi" under the chapter "Visi"
    for gone in ("Misi", "Belum terkait misi", "Analisis Kesiapan", "Analisis kesiapan", "Total: 0 quick win",
                 "Quick Win"):
        assert gone not in whole, gone
    assert "BAB 3 Smart Governance" in whole and "BAB 5 Peta Jalan" in whole  # numbered on, none left out between
    contents = next(page for page in book if page.startswith("Daftar Tabel"))
    assert contents.startswith("Daftar Tabel Tabel 3.1 Indikator Smart Governance"), contents


def test_a_chapter_claiming_the_quick_wins_keeps_its_text_without_an_empty_table(make_plan: Callable[..., Path]) -> None:
    files = {**_thin_files(), "content/chapters/02-program-unggulan.md": QUICK_WINS_CHAPTER}
    root = make_plan(files)
    result = run(root, BuildOptions(search=False, site=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    whole = " ".join(_squeezed(root / "build" / "masterplan.pdf"))
    assert "Program Unggulan Perangkat daerah memilih quick win setelah musyawarah bersama." in whole
    assert "Quick Win Dimensi / subelemen" not in whole and "Total: 0" not in whole


def test_the_summary_leaves_out_the_quick_wins_and_the_missions(thin: Path) -> None:
    """Its key figures say "0 Quick Wins tidak ada dalam masterplan ini"; no chapter follows with an empty table."""
    summary = " ".join(_squeezed(thin / "build" / SUMMARY_PDF))
    assert "BAB 2 Visi Kota cerdas yang melayani. DRAF" in summary and "Misi" not in summary
    assert not re.search(r"BAB \d+ Quick Win", summary) and "Tabel 3.1 Dimensi" in summary, summary


def test_the_site_says_none_is_marked_and_lists_the_books_chapters(thin: Path) -> None:
    site = thin / "build" / "site"
    quick_wins = (site / "quick-wins.html").read_text(encoding="utf-8")
    assert "belum ada yang ditandai" in quick_wins and "<table" not in quick_wins
    assert not (site / "readiness.html").exists()
    vision = (site / "vision.html").read_text(encoding="utf-8")
    main = vision.split("<main", 1)[1].split("</main>", 1)[0]
    assert re.findall(r"<h\d[^>]*>([^<]*)</h\d>", main) == ["Visi"] and "Misi" not in main, main  # not "Visi" twice
    home = (site / "index.html").read_text(encoding="utf-8")
    chapters = home.split('id="chapters"', 1)[1].split("</section>", 1)[0]  # a plan of no chapter of its own
    assert 'href="vision.html">Visi</a>' in chapters and "readiness" not in chapters, chapters


def test_validate_says_what_the_draft_lacks_and_why_a_table_is_no_target(make_plan: Callable[..., Path]) -> None:
    chapter = QUICK_WINS_CHAPTER + "Rinciannya ada pada [[tab:quick-wins]]; kesiapan pada [[tab:readiness]].\n"
    root = make_plan({**_thin_files(), "content/chapters/02-program-unggulan.md": chapter})
    report = load_and_check(root).report
    said = {d.code: d for d in report}
    assert said["W425"].position.file == "content/plan.yml" and said["W425"].position.line == 10
    assert str(said["W425"].message) == "plan.yml lists no RPJMD missions"
    assert str(said["W426"].message) == "plan.yml has no readiness analysis"
    unknown = sorted(str(d) for d in report.errors)
    assert len(unknown) == 2 and all("E507" in line for line in unknown), unknown
    assert "no program is marked as a quick win yet, so the book prints no table of quick wins" in unknown[0]
    assert "plan.yml has no readiness rows yet, so the book prints no readiness table" in unknown[1]


def _zero_files() -> dict[str, str | None]:
    """The mini plan before any agency has written a program: Diskominfo's file with none, BPKAD's not yet sent."""
    agency = "id: diskominfo\nname: Dinas Komunikasi dan Informatika\nshort_name: Diskominfo\nkind: dinas\n"
    plan = textwrap.dedent(MINI_FILES["content/plan.yml"]) + "executive_summary: true\n"
    return {"content/agencies/diskominfo.yml": agency, "content/agencies/bpkad.yml": None, "content/plan.yml": plan,
            "content/chapters/01-pendahuluan.md": None, "content/glossary.yml": None,
            "content/executive-summary.md": "---\ntitle: Ringkasan\n---\n\nUntuk Wali Kota.\n"}


def test_a_plan_of_no_program_yet_has_no_empty_budget_or_roadmap(make_plan: Callable[..., Path]) -> None:
    """Before, the book of a plan whose agencies had sent no program had a roadmap chapter of bare pillar bands, and a
    budget chapter of tables of dashes and charts of "Rp0", as its summary had; the site's pages too."""
    root = make_plan(_zero_files())
    result = run(root, BuildOptions(search=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    book = " ".join(_squeezed(root / "build" / "masterplan.pdf"))
    assert "BAB 4 Smart Economy" in book and "BAB 5 Perangkat Daerah" in book, book
    assert "Peta Jalan" not in book and "Gambar" not in book and "Indikasi anggaran per dimensi" not in book
    summary = _squeezed(root / "build" / SUMMARY_PDF)
    assert not re.search(r"BAB \d+ (Anggaran|Peta Jalan)", " ".join(summary))
    assert "Glosarium" not in " ".join(summary)  # no term it prints to explain: no heading over nothing
    # its missions listed, with no table of programs by mission, all dashes and zeros
    assert "Tata kelola yang baik" in book and "Ekonomi yang tumbuh" in book and "Belum terkait misi" not in book
    assert "per misi" not in book
    assert "0 Program tidak ada dalam masterplan ini" in summary[1], summary[1]
    site = root / "build" / "site"
    for page in ("budget.html", "roadmap.html"):
        html = (site / page).read_text(encoding="utf-8")
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        assert "belum ada program dalam masterplan ini." in main and "<table" not in main and "<svg" not in main


def test_a_cross_reference_to_the_budget_of_no_program_says_why(make_plan: Callable[..., Path]) -> None:
    chapter = "---\ntitle: Anggaran\n---\nLihat [[tab:budget-pillar]] dan [[fig:roadmap]].\n"
    root = make_plan({**_zero_files(), "content/chapters/07-anggaran.md": chapter})
    unknown = [str(d) for d in load_and_check(root).report.errors]
    assert len(unknown) == 2 and all("the plan has no program yet, so the book prints no budget, roadmap or tables"
                                     in line for line in unknown), unknown
