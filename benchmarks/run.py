"""The benchmark: build generated plans (S, M, optionally L) and compare with MkDocs and Hugo.

Every figure is a cold process run as a user runs it (``python -m masterplan build
--no-pdf``), imports included; the best of ``--repeat`` runs is kept. Peak memory is the
largest resident set of the measured process (or of any one of its children, e.g.
Pagefind), from ``wait4``. Compiled templates are kept in the user's cache folder between
runs, as Python keeps ``__pycache__``; the "first run" row measures a build without them.
Hugo and MkDocs build no search index, so the ratios are given without and with Pagefind's. Results are printed as a Markdown table and written to
``benchmarks/RESULTS.md`` with the machine they were measured on.

Usage::

    python benchmarks/run.py                  # S and M
    python benchmarks/run.py --large          # S, M and L
    python benchmarks/run.py --scales L --no-pdf
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # a sibling module, not a package
import others

PYTHON = [sys.executable, "-m", "masterplan"]
#: the environment measured commands run in: Python writes and reuses bytecode, as in a user's
#: install (some sandboxes set PYTHONDONTWRITEBYTECODE, which recompiles masterplan on every run)
USER_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
USER_ENV["MASTERPLAN_LANG"] = "en"  # the build's summary lines are read below ("PDF: 76 pages")


@dataclass
class Run:
    """One measured process: wall-clock seconds, peak memory, what it printed."""

    seconds: float
    peak_mb: float
    ok: bool
    output: str


@dataclass
class Row:
    """One line of the results table: a figure per scale."""

    label: str
    cells: dict[str, str] = field(default_factory=dict)


def measure(command: list[str], repeat: int = 1, cwd: Path | None = None, env: dict[str, str] | None = None,
            exit_codes: tuple[int, ...] = (0,)) -> Run:
    """Run ``command`` ``repeat`` times; the fastest run, with the largest peak memory seen; a run ending with a code
    not in ``exit_codes`` failed."""
    best: Run | None = None
    peak = 0.0
    env = env or USER_ENV
    for _ in range(repeat):
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env=env)
        output = process.stdout.read() if process.stdout else ""
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss / 1024)
        run = Run(seconds, peak, process.returncode in exit_codes, output)
        if not run.ok:
            print(f"  FAILED ({process.returncode}): {' '.join(command)}\n{output[-2000:]}", file=sys.stderr)
            return run
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    best.peak_mb = peak
    return best


#: the reference the PDF's ``--jobs 1`` is measured against: the same build, but its print HTML laid out by
#: WeasyPrint in one pass (``BuildOptions(jobs=SINGLE_PASS)``, the single-pass renderer the tests compare the
#: joined book with), no parts, no cache; a cold process as the CLI's
ONE_PASS = [sys.executable, "-c", (
    "import sys; from pathlib import Path; from masterplan.build import BuildOptions, run; "
    "from masterplan.render.pdf import SINGLE_PASS; "
    "sys.exit(0 if run(Path(sys.argv[1]), BuildOptions(site=False, cache=False, jobs=SINGLE_PASS)).ok else 1)")]


def edit_one_program(root: Path, mark: str) -> str:
    """Rename the last program of the last agency file (text edit, as a person would); returns its id."""
    path = max((root / "content" / "agencies").glob("*.yml"))
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"^\s*- id: (\S+)\s*$", text, flags=re.MULTILINE)
    start = text.index(f"- id: {ids[-1]}")
    name = re.compile(r"^(\s+name: )(\"?)(.*?)(\"?)$", re.MULTILINE).search(text, start)
    assert name is not None
    path.write_text(text[:name.start(3)] + f"{name.group(3)} ({mark})" + text[name.end(3):], encoding="utf-8")
    return ids[-1]


def lengthen_first_chapter(root: Path) -> None:
    """Add a page of prose to the end of chapter 1 (the preface, ``00-``, is numbered apart in roman
    numerals): every page after it moves on."""
    path = min(path for path in (root / "content" / "chapters").glob("*.md") if not path.name.startswith("00"))
    paragraph = "Paragraf tambahan untuk revisi: " + "kalimat yang cukup panjang untuk mengisi baris. " * 10
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + "\n\n".join([paragraph] * 8) + "\n")


def pdf_jobs_supported() -> bool:
    """Whether the PDF renderer does anything with ``--jobs`` yet."""
    from masterplan import render
    folder = Path(render.__file__).parent
    return any("options.jobs" in p.read_text(encoding="utf-8") for p in folder.glob("*.py"))


def seconds(run: Run) -> str:
    return f"{run.seconds:.2f} s" if run.ok else "failed"


def bench_scale(scale: str, work: Path, args: argparse.Namespace, rows: dict[str, Row]) -> None:
    """Every figure for one scale, added to ``rows``."""
    def put(label: str, value: str) -> None:
        rows.setdefault(label, Row(label)).cells[scale] = value

    root = generate.generate(work / scale / "plan", scale, seed=args.seed)
    plan = root.as_posix()
    print(f"[{scale}] generated in {root}", file=sys.stderr)
    validate = measure([*PYTHON, "validate", plan], args.repeat)
    put("validate", seconds(validate))
    with tempfile.TemporaryDirectory(prefix="masterplan-bench-xdg-") as fresh:  # nothing compiled yet
        first = measure([*PYTHON, "build", "--no-pdf", "--no-cache", "--no-search", plan],
                        env={**USER_ENV, "XDG_CACHE_HOME": fresh})
    put("HTML build, first run on the machine (templates compiled), no search index", seconds(first))
    html_only = measure([*PYTHON, "build", "--no-pdf", "--no-cache", "--no-search", plan], args.repeat)
    put("HTML build, full (--no-cache), no search index", seconds(html_only))
    html = measure([*PYTHON, "build", "--no-pdf", "--no-cache", plan], args.repeat)
    put("HTML build, full (--no-cache), with Pagefind search index", seconds(html))
    pagefind = search_seconds(html.output)
    put("  of which Pagefind", f"{pagefind:.2f} s" if pagefind is not None else "n/a")
    put("HTML pages", str(sum(1 for _ in (root / "build" / "site").rglob("*.html"))))
    put("HTML peak memory", f"{html.peak_mb:.0f} MB")
    put("HTML build, nothing changed", seconds(measure([*PYTHON, "build", "--no-pdf", plan], args.repeat)))
    edited = edit_one_program(root, "revisi 1")
    html_edit = measure([*PYTHON, "build", "--no-pdf", plan])
    rendered = re.search(r"\((\d+) rendered\)", html_edit.output)
    put("HTML build after one-program edit", seconds(html_edit)
        + (f" ({rendered.group(1)} pages rendered)" if rendered else ""))
    put("preview: edit → page rewritten (warm)", preview_seconds(root, edited))
    if args.pdf and scale in args.pdf_scales:
        jobs = ["1", str(os.cpu_count() or 1)] if pdf_jobs_supported() else [""]
        # first: the part cache the edits below reuse is then the one --jobs N wrote
        alone = measure([*ONE_PASS, plan]) if "1" in jobs else None
        full: dict[str, Run] = {}
        for job in jobs:
            flags = ["--jobs", job, "--no-cache"] if job else []
            pdf = full[job] = measure([*PYTHON, "build", "--no-site", *flags, plan])
            label = f"PDF build, full (--jobs {job})" if job else "PDF build, full"
            put(label, seconds(pdf))
            put(f"PDF peak memory{f' (--jobs {job})' if job else ''}", f"{pdf.peak_mb:.0f} MB")
            pages = re.search(r"PDF: (\d+) pages", pdf.output)
            put("PDF pages", pages.group(1) if pages else "?")
        if len(full) == 2 and all(run.ok for run in full.values()):
            put(f"PDF --jobs {jobs[1]} ÷ --jobs 1 (speed-up)", f"{full['1'].seconds / full[jobs[1]].seconds:.2f}×")
        if alone is not None:
            put("WeasyPrint alone: one pass over the same print HTML", seconds(alone))
            put("WeasyPrint alone, peak memory", f"{alone.peak_mb:.0f} MB")
            if alone.ok and full["1"].ok:
                put("PDF --jobs 1 ÷ WeasyPrint alone", f"{full['1'].seconds / alone.seconds:.2f}×")
        before = {path: path.read_bytes() for path in (root / "content" / "agencies").glob("*.yml")}
        edit_one_program(root, "revisi 2")
        put("PDF build after one-program edit", seconds(measure([*PYTHON, "build", "--no-site", plan])))
        for path, data in before.items():  # as an editor's undo, saved
            path.write_bytes(data)
        put("PDF build after that edit is undone", seconds(measure([*PYTHON, "build", "--no-site", plan])))
        lengthen_first_chapter(root)
        put("PDF build after an edit that adds a page to chapter 1 (every later page renumbered)",
            seconds(measure([*PYTHON, "build", "--no-site", plan])))
    compare(scale, root, work / scale, args, put, html, html_only)


def search_seconds(output: str) -> float | None:
    """The Pagefind time a build printed ("search index in 1.23 s"), if it ran."""
    found = re.search(r"search index in ([\d.]+) s", output)
    return float(found.group(1)) if found else None


def preview_seconds(root: Path, program_id: str) -> str:
    """From a saved one-program edit to the preview's page being ready, in the warm preview process.

    The fastest of three edits, each after the previous one's deferred warnings ran (a province's take 5 s: an
    edit a second after the last one met them still running, which doubled its time).
    """
    try:
        from masterplan.preview import Preview
    except ImportError:
        return "n/a"
    preview = Preview(root, log=lambda line: None)
    preview.rebuild()
    path = f"program/{program_id}.html"
    best = float("inf")
    for attempt in range(3):
        preview.wait_for_warnings()
        time.sleep(0.1)
        edit_one_program(root, f"preview {attempt}")
        started = time.perf_counter()
        preview.rebuild()
        page = preview.page(path) or ""
        best = min(best, time.perf_counter() - started)
        if f"preview {attempt}" not in page:
            return "stale!"
    return f"{best:.2f} s"


def compare(scale: str, root: Path, work: Path, args: argparse.Namespace, put, html: Run, html_only: Run) -> None:
    """MkDocs and Hugo on the same program pages, and our full HTML build as a ratio to theirs."""
    if args.mkdocs:
        count = others.mkdocs_project(root, work / "mkdocs")
        run = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs" / "mkdocs.yml"),
                       "-d", str(work / "mkdocs" / "site")], args.repeat)
        put("MkDocs, same program pages", f"{seconds(run)} ({count} pages)")
        if run.ok and html.ok:
            put("ours ÷ MkDocs (full HTML, no search index)", f"{html_only.seconds / run.seconds:.2f}×")
            put("ours ÷ MkDocs (full HTML, with Pagefind)", f"{html.seconds / run.seconds:.2f}×")
    if args.hugo:
        count = others.hugo_project(root, work / "hugo")
        run = measure(["hugo", "--quiet", "-s", str(work / "hugo"), "-d", str(work / "hugo" / "public")],
                      args.repeat)
        put("Hugo, same program pages", f"{seconds(run)} ({count} pages)")
        if run.ok and html.ok:
            put("ours ÷ Hugo (full HTML, no search index)", f"{html_only.seconds / run.seconds:.2f}×")
            put("ours ÷ Hugo (full HTML, with Pagefind)", f"{html.seconds / run.seconds:.2f}×")


def machine() -> str:
    """nproc, CPU model, RAM, Python and tool versions, as one Markdown list."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)

    def version(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not installed"
    import weasyprint

    import masterplan
    return "\n".join([
        f"- CPU: {cpu}, {os.cpu_count()} cores (nproc); RAM: {ram} GB; {platform.system()} {platform.release()}",
        (f"- Python {platform.python_version()}; masterplan {masterplan.__version__}; "
        f"WeasyPrint {weasyprint.__version__}"),
        (f"- {version([sys.executable, '-m', 'mkdocs', '--version']).split(' from ')[0]}; "
        f"{version(['hugo', 'version']).split('+')[0]}"),
    ])


def table(rows: dict[str, Row], scales: list[str]) -> str:
    lines = ["| | " + " | ".join(scales) + " |", "|---|" + "---:|" * len(scales)]
    lines += [f"| {row.label} | " + " | ".join(row.cells.get(s, "–") for s in scales) + " |" for row in rows.values()]
    return "\n".join(lines)


START, END = "<!-- figures: written by benchmarks/run.py -->", "<!-- /figures -->"


def write_results(path: Path, figures: str) -> None:
    """Put ``figures`` between the markers of ``path``, keeping the prose around them."""
    text = path.read_text(encoding="utf-8") if path.is_file() else f"## Benchmark\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{head}{START}\n{figures}{END}{rest.split(END, 1)[1]}", encoding="utf-8")


def missing_tools(args: argparse.Namespace) -> list[str]:
    """What the comparison needs and this machine lacks, each said with how to install it (or leave it out): found
    before minutes of building, not as a traceback after them."""
    import importlib.util
    import shutil
    missing = []
    if args.mkdocs and importlib.util.find_spec("mkdocs") is None:
        missing.append("MkDocs is not installed: pip install 'mkdocs>=1.6,<2' (or make bench), or run with --no-mkdocs")
    if args.hugo and shutil.which("hugo") is None:
        missing.append("Hugo is not installed: apt-get install hugo (or make bench), or run with --no-hugo")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark masterplan against MkDocs and Hugo.")
    parser.add_argument("--scales", default="S,M", help="comma-separated scales (default S,M)")
    parser.add_argument("--large", action="store_true", help="add scale L (120 agencies, 3,000 programs; slow)")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip the PDF figures")
    parser.add_argument("--pdf-scales", default="S,M,L", help="scales whose PDF is built (default all chosen)")
    parser.add_argument("--no-mkdocs", dest="mkdocs", action="store_false")
    parser.add_argument("--no-hugo", dest="hugo", action="store_false")
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the fastest counts (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None, help="folder for generated plans (default: a temp dir)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="Markdown file to write")
    args = parser.parse_args(argv)
    if missing := missing_tools(args):
        print("\n".join(missing), file=sys.stderr)
        return 2
    scales = [s.strip().upper() for s in args.scales.split(",") if s.strip()] + (["L"] if args.large else [])
    args.pdf_scales = {s.strip().upper() for s in args.pdf_scales.split(",")}
    rows: dict[str, Row] = {}
    with tempfile.TemporaryDirectory(prefix="masterplan-bench-") as temp:
        work = args.work or Path(temp)
        for scale in dict.fromkeys(scales):
            bench_scale(scale, work, args, rows)
    result = table(rows, list(dict.fromkeys(scales)))
    print(result)
    write_results(args.results, f"Measured {time.strftime('%Y-%m-%d')} with `python benchmarks/run.py "
                  f"{' '.join(sys.argv[1:] if argv is None else argv)}`:\n\n{machine()}\n\n{result}\n")
    print(f"\nwritten to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
