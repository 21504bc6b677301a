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
and its title (else the plan's title is the regulation's): this reads its parts back, in the forms regulations are
cited in (``Perbup Sidoarjo`` written out as ``Peraturan Bupati Sidoarjo``, ``Nomor: 45``, ``No. 45``, a
Keputusan's ``Nomor 188.45/12/423.011/2021`` whose number ends with its year, a trailing full stop, ``…, tentang``).
A regulation cited with its amendment ("… Nomor 45 Tahun 2021 sebagaimana telah diubah dengan … Nomor 3 Tahun
2024") is the amendment's: the revised book is the annex of the amending regulation, titled "Perubahan atas …" the
one it amends, as an amendment names itself (UU 12/2011, Lampiran II).
A final plan whose current decree does not read so gets no heading, and validate says why (W121).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from masterplan import version_names
from masterplan.model import Plan
from masterplan.plan_parts import Revision
from masterplan.sample_plan import city_name, head_of, is_regency

#: "<regulation> Nomor <number>[ Tahun <year>][, tentang <title>]", or in English "… Number 45 of 2021[ concerning …]"
PATTERN = re.compile(r"(?P<kind>\S.*?)\s+(?:Nomor|Number|No)(?:\.|\b)\s*:?\s*(?P<number>[^\s,:]+)"
                     r"(?:,?\s+(?:Tahun|of|Year)\s+(?P<year>\d{4}))?"
                     r"(?:,?\s+(?:tentang|concerning|on)\s+(?P<about>\S.*?))?", re.IGNORECASE | re.DOTALL)
#: a number carrying its year as its last part, as a Keputusan's does: 188.45/12/423.011/2021
DATED_NUMBER = re.compile(r".+/\d{4}")
#: what joins a regulation to its amendment: "sebagaimana telah diubah dengan", "… beberapa kali diubah, terakhir
#: dengan" (several: which amendment the last is, the words do not say), "as (last) amended by"
AMENDED = re.compile(r",?\s+(?:sebagaimana\s+telah\s+(?:beberapa\s+kali\s+)?diubah(?:\s+beberapa\s+kali)?\s*,?\s*"
                     r"(?:terakhir\s+)?dengan|as\s+(?:last\s+)?amended(?:\s+several\s+times)?,?\s+(?:last\s+)?by)\s+",
                     re.IGNORECASE)
#: the words of an amendment cited after others (its title, "Perubahan Kedua atas …", is the one to write then)
SEVERAL = re.compile(r"beberapa|terakhir|last|several", re.IGNORECASE)
#: the word a regulation's name opens with, before whom it is of ("Peraturan Wali Kota …": the Wali Kota's)
REGULATION = re.compile(r"(?:Peraturan|Keputusan)\s+", re.IGNORECASE)
#: a Peraturan Daerah "… Kota Pasuruan" (a Perda, once :func:`written_out`): the council's and the head of the city's,
#: whom it names after it
REGIONAL = re.compile(r"Peraturan\s+Daerah\s+", re.IGNORECASE)
#: a regulation's kind as citations shorten it, and as the annex heading names it in full ("PERATURAN BUPATI SIDOARJO",
#: never "PERBUP SIDOARJO"): Perwali (Perwal), Perbup, Perda, Kepwal, Kepbup
SHORTENED = ((re.compile(r"Perwali?\b", re.IGNORECASE), "Peraturan Wali Kota"),
             (re.compile(r"Perbup\b", re.IGNORECASE), "Peraturan Bupati"),
             (re.compile(r"Perda\b", re.IGNORECASE), "Peraturan Daerah"),
             (re.compile(r"Kepwal(?:i|kot)?\b", re.IGNORECASE), "Keputusan Wali Kota"),
             (re.compile(r"Kepbup\b", re.IGNORECASE), "Keputusan Bupati"))


@dataclass(frozen=True)
class Decree:
    """The adopting regulation's parts, as written: ``kind`` "Peraturan Wali Kota Pasuruan", ``number`` "45",
    ``year`` "2021" ("" where its number carries it: 188.45/12/423.011/2021), ``about`` its title ("" where the
    decree gives none: the plan's title is printed); ``amends``: the regulation it amends, cited before it."""

    kind: str
    number: str
    year: str
    about: str
    revision: Revision
    amends: Decree | None = None

    @property
    def enacted_in(self) -> int:
        """The year it was enacted, from its "Tahun 2021" or the end of its number ("…/423.011/2021")."""
        return int(self.year or self.number.rsplit("/", 1)[-1])

    @property
    def enacted_by(self) -> str:
        """Who signs it, from its name: "Wali Kota Pasuruan" of a "Peraturan Wali Kota Pasuruan", the head of the
        city a Perda names ("Bupati Malang" of a "Peraturan Daerah Kabupaten Malang"), "" if the name does not say."""
        regional = REGIONAL.match(self.kind)
        if regional:
            return head_of(self.kind[regional.end():]) if self.kind[regional.end():].strip() else ""
        opening = REGULATION.match(self.kind)
        return self.kind[opening.end():] if opening else ""


def read(text: str, revision: Revision) -> Decree | None:
    """``text``'s parts as a regulation's name (with the one it amends, if cited so), or None where it does not
    read as one."""
    squeezed = " ".join(text.split()).removesuffix(".")
    amended = AMENDED.search(squeezed)
    if amended is None:
        return _regulation(squeezed, revision)
    amends, amendment = _regulation(squeezed[:amended.start()], revision), _regulation(squeezed[amended.end():], revision)
    if amends is None or amendment is None:
        return None
    if SEVERAL.search(amended[0]):  # "Perubahan Kedua atas …"? the citation does not say which amendment it is
        return amendment
    return Decree(amendment.kind, amendment.number, amendment.year, amendment.about, revision, amends)


def _regulation(text: str, revision: Revision) -> Decree | None:
    found = PATTERN.fullmatch(text)
    if found is None or not (found["year"] or DATED_NUMBER.fullmatch(found["number"])):
        return None
    return Decree(written_out(found["kind"]), found["number"], found["year"] or "", found["about"] or "", revision)


def same_regulation(one: Decree, other: Decree) -> bool:
    """Whether two decrees name the same regulation, however its kind is spaced or shortened ("Perwali Pasuruan
    Nomor 45 Tahun 2021" is "Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021")."""
    return same_office(one.kind, other.kind) and (one.number, one.year) == (other.number, other.year)


def cited(regulation: Decree) -> str:
    """A regulation as a citation names it: "Peraturan Wali Kota Pasuruan Nomor 45 Tahun 2021"."""
    return f"{regulation.kind} Nomor {regulation.number}" + (f" Tahun {regulation.year}" if regulation.year else "")


def written_out(kind: str) -> str:
    """A regulation's kind with its shortened opening written out: "Perbup Sidoarjo" → "Peraturan Bupati Sidoarjo"."""
    for short, full in SHORTENED:
        if short.match(kind):
            return short.sub(full, kind, count=1)
    return kind


def same_office(one: str, other: str) -> bool:
    """Whether two names of an office are the same, however spaced or capitalised: "Walikota Pasuruan" is
    "Wali Kota Pasuruan"."""
    return squeezed(one) == squeezed(other)


def squeezed(name: str) -> str:
    """``name`` without its spaces and case, as offices are compared: "Walikota Pasuruan" and "Wali Kota Pasuruan"
    are both "walikotapasuruan"."""
    return "".join(name.split()).casefold()


def example(city: str, written: str = "") -> str:
    """How plan.yml names the regulation adopting a plan of ``city``, of the kind ``written`` opens with: a Perwali
    (a Kabupaten's Bupati enacts a Peraturan Bupati), a Keputusan, or a Peraturan Daerah, short forms read as written
    out ("Kepwal" is a Keputusan)."""
    written = written_out(written.strip())
    if REGIONAL.match(written):
        return f"Peraturan Daerah {'Kabupaten' if is_regency(city) else 'Kota'} {city_name(city)} Nomor 45 Tahun 2021"
    kind = "Keputusan" if written.casefold().startswith("keputusan") else "Peraturan"
    return f"{kind} {head_of(city)} Nomor 45 Tahun 2021"


def current(plan: Plan) -> Revision | None:
    """The entry of ``revisions`` for the plan's own version (the last one listing it), if any: ``1.0``'s for a plan
    at ``v1.0`` (:mod:`masterplan.version_names`)."""
    return next((revision for revision in reversed(plan.revisions)
                 if version_names.same(revision.version, plan.version)), None)


def adopted_by(plan: Plan, language: str) -> str:
    """The regulation that adopted a final plan at its current version as plan.yml writes it, in ``language``, on one
    line and without a closing full stop; "" for a draft, or a version for which no decree is named (W121)."""
    revision = current(plan)
    if plan.is_draft or revision is None:
        return ""
    return " ".join(revision.decree.get(language).split()).rstrip(".")


def adopting(plan: Plan, language: str) -> Decree | None:
    """The regulation that adopted a final plan at its current version, as the book in ``language`` names it;
    None for a draft, a version no decree adopted, or a decree that does not read as a regulation's name."""
    revision = current(plan)
    if plan.is_draft or revision is None or not str(revision.decree).strip():
        return None
    return read(revision.decree.get(language), revision)


@dataclass(frozen=True)
class Enacted:
    """The signature closing the annex: the office, as the regulation's name gives it, and the name of the one
    holding it, as the foreword's signature by the same office gives it, without titles (:func:`untitled`; None: a
    line to write it on)."""

    role: str
    name: str | None


#: the head of a city, a regency or a province, as a regulation's name gives the office, and the catalog's message
#: saying it in the book's language ("Mayor of Pasuruan" in the English edition; the same words in Indonesian)
_OFFICE = re.compile(r"(Wali\s*Kota|Bupati|Gubernur)\s+(\S.*)", re.IGNORECASE)
_OFFICES = {"walikota": "Mayor of {place}", "bupati": "Regent of {place}", "gubernur": "Governor of {place}"}


def office(role: str, language: str, translate: Callable[..., str]) -> str:
    """The office of a regulation's name as the book's language says it: "Wali Kota Pasuruan" → "Mayor of
    Pasuruan" in English; in Indonesian, and an office it does not know, as written ("Walikota Pasuruan")."""
    found = _OFFICE.fullmatch(role.strip())
    if found is None or language == "id":  # the offices' own language: the regulation's words
        return role
    return translate(_OFFICES[squeezed(found[1])], place=found[2])


def enacted(plan: Plan, decree: Decree, language: str, translate: Callable[..., str]) -> Enacted | None:
    """Who signs the annex of ``decree``: the office its name gives (said in ``language``), else the foreword's
    signer's; the name the foreword's signature by that office gives. None where neither says who."""
    signatures = [chapter.signed for chapter in plan.chapters if chapter.part == "front" and chapter.signed]
    written = decree.enacted_by or (signatures[0].role.get(language) if signatures else "")
    if not written.strip():
        return None
    role = office(written, language, translate)
    # the foreword signed "Wali Kota Pasuruan", or "Mayor of Pasuruan" where it has an English text
    same = (signed for signed in signatures if same_office(signed.role.get(language), role)
            or same_office(signed.role.get(language), written))
    name = next((signed.name for signed in same if signed.name), None)
    return Enacted(role, untitled(name) if name else None)


#: the titles a name may be written with (dr., Drs., H., Prof.…) and the degrees after it (", S.H., M.Si."), which a
#: regulation's signature leaves out (Permendagri 1/2023: the name "tidak menggunakan gelar"); "M." of a name is kept
_TITLES = re.compile(r"^(?:(?:dr|drg|drh|Dr|Drs|Dra|Ir|H|Hj|Prof|KH|K\.H|Ns|apt)\.\s*)+")
_DEGREES = re.compile(r",\s*[^,]*\..*$")


def untitled(name: str) -> str:
    """``name`` as a regulation is signed with it: without its titles and degrees ("dr. H. Aminuddin, M.Kes." →
    "Aminuddin"); as written where nothing would be left."""
    bare = _DEGREES.sub("", _TITLES.sub("", name.strip())).strip()
    return bare or name.strip()
