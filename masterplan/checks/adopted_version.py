"""W130: an adopted plan edited under its version, which its book and site would publish as the adopted annex.

A final plan's version and date name the regulation that adopted it. An amount, a target, a program or an agency
changed since the first build of that version (:mod:`masterplan.adopted_record`) would change the annex under the
old citation: two documents, one "Lampiran Peraturan Wali Kota … Nomor 45 Tahun 2021". An amendment is a new version,
with its own entry in ``revisions`` and its decree. Told at plan.yml's ``version``, with what changed, as the page of
changes counts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from masterplan import adopted_record
from masterplan.baseline import what_changed
from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if unreadable:  # a file YAML cannot read would count as its programs dropped
        return
    found = adopted_record.amended(plan)
    if found is None:
        return
    yield warning(plan.where.get("version", plan.position), "W130", "version {version} was first built as adopted, "
                  "and its content has changed since: {changes}; its book and site would change under the same "
                  "version and regulation", "publish an amendment as a new version: raise version and date, and add "
                  "its entry to revisions with its decree; undo the edit if it was a mistake; if this version was "
                  "never published, delete build/.adopted/, the record of its first build",
                  version=plan.version, changes=what_changed(found))
