"""The strategic analysis (Buku Analisis Strategis): the third PDF a plan asks for with ``strategic_analysis: true``.

Read back as a reader sees it: the sample's (built once per session by conftest's ``sample_build``, the sample
turning it on), its English edition (the analysis alone, laid out once), and a mini plan's, for what the build does
with the file: none without chapters, written beside the book, copied when nothing it shows changed, kept by
``--no-pdf`` and by a failed build, gone when the plan no longer asks for it. What validate says of its chapters is
in tests/bad_inputs/analysis-*.yml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, write_plan
from pdf_reading import joined_texts as texts
from pdf_reading import outline_pages, plumbed, reader

from masterplan import analysis as strategic_analysis
from masterplan.build import BuildOptions, run
from masterplan.crossref import PART_TABLES
from masterplan.number_words import in_words
from masterplan.output import ANALYSIS_PDF
from masterplan.project import load_and_check
from masterplan.render import analysis_book
from masterplan.render.outline import GENERATED_ITEMS

#: the sample's chapters of the analysis (content/analysis/), as its outline names them
CHAPTERS = ["Bab 1 · Pendahuluan", "Bab 2 · Profil Daerah", "Bab 3 · Analisis Kesiapan",
            "Bab 4 · Isu Strategis dan Analisis SWOT", "Bab 5 · Analisis per Dimensi", "Bab 6 · Penutup"]


@pytest.fixture(scope="module")
def pages(sample_build: Path) -> list[str]:
    return texts(sample_build / "build" / ANALYSIS_PDF)


def test_the_cover_names_the_analysis_the_plan_and_the_notice(pages: list[str]) -> None:
    assert 15 <= len(pages) <= 30, len(pages)
    cover = pages[0]
    assert "BUKU ANALISIS STRATEGIS" in cover
    assert "Masterplan Smart City Kota Pasuruan 2022–2031" in cover and "Versi 1.0" in cover
    assert "Dokumen ilustratif: contoh yang disusun" in cover  # the sample's notice, as on the book's cover


def test_its_chapters_open_at_the_pages_its_outline_and_contents_give(sample_build: Path, pages: list[str]) -> None:
    outline = outline_pages(sample_build / "build" / ANALYSIS_PDF)
    chapters = [(title, page) for title, page in outline if title.startswith("Bab ")]
    assert [title for title, _ in chapters] == CHAPTERS
    contents = pages[1]
    assert contents.startswith("Daftar Isi") and contents.endswith(" ii")  # front matter: roman folios, from the cover
    for title, page in chapters:
        label, name = title.split(" · ")
        assert pages[page].upper().startswith(f"{label} {name}".upper()), (title, pages[page][:60])
        folio = pages[page].rsplit(" ", 1)[1]  # the page's own number, at its foot
        assert re.search(rf"{label} {re.escape(name)}[ .]*{folio}\b", contents), (title, folio)
    assert pages[chapters[0][1]].endswith(" 1")  # the body counts from 1 again


def running_left(pdf: Path) -> list[str]:
    """Each page's running header, its left part: the words above the text's top margin, left of the middle."""
    with plumbed(pdf) as document:
        return [" ".join(word["text"] for word in page.extract_words()
                         if word["bottom"] < 24 * 72 / 25.4 and word["x0"] < page.width / 2) for page in document.pages]


def test_each_page_s_running_header_names_the_analysis(sample_build: Path) -> None:
    """Also after a table its chapter captions (the SWOT's), whose marks named the book's title there before; whole,
    city and period: its chapters' titles are short (it was cut to "… Masterplan Smart City Kota…")."""
    headers = [left for left in running_left(sample_build / "build" / ANALYSIS_PDF) if left]
    assert len(headers) >= 8, headers
    for left in headers:
        assert (left == "Buku Analisis Strategis · Masterplan Smart City Kota Pasuruan 2022–2031"
                or re.fullmatch(r"Tabel \d+\.\d+ \(lanjutan\)( · (Struktur|Infrastruktur|Suprastruktur))?", left)), left
    assert "Tabel 3.1 (lanjutan) · Struktur" in headers  # the readiness table's group a page goes on with


def test_a_column_of_figures_in_a_chapter_table_is_right_aligned(sample_build: Path) -> None:
    """The sample's Tabel 5.1 right-aligns its counts (``|--:|`` in content/analysis/05-analisis-dimensi.md): each
    count ends where its column's head does, "16" under "Program" as "4" under "Tujuan" (they stood at the left)."""
    with plumbed(sample_build / "build" / ANALYSIS_PDF) as pdf:
        page = next(page for page in pdf.pages if "Tabel 5.1 Dimensi, tujuan" in (page.extract_text() or "")
                    and "Daftar Tabel" not in (page.extract_text() or ""))
        words = page.extract_words()
    line = next(w["top"] for w in words if w["text"] == "Indikator")  # the table's head (its words stand in the text too)
    heads = [next(w for w in words if w["text"] == head and abs(w["top"] - line) < 2)
             for head in ("Tujuan", "Program", "Indikator")]
    rows = [sorted((w for w in words if abs(w["top"] - smart["top"]) < 2 and re.fullmatch(r"\d+", w["text"])),
                   key=lambda w: w["x0"]) for smart in words if smart["text"] == "Smart" and smart["x0"] < 40 * 72 / 25.4]
    assert [len(row) for row in rows] == [3] * 6, rows  # a row per pillar: goals, programs, indicators
    for head, column in zip(heads, zip(*rows)):
        assert all(abs(count["x1"] - head["x1"]) < 0.5 for count in column), (head["text"], [c["x1"] for c in column])
        assert all(count["x0"] > head["x0"] + 5 for count in column), head["text"]  # not at the left, under its start


def test_the_readiness_chapter_holds_the_plans_readiness_table(pages: list[str]) -> None:
    whole = " ".join(pages)
    assert "Tabel 3.1 Analisis kesiapan: struktur, infrastruktur, dan suprastruktur" in whole
    assert "Analisis mencakup 14 aspek." in whole  # {{ plan.readiness | length }}
    for aspect in ("Sumber daya manusia TIK", "Kepemimpinan dan komitmen", "Perencanaan dan penganggaran"):
        assert aspect in whole  # content/plan.yml's readiness, each element
    assert "lihat [[" not in whole.lower() and "{{" not in whole


def test_each_pillar_has_its_section_with_its_own_figures(sample_build: Path, pages: list[str]) -> None:
    plan = load_and_check(sample_build).plan
    assert plan is not None
    whole = " ".join(pages)
    for number, pillar in enumerate(plan.pillars, start=1):
        name = pillar.name.get("id")
        assert f"5.{number} {name}" in whole, name
        goals = in_words(len(pillar.goals), "id") or len(pillar.goals)  # a count of one or two words, in words
        assert (f"Arah pengembangan dimensi {name} dirumuskan dalam {goals} tujuan" in whole
                and f"dijabarkan menjadi {len(pillar.programs)} program" in whole), name
    assert "Tabel 4.1 Analisis SWOT daerah" in whole and "Tabel 4.2 Arah strategi dari analisis SWOT" in whole


def test_it_leads_to_the_plan_s_missions_programs_and_quick_wins(sample_build: Path, pages: list[str]) -> None:
    """Its tables 4.3 and 5.1 are filled from the plan (content/analysis/04-…, 05-…): a revision keeps them right."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    whole = " ".join(pages)
    assert "Tabel 4.3 Misi RPJMD dan dimensi yang mendukungnya" in whole
    first, governance = plan.missions[0], plan.pillars[0]
    serving = sum(first in program.missions for program in governance.programs)
    # the programs of the pillar serving the mission, its count kept beside its name (a no-break space)
    assert re.search(rf"{governance.name.get('id')}\s\({serving}\)", whole), serving
    assert "Tabel 5.1 Dimensi, tujuan, dan program pada buku masterplan" in whole
    for pillar in plan.pillars:
        for program in pillar.quick_wins:
            assert f"{program.id} {program.name.get('id')}" in whole, program.id


def test_its_metadata_and_the_site_are_the_analysis_s(sample_build: Path) -> None:
    analysis = sample_build / "build" / ANALYSIS_PDF
    document = reader(analysis)
    assert document.metadata.title == "Buku Analisis Strategis: Masterplan Smart City Kota Pasuruan 2022–2031"
    assert document.trailer["/Root"]["/Lang"] == "id"
    assert document.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # opened at its bookmarks, titled
    assert document.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    site = sample_build / "build" / "site"
    assert (site / "download" / ANALYSIS_PDF).read_bytes() == analysis.read_bytes()
    for page in ("index.html", "data.html"):
        assert f'href="download/{ANALYSIS_PDF}"' in (site / page).read_text(encoding="utf-8"), page
    assert "Analisis Strategis (PDF," in (site / "index.html").read_text(encoding="utf-8")


def test_an_english_edition_s_analysis_is_in_english(english_sample_build: Path) -> None:
    pdf = english_sample_build / ANALYSIS_PDF
    pages = texts(pdf)
    assert "STRATEGIC ANALYSIS" in pages[0] and "Table of contents" in pages[1]
    assert "Table 3.1 Readiness analysis: structure, infrastructure and superstructure" in " ".join(pages)
    assert [title for title, _ in outline_pages(pdf)][2:4] == ["Chapter 1 · Pendahuluan", "Chapter 2 · Profil Daerah"]
    assert reader(pdf).trailer["/Root"]["/Lang"] == "en"


def test_the_build_writes_keeps_and_removes_the_analysis_as_the_plan_asks(tmp_path: Path) -> None:
    root = write_plan(tmp_path, {})
    plan_yml = root / "content" / "plan.yml"
    written = plan_yml.read_text(encoding="utf-8")
    plan_yml.write_text(written.replace("leading_sector: diskominfo", "leading_sector: diskominfo\n"
                                        "strategic_analysis: true"), encoding="utf-8")
    analysis = root / "build" / ANALYSIS_PDF
    first = run(root, BuildOptions(site=False, search=False))  # no chapter yet: W533, and none written
    assert first.ok and [d.code for d in first.report.warnings] == ["W533"] and not analysis.exists()
    (root / "content" / "analysis").mkdir()
    (root / "content" / "analysis" / "01-kesiapan.md").write_text(
        "---\ntitle: Kesiapan Kota\ngenerated: [readiness, vision]\n---\n\nKota ini menilai {{ plan.readiness | length }} "
        "aspek kesiapan ([[tab:readiness]]). Layanan [[GOV-01]] ada pada [[pillar:governance]].\n", encoding="utf-8")
    built = run(root, BuildOptions(site=False, search=False))
    assert built.ok and [d.code for d in built.report.warnings] == ["W604"]  # GOV-01: plain text, no link
    made = analysis.read_bytes()
    pages = texts(analysis)
    assert "BUKU ANALISIS STRATEGIS" in pages[0]
    whole = " ".join(pages)
    assert "Kota ini menilai 1 aspek kesiapan (Tabel 1.1, hlm. 1). Layanan GOV-01 ada pada Smart Governance." in whole
    assert "Kota cerdas yang melayani." in whole and "Tabel 1.2" in whole  # the vision, its missions' table after
    again = run(root, BuildOptions(site=False, search=False))  # nothing changed: the last one, copied
    assert "Strategic analysis: as in an earlier build, taken from the cache" in [str(line) for line in again.summary]
    assert analysis.read_bytes() == made
    assert run(root, BuildOptions(pdf=False, search=False)).ok  # --no-pdf: kept, and the site links it
    assert analysis.read_bytes() == made
    assert (root / "build" / "site" / "download" / ANALYSIS_PDF).read_bytes() == made
    agency = root / "content" / "agencies" / "bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("pillar: economy", "pillar: ekonomi"), encoding="utf-8")
    assert not run(root, BuildOptions(site=False, search=False)).ok  # a failed build: the last one kept
    assert analysis.read_bytes() == made
    agency.write_text(agency.read_text(encoding="utf-8").replace("pillar: ekonomi", "pillar: economy"), encoding="utf-8")
    plan_yml.write_text(written, encoding="utf-8")  # no longer asked for: gone at the next good build, the book stays
    off = run(root, BuildOptions(site=False, search=False))
    assert off.ok and not analysis.exists() and (root / "build" / "masterplan.pdf").is_file()
    assert [d.code for d in off.report.warnings] == ["W017"]  # content/analysis/ is not read, and said so


def test_a_cross_reference_its_jinja_writes_to_nothing_it_holds_is_told_by_the_build(tmp_path: Path) -> None:
    """validate reads a chapter as written, so a reference a loop writes (``[[bab:{{ pillar.id }}]]``) is not its to
    tell; the analysis printed it as written and said nothing, where the book's chapter says W604. Now the build tells
    it, once each, and a reference written as is stays told by validate alone (E507 there, not again here)."""
    root = write_plan(tmp_path, {})
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "leading_sector: diskominfo", "leading_sector: diskominfo\nstrategic_analysis: true"), encoding="utf-8")
    (root / "content" / "analysis").mkdir()
    (root / "content" / "analysis" / "01-dimensi.md").write_text(
        "---\ntitle: Dimensi\n---\n\n{% for pillar in plan.pillars %}Lihat [[bab:{{ pillar.id }}]] dan "
        "[[pillar:{{ pillar.id }}]].\n\n{% endfor %}", encoding="utf-8")
    built = run(root, BuildOptions(site=False, search=False))
    told = sorted(d.message for d in built.report.warnings if d.code == "W604")
    assert built.ok and told == [f"cross-reference 'bab:{pillar.id}' names nothing in the book"
                                 for pillar in sorted(load_and_check(root).plan.pillars, key=lambda p: p.id)]
    assert "Lihat [[bab:" in " ".join(texts(root / "build" / ANALYSIS_PDF))


def test_what_validate_lets_the_analysis_name_is_what_its_book_resolves(tmp_path: Path) -> None:
    """The check stage derives the analysis's cross-reference ids without its renderer: the ids it accepts are the
    book's targets, a program or an agency as the plain text the book prints, and nothing of render is loaded."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    plan = load_and_check(tmp_path).plan
    assert plan is not None and plan.analysis
    book = analysis_book.contents(plan, lambda text, **values: text.format(**values) if values else text).targets
    assert strategic_analysis.targets(plan) == set(book)
    assert strategic_analysis.plain_texts(plan) == {ref: target.text for ref, target in book.items()
                                                    if target.kind in ("program", "agency")}
    assert strategic_analysis.generated_tables(plan) == {"tab:readiness"}  # the sample's readiness chapter claims it
    for part in strategic_analysis.PARTS:  # the parts it may claim hold the tables the book numbers
        assert PART_TABLES[part] == tuple(
            ref for ref, kind, _ in GENERATED_ITEMS[part] if kind == "table")
    imports = ("import sys, masterplan.analysis, masterplan.checks.cross_references;"
               "print(sorted(m for m in sys.modules if m.startswith('masterplan.render.')))")
    loaded = subprocess.run([sys.executable, "-c", imports], capture_output=True, text=True, check=True)
    assert "masterplan.render.outline" not in loaded.stdout, loaded.stdout
