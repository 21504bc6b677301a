"""The command line's help in the reader's language, through the one translation catalog.

``masterplan build --help`` reads in the language the commands speak (``$MASTERPLAN_LANG``,
else the plan's in the current folder, else Indonesian): the commands' and options' texts
and click's own headings (Usage, Options, Commands). The texts stay written in English in
``cli.py``; each paragraph of a command's help and each option's help is a catalog key.
Click's messages for a mistyped command line ("No such option '--foo'. Did you mean
'--pdf'?") come through the catalog too: click asks ``gettext`` for each of them, and
:func:`speak_clicks_messages` hands click the catalog's words instead.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import click

#: what click appends to an option's help: ``  [default: 8000]``, ``  [x>=1]``
_SUFFIX = re.compile(r"^(.*?)(\s\s\[[^\]]*\])?$", re.DOTALL)
#: click's headings and its help and version options, as click words them
CLICK_WORDS = ("Usage:", "Options", "Commands", "Show this message and exit.", "Show the version and exit.", "default:",
               "required")


@lru_cache(maxsize=1)
def _translate() -> Any:
    """The catalog's word for a text, in the language of the current folder's plan (read when help is shown)."""
    from pathlib import Path

    from masterplan.project import find_root, speaker
    try:
        here = Path.cwd()
    except OSError:  # the folder the shell is in was deleted
        here = Path("/")
    return speaker(find_root(here)).translate.word


def say(text: str) -> str:
    """``text`` in the reader's language, each paragraph looked up on its own (its lines joined, as the
    catalog keys it; a ``\\b`` paragraph, whose lines stay as written, as it is); as written when the catalog lacks it."""
    word = _translate()
    return "\n\n".join(word(paragraph if paragraph.startswith("\b") else " ".join(paragraph.split()))
                       for paragraph in text.split("\n\n"))


class Formatter(click.HelpFormatter):
    """Click's help formatter, saying headings, paragraphs and option texts in the reader's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else say("Usage:") + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(say(heading))

    def write_text(self, text: str) -> None:
        super().write_text(say(text))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl(list(_said(rows)), col_max, col_spacing)


def _said(rows: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for term, text in rows:
        found = _SUFFIX.match(text)
        help_text, suffix = (found.group(1), found.group(2) or "") if found else (text, "")
        if suffix:  # "[default: 8000]", "[required]": click's words before its values
            suffix = suffix.replace("[default:", "[" + say("default:")).replace("[required]", f"[{say('required')}]")
        yield term, (say(help_text) + suffix) if help_text else text


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    """A command whose help is said in the reader's language, its line in the list of commands too."""

    context_class = Context

    def get_short_help_str(self, limit: int = 45) -> str:
        return shortened(say((self.help or "").split("\n\n")[0]), limit)


def shortened(text: str, limit: int) -> str:
    """A command's line in the list of commands: its first sentence, cut at a word with "..." when longer than ``limit``."""
    sentence = text.split(". ")[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence + "."
    cut = sentence[:limit - 3].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "..."


def _click_word(message: str) -> str:
    return _translate()(message)


def _click_words(singular: str, plural: str, count: int) -> str:
    return _translate()(singular if count == 1 else plural)


def speak_clicks_messages() -> None:
    """Make click say its messages (errors, "Try ... for help.") through the catalog.

    Each click module binds ``gettext``'s functions as ``_`` and ``ngettext`` when imported;
    only those bindings are replaced, so a click that words things otherwise keeps its own.
    """
    for module in (click.core, click.exceptions, click.types, click.parser, click.decorators,
                   click.formatting, click.termui):
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_word  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _click_words  # type: ignore[attr-defined]


class _Kind(str):
    """What a path option takes ("directory"), a word click takes while the commands are declared, before
    the reader's language is known; said in that language when an error names it ("Folder '/x' tidak ada")."""

    def title(self) -> str:
        return _click_word(str(self)).title()


class SaidWhenFormatted(str):
    """A message click formats with ``%`` (the version line), declared before the reader's language is
    known: said in that language when it is formatted."""

    def __mod__(self, values: Any) -> str:
        return _click_word(str(self)) % values


class Group(click.Group):
    """The ``masterplan`` group: its commands' help (and its own) in the reader's language."""

    context_class = Context
    command_class = Command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        speak_clicks_messages()
        for command in self.commands.values():
            for param in command.params:
                if isinstance(param.type, click.Path) and not isinstance(param.type.name, _Kind):
                    param.type.name = _Kind(param.type.name)
        return super().main(*args, **kwargs)
