"""Plain prose skips Python-Markdown: the shortcut must write exactly what Markdown would.

Generated texts mix the characters plain prose is made of with the ones that start
Markdown syntax (lists, emphasis, smart quotes, line breaks, headings); whenever the
shortcut accepts a text, its HTML must equal Python-Markdown's.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from masterplan.render.markdown import _clean, _convert, _plain_paragraphs, to_html
from masterplan.yamlfile import read

SAMPLE = Path(__file__).resolve().parent.parent / "content"
PROSE = "aAzéÖ019 ,.;:()/%-\n"  #: what the shortcut accepts, in any order
SYNTAX = "_'\"*[]#<>&\t=+|!`~\\"  #: what starts Markdown syntax


_LINE = st.text(alphabet=PROSE.replace("\n", ""), max_size=12)
#: texts made of lines, each prose, a list item, blank, or anything at all
_LINES = st.lists(st.one_of(_LINE, _LINE.map(lambda line: "- " + line), st.just(""),
                            st.text(alphabet=PROSE + SYNTAX, max_size=12)), max_size=6).map("\n".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(alphabet=PROSE, max_size=40), st.text(alphabet=PROSE + SYNTAX, max_size=40), _LINES))
def test_shortcut_writes_what_markdown_writes(text: str) -> None:
    plain = _plain_paragraphs(text)
    if plain is not None:
        assert plain == _convert(text)
        assert _clean(plain) == plain  # so it is not sanitized: there is nothing to remove


def test_a_first_line_of_spaces_is_left_to_markdown() -> None:
    """Hypothesis found it: Python-Markdown reads " \n- z" as one paragraph, the shortcut wrote a list."""
    assert _plain_paragraphs(" \n- z") is None and to_html(" \n- z") == "<p>- z</p>"


def test_shortcut_takes_plain_prose_and_leaves_markdown_alone() -> None:
    assert _plain_paragraphs("Sistem e-Sambat 2024, RT/RW (50%): aduan.\n\nParagraf dua.") == (
        "<p>Sistem e-Sambat 2024, RT/RW (50%): aduan.</p>\n<p>Paragraf dua.</p>")
    assert _plain_paragraphs("Langkah:\n\n- satu\n- dua") == "<p>Langkah:</p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>"
    for markdown in ("- a\n\n- b", "-  a", "1. daftar", "*miring*", "dua  \nbaris", "a -- b", "Judul\n===", "x's", "a & b"):
        assert _plain_paragraphs(markdown) is None, markdown


def test_every_sample_description_converts_as_markdown_would() -> None:
    texts = []
    for path in sorted((SAMPLE / "agencies").glob("*.yml")):
        data, _ = read(path, path.name)
        texts += [str(program.get("description", "")) for program in data.get("programs", [])]
    shortcut = [text for text in texts if _plain_paragraphs(text) is not None]
    assert shortcut, "the sample's descriptions should include plain prose"
    for text in shortcut:
        assert _plain_paragraphs(text) == _convert(text)
    assert "<p>" in to_html(shortcut[0])
