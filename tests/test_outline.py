"""The book outline: chapter numbering, generated pillar chapters, table numbers, cross-reference targets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from masterplan.i18n import Translator
from masterplan.project import load_and_check
from masterplan.render import outline

CHAPTERS = {
    "content/chapters/00-kata-pengantar.md": "---\ntitle: Kata Pengantar\npart: front\n---\nSalam.\n",
    "content/chapters/02-strategi.md": "---\ntitle: Strategi\ngenerated: pillars\n---\nPengantar [[tab:program-economy]].\n",
    "content/chapters/03-anggaran.md": "---\ntitle: Pembiayaan\ngenerated: budget\n---\nLihat [[tab:budget-source]].\n",
    "content/chapters/09-lampiran.md": "---\ntitle: Data\npart: back\n---\nTabel.\n",
}


def book(make_plan: Callable[..., Path], files: dict[str, str | None]) -> outline.Outline:
    checked = load_and_check(make_plan(files))
    assert checked.plan is not None and not checked.report.errors, [str(d) for d in checked.report.errors]
    return outline.build(checked.plan, Translator("id"))


def test_numbering_and_generated_placement(make_plan: Callable[..., Path]) -> None:
    result = book(make_plan, CHAPTERS)
    numbered = [(c.key, c.number) for c in result.chapters]
    assert numbered[:6] == [("kata-pengantar", None), ("pendahuluan", "1"), ("strategi", "2"),
                            ("pillar-governance", "3"), ("pillar-economy", "4"), ("anggaran", "5")]
    # parts no chapter claims are appended to the body, in domain order, each once
    body_kinds = [c.generated[0] for c in result.chapters if c.kind == "generated"]
    assert body_kinds == ["vision", "readiness", "quick_wins", "roadmap", "agencies"]
    assert [c.kind for c in result.chapters[-3:]] == ["text", "glossary", "index"]
    assert result.chapters[-3].label == "Lampiran A"
    assert result.chapter("kata-pengantar").part == "front"


def test_tables_and_figures_numbered_per_chapter(make_plan: Callable[..., Path]) -> None:
    result = book(make_plan, CHAPTERS)
    budget = result.chapter("anggaran")
    assert [(i.id, i.number) for i in budget.items] == [
        ("tab:budget-pillar", "5.1"), ("fig:budget-pillar", "5.1"), ("tab:budget-source", "5.2"),
        ("fig:budget-source", "5.2"), ("tab:budget-agency", "5.3"), ("fig:budget-agency", "5.3"),
        ("tab:budget-source-year", "5.4"), ("tab:budget-agency-year", "5.5")]
    assert result.item("tab:program-economy").number == "4.1"
    assert result.item("tab:program-governance").caption == "Matriks program Smart Governance"
    every = [i.id for i in result.tables + result.figures]
    assert len(every) == len(set(every))


def test_the_vision_chapter_numbers_the_budget_by_mission_after_the_missions_table(
        make_plan: Callable[..., Path]) -> None:
    """The budget by RPJMD mission is the vision chapter's second table, with its caption in the list of tables."""
    result = book(make_plan, {**CHAPTERS, "content/chapters/01-visi.md": "---\ntitle: Visi\ngenerated: vision\n---\nVisi.\n"})
    chapter = next(c for c in result.chapters if "vision" in c.generated)
    assert [(t.id, t.number, t.caption) for t in chapter.tables] == [
        ("tab:missions", f"{chapter.number}.1", "Misi dan program yang mendukungnya per dimensi"),
        ("tab:budget-mission", f"{chapter.number}.2", "Indikasi anggaran per misi RPJMD")]
    assert result.resolve("tab:budget-mission").text == f"Tabel {chapter.number}.2"


def test_resolve_cross_references(make_plan: Callable[..., Path]) -> None:
    result = book(make_plan, CHAPTERS)
    assert result.resolve("tab:budget-source").text == "Tabel 5.2"
    assert result.resolve("tab:budget-source").anchor == "tab-budget-source"
    assert result.resolve("bab:strategi").text == "Bab 2"
    assert result.resolve("pillar:economy").number == "4"
    program = result.resolve("GOV-01")
    assert (program.kind, program.text, program.chapter_key) == ("program", "GOV-01", "pillar-governance")
    assert result.resolve("agency:bpkad").text == "BPKAD"
    assert result.resolve("tab:nothing") is None


def test_every_cross_reference_target_resolves(make_plan: Callable[..., Path]) -> None:
    from masterplan import crossref

    checked = load_and_check(make_plan(CHAPTERS))
    result = outline.build(checked.plan, Translator("id"))
    assert {ref for ref in crossref.targets(checked.plan) if result.resolve(ref) is None} == set()
    produced = {item.id for item in result.tables + result.figures}
    assert set(crossref.GENERATED_TABLES) | set(crossref.GENERATED_FIGURES) <= produced


def test_a_chapters_captioned_tables_come_first_in_its_numbering(make_plan: Callable[..., Path]) -> None:
    """A Markdown table with a "Tabel: ..." line below it (after a blank line or right below its last row)
    is numbered, before the tables of the generated part."""
    text = ("---\ntitle: Pembiayaan\ngenerated: budget\n---\nLihat [[tab:pola]].\n\n"
            "| Sumber | Porsi |\n|---|---|\n| APBD | 60% |\n\nTabel: Pola *pembiayaan* (tab:pola)\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nTabel: Tanpa id\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\nTabel: Tepat di bawah tabel\n\n"
            "Tabel: bukan di bawah tabel\n")
    result = book(make_plan, {**CHAPTERS, "content/chapters/03-anggaran.md": text})
    chapter = result.chapter("anggaran")
    assert chapter is not None
    assert [(t.id, t.number, t.caption) for t in chapter.tables[:4]] == [
        ("tab:pola", "5.1", "Pola pembiayaan"), ("tab:anggaran-2", "5.2", "Tanpa id"),
        ("tab:anggaran-3", "5.3", "Tepat di bawah tabel"),
        ("tab:budget-pillar", "5.4", "Indikasi anggaran per dimensi dan tahun")]
    assert result.resolve("tab:pola").text == "Tabel 5.1"


def test_the_table_of_phases_is_numbered_in_the_roadmap_only_when_the_plan_gives_phases(
        make_plan: Callable[..., Path]) -> None:
    """plan.yml phases: the roadmap's part numbers "Program dan anggaran per tahapan" as its table, which a chapter
    may refer to ([[tab:phases]]); without phases there is no such table, and [[tab:phases]] is unknown (E507)."""
    import textwrap

    from conftest import MINI_FILES

    from masterplan import crossref

    phased = textwrap.dedent(MINI_FILES["content/plan.yml"]) + (
        "phases:\n  - {name: Jangka Pendek, period: {start: 2022, end: 2026}}\n")
    result = book(make_plan, {**CHAPTERS, "content/plan.yml": phased,
                              "content/chapters/04-peta-jalan.md": "---\ntitle: Peta Jalan\ngenerated: roadmap\n---\n"
                                                                   "Lihat [[tab:phases]].\n"})
    roadmap = result.chapter("peta-jalan")
    assert [(i.id, i.number, i.caption) for i in roadmap.items] == [
        ("fig:roadmap", "6.1", "Peta jalan program per dimensi, 2022–2026"),
        ("tab:phases", "6.1", "Program dan anggaran per tahapan")]
    assert result.resolve("tab:phases").text == "Tabel 6.1"
    without = load_and_check(make_plan(CHAPTERS)).plan
    assert without is not None and "tab:phases" not in crossref.targets(without)
    assert outline.build(without, Translator("id")).item("tab:phases") is None
