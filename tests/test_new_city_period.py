"""``masterplan new DIR --city … --period …``: the sample made another city's plan for other years, without
an error from the first validate, its book and site naming that city and those years where the plan
speaks of itself; what the sample tells of Pasuruan still names Pasuruan, and validate names each file
of it (W112), never passing it off as the new city's; a regency's plan speaks of its Bupati. And the
sample's own chapters, which take the city and years from the plan where they speak of the plan."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NEW_CITY, NEW_PERIOD, REPO
from pdf_reading import page_texts

from masterplan import chapters
from masterplan.cli import cli
from masterplan.project import load_and_check
from masterplan.resources import sample_dir

CITY, PERIOD = NEW_CITY, NEW_PERIOD
_YEAR_OR_CITY = re.compile(r"(?<!\d)\d{4}(?!\d)|Pasuruan")
#: the files where the sample tells of Pasuruan (its coast, its pilgrims, its Smart Go) or of its districts
#: (its four kecamatan and what they do): W112 names each
SAMPLES_OWN = ["content/agencies/dinsos.yml", "content/agencies/diskominfotik.yml", "content/agencies/disparpora.yml",
               "content/agencies/disperindag.yml", "content/agencies/disperkim.yml", "content/agencies/dispusip.yml",
               "content/agencies/dkpp.yml", "content/agencies/dpmptsp.yml", "content/agencies/dpupr.yml",
               "content/agencies/kecamatan_bugul_kidul.yml", "content/agencies/kecamatan_gadingrejo.yml",
               "content/agencies/kecamatan_panggungrejo.yml", "content/agencies/kecamatan_purworejo.yml",
               "content/agencies/setda.yml", "content/analysis/01-pendahuluan.md", "content/analysis/02-profil-kota.md",
               "content/analysis/06-penutup.md", "content/chapters/01-pendahuluan.md", "content/chapters/02-gambaran-umum.md",
               "content/chapters/03-visi-misi.md", "content/chapters/06-quick-wins.md", "content/glossary.yml",
               "content/pillars/branding.yml", "content/pillars/economy.yml", "content/pillars/environment.yml",
               "content/pillars/governance.yml", "content/pillars/living.yml", "content/pillars/society.yml",
               "content/plan.yml"]
#: a kota's words for its own government, which a kabupaten's plan must not use
KOTA_WORDS = re.compile(r"Wali Kota|Perwali|[Pp]emerintah [Kk]ota")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def made(new_city: tuple[Path, str]) -> tuple[Path, str]:
    """A plan folder made by ``new --city --period`` (conftest's, once a session: read only), and what the command
    said."""
    return new_city


@pytest.fixture(scope="module")
def built(new_city_build: Path) -> Path:
    """That plan's build/ (``build --no-search``, conftest's, once a session: read only)."""
    return new_city_build


def _book_pages(pdf: Path) -> list[str]:
    """Each page's text, its lines joined; a word hyphenated at a line's end is whole again."""
    return [" ".join(text.split()).replace("\u2010 ", "") for text in page_texts(pdf)]


def test_a_province_holding_the_sample_city_names_its_places_as_its_own(tmp_path: Path) -> None:
    """A province consolidating its cities' plans, Kota Pasuruan's among them, was told to rewrite 134 files' lines
    naming Bugul Kidul or Gadingrejo (W112) as the sample's: its Pasuruan agencies' lines are its own. The other
    files are told still, and a city's plan naming a Pasuruan agency as a partner is told all."""
    root = tmp_path / "provinsi"
    assert invoke("new", str(root), "--city", "Kota Probolinggo")[0] == 0  # new makes a city's: then the province's
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(re.sub(r"(?m)^city: .*$", "city: Provinsi Jawa Timur", plan_yml.read_text(encoding="utf-8")),
                        encoding="utf-8")
    assert any("warning[W112]" in line for line in invoke("validate", str(root))[1].splitlines())
    agency = root / "content" / "agencies" / "kecamatan_bugul_kidul.yml"
    text = agency.read_text(encoding="utf-8")
    named = re.sub(r"(?m)^name: (.*)$", r"name: \1 Kota Pasuruan", text, count=1)
    assert named != text
    agency.write_text(named, encoding="utf-8")
    told = [line.split(":")[0] for line in invoke("validate", str(root))[1].splitlines() if "warning[W112]" in line]
    assert "content/agencies/kecamatan_bugul_kidul.yml" not in told
    assert "content/agencies/kecamatan_gadingrejo.yml" in told and "content/chapters/01-pendahuluan.md" in told
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("city: Provinsi Jawa Timur", "city: Kota Probolinggo"),
                        encoding="utf-8")
    told = [line.split(":")[0] for line in invoke("validate", str(root))[1].splitlines() if "warning[W112]" in line]
    assert "content/agencies/kecamatan_bugul_kidul.yml" in told


def _book_text(pdf: Path) -> str:
    return " ".join(_book_pages(pdf))


def _site_text(site: Path) -> str:
    pages = [html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?span\b[^>]*>", "", page.read_text(encoding="utf-8"))))
             for page in sorted(site.rglob("*.html"))]  # a span in a word ("<span class="years">2025–2026</span>")
    return " ".join(" ".join(pages).split())


def test_the_new_plan_validates_clean_like_the_sample(made: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = made
    code, out, _ = invoke("validate", str(root))
    # no error; the warnings name what is still the sample's: each file whose lines tell of Pasuruan
    # (W112), and its placeholder shield, which the site would publish as the city's logo (W114)
    lines = out.strip().splitlines()
    assert (code, lines[-1]) == (0, f"0 errors, {len(SAMPLES_OWN) + 1} warnings")
    assert [line.split(":")[0] for line in lines if "warning[W112]" in line] == SAMPLES_OWN
    assert "content/chapters/01-pendahuluan.md:7:6: warning[W112]: 3 lines of this file are still the sample's " \
           "and name Pasuruan (this plan is Kota Probolinggo: rewrite lines 7, 9 and 22 for it, or delete them)" in lines
    assert "content/chapters/02-gambaran-umum.md:8:6: warning[W112]: 4 lines of this file" in out
    logo = next(n for n, line in enumerate((root / "content" / "plan.yml").read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith("logo:"))
    assert f"content/plan.yml:{logo}:7: warning[W114]: the logo assets/logo.svg is the sample's" in out
    invoke("new", str(tmp_path / "sample"))
    assert invoke("validate", str(tmp_path / "sample"), "--strict")[:2] == (0, "No problems found.\n")
    plan = load_and_check(root).plan
    assert plan is not None and (plan.city, plan.period.start, plan.period.end) == (CITY, 2025, 2034)
    assert str(plan.title) == "Masterplan Smart City Kota Probolinggo 2025–2034"
    assert all(p.period.start >= 2025 and p.period.end <= 2034 for p in plan.programs)


def test_the_samples_analysis_left_unasked_is_not_read_and_draws_only_w017(made: tuple[Path, str],
                                                                           tmp_path: Path) -> None:
    """With 'strategic_analysis: false' the build does not read content/analysis/: W017 says so once, and the
    sample's lines there naming Pasuruan draw no W112 (two files did), nor any other warning of their text."""
    root = tmp_path / "kota-probolinggo"
    shutil.copytree(made[0], root)
    plan_file = root / "content" / "plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("strategic_analysis: true",
                                                                       "strategic_analysis: false"), encoding="utf-8")
    warnings = load_and_check(root).report.warnings
    assert [d.position.file for d in warnings if d.code == "W112"] == \
        [file for file in SAMPLES_OWN if not file.startswith("content/analysis/")]
    assert [(d.code, d.position.file) for d in warnings if d.position.file.startswith("content/analysis")] == \
        [("W017", "content/analysis")]


def test_the_notice_names_the_new_city_in_each_language_it_is_written_in(made: tuple[Path, str]) -> None:
    """The sample's notice is written in Indonesian and English ({id: …, en: …}): both name the new city, as a
    notice written as one text did."""
    plan = load_and_check(made[0]).plan
    assert plan is not None
    assert plan.notice.values["id"].endswith("bukan dokumen resmi Pemerintah Kota Probolinggo.")
    assert plan.notice.values["en"].endswith("not an official document of the Government of Kota Probolinggo.")


def test_the_roadmaps_phases_move_with_the_period(made: tuple[Path, str]) -> None:
    """The sample's phases (plan.yml phases) move with every other year: still each year of the new period in one
    phase, so the new plan has no W326, and Bab 13 reads them."""
    root, _ = made
    plan = load_and_check(root).plan
    assert plan is not None
    assert [(str(p.name), str(p.theme), p.period.start, p.period.end) for p in plan.phases] == [
        ("Jangka Pendek", "Membangun Momentum", 2025, 2026), ("Jangka Menengah", "Integrasi Layanan", 2027, 2029),
        ("Jangka Panjang", "Kota Cerdas yang Berkelanjutan", 2030, 2034)]


def test_the_command_says_what_changed_and_what_is_still_the_samples(made: tuple[Path, str]) -> None:
    _, out = made
    assert "Period: 2022–2031 became 2025–2034; every year of the plan moved +3 years" in out
    assert ("Name: Kota Pasuruan became Kota Probolinggo in the title, the cover's notice, the foreword's signature "
            "and the names of programs and indicators; the texts that tell of Pasuruan still name it, and validate "
            "names their files (W112)") in out
    assert "content/assets/logo.svg: a placeholder shield, not your local government's emblem" in out
    assert "content/pillars/*.yml: each pillar's indicators, their baselines and targets" in out
    assert ("content/plan.yml: swot, the sample city's SWOT analysis (its strengths, weaknesses, opportunities and "
            "threats, which chapter 2 and the strategic analysis print): write your own") in out
    assert ("content/plan.yml: revisions, the sample's history (its versions, their dates and what each changed): "
            "write your plan's own, or delete it") in out
    assert ("content/plan.yml: open_data, the licence the website publishes the open data under (CC BY 4.0, the "
            "sample's choice, not yet yours)") in out
    assert out.rstrip().endswith("masterplan validate && masterplan build")
    assert "Bupati" not in out and "your regency" not in out  # a Kota, as the sample is


def test_the_book_names_the_city_where_the_plan_speaks_of_itself_and_pasuruan_where_the_sample_tells_of_it(
        built: Path) -> None:
    cover, *_ = _book_pages(built / "masterplan.pdf")
    assert "PEMERINTAH KOTA PROBOLINGGO Masterplan Smart City Kota Probolinggo 2025–2034" in cover
    assert "bukan dokumen resmi Pemerintah Kota Probolinggo." in cover  # the notice
    text = _book_text(built / "masterplan.pdf")
    assert "Probolinggo, Desember 2024 Wali Kota Probolinggo" in text  # the foreword's signature
    for words in ("Masterplan Smart City Kota Probolinggo Tahun 2025–2034 dapat diselesaikan",
                  "pembangunan kota cerdas di Kota Probolinggo.", "di lingkungan Pemerintah Kota Probolinggo, yaitu OPD",
                  "Masterplan Smart City Kota Probolinggo 2025–2034 merangkai", "Probolinggo Command Center"):
        assert words in text
    # the sample's facts are still Pasuruan's, as W112 says, never the new city's
    for words in ("Kota Pasuruan adalah kota kecil di pesisir utara", "Pemerintah Kota Pasuruan telah memulai",
                  "Kota Pasuruan terletak di pesisir utara", "Kota Pasuruan berbatasan langsung dengan Kabupaten Pasuruan",
                  "Tema 2025: Kota Pasuruan sebagai Tujuan Wisata Religi", "Analisis SWOT Kota Pasuruan"):
        assert words in text
    assert "Kota Probolinggo adalah" not in text and "Kota Probolinggo terletak" not in text
    assert "Kota Probolinggo berbatasan" not in text and "Pemerintah Kota Probolinggo telah" not in text
    assert "2022–2031" not in text


def test_the_site_chapters_read_the_city_and_the_years_from_the_plan(built: Path) -> None:
    text = _site_text(built / "site")
    for words in ("Tema 2025: Kota Pasuruan sebagai Tujuan Wisata Religi yang Ramah", "Quick win tahun 2025,",
                  "dilaksanakan pada 2025 dan diperkuat pada 2026", "Jangka Pendek (2025–2026)",
                  "Jangka Menengah (2027–2029)", "Jangka Panjang (2030–2034)", "dari 2025 sampai dengan 2034",
                  "Masterplan Smart City Kota Probolinggo Tahun 2025–2034 dapat diselesaikan",
                  "Satu Data, dan Probolinggo Command Center (", "Tabel 2.1 Analisis SWOT Kota Pasuruan"):
        assert words in text
    assert "2022–2031" not in text and "2022" not in text
    assert "diluncurkan pada April 2021" in text and "Smart Go pada 2020" in text  # history stays as it happened


def test_files_keep_their_layout_and_only_years_and_the_city_change(made: tuple[Path, str]) -> None:
    root, _ = made
    content = root / "content"
    for path in sorted(sample_dir().rglob("*")):
        if path.suffix not in (".yml", ".md"):
            continue
        before = path.read_text(encoding="utf-8").splitlines()
        after = (content / path.relative_to(sample_dir())).read_text(encoding="utf-8").splitlines()
        assert len(after) == len(before), path.name
        changed = [old for old, new in zip(before, after, strict=True) if old != new]
        assert all(_YEAR_OR_CITY.search(old) for old in changed), path.name
    plan = (content / "plan.yml").read_text(encoding="utf-8")
    assert plan.startswith("# Masterplan Smart City Kota Probolinggo 2025–2034: contoh ilustratif")  # a comment
    assert "date: 2024-12-01" in plan and "period: {start: 2025, end: 2034}" in plan
    assert "Undang-Undang Nomor 14 Tahun 2008" in plan  # laws keep their years
    assert "Jangka Menengah Daerah Kota Pasuruan Tahun 2021–2026" in plan  # the sample's law, its span: as written
    assert "Terwujudnya Kota Pasuruan sebagai kota cerdas" in plan  # the sample's vision: W112 names it
    assert "name: Probolinggo Command Center" in (content / "agencies" / "diskominfotik.yml").read_text(encoding="utf-8")
    setda = (content / "agencies" / "setda.yml").read_text(encoding="utf-8")
    assert "dibanding 2024" in setda and "baseline: {year: 2024" in setda  # an indicator's own baseline year
    assert (content / "assets" / "logo.svg").read_bytes() == (sample_dir() / "assets" / "logo.svg").read_bytes()


@pytest.mark.parametrize(("period", "says"), [
    ("2025-2020", "error: --period: 2025-2020 starts after it ends (give 10 years, e.g. 2020-2029)"),
    ("abc", "error: --period: 'abc' is not a period (write the first and the last year with a dash between them"),
    ("2025-2029", "error: --period: 2025-2029 is 5 years; the sample plan's period, 2022–2031, is 10 years"),
    ("2025-2025", "error: --period: 2025-2025 is 1 year; the sample plan's period, 2022–2031, is 10 years"),
    ("1890-1899", "error: --period: 1890-1899: a plan's years lie between 1901 and 2200"),
])
def test_a_period_that_cannot_be_made_is_refused_before_anything_is_written(period: str, says: str,
                                                                             tmp_path: Path) -> None:
    code, out, err = invoke("new", str(tmp_path / "kota"), "--period", period)
    assert code == 2 and err.startswith(says) and out == ""
    assert not (tmp_path / "kota").exists()


def test_a_period_one_year_on_says_the_years_moved_one_year(tmp_path: Path) -> None:
    """It said "every year of the plan moved +1 year(s)"."""
    code, out, _ = invoke("new", str(tmp_path / "kota"), "--period", "2023-2032")
    assert code == 0 and "Period: 2022–2031 became 2023–2032; every year of the plan moved +1 year with it:" in out


def test_a_city_name_that_cannot_stand_in_the_texts_is_refused(tmp_path: Path) -> None:
    code, _, err = invoke("new", str(tmp_path / "kota"), "--city", 'Kota "Baru": #1')
    assert code == 2 and "error: --city: 'Kota \"Baru\": #1' is not a city's name" in err
    assert not (tmp_path / "kota").exists()


def test_the_refusal_is_said_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MASTERPLAN_LANG")
    code, _, err = invoke("new", str(tmp_path / "kota"), "--period", "2025-2029")
    assert code == 2 and err.startswith("kesalahan: --period: 2025-2029 mencakup 5 tahun")


def test_force_with_a_city_keeps_the_previous_content_in_a_backup(tmp_path: Path) -> None:
    root = tmp_path / "kota"
    invoke("new", str(root))
    mine = root / "content" / "plan.yml"
    mine.write_text(mine.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    code, _, err = invoke("new", str(root), "--city", CITY)
    assert code == 1 and "--force" in err and mine.read_text(encoding="utf-8").endswith("# my edit\n")
    code, out, _ = invoke("new", str(root), "--city", CITY, "--force")
    assert code == 0 and "Previous content kept in" in out
    [backup] = root.glob("content.backup-*")
    assert (backup / "plan.yml").read_text(encoding="utf-8").endswith("# my edit\n")
    assert "city: Kota Probolinggo" in mine.read_text(encoding="utf-8")
    assert "period: {start: 2022, end: 2031}" in mine.read_text(encoding="utf-8")  # no --period: the sample's
    assert [p.name for p in root.iterdir() if p.name.startswith(".masterplan-new")] == []
    if shutil.which("git"):  # the backup is not offered for a commit beside the plan (git keeps the history)
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        listed = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all"],
                                capture_output=True, text=True, check=True).stdout
        assert "content/plan.yml" in listed and "content.backup-" not in listed, listed


@pytest.fixture(scope="module")
def regency(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A regency's plan made by ``new --city "Kabupaten Malang"`` and its book built, and what the command said."""
    root = tmp_path_factory.mktemp("malang") / "kab"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASTERPLAN_LANG", "en")
        code, out, err = invoke("new", str(root), "--city", "Kabupaten Malang")
        assert code == 0, err
        code, _, err = invoke("build", str(root), "--no-site")
    assert code == 0, err
    return root, out


def test_a_regency_is_signed_by_its_bupati_and_its_neighbour_keeps_its_name(regency: tuple[Path, str]) -> None:
    """"Wali Kota Pasuruan" had become "Wali Kabupaten Malang" under the foreword, and the sample's
    neighbour "Kabupaten Pasuruan" the regency itself ("Kabupaten Malang berbatasan dengan Kabupaten Malang")."""
    root, out = regency
    assert ("the sample is written for a Kota: Wali Kota, Perwali and Pemerintah Kota became Bupati, Perbup and "
            "Pemerintah Kabupaten; check the words kelurahan and kota in the texts and write desa or kabupaten") in out
    chapters_folder = root / "content" / "chapters"
    foreword = (chapters_folder / "00-kata-pengantar.md").read_text(encoding="utf-8")
    assert "role: Bupati Malang" in foreword and "place: Malang" in foreword and "Wali" not in foreword
    overview = (chapters_folder / "02-gambaran-umum.md").read_text(encoding="utf-8")
    assert "Kota Pasuruan berbatasan langsung dengan Kabupaten Pasuruan" in overview  # a fact of the sample
    # W112 names the same files as for a kota, and in a regency also those whose lines of the sample say kota or
    # kelurahan (one warning per file, those lines counted with the rest)
    found = {d.position.file: d.message for d in load_and_check(root).report.warnings if d.code == "W112"}
    assert set(SAMPLES_OWN) <= set(found)
    assert all("kota or kelurahan, a kota's words" in message for file, message in found.items()
               if file not in SAMPLES_OWN)


def test_a_regency_speaks_of_its_bupati_but_where_the_sample_tells_of_pasuruan(regency: tuple[Path, str]) -> None:
    """"Wali Kota", "Perwali" and "Pemerintah Kota" are left only in lines still the sample's, which name
    Pasuruan and which W112 names; everywhere else the plan's government is a regency's."""
    root, _ = regency
    content = root / "content"
    left = sorted((str(path.relative_to(content)), number) for path in content.rglob("*") if path.suffix in (".yml", ".md")
                  for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if KOTA_WORDS.search(line) and "Pasuruan" in line)
    anywhere = sorted((str(path.relative_to(content)), number) for path in content.rglob("*")
                      if path.suffix in (".yml", ".md")
                      for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                      if KOTA_WORDS.search(line))
    assert anywhere == left  # each a line that names Pasuruan: one line in each of these files
    assert [file for file, _ in left] == ["agencies/diskominfotik.yml", "analysis/02-profil-kota.md",
                                          "chapters/01-pendahuluan.md", "chapters/02-gambaran-umum.md"]
    plan = (content / "plan.yml").read_text(encoding="utf-8")
    assert "author: {id: Pemerintah Kabupaten Malang, en: Government of Kabupaten Malang}" in plan and "resmi Pemerintah Kabupaten Malang." in plan
    assert "condition: Belum ada Peraturan Bupati tentang SPBE" in plan
    assert "  - term: Perbup\n    definition: Peraturan Bupati\n" in (content / "glossary.yml").read_text(encoding="utf-8")
    cover, *_ = _book_pages(root / "build" / "masterplan.pdf")
    assert "PEMERINTAH KABUPATEN MALANG Masterplan Smart City Kabupaten Malang 2022–2031" in cover
    text = _book_text(root / "build" / "masterplan.pdf")
    assert "Pasuruan, Desember 2021 Bupati Malang" not in text and "Malang, Desember 2021 Bupati Malang" in text
    for words in ("diketuai Bupati dan beranggotakan Wakil Bupati, Sekretaris Daerah", "keputusan Bupati.",
                  "ditetapkan dengan Peraturan Bupati dan menjadi acuan", "Karena itu Bupati menekankan",
                  "Perbup", "di lingkungan Pemerintah Kabupaten Malang, yaitu OPD",
                  "Malang Command Center"):
        assert words in text
    # the sample's digital services are Pasuruan's (e-Sambat since April 2021), never the regency's
    assert "Pemerintah Kota Pasuruan telah menjalankan" in text and "Pemerintah kabupaten telah menjalankan" not in text
    # in the book, each of the kota's words opens words of one of those lines of the sample's, which name Pasuruan
    # (looked up in the line, not read on to the full stop in the PDF: a matrix's cell may go on over the page)
    lines = [" ".join((content / file).read_text(encoding="utf-8").splitlines()[number - 1].split())
             for file, number in left]
    kota = [(match.group(0), " ".join(text[match.start():].split()[:6])) for match in KOTA_WORDS.finditer(text)]
    assert [word for word, _ in kota] == ["Pemerintah Kota", "Pemerintah Kota", "pemerintah kota", "pemerintah kota"]
    assert all(any(words in line and "Pasuruan" in line for line in lines) for _, words in kota), kota


@pytest.mark.parametrize(("city", "says"), [
    ("Probolinggo", ("error: --city: 'Probolinggo' does not say whether it is a kota or a kabupaten "
                    "(write \"Kota Probolinggo\" or \"Kabupaten Probolinggo\")")),
    ("Kota 123", "error: --city: 'Kota 123' is not a city's name"),  # "place: 123" would be a number
    ("Kota Null", "error: --city: 'Kota Null' is not a city's name"),  # "place: Null" would be nothing
    ("Provinsi Jawa Timur", "error: --city: 'Provinsi Jawa Timur' does not say whether it is a kota or a kabupaten"),
    # a regency's staff write its name as they do in a letter: the hint was "Kota Kab Lumajang" or "Kabupaten Kab…"
    ("Kab Lumajang", ("error: --city: 'Kab Lumajang' does not say whether it is a kota or a kabupaten (write "
                     "\"Kabupaten Lumajang\")")),
    ("Kab.Lumajang", ("error: --city: 'Kab.Lumajang' does not say whether it is a kota or a kabupaten (write "
                     "\"Kabupaten Lumajang\")")),
    ("Pemerintah Kabupaten Lumajang", ("error: --city: 'Pemerintah Kabupaten Lumajang' does not say whether it is a "
                                      "kota or a kabupaten (write \"Kabupaten Lumajang\")")),
    ("Kotamadya Malang", ("error: --city: 'Kotamadya Malang' does not say whether it is a kota or a kabupaten "
                          "(write \"Kota Malang\")")),
    ("Pemkot Batu", ("error: --city: 'Pemkot Batu' does not say whether it is a kota or a kabupaten (write "
                    "\"Kota Batu\")")),
])
def test_a_city_name_that_yaml_or_the_texts_would_misread_is_refused(city: str, says: str, tmp_path: Path) -> None:
    code, _, err = invoke("new", str(tmp_path / "kota"), "--city", city)
    assert code == 2 and err.startswith(says)
    assert not (tmp_path / "kota").exists()


def test_a_read_only_sample_gives_a_copy_the_user_can_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed sample may be read-only (a system package); the copy took its files' modes along."""
    import shutil
    import stat

    from masterplan import project
    sample = tmp_path / "installed"
    shutil.copytree(sample_dir(), sample)
    for path in sample.rglob("*"):
        if path.is_file():
            path.chmod(0o444)
    monkeypatch.setattr(project, "sample_dir", lambda: sample)
    project.scaffold(tmp_path / "kota")
    modes = {path.stat().st_mode for path in (tmp_path / "kota" / "content").rglob("*") if path.is_file()}
    assert modes and all(mode & stat.S_IWUSR for mode in modes)


def test_the_samples_chapters_take_its_city_and_years_from_the_plan() -> None:
    """The sample reads as it always did: its chapters' years and city are the plan's."""
    plan = load_and_check(REPO).plan
    assert plan is not None
    text = "\n".join(chapters.expand(c, chapters.context(plan))[0] or "" for c in plan.chapters)
    for words in ("## Tema 2022: Kota Pasuruan sebagai", "## Jangka Pendek (2022–2023)", "## Jangka Menengah (2024–2026)",
                  "## Jangka Panjang (2027–2031)", "dari 2022 sampai dengan 2031,",
                  "Masterplan Smart City Kota Pasuruan Tahun 2022–2031 dapat",
                  "Masterplan Smart City Kota Pasuruan 2022–2031 merangkai", "Satu Data, dan Pasuruan Command Center ([[GOV-13]])"):
        assert words in text
    raw = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "content" / "chapters").glob("*.md"))
    assert "2022–2031" not in raw and "Tema 2022" not in raw and "(2022–2023)" not in raw


def test_the_samples_chapters_say_the_plans_length_in_years(tmp_path: Path) -> None:
    """A planner changed the period to 2022–2032: the Pendahuluan still read "Jangka waktunya sepuluh tahun, dari
    2022 sampai dengan 2032", the foreword "peta jalan sepuluh tahun"."""

    shutil.copytree(REPO / "content", tmp_path / "content")
    plan_yml = tmp_path / "content" / "plan.yml"
    text = plan_yml.read_text(encoding="utf-8")
    assert "period: {start: 2022, end: 2031}" in text
    plan_yml.write_text(text.replace("period: {start: 2022, end: 2031}", "period: {start: 2022, end: 2032}"),
                        encoding="utf-8")
    plan = load_and_check(tmp_path).plan
    assert plan is not None
    said = "\n".join(chapters.expand(c, chapters.context(plan))[0] or "" for c in plan.chapters)
    assert "Jangka waktunya sebelas tahun, dari 2022 sampai dengan 2032" in said and "peta jalan sebelas tahun" in said
    assert "sepuluh tahun" not in said


def test_the_samples_quick_win_year_counts_the_quick_wins_of_that_year(tmp_path: Path) -> None:
    """A planner made ENV-02 (2024–2026) a quick win too: the book said "Quick win tahun 2022, sebanyak 7
    program", counting a quick win that starts two years later."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    bugul = tmp_path / "content" / "agencies" / "kecamatan_bugul_kidul.yml"
    text = bugul.read_text(encoding="utf-8")
    program = text.split("  - id: ENV-02\n", 1)[1].split("\n  - id: ", 1)[0]
    assert "quick_win: false" in program and "period: {start: 2024, end: 2026}" in program
    bugul.write_text(text.replace(program, program.replace("quick_win: false", "quick_win: true")), encoding="utf-8")
    plan = load_and_check(tmp_path).plan
    assert plan is not None and len(plan.quick_wins) == 7
    said = "\n".join(chapters.expand(c, chapters.context(plan))[0] or "" for c in plan.chapters)
    assert "*Quick win* tahun 2022, sebanyak enam program" in said
