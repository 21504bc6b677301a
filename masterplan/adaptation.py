"""What ``masterplan new --city --period`` is asked for: the city and the period checked, and what the command
says it changed and what is still the sample's (:mod:`masterplan.adapt` rewrites the copy)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from masterplan.diagnostics import Message
from masterplan.sample_plan import SamplePlan, city_name, head_title, is_regency
from masterplan.values import Period

#: the years a plan's fields may hold (the schema's bounds); a baseline is the year before the period
FIRST_YEAR, LAST_YEAR = 1900, 2200
#: a city's name as it can stand in any YAML text, quoted or not, without changing its meaning
_CITY = re.compile(r"^[^\W\d_][^\W_]*(?:[ .-]+[^\W_]+)*\.?$")
#: a city's name as people also write it: "Kab Lumajang", "Kab.Lumajang", "Pemerintah Kabupaten Lumajang", "Pemkot
#: Batu", "Kotamadya Malang"; the kind (its group "kind", "kab" or "kot"), then the name, from a letter on
_SPELT = re.compile(r"^(?:pemerintah\s+(?=kab|kota)|pem(?=kab|kot))?(?P<kind>kab|kot)(?:upaten|a(?:madya)?)?\b"
                    r"\.?\s*(?P<name>[^\W\d_].*)$", re.IGNORECASE)
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


class WrongOption(Exception):
    """A --city or --period the copy cannot be made with: what is wrong, and what to write instead."""

    def __init__(self, option: str, problem: Message, hint: Message) -> None:
        super().__init__(problem)
        self.option, self.problem, self.hint = option, problem, hint


@dataclass(frozen=True)
class Adaptation:
    """The sample made the plan of ``city`` for ``period`` (None: as the sample has it)."""

    sample: SamplePlan
    city: str | None = None
    period: Period | None = None

    @property
    def shift(self) -> int:
        """How many years every year of the plan moves."""
        return self.period.start - self.sample.period.start if self.period else 0


def adaptation(sample: SamplePlan, city: str | None, period: str | None) -> Adaptation | None:
    """The adaptation the options ask for, None for none; raises WrongOption for one that cannot be made."""
    if city is None and period is None:
        return None
    return Adaptation(sample, _city(city) if city is not None else None,
                      _period(period, sample.period) if period is not None else None)


def _city(text: str) -> str:
    name = " ".join(text.split())
    spelt = _SPELT.match(name) if city_name(name) == name else None  # "Kab. Malang" is one way to write it
    if spelt:
        meant = f"{'Kabupaten' if spelt['kind'].lower() == 'kab' else 'Kota'} {spelt['name']}"
        # the texts name it as written, "Kab Lumajang" on the cover and "Bupati Kab Lumajang" under the foreword
        raise WrongOption("--city", Message("'{value}' does not say whether it is a kota or a kabupaten", value=text),
                          Message("write \"{name}\"", name=meant))
    if city_name(name) == name or name.lower().startswith("provinsi "):
        # the texts name its head and its government: a wali kota or a bupati (a province's plan is not the sample's kind)
        raise WrongOption("--city", Message("'{value}' does not say whether it is a kota or a kabupaten", value=text),
                          Message("write \"Kota {name}\" or \"Kabupaten {name}\"", name=city_name(name)))
    if not _CITY.match(name) or not all(isinstance(yaml.safe_load(text), str) for text in (name, city_name(name))):
        # "Kota 123", "Kota Null": the name alone stands as the signature's place, where YAML reads a number, nothing
        if is_regency(name):
            raise WrongOption("--city", Message("'{value}' is not a regency's name", value=text),
                              Message("use letters, spaces, '.' and '-' only, e.g. \"Kabupaten Malang\""))
        raise WrongOption("--city", Message("'{value}' is not a city's name", value=text),
                          Message("use letters, spaces, '.' and '-' only, e.g. \"Kota Probolinggo\""))
    return name


def _period(text: str, sample: Period) -> Period:
    years = len(sample.years)
    match = _PERIOD.match(text)
    if not match:
        raise WrongOption("--period", Message("'{value}' is not a period", value=text),
                          Message("write the first and the last year with a dash between them, e.g. {example}",
                                  example=f"{sample.start}-{sample.end}"))
    start, end = int(match.group(1)), int(match.group(2))
    first = min(start, end)  # 2034-2025: 2025 is likelier the first year meant
    example = Message("give {count} years, e.g. {example}", count=years, example=f"{first}-{first + years - 1}")
    if start > end:
        raise WrongOption("--period", Message("{start}-{end} starts after it ends", start=str(start), end=str(end)),
                          example)
    if end - start + 1 != years:
        raise WrongOption("--period", Message("{start}-{end} is 1 year; the sample plan's period, {sample}, is "
                                              "{years} years, and its programs fill all of them" if start == end else
                                              "{start}-{end} is {count} years; the sample plan's period, {sample}, is "
                                              "{years} years, and its programs fill all of them", start=str(start),
                                              end=str(end), count=end - start + 1, sample=str(sample), years=years),
                          Message("{example}; shorten or lengthen the period afterwards in content/plan.yml, "
                                  "together with the programs' years", example=example))
    if start - 1 < FIRST_YEAR or end > LAST_YEAR:
        raise WrongOption("--period", Message("{start}-{end}: a plan's years lie between {first} and {last}",
                                              start=str(start), end=str(end), first=str(FIRST_YEAR + 1),
                                              last=str(LAST_YEAR)),
                          Message("give {count} years, e.g. {example}", count=years, example=f"{sample.start}-{sample.end}"))
    return Period(start, end)


def notes(change: Adaptation) -> Iterator[Message]:
    """What the command says it changed, and what is still the sample's for the user to replace."""
    sample = change.sample
    if change.period:
        yield Message("Period: {sample} became {period}; every year of the plan moved {shift} year with it: periods, "
                      "budgets, targets, baselines, the date, and the plan's years in texts" if abs(change.shift) == 1
                      else "Period: {sample} became {period}; every year of the plan moved {shift} years with it: "
                      "periods, budgets, targets, baselines, the date, and the plan's years in texts",
                      sample=str(sample.period),
                      period=str(change.period), shift=f"{change.shift:+d}")
    if not change.city:
        return
    yield Message("Name: {sample} became {city} in the title, the cover's notice, the foreword's signature and "
                  "the names of programs and indicators; the texts that tell of {name} still name it, and validate "
                  "names their files (W112) until you rewrite them", sample=sample.city, city=change.city,
                  name=city_name(sample.city))
    yield Message("Still the sample's, to replace with your own:")
    yield Message("  - content/assets/logo.svg: a placeholder shield, not your local government's emblem")
    yield Message("  - content/plan.yml: the province, the vision, the legal basis and the readiness table")
    yield Message("  - content/plan.yml: swot, the sample city's SWOT analysis (its strengths, weaknesses, opportunities "
                  "and threats, which chapter 2 and the strategic analysis print): write your own")
    yield Message("  - content/plan.yml: revisions, the sample's history (its versions, their dates and what each "
                  "changed): write your plan's own, or delete it")
    yield Message("  - content/plan.yml: open_data, the licence the website publishes the open data under ({licence}, "
                  "the sample's choice, not yet yours)", licence=sample.licence or "-")
    yield Message("  - content/pillars/*.yml: each pillar's indicators, their baselines and targets")
    yield Message("  - the agencies (among them the sample city's kecamatan), their programs, budgets and targets, "
                  "and what the texts tell of the city's places and history")
    yield Message("  - the cover's notice (an illustration, not an official document): write your own or delete it "
                  "before status: final")
    yield Message("  - content/chapters/00-kata-pengantar.md: signed, the foreword's signature: add the {head}'s "
                  "name (name: …); a final plan's book prints it under the annex's closing signature too, else a "
                  "dotted line", head=head_title(change.city))
    if is_regency(change.city):  # a kota signs in itself; a kabupaten in its seat, often another town (Kabupaten
        # Malang in Kepanjen, while Malang is a kota of its own)
        yield Message("  - content/chapters/00-kata-pengantar.md: signed, place: {place}, where the foreword is "
                      "signed: a regency signs in its seat (ibu kota kabupaten), which may be another town: write "
                      "its name there", place=city_name(change.city))
    yield Message("  - the laws and plans the texts cite, among them the sample city's RPJMD and its years")
    if is_regency(change.city):
        yield Message("  - the sample is written for a Kota: Wali Kota, Perwali and Pemerintah Kota became Bupati, "
                      "Perbup and Pemerintah Kabupaten; check the words kelurahan and kota in the texts and write "
                      "desa or kabupaten where your regency needs them (kota cerdas stays)")


def still_the_samples(sample: SamplePlan, change: Adaptation | None, folder: Path) -> Message | None:
    """What ``new`` says of a plan made without --city: it is still the sample city's, which validate passes and
    build makes a book of; the command that makes it the user's city's."""
    if change is not None and change.city:
        return None
    if change is not None and change.period:  # the years the user gave: only the city is left to give
        return Message("This plan is still the sample's, {city}'s: validate finds nothing to change and build makes "
                       "its book. For yours: masterplan new {folder} --force --city \"Kota NAME\" (or \"Kabupaten "
                       "NAME\") --period {start}-{end}, with your city's or regency's name for NAME", city=sample.city,
                       folder=str(folder),
                       start=str(change.period.start), end=str(change.period.end))
    return Message("This plan is still the sample's, {city}'s: validate finds nothing to change and build makes its "
                   "book. For yours and your years: masterplan new {folder} --force --city \"Kota NAME\" (or "
                   "\"Kabupaten NAME\") --period START-END, with your city's or regency's name for NAME and its first "
                   "and last year for START and END ({years} "
                   "years, as many as the sample's {sample})", city=sample.city, folder=str(folder),
                   years=len(sample.period.years), sample=str(sample.period))
