"""Incremental builds: pages reused from the last build must never be stale."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from masterplan import checks
from masterplan.build import BuildOptions, run
from masterplan.diagnostics import Severity
from masterplan.load import load
from masterplan.render.site_links import url_for

REPO = Path(__file__).resolve().parent.parent
QUICK = BuildOptions(pdf=False, search=False)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def build(root: Path, options: BuildOptions = QUICK) -> str:
    result = run(root, options)
    assert result.ok, "\n".join(str(d) for d in result.report.errors)
    assert result.plan is not None
    return "\n".join(result.summary)


def page(root: Path, path: str) -> str:
    return (root / "build" / "site" / path).read_text(encoding="utf-8")


def test_an_edited_program_shows_in_its_page_and_every_page_listing_it(sample: Path) -> None:
    assert "(358 rendered)" not in build(sample)
    plan, _ = load(sample)
    assert plan is not None
    program = plan.programs[0]
    file = sample / program.position.file
    old = str(program.name)
    file.write_text(file.read_text(encoding="utf-8").replace(old, "Program Revisi Kilat", 1), encoding="utf-8")
    summary = build(sample)
    total = len(list((sample / "build" / "site").rglob("*.html")))
    assert f"({total} rendered)" not in summary, "an edit in one file re-rendered the whole site"
    neighbours = [p for p in program.pillar.programs if p is not program][:1]  # its "next" page
    showing = [program, *program.depends_on, *program.dependents, *neighbours, *program.partners, *program.missions]
    assert program.missions
    for path in {url_for(program.pillar), url_for(program.lead), url_for("programs"), *map(url_for, showing)}:
        assert "Program Revisi Kilat" in page(sample, path), path
    assert "0 rendered" in build(sample)  # nothing changed: nothing rendered
    assert "Program Revisi Kilat" in page(sample, url_for(program))


def test_a_budget_edit_shows_on_every_mission_page(sample: Path) -> None:
    """A mission's page gives its share of the whole plan's budget: a program's new amount changes the figures of
    the missions it serves and the share of every other, whose pages are rendered again too."""
    build(sample)
    plan, _ = load(sample)
    assert plan is not None
    def untouched(program: object) -> list[str]:  # missions no program its file leads or supports serves
        file = program.position.file  # type: ignore[attr-defined]
        served = {m.id for p in plan.programs if file in (p.position.file, *(a.position.file for a in p.partners))
                  for m in p.missions}
        return [m.id for m in plan.missions if m.id not in served]

    program = next(p for p in plan.programs if p.missions and p.budget and untouched(p))
    before = {m.id: page(sample, url_for(m)) for m in plan.missions}
    file = sample / program.position.file
    text = file.read_text(encoding="utf-8")
    line = program.budget[0].amount_at.line - 1
    lines = text.splitlines(keepends=True)
    assert f"amount: {program.budget[0].amount}" in lines[line]
    lines[line] = lines[line].replace(f"amount: {program.budget[0].amount}", f"amount: {program.budget[0].amount + 7_000_000_000}")
    file.write_text("".join(lines), encoding="utf-8")
    build(sample)
    for mission in plan.missions:
        assert page(sample, url_for(mission)) != before[mission.id], mission.id
    served = page(sample, url_for(program.missions[0]))
    total = sum(p.total_budget for p in plan.programs if program.missions[0] in p.missions) + 7_000_000_000
    assert f'<data value="{total}"' in served


def test_a_template_edit_renders_every_page_using_it_again(sample: Path) -> None:
    build(sample)
    theme = sample / "templates" / "site"
    theme.mkdir(parents=True)
    original = (REPO / "templates" / "site" / "program.html").read_text(encoding="utf-8")
    (theme / "program.html").write_text(original.replace("{% block main %}", "{% block main %}<p>TANDA-UJI</p>", 1),
                                        encoding="utf-8")
    build(sample)
    plan, _ = load(sample)
    assert plan is not None
    assert all("TANDA-UJI" in page(sample, url_for(p)) for p in plan.programs)


def test_a_damaged_output_file_is_rendered_again(sample: Path) -> None:
    build(sample)
    target = sample / "build" / "site" / "index.html"
    good = target.read_text(encoding="utf-8")
    os.unlink(target)
    target.write_text("tampered", encoding="utf-8")
    build(sample)
    assert page(sample, "index.html") == good


def test_a_program_moved_to_another_sub_element_is_next_where_the_book_now_prints_it(sample: Path,
                                                                                     tmp_path: Path) -> None:
    """A program's page leads to the program the book prints next, sub-element by sub-element. GOV-11 (DPMPTSP's)
    moved from public services to bureaucracy lands after GOV-08, whose page names nothing of DPMPTSP's file: it is
    rendered again and leads to GOV-11, as a build from nothing makes it, and so is every page of the pillar."""
    build(sample)
    plan, _ = load(sample)
    assert plan is not None
    programs = {p.id: p for p in plan.programs}
    moved, before = programs["GOV-11"], programs["GOV-08"]
    assert moved.sub_element_id == "pelayanan_publik" and before.sub_element_id == "manajemen_birokrasi"
    shown = [before, *before.partners, *before.depends_on, *before.dependents]
    assert moved.position.file not in {item.position.file for item in shown}
    file = sample / moved.position.file
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n in range(moved.position.line, len(lines)) if "sub_element: pelayanan_publik" in lines[n])
    lines[at] = lines[at].replace("pelayanan_publik", "manajemen_birokrasi")
    file.write_text("".join(lines), encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.copytree(sample / "content", fresh / "content")
    build(sample)
    build(fresh, BuildOptions(pdf=False, search=False, cache=False))
    assert 'rel="next" href="../program/GOV-11.html"' in page(sample, url_for(before))
    for program in plan.pillars[0].programs:
        assert page(sample, url_for(program)) == page(fresh, url_for(program)), program.id


def test_no_cache_renders_everything(sample: Path) -> None:
    build(sample)
    summary = build(sample, BuildOptions(pdf=False, search=False, cache=False))
    assert "(0 rendered)" not in summary


def test_no_cache_still_keeps_unchanged_pages_as_they_were(sample: Path) -> None:
    """``--no-cache`` renders every page, but a page whose HTML is the same keeps its file (and its
    modification time, which rsync and web caches go by); a changed page gets a new one."""
    no_cache = BuildOptions(pdf=False, search=False, cache=False)
    build(sample, no_cache)
    plan, _ = load(sample)
    assert plan is not None
    edited, untouched = plan.programs[0], plan.programs[-1]
    assert untouched not in [*edited.depends_on, *edited.dependents, *edited.partners, *edited.pillar.programs]
    files = [sample / "build" / "site" / url_for(p) for p in (edited, untouched)]
    before = [file.stat().st_mtime_ns for file in files]
    source = sample / edited.position.file
    source.write_text(source.read_text(encoding="utf-8").replace(str(edited.name), "Nama Tanpa Cache", 1),
                      encoding="utf-8")
    summary = build(sample, no_cache)
    total = len(list((sample / "build" / "site").rglob("*.html")))
    assert f"({total} rendered)" in summary
    after = [file.stat().st_mtime_ns for file in files]
    assert after[1] == before[1], "an unchanged page was written again"
    assert after[0] != before[0]
    assert "Nama Tanpa Cache" in page(sample, url_for(edited))
    mode = files[0].stat().st_mode
    files[1].chmod(0o600)  # changed by hand (say, so the web server cannot read it): written anew, as any new file
    build(sample, no_cache)
    assert files[1].stat().st_mode == mode


def test_the_search_index_is_reused_only_when_no_page_changed(sample: Path) -> None:
    from masterplan.render import search
    if search.executable() is None:
        pytest.skip("Pagefind is not installed")
    options = BuildOptions(pdf=False)
    build(sample, options)
    assert "search index unchanged" in build(sample, options)
    glossary = sample / "content" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same pages
    assert "search index unchanged" in build(sample, options)
    plan, _ = load(sample)
    assert plan is not None
    file = sample / plan.programs[0].position.file
    file.write_text(file.read_text(encoding="utf-8").replace(str(plan.programs[0].name), "Nama Baru", 1),
                    encoding="utf-8")
    assert "search index in" in build(sample, options)
    entry = sample / "build" / "site" / "pagefind" / "pagefind-entry.json"
    assert entry.is_file() and (entry.parent / "pagefind.js").is_file()
    entry.unlink()  # an index that is not the one recorded (say, left by a build that failed later)
    entry.write_text("{}", encoding="utf-8")
    assert "search index in" in build(sample, options)
    assert entry.read_text(encoding="utf-8") != "{}"


def test_warning_rules_never_report_errors(sample: Path) -> None:
    """The preview shows the page before the warning rules run and never stops on them: an agency's file saved as
    dishub.yml.txt (E019) showed the plan without Dishub and no error."""
    agencies = sample / "content" / "agencies"
    (agencies / "dishub.yml").rename(agencies / "dishub.yml.txt")
    plan, report = load(sample)
    assert plan is not None
    for program in plan.programs[:5]:  # near-duplicates, missing indicators: warnings all the same
        program.indicators = []
        program.name = plan.programs[0].name
    found = [d for rule in checks.WARNING_RULES for d in rule(plan, report.unreadable)]
    assert found and all(d.severity is Severity.WARNING for d in found)
    assert checks.RULES == [*checks.ERROR_RULES, *checks.WARNING_RULES]
    assert [d.code for rule in checks.ERROR_RULES for d in rule(plan, report.unreadable) if d.code == "E019"] == ["E019"]


def test_the_load_cache_reuses_unchanged_files_and_sees_edits(sample: Path) -> None:
    from masterplan.filecache import FileCache
    cache = FileCache()
    first, _ = load(sample, cache)
    again, _ = load(sample, cache)
    assert first is not None and again is not None
    assert cache.hits >= len(first.agencies)
    file = sample / first.programs[0].position.file
    file.write_text(file.read_text(encoding="utf-8").replace(str(first.programs[0].name), "Nama Baru", 1),
                    encoding="utf-8")
    edited, report = load(sample, cache)
    assert edited is not None and not report.errors
    assert str(edited.program(first.programs[0].id).name) == "Nama Baru"
    # an edit of the same length with the file's time put back (a copy tool, a checkout) is seen too
    status = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("Nama Baru", "Nama Lain", 1), encoding="utf-8")
    os.utime(file, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert file.stat().st_size == status.st_size
    again, _ = load(sample, cache)
    assert again is not None and str(again.program(first.programs[0].id).name) == "Nama Lain"


def workbook_texts(root: Path) -> str:
    """Every cell of the built workbook, as text (its sheets' names are left out)."""
    import openpyxl
    book = openpyxl.load_workbook(root / "build" / "site" / "data" / "plan.xlsx", read_only=True)
    try:
        return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    finally:
        book.close()


def test_the_workbook_is_never_stale(sample: Path) -> None:
    """The last build's plan.xlsx is taken again only while its data and words are the same: an edited program
    shows in it, and a workbook changed by hand in the output is written again."""
    build(sample)
    plan, _ = load(sample)
    assert plan is not None
    program = plan.programs[0]
    source = sample / program.position.file
    source.write_text(source.read_text(encoding="utf-8").replace(str(program.name), "Program Buku Kerja Baru", 1),
                      encoding="utf-8")
    build(sample)
    assert "Program Buku Kerja Baru" in workbook_texts(sample)
    workbook = sample / "build" / "site" / "data" / "plan.xlsx"
    good = workbook.read_bytes()
    build(sample)  # nothing changed: the same workbook
    assert workbook.read_bytes() == good
    os.unlink(workbook)
    workbook.write_bytes(b"not a workbook")
    build(sample)
    assert workbook.read_bytes() == good


def test_the_workbook_follows_the_plans_language(sample: Path) -> None:
    """An English edition of the same data has English words in its workbook, not the last build's Indonesian."""
    build(sample)
    assert "Anggaran per Dimensi dan Tahun" in workbook_texts(sample)
    plan_yml = sample / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("language: id ", "language: en ", 1),
                        encoding="utf-8")
    build(sample)
    texts = workbook_texts(sample)
    assert "Budget by pillar and year" in texts and "Anggaran per Dimensi dan Tahun" not in texts


def test_a_kept_workbook_is_written_only_when_what_it_shows_changed(tmp_path: Path) -> None:
    from masterplan.render.workbook_kept import KeptWorkbook
    written: list[Path] = []

    def write(path: Path) -> None:
        written.append(path)
        path.write_bytes(f"workbook {len(written)}".encode())

    def output(name: str, reuse: bool = True) -> Path:
        """Write the workbook of a build into its own folder ``name``, as a build's staging folder, then keep it."""
        last = tmp_path / "build" / "site" / "plan.xlsx"
        folder = tmp_path / name
        folder.mkdir()
        KeptWorkbook(tmp_path / "build", last, reuse).write(folder / "plan.xlsx", key, write)
        last.parent.mkdir(parents=True, exist_ok=True)
        last.unlink(missing_ok=True)  # the new output replaces the last
        shutil.copyfile(folder / "plan.xlsx", last)
        return folder / "plan.xlsx"

    key = "a"
    assert output("first").read_bytes() == b"workbook 1"
    assert output("same").read_bytes() == b"workbook 1" and len(written) == 1
    assert output("no-cache", reuse=False).read_bytes() == b"workbook 2"
    key = "b"
    assert output("changed").read_bytes() == b"workbook 3"
    (tmp_path / "build" / "site" / "plan.xlsx").unlink()
    (tmp_path / "build" / "site" / "plan.xlsx").write_bytes(b"edited by hand")
    assert output("edited").read_bytes() == b"workbook 4"


def test_an_edit_saved_during_a_build_is_never_kept_under_its_own_key(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's operator saved a program's name as "A", then as "B" while the build of A laid out the PDF: the
    build of A keyed its pages by the files as they were once the PDF was done, B, so the build of B (and every build
    after, and a restart) took A's page as B's. build/site/program/GOV-01.html said A for good while plan.json and
    the PDF said B. A page's key now names the files as the build found them before reading them."""
    from masterplan import build as building

    root = make_plan()
    agency = root / "content" / "agencies" / "diskominfo.yml"
    text = agency.read_text(encoding="utf-8")
    build(root)
    agency.write_text(text.replace("e-Sambat (Media Sambat Masyarakat)", "e-Sambat A"), encoding="utf-8")
    read = building.load_and_check

    def read_then_saved(*args: object, **kwargs: object) -> object:
        checked = read(*args, **kwargs)  # type: ignore[arg-type]
        agency.write_text(text.replace("e-Sambat (Media Sambat Masyarakat)", "e-Sambat B"), encoding="utf-8")
        return checked

    monkeypatch.setattr(building, "load_and_check", read_then_saved)
    build(root)  # the build of A, B saved meanwhile
    assert "e-Sambat A" in page(root, "program/GOV-01.html")
    monkeypatch.undo()
    build(root)  # the build of B
    assert "e-Sambat B" in page(root, "program/GOV-01.html") and "e-Sambat A" not in page(root, "program/GOV-01.html")
    assert "e-Sambat B" in page(root, "data/plan.json")
