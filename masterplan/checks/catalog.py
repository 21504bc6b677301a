"""The plan's own words: its theme's translation catalog reads, and speaks the plan's language.

A plan may reword the theme and the tool's messages in ``templates/i18n/*.yml`` (one entry
per English message: ``"Budget": {id: "Pagu"}``). A file that cannot be read is an error; an
entry that is not a mapping of language to text, or a translation whose blanks differ from
its message's (``{word}`` written ``{kata}``), is a warning at its line: the catalog leaves
such an entry out, so the book, the site and the messages use the theme's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

from masterplan import yamlfile
from masterplan.diagnostics import Diagnostic, Message, Position, did_you_mean, warning
from masterplan.i18n import (
    CATALOG,
    blanks,
    fits,
    languages,
    load_catalog,
    plan_theme,
    templates_of,
)
from masterplan.located import LocatedMap
from masterplan.model import Plan

_SHAPE = Message('e.g. "Budget": {{id: "Anggaran"}}')


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    own = plan_theme(plan.content.parent) if plan.content is not None else ()
    theme = load_catalog()
    for folder in own:
        used = _template_messages(folder)
        for path in sorted((folder / CATALOG).glob("*.yml")):
            yield from _entries(path, path.relative_to(folder.parent).as_posix(), theme, used)
    spoken = languages(load_catalog(own))
    if plan.language not in spoken:
        yield warning(plan.where.get("language", plan.position), "W108",
                      "the theme has no words in '{language}': the book and the website will be in English",
                      _language_hint(plan.language, spoken), language=plan.language)


def _language_hint(language: str, spoken: AbstractSet[str]) -> Message:
    """What to write instead: a language the theme speaks, when ``language`` is no language's code ("od"
    typed for "id"); else where its words go. Babel is imported only for a plan the theme cannot speak."""
    from babel import localedata
    if not localedata.exists(language):
        return Message("'{language}' is the code of no language: write one the theme speaks ({languages})",
                       language=language, languages=", ".join(sorted(spoken)))
    return Message("languages it speaks: {languages}; add a translation for {language} to templates/i18n/messages.yml",
                   languages=", ".join(sorted(spoken)), language=language)


def _template_messages(folder: Path) -> set[str]:
    """The messages the plan's own templates translate (the text of each ``_()`` call), which its catalog may word."""
    import jinja2
    from jinja2.ext import extract_from_ast
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    found: set[str] = set()
    for path in templates_of(folder):
        try:
            for _, _, message in extract_from_ast(env.parse(path.read_text(encoding="utf-8"))):
                first = message[0] if isinstance(message, tuple) else message  # a message given values comes with them
                if isinstance(first, str):
                    found.add(first)
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError, RecursionError):
            continue  # the template check reports it
    return found


def _unused(message: str, theme: dict[str, dict[str, str]], used: set[str]) -> Message | None:
    """Why an entry changes nothing (a hint), or None when the theme or the plan's templates use it.

    The key is the English message; an entry keyed by the wording a reader sees ("Perangkat
    daerah pendukung") matches no message and was silently ignored."""
    if message in theme or message in used:
        return None
    meant = [english for english, translations in theme.items() if message in translations.values()]
    if meant:
        return Message("the key is the English message, not its translation: write \"{english}\"", english=meant[0])
    near = [english for english in theme if abs(len(english) - len(message)) <= max(3, len(message) // 4)]
    close = did_you_mean(message, near)  # of similar length only: comparing with all ~900 costs 16 ms an entry
    return close or Message("keys are the theme's English messages, as in its templates/i18n/messages.yml")


def _entries(path: Path, file: str, theme: dict[str, dict[str, str]], used: set[str]) -> Iterator[Diagnostic]:
    data, problems = yamlfile.read(path, file)
    yield from problems
    if data is None:
        return
    if not isinstance(data, LocatedMap):
        yield warning(Position(file, 1, 1), "W110", "a catalog is a mapping of English messages to their translations",
                    _SHAPE)
        return
    for message, translations in data.items():
        if not isinstance(message, str) or not isinstance(translations, LocatedMap) or not all(
                isinstance(text, str) for text in translations.values()):
            yield warning(data.key_at(message), "W110", "catalog entry '{message}' is not a mapping of language to text",
                        _SHAPE, message=message)
            continue
        unused = _unused(message, theme, used)
        if unused:
            yield warning(data.key_at(message), "W111", "catalog entry '{message}' is no message of the theme: "
                          "it changes nothing", unused, message=message)
            continue
        for language, text in translations.items():
            if fits(text, message):
                continue
            if _shown(message) == "–" and _shown(text) != "–":  # "– " named no blank: say the translation's own
                yield warning(translations.at(language), "W110", "the {language} translation of '{message}' has blanks "
                              "{blanks}, and the message has none", "write a brace as text doubled: {{{{ and }}}}",
                              language=language, message=message, blanks=_shown(text))
            else:
                yield warning(translations.at(language), "W110", "the {language} translation of '{message}' does not "
                              "keep its blanks {blanks}", "write each {{name}} of the message, and only those",
                              language=language, message=message, blanks=_shown(message))


def _shown(message: str) -> str:
    try:
        return ", ".join(sorted("{" + name + (f":{spec}" if spec else "") + "}" for name, spec in blanks(message))) or "–"
    except ValueError:  # a brace in an English message that is no blank
        return "–"
