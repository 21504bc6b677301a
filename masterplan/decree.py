"""The regulation that adopted the plan, read from its current revision's ``decree``: what the book, as the annex
(lampiran) of that regulation, prints in its heading and signs at its end.

An adopted plan is published as the annex of a Peraturan Wali Kota (a Peraturan Bupati in a regency), and Indonesian
regulations print an annex's first page with a heading naming the regulation (Permendagri 80/2015)::

    LAMPIRAN
    PERATURAN WALI KOTA PASURUAN
    NOMOR 45 TAHUN 2021
    TENTANG
    MASTERPLAN SMART CITY KOTA PASURUAN 2022–2031

and end it with the signature of the one who enacted it ("WALI KOTA PASURUAN,"). plan.yml writes the decree as the
regulation names itself, ``Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021``, optionally followed by ``tentang``
and its title (else the plan's title is the regulation's): this reads its parts back. A final plan whose current
decree does not read so gets no heading, and validate says why (W121).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from masterplan.model import Plan
from masterplan.plan_parts import Revision

#: "<regulation> Nomor <number> Tahun <year>[ tentang <title>]", or in English "… Number 45 of 2021[ concerning …]"
PATTERN = re.compile(r"(?P<kind>\S.*?)\s+(?:Nomor|Number|No\.)\s*(?P<number>[^\s,]+),?\s+(?:Tahun|of|Year)\s+"
                     r"(?P<year>\d{4})(?:\s+(?:tentang|concerning|on)\s+(?P<about>\S.*?))?\s*", re.IGNORECASE | re.DOTALL)
#: the word a regulation's name opens with, before whom it is of ("Peraturan Wali Kota …": the Wali Kota's)
REGULATION = re.compile(r"(?:Peraturan|Keputusan)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Decree:
    """The adopting regulation's parts, as written: ``kind`` "Peraturan Wali Kota Pasuruan", ``number`` "45",
    ``year`` "2021", ``about`` its title ("" where the decree gives none: the plan's title is printed)."""

    kind: str
    number: str
    year: str
    about: str
    revision: Revision

    @property
    def enacted_by(self) -> str:
        """Who signs it, from its name: "Wali Kota Pasuruan" of a "Peraturan Wali Kota Pasuruan" ("" if the name
        does not say)."""
        opening = REGULATION.match(self.kind)
        return self.kind[opening.end():] if opening else ""


@dataclass(frozen=True)
class Enacted:
    """The signature closing the annex: the office, as the regulation's name gives it, and the name of the one
    holding it, as the foreword's signature by the same office gives it (None: a line to write it on)."""

    role: str
    name: str | None


def current(plan: Plan) -> Revision | None:
    """The entry of ``revisions`` for the plan's own version (the last one listing it), if any."""
    version = plan.version.strip()
    return next((revision for revision in reversed(plan.revisions) if revision.version.strip() == version), None)


def read(text: str, revision: Revision) -> Decree | None:
    """``text``'s parts as a regulation's name, or None where it does not read as one."""
    found = PATTERN.fullmatch(" ".join(text.split()))
    if found is None:
        return None
    return Decree(found["kind"], found["number"], found["year"], found["about"] or "", revision)


def adopting(plan: Plan, language: str) -> Decree | None:
    """The regulation that adopted a final plan at its current version, as the book in ``language`` names it;
    None for a draft, a version no decree adopted, or a decree that does not read as a regulation's name."""
    revision = current(plan)
    if plan.is_draft or revision is None or not str(revision.decree).strip():
        return None
    return read(revision.decree.get(language), revision)


def enacted(plan: Plan, decree: Decree, language: str) -> Enacted | None:
    """Who signs the annex of ``decree``: the office its name gives, else the foreword's signer's; the name the
    foreword's signature by that office gives. None where neither says who."""
    signatures = [chapter.signed for chapter in plan.chapters if chapter.part == "front" and chapter.signed]
    role = decree.enacted_by or (signatures[0].role.get(language) if signatures else "")
    if not role.strip():
        return None
    same = (signed for signed in signatures if " ".join(signed.role.get(language).split()).casefold()
            == " ".join(role.split()).casefold())
    return Enacted(role, next((signed.name for signed in same if signed.name), None))


def example(city: str) -> str:
    """How plan.yml names the regulation adopting a plan of ``city``: a Kabupaten's Bupati enacts a Peraturan Bupati."""
    if city.startswith("Kabupaten "):
        return f"Peraturan Bupati {city.removeprefix('Kabupaten ')} Nomor 45 Tahun 2021"
    return f"Peraturan Wali Kota {city.removeprefix('Kota ')} Nomor 45 Tahun 2021"
