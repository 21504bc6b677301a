"""The open data in one download: ``README.txt`` beside the files, and ``masterplan-data.zip`` holding them all.

A reuser who took ``budget.csv`` alone got invented budgets with nothing saying the plan was a draft: the status
and notice were on the page, in ``datapackage.json`` and the workbook's notes, in no CSV file. The README says
in plain text what a reader of any of the files must know (the plan's status and notice, which release the data
is, the licence, who publishes and who keeps it, what each file holds, how decimals and formulas are written),
and the ZIP carries it with every file, so a folder of files passed on keeps it. Both are written alike for the
same data: the ZIP's entries are dated the plan's date, so an unchanged plan gives the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from masterplan.i18n import Translator
from masterplan.model import Plan
from masterplan.render import data_notes, data_tables
from masterplan.render.site_links import url_for

README = "README.txt"
BUNDLE = "masterplan-data.zip"
#: the files beside the tables, with what each holds (the tables say theirs: data_tables.TITLES)
OTHERS = {"plan.json": "the whole plan (JSON)",
          "plan.schema.json": "plan.json described for software: each field's type and meaning (JSON Schema)",
          "plan.xlsx": "every CSV table in one workbook, a sheet each, and the budget summaries",
          "datapackage.json": "the CSV files described for software (Frictionless Data Package)"}
#: every entry's time in the ZIP of a plan without a date: the same data, the same bytes
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def readme(plan: Plan, words: Translator, names: list[str], fingerprint: str, base_url: str | None = None) -> str:
    """The README of the files ``names``: what a reader of any one of them must know, in the plan's language."""
    lines = [str(plan.title), ""]
    said = [line for line in (data_notes.adoption(plan, words), data_notes.status(plan, words)) if line]
    lines += [*said, *([""] if said else [])]
    lines.append(data_notes.release(plan, fingerprint, words)
                 + (f" · {words('Plan dated {date}.', date=plan.date.isoformat())}" if plan.date else ""))
    lines.append(_licence(plan, words))
    lines.append(_publisher(plan, words))
    if base_url:
        lines.append(f"{words('Described at')}: {base_url.rstrip('/')}/{url_for('data')}")
    lines += ["", f"{words('Files')}:"]
    described = {**{name: words(title) for name, title in data_tables.TITLES.items()},
                 **{name: words(meaning) for name, meaning in OTHERS.items()}}
    lines += [f"- {name}: {described[name]}" for name in names if name in described]
    lines += ["", data_notes.decimals(words), f"{data_notes.guard_rule(words)} {data_notes.UNGUARD_TEXT}"]
    return "\n".join(lines) + "\n"


def _licence(plan: Plan, words: Translator) -> str:
    if not plan.data_license:
        return words("No licence is stated for these files: ask {author} before reusing them.", author=str(plan.author))
    address = f" ({plan.data_license_url})" if plan.data_license_url else ""
    return f"{words('Licence')}: {plan.data_license}{address}"


def _publisher(plan: Plan, words: Translator) -> str:
    """Who publishes the data (the plan's author) and who keeps it (the leading sector), with its e-mail address."""
    said = f"{words('Publisher')}: {plan.author}"
    keeper = plan.leading_sector
    if keeper is None:
        return said
    email = f" <{keeper.contact['email']}>" if keeper.contact.get("email") else ""
    return f"{said} · {words('Kept by')}: {keeper.name}{email}"


def write(plan: Plan, folder: Path, words: Translator, fingerprint: str, base_url: str | None = None) -> None:
    """Write README.txt into the open-data ``folder``, then the ZIP of every file in it."""
    names = sorted(path.name for path in folder.iterdir() if path.is_file() and path.name not in (README, BUNDLE))
    (folder / README).write_text(readme(plan, words, names, fingerprint, base_url), encoding="utf-8")
    with zipfile.ZipFile(folder / BUNDLE, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in [README, *names]:
            entry = zipfile.ZipInfo(name, _entry_time(plan))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, (folder / name).read_bytes())


def _entry_time(plan: Plan) -> tuple[int, int, int, int, int, int]:
    """The time of every entry of the ZIP: the plan's date (a file manager showed "1 January 2000" for data of a
    plan dated December 2021), or a fixed one; either way an unchanged plan gives the same bytes."""
    return (plan.date.year, plan.date.month, plan.date.day, 0, 0, 0) if plan.date else _FIXED_TIME
