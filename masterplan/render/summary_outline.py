"""The executive summary's outline: its chapters, tables and figures, numbered as the book numbers its own.

What :mod:`summary_book` lays out, and what the executive summary's text may refer to: validate checks its
cross-references against it (:mod:`masterplan.checks.cross_references`) without loading the PDF's machinery.
"""

from __future__ import annotations

from masterplan import revision_figures
from masterplan.messages import say
from masterplan.model import Plan
from masterplan.render import outline

#: the summary's own tables: id → (kind, caption message)
OWN_ITEMS = {"tab:summary-pillars": ("table", "Pillars: goals, programs and indicative budget"),
             "tab:summary-roadmap": ("table", "Programs running by pillar and year"),
             "fig:budget-year": ("figure", "Indicative budget by year"),
             "tab:summary-largest": ("table", "The programs with the largest indicative budget"),
             "tab:summary-agencies": ("table", "The lead agencies with the largest indicative budget"),
             "tab:summary-revision": ("table", "The revision in figures: programs and indicative budget"),
             "tab:summary-revision-largest": ("table", "The programs whose indicative budget changed most")}

#: the programs asking the largest indicative budget the summary lists, and the lead agencies, the others in one line
#: (print/parts/summary_budget.html): a plan of no more has them all in the summary's other tables
SUMMARY_LARGEST, SUMMARY_AGENCIES = 5, 10

#: the programs whose budget a revision changed most that the summary lists (print/parts/summary_changes.html); the
#: others are counted, each listed on the site's page of changes
SUMMARY_CHANGES = 10

#: programs the summary's roadmap chart places at most, on some three pages; a longer plan's summary counts the programs
#: running by pillar and year instead (the chart of a province's 3,000 programs ran to 81 of its 115 pages)
ROADMAP_CHART_AT_MOST = 100

#: the part that ends the summary's first chapter (the authors' text, else the vision's): its key figures, on its
#: first pages, where the mayor reads before anything else (print/parts/summary_key_figures.html)
KEY_FIGURES = "summary_key_figures"

#: the summary's chapters after the authors' text: the part each shows (print/parts/<part>.html), its title, and the
#: tables and figures it holds (the book's keep their ids and captions, outline.GENERATED_ITEMS; one the plan does not
#: have, the phases' table without phases, is left out)
CHAPTERS: list[tuple[str, str, list[str]]] = [
    ("vision_missions", "Vision and missions", []),
    #: only in a revision's summary, one with a previous version that differs: what the council is asked to adopt
    ("summary_changes", "Changes since version {version}", ["tab:summary-revision", "tab:summary-revision-largest"]),
    #: only in a plan with realised figures: how far it is on track, the book's table of attainment by pillar
    ("attainment", "Indicator attainment", ["tab:attainment"]),
    ("summary_pillars", "Smart city pillars", ["tab:summary-pillars"]),
    ("quick_wins", "Quick wins", ["tab:quick-wins"]),  # not in a plan that marks none
    ("summary_budget", "Budget", ["tab:budget-pillar", "fig:budget-year", "fig:budget-pillar", "tab:budget-source",
                                  "tab:budget-source-year", "tab:budget-apbd-ceiling", "tab:summary-largest",
                                  "tab:summary-agencies"]),
    ("roadmap", "Roadmap", ["fig:roadmap", "tab:phases"]),
]


def _all_shown_elsewhere(plan: Plan) -> set[str]:
    """The summary's tables of the largest programs and agencies a plan of no more than they list goes without."""
    leading = {program.lead_id for program in plan.programs if program.total_budget}
    return ({"tab:summary-largest"} if len(plan.programs) <= SUMMARY_LARGEST else set()) | \
        ({"tab:summary-agencies"} if len(leading) <= SUMMARY_AGENCIES else set())


def contents(plan: Plan, translate: outline.Translate) -> outline.Outline:
    """The summary's chapters, numbered as the book numbers its own, with their tables and figures."""
    builder = outline.Builder(plan, translate, plan.language)
    known = {spec[0]: spec for part in outline.GENERATED_ITEMS for spec in builder.generated_items(part)}
    known.update({ref: (ref, kind, translate(caption)) for ref, (kind, caption) in OWN_ITEMS.items()})
    if plan.summary_text is not None:
        builder.text_chapter(plan.summary_text)
    for part, title, refs in CHAPTERS:
        if part == "summary_changes":
            if not builder.changes:
                continue
            if not revision_figures.budget_moves(builder.changes):  # targets, names, statuses only
                refs = refs[:1]
        if part in ("attainment", "quick_wins", "roadmap") and not builder.has(part) or \
                part == "summary_budget" and not builder.has("budget"):
            continue
        if part == "vision_missions" and not plan.missions:
            title = "Vision"
        refs = [ref for ref in refs if ref not in _all_shown_elsewhere(plan)]
        if part == "roadmap" and len(plan.programs) > ROADMAP_CHART_AT_MOST:
            refs = ["tab:summary-roadmap" if ref == "fig:roadmap" else ref for ref in refs]
        since = say(builder.changes.version_then, translate) if builder.changes else ""
        chapter = builder.add(f"summary-{part.replace('_', '-')}", translate(title, version=since), "body",
                              "generated", generated=(part,))
        builder.items(chapter, [known[ref] for ref in refs if ref in known])
    # the terms it prints (KPBU, CSR, its agencies' short names), for a reader who has the summary alone
    builder.add("glossary", translate("Glossary"), "back", "glossary")
    opening = builder.chapters[0]
    opening.generated = (*opening.generated, KEY_FIGURES)
    found = outline.targets(plan, builder.chapters, translate)
    # the summary holds no program or agency: a cross-reference to one is told (W604), never a link to nowhere
    return outline.Outline(builder.chapters, {ref: target for ref, target in found.items()
                                              if target.kind in ("chapter", "table", "figure")})
