"""The previous version plan.yml names (``baseline``), which the site's page of changes compares the plan with:
a plan.json inside the plan folder (:mod:`masterplan.baseline`), of a format this masterplan reads
(:mod:`masterplan.plan_json`). A wrong one is an error, not a page of changes
quietly left out or compared with the wrong version. A last build of a later version than the plan's is compared
with nothing, and said so (W424)."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan import baseline, plan_json
from masterplan.diagnostics import Diagnostic, Message, error, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str]) -> Iterator[Diagnostic]:
    if (later := baseline.later_build(plan)) is not None:
        yield warning(plan.where.get("version", plan.position), "W424", "the last build was of version {then} of "
                      "{date}, later than this plan's version {now} of {today}: it is no previous version of it, "
                      "and no page of changes is made", "a revision's version goes up (1.0, 1.1, 2.0); if the last "
                      "build was the sample as 'masterplan new' copied it, nothing needs doing",
                      then=later[0] or "–", date=later[1] or "–", now=plan.version or "–",
                      today=plan.date.isoformat() if plan.date else "–")
    found = baseline.problem(plan)
    if found is not None:
        in_content = plan.content is not None and plan.baseline is not None and \
            (plan.content / plan.baseline).is_file() and not (plan.content.parent / plan.baseline).exists()
        yield error(plan.where.get(baseline.FIELD, plan.position), "E534",
                    "baseline '{path}' cannot be compared with: {reason}",
                    None if found.template == plan_json.NEWER else  # the reason says what to do: update masterplan
                    Message("the path is read from the plan folder, the one holding content/: write content/{path}",
                            path=plan.baseline) if in_content else
                    "copy the published version's build/site/data/plan.json into the plan folder, e.g. "
                    "published/plan-1.0.json, and write that path", path=plan.baseline, reason=found)
