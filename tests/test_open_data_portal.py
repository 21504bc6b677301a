"""Open data as a city's Satu Data operator puts it on a data portal (CKAN reads ``datapackage.json``): each table
with a title and a sentence on what one of its rows is, who keeps the data and where it comes from; read back with
json, csv and openpyxl as a portal's or a reader's tools read them."""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
from conftest import MINI_FILES

from masterplan.build import BuildOptions, run


def build(make_plan: Callable[..., Path], files: dict[str, str] | None = None, base_url: str | None = None) -> Path:
    root = make_plan(files or {})
    built = run(root, BuildOptions(pdf=False, search=False, base_url=base_url))
    assert built.ok, [str(d) for d in built.report]
    return root / "build" / "site" / "data"


def resources(data: Path) -> dict[str, dict]:
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    return {resource["path"]: resource for resource in package["resources"]}


def page_text(data: Path) -> str:
    """The site's open-data page as a reader sees it: its words, without the markup."""
    page = (data.parent / "data.html").read_text(encoding="utf-8")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_each_table_has_a_title_and_says_what_a_row_is_wherever_it_is_described(make_plan) -> None:
    """A portal listed the tables as "programs", "budget", … with a description that was only the draft notice and
    the apostrophe rule: nothing said what budget.csv holds, or that its row is a program's year and funding
    source. Now each resource has the title its workbook sheet has, and its description, the data page and the
    workbook's notes sheet say what the table holds and what one row is."""
    data = build(make_plan)
    described = resources(data)
    sheets = openpyxl.load_workbook(data / "plan.xlsx").sheetnames
    assert [described[file]["title"] for file in described] == sheets[:len(described)]
    assert described["budget.csv"]["title"] == "Baris anggaran"
    row = ("Indikasi anggaran program: satu baris per program, tahun anggaran, dan sumber pendanaan (dua baris "
           "anggaran satu program dengan tahun dan sumber yang sama menjadi satu baris berisi jumlahnya).")
    assert row in described["budget.csv"]["description"]
    assert "satu baris per program." in described["programs.csv"]["description"]
    assert "satu baris per indikator dan tahun target atau realisasi" in described["indicators.csv"]["description"]
    assert all(" satu baris per " in described[file]["description"]  # the summary tables' notes say theirs as before
               for file in described if file not in ("budget_by_mission.csv", "budget_by_phase.csv"))

    assert f"budget.csv {row}" in page_text(data)  # under the table's heading on the site's data page
    notes = openpyxl.load_workbook(data / "plan.xlsx")["Keterangan kolom"]
    listed = {row[1]: row for row in notes.iter_rows(values_only=True) if row[1] in described}
    assert listed["budget.csv"][:3] == ("Baris anggaran", "budget.csv", row)
    header = next(r for r in notes.iter_rows(values_only=True) if r[1] == "Berkas CSV")
    assert header[:3] == ("Lembar", "Berkas CSV", "Isi")


def test_an_english_plans_tables_are_titled_and_described_in_english(make_plan) -> None:
    plan_yml = MINI_FILES["content/plan.yml"].replace("date: 2021-12-01", "date: 2021-12-01\n        language: en")
    described = resources(build(make_plan, {"content/plan.yml": plan_yml}))
    assert described["budget.csv"]["title"] == "Budget lines"
    assert "a row per program, budget year and funding source" in described["budget.csv"]["description"]


def test_the_descriptor_names_who_keeps_the_data_and_with_the_sites_address_where_it_comes_from(make_plan) -> None:
    """A portal reading datapackage.json found no author, maintainer or source: its only contributor was the
    city as publisher, a role CKAN maps to none of its fields, and nothing gave the site's address. Now the
    leading sector is the maintainer, with the e-mail address and website its file gives, and a build with the
    site's public address names the data page as the package's homepage and the plan's site as its source."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "kind: dinas\n", "kind: dinas\n        contact: {email: diskominfo@kotacontoh.go.id, "
                         "website: 'https://diskominfo.kotacontoh.go.id'}\n")
    data = build(make_plan, {"content/agencies/diskominfo.yml": agency},
                 base_url="https://smartcity.kotacontoh.go.id/masterplan")
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["contributors"] == [
        {"title": "Pemerintah Kota Contoh", "role": "publisher"},
        {"title": "Dinas Komunikasi dan Informatika", "role": "maintainer", "organization": "Pemerintah Kota Contoh",
         "email": "diskominfo@kotacontoh.go.id", "path": "https://diskominfo.kotacontoh.go.id"}]
    assert package["homepage"] == "https://smartcity.kotacontoh.go.id/masterplan/data.html"
    assert package["sources"] == [{"title": "Masterplan Smart City Kota Contoh 2022–2026",
                                   "path": "https://smartcity.kotacontoh.go.id/masterplan/"}]
    assert (data.parent / "data.html").is_file()  # the homepage is the page the build wrote

    # without an address nor a contact: the maintainer by name, and no page or source a portal would follow
    package = json.loads((build(make_plan) / "datapackage.json").read_text(encoding="utf-8"))
    assert package["contributors"][1] == {"title": "Dinas Komunikasi dan Informatika", "role": "maintainer",
                                          "organization": "Pemerintah Kota Contoh"}
    assert "homepage" not in package and "sources" not in package


def test_the_budget_page_links_its_figures_as_data_and_the_data_page_names_each_table(make_plan) -> None:
    """A reader of the budget page who wanted its figures in a spreadsheet had to find the open-data page in the
    menu, whose list of downloads gave only file names ("budget.csv"). Now the budget page links the workbook,
    naming the sheet that holds its tables, and budget.csv, saying what a row of it is; and the data page names
    each table beside its file, linking the table's columns further down."""
    data = build(make_plan)
    site = data.parent
    budget = (site / "budget.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" download>', budget)
    assert links == ["data/plan.xlsx", "data/budget.csv"] and all((site / link).is_file() for link in links)
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", budget)).split())
    assert ("Angka-angka ini sebagai data terbuka: plan.xlsx (lembar Ringkasan anggaran), budget.csv (satu baris "
            "per program, tahun anggaran, dan sumber pendanaan) · Data Terbuka") in words
    assert "Ringkasan anggaran" in openpyxl.load_workbook(data / "plan.xlsx").sheetnames

    page = (site / "data.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="data/budget.csv" download>budget.csv</a> <span class="file-size">\(\d+\xa0kB\)</span> — '
                     r'<a href="#budget-csv">Baris anggaran</a>', page)
    assert 'id="budget-csv"' in page
    assert re.search(r"programs\.csv \(\d+ kB\) — Program budget\.csv \(\d+ kB\) — Baris anggaran agencies\.csv "
                     r"\(\d+ kB\) — Perangkat Daerah", page_text(data))


def test_the_data_page_says_to_import_codes_and_phone_numbers_as_text(make_plan) -> None:
    """A program coded 2.10 (as a budget nomenclature numbers programs) came out of a spreadsheet's CSV import as the
    number 2.1, and an agency's phone 081234567890 as 343424242: the files hold them as written (the workbook as text
    cells), and the data page now tells whoever imports a CSV file to give those columns the type Text."""
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace(
        "kind: badan\n", "kind: badan\n        contact: {phone: '081234567890'}\n").replace(
        "id: ECO-01", "id: '2.10'")
    data = build(make_plan, {"content/agencies/bpkad.yml": agency})
    programs = (data / "programs.csv").read_text(encoding="utf-8")
    assert "\n2.10,Transaksi Non-Tunai," in programs and ",081234567890," in (data / "agencies.csv").read_text("utf-8")
    book = openpyxl.load_workbook(data / "plan.xlsx")
    assert [row[0] for row in book["Program"].iter_rows(min_row=2, values_only=True)] == ["GOV-01", "2.10"]
    assert ("Kode dan nomor telepon berupa teks: saat mengimpor, beri kolom-kolomnya jenis Teks (Text), sebab bila "
            "tidak, kode program seperti 2.10 menjadi angka 2,1 dan nomor telepon 081234567890 kehilangan angka 0 di "
            "depannya.") in page_text(data)


def _sizes_shown(data: Path) -> dict[str, float]:
    """Each file the data page offers for download and the size it gives, in bytes (as written: ``(812 kB)``,
    ``(5,4 MB)``, a decimal comma in Indonesian)."""
    page = (data.parent / "data.html").read_text(encoding="utf-8")
    found = re.findall(r'<a href="data/([^"]+)" download(?:="[^"]+")?>[^<]+</a> <span class="file-size">\(([\d.,]+)\xa0(kB|MB)\)',
                       page)
    return {name: float(number.replace(",", ".")) * (10**3 if unit == "kB" else 10**6)
            for name, number, unit in found}


def test_the_data_page_gives_each_file_s_size_as_published(make_plan, monkeypatch) -> None:
    """plan.json is 5.4 MB on a province's plan: a reader on a phone's data plan is told before downloading. Each
    file the data page lists shows its size, the real bytes of the file the site publishes, written the Indonesian
    way ("79 kB", "1,5 MB"). A file that grows while nothing the page's other inputs hold changed is shown with its
    new size: the cache of pages knows the sizes."""
    data = build(make_plan)
    shown = _sizes_shown(data)
    assert set(shown) == {path.name for path in data.iterdir()}  # every file published, each with its size
    for name, size in shown.items():
        assert abs(size - max(os.path.getsize(data / name), 500)) <= 500, name  # to the kB shown (at least 1 kB)
    from masterplan.preview import Preview
    preview = Preview(data.parent.parent.parent, log=lambda line: None)
    preview.rebuild()
    assert preview.verify("data.html") and preview.in_process  # the preview shows the sizes the build wrote

    from masterplan.render import data as open_data
    export = open_data.export

    def padded(plan, folder: Path, *args, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
        said = export(plan, folder, *args, **kwargs)
        with open(folder / "plan.json", "ab") as handle:  # white space at its end: the same JSON, 1.5 MB
            handle.write(b" " * (1_500_000 - handle.tell()))
        return said

    monkeypatch.setattr(open_data, "export", padded)
    built = run(data.parent.parent.parent, BuildOptions(pdf=False, search=False))
    assert built.ok, [str(d) for d in built.report]
    assert os.path.getsize(data / "plan.json") == 1_500_000
    assert '<a href="data/plan.json" download>plan.json</a> <span class="file-size">(1,5\xa0MB)</span>' in (
        data.parent / "data.html").read_text(encoding="utf-8")
