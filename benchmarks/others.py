"""The same program pages as Markdown, built by MkDocs and by Hugo, for comparison.

One ``.md`` file per program holds what our program page shows: name, summary,
description, lead and partner agencies, dependencies, budget table, indicator table
with yearly targets. MkDocs uses its default theme (navigation on every page, as a user
gets it); Hugo gets minimal layouts (it ships no default theme).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from masterplan.formatting import Formats
from masterplan.load import load
from masterplan.model import Plan
from masterplan.programs import Program

HUGO_BASEOF = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n'
HUGO_LIST = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
             '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def program_markdown(program: Program, formats: Formats, years: list[int]) -> str:
    """The body of one program page, as Markdown."""
    lines = [str(program.summary), "", str(program.description), "",
             f"**Perangkat daerah pengampu:** {program.lead.name if program.lead else program.lead_id}", ""]
    if program.partners:
        lines += ["**Perangkat daerah pendukung:** " + ", ".join(str(a.name) for a in program.partners), ""]
    if program.depends_on:
        lines += ["**Bergantung pada:** " + ", ".join(f"[{p.id}]({p.id}.md)" for p in program.depends_on), ""]
    lines += [f"**Periode:** {program.period}", "", "## Anggaran", "", "| Tahun | Sumber | Jumlah |", "|---|---|---:|"]
    lines += [f"| {b.year} | {b.source} | {formats.rupiah(b.amount)} |" for b in program.budget]
    lines += ["", "## Indikator", "", "| Indikator | Satuan | Baseline | " + " | ".join(map(str, years)) + " |",
              "|---|---|---|" + "---|" * len(years)]
    for indicator in program.indicators:
        targets = " | ".join(_cell(indicator.targets.get(year, "")) for year in years)
        lines.append(f"| {_cell(indicator.name)} | {_cell(indicator.unit)} | "
                     f"{_cell(indicator.baseline_value or '')} | {targets} |")
    return "\n".join(lines) + "\n"


def _plan(root: Path) -> Plan:
    plan, report = load(root)
    if plan is None:
        raise SystemExit(f"cannot load {root}: {report.errors[:3]}")
    return plan


def write_pages(root: Path, docs: Path, front_matter: bool) -> int:
    """One Markdown file per program of the plan at ``root`` into ``docs``; returns the count."""
    from masterplan.i18n import Translator, load_catalog
    plan = _plan(root)
    formats = Formats(plan.language, Translator(plan.language, load_catalog(())))
    years = list(plan.period.years)
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for program in plan.programs:
        title = f"{program.id} {program.name}"
        head = f'---\ntitle: "{_cell(title)}"\n---\n\n' if front_matter else f"# {title}\n\n"
        (docs / f"{program.id}.md").write_text(head + program_markdown(program, formats, years), encoding="utf-8")
    index = "Program" if front_matter else "# Program\n\n" + "\n".join(
        f"- [{p.id} {p.name}]({p.id}.md)" for p in plan.programs)
    (docs / ("_index.md" if front_matter else "index.md")).write_text(
        f'---\ntitle: "{index}"\n---\n' if front_matter else index + "\n", encoding="utf-8")
    return len(plan.programs)


def mkdocs_project(root: Path, target: Path) -> int:
    """A MkDocs project of the program pages in ``target``; returns the page count."""
    count = write_pages(root, target / "docs", front_matter=False)
    (target / "mkdocs.yml").write_text("site_name: Masterplan\nuse_directory_urls: false\n", encoding="utf-8")
    return count


def hugo_project(root: Path, target: Path) -> int:
    """A Hugo project of the program pages in ``target``; returns the page count."""
    count = write_pages(root, target / "content" / "program", front_matter=True)
    (target / "hugo.toml").write_text('baseURL = "/"\ntitle = "Masterplan"\nlanguageCode = "id"\n'
                                      'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    return count
