"""Chapters and Markdown texts: Jinja fills in, cross-references name real things, links stay home,
and images (and the logo) are files of the plan.

A link or image in content may not reach outside the plan folder (``../../``, an absolute
path, ``file:``), nor run code (``javascript:``); images come from the plan's own files.
The sanitizer drops such URLs anyway; reporting them keeps a silently missing image or
link from reaching the published plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from urllib.parse import quote, unquote

from masterplan import (
    captions,
    chapters,
    crossref,
    html_limits,
    markdown_limits,
    table_limits,
)
from masterplan.checks import html, images
from masterplan.checks.last_build import Unknown
from masterplan.diagnostics import (
    ANY_PROGRAM,
    Diagnostic,
    Message,
    Position,
    closest,
    did_you_mean,
    error,
    warning,
)
from masterplan.model import ASSETS, Chapter, Plan, Text, code_order

#: Where Markdown puts URLs: [text](url), ![alt](url), [id]: url, <url>; with the character each
#: needs, so the many texts without one are not searched at all. Raw HTML's: see :mod:`checks.html`.
_URLS = [
    # a link's text may hold brackets two levels deep ([see [[GOV-01]]](…)): a '[' is read on to its ']', not
    # to the end of the text, or 20,000 of them would take minutes; an image is looked for on its own, also
    # inside a link's text ([![peta](assets/peta.png)](https://…))
    (re.compile(r"(?<!!)\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\])*\]\(\s*<?([^)\s>]*)"),
     "link", "["),
    (re.compile(r"!\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]\(\s*<?([^)\s>]*)"), "image", "!["),
    (re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE), "link", "["),
    (re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"), "link", "<"),
]


def urls(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind 'image' or 'link', url, line and column within text) of every URL in Markdown text and the raw
    HTML the sanitizer keeps (an <iframe>'s is removed with it: W520 says so); the column is the URL's own,
    or its tag's."""
    def column(offset: int) -> int:
        return offset - text.rfind("\n", 0, offset)

    for pattern, kind, needed in _URLS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield kind, match.group(1), line, column(match.start(1))
    for tag in html.tags(text):
        for name, value in tag.attributes:
            if name in ("src", "href") and value and tag.keeps(name):
                yield ("image" if name == "src" else "link"), value, tag.line, column(tag.start)


def check(plan: Plan, unreadable: AbstractSet[str] = frozenset()) -> Iterator[Diagnostic]:
    known = crossref.targets(plan)
    unknown = Unknown.of(plan)
    context = chapters.context(plan)
    seen: dict[str, Chapter] = {}
    claimed: dict[str, Chapter] = {}  #: generated part -> the chapter it follows
    tables = crossref.generated_tables(plan)
    ordered: dict[tuple[str, int], Chapter] = {}  #: (part, order) -> the first chapter with it

    def unknown_reference(ref: str, at: Position) -> Diagnostic | None:
        """E507 for a cross-reference to nothing the plan has (none for an id a broken file may hold)."""
        if ref in known or ref.split(":")[-1] in unreadable or (":" not in ref and ANY_PROGRAM in unreadable):
            return None
        return error(at, "E507", "cross-reference to unknown '{ref}'",
                     (":" not in ref and unknown.program(ref)) or _empty_table(ref, plan) or _closest_reference(ref, known)
                     or (unknown.series(ref) if ":" not in ref else None),
                     ref=ref).naming(ref.split(":")[-1])

    for chapter in plan.chapters:
        if (first := ordered.setdefault((chapter.part, chapter.order), chapter)) is not chapter:
            yield warning(chapter.position, "W515", "chapter order {order} is also {file}'s: the two are put in "
                          "order by their ids", "give each chapter a number of its own: the NN- of its file name, "
                          "or order: in its front matter", order=chapter.order, file=first.position.file)
        if chapter.id in seen:
            yield error(chapter.position, "E509", "chapter id '{id}' is also used by {file}",
                        "give one of them another id in its front matter", id=chapter.id, file=seen[chapter.id].position.file)
        seen.setdefault(chapter.id, chapter)
        if chapter.generated and (other := claimed.setdefault(chapter.generated, chapter)) is not chapter:
            yield error(chapter.position, "E512", "chapter claims the generated part '{part}', which {file} claims already",
                        "one chapter leads each generated part: remove 'generated:' from one of them",
                        part=chapter.generated, file=other.position.file)
        if too_costly := _too_costly(chapter.body, Position(chapter.position.file, chapter.body_line, 1), True):
            yield too_costly  # the checks below read its Markdown, some as slowly as Markdown would
            continue
        for table in captions.table_captions(chapter):
            if table.ref in tables:
                yield error(Position(chapter.position.file, chapter.body_line + table.line - 1, 1), "E510",
                            "table id '{id}' is already used by another table of the book",
                            "end the caption with another id, e.g. (tab:swot-2021)", id=table.ref)
            tables.add(table.ref)
        yield from _links(chapter, plan.content)
        for what, line in html.removed(chapter.body):
            yield _removed(what, Position(chapter.position.file, chapter.body_line + line - 1, 1))
        yield from _title_headings(chapter)
        yield from _captions_above_tables(chapter)
        yield from _numbered_captions(chapter)
        yield from _no_tables(chapter)
        for line, item in bullets(chapter.body):
            yield _bulleted(Position(chapter.position.file, chapter.body_line + line - 1, 1), item)
        yield from _stray_braces(chapter)
        text, problems = chapters.expand(chapter, context)
        yield from (p for p in problems if p.unknown is None  # not an id a broken file may hold:
                    or (p.unknown not in unreadable and ANY_PROGRAM not in unreadable))
        if text is not None:  # else Jinja failed (said above): what it would fill in is not known, what is written is
            yield from _expanded_links(chapter, text, plan.content)
            if filled := _too_costly(text, Position(chapter.position.file, chapter.body_line, 1), filled=True):
                yield filled
        for ref, line, column in crossref.find(chapter.body):
            if found := unknown_reference(ref, Position(chapter.position.file, chapter.body_line + line - 1, column)):
                yield found
        for text, line, column in crossref.find(crossref.outside_templates(chapter.body), crossref.MISTYPED):
            yield _mistyped(text, Position(chapter.position.file, chapter.body_line + line - 1, column))
    if plan.executive_summary and plan.summary_text is not None:  # its Jinja, as a chapter's: told at its lines
        yield from chapters.expand(plan.summary_text, context)[1]
    for pillar in plan.pillars:
        for name in ("summary", "description"):
            yield from _text_links(getattr(pillar, name), pillar.where.get(name, pillar.position), plan.content,
                                   f"{name}|" in pillar.where)
        for sub in pillar.sub_elements:
            yield from _text_links(sub.description, sub.position, plan.content)
    for program in plan.programs:
        for name in ("summary", "description"):
            yield from _text_links(getattr(program, name), program.at(name), plan.content, f"{name}|" in program.where)
    for phase in plan.phases:  # printed by the roadmap chapter ({{ phase.description }}): its cross-references work
        yield from _text_links(phase.description, phase.at("description"), plan.content, "description|" in phase.where,
                               unknown_reference)
    if plan.logo:
        where = plan.where.get("logo", plan.position)
        found = _problem("image", plan.logo, where, None) or _missing("logo", plan.logo, where, plan.content)
        if found:
            yield found


def _problem(kind: str, url: str, where: Position, content: Path | None) -> Diagnostic | None:
    # imported here: the renderer's module brings the Markdown library (~40 ms), needed only once a URL is found
    from masterplan.render.markdown import url_problem
    reason = url_problem(url, image=kind == "image")
    if reason is None:
        return _missing(kind, url, where, content) if kind == "image" else _unpublished(url, where, content)
    if kind == "image":
        return error(where, "E508", "image '{url}' {reason}",
                     "images and files go in content/assets/ and are written assets/name.png", url=url, reason=reason)
    return error(where, "E508", "link '{url}' {reason}", "link to a web address (https://...) or a cross-reference [[id]]",
                 url=url, reason=reason)


def _missing(kind: str, url: str, where: Position, content: Path | None) -> Diagnostic | None:
    """An image (or the logo) that names no file of the plan: the PDF could not be made without it."""
    name = _file_named(url)
    if content is not None and name and (content / name).is_file():
        if not (content / name).resolve().is_relative_to(content.resolve()):  # the build may read only the plan's files
            return error(where, "E511", "'{url}' leads outside the plan: content/{name} links to a file outside content/",
                         "copy the file into content/assets/ rather than linking to it", url=url, name=name)
        wrong = images.problem(content / name, content)
        if wrong:  # the PDF build would fail on it, with no reason said
            return error(where, "E519", "image '{url}' cannot be printed: {reason}",
                         "save it again from a drawing or photo program, or replace the file", url=url, reason=wrong)
        if kind == "image" and not name.startswith(f"{ASSETS}/"):  # the PDF shows it, the site would not
            return warning(where, "W513", "image '{url}' is not shown on the site: only content/assets/ is published",
                           Message("move it into content/assets/ and write assets/{file}", file=Path(name).name),
                           url=url)
        return None
    if content is None or not name:
        return None
    folder = (content / name).parent
    files = sorted(f"{Path(name).parent.as_posix()}/{f.name}".removeprefix("./") for f in folder.iterdir()
                   if f.is_file()) if folder.is_dir() else []
    spaced = [file for file in files if Path(file).name.startswith(f"{Path(name).name} ")]  # "Peta Sidoarjo.png"
    hint = (Message("folders are parted with /, not \\: {url}", url=url.replace("\\", "/")) if "\\" in url
            else Message("a space ends an address: write it as %20 ({address}), or rename the file without spaces",
                         address=quote(spaced[0])) if spaced and kind == "image"
            else did_you_mean(name, files) or "images go in content/assets/ and are written assets/name.png")
    return error(where, "E511", "logo '{url}' is not a file of the plan: content/{name} does not exist" if kind == "logo"
                 else "image '{url}' is not a file of the plan: content/{name} does not exist", hint,
                 url=url, name=name)


_WEB_ADDRESS = re.compile(r"(www\.|[\w-]+(\.[\w-]+)*\.(go\.id|co\.id|ac\.id|or\.id|id|com|org|net)(/|$))",
                          re.IGNORECASE)


def _unpublished(url: str, where: Position, content: Path | None) -> Diagnostic | None:
    """A link that would lead nowhere on the site: a chapter's file, a web address without https://, an asset missing.

    Only ``content/assets/`` is copied to the site, beside its own pages (which a link may
    name); a chapter is linked with a cross-reference (``[[bab:visi]]``), a web page with its
    full address. A warning: the book and the rest of the site are fine without the link.
    """
    # loaded already: url_problem said this URL may be used
    from masterplan.render.markdown import SCHEME
    name = _file_named(url)
    if content is None or not name or SCHEME.match(url) or "{" in url:  # an anchor, a web address, Jinja's to fill
        return None
    if _WEB_ADDRESS.match(name):
        hint = Message("a web address starts with https://: https://{url}", url=url)
    elif name.lower().endswith(".md"):
        hint = Message("link to a chapter with a cross-reference: [[bab:<chapter id>]]")
    elif name.startswith(f"{ASSETS}/") and not _file_in(content, name):
        hint = Message("files to link go in content/assets/ and are written assets/name.pdf")
    else:
        return None  # a file of the site's assets, or one of its pages
    return warning(where, "W513", "link '{url}' leads nowhere on the site", hint, url=url)


def _file_named(url: str) -> str:
    """The file a relative URL names, as written in the plan: no anchor, query or ``./``."""
    return unquote(url.split("#", 1)[0].split("?", 1)[0]).removeprefix("./")


def _file_in(content: Path, name: str) -> bool:
    """Whether ``content/name`` is a file, or starts one (``<assets/Laporan Akhir.pdf>`` is read up to its space)."""
    path = content / name
    return path.is_file() or (path.parent.is_dir() and any(f.name.startswith(f"{path.name} ")
                                                            for f in path.parent.iterdir()))


_TITLE_HEADING = re.compile(r"^#(?![#}])[ \t]*(\S.*?)[ \t#]*$")  # not '#}', the end of a Jinja comment


def _title_headings(chapter: Chapter) -> Iterator[Diagnostic]:
    """A '# heading' in a chapter's text: one # per chapter, its title, so the line would lose its heading.

    Code fences are no exception: chapters are Markdown without the fenced-code extension."""
    for number, line in enumerate(chapter.body.split("\n"), start=chapter.body_line):
        heading = _TITLE_HEADING.match(line)
        if heading and "|" not in line:  # "# | Program | OPD" heads a table
            hashtag = not line[1:2].isspace()
            yield warning(Position(chapter.position.file, number, 1), "W514",
                          "'{line}' is a heading of the chapter title's level: the book and the site show it as text",
                          Message("a section is written ## {title}; a hashtag at the start of a line, \\#{title}"
                                  if hashtag else "sections of a chapter start at ##: ## {title}",
                                  title=heading.group(1)),
                          line=line.strip())


def _captions_above_tables(chapter: Chapter) -> Iterator[Diagnostic]:
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


def _numbered_captions(chapter: Chapter) -> Iterator[Diagnostic]:
    """A caption with a number of its own, "Tabel 1. Lembaga": the book prints its own number instead."""
    for numbered in captions.numbered_captions(chapter):
        yield warning(Position(chapter.position.file, chapter.body_line + numbered.line - 1, 1), "W517",
                      "'{line}' captions the table above it, but the book numbers its tables itself: the "
                      "number written is not printed", Message("write it as: {caption}", caption=numbered.documented),
                      line=numbered.text)


#: a line that starts with a bullet as Word or a web page writes it ("•<tab>Puskesmas digital"), not Markdown's '- '
_BULLET = re.compile(r"^[ \t]*[•●▪◦‣○■·][ \t\u00a0]*(\S.*)$", re.MULTILINE)


#: a brace too many or too few around a Jinja expression: "}}}", "{ plan.city }}" (one opening brace lost); "{{{"
#: is Jinja's own syntax error (E503)
_STRAY_BRACES = re.compile(r"\}\}\}|(?<!\{)\{\s*[A-Za-z_][\w.]*(?:\s*\|[^{}\n]*)?\s*\}\}")
#: what Jinja prints as written, on purpose
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)


def _stray_braces(chapter: Chapter) -> Iterator[Diagnostic]:
    """W527: a brace typed once too few or too many around a Jinja expression ("{ plan.city }}", "{{ plan.city }}}"):
    the book and the site print the braces Jinja leaves (a {% raw %} block is left alone)."""
    text = _RAW.sub(lambda raw: "\n" * raw.group().count("\n"), chapter.body) if "raw" in chapter.body else chapter.body
    for found in _STRAY_BRACES.finditer(text):
        line = text.count("\n", 0, found.start())
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        yield warning(Position(chapter.position.file, chapter.body_line + line, column), "W527",
                      "'{text}' is printed as written: a brace too few or too many around a Jinja expression",
                      Message("write two braces on each side of an expression, e.g. {example}",
                              example="{{ plan.city }}"), text=found.group())


def bullets(text: str) -> Iterator[tuple[int, str]]:
    """(line, first item) of each run of lines pasted as a bulleted list, which Markdown prints as one paragraph."""
    last = -2
    for found in _BULLET.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line != last + 1:
            yield line, found.group(1).strip()
        last = line


def _bulleted(where: Position, item: str) -> Diagnostic:
    return warning(where, "W523", "these lines start with a bullet pasted from a word processor: they are printed as "
                   "one paragraph, not as a list", Message("start each item on a line of its own with '- ', after "
                                                           "an empty line: - {item}", item=item[:60]))


def _no_tables(chapter: Chapter) -> Iterator[Diagnostic]:
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


#: kinds of cross-reference as staff also write them (in Indonesian, in English, in full)
KIND_WORDS = {"pilar": "pillar", "tabel": "tab", "table": "tab", "gambar": "fig", "figure": "fig", "chapter": "bab",
              "opd": "agency", "program": ""}


def _empty_table(ref: str, plan: Plan) -> Message | None:
    """Why a pillar's own table is no target: the pillar has no programs (no matrix) or no indicators (no table),
    so its chapter prints none (``tab:program-talenta``); what to refer to instead."""
    for prefix, lacking in (("tab:program-", "programs"), ("tab:indicators-", "indicators")):
        pillar = next((p for p in plan.pillars if ref == f"{prefix}{p.id}"), None)
        if pillar is None:
            continue
        if lacking == "programs" and not pillar.programs:
            return Message("pillar {pillar} has no programs yet, so its chapter prints no program matrix: refer to "
                           "the pillar itself, [[pillar:{pillar}]], until a program is given pillar: {pillar}",
                           pillar=pillar.id)
        if lacking == "indicators" and not pillar.indicators:
            return Message("pillar {pillar} has no indicators yet, so its chapter prints no indicator table: refer "
                           "to the pillar itself, [[pillar:{pillar}]], until its file lists indicators",
                           pillar=pillar.id)
    return None


def _closest_reference(ref: str, known: Iterable[str]) -> Message | None:
    """A likely typo of a cross-reference, within its kind: 'agency:damkar' is not 'agency:disnaker',
    however alike the two are with the 'agency:' both start with. A kind of its own ('pilar:economy')
    is read as the one it most likely means. Ids are written in small letters: 'tab:Lembaga' is 'tab:lembaga'."""
    known = set(known)
    if ref.rpartition(":")[2] != ref.rpartition(":")[2].lower() and ref.lower() in known:
        return Message("ids are written in small letters: {id}", id=ref.lower())
    by_kind: dict[str, dict[str, str]] = {}
    for other in known:
        other_kind, _, other_name = other.rpartition(":")
        by_kind.setdefault(other_kind, {})[other_name] = other
    kind, _, name = ref.rpartition(":")
    if kind not in by_kind:
        kind = KIND_WORDS.get(kind.lower(), closest(kind.lower(), [k for k in by_kind if k]) or kind)
    same_kind = by_kind.get(kind, {})
    numbered = [other for other in same_kind if code_order(other)[0] == code_order(name)[0]]  # GOV-1 is GOV-01
    found = name if name in same_kind else (numbered[0] if len(numbered) == 1 else closest(name, same_kind))
    return Message("did you mean '{word}'?", word=same_kind[found]) if found else None


def _too_costly(text: str, where: Position, block: bool = False, filled: bool = False) -> Diagnostic | None:
    """E528 for a Markdown text too costly to convert (see :mod:`masterplan.markdown_limits`), with a table too
    large to lay out (:mod:`masterplan.table_limits`) or HTML nested too deep (:mod:`masterplan.html_limits`):
    at its line when the text's lines are the file's (``block``), else at ``where``; ``filled`` for a chapter as
    Jinja filled it in."""
    found = markdown_limits.excess(text)
    if found is None and table_limits.CELL_TAG.search(text):
        # the Markdown library (~40 ms), imported for a table written as HTML only
        from masterplan.render.markdown import oversized_table
        found = oversized_table(text)
    if found is None and html_limits.may_be_too_deep(text):  # (and for tags enough to nest too deep)
        from masterplan.render.markdown import nested_too_deep
        found = nested_too_deep(text)
    if found is None:
        return None
    at = Position(where.file, where.line + found.line - 1, where.column) if block else where
    return error(at, "E528", Message("{problem}, once Jinja has filled it in", problem=found.message) if filled
                 else found.message, found.hint)


def _removed(what: Message, where: Position) -> Diagnostic:
    return warning(where, "W520", "{what} is removed from the HTML: the book and the site keep only text, tables, "
                   "lists, links and images", "write it in Markdown, or link to what it showed: [peta interaktif](https://...)",
                   what=what)


def _links(chapter: Chapter, content: Path | None) -> Iterator[Diagnostic]:
    for kind, url, line, column in urls(chapter.body):
        if "{{" in url or "{%" in url:  # Jinja fills it in: checked as filled (_expanded_links)
            continue
        found = _problem(kind, url, Position(chapter.position.file, chapter.body_line + line - 1, column), content)
        if found:
            yield found


def _expanded_links(chapter: Chapter, text: str, content: Path | None) -> Iterator[Diagnostic]:
    """URLs that only Jinja puts together: reported at the chapter's first line of text."""
    written = {url for _, url, _, _ in urls(chapter.body)}
    for kind, url, _, _ in urls(text):
        if url not in written:
            found = _problem(kind, url, Position(chapter.position.file, chapter.body_line, 1), content)
            if found:
                yield found


def _text_links(text: Text, where: Position, content: Path | None, block: bool = False,
                in_chapter: Callable[[str, Position], Diagnostic | None] | None = None) -> Iterator[Diagnostic]:
    """A text's links and images, each at its own line when the text is one block (``description: |``,
    positioned at its first line: a line of the text is a line of the file), else at the text. ``in_chapter``: for
    a text a chapter prints (a phase's description), what a cross-reference in it to nothing known is, as in the
    chapter; its cross-references work there. Elsewhere any is printed as written (W518)."""

    def at(line: int) -> Position:
        return Position(where.file, where.line + line - 1, where.column) if block and line > 1 else where

    for value in dict.fromkeys(text.values.values()):
        if too_costly := _too_costly(value, where, block):
            yield too_costly
            continue
        for kind, url, line, _ in urls(value):
            if found := _problem(kind, url, at(line), content):
                yield found
        for what, line in html.removed(value):
            yield _removed(what, at(line))
        for line, item in bullets(value):
            yield _bulleted(at(line), item)
        if in_chapter is not None:
            for ref, line, _ in crossref.find(value):
                if found := in_chapter(ref, at(line)):
                    yield found
            for ref, line, _ in crossref.find(value, crossref.MISTYPED):
                yield _mistyped(ref, at(line))
            continue
        for pattern in (crossref.PATTERN, crossref.MISTYPED):
            for ref, line, _ in crossref.find(value, pattern):
                yield warning(at(line), "W518", "'[[{text}]]' is printed as written: cross-references work in chapters only",
                              "name it in words here, e.g. e-Sambat (GOV-01)", text=ref)


def _mistyped(text: str, where: Position) -> Diagnostic:
    """W518 for double brackets around what is no cross-reference (``[[ GOV-01 ]]``, ``[[GOV-01|teks]]``)."""
    meant = crossref.meant(text)
    return warning(where, "W518", "'[[{text}]]' is not a cross-reference: it is printed as written",
                   Message("write the id alone between the brackets: [[{id}]]", id=meant) if meant else
                   "a cross-reference is an id alone between double brackets, e.g. [[GOV-01]] or "
                   "[[tab:swot]]; write other text without them", text=text)
