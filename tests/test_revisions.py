"""The plan's history (plan.yml ``revisions``, Riwayat Revisi): a table in the book's front matter and on the site's
home page, a list in plan.json, in the Indonesian edition and the English one; nothing of it without the list."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MINI_FILES, REPO, finalised, write_plan
from pdf_reading import page_texts, plumbed, reader
from test_pdf import page_labels

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check

DECREE = "Peraturan Wali Kota Contoh Nomor 45 Tahun 2021"
#: the mini plan, adopted at version 1.0, with its two versions
HISTORY = finalised(textwrap.dedent(MINI_FILES["content/plan.yml"]).replace('version: "0.1"', 'version: "1.0"')) + f"""\
revisions:
  - version: "0.9"
    date: 2021-10-15
    summary: {{id: Rancangan untuk konsultasi publik, en: Draft for public consultation}}
  - version: "1.0"
    date: 2021-12-01
    summary: {{id: Ditetapkan setelah konsultasi publik, en: Adopted after the public consultation}}
    decree: {DECREE}
"""
ROMAN = set("ivxlc")
AMENDED = "sebagaimana telah diubah dengan Peraturan Wali Kota Contoh"  #: what joins a regulation to its amendment


def _build(root: Path, plan_yml: str) -> Path:
    write_plan(root, {"content/plan.yml": plan_yml})
    result = run(root, BuildOptions(search=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    return root / "build"


@pytest.fixture(scope="module")
def indonesian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("history-id"), HISTORY)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("history-en"), HISTORY.replace("status: final", "status: final\nlanguage: en"))


def _squeezed(pdf: Path) -> list[str]:
    return [" ".join(text.split()) for text in page_texts(pdf)]


def _history_page(pdf: Path, title: str) -> tuple[str, str]:
    """The text and printed number of the page the history is on (not the table of contents naming it)."""
    pages = _squeezed(pdf)
    found = [index for index, text in enumerate(pages) if text.startswith(title) or f" {title} Versi" in text
             or f" {title} Version" in text]
    assert len(found) == 1, [pages[i][:120] for i in found]
    return pages[found[0]], page_labels(pdf)[found[0]]


def test_the_book_prints_the_history_in_its_front_matter(indonesian: Path) -> None:
    text, label = _history_page(indonesian / "masterplan.pdf", "Riwayat Revisi")
    assert set(label) <= ROMAN and label, label  # a front-matter page: numbered in roman
    assert "Versi Tanggal Uraian perubahan Ditetapkan dengan" in text
    assert "0.9 15 Oktober 2021 Rancangan untuk konsultasi publik –" in text  # a draft: no regulation
    assert f"1.0 1 Desember 2021 Ditetapkan setelah konsultasi publik {DECREE}" in text
    assert text.index("0.9 15 Oktober") < text.index("1.0 1 Desember")  # oldest first, as listed


def test_the_contents_and_the_outline_lead_to_the_history(indonesian: Path) -> None:
    pdf = indonesian / "masterplan.pdf"
    _, label = _history_page(pdf, "Riwayat Revisi")
    contents = next(text for text in _squeezed(pdf) if text.startswith("Daftar Isi"))
    assert re.search(rf"Landasan Hukum \.+ ii Riwayat Revisi \.+ {label} Daftar Tabel", contents), contents
    titles = [item.title for item in reader(pdf).outline if not isinstance(item, list)]
    assert titles.index("Landasan Hukum") + 1 == titles.index("Riwayat Revisi") < titles.index("Daftar Isi")


def test_the_english_edition_says_revision_history(english: Path) -> None:
    text, label = _history_page(english / "masterplan.pdf", "Revision history")
    assert set(label) <= ROMAN and label
    assert "Version Date Summary of changes Adopted by" in text
    assert "0.9 15 October 2021 Draft for public consultation" in text
    assert f"1.0 1 December 2021 Adopted after the public consultation {DECREE}" in text


class _Tables(HTMLParser):
    """Each table of a page by its id: its caption, and its rows as the texts of their cells (and a cell's
    <time datetime>, in brackets after its text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, list]] = {}
        self.current: dict[str, list] | None = None
        self.cell: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "table":
            self.current = self.tables.setdefault(named.get("id") or "", {"caption": [], "rows": []})
        elif self.current is None:
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.current["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = []
            self.current["rows"][-1].append(self.cell)
        elif tag == "time" and self.cell is not None:
            self.cell.append(f"[{named.get('datetime')}]")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.current = None
        elif tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.in_caption and self.current is not None:
            self.current["caption"].append(data)
        elif self.cell is not None:
            self.cell.append(data)


def _table(page: Path, table_id: str) -> tuple[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    table = parser.tables[table_id]
    rows = [[" ".join("".join(cell).split()) for cell in row] for row in table["rows"]]
    return " ".join("".join(table["caption"]).split()), rows


def test_the_home_page_shows_the_history_as_a_table_with_a_caption(indonesian: Path) -> None:
    home = (indonesian / "site" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="revision-history">Riwayat Revisi</h2>' in home
    caption, rows = _table(indonesian / "site" / "index.html", "revisions")
    assert caption == "Versi masterplan beserta tanggal dan peraturan yang menetapkannya"
    assert rows == [
        ["Versi", "Tanggal", "Uraian perubahan", "Ditetapkan dengan"],
        ["0.9", "[2021-10-15]15 Oktober 2021", "Rancangan untuk konsultasi publik", "–Belum ditetapkan"],
        ["1.0", "[2021-12-01]1 Desember 2021", "Ditetapkan setelah konsultasi publik", DECREE],
    ]
    assert '<th scope="row">1.0</th>' in home


def test_the_english_home_page_names_its_columns_in_english(english: Path) -> None:
    caption, rows = _table(english / "site" / "index.html", "revisions")
    assert caption == "Versions of the plan, with their dates and the regulations that adopted them"
    assert rows[0] == ["Version", "Date", "Summary of changes", "Adopted by"]
    assert rows[2] == ["1.0", "[2021-12-01]1 December 2021", "Adopted after the public consultation", DECREE]


def test_plan_json_carries_the_history(indonesian: Path) -> None:
    data = json.loads((indonesian / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert data["plan"]["revisions"] == [
        {"version": "0.9", "date": "2021-10-15", "decree": None,
         "summary": {"id": "Rancangan untuk konsultasi publik", "en": "Draft for public consultation"}},
        {"version": "1.0", "date": "2021-12-01", "decree": {"id": DECREE},
         "summary": {"id": "Ditetapkan setelah konsultasi publik", "en": "Adopted after the public consultation"}},
    ]


def test_a_plan_without_a_history_has_no_table(tmp_path: Path) -> None:
    write_plan(tmp_path, {})
    result = run(tmp_path, BuildOptions(pdf=False, search=False))
    assert result.ok
    home = (tmp_path / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Riwayat Revisi" not in home and 'id="revisions"' not in home
    plan = json.loads((tmp_path / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert plan["plan"]["revisions"] == []


def test_only_a_final_plan_is_told_its_version_is_missing_from_the_history(make_plan: Callable[..., Path]) -> None:
    """A draft of version 2.0 is not adopted yet: a history ending at 1.0 is right until it is (W120 when final)."""
    draft = HISTORY.replace("status: final", "status: draft").replace('version: "1.0"\nstatus', 'version: "2.0"\nstatus')
    assert 'version: "2.0"' in draft
    codes = {d.code for d in load_and_check(make_plan({"content/plan.yml": draft})).report}
    assert not codes & {"E113", "W118", "W119", "W120"}, codes
    final = load_and_check(make_plan({"content/plan.yml": finalised(draft)})).report
    assert [(d.code, d.position.line) for d in final if d.code == "W120"] == [("W120", 20)]  # the last entry, 1.0


def test_a_final_plan_s_version_written_with_a_v_is_its_entry_of_the_history(make_plan: Callable[..., Path]) -> None:
    """``version: v1.0`` over a history whose entry is ``1.0``: one version (E113 says so of ``v1.0`` beside ``1.0``
    in the history, and its books are kept as 1.0's). W120 told to add an entry for v1.0, which E113 then refused,
    and W121 found no decree for the final version, so the book's annex had no heading."""
    plan_yml = HISTORY.replace('version: "1.0"\nstatus', 'version: "v1.0"\nstatus')
    assert 'version: "v1.0"\nstatus' in plan_yml
    report = load_and_check(make_plan({"content/plan.yml": plan_yml})).report
    assert not [str(d) for d in report if d.code in {"E113", "W120", "W121"}]


@pytest.mark.parametrize(("decree", "told"), [
    ("Peraturan Wali Kota Contoh Nomor 45 Tahun 2020", True),  # the year before version 1.0's December 2021
    ("Keputusan Wali Kota Contoh Nomor 188.45/12/423.011/2019", True),  # the year ends its number
    (f"Peraturan Wali Kota Contoh Nomor 45 Tahun 2019 {AMENDED} Nomor 3 Tahun 2020", True),  # the amendment adopted version 1.0: its year counts
    (f"Peraturan Wali Kota Contoh Nomor 45 Tahun 2020 {AMENDED} Nomor 3 Tahun 2021", False),  # the regulation it amends may be older
    ("Peraturan Wali Kota Contoh Nomor 45 Tahun 2021", False),
    ("Peraturan Wali Kota Contoh Nomor 2 Tahun 2022", False),  # a December version enacted in January
])
def test_a_decree_enacted_before_its_version_is_told(make_plan: Callable[..., Path], decree: str, told: bool) -> None:
    """A regulation adopts a version written before it: one whose year is before the version's date (a typed 2020
    for 2021) would head the annex with the wrong year, and is told at the decree (W124)."""
    report = load_and_check(make_plan({"content/plan.yml": HISTORY.replace(DECREE, decree)})).report
    found = [(d.position.line, str(d)) for d in report if d.code == "W124"]
    year = re.findall(r"\d{4}", decree)[-1]
    assert [line for line, _ in found] == ([23] if told else []), [str(d) for d in report]
    assert all(f"was enacted in {year}, before version 1.0's date (2021-12-01)" in said for _, said in found)


def test_the_sample_has_a_history_and_no_warning_of_it() -> None:
    checked = load_and_check(REPO)
    assert checked.plan is not None and [r.version for r in checked.plan.revisions] == ["0.9", "1.0"]
    assert not [d for d in checked.report if d.code in {"E113", "W118", "W119", "W120"}]


def test_a_version_written_without_quotes_is_printed_as_written(tmp_path: Path) -> None:
    """``version: 1.10`` is the number 1.1 to YAML; the site, plan.json and the checks still take it as 1.10."""
    unquoted = HISTORY.replace('version: "1.0"', "version: 1.10").replace('version: "0.9"', "version: 1.09")
    assert unquoted.count("version: 1.10") == 2, unquoted
    write_plan(tmp_path, {"content/plan.yml": unquoted})
    result = run(tmp_path, BuildOptions(pdf=False, search=False))
    assert result.ok and not [d for d in result.report if d.code == "W120"], [str(d) for d in result.report]
    site = tmp_path / "build" / "site"
    _, rows = _table(site / "index.html", "revisions")
    assert [row[0] for row in rows] == ["Versi", "1.09", "1.10"]
    assert "Versi 1.10</p>" in (site / "index.html").read_text(encoding="utf-8")  # the footer of every page
    plan = json.loads((site / "data" / "plan.json").read_text(encoding="utf-8"))["plan"]
    assert plan["version"] == "1.10" and [r["version"] for r in plan["revisions"]] == ["1.09", "1.10"]


def test_a_range_of_years_stays_on_the_line_of_the_word_before_it(tmp_path: Path) -> None:
    """The sample's history printed "… diselaraskan dengan RPJMD 2021–" at a line's end and "2026." alone on the
    next, in the narrow column of its summary; the range and "RPJMD" are now one line's, read back from the PDF."""
    summary = "Rancangan akhir, disempurnakan dari hasil konsultasi publik dan diselaraskan dengan RPJMD 2021–2026."
    write_plan(tmp_path, {"content/plan.yml": HISTORY.replace("Ditetapkan setelah konsultasi publik", f"'{summary}'")})
    result = run(tmp_path, BuildOptions(search=False, site=False))
    assert result.ok, "\n".join(str(d) for d in result.report)
    with plumbed(tmp_path / "build" / "masterplan.pdf") as pdf:
        page = next(page for page in pdf.pages if (page.extract_text() or "").startswith("Riwayat Revisi"))
        lines = page.extract_text().splitlines()
    assert [line for line in lines if "RPJMD 2021–2026" in line], lines
    assert not [line for line in lines if line.strip() in ("2026.", "2021–2026.")], lines


HISTORY_11 = HISTORY.replace('version: "1.0"\nstatus', 'version: "1.1"\nstatus').replace(
    "date: 2021-12-01\nleading", "date: 2024-03-01\nleading") + """\
  - version: "1.1"
    date: 2024-03-01
    summary: Perubahan pertama
    decree: {decree}
"""


@pytest.mark.parametrize(("written", "told"), [
    (f"{DECREE} {AMENDED} Nomor 3 Tahun 2024", False),
    (f"Perwali Contoh Nomor 45 Tahun 2021 {AMENDED} Nomor 3 Tahun 2024", False),  # the same regulation, shortened
    (f"Peraturan Wali Kota Contoh Nomor 54 Tahun 2021 {AMENDED} Nomor 3 Tahun 2024", True),  # its number typed wrong
    (f"Peraturan Wali Kota Contoh Nomor 45 Tahun 2012 {AMENDED} Nomor 3 Tahun 2024", True),  # its year typed wrong
    ("Peraturan Wali Kota Contoh Nomor 3 Tahun 2024", False),  # a new regulation, replacing the old one
])
def test_an_amendment_citing_another_regulation_than_the_one_it_amends_is_told(
        make_plan: Callable[..., Path], written: str, told: bool) -> None:
    """Version 1.1 adopted by "Perwali 3/2024, amending Perwali 54/2021": the annex heading of the revised book
    printed "PERUBAHAN ATAS PERATURAN WALI KOTA CONTOH NOMOR 54 TAHUN 2021", while version 1.0's entry says it was
    adopted by Perwali 45/2021. One of the two is typed wrong, and is told at the decree (W129)."""
    plan_yml = HISTORY_11.replace("{decree}", written)
    assert 'version: "1.1"\nstatus' in plan_yml and "date: 2024-03-01\nleading" in plan_yml
    report = load_and_check(make_plan({"content/plan.yml": plan_yml})).report
    found = [str(d) for d in report if d.code == "W129"]
    assert len(found) == (1 if told else 0), [str(d) for d in report]
    if told:
        amended = re.search(r"Nomor \d+ Tahun \d{4}", written).group(0)
        assert (f"content/plan.yml:27:13: warning[W129]: the decree '{written}' amends Peraturan Wali Kota Contoh "
                f"{amended}, but version 1.0 was adopted by {DECREE} (line 23) (cite the regulation that adopted "
                "version 1.0, as its entry of revisions names it, or correct that entry)") in found[0], found


def test_an_amendment_is_compared_with_the_version_before_it_however_the_history_is_listed(
        make_plan: Callable[..., Path]) -> None:
    """A history listed newest first (W118 says so): W129 compared 1.2's amendment of Perwali 3/2024 with the last
    entry listed, 1.0's Perwali 45/2021, and told to cite that one, which the annex heading would then have printed
    as the regulation amended. The version before 1.2 is 1.1, by date."""
    newest_first = HISTORY_11.replace("{decree}", "Peraturan Wali Kota Contoh Nomor 3 Tahun 2024")
    entries = newest_first.split("revisions:\n", 1)
    listed = re.split(r"(?m)^(?=  - version)", entries[1])
    twelve = ('  - version: "1.2"\n    date: 2025-03-01\n    summary: Perubahan kedua\n    decree: Peraturan Wali Kota '
              f'Contoh Nomor 3 Tahun 2024 {AMENDED} Nomor 7 Tahun 2025\n')
    plan_yml = (entries[0].replace('version: "1.1"\nstatus', 'version: "1.2"\nstatus').replace(
        "date: 2024-03-01\nleading", "date: 2025-03-01\nleading") + "revisions:\n" + twelve
        + "".join(reversed([entry for entry in listed if entry])))
    report = load_and_check(make_plan({"content/plan.yml": plan_yml})).report
    codes = [d.code for d in report]
    assert "W118" in codes and "W129" not in codes, [str(d) for d in report]
