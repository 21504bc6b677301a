"""Files in content/ that nothing reads, said so (W017), rather than left out of the plan without a word.

An agency's file saved as ``dishub.yml.txt`` (Notepad adds ``.txt``), a chapter as
``99-baru.md.txt``, an agency's file put in ``content/`` itself or in a folder
``content/agency/``: the plan was built without them, and the agency's programs were
simply missing. Hidden files, editors' backups and ``content/assets/`` (published as it
is) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

from masterplan.chapter_reader import TRANSLATION
from masterplan.content_text import READ, TOP_FILES
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    did_you_mean,
    warning,
)
from masterplan.leftovers import (
    hidden_ending,
    hidden_ending_told,
    is_leftover,
)
from masterplan.model import ANALYSIS, ASSETS, SUMMARY_TEXT, Plan
from masterplan.translation_catalog import NAME

_PLAN_SUFFIXES = (".yml", ".yaml", ".md")
#: what an agency's text may be saved as by a word processor or an editor instead, or sent as: a spreadsheet, a web
#: page Word saved, a PDF, an archive
_WRITTEN = frozenset([".txt", ".doc", ".docx", ".odt", ".rtf", ".json", ".markdown", ".yml_", ".yaml_", ".htm", ".html",
                      ".xls", ".xlsx", ".ods", ".csv", ".pdf", ".zip", ".rar", ".7z"])
#: of those, a word processor's documents, which cannot be saved as Markdown
_DOCUMENTS = frozenset([".doc", ".docx", ".odt", ".rtf"])
#: of those, what content/ itself holds by mistake (a .json there is a previous version's plan.json, a baseline)
_SENT = _WRITTEN - {".json"}


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    content = plan.content
    if content is None or not content.is_dir():
        return
    for entry in sorted(content.iterdir()):
        if is_leftover(entry.name) or entry.name == ASSETS:
            continue
        where = Position(f"content/{entry.name}")
        if entry.is_dir() and entry.name in READ:
            yield from _folder(entry, READ[entry.name])
        elif entry.is_dir() and entry.name == ANALYSIS:
            if plan.strategic_analysis:
                yield from _folder(entry, READ["chapters"])
            elif _holds_text(entry):
                yield warning(where, "W017", "folder content/{name}/ is not read: plan.yml asks for no strategic "
                              "analysis", "write 'strategic_analysis: true' in content/plan.yml, and the build "
                              "writes it beside the book", name=entry.name)
        elif entry.is_dir():
            if _holds_text(entry):  # a folder of pictures only is the book's (W513 says the site lacks them)
                yield warning(where, "W017", "folder content/{name}/ is not read",
                              did_you_mean(entry.name, [*READ, ANALYSIS]) or
                              Message("the plan is read from content/plan.yml, glossary.yml, executive-summary.md, "
                                      "agencies/, pillars/, chapters/ and analysis/; pictures and files to download "
                                      "go in content/assets/"),
                              name=entry.name)
        elif (meant := hidden_ending(entry.name)) and meant.lower() in TOP_FILES:
            yield hidden_ending_told(where, entry, meant)  # glossary.yml.txt
        elif _summary(entry.name) and not plan.executive_summary:
            yield warning(where, "W017", "{name} is not read: plan.yml asks for no executive summary",
                          "write 'executive_summary: true' in content/plan.yml, and the build writes it beside "
                          "the book", name=entry.name)
        elif (catalog := _catalog_misnamed(entry.name, plan)) is not None:
            yield catalog
        elif not _summary(entry.name) and entry.name not in TOP_FILES \
                and (entry.suffix.lower() in _PLAN_SUFFIXES or entry.suffix.lower() in _SENT) \
                and not _CATALOG.fullmatch(entry.name):
            yield warning(where, "W017", "{name} is not read: content/ itself holds only plan.yml, glossary.yml and "
                          "executive-summary.md",
                          _summary_translation(entry.name) or _rewritten(entry) or did_you_mean(entry.name, TOP_FILES) or
                          Message("an agency's file goes in content/agencies/, a pillar's in content/pillars/, a "
                                  "chapter in content/chapters/, one of the strategic analysis in content/analysis/"),
                          name=entry.name)


#: the names content/'s own files may be sent under, in English or in Indonesian, with the file each is read as
_TOP_STEMS = {"plan": "plan.yml", "rencana": "plan.yml", "glossary": "glossary.yml", "glosarium": "glossary.yml",
              "daftar-istilah": "glossary.yml", "executive-summary": SUMMARY_TEXT, "ringkasan-eksekutif": SUMMARY_TEXT}


def _rewritten(entry: Path) -> Message | None:
    """The hint for one of content/'s own files sent as a document or a spreadsheet (``glossary.xlsx``): its text
    goes into the file the plan reads, written as YAML or Markdown; a file to download (a scanned Perwali) goes in
    content/assets/."""
    if entry.suffix.lower() not in _SENT:
        return None
    meant = _TOP_STEMS.get(entry.stem.lower().replace("_", "-").replace(" ", "-"))
    if meant:
        return Message("the plan reads YAML and Markdown only: write its text into content/{file}", file=meant)
    return Message("a file to download goes in content/assets/, linked as assets/{name}", name=entry.name)


def _summary(name: str) -> bool:
    """The executive summary's text, or a translation of it (``executive-summary.en.md``, read in its edition)."""
    translation = TRANSLATION.match(name)
    return name == SUMMARY_TEXT or translation is not None and f"{translation.group(1)}.md" == SUMMARY_TEXT


def _summary_translation(name: str) -> Message | None:
    """The hint for the executive summary's translation misnamed (``executive-summary-en.md``): its name."""
    named = re.fullmatch(r"executive[-_ ]summary[-_. ]([a-z]{2})\.(?:md|markdown)", name, re.IGNORECASE)
    return Message("did you mean '{word}'?", word=f"executive-summary.{named.group(1).lower()}.md") if named else None


#: a translator's catalog named as it is read (:mod:`masterplan.translation_catalog`), for any edition
_CATALOG = re.compile(re.escape(NAME.removesuffix(".csv")).replace(re.escape("{language}"), "([a-z]{2,3})")
                      + r"\.(csv|xlsx)")
#: a file meant as one: the worksheet copied as it is (untranslated-en.csv), another spelling, or a spreadsheet's file
_CATALOG_LIKE = re.compile(r"(?:un)?(?:translat|terjemah)\w*?(?:[-_. ]([a-z]{2,3}))?"
                           r"(?P<copy>\s*\(\d+\)|\s*-\s*(?:copy|salinan)(?:\s*\(\d+\))?)?\.(csv|tsv|txt|xlsx?|ods)",
                           re.IGNORECASE)


def _catalog_misnamed(name: str, plan: Plan) -> Diagnostic | None:
    """W017 for a translator's catalog the build does not read: for its name (the worksheet copied into content/ as
    it is, ``translations-en.csv``, ``translations.EN.csv``, an ``.ods``), or the workbook beside the CSV file."""
    looks = _CATALOG_LIKE.fullmatch(name)
    if (named := _CATALOG.fullmatch(name)) is not None:  # the workbook beside the CSV file: the CSV file is read
        csv_file = NAME.format(language=named.group(1))
        if named.group(2) == "xlsx" and plan.content is not None and (plan.content / csv_file).is_file():
            return warning(Position(f"content/{name}"), "W017", "{name} is not read: {file} beside it is",
                           "keep one of the two: the one you filled in last", name=name, file=csv_file)
        return None
    if looks is None:
        return None
    language = (looks.group(1) or (plan.language if plan.language != plan.written_in else "en")).lower()
    meant = NAME.format(language=language)
    ending = looks.group(3).lower()
    if ending == "xlsx":  # a workbook under another name
        meant = meant.removesuffix(".csv") + ".xlsx"
    if looks.group("copy") and plan.content is not None and (plan.content / meant).is_file():  # a copy beside it
        return warning(Position(f"content/{name}"), "W017", "{name} is not read: {file} beside it is",
                       Message("keep one of the two, the one you filled in last, named {file}", file=meant), name=name,
                       file=meant)
    hint = (Message("name it {meant}", meant=meant) if ending in ("csv", "xlsx") else
            Message("save it from the spreadsheet as 'CSV UTF-8' named {file}", file=meant))
    return warning(Position(f"content/{name}"), "W017", "{name} is not read: a translator's catalog is read as "
                   "content/{file}", hint, name=name, file=meant)


def _holds_text(folder: Path) -> bool:
    """Whether ``folder`` holds plan text (YAML or Markdown) at any depth."""
    return any(path.suffix.lower() in _PLAN_SUFFIXES for path in folder.rglob("*"))


def _folder(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Diagnostic]:
    """The text files of ``folder`` that are not read: another ending, or in a sub-folder (pictures are left alone)."""
    for path in sorted(folder.iterdir()):
        if is_leftover(path.name) or (path.is_file() and path.suffix.lower() in suffixes):
            continue
        where = Position(f"content/{folder.name}/{path.name}")
        meant = hidden_ending(path.name)
        if path.is_dir():
            if not _holds_text(path):
                continue  # pictures a chapter shows (the book prints them; W513 says the site lacks them)
            yield warning(where, "W017", "folder content/{folder}/{name}/ is not read: the files of content/{folder}/ "
                          "are read, not those of its folders",
                          Message("move its files up into content/{folder}/, or the folder out of content/ if they "
                                  "are not part of the plan (an archive)", folder=folder.name),
                          folder=folder.name, name=path.name)
        elif meant and meant.lower().endswith(suffixes):
            yield hidden_ending_told(where, path, meant)
        elif path.suffix.lower() in _WRITTEN:  # text saved as a document, not a picture a chapter shows
            yield warning(where, "W017", "{name} is not read: content/{folder}/ reads only {endings} files",
                          Message("a word processor cannot save Markdown: copy its text into a plain text file "
                                  "{file} (Notepad, or the editor of your choice), or move it out of content/ if it "
                                  "is not part of the plan", file=path.stem + suffixes[0])
                          if path.suffix.lower() in _DOCUMENTS and suffixes[0] == ".md" else
                          Message("save it as {file}, or move it out of content/ if it is not part of the plan",
                                  file=path.stem + suffixes[0]),
                          name=path.name, folder=folder.name, endings=", ".join(suffixes))
