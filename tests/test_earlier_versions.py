"""The site keeps each earlier version's books: a researcher who cited version 1.0 can still download it after the
plan was revised to 1.1. Before, the revision's build replaced download/masterplan.pdf, and 1.0's book was gone from
the site (and from build/) for good."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MINI_FILES, write_plan
from pdf_reading import page_texts
from test_revisions import HISTORY

from masterplan.build import BuildOptions, run
from masterplan.preview import Preview

#: the adopted 1.0 (HISTORY), revised: version 1.1, a draft of 2024, listed in its history
REVISED = HISTORY.replace('version: "1.0"\nstatus: final', 'version: "1.1"\nstatus: draft').replace(
    "date: 2021-12-01\nleading", "date: 2024-03-01\nleading") + """\
  - version: "1.1"
    date: 2024-03-01
    summary: {id: Perubahan program, en: Programs amended}
"""
SUMMARY = "content/executive-summary.md"
OLD_BOOK, OLD_SUMMARY = "download/v1.0/masterplan.pdf", "download/v1.0/masterplan-summary.pdf"


def _build(root: Path, **options: bool) -> None:
    result = run(root, BuildOptions(search=False, **options))
    assert result.ok, [str(d) for d in result.report.errors]


def _first_page(pdf: Path) -> str:
    return " ".join(page_texts(pdf)[0].split())


class _Rows(HTMLParser):
    """The revision table's rows as the home page serves them: each row's version and the links in it."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self.inside, self.version_cell = False, False
        self.row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", "revisions") in attrs:
            self.inside = True
        elif self.inside and tag == "th" and ("scope", "row") in attrs:
            self.version_cell = True
        elif self.inside and tag == "a" and self.row is not None:
            self.rows[self.row].append(dict(attrs)["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "table"
        self.version_cell = self.version_cell and tag != "th"

    def handle_data(self, data: str) -> None:
        if self.version_cell and data.strip():
            self.row = data.strip()
            self.rows[self.row] = []


def _history(site: Path) -> dict[str, list[str]]:
    parser = _Rows()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    return parser.rows


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """1.0 adopted and built with its executive summary; then revised to 1.1 and built (PDF), built again without
    the caches (PDF), and once more without the PDF: what the site held after each."""
    root = write_plan(tmp_path_factory.mktemp("versions"), {
        "content/plan.yml": HISTORY + "executive_summary: true\n",
        SUMMARY: "---\ntitle: Ringkasan\n---\n\nRingkasan untuk Wali Kota dan DPRD.\n"})
    _build(root)
    site = root / "build" / "site"
    first = (site / "download" / "masterplan.pdf").read_bytes()
    (root / "content" / "plan.yml").write_text(REVISED + "executive_summary: true\n", encoding="utf-8")
    _build(root)
    seen: dict[str, object] = {"root": root, "first": first, "revised": _history(site),
                               "old": _first_page(site / OLD_BOOK), "new": _first_page(site / "download/masterplan.pdf"),
                               "old_summary": (site / OLD_SUMMARY).is_file()}
    _build(root, cache=False)
    seen["uncached"] = ((site / OLD_BOOK).read_bytes(), _history(site))
    _build(root, pdf=False)
    seen["html_only"] = ((site / OLD_BOOK).read_bytes(), _history(site))
    return seen


def test_the_revisions_site_serves_the_earlier_versions_book_at_its_own_address(revised: dict[str, object]) -> None:
    assert "Versi 1.0" in str(revised["old"]) and "Status Final" in str(revised["old"]), revised["old"]
    assert "Versi 1.1" in str(revised["new"]) and "Versi 1.0" not in str(revised["new"])
    assert revised["old_summary"]  # its executive summary too


def test_the_revision_history_links_each_version_to_its_book_and_no_version_to_a_missing_one(
        revised: dict[str, object]) -> None:
    rows = revised["revised"]
    assert isinstance(rows, dict) and list(rows) == ["0.9", "1.0", "1.1"]
    assert rows["0.9"] == []  # never built: no copy kept, shown without a link
    assert rows["1.0"] == [OLD_BOOK, OLD_SUMMARY]
    assert rows["1.1"][0] == "download/masterplan.pdf"
    site = Path(str(revised["root"])) / "build" / "site"
    assert all((site / href).is_file() for links in rows.values() for href in links)


@pytest.mark.parametrize("build", ["uncached", "html_only"])
def test_later_builds_keep_the_earlier_versions_book(revised: dict[str, object], build: str) -> None:
    """A third build (without the caches) and a build of the site alone still serve and link 1.0's book."""
    kept, rows = revised[build]  # type: ignore[misc]
    assert kept == revised["first"] and rows == revised["revised"]


def test_a_build_that_fails_loses_no_earlier_version(revised: dict[str, object]) -> None:
    root = Path(str(revised["root"]))
    plan = root / "content" / "plan.yml"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("period: {start: 2022, end: 2026}", "period: {start: 2022, end: dua}"), encoding="utf-8")
    try:
        assert not run(root, BuildOptions(search=False, pdf=False)).ok
    finally:
        plan.write_text(good, encoding="utf-8")
    assert (root / "build" / "site" / OLD_BOOK).read_bytes() == revised["first"]
    assert (root / "build" / ".versions" / "v1.0" / "masterplan.pdf").read_bytes() == revised["first"]


def test_a_draft_number_is_kept_only_once_the_history_lists_it(tmp_path: Path) -> None:
    """Working drafts do not pile up: 0.1, built and then renumbered 0.2, is kept only when the plan's history lists
    it, and so has a row to link it from (the book in place is kept then, by a build of the site alone too)."""
    root = write_plan(tmp_path, {})
    _build(root)
    plan = root / "content" / "plan.yml"
    assert 'version: "0.1"' in MINI_FILES["content/plan.yml"]
    renumbered = plan.read_text(encoding="utf-8").replace('version: "0.1"', 'version: "0.2"')
    plan.write_text(renumbered, encoding="utf-8")
    _build(root, pdf=False)
    site = root / "build" / "site"
    assert not (site / "download" / "v0.1").exists() and not (root / "build" / ".versions").exists()
    plan.write_text(renumbered + "revisions:\n  - {version: \"0.1\", date: 2021-10-01, summary: Rancangan awal}\n"
                    "  - {version: \"0.2\", date: 2021-12-01, summary: Rancangan kedua}\n", encoding="utf-8")
    _build(root, pdf=False)
    assert "Versi 0.1" in _first_page(site / "download/v0.1/masterplan.pdf")
    assert _history(site)["0.1"] == ["download/v0.1/masterplan.pdf"]


def test_a_site_built_alone_after_a_revision_links_no_book_as_the_new_versions(tmp_path: Path) -> None:
    """After 1.0's book, the revision 1.1 built with --no-pdf: the book in place is 1.0's, linked from 1.0's row; 1.1's
    row linked it too, as if it were 1.1's. It shows the dash until 1.1's book is built."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _build(root)
    (root / "content" / "plan.yml").write_text(REVISED, encoding="utf-8")
    _build(root, pdf=False)
    rows = _history(root / "build" / "site")
    assert rows["1.0"] == ["download/v1.0/masterplan.pdf"] and rows["1.1"] == [], rows


def test_both_editions_of_a_version_are_kept_when_the_other_was_built_last(tmp_path: Path) -> None:
    """A city that publishes both editions (README: one build of each, to its own folder on the server) builds 1.0 in
    Indonesian, then in English, then revises to 1.1: the Indonesian book of 1.0, the official one, is kept too, not
    only the edition that happened to be built last."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _build(root)
    plan = root / "content" / "plan.yml"
    plan.write_text(HISTORY.replace("status: final", "status: final\nlanguage: en"), encoding="utf-8")
    _build(root)
    plan.write_text(REVISED, encoding="utf-8")
    _build(root, pdf=False)
    site = root / "build" / "site"
    assert "Versi 1.0" in _first_page(site / OLD_BOOK) and "Status Final" in _first_page(site / OLD_BOOK)
    assert "Version 1.0" in _first_page(site / "download/v1.0/en/masterplan.pdf")
    assert _history(site)["1.0"] == [OLD_BOOK, "download/v1.0/en/masterplan.pdf"]


def test_a_site_built_alone_after_the_other_edition_says_its_book_is_in_the_other_language(tmp_path: Path) -> None:
    """A city that publishes both editions builds the English one, then switches plan.yml back to Indonesian and
    builds the site alone for a quick fix: the site offered the English book as the Indonesian edition's, without a
    word. The build says so (W702 at plan.yml's language), as it does for a book of another title; once the PDF is
    built in Indonesian again, it says nothing."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY.replace("status: final", "status: final\nlanguage: en")})
    _build(root)
    (root / "content" / "plan.yml").write_text(HISTORY, encoding="utf-8")
    built = run(root, BuildOptions(pdf=False, search=False))
    told = [d for d in built.report.warnings if d.code == "W702"]
    said = "the website links the PDF built last, whose language is 'en', not the plan's 'id'"
    assert [(d.position.file, str(d.message)) for d in told] == [("content/plan.yml", said)]
    _build(root)
    assert not [d for d in run(root, BuildOptions(pdf=False, search=False)).report.warnings if d.code == "W702"]


def test_a_plan_at_v1_1_links_its_book_from_its_historys_row_1_1(tmp_path: Path) -> None:
    """A plan whose version is written "v1.1" and its history's row "1.1" (one version: its book is kept at v1.1/
    when it is revised) showed a dash in that row, the plan's own book linked from no row of the history."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _build(root)
    (root / "content" / "plan.yml").write_text(REVISED.replace('version: "1.1"\nstatus', 'version: "v1.1"\nstatus'),
                                               encoding="utf-8")
    _build(root)
    rows = _history(root / "build" / "site")
    assert rows["1.1"] == ["download/masterplan.pdf"] and rows["1.0"] == [OLD_BOOK], rows


class _Saved(HTMLParser):
    """The names a page's links to one address ask the browser to save it under (their ``download`` attribute)."""

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href, self.names = href, []  # type: list[str]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        link = dict(attrs)
        if tag == "a" and link.get("href") == self.href and "download" in link:
            self.names.append(link["download"] or "")


def _saved_names(page: str, href: str = "download/masterplan.pdf") -> list[str]:
    parser = _Saved(href)
    parser.feed(page)
    return parser.names


def _home(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


def test_a_site_built_alone_after_a_revision_saves_the_book_in_place_under_its_own_versions_name(
        tmp_path: Path) -> None:
    """After 1.0's book, the revision 1.1 built with --no-pdf: the book in place is still 1.0's, but the home page's
    buttons (and the footer's link) saved it as ``…-v1.1-draf.pdf``: a reader had 1.0's book under 1.1's name. Its
    name is the one it was built under until 1.1's book is built."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY})
    _build(root)
    site = root / "build" / "site"
    built = _saved_names(_home(site))
    assert built and all("-v1.0" in name for name in built), built
    (root / "content" / "plan.yml").write_text(REVISED, encoding="utf-8")
    _build(root, pdf=False)
    assert "Versi 1.0" in _first_page(site / "download/masterplan.pdf")
    assert _saved_names(_home(site)) == built  # 1.0's name, for 1.0's book
    preview = Preview(root, log=lambda line: None)  # masterplan serve's page, likewise
    assert preview.rebuild()
    assert _saved_names(preview.page("index.html") or "") == built
    _build(root)
    renamed = _saved_names(_home(site))
    assert renamed and all("-v1.1-" in name for name in renamed), renamed


def test_a_book_put_in_place_by_hand_is_named_and_linked_alike(tmp_path: Path) -> None:
    """1.0's book replaced in build/ by hand (the signed copy the council sent back), then the revision 1.1 built with
    --no-pdf: the record of the books in place no longer describes the file. The download buttons took the file for
    the plan's own (saved under 1.1's name) while the revision history took it for 1.0's (a dash in 1.1's row): the
    record was read by two rules. One rule now: a record that describes no file in place says nothing."""
    root = write_plan(tmp_path, {"content/plan.yml": HISTORY.replace('version: "1.0"\nstatus: final',
                                                                     'version: "0.9"\nstatus: draft')})
    _build(root)  # 0.9's book: kept by the next, and so the revision history has a column of books
    (root / "content" / "plan.yml").write_text(HISTORY, encoding="utf-8")
    _build(root)
    signed = root / "build" / "masterplan.pdf"
    signed.write_bytes(signed.read_bytes() + b"\n% signed\n")
    (root / "content" / "plan.yml").write_text(REVISED, encoding="utf-8")
    _build(root, pdf=False)
    site = root / "build" / "site"
    named = _saved_names(_home(site))
    assert named and all("-v1.1-" in name for name in named), named  # the name the plan gives it now
    assert _history(site)["1.1"] == ["download/masterplan.pdf"]  # and the row of the plan's version links it
    assert _history(site)["0.9"] == ["download/v0.9/masterplan.pdf"]
    assert not (site / "download" / "v1.0").exists()  # not of the record: not kept as 1.0's
