"""What a chapter's Jinja handles, as its author names it: ``Agency`` is "perangkat daerah", ``str`` "teks".

Messages about a chapter's Jinja ("data agency tidak memiliki isian 'nama'") named a record by Python's class;
these are the catalog's words for each (English here, translated like any message).
"""

from __future__ import annotations

from masterplan.diagnostics import Message

WORDS = {"str": "text", "list": "list", "tuple": "list", "int": "number", "float": "number", "dict": "mapping",
         "bool": "yes or no", "NoneType": "empty value",
         "Plan": "plan", "Pillar": "pillar", "SubElement": "sub-element", "Mission": "mission", "Phase": "phase",
         "Revision": "revision", "ReadinessItem": "readiness item", "Swot": "SWOT analysis",
         "GlossaryTerm": "glossary term", "Agency": "agency", "Signature": "signature", "Chapter": "chapter",
         "Indicator": "indicator", "BudgetLine": "budget line", "Program": "program", "Text": "text",
         "Period": "period"}


def record_word(kind: str) -> Message | str:
    """The words for what Python calls ``kind`` (``Agency`` → "agency", translated); ``kind`` itself else."""
    word = WORDS.get(kind)
    return Message(word) if word else kind
