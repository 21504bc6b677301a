"""Abbreviations the plan uses and its glossary does not explain: a reviewer of the sample's book met SDM, SMP
and KK in its text and in no line of its glossary annex, where ministry assessors look for every one. W529 says
so once per abbreviation, at its first use, with how often the plan uses it.

An abbreviation here is a word of 2 to 8 capital letters and digits with at least two letters, starting with a
letter: SDM, TP2DD, DP3A. A hyphen ends a word, so OPD-OPD, antar-OPD and KTP-el name OPD, OPD and KTP. Not
abbreviations: a word with a small letter (BSrE, IoT, Dinkes: too like names and brands to tell apart), a
program's code (GOV-01: a word followed by a hyphen and a digit), what comes before its number (GOV), and a code
typed without its hyphen (GOV01: E205 tells the slip where it names a program), a
Roman numeral (II, IV, XII), a word written in capitals (BAB, LAMPIRAN), a line written in capitals (a title
typed "BAB 3 VISI DAN MISI": its words are words, and an abbreviation of it is told where the text uses it), and
words inside code spans and blocks, web addresses, link targets, cross-references (``[[…]]``), HTML tags, Jinja and YAML comments, which no
reader meets as text.

Explained are the capital words of the glossary's terms (PSC of "PSC 119", KTP of "KTP-el") and of the agencies'
short names (BPBD, PP of "Satpol PP"): the book's agency table gives each its full name. A plan without a
glossary is not checked: it has no annex to add to.

The plan's text is read and cut into words once for the glossary's two checks
(:mod:`masterplan.checks.glossary`): a plan whose words are all explained is done when they are looked through.
Only a plan with words left unexplained is read again (what no reader meets blanked out), to count them and
find the line of each one's first use, all in that one reading, not one more for each word (a province's
plan of 3,000 programs is megabytes of text)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from masterplan import crossref
from masterplan.checks.codes import CODE
from masterplan.diagnostics import Diagnostic, Message, Position, warning
from masterplan.model import Plan

#: a capital first, then whether a letter stands before it: searched by its first character (looked behind first,
#: at every character of 4 MB, took 0.16 s instead of 0.05); before an '@' it is an e-mail address
_ABBREVIATION = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]{1,7}(?![\w@]|-\d)")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{0,3})")
#: words a document writes in capitals that are words, not abbreviations ("BAB II", "LAMPIRAN")
_WORDS_IN_CAPITALS = frozenset({"BAB", "PASAL", "LAMPIRAN", "TABEL", "GAMBAR", "CATATAN", "PENTING"})
#: what no reader meets as text, each behind what it starts with: a text without it is not searched for it (one
#: pattern of all, tried at every character, took 1 s for 400 KB). Each reads on only up to where another of its
#: kind could start, so no text makes it read a line again and again.
_NOT_TEXT = [("```", re.compile(r"^[ \t]*```[^\n]*\n.*?(?:^[ \t]*```[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)),
             ("~~~", re.compile(r"^[ \t]*~~~[^\n]*\n.*?(?:^[ \t]*~~~[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)),
             ("`", re.compile(r"``(?:(?!``)[^\n])+``|`[^`\n]+`")),  # a code span
             ("://", re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]+")), ("www.", re.compile(r"www\.[^\s<>()\[\]]+")),
             ("@", re.compile(r"@[\w-]+(?:\.[\w-]+)+")),  # an e-mail address's domain
             ("](", re.compile(r"\]\((?:(?!\]\()[^)\n])*\)")), ("[[", re.compile(r"\[\[(?:(?!\[\[)[^\]\n])*\]\]")),
             ("{", re.compile(r"\{[{%#](?:(?!\{[{%#])[^\n])*?[}%#]\}")),  # Jinja
             ("<", re.compile(r"</?[A-Za-z!][^<>\n]*>"))]  # an HTML tag
_CODE = ("```", "~~~", "`")  #: what the patterns of code in :data:`_NOT_TEXT` start with
#: a line of two capital words or more and no small letter, after a heading's marks or a YAML key: "# BAB 3 VISI",
#: "title: VISI DAN MISI" (a line of one word, "## SPBE", is an abbreviation's)
_LINE_IN_CAPITALS = re.compile(r"^((?:[ \t]*(?:#{1,6}|[-\w]+:|-))?)([^a-z\n]+)$", re.MULTILINE)
_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Z0-9]+\b")
_YAML_COMMENT = ("#", re.compile(r"#(?<![^ \t\n]#)(?![^ \t\n])[^\n]*"))  #: a '#' with a blank or line's end on both sides
#: the reason plan.yml's accepted_warnings gives for keeping a warning: a note to the next reviewer, printed nowhere
#: (to its line's end in a block, to its comma in a flow mapping)
_KEPT_FOR = ("reason:", re.compile(r"^[ \t]*(?:-[ \t]*)?reason:[^\n]*|(?<=[{,])[ \t]*reason:[^\n,}]*", re.MULTILINE))


def unexplained(plan: Plan, texts: list[tuple[str, str]], words: AbstractSet[str],
                glossary_file: str, names: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    """W529 for each abbreviation of ``texts`` (name, text of each content file but the glossary; ``words``, the
    words of them all, as W524 reads them) that neither the glossary nor an agency's short name, nor one of
    ``names``, explains, at its first use."""
    explained = _explained(plan) | {word for name in names for word in _ABBREVIATION.findall(name)}
    coded = _code_typed_whole(plan)
    maybe = {word for word in words if _ABBREVIATION.fullmatch(word) and word not in explained
             and _is_abbreviation(word) and not (coded and coded.fullmatch(word))}
    if not maybe:  # the 5,900 words of a clean plan of 4.4 MB (L) are looked through in 2 ms
        return
    used: Counter[str] = Counter()
    first: dict[str, Position] = {}
    for name, text in texts:
        markdown = name.lower().endswith(".md")
        found = list(_uses(name, _LINE_IN_CAPITALS.sub(_blank_after_key, as_read(name, text, code=not markdown)),
                           maybe))
        if markdown and found:  # a chapter's code, told as the book prints it
            shown = set(crossref.printed_in_chapter(text, [use.span for use in found]))
            found = [use for use in found if use.span in shown]
        for use in found:
            used[use.word] += 1
            first.setdefault(use.word, use.at)
    for word in sorted(used, key=first.__getitem__):  # by file, line and column
        longer = [agency for agency in plan.agencies if agency.short_name and agency.short_name.upper() != word
                  and agency.short_name.upper().startswith(word)]  # DLH, where the agency is DLHKP now
        yield warning(first[word], "W529",
                      "abbreviation '{abbreviation}' is used {count} time in the plan, but the glossary does not "
                      "explain it" if used[word] == 1 else
                      "abbreviation '{abbreviation}' is used {count} times in the plan, but the glossary does not "
                      "explain it",
                      Message("{agency} is {short} now? write {short}; else add {abbreviation} to {file} with its full "
                              "form", agency=str(longer[0].name), short=longer[0].short_name, abbreviation=word,
                              file=glossary_file) if len(longer) == 1 else
                      Message("add it to {file} with its full form: - {{term: {abbreviation}, definition: …}}",
                              abbreviation=word, file=glossary_file),
                      abbreviation=word, count=used[word])


class Use(NamedTuple):
    """An abbreviation used: the ``word``, where it ``start``s in its text, and its file, line and column."""

    word: str
    start: int
    at: Position

    @property
    def span(self) -> tuple[int, int]:
        """Where the word starts and ends in its text."""
        return self.start, self.start + len(self.word)


def _uses(name: str, text: str, words: AbstractSet[str]) -> Iterator[Use]:
    """Each use of one of ``words`` in ``text`` (file ``name``, as read), in order, with where it is: the text is
    read once, its lines counted on from the last use."""
    line, counted = 1, 0
    for found in _ABBREVIATION.finditer(text):
        if found.group() in words:
            start = found.start()
            line += text.count("\n", counted, start)
            counted = start
            yield Use(found.group(), start, Position(name, line, start - text.rfind("\n", 0, start)))


def as_read(name: str, text: str, code: bool = True) -> str:
    """``text`` with what no reader meets as text blanked out, each line kept where it was; code spans and blocks
    too unless ``code`` is false (a chapter's are told apart by reading its Markdown:
    :func:`crossref.printed_in_chapter`)."""
    kinds = _NOT_TEXT if name.lower().endswith(".md") else [_YAML_COMMENT, _KEPT_FOR, *_NOT_TEXT]
    for start, pattern in kinds:
        if start in text and (code or start not in _CODE):
            text = pattern.sub(_blank, text)
    return text


def _blank(found: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", found.group())


def _blank_after_key(found: re.Match[str]) -> str:
    """A line in capitals blanked, its heading's marks or YAML key kept; a line of one capital word kept."""
    if len(_CAPITAL_WORD.findall(found.group(2), 0, 2_000)) < 2:
        return found.group()
    return found.group(1) + " " * len(found.group(2))


def _explained(plan: Plan) -> set[str]:
    """The capital words of the glossary's terms and of the agencies' short names and names (an agency's name
    written in capitals, DINAS LINGKUNGAN HIDUP, is its name: DINAS and HIDUP are no abbreviations), and the
    programs' codes without their numbers (GOV of GOV-01: a chapter may say what they stand for)."""
    names = [term.term for term in plan.glossary] + [name for agency in plan.agencies
                                                     for name in (agency.short_name or "", *agency.name.values.values())]
    codes = {program.id.partition("-")[0] for program in plan.programs}
    return {word for name in names for word in _ABBREVIATION.findall(name)} | codes


def _code_typed_whole(plan: Plan) -> re.Pattern[str] | None:
    """A program's code with its hyphen left out (GOV01, in ``supports: [GOV01]``): a slip E205 tells, no
    abbreviation for the glossary; None for a plan whose codes have no letters."""
    prefixes = sorted({found.group(1) for program in plan.programs
                       if (found := CODE.match(program.id)) and found.group(1).isupper()}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, prefixes)) + r")\d+") if prefixes else None


def _is_abbreviation(word: str) -> bool:
    return (sum(character.isalpha() for character in word) >= 2 and not _ROMAN.fullmatch(word)
            and word not in _WORDS_IN_CAPITALS)
