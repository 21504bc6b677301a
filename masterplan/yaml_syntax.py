"""libyaml's syntax errors, said where the writer should look and with a hint about the line.

libyaml stops where it noticed a problem, in its own terse words ("mapping values are not allowed
here"); the writer of an agency file needs the line they got wrong (the field above that lost its
colon, the quote never closed) and what they most likely did.
"""

from __future__ import annotations

import re

import yaml

from masterplan import block_text, other_comments
from masterplan.block_fields import indent
from masterplan.diagnostics import Diagnostic, Message, Position, error
from masterplan.yaml_nodes import MAX_DEPTH


def too_deep(file: str, line: int, column: int) -> Diagnostic:
    return error(Position(file, line, column), "E005", "lists and mappings are nested more than {depth} levels deep",
                 "a plan file needs only a few levels; check the brackets and indentation", depth=MAX_DEPTH)


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> Diagnostic:
    """A syntax error, pointed at the line where the writer should look."""
    mark = exc.problem_mark or exc.context_mark
    problem: str = exc.problem or exc.context or Message("invalid YAML")  # PyYAML's words: a value
    if "nesting depth" in problem:  # libyaml ≥ 0.2.6 has a depth limit of its own
        return too_deep(file, (mark.line + 1 if mark else 1) + line_offset, mark.column + 1 if mark else 1)
    hint: Message | None = None
    if exc.context_mark and exc.context and "end of stream" in problem:
        # a quote or bracket left open: the end of the file is the wrong place to look
        what = exc.context.replace("while scanning ", "").replace("while parsing ", "")
        what = Message("a quoted text") if what == "a quoted scalar" else what.replace("scalar", "text")
        mark, problem = exc.context_mark, Message("{what} never ends", what=what)
        hint = Message("close the quote or bracket opened here")
    elif (exc.context_mark and exc.context and re.search(r"flow (sequence|mapping)", exc.context)
          and exc.context_mark.line != getattr(mark, "line", None)):
        hint = Message("is the list opened at line {line} closed?" if "sequence" in exc.context
                       else "is the mapping opened at line {line} closed?",
                       line=exc.context_mark.line + 1 + line_offset)
    elif exc.context_mark and exc.context == "while scanning a simple key" and "expected ':'" in problem:
        # libyaml notices the missing colon where the next line starts; the writer looks at the key's line
        mark = exc.context_mark
        hint = Message("a field's name is followed by a colon and a space, e.g. name: Pendahuluan")
    line = (mark.line + 1 if mark else 1) + line_offset
    column = mark.column + 1 if mark else 1
    lines = text.split("\n")
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    hint = _quote_hint(problem, bad_line, mark.column if mark else 0) or _layout_hint(problem, bad_line) or hint
    colonless = _colonless_line_above(lines, mark.line) if mark and "mapping values are not allowed" in problem else None
    if colonless is not None:  # "city Kota Pasuruan" above "title: …": the two lines read as one key
        line, column = colonless + 1 + line_offset, len(lines[colonless]) - len(lines[colonless].lstrip()) + 1
        hint = Message("a field's name is followed by a colon and a space, e.g. name: Pendahuluan")
    dashed = _dash_without_space(lines, mark.line) if mark and "mapping values are not allowed" in problem else None
    if dashed is not None:  # "-id: LIV-07": YAML read a field "-id", and stumbled at the next line's field
        found = _DASH_WITHOUT_SPACE.match(lines[dashed])
        assert found is not None
        line, column = dashed + 1 + line_offset, len(found.group(1)) + 1
        hint = Message("a list item starts with '-' and a space: {fixed}", fixed=f"- {found.group(2)}")
    opened = _open_quote_above(lines, mark.line) if mark and "end of stream" not in (exc.problem or "") else None
    if opened is not None:  # city: "Kota Probolinggo …: YAML read on to the next line's quote and stumbled after it
        opening = lines[opened]
        line, column = opened + 1 + line_offset, opening.find(_quote_of(opening), opening.find(": ") + 1) + 1
        return error(Position(file, line, column), "E001", "YAML syntax error: the quote opened here is closed only "
                     "at line {line}", "end the text with the same quote on this line, or write it without quotes",
                     line=mark.line + 1 + line_offset)
    if mark and re.search(r"expected ',' or '[}\]]'", problem):
        opened = exc.context_mark.line if exc.context_mark else mark.line
        if (told := _flow_hint(lines[opened] if opened < len(lines) else "")) is not None:
            line, column, hint = opened + 1 + line_offset, len(lines[opened]) - len(lines[opened].lstrip()) + 1, told
    if mark and (unindented := block_text.unindented(lines, mark.line) or block_text.resumed(lines, mark.line)):
        line, column, hint = unindented[0] + 1 + line_offset, indent(lines[unindented[0]]) + 1, unindented[1]
    if mark and bad_line.lstrip().startswith("- ") and "did not find expected key" in problem and not unindented:
        hint = _list_without_field(lines, mark.line, line_offset) or hint
    if "\t" in bad_line:
        hint = pasted_row(bad_line) or Message("YAML indents with spaces, never with tabs")
    if mark and (commented := _commented_line(lines, mark.line, exc.context_mark)) is not None:  # "// belum final"
        return error(Position(file, commented + 1 + line_offset, indent(lines[commented]) + 1), "E001",
                     "YAML syntax error: {problem}", other_comments.hint(lines[commented].strip()),
                     problem=_words_of_yaml(problem))
    if mark and not text[mark.index:].strip() and text.strip():
        # the text ended mid-value: the last written line is where to look
        last = len(text.rstrip().split("\n"))
        return error(Position(file, last + line_offset, 1), "E001",
                     "YAML syntax error: {problem} before the end of the text", hint, problem=_words_of_yaml(problem))
    return error(Position(file, line, column), "E001", "YAML syntax error: {problem}", hint,
                 problem=_words_of_yaml(problem))


def _commented_line(lines: list[str], at: int, context: yaml.Mark | None) -> int | None:
    """The line libyaml stumbled at, or the one above where its trouble began, when it is another language's comment
    alone (``// belum final``, ``/* catatan */``; not Markdown's ``<!-- … -->``, which a block of text may hold):
    None when it is not."""
    candidates = [at, *([context.line] if context is not None and context.line == at - 1 else [])]
    return next((number for number in candidates if number < len(lines) and not lines[number].lstrip().startswith("<!--")
                 and (found := other_comments.written(lines[number])) is not None and not found[0]), None)


def _flow_hint(line: str) -> Message | None:
    """Why a ``{...}`` or ``[...]`` opened on ``line`` is not read to its end: a comment inside it, a semicolon for
    a comma, or a comma left out between two fields; None when none of these."""
    inside = line[line.find("{"):] if "{" in line else line[line.find("["):] if "[" in line else ""
    quoted = list(_QUOTED.finditer(inside))
    bare = _QUOTED.sub(lambda found: found.group()[0] + " " * (len(found.group()) - 2) + found.group()[-1],
                       inside)  # a '#' or ';' in quotes is text; the quotes stay, a value's end
    if re.search(r"\s#", bare):
        return Message("'#' starts a comment, which hides the rest of the line, its closing bracket too: write the "
                       "note outside the brackets, after them, or delete it")
    if ";" in bare:
        return Message("inside {{...}} fields are parted by commas, not semicolons: {fixed}",
                       fixed="".join(_unquoted_semicolons(inside, quoted)).strip())
    missing = re.search(r"(?<=[\w\]}'\"])(\s+)([A-Za-z_]\w*):\s", bare)
    if missing and re.search(r"[\w]+:\s", bare[:missing.start()]):
        return Message("a comma is missing before {field}: {fixed}", field=missing.group(2),
                       fixed=inside[:missing.start()].strip() + ", " + inside[missing.end(1):].strip())
    return None


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')  #: a quoted text of a line


def _unquoted_semicolons(text: str, quoted: list[re.Match[str]]) -> list[str]:
    """``text`` in pieces, each semicolon outside its quoted texts made a comma."""
    pieces, done = [], 0
    for found in quoted:
        pieces += [re.sub(r"\s*;\s*", ", ", text[done:found.start()]), found.group()]
        done = found.end()
    return [*pieces, re.sub(r"\s*;\s*", ", ", text[done:])]


#: a budget year's row as a spreadsheet gives it, its cells apart by tabs: year, amount, funding source; the amount
#: with its thousands marks and, maybe, cents that are none (",00")
_BUDGET_ROW = re.compile(r"(?:-[ \t]*)?(\d{4})\t+(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,]00?)?\t+([^\t]+?)\s*")


def pasted_row(line: str) -> Message | None:
    """The hint for a row pasted from a spreadsheet, three cells or more apart by tabs (not tabs that indent, nor
    one after a field's colon): a budget's row written as YAML writes it, or how to write any other; None else."""
    cells = [cell for cell in line.strip().split("\t") if cell.strip()]
    if len(cells) < 3 or cells[0].rstrip().endswith(":"):
        return None
    budget = _BUDGET_ROW.fullmatch(line.strip())
    if budget:
        amount = re.sub(r"[.,]", "", budget.group(2))
        return Message("this line is a row pasted from a spreadsheet, its cells apart by tabs: write it as "
                       "- {{year: {year}, amount: {amount}, source: {source}}}", year=budget.group(1), amount=amount,
                       source=budget.group(3).strip())
    return Message("this line is a row pasted from a spreadsheet, its cells apart by tabs: write each value after "
                   "its field's name and a colon, with spaces, never tabs")


_COMMENTED_FIELD = re.compile(r"^\s*#\s*([A-Za-z_][\w-]*):\s*$")


def _list_without_field(lines: list[str], at: int, line_offset: int) -> Message | None:
    """Why a list's item (``- name: …``) stands where a field should: no field above it opens the list. Its field
    turned into a comment (``# phases:``) when the lines around it were edited, or it was never written; libyaml's
    "did not find expected key" then read as a matter of indentation, which the lines were not. None where a list
    or its field stands above (an item indented wrongly: indentation it is)."""
    depth = indent(lines[at])
    commented: tuple[int, re.Match[str]] | None = None
    field: int | None = None  #: the field with its value the search stopped at
    for above in range(at - 1, -1, -1):
        written = lines[above].strip()
        if not written:
            continue
        if written.startswith("#"):
            if commented is None and (found := _COMMENTED_FIELD.match(lines[above])):
                commented = (above, found)
            continue
        if written.startswith("-") or written.endswith(":"):
            return None  # an item of a list, or a field opening one: the list is there
        if indent(lines[above]) > depth:
            continue  # a field of an item above, deeper than this line
        field = above
        break  # a field and its value, no deeper than this line: nothing above opens a list
    else:
        return None
    if commented:
        number, found = commented
        return Message("line {line} is '{comment}', a comment: the list below it has no field; write {field}: "
                       "without the '#'", line=number + 1 + line_offset, comment=lines[number].strip(),
                       field=found.group(1))
    sibling = next((n for n in range(at - 1, -1, -1) if lines[n].lstrip().startswith("- ")
                    and len(lines[n]) - len(lines[n].lstrip()) < len(lines[at]) - len(lines[at].lstrip())), None)
    if sibling is not None and not commented:  # "    - id: LIV-08" below "  - id: LIV-07"'s fields: one item too deep
        return Message("this item is indented deeper than the list's item at line {line}: start its '-' in column "
                       "{column}, as there", line=sibling + 1 + line_offset,
                       column=len(lines[sibling]) - len(lines[sibling].lstrip()) + 1)
    if field is not None and indent(lines[field]) == depth and any(
            lines[opener].rstrip().endswith(":") and indent(lines[opener]) < depth for opener in range(field)):
        # "  APBD: Anggaran …" among the items of "terms:", or "phases:" left out below "apbd_ceiling:"'s years
        return Message("this list has no field above it: write the field's name on its own line above its first '- ', "
                       "e.g. phases:; or, if line {line} ({field}) is one of the list's items, start it with '- ' as "
                       "they are", line=field + 1 + line_offset, field=lines[field].strip()[:60])
    return Message("this list has no field above it: write the field's name on its own line above its first '- ', "
                   "e.g. phases:")


def _colonless_line_above(lines: list[str], at: int) -> int | None:
    """The line above line ``at`` (counted from 0) when it is a field that lost its colon: a plain
    line indented like line ``at``, with no ':' in it, that does not continue the text of a field
    above it. YAML reads the two lines as one key and complains at the colon of the second."""
    def written_above(line: int) -> int | None:
        return next((i for i in range(line - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
                    None)

    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" -"))

    above = written_above(at)
    if above is None or at >= len(lines):
        return None
    text = lines[above].strip()
    plain = ":" not in text and not text.startswith(("'", '"', "[", "{", "|", ">", "&", "*", "!"))
    if not plain or indent(lines[above]) != indent(lines[at]):
        return None
    before = written_above(above)  # "summary: Kegiatan ini …" over indented lines: they continue its text
    continued = before is not None and indent(lines[before]) < indent(lines[above]) and not lines[before].rstrip().endswith(":")
    return None if continued else above


def _quote_of(line: str) -> str:
    """The quote a field's value starts with ('"' or "'"), or ''."""
    value = line.split(": ", 1)[1].lstrip() if ": " in line else line.strip().lstrip("-").lstrip()
    return value[:1] if value[:1] in ("'", '"') else ""


def _open_quote_above(lines: list[str], at: int) -> int | None:
    """The line above line ``at`` (counted from 0) whose quoted value is not closed on it, when the lines between
    hold no such quote and line ``at`` does: YAML took them all for one text, up to that quote, and complained after
    it. Only the same quote closes a text: an apostrophe in a comment between does not matter to a '"'."""
    for quote in ('"', "'") if at < len(lines) else ():  # a mark past the last line: the end of the text
        if quote not in lines[at]:
            continue
        above = next((n for n in range(at - 1, -1, -1) if quote in lines[n]), None)
        if above is not None and _quote_of(lines[above]) == quote and lines[above].count(quote) % 2:
            return above
    return None


def _words_of_yaml(problem: str) -> str:
    """PyYAML's complaint as a message the catalog may translate (its text is the key; braces are its own)."""
    return problem if isinstance(problem, Message) else Message(problem.replace("{", "{{").replace("}", "}}"))


def _layout_hint(problem: str, line: str) -> Message | None:
    """What a writer most likely did, for libyaml's terse complaints about a line."""
    value = line.split(": ", 1)[1].strip() if ": " in line else ""
    if "mapping values are not allowed" in problem:
        if value[:1] in ("\u201c", "\u2018"):  # the writer took them for quotes; inside a text they are its own
            return Message('curly quotes \u201c \u201d are not YAML quotes: put the text in straight quotes, "..."')
        before = line.split(": ", 1)[0].strip(" -")
        if ": " in value or value.endswith(":"):  # "Tujuan: menerapkan …" is text, not a field
            word = re.search(r"(\S+):(?: |$)", value)
            return Message('text with ": " in it goes in quotes (here after {word}), e.g. title: "Pendahuluan: Latar '
                           'Belakang"', word=word.group(1)) if word else \
                Message('text with ": " in it goes in quotes, e.g. title: "Pendahuluan: Latar Belakang"')
        if " " in before:
            return Message('text with ": " in it goes in quotes, e.g. title: "Pendahuluan: Latar Belakang"')
        return Message("this line is indented deeper than the line above allows: line it up with the fields above")
    if "did not find expected key" in problem and value[:1] in ("'", '"') and value.rstrip()[-1:] != value[:1]:
        return Message("a text that starts with a quote must end with it: put the whole text in quotes, "
                       "or start without one")
    if "did not find expected key" in problem and value[:1] == '"' and (early := _closed_early(value)) is not None:
        return Message('the quote " after {words} closes the text early: inside "..." write single quotes \'...\', '
                       'or put the whole text in single quotes', words=early)
    if "expected '-' indicator" in problem or "did not find expected key" in problem:
        return Message("check this line's indentation: it must line up with the fields above it")
    return None


#: a '?' written for a value not known yet, in a flow mapping: {year: 2021, value: ?}
_PLACEHOLDER = re.compile(r":[ \t]+\?[ \t]*(?:[,}\]]|$)")
#: a list item whose '-' has no space after it: "-id: LIV-07", read as a field named "-id"
_DASH_WITHOUT_SPACE = re.compile(r"^([ \t]*)-([A-Za-z_][\w-]*:(?:[ \t].*)?)$")


def _dash_without_space(lines: list[str], at: int) -> int | None:
    """The line, at or up to three above line ``at``, of a list item whose '-' has no space after it, written as a
    field ("-id: LIV-07"), indented less than line ``at`` or on it (a word of a text, "-Peningkatan", is no item)."""
    depth = len(lines[at]) - len(lines[at].lstrip()) if at < len(lines) else 0
    return next((n for n in range(at, max(at - 4, -1), -1) if n < len(lines) and (found := _DASH_WITHOUT_SPACE.match(
        lines[n])) and (n == at or len(found.group(1)) < depth)), None)


def _closed_early(value: str) -> str | None:
    """The words before a '"' that ends a quoted text before its last '"' (``"dan "riwayat" tercatat"``), else None."""
    found = re.match(r'"((?:[^"\\]|\\.)*)"(?=.*")', value)
    return None if found is None else " ".join(found.group(1).split()[-3:]) or None


def _quote_hint(problem: str, line: str, column: int) -> Message | None:
    """A value that starts with a character YAML reads as syntax (``*Prioritas*``, ``> 90%``, ``%``,
    ``@Dinkes``, ``[Usulan Baru] Layanan``): put it in quotes, shown with the line's own field."""
    item = line.lstrip()
    key, _, value = ("-", "", item[2:]) if item.startswith("- ") and ": " not in item else line.partition(": ")
    value = value.strip()
    if not value:
        return None
    start = value[0]
    if (start == "?" or _PLACEHOLDER.search(line)) and ("mapping keys are not allowed" in problem
                                                        or "expected node content" in problem
                                                        or "expected key" in problem):
        return Message("'?' cannot stand for a figure not known yet: write the figure, or leave the field out "
                       "until it is known")
    if start in ">|" and len(value) > 1 and value[1:].strip()[:1] not in "+-0123456789":  # "description: | Teks"
        return Message("the text after {character} goes on the lines below it, indented: {key}: {character} then "
                       "the text on the next line", character=start, key=key.strip())
    if not ("cannot start any token" in problem and line[column:column + 1] == start
            or "alphabetic or numeric character" in problem and start in "*&"
            or "did not find expected key" in problem and start in "*&" and " " in value
            or "found undefined alias" in problem and start == "*"
            or "comment or line break" in problem and start in ">|"
            or "did not find expected key" in problem and start in "[{" and value[-1] not in "]}"):
        return None
    shown = value if len(value) <= 40 else value[:32] + "…"
    quoted = f'"{shown}"' if '"' not in shown else "'" + shown.replace("'", "''") + "'"  # YAML doubles a ' in '…'
    example = f"- {quoted}" if key == "-" else f"{key.strip()}: {quoted}"
    return Message("a value that starts with {character} is read as YAML, not as text: put it in quotes, e.g. {example}",
                   character=start, example=example)
