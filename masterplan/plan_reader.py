"""Reads content/plan.yml into a :class:`~masterplan.model.Plan`: the city, its vision and missions, the
roadmap's phases, the plan's history (revisions), its readiness and SWOT, its dates and its budget ceilings.

The plan's language and the language of its plain texts, which plan.yml gives, are set on the reader here:
every file read after it writes its texts in them.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from masterplan import accepted_warnings, licence_address, translation_catalog
from masterplan.dates import calendar_day
from masterplan.diagnostics import Message, Position, error
from masterplan.folder_reader import CONTENT, FolderReader, outside_error
from masterplan.funding_sources import DEFAULT_FUNDING_SOURCES
from masterplan.located import LocatedList, LocatedMap, as_written
from masterplan.model import DEFAULT_LANGUAGE, Plan
from masterplan.plan_parts import (
    SWOT_KINDS,
    Mission,
    Phase,
    ReadinessItem,
    Revision,
    Swot,
)
from masterplan.values import Period, Term, whole


def read_plan(reader: FolderReader, path: Path) -> Plan | None:
    """The plan plan.yml at ``path`` describes, without its pillars, agencies and chapters; None when it cannot
    be read."""
    data = reader.document(path, "plan")
    if data is None:
        return None
    reader.language = data.get("language", DEFAULT_LANGUAGE)
    reader.written_in = data.get("written_in")
    _catalog(reader, path.parent)
    period = data["period"]
    city = data["city"]
    where = reader.where(data)
    open_data = data.get("open_data") or LocatedMap()
    if "license_url" in open_data:
        where["open_data.license_url"] = open_data.at("license_url")
    ceiling, ceiling_at = reader.yearly(data, "apbd_ceiling",
                                        "the APBD ceiling for {year} is given twice (first at line {line})")
    ceiling = {year: whole(amount) for year, amount in ceiling.items()}
    text = reader.text
    return Plan(
        city=city, province=data.get("province", ""), title=text(data["title"]),
        notice=text(data.get("notice")), author=text(data.get("author") or f"Pemerintah {city}"),
        period=Period(period["start"], period["end"]), version=as_written(data.get("version", "")),
        status=Term.read(data["status"]), date=_date(reader, data), language=reader.language,
        written_in=reader.written_in or reader.language,
        leading_sector_id=data["leading_sector"], logo=data.get("logo"), vision=text(data["vision"]),
        missions=[Mission(m["id"], text(m["text"]), m.position) for m in data["missions"]],
        legal_basis=[text(t) for t in data.get("legal_basis") or []],
        readiness=[ReadinessItem(r["element"], text(r["aspect"]), text(r["condition"]),
                                 text(r.get("gap")), text(r.get("recommendation")), r.position)
                   for r in data.get("readiness") or []],
        funding_sources=list(data.get("funding_sources") or DEFAULT_FUNDING_SOURCES),
        position=data.position, where=where, content=reader.root / CONTENT,
        base_url=(data.get("base_url") or "").strip() or None,
        two_sided=bool((data.get("print") or {}).get("two_sided", False)),
        bleed=bool((data.get("print") or {}).get("bleed", False)),
        executive_summary=bool(data.get("executive_summary", False)),
        strategic_analysis=bool(data.get("strategic_analysis", False)),
        data_license=open_data.get("license"),
        data_license_url=licence_address.in_language(open_data.get("license_url"), reader.language),
        apbd_ceiling=ceiling, apbd_ceiling_at=ceiling_at,
        phases=[Phase(text(phase["name"]), text(phase.get("theme")),
                      Period(phase["period"]["start"], phase["period"]["end"]), phase.position,
                      reader.where(phase), text(phase.get("description")))
                for phase in data.get("phases") or []],
        revisions=[_revision(reader, entry) for entry in data.get("revisions") or []],
        swot=_swot(reader, data.get("swot")),
        baseline=(data.get("baseline") or "").strip() or None,
        errors_when_final=_codes(data.get("errors_when_final")),
        realised_as_of=_date(reader, data, "realised_as_of"),
        accepted_warnings=accepted_warnings.read(data.get("accepted_warnings")),
    )


def _catalog(reader: FolderReader, content: Path) -> None:
    """The translator's catalog of an edition in another language than the plan is written in, set on the reader
    before it reads a text (plan.yml's own among them)."""
    written_in = reader.written_in or reader.language
    path = translation_catalog.found(content, reader.language)
    if reader.language == written_in or path is None:
        return
    if not reader.inside(path):
        reader.report.add(outside_error(reader.name(path)))
        return
    reader.catalog, problems = translation_catalog.read(path, reader.name(path), reader.language, written_in)
    reader.report.extend(problems)


def _revision(reader: FolderReader, data: LocatedMap) -> Revision:
    """An entry of plan.yml's history (revisions), its date read as the plan's own is."""
    return Revision(as_written(data["version"]), _date(reader, data), reader.text(data["summary"]), data.position,
                    reader.text(data.get("decree")), reader.where(data))


def _codes(data: LocatedList | None) -> dict[str, Position]:
    """errors_when_final's warning codes, each with where it is written (none for what is no list: E10x says so)."""
    if not isinstance(data, LocatedList):
        return {}
    return {code: data.at(index) for index, code in enumerate(data) if isinstance(code, str)}


def _swot(reader: FolderReader, data: LocatedMap | None) -> Swot | None:
    """plan.yml's SWOT analysis, each factor a text at its position (:mod:`checks.swot` reads them as the table
    cells they are printed in); None when it gives none."""
    if data is None:
        return None
    factors = {kind: [reader.text(factor) for factor in data[kind]] for kind in SWOT_KINDS}
    return Swot(**factors, where=reader.where(data))


def _date(reader: FolderReader, data: LocatedMap, field: str = "date") -> datetime.date | None:
    """The date of plan.yml, or of one of its revisions (or plan.yml's other date ``field``, realised_as_of); quoted
    text must still name a real date (YYYY-MM-DD)."""
    value = data.get(field)
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            meant = calendar_day(value)
            reader.report.add(error(data.at(field), "E101", "{field} should be a date, not '{value}'",
                                    "there is no such day: months run from 01 to 12, days to 28–31"
                                    if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value)
                                    else Message("write it as YYYY-MM-DD: {date}", date=meant.isoformat()) if meant
                                    else "write it as YYYY-MM-DD, e.g. 2021-12-01", field=field, value=value))
            return None
    if isinstance(value, datetime.datetime):  # 2021-12-01 08:00:00: YAML reads a time of day with it
        reader.report.add(error(data.at(field), "E101", "{field} should be a date, not a date and a time ('{value}')",
                                Message("write the day alone, as YYYY-MM-DD: {date}", date=value.date().isoformat()),
                                field=field, value=as_written(value)))
        return value.date()
    return value


