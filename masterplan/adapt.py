"""A fresh copy of the sample plan made another city's, for another period (``masterplan new --city --period``).

The sample is Kota Pasuruan's plan for 2022–2031. A city starting from it wants its own name and
years from the first build: changing the period by hand would leave every program's years, every
budget year and every target outside it. The copy's files are rewritten as text, each change at the
place YAML says the value stands, so comments and layout stay as they were.

With a new period every year of the plan moves by the same number of years: the fields that hold
years (the periods, budget years, target years, baselines, the plan's date and the foreword's) and,
in texts, the years of the plan period ("quick win tahun 2022", "Tahap pertama (2023–2024)"). A year
before the period in a text is history (e-Sambat launched in April 2021, a law of 2008) and stays, as
does a span reaching outside the period (another plan's years: RPJMD 2021–2026); only an indicator's
own baseline year in its name ("dibanding 2021") moves with its baseline.

With a new city, the sample city's name ("Kota Pasuruan", or "Pasuruan" alone) becomes the new city's
where the plan names itself and its own things: in the fields that name (``city``, ``title``, ``author``,
``notice``, ``name``: a program's, an indicator's, "Pasuruan Command Center"), in the foreword's
signature (``place``, ``role``: "Wali Kota Pasuruan" becomes "Bupati Malang" for a kabupaten) and in
comments. Every other text keeps it: the chapters' bodies, descriptions, summaries, the vision, the
legal basis, the glossary's definitions. Those are where the sample tells of its city (its coast, its
pilgrims, Smart Go since 2020), and a sentence that named Pasuruan and now named the new city would
state Pasuruan's facts as the new city's. Left as written, each such line is still the sample's word
for word, and validate names its file (W112) until the city rewrites it. Where the sample's chapters
speak of the plan itself ("Masterplan Smart City Kota Pasuruan Tahun 2022–2031"), they take the city
from the plan (``{{ plan.city }}``) and need no rewriting.

A kabupaten is led by a bupati, a kota by a wali kota: for a regency the sample's words for its own
government become a regency's in every text ("Wali Kota" → "Bupati", and so "Wakil Bupati",
"Peraturan Bupati"; "Perwali" → "Perbup"; "Pemerintah Kota" → "Pemerintah Kabupaten"), except in a
line that still names the sample city, which stays the sample's as a whole ("Pemerintah Kota Pasuruan
telah memulai …" is Pasuruan's history, not the regency's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan.chapter_reader import split_front_matter
from masterplan.diagnostics import Message
from masterplan.sample_plan import (
    SamplePlan,
    city_name,
    head_of,
    head_title,
    is_regency,
)
from masterplan.values import Period

#: the years a plan's fields may hold (the schema's bounds); a baseline is the year before the period
FIRST_YEAR, LAST_YEAR = 1900, 2200
#: a city's name as it can stand in any YAML text, quoted or not, without changing its meaning
_CITY = re.compile(r"^[^\W\d_][^\W_]*(?:[ .-]+[^\W_]+)*\.?$")
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")
#: a year in running text, or a span of two ("2023–2024"); not part of a longer number
_YEARS = re.compile(r"(?<![\d.,])(\d{4})(?:(\s*[–—-]\s*)(\d{4}))?(?![\d])")
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_YEAR_FIELDS = ("year", "start", "end")
_YEAR_KEYED = ("targets", "realised", "apbd_ceiling")  #: the mappings whose keys are years
#: the fields whose text names the plan or a thing of its own: the sample city's name in it is renamed
_NAMING = frozenset({"city", "title", "author", "notice", "name", "place", "role"})
#: a kota's words for its own government and a kabupaten's; "Peraturan Wali Kota" and "Wakil Wali Kota"
#: follow from the first. Followed by a name ("Wali Kota Surabaya"), they are another city's: kept
_REGENCY_WORDS = {"Wali Kota": "Bupati", "Perwali": "Perbup", "Pemerintah Kota": "Pemerintah Kabupaten",
                  "Pemerintah kota": "Pemerintah kabupaten", "pemerintah kota": "pemerintah kabupaten"}
_KOTA_WORDS = re.compile("|".join(rf"\b{re.escape(word)}\b(?![ \t]+[A-Z])" for word in _REGENCY_WORDS))
_TEXT = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


#: where a scalar's text stands in its file (start, end) and how to rewrite it
Edit = tuple[int, int, Callable[[str], str]]


class WrongOption(Exception):
    """A --city or --period the copy cannot be made with: what is wrong, and what to write instead."""

    def __init__(self, option: str, problem: Message, hint: Message):
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


def adapt(content: Path, change: Adaptation) -> None:
    """Rewrite the copy of the sample in ``content`` (YAML files and chapters) for the city and the period."""
    rewrite = _Rewrite(change)
    for path in sorted(content.rglob("*")):
        if path.suffix not in (".yml", ".yaml", ".md") or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8")
        changed = rewrite.chapter(text) if path.suffix == ".md" else rewrite.yaml(text)
        if changed != text:
            path.write_bytes(changed.encode("utf-8"))


class _Rewrite:
    """The text of one file, rewritten for the adaptation."""

    def __init__(self, change: Adaptation):
        self.shift = change.shift
        self.within = change.sample.period
        self.city = change.city
        self.regency = change.city is not None and is_regency(change.city)
        self.sample_named = re.compile(rf"\b{re.escape(change.sample.name)}\b")
        city, old = change.city or change.sample.city, change.sample.name
        head = head_of(city)
        #: the longest first: the head of the city, the regency that shares the sample city's name (a
        #: neighbour: kept), the city, then its name alone (Pasuruan Command Center)
        self.names = {f"Wali Kota {old}": head, f"Kabupaten {old}": f"Kabupaten {old}", change.sample.city: city,
                      old: city_name(city)}
        self.named = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in sorted(self.names, key=len, reverse=True)))

    def chapter(self, text: str) -> str:
        """A chapter: its front matter as YAML (the signature names), its body as running text, where the
        sample tells of its city (its name kept)."""
        front, body, _ = split_front_matter(text)
        if front is None:
            return self.prose(text)
        start = text.index("\n") + 1
        end = start + len(front)
        return text[:start] + self.yaml(front) + text[end:len(text) - len(body)] + self.prose(body)

    def yaml(self, text: str) -> str:
        """A YAML file: the years in its fields, and its texts and comments as running text."""
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python reader: positions count characters
        pieces, done = [], 0
        for start, end, rewrite in sorted(self._scalars(root), key=lambda s: s[0]) if root is not None else []:
            pieces += [self.prose(text[done:start], naming=True), rewrite(text[start:end])]  # comments
            done = end
        return "".join(pieces) + self.prose(text[done:], naming=True)

    def _scalars(self, node: Node, field: object = None, baseline: frozenset[int] = frozenset()) -> Iterator[Edit]:
        """Each scalar of ``node`` (``field``: the key it stands under) with how to rewrite its text."""
        if isinstance(node, ScalarNode):
            if node.tag == _TEXT:
                yield _span(node, lambda written: self.prose(written, baseline, field in _NAMING))
            else:
                yield _span(node, str)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                yield from self._scalars(item, field)
        elif isinstance(node, MappingNode):
            own = _baseline_year(node)
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else None
                # a key is a field's name or an id, kept as written; a key of targets is a year
                yield _span(key, self._year if field in _YEAR_KEYED and key.tag == _INT else str)
                if name in _YEAR_FIELDS and isinstance(value, ScalarNode) and value.tag == _INT:
                    yield _span(value, self._year)
                elif name == "date" and isinstance(value, ScalarNode):
                    yield _span(value, lambda written: _ANY_YEAR.sub(lambda m: self._year(m.group(1)), written))
                else:  # a naming field's text in each language ({id: …, en: …}) names as the field does
                    inner = field if field in _NAMING else name
                    yield from self._scalars(value, inner, own if name in ("name", "unit") else frozenset())

    def _year(self, written: str) -> str:
        return str(int(written) + self.shift)

    def prose(self, text: str, baseline: frozenset[int] = frozenset(), naming: bool = False) -> str:
        """Running text: the years of the plan period moved; where it names (``naming``), the sample city's
        name replaced; for a regency, the words of a kota's government, but in a line left the sample's."""
        if self.shift:
            text = _YEARS.sub(lambda m: self._years(m, baseline), text)
        if self.city and naming:
            text = self.named.sub(lambda m: self.names[m.group(0)], text)
        if self.regency:
            text = "".join(line if not naming and self.sample_named.search(line)
                           else _KOTA_WORDS.sub(lambda m: _REGENCY_WORDS[m.group(0)], line)
                           for line in text.splitlines(keepends=True))
        return text

    def _years(self, match: re.Match[str], baseline: frozenset[int]) -> str:
        first, dash, last = match.groups()
        if last is None:
            year = int(first)
            return self._year(first) if year in self.within or year in baseline else first
        if int(first) in self.within and int(last) in self.within:
            return f"{self._year(first)}{dash}{self._year(last)}"
        return match.group(0)  # another span of years (a regulation's period): as written


def _span(node: Node, rewrite: Callable[[str], str]) -> Edit:
    return node.start_mark.index, node.end_mark.index, rewrite


def _baseline_year(node: MappingNode) -> frozenset[int]:
    """The year of the mapping's ``baseline: {year: …}``, if it is an indicator that has one."""
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "baseline" and isinstance(value, MappingNode):
            for inner, year in value.value:
                if isinstance(inner, ScalarNode) and inner.value == "year" and isinstance(year, ScalarNode) \
                        and year.tag == _INT:
                    return frozenset({int(year.value)})
    return frozenset()
