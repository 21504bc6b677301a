"""Markdown texts too costly to print (E528): too many links, emphasis or nesting to convert, a table too large to
lay out, HTML nested too deep; in a chapter as written and as Jinja filled it in, and in the YAML files' texts."""

from __future__ import annotations

from masterplan import html_limits, markdown_limits, table_limits
from masterplan.diagnostics import Diagnostic, Message, Position, error


def too_costly(text: str, where: Position, block: bool = False, filled: bool = False) -> Diagnostic | None:
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
