"""Full-text search: the built site indexed by Pagefind, offline, at build time.

Pagefind (PyPI ``pagefind[bin]``) writes its index and its small JavaScript API into
``site/pagefind/``; the site's own ``static/search.js`` asks it and lists results.
Only the ``<main data-pagefind-body>`` part of pages is indexed, so the header and
footer of every page do not drown the results. Browsers refuse to load the index from
``file://``, so search needs the site served by any static web server; the search page
says so when opened from disk.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from masterplan.diagnostics import Message, Position, Report, warning

OUTPUT_SUBDIR = "pagefind"
ENTRY = "pagefind-entry.json"  #: Pagefind's entry file: names the index files, changes with them
TIMEOUT_SECONDS = 600
#: Parts of a page's main content that would only clutter result excerpts: column heads, page menus, the roadmap
#: tables' year cells (each says "berjalan" to a screen reader: said here once, not in each of 7,000 cells of a
#: province's roadmap, and twice, on its page and its chapter's)
NOT_INDEXED = ["thead", ".toc", ".pager", ".badges", "table.roadmap td"]
#: what Pagefind writes for its own ready-made search interfaces, which the site's search.js does not load
#: (420 KB of a 4.3 MB site, published for nothing)
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


def executable() -> Path | None:
    """The Pagefind binary shipped by the ``pagefind_bin`` package, if installed."""
    try:
        import pagefind_bin
    except ImportError:
        return None
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError:
        return None


def configuration() -> tuple[str, ...]:
    """How the index is made (binary and options): part of what decides whether it can be reused."""
    binary = executable()
    return (str(binary), OUTPUT_SUBDIR, *NOT_INDEXED, *UNUSED)


def index(site: Path, report: Report) -> float | None:
    """Index ``site`` in place; returns the seconds taken, or None (and a warning) when it failed."""
    binary = executable()
    where = Position("content/plan.yml")
    if binary is None:
        report.add(warning(where, "W711", "search index not built: Pagefind is not installed",
                           "pip install 'pagefind[bin]'"))
        return None
    started = time.perf_counter()
    command = [str(binary), "--site", str(site), "--output-subdir", OUTPUT_SUBDIR, "--keep-index-url", "--silent"]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        report.add(warning(where, "W712", "search index not built: {detail}", detail=str(exc)))
        return None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [Message("no message")]
        report.add(warning(where, "W712", "search index not built: Pagefind failed: {detail}", detail=detail[0]))
        return None
    for name in UNUSED:
        (site / OUTPUT_SUBDIR / name).unlink(missing_ok=True)
    return time.perf_counter() - started
