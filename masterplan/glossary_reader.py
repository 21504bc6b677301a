"""Reads content/glossary.yml into the plan's glossary terms, their spaces plain; a term defined twice (in any letters
or spacing) is an error (E211)."""

from __future__ import annotations

from pathlib import Path

from masterplan.diagnostics import error
from masterplan.folder_reader import FolderReader
from masterplan.plan_parts import GlossaryTerm


def read_glossary(reader: FolderReader, path: Path) -> list[GlossaryTerm]:
    """The terms of the glossary at ``path``, each once (the first definition kept); none when it cannot be read."""
    data = reader.document(path, "glossary")
    if data is None:
        return []
    terms: dict[str, GlossaryTerm] = {}
    for item in data["terms"]:
        # its spaces as a reader sees them: a pasted no-break space ("APBD\u00a0") or two spaces made a second term
        written = " ".join(str(item["term"]).split())
        term = GlossaryTerm(written, reader.text(item["definition"]), item.position, item.at("definition"))
        first = terms.setdefault(written.casefold(), term)
        if first is not term:
            reader.report.add(error(item.at("term"), "E211", "glossary term '{term}' is defined twice "
                                    "(first at line {line})", "merge the two definitions",
                                    term=term.term, line=first.position.line))
    return list(terms.values())
