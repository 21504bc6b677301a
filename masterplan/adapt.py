"""A fresh copy of the sample plan made another city's, for another period (``masterplan new --city --period``;
the options are read in :mod:`masterplan.adaptation`).

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
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from masterplan.adaptation import Adaptation
from masterplan.chapter_reader import split_front_matter
from masterplan.sample_plan import city_name, head_of, is_regency

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


def adapted_text(text: str, change: Adaptation) -> str:
    """A Markdown text beside the plan (the agencies' guide) rewritten as a chapter's body is: the plan period's
    years moved, and the year before them, an example's baseline; a kota's words for its government a regency's."""
    return _Rewrite(change).prose(text, frozenset({change.sample.period.start - 1}))


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
