"""Synthetic but realistic master plans at benchmark scales, written as ordinary plan folders.

* S: the sample plan (the repository's content/), copied as is;
* M: 30 agencies (the sample has 31: all kept), 300 programs (a mid-size city);
* L: 120 agencies, 3,000 programs (a province consolidating its cities and regencies).

M and L start from the sample: its plan.yml, pillars, glossary, chapters and agencies are
kept (so every cross-reference in the chapters still resolves), and generated agencies
with generated programs are added until the scale's counts are reached. Everything is
drawn from a seeded random generator, so the same seed gives byte-identical files.

Usage: ``python benchmarks/generate.py M /tmp/plan-m [--seed 1]``
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import words  # a sibling module, not a package

from masterplan.checks.near_duplicates import (
    words as _words,  # the rule generated names must pass
)

try:
    _Dumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Dumper = yaml.SafeDumper

DEFAULT_FUNDING = ["APBD", "APBD Provinsi", "APBN", "DAK", "CSR", "KPBU", "Swasta", "Hibah"]
PREFIXES = {"governance": "GOV", "branding": "BRD", "economy": "ECO", "living": "LIV", "society": "SOC",
            "environment": "ENV"}


@dataclass(frozen=True)
class Scale:
    """How big a plan is: agencies and programs in total (sample ones included)."""

    name: str
    agencies: int
    programs: int
    province: bool = False  #: agencies belong to the cities and regencies of a province


SCALES = {"S": Scale("S", 0, 0), "M": Scale("M", 30, 300), "L": Scale("L", 120, 3000, province=True)}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _dump(data: Any, path: Path) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    path.write_text(text, encoding="utf-8")


class _Generator:
    """Adds generated agencies and programs to a copied sample plan."""

    def __init__(self, content: Path, scale: Scale, seed: int):
        self.content = content
        self.scale = scale
        self.random = random.Random(f"{scale.name}-{seed}")
        plan = _read(content / "plan.yml")
        self.period = (plan["period"]["start"], plan["period"]["end"])
        self.missions = [m["id"] for m in plan.get("missions") or []]
        self.funding = list(plan.get("funding_sources") or DEFAULT_FUNDING)
        self.pillars = sorted((_read(p) for p in (content / "pillars").glob("*.y*ml")),
                              key=lambda p: (p.get("order", 0), p["id"]))
        self.sample_agencies = [_read(p) for p in sorted((content / "agencies").glob("*.y*ml"))]
        self.program_ids = {prog["id"] for a in self.sample_agencies for prog in a.get("programs") or []}
        self.agency_ids = {a["id"] for a in self.sample_agencies}
        self.city = str(plan.get("city", ""))
        self.names: dict[str, list[frozenset[str]]] = {}
        self.numbers: dict[str, int] = {}
        self.baselines: dict[tuple[str, int], int] = {}  #: (indicator, year) → its one baseline (W418)
        for agency in self.sample_agencies:
            for sample_program in agency.get("programs") or []:
                self.remember(str(sample_program["name"]))

    # --- agencies -------------------------------------------------------------
    def agencies(self) -> list[dict[str, Any]]:
        """The sample's agencies (programs are added to them too), then generated ones up to the scale."""
        home = self.city if self.scale.province else ""
        made = [{**a, "supports": list(a.get("supports") or []), "programs": list(a.get("programs") or []),
                 "_region": home} for a in self.sample_agencies]
        taken_short = {str(a.get("short_name", "")).lower() for a in self.sample_agencies}
        regions = [r for r in words.PROVINCE_REGIONS if r != self.city] if self.scale.province else [""]
        for region in regions:
            # a province: ten agencies from each city or regency; a city: every agency once
            listed = self.random.sample(words.AGENCIES, 10) if region else list(words.AGENCIES)
            for name, short, kind in listed:
                if len(made) >= self.scale.agencies:
                    return made
                if not region and short.lower() in taken_short:
                    continue
                short_region = region.replace("Kabupaten ", "Kab. ")
                agency_id = slug(f"{short} {short_region}")
                if agency_id in self.agency_ids:
                    continue
                self.agency_ids.add(agency_id)
                made.append({"id": agency_id, "name": f"{name} {region}".strip(),
                             "short_name": f"{short} {short_region}".strip(),
                             "kind": kind, "supports": [], "programs": [], "_region": region})
            if not self.scale.province and len(made) < self.scale.agencies:  # more than the list has
                regions.append(f"Wilayah {len(regions)}")
        return made

    # --- programs -------------------------------------------------------------
    def program_id(self, pillar_id: str) -> str:
        prefix = PREFIXES.get(pillar_id, pillar_id[:3].upper())
        while True:
            self.numbers[prefix] = self.numbers.get(prefix, 0) + 1
            candidate = f"{prefix}-{self.numbers[prefix]:02d}"
            if candidate not in self.program_ids:
                self.program_ids.add(candidate)
                return candidate

    def name(self, pillar_id: str, place: str) -> tuple[str, str]:
        """A program name not nearly identical to any earlier one (the W401 rule)."""
        topics = words.TOPICS.get(pillar_id, words.TOPICS["other"])
        for attempt in range(400):
            topic, qualifier = self.random.choice(topics), self.random.choice(words.QUALIFIERS)
            name = f"{self.random.choice(words.VERBS)} {topic} {qualifier} {place}"
            found = _words(name)
            rivals = {rival for word in found for rival in self.names.get(word, ())}
            if all(len(found & r) / len(found | r) < 0.7 for r in rivals):
                break
            if attempt % 20 == 19:
                place = self.random.choice(words.CITY_PLACES)
        self.remember(name)
        return name, topic

    def remember(self, name: str) -> None:
        found = frozenset(_words(name))
        for word in found:
            self.names.setdefault(word, []).append(found)

    def fill(self, template: str, topic: str, place: str) -> str:
        return template.format(topic_l=topic.lower(), place=place, number=self.random.randint(3, 40))

    def indicators(self, topic: str, years: range) -> list[dict[str, Any]]:
        made = []
        for name, unit, (low, high), step in self.random.sample(words.INDICATORS, self.random.randint(1, 3)):
            drawn = self.random.randint(low, high)
            rises = [step + self.random.randint(0, abs(step)) for _ in years]
            filled = self.fill(name, topic, "")  # drawn in the order of old, so plans stay as they were
            baseline = value = self.baselines.setdefault((filled, years.start - 1), drawn)  # one a year (W418)
            targets = {}
            for year, rise in zip(years, rises, strict=True):
                value = max(value + rise, 1)
                targets[year] = min(value, 100) if unit == "persen" else value
            made.append({"name": filled, "unit": unit,
                         "baseline": {"year": years.start - 1, "value": baseline},
                         "targets": targets})
        return made

    def program(self, agency: dict[str, Any], pillar: dict[str, Any], sub_id: str,
                others: list[dict[str, Any]], earlier: list[tuple[str, int]], quick_win: bool) -> dict[str, Any]:
        """A program as an agency writes one; ``earlier``: (id, first year) of programs it may depend on."""
        rnd = self.random
        region = agency["_region"]
        place = rnd.choice(words.CITY_PLACES)
        name, topic = self.name(pillar["id"], region or place)
        if quick_win:  # fast and early, as validate expects of a quick win (W416)
            start = rnd.randint(self.period[0], min(self.period[0] + 1, self.period[1]))
            end = min(start + rnd.randint(0, 1), self.period[1])
        else:
            start = rnd.randint(self.period[0], max(self.period[1] - 1, self.period[0]))
            end = min(start + rnd.randint(0, 3), self.period[1])
        possible = [program_id for program_id, first in earlier if first <= start]  # none starting later (W413)
        years = range(start, end + 1)
        sentences = rnd.sample(words.SENTENCES, rnd.randint(3, 6))
        opening = f"{name} dimulai pada {start} dan dikoordinasikan oleh {agency['short_name']}."
        description = " ".join([opening, *(self.fill(s, topic, place) for s in sentences)])
        if rnd.random() < 0.3:
            description += "\n\nTahapan utama:\n\n" + "\n".join(
                f"- {self.fill(s, topic, place)}" for s in rnd.sample(words.SENTENCES, 3))
        partners = [a for a in rnd.sample(others, min(len(others), rnd.choice([0, 1, 1, 2])))
                    if a["id"] != agency["id"]]
        program: dict[str, Any] = {
            "id": self.program_id(pillar["id"]), "name": name, "pillar": pillar["id"], "sub_element": sub_id,
            "summary": self.fill(rnd.choice(words.SUMMARIES), topic, place), "description": description,
            "quick_win": quick_win,
            "partners": [a["id"] for a in partners],
            "period": {"start": start, "end": end},
            "budget": [{"year": year, "amount": rnd.randint(10, 600) * 5_000_000,
                        "source": rnd.choice(self.funding[:4]) if rnd.random() < 0.8 else rnd.choice(self.funding)}
                       for year in years],
            "indicators": self.indicators(topic, years),
            "depends_on": rnd.sample(possible, min(len(possible), rnd.randint(1, 2))) if possible and rnd.random() < 0.25
            else [],
            "missions": rnd.sample(self.missions, min(len(self.missions), rnd.randint(1, 2))),
            # none done: the plan is dated before they start; ongoing only in the plan's first year (W316)
            "status": rnd.choice(["planned", "planned", "ongoing"] if start == self.period[0] else ["planned"]),
        }
        for partner in partners:
            partner["supports"].append(program["id"])
        return {k: v for k, v in program.items() if v not in ([], False)}

    def run(self) -> None:
        agencies = self.agencies()
        wanted = max(self.scale.programs - len(self.program_ids), 0)
        if not agencies or not wanted:
            return
        slots = [(pillar, sub["id"]) for pillar in self.pillars for sub in pillar["sub_elements"]]
        quick = {pillar["id"] for pillar in self.pillars}  # one quick win per pillar, at least
        earlier: list[tuple[str, int]] = []
        for index in range(wanted):
            agency = agencies[index % len(agencies)]
            pillar, sub_id = slots[index] if index < len(slots) else self.random.choice(slots)
            region_mates = [a for a in agencies if a["_region"] == agency["_region"]] or agencies
            quick_win = pillar["id"] in quick or self.random.random() < 0.05
            quick.discard(pillar["id"])
            program = self.program(agency, pillar, sub_id, region_mates, earlier[-200:], quick_win)
            agency["programs"].append(program)
            earlier.append((program["id"], program["period"]["start"]))
        for agency in agencies:
            agency.pop("_region")
            if not agency["supports"]:
                agency.pop("supports")
            _dump(agency, self.content / "agencies" / f"{agency['id']}.yml")
        self.fit_ceilings()

    def fit_ceilings(self) -> None:
        """Raise plan.yml's APBD ceilings to what the grown plan asks each year, and a tenth more (W324 stays quiet)."""
        plan_file = self.content / "plan.yml"
        plan = _read(plan_file)
        if not plan.get("apbd_ceiling"):
            return
        asked = dict.fromkeys(plan["apbd_ceiling"], 0)
        for path in (self.content / "agencies").glob("*.yml"):
            for program in _read(path).get("programs") or []:
                for line in program.get("budget") or []:
                    if line["source"] == "APBD" and line["year"] in asked:
                        asked[line["year"]] += line["amount"]
        billion = 1_000_000_000
        plan["apbd_ceiling"] = {year: max(ceiling, -(-asked[year] * 11 // 10 // billion) * billion)
                                for year, ceiling in plan["apbd_ceiling"].items()}
        _dump(plan, plan_file)


def generate(out: Path, scale: Scale | str, seed: int = 1, sample: Path | None = None) -> Path:
    """Write a plan folder of ``scale`` into ``out`` (replacing its content/); returns ``out``."""
    if isinstance(scale, str):
        scale = SCALES[scale.upper()]
    if sample is None:
        from masterplan.resources import sample_dir
        sample = sample_dir()
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(sample, content, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "__init__.py"))
    if scale.province:
        plan_file = content / "plan.yml"  # the cover and its notice name the province, not the sample's city
        plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("Kota Pasuruan", "Provinsi Jawa Timur"),
                             encoding="utf-8")
        plan = _read(plan_file)
        plan["title"] = "Masterplan Smart Province Jawa Timur (konsolidasi kota dan kabupaten)"
        plan["city"], plan["province"] = "Provinsi Jawa Timur", "Jawa Timur"
        _dump(plan, plan_file)
    _Generator(content, scale, seed).run()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", choices=sorted(SCALES), help="S, M or L")
    parser.add_argument("out", type=Path, help="plan folder to write (its content/ is replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=Path, default=None, help="content/ folder to start from")
    args = parser.parse_args(argv)
    generate(args.out, args.scale, args.seed, args.sample)
    print(f"wrote {args.scale} plan into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
