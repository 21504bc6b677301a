"""An edition in another language than the plan's texts, without plan.yml saying so (W127).

``language: en`` alone makes the English edition take every plain text (one not written as a mapping of language to
text) for English: the site marks Indonesian names and chapters ``lang="en"``, so that a screen reader speaks them
with English sounds; the book hyphenates them as English; and nothing lists them as untranslated. ``written_in: id``
says what they are. Told once, at plan.yml's ``language``, when the plain texts read as Indonesian by their
words (*yang*, *dan*, *untuk*, *warga*…), many more of which they hold than of English ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from masterplan.diagnostics import Diagnostic, warning
from masterplan.model import Plan
from masterplan.values import Text

#: Indonesian words a plan's texts are full of, the little ones every sentence has and the plan's own (warga,
#: layanan), none of them an English word
INDONESIAN = frozenset({"yang", "dan", "untuk", "dengan", "dari", "pada", "dalam", "ini", "itu", "atau", "tidak",
                        "adalah", "serta", "melalui", "oleh", "bagi", "warga", "layanan", "masyarakat", "daerah"})
#: the English ones
ENGLISH = frozenset({"the", "and", "of", "to", "in", "for", "with", "is", "are", "by", "from", "on", "this", "that",
                     "or"})
#: at least this many Indonesian words, and this many times the English ones: a plan of a few English names is not
#: told, nor one whose texts mix both
AT_LEAST, TIMES = 5, 3
_WORD = re.compile(r"[^\W\d_]+")


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    if plan.language == "id" or "written_in" in plan.where:
        return
    words = [word.lower() for text in _plain_texts(plan, plan.language) for word in _WORD.findall(text)]
    indonesian = sum(word in INDONESIAN for word in words)
    english = sum(word in ENGLISH for word in words)
    if indonesian >= AT_LEAST and indonesian > TIMES * english:
        yield warning(plan.where.get("language", plan.position), "W127",
                      "the plan's texts read as Indonesian, but the edition's language is '{language}' and plan.yml "
                      "does not say what they are written in",
                      "add written_in: id to plan.yml: the edition then marks them as Indonesian and lists those "
                      "without a translation", language=plan.language)


def _plain_texts(plan: Plan, language: str) -> Iterator[str]:
    """The texts written plain, each taken to be in ``language``: the vision, the missions, the pillars' summaries,
    descriptions and goals, the programs' names, summaries and descriptions."""
    texts: Iterable[Text | None] = [
        plan.vision, *(mission.text for mission in plan.missions),
        *(text for pillar in plan.pillars for text in (pillar.summary, pillar.description, *pillar.goals)),
        *(text for program in plan.programs for text in (program.name, program.summary, program.description)),
    ]
    for text in texts:
        if text is not None and list(text.values) == [language]:
            yield text.values[language]
