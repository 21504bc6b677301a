"""Leftovers of the sample plan a city's plan was started from (``masterplan new``).

A new plan begins as a copy of the Kota Pasuruan sample. Lines the city has not rewritten
yet still name Pasuruan or its districts, and a plan marked final may still carry the sample's cover notice
("illustrative, not an official document") or lines of it saying so, and content/assets/ the sample's emblem,
which the website publishes; a kabupaten's plan, lines of the sample speaking of a kota
(:mod:`masterplan.checks.sample_wording`). Only what is still the sample's own is named: a plan may well
mention the sample's city in words of its own (a neighbouring city), and a province's plan that holds the sample's
city among its own has its places in the files of the agencies named for it. Its chapters' naming of the
sample's agencies and programs is :mod:`masterplan.checks.sample_names`'s to tell (W117).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from masterplan import sample_plan
from masterplan.checks import sample_names, sample_wording
from masterplan.content_text import read_files
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.diagnostics import relative as relative_path
from masterplan.messages import listing
from masterplan.model import ASSETS, Plan
from masterplan.sample_plan import SamplePlan, city_name, is_regency

#: a notice this much like the sample's (its city swapped for another) is the sample's
SAME_NOTICE = 0.8
#: a line this long or longer is a sentence of its own: one the sample has too shows a plan started from it
SENTENCE = 60
#: how a province's name starts (plan.yml's city): its plan may hold the sample's city among its own
PROVINCE = "provinsi"


@lru_cache(maxsize=64)
def _lines_naming(original: Path, names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The lines of the sample's file ``original`` that name any of ``names`` (its city and places), each
    with those it names, first named first; none when it has no such file."""
    try:
        text = original.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        named = sorted((line.find(name), name) for name in names if name in line)
        if named:
            found[line.strip()] = tuple(name for _, name in named)
    return found


@lru_cache(maxsize=16)
def _folder_lines_naming(folder: Path, names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """:func:`_lines_naming` of every YAML and Markdown file of the sample's ``folder``: a file renamed (an agency's,
    "dispusip.yml" → "perpustakaan.yml") or a line moved to another file is still the sample's."""
    found: dict[str, tuple[str, ...]] = {}
    for original in sorted(folder.glob("*")) if folder.is_dir() else []:
        if original.suffix in (".yml", ".md"):
            found = {**_lines_naming(original, names), **found}
    return found


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """What the plan still has of the sample: W112 and W114 for another city's plan (or a final one), W113, W122; W116
    for a plan whose period was moved by hand; W117 for chapters naming the sample's agencies and programs."""
    sample = sample_plan.sample()
    if not sample.name or plan.content is None or plan.content.resolve() == sample.content.resolve():
        return  # the sample itself
    own = plan.city.strip().lower() == sample.city.lower()  # the sample's city making its own plan from it
    texts = _texts(plan)
    yield from _period_moved(plan, plan.content, sample, texts)
    if not own:
        yield from _city_set_by_hand(plan, sample)
        yield from _lines_left(plan, plan.content, sample, texts)
        if not unreadable:  # else the programs of a file that could not be read would be missed as the sample's
            yield from sample_names.check(plan, sample)
    if not own or not plan.is_draft:
        yield from _assets_left(plan, plan.content, sample)
    yield from _final_notice(plan, sample)
    yield from sample_wording.illustrative(plan, sample, texts)


def _texts(plan: Plan) -> dict[Path, list[str]]:
    """The lines of every YAML and Markdown file the plan is read from ("rsud.YML" too, as it is read): not of a
    folder the build does not read (W017 says so)."""
    texts: dict[Path, list[str]] = {}
    for path in read_files(plan):
        try:
            texts[path] = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports a file it cannot read
    return texts


def _period_moved(plan: Plan, content: Path, sample: SamplePlan, texts: dict[Path, list[str]]) -> Iterator[Diagnostic]:
    """W116, once: the period of a plan still the sample's was changed by hand, leaving most programs in the
    sample's years (each told by E301), where ``masterplan new --period`` would have moved every year with it."""
    period = plan.period
    if period == sample.period or len(period.years) != len(sample.period.years):
        return
    left = [program for program in plan.programs if not (program.period.start in period and program.period.end in
                                                          period) and {program.period.start, program.period.end} <=
            set(sample.period.years)]  # outside the plan period, in the sample's
    if not left or 2 * len(left) < len(plan.programs) or _own_words(texts, _sample_lines(sample.content)):
        return
    city = f' --city "{plan.city}"' if plan.city.strip().lower() != sample.city.lower() else ""
    yield warning(plan.where.get("period", plan.position), "W116", "the plan period is {period}, but {count} of "
                  "{programs} programs are still in the sample's years, {sample}: their years did not move with it",
                  Message("masterplan new {folder} --force --period {start}-{end}{city} starts again from the sample "
                          "with every year moved, after keeping your content/ in a backup folder; or move the years "
                          "yourself",
                          folder=_from_here(content.parent), start=str(period.start), end=str(period.end),
                          city=city),
                  period=period, count=len(left), programs=len(plan.programs), sample=sample.period)


def _city_set_by_hand(plan: Plan, sample: SamplePlan) -> Iterator[Diagnostic]:
    """W126, once: another city written into plan.yml of a copy of the sample whose every other file is still the
    sample's as copied, where ``masterplan new --city`` would have made them the city's (its own names; a regency's
    head and government, Bupati and Perbup); W112 then names the lines of each file one by one. Not for a period moved
    too: W116's command gives the city."""
    content = plan.content
    if content is None or plan.period != sample.period or not _as_copied(content, sample.content):
        return
    yield warning(plan.where.get("city", plan.position), "W126", "plan.yml names {city}, but every other file is "
                  "still the sample's as it was copied, which speaks of {sample}",
                  Message("masterplan new {folder} --force --city \"{city}\" makes the copy {city}'s (its own names; "
                          "for a kabupaten, Bupati and Peraturan Bupati), after keeping your content/ in a backup "
                          "folder; or rewrite the lines W112 names", folder=_from_here(content.parent), city=plan.city),
                  city=plan.city, sample=sample.city)


def _as_copied(content: Path, sample: Path) -> bool:
    """Whether the plan's YAML and Markdown files are the sample's, byte for byte, but plan.yml."""
    def files(folder: Path) -> dict[str, Path]:
        return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*")
                if path.suffix in (".yml", ".md") and path.is_file() and path.name != "plan.yml"}
    own, copied = files(content), files(sample)
    return own.keys() == copied.keys() and all(own[name].read_bytes() == copied[name].read_bytes() for name in own)


def _sample_city_files(plan: Plan, sample: SamplePlan) -> set[str]:
    """The files of a province's agencies named for the sample's city: a province consolidating its cities' plans,
    Kota Pasuruan's among them ("Badan Pendapatan Daerah Kota Pasuruan"), whose lines name its districts and the
    city as their own (the sample's agencies are named without their city). None in a city's or regency's plan."""
    if not plan.city.strip().lower().startswith(PROVINCE):
        return set()
    city = sample.city.lower()
    return {agency.position.file for agency in plan.agencies if city in str(agency.name).lower()}


def _from_here(folder: Path) -> str:
    """The plan folder as a command typed in the current folder names it: ``.`` there, ``..`` from its content/,
    ``kota-probolinggo`` from the folder above; quoted when it has spaces."""
    try:
        shown = os.path.relpath(folder.resolve(), Path.cwd().resolve())
    except (OSError, ValueError):  # the current folder deleted; another drive (Windows)
        shown = str(folder.resolve())
    return f'"{shown}"' if any(char.isspace() for char in shown) else shown


def _lines_left(plan: Plan, content: Path, sample: SamplePlan, texts: dict[Path, list[str]]) -> Iterator[Diagnostic]:
    """One warning per file that still has lines of the sample naming its city or a place in it (a
    district), at the first of them: lines of any of the sample's files in the same folder; in a kabupaten's plan
    also its lines still saying kota or kelurahan (:func:`sample_wording.kota_lines`)."""
    own = plan.city.lower()  # a district of the sample that is the plan's own place too (Kabupaten Purworejo)
    places = [place for place in sample.places if place.lower() not in own]
    names = (sample.name, *places)
    # a district of the sample is no place of a plan started from it: a line naming one is the sample's, rewritten
    # or not (its city swapped for the plan's, its years moved by new --period), unlike the city's name, which a
    # plan may well name in words of its own (a neighbouring city); a plan written from scratch may have a
    # Kecamatan Panggungrejo of its own (Kabupaten Blitar's)
    started = places and not _own_words(texts, _sample_lines(sample.content))
    district = re.compile(r"\b(?:" + "|".join(map(re.escape, places)) + r")\b") if started else None
    its_own = _sample_city_files(plan, sample)
    for path, lines in texts.items():
        if relative_path(path, content.parent) in its_own:
            continue
        left = _folder_lines_naming(sample.content / path.parent.relative_to(content), names)
        found = list(_left_in(lines, left, district)) if left or district is not None else []
        told = {number for number, *_ in found}
        kota = {number: column for number, column in sample_wording.kota_lines(plan, sample, path, lines).items()
                if number not in told}  # a regency's: the sample's lines of a kota
        where = relative_path(path, content.parent)
        if not found:
            if kota:
                yield warning(Position(where, min(kota), kota[min(kota)]), "W112", KOTA_LEFT[len(kota) > 1],
                              rewrite_hint(plan, sorted(kota)), count=len(kota))
            continue
        number, line, named, _ = found[0]
        every = [name for _, _, names_of_line, _ in found for name in names_of_line]
        named_places = ", ".join(dict.fromkeys(name for name in every if name != sample.name))
        city = sample.name in every
        rewritten = not all(unchanged for *_, unchanged in found)
        one, many = (REWRITTEN if rewritten else LEFT)[city, bool(named_places)]
        message = Message(one if len(found) == 1 else many, count=len(found), sample=sample.name, places=named_places)
        first = (number, line.index(named[0]) + 1)
        if kota:
            message = Message(KOTA_MORE[len(kota) > 1], lines=message, count=len(kota))
            first = min(first, min(kota.items()))
        yield warning(Position(where, *first), "W112", message,
                      rewrite_hint(plan, sorted([number for number, *_ in found] + list(kota))))


LINES_LISTED = 12  #: of W112's lines, the hint lists this many by number, and how many more there are


def rewrite_hint(plan: Plan, numbers: list[int]) -> Message:
    """W112's hint: rewrite the lines for this plan or delete them, naming them when there are several."""
    if len(numbers) < 2:
        return Message("this plan is {city}: rewrite the line for it, or delete it", city=plan.city)
    listed = listing(map(str, numbers)) if len(numbers) <= LINES_LISTED else \
        Message("{lines} and {more} more", lines=", ".join(map(str, numbers[:LINES_LISTED])),
                more=len(numbers) - LINES_LISTED)
    return Message("this plan is {city}: rewrite lines {lines} for it, or delete them", city=plan.city, lines=listed)


def _own_words(texts: dict[Path, list[str]], sample_lines: frozenset[str]) -> bool:
    """Whether the plan's files have none of the sample's sentences left: written from scratch, not started from it."""
    return not any(line.strip() in sample_lines for lines in texts.values() for line in lines)


@lru_cache(maxsize=4)
def _sample_lines(content: Path) -> frozenset[str]:
    """The sample's lines long enough to be its own sentences (not "status: planned"), from every text file."""
    found: set[str] = set()
    for path in content.rglob("*"):
        if path.suffix in (".yml", ".md"):
            found.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                         if len(line.strip()) >= SENTENCE)
    return frozenset(found)


def _left_in(lines: list[str], left: dict[str, tuple[str, ...]],
             district: re.Pattern[str] | None) -> Iterator[tuple[int, str, tuple[str, ...], bool]]:
    """(line number, line, the names it has of the sample, whether it is the sample's line unchanged) of each
    line that is still the sample's, or that names a district of it."""
    for number, line in enumerate(lines, 1):
        if line.strip() in left:
            yield number, line, left[line.strip()], True
        elif district is not None and (places := tuple(dict.fromkeys(district.findall(line)))):
            yield number, line, places, False


#: what W112 says the lines name: (the sample's city?, places in it?) → message for one line, for more
#: … when some of the lines were rewritten (a district of the sample named in the plan's own words)
REWRITTEN = {(False, True): ("1 line of this file names places in {sample}: {places}",
                             "{count} lines of this file name places in {sample}: {places}"),
             (True, True): ("1 line of this file is the sample's or names places in {sample}: {places}",
                            "{count} lines of this file are the sample's or name places in {sample}: {places}")}
LEFT = {(True, False): ("1 line of this file is still the sample's and names {sample}",
                        "{count} lines of this file are still the sample's and name {sample}"),
        (False, True): ("1 line of this file is still the sample's and names places in {sample}: {places}",
                        "{count} lines of this file are still the sample's and name places in {sample}: {places}"),
        (True, True): ("1 line of this file is still the sample's and names {sample} and places in it: {places}",
                       ("{count} lines of this file are still the sample's and name {sample} and places in it: "
                        "{places}"))}


#: W112 for lines of a kota left in a kabupaten's plan: (one, more) alone, and after the file's other lines
KOTA_LEFT = ("1 line of this file is still the sample's and says kota or kelurahan, a kota's words",
             "{count} lines of this file are still the sample's and say kota or kelurahan, a kota's words")
KOTA_MORE = ("{lines}; 1 more says kota or kelurahan, a kota's words",
             "{lines}; {count} more say kota or kelurahan, a kota's words")


def _assets_left(plan: Plan, content: Path, sample: SamplePlan) -> Iterator[Diagnostic]:
    """The sample's own images and files (its placeholder emblem) still in content/assets/, which the site
    publishes; the logo plan.yml names is told at its line there, with what deleting it also takes."""
    for original in sorted((sample.content / ASSETS).rglob("*")):
        copy = content / original.relative_to(sample.content)
        try:
            same = original.is_file() and copy.is_file() and copy.read_bytes() == original.read_bytes()
        except OSError:
            continue
        if not same:
            continue
        if plan.logo and (content / plan.logo).resolve() == copy.resolve():
            yield warning(plan.where.get("logo", plan.position), "W114", "the logo {logo} is the sample's, and the "
                          "website and the book show it as your local government's", "replace the file with your "
                          "local government's emblem, or delete it and the logo: line", logo=plan.logo)
        else:
            yield warning(Position(relative_path(copy, content.parent)), "W114", "this file is the sample's "
                          "({sample}'s), and the website publishes every file of content/assets/",
                          "replace it with your regency's own, or delete it" if is_regency(plan.city)
                          else "replace it with your city's own, or delete it", sample=sample.city)


def _final_notice(plan: Plan, sample: SamplePlan) -> Iterator[Diagnostic]:
    """A final plan whose cover still says what the sample's says (that it is only an illustration)."""
    if plan.is_draft or not sample.notices:
        return
    for text in plan.notice.values.values():
        as_sample = text.replace(city_name(plan.city), sample.name) if city_name(plan.city) else text
        if any(difflib.SequenceMatcher(None, as_sample, notice).ratio() >= SAME_NOTICE for notice in sample.notices):
            yield warning(plan.where.get("notice", plan.position), "W113", "the plan is final, but its cover still "
                          "carries the sample's notice", "delete notice: from content/plan.yml, or write the "
                          "notice this plan needs")
            return
