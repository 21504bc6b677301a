"""The names a download from the site is saved under: the city, the plan's years, its version, for an edition in
another language than the plan is written in, that language, and, for a draft, so.

The site serves its files under short fixed names (``download/masterplan.pdf``, ``data/masterplan-data.zip``), the
same for every city and every version: an archivist, a council member or a journalist who downloaded two cities'
plans, or the draft and the adopted one, had ``masterplan.pdf`` and ``masterplan(1).pdf``. The links ask the
browser to save each as ``masterplan-kota-pasuruan-2022-2031-v1.0-draf.pdf`` instead (the ``download`` attribute),
and the English edition's as ``masterplan-kota-pasuruan-2022-2031-v1.0-en-draft.pdf``: both editions downloaded, the
second was saved over the first.
"""

from __future__ import annotations

import re

from masterplan.model import Plan

_NOT_IN_A_NAME = re.compile(r"[^a-z0-9]+")


def plan_slug(plan: Plan) -> str:
    """The plan's city and years in a name: ``kota-pasuruan-2022-2031`` (also the data package's name)."""
    return _NOT_IN_A_NAME.sub("-", f"{plan.city} {plan.period.start} {plan.period.end}".lower()).strip("-")


def saved_as(plan: Plan, file: str, draft: str) -> str:
    """The name ``file`` (``masterplan.pdf``) of the plan's site is saved under; ``draft``: the word for a draft,
    in the plan's language (``Draf``)."""
    stem, dot, suffix = file.rpartition(".")
    version = re.sub(r"[^0-9A-Za-z.]+", "-", plan.version.strip()).strip("-.")
    edition = [plan.language] if plan.language != plan.written_in else []
    parts = [stem, plan_slug(plan), *([f"v{version}"] if version else []), *edition,
             *([_NOT_IN_A_NAME.sub("-", draft.lower()).strip("-")] if plan.is_draft else [])]
    return "-".join(part for part in parts if part) + dot + suffix
