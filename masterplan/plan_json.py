"""The format of ``plan.json``, the plan's open data: what :mod:`masterplan.render.data` writes, and what each reader
of a built plan.json checks before reading it (the last build's names for hints, :mod:`masterplan.checks.last_build`;
the previous version the page of changes compares with, :mod:`masterplan.baseline`; the revision a build kept,
:mod:`masterplan.published_plan`).

Every plan.json masterplan ever wrote says ``"format": "masterplan/plan"`` and its ``format_version`` (1 from the
first, 2 to 5 since): one without them is another file (a ``datapackage.json``, any JSON plan.yml's ``baseline``
names). Versions 1 to :data:`FORMAT_VERSION` are read, a city's baseline from last year's build among them; a higher
one was written by a newer masterplan, whose fields this one may take wrongly. Light to import: validate reads it
without the render stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from masterplan.messages import Message

FORMAT = "masterplan/plan"
#: 2: a text the plan leaves out is null, no longer "" (a location {"id": ""}); 3: attainment_by_pillar is always
#: there, null before any realised figure (version 2 left it out); 4: a program's partners are those of both sides,
#: its lead's and the agencies listing it under supports, and unconfirmed_partners says which only one side writes down;
#: 5: the attainment counts not_reported apart from not_judged (a target that year and no realised figure),
#: attainment_by_agency gives them by lead agency, and plan.realised_as_of the day the realised figures are of
FORMAT_VERSION = 5
#: why a file cannot be read: written by a newer masterplan (the check of plan.yml's baseline hints differently)
NEWER = ("it was written by a newer masterplan (plan.json format version {version}); this one reads up to version "
         "{known}: update masterplan")


def problem(document: Any) -> Message | None:
    """Why this masterplan cannot read ``document``, a JSON file's content, as a plan.json: another file's format,
    or a newer one than it knows; None when it can."""
    version = document.get("format_version") if isinstance(document, Mapping) else None
    if not isinstance(document, Mapping) or document.get("format") != FORMAT or not isinstance(version, int) \
            or isinstance(version, bool) or version < 1:
        return Message("it is another file, not the plan.json of a plan's open data: it has no "
                       "\"format\": \"masterplan/plan\"")
    if version > FORMAT_VERSION:
        return Message(NEWER, version=version, known=FORMAT_VERSION)
    return None


class Unreadable(ValueError):
    """A JSON document this masterplan cannot read as a plan.json; ``reason`` says why, as a user is told it."""

    def __init__(self, reason: Message):
        super().__init__(reason)
        self.reason = reason


def checked(document: Any) -> Mapping[str, Any]:
    """``document`` (a JSON file's content), which this masterplan can read as a plan.json; raises
    :class:`Unreadable` (a ``ValueError``) for one it cannot (:func:`problem`)."""
    found = problem(document)
    if found is not None:
        raise Unreadable(found)
    return document  # type: ignore[no-any-return]
