"""plan.yml's ``errors_when_final``: each code it names must be a warning masterplan gives (W125), or it would make
nothing an error, without a word, in the final plan it was written for."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, did_you_mean, warning
from masterplan.model import Plan
from masterplan.warning_codes import WARNING_CODES


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    for code, where in plan.errors_when_final.items():
        if code not in WARNING_CODES:
            yield warning(where, "W125", "errors_when_final names {code}, which is no warning masterplan gives",
                          did_you_mean(code, WARNING_CODES) or "the code of a warning is in its line: warning[W406]",
                          code=code)
