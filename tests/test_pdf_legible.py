"""The sample plan's PDF book, read as a reader reads it: type size and contrast, words kept whole, columns."""

from __future__ import annotations

import collections
import itertools
import re
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pdf_reading import page_texts, plumbed
from test_pdf import MM

from masterplan.model import Plan
from masterplan.project import load_and_check

SMALLEST = 7.0  #: pt: smaller text is too small to read in print
CONTRAST = 4.5  #: grey text on white, at least (WCAG AA)


@pytest.fixture(scope="module")
def sample_pdf(sample_build: Path) -> Path:
    return sample_build / "build" / "masterplan.pdf"


@pytest.fixture(scope="module")
def sample_plan(sample_build: Path) -> Plan:
    plan = load_and_check(sample_build).plan
    assert plan is not None
    return plan


def contrast_on_white(colour: tuple[float, ...]) -> float:
    """WCAG's contrast ratio of a grey or RGB fill (0–1 channels) on white."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (colour * 3)[:3]]
    return 1.05 / (0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2] + 0.05)


def test_no_text_is_smaller_than_7_pt_or_pale(sample_pdf: Path) -> None:
    """The roadmap's labels (6.0 pt) and years (6.3 pt), the matrices' funding sources after each amount (6.4 pt,
    grey) and "QUICK WIN" badges (6.5 pt), the bar charts' values (6.7 pt, grey) were too small to read in print.
    Every character is 7 pt or more now, and text of any colour stands out from white paper by 4.5:1 at
    least: the gold of section and table numbers and chapter labels was 3.2:1. The cover's text stands on
    its navy band, white text on a dark cell."""
    small: collections.Counter[tuple[int, float]] = collections.Counter()
    pale: collections.Counter[tuple[int, str]] = collections.Counter()
    seen = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if not char["text"].strip():
                    continue
                seen += 1
                if char["size"] < SMALLEST - 0.005:
                    small[(page.page_number, round(char["size"], 1))] += 1
                colour = tuple(char["non_stroking_color"] or (0,))
                on_paper = page.page_number > 1 and len(colour) in (1, 3) and min(colour) < 0.9
                if on_paper and contrast_on_white(colour) < CONTRAST:
                    pale[(page.page_number, str(colour))] += 1
    assert seen > 100_000
    assert not small, sorted(small.items())[:10]
    assert not pale, sorted(pale.items())[:10]


def test_the_roadmaps_labels_keep_clear_of_its_marks_and_years(sample_pdf: Path) -> None:
    """At 7 pt a roadmap label takes more room: each ends before the quick-win marks, which stand 3 mm left of the
    first year's column (at 6 pt "ENV-04 Pengolahan Sampah … Gas Metana" ran into that column), and its lines
    keep a line's height apart."""
    pages = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if not re.search(r"^Gambar 13\.1\b", page.extract_text() or "", re.MULTILINE):
                continue
            words = page.extract_words()
            years = [w for w in words if re.fullmatch(r"20\d\d", w["text"])]
            axis = sorted((w for w in years if abs(w["top"] - years[0]["top"]) < 1), key=lambda w: w["x0"])
            if len(axis) < 3:
                continue  # a contents page naming the figure
            pages += 1
            centres = [(w["x0"] + w["x1"]) / 2 for w in axis]
            columns = centres[0] - (centres[1] - centres[0]) / 2  # the first year's column starts there
            labels = [c for c in page.chars if c["text"].strip() and c["size"] < 9 and c["x0"] < columns  # not the text after the figure
                      and axis[0]["bottom"] < c["top"] < page.height - 22 * MM]
            assert labels and min(c["size"] for c in labels) >= SMALLEST - 0.005
            ends = max(c["x1"] for c in labels)
            assert columns - ends > 3 * MM, (page.page_number, round((columns - ends) / MM, 1))
            tops = sorted({round(c["top"], 1) for c in labels})
            assert min(b - a for a, b in itertools.pairwise(tops)) > 1.2 * SMALLEST, page.page_number
    assert pages == 2


def printed(text: str) -> re.Pattern[str]:
    """``text`` as the PDF's text shows it: wrapped between any two words, or hyphenated (U+2010) inside one."""
    words = [r"(?:\u2010\s*)?".join(re.escape(c) for c in word) for word in text.split()]
    return re.compile(r"\s+".join(words))


def test_the_vision_and_missions_are_not_hyphenated(sample_plan: Plan, sample_pdf: Path) -> None:
    """The plan's own statements, quoted in Bab 3, read whole: the vision broke as "ber-/daya saing", a mission
    as "berwa-/wasan"."""
    whole = "\n".join(page_texts(sample_pdf))
    statements = [str(sample_plan.vision), *(str(mission.text) for mission in sample_plan.missions)]
    found = {statement: [m.group() for m in printed(statement).finditer(whole)] for statement in statements}
    assert all(found.values()), [statement for statement, shown in found.items() if not shown]
    broken = [shown for shown in itertools.chain(*found.values()) if "\u2010" in shown]
    assert not broken, broken


def test_headings_captions_and_table_heads_are_not_hyphenated(sample_pdf: Path) -> None:
    """Nothing set in bold sans-serif (headings, captions, table heads, program names in the matrices) ends a
    line with a hyphen WeasyPrint added."""
    broken = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            broken += [page.page_number for c in page.chars if c["text"] == "\u2010" and "Sans-Bold" in c["fontname"]]
    assert not broken, broken


def test_program_names_are_not_hyphenated(sample_plan: Plan, sample_pdf: Path) -> None:
    """§15.6 printed "Infrastruk-/tur", "Kam-/pung", "Parti-/sipasi": a program's name after its code (matrices,
    quick wins, programs by agency, index) may wrap between its words, never inside one."""
    whole = "\n".join(page_texts(sample_pdf))
    seen, broken = 0, []
    for program in sample_plan.programs:
        for match in printed(f"{program.id} {program.name}").finditer(whole):
            seen += 1
            if "\u2010" in match.group():
                broken.append(" ".join(match.group().split()))
    assert seen > 3 * len(sample_plan.programs) and not broken, (seen, broken)


def test_a_word_with_a_hyphen_is_not_hyphenated_again(sample_pdf: Path) -> None:
    """"Inisia-/tif-inisiatif" (Bab 1): a word that has a hyphen may break at it ("masing-/masing"), nowhere else."""
    found = [(number, line.strip()[-24:], following.strip()[:24])
             for number, text in enumerate(page_texts(sample_pdf), start=1)
             for line, following in itertools.pairwise(text.split("\n"))
             if line.rstrip().endswith("\u2010")
             and (re.search(r"\w-\w+\u2010$", line.rstrip()) or re.match(r"\w+-\w", following.strip()))]
    assert not found, found


def test_no_line_of_a_chapter_has_its_spaces_stretched(sample_pdf: Path) -> None:
    """A justified line's spaces widen to fill it, but never past 9 pt, three spaces and a third: WeasyPrint 68 missed the
    chance to hyphenate the word after some lines and stretched them instead, 10.1 pt between two words (page 57,
    "mulai dibangun, Smart Go mengintegrasikan"), where a space of the chapters' 10.5 pt type is 2.7 pt."""
    stretched = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5)
                     if abs(w["size"] - 10.5) < 0.1 and "Serif" in w["fontname"]]
            for _, line in itertools.groupby(sorted(words, key=lambda w: (round(w["top"]), w["x0"])),
                                             key=lambda w: round(w["top"])):
                line = list(line)
                widest = max((b["x0"] - a["x1"] for a, b in itertools.pairwise(line)), default=0.0)
                if widest > 9.0:
                    stretched.append((page.page_number, round(widest, 1), " ".join(w["text"] for w in line)))
    assert not stretched, stretched


def lines_of_words(page: pdfplumber.page.Page) -> list[list[dict[str, Any]]]:
    """``page``'s words in lines: words on one baseline, each less than a wide space after the last (italic, bold or
    grey words among them)."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5),
                       key=lambda w: (round(w["top"]), w["x0"])):
        line = next((line for line in lines if abs(line[-1]["bottom"] - word["bottom"]) < 1
                     and 0 <= word["x0"] - line[-1]["x1"] < 0.9 * word["size"]), None)
        if line is None:
            lines.append([word])
        else:
            line.append(word)
    return lines


def test_no_line_breaks_before_the_next_word_would_fit(sample_build: Path) -> None:
    """WeasyPrint 70 broke a line a word or more early where text ending in a space ran into an inline element
    that did not fit: a program's summary read "meman-" / "tau" / "tindak lanjut temuan secara" / "daring." (page 27),
    "penun-" / "juk" / "arah, dan …" (page 40), an indicator "layanan" / "surat daring" / "(kelurahan)", the
    summary's and the analysis' texts "wisatawan" / "melalui …" and "setiap" / "dimensi, …". In the three books no
    line of one word in the middle of a sentence is followed by a word that would have fit beside it in its column
    (as wide as the column's widest line of the same type nearby)."""
    early = []
    for name in ("masterplan.pdf", "masterplan-summary.pdf", "masterplan-analysis.pdf"):
        with plumbed(sample_build / "build" / name) as pdf:
            for page in pdf.pages:
                lines = lines_of_words(page)
                for line in (line for line in lines if len(line) == 1):
                    word = line[0]
                    if word["text"].endswith(("-", "\u2010", ".", ",", ":", ";")):
                        continue  # a hyphenated word's first half, or a sentence's end

                    def alike(other: list[dict[str, Any]], word: dict[str, Any] = word) -> bool:
                        return (abs(other[0]["x0"] - word["x0"]) < 1 and other[0]["fontname"] == word["fontname"]
                                and abs(other[0]["size"] - word["size"]) < 0.05)

                    below = [other for other in lines if alike(other)
                             and 0.9 * word["size"] < other[0]["top"] - word["top"] < 1.8 * word["size"]]
                    if not below or not below[0][0]["text"][0].islower():
                        continue  # a paragraph's last line, or a new item
                    column = max(other[-1]["x1"] for other in lines
                                 if alike(other) and abs(other[0]["top"] - word["top"]) < 8 * word["size"])
                    following = below[0][0]
                    if word["x1"] + 0.26 * word["size"] + following["x1"] - following["x0"] < column - 0.5:
                        early.append((name, page.page_number, word["text"], " ".join(w["text"] for w in below[0])))
    assert not early, early


_WORD = re.compile(r"\w+")


def test_text_copied_from_the_books_keeps_its_words_apart(sample_build: Path) -> None:
    """A space that opens an inline element (``render/inline_spaces.py`` moves it there, for WeasyPrint 70's early
    line breaks) is drawn as a gap without a space glyph; a viewer that copied text by its glyphs alone would give
    "Indikator2-1" (pdfplumber's words do). PDFium, the engine of Chromium's PDF viewer, copies every book's text with
    the same words as poppler's ``pdftotext``: no word of it is two of poppler's run together."""
    for name in ("masterplan.pdf", "masterplan-summary.pdf", "masterplan-analysis.pdf"):
        path = sample_build / "build" / name
        document = pdfium.PdfDocument(path)
        try:
            copied = set(_WORD.findall("\n".join(page.get_textpage().get_text_range() for page in document)))
        finally:
            document.close()
        poppler = set(_WORD.findall(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                                    check=True).stdout))
        run_together = sorted(word for word in copied - poppler
                              if any(word[:cut] in poppler and word[cut:] in poppler for cut in range(1, len(word))))
        assert not run_together, (name, run_together[:20])
        assert len(copied) > 500 and "Program" in copied


def test_the_legal_basis_and_the_covers_notice_are_not_hyphenated(sample_build: Path) -> None:
    """The regulations' titles of the legal basis and the cover's notice are set ragged: WeasyPrint 70 hyphenated them
    where 68 had missed the chance ("Rencana Pembangunan Jangka Menengah Dae-" / "rah Kota Pasuruan", "dengan pro-" /
    "gram"), a regulation's title parted mid-word on the book's third page. Neither has a hyphenated line now."""
    hyphenated = []
    for name in ("masterplan.pdf", "masterplan-summary.pdf", "masterplan-analysis.pdf"):
        texts = page_texts(sample_build / "build" / name)
        legal = [text for text in texts[1:6] if text.lstrip().startswith("Landasan Hukum")]
        assert legal or name != "masterplan.pdf"
        for text in [texts[0], *legal]:
            hyphenated += [(name, line) for line in text.splitlines() if line.rstrip().endswith("\u2010")]
    assert not hyphenated, hyphenated


def test_a_programs_budget_years_stand_in_a_column(sample_pdf: Path) -> None:
    """Each year was right-aligned with its amount, so "2023 Rp 1.500.000.000" stood left of "2025 Rp 800.000.000".
    On every matrix page the years and "Total" start at one place, the amounts end at another."""
    spread = []
    with plumbed(sample_pdf) as pdf:
        for page in (page for page in pdf.pages if page.width > page.height):
            words = page.extract_words(x_tolerance=1)
            pairs = [(label, rp) for label, rp in itertools.pairwise(words)
                     if rp["text"] == "Rp" and label["x0"] > page.width * 0.75 and abs(label["top"] - rp["top"]) < 2]
            starts = [label["x0"] for label, _ in pairs if re.fullmatch(r"20\d\d|Total", label["text"])]
            if len(starts) > 3:
                spread.append((page.page_number, round(max(starts) - min(starts), 1)))
    assert len(spread) > 10 and max(width for _, width in spread) < 1, spread


def test_an_amount_of_trillions_keeps_clear_of_its_funding_source(tmp_path: Path) -> None:
    """A province's Rp 1,5 triliun line printed over its source in the program matrix ("Rp 1.500.000.000.000KPBU"):
    the amounts of such a program are set smaller, still 7 pt, beside a narrower column of sources. Every amount, to
    Rp 15 triliun, ends left of its source."""
    from click.testing import CliRunner
    from conftest import MINI_FILES, write_plan

    from masterplan.cli import cli
    files = {
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
            "{year: 2023, amount: 300000000, source: APBD}", "{year: 2023, amount: 15000000000000, source: APBD}"),
        "content/agencies/bpkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace(
            "{year: 2022, amount: 50000000, source: APBN}", "{year: 2022, amount: 1500000000000, source: APBN}")}
    assert all(text != MINI_FILES[name] for name, text in files.items())
    root = write_plan(tmp_path / "plan", files)
    result = CliRunner().invoke(cli, ["build", str(root), "--no-site"])
    assert result.exit_code == 0, result.output
    lines = {}  # an amount of the matrices' budget column → (room before its source, pt)
    with plumbed(root / "build" / "masterplan.pdf") as pdf:
        for page in (page for page in pdf.pages if page.width > page.height):
            words = page.extract_words(x_tolerance=1, extra_attrs=["size"])
            for amount, source in itertools.pairwise(words):
                if source["text"] in ("APBD", "APBN") and amount["x0"] > page.width * 0.75:
                    lines[amount["text"]] = (round(source["x0"] - amount["x1"], 1), round(amount["size"], 1))
    assert set(lines) >= {"1.500.000.000.000", "15.000.000.000.000", "250.000.000"}, lines
    assert min(gap for gap, _ in lines.values()) > 1, lines  # at least 1 pt between an amount and its source
    assert min(size for _, size in lines.values()) >= SMALLEST, lines
