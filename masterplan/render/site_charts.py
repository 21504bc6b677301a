"""Charts and book numbering on the site, shared with the PDF so both outputs agree.

The PDF's :mod:`masterplan.render.charts` draws the roadmap and budget charts and
:mod:`masterplan.render.outline` numbers chapters, tables and figures; the site shows
the same SVG and the same numbers. Both modules are optional here: without them the
site shows its accessible tables (and its own small bar charts) alone.
"""

from __future__ import annotations

import importlib
from functools import cached_property
from types import ModuleType
from typing import Any, Callable

from markupsafe import Markup

from masterplan.model import Indicator, Plan
from masterplan.render.site_links import url_for
from masterplan.summary import BudgetSummary


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"masterplan.render.{name}")
    except ImportError:
        return None


class Charts:
    """The PDF's charts for one plan, as inline SVG; ``None`` where a chart is not available."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.module = _optional("charts")

    def _draw(self, function: str, *args: Any) -> Markup | None:
        draw = getattr(self.module, function, None)
        if draw is None:
            return None
        try:
            return Markup(str(draw(self.plan, *args)))
        except Exception:  # a chart the PDF cannot draw must not take the website down
            return None

    @cached_property
    def roadmap(self) -> Markup | None:
        return self._draw("roadmap_svg")


def reference_label(plan: Plan) -> Callable[[str], str | None] | None:
    """The book's name for a cross-reference ("Tabel 5.1"), when the outline module is there."""
    outline = _optional("outline")
    labeller = getattr(outline, "reference_label", None)
    if labeller is None:
        return None
    return lambda ref: labeller(plan, ref)


def indicator_columns(indicator: Indicator) -> list[tuple[int | str, float, float, bool]]:
    """(year, value, height in percent, is the baseline) for an indicator's numeric values."""
    points: list[tuple[int | str, float, bool]] = []
    if isinstance(indicator.baseline_value, (int, float)):
        points.append((indicator.baseline_year or "", indicator.baseline_value, True))
    points += [(year, value, False) for year, value in sorted(indicator.targets.items())
               if isinstance(value, (int, float))]
    top = max((abs(value) for _, value, _ in points), default=0)
    return [(year, value, round(100 * abs(value) / top, 1) if top else 0.0, baseline)
            for year, value, baseline in points]


BarRow = tuple[str, "str | None", int]


def budget_bars(plan: Plan, budget: BudgetSummary) -> dict[str, list[BarRow]]:
    """Rows (label, link, amount) of the site's budget bar charts: by pillar and by funding source."""
    return {
        "pillar": [(str(p.name), url_for(p), budget.by_pillar.get(p.id, 0)) for p in plan.pillars],
        "source": [(source, None, amount) for source, amount in
                   sorted(budget.by_source.items(), key=lambda item: -item[1]) if amount],
    }
