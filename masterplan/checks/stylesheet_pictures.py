"""The pictures and fonts the plan's own stylesheets name by ``url(…)``: there, where the site or the book looks (W716).

A cover band the designer gave a batik picture, missing: the book's build failed on it after laying out every page
(some 16 s, E602), and the website showed no picture, a 404 in the browser's console only. Each ``url()`` of a
stylesheet of ``templates/`` is looked for where it will be read from:

- the website's (``templates/site/static/x.css``, published as ``static/x.css``): the site's ``static/`` folder
  (the theme's files, the plan's laid over them, the logo) or its ``assets/`` (``content/assets/``), never above
  the site's top folder (a site published under ``/smartcity/`` would look outside it; the preview, at ``/``, hid
  it);
- the book's (``templates/print/x.css``): on disk beside the stylesheet, a file the theme lacks in the plan's
  folder read from the default theme's, as the renderer does; the renderer reads only ``content/`` and the theme.

Web addresses and ``data:`` pictures are not looked for (the checks of pictures say those).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from urllib.parse import unquote, urlsplit

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.i18n import plan_theme, theme_dir, theme_files
from masterplan.model import ASSETS, Plan

SITE_STYLESHEETS = "site/static"  #: where the website's stylesheets are, published as ``static/``
PRINT_STYLESHEETS = "print"


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    own = plan_theme(plan.content.parent) if plan.content is not None else ()
    if not own or plan.content is None:
        return
    # the checks load nothing of render for a plan without a theme of its own
    from masterplan.render.site_files import logo_path

    folder, content = own[0], plan.content
    logo = logo_path(plan, content.parent)  #: the plan's logo, which the site carries as static/logo.svg
    for path in theme_files(folder, (".css",)):
        name = path.relative_to(folder).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if name.startswith(f"{SITE_STYLESHEETS}/"):
            found = (url for url in urls(text) if not _on_site(url[0], name, folder, content, logo))
            hint = Message("a picture of content/assets/ is url(\"../assets/batik.png\") here, one beside the "
                           "stylesheet in templates/site/static/ url(\"batik.png\")")
        elif name.startswith(f"{PRINT_STYLESHEETS}/"):
            found = (url for url in urls(text) if not _in_book(url[0], path, folder, content))
            hint = Message("a picture of content/assets/ is url(\"../../content/assets/batik.png\") here, one beside "
                           "the stylesheet url(\"batik.png\")")
        else:
            continue  # no stylesheet the site or the book reads (W715 says so)
        for url, line, column in found:
            yield warning(Position(f"templates/{name}", line, column), "W716",
                          "'{url}' is no file where this stylesheet is read: the picture or font is left out", hint,
                          url=url)


def urls(text: str) -> list[tuple[str, int, int]]:
    """Every local ``url(…)`` of the stylesheet ``text``, with its line and column (not web addresses nor data)."""
    import tinycss2  # only for a plan with stylesheets of its own

    found: list[tuple[str, int, int]] = []

    def walk(nodes: Iterable[object]) -> None:
        for node in nodes:
            kind = getattr(node, "type", None)
            if kind == "url":
                found.append((node.value, node.source_line, node.source_column))  # type: ignore[attr-defined]
            elif kind == "function" and node.lower_name == "url":  # type: ignore[attr-defined]
                strings = [a.value for a in node.arguments if a.type == "string"]  # type: ignore[attr-defined]
                found.extend((value, node.source_line, node.source_column) for value in strings[:1])  # type: ignore[attr-defined]
            for part in ("prelude", "content"):
                walk(getattr(node, part, None) or ())

    walk(tinycss2.parse_stylesheet(text, skip_comments=True))
    return [(url, line, column) for url, line, column in found
            if url.strip() and not urlsplit(url.strip()).scheme and not url.strip().startswith(("#", "//"))]


def _on_site(url: str, name: str, folder: Path, content: Path, logo: str | None) -> bool:
    """Whether the website holds what ``url`` names from its stylesheet ``name`` (``site/static/x.css``). An address
    above the site's top folder is none: on a city's site under /smartcity/ it leads out of the site."""
    published = "static/" + name.removeprefix(f"{SITE_STYLESHEETS}/")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(published), unquote(urlsplit(url.strip()).path)))
    if target.startswith("../") or target == ".." or url.strip().startswith("/"):
        return False
    if target == logo:
        return True
    if target.startswith("static/"):
        rest = target.removeprefix("static/")
        return any((theme / SITE_STYLESHEETS / rest).is_file() for theme in (folder, theme_dir()))
    if target.startswith(f"{ASSETS}/"):
        return (content / target).is_file()
    return True  # a page or the open data: not a stylesheet's to name, and not looked for


def _in_book(url: str, stylesheet: Path, folder: Path, content: Path) -> bool:
    """Whether the renderer finds what ``url`` names from the print stylesheet at ``stylesheet``."""
    target = (stylesheet.parent / unquote(urlsplit(url.strip()).path)).resolve()
    if target.is_relative_to(content.resolve()):
        return target.is_file()
    if target.is_relative_to(folder.resolve()):
        return target.is_file() or (theme_dir() / target.relative_to(folder.resolve())).is_file()
    return target.is_relative_to(theme_dir().resolve()) and target.is_file()
