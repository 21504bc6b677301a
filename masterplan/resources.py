"""Where the default theme and the sample plan live, installed or in a source checkout.

Both are package data (``masterplan/_theme`` and ``masterplan/_sample`` once installed,
``templates/`` and ``content/`` in the repository), so a ``pip install`` outside the
repository still finds them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(installed: str, in_checkout: str) -> Path:
    for candidate in (_PACKAGE / installed, _PACKAGE.parent / in_checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"masterplan is installed without its {in_checkout}/ folder")


def theme_dir() -> Path:
    """The default theme: Jinja templates, CSS, fonts, translation catalog."""
    return _find("_theme", "templates")


def sample_dir() -> Path:
    """The default plan's content/ folder (Kota Pasuruan, illustrative)."""
    return _find("_sample", "content")
