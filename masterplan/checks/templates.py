"""A plan's own templates (``templates/``, overriding the theme's): each one must compile.

``validate`` said "no problems" while ``build`` stopped on a typo in an overriding template
(``{% endif</li>``); now both report it at its line. What only rendering can find (a field
the model does not have, ``{{ plan.kota }}``) ``validate`` finds by rendering a page of each kind
of the website, and the print HTML of the book and of its companion books, as the build will
(:func:`rendered`), when the plan overrides one of their templates; the build finds it as it renders, and the
preview as it renders a page, or the print HTML after an edit of a print template (:func:`print_books`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from functools import partial
from typing import Any

from masterplan import jinja_words
from masterplan.diagnostics import Diagnostic, Message, Position, error
from masterplan.i18n import plan_theme, templates_of, theme_dir
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    own = plan_theme(plan.content.parent) if plan.content is not None else ()  # not the default theme itself
    if not own:
        return
    folder = own[0]
    overrides = templates_of(folder)
    if not overrides:
        return
    import jinja2

    from masterplan.render.theme import Theme, environment
    theme = Theme.for_plan(folder.parent)
    for path in overrides:
        name = path.relative_to(folder).as_posix()
        env = _site_environment(theme, plan.language) if name.startswith("site/") else environment(theme, plan.language)
        try:
            source = path.read_text(encoding="utf-8")
            env.compile(source, name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            said = jinja_words.syntax(exc, source)
            hint = said.hint or ("compare it with the theme's own file of the same name" if (theme_dir() / name).is_file()
                                 else None)
            yield error(Position(f"templates/{name}", said.line, said.column), "E703", "template error: {detail}", hint,
                        detail=said.what)
        except (RecursionError, SyntaxError):  # Python's own limit: 100 blocks one in another
            yield error(Position(f"templates/{name}", jinja_words.deepest_line(source), 1), "E703", "template error: {detail}",
                        detail=Message("the template is nested too deeply"))
        except UnicodeDecodeError:
            continue  # not UTF-8: E003 at the byte (checks.theme_encoding)
        except OSError as exc:
            yield error(Position(f"templates/{name}"), "E703", "template error: {detail}", detail=str(exc))


def _site_environment(theme: Any, language: str) -> Any:
    """The website's templates have filters and globals of their own (``describe``, ``href``)."""
    from masterplan.render.site import site_environment
    return site_environment(theme, language)


def rendered(plan: Plan) -> Iterator[Diagnostic]:
    """The failures of the plan's own templates that only rendering finds: of its website templates, a page of
    each kind rendered as the build renders it; of its print templates, the print HTML of the book and of the
    companion books plan.yml asks for (E603). Nothing
    for the templates the plan does not override."""
    own = plan_theme(plan.content.parent) if plan.content is not None else ()
    overridden = [path.relative_to(own[0]).as_posix() for path in templates_of(own[0])] if own else []
    if any(name.startswith("site/") for name in overridden):
        yield from _site_pages(plan)
    if any(name.startswith("print/") for name in overridden):
        yield from print_books(plan)


def print_books(plan: Plan) -> Iterator[Diagnostic]:
    """A print template's failure as the build meets it, before any layout, in the book and in each companion book
    the plan asks for: ``validate`` said "no problems" for a glossary override printing ``{{ plan.kota }}`` that
    stopped the build (E603), and for a summary template that failed the summary alone."""
    from masterplan.build_options import BuildOptions
    from masterplan.diagnostics import Report
    from masterplan.render import analysis_book, companion_book, pdf, summary_book
    assert plan.content is not None  # a plan read from its folder: check() and the preview ask for no other's books
    report, root, options = Report(), plan.content.parent, BuildOptions()
    asked = [companion for companion, wanted in ((summary_book.SUMMARY, plan.executive_summary),
                                                 (analysis_book.ANALYSIS, plan.strategic_analysis)) if wanted]
    books: list[Callable[[], object]] = [
        partial(pdf.book_html, plan, root, options, report),
        *(partial(companion_book.companion_html, plan, root, options, report, companion) for companion in asked)]
    for book in books:
        with contextlib.suppress(Exception):  # a plan the book cannot be made of: the build's to say why
            book()
    told: set[str] = set()
    for found in report:
        if found.code == "E603" and str(found) not in told:  # a template all three books use fails once
            told.add(str(found))
            yield found


def _site_pages(plan: Plan) -> Iterator[Diagnostic]:
    """Each website template's failure once: a page of each kind rendered as the build renders it; nothing when
    the plan cannot be rendered for another reason (the build says that one)."""
    import jinja2

    from masterplan.build_options import BuildOptions
    from masterplan.diagnostics import Report
    from masterplan.render import site, site_workers
    if plan.content is None:
        return  # a plan read from no folder has no templates of its own (check() asks only for one that has)
    try:
        prepared = site.prepare(plan, plan.content.parent, BuildOptions(pdf=False, search=False), Report())
    except Exception:  # noqa: BLE001 - a plan the site cannot be made of: the build's to say why
        return
    kinds: set[str] = set()
    said: set[Position] = set()
    for page in prepared.pages:
        if page.template in kinds:
            continue
        kinds.add(page.template)
        try:
            prepared.render_page(page)
        except jinja2.TemplateError as exc:
            found = site_workers.template_problem(exc, page, prepared.theme)
            if found.position not in said:  # a footer's fault fails every kind of page alike: said once
                said.add(found.position)
                yield found
        except Exception:  # noqa: BLE001, S112 - not a template's fault (content the build reports otherwise)
            continue
