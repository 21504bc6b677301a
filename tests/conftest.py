"""Shared fixtures: tiny scratch plans written into tmp_path, and the sample plan."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

#: the tool's cache (compiled templates and code, kept parses) for this test session alone: the
#: thousands of plans the tests make would otherwise pile up in the user's own cache
SESSION_CACHE = tempfile.mkdtemp(prefix="masterplan-test-cache-")
os.environ["XDG_CACHE_HOME"] = SESSION_CACHE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read what validate and build say in English, the language the code writes them in.

    A user hears them in the plan's language; test_messages.py checks that every one has
    its Indonesian translation and removes this setting to run the command as a user does.
    The command line's words are looked up once per process (a user's runs in one language):
    a test that ran it in Indonesian must not leave them so for the next.
    """
    from masterplan import cli_help
    from masterplan.cli import cli

    monkeypatch.setenv("MASTERPLAN_LANG", "en")
    cli_help._translate.cache_clear()
    commands = [cli]
    while commands:  # click keeps each command's help option, its text said in the language of then
        command = commands.pop()
        command._help_option = None
        commands.extend(getattr(command, "commands", {}).values())

CHROMIUM = Path("/usr/bin/chromium")  #: Debian's, which the browser tests drive through Playwright
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium for the module's tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records console errors, page errors and requests leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text} at {m.location.get('url')}")
           if m.type == "error" else None)
    tab.on("response", lambda r: tab.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("request", lambda r: tab.problems.append(f"external request: {r.url}")
           if not r.url.startswith(("http://127.0.0.1", "file://", "data:")) else None)
    yield tab
    context.close()


MINI_FILES: dict[str, str] = {
    "content/plan.yml": """\
        city: Kota Contoh
        province: Jawa Timur
        title: Masterplan Smart City Kota Contoh 2022–2026
        period: {start: 2022, end: 2026}
        version: "0.1"
        status: draft
        date: 2021-12-01
        leading_sector: diskominfo
        vision: Kota cerdas yang melayani.
        missions:
          - {id: m1, text: Tata kelola yang baik}
          - {id: m2, text: Ekonomi yang tumbuh}
        legal_basis: [Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah]
        readiness:
          - {element: struktur, aspect: SDM TIK, condition: Terbatas, gap: Kurang pelatihan, recommendation: Pelatihan}
        """,
    "content/pillars/governance.yml": """\
        id: governance
        name: {id: Smart Governance, en: Smart Governance}
        order: 1
        summary: Pemerintahan yang melayani.
        sub_elements:
          - {id: pelayanan_publik, name: {id: Pelayanan Publik, en: Public Services}}
        goals: [Layanan daring]
        indicators:
          - name: Indeks SPBE
            unit: indeks
            baseline: {year: 2021, value: 2.1}
            targets: {2022: 2.3, 2026: 3.5}
        """,
    "content/pillars/economy.yml": """\
        id: economy
        name: Smart Economy
        order: 2
        sub_elements:
          - {id: transaksi_keuangan, name: Ekosistem Transaksi Keuangan}
        """,
    "content/agencies/diskominfo.yml": """\
        id: diskominfo
        name: Dinas Komunikasi dan Informatika
        short_name: Diskominfo
        kind: dinas
        programs:
          - id: GOV-01
            name: e-Sambat (Media Sambat Masyarakat)
            pillar: governance
            sub_element: pelayanan_publik
            summary: Aduan warga ditanggapi dalam 10 menit.
            description: Warga **mengadu** lewat aplikasi.
            quick_win: true
            partners: [bpkad]
            period: {start: 2022, end: 2024}
            budget:
              - {year: 2022, amount: 250000000, source: APBD}
              - {year: 2023, amount: 300000000, source: APBD}
              - {year: 2024, amount: 100000000, source: APBD}
            indicators:
              - name: Aduan ditanggapi dalam 10 menit
                unit: persen
                baseline: {year: 2021, value: 40}
                targets: {2022: 60, 2023: 80, 2024: 90}
            missions: [m1]
            status: ongoing
        """,
    "content/agencies/bpkad.yml": """\
        id: bpkad
        name: Badan Pengelolaan Keuangan dan Aset Daerah
        short_name: BPKAD
        kind: badan
        supports: [GOV-01]
        programs:
          - id: ECO-01
            name: Transaksi Non-Tunai
            pillar: economy
            sub_element: transaksi_keuangan
            quick_win: true
            period: {start: 2022, end: 2023}
            budget: [{year: 2022, amount: 50000000, source: APBN}, {year: 2023, amount: 50000000, source: APBN}]
            indicators:
              - name: Retribusi non-tunai
                unit: persen
                baseline: {year: 2021, value: 10}
                targets: {2022: 50, 2023: 80}
            depends_on: [GOV-01]
            missions: [m2]
        """,
    "content/chapters/01-pendahuluan.md": """\
        ---
        title: Pendahuluan
        ---
        ## Latar Belakang

        Rencana ini memuat {{ plan.programs | length }} program dari {{ plan.agencies | length }} OPD,
        termasuk e-Sambat [[GOV-01]].
        """,
    "content/glossary.yml": """\
        terms:
          - {term: APBD, definition: Anggaran Pendapatan dan Belanja Daerah}
          - {term: APBN, definition: Anggaran Pendapatan dan Belanja Negara}
          - {term: OPD, definition: Organisasi Perangkat Daerah}
          - {term: SDM, definition: Sumber Daya Manusia}
          - {term: SPBE, definition: Sistem Pemerintahan Berbasis Elektronik}
          - {term: TIK, definition: Teknologi Informasi dan Komunikasi}
        """,
}


#: The mini plan's first chapter, referring forward to a pillar's matrix, a table and a program.
XREF_CHAPTER = """\
    ---
    title: Pendahuluan
    ---
    ## Latar Belakang

    Matriks program ekonomi ada pada [[tab:program-economy]]; e-Sambat adalah [[GOV-01]].
    Anggaran per sumber: [[tab:budget-source]]. Setiap OPD mengisi programnya sendiri.
    """

#: A chapter after the pillar chapters, so the chapters before it refer forward and back.
CLOSING = """\
    ---
    title: Penutup
    ---
    ## Tindak Lanjut

    Kembali ke [[bab:pendahuluan]] dan [[GOV-01]]; anggaran ada pada [[tab:budget-pillar]].
    """


def finalised(plan_yml: str) -> str:
    """A plan.yml's text with its status final (the sample's and the mini plan's are drafts)."""
    final = plan_yml.replace("status: draft", "status: final")
    assert final != plan_yml, "no 'status: draft' to change"
    return final


def make_final(root: Path) -> None:
    """Make the plan in ``root`` final, in place."""
    plan = root / "content" / "plan.yml"
    plan.write_text(finalised(plan.read_text(encoding="utf-8")), encoding="utf-8")


def write_plan(root: Path, files: dict[str, str | None]) -> Path:
    """Write the mini plan into ``root``, with ``files`` replacing (or, when None, removing) entries."""
    merged: dict[str, str | None] = {**MINI_FILES, **files}
    for name, text in merged.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked during the test, as they are forked."""
    children: list[int] = []
    fork = os.fork

    def recording_fork() -> int:
        child = fork()
        if child:
            children.append(child)
        return child

    monkeypatch.setattr(os, "fork", recording_fork)
    return children


@pytest.fixture
def make_plan(tmp_path: Path) -> Callable[..., Path]:
    """A factory: ``make_plan({"content/plan.yml": "..."})`` writes a scratch plan and returns its folder."""
    counter = iter(range(1000))

    def make(files: dict[str, str | None] | None = None) -> Path:
        return write_plan(tmp_path / f"plan{next(counter)}", files or {})

    return make


@pytest.fixture
def served(make_plan: Callable[..., Path]) -> Iterator[object]:
    """``masterplan serve --no-pdf`` running on a mini plan (:mod:`serving`), stopped with Ctrl-C after the test."""
    from serving import start, stop

    running = start(make_plan(), "--no-pdf")
    yield running
    stop(running)


@pytest.fixture
def mini_plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan (the repo's content/), copied and built once per test session (PDF + site)."""
    import shutil

    from masterplan.build import BuildOptions, run

    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", root / "content")
    result = run(root, BuildOptions())
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    return root


def sample_copy(root: Path, language: str | None = None) -> Path:
    """The sample plan (the repo's content/) copied into ``root``; with ``language``, its edition in it."""
    import re

    shutil.copytree(REPO / "content", root / "content")
    if language is not None:
        plan_yml = root / "content" / "plan.yml"
        plan_yml.write_text(re.sub(r"(?m)^language: .*$", f"language: {language}",
                                   plan_yml.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def _sample_site(root: Path, language: str | None = None, search: bool = True) -> Path:
    """The sample plan copied into ``root`` and its website built alone (no PDF); returns ``root``."""
    from masterplan.build import BuildOptions, run

    result = run(sample_copy(root, language), BuildOptions(pdf=False, search=search))
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    return root


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan's website alone (no PDF) with its search index, built once per test session, for the tests
    that read it and write nothing in it; returns the plan's folder (its site in build/site)."""
    return _sample_site(tmp_path_factory.mktemp("sample-site"))


@pytest.fixture(scope="session")
def sample_site_unindexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan's website alone (no PDF, no search index), built once per test session, read only."""
    return _sample_site(tmp_path_factory.mktemp("sample-site-unindexed"), search=False)


@pytest.fixture(scope="session")
def english_sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan's English edition (``language: en``; its texts written in Indonesian): its website alone (no
    PDF) with its search index, built once per test session, read only; returns the plan's folder."""
    return _sample_site(tmp_path_factory.mktemp("english-site"), "en")


@pytest.fixture(scope="session")
def english_sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan made its English edition (``language: en``; its texts still written in Indonesian), built once
    per test session: its three books and its site (no search index), for the tests that read them and write
    nothing in them; returns its build/."""
    import re

    from masterplan.build import BuildOptions, run

    root = tmp_path_factory.mktemp("english-sample")
    shutil.copytree(REPO / "content", root / "content")
    plan = root / "content" / "plan.yml"
    written = plan.read_text(encoding="utf-8")
    english = re.sub(r"^language: id\b", "language: en", written, count=1, flags=re.MULTILINE)
    assert english != written, "the sample's plan.yml has no 'language: id' line"
    plan.write_text(english, encoding="utf-8")
    result = run(root, BuildOptions(search=False))
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    return root / "build"


@pytest.fixture(scope="session")
def monitored_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan with realised figures (test_attainment's MONITORED), built once per test session (PDF + site)
    for the tests that read it and write nothing in it; returns its build/."""
    from test_attainment import MONITORED, _built

    return _built(write_plan(tmp_path_factory.mktemp("monitored"), MONITORED))


@pytest.fixture(scope="session")
def cross_referenced_books(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini plan with cross-references forward and back (XREF_CHAPTER, CLOSING), built once per test session in one pass and by parts (2 jobs, no cache read), PDF alone; returns the
    two plan folders (single, parts), for the tests that read them and write nothing in them. A test that builds
    on from one (an edit, a final plan) copies it first (:func:`copied`)."""
    from test_pdf_parts import build, twins

    from masterplan.render.pdf import SINGLE_PASS

    single, parts = twins(tmp_path_factory.mktemp("cross-referenced"), {
        "content/chapters/01-pendahuluan.md": XREF_CHAPTER, "content/chapters/90-penutup.md": CLOSING})
    build(single, SINGLE_PASS)
    build(parts, jobs=2, cache=False)
    return single, parts


#: the sample made another city's plan for other years: ``masterplan new DIR --city NEW_CITY --period NEW_PERIOD``
NEW_CITY, NEW_PERIOD = "Kota Probolinggo", "2025-2034"


def _said(*args: str) -> str:
    """What the command line says to ``args`` (its standard output), asserting it ends well."""
    from click.testing import CliRunner

    from masterplan.cli import cli

    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def new_city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A plan folder made by ``masterplan new --city NEW_CITY --period NEW_PERIOD`` (its messages in English), once per
    test session, and what the command said; read only (test_new_city_period, test_summary_pages)."""
    root = tmp_path_factory.mktemp("probolinggo") / "kota-probolinggo"
    with pytest.MonkeyPatch.context() as patch:  # made before the autouse (per test) English is set
        patch.setenv("MASTERPLAN_LANG", "en")
        said = _said("new", str(root), "--city", NEW_CITY, "--period", NEW_PERIOD)
    return root, said


@pytest.fixture(scope="session")
def new_city_build(new_city: tuple[Path, str]) -> Path:
    """That plan built as its user builds it (``masterplan build --no-search``: its book, executive summary, strategic
    analysis and site), once per test session, read only; returns its build/."""
    root, _ = new_city
    _said("build", str(root), "--no-search")
    return root / "build"

def copied(root: Path, into: Path) -> Path:
    """A plan folder copied whole, its build/ (and the PDF parts cached there) with it, for a test to edit and build
    on without touching a shared build; returns the copy."""
    shutil.copytree(root, into, symlinks=True)
    return into


def generated_plan(out: Path, scale: str | tuple[int, int]) -> Path:
    """A plan folder written into ``out`` by the benchmarks' generator (benchmarks/generate.py): a scale's name
    ("M": 300 programs) or (agencies, programs), the sample grown to them; returns ``out``."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    size = scale if isinstance(scale, str) else module.Scale("T", agencies=scale[0], programs=scale[1])
    return module.generate(out, size)  # type: ignore[no-any-return]
