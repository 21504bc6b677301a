"""The command line: exit codes, output shapes, --strict, and commands that never lose content."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI_FILES, REPO

from masterplan.build import BuildOptions, run
from masterplan.cli import cli

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning)\[(?P<code>[EW]\d{3})\]: "
                  r"(?P<message>.+?)(?: \((?P<hint>.+)\))?$")
NO_QUICK_WIN = {"content/agencies/bpkad.yml": None, "content/agencies/diskominfo.yml": """\
    id: diskominfo
    name: Dinas Komunikasi dan Informatika
    short_name: Diskominfo
    kind: dinas
    programs:
      - id: GOV-01
        name: e-Sambat
        pillar: governance
        sub_element: pelayanan_publik
        period: {start: 2022, end: 2024}
        indicators:
          - {name: Aduan, unit: persen, targets: {2023: 80}}
    """}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_clean_plan_exits_0(mini_plan: Path) -> None:
    code, out, _ = invoke("validate", str(mini_plan))
    assert code == 0 and "No problems found." in out


def test_text_format_is_compiler_style(make_plan: Callable[..., Path]) -> None:
    agency = "content/agencies/diskominfo.yml"
    root = make_plan({agency: textwrap.dedent(MINI_FILES[agency]).replace("pillar: governance", "pillar: governence")})
    code, out, _ = invoke("validate", str(root))  # on stdout: `validate > report.txt` keeps the report
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1].startswith("1 error, ")
    assert all(LINE.match(line) for line in lines[:-1]), lines
    match = next(LINE.match(line) for line in lines if "error[" in line)
    assert match.group("file", "line", "column", "severity", "code") == (
        "content/agencies/diskominfo.yml", "8", "13", "error", "E201")
    assert match.group("hint") == "did you mean 'governance'?"


def test_json_format_shape(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/plan.yml": "- a list\n", **NO_QUICK_WIN})
    code, out, _ = invoke("validate", str(root), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and data
    for item in data:
        assert set(item) == {"file", "line", "column", "severity", "code", "message", "hint", "agencies"}
        assert isinstance(item["line"], int) and isinstance(item["column"], int)
        assert item["severity"] in {"error", "warning"}
    told = [{key: item[key] for key in ("file", "line", "column", "severity", "code")} for item in data]
    assert {"file": "content/plan.yml", "line": 1, "column": 1, "severity": "error", "code": "E101"} in told, told


def test_json_of_a_clean_plan_is_an_empty_list(mini_plan: Path) -> None:
    code, out, _ = invoke("validate", str(mini_plan), "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_strict_turns_warnings_into_failure(make_plan: Callable[..., Path]) -> None:
    root = make_plan(NO_QUICK_WIN)
    code, out, _ = invoke("validate", str(root))
    assert code == 0 and "warning[W403]" in out
    code, out, _ = invoke("validate", str(root), "--strict")
    assert code == 1 and "warning[W403]" in out


def test_a_file_the_plan_does_not_read_is_not_said_to_be_clean(mini_plan: Path, tmp_path: Path) -> None:
    """An agency's file checked where it was downloaded (beside content/, or anywhere else) was "No problems found",
    exit 0, however broken: the plan never reads it. validate says so, and fails."""
    broken = "id: dinsos\nname: [unclosed\n"
    (mini_plan / "dinsos.yml").write_text(broken, encoding="utf-8")
    (tmp_path / "elsewhere.yml").write_text(broken, encoding="utf-8")
    for file in (mini_plan / "dinsos.yml", tmp_path / "elsewhere.yml"):
        code, out, err = invoke("validate", str(file))
        assert code == 1 and "No problems" not in out and "is no file of the plan" in err, (file, out, err)
    code, out, _ = invoke("validate", str(mini_plan / "content" / "agencies" / "bpkad.yml"))
    assert code == 0 and "No problems found in content/agencies/bpkad.yml." in out  # one it reads, as before
    shared = mini_plan / "shared"
    shared.mkdir()
    (mini_plan / "content/agencies/bpkad.yml").rename(shared / "bpkad.yml")
    (mini_plan / "content/agencies/bpkad.yml").symlink_to("../../shared/bpkad.yml")  # a link inside the plan: read
    code, out, _ = invoke("validate", str(mini_plan / "content" / "agencies" / "bpkad.yml"))
    assert code == 0 and "No problems found in content/agencies/bpkad.yml." in out, out


def test_errors_only_shows_the_errors_and_counts_the_warnings_left_out(make_plan: Callable[..., Path]) -> None:
    """A plan of many warnings, its errors stopping the build: --errors-only lists the errors to fix first."""
    root = make_plan(NO_QUICK_WIN)
    warnings = invoke("validate", str(root))[1].count("warning[")
    code, out, _ = invoke("validate", str(root), "--errors-only")  # warnings, no error
    assert code == 0 and "W403" not in out and warnings > 1
    assert out.splitlines() == ["No errors found.", f"{warnings} warnings not shown (--errors-only)"]
    agency = "content/agencies/diskominfo.yml"
    (root / agency).write_text(textwrap.dedent(MINI_FILES[agency]).replace("pillar: governance", "pillar: governence"),
                               encoding="utf-8")
    code, out, _ = invoke("validate", str(root), "--errors-only")
    assert code == 1 and "error[E201]" in out and "warning[" not in out
    counted, left_out = out.splitlines()[-2:]  # the count is the plan's, and says how many are not shown
    hidden = re.fullmatch(r"2 errors, (\d+) warnings", counted)
    assert hidden and left_out == f"{hidden.group(1)} warnings not shown (--errors-only)", (counted, left_out)
    code, out, _ = invoke("validate", str(root), "--errors-only", "--format", "json")
    assert code == 1 and {d["severity"] for d in json.loads(out)} == {"error"} and "E201" in out
    code, _, err = invoke("validate", str(root), "--errors-only", "--strict")
    assert code == 2 and "--errors-only hides the warnings --strict fails on" in err


@pytest.mark.parametrize("args", [
    ["validate", "--format", "xml"],
    ["validate", "--no-such-option"],
    ["no-such-command"],
    ["build", "--jobs", "0"],
    ["validate", "a", "b"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_public_address_without_https_stops_before_building(mini_plan: Path) -> None:
    """It made canonical links, the sitemap and 404.html point at files named after the domain."""
    code, _, err = invoke("build", str(mini_plan), "--no-pdf", "--base-url", "kota.go.id/smartcity")
    assert code == 2 and "has no https://" in err and "write it in full: https://kota.go.id/smartcity" in err
    assert not (mini_plan / "build").exists()
    code, _, err = invoke("build", str(mini_plan), "--no-pdf", "--no-search", "--base-url", " http://intranet:8000/mp/ ")
    assert code == 0, err  # an intranet's host has no dot; stray spaces are dropped
    assert '<link rel="canonical" href="http://intranet:8000/mp/">' in (
        mini_plan / "build" / "site" / "index.html").read_text(encoding="utf-8")


def test_a_build_without_its_search_index_says_not_to_publish_it(mini_plan: Path) -> None:
    """Published as it was, a --no-search build gave the city's site a search box on every page that led to "search
    is unavailable", and the build had said only "no search index (not asked for)"."""
    told = "search page that says search is unavailable: publish a build made without --no-search"
    code, said, err = invoke("build", str(mini_plan), "--no-pdf", "--no-search")
    assert code == 0 and told in said + err and 'id="header-q"' in (
        mini_plan / "build" / "site" / "index.html").read_text(encoding="utf-8")
    code, said, err = invoke("build", str(mini_plan), "--no-pdf")
    assert code == 0 and told not in said + err


def test_a_file_given_as_plan_dir_is_a_usage_error(mini_plan: Path) -> None:
    """Only validate reads one file's problems (below); build and serve take the plan's folder."""
    for command in ("build", "serve"):
        result = CliRunner().invoke(cli, [command, str(mini_plan / "content" / "plan.yml")])
        assert result.exit_code == 2, (command, result.output)


def test_validate_from_inside_the_plan(mini_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mini_plan / "content" / "agencies")
    code, out, _ = invoke("validate")
    assert code == 0, out
    assert out.splitlines()[0] == f"Plan folder: {mini_plan.resolve()}"  # found above: the user sees which plan
    monkeypatch.chdir(mini_plan)
    assert invoke("validate")[1].splitlines() == ["No problems found."]


def test_not_a_plan_folder(tmp_path: Path) -> None:
    code, out, _ = invoke("validate", str(tmp_path), "--format", "json")
    assert code == 1
    assert [d["code"] for d in json.loads(out)] == ["E010"]


def test_build_and_validate_report_the_same(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/pillars/economy.yml": "id: economy\nname: Smart Economy\norder: dua\n"
                                                     "sub_elements: [{id: x, name: X}]\n"})
    _, validated, _ = invoke("validate", str(root))
    code, out, built = invoke("build", str(root), "--no-pdf", "--no-site")
    assert code == 1
    # the line saying the build stopped stands under the errors, on stderr: `build 2> log.txt` holds both
    assert out == "" and built.strip() == validated.strip() + "\nBuild stopped: fix the errors above."
    assert not (root / "build" / "site").exists()


def test_a_language_code_no_language_has_builds_in_english_without_a_traceback(make_plan: Callable[..., Path]) -> None:
    """'od' typed for 'id': Babel knows no such language, and the site's number and date formats came to a
    traceback. The build goes on as W108 says, in English, numbers and dates too."""
    plan = MINI_FILES["content/plan.yml"].replace("leading_sector: diskominfo\n", "leading_sector: diskominfo\n"
                                                  "        language: od\n")
    assert plan != MINI_FILES["content/plan.yml"]
    root = make_plan({"content/plan.yml": plan})
    code, _, said = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, said
    assert "W108" in said and "'od' is the code of no language: write one the theme speaks (en, id)" in said
    budget = (root / "build" / "site" / "budget.html").read_text(encoding="utf-8")
    assert "Budget" in budget and "750,000,000" in budget  # English words and English thousands


def test_new_in_the_current_folder_does_not_say_to_cd_into_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`masterplan new .` said "Next: cd . && masterplan validate"."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("new", ".")
    assert code == 0 and "Next: masterplan validate && masterplan build" in out and "cd ." not in out
    code, out, _ = invoke("new", "kota")
    assert code == 0 and "Next: cd kota && masterplan validate" in out


def test_new_without_a_city_says_the_plan_is_still_the_samples(tmp_path: Path) -> None:
    """`masterplan new kota` said only "Next: cd kota && masterplan validate && masterplan build": validate then found
    nothing and build made Kota Pasuruan's book."""
    code, out, _ = invoke("new", str(tmp_path / "kota"))
    assert code == 0 and "This plan is still the sample's, Kota Pasuruan's: validate finds nothing to change" in out
    assert (f'masterplan new {tmp_path / "kota"} --force --city "Kota NAME" (or "Kabupaten NAME") --period START-END, '
            "with your city's or regency's name for NAME and its first and last year for START and END (10 years, as many as the sample's "
            "2022–2031)") in out
    assert "…" not in out and "2022-2031" not in out  # no ellipsis pasted as the name, nor the sample's years as its own
    code, out, _ = invoke("new", str(tmp_path / "kota"), "--force", "--period", "2025-2034")
    assert code == 0 and ('--city "Kota NAME" (or "Kabupaten NAME") --period 2025-2034, with your city\'s or '
                          "regency's name for NAME") in out
    code, out, _ = invoke("new", str(tmp_path / "kota"), "--force", "--city", "Kota Probolinggo")
    assert code == 0 and "still the sample's" not in out


def test_new_without_a_city_says_its_placeholders_in_indonesian(tmp_path: Path) -> None:
    """The Indonesian edition's placeholders are Indonesian words: NAMA, AWAL-AKHIR."""
    done = _as_a_person(["new", str(tmp_path / "kota")], tmp_path, "id")
    assert done.returncode == 0, done.stderr
    assert ('--city "Kota NAMA" (atau "Kabupaten NAMA") --period AWAL-AKHIR, dengan nama kota atau kabupaten Anda '
            "sebagai NAMA") in done.stdout
    assert "(10 tahun, sebanyak tahun contoh, 2022–2031)" in done.stdout and "…" not in done.stdout


def test_new_refuses_to_overwrite_and_force_keeps_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "kota"
    code, _, _ = invoke("new", str(target))
    assert code == 0 and (target / "content" / "plan.yml").is_file()
    mine = target / "content" / "plan.yml"
    mine.write_text(mine.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")

    code, _, err = invoke("new", str(target))
    assert code == 1 and "already exists" in err and "--force" in err
    assert mine.read_text(encoding="utf-8").endswith("# my edit\n")

    code, _, _ = invoke("new", str(target), "--force")
    assert code == 0
    backups = list(target.glob("content.backup-*"))
    assert len(backups) == 1
    assert (backups[0] / "plan.yml").read_text(encoding="utf-8").endswith("# my edit\n")
    assert not mine.read_text(encoding="utf-8").endswith("# my edit\n")

    code, _, _ = invoke("new", str(target), "--force")  # twice in the same second: a second backup
    assert code == 0 and len(list(target.glob("content.backup-*"))) == 2


def test_new_with_force_sets_the_replaced_plan_s_build_aside(tmp_path: Path) -> None:
    """`new` → `build` → `new --force --city … --period …` → `build`: the second build compared the new city's plan
    with the sample's last build (build/.published), published "66 programs dropped" on its changes page and in
    data/changes.csv, and a failed build kept Kota Pasuruan's book as "the previous result". The replaced content's
    build/ now goes aside with it, kept, and the new plan's first build has nothing to compare with."""
    target = tmp_path / "kota"
    assert invoke("new", str(target))[0] == 0
    assert run(target, BuildOptions(pdf=False, search=False)).ok
    assert (target / "build" / "site" / "data" / "plan.json").is_file()
    code, out, _ = invoke("new", str(target), "--force", "--city", "Kota Probolinggo", "--period", "2025-2034")
    assert code == 0
    kept = list(target.glob("content.backup-*.build"))
    assert len(kept) == 1 and (kept[0] / "site" / "data" / "plan.json").is_file() and not (target / "build").exists()
    assert kept[0].name == f"{next(target.glob('content.backup-*[0-9]')).name}.build"  # beside its content's backup
    assert f"Previous content's build (its book, site and published version) kept in {kept[0]}" in out
    result = run(target, BuildOptions(pdf=False, search=False))
    assert result.ok
    site = target / "build" / "site"
    assert not (site / "changes.html").exists() and not (site / "data" / "changes.csv").exists()
    assert not any("Changes since version" in str(line) for line in result.summary)
    assert '"plan": {"city": "Kota Probolinggo"' in (site / "data" / "plan.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["new"], ["schema", "--out"]])
def test_a_folder_that_cannot_be_made_is_one_line_not_a_traceback(command: list[str], tmp_path: Path) -> None:
    """``new afile/sub`` and ``schema --out /proc/foo`` ended in NotADirectoryError / FileNotFoundError."""
    a_file = tmp_path / "afile"
    a_file.write_text("not a folder\n", encoding="utf-8")
    places = [a_file / "sub"] + ([Path("/proc/x")] if Path("/proc/self").is_dir() else [])
    for place in places:
        done = _as_a_person([*command, str(place)], tmp_path, "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        reason = "Not a directory" if place.parent == a_file else "No such file or directory"
        assert done.stderr.strip() == f"error: cannot write {place}: {reason}"
    assert a_file.read_text(encoding="utf-8") == "not a folder\n"


def test_python_dash_m_and_help() -> None:
    done = subprocess.run([sys.executable, "-m", "masterplan", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "validate" in done.stdout and "build" in done.stdout


def test_the_command_flushes_everything_before_it_exits() -> None:
    """``main`` leaves with ``os._exit``: what was printed must all be out, and the exit code kept."""
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-m", "masterplan", "schema"], capture_output=True, text=True, check=False,
                          env=buffered)
    assert done.returncode == 0
    assert set(json.loads(done.stdout)) >= {"plan", "pillar", "agency", "glossary"}  # the whole document, parsed
    wrong = subprocess.run([sys.executable, "-m", "masterplan", "build", "--jobs", "0"], capture_output=True,
                           text=True, check=False)
    assert wrong.returncode == 2 and "--jobs" in wrong.stderr



def test_a_plan_folder_that_does_not_exist_is_a_wrong_command_line(tmp_path: Path) -> None:
    """Exit code 2, as documented for a wrong command line (it was 1, the code for content errors)."""
    for command in ("validate", "build", "serve"):
        result = CliRunner().invoke(cli, [command, str(tmp_path / "tidak-ada")])
        assert result.exit_code == 2 and "does not exist" in result.output, (command, result.output)


def test_a_deleted_agency_file_is_named_once_as_the_likely_cause(tmp_path: Path) -> None:
    """Deleting diskominfotik.yml gives tens of errors across the plan; after them, one line names
    the ids behind most of them, the most named first, so the reader looks for one cause."""
    import shutil

    from conftest import REPO
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "content" / "agencies" / "diskominfotik.yml").unlink()
    code, out, _ = invoke("validate", str(tmp_path))
    lines = out.strip().splitlines()
    assert code == 1
    cause = lines[-1]
    assert cause.startswith("ids the plan does not have, named by many errors: 'diskominfotik' ")
    named = re.findall(r"'([^']+)' (\d+) times", cause)
    counts = [int(count) for _, count in named]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 3
    for unknown, count in named:  # each count is the errors that name that id
        assert sum(f"'{unknown}'" in line for line in lines[:-2]) == int(count)
    assert "GOV-13" in dict(named)  # a program of the deleted agency that others depend on


def test_no_cause_line_for_an_id_named_once_or_twice(make_plan: Callable[..., Path]) -> None:
    agency = "content/agencies/diskominfo.yml"
    text = re.sub(r"partners: \[\w+", "partners: [dinkess", textwrap.dedent(MINI_FILES[agency]), count=1)
    root = make_plan({agency: text})
    code, out, _ = invoke("validate", str(root))
    assert code == 1 and "'dinkess'" in out
    assert out.strip().splitlines()[-1].startswith("1 error, ")


def _as_a_person(args: list[str], cwd: Path, language: str | None) -> subprocess.CompletedProcess[str]:
    """``masterplan`` run as a person runs it: a new process, where the language is chosen once."""
    env = {k: v for k, v in os.environ.items() if k != "MASTERPLAN_LANG"}
    if language:
        env["MASTERPLAN_LANG"] = language
    return subprocess.run([sys.executable, "-m", "masterplan", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def _help(*args: str, cwd: Path, language: str | None = None) -> str:
    """A command's --help, as read, whatever the lines' wrapping."""
    done = _as_a_person([*args, "--help"], cwd, language)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_help_speaks_indonesian_by_default_and_the_plans_language_inside_a_plan(tmp_path: Path,
                                                                               make_plan: Callable[..., Path]) -> None:
    text = _help("serve", cwd=tmp_path)
    assert text.startswith("Penggunaan: masterplan serve [OPTIONS] [PLAN_DIR]")
    assert "Menampilkan pratinjau situs web selama Anda menyunting" in text and " Opsi: -p, --port" in text
    assert "Port yang dipakai (0: port bebas mana saja)." in text and "[bawaan: 8000;" in text
    assert "Tampilkan pesan ini lalu keluar." in text
    assert "Perintah: build Membuat buku PDF" in _help(cwd=tmp_path)
    assert _help("serve", cwd=tmp_path, language="en").startswith("Usage: masterplan serve")
    english = make_plan({"content/plan.yml": textwrap.dedent(MINI_FILES["content/plan.yml"]) + "language: en\n"})
    assert "Port to listen on (0: any free port). [default: 8000;" in _help("serve", cwd=english / "content")


@pytest.mark.parametrize(("language", "when", "only"), [("id", "bila plan.yml meminta", "hanya"),
                                                        ("en", "when plan.yml asks for", "only")])
def test_help_names_the_summarys_and_the_analysiss_files_where_it_tells_the_folder(language: str, when: str,
                                                                                  only: str, tmp_path: Path) -> None:
    """The folder's shape, in each language: content/executive-summary.md and content/analysis/ beside chapters/,
    read when plan.yml asks for them (validate says so too), and the sample ``new`` copies asks for both."""
    told = _help(cwd=tmp_path, language=language)
    assert "glossary.yml, assets/; executive-summary.md" in told and f"analysis/ {when}" in told
    assert f"analysis/ {only} {when}" in _help("validate", cwd=tmp_path, language=language)
    made = _help("new", cwd=tmp_path, language=language)
    assert "(content/executive-summary.md)" in made and "(content/analysis/NN-<slug>.md)" in made
    assert "'strategic_analysis: true'" in made


@pytest.mark.parametrize(("language", "session", "build"), [
    ("id", "masterplan build # buku PDF, situs, data terbuka di build/; # ringkasan, analisis bila diminta plan.yml",
     ("Data terbuka ditulis ke build/site/data/; ringkasan eksekutif dan buku analisis strategis, masing-masing PDF "
      "di samping buku, ikut dibuat bila plan.yml memintanya.")),
    ("en", "masterplan build # book PDF, site, open data in build/; # summary, analysis PDFs if plan.yml asks",
     ("The open data goes into build/site/data/; the executive summary and the strategic analysis, each a PDF beside "
      "the book, are built too when plan.yml asks for them."))])
def test_help_says_build_writes_the_open_data_and_the_summary_and_analysis_asked_for(language: str, session: str,
                                                                                       build: str,
                                                                                       tmp_path: Path) -> None:
    """The typical session's build line said only "build/masterplan.pdf and build/site/"; build's own help and the
    README's line say the same as it."""
    assert session in _help(cwd=tmp_path, language=language)
    assert build in _help("build", cwd=tmp_path, language=language)
    using = (REPO / "README.md").read_text(encoding="utf-8").split("```sh")[2].splitlines()  # "Using it"
    at = next(number for number, line in enumerate(using) if line.startswith("masterplan build "))
    readme = " ".join(" ".join(using[at:at + 2]).split())  # the line and the comment going on under it
    assert "build/site/data/" in readme and "masterplan-summary.pdf and -analysis.pdf when plan.yml asks" in readme


def test_the_version_line_is_said_in_the_readers_language(tmp_path: Path) -> None:
    from masterplan import __version__
    assert _as_a_person(["--version"], tmp_path, None).stdout == f"masterplan, versi {__version__}\n"
    assert _as_a_person(["--version"], tmp_path, "en").stdout == f"masterplan, version {__version__}\n"


def _mistyped(*args: str, cwd: Path, language: str | None = None) -> str:
    """What a mistyped command line prints, its exit code checked."""
    done = _as_a_person(list(args), cwd, language)
    assert done.returncode == 2, done.stderr
    return done.stderr


def test_a_mistyped_command_line_is_told_in_the_readers_language(tmp_path: Path) -> None:
    said = _mistyped("biuld", cwd=tmp_path)
    assert "Kesalahan: Tidak ada perintah 'biuld'. Maksud Anda 'build'?" in said
    assert "Lihat 'masterplan --help' untuk bantuan." in said and "Error" not in said
    assert "Kesalahan: Tidak ada opsi '--foo'. Maksud Anda '--pdf'?" in _mistyped("build", "--foo", cwd=tmp_path)
    missing = tmp_path / "tidak-ada"
    assert f"Nilai tidak sah untuk '[PLAN_DIR]': Folder '{missing}' tidak ada." in _mistyped(
        "build", str(missing), cwd=tmp_path)
    assert "'--jobs' / '-j': 0 di luar rentang x>=1." in _mistyped("build", "-j", "0", cwd=tmp_path)
    assert "Argumen belum diberikan 'DIRECTORY'." in _mistyped("new", cwd=tmp_path)
    english = _mistyped("build", str(missing), cwd=tmp_path, language="en")
    assert f"Error: Invalid value for '[PLAN_DIR]': Directory '{missing}' does not exist." in english


def test_every_help_text_has_its_indonesian(tmp_path: Path) -> None:
    """A command or option added without its words in templates/i18n/cli.yml would show English help."""
    import inspect

    import click

    from masterplan.cli_help import CLICK_WORDS
    from masterplan.i18n import load_catalog
    catalog = load_catalog(())
    texts = list(CLICK_WORDS)

    def walk(command: click.Command, context: click.Context) -> None:
        texts.extend(p if p.startswith("\b") else " ".join(p.split())
                     for p in inspect.cleandoc(command.help or "").split("\n\n"))  # as click shows it
        texts.extend(" ".join(p.help.split()) for p in command.get_params(context) if getattr(p, "help", None))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, click.Context(sub, info_name=name, parent=context))
    walk(cli, click.Context(cli, info_name="masterplan"))
    assert len(texts) > 30
    assert [text for text in texts if "id" not in catalog.get(text, {})] == []


def test_validate_finds_a_field_the_plan_lacks_in_a_website_template_override(tmp_path: Path) -> None:
    """validate said "Tidak ada masalah." for a footer override printing {{ plan.kota }}, which failed the build."""
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    footer = (REPO / "templates" / "site" / "footer.html").read_text(encoding="utf-8")
    assert "{{ plan.title | t_lang }}" in footer
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "footer.html").write_text(footer.replace("{{ plan.title | t_lang }}",
                                                                                "{{ plan.kota }}", 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "masterplan", "validate", str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    said = [line for line in done.stdout.splitlines() if "E702" in line]
    assert len(said) == 1 and said[0].startswith("templates/site/footer.html:"), done.stdout  # once, not per page
    assert "a plan has no field 'kota'" in said[0] and "did you mean 'city'?" in said[0]


def test_validate_finds_a_field_the_plan_lacks_in_a_print_template_override(tmp_path: Path) -> None:
    """validate said "Tidak ada masalah." for a glossary override printing {{ plan.kota }}, and the build then
    stopped on it (E603): validate renders the book's print HTML, as the build does before laying it out."""
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    glossary = (REPO / "templates" / "print" / "parts" / "glossary.html").read_text(encoding="utf-8")
    assert "<dt>{{ term }}</dt>" in glossary
    (tmp_path / "templates" / "print" / "parts").mkdir(parents=True)
    (tmp_path / "templates" / "print" / "parts" / "glossary.html").write_text(
        glossary.replace("<dt>{{ term }}</dt>", "<dt>{{ plan.kota }} {{ term }}</dt>", 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "masterplan", "validate", str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    said = [line for line in done.stdout.splitlines() if "E603" in line]
    assert len(said) == 1 and said[0].startswith("templates/print/parts/glossary.html:3:"), done.stdout
    assert "'kota'" in said[0] and "'city'" in said[0]


def test_a_template_included_by_a_misspelt_name_is_said_as_such_with_the_name_meant(make_plan: Callable[..., Path]) -> None:
    """`{% include "print/runing.html" %}` in a cover override was said as "print template error: print/runing.html",
    the bare name: neither that no such template exists nor the one meant."""
    root = make_plan()
    cover = (REPO / "templates" / "print" / "cover.html").read_text(encoding="utf-8")
    assert '{% include "print/running.html" %}' in cover
    (root / "templates" / "print").mkdir(parents=True)
    (root / "templates" / "print" / "cover.html").write_text(
        cover.replace('{% include "print/running.html" %}', '{% include "print/runing.html" %}'), encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    assert code == 1 and ("error[E603]: print template error: the theme has no template 'print/runing.html' "
                          "(did you mean 'print/running.html'?)") in out, out


def test_validate_finds_a_failing_template_only_a_companion_book_uses(tmp_path: Path) -> None:
    """The executive summary's own part (its key figures) printing {{ plan.kota }}: the book never renders it, so
    validate said "Tidak ada masalah." and only the build's summary failed. Now validate renders the summary's and
    the strategic analysis's print HTML too, where plan.yml asks for them; a cover all three books print, failing,
    is told once."""
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    parts = tmp_path / "templates" / "print" / "parts"
    parts.mkdir(parents=True)
    key_figures = (REPO / "templates" / "print" / "parts" / "summary_key_figures.html").read_text(encoding="utf-8")
    (parts / "summary_key_figures.html").write_text(key_figures.replace("{% set key = key_figures %}",
                                                                        "{% set key = key_figures %}{{ plan.kota }}", 1),
                                                    encoding="utf-8")
    cover = (REPO / "templates" / "print" / "cover.html").read_text(encoding="utf-8")
    (parts.parent / "cover.html").write_text("{{ plan.nothing }}\n" + cover, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "masterplan", "validate", str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    said = sorted(line for line in done.stdout.splitlines() if "E603" in line)
    line = 1 + key_figures.splitlines().index("{% set key = key_figures %}")
    assert [entry.split(": error")[0] for entry in said] == [
        "templates/print/cover.html:1:1", f"templates/print/parts/summary_key_figures.html:{line}:1"], done.stdout
    assert "'kota'" in said[1] and "'city'" in said[1]


def test_a_build_never_compares_the_plan_with_another_city_s_last_build(tmp_path: Path) -> None:
    """The sample made another city's by hand (its city, version and date edited in plan.yml, build/ left as it was):
    the sample's last build is another plan, not a version of this one, so there are no changes to publish."""
    target = tmp_path / "kota"
    assert invoke("new", str(target))[0] == 0
    assert run(target, BuildOptions(pdf=False, search=False)).ok
    plan_yml = target / "content" / "plan.yml"
    written = plan_yml.read_text(encoding="utf-8")
    assert "city: Kota Pasuruan\n" in written and 'version: "1.0"' in written
    plan_yml.write_text(written.replace('version: "1.0"', 'version: "1.1"'), encoding="utf-8")
    agency = target / "content" / "agencies" / "dishub.yml"
    line = "{year: 2023, amount: 900000000, source: APBD}"
    agency.write_text(agency.read_text(encoding="utf-8").replace(line, line.replace("900000000", "950000000"), 1),
                      encoding="utf-8")
    again = run(target, BuildOptions(pdf=False, search=False))  # the same city's next version: compared
    assert again.ok and any("Changes since version 1.0" in str(line) for line in again.summary), again.summary
    plan_yml.write_text(written.replace("city: Kota Pasuruan\n", "city: Kota Probolinggo\n")
                        .replace('version: "1.0"', 'version: "0.1"'), encoding="utf-8")
    agency.write_text(agency.read_text(encoding="utf-8").replace("950000000", "990000000", 1), encoding="utf-8")
    other = run(target, BuildOptions(pdf=False, search=False))
    assert other.ok and not any("Changes since" in str(line) for line in other.summary), other.summary
    assert not (target / "build" / "site" / "changes.html").exists()


def test_validate_says_which_files_it_could_not_check_further(mini_plan: Path) -> None:
    """An agency's id that differs from its file name: validate said only "1 error, 0 warnings", and the budget line of
    a year outside the plan in the same file, hidden behind it, came in the next round. The files not read say so."""
    agency = mini_plan / "content" / "agencies" / "bpkad.yml"
    written = agency.read_text(encoding="utf-8")
    agency.write_text(written.replace("id: bpkad", "id: keuangan", 1).replace("{year: 2023, amount: 50000000",
                                                                             "{year: 2036, amount: 50000000"),
                      encoding="utf-8")
    code, out, _ = invoke("validate", str(mini_plan))
    assert code == 1 and "E105" in out and "2036" not in out
    assert out.splitlines()[-1] == ("Not checked further until its errors above are fixed: content/agencies/bpkad.yml; "
                                    "run validate again then"), out
    code, out, _ = invoke("validate", str(mini_plan), "--format", "json")
    assert code == 1 and json.loads(out) and "Not checked further" not in out  # the JSON is the diagnostics alone
    agency.write_text(written.replace("{year: 2023, amount: 50000000", "{year: 2036, amount: 50000000"), encoding="utf-8")
    code, out, _ = invoke("validate", str(mini_plan))  # read now: its own problem told, nothing left unchecked
    assert code == 1 and "2036" in out and "Not checked further" not in out


def test_validate_says_which_program_it_could_not_check_further(mini_plan: Path) -> None:
    """A negative amount left program GOV-01 out of the checks: validate said "1 error, 0 warnings", and the budget
    line pasted twice in it (W308, counted twice in every total) came only once the amount was mended. The program
    not checked further is now named."""
    agency = mini_plan / "content" / "agencies" / "diskominfo.yml"
    written = agency.read_text(encoding="utf-8")
    pasted = written.replace("      - {year: 2023, amount: 300000000, source: APBD}\n",
                             "      - {year: 2023, amount: 300000000, source: APBD}\n" * 2)
    assert pasted != written
    agency.write_text(pasted.replace("amount: 250000000", "amount: -250000000"), encoding="utf-8")
    code, out, _ = invoke("validate", str(mini_plan))
    assert code == 1 and "E304" in out and "W308" not in out, out
    assert out.splitlines()[-1] == ("Not checked further until its errors above are fixed: "
                                    "content/agencies/diskominfo.yml (GOV-01); run validate again then"), out
    agency.write_text(pasted, encoding="utf-8")
    code, out, _ = invoke("validate", str(mini_plan))
    assert "W308" in out and "Not checked further" not in out, out


def test_new_with_force_leaves_all_as_it_was_when_the_build_cannot_be_set_aside(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A build/ that cannot be moved (a mount point: EBUSY) left the folder without content/ when the content was
    set aside first: the build goes first now, and its failure leaves the content where it was."""
    from masterplan import project

    target = tmp_path / "kota"
    project.scaffold(target)
    (target / "build").mkdir()
    mine = target / "content" / "plan.yml"
    mine.write_text(mine.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    rename = Path.rename

    def busy(self: Path, to: Path) -> Path:
        if self.name == "build":
            raise OSError(16, "Device or resource busy", str(self))
        return rename(self, to)

    monkeypatch.setattr(Path, "rename", busy)
    with pytest.raises(OSError):
        project.scaffold(target, force=True)
    assert mine.read_text(encoding="utf-8").endswith("# my edit\n")
    assert not list(target.glob("content.backup-*")) and (target / "build").is_dir()


def test_validate_given_an_agencys_file_reports_that_file(make_plan: Callable[..., Path]) -> None:
    """An agency's staff ran `validate dinkes.yml` to check their own file and got "is a file, not a folder". The
    whole plan is checked, their file's problems reported, the others counted; the exit code is their file's."""
    root = make_plan({"content/agencies/bpkad.yml": MINI_FILES["content/agencies/bpkad.yml"].replace(
        "period: {start: 2022, end: 2023}", "period: {start: 2022, end: 2029}"),
        "content/agencies/diskominfo.yml": MINI_FILES["content/agencies/diskominfo.yml"].replace(
        "partners: [bpkad]", "partners: [bpkad, dinsos]")})
    whole = json.loads(invoke("validate", str(root), "--format", "json")[1])
    assert {d["file"] for d in whole} == {"content/agencies/bpkad.yml", "content/agencies/diskominfo.yml"}
    code, out, _ = invoke("validate", str(root / "content" / "agencies" / "bpkad.yml"))
    mine = [d for d in whole if d["file"] == "content/agencies/bpkad.yml"]
    assert code == 1 and out.count("content/agencies/bpkad.yml:") == len(mine) and "content/pillars" not in out
    others = [d for d in whole if d["file"] != "content/agencies/bpkad.yml"]
    errors = sum(d["severity"] == "error" for d in others)
    assert f"The plan's other files: {errors} error" in out
    code, out, _ = invoke("validate", str(root / "content" / "plan.yml"))
    assert code == 0 and "No problems found in content/plan.yml." in out


def test_validate_given_a_file_says_nothing_of_another_file_not_checked_further(mini_plan: Path) -> None:
    """`validate dinkes.yml` printed "Not checked further until its errors above are fixed: …/bpkad.yml", errors it
    did not show; the file asked for, not checked further itself, still says so."""
    agency = mini_plan / "content" / "agencies" / "bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("id: bpkad", "id: keuangan", 1), encoding="utf-8")
    code, out, _ = invoke("validate", str(mini_plan / "content" / "agencies" / "diskominfo.yml"))
    assert "Not checked further" not in out and "bpkad" not in out, out
    assert "The plan's other files: 1 error" in out
    code, out, _ = invoke("validate", str(agency))
    assert code == 1 and out.splitlines()[-1].startswith("Not checked further until its errors above are fixed: "
                                                         "content/agencies/bpkad.yml"), out
