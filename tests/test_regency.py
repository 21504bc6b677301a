"""A regency (Kabupaten) adopting masterplan: ``masterplan new --city "Kabupaten Sidoarjo"``, then a final plan.

What a Diskominfo operator of a kabupaten was left with: the sample's lines of a kota (kota, kelurahan) that
nothing pointed at, the strategic analysis still calling itself illustrative once the plan was final, Pasuruan's
facts read as the regency's, a glossary term (Perbup) validate told them to delete, and a foreword signed by
nobody."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from masterplan import chapters
from masterplan.cli import cli
from masterplan.diagnostics import Diagnostic
from masterplan.project import load_and_check

CITY = "Kabupaten Sidoarjo"


def _new(root: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["new", str(root), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def regency(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A fresh regency copy of the sample for 2024–2033, and what ``new`` said (in English)."""
    root = tmp_path_factory.mktemp("sidoarjo") / "sidoarjo"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASTERPLAN_LANG", "en")
        out = _new(root, "--city", CITY, "--period", "2024-2033")
    return root, out


def _warnings(root: Path, code: str) -> list[Diagnostic]:
    report = load_and_check(root).report
    assert not report.errors, [str(d) for d in report.errors]
    return [d for d in report.warnings if d.code == code]


def _final(root: Path, tmp_path: Path) -> Path:
    """A copy of ``root`` whose plan.yml says status: final."""
    copy = tmp_path / "final"
    shutil.copytree(root, copy)
    plan = copy / "content" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    assert "status: draft" in text
    plan.write_text(text.replace("status: draft", "status: final"), encoding="utf-8")
    return copy


def test_a_fresh_regency_copy_keeps_no_glossary_term_it_does_not_use(regency: tuple[Path, str]) -> None:
    """The readiness table's recommendation named "Satu Data Kota Pasuruan", so ``new`` kept the line whole with
    its Perwali while the glossary's Perwali became Perbup: W524 told the operator to delete Perbup."""
    root, _ = regency
    assert _warnings(root, "W524") == []
    plan = (root / "content" / "plan.yml").read_text(encoding="utf-8")
    assert ("recommendation: Menetapkan masterplan dengan Peraturan Bupati dan menyusun Perbup tentang SPBE serta "
            "Satu Data daerah.") in plan


def test_new_tells_the_operator_to_name_the_forewords_signer(regency: tuple[Path, str], tmp_path: Path) -> None:
    """Without a name: under the foreword's signature, the adopted plan's annex ends on a dotted line."""
    _, out = regency
    assert ("  - content/chapters/00-kata-pengantar.md: signed, the foreword's signature: add the Bupati's name "
            "(name: …); a final plan's book prints it under the annex's closing signature too, else a dotted "
            "line") in out
    city = _new(tmp_path / "kota", "--city", "Kota Probolinggo")
    assert "add the Wali Kota's name (name: …)" in city


def test_new_asks_a_regency_for_the_town_it_signs_in(regency: tuple[Path, str], tmp_path: Path) -> None:
    """The foreword of Kabupaten Malang came signed "Malang, Desember 2021": Malang is a kota of its own, and a
    Bupati Malang signs in Kepanjen, the regency's seat, a town masterplan cannot know."""
    root, out = regency
    assert "place: Sidoarjo" in (root / "content" / "chapters" / "00-kata-pengantar.md").read_text(encoding="utf-8")
    assert ("  - content/chapters/00-kata-pengantar.md: signed, place: Sidoarjo, where the foreword is signed: a "
            "regency signs in its seat (ibu kota kabupaten), which may be another town: write its name there") in out
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASTERPLAN_LANG", "id")
        said = _new(tmp_path / "kab", "--city", "Kabupaten Malang")
    assert ("  - content/chapters/00-kata-pengantar.md: signed, place: Malang, tempat kata pengantar ditandatangani: "
            "kabupaten menandatanganinya di ibu kota kabupaten, yang bisa jadi kota lain: tulis namanya di sana") in said
    # a kota signs in itself: nothing to ask
    assert "place:" not in _new(tmp_path / "kota", "--city", "Kota Probolinggo")


def test_a_final_plan_is_told_of_each_line_of_the_sample_calling_its_content_illustrative(
        regency: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = regency
    assert _warnings(root, "W122") == []  # a draft may still be an illustration
    final = _final(root, tmp_path)
    found = [(d.position.file, d.position.line, d.position.column) for d in _warnings(final, "W122")]
    analysis = final / "content" / "analysis"
    lines = {name: (analysis / name).read_text(encoding="utf-8").splitlines() for name in
             ("01-pendahuluan.md", "02-profil-kota.md")}
    assert lines["01-pendahuluan.md"][9].startswith("Isi buku ini bersifat ilustratif:")
    assert lines["02-profil-kota.md"][11] == "| Kecamatan | Gambaran wilayah (ilustratif) |"
    assert "bersifat ilustratif." in lines["02-profil-kota.md"][24]
    assert found == [("content/analysis/01-pendahuluan.md", 10, 23), ("content/analysis/02-profil-kota.md", 12, 33),
                     ("content/analysis/02-profil-kota.md", 25, 50)]  # the cover's notice is W113's, said once
    assert [d.position.file for d in _warnings(final, "W113")] == ["content/plan.yml"]
    message = next(d for d in _warnings(final, "W122")).message
    assert message == "the plan is final, but this line is still the sample's, which says its content is illustrative"
    # the operator's own words, even with the word in them, are theirs
    profile = analysis / "02-profil-kota.md"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Gambaran wilayah (ilustratif)", "Gambaran wilayah")
                       .replace("dibulatkan dan bersifat ilustratif.", "dibulatkan, bukan ilustratif."),
                       encoding="utf-8")
    assert [d.position.file for d in _warnings(final, "W122")] == ["content/analysis/01-pendahuluan.md"]


def test_the_analysis_tells_pasuruans_facts_as_pasuruans(regency: tuple[Path, str]) -> None:
    """"Jumlah penduduk {{ plan.city }} sekitar 208 ribu jiwa" read "Jumlah penduduk Kabupaten Sidoarjo …"."""
    root, _ = regency
    plan = load_and_check(root).plan
    assert plan is not None
    text = " ".join(chapters.expand(c, chapters.context(plan))[0] or "" for c in plan.analysis)
    for words in ("Kota Pasuruan terletak di pesisir utara Provinsi Jawa Timur",
                  "Jumlah penduduk Kota Pasuruan sekitar 208 ribu jiwa",
                  "seluruh wilayah administratif Kota Pasuruan, yang terbagi atas empat kecamatan",
                  "menunjukkan bahwa Kota Pasuruan memiliki modal yang kuat"):
        assert words in text
    for words in ("Kabupaten Sidoarjo terletak", "penduduk Kabupaten Sidoarjo", "administratif Kabupaten Sidoarjo",
                  "bahwa Kabupaten Sidoarjo memiliki"):
        assert words not in text
    assert "bukan angka resmi Pemerintah Kabupaten Sidoarjo" in text  # the plan speaking of itself
    # and validate names the files until they are rewritten
    files = {d.position.file for d in _warnings(root, "W112")}
    assert {"content/analysis/02-profil-kota.md", "content/analysis/06-penutup.md"} <= files


def test_a_regency_is_told_of_the_samples_lines_of_a_kota_once_per_file(regency: tuple[Path, str],
                                                                          tmp_path: Path) -> None:
    root, _ = regency
    found = {d.position.file: d for d in _warnings(root, "W112")}
    summary = found["content/executive-summary.md"]  # "3. **Kota yang nyaman.** Ruang publik, …"
    line = (root / "content" / "executive-summary.md").read_text(encoding="utf-8").splitlines()[summary.position.line - 1]
    assert line[summary.position.column - 1:].startswith("Kota yang nyaman")
    assert summary.message == "1 line of this file is still the sample's and says kota or kelurahan, a kota's words"
    assert summary.hint == "this plan is Kabupaten Sidoarjo: rewrite the line for it, or delete it"
    # a file with lines naming Pasuruan counts its lines of a kota after them, in one warning
    pillar = found["content/pillars/branding.yml"]
    assert pillar.message.startswith("1 line of this file is still the sample's and names Pasuruan; ")
    assert pillar.message.endswith("more say kota or kelurahan, a kota's words")
    # "kota cerdas" (smart city) is any region's: a file with no other kota is not told
    assert "content/analysis/05-analisis-dimensi.md" not in found
    assert "kota cerdas" in (root / "content" / "analysis" / "05-analisis-dimensi.md").read_text(encoding="utf-8")
    # a kota's plan is not told of its own words
    city = tmp_path / "kota"
    _new(city, "--city", "Kota Probolinggo")
    assert "content/executive-summary.md" not in {d.position.file for d in _warnings(city, "W112")}
    # rewritten, the line is the regency's own
    rewritten = tmp_path / "rewritten"
    shutil.copytree(root, rewritten)
    summary_file = rewritten / "content" / "executive-summary.md"
    summary_file.write_text(summary_file.read_text(encoding="utf-8").replace("**Kota yang nyaman.**",
                                                                             "**Kabupaten yang nyaman.**"),
                            encoding="utf-8")
    assert "content/executive-summary.md" not in {d.position.file for d in _warnings(rewritten, "W112")}


def _validate(root: Path, language: str) -> str:
    """What ``validate`` prints for the plan at ``root``, said in ``language``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASTERPLAN_LANG", language)
        return CliRunner().invoke(cli, ["validate", str(root)]).stdout


def _without_logo(root: Path, copy: Path) -> Path:
    """A copy of ``root`` whose plan.yml no longer names the sample's emblem as its logo (the file stays)."""
    shutil.copytree(root, copy)
    plan = copy / "content" / "plan.yml"
    plan.write_text("".join(line for line in plan.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("logo:")), encoding="utf-8")
    return copy


def test_the_samples_file_left_in_assets_is_to_be_replaced_by_the_regencys_own(regency: tuple[Path, str],
                                                                                tmp_path: Path) -> None:
    """W114's hint told a kabupaten to put "milik kota Anda sendiri" (your city's own) in its place."""
    root, _ = regency
    plan = _without_logo(root, tmp_path / "regency")
    assert ("content/assets/logo.svg: warning[W114]: this file is the sample's (Kota Pasuruan's), and the website "
            "publishes every file of content/assets/ (replace it with your regency's own, or delete it)"
            ) in _validate(plan, "en")
    said = _validate(plan, "id")
    assert "(ganti dengan milik kabupaten Anda sendiri, atau hapus)" in said and "milik kota Anda" not in said
    # a kota is still told of its city's own
    city = tmp_path / "kota"
    _new(city, "--city", "Kota Probolinggo")
    city = _without_logo(city, tmp_path / "kota-without-logo")
    assert "(replace it with your city's own, or delete it)" in _validate(city, "en")
    assert "(ganti dengan milik kota Anda sendiri, atau hapus)" in _validate(city, "id")


@pytest.mark.parametrize(("language", "city", "says"), [
    ("en", "Kabupaten 123", ("error: --city: 'Kabupaten 123' is not a regency's name (use letters, spaces, '.' and "
                            "'-' only, e.g. \"Kabupaten Malang\")")),
    ("id", "Kabupaten 123", ("kesalahan: --city: 'Kabupaten 123' bukan nama kabupaten (gunakan hanya huruf, spasi, "
                            "'.' dan '-', misalnya \"Kabupaten Malang\")")),
    ("en", "Kota 123", ("error: --city: 'Kota 123' is not a city's name (use letters, spaces, '.' and '-' only, "
                       "e.g. \"Kota Probolinggo\")")),
    ("id", "Kota 123", ("kesalahan: --city: 'Kota 123' bukan nama kota (gunakan hanya huruf, spasi, '.' dan '-', "
                       "misalnya \"Kota Probolinggo\")")),
])
def test_a_regencys_name_new_cannot_take_is_told_as_a_regencys(language: str, city: str, says: str,
                                                                tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASTERPLAN_LANG", language)
        result = CliRunner().invoke(cli, ["new", str(tmp_path / "plan"), "--city", city])
    assert result.exit_code == 2 and result.stderr.startswith(says)


def test_the_editors_schema_gives_a_regencys_examples_beside_a_kotas() -> None:
    """Hovering plan.yml's city, revisions or a foreword's role and place showed only a kota's: Kota Pasuruan, the
    Perwali, Wali Kota Pasuruan, Pasuruan."""
    result = CliRunner().invoke(cli, ["schema", "--kind", "all"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "The city's or regency's name, e.g. Kota Pasuruan, Kabupaten Sidoarjo." in text
    assert "the regulation that adopted it (a Perwali; a regency's Perbup)" in text
    assert "The signatory's office, e.g. Wali Kota Pasuruan, Bupati Sidoarjo." in text
    assert "Where it is signed, e.g. Pasuruan; a regency's seat, e.g. Kepanjen for Kabupaten Malang." in text
