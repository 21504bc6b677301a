"""What every page of the website shares: the common template context and the header and footer.

Computed once per build (the context) or once per folder depth (the header and footer),
then handed to every page the site renders.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from markupsafe import Markup

from masterplan import attainment, baseline, glossary_entries, program_tables, summary
from masterplan.formatting import REGIONS
from masterplan.key_figures import key_figures
from masterplan.model import Plan
from masterplan.output import ANALYSIS_PDF, PDF, SUMMARY_PDF
from masterplan.render import (
    data_bundle,
    data_notes,
    data_tables,
    outline,
    site_charts,
    site_links,
)
from masterplan.render.data import JSON_FIELDS
from masterplan.render.data_tables import tables
from masterplan.render.saved_names import saved_as
from masterplan.render.site_pages import Page, Translate, chapter_for
from masterplan.render.workbook import NAME as WORKBOOK

#: programs a pillar's or a mission's page lists past which it offers the filter of the page of all programs and a
#: jump to each sub-element, and a pillar has past which the roadmap offers a jump to each pillar's band: some ten
#: screens of a phone (the sample's pillars have a dozen programs, a province's five hundred)
LONG_LIST = 30

#: Image types link previews (Open Graph) show; an SVG logo is not one of them.
SHARE_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def common_context(plan: Plan, book: outline.Outline, translate: Translate, base_url: str | None = None,
                   has_pdf: bool = False, logo: str | None = None) -> dict[str, Any]:
    """What every page can read, computed once per build."""
    budget = summary.budget(plan)
    return {
        "plan": plan, "budget": budget, "logo": logo, "bar_rows": site_charts.budget_bars(plan, budget, translate),
        "unbudgeted_leads": summary.leads_without_budget(plan, budget),
        "ceiling_rows": (ceiling := summary.apbd_against_ceiling(plan)), "ceiling_total": summary.ceiling_total(ceiling),
        "has_pdf": has_pdf, "key_figures": key_figures(plan, budget),
        "base_url": base_url.rstrip("/") + "/" if base_url else None, "site_folders": site_links.FOLDERS,
        "roadmap_chart": site_charts.roadmap(plan), "caption": site_charts.captioner(book, translate),
        "pdf_destination": site_charts.pdf_destination,
        "phase_budget": summary.budget_by_phase(plan),
        "quick_wins_first_year": summary.quick_wins_first_year(plan), "output_targets": program_tables.output_targets,
        "quick_win_sources": program_tables.sources_by_year,
        "agency_rows": (by_agency := program_tables.programs_by_agency(plan)),
        "agencies_by_name": sorted(by_agency, key=lambda row: row[0].name.get(plan.language).casefold()),
        "one_sided": program_tables.one_sided(plan),
        "written_by": program_tables.written_by,
        "agency_matrix": program_tables.agency_matrix(plan),
        "missions": (missions := program_tables.mission_matrix(plan)),
        "without_mission": (unlinked := program_tables.without_mission(plan)),
        "missions_counted": program_tables.missions_counted(missions, unlinked),
        "mission_budget": summary.budget_by_mission(plan), "attainment": attainment.by_pillar(plan),
        "attainment_by_agency": attainment.by_agency(plan), "attainment_missed": attainment.missed(plan),
        "chapter_labels": site_charts.chapter_labels(book), "book_chapters": site_charts.book_chapters(book),
        "book_contents": site_charts.book_contents(book),
        "colours": site_charts.pillar_colours(plan),
        "glossary_entries": (entries := glossary_entries.glossary(plan)),
        #: a glossary term's anchor by the term (in small letters), where a page links an abbreviation to it: a phone
        #: shows no <abbr>'s title ("APBD, CSR" under a program's funding source)
        "glossary_anchors": {entry.term.casefold(): entry.anchor for entry in entries if not entry.agency_id},
        "data_columns": tables(plan), "json_fields": JSON_FIELDS,
        "column_meaning": lambda column, message: data_tables.meaning(column, message, plan, translate),
        "saved_as": {link: saved_as(plan, file, translate("Draft")) for link, file in (
            ("pdf", PDF), ("summary_pdf", SUMMARY_PDF), ("analysis_pdf", ANALYSIS_PDF), ("bundle", data_bundle.BUNDLE))},
        "workbook": WORKBOOK, "bundle": data_bundle.BUNDLE, "readme": data_bundle.README, "data_decimals": data_notes.decimals(translate), "table_notes": data_tables.NOTES,
        "table_titles": data_tables.TITLES,
        "part_chapters": {part: chapter for part in outline.GENERATED_ORDER if (chapter := chapter_for(plan, part))},
        "years": list(plan.period.years), "og_locale": og_locale(plan.language),
        "share_image": logo if logo and logo.endswith(SHARE_IMAGE_TYPES) else None,
        "brand_title": brand_title(plan) or translate("Smart City Master Plan"),
        "long_list": LONG_LIST,
        "changes": baseline.changes(plan),  #: what changed since the previous version; None: nothing to show
    }


#: the longest title the header shows beside the city and the years; a longer one gives way to the catalog's words
BRAND_TITLE = 48


def brand_title(plan: Plan) -> str | None:
    """The plan's title as the header shows it, beside its city and its years: "Masterplan Smart City" of
    "Masterplan Smart City Kota Pasuruan 2022–2031", "Masterplan Smart Regency" of a regency's. None when
    the title is only the city and the years, holds other figures or brackets once they are taken out
    ("Tahap 2"), or is too long for the header; None too when the title has no version in the edition's language (the
    English edition's header showed the Indonesian "Masterplan Smart City", unmarked, for "Smart City Master Plan")."""
    start, end = plan.period.start, plan.period.end
    years = rf"\(?\s*(?:Tahun|Periode|Year|Period)?\s*{start}(?:\s*(?:[-–—/]|s\.?\s?d\.?|sampai|to|until)\s*{end})?\s*\)?"
    words, written = plan.title.shown(plan.language)
    if written != plan.language:
        return None
    if plan.city.strip():  # (an empty pattern would match between every two letters)
        words = re.sub(re.escape(plan.city.strip()), " ", words, flags=re.IGNORECASE)
    words = re.sub(years, " ", words, flags=re.IGNORECASE)
    words = " ".join(words.split()).strip(" -–—:,")
    return words if words and len(words) <= BRAND_TITLE and not re.search(r"[\d()\[\]]", words) else None


def og_locale(language: str) -> str:
    """The Open Graph locale of a language, its catalog's region (``en`` → ``en_GB``) or its likeliest country
    added: ``id`` → ``id_ID``."""
    try:
        locale = Locale.parse(REGIONS.get(language, language).replace("-", "_"))
        if locale.territory is None:
            locale = Locale.parse(get_global("likely_subtags").get(str(locale), str(locale)))
    except (ValueError, UnknownLocaleError):
        return language
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


class Layout:
    """The header and footer: rendered once per folder depth, shared by every page at that depth.

    They are the same on every page but for the relative prefix and the current page's
    ``aria-current`` mark, which is added to the one link that points at the page or its section.
    """

    def __init__(self, env: jinja2.Environment, common: dict[str, Any]):
        self.env, self.common = env, common
        self.rendered: dict[tuple[str, str], str] = {}

    def _part(self, name: str, base: str) -> str:
        key = (name, base)
        if key not in self.rendered:
            self.rendered[key] = self.env.get_template(name).render({**self.common, "base": base})
        return self.rendered[key]

    def header(self, page: Page) -> Markup:
        """The header, its link to ``page`` marked as the current page; on a page the menu does not list (a
        program's, an agency's), the link to the section its breadcrumbs end in (the pillar, the agencies' list)."""
        part = self._part("site/header.html", page.base)
        link = f'href="{page.base}{page.path}"'
        if link in part:
            return Markup(part.replace(link, f'{link} aria-current="page"'))
        section = f'href="{page.base}{page.crumbs[-1][1]}"' if page.crumbs else None
        return Markup(part.replace(section, f'{section} aria-current="true"') if section else part)

    def footer(self, page: Page) -> Markup:
        return Markup(self._part("site/footer.html", page.base))
