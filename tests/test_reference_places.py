"""A cross-reference is one where the book and the site resolve it, and validate checks exactly those: not in code,
not with one of its marks escaped. Before, ``[\\[GOV-99]]`` and ``[[GOV-99\\]]`` were resolved as references validate
never checked (the book printed "GOV-99" for a program the plan does not have), and ``[[GOV-01]]`` in code
(`` `[[GOV-01]]` ``, a fenced or an indented block) became a link in the book and on the site, while
``[[GOV-99]]`` there failed validate (E507) for a text printed as written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pdf_reading import page_texts
from test_bad_inputs import run_validate

from masterplan.build import BuildOptions, run

CHAPTER = r"""---
title: Rujukan
---
## Contoh

R1 tulis [\[GOV-99]] apa adanya.

R2 tulis [[GOV-99\]] apa adanya.

R3 tulis [[GOV\-99]] apa adanya.

R4 kode `[[GOV-01]]` dan `[[GOV-99]]` apa adanya.

```
R5 [[GOV-01]] dalam pagar
```

Paragraf sebelum kode.

    R6 [[GOV-99]] kode menjorok

R7 rujukan [[GOV-01]] tetap.
"""
#: what the chapter prints, in the book and on the site alike
PRINTED = ["R1 tulis [[GOV-99]] apa adanya.", "R2 tulis [[GOV-99]] apa adanya.", "R3 tulis [[GOV-99]] apa adanya.",
           "R4 kode [[GOV-01]] dan [[GOV-99]] apa adanya.", "R5 [[GOV-01]] dalam pagar",
           "R6 [[GOV-99]] kode menjorok"]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_plan
    return write_plan(tmp_path_factory.mktemp("places"), {"content/chapters/02-rujukan.md": CHAPTER})


@pytest.fixture(scope="module")
def built(plan: Path) -> Path:
    result = run(plan, BuildOptions(search=False))
    assert result.ok, [str(d) for d in result.report.errors]
    return plan / "build"


def _words(text: str) -> str:
    return " ".join(text.split())


def test_validate_checks_no_reference_printed_as_written(plan: Path) -> None:
    code, found, output = run_validate(plan)
    assert code == 0, output
    told = [d for d in found if d["file"] == "content/chapters/02-rujukan.md"]
    # no E507 for GOV-99 in code, no W518 for the escaped ones (W539: the code GOV-99 written as text, as printed)
    assert {d["code"] for d in told} <= {"W539"}, told


def test_the_book_prints_them_as_written(built: Path) -> None:
    text = _words(" ".join(page_texts(built / "masterplan.pdf")))
    for line in PRINTED:
        assert line in text, (line, text[text.find(line[:3]):][:200])
    assert re.search(r"R7 rujukan GOV-01, hlm\. \d+ tetap", text), text[text.find("R7"):][:100]


def test_the_site_prints_them_as_written_and_links_the_reference(built: Path) -> None:
    page = next((built / "site").rglob("*rujukan*.html"))
    source = page.read_text(encoding="utf-8")
    text = _words(html.unescape(re.sub(r"<[^>]+>", " ", source)))
    for line in PRINTED:
        assert line in text, (line, text[text.find(line[:3]):][:200])
    links = re.findall(r'<a [^>]*href="[^"]*gov-01[^"]*"[^>]*>', source, re.IGNORECASE)
    assert len(links) == 1, links  # R7's, not R4's nor R5's


def test_no_escaped_mark_nor_code_reads_as_a_reference_to_render_or_to_check() -> None:
    from masterplan import crossref
    from masterplan.render.markdown import to_html
    for written in (r"[\[GOV-99]]", r"[[GOV-99\]]", r"\[[GOV-99]]", r"[[GOV\-99]]", r"[[tab\:swot]]", "`[[GOV-99]]`",
                    "``a [[GOV-99]] b``", "Teks.\n\n    [[GOV-99]]"):
        assert not crossref.PATTERN.search(to_html(written)), (written, to_html(written))
        assert list(crossref.find(written)) == [] and list(crossref.find(written, crossref.MISTYPED)) == [], written
    for written in (r"\\[[GOV-01]]", "`a` [[GOV-01]] `b`", "*[[GOV-01]]*"):  # an escaped backslash; code beside
        assert crossref.PATTERN.search(to_html(written)), (written, to_html(written))
        assert [ref for ref, _, _ in crossref.find(written)] == ["GOV-01"], written


#: program codes no program has, each written where the book and the site print it as code or as text
CODES = r"""---
title: Kode
---
## Kode

K1 kode `GOV-91` dan `[[GOV-92]]` dalam span.

```
K2 GOV-93 dan [[GOV-94]] dalam pagar
```

````markdown
```
K3 GOV-88 dalam pagar empat tanda
```
````

Paragraf sebelum kode.

    K4 GOV-95 dan [[GOV-96]] kode menjorok

K5 tulis [[GOV-97\]] apa adanya.

K6 teks GOV-99 biasa, dan rujukan [[GOV-89]].
"""


def test_a_code_printed_as_code_is_not_told_one_printed_as_text_is(tmp_path: Path) -> None:
    """W539 (a code written as text naming no program) read the brackets and the code with regexes of its own: it
    told GOV-95 in an indented block and GOV-88 in a fence of four backticks, printed as code, and said nothing of
    [[GOV-97\\]], printed as written in the text (no reference, so no E507 either). It now asks the book's Markdown."""
    from conftest import write_plan
    plan = write_plan(tmp_path, {"content/chapters/02-kode.md": CODES})
    code, found, output = run_validate(plan)
    assert code == 1, output  # GOV-89's E507
    told = {(d["code"], d["line"], d["message"]) for d in found
            if d["file"] == "content/chapters/02-kode.md" and d["code"] in ("W539", "E507")}
    assert told == {("W539", 22, "'GOV-97' names no program: it is printed as written"),
                    ("W539", 24, "'GOV-99' names no program: it is printed as written"),
                    ("E507", 24, "cross-reference to unknown 'GOV-89'")}, output
