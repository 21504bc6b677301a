"""The embedded sample plan (Kota Pasuruan, illustrative) is complete and clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from masterplan.project import load_and_check, scaffold
from masterplan.resources import sample_dir


@pytest.fixture(scope="module")
def sample():
    checked = load_and_check(REPO)
    return checked


def test_sample_has_no_errors_or_warnings(sample) -> None:
    assert [str(d) for d in sample.report.sorted()] == []


def test_sample_is_as_rich_as_a_real_plan(sample) -> None:
    plan = sample.plan
    assert plan.city == "Kota Pasuruan"
    assert (plan.period.start, plan.period.end) == (2022, 2031)
    assert [p.id for p in plan.pillars] == ["governance", "branding", "economy", "living", "society", "environment"]
    assert all(len(p.sub_elements) >= 3 for p in plan.pillars)
    assert len(plan.agencies) >= 20
    assert len(plan.programs) >= 60
    assert sorted(p.pillar_id for p in plan.quick_wins) == sorted(p.id for p in plan.pillars)
    assert any("e-Sambat" in str(p.name) for p in plan.programs)
    assert plan.readiness and {r.element for r in plan.readiness} == {"struktur", "infrastruktur", "suprastruktur"}
    assert sum(len(p.depends_on) for p in plan.programs) >= 10
    assert sum(len(p.partners) for p in plan.programs) >= 20
    assert len({line.source for p in plan.programs for line in p.budget}) >= 4
    assert all(p.indicators and all(i.targets for i in p.indicators) for p in plan.programs)
    assert "ilustratif" in str(plan.notice).lower() or "ilustratif" in str(plan.title).lower()


def test_new_scaffolds_the_sample_and_it_validates(tmp_path: Path) -> None:
    target = tmp_path / "kota"
    scaffold(target)
    assert (target / "content" / "plan.yml").read_bytes() == (sample_dir() / "plan.yml").read_bytes()
    result = subprocess.run([sys.executable, "-m", "masterplan", "validate", str(target)],
                            check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_commands_work_from_inside_a_plan_folder(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    inside = tmp_path / "content" / "agencies"
    result = subprocess.run([sys.executable, "-m", "masterplan", "validate"], cwd=inside,
                            check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "No problems found." in result.stdout


def test_the_samples_glossary_entries_end_alike(sample) -> None:
    """A reviewer saw the printed glossary end its acronyms' definitions with a period (APBN's, DAK's) and the
    agencies' full names without one: every entry now ends as the agencies' names do, and the sample's glossary
    explains every abbreviation its text uses (W529, asserted by the test of no warnings above)."""
    from masterplan import glossary_entries
    entries = glossary_entries.glossary(sample.plan)
    assert len(entries) > 60
    ending = [(entry.term, str(entry.definition)) for entry in entries if str(entry.definition).rstrip().endswith(".")]
    assert ending == []
    terms = {entry.term: str(entry.definition) for entry in entries}
    assert terms["SDM"] == "Sumber Daya Manusia" and terms["SMP"] == "Sekolah Menengah Pertama"
    assert terms["KK"].startswith("Kepala keluarga") and "Kartu Keluarga" in terms["KK"]


def test_kk_counts_what_its_glossary_entry_says(sample) -> None:
    """The sample uses KK once, as the unit of ENV-02's indicator, which counted "Rumah tangga" (households, one of
    which may hold several Kartu Keluarga) while the glossary called a KK one Kartu Keluarga: the indicator now
    counts families (keluarga) and the glossary says KK counts families, one for each Kartu Keluarga."""
    from masterplan import glossary_entries
    definition = {entry.term: str(entry.definition) for entry in glossary_entries.glossary(sample.plan)}["KK"]
    assert definition.startswith("Kepala keluarga; satuan hitung keluarga") and "rumah tangga" not in definition
    counted = [str(indicator.name.get("id")) for program in sample.plan.programs for indicator in program.indicators
               if str(indicator.unit.get("id")) == "KK"]
    assert counted and all(name.startswith("Keluarga ") for name in counted)


FOREIGN = ("quick win", "command center", "leading sector", "e-government", "event", "e-planning", "e-budgeting",
           "e-reporting", "monitoring")  #: English words the sample's chapters use in running text


def test_the_samples_chapters_set_foreign_terms_in_italics_in_running_text(sample) -> None:
    """*quick win* was italic in one place and plain in the next chapters, "leading sector" and "command center"
    plain: in running text each foreign term is italic; headings, table captions and names (Pasuruan Command
    Center) stay upright."""
    import re

    from masterplan import chapters
    context = chapters.context(sample.plan)
    upright: list[str] = []
    for chapter in sample.plan.chapters:
        text = chapters.expand(chapter, context)[0] or ""
        for line in text.splitlines():
            if line.startswith(("#", "Tabel:")):
                continue
            for term in FOREIGN:
                for found in re.finditer(rf"(?<![\w*-]){re.escape(term)}s?(?![\w*-])", line, re.IGNORECASE):
                    if not (" " in term and found.group().istitle()):  # a name: Pasuruan Command Center
                        upright.append(f"{chapter.id}: {found.group()}")
    assert upright == []
    said = "\n".join(chapters.expand(c, context)[0] or "" for c in sample.plan.chapters)
    assert "## Monitoring dan Evaluasi" in said and "*Quick win* adalah program" in said
