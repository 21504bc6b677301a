"""An installed masterplan (a wheel, outside the repository) still has its theme and sample plan."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_carries_theme_and_sample_and_scaffolds_outside_the_repo(tmp_path: Path) -> None:
    source = tmp_path / "source"  # setuptools builds in-tree; keep its build/ out of the repository's
    for name in ("masterplan", "templates", "content"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
                   check=True)
    wheel = next(wheels.glob("masterplan-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "masterplan/_theme/i18n/messages.yml" in names
    assert "masterplan/_sample/plan.yml" in names
    installed = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    script = ("import masterplan, sys; from masterplan.resources import theme_dir, sample_dir;"
              "assert str(theme_dir()).startswith(sys.argv[1]), theme_dir();"
              "assert str(sample_dir()).startswith(sys.argv[1]), sample_dir()")
    subprocess.run([sys.executable, "-c", script, str(installed)], cwd=elsewhere, env=env, check=True)
    result = subprocess.run([sys.executable, "-m", "masterplan", "new", "kota"], cwd=elsewhere, env=env,
                            check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "kota" / "content" / "plan.yml").is_file()
