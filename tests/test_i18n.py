"""Every word the theme shows goes through the one catalog, and the catalog has it in Indonesian."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from masterplan.i18n import Translator, load_catalog
from masterplan.resources import theme_dir

# _("...") in templates and Python; translate("...") in Python renderers
MESSAGE = re.compile(r"""\b(?:_|translate)\(\s*(["'])(.+?)(?<!\\)\1""")


def _messages() -> set[str]:
    files = [*theme_dir().rglob("*.html"), *theme_dir().rglob("*.svg"), *(REPO / "masterplan").rglob("*.py")]
    return {match.group(2) for path in files for match in MESSAGE.finditer(path.read_text(encoding="utf-8"))}


def test_templates_use_many_catalog_words() -> None:
    assert len(_messages()) > 100


@pytest.mark.parametrize("language", ["id"])
def test_every_message_has_a_translation(language: str) -> None:
    missing = Translator(language).missing(sorted(_messages()))
    assert missing == []


def test_every_word_of_the_catalog_is_said_somewhere() -> None:
    """A word the theme no longer says ("Dependencies", "Served by", "Illustrative") stayed in the catalog, for
    translators to keep up. Every entry of messages.yml is a text of a template or a string of the code (Python's
    adjacent literals joined, as a long message is written)."""
    said = "\n".join(path.read_text(encoding="utf-8") for pattern in ("*.html", "*.svg", "*.js", "*.xml")
                     for path in theme_dir().rglob(pattern))
    strings = {node.value for path in (REPO / "masterplan").rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Constant)
               and isinstance(node.value, str)}
    catalog = yaml.safe_load((theme_dir() / "i18n" / "messages.yml").read_text(encoding="utf-8"))
    unused = [word for word in catalog if word not in strings and word not in said]
    assert unused == []


def test_catalog_words_in_both_languages() -> None:
    indonesian, english = Translator("id"), Translator("en")
    assert indonesian("Budget by funding source") == "Anggaran per Sumber Pendanaan"
    assert english("Budget by funding source") == "Budget by funding source"
    assert english("struktur") == "Structure"


def test_a_plan_theme_can_override_a_word(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "messages.yml").write_text('"Budget": {id: "Pagu"}\n', encoding="utf-8")
    assert Translator("id", load_catalog((tmp_path,)))("Budget") == "Pagu"
    assert Translator("id")("Budget") == "Anggaran"


def test_the_catalog_read_once_is_kept_and_an_edited_one_read_again(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Each catalog file's words are kept in the user's cache for the next command, which does not parse the YAML;
    a file edited since (a plan's own words) is read again, and its new word is the one said."""
    from masterplan import i18n

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    theme = tmp_path / "theme"
    (theme / "i18n").mkdir(parents=True)
    words = theme / "i18n" / "messages.yml"
    words.write_text('"Budget": {id: "Pagu"}\n', encoding="utf-8")
    i18n._catalog.cache_clear()
    try:
        assert Translator("id", load_catalog((theme,)))("Budget") == "Pagu"
        assert len(list(tmp_path.glob("cache/masterplan/code-*/catalog-*.marshal"))) == 4  # the theme's three, the plan's
        i18n._catalog.cache_clear()  # the next command
        with monkeypatch.context() as patched:
            patched.setattr(yaml, "load", lambda *args, **kwargs: pytest.fail("read again"))
            assert Translator("id", load_catalog((theme,)))("Budget") == "Pagu"
            assert Translator("id")("Table of contents") == "Daftar Isi"
        words.write_text('"Budget": {id: "Pagu indikatif"}\n', encoding="utf-8")
        i18n._catalog.cache_clear()
        assert Translator("id", load_catalog((theme,)))("Budget") == "Pagu indikatif"
    finally:
        i18n._catalog.cache_clear()  # later tests read the machine's own cache again


def test_an_english_plan_gets_an_english_site(make_plan) -> None:
    from conftest import MINI_FILES

    from masterplan.build import BuildOptions, run

    plan_yml = MINI_FILES["content/plan.yml"].replace("status: draft", "status: draft\n        language: en")
    root = make_plan({"content/plan.yml": plan_yml})
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report.errors]
    home = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in home
    assert "Programs" in home and "Perangkat daerah" not in home


def test_an_english_edition_of_texts_in_indonesian_is_told_to_say_so(make_plan) -> None:
    """``language: en`` alone took the mini plan's Indonesian texts for English: the site marked "Kota cerdas yang
    melayani." lang="en", and nothing warned. W127 asks for written_in: id, at the line of ``language``; a plan saying
    so, or one whose texts are English, is not told."""
    from conftest import MINI_FILES

    from masterplan.project import load_and_check

    english = MINI_FILES["content/plan.yml"].replace("status: draft", "status: draft\n        language: en")
    told = [d for d in load_and_check(make_plan({"content/plan.yml": english})).report if d.code == "W127"]
    assert [(d.position.file, d.position.line) for d in told] == [("content/plan.yml", 7)], [str(d) for d in told]
    assert "add written_in: id to plan.yml" in str(told[0])
    said = english.replace("language: en", "language: en\n        written_in: id")
    assert not [d for d in load_and_check(make_plan({"content/plan.yml": said})).report if d.code == "W127"]
    translated = english.replace("vision: Kota cerdas yang melayani.", "vision: A smart city that serves its people.")
    for indonesian in ("Tata kelola yang baik", "Ekonomi yang tumbuh"):
        translated = translated.replace(indonesian, "Good governance for the city and the people")
    written = make_plan({"content/plan.yml": translated, "content/pillars/governance.yml": MINI_FILES[
        "content/pillars/governance.yml"].replace("Pemerintahan yang melayani.", "A government that serves.")})
    assert not [d for d in load_and_check(written).report if d.code == "W127"]


def test_shares_have_one_decimal_and_no_space_before_the_percent_sign() -> None:
    """Tabel 14.3 printed "1%" beside "12,5%", and the site "12,5 %" beside the book's "12,5%"."""
    from masterplan.formatting import Formats

    indonesian = Formats("id", Translator("id", load_catalog()))
    assert indonesian.percent(1, 100) == "1,0%"
    assert indonesian.percent(1, 8) == "12,5%"
    assert indonesian.percent(5, 0) == "–"
    assert Formats("en", Translator("en", load_catalog())).percent(1, 8) == "12.5%"


def test_numbers_of_any_size_are_written_with_every_digit() -> None:
    """A total of 10^28 rupiah (Babel rounds in 28 digits) ended the build in decimal.InvalidOperation."""
    from masterplan.formatting import Formats

    indonesian = Formats("id", Translator("id", load_catalog()))
    assert indonesian.rupiah(10**28) == "Rp 10" + ".000" * 9
    assert indonesian.measure(10**27, 2) == "1" + ".000" * 9 + ",00"
    assert indonesian.number(1.0e300).startswith("1.000.000.000")
    assert indonesian.percent(10**30, 3 * 10**30) == "33,3%"


def test_a_rounded_amount_is_written_one_way_wherever_it_stands() -> None:
    """A chart's bars read "Rp 23,00 miliar" and "Rp 42,30 miliar" above a table reading "Rp 23 miliar" and "Rp 42,3
    miliar"; the home page's cards "Rp 38,82 miliar" beside "Rp 23 miliar". In miliar (and triliun) two decimals,
    always; in juta a whole number as it is, any other with two."""
    from masterplan.formatting import Formats

    short = Formats("id", Translator("id", load_catalog())).rupiah_short
    amounts = [38_820_000_000, 42_300_000_000, 23_000_000_000, 450_000_000, 1_500_000, 2_000_000, 0]
    assert [short(amount) for amount in amounts] == ["Rp 38,82 miliar", "Rp 42,30 miliar", "Rp 23,00 miliar",
                                                     "Rp 450 juta", "Rp 1,50 juta", "Rp 2 juta", "Rp 0"]
    assert [short(1_234_500_000_000), short(-100_000_000)] == ["Rp 1,23 triliun", "−Rp 100 juta"]
    assert Formats("en", Translator("en", load_catalog())).rupiah_short(23_000_000_000) == "Rp 23.00 billion"


def test_a_rounded_amount_rounds_a_half_up_and_takes_the_scale_it_rounds_to() -> None:
    """Rp 2.125.000.000 read "Rp 2,12 miliar" (to the even digit, and 1,375 went up to 1,38); Rp 999.999.999 read
    "Rp 1.000 juta"."""
    from masterplan.formatting import Formats

    indonesian = Formats("id", Translator("id", load_catalog()))
    short = indonesian.rupiah_short
    assert [short(2_125_000_000), short(6_625_000_000), short(1_375_000_000)] == \
        ["Rp 2,13 miliar", "Rp 6,63 miliar", "Rp 1,38 miliar"]
    assert [short(999_999_999), short(994_000_000), short(999_999_999_999)] == \
        ["Rp 1,00 miliar", "Rp 994 juta", "Rp 1,00 triliun"]
    assert short(-2_125_000_000) == "−Rp 2,13 miliar"
    assert [indonesian.measure(2.25, 1), indonesian.number(2.675)] == ["2,3", "2,68"]  # as a spreadsheet shows them



def test_an_amount_in_billions_has_two_decimals_rounded_half_up() -> None:
    """Tabel 14.5 on the site writes its amounts in the caption's unit, billions of rupiah, every one to two places."""
    from masterplan.formatting import Formats

    billions = Formats("id", Translator("id", load_catalog())).billions
    # an amount under Rp 5 juta is less than the grid's least figure, not none: "0,00" stood beside an empty cell's dash
    assert [billions(47_450_000_000), billions(350_000_000), billions(2_125_000_000), billions(4_999_999),
            billions(5_000_000)] == ["47,45", "0,35", "2,13", "<0,01", "0,01"]
    assert Formats("en", Translator("en", load_catalog())).billions(1_234_500_000_000) == "1,234.50"

def test_each_share_is_its_amount_divided_by_the_whole_rounded_half_up() -> None:
    """Tabel 14.2's DAK, 10,75 % of the plan, was printed 10,7 % so that the column added up to 100,0 %, where a
    reader's calculator and the workbook's cell show 10,8 %: each share is now its own quotient, exactly divided and
    a half rounded up, and the note under the column says they may add up to 100,1 %."""
    from masterplan.formatting import Formats

    indonesian = Formats("id", Translator("id", load_catalog()))
    amounts = [170_410, 29_750, 26_500, 22_500, 11_850, 6_800, 6_250, 2_600]
    shares = indonesian.shares(amounts, sum(amounts))
    assert shares == ["61,6%", "10,8%", "9,6%", "8,1%", "4,3%", "2,5%", "2,3%", "0,9%"]  # 10,753…: 10,8
    assert round(sum(float(s[:-1].replace(",", ".")) for s in shares), 1) == 100.1  # as the note allows
    assert indonesian.shares([1075, 8925], 10_000) == ["10,8%", "89,3%"]  # halves up, as a spreadsheet rounds
    assert indonesian.shares([1, 1, 1], 3) == ["33,3%", "33,3%", "33,3%"]
    assert indonesian.shares([], 0) == []


def test_a_file_size_reads_as_people_write_it() -> None:
    """999,600 bytes said "1.000 kB"; a template asking the size of no PDF was a traceback."""
    from masterplan.formatting import Formats

    indonesian = Formats("id", Translator("id", load_catalog()))
    sizes = [indonesian.file_size(size) for size in (0, 449_600, 999_600, 2_345_678, None)]
    assert [" ".join(size.split()) for size in sizes] == ["1 kB", "450 kB", "1 MB", "2,3 MB", "–"]


def test_an_indicators_values_print_with_one_number_of_decimals() -> None:
    """"2023: 2; 2024: 2,3" read as if 2 were less exact than 2,3: every value of an indicator now has as
    many decimals as the most exact of them ("2,0"), up to three (a Gini ratio, 0,385)."""
    from masterplan.diagnostics import Position
    from masterplan.formatting import Formats
    from masterplan.programs import Indicator
    from masterplan.values import Text

    def indicator(baseline: object, *targets: object) -> Indicator:
        return Indicator(Text.of("x", "id"), Text.of("%", "id"), 2021, baseline,  # type: ignore[arg-type]
                         {2022 + i: t for i, t in enumerate(targets)}, Position("f", 1, 1))

    assert indicator(2, 2.3, 3).decimals == 1 and indicator(2.25, 3).decimals == 2 and indicator(10, 20).decimals == 0
    assert indicator(1.0, 0.333333).decimals == 3 and indicator("ada", 2.5).decimals == 1
    assert indicator(0.390, 0.385).decimals == 3 and indicator(0.39, 0.3851).decimals == 3
    assert indicator(-1.5, 1e-05, 1234.5678).decimals == 3 and indicator(float("nan"), float("inf"), 4).decimals == 0
    formats = Formats("id", Translator("id", load_catalog()))
    assert [formats.measure(v, 1) for v in (2, 2.3, -1.5, 1250, "ada", None)] == ["2,0", "2,3", "-1,5", "1.250,0", "ada", "–"]
    assert formats.measure(3, 0) == "3"


def test_a_number_reads_the_same_whatever_was_written_before_it() -> None:
    """Numbers are remembered once written (Babel is slow); 0.0 and -0.0 are equal in Python but
    not on paper, and 2 and 2.0 may not be written alike either."""
    from masterplan.formatting import Formats

    values = (0.0, -0.0, 2, 2.0, 0.5)
    forward, backward = Formats("id", str), Formats("id", str)
    written = {repr(v): forward.number(v) for v in values}
    assert {repr(v): backward.number(v) for v in reversed(values)} == written
    assert {repr(v): Formats("id", str).number(v) for v in values} == written  # each alone
    assert written["0.5"] == "0,5" and forward.measure(2, 1) == "2,0" == forward.measure(2.0, 1)
