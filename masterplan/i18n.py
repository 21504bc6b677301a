"""The one translation catalog: every word the theme shows, in Indonesian and English.

Templates call ``_("Table of contents")``; the catalog (``templates/i18n/messages.yml``,
overridable per plan) maps that English message to each language. English is the
message itself unless the catalog says otherwise. Placeholders use ``{name}``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from masterplan.resources import theme_dir

CATALOG = Path("i18n") / "messages.yml"


@lru_cache(maxsize=8)
def _catalog(path: Path, mtime: float) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:  # libyaml's safe loader when there is one: 10× faster
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def load_catalog(theme_dirs: tuple[Path, ...] = ()) -> dict[str, dict[str, str]]:
    """The default catalog, with entries from any plan theme folder laid over it."""
    merged: dict[str, dict[str, str]] = {}
    for folder in (theme_dir(), *theme_dirs):
        path = folder / CATALOG
        if path.is_file():
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
        text = self.catalog.get(message, {}).get(self.language, message)
        return text.format(**values) if values else text

    def missing(self, messages: list[str]) -> list[str]:
        """Messages with no translation into this language (English needs none)."""
        if self.language == "en":
            return []
        return [m for m in messages if self.language not in self.catalog.get(m, {})]
