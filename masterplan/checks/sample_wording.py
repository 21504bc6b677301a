"""Lines of the sample whose words do not fit the plan that kept them (``masterplan new``'s copy).

The sample is an illustration, and says so beyond its cover's notice (W113): its strategic analysis calls its
figures illustrative ("Isi buku ini bersifat ilustratif", a table's "Gambaran wilayah (ilustratif)"). A final plan
that keeps such a line of the sample is told at each (W122). And the sample is a kota's: a kabupaten's plan that
keeps a line of it speaking of a kota or its kelurahan ("Citra kota", "Kelurahan Daring") reads as a city's;
:mod:`masterplan.checks.sample` counts those lines with the rest of the file's leftovers (W112).

A line is the sample's when it is one of the sample's lines as ``new`` leaves it: its years moved with the period,
the sample city's name made the plan's, and for a kabupaten the words of a kota's government made a regency's
(Wali Kota → Bupati). Any other change makes it the plan's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from masterplan.diagnostics import Diagnostic, Position, warning
from masterplan.diagnostics import relative as relative_path
from masterplan.model import Plan
from masterplan.sample_plan import SamplePlan, city_name, is_regency

#: the sample's word for its figures being made up
ILLUSTRATIVE = re.compile(r"\b(?:ilustratif|illustrative)\b", re.IGNORECASE)
#: a kota's own words as a word of the text: not "kota cerdas" (smart city, any region's), nor part of an id or
#: an address ("profil-kota", "dinkes.kota.go.id")
KOTA = re.compile(r"(?<![\w./-])(?:kota|kelurahan)(?![\w./-])(?![ \t]+cerdas)", re.IGNORECASE)
#: a regency's words for its government, as ``new`` wrote them for a kota's (longest first)
_REGENCY_WORDS = (("Pemerintah Kabupaten", "Pemerintah Kota"), ("Pemerintah kabupaten", "Pemerintah kota"),
                  ("pemerintah kabupaten", "pemerintah kota"), ("Bupati", "Wali Kota"), ("Perbup", "Perwali"))
_DIGIT = re.compile(r"\d")


def sample_key(line: str, sample: SamplePlan, city: str) -> str:
    """The sample's line ``line`` would be, had ``new`` not moved its years nor named ``city`` in it."""
    key = _DIGIT.sub("0", line.strip())
    if city and city.lower() != sample.city.lower():
        key = key.replace(city, sample.city)
        if city_name(city):
            key = re.sub(rf"\b{re.escape(city_name(city))}\b", sample.name, key)
        if is_regency(city):
            for regency, kota in _REGENCY_WORDS:
                key = key.replace(regency, kota)
    return key


@lru_cache(maxsize=8)
def _sample_lines(content: Path, words: re.Pattern[str]) -> frozenset[str]:
    """The sample's lines (their :func:`sample_key`) that have ``words``: not a YAML comment, which no reader sees,
    nor a line of the cover's notice, which W113 tells."""
    found: set[str] = set()
    for path in content.rglob("*"):
        if path.suffix not in (".yml", ".md"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if words.search(line) and not (path.suffix == ".yml" and line.lstrip().startswith("#")):
                found.add(_DIGIT.sub("0", line.strip()))
    return frozenset(found)


def _kept(lines: list[str], path: Path, sample: SamplePlan, city: str,
          words: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """(line number, first of ``words``) of each line of ``lines`` that is the sample's and has them."""
    own = _sample_lines(sample.content, words)
    for number, line in enumerate(lines, 1):
        match = words.search(line)
        if match and not (path.suffix != ".md" and line.lstrip().startswith("#")) \
                and sample_key(line, sample, city) in own:
            yield number, match


def illustrative(plan: Plan, sample: SamplePlan, texts: dict[Path, list[str]]) -> Iterator[Diagnostic]:
    """W122 at each line of a final plan that is still the sample's and calls its texts illustrative."""
    if plan.is_draft or plan.content is None:
        return
    for path, lines in texts.items():
        for number, match in _kept(lines, path, sample, plan.city, ILLUSTRATIVE):
            if path.name == "plan.yml" and any(notice[:40] in sample_key(lines[number - 1], sample, plan.city)
                                               for notice in sample.notices):
                continue  # the cover's notice: W113's
            yield warning(Position(relative_path(path, plan.content.parent), number, match.start() + 1), "W122",
                          "the plan is final, but this line is still the sample's, which says its content is "
                          "illustrative", "rewrite the line for this plan, or delete it")


def kota_lines(plan: Plan, sample: SamplePlan, path: Path, lines: list[str]) -> dict[int, int]:
    """In a kabupaten's plan, line number → column of its first kota word, of each line of ``lines`` that is still
    the sample's and speaks of a kota (kota, kelurahan); none in a kota's plan."""
    if not is_regency(plan.city):
        return {}
    return {number: match.start() + 1 for number, match in _kept(lines, path, sample, plan.city, KOTA)}
