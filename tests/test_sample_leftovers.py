"""A plan started from the sample (``masterplan new``): lines still the sample's that name its
city (W112), and a final plan whose cover still carries the sample's notice (W113)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from masterplan.checks.sample import rewrite_hint
from masterplan.diagnostics import ENGLISH
from masterplan.project import load_and_check, scaffold
from masterplan.resources import sample_dir

PLAN = "content/plan.yml"


def _started(tmp_path: Path, city: str = "Kota Probolinggo") -> Path:
    scaffold(tmp_path)
    plan = tmp_path / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("city: Kota Pasuruan", f"city: {city}"),
                    encoding="utf-8")
    return tmp_path


def _found(root: Path, code: str) -> dict[str, tuple[int, str]]:
    """file → (line, message) of each ``code`` diagnostic."""
    report = load_and_check(root).report
    assert not report.errors, [str(d) for d in report.errors]
    return {d.position.file: (d.position.line, d.message) for d in report.warnings if d.code == code}


def _lines_naming(path: Path, word: str = "Pasuruan") -> list[int]:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if word in line]


def test_lines_left_from_the_sample_are_counted_per_file_at_the_first(tmp_path: Path) -> None:
    root = _started(tmp_path)
    naming = _lines_naming(root / PLAN)
    assert len(naming) >= 3  # the title, the notice, …: the sample's own lines
    found = _found(root, "W112")
    line, message = found[PLAN]
    assert line == naming[0]
    assert message == f"{len(naming)} lines of this file are still the sample's and name Pasuruan"
    assert all(file.startswith("content/") for file in found) and len(found) > 5


def test_the_hint_names_the_lines_left(tmp_path: Path) -> None:
    """The warning stands at the first line; its hint names every line to rewrite, up to twelve and how many more."""
    root = _started(tmp_path)
    plan = root / PLAN
    naming = _lines_naming(plan)
    *head, last = naming
    assert f"rewrite lines {', '.join(map(str, head))} and {last} for it" in _hint(root, PLAN)
    plan_read = load_and_check(root).plan
    assert plan_read is not None
    hint = ENGLISH.say(rewrite_hint(plan_read, list(range(1, 31))))
    assert hint == "this plan is Kota Probolinggo: rewrite lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 18 more for " \
                   "it, or delete them"


def _hint(root: Path, file: str) -> str:
    return next(str(d.hint) for d in load_and_check(root).report.warnings if d.code == "W112" and d.position.file == file)


def test_a_rewritten_line_is_no_longer_named_and_the_plans_own_words_never_are(tmp_path: Path) -> None:
    root = _started(tmp_path)
    plan = root / PLAN
    lines = plan.read_text(encoding="utf-8").splitlines()
    first = _lines_naming(plan)[0]
    lines[first - 1] = lines[first - 1].replace("Pasuruan", "Probolinggo")
    lines.append("# kerja sama regional dengan Kota Pasuruan dan Kabupaten Probolinggo")  # the city's own words
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line, message = _found(root, "W112")[PLAN]
    left = len(_lines_naming(plan)) - 1  # the comment is not the sample's
    assert line == _lines_naming(plan)[0] and message.startswith(f"{left} lines ")


def test_lines_naming_the_samples_districts_are_left_too(tmp_path: Path) -> None:
    """A district of Pasuruan (the sample's kecamatan agencies, the places its programs are carried out)
    is no place in another city: those lines are named, with the places they name."""
    root = _started(tmp_path)
    line, message = _found(root, "W112")["content/agencies/kecamatan_gadingrejo.yml"]
    assert line == 2
    assert message == "5 lines of this file are still the sample's and name places in Pasuruan: Gadingrejo"
    _, message = _found(root, "W112")["content/agencies/dkpp.yml"]
    assert message.endswith("and name Pasuruan and places in it: Panggungrejo")
    agency = root / "content/agencies/kecamatan_purworejo.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("Purworejo", "Kanigaran"), encoding="utf-8")
    assert "content/agencies/kecamatan_purworejo.yml" not in _found(root, "W112")


def test_a_district_of_the_sample_is_named_in_a_line_rewritten_around_it(tmp_path: Path) -> None:
    """Pasuruan replaced by Probolinggo in every file left "Kota Probolinggo … empat kecamatan, yaitu Gadingrejo,
    Purworejo, Bugul Kidul, dan Panggungrejo" in the book, and validate --strict passed: W112 named only lines
    still exactly the sample's. A district of the sample is no place of another city, in any line."""
    root = _started(tmp_path)
    for path in (root / "content").rglob("*.*"):
        if path.suffix in (".yml", ".md"):
            path.write_text(path.read_text(encoding="utf-8").replace("Pasuruan", "Probolinggo"), encoding="utf-8")
    chapter = "content/chapters/02-gambaran-umum.md"
    line, message = _found(root, "W112")[chapter]
    assert "Gadingrejo" in (root / chapter).read_text(encoding="utf-8").splitlines()[line - 1]
    assert message == "1 line of this file names places in Pasuruan: Gadingrejo, Purworejo, Bugul Kidul, Panggungrejo"


def test_a_plan_written_from_scratch_may_have_a_district_of_the_samples_name(tmp_path: Path) -> None:
    """Kabupaten Blitar has a Kecamatan Panggungrejo of its own: its plan, written from scratch, was told it named
    places in Pasuruan."""
    from conftest import MINI_FILES, write_plan
    plan = MINI_FILES["content/plan.yml"].replace("Kota Contoh", "Kabupaten Blitar")
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace(
        "name: Badan Pengelolaan Keuangan dan Aset Daerah", "name: Kantor Kecamatan Panggungrejo, Blitar")
    root = write_plan(tmp_path, {"content/plan.yml": plan, "content/agencies/bpkad.yml": agency})
    assert "Panggungrejo" in (root / "content/agencies/bpkad.yml").read_text(encoding="utf-8")
    assert _found(root, "W112") == {}


def test_a_copy_of_the_sample_has_no_leftovers(tmp_path: Path) -> None:
    scaffold(tmp_path / "sample")
    assert _found(tmp_path / "sample", "W112") == {}


#: the sample's notice in each language, as plan.yml writes it ({id: …, en: …})
SAMPLE_NOTICE = yaml.safe_load((sample_dir() / "plan.yml").read_text(encoding="utf-8"))["notice"]
OWN_NOTICE = "Ditetapkan dengan Peraturan Wali Kota Probolinggo Nomor 12 Tahun 2025."


def _with_notice(root: Path, status: str, notice: object) -> int:
    """plan.yml with ``status`` and ``notice`` (a text, or a mapping of language to text) in place of the sample's
    notice; the line the notice starts on."""
    plan = root / PLAN
    lines = plan.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("notice:"))
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith(" "))  # the mapping's lines
    written = yaml.safe_dump({"notice": notice}, allow_unicode=True, width=1000).splitlines()
    lines[start:end] = written
    lines = [f"status: {status}" if line.startswith("status:") else line for line in lines]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return start + 1 + (len(written) > 1)  # a mapping: the warning points at its first language's line


def _probolinggo(text: str) -> str:
    return text.replace("Pasuruan", "Probolinggo")


@pytest.mark.parametrize(("status", "notice", "warned"), [
    # the sample's notice, its city swapped for the plan's: in both languages, in either, or as one plain text
    ("final", {language: _probolinggo(text) for language, text in SAMPLE_NOTICE.items()}, True),
    ("final", {"en": _probolinggo(SAMPLE_NOTICE["en"])}, True),
    ("final", _probolinggo(SAMPLE_NOTICE["id"]), True),
    ("final", _probolinggo(SAMPLE_NOTICE["en"]), True),
    ("draft", {language: _probolinggo(text) for language, text in SAMPLE_NOTICE.items()}, False),
    ("final", OWN_NOTICE, False),
    ("final", {"id": OWN_NOTICE, "en": "Adopted by Mayoral Regulation of Probolinggo No. 12 of 2025."}, False),
], ids=["both-languages", "english-alone", "indonesian-text", "english-text", "draft", "own-text", "own-both"])
def test_a_final_plan_with_the_samples_notice(tmp_path: Path, status: str, notice: object, warned: bool) -> None:
    root = _started(tmp_path)
    notice_line = _with_notice(root, status, notice)
    found = _found(root, "W113")
    assert (PLAN in found) is warned
    if warned:
        assert found[PLAN] == (notice_line, "the plan is final, but its cover still carries the sample's notice")


def test_the_samples_emblem_left_in_assets_is_named_until_replaced(tmp_path: Path) -> None:
    root = _started(tmp_path)
    logo = root / "content" / "assets" / "logo.svg"
    found = load_and_check(root).report.warnings
    logo_line = next(n for n, line in enumerate((root / PLAN).read_text(encoding="utf-8").splitlines(), 1)
                     if line.startswith("logo:"))
    assert [(d.position.file, d.position.line) for d in found if d.code == "W114"] == [(PLAN, logo_line)]
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>\n',
                    encoding="utf-8")
    assert not [d for d in load_and_check(root).report.warnings if d.code == "W114"]


def test_the_samples_own_city_is_warned_of_its_notice_and_logo_once_final(tmp_path: Path) -> None:
    """Kota Pasuruan making its official plan from the sample: no W112 (its lines name it rightly), but a
    final plan with the sample's notice (W113) and placeholder logo (W114) is told."""
    from conftest import make_final

    scaffold(tmp_path)
    assert _found(tmp_path, "W113") == {} and _found(tmp_path, "W114") == {}  # a draft, as the sample
    make_final(tmp_path)
    assert PLAN in _found(tmp_path, "W113") and PLAN in _found(tmp_path, "W114")
    assert _found(tmp_path, "W112") == {}


def test_a_regency_of_the_same_name_is_told_of_the_samples_lines(tmp_path: Path) -> None:
    """Kabupaten Pasuruan is another government: the sample's lines about Kota Pasuruan are leftovers there."""
    assert _found(_started(tmp_path, "Kabupaten Pasuruan"), "W112") != {}


def test_a_sample_file_renamed_yaml_or_yml_in_capitals_is_still_compared_with_the_samples(tmp_path: Path) -> None:
    root = _started(tmp_path)
    before = _found(root, "W112")
    named = sorted(file for file in before if file.startswith("content/agencies/"))[:2]
    assert len(named) == 2, before
    (root / named[0]).rename((root / named[0]).with_suffix(".yaml"))
    (root / named[1]).rename((root / named[1]).with_suffix(".YML"))
    after = _found(root, "W112")
    for file, suffix in zip(named, (".yaml", ".YML")):
        renamed = str(Path(file).with_suffix(suffix))
        assert after[renamed] == before[file], (renamed, sorted(after))


def test_an_agency_file_renamed_keeps_its_sample_lines_named(tmp_path: Path) -> None:
    """A regency renaming dispusip.yml to its own agency's name lost the warning for the lines it kept
    ("Bugul Kidul", "Satu Data Kota Pasuruan"): they were compared only with a sample file of the new name."""
    root = _started(tmp_path)
    before = _found(root, "W112")
    old = "content/agencies/diskominfotik.yml"
    assert old in before
    (root / old).rename(root / "content/agencies/kominfo_baru.yml")
    for path in (root / "content").rglob("*.*"):  # its id, and every reference to it, renamed too
        if path.suffix in (".yml", ".md"):
            path.write_text(path.read_text(encoding="utf-8").replace("diskominfotik", "kominfo_baru"), encoding="utf-8")
    assert _found(root, "W112")["content/agencies/kominfo_baru.yml"] == before[old]


def test_a_district_of_the_sample_that_is_the_plans_own_place_is_no_leftover(tmp_path: Path) -> None:
    """Kabupaten Purworejo has a Kecamatan Purworejo too: its lines were called the sample's, whatever the regency
    wrote; the lines naming Pasuruan, or another of its districts, still are."""
    root = _started(tmp_path, city="Kabupaten Purworejo")
    found = _found(root, "W112")
    assert "content/agencies/kecamatan_purworejo.yml" not in found
    assert "content/agencies/kecamatan_gadingrejo.yml" in found and "content/plan.yml" in found


def _period_set_by_hand(root: Path, start: int, end: int) -> None:
    plan = root / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("period: {start: 2022, end: 2031}",
                                                             f"period: {{start: {start}, end: {end}}}"),
                    encoding="utf-8")


def test_a_period_moved_by_hand_is_told_once_with_the_command_that_moves_every_year(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Probolinggo set period: {start: 2025, end: 2034} in a fresh sample: 112 errors, none saying that
    ``masterplan new --period`` moves every year with it; one warning says so, beside the errors."""
    root = _started(tmp_path)
    monkeypatch.chdir(root)
    _period_set_by_hand(root, 2025, 2034)
    report = load_and_check(root).report
    moved = [d for d in report.warnings if d.code == "W116"]
    out = [d for d in report.errors if d.code == "E301" and d.position.file != PLAN]  # plan.yml's: its phases'
    assert len(moved) == 1 and moved[0].position.file == PLAN and len(out) > 50
    assert moved[0].message == (f"the plan period is 2025–2034, but {len(out)} of "
                                f"{len(load_and_check(root).plan.programs)} programs are still in the sample's "
                                "years, 2022–2031: their years did not move with it")
    assert moved[0].hint is not None and moved[0].hint.startswith(
        'masterplan new . --force --period 2025-2034 --city "Kota Probolinggo" starts again from the sample')


@pytest.mark.parametrize(("here", "folder"), [("kota probolinggo/content/chapters", "../.."),
                                              ("", '"kota probolinggo"'), ("elsewhere", '"../kota probolinggo"')])
def test_the_command_of_a_moved_period_names_the_plan_folder_from_where_validate_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, here: str, folder: str) -> None:
    """``masterplan new . --force`` was said from a subfolder of the plan, or with a PLAN_DIR, where ``.`` is
    not the plan: typed there, it made a plan inside the chapters' folder."""
    root = tmp_path / "kota probolinggo"
    _started(root)
    _period_set_by_hand(root, 2025, 2034)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / here)
    moved = [d for d in load_and_check(root).report.warnings if d.code == "W116"]
    assert len(moved) == 1 and moved[0].hint is not None
    assert moved[0].hint.startswith(f"masterplan new {folder} --force --period 2025-2034 --city ")


def test_an_indicator_with_several_targets_outside_the_period_is_one_error(tmp_path: Path) -> None:
    """A pillar indicator with targets for 2022, 2023 and 2024 gave three E303 once the period began in 2025."""
    root = _started(tmp_path)
    _period_set_by_hand(root, 2025, 2034)
    targets = [d for d in load_and_check(root).report.errors if d.code == "E303"]
    assert targets and len({(d.position.file, d.position.line) for d in targets}) == len(targets)
    assert any("has targets for 2022, 2023 and 2024, outside the plan period 2025–2034" in d.message for d in targets)


@pytest.mark.parametrize(("start", "end"), [(2022, 2031), (2021, 2032), (2024, 2027)])
def test_no_moved_period_is_told_for_the_samples_own_or_another_length(tmp_path: Path, start: int, end: int) -> None:
    """The sample's period, or one new --period would refuse (another number of years), has nothing to suggest."""
    root = _started(tmp_path)
    _period_set_by_hand(root, start, end)
    assert not [d for d in load_and_check(root).report.warnings if d.code == "W116"]


def _spaced_wider(line: str) -> str:
    """The line with its words two spaces apart after its field's name (so still the same YAML)."""
    field, colon, value = line.partition(": ") if ": " in line else ("", "", line)
    return field + colon + value[:len(value) - len(value.lstrip())] + value.lstrip().replace(" ", "  ")


def test_no_moved_period_is_told_for_a_plan_in_its_own_words(tmp_path: Path) -> None:
    """A plan with none of the sample's sentences was not started from it: starting again from it is no help."""
    root = _started(tmp_path)
    _period_set_by_hand(root, 2025, 2034)
    for path in (root / "content").rglob("*.*"):
        if path.suffix in (".yml", ".md"):
            lines = path.read_text(encoding="utf-8").splitlines()  # every sentence in other words: spaced wider
            path.write_text("\n".join(_spaced_wider(line) for line in lines).replace("deed.id", "deed.en") + "\n",
                            encoding="utf-8")
    report = load_and_check(root).report
    assert len([d for d in report.errors if d.code == "E301"]) > 50
    assert not [d for d in report.warnings if d.code == "W116"]


def _replace_in(root: Path, old: str, new: str) -> None:
    """``old`` written ``new`` in every file of the plan's content."""
    for path in (root / "content").rglob("*.*"):
        if path.suffix in (".yml", ".md"):
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _chapter_naming(root: Path, line: str) -> str:
    chapter = root / "content/chapters/09-sinkronisasi.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return "content/chapters/09-sinkronisasi.md"


def test_chapters_naming_the_samples_agencies_and_programs_this_plan_lacks(tmp_path: Path) -> None:
    """Probolinggo renamed Diskominfotik to its Diskominfo and e-Sambat to its own channel: the chapters' lines
    that still named them passed once the city was changed."""
    root = _started(tmp_path)
    assert _found(root, "W117") == {}  # the sample's programs and agencies are still this plan's
    (root / "content/agencies/diskominfotik.yml").rename(root / "content/agencies/diskominfo.yml")
    _replace_in(root, "diskominfotik", "diskominfo")
    _replace_in(root, "short_name: Diskominfotik", "short_name: Diskominfo")
    _replace_in(root, "name: e-Sambat (Media Sambat Masyarakat)", "name: Probolinggo Mendengar")
    file = _chapter_naming(root, "Aduan warga lewat e-Sambat ditangani Diskominfotik; Diskominfo menyusun laporan.")
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if "Diskominfotik" in line or "e-Sambat" in line)
    line, message = _found(root, "W117")[file]
    assert line == first and "this plan does not have" in message
    assert "Diskominfotik" in message and "e-Sambat" in message and "Diskominfo," not in message


def test_an_agency_of_the_sample_a_plan_names_without_a_file_like_it_is_no_leftover(tmp_path: Path) -> None:
    """A plan may name its Inspektorat, or BPBD, with no file for it: only a sample's agency this plan calls
    otherwise (Diskominfo for Diskominfotik) is the sample's name."""
    root = _started(tmp_path)
    _replace_in(root, "short_name: Inspektorat", "short_name: Bawasda")
    _replace_in(root, "short_name: BPBD", "short_name: Penanggulangan Bencana")
    for agency in ("inspektorat", "bpbd"):  # their names no longer "Inspektorat" or "… (BPBD)" either
        path = root / f"content/agencies/{agency}.yml"
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join("name: Badan Pengawas" if line.startswith("name:") else line for line in lines)
                        + "\n", encoding="utf-8")
    _chapter_naming(root, "Inspektorat dan BPBD mengawal pelaksanaannya.")
    report = load_and_check(root).report
    assert not report.errors, [str(d) for d in report.errors][:3]
    assert not [d for d in report.warnings if d.code == "W117"]


def _atcs_renamed(root: Path) -> None:
    _replace_in(root, "name: Area Traffic Control System (ATCS)", "name: Simpang Cerdas Probolinggo")


@pytest.mark.parametrize("own", ["description", "glossary"])
def test_a_generic_term_the_plan_uses_in_its_own_texts_is_its_own(tmp_path: Path, own: str) -> None:
    """Probolinggo renamed its ATCS program, yet its own description of it, or its glossary, still says ATCS, a
    generic term: its chapters naming ATCS got W117 "names ATCS, of the sample's agencies and programs, which this
    plan does not have"."""
    root = _started(tmp_path)
    _atcs_renamed(root)
    if own == "description":
        _replace_in(root, "Seluruh simpang terhubung ke ruang kendali ATCS",
                    "Tiga puluh simpang Kota Probolinggo terhubung ke ruang kendali ATCS milik Dishub")
    else:
        _replace_in(root, "definition: Area Traffic Control System; sistem pengendalian lampu lalu lintas terpusat",
                    "definition: Area Traffic Control System; pengatur lampu lalu lintas di simpang Kota Probolinggo")
    file = _chapter_naming(root, "Simpang utama dipantau melalui ATCS.")
    assert file not in _found(root, "W117")


def test_a_generic_term_only_in_texts_still_the_samples_is_not_the_plans_own(tmp_path: Path) -> None:
    """The sample's description and glossary entry naming ATCS, copied unchanged (or with the city moved by new),
    are not the plan's own words: a chapter naming ATCS after its program was renamed is still told."""
    root = _started(tmp_path)
    _atcs_renamed(root)
    _replace_in(root, "name: e-Sambat (Media Sambat Masyarakat)", "name: Probolinggo Mendengar")
    _replace_in(root, "kanal pengaduan warga Kota Pasuruan", "kanal pengaduan warga Kota Probolinggo")  # as new does
    file = _chapter_naming(root, "Simpang utama dipantau melalui ATCS; aduan warga lewat e-Sambat.")
    _, message = _found(root, "W117")[file]
    assert "ATCS" in message and "e-Sambat" in message


def test_a_pillar_naming_the_samples_programs_this_plan_lacks(tmp_path: Path) -> None:
    """The governance pillar's indicator "Aduan e-Sambat yang tuntas …", the sample's, reached the book's table of
    indicators, the pillar's page and indicators.csv after Probolinggo renamed its e-Sambat: only chapters were read
    for the sample's names. The pillar's file is told once, at its first such text."""
    root = _started(tmp_path)
    _replace_in(root, "name: e-Sambat (Media Sambat Masyarakat)", "name: Probolinggo Mendengar")
    pillar = root / "content/pillars/governance.yml"
    lines = pillar.read_text(encoding="utf-8").splitlines()
    naming = [number for number, line in enumerate(lines, 1) if "e-Sambat" in line]
    assert naming, "the sample's governance pillar names e-Sambat"
    line, message = _found(root, "W117")["content/pillars/governance.yml"]
    assert line == naming[0] and "e-Sambat" in message and "this plan does not have" in message
    assert message.startswith(f"{len(naming)} text" if len(naming) > 1 else "1 text of this file names"), message


def test_a_city_set_by_hand_in_an_untouched_copy_is_told_the_command_that_makes_it_the_citys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regency's staff wrote city: Kabupaten Lumajang into plan.yml of a fresh copy: 45 W112 warnings, none saying
    that ``masterplan new --city`` makes the copy the regency's, its Wali Kota a Bupati. One warning says so, at the
    city, while every other file is the sample's as copied; once one is the plan's own, W112 alone names the lines."""
    root = _started(tmp_path, "Kabupaten Lumajang")
    monkeypatch.chdir(root)
    report = load_and_check(root).report
    told = [d for d in report.warnings if d.code == "W126"]
    city_line = next(n for n, line in enumerate((root / PLAN).read_text(encoding="utf-8").splitlines(), 1)
                     if line.startswith("city:"))
    assert [(d.position.file, d.position.line) for d in told] == [(PLAN, city_line)]
    assert told[0].message == ("plan.yml names Kabupaten Lumajang, but every other file is still the sample's as it "
                               "was copied, which speaks of Kota Pasuruan")
    assert told[0].hint is not None and told[0].hint.startswith(
        'masterplan new . --force --city "Kabupaten Lumajang" makes the copy Kabupaten Lumajang\'s')
    assert len([d for d in report.warnings if d.code == "W112"]) > 5  # the lines, as before
    foreword = next((root / "content/chapters").glob("00-*.md"))
    foreword.write_text(foreword.read_text(encoding="utf-8") + "\nKata penutup kami sendiri.\n", encoding="utf-8")
    assert not [d for d in load_and_check(root).report.warnings if d.code == "W126"]
