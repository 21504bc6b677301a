"""The sample plan every new plan starts from (Kota Pasuruan, 2022–2031): what it is made for.

``masterplan new --city --period`` (:mod:`masterplan.adapt`) makes it another city's plan,
and the sample checks (:mod:`masterplan.checks.sample`) name what a plan still has of it;
both read its city, period, cover notice (in each language it is written in) and places here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from masterplan.resources import sample_dir
from masterplan.values import Period

#: the words a city's name starts with, left out to find the name itself ("Kota Pasuruan" → "Pasuruan")
CITY_WORDS = ("kota ", "kabupaten ", "kab. ", "provinsi ")
DISTRICT_WORD = "kecamatan "  #: what a district agency's name starts with ("Kecamatan Gadingrejo")
MIN_NAME = 4  #: a shorter part of a program's name ("119") is no name it goes by


def city_name(city: str) -> str:
    """The name a city goes by in running text: ``Kota Pasuruan`` → ``Pasuruan``."""
    lowered = city.lower()
    for word in CITY_WORDS:
        if lowered.startswith(word):
            return city[len(word):].strip()
    return city.strip()


def is_regency(city: str) -> bool:
    """A kabupaten (led by a bupati), not a kota (led by a wali kota)."""
    return city.lower().startswith(("kabupaten ", "kab. "))


def head_title(city: str) -> str:
    """The office that leads it: ``Wali Kota`` for a kota, ``Bupati`` for a kabupaten."""
    return "Bupati" if is_regency(city) else "Wali Kota"


def head_of(city: str) -> str:
    """Who leads it, as the foreword signs: ``Wali Kota Pasuruan``, ``Bupati Malang``."""
    return f"{head_title(city)} {city_name(city)}"


@dataclass(frozen=True)
class SamplePlan:
    """The sample's content folder, and the city, period, cover notice and open-data licence its plan.yml gives."""

    content: Path
    city: str
    period: Period
    notices: tuple[str, ...]  #: the cover notice in each language plan.yml writes it in (a text or {id: …, en: …})
    licence: str = ""  #: the open data's licence its plan.yml gives (open_data: license)

    @property
    def name(self) -> str:
        """The city's name in running text: Pasuruan."""
        return city_name(self.city)

    @classmethod
    def read(cls, content: Path) -> SamplePlan:
        from masterplan import yamlfile
        data, _ = yamlfile.read(content / "plan.yml", "plan.yml")
        data = data if isinstance(data, dict) else {}
        period = given if isinstance(given := data.get("period"), dict) else {}
        open_data = given if isinstance(given := data.get("open_data"), dict) else {}
        return cls(content, str(data.get("city", "")), Period(int(period.get("start", 0)), int(period.get("end", 0))),
                   _texts(data.get("notice")), str(open_data.get("license") or ""))

    @property
    def places(self) -> tuple[str, ...]:
        """The places in the sample's city its lines name: its districts (the agencies of kind
        kecamatan: "Kecamatan Gadingrejo" → Gadingrejo)."""
        return _districts(self.content)


    @property
    def agency_names(self) -> tuple[str, ...]:
        """The short names the sample's agencies go by in its texts: Diskominfotik, Bappelitbangda."""
        return tuple(str(data["short_name"]) for data in _agencies(self.content) if data.get("short_name"))

    @property
    def program_names(self) -> tuple[str, ...]:
        """The names the sample's programs go by: each one's name, what it starts with before a colon or a
        bracket, and what the brackets hold ("e-Sambat (Media Sambat Masyarakat)" → also e-Sambat and Media
        Sambat Masyarakat; "Smart Go: e-Planning …" → also Smart Go)."""
        names: dict[str, None] = {}
        for data in _agencies(self.content):
            for program in data.get("programs") or []:
                name = program.get("name") if isinstance(program, dict) else None
                for text in name.values() if isinstance(name, dict) else [name]:
                    names.update(dict.fromkeys(_goes_by(str(text)) if text else ()))
        return tuple(names)


def _texts(raw: Any) -> tuple[str, ...]:
    """A text field's texts: the one a plain text gives, or each language's of a mapping ({id: …, en: …})."""
    texts = raw.values() if isinstance(raw, dict) else [raw]
    return tuple(text for text in texts if isinstance(text, str) and text)


def _goes_by(name: str) -> list[str]:
    """A program's name and the shorter names it holds (before a colon or a bracket, in brackets)."""
    found = [name.strip(), re.split(r":|\(", name, maxsplit=1)[0].strip(), *re.findall(r"\(([^)]+)\)", name)]
    return [part.strip() for part in found if len(part.strip()) >= MIN_NAME]


@lru_cache(maxsize=4)
def _agencies(content: Path) -> tuple[dict[str, Any], ...]:
    """What the sample's agency files hold, each file's mapping."""
    from masterplan import yamlfile
    found: list[dict[str, Any]] = []
    for path in sorted((content / "agencies").glob("*.yml")):
        data, _ = yamlfile.read(path, path.name)
        if isinstance(data, dict):
            found.append(data)
    return tuple(found)


@lru_cache(maxsize=4)
def _districts(content: Path) -> tuple[str, ...]:
    found: list[str] = []
    for data in _agencies(content):
        name = data.get("name") if data.get("kind") == "kecamatan" else None
        if isinstance(name, str) and name.lower().startswith(DISTRICT_WORD) and name[len(DISTRICT_WORD):].strip():
            found.append(name[len(DISTRICT_WORD):].strip())
    return tuple(found)


@lru_cache(maxsize=1)
def sample() -> SamplePlan:
    """The installed sample."""
    return SamplePlan.read(sample_dir())
