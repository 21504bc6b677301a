"""An agency with many programs in the book's lists: its block goes on over the page rather than leave it empty.

The index and the programs-by-agency list used to keep each agency's block whole, so a
province's big agency (its 27 entries) moved to the next page and left a third of the page
before it blank, page after page. Here one agency leads more programs than a page lists.
"""

from __future__ import annotations

import re

import pytest
from test_pdf_parts import build, page_texts, read

PROGRAMS = 70
BIG = "DinasBesar"


def big_agency() -> str:
    """An agency leading ``PROGRAMS`` short governance programs, each name about a line of the index."""
    programs = "".join(f"""\
          - id: GOV-{200 + n}
            name: Layanan Digital Terpadu untuk Warga Kelurahan Nomor {n}
            pillar: governance
            sub_element: pelayanan_publik
            period: {{start: 2023, end: 2024}}
            budget: [{{year: 2023, amount: 100000000, source: APBD}}]
            indicators:
              - {{name: Pengguna {n}, unit: orang, baseline: {{year: 2021, value: 10}}, targets: {{2023: 50}}}}
""" for n in range(PROGRAMS))
    return f"""\
        id: dinasbesar
        name: Dinas Contoh Besar
        short_name: {BIG}
        kind: dinas
        programs:
{programs}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from conftest import write_plan

    root = write_plan(tmp_path_factory.mktemp("long-lists"), {"content/agencies/dinasbesar.yml": big_agency()})
    build(root, jobs=2)
    return page_texts(read(root))


def entries(page: str) -> list[str]:
    return re.findall(r"GOV-2\d\d\b", page)


def test_the_index_goes_on_with_a_long_group_on_its_first_page(pages: list[str]) -> None:
    heading = "Indeks Program per Perangkat Daerah"
    start = next(i for i, page in enumerate(pages) if page.startswith(heading))
    first, second = pages[start], pages[start + 1]
    assert "BPKAD" in first and BIG in first
    assert len(entries(first)) >= 30, first  # the page is filled below the small groups, not left for the big one
    assert BIG not in second and entries(second)[0] == f"GOV-{200 + len(entries(first))}"  # goes on where it stopped
    assert sorted(entries(first) + entries(second)) == [f"GOV-{200 + n}" for n in range(PROGRAMS)]
    assert "Diskominfo" in second


def test_the_programs_by_agency_go_on_with_a_long_agency_on_the_list_s_first_page(pages: list[str]) -> None:
    heading = "Program per Perangkat Daerah BPKAD"
    start = next(i for i, page in enumerate(pages) if heading in page)
    first = pages[start]
    after = first.split(f"{BIG} · Dinas Contoh Besar")
    assert len(after) == 2, first  # its heading is on the list's first page, and its first programs under it
    assert len(entries(after[1])) >= 10, first
    led = [entry for page in pages[start:start + 3] for entry in entries(page.split("Glosarium")[0])]
    assert led == [f"GOV-{200 + n}" for n in range(PROGRAMS)]  # each once, in order
