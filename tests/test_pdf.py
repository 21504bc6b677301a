"""The sample plan's PDF book, read back: TOC page numbers, programs, outline, fonts, headers, page sizes."""

from __future__ import annotations

import itertools
import re
import subprocess
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pypdf
import pytest
import tagged
from pdf_reading import header_rules, page_texts, plumbed
from pdf_reading import reader as read

from masterplan.formatting import Formats
from masterplan.i18n import Translator, load_catalog
from masterplan.model import Plan
from masterplan.project import load_and_check
from masterplan.render import outline
from masterplan.render.typography import UNITS
from masterplan.summary import BudgetSummary, budget

INDONESIAN = Formats("id", Translator("id", load_catalog()))

REPO = Path(__file__).resolve().parent.parent
A4 = (595, 842)
MM = 72 / 25.4
HEADER_ZONE = {"portrait": 23 * MM, "landscape": 24 * MM}  #: above the text area (book.css @page margins)
FOOT_ZONE = 21 * MM  #: below a portrait page's text area (its bottom margin is 22 mm): page number, a draft's note


@lru_cache(maxsize=8)
def rupiah(amount: int) -> str:
    """An amount as the book prints it: Rp 1.250.000.000."""
    return f"Rp {amount:,}".replace(",", ".")


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparisons that must survive line wrapping."""
    return re.sub(r"\s+", "", text)


FAINT_RED = 40  #: pale red pixels at 12 dpi: the sample draft shows 74 (its densest page) to 310, its final book at most 22


def draft_marked(pdf: Path) -> list[bool]:
    """Per page, whether it shows the draft mark as a reader sees it: enough pixels of its pale red
    (pdftoppm, 12 dpi), far paler than any red the book prints as text or a badge. The cover's mark
    lies on its navy band, which it barely tints: the cover is not asked about."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "12", "-png", str(pdf), f"{folder}/page"], check=True)
        shown = []
        for picture in sorted(Path(folder).glob("page-*.png"), key=lambda path: int(path.stem.split("-")[-1])):
            with Image.open(picture) as image:
                colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
            pale_red = sum(count for count, (r, g, b) in colours if r >= 245 and g >= 200 and r - g >= 6 and r - b >= 6)
            shown.append(pale_red >= FAINT_RED)
    return shown[1:]


@lru_cache(maxsize=8)
def page_labels(pdf: Path) -> tuple[str, ...]:
    """The page number printed in each page's footer ('' on the cover)."""
    labels = []
    with plumbed(pdf) as doc:
        for page in doc.pages:
            words = [w["text"] for w in page.extract_words() if w["top"] > page.height - 22 * MM]
            labels.append(words[-1] if words else "")
    return tuple(labels)


def page_header(page: pdfplumber.page.Page) -> str:
    """The words in a page's header zone."""
    zone = HEADER_ZONE["portrait" if page.height > page.width else "landscape"]
    return " ".join(w["text"] for w in page.extract_words() if w["bottom"] < zone)


@lru_cache(maxsize=8)
def header_words(pdf: Path) -> tuple[str, ...]:
    """The words in each page's header zone."""
    with plumbed(pdf) as doc:
        return tuple(page_header(page) for page in doc.pages)


def bundled_font_names() -> set[str]:
    """The names the bundled fonts get in the PDF: the stylesheet's @font-face family and style ("MP-Serif-Bold").

    No system font has these family names, so a font of this name can only come from a
    file in templates/fonts/ (each @font-face must point at one).
    """
    css = (REPO / "templates" / "print" / "book.css").read_text(encoding="utf-8")
    names = set()
    for rule in re.findall(r"@font-face\s*{([^}]*)}", css):
        family = re.search(r'font-family:\s*"([^"]+)"', rule).group(1)
        source = re.search(r'src:\s*url\("\.\./fonts/([^"]+)"\)', rule).group(1)
        assert (REPO / "templates" / "fonts" / source).is_file(), source
        style = [word for word, pattern in (("Bold", r"font-weight:\s*bold"), ("Italic", r"font-style:\s*italic"))
                 if re.search(pattern, rule)]
        names.add("-".join([family.replace(" ", "-"), *style]))
    return names


def size(page: pypdf.PageObject) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def outline_entries(pdf: Path) -> list[tuple[str, int]]:
    """(title, page index) of every bookmark, depth first."""
    reader = read(pdf)
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((str(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def toc_pages(pdf: Path) -> list[list[tuple[str, str]]]:
    """(title, printed page) of every line of the table of contents, page by page."""
    pages = page_texts(pdf)
    start = next(i for i, t in enumerate(pages) if t.lstrip().startswith("Daftar Isi"))
    end = next(i for i, t in enumerate(pages) if i > start and t.lstrip().startswith("Daftar Tabel"))
    found = []
    for number in range(start, end):
        entries = []
        lines = pages[number].splitlines()[1 if number == start else 0:]
        pending = ""  # a title wrapped over two lines; header and footer lines come last and are dropped
        for line in lines:
            match = re.match(r"^(.*?)\s*(?:\.\s*){3,}\s*([0-9]+|[ivxlc]+)$", line.strip())
            if match:
                entries.append(((pending + " " + match.group(1)).strip(), match.group(2)))
                pending = ""
            else:
                pending = (pending + " " + line.strip()).strip()
        found.append(entries)
    return found


def toc_entries(pdf: Path) -> list[tuple[str, str]]:
    """(title, printed page) of every line of the table of contents."""
    return [entry for page in toc_pages(pdf) for entry in page]


def test_a_chapters_line_in_the_contents_stands_on_the_page_of_its_sections(sample_pdf: Path) -> None:
    """Page v of the contents ended with "Bab 6 Smart Governance … 13", its sections 6.1–6.4 on page vi."""
    pages = toc_pages(sample_pdf)
    assert len(pages) >= 2  # the sample's contents take more than a page: there is a page's end to look at
    for page, following in itertools.pairwise(pages):
        chapter = re.match(r"Bab (\d+) ", page[-1][0])
        assert not (chapter and following[0][0].startswith(f"{chapter.group(1)}.")), \
            f"{page[-1][0]!r} ends a page, {following[0][0]!r} starts the next"


def bookmark_title(chapter: outline.BookChapter) -> str:
    return f"{chapter.label} · {chapter.title}" if chapter.label else chapter.title


@pytest.fixture(scope="module")
def sample_pdf(sample_build: Path) -> Path:
    return sample_build / "build" / "masterplan.pdf"


@pytest.fixture(scope="module")
def sample_outline(sample_build: Path) -> outline.Outline:
    checked = load_and_check(sample_build)
    assert checked.plan is not None
    return outline.build(checked.plan, Translator("id"))


def test_toc_page_numbers_are_where_the_headings_stand(sample_pdf: Path) -> None:
    entries = toc_entries(sample_pdf)
    labels = page_labels(sample_pdf)
    pages = page_texts(sample_pdf)
    assert len(entries) > 30
    assert entries[0][0] == "Kata Pengantar", "the mayor's foreword opens the book, right after the cover"
    titles = [title for title, _ in entries]  # the lists of tables and figures were missing from it
    assert titles.index("Landasan Hukum") < titles.index("Daftar Tabel") < titles.index("Daftar Gambar") < next(
        i for i, title in enumerate(titles) if title.startswith("Bab 1"))
    assert [label for title, label in entries[:2]] == ["ii", "iii"]  # the foreword on a page of its own, signature included, then the legal basis
    for title, printed in entries:
        heading = re.sub(r"^(Bab \d+|Lampiran [A-Z]|\d+\.\d+)\s+", "", title)
        where = [i for i, label in enumerate(labels) if label == printed]
        assert where, f"no page is numbered {printed} (TOC entry {title!r})"
        assert any(squeeze(heading) in squeeze(pages[i]) for i in where), f"{title!r} is not on page {printed}"


def test_every_program_id_and_name_is_printed(sample_build: Path, sample_pdf: Path) -> None:
    checked = load_and_check(sample_build)
    whole = squeeze("".join(page_texts(sample_pdf)))
    for program in checked.plan.programs:
        assert program.id in whole
        assert squeeze(str(program.name)) in whole, program.name


def test_a_programs_location_is_printed_in_its_matrix_row(sample_build: Path, sample_pdf: Path) -> None:
    checked = load_and_check(sample_build)
    assert checked.plan is not None
    located = [p for p in checked.plan.programs if p.location]
    assert len(located) >= 10
    whole = squeeze(re.sub(r"\u2010\s+", "", "".join(page_texts(sample_pdf))))  # a word hyphenated at a line's end, whole
    for program in located:
        printed = str(program.location).replace("'", "\u2019")  # the book's apostrophe (render/typography.py)
        assert squeeze(f"Lokasi: {printed}") in whole, program.id


def test_outline_lists_every_chapter_on_its_page(sample_pdf: Path, sample_outline: outline.Outline) -> None:
    bookmarks = dict(outline_entries(sample_pdf))
    pages = page_texts(sample_pdf)
    for chapter in sample_outline.chapters:
        title = bookmark_title(chapter)
        assert title in bookmarks, title
        assert squeeze(chapter.title) in squeeze(pages[bookmarks[title]])


def test_fonts_are_the_bundled_ones_and_embedded(sample_pdf: Path) -> None:
    fonts: dict[str, bool] = {}

    def collect(resources: pypdf.generic.DictionaryObject | None) -> None:
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+")[-1]] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            collect(xobject.get_object().get("/Resources"))

    for page in read(sample_pdf).pages:
        collect(page.get("/Resources"))
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert set(fonts) <= bundled_font_names(), f"fonts not from templates/fonts/: {set(fonts) - bundled_font_names()}"


def test_no_running_header_on_cover_and_chapter_openers(sample_pdf: Path,
                                                        sample_outline: outline.Outline) -> None:
    headers = header_words(sample_pdf)
    bookmarks = dict(outline_entries(sample_pdf))
    openers = {bookmarks[bookmark_title(c)] for c in sample_outline.chapters}
    openers |= {bookmarks[title] for title in ("Landasan Hukum", "Daftar Isi", "Daftar Tabel", "Daftar Gambar")}
    assert headers[0] == ""
    for index in openers:
        assert headers[index] == "", f"page {index + 1} is a chapter opener with a header"
    others = [i for i in range(1, len(headers)) if i not in openers]
    titled = [i for i in others if "Masterplan" in headers[i] or "(lanjutan)" in headers[i]]  # or a continued table
    assert len(titled) > len(others) * 0.8


def test_the_running_header_s_rule_is_one_line_as_wide_as_the_text(sample_pdf: Path) -> None:
    """Under both ends of the header, from the text block's left edge to its right (the margins of book.css's
    @page rules): not two pieces under each end's words; no rule on a page without a header."""
    headers = header_words(sample_pdf)
    with plumbed(sample_pdf) as pdf:
        for index, page in enumerate(pdf.pages):
            landscape = page.width > page.height
            rules = header_rules(page, HEADER_ZONE["landscape" if landscape else "portrait"])
            if not headers[index]:
                assert rules == [], f"page {index + 1} has no header but a rule"
                continue
            left, right = (16, 16) if landscape else (25, 20)
            assert [(round(r["x0"] / MM), round((page.width - r["x1"]) / MM)) for r in rules] == [(left, right)], index + 1
            line = rules[0]["top"]
            words = [w for w in page.extract_words() if w["bottom"] < line]
            assert words and " ".join(w["text"] for w in words) == headers[index], f"page {index + 1}: words under it"
            # no rule drawn as a header box's border beside it: WeasyPrint paints one as a frame of the whole box
            frames = [r for r in page.rects if r["top"] < line < r["bottom"] + 1 and r["height"] >= 1]
            assert frames == [], f"page {index + 1}: a header box's border"


#: the tables a landscape page holds, by their captions' words: the programs' matrices (with the pillar's indicators
#: above the first), the quick wins, and the budget tables with more than six columns of figures
LANDSCAPE_TABLES = re.compile(r"Tabel (\d+\.\d+) (?:Matriks program|Indikator Smart|Quick Win|Indikasi anggaran per "
                              r"(?:sumber pendanaan|perangkat daerah pengampu) dan tahun)")


def test_matrix_pages_are_landscape_and_the_others_portrait(sample_pdf: Path) -> None:
    """A landscape page holds one of the wide tables, its caption or its continuation ("Tabel 6.2 (lanjutan)"), and
    every page holding none is portrait A4: the glossary or a chapter's text turned landscape is caught."""
    pages, texts = read(sample_pdf).pages, page_texts(sample_pdf)
    flat = [" ".join(text.split()) for text in texts]
    contents = {index for index, text in enumerate(texts) if text.count("....") > 3}  # the table of contents
    wide = {number for index, text in enumerate(flat) if index not in contents
            for number in LANDSCAPE_TABLES.findall(text)}
    assert len(wide) >= 9, wide  # six matrices, the quick wins, two budget tables
    landscape = [index for index, page in enumerate(pages) if size(page) == (A4[1], A4[0])]
    assert all(size(page) in (A4, (A4[1], A4[0])) for page in pages)
    holding = {index for index, text in enumerate(flat) if index not in contents and (
        LANDSCAPE_TABLES.search(text) or any(f"Tabel {number} (lanjutan)" in text for number in wide))}
    assert set(landscape) == holding, (sorted(index + 1 for index in set(landscape) ^ holding))


def test_a_pillars_indicators_open_its_landscape_matrix_pages(sample_build: Path, sample_pdf: Path) -> None:
    """A pillar's short indicator table stood alone on a portrait page, three quarters blank, before the
    landscape matrix; now it heads the first landscape page, above the matrix."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    pages, found = read(sample_pdf).pages, 0
    for index, text in enumerate(page_texts(sample_pdf)):
        flat = " ".join(text.split())
        for pillar in plan.pillars:
            if re.search(rf"Tabel \d+\.\d+ Indikator {re.escape(str(pillar.name))}\b", flat) and "...." not in flat:
                found += 1
                assert size(pages[index]) == (A4[1], A4[0]), f"page {index + 1}: {pillar.name}'s indicators"
                assert f"Matriks program {pillar.name}" in flat, f"page {index + 1}: the matrix does not follow"
    assert found == len(plan.pillars)


def test_a_pillars_matrix_lists_its_programs_sub_element_by_sub_element(sample_build: Path, sample_pdf: Path) -> None:
    """Bab 5 says the programs are grouped by sub-element, and the site's pillar pages group them; the book's
    matrices listed them by code (GOV-01 Pelayanan publik, GOV-03 Efisiensi kebijakan, GOV-05 Manajemen…)."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    reader = read(sample_pdf)
    rows = {name.removeprefix("program-"): (reader.get_destination_page_number(place), -float(place.top or 0))
            for name, place in reader.named_destinations.items() if name.startswith("program-")}
    for pillar in plan.pillars:  # each row's place in the book: its page, then from the top down
        printed = sorted((p.id for p in pillar.programs), key=rows.__getitem__)
        order = [sub.id for sub in pillar.sub_elements]
        groups = [order.index(plan.program(id_).sub_element_id) for id_ in printed]  # type: ignore[union-attr]
        assert groups == sorted(groups), (pillar.id, printed)
    governance = [p.sub_element_id for p in plan.pillars[0].programs]
    assert governance != sorted(governance, key=[s.id for s in plan.pillars[0].sub_elements].index)  # codes alone mix them


def test_the_budget_by_pillar_and_year_sits_on_a_portrait_page_below_its_section(sample_build: Path,
                                                                                 sample_pdf: Path) -> None:
    """Tabel 14.1 had a landscape page of its own, two thirds blank, after a page holding only §14.3.
    Years now run down and the six pillars across, so the table fits the chapter's portrait pages:
    its heading, its caption and every year's row are on one page with the text before it."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    pages = read(sample_pdf).pages
    found = [i for i, text in enumerate(page_texts(sample_pdf))
             if "Indikasi anggaran per dimensi dan tahun" in text and "...." not in text]
    assert len(found) == 1
    index = found[0]
    assert size(pages[index]) == A4, f"page {index + 1} is not portrait"
    lines = page_texts(sample_pdf)[index].split("\n")
    heading = next(i for i, line in enumerate(lines) if line.endswith("Anggaran per Dimensi dan Tahun"))
    assert heading > 2, "the section starts a page of its own"
    rows = [line.split()[0] for line in lines if re.match(r"20\d\d ", line)]
    assert rows == [str(year) for year in plan.period.years]
    assert " ".join(str(p.name) for p in plan.pillars) in " ".join(lines)


def test_a_captioned_chapter_table_is_numbered_listed_and_referenced(sample_pdf: Path) -> None:
    """Bab 2's SWOT table (a Markdown table with "Tabel: ..." below it) had no number, no caption and no
    entry in the list of tables; it is Tabel 2.1 now, before the generated readiness table (2.2)."""
    pages, labels = [" ".join(text.split()) for text in page_texts(sample_pdf)], page_labels(sample_pdf)
    caption = "Tabel 2.1 Analisis SWOT Kota Pasuruan"
    shown = [i for i, text in enumerate(pages) if caption in text and "...." not in text]
    assert len(shown) == 1
    page = shown[0]
    assert pages[page].index(caption) < pages[page].index("Faktor positif")  # above its table
    listed = next(text for text in pages if text.startswith("Daftar Tabel"))  # the list, not the contents naming it
    entry = re.search(r"Tabel 2\.1\s+Analisis SWOT Kota Pasuruan\s*\.+\s*(\w+)", listed)
    assert entry and entry.group(1) == labels[page]
    assert re.search(r"Tabel 2\.2\s+Analisis kesiapan", listed)
    assert f"dirangkum dalam Tabel 2.1, hlm. {labels[page]}" in " ".join(pages)


def test_no_markup_is_printed_as_text(sample_pdf: Path) -> None:
    """A chapter table's head once got its marks by adding text to safe HTML, which escaped the whole table:
    Tabel 2.1 printed as "<table> <thead> <tr> <th></th> ..."."""
    printed = [(i + 1, tag) for i, text in enumerate(page_texts(sample_pdf))
               for tag in re.findall(r"</?(?:table|thead|tbody|tr|th|td|p|span|div|strong|em|a)\b[^>]*>", text)]
    assert not printed, printed[:5]


def test_the_foreword_ends_with_its_signature_block(sample_pdf: Path) -> None:
    """The foreword ended "Pasuruan, Desember 2021 / Wali Kota Pasuruan" at the left, with no room to sign. Its
    front matter's ``signed`` is now a block right of the page with room for the signature and the stamp,
    never alone on its page."""
    with plumbed(sample_pdf) as pdf:
        page = next(page for page in pdf.pages[1:8] if "Pasuruan, Desember 2021" in (page.extract_text() or ""))
        lines = {line["text"]: line for line in page.extract_text_lines()}
        place, role = lines["Pasuruan, Desember 2021"], lines["Wali Kota Pasuruan,"]
        name = next(line for text, line in lines.items() if text.startswith("……"))
        assert min(place["x0"], role["x0"], name["x0"]) > page.width / 2  # right of the page
        assert name["top"] - role["bottom"] > 15 * MM  # room to sign
        above = [line for line in lines.values() if line["bottom"] < place["top"] and line["top"] > 25 * MM]
        assert any("Semoga masterplan ini" in line["text"] for line in above)  # the closing words come along


def test_a_draft_s_revision_history_gives_its_summaries_the_room_of_the_decrees_it_has_none_of(
        sample_pdf: Path) -> None:
    """The sample's two versions, neither adopted, kept 30 % of the table for a column of dashes ("Ditetapkan dengan":
    –), and their summaries took three and four lines beside it. A draft's summaries now take two and three lines, the
    dashes' column narrower than each summary's. The last version, the one in force, reads "Belum ditetapkan" there,
    as on the site's home page (the book printed a dash)."""
    with plumbed(sample_pdf) as pdf:
        page = next(page for page in pdf.pages[1:8] if "Riwayat Revisi" in (page.extract_text() or ""))
        words = page.extract_words()
    heads = {word["text"]: word for word in words if word["text"] in ("Uraian", "Ditetapkan")}
    summary, decree = heads["Uraian"]["x0"], heads["Ditetapkan"]["x0"]
    dashes = [word for word in words if word["text"] == "–" and word["x0"] >= decree - 1]
    lines = {round(word["top"]) for word in words if summary - 1 <= word["x0"] < decree - 1
             and heads["Uraian"]["bottom"] + 2 < word["top"] < page.height - 25 * MM}  # not the folio
    assert len(dashes) == 1, dashes  # neither version adopted: 0.9's dash, 1.0 "Belum ditetapkan"
    not_adopted = [word for word in words if word["text"] in ("Belum", "ditetapkan") and word["x0"] >= decree - 1]
    assert [word["text"] for word in not_adopted] == ["Belum", "ditetapkan"] and \
        not_adopted[0]["top"] > dashes[0]["top"], not_adopted
    assert len(lines) == 5, sorted(lines)  # 2 + 3
    assert page.width - 20 * MM - decree < decree - summary


def test_the_front_pages_share_one_title_style(sample_pdf: Path) -> None:
    """The foreword's title was a 22 pt chapter opener between the 18 pt titles of the legal basis and the contents;
    the revision history, between those two, is titled as they are."""
    sizes = {}
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages[1:6]:
            for line in page.extract_text_lines():
                if line["text"] in ("Landasan Hukum", "Kata Pengantar", "Riwayat Revisi", "Daftar Isi"):
                    sizes[line["text"]] = round(line["chars"][0]["size"], 1)
    assert len(sizes) == 4 and len(set(sizes.values())) == 1, sizes


def test_the_roadmap_continues_on_full_pages(sample_pdf: Path) -> None:
    """Gambar 13.1 took three pages, the last two thirds blank: the pages it continues on hold more lines
    than its first, which shares its page with the section's text. The sample's 70 programs take two."""
    pages = [i for i, text in enumerate(page_texts(sample_pdf))
             if re.search(r"^Gambar 13\.1\b", text, re.MULTILINE) and "...." not in text]
    assert len(pages) == 2 and pages[1] == pages[0] + 1, pages
    last = " ".join(page_texts(sample_pdf)[pages[1]].split())
    assert "ENV-12" in last and "SOC-01" in last  # the last pillars share the continued page


def test_a_roadmap_label_does_not_end_on_a_word_alone(sample_pdf: Path) -> None:
    """A program's name wrapped onto a second line of the roadmap left one word there, "(Public Safety Center" over
    "119)", "Insentif Guru" over "Ngaji", "Terpantau" over "GPS" (eleven of the sample's labels): the last line now
    takes the word before it too where it fits, "Center 119)", "Guru Ngaji"."""
    lines = [line for text in page_texts(sample_pdf) if re.search(r"^Gambar 13\.1\b", text, re.MULTILINE) and "...." not in text
             for line in text.split("\n")]
    code = re.compile(r"[A-Z]{3}-\d{2} ")
    labels = [(line, after) for line, after in itertools.pairwise(lines) if code.match(line)]
    assert len(labels) >= 70, len(labels)  # every program's first line
    alone = [(line, after) for line, after in labels
             if not code.match(after) and not after.startswith(("Smart ", "Quick Win")) and " " not in after]
    assert alone == [], alone


def test_a_continued_table_is_named_in_the_header(sample_pdf: Path, sample_outline: outline.Outline) -> None:
    """On the pages a table continues on, the header's left part says "Tabel 6.2 (lanjutan)" where the
    book's title stands elsewhere, on the table's first page too."""
    headers, pages = header_words(sample_pdf), page_texts(sample_pdf)
    for pillar in ("governance", "branding", "economy", "living", "society", "environment"):
        item = sample_outline.item(f"tab:program-{pillar}")
        assert item is not None
        first = next(i for i, text in enumerate(pages)
                     if re.search(rf"Tabel {item.number}\s+Matriks program", text) and "...." not in text)
        following = list(itertools.takewhile(lambda i: pages[i].startswith("No. Program Subelemen"),
                                             range(first + 1, len(pages))))
        assert following, f"Tabel {item.number} continues on no page"
        assert "Masterplan Smart City" in headers[first] and "lanjutan" not in headers[first]
        for i in following:
            assert f"Tabel {item.number} (lanjutan)" in headers[i], (i + 1, headers[i])
    for i, header in enumerate(headers):  # any header naming a table stands on a page that continues it
        if named := re.search(r"Tabel (\d+\.\d+) \(lanjutan\)", header):
            caption = re.compile(rf"^Tabel {re.escape(named[1])}\s+(?!\(lanjutan\))\S", re.MULTILINE)
            first = next(j for j, text in enumerate(pages) if caption.search(text) and "...." not in text)
            assert first < i and not caption.search(pages[i]), (i + 1, header)
    assert sum("(lanjutan)" in header for header in headers) >= 20


PROGRAM_ROW = re.compile(r"^(\d{1,3}) ((?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d)\b", re.MULTILINE)  #: a matrix row's number and code


def test_a_readiness_page_going_on_with_a_group_names_it_in_the_header(sample_build: Path, sample_pdf: Path) -> None:
    """The readiness table's rows stand under their group's band (STRUKTUR, INFRASTRUKTUR, SUPRASTRUKTUR), which is
    not repeated where the table goes on: that page's header names the group its first row belongs to, "Tabel 2.2
    (lanjutan) · Struktur"; the table's first page names none."""
    checked = load_and_check(sample_build)
    assert checked.plan is not None
    group_of = {str(item.aspect): item.element for item in checked.plan.readiness}
    headers, pages = header_words(sample_pdf), page_texts(sample_pdf)
    first = next(i for i, text in enumerate(pages) if re.search(r"^Tabel 2\.2\s+Analisis kesiapan", text, re.MULTILINE)
                 and "...." not in text)  # not the list of tables
    following = [i for i, header in enumerate(headers) if "Tabel 2.2 (lanjutan)" in header]
    assert following and following == list(range(first + 1, first + 1 + len(following))), (first, following)
    assert not any(f"· {group.capitalize()}" in headers[first] for group in group_of.values()), headers[first]
    for i in following:
        body = squeeze(pages[i].split("Rekomendasi", 1)[1])  # below the table's head
        opening = min((body.find(squeeze(aspect)), aspect) for aspect in group_of if squeeze(aspect) in body)[1]
        assert headers[i].startswith(f"Tabel 2.2 (lanjutan) · {group_of[opening].capitalize()} "), (i + 1, opening)


def opening_words(page: pdfplumber.page.Page) -> list[str]:
    """The words a matrix page's first line under its head holds in the number and program columns."""
    head = max(w["bottom"] for w in page.extract_words() if w["text"] == "pendukung")  # "Perangkat daerah pendukung"
    body = [w for w in page.extract_words() if w["top"] > head + 4 and w["x0"] < 66 * MM]
    first = min(w["top"] for w in body)
    return [w["text"] for w in body if w["top"] < first + 3]


def continued_matrix_pages(pdf: Path) -> Iterator[tuple[int, pdfplumber.page.Page]]:
    """Each page a program matrix goes on to (its text opens with the table's repeated head), with its index."""
    pages = page_texts(pdf)
    with plumbed(pdf) as doc:
        for index, page in enumerate(doc.pages):
            if page.width > page.height and pages[index].startswith("No. Program Subelemen"):
                yield index, page


def test_a_matrix_page_going_on_with_a_program_names_it_in_the_header(sample_pdf: Path) -> None:
    """A program may go on over a page, and the rest of its cells then opens the next page mid-sentence under no
    number or name: that page's header says which program it is ("Tabel 6.2 (lanjutan) · GOV-05 e-Office dan
    Tanda Tangan Elektronik": its code, not its row's number behind a "sambungan" repeating "lanjutan"), the last
    one started on the page before. A page opening with a
    program's own row names none."""
    resumed, fresh = resumed_programs(sample_pdf)
    assert resumed >= 8 and fresh >= 8, (resumed, fresh)


def test_programs_in_the_matrix_are_parted_by_a_rule_not_by_stripes(sample_pdf: Path) -> None:
    """A stripe behind every other program ended in steps where a program goes on over a page (each cell's tint
    stopped where its text did). The matrix has no tint; above each program's row runs a rule across the table,
    darker than the rules between one program's indicators."""
    parted = 0
    for index, page in continued_matrix_pages(sample_pdf):
        head = max(r["bottom"] for r in page.rects if r["height"] > 20 and r["top"] < 40 * MM)  # the table's head
        tints = [r for r in page.rects if r["top"] > head and r["fill"] and r["height"] > 2
                 and all(0.9 < channel < 1 for channel in r["non_stroking_color"])]
        assert tints == [], f"page {index + 1}: {len(tints)} tinted cells"
        codes = [w for w in page.extract_words() if re.match(r"[A-Z]{3}-\d\d", w["text"])
                 and w["x0"] < 30 * MM and w["top"] > head + 4 * MM]  # a program's row, not the first under the head
        rules = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1]
        for code in codes:
            above = [line for line in rules if code["top"] - 4 * MM < line["top"] < code["top"]]
            top = max(line["top"] for line in above)
            dark = [line for line in above if abs(line["top"] - top) < 0.5]
            assert sum(line["x1"] - line["x0"] for line in dark) > 250 * MM, (index + 1, code["text"])
            shade = {max(line["stroking_color"]) for line in dark}
            lighter = {max(line["stroking_color"]) for line in rules} - shade
            assert len(shade) == 1 and lighter and shade.pop() < min(lighter) - 0.1, (index + 1, code["text"])
            parted += 1
    assert parted > 40, parted


def test_a_programs_budget_total_goes_over_a_page_with_its_last_year(sample_pdf: Path) -> None:
    """A program's budget lines may go on over a page, but its "Total" does not open the next page alone, cut off from
    the years it adds up (LIV-03's Rp 6.300.000.000 stood under nothing on page 31): the last year goes with it."""
    opened = 0
    for index, page in continued_matrix_pages(sample_pdf):
        words = page.extract_words()
        column = next(w["x0"] for w in words if w["text"] == "Indikasi")  # "Indikasi anggaran dan sumber"
        head = max(w["bottom"] for w in words if w["text"] == "pendukung")
        budget = [w for w in words if w["x0"] >= column - 1 and head + 2 < w["top"] < page.height - 20 * MM]
        if not budget:
            continue
        first = min(w["top"] for w in budget)
        opening = min((w for w in budget if w["top"] < first + 2), key=lambda w: w["x0"])  # its first line's start
        assert opening["text"] != "Total", f"page {index + 1} opens its budget column with a total alone"
        opened += 1
    assert opened > 15, opened


def resumed_programs(pdf: Path) -> tuple[int, int]:
    """How many of ``pdf``'s matrix pages go on with a program from the page before, and how many open with a
    program's own row, asserting that the header names the program of the first kind only. Only those pages are read
    with pdfplumber (their header and first row), not the whole book."""
    pages = page_texts(pdf)
    resumed = fresh = 0
    for i, page in continued_matrix_pages(pdf):
        header = page_header(page)
        named = re.search(r"\(lanjutan\) · ((?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d) ", header)
        if any(re.fullmatch(r"\d{1,3}", word) for word in opening_words(page)):
            fresh += 1
            assert named is None, (i + 1, header)
            continue
        resumed += 1
        assert named is not None, (i + 1, header, opening_words(page))
        assert PROGRAM_ROW.findall(pages[i - 1])[-1][1] == named.group(1), (i + 1, header)
        assert "sambungan" not in header
    return resumed, fresh


def test_no_table_leaves_its_last_row_alone_on_a_page(sample_pdf: Path) -> None:
    """GOV-16, ECO-11, LIV-10, SOC-11 and the agency matrix's "Setda" each stood alone on a last page of their
    table, the page otherwise blank. A program matrix page holds two programs at least (but the first, below the
    pillar's indicators), and Tabel 15.1 carries over more than one agency."""
    alone, matrix_pages = [], 0
    for number, text in enumerate(page_texts(sample_pdf), start=1):
        rows = re.findall(r"^\d{1,2} (?:GOV|BRD|ECO|LIV|SOC|ENV)\W\d\d", text, re.MULTILINE)
        if len(rows) == 1 and "Matriks program" not in text:
            alone.append((number, rows[0]))
        agencies = re.findall(r" \d+ / \d+$", text, re.MULTILINE)
        if re.search(r"Perangkat daerah .*Diampu / didukung", " ".join(text.split())):
            matrix_pages += 1
            if len(agencies) == 1:
                alone.append((number, "Tabel 15.1"))
    assert matrix_pages >= 2 and not alone, (matrix_pages, alone)


def test_the_programs_by_agency_end_on_a_page_of_two_agencies_at_least(sample_build: Path, sample_pdf: Path) -> None:
    """The list of programs by agency (15.5) ended with Setda's two lines alone on a page, the rest of it blank: the
    agency before goes over with the last one."""
    agencies = load_and_check(sample_build).plan.agencies
    headings = {f"{agency.short_name} · {agency.name.get('id')}" for agency in agencies}
    pages = page_texts(sample_pdf)
    listed = [[line for line in text.splitlines() if line in headings] for text in pages]
    last = max(i for i, found in enumerate(listed) if found)
    assert len(listed[last]) >= 2 and listed[last][-1].startswith("Setda"), (last + 1, listed[last])


def test_a_wrapped_section_heading_continues_under_its_words(sample_pdf: Path) -> None:
    """"12.2 Tema 2022: … Religi yang / Ramah": the second line started under the number; and its last word
    stood alone there: the last two words now go together ("… Religi / yang Ramah")."""
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            texts_on_page = [w["text"] for w in words]
            if "12.2" in texts_on_page and "Tema" in texts_on_page and "Ramah" in texts_on_page:
                number = next(w for w in words if w["text"] == "12.2")
                first = next(w for w in words if w["text"] == "Tema" and abs(w["top"] - number["top"]) < 2)
                ramah = next(w for w in words if w["text"] == "Ramah" and w["top"] > number["top"])
                height = ramah["bottom"] - ramah["top"]  # not the draft mark's letters, at the same height by chance
                wrapped = sorted((w for w in words if abs(w["top"] - ramah["top"]) < 2
                                  and abs(w["bottom"] - w["top"] - height) < 1), key=lambda w: w["x0"])
                assert abs(wrapped[0]["x0"] - first["x0"]) < 1.5 and ramah["top"] - number["top"] < 25
                assert [w["text"] for w in wrapped] == ["yang", "Ramah"]
                return
    raise AssertionError("heading 12.2 not found wrapped")


def test_the_lists_of_tables_and_figures_keep_numbers_apart_from_captions(sample_pdf: Path) -> None:
    """"Gambar 14.3Indikasi…": the figures' longer label all but touched its caption."""
    gaps = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages[2:10]:
            words = page.extract_words()
            for label, number, caption in zip(words, words[1:], words[2:]):
                if label["text"] in ("Tabel", "Gambar") and re.fullmatch(r"\d+\.\d+", number["text"]) \
                        and abs(caption["top"] - number["top"]) < 1:
                    gaps.append((number["text"], caption["x0"] - number["x1"]))
    assert len(gaps) > 20 and min(gap for _, gap in gaps) > 8, sorted(gaps, key=lambda g: g[1])[:3]


def test_budget_amounts_in_the_matrices_line_up(sample_pdf: Path) -> None:
    """Each amount was right-aligned together with its source ("APBD", "DAK", "APBD Provinsi"), so amounts
    ended at different places; now they end on one line, the sources in a column beside them."""
    spread = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if page.width < page.height:
                continue
            words = page.extract_words(x_tolerance=1)  # "250.000.000" and "APBD" stand close
            ends = [amount["x1"] for rp, amount in itertools.pairwise(words)
                    if rp["text"] == "Rp" and rp["x0"] > page.width * 0.75 and re.fullmatch(r"[\d.]+", amount["text"])]
            if len(ends) > 3:
                spread.append((page.page_number, max(ends) - min(ends)))
    assert len(spread) > 10 and max(width for _, width in spread) < 1.5, spread


def test_a_funding_source_stays_on_its_amounts_line(sample_pdf: Path) -> None:
    """"APBD Provinsi" wrapped in the matrices' 14.5 mm source column: "APBD" beside the amount, "Provinsi"
    under it, so the next year's amount stood a line lower than its neighbours."""
    split, whole = [], 0
    with plumbed(sample_pdf) as pdf:
        for page in (page for page in pdf.pages if page.width > page.height):
            words = [w for w in page.extract_words(x_tolerance=1) if w["x0"] > page.width * 0.75]
            for word in (w for w in words if w["text"] == "Provinsi"):
                beside = [w for w in words if w["text"] == "APBD" and abs(w["top"] - word["top"]) < 1
                          and 0 < word["x0"] - w["x1"] < 5]
                if beside:
                    whole += 1
                else:
                    split.append(page.page_number)
    assert whole > 3 and not split, (whole, split)


def test_an_indicators_targets_read_alike(sample_pdf: Path) -> None:
    """Tabel 6.1 read "2023: 2,8; 2024: 3; 2025: 3,2"; the matrices separate targets with "·"."""
    whole = " ".join(" ".join(page_texts(sample_pdf)).split())
    assert "2023: 2,8 · 2024: 3,0 · 2025: 3,2" in whole
    assert not re.search(r"\b20\d\d: [\d.,]+;", whole)


def test_programs_by_agency_read_code_name_and_page(sample_pdf: Path) -> None:
    """§15.6 read "GOV-09, hlm. 15 Pendataan …": the page came between code and name. Now "GOV-09 Pendataan …
    (hlm. 15)", and the page is the one that shows the program's row in its pillar's matrix."""
    pages, labels = page_texts(sample_pdf), page_labels(sample_pdf)
    section = next(i for i, text in enumerate(pages) if "Program per Perangkat Daerah" in text and "...." not in text)
    listed = " ".join(" ".join(pages[section:section + 6]).split()).split("Program per Perangkat Daerah", 1)[1]
    entries = re.findall(r"\b((?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d) [^;()]+? \(hlm\. (\d+)\)", listed)
    assert len(entries) > 60 and not re.search(r"(?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d, hlm", listed)
    for program, page in entries[:12]:
        shown = pages[labels.index(page)]
        assert re.search(rf"^\d{{1,2}} {program}\b", shown, re.MULTILINE), (program, page)


def test_a_sub_element_s_short_words_are_not_broken_in_the_matrix(sample_build: Path, sample_pdf: Path) -> None:
    """The matrices' narrow sub-element column broke short words to fill its lines: "Bisnis Dae-rah",
    "Industri Ber-daya Saing". A word of fewer than 10 letters now moves to the next line whole; only a word
    too long for the column is broken ("Kesejahte-raan")."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    pages = read(sample_pdf).pages
    whole = "\n".join(text for page, text in zip(pages, page_texts(sample_pdf))  # the matrices' landscape pages
                      if page.mediabox.width > page.mediabox.height)
    short = {word for pillar in plan.pillars for sub in pillar.sub_elements for word in str(sub.name).split()
             if 4 <= len(word) < 10 and word.isalpha()}
    assert {"Daerah", "Berdaya"} <= short
    broken = [word for word in short for cut in range(2, len(word) - 1)
              if re.search(rf"{word[:cut]}[\u2010-]\s+{word[cut:]}\b", whole)]
    assert not broken
    assert re.search(r"Kesejahte[\u2010-]\s+raan", whole), "a long word still breaks (the check can see a break)"


def test_spaced_capitals_copy_and_search_as_words(sample_pdf: Path) -> None:
    """The cover's issuer and the chapters' labels are capitals spaced apart; at 0.125 em and more a PDF reader
    took each gap for a space: "P E M E R I N TA H K OTA PA S U R U A N", "B A B 1"."""
    def words(page: int) -> str:
        done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(sample_pdf), "-"], check=True,
                              capture_output=True, text=True)
        return done.stdout

    assert "PEMERINTAH KOTA PASURUAN" in words(1)
    assert "DRAF" in words(1)  # the cover's status label, text as it should be
    first_chapter = next(number for number, text in enumerate(page_texts(sample_pdf), start=1) if "Latar Belakang" in text
                         and "Daftar Isi" not in text)
    assert "BAB 1" in words(first_chapter)


def test_the_outline_opens_as_a_list_of_chapters(sample_pdf: Path) -> None:
    """Each chapter's bookmark is closed (a negative /Count): a phone's panel showed all 98 entries at once.
    Its sections are still there, a tap away."""
    item = read(sample_pdf).trailer["/Root"]["/Outlines"]["/First"].get_object()
    chapters = []
    while True:
        chapters.append((item["/Title"], item.get("/Count", 0), "/First" in item))
        if "/Next" not in item:
            break
        item = item["/Next"].get_object()
    with_sections = [(title, count) for title, count, nested in chapters if nested]
    assert len(with_sections) >= 10 and all(count < 0 for _, count in with_sections), with_sections
    assert len(outline_entries(sample_pdf)) > 3 * len(chapters)


def outline_tree(pdf: Path) -> list[tuple[str, int, list]]:
    """(title, page index, children) of every bookmark, as the reader's panel nests them."""
    reader = read(pdf)

    def nested(items: list) -> list[tuple[str, int, list]]:
        tree: list[tuple[str, int, list]] = []
        for item in items:
            if isinstance(item, list):
                tree[-1][2].extend(nested(item))
            else:
                tree.append((str(item.title), reader.get_destination_page_number(item), []))
        return tree

    return nested(reader.outline)


def test_every_program_and_agency_has_a_bookmark_on_its_page(sample_build: Path, sample_pdf: Path) -> None:
    """A province's matrix runs over a hundred pages: each program is a bookmark under its pillar's matrix, on the
    page its row starts, and each agency one under the list of the agencies' programs."""
    plan = load_and_check(sample_build).plan
    texts = page_texts(sample_pdf)
    sections = {title: children for _, _, chapter in outline_tree(sample_pdf) for title, _, children in chapter}
    matrices = [children for title, children in sections.items() if re.fullmatch(r"[\d.]+ Matriks Program", title)]
    assert len(matrices) == len(plan.pillars)
    for pillar, children in zip(plan.pillars, matrices):
        assert sorted(title.split()[0] for title, _, _ in children) == sorted(p.id for p in pillar.programs)
        for title, page, _ in children:
            program = plan.program(title.split()[0])
            assert title == f"{program.id} {program.name}"
            assert re.search(rf"^\d+ {program.id} ", texts[page], re.MULTILINE), (title, page + 1)  # "1 GOV-01 e-Sambat"
    agencies = next(children for title, children in sections.items() if title.endswith("Program per Perangkat Daerah"))
    assert [title for title, _, _ in agencies] == [f"{a.short_name} · {a.name}" for a in plan.agencies
                                                   if a.programs or a.supports_ids]
    for title, page, _ in agencies:
        assert squeeze(title.split(" · ")[1]) in squeeze(texts[page]), (title, page + 1)


def test_nothing_is_printed_within_10_mm_of_the_top_or_bottom_edge(sample_pdf: Path) -> None:
    """Office printers leave the paper's outer 4–6 mm blank: the landscape pages' folio sat 6 mm from the edge. A print
    shop keeps text 10 mm from the trim: the portrait folio sat 9 mm from it, the landscape header 9.2 mm."""
    near = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages[1:]:  # the cover is printed to the edge
            for char in page.chars:
                if char["text"].strip() and (char["top"] < 10 * MM or page.height - char["bottom"] < 10 * MM):
                    near.append((page.page_number, char["text"], round((page.height - char["bottom"]) / MM, 1)))
                    break
    assert not near, near


def test_a_landscape_page_keeps_the_binding_clear_at_its_top(sample_pdf: Path) -> None:
    """Turned in the bound book, a landscape page has its top edge at the binding: its running header sat 10 mm
    from that edge, in the spine, where a portrait page keeps 25 mm at its left. Nothing is printed in the top
    15 mm now (the header's letters start 17 mm from the edge)."""
    landscape = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if page.width > page.height:
                landscape += 1
                top = min(char["top"] for char in page.chars if char["text"].strip())
                assert top > 15 * MM, (page.page_number, round(top / MM, 1))
    assert landscape >= 10


def test_the_book_opens_with_its_bookmarks_and_its_title_shown(sample_pdf: Path) -> None:
    """A viewer opened the book on its cover with the bookmarks hidden and the file's name in its bar; a reader
    of a 77-page plan finds a chapter by the bookmarks, so they are shown, and the window names the plan."""
    catalog = read(sample_pdf).trailer["/Root"]
    assert catalog["/PageMode"] == "/UseOutlines" and len(read(sample_pdf).outline) > 10
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert read(sample_pdf).metadata["/Title"].startswith("Masterplan Smart City")


def test_each_agency_s_programs_come_in_the_book_s_order(sample_pdf: Path) -> None:
    """The index and §15.6 sorted an agency's programs by the letters of their codes: BRD-03 (page 19) came
    before GOV-01 (page 14), ECO-02 before GOV-08. They now come in the book's order, so their pages go on."""
    pages = page_texts(sample_pdf)
    start = next(i for i, text in enumerate(pages) if text.lstrip().startswith("Indeks Program per Perangkat Daerah"))
    groups: list[list[tuple[str, int]]] = []
    for line in "\n".join(pages[start:]).split("\n"):
        entry = re.match(r"((?:GOV|BRD|ECO|LIV|SOC|ENV)-\d\d) .*?(\d+)\s*$", line)
        if entry and groups:
            groups[-1].append((entry.group(1)[:3], int(entry.group(2))))
        elif len(line.strip()) > 2:  # an agency's name starts its group
            groups.append([])
    mixed = 0
    for group in groups:
        assert [page for _, page in group] == sorted(page for _, page in group), group
        mixed += len({pillar for pillar, _ in group}) > 1
    assert mixed >= 3, "too few agencies lead programs of more than one pillar for the test to tell"
    section = next(i for i, text in enumerate(pages) if "Program per Perangkat Daerah" in text and "...." not in text)
    listed = " ".join(" ".join(pages[section:section + 6]).split()).split("Program per Perangkat Daerah", 1)[1]
    assert "Mengampu:" in listed
    for agency in listed.split("Mengampu:")[1:]:
        led = agency.split("Mendukung:")[0]
        numbers = [int(page) for page in re.findall(r"\(hlm\. (\d+)\)", led)]
        assert numbers == sorted(numbers), led


def test_each_cover_sets_its_title_in_two_full_lines_the_city_and_years_together(sample_build: Path) -> None:
    """The book's, the summary's and the analysis' covers: "Masterplan Smart City" / "Kota Pasuruan 2022–2031", never
    the city's name parted from its years, nor a line broken a word or two early ("Masterplan" / "Smart" / "City Kota
    Pasuruan 2022–2031", as WeasyPrint 70 set it where a no-break space ran into the years' span)."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    wanted = ["Masterplan Smart City", f"{plan.city} {plan.period}"]
    for name in ("masterplan.pdf", "masterplan-summary.pdf", "masterplan-analysis.pdf"):
        lines = [line.replace("\xa0", " ").strip() for line in page_texts(sample_build / "build" / name)[0].split("\n")]
        first = lines.index(wanted[0]) if wanted[0] in lines else None
        assert first is not None and lines[first:first + 2] == wanted, (name, lines)


def text_runs(page: pdfplumber.page.Page) -> list[tuple[float, float, float, str]]:
    """(top, left, right, text) of each run of characters drawn one after another, left to right, on
    one line: a line of one table cell."""
    runs: list[list[dict]] = []
    for char in page.chars:
        if not char["text"].strip():
            continue
        last = runs[-1][-1] if runs else None
        if last is None or abs(char["top"] - last["top"]) > 1 or char["x0"] < last["x0"]:
            runs.append([])
        runs[-1].append(char)
    return [(run[0]["top"], run[0]["x0"], run[-1]["x1"], "".join(c["text"] for c in run)) for run in runs]


def test_matrix_cells_never_run_into_each_other(sample_pdf: Path) -> None:
    """A program's second indicator wraps in its own column instead of running over the baseline and targets,
    no comma is left alone on a line of a narrow column ("Bappelitbangda" / "," / "Dispendukcapil"), and no line
    of targets starts with the dot between two of them."""
    collisions, stray = [], []
    with plumbed(sample_pdf) as pdf:
        landscape = [page for page in pdf.pages if page.width > page.height]
        assert landscape
        for page in landscape:
            runs = text_runs(page)
            for index, (top, left, right, text) in enumerate(runs):
                for other_top, other_left, other_right, other in runs[index + 1:]:
                    if abs(top - other_top) <= 1 and min(right, other_right) - max(left, other_left) > 0.5:
                        collisions.append((page.page_number, text, other))
            stray += [(page.page_number, run[3]) for run in runs if run[3] in {",", ";", ":", ".", ")"}]
            stray += [(page.page_number, run[3][:20]) for run in runs if run[3].startswith("·")]  # a target list's dot
    assert not collisions, collisions[:5]
    assert not stray, stray


def test_glossary_definitions_stand_beside_their_terms(sample_build: Path, sample_pdf: Path) -> None:
    """A term that takes two lines ("Perumda Air / Minum") does not push later terms away from their definitions."""
    from masterplan import glossary_entries

    plan = load_and_check(sample_build).plan
    assert plan is not None
    definitions: dict[str, set[str]] = {}  # a term's first word → the first words of its definitions
    for entry in glossary_entries.glossary(plan):
        definitions.setdefault(entry.term.split()[0], set()).add(str(entry.definition).split()[0])
    checked = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            text = page.filter(lambda item: item.get("size", 0) < 20)  # not the chapter's title
            words = [w for w in text.extract_words()  # the text area: not the running header, not the foot
                     if HEADER_ZONE["portrait"] < w["top"] and w["bottom"] < page.height - FOOT_ZONE]
            if "Glosarium" not in {w["text"] for w in text.extract_words()[:8]} or not words:
                continue
            left = min(w["x0"] for w in words)
            column = left + 38 * MM  # where definitions start (book.css: .glossary dd)
            starts = {(round(w["top"]), w["text"]) for w in words if abs(w["x0"] - column) < 2}
            for word in words:
                if abs(word["x0"] - left) < 1 and word["text"] in definitions:
                    checked += 1
                    beside = {text for top, text in starts if top == round(word["top"])}
                    assert beside & definitions[word["text"]], \
                        f"page {page.page_number}: {word['text']} stands beside {beside or 'nothing'}"
            # "Kec. Panggungrejo" ended 2.6 mm from its bold neighbour, and looked joined to it: 3 mm clear now
            term_ends = [w["x1"] for w in words if w["x0"] < column - 1 and w["x1"] > column - 2.9 * MM]
            assert not term_ends, f"page {page.page_number}: a term runs up to its definition"
    assert checked > 40


def test_hyphenation_leaves_three_letters_on_each_side(sample_pdf: Path) -> None:
    """No "sosi-" / "al": WeasyPrint's hyphen (U+2010) splits a word only with three letters or more each side."""
    short = [word for word in hyphenated_words(sample_pdf) if len(word[1]) < 3 or len(word[2]) < 3]
    assert not short, short[:5]


def test_hyphenation_breaks_words_between_syllables(sample_pdf: Path) -> None:
    """Never between a consonant and the vowel after it ("kelur-ahan", "mut-akhir", "sir-ene" came from
    LibreOffice's patterns): Indonesian syllables begin with their consonant. Prefix breaks before a vowel
    ("ber-ada") are not made either (masterplan/render/hyphenation.py says why)."""
    words = hyphenated_words(sample_pdf)
    assert len(words) > 100
    wrong = [f"{before}-{after}" for _, before, after in words
             if before[-1:].lower() in "bcdfghjklmnpqrstvwxyz" and after[:1].lower() in "aeiou"]
    assert not wrong, wrong


def hyphenated_words(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, before, after) of each word WeasyPrint hyphenated (U+2010) at the end of a line, read by position: its
    rest starts the next line of the same column (in the text's order, another cell's word often came next: a
    table's cells are drawn one after another). A word broken at a page's foot, its rest on the next page, is left
    out."""
    found = []
    with plumbed(pdf) as book:
        for page in book.pages:
            words = page.extract_words()
            for word in words:
                if word["text"].endswith("\u2010") and (rest := _line_start_below(word, words)):
                    before = re.search(r"(\w+)\u2010$", word["text"])
                    after = re.match(r"\w+", rest["text"])
                    found.append((page.page_number, before.group(1) if before else "", after.group(0) if after else ""))
    return found


def _line_start_below(word: dict, words: list[dict]) -> dict | None:
    """The first word of the line under ``word`` in its column: of that line's words starting left of it, the last
    one of the run that reaches it with gaps no wider than a justified line's spaces (8 pt: two columns are 3 mm apart at least, their cells' padding)."""
    height = word["bottom"] - word["top"]
    below = [w for w in words if word["bottom"] < w["top"] < word["bottom"] + 0.8 * height and w["x0"] <= word["x0"] + 0.5]
    if not below:
        return None
    top = min(w["top"] for w in below)
    line = sorted((w for w in below if abs(w["top"] - top) < 1), key=lambda w: -w["x0"])
    start = line[0]
    for left in line[1:]:
        if start["x0"] - left["x1"] > 8:
            break
        start = left
    return start


def test_no_line_breaks_a_word_a_typesetter_keeps_whole(sample_build: Path, sample_pdf: Path) -> None:
    """"e-/Government", "Wi-/Fi", "Diskop-/UM" stay whole; "masing-/masing" may break at its hyphen."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    heads = {agency.short_name.rsplit("-", 1)[0] + "-" for agency in plan.agencies if "-" in agency.short_name}
    assert heads, "the sample has an agency whose abbreviation has a hyphen"
    broken, seen = [], 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            for word in page.extract_words():
                text = word["text"].strip("(,;")
                seen += text.startswith("e-")
                if re.fullmatch(r"(?:\w+-)*\w{1,2}-", text) or text in heads:
                    broken.append((page.page_number, text))
    assert seen > 5 and not broken, broken


def test_agency_names_in_the_matrices_break_between_words(sample_build: Path, sample_pdf: Path) -> None:
    """"Kec. Panggungrejo" once shared a no-break space, wider than the partner column: "Panggungre" / "jo"; the lead
    agency's column was 0.1 mm too narrow for "Bappelitbangda" at 8 pt: "Bappelitbangd" / "a", without a hyphen."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    words = {word for agency in plan.agencies for word in agency.short_name.split() if len(word) >= 8}
    cut = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if page.width > page.height:
                cut += [(page.page_number, run[3][-12:]) for run in text_runs(page)
                        for word in words for k in range(4, len(word)) if run[3].endswith(word[:k])]
    assert "Panggungrejo" in " ".join(words) and not cut, cut


#: the sample's partner agencies whose names are of more than one word and fit the matrices' 25 mm partner column
#: ("Kec. Bugul Kidul," is 22.1 mm at 8 pt); "Kec. Panggungrejo" (25.1 mm) is wider, and breaks between its own words
PARTNERS_THAT_FIT = ["Kec. Bugul Kidul", "Kec. Gadingrejo", "Kec. Purworejo"]


def test_a_partner_agency_starts_its_line_whole(sample_pdf: Path) -> None:
    """In the matrices' and the quick wins' partner column a line ended with the first word of the next agency,
    "Dinsos, Kec." over "Purworejo" (pages 30, 36, 37, 41), and "Kec. Bugul Kidul," broke as "Kec. Bugul" /
    "Kidul,": each agency that fits its column now goes to the next line whole where it does not fit on this one.
    A name is cut where a line ends with its first words and the line below it starts with the rest."""
    lines, cut = [], []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if page.width > page.height:
                runs = text_runs(page)
                lines += [text for _, _, _, text in runs]
                for (top, left, right, text), below in itertools.product(runs, runs):
                    # the next line, starting under this one: a run may hold the lead's cell and the partners' first line
                    if left - 1 < below[1] < right and 0 < below[0] - top < 14:
                        cut += [(page.page_number, text, below[3]) for name in PARTNERS_THAT_FIT
                                if _cut_between(name, text, below[3])]
    assert all(any(squeeze(name) in line for line in lines) for name in PARTNERS_THAT_FIT)  # the matrices name them
    assert not cut, cut


def _cut_between(name: str, line: str, below: str) -> bool:
    """Whether ``name`` begins at the end of ``line`` (a whole item of its list) and goes on at the start of ``below``
    (lines as :func:`text_runs` reads them, without spaces)."""
    words = name.split()
    for k in range(1, len(words)):
        first, rest = squeeze(" ".join(words[:k])), squeeze(" ".join(words[k:]))
        if (line == first or line.endswith("," + first)) and below.startswith(rest):
            return True
    return False


def test_no_line_holds_only_the_first_half_of_a_hyphenated_word(sample_pdf: Path) -> None:
    """WeasyPrint 68 can set "menyinkron-" alone on a line, the rest of its paragraph stretched below, when an
    inline element comes later in the paragraph; the typography pass once added one that did (see typography.py)."""
    portrait = [number for number, page in enumerate(read(sample_pdf).pages, start=1) if size(page) == A4]
    lone = [(number, line.strip()) for number, text in enumerate(page_texts(sample_pdf), start=1) if number in portrait
            for line in text.split("\n") if re.fullmatch(r"\w+\u2010", line.strip())]
    assert len(portrait) > 40 and not lone, lone  # landscape matrix columns are narrow: "Kesejahte-/raan" is fine there


def test_no_paragraph_ends_on_a_piece_of_a_word(sample_pdf: Path) -> None:
    """"dipantau ber-/sama." (the foreword), "perubahan-/nya" (the legal basis), "perenca-/naan." (a program's
    summary in its matrix): a paragraph's last line held only the end of a hyphenated word. Names in the
    matrices' narrow columns may still break ("Sarana Trans-/portasi")."""
    portrait = {number for number, page in enumerate(read(sample_pdf).pages, start=1) if size(page) == A4}
    pieces = [(number, line.strip()[-24:], following.strip())
              for number, text in enumerate(page_texts(sample_pdf), start=1)
              for line, following in itertools.pairwise(text.split("\n"))
              if line.rstrip().endswith("\u2010") and re.fullmatch(r"\w+[.,;:!?)]*", following.strip())
              and (number in portrait or following.strip().endswith("."))]
    assert not pieces, pieces


def test_no_line_parts_a_number_from_its_unit_or_an_amount_from_its_currency(sample_pdf: Path) -> None:
    """"Dengan luas wilayah sekitar 35 / km²" (Bab 2) broke between number and unit."""
    units = "|".join(re.escape(unit) for unit in UNITS)
    unit = re.compile(rf"(?:{units})(?![\w²³])")

    def parted(line: str, following: str) -> bool:
        return (line.endswith("Rp") and following[:1].isdigit()) or (line[-1:].isdigit() and bool(unit.match(following)))

    found = [(number, line.strip()[-20:], following.strip()[:12])
             for number, text in enumerate(page_texts(sample_pdf), start=1)
             for line, following in itertools.pairwise(text.split("\n")) if parted(line.strip(), following.strip())]
    assert not found, found


def test_nothing_is_printed_past_the_side_margins(sample_pdf: Path) -> None:
    """book.css: portrait pages keep 25 mm on the left and 20 mm on the right, landscape pages 16 mm on each side."""
    outside = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages[1:]:  # the cover is printed to the edge
            landscape = page.width > page.height
            left, right = (16 * MM, page.width - 16 * MM) if landscape else (25 * MM, page.width - 20 * MM)
            chars = page.chars
            past = "".join(c["text"] for c in chars if c["x1"] > right + 1 or c["x0"] < left - 1)
            if past:
                outside.append((page.page_number, past[:40]))
    assert not outside, outside


def test_draft_mark_on_every_page_and_none_of_its_letters_in_the_text(sample_pdf: Path) -> None:
    """The mark is on every page, drawn as shapes: a page's text, copied, searched or read by position,
    holds no letter of it (it had put a stray "R" into "Smart BranRding" in Tabel 14.1)."""
    assert all(draft_marked(sample_pdf))
    pages = page_texts(sample_pdf)
    foot = squeeze(DRAFT_FOOT)  # the page's foot says it in words, apart from the mark (the next test)
    assert not [number for number, text in enumerate(pages[1:], start=2) if "DRAF" in squeeze(text).replace(foot, "")]
    with plumbed(sample_pdf) as pdf:
        assert not [page.page_number for page in pdf.pages if any(c["size"] > 40 for c in page.chars)]
        budget = next(page for page in pdf.pages if "Tabel 14.1" in (page.extract_text() or "")
                      and "Daftar Tabel" not in (page.extract_text() or ""))
        assert "Branding" in budget.extract_text().split(), budget.extract_text()  # the head may wrap "Smart Branding"


DRAFT_FOOT = "DRAF, versi 1.0: belum ditetapkan"  #: the sample draft's words at the foot of its pages


def test_a_drafts_every_page_but_the_cover_says_so_at_its_foot_in_dark_letters(sample_pdf: Path) -> None:
    """A copier's background removal wipes out the faint mark (gray 243 on white): a photocopied page of a draft must
    still say what it is, in letters as dark as the text's (the cover says it in its own box)."""
    with plumbed(sample_pdf) as pdf:
        feet = []
        for page in pdf.pages:
            words = [w for w in page.extract_words(extra_attrs=["non_stroking_color"]) if w["top"] > page.height * 0.9]
            text = " ".join(w["text"] for w in words)
            dark = all(sum(w["non_stroking_color"][:3]) / 3 < 0.6 for w in words if w["text"].startswith("DRAF"))
            feet.append(DRAFT_FOOT in text and dark)
    assert feet[0] is False and all(feet[1:]), [n for n, ok in enumerate(feet, 1) if not ok]


def test_money_in_indonesian_format(sample_pdf: Path) -> None:
    whole = "\n".join(page_texts(sample_pdf))
    assert re.search(r"Rp\s\d{1,3}(\.\d{3}){2,}", whole)  # the sign set apart, as the plan's readers expect
    assert re.search(r"Rp\s\d+(,\d+)?\s(miliar|juta)", whole)
    assert not re.search(r"Rp\d", whole)


def test_a_budget_charts_amounts_have_one_number_of_decimals(sample_pdf: Path) -> None:
    """The chart of the budget by pillar printed "Rp 23 miliar" beside "Rp 38,82 miliar"."""
    page = next(text for text in page_texts(sample_pdf) if "Smart Environment Rp" in " ".join(text.split()))
    amounts = re.findall(r"Rp ([\d.,]+) miliar", " ".join(page.split()))
    assert len(amounts) >= 6 and {len(amount.partition(",")[2]) for amount in amounts} == {2}, amounts
    assert "Rp 23,00 miliar" in " ".join(page.split())


def test_a_tables_total_row_lines_its_figures_up_with_the_figures_above(sample_pdf: Path) -> None:
    """Tabel 14.1 and 14.4 printed each total 2 pt left of its column's figures (the total row kept a wider table's
    side padding): a bold row a reader runs the eye down to."""
    checked = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=1)  # "400.000.000" apart from the "APBD" after it
            totals = [w for w in words if w["text"] == "Total"]
            figures = [w for w in words if re.fullmatch(r"(Rp )?\d{1,3}(\.\d{3})+", w["text"])]
            for total in totals:
                row = [w for w in figures if abs(w["top"] - total["top"]) < 2]
                above = {round(w["x1"], 1) for w in figures if w["top"] < total["top"] - 2}
                if not above:  # a table's total at the top of a page it continues onto
                    continue
                for figure in row:
                    checked += 1
                    assert min(abs(figure["x1"] - x) for x in above) < 0.3, (page.page_number, figure["text"])
    assert checked >= 15, "the budget tables' totals were found"


def test_each_share_of_the_budget_is_its_amount_over_the_total(sample_pdf: Path) -> None:
    """Tabel 14.2 and 14.3 printed DAK at 10,7 % and DPUPR at 17,1 % (10,75 and 17,15 %) to make the column add up to
    100,0 %: a councillor checking with a calculator found 10,8 and 17,2. Each share is now its amount over the
    plan's total, a half rounded up, and the note says the column may then add up to 99,9 or 100,1 %."""
    pages = [" ".join(text.split()) for text in page_texts(sample_pdf)]
    for caption in ("Tabel 14.2 Indikasi anggaran per sumber pendanaan",
                    "Tabel 14.3 Indikasi anggaran per perangkat daerah pengampu"):
        first = next(i for i, text in enumerate(pages) if caption in text and "Daftar Tabel" not in text)
        table = " ".join(pages[first:first + 2])
        table = table[table.index(caption):]
        assert "Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya bisa sedikit lebih atau kurang" in table
        rows = re.findall(r"Rp ([\d.]+) (\d+,\d%)", table[:table.index("Total Rp")])
        assert len(rows) >= 8 and [(amount, share) for amount, share in rows if share != INDONESIAN.percent(
            int(amount.replace(".", "")), 276_660_000_000)] == [], caption


def sample_budget(sample_build: Path) -> tuple[Plan, BudgetSummary]:
    """The sample's plan, read again, and its budget totals as the book sums them."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    return plan, budget(plan)


def caption_page(pages: tuple[str, ...], caption: str) -> int:
    """The index of the page a table's caption opens, not the list of tables."""
    return next(i for i, text in enumerate(pages) if caption in " ".join(text.split()) and "Daftar Tabel" not in text)


def test_the_budget_by_funding_source_and_year_adds_up(sample_build: Path, sample_pdf: Path) -> None:
    """Bappeda compares each year's APBD with the city's fiscal capacity: Tabel 14.4 gives the sources (largest first,
    as Tabel 14.2) across the years, each column's total the source's, and the last the plan's."""
    _, money = sample_budget(sample_build)
    pages = page_texts(sample_pdf)
    at = caption_page(pages, "Tabel 14.4 Indikasi anggaran per sumber pendanaan dan tahun")
    with plumbed(sample_pdf) as pdf:
        rows = [row for table in pdf.pages[at].extract_tables() for row in table]
    head = next(row for row in rows if row[0] == "Tahun")
    assert head[1:-1] == money.sources_by_year and head[1] == "APBD"
    total = next(row for row in rows if row[0] == "Total")
    as_number = [int(cell.replace(".", "")) for cell in total[1:]]
    assert as_number == [money.by_source[source] for source in money.sources_by_year] + [money.total]
    year = next(row for row in rows if row[0] == "2025")
    assert year[1] == f"{money.by_source_year['APBD'][2025]:,}".replace(",", ".")
    assert "(Tabel 14.4, hlm." in " ".join(" ".join(text.split()) for text in pages)  # the chapter leads to it


def test_the_apbd_against_its_ceiling_is_printed_year_by_year(sample_build: Path, sample_pdf: Path) -> None:
    """Bappeda checks that the programs' APBD fits the pagu indikatif each year: with plan.yml's apbd_ceiling, the
    budget chapter ends with Tabel 14.6, a row a year: the programs' APBD, the ceiling, the share used, what is left."""
    pages = page_texts(sample_pdf)
    text = " ".join(pages[caption_page(pages, "Tabel 14.6 APBD per tahun terhadap pagu indikatif")].split())
    assert "Tahun APBD program Pagu Persentase terhadap pagu Sisa pagu" in text
    assert "2023 Rp 28.300.000.000 Rp 30.000.000.000 94,3% Rp 1.700.000.000" in text
    assert "2031 Rp 3.900.000.000 Rp 15.000.000.000 26,0% Rp 11.100.000.000" in text
    assert "Total Rp 170.410.000.000 Rp 227.000.000.000 75,1% Rp 56.590.000.000" in text  # the ten years together
    # no year is over its ceiling: the note does not explain a minus the table does not have
    assert "(pagu indikatif)." in text and "tanda minus" not in text


def test_the_roadmap_names_its_phases_over_their_years_and_a_table_gives_their_programs_and_budget(
        sample_build: Path, sample_pdf: Path) -> None:
    """The sample's phases (plan.yml phases) were prose in Bab 13 alone: now each page of Gambar 13.1 names every
    phase in a band over its own years, and Tabel 13.1 gives each phase's programs and the budget of its years."""
    pages = page_texts(sample_pdf)
    shown = [i for i, text in enumerate(pages) if re.search(r"^Gambar 13\.1\b", text, re.MULTILINE) and "...." not in text]
    assert len(shown) == 2, shown  # as without phases (test_the_roadmap_continues_on_full_pages)
    with plumbed(sample_pdf) as pdf:
        for index in shown:
            page = pdf.pages[index]
            years = {w["text"]: w for w in page.extract_words() if re.fullmatch(r"20(2[2-9]|3[01])", w["text"])}
            top = years["2022"]["top"]
            for name, start, end in (("Jangka Pendek", 2022, 2023), ("Jangka Menengah", 2024, 2026),
                                     ("Jangka Panjang", 2027, 2031)):
                over = page.crop((years[str(start)]["x0"] - 4, top - 30, years[str(end)]["x1"] + 4, top - 1))
                assert squeeze(over.extract_text()) == squeeze(name), (index, name)
            assert "Tahapan" in page.crop((0, top - 30, years["2022"]["x0"], top - 1)).extract_text()
    text = " ".join(pages[caption_page(pages, "Tabel 13.1 Program dan anggaran per tahapan")].split())
    assert "Tahapan Tahun Program dimulai Program berjalan Indikasi anggaran Porsi" in text
    assert "Jangka Pendek Membangun Momentum 2022–2023 40 40 Rp 36.700.000.000 13,3%" in text
    assert "Jangka Menengah Integrasi Layanan 2024–2026 27 61 Rp 139.320.000.000 50,4%" in text  # 50,36 %
    assert "Jangka Panjang Kota Cerdas yang Berkelanjutan 2027–2031 3 44 Rp 100.640.000.000 36,4%" in text
    assert "terhadap total indikasi anggaran masterplan, Rp 276.660.000.000." in text
    assert "Setiap persentase dibulatkan ke satu desimal, sehingga jumlahnya bisa sedikit lebih atau kurang dari 100%." in text


def test_the_budget_by_lead_agency_and_year_gives_each_agency_its_ceiling_per_year(sample_build: Path,
                                                                                  sample_pdf: Path) -> None:
    """Agencies write their Renstra and Renja from their pagu indikatif per year, which Tabel 14.3 (a total per agency)
    did not give: Tabel 14.5 lists the lead agencies (largest first) across the years, on landscape pages inside the
    margins, its head repeated on the page it continues on, every row and the total row adding up."""
    from masterplan import summary

    plan, money = sample_budget(sample_build)
    pages = page_texts(sample_pdf)
    first = caption_page(pages, "Tabel 14.5 Indikasi anggaran per perangkat daerah pengampu dan tahun")
    shown = [first] + list(itertools.takewhile(lambda i: "Tabel 14.5 (lanjutan)" in pages[i], range(first + 1, len(pages))))
    assert len(shown) == 2, shown
    rows: list[list[str]] = []
    with plumbed(sample_pdf) as pdf:
        for index in shown:
            page = pdf.pages[index]
            assert page.width > page.height  # landscape
            table = next(t for t in page.find_tables() if t.extract()[0][-1] == "Total" and t.extract()[0][1] == "2022")
            assert 16 * MM - 1 < table.bbox[0] and table.bbox[2] < page.width - 16 * MM + 1, table.bbox
            lines = page.crop(table.bbox).extract_text().split("\n")  # by text: a row without stripes has no rules
            assert lines[0] == " ".join(["Perangkat daerah pengampu", *map(str, money.years), "Total"])  # on each page
            rows += [[" ".join(words[:-len(money.years) - 1]), *words[-len(money.years) - 1:]]
                     for words in (line.split() for line in lines[1:])]
    as_number = [[0 if cell == "–" else int(cell.replace(".", "")) for cell in row[1:]] for row in rows]
    shorts = {a.short_name: a.id for a in plan.agencies}
    led = [agency for agency, amount in summary.largest_first(money.by_agency)]
    assert [shorts.get(row[0]) for row in rows[:-1]] == led and rows[-1][0] == "Total"
    for row, amounts in zip(rows[:-1], as_number[:-1], strict=True):
        assert amounts == [money.by_agency_year[shorts[row[0]]][year] for year in money.years] + [money.by_agency[shorts[row[0]]]]
    assert as_number[-1] == [money.by_year[year] for year in money.years] + [money.total]
    assert rows[0][:3] == ["DPUPR", "–", "500.000.000"] and rows[-1][-1] == "276.660.000.000"
    assert "(Tabel 14.5, hlm." in " ".join(" ".join(text.split()) for text in pages)  # Bab 14 leads agencies to it


def test_under_the_quick_wins_what_they_cost_in_the_plans_first_year(sample_build: Path, sample_pdf: Path) -> None:
    """Tabel 12.1 gives each quick win's total over its years: neither what they ask of 2022 nor its share of 2022's
    budget was to be seen (48 % in the sample, while Bab 12 says they fit in the running year's APBD). A note under
    the table says both, figures summed here from the plan's budget lines."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    lines = [(p.quick_win, line.amount) for p in plan.programs for line in p.budget if line.year == 2022]
    quick, whole = sum(a for q, a in lines if q), sum(a for _, a in lines)
    assert (quick, whole) == (3_900_000_000, 8_100_000_000)
    share = f"{100 * quick / whole:.1f}".replace(".", ",")
    said = (f"Pada 2022, tahun pertama masterplan, indikasi anggaran seluruh quick win berjumlah {rupiah(quick)}, "
            f"yaitu {share}% dari indikasi anggaran seluruh program pada tahun itu ({rupiah(whole)}).")
    assert share == "48,1"
    pages = [" ".join(text.split()) for text in page_texts(sample_pdf)]
    found = [i for i, text in enumerate(pages) if said in text]
    assert len(found) == 1, said
    assert "Tabel 12.1" in pages[found[0]]  # under the table, on its last page
    with plumbed(sample_pdf) as pdf:
        page = pdf.pages[found[0]]
        note = [w for w in page.extract_words() if w["top"] > page.search("tahun pertama masterplan")[0]["top"] - 20]
        assert all(16 * MM - 1 < w["x0"] and w["x1"] < page.width - 16 * MM + 1 for w in note)
        # the theme's "quick win" in italics, as the chapters write theirs: EYD V sets a foreign term so
        words = [(w["text"], w["fontname"]) for w in page.extract_words(extra_attrs=["fontname"])]
        at = next(i for i in range(len(words)) if [text for text, _ in words[i:i + 3]] == ["seluruh", "quick", "win"])
        assert [font.endswith("Italic") for _, font in words[at:at + 4]] == [False, True, True, False], words[at:at + 4]


def test_the_matrices_amounts_stand_in_one_column_for_every_program(sample_pdf: Path) -> None:
    """A program with a longer funding source ("APBD Provinsi") had its amounts further left than the next one's."""
    pages = page_texts(sample_pdf)
    matrix = [i for i, text in enumerate(pages) if "APBD Provinsi" in text and "Indikasi anggaran dan sumber" in text]
    assert matrix
    with plumbed(sample_pdf) as pdf:
        for index in matrix:
            words = pdf.pages[index].extract_words()
            right = {round(w["x1"], 1) for w in words if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", w["text"])
                     and w["x0"] > pdf.pages[index].width * 0.7}
            assert len(right) >= 1 and max(right) - min(right) < 1.0, (index + 1, sorted(right))


def test_an_apostrophe_prints_alike_from_chapters_and_fields(sample_pdf: Path) -> None:
    """The chapters printed "masjid jami’", the programs' fields "masjid jami'"."""
    whole = "\n".join(page_texts(sample_pdf))
    assert whole.count("jami\u2019") >= 3 and "jami'" not in whole


def test_metadata(sample_pdf: Path) -> None:
    reader = read(sample_pdf)
    meta = reader.metadata
    assert meta.title.startswith("Masterplan Smart City Kota Pasuruan")
    assert meta.author == "Pemerintah Kota Pasuruan"
    assert meta.subject and "Pasuruan" in meta.subject
    assert meta.subject.endswith("2022–2031 · Versi 1.0 · Draf")  # two drafts e-mailed apart are told apart
    assert "smart city" in reader.metadata.get("/Keywords", "")
    assert reader.trailer["/Root"].get("/Lang") == "id"


@pytest.fixture(scope="module")
def final_sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan made final, its PDF built (a final plan's book is tagged)."""
    import shutil

    from conftest import make_final

    from masterplan.build import BuildOptions, run

    root = tmp_path_factory.mktemp("final")
    shutil.copytree(REPO / "content", root / "content")
    make_final(root)
    result = run(root, BuildOptions(site=False))
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    return root / "build" / "masterplan.pdf"


def test_the_draft_book_is_not_tagged(sample_pdf: Path) -> None:
    """A draft is rebuilt after every revision; tagging would make each build 1.7 times as long."""
    assert "/StructTreeRoot" not in read(sample_pdf).trailer["/Root"]


def test_the_final_book_is_tagged_for_screen_readers(final_sample_pdf: Path, sample_outline: outline.Outline) -> None:
    """What a screen reader (or a phone reflowing the PDF) reads is the structure tree: every
    chapter's title is a level-1 heading, the tables have header cells, the logo and the charts
    say what they are and show, and every link, the contents' and index's included, is tagged as a link."""
    reader = read(final_sample_pdf)
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    texts = tagged.marked_text(reader)
    roles: dict[str, list[pypdf.generic.DictionaryObject]] = {}
    for _path, element in tagged.elements(reader):
        roles.setdefault(str(element["/S"])[1:], []).append(element)
    headings = [tagged.element_text(element, texts) for element in roles["H1"]]
    for chapter in sample_outline.chapters:
        assert chapter.title in headings
    assert headings.index("Pendahuluan") < headings.index("Smart Governance") < headings.index("Penutup")
    header_cells = {tagged.element_text(element, texts) for element in roles["TH"]}
    assert {"Indikator (satuan)", "Kondisi awal", "2031"} <= header_cells
    # each header cell says what it heads (WeasyPrint wrote none: a checker reported all 559): a column's in the
    # table's head, a row's in its body (the revision history's version, the first cell of each row)
    scopes = {(path[-2] if len(path) > 1 else "", str(element["/A"].get_object()["/Scope"]))
              for path, element in tagged.elements(reader) if element["/S"] == "/TH"}
    assert ("THead", "/Column") in scopes and ("TBody", "/Row") in scopes
    assert ("THead", "/Row") not in scopes and ("TBody", "/Column") not in scopes
    # a chapter's own table whose first column is written in bold names its rows too: the SWOT's "**Internal**"
    row_names = {tagged.element_text(element, texts) for path, element in tagged.elements(reader)
                 if element["/S"] == "/TH" and path[-2:-1] == ["TBody"]}
    assert {"Internal", "Eksternal"} <= row_names, row_names
    figures = [str(figure.get("/Alt")) for figure in roles["Figure"]]
    assert figures[0] == "Logo Kota Pasuruan"
    # each chart (each page of the roadmap) is a figure that says what it shows, bar by bar
    shown = [alt.split(". ", 1)[0] for alt in figures[1:]]
    assert list(dict.fromkeys(shown)) == [item.caption for item in sample_outline.figures]
    assert "GOV-01 e-Sambat (Media Sambat Masyarakat): 2022–2026" in figures[1]
    assert "Smart Governance: Rp 38,82 miliar" in " ".join(figures)
    assert len(roles["Link"]) > 500
    assert tagged.untagged_links(reader) == []


def test_the_final_book_is_an_archival_pdf(final_sample_pdf: Path) -> None:
    """The sample's 83 pages made final, laid out in 20 parts and joined: PDF/A-2a to a validator (``page``)."""
    import page

    report = page.validate_pdf(final_sample_pdf, profile="2a")
    assert report.is_compliant, [(failure.rule_id, failure.message) for failure in report.failures]


def test_a_pdf_readers_page_numbers_are_the_printed_ones(sample_pdf: Path) -> None:
    """"Lihat hlm. 23" typed into a PDF reader's page box opens the page that prints 23."""
    printed = page_labels(sample_pdf)
    shown = read(sample_pdf).page_labels
    assert shown[0] == "i"  # the cover prints no page number (its foot is the notice), and counts as the first
    assert [shown[index] for index, label in enumerate(printed) if label and index] == [
        label for label in printed[1:] if label]
    assert shown.index("1") == printed.index("1")


def test_a_quick_wins_targets_keep_each_year_beside_its_figure(sample_pdf: Path) -> None:
    """Tabel 12.1 broke "...terpadu: 40 / layanan (2023)" between a target and its unit; its targets now go year by
    year, "(layanan): Kondisi awal 12 (2021) · 2022: 25 · 2023: 40", and a line never parts a year from its figure
    nor starts with the dot between two."""
    years = 0
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            if "Tabel 12.1" not in (page.extract_text() or "") or "Daftar Tabel" in (page.extract_text() or ""):
                continue
            words = page.extract_words()
            for before, after in itertools.pairwise(words):
                if re.fullmatch(r"20\d\d:", before["text"]):
                    years += 1
                    # a figure, or a year's funding sources (ECO-01's "2022: APBD 2023: CSR")
                    assert abs(after["top"] - before["top"]) < 1.5 and re.fullmatch(r"[\d.,]+|[A-Z]+,?", after["text"]), \
                        (page.page_number, before["text"], after["text"])
            column = next(w["x0"] for w, after in itertools.pairwise(words)
                          if (w["text"], after["text"]) == ("Target", "indikator"))  # the targets' cells start there
            assert not [w for w in words if w["text"] == "·" and abs(w["x0"] - column) < 1.5]  # no line starts with it
    assert years >= 20


def test_the_budget_by_mission_follows_the_missions_table(sample_pdf: Path) -> None:
    """Bappeda checks the plan against the RPJMD: Tabel 3.2, after the missions × pillars table, gives each
    mission's programs, their budget over the plan, its APBD and its share of the plan's; the total row counts each
    program once (the plan's Rp 276.660.000.000), the rows, counting a program in each of its missions, more."""
    pages = page_texts(sample_pdf)
    listed = next(" ".join(text.split()) for text in pages if text.lstrip().startswith("Daftar Tabel"))
    assert "Tabel 3.2 Indikasi anggaran per misi RPJMD ...." in listed
    at = caption_page(pages, "Tabel 3.2 Indikasi anggaran per misi RPJMD")
    assert at >= caption_page(pages, "Tabel 3.1 Misi dan program yang mendukungnya per dimensi")
    text = " ".join(pages[at].split())
    assert "Misi Program Indikasi anggaran Bersumber APBD Porsi dari total" in text
    assert ("4. Mewujudkan infrastruktur dan tata ruang kota yang berkualitas, nyaman, dan berwawasan lingkungan. "
            "21 Rp 153.550.000.000 Rp 71.500.000.000 55,5%") in text
    assert "Semua program, dihitung sekali 70 Rp 276.660.000.000 Rp 170.410.000.000 100,0%" in text
    assert "Belum terkait misi" not in text  # every program of the sample serves a mission


def test_the_missions_table_writes_a_run_of_codes_as_a_range(sample_build: Path, sample_pdf: Path) -> None:
    """Tabel 3.1 listed a mission's programs one code a line: mission 1's row was 16 lines tall for GOV-01 to GOV-16,
    and the table went on over a page. A run of three or more consecutive codes is now written "GOV-01 s.d. GOV-16":
    the table is on one page, and its cells, ranges read out, name each mission's programs in each pillar."""
    from masterplan.program_tables import mission_matrix

    plan, _ = sample_budget(sample_build)
    pages = page_texts(sample_pdf)
    at = caption_page(pages, "Tabel 3.1 Misi dan program yang mendukungnya per dimensi")
    assert not any("Tabel 3.1 (lanjutan)" in words for words in header_words(sample_pdf))
    with plumbed(sample_pdf) as doc:  # cell by cell, between the heads' edges: a tinted row has no rules inside
        page = doc.pages[at]
        found = next(t for t in page.find_tables() if (t.extract()[0][0] or "") == "Misi")
        edges = [(cell[0], cell[2]) for cell in found.rows[0].cells if cell]
        table = [[page.crop((x0, row.bbox[1], x1, row.bbox[3])).extract_text() for x0, x1 in edges] for row in found.rows]

    def codes(cell: str) -> list[str]:
        named = []
        for first, last in re.findall(r"([A-Z]+-\d+)(?:\s+s\.d\.\s+([A-Z]+-\d+))?", cell):
            prefix, number = first.rsplit("-", 1)
            end = int(last.rsplit("-", 1)[1]) if last else int(number)
            named += [f"{prefix}-{n:02d}" for n in range(int(number), end + 1)]
        return named

    assert table[1][1] == "GOV-01 s.d.\nGOV-16"
    matrix = mission_matrix(plan)
    assert [row[0].split(".")[0] for row in table[1:]] == [str(n) for n in range(1, len(plan.missions) + 1)]
    for row, mission in zip(table[1:], plan.missions, strict=True):
        for cell, pillar in zip(row[1:], plan.pillars, strict=True):
            assert codes(cell or "") == sorted(p.id for p in matrix[mission.id][pillar.id]), (mission.id, pillar.id, cell)
    assert sum((cell or "").count("s.d.") for row in table for cell in row) == 10  # GOV-01 s.d. GOV-16 … SOC-04 s.d. SOC-11


def test_every_pillar_s_indicator_table_has_the_same_columns(sample_pdf: Path) -> None:
    """Tabel 6.1 to 11.1 stand one after another in the book: each sized to its own longest name and unit, the units
    stood at four places and "Kondisi awal" wrapped in two of the six. Now each column starts where it does in the
    others."""
    starts = []
    with plumbed(sample_pdf) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            if not re.search(r"Tabel \d+\.1 Indikator Smart", text) or "Daftar Tabel" in text:
                continue
            words = page.extract_words()
            head = next(w for w in words if w["text"] == "Satuan")
            row = [w for w in words if abs(w["top"] - head["top"]) < 2 or abs(w["bottom"] - head["bottom"]) < 2]
            starts.append(tuple(round(next(w for w in row if w["text"] == name)["x0"]) for name in ("Indikator", "Satuan", "Target")))
            starts[-1] += (round(next(w for w in words if w["text"] == "awal")["bottom"] - head["bottom"]),)  # one line or two
    assert len(starts) == 6, starts
    assert len(set(starts)) == 1, starts


def test_a_unit_with_brackets_of_its_own_is_not_put_in_a_second_pair(sample_pdf: Path) -> None:
    """The program tables printed "… alun-alun (poin (skala 0–100))": such a unit follows a dash."""
    text = " ".join(" ".join(page.split()) for page in page_texts(sample_pdf))
    assert "(poin (skala" not in text
    assert "— poin (skala 0–100)" in text


def test_the_quick_wins_and_the_missions_budget_say_what_their_total_rows_add_up(sample_build: Path,
                                                                                  sample_pdf: Path) -> None:
    """The executive summary's "6 Quick Wins, Rp 7,35 miliar" was found in no table of the book, and the missions'
    budget table ended with "Total … 70 … 100,0%" under rows adding up to 93 programs and 128.7 %: a council member
    reading it took it for a sum gone wrong. The quick wins' table has its total row; the missions' last row says it
    counts each program once."""
    from masterplan.project import load_and_check

    plan = load_and_check(sample_build).plan
    assert plan is not None
    total = sum(program.total_budget for program in plan.quick_wins)
    pages = [squeeze(page.extract_text() or "") for page in pypdf.PdfReader(sample_pdf).pages]
    assert any(squeeze(f"Total: {len(plan.quick_wins)} quick win {rupiah(total)}") in page for page in pages)
    assert any(squeeze("Semua program, dihitung sekali") in page for page in pages)


def test_each_program_of_a_matrix_gives_its_status(sample_build: Path, sample_pdf: Path) -> None:
    """What is new and what carries on, which a council member could not find in print: under each program's name in
    its pillar's matrix, "Status: berjalan" or "Status: direncanakan"."""
    plan = load_and_check(sample_build).plan
    assert plan is not None
    words = {"planned": "direncanakan", "ongoing": "berjalan", "done": "selesai"}
    matrices = " ".join(" ".join(page for page in page_texts(sample_pdf) if "Status:" in page).split())
    for program in plan.programs:
        # within its row: up to its status, no other program's code between (but a continued page's running header's,
        # "Tabel 7.2 (lanjutan) · BRD-02 …", where its cell goes on over a page)
        found = re.search(rf"\b{program.id} ((?:(?!(?<!· )\b[A-Z]{{3}}-\d{{2}}\b).)*?)Status: (\w+)", matrices)
        assert found and found.group(2) == words[program.status], (program.id, found and found.group(0)[:300])
