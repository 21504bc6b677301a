"""The plan's history (plan.yml ``revisions``, riwayat revisi) against itself and the plan's own version and date.

The book's front matter and the site's home page print the list as written, oldest first, so a mistake in it is a
mistake readers see in the table:

- E113, at the later entry: a version listed twice (two rows of one version; which one is right is not known),
  also written two ways (``1.0`` and ``v1.0``, or in full-width digits ``１.０``);
- W118, at the later entry, naming both lines: an entry dated before the one listed above it;
- W119: an entry dated after the plan's ``date``, a history ahead of the document it is printed in;
- W120, at the last entry: a final plan whose own ``version`` the list lacks, so the history printed in the
  adopted book ends at an older version. A draft is not told: its version is not adopted yet.
- W121, at the version's entry (or plan.yml's status): a final plan naming no decree for its version, whose book gets
  no annex heading and no signature closing it; at the decree: a final plan's current decree that does not read as a
  regulation's name ("Peraturan Wali Kota
  Pasuruan Nomor 45 Tahun 2021"), so the book, its annex, has no heading naming it (:mod:`masterplan.decree`); the
  hint's example is of the city's head and of the kind written (a Keputusan's as a Keputusan).
- W123, at the decree: a final plan's current decree enacted by the other kind of head, a Peraturan Wali Kota in a
  Kabupaten's plan or a Peraturan Bupati in a Kota's, which the book's annex would be headed and signed with
  ("WALI KOTA SIDOARJO," under a regency's plan), or by the head of another place ("Wali Kota Pasuruan" kept from the
  sample in Kota Probolinggo's plan).
- W124, at the decree: a final plan's current decree enacted in a year before its version's date ("… Tahun 2020"
  adopting version 1.0 of 2021-12-01), which the annex heading would print: a regulation adopts a version written
  before it. One of the year after (a December version enacted in January) is not told; one of years later ("Tahun
  2052" typed for 2025) is.
- W129, at the decree: a final plan's current decree amending a regulation ("… sebagaimana telah diubah dengan …")
  other than the one the version before it was adopted by, as its entry of revisions names it (a number or a year
  typed wrong in one of them): the annex heading would cite it ("Perubahan atas …").

Entries whose date is no real day (E101, said by the loader) are left out of the date rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from masterplan import decree, version_names
from masterplan.diagnostics import Diagnostic, Message, error, warning
from masterplan.list_limits import within_limit
from masterplan.model import Plan
from masterplan.plan_parts import Revision
from masterplan.sample_plan import city_name, head_title, is_regency


def duplicates(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """E113: a version listed twice, told at each later entry with the first one's line; ``1.0`` and ``v1.0`` (or
    ``１.０``) are one version, whose book is kept at one address (:mod:`masterplan.version_names`)."""
    first: dict[str, tuple[str, int]] = {}
    for revision in within_limit("revisions", plan.revisions):
        version = revision.version.strip()
        key = version_names.name(version) or version
        if key not in first:
            first[key] = (version, revision.at("version").line)
        elif first[key][0] == version:
            yield error(revision.at("version"), "E113", "version {version} is listed twice in revisions (first at "
                        "line {line})", "give each version one entry: merge the two, or correct the number",
                        version=version, line=first[key][1])
        else:
            yield error(revision.at("version"), "E113", "version {version} is version {first} (line {line}) written "
                        "another way: one version, listed twice in revisions", "give each version one entry, its "
                        "number written one way: merge the two, or correct the number",
                        version=version, first=first[key][0], line=first[key][1])


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W118–W121, W123–W124, W129: the history's dates in order and not past the plan's, a final plan's version in it, and the
    regulation that adopted it named so that the book can print it."""
    dated = [(revision, revision.date) for revision in within_limit("revisions", plan.revisions)
             if revision.date is not None]
    for (before, before_date), (after, date) in pairwise(dated):
        if date < before_date:
            yield warning(after.at("date"), "W118", "version {version} ({date}) is listed after version {before} "
                          "({before_date}, line {line}), which is dated later",
                          "list the revisions oldest first, as the history table prints them",
                          version=after.version.strip(), date=date.isoformat(), before=before.version.strip(),
                          before_date=before_date.isoformat(), line=before.at("date").line)
    if plan.date is not None and plan.date.year > plan.period.end:  # 2062 for 2026: every status then judged by it
        yield warning(plan.where.get("date", plan.position), "W131", "the plan's date {date} is after its period "
                      "({start}–{end})", "check the year: a plan is dated before its period or during it; programs' "
                      "statuses are not judged by this date", date=plan.date.isoformat(), start=plan.period.start,
                      end=plan.period.end)
    for revision, date in dated:
        if plan.date is not None and date > plan.date:
            yield warning(revision.at("date"), "W119", "version {version} is dated {date}, after the plan's date "
                          "{plan_date}", "a revision raises the plan's date to its own: correct one of the two dates",
                          version=revision.version.strip(), date=date.isoformat(), plan_date=plan.date.isoformat())
    if plan.status == "final" and plan.revisions and plan.version.strip() and decree.current(plan) is None:
        last = plan.revisions[-1]
        yield warning(last.at("version"), "W120", "the plan is final at version {version}, which revisions does not "
                      "list: its history ends at version {last}", Message(
                          "add an entry for version {version}: its date ({date}), what it changed, and the decree "
                          "that adopted it", version=plan.version.strip(),
                          date=plan.date.isoformat() if plan.date else "YYYY-MM-DD"),
                      version=plan.version.strip(), last=last.version)
    current = decree.current(plan)
    written = current.decree.get(plan.language) if current else ""
    if plan.is_draft:
        return
    if current is None or not written.strip():  # final, its version adopted by no regulation the plan names
        yield warning(current.at("version") if current else plan.where.get("status", plan.position), "W121",
                      "the plan is final, but no decree adopting version {version} is named: the book gets no annex "
                      "heading (LAMPIRAN …) and no signature closing it", Message(
                          "write the regulation in version {version}'s entry of revisions (add the entry if it is missing): "
                          "decree: {example}",
                          version=plan.version.strip(), example=decree.example(plan.city)),
                      version=plan.version.strip())
        return
    read = decree.read(written, current)
    if read is None:
        yield warning(current.at("decree"), "W121", "the book gets no annex heading (LAMPIRAN …): the decree "
                      "'{decree}' does not read as a regulation's name and number", Message(
                          "write it as the regulation names itself, e.g. '{example}', followed by 'tentang' and its "
                          "title where that is not the plan's", example=decree.example(plan.city, written)),
                      decree=written)
        return
    # enacted in the version's year or the next (a December version adopted in January); 2052 typed for 2025 is not
    if current.date is not None and not current.date.year <= read.enacted_in <= current.date.year + 1:
        yield warning(current.at("decree"), "W124", "the decree '{decree}' was enacted in {year}, years after version "
                      "{version}'s date ({date})" if read.enacted_in > current.date.year else
                      "the decree '{decree}' was enacted in {year}, before version {version}'s date ({date}): a "
                      "regulation adopts a version written before it", "correct the regulation's year or the "
                      "version's date", decree=written, year=str(read.enacted_in), version=current.version.strip(),
                      date=current.date.isoformat())
    yield from _amended(plan, read, written)
    if _other_place(plan.city, read.enacted_by):  # the sample's "Wali Kota Pasuruan" kept in another city's plan
        yield warning(current.at("decree"), "W123", "the decree '{decree}' is enacted by the {office}, but the plan is "
                      "{city}'s: the book's annex would be headed and signed so", Message(
                          "name the regulation that adopted the plan as it names itself, e.g. '{example}'",
                          example=decree.example(plan.city, written)),
                      decree=written, office=read.enacted_by, city=plan.city)
    elif _other_head(plan.city, read.enacted_by):
        yield warning(current.at("decree"), "W123", "the decree '{decree}' is enacted by a {office}, but {city} is "
                      "led by its {head}: the book's annex would be headed and signed so", Message(
                          "name the regulation that adopted the plan as it names itself, e.g. '{example}'",
                          example=decree.example(plan.city, written)),
                      decree=written, office=_title(read.enacted_by), city=plan.city, head=head_title(plan.city))


def _amended(plan: Plan, read: decree.Decree, written: str) -> Iterator[Diagnostic]:
    """W129: the current decree amends a regulation that is not the one that adopted the version before it, as its
    entry of revisions names it (the amending regulation's heading in the book, "Perubahan atas …", would cite it)."""
    if read.amends is None:
        return
    adopted = [(revision, found) for revision in _before(plan.revisions, read.revision)
               if (found := decree.read(revision.decree.get(plan.language), revision)) is not None]
    if not adopted:
        return
    revision, last = adopted[-1]
    if any(decree.same_regulation(read.amends, cited) for cited in (last, last.amends) if cited is not None):
        return
    yield warning(read.revision.at("decree"), "W129", "the decree '{decree}' amends {amended}, but version {version} "
                  "was adopted by {adopted} (line {line})", Message("cite the regulation that adopted version "
                  "{version}, as its entry of revisions names it, or correct that entry", version=revision.version.strip()),
                  decree=written,
                  amended=decree.cited(read.amends), version=revision.version.strip(), adopted=decree.cited(last),
                  line=revision.at("decree").line)


def _before(revisions: Sequence[Revision], current: Revision) -> list[Revision]:
    """The entries of versions before ``current``, the latest last: by date where they have one (a history listed
    newest first, W118's), else as listed above it."""
    if current.date is not None and all(revision.date is not None for revision in revisions):
        return sorted((revision for revision in revisions if revision.date < current.date),  # type: ignore[operator]
                      key=lambda revision: revision.date)  # type: ignore[arg-type, return-value]
    return list(revisions[:next(index for index, revision in enumerate(revisions) if revision is current)])


#: the offices heading a region, as a regulation's name writes them ("Walikota" is the Wali Kota)
HEADS = ("Wali Kota", "Bupati")


def _title(office: str) -> str:
    """The head's title an office starts with: "Wali Kota" of "Walikota Pasuruan", "" if neither."""
    return next((head for head in HEADS if decree.squeezed(office).startswith(decree.squeezed(head))), "")


def _other_place(city: str, office: str) -> bool:
    """Whether ``office`` is the head of another place than ``city`` ("Wali Kota Pasuruan" in Kota Probolinggo's
    plan, a Perda of Kota Pasuruan too); an office that names no place, or a province's, is not told."""
    title = _title(office)
    if not title:
        return False
    place = _place(decree.squeezed(office)[len(decree.squeezed(title)):])
    return bool(place) and place != _place(decree.squeezed(city_name(city)))


def _place(squeezed: str) -> str:
    """A place's name as compared: "kotabatu" of "Perwali Kota Batu" is "batu", "bau-bau" is "baubau"."""
    return re.sub(r"^(?:kota|kabupaten|kab\.?)(?=.)", "", squeezed).replace("-", "")


def _other_head(city: str, office: str) -> bool:
    """Whether ``office`` is the other kind of head than ``city``'s: a Wali Kota's of a Kabupaten, a Bupati's of a Kota
    (a city whose name says neither is not told)."""
    if not (is_regency(city) or city.lower().startswith("kota ")):
        return False
    title = _title(office)
    return bool(title) and title != head_title(city)
