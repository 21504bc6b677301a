"""A chapter's translation, ``01-pendahuluan.en.md`` beside ``01-pendahuluan.md``: read in its place in the edition
of its language, in the book, on the site and in the translator's count (masterplan/chapter_reader.py)."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import MINI_FILES, write_plan
from test_cli import invoke

CHAPTER = "content/chapters/01-pendahuluan.md"
TRANSLATION = "content/chapters/01-pendahuluan.en.md"
ENGLISH = MINI_FILES["content/plan.yml"].replace("status: draft\n", "status: draft\n        language: en\n        "
                                                 "written_in: id\n        executive_summary: true\n")
SIGNED = """\
    ---
    title: Pendahuluan
    signed: {place: Contoh, date: 2021-12-01, role: Wali Kota Contoh}
    ---
    ## Latar Belakang

    Rencana ini memuat {{ plan.programs | length | words }} program, termasuk e-Sambat [[GOV-01]].
    """
TRANSLATED = """\
    ---
    title: Introduction
    signed: {place: Contoh, date: 2021-12-01, role: Mayor of Contoh}
    ---
    ## Background

    This plan holds {{ plan.programs | length | words }} programs, e-Sambat among them [[GOV-01]].
    """


def _page(root: Path) -> str:
    return (root / "build" / "site" / "chapter" / "pendahuluan.html").read_text(encoding="utf-8")


def test_the_english_edition_prints_the_chapters_translation(make_plan: Callable[..., Path]) -> None:
    """A chapter's body could not be translated: the English edition printed every chapter in Indonesian, and the
    translator had nowhere to put hers. Her ``01-pendahuluan.en.md`` is now the chapter in the English edition: its
    title, its text (counts in English words, cross-references unmarked, as they are in the edition's language),
    its signature; the Indonesian edition reads the chapter as written."""
    root = make_plan({"content/plan.yml": ENGLISH, CHAPTER: SIGNED, TRANSLATION: TRANSLATED,
                      "content/chapters/02-penutup.md": "---\ntitle: Penutup\n---\nDemikian.\n"})
    code, out, err = invoke("build", str(root), "--no-search")
    assert code == 0, out + err
    page = _page(root)
    assert "<h1>Introduction</h1>" in page and "Latar Belakang" not in page
    prose = page.split('<div class="prose"', 1)[1]
    assert prose.startswith(">")  # in the edition's language: no lang="id" around it
    assert "This plan holds two programs, e-Sambat among them" in prose and "Mayor of Contoh" in prose
    assert 'lang="en"' not in prose.split("</div>", 1)[0]  # its cross-reference's label is in its own language
    book = subprocess.run(["pdftotext", "-layout", str(root / "build" / "masterplan.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "This plan holds two programs" in book and "Mayor of Contoh" in book and "Latar Belakang" not in book
    said = next(line for line in (out + err).splitlines() if "untranslated-en.csv" in line)
    assert "chapters 1;" in said  # the closing chapter, left in Indonesian; the introduction is translated
    with (root / "build" / "untranslated-en.csv").open(encoding="utf-8-sig") as listed:
        fields = {row["field"] for row in csv.DictReader(listed)}
    assert "pendahuluan › title" not in fields and "penutup › title" in fields

    write_plan(root, {"content/plan.yml": MINI_FILES["content/plan.yml"], CHAPTER: SIGNED})  # the Indonesian edition
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "W538" not in out + err and "W017" not in out + err, out + err  # waits for its edition
    page = _page(root)
    assert "<h1>Pendahuluan</h1>" in page and "memuat dua program" in page and "Introduction" not in page


def test_the_executive_summarys_translation_is_read_in_its_edition(make_plan: Callable[..., Path]) -> None:
    """``executive-summary.en.md`` beside the summary's text: the English summary prints it, and validate does not
    call it a file nothing reads (W017), as it calls any other file in content/ itself."""
    summary = "---\ntitle: Executive Summary\n---\nThe city's plan holds {{ plan.programs | length }} programs.\n"
    root = make_plan({"content/plan.yml": ENGLISH, "content/executive-summary.en.md": summary})
    code, out, err = invoke("validate", str(root))  # without the summary's own text, nothing to translate
    assert "content/executive-summary.en.md: warning[W538]: executive-summary.en.md is not read: there is no " \
        "chapter executive-summary.md for it to translate" in out + err, out + err
    write_plan(root, {"content/plan.yml": ENGLISH, "content/executive-summary.en.md": summary,
                      "content/executive-summary.md": "---\ntitle: Ringkasan\n---\nRencana ini memuat program.\n"})
    code, out, err = invoke("build", str(root), "--no-site")
    assert code == 0 and "W017" not in out + err and "W538" not in out + err, out + err
    printed = subprocess.run(["pdftotext", str(root / "build" / "masterplan-summary.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
    assert "plan holds 2 programs." in printed and "Rencana ini memuat" not in printed


def test_a_translation_is_told_at_its_own_lines(make_plan: Callable[..., Path]) -> None:
    """What goes wrong in a translation is said at the translation's file and line, not the chapter's; a translation
    that asks for other generated parts than its chapter is told it follows the chapter (W537); one whose chapter was
    renamed, or written in the plan's own language, is not read, and told so (W538)."""
    broken = TRANSLATED.replace("title: Introduction\n", "title: Introduction\n    generated: budget\n").replace(
        "{{ plan.programs | length | words }}", "{{ plan.programs | length | wordz }}")
    root = make_plan({"content/plan.yml": ENGLISH, CHAPTER: SIGNED, TRANSLATION: broken,
                      "content/chapters/01-pendahulu.en.md": "---\ntitle: Stray\n---\nText.\n",
                      "content/chapters/01-pendahuluan.id.md": "---\ntitle: Pendahuluan\n---\nTeks.\n",
                      "content/executive-summary.id.md": "---\ntitle: Ringkasan\n---\nTeks.\n"})
    code, out, err = invoke("validate", str(root))
    said = out + err
    assert code == 1, said
    lines = (root / TRANSLATION).read_text(encoding="utf-8").splitlines()
    filter_line = next(number for number, line in enumerate(lines, 1) if "wordz" in line)
    assert f"{TRANSLATION}:{filter_line}:" in said and "E503" in said, said
    assert f"{TRANSLATION}:3:" in said and "warning[W537]: a translation follows its chapter: its generated is the " \
        "chapter's (none), not budget" in said, said
    assert "content/chapters/01-pendahulu.en.md: warning[W538]: 01-pendahulu.en.md is not read: there is no chapter " \
        "01-pendahulu.md for it to translate (did you mean '01-pendahuluan.en.md'?)" in said, said
    assert "content/chapters/01-pendahuluan.id.md: warning[W538]: 01-pendahuluan.id.md is not read: plan.yml's " \
        "written_in is id" in said, said
    assert "content/executive-summary.id.md: warning[W538]: executive-summary.id.md is not read: plan.yml's " \
        "written_in is id" in said, said  # not left unread without a word
    assert "E501" not in said  # no longer "chapter file name should look like NN-slug.md"


def test_a_translation_named_as_translators_name_it_is_read_or_told(make_plan: Callable[..., Path]) -> None:
    """Names a translator gives her files: ``01-pendahuluan-en.md`` was read as a chapter of its own, printing the
    English text as chapter 2 of the Indonesian book too; ``01-pendahuluan.EN.md``, as Windows may save it, stopped
    the build (E501); ``01-introduction.en.md`` was told of no chapter, with no name to take. Now the first is not
    read and told its name, the second is read, the third is told the chapter of its number; the summary's
    ``executive-summary-en.md`` is told its name; and a foreword's signature a translation leaves out, printed as
    its chapter writes it, is in the translator's list."""
    root = make_plan({"content/plan.yml": ENGLISH, CHAPTER: SIGNED,
                      "content/chapters/01-pendahuluan-en.md": TRANSLATED,
                      "content/chapters/02-penutup.md": "---\ntitle: Penutup\n---\nDemikian.\n",
                      "content/chapters/02-closing.en.md": "---\ntitle: Closing\n---\nThat is all.\n",
                      "content/executive-summary-en.md": "---\ntitle: Summary\n---\nText.\n",
                      "content/executive-summary.en.markdown": "---\ntitle: Summary\n---\nText.\n"})
    code, out, err = invoke("validate", str(root))
    said = out + err
    assert "content/chapters/01-pendahuluan-en.md: warning[W538]: 01-pendahuluan-en.md is not read: it looks like a " \
        "translation of 01-pendahuluan.md (name it 01-pendahuluan.en.md)" in said, said
    assert "02-closing.en.md is not read: there is no chapter 02-closing.md for it to translate (did you mean " \
        "'02-penutup.en.md'?)" in said, said
    assert "executive-summary-en.md is not read" in said and "did you mean 'executive-summary.en.md'?" in said, said
    assert "executive-summary.en.markdown is not read" in said, said  # was left unread without a word
    (root / "content/chapters/01-pendahuluan-en.md").rename(root / "content/chapters/01-pendahuluan.EN.md")
    without_signature = TRANSLATED.replace("    signed: {place: Contoh, date: 2021-12-01, role: Mayor of Contoh}\n", "")
    write_plan(root, {"content/plan.yml": ENGLISH, CHAPTER: SIGNED, "content/chapters/01-pendahuluan.EN.md":
                      without_signature, "content/chapters/02-penutup.md": "---\ntitle: Penutup\n---\nDemikian.\n"})
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0, out + err
    page = _page(root)
    assert "<h1>Introduction</h1>" in page and "Wali Kota Contoh" in page  # the chapter's signature, as written
    with (root / "build" / "untranslated-en.csv").open(encoding="utf-8-sig") as listed:
        roles = [row for row in csv.DictReader(listed) if row["field"] == "pendahuluan › signed › role"]
    assert [row["text"] for row in roles] == ["Wali Kota Contoh"] and roles[0]["file"] == CHAPTER
    (root / "content/chapters/01-pendahuluan.EN.md").rename(root / "content/chapters/01-pendahuluan-en.md")
    write_plan(root, {"content/plan.yml": MINI_FILES["content/plan.yml"], CHAPTER: SIGNED})  # the Indonesian book
    code, out, err = invoke("build", str(root), "--no-pdf", "--no-search")
    assert code == 0 and "W538" in out + err, out + err
    assert not (root / "build" / "site" / "chapter" / "pendahuluan-en.html").exists()  # no English chapter 2


def test_the_other_editions_translation_is_checked_in_this_one(make_plan: Callable[..., Path]) -> None:
    """A team that validated the Indonesian edition only never saw a translation's broken Jinja ({{ plan.cty }})
    until the English build failed: validate said "No problems found." The Indonesian edition now tells it, at the
    translation's line, as a warning (W540: it prints none of the translation); the English edition, as the error
    it is."""
    broken = TRANSLATED.replace("{{ plan.programs | length | words }}", "{{ plan.cty }}")
    root = make_plan({CHAPTER: SIGNED, TRANSLATION: broken})
    code, out, err = invoke("validate", str(root))
    lines = (root / TRANSLATION).read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "plan.cty" in text)
    assert code == 0 and f"{TRANSLATION}:{line}:" in out + err, out + err
    assert "warning[W540]: the other edition's translation has an error (E504):" in out + err, out + err
    write_plan(root, {"content/plan.yml": ENGLISH, CHAPTER: SIGNED, TRANSLATION: broken})
    code, out, err = invoke("validate", str(root))
    assert code == 1 and f"{TRANSLATION}:{line}:" in out + err and "error[E504]" in out + err, out + err


def test_the_summarys_translation_saved_by_windows_in_capitals_is_checked_as_it_is_printed(
        make_plan: Callable[..., Path]) -> None:
    """``executive-summary.EN.md`` is printed as ``.en.md`` is, but the checks that read the plan's texts as files
    (codes that name no program, characters no font has, the glossary's abbreviations) looked for ``.en.md`` only:
    a program code naming nothing in it went out unsaid."""
    root = make_plan({"content/plan.yml": ENGLISH,
                      "content/executive-summary.md": "---\ntitle: Ringkasan\n---\nRencana ini memuat program.\n",
                      "content/executive-summary.EN.md": "---\ntitle: Summary\n---\nThe plan starts with GOV-07.\n"})
    code, out, err = invoke("validate", str(root))
    assert code == 0 and "content/executive-summary.EN.md:4:" in out + err and "W539" in out + err, out + err
