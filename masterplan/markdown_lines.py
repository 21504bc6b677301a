"""The marks that start a line of Markdown's blocks, as Python-Markdown reads them, for the checks and the filling-in
that must know what a line is: a heading (``##Judul`` too: no space is needed), a list's item (``- ``, ``1. ``; at any
depth), a blockquote's line (``> ``, ``> > `` in a quote within a quote)."""

from __future__ import annotations

import re

HEADING = re.compile(r"#{1,6}")
ITEM = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,9}\.)[ \t]+")
QUOTES = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")  #: the marks of every blockquote the line stands in
