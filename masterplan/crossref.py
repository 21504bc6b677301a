"""Cross-references in chapter text: ``[[GOV-01]]``, ``[[tab:budget-source]]``, ``[[bab:pendahuluan]]``.

A reference names a program, a pillar, an agency, a chapter, one of the generated
tables and figures, or a table a chapter captions (``[[tab:swot]]``); the renderers
replace it with that thing's number and page.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence

from masterplan import attainment, baseline
from masterplan.captions import figure_captions, table_captions
from masterplan.chapter_reader import split_front_matter
from masterplan.diagnostics import line_and_column
from masterplan.jinja_tags import TAG
from masterplan.model import Plan
from masterplan.schema_defs import CODE_SHAPE

PATTERN = re.compile(r"\[\[([A-Za-z0-9:_.-]+)\]\]")
#: double brackets around anything else (``[[ GOV-01 ]]``, ``[[GOV-01|teks]]``): printed as written
MISTYPED = re.compile(r"\[\[(?![A-Za-z0-9:_.-]+\]\])([^\[\]\n]{1,80})\]\]")
_ID = re.compile(r"[A-Za-z0-9:_.-]+")
#: a reference with a bracket too few on one side, ``[[bab:pendahuluan]`` or ``[GOV-01]]``: printed as written (only
#: what reads as a reference's id: a prefix of a kind, or a program's code)
_LIKELY_ID = rf"(?:(?:bab|tab|fig|pillar|agency):[A-Za-z0-9_.-]+|{CODE_SHAPE})"
HALF_BRACKETED = re.compile(rf"((?<!\[)\[\[{_LIKELY_ID}\](?!\])|(?<!\[)\[{_LIKELY_ID}\]\](?!\]))")
_AROUND_COLON = re.compile(r"\s*:\s*")

#: the missions with the programs serving them, and the budget by RPJMD mission (the generated part "vision")
MISSIONS_TABLE, MISSION_BUDGET_TABLE = "tab:missions", "tab:budget-mission"
#: structure, infrastructure and superstructure (the generated part "readiness")
READINESS_TABLE = "tab:readiness"
#: the tables the generated parts a strategic analysis may claim hold, by part, in order; the book and the analysis
#: number them, with render/outline.py's captions (the check stage reads them here, loading no renderer)
PART_TABLES: dict[str, tuple[str, ...]] = {"vision": (MISSIONS_TABLE, MISSION_BUDGET_TABLE),
                                           "readiness": (READINESS_TABLE,)}
#: Tables and figures the generated chapters produce, by id.
#: the quick wins, in a plan that marks any
QUICK_WINS_TABLE = "tab:quick-wins"
GENERATED_TABLES = [*PART_TABLES["vision"], *PART_TABLES["readiness"], QUICK_WINS_TABLE, "tab:budget-pillar",
                    "tab:budget-source", "tab:budget-agency", "tab:budget-source-year",
                    "tab:budget-agency-year", "tab:agency-pillar"]
#: the programs' APBD per year against plan.yml's apbd_ceiling, in a plan that gives one
CEILING_TABLE = "tab:budget-apbd-ceiling"
#: the roadmap's programs and budget by phase, in a plan whose plan.yml gives phases
PHASES_TABLE = "tab:phases"
#: what changed since the previous version, in a build that has one to compare with (masterplan/baseline.py)
CHANGES_TABLE = "tab:changes"
#: each pillar's indicators met, missed, not reported and not judged in the latest year monitored, in a plan with
#: realised figures; the same by lead agency; and the targets not met that year, where any was missed
ATTAINMENT_TABLE = "tab:attainment"
ATTAINMENT_AGENCY_TABLE = "tab:attainment-agency"
ATTAINMENT_MISSED_TABLE = "tab:attainment-missed"
ATTAINMENT_TABLES = (ATTAINMENT_TABLE, ATTAINMENT_AGENCY_TABLE, ATTAINMENT_MISSED_TABLE)
#: the partnerships one side only writes down (W406), in a plan that has any
UNCONFIRMED_TABLE = "tab:partners-unconfirmed"
GENERATED_FIGURES = ["fig:roadmap", "fig:budget-pillar", "fig:budget-source", "fig:budget-agency"]


#: the budget's and the roadmap's tables and figures, which a plan of no program yet has nothing for
MONEY_AND_YEARS = frozenset({"tab:budget-pillar", "tab:budget-source", "tab:budget-agency", "tab:budget-source-year",
                             "tab:budget-agency-year", CEILING_TABLE, PHASES_TABLE, *GENERATED_FIGURES})


def thin_items(plan: Plan) -> set[str]:
    """The generated tables and figures a thin plan (a regency's first draft) has nothing for: the missions' two
    (W425), the readiness analysis (W426), the quick wins (W403), and the budget's, the roadmap's and the missions'
    before any agency's file lists a program (W421). The books and the site leave them out rather than print a
    table's head alone or an empty chart."""
    return ({MISSIONS_TABLE, MISSION_BUDGET_TABLE} if not plan.missions or not plan.programs else set()) | \
        ({READINESS_TABLE} if not plan.readiness else set()) | \
        ({QUICK_WINS_TABLE} if not plan.quick_wins else set()) | (set(MONEY_AND_YEARS) if not plan.programs else set())


def attainment_tables(plan: Plan) -> set[str]:
    """The attainment's tables a plan has: none before any realised figure, the table by agency only where a program
    has an indicator, the list of targets not met only where one was missed (the book's outline and the
    cross-references' targets alike)."""
    if attainment.latest_year(plan) is None:
        return set()
    return {ATTAINMENT_TABLE} | ({ATTAINMENT_AGENCY_TABLE} if attainment.by_agency(plan) else set()) | \
        ({ATTAINMENT_MISSED_TABLE} if attainment.missed(plan) else set())


def generated_tables(plan: Plan) -> set[str]:
    """The ids of every table the book generates, the pillars' own included."""
    matrices = {f"tab:program-{p.id}" for p in plan.pillars if p.programs}  # as render/outline.py
    indicators = {f"tab:indicators-{p.id}" for p in plan.pillars if p.indicators}  # as render/outline.py
    ceiling = {CEILING_TABLE} if plan.apbd_ceiling else set()  # as render/outline.py
    phases = {PHASES_TABLE} if plan.phases else set()  # as render/outline.py
    monitored = attainment_tables(plan)
    # only a chapter claiming the changes prints them, and only when the build has a previous version that differs
    changes = {CHANGES_TABLE} if any("changes" in c.generated for c in plan.chapters) and baseline.changes(plan) \
        else set()  # as render/outline.py
    unconfirmed = {UNCONFIRMED_TABLE} if any(p.unconfirmed for p in plan.programs) else set()  # as render/outline.py
    return (set(GENERATED_TABLES) | matrices | indicators | ceiling | phases | monitored | changes | unconfirmed) - \
        thin_items(plan)


#: what a cross-reference writes before an item's id, by the item's kind (a program's is its code alone; a chapter's
#: may be its id alone too); a mission is never referred to
PREFIXES = {"program": "", "pillar": "pillar:", "agency": "agency:", "chapter": "bab:"}


def reference(kind: str, id_: str) -> str:
    """What a cross-reference to the item of ``kind`` (a key of :data:`PREFIXES`) and id writes between its
    brackets: ``GOV-01``, ``pillar:gov``, ``agency:dinkes``, ``bab:pendahuluan``."""
    return PREFIXES[kind] + id_


def targets(plan: Plan) -> set[str]:
    """Every id a chapter may refer to."""
    ids = {p.id for p in plan.programs} | {c.id for c in plan.chapters}
    ids |= {reference("pillar", p.id) for p in plan.pillars} | generated_tables(plan)
    ids |= {reference("agency", a.id) for a in plan.agencies} | {reference("chapter", c.id) for c in plan.chapters}
    ids |= {caption.ref for chapter in plan.chapters
            for caption in (*table_captions(chapter), *figure_captions(chapter))}
    return ids | (set(GENERATED_FIGURES) - thin_items(plan))


#: what can make a ``[[…]]`` print as written (code: a backtick, a fence of tildes, an indented line; an escape; raw
#: HTML; a link's address): a text with none of these has each of them resolved, as converting it would say
_LITERAL = re.compile(r"[`\\<~]|\]\(|^(?: {4}|\t)[ \t]*\S", re.MULTILINE)


def find(text: str, pattern: re.Pattern[str] = PATTERN) -> Iterator[tuple[str, int, int]]:
    """(id, line within text, column) of each reference (or, with :data:`MISTYPED`, of each near miss) where the book
    and the site resolve one: not in code, nor with a mark escaped (``\\[[GOV-01]]``), which print as written
    (:mod:`masterplan.render.reference_places`)."""
    for match in places(text, pattern):
        yield match.group(1), *line_and_column(text, match.start())


def places(text: str, pattern: re.Pattern[str] = PATTERN) -> list[re.Match[str]]:
    """The matches of ``pattern`` (its group 1: the words between the brackets) in ``text`` where the book and the
    site resolve a reference (or, with :data:`MISTYPED`, meet a near miss), in order: where they are in ``text``,
    for a command that edits them in place (``masterplan rename``)."""
    found = list(pattern.finditer(text))
    if not found or not _may_print_as_written(text):  # every one is resolved: the text need not be converted
        return found
    from masterplan.render.reference_places import referencing

    kept = referencing(text, [match.span(1) for match in found])
    return [match for number, match in enumerate(found) if number in kept]


def half_bracketed(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(as written, line within text, column, opened) of each reference with a bracket too few (:data:`HALF_BRACKETED`)
    that the book and the site print as text, not as code. ``opened``: for ``[GOV-01]]``, the text its last ']' closes
    the bracket of on its line (``[lihat `` of ``[lihat [GOV-01]]``), else empty."""
    found = list(HALF_BRACKETED.finditer(text))
    shown = printed_as_text(text, [match.span() for match in found])
    for number, match in enumerate(found):
        if number in shown:
            line, column = line_and_column(text, match.start())
            yield match.group(), line, column, _opened(text[max(match.start() - column + 1,
                                                                match.start() - _OPENED_WITHIN):match.start()]) \
                if match.group().endswith("]]") else ""


_OPENED_WITHIN = 200  #: how far back on its line a bracket a reference stands inside is looked for


def _opened(before: str) -> str:
    """The text from the last '[' of ``before`` that no ']' closes, to its end; empty when every '[' is closed."""
    depth = 0
    for at in range(len(before) - 1, -1, -1):
        if before[at] == "]":
            depth += 1
        elif before[at] == "[":
            if depth == 0:
                return before[at:]
            depth -= 1
    return ""


def printed_as_text(text: str, words: Sequence[tuple[int, int]]) -> Container[int]:
    """The numbers of ``words`` (spans of ``text`` outside any reference, in order) the book and the site print as
    text, not as code (`` `GOV-99` ``, a fenced or an indented block)."""
    if not words or not _may_print_as_written(text):
        return range(len(words))
    from masterplan.render.reference_places import printed_as_text as in_text

    return in_text(text, words)


def printed_in_chapter(chapter: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``spans`` (each a word's or a name's in ``chapter``, a chapter file's whole text, outside any ``[[…]]``,
    in order) the book and the site print as text, not as code, in order: its Markdown read as they read it
    (:func:`printed_as_text`: a fence of four backticks holding a line of three, or a block indented four spaces,
    fools patterns); its front matter is YAML, its title's words printed as they are, and all its spans are kept. A
    name broken over two lines is judged by its first: its line break stays, and with it the Markdown's blocks."""
    at = len(chapter) - len(split_front_matter(chapter)[1])
    in_markdown = [(start, end) for start, end in spans if start >= at]
    shown = printed_as_text(chapter[at:], [(start - at, _line_end(chapter, start, end) - at)
                                           for start, end in in_markdown])
    return [span for span in spans if span[0] < at] + [span for number, span in enumerate(in_markdown)
                                                       if number in shown]


def _line_end(text: str, start: int, end: int) -> int:
    """Where the span of ``text`` from ``start`` to ``end`` ends, or its first line does."""
    broken = text.find("\n", start, end)
    return end if broken < 0 else broken


def _may_print_as_written(text: str) -> bool:
    """Whether ``text`` has anything that makes a ``[[…]]`` print as written (:data:`_LITERAL`); a Jinja tag's code
    ("\\n| ", a < b) is no Markdown."""
    return _LITERAL.search(TAG.sub("", text)) is not None


def meant(text: str) -> str | None:
    """The id a mistyped reference most likely meant (``GOV-01`` for `` GOV-01 `` or ``GOV-01|teks``,
    ``tab:swot`` for ``tab: swot``), or None when what is left is no id (``tabel 2.1``)."""
    candidate = _AROUND_COLON.sub(":", text.split("|")[0].strip())  # "tab: swot" → "tab:swot"
    return candidate if _ID.fullmatch(candidate) else None
