"""The address of the open data's licence in the edition's language: a Creative Commons deed is published in
every language at one address but its last letters (``…/by/4.0/deed.id``, ``…/deed.en``), so the English edition
of a plan naming the Indonesian deed leads its readers to the English one, as it prints its texts' English."""

from __future__ import annotations

import re

#: a Creative Commons licence's or public-domain tool's deed in one language: ``…/licenses/by/4.0/deed.id``
CC_DEED = re.compile(r"(?P<deed>https?://(?:www\.)?creativecommons\.org/(?:licenses|publicdomain)/[^?#\s]+/deed)"
                     r"\.(?P<language>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)


def in_language(address: str | None, language: str) -> str | None:
    """``address`` leading to its deed in ``language`` where it is a Creative Commons deed, else as written (also
    what is no text, which the schema's check tells)."""
    if not isinstance(address, str):
        return address
    found = CC_DEED.fullmatch(address.strip())
    if found is None or found["language"].lower() == language.lower():
        return address
    return f"{found['deed']}.{language}"
