"""Cross-references (``[[GOV-01]]``, ``[[tab:swot]]``) that name nothing the plan has (E507), with what was likely
meant, nothing the book they are printed in holds (W604: the strategic analysis, the executive summary), and double
brackets around what is no cross-reference (W518)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from masterplan import analysis, attainment, crossref
from masterplan.checks.last_build import Unknown
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Message,
    Position,
    closest,
    error,
    warning,
)
from masterplan.look_alike_spaces import code_point
from masterplan.model import Plan
from masterplan.values import code_order

UnknownReference = Callable[[str, Position], "Diagnostic | None"]


def unknown_references(plan: Plan, unreadable: AbstractSet[str]) -> UnknownReference:
    """What a cross-reference to nothing the plan has is, said at its place: E507 (none for an id a broken file may
    hold)."""
    known = crossref.targets(plan)
    unknown = Unknown.of(plan)

    def unknown_reference(ref: str, at: Position) -> Diagnostic | None:
        if ref in known or ref.split(":")[-1] in unreadable or (":" not in ref and ANY_PROGRAM in unreadable):
            return None
        if ref == crossref.ATTAINMENT_TABLE and unreadable:  # a pillar's or agency's file unread may hold realised figures
            return None
        return error(at, "E507", "cross-reference to unknown '{ref}'",
                     (":" not in ref and unknown.program(ref))
                     or former_agency(ref, unknown)
                     or empty_table(ref, plan) or thin_part(ref, plan) or unmonitored(ref, plan)
                     or unprinted_changes(ref, plan)
                     or closest_reference(ref, known) or (unknown.series(ref) if ":" not in ref else None),
                     ref=ref).naming(ref.split(":")[-1])

    return unknown_reference


def analysis_references(plan: Plan, unreadable: AbstractSet[str]) -> UnknownReference:
    """What a cross-reference of the strategic analysis to nothing it holds is: W604 for a program or agency (printed
    as plain text, no link: the analysis has no program matrix) and for what only the book holds (printed as written),
    E507 for what the plan does not have."""
    own = analysis.targets(plan)
    plain = analysis.plain_texts(plan)
    in_book = crossref.targets(plan)

    def unknown_reference(ref: str, at: Position) -> Diagnostic | None:
        if ref in plain:
            return warning(at, "W604", "cross-reference '{ref}' is printed as plain text, {text}: the strategic "
                           "analysis holds no program matrix or agency to lead to",
                           "write the name itself, or leave it: the master plan's book has the link", ref=ref,
                           text=plain[ref])
        if ref in own or ref.split(":")[-1] in unreadable:
            return None
        if ref in in_book:
            return warning(at, "W604", "cross-reference '{ref}' names nothing in the strategic analysis: the book "
                           "holds it, and it is printed as written",
                           "refer to the analysis's own chapters and tables ([[bab:…]], [[tab:…]]), or name the "
                           "book's in words", ref=ref)
        return error(at, "E507", "cross-reference to unknown '{ref}'", closest_reference(ref, own), ref=ref)

    return unknown_reference


def summary_references(plan: Plan) -> UnknownReference:
    """What a cross-reference of the executive summary to nothing it holds is (its own chapters, tables and figures:
    no program or agency, it has no program matrix): W604, printed as written, as its book tells it."""
    # the summary book's own outline, not a second list of its ids to keep in step with it; loaded only for a plan
    # with a summary text (the strategic analysis's ids are derived without the renderer: masterplan.analysis)
    from masterplan.i18n import Translator
    from masterplan.render import summary_outline
    held = summary_outline.contents(plan, Translator("en", {})).targets

    def unknown_reference(ref: str, at: Position) -> Diagnostic | None:
        return None if ref in held else not_in_book(ref, at, SUMMARY_HINT)

    return unknown_reference


#: what to do of a cross-reference the executive summary does not hold
SUMMARY_HINT = ("the executive summary holds its own chapters, tables and figures only (no program matrix): refer to "
                "them ([[tab:quick-wins]], [[tab:budget-pillar]]), or name the program, agency or chapter in words")


def not_in_book(ref: str, at: Position, hint: str | None = None) -> Diagnostic:
    """W604 for a cross-reference a book prints without a target (as written)."""
    return warning(at, "W604", "cross-reference '{ref}' names nothing in the book", hint, ref=ref)


#: kinds of cross-reference as staff also write them (in Indonesian, in English, in full)
KIND_WORDS = {"pilar": "pillar", "tabel": "tab", "table": "tab", "gambar": "fig", "figure": "fig", "chapter": "bab",
              "opd": "agency", "program": ""}


def empty_table(ref: str, plan: Plan) -> Message | None:
    """Why a pillar's own table is no target: the pillar has no programs (no matrix) or no indicators (no table),
    so its chapter prints none (``tab:program-talenta``); what to refer to instead."""
    for prefix, lacking in (("tab:program-", "programs"), ("tab:indicators-", "indicators")):
        pillar = next((p for p in plan.pillars if ref == f"{prefix}{p.id}"), None)
        if pillar is None:
            continue
        if lacking == "programs" and not pillar.programs:
            return Message("pillar {pillar} has no programs yet, so its chapter prints no program matrix: refer to "
                           "the pillar itself, [[pillar:{pillar}]], until a program is given pillar: {pillar}",
                           pillar=pillar.id)
        if lacking == "indicators" and not pillar.indicators:
            return Message("pillar {pillar} has no indicators yet, so its chapter prints no indicator table: refer "
                           "to the pillar itself, [[pillar:{pillar}]], until its file lists indicators",
                           pillar=pillar.id)
    return None


#: why a generated table a thin plan has no rows for is no target (crossref.thin_items), by table
_NO_PROGRAMS = ("the plan has no program yet, so the book prints no budget, roadmap or tables of programs by mission: "
                "they appear once an agency's file lists a program")
_NO_MISSIONS = ("plan.yml lists no missions yet, so the book prints no tables of programs by mission: they appear "
                "once missions: are written")
_THIN_REASONS = {
    crossref.MISSIONS_TABLE: _NO_MISSIONS,
    crossref.MISSION_BUDGET_TABLE: _NO_MISSIONS,
    crossref.READINESS_TABLE: "plan.yml has no readiness rows yet, so the book prints no readiness table: it appears "
                              "once readiness: is written",
    crossref.QUICK_WINS_TABLE: "no program is marked as a quick win yet, so the book prints no table of quick wins: "
                               "it appears once a program has quick_win: true",
    **dict.fromkeys(crossref.MONEY_AND_YEARS, _NO_PROGRAMS),
}
#: the missions' tables, of a plan with missions and no program yet: why they are not printed is the programs'
_NO_PROGRAMS_TOO = {crossref.MISSIONS_TABLE, crossref.MISSION_BUDGET_TABLE}


def thin_part(ref: str, plan: Plan) -> Message | None:
    """Why a table of missions, of readiness or of quick wins, or one of the budget or the roadmap, is no target: the
    plan has nothing for it yet."""
    if ref not in crossref.thin_items(plan):
        return None
    return Message(_NO_PROGRAMS if not plan.programs and ref in _NO_PROGRAMS_TOO else _THIN_REASONS[ref])


def unmonitored(ref: str, plan: Plan) -> Message | None:
    """Why the attainment table is no target: no indicator has a realised figure of a year up to the plan's date, so
    the book prints no such table; when it will."""
    if ref != crossref.ATTAINMENT_TABLE:
        return None
    # realised figures, yet no table: each is of a year after realised_as_of, or the plan's date (W327); no date, no
    # cap (E101)
    until = plan.monitored_until
    if until is not None and any(indicator.realised for indicator in attainment.indicators(plan)):
        return Message("the plan's realised figures are all of years after its date ({date}): the attainment table "
                       "appears once one is of a year up to it; check the years, or give plan.yml realised_as_of: the "
                       "day they were collected" if plan.realised_as_of is None else "the plan's realised figures "
                       "are all of years after plan.yml's realised_as_of ({date}): the attainment table appears once "
                       "one is of a year up to it; check the years, or move realised_as_of on", date=until.isoformat())
    return Message("no indicator has a realised figure yet, so the book prints no attainment table: it appears once "
                   "an indicator has its first one (realised: under the indicator, in an agency's or a pillar's file)")


def former_agency(ref: str, unknown: Unknown) -> Message | None:
    """The cross-reference to write for ``[[agency:old-id]]``, an id an agency's ``former_ids`` keep."""
    old = ref.removeprefix("agency:")
    if old == ref or old not in unknown.renamed_agencies:
        return None
    return Message("{old} is now {new} (its former_ids say so): write [[agency:{new}]]", old=old,
                   new=unknown.renamed_agencies[old])


def unprinted_changes(ref: str, plan: Plan) -> Message | None:
    """Why the table of changes is no target: no chapter claims it, or the build has no previous version that
    differs to compare with; what makes it appear."""
    if ref != crossref.CHANGES_TABLE:
        return None
    if not any("changes" in chapter.generated for chapter in plan.chapters):
        return Message("the book prints the table of changes only where a chapter claims it: write generated: "
                       "changes in the front matter of a chapter (e.g. a chapter 'Perubahan')")
    return Message("the table of changes appears once there is a previous version that differs to compare with: "
                   "raise the plan's version or date for a revision, or give plan.yml a baseline:")


def closest_reference(ref: str, known: Iterable[str]) -> Message | None:
    """A likely typo of a cross-reference, within its kind: 'agency:damkar' is not 'agency:disnaker',
    however alike the two are with the 'agency:' both start with. A kind of its own ('pilar:economy')
    is read as the one it most likely means. Ids are written in small letters: 'tab:Lembaga' is 'tab:lembaga'."""
    known = set(known)
    if ref.rpartition(":")[2] != ref.rpartition(":")[2].lower() and ref.lower() in known:
        return Message("ids are written in small letters: {id}", id=ref.lower())
    by_kind: dict[str, dict[str, str]] = {}
    for other in known:
        other_kind, _, other_name = other.rpartition(":")
        by_kind.setdefault(other_kind, {})[other_name] = other
    kind, _, name = ref.rpartition(":")
    if kind not in by_kind:
        kind = KIND_WORDS.get(kind.lower(), closest(kind.lower(), [k for k in by_kind if k]) or kind)
    same_kind = by_kind.get(kind, {})
    numbered = [other for other in same_kind if code_order(other)[0] == code_order(name)[0]]  # GOV-1 is GOV-01
    found = name if name in same_kind else (numbered[0] if len(numbered) == 1 else closest(name, same_kind))
    return Message("did you mean '{word}'?", word=same_kind[found]) if found else None


#: dashes a word processor writes for a hyphen: non-breaking and other hyphens, en and em dashes, the minus sign
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TO_HYPHEN = str.maketrans(dict.fromkeys(_DASHES, "-"))


def half_bracketed(written: str, where: Position, opened: str = "") -> Diagnostic:
    """W518 for a cross-reference with a bracket too few (``[[bab:pendahuluan]``, ``[GOV-01]]``); ``opened``: the
    text of a bracket its last ']' closes (``[lihat ``), which the reference stands inside."""
    code = written.strip("[]")
    hint = Message("its last ']' closes the bracket of '{opened}': to refer to {id} there, write {opened}[[{id}]]]; "
                   "to print the id as text, {opened}{id}]", opened=opened, id=code) if opened else \
        Message("write it between double brackets: [[{id}]]", id=code)
    return warning(where, "W518", "'{text}' has a bracket too few for a cross-reference: it is printed as written",
                   hint, text=written)


def mistyped(text: str, where: Position) -> Diagnostic:
    """W518 for double brackets around what is no cross-reference (``[[ GOV-01 ]]``, ``[[GOV-01|teks]]``, ``[[GOV‑01]]``
    with the non-breaking hyphen Word puts in)."""
    meant = crossref.meant(text)
    dash = next((char for char in text if char in _DASHES), None)
    if dash is not None and (retyped := crossref.meant(text.translate(_TO_HYPHEN))) is not None:
        return warning(where, "W518", "'[[{text}]]' is not a cross-reference: it is printed as written",
                       Message("its {dash} is no hyphen (a word processor puts it in): retype it as -, [[{id}]]",
                               dash=f"'{dash}' ({code_point(ord(dash))})", id=retyped), text=text)
    return warning(where, "W518", "'[[{text}]]' is not a cross-reference: it is printed as written",
                   Message("write the id alone between the brackets: [[{id}]]", id=meant) if meant else
                   "a cross-reference is an id alone between double brackets, e.g. [[GOV-01]] or "
                   "[[tab:swot]]; write other text without them", text=text)
