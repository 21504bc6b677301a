"""Markdown a chapter's writer meant otherwise than the book and the site print it.

A second title (``# heading``, W514), a caption above its table (W516), numbered by hand (W517) or holding Jinja (W535),
HTML the sanitizer removes (W520), a table without its ``---`` row or pasted from a spreadsheet (W521),
bullets pasted from a word processor (W523), a brace too few or too many around Jinja (W527), a footnote's call
without its note or a note without its call (W549), and bold never closed (W555).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from masterplan import bold_marks, captions, jinja_tags, markdown_lines
from masterplan.diagnostics import (
    Diagnostic,
    Message,
    Position,
    line_and_column,
    warning,
)
from masterplan.look_alike_spaces import code_point
from masterplan.messages import excerpt
from masterplan.pasted_text import BULLETS, CONTROL
from masterplan.plan_parts import Chapter

_TITLE_HEADING = re.compile(r"^#(?![#}])[ \t]*(\S.*?)[ \t#]*$")  # not '#}', the end of a Jinja comment


def title_headings(chapter: Chapter) -> Iterator[Diagnostic]:
    """A '# heading' in a chapter's text: one # per chapter, its title, so the line would lose its heading.

    Code fences are no exception: chapters are Markdown without the fenced-code extension."""
    written = chapter.body.split("\n")
    for number, line in enumerate(markdown_lines.atx(chapter.body).split("\n")):
        heading = _TITLE_HEADING.match(line)
        if heading and "|" not in line:  # "# | Program | OPD" heads a table
            hashtag = not line[1:2].isspace()
            underlined = line != written[number]  # a line of text over '===': its underline quoted too
            yield warning(Position(chapter.position.file, chapter.body_line + number, 1), "W514",
                          "'{line}' is a heading of the chapter title's level: the book and the site show it as text",
                          Message("a section is written ## {title}; a hashtag at the start of a line, \\#{title}"
                                  if hashtag else "sections of a chapter start at ##: ## {title}",
                                  title=heading.group(1)),
                          line=f"{written[number].strip()} {written[number + 1].strip()[:3]}" if underlined else line.strip())


def underlined_sentences(chapter: Chapter) -> Iterator[Diagnostic]:
    """W558 for a sentence right over a '---' meant as a rule: Markdown makes the line a section heading, numbered
    and listed in the book's contents ("23.2 Demikian gambaran umum kota ini.")."""
    lines = chapter.body.split("\n")
    for number, line in enumerate(markdown_lines.atx(jinja_tags.uncommented(chapter.body)).split("\n")):
        if line.startswith("## ") and line != lines[number] and lines[number].rstrip().endswith((".", "!", "?")):
            yield warning(Position(chapter.position.file, chapter.body_line + number, 1), "W558", "'{line}' stands right "
                          "over a line of '---': Markdown prints it as a section heading, numbered and listed in the "
                          "book's contents", "for a rule below the paragraph, leave an empty line above the '---'",
                          line=excerpt(lines[number].strip(), 60))


#: a heading of a chapter's text: its marks and its words ("#### Landasan Hukum"; "####Landasan", as Markdown reads it)
_HEADING = re.compile(r"(#{2,6})[ \t\u00a0]*([^\s#].*)")


def skipped_levels(chapter: Chapter) -> Iterator[Diagnostic]:
    """W554 for a heading more than one level below the one before it (the chapter's title is #): "#### Landasan
    Hukum" under a "##" is printed small and unnumbered, and the sections' numbers run on without it."""
    above = 1
    for number, line in enumerate(markdown_lines.atx(jinja_tags.uncommented(chapter.body)).split("\n"),
                                  start=chapter.body_line):
        if not (heading := _HEADING.fullmatch(line)):
            continue
        level = len(heading.group(1))
        if level > above + 1:
            yield warning(Position(chapter.position.file, number, 1), "W554", "the heading '{heading}' skips a level: "
                          "written {marks} below a heading of {above}, it is printed smaller than a heading of {want}",
                          Message("write it {want} {title}", want="#" * (above + 1), title=heading.group(2).rstrip(" \t#")),
                          heading=heading.group(2).rstrip(" \t#"), marks=heading.group(1), above="#" * above,
                          want="#" * (above + 1))
        above = level


def captions_above_tables(chapter: Chapter) -> Iterator[Diagnostic]:
    """A table caption written above its table: the book reads captions below their tables."""
    for caption in captions.captions_above_tables(chapter):
        where = Position(chapter.position.file, chapter.body_line + caption.line - 1, 1)
        if caption.captions_above:
            yield warning(where, "W516", "'{line}' is the caption of the table above it, not of the table right below it",
                          "a caption goes below its table: if it names the table below, move it there",
                          line=caption.text)
        else:
            yield warning(where, "W516", "'{line}' stands above a table and is printed as text: a caption goes "
                          "below its table", "move the line right below the table it names", line=caption.text)


def numbered_captions(chapter: Chapter) -> Iterator[Diagnostic]:
    """A caption with a number of its own, "Tabel 1. Lembaga": the book prints its own number instead."""
    for numbered in captions.numbered_captions(chapter):
        yield warning(Position(chapter.position.file, chapter.body_line + numbered.line - 1, 1), "W517",
                      "'{line}' captions the table above it, but the book numbers its tables itself: the "
                      "number written is not printed", Message("write it as: {caption}", caption=numbered.documented),
                      line=numbered.text)


def filled_in_captions(chapter: Chapter) -> Iterator[Diagnostic]:
    """A caption with Jinja in it ("Tabel: Analisis SWOT {{ plan.city }} (tab:swot)"): the book numbers and lists a
    caption it can read before the text is filled in, so this one is printed as a line of text, and a reference to
    its id was an unknown cross-reference (E507) at the reference's line, with nothing said here."""
    for line, text, ref in captions.filled_in_captions(chapter):
        jinja = "{{ }}" if "{{" in text else "{% %}"
        yield warning(Position(chapter.position.file, chapter.body_line + line - 1, 1), "W535",
                      "'{line}' holds {jinja}: it is printed as a line of text, not numbered as a table's caption, "
                      "and no table is {ref}" if ref else
                      "'{line}' holds {jinja}: it is printed as a line of text, not numbered as a table's caption",
                      Message("write the caption's words out, without {jinja} (the name plan.yml's city: gives)",
                              jinja=jinja), line=text, ref=ref, jinja=jinja)


#: a line that starts with a bullet as Word or a web page writes it ("•<tab>Puskesmas digital"), not Markdown's '- '
_BULLET = re.compile(rf"^[ \t]*[{BULLETS}][ \t\u00a0]*(\S.*)$", re.MULTILINE)
#: a line lettered as Word numbers a list ("a. Penyusunan", "b) Pelaksanaan"), which Markdown has no list for
_LETTERED = re.compile(r"^[ \t]{0,3}([a-z])[.)][ \t]+(\S.*)$", re.MULTILINE | re.IGNORECASE)


#: a brace too many or too few around a Jinja expression: "}}}", "{ plan.city }}" (one opening brace lost); "{{{"
#: is Jinja's own syntax error (E503)
_STRAY_BRACES = re.compile(r"\}\}\}|(?<!\{)\{\s*[A-Za-z_][\w.]*(?:\s*\|[^{}\n]*)?\s*\}\}")
#: what Jinja prints as written, on purpose
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


def stray_braces(chapter: Chapter) -> Iterator[Diagnostic]:
    """W527: a brace typed once too few or too many around a Jinja expression ("{ plan.city }}", "{{ plan.city }}}"):
    the book and the site print the braces Jinja leaves (a {% raw %} block is left alone)."""
    text = _RAW.sub(lambda raw: "\n" * raw.group().count("\n"), chapter.body) if "raw" in chapter.body else chapter.body
    for found in _STRAY_BRACES.finditer(text):
        line, column = line_and_column(text, found.start())
        yield warning(Position(chapter.position.file, chapter.body_line + line - 1, column), "W527",
                      "'{text}' is printed as written: a brace too few or too many around a Jinja expression",
                      Message("write two braces on each side of an expression, e.g. {example}",
                              example="{{ plan.city }}"), text=found.group())


#: a footnote's note, on a line of its own (``[^bps]: Badan Pusat Statistik, …``), and its call in the text
_NOTE = re.compile(r"^ {0,3}\[\^([^\]\n]+)\]:", re.MULTILINE)
_CALL = re.compile(r"\[\^([^\]\n]+)\](?!:)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")  #: `[^x]`, shown as written (one backtick a side: linear in time)


def unmatched_footnotes(chapter: Chapter) -> Iterator[Diagnostic]:
    """W549: a footnote's call with no note of its label in the chapter, which is printed as written (``[^bps]``), a
    note no call names, which the book leaves out, each once, at its first line; and a note written twice, of which
    the book prints the last alone, at each but the last."""
    if "[^" not in chapter.body:
        return
    text = _CODE_SPAN.sub(lambda code: " " * len(code.group()), chapter.body)
    written = list(_NOTE.finditer(text))
    last = {found.group(1): found.start() for found in written}
    for found in written:
        if found.start() != last[found.group(1)]:
            yield _footnote(chapter, found.start(), found.group(1), "the note [^{label}] is written again at line "
                            "{line}: the book prints that one alone", "give each note a label of its own, e.g. "
                            "[^{label}-2], and call it where it applies",
                            line=chapter.body_line + line_and_column(text, last[found.group(1)])[0] - 1)
    notes = {found.group(1): found.start() for found in reversed(written)}
    calls = {found.group(1): found.start() for found in reversed(list(_CALL.finditer(text)))}
    for label, offset in calls.items():
        if label not in notes:
            yield _footnote(chapter, offset, label, "'[^{label}]' is printed as written: this chapter has no note "
                            "[^{label}]: …", "write the note on a line of its own, usually at the chapter's end: "
                            "[^{label}]: its text")
    for label, offset in notes.items():
        if label not in calls:
            yield _footnote(chapter, offset, label, "the note [^{label}] is called nowhere in the text: the book "
                            "leaves it out", "write [^{label}] in the text where it applies, or delete the note")


def _footnote(chapter: Chapter, offset: int, label: str, message: str, hint: str, **values: object) -> Diagnostic:
    line, column = line_and_column(chapter.body, offset)
    return warning(Position(chapter.position.file, chapter.body_line + line - 1, column), "W549", message,
                   Message(hint, label=label), label=label, **values)


def unclosed_bold(chapter: Chapter) -> Iterator[Diagnostic]:
    """W555 at a '**' opened for bold and never closed in its paragraph, list item, heading or table cell: the book
    and the site print the asterisks, and the words after them in plain type (:mod:`masterplan.bold_marks`)."""
    lines = chapter.body.split("\n")
    for found in bold_marks.unclosed(jinja_tags.blanked(chapter.body, "x")):
        # as written, Jinja and all, to its cell's end
        written = lines[found.line - 1][found.column - 1:].lstrip("*").split("|")[0].strip()
        yield warning(Position(chapter.position.file, chapter.body_line + found.line - 1, found.column), "W555",
                      "'**{words}' opens bold that is never closed: the book and the site print the asterisks",
                      "write ** again where the bold words end, in the same paragraph; an asterisk meant as one is "
                      "written \\*", words=excerpt(written, 40))


def control_characters(chapter: Chapter) -> Iterator[Diagnostic]:
    """W543, once a line: a control character in the text, most often Word's line break (Shift+Enter, U+000B) or its
    page break (U+000C) pasted with it: the site would carry a character no browser shows and the book a box. The
    renderer prints a space for it (:data:`masterplan.pasted_text.CONTROL`)."""
    lines: set[int] = set()
    for found in CONTROL.finditer(chapter.body):
        line, column = line_and_column(chapter.body, found.start())
        if line in lines:
            continue
        lines.add(line)
        yield warning(Position(chapter.position.file, chapter.body_line + line - 1, column), "W543",
                      "a control character ({character}) is in the text: it is printed as a space",
                      _CONTROL_HINTS.get(found.group(), "it came with text pasted from another program: delete it"),
                      character=code_point(ord(found.group())))


#: how each control character Word pastes comes to be in a text, and what to write instead
_CONTROL_HINTS = {
    "\x0b": "Word's line break (Shift+Enter) pastes one: delete it, or end the line with two spaces where a line "
             "break is meant",
    "\x0c": "Word's page break (Ctrl+Enter) pastes one: delete it; the book starts each chapter on a page of its own",
}


def bullets(text: str) -> Iterator[tuple[int, str]]:
    """(line, first item) of each run of lines pasted as a bulleted list, which Markdown prints as one paragraph."""
    last = -2
    for found in _BULLET.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line != last + 1:
            yield line, found.group(1).strip()
        last = line


def lettered(text: str) -> Iterator[tuple[int, str]]:
    """(line, first item) of each list lettered a., b., … (or a), b)) on lines one after another, which Markdown
    prints as one paragraph; a line alone ("A. Yani", a street) or letters out of order are no list."""
    run: list[tuple[int, str, str]] = []
    for found in [*_LETTERED.finditer(text), None]:
        line = text.count("\n", 0, found.start()) + 1 if found else -1
        letter = found.group(1).lower() if found else ""
        if run and (line != run[-1][0] + 1 or ord(letter) != ord(run[-1][1]) + 1):
            if len(run) > 1 and run[0][1] == "a":
                yield run[0][0], run[0][2]
            run = []
        if found:
            run.append((line, letter, found.group(2).strip()))


def lettered_list(where: Position, item: str) -> Diagnostic:
    """W523 for a list lettered a., b. (:func:`lettered`)."""
    return warning(where, "W523", "these lines are lettered a., b., … as a word processor numbers a list: they are "
                   "printed as one paragraph, not as a list", Message("number the items 1., 2., … or start each with "
                                                                      "'- ', after an empty line: 1. {item}",
                                                                      item=excerpt(item, 60)))


#: a line indented by a tab or four spaces after an empty line (or first in the text): Markdown's code block
_INDENTED = re.compile(r"(?:\A|\n[ \t]*\n)((?:\t| {4})[^\n]*\S[^\n]*)")
_WORD = re.compile(r"[^\W\d_]{2,}")  #: a word of letters
#: what code holds and prose does not (a tag, braces, a command's option, a web address): code shown on purpose
_CODE_MARKS = re.compile(r"[<>{}=;`$\\]|://| --?\w")


def indented_prose(text: str) -> Iterator[tuple[int, str]]:
    """(line, its first words) of each paragraph indented by a tab or four spaces that reads as prose (five words of
    letters or more, most of what it holds) and that Markdown prints as code, as the renderer reads the text: set
    apart from the text, its lines as typed. A list item's second paragraph, indented under it, is no code, nor is
    code shown on purpose (``<img src="…">``, a command with its options, a web address)."""
    found: list[tuple[int, str]] = []
    for indented in _INDENTED.finditer(text):
        line = indented.group(1).strip()
        words = len(_WORD.findall(line))
        if words >= 5 and words * 10 >= len(line.split()) * 7 and not _CODE_MARKS.search(line):
            found.append((text.count("\n", 0, indented.start(1)) + 1, line))
    if not found:
        return
    # Markdown's reading of the text, only for a text with such a line
    from masterplan.render.markdown import unsanitized
    code = " ".join(re.findall(r"<pre><code>(.*?)</code></pre>", unsanitized(text), re.DOTALL))
    yield from ((line, words) for line, words in found if html.escape(words[:40], quote=False) in code)


def printed_as_code(where: Position, words: str) -> Diagnostic:
    """W547 for a paragraph Markdown prints as code (:func:`indented_prose`)."""
    return warning(where, "W547", "'{words}' is indented by a tab or four spaces: Markdown prints the paragraph as code, "
                   "set apart from the text, its lines as typed", "remove the tab or the spaces at the start of its lines",
                   words=excerpt(words, 60))


def bulleted(where: Position, item: str) -> Diagnostic:
    """W523 for a run of lines pasted as a bulleted list (:func:`bullets`)."""
    return warning(where, "W523", "these lines start with a bullet pasted from a word processor: they are printed as "
                   "one paragraph, not as a list", Message("start each item on a line of its own with '- ', after "
                                                           "an empty line: - {item}", item=excerpt(item, 60)))


def no_tables(chapter: Chapter) -> Iterator[Diagnostic]:
    """Text meant as a table that is printed as text: pasted from a spreadsheet, without the '---' rule,
    or a caption of no table."""
    for found in captions.no_tables(chapter):
        where = Position(chapter.position.file, chapter.body_line + found.line - 1, 1)
        if found.kind == "caption":
            yield warning(where, "W521", "'{line}' captions no table: there is no table right above it, so it is "
                          "printed as text", "a caption goes right below its table, a table being rows between '|' "
                          "with a row of '---' under its header", line=found.text)
            continue
        row = "| " + " | ".join(found.cells) + " |"
        rule = "|" + "---|" * len(found.cells)
        if found.kind == "pasted":
            yield warning(where, "W521", "these lines look pasted from a spreadsheet (cells apart by tabs): they are "
                          "printed as one paragraph, not as a table",
                          Message("write them as a Markdown table: each row's cells between '|', and a row of '---' "
                                  "under the header: {row} then {rule}", row=row, rule=rule))
        else:
            yield warning(where, "W521", "these rows between '|' have no row of '---' under their header: they are "
                          "printed as text, not as a table",
                          Message("put {rule} on the line right below the first row", rule=rule))


def figure_captions_astray(chapter: Chapter) -> Iterator[Diagnostic]:
    """W516 for a picture's caption written above it, W521 for one below no picture: both printed as text."""
    for line, text, above in captions.figure_captions_astray(chapter):
        where = Position(chapter.position.file, chapter.body_line + line - 1, 1)
        if above:
            yield warning(where, "W516", "'{line}' stands above a picture and is printed as text: a caption goes "
                          "below its picture", "move the line right below the picture it names", line=text)
        else:
            yield warning(where, "W521", "'{line}' captions no picture: there is no picture on a line of its own "
                          "right above it, so it is printed as text", "a caption goes right below its picture, which "
                          "stands on a line of its own after an empty line: ![…](assets/….png)", line=text)


def removed(what: Message, where: Position) -> Diagnostic:
    """W520 for HTML the sanitizer removes (:func:`masterplan.checks.html.removed`)."""
    return warning(where, "W520", "{what} is removed from the HTML: the book and the site keep only text, tables, "
                   "lists, links and images", "write it in Markdown, or link to what it showed: [peta interaktif](https://...)",
                   what=what)
