"""Whether each program's code agrees with its pillar, where the plan numbers programs by pillar, and is written
in the letters of the plan's other codes.

Most plans code a program by its pillar (GOV-01 for Smart Governance, ECO-03 for Smart Economy);
the book says so, and readers look a program up by it. A program moved to another pillar and not
renumbered, or filed under the wrong one, reads as the first pillar's while its budget counts in the
second's tables (W417). Plans that code programs otherwise (by agency, by year) are left alone: a
code's prefix counts only when nearly all programs with it are in one pillar, and nearly all of the
program's own pillar's programs have another; a prefix that names an agency (DISHUB-05) never does.

A code typed in small letters (gov-01 where the plan writes GOV-01) is another id: the agencies naming GOV-01
would be told that no program has it, and offered gov-01 (W428 says where the slip is, and their E205 says so too).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.checks.references import free_id
from masterplan.diagnostics import Diagnostic, Message, warning
from masterplan.model import Plan
from masterplan.programs import Program

MOSTLY = 0.8  #: the share of a prefix's programs in one pillar (and of a pillar's programs with one prefix) that makes it that pillar's
FEWEST = 3  #: programs a prefix needs in a pillar before it is taken to be that pillar's
CODE = re.compile(r"([A-Za-z]+)([-_. ]?)(\d+)$")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W417: a program whose code is another pillar's."""
    agencies = {name.upper() for agency in plan.agencies for name in (agency.id, agency.short_name)}
    owners = {prefix: pillar for prefix, pillar in _prefix_owners(plan.programs).items()
              if prefix not in agencies}  # DISHUB-05: coded by its agency, in whichever pillar
    for pillar in plan.pillars:
        for program in pillar.programs:
            code = CODE.match(program.id)
            owner = owners.get(code.group(1).upper()) if code else None
            if code is None or owner is None or owner == pillar.id:
                continue  # the pillar's other programs are counted only for the rare code owned elsewhere
            if owners.get(_pillar_prefix(pillar.programs, program) or "") != pillar.id:
                continue
            yield warning(program.at("pillar"), "W417", "program {program}'s code is one of pillar {owner}'s "
                          "({prefix}…), but it is in pillar {pillar}",
                          Message("if it belongs to {pillar}, give it a code of {pillar}'s, such as {code}, and add "
                                  "former_ids: [{program}], so links to its page keep working; otherwise write "
                                  "pillar: {owner}", pillar=pillar.id, code=_pillar_code(plan, pillar.programs, program),
                                  program=program.id, owner=owner),
                          program=program.id, owner=owner, prefix=code.group(1) + code.group(2), pillar=pillar.id)


def in_capitals(plan: Plan) -> bool:
    """Whether the plan writes its program codes' letters in capitals: nearly all (:data:`MOSTLY`) of its codes
    with letters, :data:`FEWEST` at least."""
    lettered = [found.group(1) for program in plan.programs if (found := CODE.match(program.id))]
    return len(lettered) >= FEWEST and sum(code == code.upper() for code in lettered) >= MOSTLY * len(lettered)


def letters(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W428: a program code whose series letters are small (gov-01) in a plan that writes that series in capitals
    (GOV-02, GOV-03…); not a code of letters after its number (LIV-04a), nor one whose capitals another program has
    (E207 says that)."""
    if not in_capitals(plan):
        return
    ids = {program.id for program in plan.programs}
    series = {found.group(1) for program in plan.programs if (found := CODE.match(program.id))}
    for program in plan.programs:
        found = CODE.match(program.id)
        if (found and found.group(1) != found.group(1).upper() and found.group(1).upper() in series
                and program.id.upper() not in ids):
            meant = found.group(1).upper() + program.id[len(found.group(1)):]
            yield warning(program.at("id"), "W428", "program code {code} is written with small letters, the plan's "
                          "other codes in capitals", Message("write id: {meant}", meant=meant), code=program.id)


def _prefix_owners(programs: list[Program]) -> dict[str, str]:
    """Each code prefix nearly all of whose programs (at least :data:`FEWEST`) are in one pillar → that pillar."""
    pillars: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for program in programs:
        if code := CODE.match(program.id):
            pillars[code.group(1).upper()][program.pillar_id] += 1
    owners = {}
    for prefix, counts in pillars.items():
        pillar, count = counts.most_common(1)[0]
        if count >= FEWEST and count >= MOSTLY * sum(counts.values()):
            owners[prefix] = pillar
    return owners


def _pillar_prefix(programs: list[Program], but: Program) -> str | None:
    """The prefix nearly all of a pillar's other programs have, if one does."""
    counts = Counter(code.group(1).upper() for program in programs if program is not but
                     and (code := CODE.match(program.id)))
    if not counts:
        return None
    prefix, count = counts.most_common(1)[0]
    return prefix if count >= MOSTLY * (len(programs) - 1) else None


def _pillar_code(plan: Plan, programs: list[Program], but: Program) -> str | None:
    """The first code of the pillar's series no program has: ECO-07 after ECO-06."""
    codes = [code for program in programs if program is not but and (code := CODE.match(program.id))]
    prefix = Counter(code.group(1).upper() for code in codes).most_common(1)[0][0]
    return free_id(plan, next(code.group(0) for code in codes if code.group(1).upper() == prefix))
