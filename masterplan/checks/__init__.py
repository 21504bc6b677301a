"""Every rule a plan must satisfy beyond its schema, each reporting at file:line.

Each module holds one family of rules as functions ``(plan, unreadable) -> Iterable[Diagnostic]``;
:func:`run` applies them all and returns every problem at once. ``unreadable`` holds the ids
of things whose files could not be read: a reference to one of them is not an error of its
own (the unreadable file already has one), so one broken file does not bury the report.

The rules come in two lists: :data:`ERROR_RULES` may find errors (a build stops on them),
:data:`WARNING_RULES` only ever warn, so a caller in a hurry (the live preview) may show
the page first and run them afterwards. A rule that starts reporting errors belongs in
the first list; ``tests/test_build_incremental.py`` holds the split to that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from masterplan.checks import (
    adopted_version,
    agency_names,
    assets,
    budget_lines,
    catalog,
    ceiling,
    chapters,
    codes,
    coherence,
    colours,
    files,
    final_errors,
    glossary,
    glyphs,
    indicator_course,
    one_indicator,
    overrides,
    partnerships,
    phases,
    plain_text,
    previous_version,
    program_names,
    publishing,
    realised,
    references,
    renamed_pages,
    revisions,
    sample,
    stylesheet_pictures,
    stylesheets,
    swot,
    synchronisation,
    templates,
    theme_encoding,
    unknown_codes,
    written_language,
    years,
)
from masterplan.diagnostics import Diagnostic
from masterplan.model import Plan

Rule = Callable[[Plan, AbstractSet[str]], Iterable[Diagnostic]]

#: Rules that may report errors: they decide whether the plan can be built.
ERROR_RULES: list[Rule] = [
    references.check,
    partnerships.check,
    partnerships.dependencies,
    years.check,
    realised.outside_plan,
    chapters.check,
    catalog.check,
    publishing.check,
    previous_version.check,
    revisions.duplicates,
    swot.check,
    assets.check,
    files.check,  # E019: an agency's file renamed dishub.yml.txt would drop the agency from the preview
    theme_encoding.check,  # E003 before the templates are compiled: a stylesheet in Windows' encoding failed the PDF
    templates.check,
]
#: Rules that only ever warn (synchronisation across agencies: gaps, near-duplicates; the plan's coherence as
#: Bappeda reviews it, its budget lines year by year and its indicators' course; the sample's leftovers;
#: programs, agencies and chapters renamed since the last build).
WARNING_RULES: list[Rule] = [
    synchronisation.check,
    final_errors.check,
    coherence.check,
    budget_lines.check,
    ceiling.check,
    phases.check,
    revisions.check,
    adopted_version.check,
    indicator_course.check,
    realised.check,
    one_indicator.check,
    codes.check,
    codes.letters,
    sample.check,
    colours.check,
    stylesheets.check,
    stylesheet_pictures.check,
    overrides.check,
    glyphs.check,
    glossary.check,
    plain_text.check,
    renamed_pages.renamed_programs,
    renamed_pages.reused_codes,
    renamed_pages.renamed_agencies,
    agency_names.check,
    agency_names.retitled,
    program_names.check,
    unknown_codes.check,
    renamed_pages.renamed_chapters,
    written_language.check,
]
RULES: list[Rule] = [*ERROR_RULES, *WARNING_RULES]


def run(plan: Plan, unreadable: AbstractSet[str] = frozenset(), rules: list[Rule] = RULES) -> list[Diagnostic]:
    """All diagnostics of ``rules`` (every rule, unless told) for a loaded plan."""
    return [diagnostic for rule in rules for diagnostic in rule(plan, unreadable)]
