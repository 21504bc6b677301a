"""The one translation catalog: every word the theme shows, in Indonesian and English.

Templates call ``_("Table of contents")``; the catalog maps that English message to each
language. English is the message itself unless the catalog says otherwise. Placeholders
use ``{name}``. The catalog is every YAML file in the theme's ``i18n/`` folder (the theme's
words in ``messages.yml``, what ``validate`` and ``build`` say in ``diagnostics.yml``),
and a plan's ``templates/i18n/`` files are laid over it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from masterplan.resources import theme_dir

CATALOG = "i18n"  #: the catalog's folder in a theme


@lru_cache(maxsize=8)
def _catalog(path: Path, mtime: float) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:  # libyaml's safe loader when there is one: 10× faster
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def load_catalog(theme_dirs: tuple[Path, ...] = ()) -> dict[str, dict[str, str]]:
    """The default catalog, with entries from any plan theme folder laid over it."""
    merged: dict[str, dict[str, str]] = {}
    for folder in (theme_dir(), *theme_dirs):
        for path in sorted((folder / CATALOG).glob("*.yml")):
            for message, translations in _catalog(path, path.stat().st_mtime).items():
                merged.setdefault(message, {}).update(translations or {})
    return merged


def languages(catalog: dict[str, dict[str, str]]) -> set[str]:
    """The languages a catalog speaks: English (its messages) and every language it translates them into."""
    return {"en"} | {language for translations in catalog.values() for language in translations}


class Translator:
    """``translator("Budget by pillar")`` → ``"Anggaran per pilar"`` when the language is ``id``."""

    def __init__(self, language: str, catalog: dict[str, dict[str, str]] | None = None):
        self.language = language
        self.catalog = load_catalog() if catalog is None else catalog

    def __call__(self, message: str, **values: object) -> str:
        text = self.word(message)
        return text.format(**values) if values else text

    def word(self, message: str) -> str:
        """The catalog's translation of ``message`` as written, blanks unfilled (the message itself when none)."""
        return self.catalog.get(message, {}).get(self.language, message)

    def missing(self, messages: list[str]) -> list[str]:
        """Messages with no translation into this language (English needs none)."""
        if self.language == "en":
            return []
        return [m for m in messages if self.language not in self.catalog.get(m, {})]
