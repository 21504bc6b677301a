"""An edition in another language than the plan is written in (``language: en``, ``written_in: id``) marks
the plan's own texts with their language: for screen readers, the book's hyphenation and the open data."""

from __future__ import annotations

import html
import itertools
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts, plumbed

from masterplan.build import BuildOptions, run

PLAN_YML = MINI_FILES["content/plan.yml"]
ENGLISH = PLAN_YML.replace("status: draft", "status: draft\n        language: en\n        written_in: id")


def built(make_plan: Callable[..., Path], files: dict[str, str | None], **options: object) -> Path:
    root = make_plan(files)
    result = run(root, BuildOptions(**{"pdf": False, **options}))  # type: ignore[arg-type]
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build"


def page(build: Path, path: str) -> str:
    return (build / "site" / path).read_text(encoding="utf-8")


def test_the_english_edition_marks_the_indonesian_texts_it_shows(make_plan: Callable[..., Path]) -> None:
    build = built(make_plan, {"content/plan.yml": ENGLISH})
    program = page(build, "program/GOV-01.html")
    assert '<html lang="en"' in program
    assert '<h1><span lang="id">e-Sambat (Media Sambat Masyarakat)</span></h1>' in program
    assert '<span lang="id">Dinas Komunikasi dan Informatika</span> (Diskominfo)' in program
    assert re.search(r'<div lang="id">\s*<p>Warga <strong>mengadu</strong>', program), "the description, as Markdown"
    assert "Lead agency" in program, "the interface is English, and not marked"
    chapter = page(build, "chapter/pendahuluan.html")
    assert '<div class="prose" lang="id">' in chapter
    assert '<h1><span lang="id">Pendahuluan</span></h1>' in chapter
    home = page(build, "index.html")
    assert '<span lang="id">Kota cerdas yang melayani.</span>' in home
    assert '<h1 id="page-title" lang="id">Masterplan Smart City Kota' in home
    assert '<meta name="description" content="Kota cerdas yang melayani.">' in home, "attributes hold plain text"


def test_a_text_translated_into_the_edition_is_not_marked(make_plan: Callable[..., Path]) -> None:
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "name: e-Sambat (Media Sambat Masyarakat)", "name: {id: e-Sambat (Media Sambat Masyarakat), en: e-Sambat (Citizen Complaints)}")
    build = built(make_plan, {"content/plan.yml": ENGLISH, "content/agencies/diskominfo.yml": agency})
    program = page(build, "program/GOV-01.html")
    assert "<h1>e-Sambat (Citizen Complaints)</h1>" in program
    pillar = page(build, "pillar/governance.html")
    assert "<h3 id=\"sub-pelayanan_publik\">Public Services</h3>" in pillar


def test_an_edition_in_the_language_the_plan_is_written_in_has_no_marks(make_plan: Callable[..., Path]) -> None:
    indonesian = built(make_plan, {})
    untold = built(make_plan, {"content/plan.yml": PLAN_YML.replace("status: draft", "status: draft\n        language: en")})
    for build in (indonesian, untold):  # without written_in, plain texts are in the edition's language
        for path in (build / "site").rglob("*.html"):
            assert not re.search(r'<(?!html)[a-z]+[^>]* lang="', path.read_text(encoding="utf-8")), path


def test_the_open_data_keys_each_text_by_the_language_it_is_written_in(make_plan: Callable[..., Path]) -> None:
    build = built(make_plan, {"content/plan.yml": ENGLISH})
    data = json.loads(page(build, "data/plan.json"))
    assert data["plan"]["language"] == "en" and data["plan"]["written_in"] == "id"
    assert data["plan"]["vision"] == {"id": "Kota cerdas yang melayani."}
    governance = next(p for p in data["pillars"] if p["id"] == "governance")
    assert governance["sub_elements"][0]["name"] == {"id": "Pelayanan Publik", "en": "Public Services"}


@pytest.fixture(scope="module")
def english_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English book of a plan written in Indonesian, with a chapter of long Indonesian words."""
    words = ("pelaksanaannya mengintegrasikan kapasitas lingkungan pembiayaan kelurahan pemerintahan "
             "keberlanjutan penyelenggaraan ") * 12
    chapter = textwrap.dedent(f"""\
        ---
        title: Pendahuluan
        ---
        {words}
        """)
    root = write_plan(tmp_path_factory.mktemp("english"), {"content/plan.yml": ENGLISH,
                                                           "content/chapters/01-pendahuluan.md": chapter})
    result = run(root, BuildOptions(site=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return root / "build" / "masterplan.pdf"


def test_the_english_book_hyphenates_indonesian_words_between_their_syllables(english_book: Path) -> None:
    """English patterns broke "pelaksan-aannya", "kapas-itas", "lingkun-gan": between a consonant and the vowel
    after it, which an Indonesian syllable never is, or inside ng, ny, kh, sy, which are one consonant."""
    with plumbed(english_book) as pdf:
        lines = [line for p in pdf.pages for line in (p.extract_text() or "").split("\n")]
    broken = [(re.search(r"(\w+)\u2010$", line).group(1), following.split()[0])  # type: ignore[union-attr]
              for line, following in itertools.pairwise(lines) if re.search(r"\w\u2010$", line) and following.split()]
    assert len(broken) >= 5, "the chapter's words are long enough to be hyphenated"
    wrong = [f"{before}-{after}" for before, after in broken
             if before[-1].lower() in "bcdfghjklmnpqrstvwxyz" and after[0].lower() in "aeiou"
             or (before[-1] + after[0]).lower() in ("ng", "ny", "kh", "sy")]
    assert not wrong, wrong


def test_the_english_books_contents_keep_each_chapter_number_on_its_titles_line(english_book: Path) -> None:
    """"Chapter" stood alone on a line above each chapter's entry: the number's column was "Bab 1"'s width."""
    with plumbed(english_book) as pdf:
        contents = next(text for p in pdf.pages if (text := p.extract_text() or "").startswith("Table of contents"))
    assert re.search(r"^Chapter 1 Pendahuluan\b", contents, re.MULTILINE), contents
    assert not re.search(r"^Chapter$", contents, re.MULTILINE)


def test_the_english_matrix_heads_stand_apart(english_book: Path) -> None:
    """"Baseline" (wider than "Kondisi awal"'s longer word) stood 0.6 mm from "Target per year": read as one."""
    gaps = []
    with plumbed(english_book) as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=1)
            for baseline in (w for w in words if w["text"] == "Baseline"):
                target = next((w for w in words if w["text"] == "Target" and abs(w["top"] - baseline["top"]) < 2), None)
                if target:
                    gaps.append((target["x0"] - baseline["x1"]) * 25.4 / 72)
    assert gaps and min(gaps) > 1.5, gaps


def test_an_agencys_description_reads_right_for_one_program(make_plan: Callable[..., Path]) -> None:
    """"… leads 1 and supports 1 programs of the plan" in the English description of an agency's page."""
    build = built(make_plan, {"content/plan.yml": ENGLISH})
    agency = page(build, "agency/bpkad.html")
    assert "leads 1 and supports 1 of the plan&#39;s programs; indicative budget of the programs it leads: Rp 100 million." in agency


def test_a_cross_reference_in_the_editions_words_is_marked_as_english(make_plan: Callable[..., Path]) -> None:
    """An Indonesian chapter of the English edition says "… pada Table 2.2": a screen reader read "Table 2.2" (and
    the book's "page 5" after it) with Indonesian sounds, as the chapter's text around it. A reference the edition
    words is marked English, in the book and on the site; a program's code is no language's and is not."""
    from masterplan.diagnostics import Report
    from masterplan.i18n import Translator
    from masterplan.project import load_and_check
    from masterplan.render import outline, print_book

    chapter = MINI_FILES["content/chapters/01-pendahuluan.md"].replace(
        "termasuk e-Sambat [[GOV-01]].", "termasuk e-Sambat [[GOV-01]], dalam [[tab:program-governance]]; lihat "
        "[[bab:kata-pengantar]].")
    foreword = "---\ntitle: Kata Pengantar\npart: front\n---\nPuji syukur.\n"  # no number: named by its title
    for plan_yml, marked in ((ENGLISH, True), (PLAN_YML, False)):
        files = {"content/plan.yml": plan_yml, "content/chapters/01-pendahuluan.md": chapter,
                 "content/chapters/00-kata-pengantar.md": foreword}
        site = page(built(make_plan, files), "chapter/pendahuluan.html")
        words = "Table" if marked else "Tabel"
        assert re.search(rf'<a href="[^"]+"{" lang=.en." if marked else ""}>{words} \d+\.\d+</a>', site), site
        assert re.search(r'<a href="[^"]+" title="[^"]+">GOV-01</a>', site), "no lang on the code"
        assert re.search(r'<a href="[^"]+">Kata Pengantar</a>', site), "nor on a title the plan writes"
        plan = load_and_check(make_plan(files)).plan
        assert plan is not None
        translate = Translator(plan.language)
        book = outline.build(plan, translate, plan.language)
        entry = next(c for c in book.chapters if c.key == "pendahuluan")
        text = print_book.chapter_text(plan, entry, book, translate, Report())
        assert re.search(rf'data-page="[^"]+"{" lang=.en." if marked else ""}>{words} \d+\.\d+</a>', text), text
        assert re.search(r'data-page="[^"]+">GOV-01</a>', text), text
        assert re.search(r'data-page="[^"]+">Kata Pengantar</a>', text), text


def test_the_english_edition_says_its_texts_are_written_in_indonesian(make_plan: Callable[..., Path],
                                                                     english_book: Path) -> None:
    """An English reader met Indonesian chapters, names and glossary with no word of why: the cover and every page
    of the site say in what language the plan's texts are written, and that those not translated are as written."""
    said = "Texts without an English translation are"
    cover = " ".join(page_texts(english_book)[0].split())
    assert f"{said} printed in the original Indonesian." in cover
    site = built(make_plan, {"content/plan.yml": ENGLISH})
    for page in ("index.html", "program/GOV-01.html", "glossary.html"):
        assert f"{said} shown in the original Indonesian." in " ".join(html.unescape((site / "site" / page).read_text(encoding="utf-8")).split())
    indonesian = built(make_plan, {})
    assert "ditulis dalam bahasa" not in (indonesian / "site" / "index.html").read_text(encoding="utf-8")


def test_the_english_open_data_names_the_funding_sources_it_keeps_codes_of(make_plan: Callable[..., Path]) -> None:
    """budget.csv keeps the plan's codes (APBD Provinsi, Swasta, Hibah) that the English book calls Provincial APBD,
    Private sector and Grants: the data page and datapackage.json say which is which."""
    site = built(make_plan, {"content/plan.yml": ENGLISH})
    named = "APBD Provinsi: Provincial APBD; Swasta: Private sector; Hibah: Grants"
    package = json.loads((site / "site" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(resource["name"], field["name"]): field["description"] for resource in package["resources"]
              for field in resource["schema"]["fields"]}
    assert fields[("budget", "funding_source")] == f"Funding source ({named})"
    assert fields[("programs", "funding_sources")] == (
        f"Funding sources, separated by ';', in the order of plan.funding_sources in plan.json ({named})")
    assert f"Funding source ({named})" in html.unescape((site / "site" / "data.html").read_text(encoding="utf-8"))
    indonesian = built(make_plan, {})
    package = json.loads((indonesian / "site" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert {field["description"] for resource in package["resources"] for field in resource["schema"]["fields"]
            if field["name"] == "funding_source"} == {"Sumber pendanaan"}
