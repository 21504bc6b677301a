"""Jinja's and Python's own error texts in the plan's words, for the people who write chapters and templates.

Jinja says "Unexpected end of template. Jinja was looking for the following tags: 'elif' or
'else' or 'endif'. …" at the chapter's last line, in English; a writer needs "the {% if %} of
line 34 is never closed" at line 34, in the plan's language. Texts not known here are passed
on as Jinja wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2

from masterplan import jinja_places
from masterplan.diagnostics import Message, did_you_mean, line_and_column
from masterplan.jinja_places import INSIDE_TAG, quoted, tag_column
from masterplan.record_words import record_word
from masterplan.schema_defs import CODE_SHAPE

_LOOKING_FOR = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
_UNKNOWN_TAG = re.compile(r"^Encountered unknown tag '(\w+)'")
_UNEXPECTED = re.compile(r"^unexpected '([^']*)'(?:, expected '([^']*)')?$")
_EXPECTED_TOKEN = re.compile(r"^expected token '([^']*)', got '([^']*)'$")
_NO_EXPRESSION = re.compile(r"^Expected an expression, got '([^']*)'$")
_EOF_EXPECTED = re.compile(r"^unexpected end of template, expected '([^']*)'\.$")
_CHAR = re.compile(r"^unexpected char '(.)' at (\d+)$")
_OPERANDS = re.compile(r"^unsupported operand type\(s\) for ([^:]+): '(\w+)' and '(\w+)'$")
_COMPARED = re.compile(r"^'([^']+)' not supported between instances of '(\w+)' and '(\w+)'$")
_CONCATENATED = re.compile(r'^can only concatenate (\w+) \(not "(\w+)"\) to \w+$')
_NOT_ITERABLE = re.compile(r"^'(\w+)' object is not iterable$")
_NO_LENGTH = re.compile(r"^object of type '(\w+)' has no len\(\)$")
_NO_FIELD = re.compile(r"^'(?:(?:[\w.]+\.)?(\w+) object|None)' has no attribute '([^']*)'$")
_NO_FILTER = re.compile(r"^No (filter|test) named '([^']*)'")
#: Python's type names as a chapter's writer knows the values
_KINDS = {"int": "a number", "float": "a number", "Decimal": "a number", "str": "text", "Markup": "text",
          "Text": "a text field", "list": "a list", "tuple": "a list", "dict": "a mapping of fields",
          "NoneType": "nothing", "bool": "true or false", "Undefined": "nothing", "SandboxedUndefined": "nothing"}
#: Jinja's names of what it expected, as written in a chapter
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "rparen": ")", "rbracket": "]",
           "rbrace": "}", "name": "a name", "end of template": "the end of the text"}
_OPENERS = ("if", "for", "macro", "call", "filter", "set", "block", "raw", "with", "autoescape", "trans")


@dataclass(frozen=True)
class Said:
    """A Jinja error in the plan's words: what, a hint (or None), and the line (and column) it belongs at."""

    what: Message | str
    hint: Message | None
    line: int
    column: int = 1


def syntax(exc: jinja2.TemplateSyntaxError, source: str, first_line: int = 1) -> Said:
    """A syntax error of template ``source``: an unclosed block is said at the line that opens it.

    ``first_line``: the line of the file ``source`` starts at (a chapter's text, below its front
    matter), for a line named in the message; the said line counts from ``source``'s first."""
    text = exc.message or str(exc)
    line = exc.lineno or 1
    block = _LOOKING_FOR.search(text)
    unknown = _UNKNOWN_TAG.match(text)
    if unknown and not block:
        return Said(Message("unknown tag {{% {tag} %}}", tag=unknown.group(1)),
                    Message("Jinja's tags include {{% if %}}, {{% for %}} and {{% set %}}; each {{% if %}} ends with "
                            "{{% endif %}}, each {{% for %}} with {{% endfor %}}"), line, tag_column(source, line, unknown.group(1)))
    if block:
        name = block.group(1)
        opened = _open_block(source, name, before=line)
        if unknown:
            return Said(Message("{{% {tag} %}} where {{% end{block} %}} was expected: the {{% {block} %}} of line "
                                "{opened} is still open", tag=unknown.group(1), block=name, opened=(opened or line) + first_line - 1),
                        Message("close the {{% {block} %}} first, or check the spelling of the tag", block=name), line,
                        tag_column(source, line, unknown.group(1)))
        return Said(Message("the {{% {block} %}} is never closed", block=name),
                    Message("end it with {{% end{block} %}} where its text ends", block=name), opened or line,
                    tag_column(source, opened or line, name))
    if (found_char := _CHAR.match(text)) and (unclosed := _left_open(source, int(found_char.group(2)))) is not None:
        opened_line, opened_column, tag = unclosed  # "{% endfor" and no "%}": Jinja read on to a '#' lines below
        return Said(Message("the tag {tag} is never closed: Jinja reads on into the text below it", tag=tag),
                    Message("end it with {end} on this line: {fixed}", end=_CLOSING[tag[:2]], fixed=f"{tag} {_CLOSING[tag[:2]]}"),
                    opened_line, opened_column)
    stray = _stray_character(text, source, line)
    if stray is not None:
        char, column = stray
        return Said(Message("the character '{char}' has no meaning inside {{{{ ... }}}} or {{% ... %}}", char=char),
                    None if _CHAR.match(text) else  # where no name may begin: after "{% endif", say
                    Message("is a tag left open before it? Each {{% ends with %}}, each {{{{ with }}}}"), line, column)
    lines = source.splitlines()
    if 0 < line <= len(lines) and (unquoted := _unquoted_code(lines[line - 1])) is not None:  # plan.program(GOV-01)
        code, column = unquoted
        return Said(_syntax_words(text), Message("a program's code is text to Jinja: put it in quotes, ({code})",
                                                 code=f"'{code}'"), line, column)
    found = _EXPECTED_TOKEN.match(text) or _UNEXPECTED.match(text) or _NO_EXPRESSION.match(text)
    token = (found.group(2) if found.re is _EXPECTED_TOKEN else found.group(1)) if found else ""
    return Said(_syntax_words(text), None, line,
                unknown_name_column(text, source, line) or jinja_places.column(source, line, token))


def unknown_name_column(message: str, source: str, line: int) -> int | None:
    """For Jinja's "No filter named 'wordz'" (or test), at compiling or at run time, the column on ``line`` of
    ``source`` of the name (1 when it cannot be told); None for any other message."""
    found = _NO_FILTER.match(message)
    return None if found is None else jinja_places.filter_column(source, line, *found.groups())


_CLOSING = {"{%": "%}", "{{": "}}"}
#: a program's code written without quotes in a call, which Jinja reads as a subtraction: plan.program(GOV-01)
_UNQUOTED_CODE = re.compile(rf"\(\s*({CODE_SHAPE})\s*\)", re.IGNORECASE)


def _unquoted_code(line: str) -> tuple[str, int] | None:
    """A program's code written without quotes in a call inside one of ``line``'s tags, and its column; None when
    the line has none (a code in brackets in the text, "(GOV-01)", is words)."""
    for tag in INSIDE_TAG.finditer(line):
        if found := _UNQUOTED_CODE.search(tag.group(0)):
            return found.group(1), tag.start() + found.start(1) + 1
    return None


def _left_open(source: str, offset: int) -> tuple[int, int, str] | None:
    """The line, column and words (``{% endfor``) of a tag opened on a line above ``offset`` and not closed before it:
    what Jinja read on from to the character it could not read there; None when the last tag before is closed, or
    opened on that same line."""
    start = max(source.rfind("{%", 0, offset), source.rfind("{{", 0, offset))
    if start < 0 or _CLOSING[source[start:start + 2]] in source[start:offset] or "\n" not in source[start:offset]:
        return None
    closing = source.find(_CLOSING[source[start:start + 2]], offset)
    opening = min((found for found in (source.find("{%", offset), source.find("{{", offset)) if found >= 0),
                  default=-1)
    if closing >= 0 and (opening < 0 or closing < opening):  # a tag written over lines, closed after the character
        return None
    line, column = line_and_column(source, start)
    return line, column, source[start:source.find("\n", start)].rstrip()


def _stray_character(text: str, source: str, line: int) -> tuple[str, int] | None:
    """The character Jinja cannot read inside a tag and where it is on ``line``: ``unexpected char '!' at 27`` names
    its place in the template, "Invalid character in identifier" (a ``·`` after ``{% endif``) none."""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = _CHAR.match(text)
    if found:
        offset = int(found.group(2))
        return found.group(1), offset - (source.rfind("\n", 0, offset) + 1) + 1
    if text == "Invalid character in identifier":
        for inside in INSIDE_TAG.finditer(lines[line - 1]):  # not the text between tags, nor quoted text in one
            for place in range(inside.start(2), inside.end(2)):
                char = inside.string[place]
                if not char.isascii() and not char.isidentifier() and not quoted(inside.string, inside.start(2), place):
                    return char, place + 1
    return None


def _syntax_words(text: str) -> Message | str:
    found = _UNEXPECTED.match(text)
    if found:
        what, expected = found.groups()
        if expected:
            return Message("'{found}' where Jinja expected '{expected}'", found=what, expected=expected)
        return Message("{found} is not expected here", found=_token(what))
    found = _EXPECTED_TOKEN.match(text)
    if found:
        return Message("'{found}' where Jinja expected {expected}", found=found.group(2),
                       expected=_token(found.group(1)))
    found = _NO_EXPRESSION.match(text)
    if found:  # "{{ }}": braces with nothing in them
        return Message("a value or a name is missing here: Jinja found {found}", found=_token(found.group(1)))
    found = _EOF_EXPECTED.match(text)
    if found:
        return Message("the text ends where Jinja expected {expected}: a {{{{ or {{% is never closed",
                       expected=_token(found.group(1)))
    found = _NO_FILTER.match(text)
    if found:
        return _no_filter(*found.groups())
    if text.startswith("Missing end of comment tag"):
        return Message("a comment {{# is never closed with #}}")
    if text.startswith("Missing end of raw directive"):
        return Message("the {{% raw %}} is never closed with {{% endraw %}}")
    if text.startswith("Unexpected end of template"):
        return Message("the text ends inside a Jinja tag")
    return text


def _no_filter(kind: str, name: str) -> Message:
    return Message("there is no filter '{name}'", name=name) if kind == "filter" else Message(
        "there is no test '{name}'", name=name)


def _token(name: str) -> Message | str:
    written = _TOKENS.get(name, name)
    return Message(written) if written.startswith(("a ", "the ")) else f"'{written}'"


def _open_block(source: str, name: str, before: int) -> int | None:
    """The line of the innermost ``{% name %}`` still open at line ``before``, by Jinja's own lexer."""
    env = jinja2.Environment()
    stack: list[tuple[str, int]] = []
    opening: tuple[str, int] | None = None  #: a tag just named, open until its end shows it closes nothing
    try:
        for line, kind, value in env.lex(source):
            if line > before:
                break
            if kind == "whitespace":
                continue
            if kind == "block_begin":
                opening = ("", line)
            elif opening is not None and opening[0] == "" and kind == "name":
                opening = (value, opening[1])
                if value.startswith("end"):  # it closes the innermost block, or it is the mistake Jinja names
                    if stack and stack[-1][0] == value[3:]:
                        stack.pop()
                    opening = None
            elif opening and kind == "operator" and value == "=" and opening[0] == "set":
                opening = None  # {% set x = 1 %}: a one-line set opens no block
            elif opening and kind == "block_end":
                if opening[0] in _OPENERS:
                    stack.append(opening)
                opening = None
    except jinja2.TemplateSyntaxError:
        pass  # the lexer stops where the source stops making sense: what was open by then stands
    return next((line for opened, line in reversed(stack) if opened == name), None)


#: what opens and closes one level of nesting for Jinja's parser: a bracket, and a block tag (whose own "{%"
#: and "%}" are one bracket opened and closed)
_OPENS = (re.compile(r"[{(\[]"), re.compile(r"\{%-?\s*(?:if|for|macro|call|filter|with|block)\b"))
_CLOSES = (re.compile(r"[})\]]"), re.compile(r"\{%-?\s*end"))


def deepest_line(source: str) -> int:
    """The line of ``source`` (1 first) where its brackets and blocks are nested deepest: where Jinja's parser,
    which recurses once a level, ran out of depth ("{{{{{{…" read as dictionaries in dictionaries)."""
    depth, deepest, line = 0, 0, 1
    for number, text in enumerate(source.splitlines(), 1):
        depth += sum(len(opens.findall(text)) for opens in _OPENS) - sum(len(closes.findall(text)) for closes in _CLOSES)
        if depth > deepest:
            deepest, line = depth, number
    return line


def runtime(exc: Exception) -> Message | str:
    """A failure while a template runs (``{{ plan.period.start + "x" }}``) in the plan's words."""
    text = str(exc)
    found = _OPERANDS.match(text)
    if found:
        operator, left, right = found.groups()
        return Message("'{operator}' cannot join {left} and {right}", operator=operator, left=_kind(left),
                       right=_kind(right))
    found = _COMPARED.match(text)
    if found:
        operator, left, right = found.groups()
        return Message("{left} cannot be compared with {right} ('{operator}')", operator=operator, left=_kind(left),
                       right=_kind(right))
    found = _CONCATENATED.match(text)
    if found:
        return Message("'{operator}' cannot join {left} and {right}", operator="+", left=_kind(found.group(1)),
                       right=_kind(found.group(2)))
    found = _NOT_ITERABLE.match(text)
    if found:
        return Message("{kind} cannot be gone through with {{% for %}}", kind=_kind(found.group(1)))
    found = _NO_LENGTH.match(text)
    if found:
        return Message("{kind} has no length", kind=_kind(found.group(1)))
    found = _NO_FILTER.match(text)
    if found:  # a filter met only when its line runs: inside an {% if %} that was false until now
        return _no_filter(*found.groups())
    found = _NO_FIELD.match(text)
    if found:  # "'str object' has no attribute 'nope'"; "'None' has no attribute 'name'"
        kind, name = found.groups()
        return Message("{kind} has no field '{name}'", kind=_kind(kind) if kind else Message("an empty value"), name=name)
    return text


def template_failure(exc: jinja2.TemplateError) -> Said:
    """A theme template's failure (a plan's override of it): a syntax error as :func:`syntax` says it, at
    its line (0 when Jinja gives none); a field the model lacks as a chapter's is said ("a plan has no
    field 'kota'", "field names are English: did you mean 'city'?"); other failures as :func:`runtime`."""
    from masterplan.sandbox_errors import undefined_message

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return syntax(exc, exc.source or "")
    if isinstance(exc, jinja2.TemplateNotFound):  # {% include "print/runing.html" %}: said as the bare name
        return Said(Message("the theme has no template '{name}'", name=exc.name), _theme_template(str(exc.name)), 0)
    what, hint = undefined_message(str(exc))
    if isinstance(what, Message):
        return Said(what, hint if isinstance(hint, Message) else None, 0)
    return Said(runtime(exc), None, 0)


def _theme_template(name: str) -> Message:
    """The default theme's template ``name`` is most likely a typo of, as a hint; else where its templates are."""
    from masterplan.i18n import templates_of, theme_dir

    folder = theme_dir()
    found = did_you_mean(name, (path.relative_to(folder).as_posix() for path in templates_of(folder)))
    return found or Message("the theme's templates are named from its folder, e.g. 'print/running.html'")


def empty_field(text: str) -> str | None:
    """The field Jinja looked up on an empty value ("'None' has no attribute 'name'" → ``name``), else None."""
    found = _NO_FIELD.match(text)
    return found.group(2) if found and found.group(1) is None else None


def _kind(name: str) -> Message | str:
    known = _KINDS.get(name)
    if known:
        return Message(known)
    record = record_word(name)  # a record of the plan: "a budget line", not 'BudgetLine'
    return Message("a {record}", record=record) if isinstance(record, Message) else f"'{name}'"
