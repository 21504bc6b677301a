"""Glossary entries written the way a list of abbreviations is typed, ``- APBD: Anggaran Pendapatan …``, or at the
file's top, ``SPBE: Sistem Pemerintahan …``, instead of ``- term: APBD`` with its ``definition:``.

Checked against the schema, one such entry drew three errors at its line ("required field 'definition' is
missing", "required field 'term' is missing", "unknown field 'APBD'"), none showing the form to write. Each is told
once, with its own words in the right form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from masterplan.diagnostics import Diagnostic, Message, Position, error
from masterplan.located import locate

_FIELDS = frozenset({"term", "definition", "terms"})


def shorthand(data: Any, position: Position) -> Iterator[tuple[tuple[Any, ...], Diagnostic]]:
    """(the path of each entry written so, its E103) for a glossary's data."""
    if not isinstance(data, dict):
        return
    terms = data.get("terms")
    for index, entry in enumerate(terms if isinstance(terms, list) else []):
        if isinstance(entry, dict) and len(entry) == 1:
            ((term, definition),) = entry.items()
            if isinstance(term, str) and term not in _FIELDS and isinstance(definition, str):
                yield ("terms", index), _said(term, definition, locate(data, ["terms", index], position))
    for term, definition in data.items():
        if isinstance(term, str) and term not in _FIELDS and isinstance(definition, str):
            yield (term,), _said(term, definition, locate(data, [term], position))


def _said(term: str, definition: str, where: Position) -> Diagnostic:
    shown = definition if len(definition) <= 40 else definition[:38].rsplit(" ", 1)[0].rstrip(" ,;") + " …"
    return error(where, "E103", "glossary entry '{term}' is written as '{term}: …'; an entry has a term and a "
                 "definition", Message("write it under terms: as - {{term: {term}, definition: {definition}}}",
                                       term=term, definition=shown), term=term)
