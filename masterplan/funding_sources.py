"""The funding sources a plan has unless it lists its own (``funding_sources`` in plan.yml), and the names the book,
the site and the workbook give them: one fact, read by the loader (the default list) and by the formatting of an
edition (the names), neither of which needs the other or the content format's schema."""

from __future__ import annotations

#: each default source with the catalog's English message the book and the site name it by ("Swasta" is "Private
#: sector" in an English edition); an acronym is its own name
FUNDING_SOURCE_NAMES = {"APBD": "APBD", "APBD Provinsi": "Provincial APBD", "APBN": "APBN", "DAK": "DAK", "CSR": "CSR",
                        "KPBU": "KPBU", "Swasta": "Private sector", "Hibah": "Grants"}
#: the sources a plan has unless it lists its own
DEFAULT_FUNDING_SOURCES = list(FUNDING_SOURCE_NAMES)
