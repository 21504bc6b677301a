"""The theme: Jinja templates, CSS, fonts and words, with a plan's own overrides on top.

A plan folder's ``templates/`` holds files that replace the default theme's file of the
same name; a template there can still extend the original as ``"!theme/<name>"``.
Templates are compiled once per process and shared by every page; the compiled code is
also kept between runs in the user's cache folder (:func:`compiled_templates`), as Python
keeps ``__pycache__``, so a cold process does not compile the theme again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import jinja2
from markupsafe import Markup

from masterplan import __version__, program_tables
from masterplan.diagnostics import Position
from masterplan.directions import DIRECTIONS
from masterplan.formatting import Formats
from masterplan.i18n import Translator, load_catalog, plan_theme
from masterplan.messages import say
from masterplan.number_words import counted
from masterplan.render import typography
from masterplan.render.markdown import to_html
from masterplan.resources import forget_unused, source_hash, theme_dir, user_cache
from masterplan.values import Text

if TYPE_CHECKING:
    from masterplan.changes import Changes


@dataclass(frozen=True)
class Theme:
    """Where templates and static files are looked up, in order: the plan's, then the default."""

    folders: tuple[Path, ...]

    @classmethod
    def for_plan(cls, root: Path) -> Theme:
        return cls((*plan_theme(root), theme_dir()))

    def find(self, name: str) -> Path:
        """The file that wins for ``name`` (e.g. ``print/book.css``)."""
        for folder in self.folders:
            candidate = folder / name
            if candidate.is_file() and (folder == self.folders[-1] or _inside(candidate, folder)):
                return candidate
        raise FileNotFoundError(f"theme file not found: {name}")

    def files(self, subfolder: str) -> dict[str, Path]:
        """Every file under ``subfolder`` (relative name → path), overrides winning."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            base = folder / subfolder
            if base.is_dir():
                for path in base.rglob("*"):
                    if path.is_file() and (folder == self.folders[-1] or _inside(path, folder)):
                        found[path.relative_to(base).as_posix()] = path
        return found


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a file of the plan's theme ``folder``: a link leading out of it (to /etc/passwd, copied
    into the site, or read by the PDF's renderer) is not. The tool's own theme is trusted as installed (a
    distribution may link its fonts to the system's)."""
    return path.resolve().is_relative_to(folder.resolve())


def template_position(exc: jinja2.TemplateError, theme: Theme, default: str) -> Position:
    """Where a theme template failed, named as a plan would override it (``templates/site/program.html:12``).

    A syntax error carries its file and line; a failure while rendering is found in the
    traceback's innermost frame that runs a theme file.
    """
    def named(filename: str | None, line: int) -> Position | None:
        if not filename:
            return None
        path = Path(filename)
        for folder in theme.folders:
            if path.is_relative_to(folder):
                return Position(f"templates/{path.relative_to(folder).as_posix()}", line, 1)
        return None

    found = named(getattr(exc, "filename", None), getattr(exc, "lineno", None) or 0)
    tb = exc.__traceback__
    while tb is not None:
        found = named(tb.tb_frame.f_code.co_filename, tb.tb_lineno) or found
        tb = tb.tb_next
    return found or Position(default)


def localize(text: Any, language: str) -> str:
    """A Text (or anything) in ``language``."""
    if isinstance(text, Text):
        return text.get(language)
    return "" if text is None else str(text)


def in_its_language(text: Any, language: str) -> Markup | str:
    """A Text in ``language`` as an element's content (the ``t_lang`` filter): in a ``<span lang="…">`` where
    it is shown in another language (an Indonesian name in the English edition), so that a screen reader
    pronounces it as written and the book hyphenates it by its own language's rules; plain otherwise.
    Attributes and texts put together into others take the plain ``t``."""
    if not isinstance(text, Text):
        return localize(text, language)
    shown, written = text.shown(language)
    if written == language or not shown:
        return shown
    return Markup('<span lang="{}">{}</span>').format(written, shown)


def lang_attribute(written: Text | str, language: str) -> Markup:
    """`` lang="id"`` for an element holding text written in another language than the page's (``written``: a
    language code, or a Text, in the language it is shown in), to put in its tag; nothing else."""
    if isinstance(written, Text):
        written = written.shown(language)[1]
    return Markup(' lang="{}"').format(written) if written != language else Markup()


def markdown_in_its_language(text: Any, language: str, shift: int = 0) -> Markup:
    """A Markdown text as HTML (the ``markdown`` filter), in a ``<div lang="…">`` where it is shown in another
    language than the page's."""
    shown, written = text.shown(language) if isinstance(text, Text) else (localize(text, language), language)
    html = Markup(to_html(shown, shift))
    return html if written == language or not shown else Markup('<div lang="{}">{}</div>').format(written, html)


COMPILED = "templates-"  #: compiled-template folders in the user's cache are named "templates-<version>…"


def compiled_templates() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, in ``$XDG_CACHE_HOME/masterplan`` (or ``~/.cache``).

    Jinja compares each template's source checksum before using its compiled code, so an
    edited template is compiled again; the folder is named after this tool's version and
    source (which define the environment's options and filters: how a filter is called is
    compiled into the code) and Jinja's version (the code's format). The compiled
    code depends on nothing else: filters that depend on the language are never folded
    into it (:func:`language_bound`). None (compile
    every run) when the folder cannot be made or is not the user's own: code is loaded from it.
    Folders of other versions that no run used for a month are deleted (:func:`forget_unused`).
    """
    folder = user_cache(f"{COMPILED}{__version__}-{source_hash()[:12]}-jinja{jinja2.__version__}")
    if folder is None:
        return None
    forget_unused(folder, COMPILED)
    return jinja2.FileSystemBytecodeCache(str(folder))


def language_bound(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose output depends on the plan's language or catalog, run only when rendering.

    Jinja evaluates a filter on a constant (``{{ 1250 | number }}``) while compiling, unless
    the filter asks for the render context; compiled code is shared through
    :func:`compiled_templates` by plans in every language, so it must not hold one
    language's output. ``.function`` is the plain function.
    """
    @jinja2.pass_context
    def filter_(context: Any, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    filter_.function = function  # type: ignore[attr-defined]
    return filter_


@lru_cache(maxsize=16)
def environment(theme: Theme, language: str) -> jinja2.Environment:
    """One compiled-template environment per theme and language."""
    default = jinja2.FileSystemLoader(str(theme.folders[-1]))
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(f) for f in theme.folders]),
        jinja2.PrefixLoader({"!theme": default}, delimiter="/"),
    ])
    env = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(["html", "svg", "xml"]),
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             bytecode_cache=compiled_templates())
    translate = Translator(language, load_catalog(theme.folders[:-1]))
    formats = Formats(language, translate)
    env.globals.update(_=translate, language=language, directions=DIRECTIONS,
                       lang_of=lambda written: lang_attribute(written, language))
    filters: dict[str, Callable[..., Any]] = {
        "t": lambda text: localize(text, language),
        "t_lang": lambda text: in_its_language(text, language),
        "rupiah": formats.rupiah, "rupiah_short": formats.rupiah_short,
        "rupiah_difference": formats.rupiah_difference,
        "changes_said": lambda found: _changes_said(found, formats, translate),
        "version_then": lambda found: say(found.version_then, translate),
        "billions": formats.billions, "funding_source": formats.funding_source, "direction": formats.direction,
        "language_name": formats.language_name,
        "number": formats.number, "measure": formats.measure,
        "counted": lambda count: counted(count, language) or formats.number(count),  # "lima program", "153 program"
        "target_steps": lambda target: program_tables.target_steps(target, formats.measure, translate("Baseline")),
        "percent": formats.percent, "shares": formats.shares, "file_size": formats.file_size,
        "date": formats.date, "tel": lambda phone: re.sub(r"[^0-9+]", "", str(phone)),  # a tel: link's digits
        "markdown": lambda text, shift=0: markdown_in_its_language(text, language, shift),
        "years_whole": typography.years_with_their_word,  # "RPJMD 2021–2026" on one line, in a cell of the book
    }
    env.filters.update({name: language_bound(function) for name, function in filters.items()})
    return env


def translator_of(env: jinja2.Environment) -> Translator:
    """The catalog's words in the language of ``env``, an :func:`environment` or an overlay of one: its ``_``."""
    return cast(Translator, env.globals["_"])  # Jinja types its globals as any object


def language_of(env: jinja2.Environment) -> str:
    """The language ``env`` renders in, an :func:`environment`'s or an overlay's of one."""
    return cast(str, env.globals["language"])


def _changes_said(found: Changes, formats: Formats, translate: Translator) -> str:
    """What changed since the previous version, counted in words, as the build's line says it."""
    # imported here: the changes' module, needed only by a plan with a previous version
    from masterplan import baseline
    return baseline.said(found, formats).say(translate)
