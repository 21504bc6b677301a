"""A plan's own templates (``templates/``, overriding the theme's): each one must compile.

``validate`` said "no problems" while ``build`` stopped on a typo in an overriding template
(``{% endif</li>``); now both report it at its line. What only rendering can find (a field
the model does not have) is still the build's to report.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, Position, error
from masterplan.model import Plan

#: the files of a theme that Jinja reads (stylesheets and scripts under static/ are copied as they are)
TEMPLATE_SUFFIXES = {".html", ".svg", ".xml", ".txt", ".j2"}


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    folder = plan.content.parent / "templates" if plan.content is not None else None
    if folder is None or not folder.is_dir():
        return
    overrides = [path for path in sorted(folder.rglob("*")) if path.suffix.lower() in TEMPLATE_SUFFIXES
                 and path.is_file() and "static" not in path.relative_to(folder).parts]
    if not overrides:
        return
    import jinja2

    from masterplan.render.theme import Theme, environment
    env = environment(Theme.for_plan(folder.parent), plan.language)
    for path in overrides:
        name = path.relative_to(folder).as_posix()
        try:
            env.compile(path.read_text(encoding="utf-8"), name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            yield error(Position(f"templates/{name}", exc.lineno or 1, 1), "E703", "template error: {detail}",
                        "compare it with the theme's own file of the same name", detail=exc.message or str(exc))
        except (OSError, UnicodeDecodeError) as exc:
            yield error(Position(f"templates/{name}"), "E703", "template error: {detail}", detail=str(exc))
