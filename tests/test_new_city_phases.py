"""A city's plan made by ``masterplan new`` with other phases than the sample's three: the roadmap chapter
(07-peta-jalan.md, copied with the sample) writes a section for each phase of plan.yml, its text the phase's
``description``, and a chapter that still takes exactly three apart gets a plain message at its line, in the
plan's language, not Python's "not enough values to unpack (expected 3, got 2)"."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from masterplan.cli import cli


def phases_yml(*phases: tuple[str, str | None, int, int, str | None]) -> str:
    """plan.yml's ``phases:``: name, theme and description (each when one), first and last year."""
    return "phases:\n" + "".join(f"  - name: {name}\n" + (f"    theme: {theme}\n" if theme else "")
                                  + f"    period: {{start: {start}, end: {end}}}\n"
                                  + (f"    description: {description}\n" if description else "")
                                  for name, theme, start, end, description in phases)


SHORT, MEDIUM, LONG = "Jangka Pendek", "Jangka Menengah", "Jangka Panjang"
MOMENTUM, SERVICES, LASTING = "Membangun Momentum", "Integrasi Layanan", "Kota Cerdas yang Berkelanjutan"
#: the first words of the sample's description of each of its phases, in order
PARAGRAPHS = ("Tahap ini diisi *quick win*", "Tahap ini memanfaatkan fondasi", "Tahap ini menekankan keberlanjutan")
#: what a city with two phases writes of them
FIRST, SECOND = "Lima tahun pertama membangun jaringan dan data.", "Lima tahun berikutnya memadukan layanan."
TWO_PHASES = phases_yml((SHORT, MOMENTUM, 2022, 2026, FIRST), (LONG, LASTING, 2027, 2031, SECOND))
FOUR_PHASES = phases_yml((SHORT, MOMENTUM, 2022, 2023, "Fondasi."), (MEDIUM, SERVICES, 2024, 2026, "Integrasi."),
                         (LONG, LASTING, 2027, 2029, "Keberlanjutan."), ("Evaluasi", None, 2030, 2031, None))


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def new_city(root: Path, phases: str) -> Path:
    """A plan made by ``masterplan new``, its plan.yml's ``phases:`` (the file's last field) then replaced by ``phases``."""
    assert invoke("new", str(root))[0] == 0
    plan_yml = root / "content" / "plan.yml"
    text = plan_yml.read_text(encoding="utf-8")
    at = text.index("\nphases:\n") + 1
    assert all(text.count(p) == 1 for p in PARAGRAPHS) and not re.search(r"^\S", text[at:].split("\n", 1)[1], re.MULTILINE)
    plan_yml.write_text(text[:at] + phases, encoding="utf-8")
    return root


def _page_text(page: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())


def _sections(page: Path) -> dict[str, str]:
    """The chapter page's sections by their heading (without the book's number, "4.1"): heading → the text under
    it, up to the next heading."""
    text = re.sub(r'<span class="secnum"[^>]*>[^<]*</span>\s*', "", page.read_text(encoding="utf-8"))
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", text, flags=re.DOTALL)
    return {" ".join(html.unescape(re.sub(r"<[^>]+>", "", heading)).split()):
            " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body.split("</section>")[0])).split())
            for heading, body in zip(parts[1::2], parts[2::2])}


def test_the_sample_describes_each_of_its_three_phases_in_plan_yml(tmp_path: Path) -> None:
    root = tmp_path / "kota"
    assert invoke("new", str(root))[0] == 0
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    sections = _sections(root / "build" / "site" / "chapter" / "peta-jalan.html")
    said = [sections[heading] for heading in ("Jangka Pendek (2022–2023): Membangun Momentum",
                                              "Jangka Menengah (2024–2026): Integrasi Layanan",
                                              "Jangka Panjang (2027–2031): Kota Cerdas yang Berkelanjutan")]
    assert [text.startswith(p.replace("*", "")) for text, p in zip(said, PARAGRAPHS)] == [True, True, True]
    plan = json.loads((root / "build" / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert [phase["description"]["id"][:len(p)] for phase, p in zip(plan["plan"]["phases"], PARAGRAPHS)] == list(PARAGRAPHS)


def test_a_new_city_with_two_phases_builds_a_roadmap_section_for_each_with_its_own_text(tmp_path: Path) -> None:
    root = new_city(tmp_path / "kota", TWO_PHASES)
    assert invoke("validate", str(root), "--strict") == (0, "No problems found.\n")
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    page = root / "build" / "site" / "chapter" / "peta-jalan.html"
    assert "Pelaksanaan dibagi dalam dua tahap." in _page_text(page)
    sections = _sections(page)
    assert {heading: text for heading, text in sections.items() if heading.startswith("Jangka")} == {
        "Jangka Pendek (2022–2026): Membangun Momentum": FIRST,
        "Jangka Panjang (2027–2031): Kota Cerdas yang Berkelanjutan": SECOND}
    assert not any(p.replace("*", "") in _page_text(page) for p in PARAGRAPHS)  # the sample's texts left with its phases


def test_a_phase_without_a_description_gets_its_heading_alone(tmp_path: Path) -> None:
    from masterplan import chapters
    from masterplan.project import load_and_check

    root = new_city(tmp_path / "kota", FOUR_PHASES)
    assert invoke("validate", str(root), "--strict") == (0, "No problems found.\n")
    plan = load_and_check(root).plan
    assert plan is not None
    roadmap = next(c for c in plan.chapters if c.id == "peta-jalan")
    text, problems = chapters.expand(roadmap, chapters.context(plan))
    assert problems == [] and text is not None and "Pelaksanaan dibagi dalam empat tahap." in text
    headings = re.split(r"^## (.*)$", text, flags=re.MULTILINE)
    sections = {heading: body.strip() for heading, body in zip(headings[1::2], headings[2::2])}
    assert [(heading, body) for heading, body in sections.items() if heading[0] in "JE"] == [
        ("Jangka Pendek (2022–2023): Membangun Momentum", "Fondasi."),
        ("Jangka Menengah (2024–2026): Integrasi Layanan", "Integrasi."),
        ("Jangka Panjang (2027–2029): Kota Cerdas yang Berkelanjutan", "Keberlanjutan."), ("Evaluasi (2030–2031)", "")]


def test_a_roadmap_taking_three_phases_apart_is_told_plainly_in_indonesian(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The line of the sample before it wrote a section for each phase, kept by a city that gave plan.yml two."""
    root = new_city(tmp_path / "kota", TWO_PHASES)
    roadmap = root / "content" / "chapters" / "07-peta-jalan.md"
    lines = roadmap.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("{% for phase in plan.phases %}"))
    lines[at] = "{% set pendek, menengah, panjang = plan.phases %}{% for phase in plan.phases %}"
    roadmap.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.delenv("MASTERPLAN_LANG")
    code, output = invoke("validate", str(root))
    said = [line for line in output.splitlines() if "[E" in line]
    assert code == 1 and said == [(
        f"content/chapters/07-peta-jalan.md:{at + 1}:1: kesalahan[E503]: kesalahan templat di bab: plan.phases berisi "
        "2 butir, sedangkan bab ini mengharapkan 3 (jadikan plan.phases berisi 3 butir di plan.yml (phases:), atau "
        "ubah baris ini agar menyebut 2 nama; {% for item in plan.phases %} menelusuri butir sebanyak apa pun)")]
    assert "unpack" not in output and "ValueError" not in output
