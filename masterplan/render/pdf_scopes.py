"""Table header cells said to be a column's or a row's (``/Scope``), in a tagged PDF.

WeasyPrint tags a ``<th>`` as a ``TH`` structure element without saying what it heads: a screen reader then
guesses, and an accessibility checker (PAC, veraPDF's PDF/UA rules) reports each of the book's 559 header cells. A
header cell in a table's head (``THead``) heads its column; one in its body (the first cell of a row, a program's
code in the budget tables) heads its row. Each part's PDF gets them as WeasyPrint writes it (its ``finisher``),
in the worker that lays the part out: the join copies them with the rest of the tree.
"""

from __future__ import annotations

from typing import Any

import pydyf


def scoped(document: Any, pdf: pydyf.PDF) -> None:
    """Give every ``TH`` of ``pdf``'s structure tree the table attributes that say what it heads; ``document``,
    WeasyPrint's, is not needed."""
    elements = {element.reference: element for element in pdf.objects
                if isinstance(element, pydyf.Dictionary) and element.get("Type") == "/StructElem"}
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = elements.get(element.get("P"))
        group = elements.get(row.get("P")) if row is not None else None
        scope = "/Column" if group is not None and group.get("S") == "/THead" else "/Row"
        element["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})
