"""The one translation catalog: every word the theme shows, in Indonesian and English.

Templates call ``_("Table of contents")``; the catalog maps that English message to each
language. English is the message itself unless the catalog says otherwise. Placeholders
use ``{name}``. The catalog is every YAML file in the theme's ``i18n/`` folder (the theme's
words in ``messages.yml``, what ``validate`` and ``build`` say in ``diagnostics.yml``),
and a plan's ``templates/i18n/`` files are laid over it.
"""

from __future__ import annotations

import hashlib
import string
from functools import lru_cache
from pathlib import Path

import yaml

from masterplan.resources import theme_dir

CATALOG = "i18n"  #: the catalog's folder in a theme


@lru_cache(maxsize=8)
def _catalog(path: Path, mtime: float) -> dict[str, dict[str, str]]:
    """The entries of one catalog file that can be used: a plan's file may be broken (checks/catalog.py says how).
    Read once and kept (:mod:`made_once`, by the file's path, marked with its bytes): the theme's three files took
    every command 60 ms to read."""
    from masterplan import made_once
    try:
        written = path.read_bytes()
    except OSError:
        return {}
    slot = hashlib.blake2b(str(path).encode(), digest_size=8).hexdigest()
    return made_once.kept(f"catalog-{slot}", written, lambda: _entries(written), dict)


def _entries(written: bytes) -> dict[str, dict[str, str]]:
    try:  # libyaml's safe loader when there is one: 10× faster
        data = yaml.load(written.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, ValueError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {message: {language: text for language, text in translations.items() if fits(text, message)}
            for message, translations in data.items() if isinstance(message, str) and isinstance(translations, dict)}


def blanks(template: str) -> set[tuple[str, str]]:
    """The named blanks of a template with their formats: ``{count:,}`` is ``("count", ",")`` (ValueError: not a template)."""
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


def fits(text: object, message: str) -> bool:
    """A translation that keeps its message's blanks, so filling it in cannot fail."""
    try:
        return isinstance(text, str) and blanks(text) == blanks(message)
    except ValueError:
        return False


def plan_theme(root: Path) -> tuple[Path, ...]:
    """The plan's own theme folder (``templates/``), when it has one: laid over the default theme (words and files).

    None when it is the default theme itself (the repository's own sample plan)."""
    own = root / "templates"
    return (own,) if own.is_dir() and own.resolve() != theme_dir().resolve() else ()


def theme_files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    """The files of a theme folder whose names end in ``suffixes`` (``(".css",)``; None: every file), not an editor's
    leftovers."""
    from masterplan.leftovers import is_leftover
    return [path for path in sorted(folder.rglob("*"))
            if (suffixes is None or path.suffix in suffixes) and path.is_file() and not is_leftover(path.name)]


def templates_of(folder: Path) -> list[Path]:
    """The Jinja templates of a theme folder: every ``*.html`` (the book's and the site's pages and
    parts), not what ``static/`` holds nor fonts, licences or notes, which are copied or ignored."""
    return [path for path in sorted(folder.rglob("*.html"))
            if path.is_file() and "static" not in path.relative_to(folder).parts]


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


def plan_words(root: Path, language: str) -> Translator:
    """Words in the plan's language as its outputs print them: the theme's catalog, the plan's own entries over it."""
    return Translator(language, load_catalog(plan_theme(root)))
