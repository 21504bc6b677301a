"""masterplan on a system without POSIX's extras, as on Windows: no fcntl, resource, pwd, termios, fork.

Windows itself cannot be run here. What these tests prove: every module of the package imports, and a real
build of the mini plan (site and PDF) succeeds, in a Python where those modules cannot be imported and ``os``
lacks ``fork`` and the other calls Windows has not. What they do not prove: that Windows' own locks (msvcrt,
chosen by filelock there), file sharing and paths behave as Linux's do. Without fcntl on Linux, filelock falls back
to its soft lock (it warns so), a lock file's existence: unlike Windows' lock, it waits for ever on a ``build/.lock``
another kind of lock left, or a killed build left, so each plan here is new.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pdf_reading import page_texts

#: run before anything else in the child: what Windows lacks made unimportable or removed
WITHOUT_POSIX = """
import os, signal, sys
for name in ("fcntl", "resource", "pwd", "termios", "grp"):
    sys.modules[name] = None
for name in ("fork", "forkpty", "nice", "killpg", "setsid", "getpgid", "getuid", "geteuid", "getgid",
             "sched_getaffinity", "O_NOFOLLOW"):
    if hasattr(os, name):
        delattr(os, name)
for name in ("SIGKILL", "SIGHUP", "SIGALRM", "setitimer", "pthread_sigmask"):
    if hasattr(signal, name):
        delattr(signal, name)
"""

IMPORT_ALL = WITHOUT_POSIX + """
import importlib, pkgutil
import masterplan
names = [info.name for info in pkgutil.walk_packages(masterplan.__path__, "masterplan.")
         if not info.name.startswith(("masterplan._theme", "masterplan._sample"))]
for name in names:
    importlib.import_module(name)
print(len(names), "modules")
"""

COMMAND = WITHOUT_POSIX + """
from masterplan.cli import main
sys.argv = ["masterplan", *sys.argv[1:]]
main()
"""


def _without_posix(script: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "MASTERPLAN_LANG": "en"}, timeout=600, check=False)


def test_every_module_imports_without_posix_modules() -> None:
    result = _without_posix(IMPORT_ALL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "modules" and int(result.stdout.split()[0]) > 100


def test_the_mini_plan_validates_and_builds_without_posix_modules(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    checked = _without_posix(COMMAND, "validate", str(root))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = _without_posix(COMMAND, "build", str(root))
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Output in" in built.stdout
    assert "Kota" in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Kota Contoh" in " ".join(page_texts(root / "build" / "masterplan.pdf"))
    assert ", 1 job" in built.stdout  # laid out in this process: no fork to start workers with
    assert not list((root / "build").glob(".staging-*"))
    again = _without_posix(COMMAND, "build", str(root))  # the lock taken and given back a second time
    assert again.returncode == 0, again.stdout + again.stderr


def test_the_preview_serves_the_mini_plan_without_posix_modules(make_plan: Callable[..., Path]) -> None:
    """``masterplan serve`` itself (its first build, watcher and server) in such a Python; its background builds,
    started as ``python -m masterplan build``, run in a Python of this system's."""
    from serving import start, stop

    served = start(make_plan(), "--no-pdf", command=[sys.executable, "-c", COMMAND])
    try:
        status, page = served.get("/")
        assert status == 200 and "Kota Contoh" in page
    finally:
        stop(served)
