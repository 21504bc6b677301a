"""What a reader of any one open-data file must be told, said alike in ``datapackage.json`` and the workbook,
and the CSV files written as it says.

A file is forwarded on its own: ``plan.xlsx`` by e-mail, a CSV table into a newsroom's
notebook. Each says whether the plan is a draft (with the plan's notice), which release its
data is (the plan's version and a fingerprint of the data, which differs whenever a figure
does), and the CSV files' two conventions a spreadsheet or a script trips on: decimals
written with a dot, and the apostrophe put before a text a spreadsheet would run as a formula.
The rule of that apostrophe lives here too, with the pattern that takes it away again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from typing import Any

from masterplan import decree
from masterplan.i18n import Translator
from masterplan.model import Plan

FINGERPRINT_LENGTH = 8  #: hexadecimal digits: as short as a commit's, and as unlikely to be shared by two releases

#: where a CSV cell's text would start a formula: at its start, or after a ';' (Excel set to Indonesian splits a row
#: there). Apostrophes already there count too, so that taking one away (:data:`UNGUARD`) gives back the text as written.
#: A lone '-' is left alone: a spreadsheet reads it as text, and "-" is how an agency writes "none" in a contact field.
GUARD = re.compile(r"(^|;[ \t]*)(?='*[=+\-@\t\r])(?!-(?:;|$))")
#: the apostrophe :data:`GUARD` put in: taking it away (``UNGUARD.sub(r"\1", cell)``) gives the text as written
UNGUARD = re.compile(r"(^|;[ \t]*)'(?='*[=+\-@\t\r])")
UNGUARD_TEXT = UNGUARD.pattern  #: the same, as README and the descriptor print it for a script to copy


#: how :func:`csv_table` writes a table, as a Frictionless CSV dialect says it
DIALECT: dict[str, Any] = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def guarded(text: str) -> str:
    """``text`` with an apostrophe before each start of a formula (see :data:`GUARD`)."""
    return GUARD.sub(r"\1'", text)


def _cell(value: Any) -> Any:
    """A CSV cell: empty for no value, true or false for a flag, a text :func:`guarded`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return guarded(value)
    return value


def csv_table(header: list[str], rows: Iterable[list[Any]]) -> str:
    """A table as CSV text in :data:`DIALECT` (numbers as Python writes them: a dot before decimals)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DIALECT["delimiter"], lineterminator=DIALECT["lineTerminator"])
    writer.writerow(header)
    writer.writerows([_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def status(plan: Plan, words: Translator) -> str | None:
    """The plan's status and notice as one sentence for the data files ("DRAF. Dokumen ilustratif: …"), or None
    for an adopted plan without a notice."""
    notice = plan.notice.get(plan.language).strip()
    if plan.is_draft:
        said = notice or words("The plan is not adopted yet: its programs, budgets and targets may still change.")
        return f"{words('Draft').upper()}. {said}"
    return notice or None


def adoption(plan: Plan, words: Translator) -> str | None:
    """Which regulation adopted a final plan at its version, as plan.yml names it ("Ditetapkan dengan Peraturan Wali
    Kota Pasuruan Nomor 45 Tahun 2021."); None for a draft, or a version for which no decree is named (W121)."""
    regulation = decree.adopted_by(plan, plan.language)
    return words("Adopted by {decree}.", decree=regulation) if regulation else None


def fingerprint(files: dict[str, bytes]) -> str:
    """A short hash of the data files' contents (name → bytes): the same for the same data, another for any change."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def release(plan: Plan, data_fingerprint: str, words: Translator) -> str:
    """Which release the data is, for people: "Versi 1.0, sidik jari data 3f9a2c1e"."""
    if plan.version:
        return words("Version {version}, data fingerprint {fingerprint}", version=plan.version,
                     fingerprint=data_fingerprint)
    return words("Data fingerprint {fingerprint}", fingerprint=data_fingerprint)


def package_version(plan: Plan, data_fingerprint: str) -> str:
    """The descriptor's version: the plan's, with the data's fingerprint as Semantic Versioning's build metadata
    (``1.0+3f9a2c1e``), so two releases whose data differ never share it, even when the plan's version stayed."""
    return f"{plan.version or '0'}+{data_fingerprint}"


def decimals(words: Translator) -> str:
    """How the CSV files write a number with decimals, and how to import them so that a spreadsheet set to
    Indonesian (whose decimal sign is the comma, the dot grouping thousands) reads it."""
    return words("Decimals are written with a dot (2.4): choose the dot as the decimal sign when importing too, "
                 "with the locale English (United States) (LibreOffice: Language in the import dialog; Excel: "
                 "Transform Data, then Change Type › Using Locale), or a spreadsheet set to Indonesian reads 2.4 as 24.")


def guard_rule(words: Translator) -> str:
    """The apostrophe :data:`GUARD` puts before a formula in the CSV files, and how a script takes it away: the
    sentence ends with a colon, for :data:`UNGUARD_TEXT` to follow."""
    return words("In the CSV files, a text that begins with =, +, - or @ (a lone '-' aside), or has such a piece "
                 "after a ';', gets an apostrophe (') before it, so that a spreadsheet shows it instead of running it "
                 "as a formula; plan.json and plan.xlsx keep the text as written. A text that already begins with "
                 "apostrophes and one of those signs gets one more, so a script gets the text as written back by "
                 "taking away one apostrophe where this regular expression matches:")
