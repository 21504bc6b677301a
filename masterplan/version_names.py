"""A version's name as the kept books' addresses and the plan's history compare it.

``v1.0``, ``V1.0``, ``1.0`` and the same digits of another script (``１.０`` typed on a phone's full-width keyboard,
``١.٠`` in Arabic-Indic digits) are one version: kept in one folder, ``build/.versions/v1.0/``, served at
``download/v1.0/``, and listed once in ``revisions`` (E113).
"""

from __future__ import annotations

import re
import unicodedata

_DECIMAL_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})  # Arabic decimal and thousands separators


def name(version: str) -> str:
    """``version`` in ASCII without its leading ``v``: ``1.0`` for each of the above; a character no address holds
    made ``-`` (``2024/1``: ``2024-1``); empty for a version no name can be made of."""
    text = unicodedata.normalize("NFKC", str(version)).translate(_DECIMAL_SEPARATORS).strip()
    text = "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)
    text = re.sub(r"^[vV](?=\d)", "", text)
    return re.sub(r"[^0-9A-Za-z.]+", "-", text).strip("-.")


def same(first: str, second: str) -> bool:
    """Whether the two are one version (``v1.0`` and ``1.0``); two versions no name can be made of are the same only
    when written alike."""
    named = name(first)
    return named == name(second) if named else str(first).strip() == str(second).strip()
