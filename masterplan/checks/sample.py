"""Leftovers of the sample plan a city's plan was started from (``masterplan new``).

A new plan begins as a copy of the Kota Pasuruan sample. Lines the city has not rewritten
yet still name Pasuruan, and a plan marked final may still carry the sample's cover notice
("illustrative, not an official document"), and content/assets/ the sample's emblem, which
the website publishes. Only what is still the sample's own is named: a plan may well
mention the sample's city in words of its own (a neighbouring city).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.diagnostics import relative as relative_path
from masterplan.model import ASSETS, Plan
from masterplan.resources import sample_dir

#: a notice this much like the sample's (its city swapped for another) is the sample's
SAME_NOTICE = 0.8
#: the words a city's name starts with, left out to find the name itself ("Kota Pasuruan" → "Pasuruan")
CITY_WORDS = ("kota ", "kabupaten ", "kab. ", "provinsi ")


class Sample:
    """What the sample plan says: its city and notice, and its files' lines that name the city."""

    def __init__(self, content: Path):
        from masterplan import yamlfile
        data, _ = yamlfile.read(content / "plan.yml", "plan.yml")
        data = data if isinstance(data, dict) else {}
        self.content = content
        self.city = str(data.get("city", ""))
        self.name = city_name(self.city)
        notice = data.get("notice")
        self.notice = notice if isinstance(notice, str) else ""

    def lines_naming_city(self, relative: str) -> frozenset[str]:
        """The lines of the sample's file ``relative`` (to content/) that name its city; none when it has no such file."""
        path = self.content / relative
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return frozenset()
        return frozenset(line.strip() for line in text.splitlines() if self.name in line)


@lru_cache(maxsize=1)
def _sample() -> Sample:
    return Sample(sample_dir())


def city_name(city: str) -> str:
    """The name a city goes by in running text: ``Kota Pasuruan`` → ``Pasuruan``."""
    lowered = city.lower()
    for word in CITY_WORDS:
        if lowered.startswith(word):
            return city[len(word):].strip()
    return city.strip()


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    sample = _sample()
    if not sample.name or plan.content is None or sample.name in plan.city:
        return  # the sample itself, or a plan of a place that shares its name
    if plan.content.resolve() != sample.content.resolve():
        yield from _lines_left(plan, plan.content, sample)
        yield from _assets_left(plan.content, sample)
    yield from _final_notice(plan, sample)


def _lines_left(plan: Plan, content: Path, sample: Sample) -> Iterator[Diagnostic]:
    """One warning per file that still has lines of the sample naming its city, at the first of them."""
    for path in sorted(content.rglob("*")):
        if path.suffix not in (".yml", ".yaml", ".md") or not path.is_file():
            continue
        left = sample.lines_naming_city(path.relative_to(content).as_posix())
        if not left:
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports a file it cannot read
        found = [(number, line) for number, line in enumerate(lines, 1) if line.strip() in left]
        if found:
            number, line = found[0]
            yield warning(Position(relative_path(path, content.parent), number, line.index(sample.name) + 1), "W112",
                          "{count} line(s) of this file are still the sample's and name {sample}",
                          Message("this plan is {city}: rewrite them for it, or delete them", city=plan.city),
                          count=len(found), sample=sample.name)


def _assets_left(content: Path, sample: Sample) -> Iterator[Diagnostic]:
    """The sample's own images and files (its city's emblem) still in content/assets/, which the site publishes."""
    for original in sorted((sample.content / ASSETS).rglob("*")):
        copy = content / original.relative_to(sample.content)
        try:
            same = original.is_file() and copy.is_file() and copy.read_bytes() == original.read_bytes()
        except OSError:
            continue
        if same:
            yield warning(Position(relative_path(copy, content.parent)), "W114", "this file is the sample's "
                          "({sample}'s), and the website publishes every file of content/assets/",
                          "replace it with your city's own, or delete it", sample=sample.city)


def _final_notice(plan: Plan, sample: Sample) -> Iterator[Diagnostic]:
    """A final plan whose cover still says what the sample's says (that it is only an illustration)."""
    if plan.is_draft or not sample.notice:
        return
    for text in plan.notice.values.values():
        as_sample = text.replace(city_name(plan.city), sample.name) if city_name(plan.city) else text
        if difflib.SequenceMatcher(None, as_sample, sample.notice).ratio() >= SAME_NOTICE:
            yield warning(plan.where.get("notice", plan.position), "W113", "the plan is final, but its cover still "
                          "carries the sample's notice", "delete notice: from content/plan.yml, or write the "
                          "notice this plan needs")
            return
