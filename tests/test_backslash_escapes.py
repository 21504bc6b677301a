"""Markdown's backslash escapes print the mark alone, in the book and on the site, as CommonMark writes them. Before,
``\\<b\\>`` printed ``\\<b>``, ``\\&`` and ``\\%`` their backslash, ``\\<script>`` a lone ``\\`` (the sanitizer
removed the rest, and validate said W520), and ``[[GOV-01]]`` could not be written as text at all:
``\\[\\[GOV-01\\]\\]`` became a cross-reference. A ``<`` that opens no tag ("nilai < 5", "IKM<80") prints as
written; nothing the sanitizer removes gets through."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pdf_reading import page_texts

from masterplan.build import BuildOptions, run
from masterplan.markdown_limits import excess
from masterplan.render.markdown import to_html

CHAPTER = r"""---
title: Tanda Baca
---
## Contoh

K1 tanda \<b\> tetap.

K2 bintang \*tidak miring\* dan \_garis\_ tetap.

\# K3 bukan judul.

K4 kurung \[catatan\] tetap.

K5 petik \` satu.

K6 garis miring \\ satu.

K7 dan \& tetap, &amp; juga.

K8 nilai < 5 dan IKM<80 dan x \<y dan z\> w.

K9 \<script>alert(1)\</script> selesai.

K10 tulis \[\[GOV-01\]\] untuk rujukan, ini [[GOV-01]].

| Kolom | Isi |
|---|---|
| K11 | a \| b |

K12 tanda \% \~ \@ \= \? \^ \/ \; \{ \}.
"""
#: what each line of the chapter prints, in the book and on the site alike (the cross-reference aside)
PRINTED = ["K1 tanda <b> tetap.", "K2 bintang *tidak miring* dan _garis_ tetap.", "# K3 bukan judul.",
           "K4 kurung [catatan] tetap.", "K5 petik ` satu.", "K6 garis miring \\ satu.", "K7 dan & tetap, & juga.",
           "K8 nilai < 5 dan IKM<80 dan x <y dan z> w.", "K9 <script>alert(1)</script> selesai.",
           "K10 tulis [[GOV-01]] untuk rujukan, ini GOV-01", "K11 a | b", "K12 tanda % ~ @ = ? ^ / ; { }."]
#: a pillar's description (YAML, printed as Markdown in the book and on the site)
DESCRIPTION = r"P1 Pemerintahan \<b\> yang \*melayani\* IKM<80 \& \<script>alert(2)\</script> \[\[GOV-01\]\] akhir."
DESCRIPTION_PRINTED = "P1 Pemerintahan <b> yang *melayani* IKM<80 & <script>alert(2)</script> [[GOV-01]] akhir."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import MINI_FILES, write_plan
    pillar = MINI_FILES["content/pillars/governance.yml"].replace(
        "        summary: Pemerintahan yang melayani.\n",
        "        summary: Pemerintahan yang melayani.\n        description: '" + DESCRIPTION + "'\n")
    root = write_plan(tmp_path_factory.mktemp("escapes"), {"content/chapters/02-tanda.md": CHAPTER,
                                                           "content/pillars/governance.yml": pillar})
    result = run(root, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    (root / "build" / "told.txt").write_text("\n".join(d.code for d in result.report.items), encoding="utf-8")
    return root / "build"


def _words(text: str) -> str:
    return " ".join(text.split())


def _site_text(page: Path) -> str:
    return _words(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))))


def test_the_book_prints_each_escaped_mark_alone(built: Path) -> None:
    text = _words(" ".join(page_texts(built / "masterplan.pdf")))
    for line in [*PRINTED, DESCRIPTION_PRINTED]:
        assert line in text, (line, text[text.find(line[:3]):][:200])
    assert "GOV-01, hlm." in text  # the cross-reference written as one still is one


def test_the_site_prints_each_escaped_mark_alone_and_runs_no_script(built: Path) -> None:
    chapter = next((built / "site").rglob("*tanda*.html"))
    text = _site_text(chapter).replace(" .", ".")  # a tag's end (the cross-reference's link) made a blank
    for line in PRINTED:
        assert line.replace(" .", ".") in text, (line, text[text.find(line[:3]):][:200])
    pillar = next(page for page in (built / "site").rglob("*governance*.html") if DESCRIPTION_PRINTED[:20] in
                  _site_text(page))
    assert DESCRIPTION_PRINTED in _site_text(pillar)
    for page in (chapter, pillar):
        source = page.read_text(encoding="utf-8")
        assert "alert(" not in re.sub(r"&lt;script&gt;alert\([12]\)&lt;/script&gt;", "", source)  # text only


def test_an_escaped_tag_is_no_raw_html_the_sanitizer_removes(built: Path) -> None:
    assert "W520" not in (built / "told.txt").read_text(encoding="utf-8").split()


def test_escaped_tags_stay_inert_text() -> None:
    for written in (r"\<script>alert(1)\</script>", r"\<img src=x onerror=alert(1)>", r"\<a href='javascript:x'>a",
                    r"\\\<script>x"):
        made = to_html(written)
        assert "<script" not in made and "<img" not in made and "<a" not in made, made
    assert to_html(r"a \\<script>x</script> b") == "<p>a \\ b</p>"  # an escaped backslash: the tag is one, removed


def test_escaped_tag_starts_by_the_thousand_are_within_the_limits() -> None:
    """The HTML parser read each ``\\<a`` as a tag's start, to the text's end (E528 said so, and told to write
    ``&lt;``): an escaped '<' is hidden from it now."""
    assert excess("Pembuka.\n\n" + "x\\<a " * 1_500 + "\n\nPenutup.") is None
    assert excess("Pembuka.\n\n" + "x\\\\<a " * 1_500 + "\n\nPenutup.") is not None  # '\\' then a tag's start
    assert "x&lt;a x&lt;a" in to_html("Teks.\n\n" + "x\\<a " * 1_500)


def test_an_escaped_first_bracket_is_no_reference_the_checks_read() -> None:
    r"""``\[[GOV-99]]`` prints ``[[GOV-99]]`` as written (its first bracket escaped), so validate tells no unknown
    cross-reference there (E507 failed the build of a text that names none), nor a mistyped one (W518) at
    ``\[[ teks ]]``; ``\\[[GOV-01]]``, a backslash escaped, is one still."""
    from masterplan import crossref
    assert list(crossref.find(r"Ditulis \[[GOV-99]] apa adanya.")) == []
    assert list(crossref.find(r"Ditulis \[[ teks bebas ]].", crossref.MISTYPED)) == []
    assert [ref for ref, _, _ in crossref.find(r"Lihat \\[[GOV-01]] dan [[GOV-02]].")] == ["GOV-01", "GOV-02"]
    assert "&#91;[GOV-99]]" in to_html(r"Ditulis \[[GOV-99]] apa adanya.")  # as the book and the site print it
