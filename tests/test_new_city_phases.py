"""A city's plan made by ``masterplan new`` with other phases than the sample's three: the roadmap chapter
(07-peta-jalan.md, copied with the sample) writes a section for each phase of plan.yml, and a chapter that
still takes exactly three apart gets a plain message at its line, in the plan's language, not Python's
"not enough values to unpack (expected 3, got 2)"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from masterplan.cli import cli


def phases_yml(*phases: tuple[str, str | None, int, int]) -> str:
    """plan.yml's ``phases:`` written as the sample writes them: name, theme (when one), first and last year."""
    return "phases:\n" + "".join(f"  - name: {name}\n" + (f"    theme: {theme}\n" if theme else "")
                                  + f"    period: {{start: {start}, end: {end}}}\n" for name, theme, start, end in phases)


SHORT, MEDIUM, LONG = "Jangka Pendek", "Jangka Menengah", "Jangka Panjang"
MOMENTUM, SERVICES, LASTING = "Membangun Momentum", "Integrasi Layanan", "Kota Cerdas yang Berkelanjutan"
SAMPLE_PHASES = phases_yml((SHORT, MOMENTUM, 2022, 2023), (MEDIUM, SERVICES, 2024, 2026), (LONG, LASTING, 2027, 2031))
TWO_PHASES = phases_yml((SHORT, MOMENTUM, 2022, 2026), (LONG, LASTING, 2027, 2031))
FOUR_PHASES = phases_yml((SHORT, MOMENTUM, 2022, 2023), (MEDIUM, SERVICES, 2024, 2026), (LONG, LASTING, 2027, 2029),
                         ("Evaluasi", None, 2030, 2031))
#: the first words of the sample's paragraph on each of its phases, in order
PARAGRAPHS = ("Tahap ini diisi *quick win*", "Tahap ini memanfaatkan fondasi", "Tahap ini menekankan keberlanjutan")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def new_city(root: Path, phases: str) -> Path:
    """A plan made by ``masterplan new``, its plan.yml then given ``phases``."""
    assert invoke("new", str(root))[0] == 0
    plan_yml = root / "content" / "plan.yml"
    text = plan_yml.read_text(encoding="utf-8")
    assert SAMPLE_PHASES in text
    plan_yml.write_text(text.replace(SAMPLE_PHASES, phases), encoding="utf-8")
    return root


def _page_text(page: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())


def test_a_new_city_with_two_phases_builds_a_roadmap_section_for_each(tmp_path: Path) -> None:
    root = new_city(tmp_path / "kota", TWO_PHASES)
    assert invoke("validate", str(root), "--strict") == (0, "No problems found.\n")
    assert invoke("build", str(root), "--no-pdf", "--no-search")[0] == 0
    text = _page_text(root / "build" / "site" / "chapter" / "peta-jalan.html")
    assert "Pelaksanaan dibagi dalam 2 tahap." in text
    sections = re.findall(r"<h2[^>]*>(.*?)</h2>", (root / "build" / "site" / "chapter" / "peta-jalan.html")
                          .read_text(encoding="utf-8"), re.DOTALL)
    headings = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in sections]
    assert [h for h in headings if h.startswith("Jangka")] == [
        "Jangka Pendek (2022–2026): Membangun Momentum", "Jangka Panjang (2027–2031): Kota Cerdas yang Berkelanjutan"]
    assert "Tahap ini diisi quick win" in text and "Tahap ini memanfaatkan fondasi" in text
    assert "Tahap ini menekankan keberlanjutan" not in text  # the sample's third phase's paragraph: no phase now


def test_a_fourth_phase_gets_its_section_without_a_paragraph_of_the_sample(tmp_path: Path) -> None:
    from masterplan import chapters
    from masterplan.project import load_and_check

    root = new_city(tmp_path / "kota", FOUR_PHASES)
    assert invoke("validate", str(root), "--strict") == (0, "No problems found.\n")
    plan = load_and_check(root).plan
    assert plan is not None
    roadmap = next(c for c in plan.chapters if c.id == "peta-jalan")
    text, problems = chapters.expand(roadmap, chapters.context(plan))
    assert problems == [] and text is not None and "Pelaksanaan dibagi dalam 4 tahap." in text
    assert re.findall(r"^## (.*)$", text, re.MULTILINE)[1:5] == [
        "Jangka Pendek (2022–2023): Membangun Momentum", "Jangka Menengah (2024–2026): Integrasi Layanan",
        "Jangka Panjang (2027–2029): Kota Cerdas yang Berkelanjutan", "Evaluasi (2030–2031)"]
    last = text.split("## Evaluasi (2030–2031)")[1].split("## ")[0]
    assert last.strip() == "" and [text.count(p) for p in PARAGRAPHS] == [1, 1, 1]


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
        "ubah baris ini agar menyebut 2 nama; {% for item in plan.phases %} menjalani butir sebanyak apa pun)")]
    assert "unpack" not in output and "ValueError" not in output
