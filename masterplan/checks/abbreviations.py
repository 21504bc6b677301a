"""Abbreviations the plan uses and its glossary does not explain: a reviewer of the sample's book met SDM, SMP
and KK in its text and in no line of its glossary annex, where ministry assessors look for every one. W529 says
so once per abbreviation, at its first use, with how often the plan uses it.

An abbreviation here is a word of 2 to 8 capital letters and digits with at least two letters, starting with a
letter: SDM, TP2DD, DP3A. A hyphen ends a word, so OPD-OPD, antar-OPD and KTP-el name OPD, OPD and KTP. Not
abbreviations: a word with a small letter (BSrE, IoT, Dinkes: too like names and brands to tell apart), a
program's code (GOV-01: a word followed by a hyphen and a digit) and what comes before its number (GOV), a
Roman numeral (II, IV, XII), a word written in capitals (BAB, LAMPIRAN), and words inside code spans and
blocks, web addresses, link targets, cross-references (``[[…]]``), HTML tags, Jinja and YAML comments, which no
reader meets as text.

Explained are the capital words of the glossary's terms (PSC of "PSC 119", KTP of "KTP-el") and of the agencies'
short names (BPBD, PP of "Satpol PP"): the book's agency table gives each its full name. A plan without a
glossary is not checked: it has no annex to add to.

The plan's text is read once for the glossary's two checks (:mod:`masterplan.checks.glossary`); each file is
searched by one regular expression, and only the abbreviations left unexplained are looked for again, for the
line of their first use (a province's plan of 3,000 programs is megabytes of text)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.model import Plan

_ABBREVIATION = re.compile(r"(?<!\w)[A-Z][A-Z0-9]{1,7}(?!\w|-\d)")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{0,3})")
#: words a document writes in capitals that are words, not abbreviations ("BAB II", "LAMPIRAN")
_WORDS_IN_CAPITALS = frozenset({"BAB", "PASAL", "LAMPIRAN", "TABEL", "GAMBAR", "CATATAN", "PENTING"})
#: what no reader meets as text, in a chapter and in a YAML file's Markdown alike; each pattern reads on only up
#: to where another of its kind could start, so no text makes it read a line again and again
_NOT_TEXT = [r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[^\n]*$|\Z)",  # a fenced code block
             r"``(?:(?!``)[^\n])+``|`[^`\n]+`",  # a code span
             r"\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+",  # a web address
             r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an e-mail address
             r"\]\((?:(?!\]\()[^)\n])*\)", r"\[\[(?:(?!\[\[)[^\]\n])*\]\]",  # a link's target, a cross-reference
             r"\{[{%#](?:(?!\{[{%#])[^\n])*?[}%#]\}", r"</?[A-Za-z!][^<>\n]*>"]  # Jinja, an HTML tag
_NOT_TEXT_OF = {".md": re.compile("|".join(_NOT_TEXT), re.MULTILINE | re.DOTALL),
                ".yml": re.compile("|".join([r"^[ \t]*#(?!#)[^\n]*|(?<=[ \t])#(?=[ \t])[^\n]*", *_NOT_TEXT]),
                                   re.MULTILINE | re.DOTALL)}  # a comment too


def unexplained(plan: Plan, texts: list[tuple[str, str]], glossary_file: str) -> Iterator[Diagnostic]:
    """W529 for each abbreviation of ``texts`` (name, text of each content file but the glossary) that neither
    the glossary nor an agency's short name explains, at its first use."""
    read = [(name, _as_read(name, text)) for name, text in texts]
    used: Counter[str] = Counter()
    for _, text in read:
        used.update(_ABBREVIATION.findall(text))
    explained = _explained(plan)
    found = [word for word in used if word not in explained and _is_abbreviation(word)]
    first = {word: _first_use(word, read) for word in found}
    for word in sorted(found, key=lambda word: (first[word].file, first[word].line, first[word].column)):
        yield warning(first[word], "W529", "abbreviation '{abbreviation}' is used {count} time(s) in the plan, "
                      "but the glossary does not explain it",
                      Message("add it to {file} with its full form: - {{term: {abbreviation}, definition: …}}",
                              abbreviation=word, file=glossary_file),
                      abbreviation=word, count=used[word])


def _as_read(name: str, text: str) -> str:
    """``text`` with what no reader meets as text blanked out, each line kept where it was."""
    pattern = _NOT_TEXT_OF[".md" if name.lower().endswith(".md") else ".yml"]
    return pattern.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)


def _explained(plan: Plan) -> set[str]:
    """The capital words of the glossary's terms and of the agencies' short names, and the programs' codes
    without their numbers (GOV of GOV-01: a chapter may say what they stand for)."""
    names = [term.term for term in plan.glossary] + [agency.short_name or "" for agency in plan.agencies]
    codes = {program.id.partition("-")[0] for program in plan.programs}
    return {word for name in names for word in _ABBREVIATION.findall(name)} | codes


def _is_abbreviation(word: str) -> bool:
    return (sum(character.isalpha() for character in word) >= 2 and not _ROMAN.fullmatch(word)
            and word not in _WORDS_IN_CAPITALS)


def _first_use(word: str, read: list[tuple[str, str]]) -> Position:
    pattern = re.compile(rf"(?<!\w){word}(?!\w|-\d)")
    for name, text in read:
        found = pattern.search(text)
        if found:
            line_start = text.rfind("\n", 0, found.start()) + 1
            return Position(name, text.count("\n", 0, found.start()) + 1, found.start() - line_start + 1)
    raise AssertionError(f"{word} was counted in no text")  # pragma: no cover - counted where it is found
