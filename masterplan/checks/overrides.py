"""Templates and stylesheets in the plan's ``templates/`` that nothing reads, said so (W715).

A file of ``templates/`` is read when it replaces the theme's file of the same name (``templates/site/footer.html``
for the theme's ``site/footer.html``), or when a template or stylesheet of the plan names it (a partial of its
own, a stylesheet it imports: its name anywhere in their text; one a template names by what a variable holds,
``{% include "site/parts/" ~ which ~ ".html" %}``, is any under the folder written before the variable, and a
plan whose templates name one by a variable alone, ``{% include which %}``, is not told). A designer who saved ``templates/site/fooder.html``, ``templates/cover.html`` (the
cover is ``print/cover.html``) or ``templates/site/site.css`` (the website's stylesheets are under
``site/static/``) saw nothing change and no word why. Pictures, fonts and what ``site/static/`` publishes, and
editors' leftovers, are left alone: only ``.html`` and ``.css`` files are told.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Message, Position, closest, warning
from masterplan.i18n import plan_theme, theme_dir, theme_files
from masterplan.model import Plan

TOLD = (".html", ".css")  #: the kinds of file a theme reads by name; other files are pictures, fonts, notes
PUBLISHED = "site/static/"  #: copied into the website as they are, whether a page names them or not
#: an include, import or extends naming its template by anything but one quoted name
_NAMED_AS_IT_RUNS = re.compile(r"\{%-?\s*(?:include|import|from|extends)\s+(?![\"'][^\"']*[\"']\s*(?:-?%\}|import\b|as\b|with\b|"
                               r"without\b|ignore\b))")
#: and the quoted start of such a name, when it has one: ``"site/parts/"`` of ``"site/parts/" ~ part ~ ".html"``
_QUOTED_START = re.compile(r"[\"']([^\"']*)[\"']\s*[~+]")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    own = plan_theme(plan.content.parent) if plan.content is not None else ()
    if not own:
        return
    folder = own[0]
    theirs = {path.relative_to(theme_dir()).as_posix() for path in theme_files(theme_dir(), TOLD)}
    mine = {path.relative_to(folder).as_posix(): path for path in theme_files(folder, TOLD)}
    unknown = [name for name in mine if name not in theirs and not name.startswith(PUBLISHED)]
    if not unknown:
        return
    texts = {name: _text(path) for name, path in mine.items()}
    starts = _read_as_it_runs(texts.values())
    if starts is None:
        return  # {% include which %}: which files it reads is known only as it runs
    for name in sorted(unknown):
        if any(Path(name).name in text for other, text in texts.items() if other != name):
            continue  # a partial of the plan's own, a stylesheet it imports
        if any(name.startswith(start) for start in starts):
            continue  # {% include "site/parts/" ~ part ~ ".html" %}: perhaps this one
        yield warning(Position(f"templates/{name}"), "W715",
                      "templates/{name} is not read: the theme has no file of that name to replace, and no template "
                      "of the plan names it", _meant(name, theirs), name=name)


def _read_as_it_runs(texts: Iterable[str]) -> set[str] | None:
    """The quoted starts of the names the templates include by a variable (``site/parts/``); None when one names its
    template by a variable alone, which may be any file."""
    starts = set()
    for text in texts:
        for found in _NAMED_AS_IT_RUNS.finditer(text):
            start = _QUOTED_START.match(text, found.end())
            if start is None:
                return None
            starts.add(start.group(1))
    return starts


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _meant(name: str, theirs: set[str]) -> Message:
    """The theme's file ``name`` was meant to replace: one of the same name in another folder (``cover.html`` →
    ``print/cover.html``), else the closest name; else how overrides are named."""
    same = sorted(file for file in theirs if Path(file).name == Path(name).name)
    found = same[0] if len(same) == 1 else closest(name, theirs)
    if found:
        return Message("did you mean templates/{file}? A file replaces the theme's by the same path", file=found)
    return Message("copy the theme's file to replace into the same path under templates/, e.g. "
                   "templates/print/cover.html")
