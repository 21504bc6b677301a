"""The executive summary (Ringkasan Eksekutif): the second, short PDF a plan asks for with ``executive_summary: true``.

Read back as a reader sees it: the sample's (built once per session by conftest's ``sample_build``, the sample
turning it on), its English edition (the summary alone, laid out once for this module), and a mini plan's, for what
the build does with the file: written beside the book, kept by ``--no-pdf`` and by a failed build, gone when the plan
no longer asks for it.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import REPO, write_plan
from pdf_reading import joined_texts as texts
from pdf_reading import outline_pages, page_texts, plumbed, reader
from test_pdf import rupiah

from masterplan.build import BuildOptions, run
from masterplan.cli import cli
from masterplan.diagnostics import Report
from masterplan.output import SUMMARY_PDF, Staging
from masterplan.project import load_and_check
from masterplan.render import summary_book
from masterplan.summary import budget

MM = 72 / 25.4  #: PDF points per millimetre
#: a quick win of the sample (content/agencies/dishub.yml)
QUICK_WIN = "Kota Nyaman bagi Pengunjung Kawasan Wisata Religi"
#: the sample's first mission (content/plan.yml)
MISSION = "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani dengan dukungan teknologi informasi."


def running_header(page: pdfplumber.page.Page) -> list[dict]:
    """The words of a page's running header: above the text's top margin (24 mm upright, 25 mm turned)."""
    return [word for word in page.extract_words() if word["bottom"] < 24 * 72 / 25.4]


def outline_titles(pdf: Path) -> list[str]:
    """The PDF's bookmarks, the top level only."""
    return [title for title, _ in outline_pages(pdf)]


@pytest.fixture(scope="module")
def summary(sample_build: Path) -> Path:
    return sample_build / "build" / SUMMARY_PDF


@pytest.fixture(scope="module")
def pages(summary: Path) -> list[str]:
    return texts(summary)


def test_the_sample_summary_is_a_short_document_beside_the_book(sample_build: Path, pages: list[str]) -> None:
    assert (sample_build / "build" / "masterplan.pdf").is_file()
    assert 8 <= len(pages) <= 20, len(pages)


def test_the_cover_names_the_summary_the_plan_and_the_notice(pages: list[str]) -> None:
    cover = pages[0]
    assert "RINGKASAN EKSEKUTIF" in cover
    assert "Masterplan Smart City Kota Pasuruan 2022–2031" in cover
    assert "Periode 2022–2031" in cover and "Versi 1.0" in cover and "1 Desember 2021" in cover
    assert "Dokumen ilustratif: contoh yang disusun" in cover  # the sample's notice, as on the book's cover


def test_the_authors_text_opens_it_with_its_figures_filled_in(pages: list[str]) -> None:
    assert pages[1].startswith("BAB 1 Ringkasan "), pages[1][:80]  # its chapter's heading (the page has no header)
    assert "memuat 70 program yang melibatkan 31 perangkat daerah" in pages[1]  # {{ plan.programs | length }} …
    assert "{{" not in " ".join(pages)


def test_its_first_chapter_ends_with_the_plan_s_key_figures(sample_build: Path, pages: list[str]) -> None:
    plan = load_and_check(sample_build).plan
    assert plan is not None
    by_year: dict[int, int] = {}
    for line in (line for program in plan.programs for line in program.budget):
        by_year[line.year] = by_year.get(line.year, 0) + line.amount
    peak = max(by_year, key=by_year.__getitem__)
    assert (peak, by_year[peak]) == (2026, 49_400_000_000)  # 2025 is close behind: the sample tells them apart
    panel = pages[1][pages[1].index("ANGKA UTAMA"):]  # on the first chapter's page, after the authors' text
    assert pages[1].index("Pesan Utama") < pages[1].index("ANGKA UTAMA")
    for said in ("Rp 276,66 miliar Indikasi anggaran", "2022–2031, seluruh sumber pendanaan", "70 Program",
                 "dalam 6 dimensi", "30 Perangkat daerah dan BUMD pengampu",
                 "dari 31 perangkat daerah dan BUMD yang terlibat",
                 "6 Quick Win", "Rp 7,35 miliar selama masa pelaksanaannya", "2026 Tahun dengan indikasi anggaran terbesar",
                 "Rp 49,40 miliar", "61,6% Bersumber dari APBD", "Rp 170,41 miliar"):
        assert said in panel, (said, panel)
    quick_wins = sum(program.total_budget for program in plan.programs if program.quick_win)
    assert (quick_wins, len({program.lead_id for program in plan.programs})) == (7_350_000_000, 30)


def test_a_chart_shows_the_budget_year_by_year(sample_build: Path, pages: list[str]) -> None:
    """Under the budget by pillar and year, Gambar 5.1 draws each year's total as a bar, in the years' order, each
    with its amount; the pillars' chart follows as Gambar 5.2."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    money = budget(plan)
    page = next(page for page in pages if "Gambar 5.1 Indikasi anggaran per tahun" in page)
    drawn = page[page.index("Gambar 5.1 Indikasi anggaran per tahun"):]
    expected = " ".join(f"{year} Rp {amount / 1e9:.2f} miliar".replace(".", ",") for year, amount in money.by_year.items())
    assert expected.startswith("2022 Rp 8,10 miliar 2023 Rp 28,60 miliar")
    assert expected in drawn, drawn[:400]
    assert "Gambar 5.2 Indikasi anggaran per dimensi" in " ".join(pages)


def test_it_gives_the_vision_the_missions_the_pillars_and_the_quick_wins(pages: list[str]) -> None:
    whole = " ".join(pages)
    assert "Terwujudnya Kota Pasuruan sebagai kota cerdas" in whole
    assert MISSION in whole
    pillars = next(page for page in pages if "Dimensi: tujuan, program, dan indikasi anggaran" in page)
    assert "Smart Governance" in pillars
    assert QUICK_WIN in whole
    assert "Tabel 4.1 Quick Win" in whole


def test_the_budget_is_summed_in_rupiah_by_pillar_year_and_source(pages: list[str]) -> None:
    budget = next(page for page in pages if "Anggaran per Dimensi dan Tahun" in page)
    # a count in running text in words, as PUEBI writes one of one or two words: "sepuluh tahun", "lima program"
    assert "Indikasi anggaran seluruh program berjumlah Rp 276.660.000.000 selama sepuluh tahun." in budget
    whole = " ".join(pages)
    assert "Anggaran per Sumber Pendanaan" in whole
    assert re.search(r"APBD Rp 170\.410\.000\.000 61,6%", whole), whole
    assert "Peta jalan program per dimensi, 2022–2031" in whole  # the roadmap chart's caption


def test_it_names_the_largest_programs_and_what_each_agency_leads(sample_build: Path, pages: list[str]) -> None:
    """The mayor's office asked first "what are the big-ticket items?" and "which dinas gets the money?": the summary
    answered neither (the book's agencies' table was not in it)."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    largest = sorted(plan.programs, key=lambda p: -p.total_budget)[:5]
    whole = " ".join(" ".join(pages).split())
    table = whole.split("Program dengan indikasi anggaran terbesar", 1)[1]  # after the caption
    places = [table.index(f"{program.id} ") for program in largest]
    assert places == sorted(places) and places[-1] < table.index("Anggaran per Perangkat Daerah")
    together = sum(program.total_budget for program in largest)
    assert f"memuat lima program dengan indikasi anggaran terbesar, yang bersama-sama memerlukan {rupiah(together)}" \
        in whole
    assert re.search(r"Dinas Pekerjaan Umum dan Penataan Ruang \(DPUPR\) Rp 47\.450\.000\.000 17,2%", whole)  # 17,15 %
    others = sorted((amount for amount in budget(plan).by_agency.values() if amount), reverse=True)[10:]
    assert f"{len(others)} perangkat daerah lainnya {rupiah(sum(others))} 21,7%" in whole  # 59,96 of 276,66 miliar
    # where the other twenty are: the book's table by its number (a council member found "the master plan's table"
    # nowhere in the book by that name)
    assert "Indikasi anggaran seluruh perangkat daerah pengampu dimuat dalam Tabel 14.3 dokumen masterplan." in whole
    book = " ".join(" ".join(page_texts(sample_build / "build" / "masterplan.pdf")).split())
    assert "Tabel 14.3 Indikasi anggaran per perangkat daerah pengampu Perangkat daerah" in book
    assert "Tabel 5.4 APBD per tahun terhadap pagu indikatif" in whole  # can the APBD afford it, year by year
    # how much of each year rests on money other than the city's own, and where the largest programs' comes from
    # (a council member found ENV-04's 86 % of KPBU and private money nowhere in the summary)
    assert re.search(r"Tabel 5\.3 Indikasi anggaran per sumber pendanaan dan tahun Tahun APBD .* Total 2022 ", whole)
    assert re.search(r"Program Perangkat daerah pengampu Tahun Sumber pendanaan Indikasi anggaran Porsi ENV-09 .*?"
                     r"DPUPR 2025–2030 APBD, APBN, DAK, APBD Provinsi Rp 17\.000\.000\.000 6,1%", whole)


def test_the_budget_by_pillar_and_year_keeps_neighbouring_amounts_apart(summary: Path) -> None:
    """Twelve-digit amounts in seven columns of a portrait page: a column whose name is short (Smart Living) is not
    squeezed to its figures' width, so "1.800.000.000 10.950.000.000" does not read as one run of digits: the
    columns of amounts share the width alike."""
    with plumbed(summary) as pdf:
        page = next(page for page in pdf.pages if "Anggaran per Dimensi dan Tahun" in (page.extract_text() or ""))
        figures = [w for w in page.extract_words() if re.fullmatch(r"\d{1,3}(\.\d{3})+|–", w["text"])]
    rows: dict[int, list[dict]] = {}
    for word in figures:
        rows.setdefault(round(word["top"]), []).append(word)
    table = [row for row in rows.values() if len(row) == 7]  # six pillars and the total (not the sentence above)
    assert len(table) == 11, rows.keys()  # ten years and the total
    gaps = [right["x0"] - left["x1"] for row in table
            for left, right in itertools.pairwise(sorted(row, key=lambda word: word["x0"]))]
    assert len(gaps) == 11 * 6 and min(gaps) > 2.4 * MM, min(gaps) / MM
    edges = [max(word["x1"] for word in column) for column in zip(*(sorted(row, key=lambda w: w["x0"]) for row in table))]
    widths = [right - left for left, right in itertools.pairwise(edges)]  # each column's, from the amounts' right edge
    assert max(widths) - min(widths) < 1 * MM, [round(width / MM, 1) for width in widths]


def test_the_pillars_shares_total_included_end_at_one_edge(summary: Path) -> None:
    """The total's bold "100,0%" is wider than the shares above it: it ran past their edge, against the table's."""
    with plumbed(summary) as pdf:
        page = next(page for page in pdf.pages if "Dimensi: tujuan, program" in (page.extract_text() or ""))
        shares = [w for w in page.extract_words() if re.fullmatch(r"\d{1,3},\d%", w["text"])]
    assert len(shares) == 7 and shares[-1]["text"] == "100,0%", [w["text"] for w in shares]  # six pillars, the total
    edges = [w["x1"] for w in shares]
    assert max(edges) - min(edges) < 0.2, edges


def test_the_quick_wins_landscape_chapter_opens_without_a_running_header(summary: Path) -> None:
    """As every chapter's first page: the header is on the chapter's later (landscape) pages only."""
    with plumbed(summary) as document:
        turned = [page for page in document.pages if page.width > page.height]
        assert len(turned) >= 2, len(turned)
        assert " ".join(turned[0].extract_text().split()).startswith("BAB 4 Quick Win")
        headers = [" ".join(word["text"] for word in running_header(page)) for page in turned]
    assert headers[0] == "" and all(headers[1:]), headers
    assert headers[1].endswith("Bab 4 · Quick Win"), headers


def test_the_running_header_names_the_summary_and_the_whole_title(summary: Path) -> None:
    """The summary's chapters' titles are short: its kind, the plan's title, city and period all fit (the period was
    cut, "… Kota Pasuruan…")."""
    with plumbed(summary) as document:
        headers = [" ".join(word["text"] for word in running_header(page) if word["x0"] < page.width / 2)
                   for page in document.pages[1:]]
    headers = [left for left in headers if left and not left.endswith("(lanjutan)")]
    assert headers and set(headers) == {"Ringkasan Eksekutif · Masterplan Smart City Kota Pasuruan 2022–2031"}, headers


def test_pages_are_numbered_after_the_cover(pages: list[str]) -> None:
    assert not re.search(r"\b1$", pages[0])  # the cover has no folio
    for number, text in enumerate(pages[1:], start=1):
        assert text.endswith(f" {number}"), (number, text[-80:])


def test_its_outline_and_metadata_are_the_summary_s(summary: Path) -> None:
    assert outline_titles(summary) == ["Bab 1 · Ringkasan", "Bab 2 · Visi dan Misi", "Bab 3 · Dimensi Smart City",
                                       "Bab 4 · Quick Win", "Bab 5 · Anggaran", "Bab 6 · Peta Jalan", "Glosarium"]
    document = reader(summary)
    assert document.metadata.title == "Ringkasan Eksekutif: Masterplan Smart City Kota Pasuruan 2022–2031"
    assert document.trailer["/Root"]["/Lang"] == "id"
    # it opens as the book does: bookmarks shown, its title in the viewer's bar (it showed its file's name)
    assert document.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert document.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_its_glossary_explains_the_terms_it_prints_and_no_others(summary: Path) -> None:
    """A council member reading the summary alone met KPBU, CSR, Pokdarwis and QRIS unexplained: the book's glossary
    was not in it. Its own lists the terms and agencies' short names it prints, the book's others left out."""
    pages = texts(summary)
    start = dict(outline_pages(summary))["Glosarium"]  # 0-based
    before, glossary = " ".join(pages[:start]), " ".join(pages[start:])
    for term, meaning in (("KPBU", "Kerja Sama Pemerintah dengan Badan Usaha"), ("CSR", "Corporate Social"),
                          ("QRIS", "Quick Response Code"), ("Pokdarwis", "Kelompok Sadar Wisata"),
                          ("Diskop-UM", "Dinas Koperasi dan Usaha Mikro"), ("DPRD", "Dewan Perwakilan Rakyat Daerah")):
        assert term in before and term in glossary and meaning in glossary, term
    assert "SPBE" not in before + glossary  # in the book's glossary, not printed here
    # the roadmap's chart names programs "Area Traffic Control System (ATCS)" and "SIMRS Terintegrasi": a chart is a
    # picture of its words, which the glossary's search did not read
    for term, meaning in (("ATCS", "Area Traffic Control System"), ("SIMRS", "Sistem Informasi Manajemen Rumah")):
        assert term in glossary and meaning in glossary, term


def test_the_site_offers_the_summary_beside_the_book(sample_build: Path, summary: Path) -> None:
    site = sample_build / "build" / "site"
    assert (site / "download" / SUMMARY_PDF).read_bytes() == summary.read_bytes()
    for page in ("index.html", "data.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert f'href="download/{SUMMARY_PDF}"' in html, page
    assert "Ringkasan Eksekutif (PDF," in (site / "index.html").read_text(encoding="utf-8")


def test_an_english_edition_s_summary_is_in_english(english_sample_build: Path) -> None:
    pages = texts(english_sample_build / SUMMARY_PDF)
    assert "EXECUTIVE SUMMARY" in pages[0] and "Illustrative document" in pages[0]
    assert "The indicative budget of all programs totals Rp 276,660,000,000 over ten years." in " ".join(pages)
    panel = pages[1][pages[1].index("KEY FIGURES"):]
    for said in ("Rp 276.66 billion Indicative budget", "2022–2031, every funding source", "70 Programs in 6 pillars",
                 "30 Lead agencies and enterprises of 31 agencies and enterprises involved", "2026 Year of the largest budget",
                 "61.6% From the local budget (APBD)"):
        assert said in panel, (said, panel)
    assert outline_titles(english_sample_build / SUMMARY_PDF)[1:3] == ["Chapter 2 · Vision and missions",
                                                                   "Chapter 3 · Smart city pillars"]
    # the pillars' table's head: each word inside its cell ("Programs" ran 2 mm into "Quick wins")
    assert not head_words_outside(english_sample_build / SUMMARY_PDF, "Programs")


def head_words_outside(pdf: Path, word: str) -> list[str]:
    """The words of the table head holding ``word`` (on the first page that has it) that run past the right edge of
    the cell they start in (its coloured background); each a word and by how many points."""
    with plumbed(pdf) as book:
        for page in book.pages:
            head = next((w for w in page.extract_words() if w["text"] == word), None)
            if head is None:
                continue
            cells = [r for r in page.rects if r["top"] <= head["top"] and head["bottom"] <= r["bottom"]]
            assert len(cells) > 3, "the head's cells are drawn as rectangles"
            row = [w for w in page.extract_words() if cells[0]["top"] <= w["top"] and w["bottom"] <= cells[0]["bottom"]]
            starts = [(w, next(c for c in cells if c["x0"] - 0.5 <= w["x0"] < c["x1"])) for w in row]  # its cell
            return [f"{w['text']} by {w['x1'] - c['x1']:.1f} pt" for w, c in starts if w["x1"] > c["x1"] + 0.5]
    raise AssertionError(f"no page has {word!r}")


def summary_on(tmp_path: Path) -> tuple[Path, str]:
    """The mini plan asking for the summary; returns its folder and plan.yml as written without it."""
    root = write_plan(tmp_path, {})
    plan_yml = root / "content" / "plan.yml"
    written = plan_yml.read_text(encoding="utf-8")
    plan_yml.write_text(written.replace("leading_sector: diskominfo", "leading_sector: diskominfo\n"
                                        "executive_summary: true"), encoding="utf-8")
    return root, written


def summary_alone(root: Path) -> Path:
    """The plan's summary laid out alone (no book, no cache), with no error; returns it."""
    plan = load_and_check(root).plan
    assert plan is not None
    report = Report()
    with Staging(root / "build") as staging:
        summary_book.render(plan, root, staging, BuildOptions(cache=False), report)
    assert not report.errors, report.errors
    return root / "build" / SUMMARY_PDF


def test_a_failed_build_and_a_build_without_the_pdf_keep_the_last_summary(tmp_path: Path) -> None:
    root, written = summary_on(tmp_path)
    plan_yml = root / "content" / "plan.yml"
    assert run(root, BuildOptions(site=False, search=False)).ok
    summary = root / "build" / SUMMARY_PDF
    made = summary.read_bytes()
    assert "RINGKASAN EKSEKUTIF" in texts(summary)[0]
    again = run(root, BuildOptions(site=False, search=False))  # nothing changed: the summary is the last one, kept
    assert "Executive summary: as in an earlier build, taken from the cache" in [str(line) for line in again.summary]
    assert summary.read_bytes() == made
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    assert summary.read_bytes() == made
    agency = root / "content" / "agencies" / "bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("pillar: economy", "pillar: ekonomi"), encoding="utf-8")
    assert not run(root, BuildOptions(site=False, search=False)).ok
    assert summary.read_bytes() == made
    # a plan that no longer asks for it: the next good build takes the last one away, the book stays
    agency.write_text(agency.read_text(encoding="utf-8").replace("pillar: ekonomi", "pillar: economy"), encoding="utf-8")
    plan_yml.write_text(written, encoding="utf-8")
    assert run(root, BuildOptions(site=False, search=False)).ok
    assert not summary.exists() and (root / "build" / "masterplan.pdf").is_file()


def test_printing_on_both_sides_lays_the_summary_out_again(tmp_path: Path) -> None:
    root, _ = summary_on(tmp_path)
    assert run(root, BuildOptions(site=False, search=False)).ok
    summary = root / "build" / SUMMARY_PDF
    left_hand = [title for title, page in outline_pages(summary) if page % 2]
    assert left_hand, "one-sided, some chapter opens on a left-hand page: the test below would prove nothing"
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "print: {two_sided: true}\n", encoding="utf-8")
    again = run(root, BuildOptions(site=False, search=False))  # only the stylesheets differ: not the last one copied
    assert again.ok
    lines = [str(line) for line in again.summary]
    assert "Executive summary: as in an earlier build, taken from the cache" not in lines, lines
    assert any(line.startswith("Executive summary: ") and " pages in " in line for line in lines), lines
    assert [(title, page) for title, page in outline_pages(summary) if page % 2] == []  # each on a right-hand page
    assert len(page_texts(summary)) % 2 == 0  # the last leaf's back, as the book's


def test_the_authors_text_shows_whatever_part_its_front_matter_names(tmp_path: Path) -> None:
    root, _ = summary_on(tmp_path)
    (root / "content" / "executive-summary.md").write_text(
        "---\ntitle: Pokok-Pokok Rencana\npart: front\ngenerated: budget\n---\n\nKalimat pembuka para penyusun.\n",
        encoding="utf-8")
    summary_alone(root)
    pages = texts(root / "build" / SUMMARY_PDF)
    assert "Kalimat pembuka para penyusun." in pages[1]
    titles = outline_titles(root / "build" / SUMMARY_PDF)
    assert titles[0] == "Bab 1 · Pokok-Pokok Rencana", titles
    assert not any(re.search(r"Tabel 1\.\d", page) for page in pages)  # the budget's tables are chapter 5's only
    told = sorted((d.position.file, d.position.line, str(d.message)) for d in load_and_check(root).report.warnings
                  if d.code == "W531")
    opens = "the executive summary's text always opens the summary: its front matter's"
    assert told == [("content/executive-summary.md", 1, f"{opens} generated: budget is not used"),
                    ("content/executive-summary.md", 1, f"{opens} part: front is not used")]


def test_the_running_header_of_a_long_title_fits_on_one_line(tmp_path: Path) -> None:
    root, _ = summary_on(tmp_path)
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(
        "title: Masterplan Smart City Kota Contoh 2022–2026",
        "title: Masterplan Smart City Kota Contoh Tahun 2022–2026 Menuju Kota Cerdas yang Melayani Warga"),
        encoding="utf-8")
    (root / "content" / "executive-summary.md").write_text(  # as long a chapter's title as the book's longest
        "---\ntitle: Pokok-Pokok Masterplan Smart City bagi Pimpinan Daerah\n---\n\n" + "Kalimat. " * 600,
        encoding="utf-8")
    summary_alone(root)
    headed = 0
    with plumbed(root / "build" / SUMMARY_PDF) as document:
        for page in document.pages[1:]:
            header = running_header(page)
            assert len({round(word["bottom"]) for word in header}) <= 1, [(w["text"], w["bottom"]) for w in header]
            assert not header or header[0]["text"] == "Ringkasan", header
            headed += bool(header)
    assert headed, "the chapter's pages after its first have a running header"


def test_a_picture_the_renderer_refuses_in_the_authors_text_is_told_at_its_line(tmp_path: Path) -> None:
    from masterplan.render import pdf_logs
    from masterplan.render.print_fetch import Fetcher
    from masterplan.render.theme import Theme

    root, _ = summary_on(tmp_path)
    (root / "content" / "assets").mkdir()
    (root / "content" / "assets" / "peta.svg").write_bytes((REPO / "content" / "assets" / "logo.svg").read_bytes())
    (root / "content" / "executive-summary.md").write_text(
        "---\ntitle: Ringkasan\n---\n\nKalimat pembuka.\n\n![Peta](assets/peta.svg)\n", encoding="utf-8")
    plan = load_and_check(root).plan
    assert plan is not None
    fetcher = Fetcher(root / "content", Theme.for_plan(root))
    fetcher.refused.append((f"{fetcher.base_url}assets/peta.svg", "not a picture the book prints"))
    told = [str(d) for d in pdf_logs.diagnostics(fetcher, [], plan)]
    assert len(told) == 1 and told[0].startswith("content/executive-summary.md:7:"), told


def test_a_cross_reference_the_summary_does_not_hold_is_told_once_at_its_line(tmp_path: Path) -> None:
    """The summary has no program matrix: [[GOV-01]] in its text is printed as written. validate said nothing of it
    and the build said W604 naming only the file; now validate says it at its line, and the build says it there,
    once, while a reference the summary holds is said nothing of."""
    root, _ = summary_on(tmp_path)
    (root / "content" / "executive-summary.md").write_text(
        "---\ntitle: Ringkasan\n---\n\nQuick win pada [[tab:quick-wins]].\n\nLayanan aduan [[GOV-01]] sudah berjalan.\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(d["file"], d["line"], d["code"]) for d in json.loads(result.stdout) if d["code"] == "W604"] == [
        ("content/executive-summary.md", 7, "W604")]
    built = run(root, BuildOptions(site=False, search=False))
    assert built.ok and (root / "build" / SUMMARY_PDF).is_file()
    assert [(d.position.file, d.position.line) for d in built.report.warnings if d.code == "W604"] == [
        ("content/executive-summary.md", 7)]


def test_a_plan_with_realised_figures_gives_its_attainment_in_the_summary(tmp_path: Path) -> None:
    """The mid-term review's summary, read by the council, said nothing of how far the plan is: the book's table of
    each pillar's indicators that met their target, did not, or could not be judged, in the latest year monitored,
    is a chapter of its own, after the vision's; a plan without realised figures has none."""
    root, _ = summary_on(tmp_path)
    assert "Capaian Indikator" not in " ".join(page_texts(summary_alone(root)))
    agency = root / "content" / "agencies" / "bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "targets: {2022: 50, 2023: 80}", "targets: {2022: 50, 2023: 80}\n        realised: {2022: 55}\n        direction: up"),
        encoding="utf-8")
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("date: 2021-12-01", "date: 2023-03-01"),
                        encoding="utf-8")
    assert "realised: {2022: 55}" in agency.read_text(encoding="utf-8")
    text = " ".join(" ".join(page.split()) for page in page_texts(summary_alone(root)))
    assert "BAB 2 Capaian Indikator" in text, text
    assert "Tabel 2.1 Capaian target indikator per dimensi, 2022 Dimensi Target tercapai" in text
    # 55 of a target of 50, up; GOV-01's two indicators, targets of 2022 without a realised figure: not reported
    assert "Smart Governance 0 0 2 0 Smart Economy 1 0 0 0 Total 1 0 2 0" in text
    assert "Capaian per Perangkat Daerah" not in text  # the book's, not the summary's


def test_a_glossary_term_is_found_as_a_reader_reads_it() -> None:
    """A term with an Indonesian suffix, "APBD-nya", is the term used; "Diskop-UM" is no use of a term "Diskop"."""
    terms = [("APBD", "Anggaran Pendapatan dan Belanja Daerah"), ("Diskop", "Dinas Koperasi"), ("DAK", "Dana")]
    html = '<body><p>Sebagian APBD-nya untuk Diskop-UM.</p><section id="bab-glossary"><p>DAK</p></section></body>'
    from masterplan.render.print_book import glossary_used
    assert glossary_used(html, terms, "bab-glossary") == [terms[0]]  # DAK only in the glossary itself
