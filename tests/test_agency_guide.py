"""The agencies' staff's guide (PANDUAN-OPD.md) that ``masterplan new`` writes beside content/: in Indonesian, its
example file valid as an agency's file is, its commands the tool's own, and never written over."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner

from masterplan.cli import cli
from masterplan.schema import schema_for

AGENCY_GUIDE = "PANDUAN-OPD.md"


def test_new_writes_the_guide_for_the_agencies_staff_and_keeps_one_edited(tmp_path: Path) -> None:
    """An agency's staff member, not a programmer, had the README in English (1,364 lines) and agency files with no
    word of guidance: what to write where, and how to check it."""
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "kota")])
    assert result.exit_code == 0, result.output
    guide = (tmp_path / "kota" / AGENCY_GUIDE).read_text(encoding="utf-8")
    assert guide.startswith("# Panduan Pengisian Berkas Perangkat Daerah")
    assert "amount: 1500000000" in guide and "masterplan validate --by-agency" in guide
    (tmp_path / "kota" / AGENCY_GUIDE).write_text("# Panduan Kabupaten Kami\n", encoding="utf-8")
    again = CliRunner().invoke(cli, ["new", str(tmp_path / "kota"), "--force"])
    assert again.exit_code == 0, again.output
    assert (tmp_path / "kota" / AGENCY_GUIDE).read_text(encoding="utf-8") == "# Panduan Kabupaten Kami\n"


def test_the_guides_example_and_commands_are_the_tools_own(tmp_path: Path) -> None:
    """A guide whose example the schema refuses, or whose command the tool does not have, would teach the mistake."""
    assert CliRunner().invoke(cli, ["new", str(tmp_path / "kota")]).exit_code == 0
    guide = (tmp_path / "kota" / AGENCY_GUIDE).read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", guide, re.DOTALL)
    assert example is not None
    jsonschema.validate(yaml.safe_load(example.group(1)), schema_for("agency"))
    commands = re.findall(r"^masterplan (\S+)((?: --?[\w-]+)*)", guide, re.MULTILINE)
    assert {name for name, _ in commands} == {"validate", "rename"}
    for name, options in commands:
        known = {option for parameter in cli.commands[name].params for option in parameter.opts}
        assert set(options.split()) <= known, (name, options)
    assert "masterplan serve" in guide and "http://127.0.0.1:8000" in guide


def test_the_guides_example_is_in_the_period_new_was_given(tmp_path: Path) -> None:
    """A regency's 2024–2033 plan got the guide with the sample's example, a program of 2023–2026: its staff who
    copied it got E301 and E302. The example's years move with the plan's, as the copy's do."""
    assert CliRunner().invoke(cli, ["new", str(tmp_path / "kab")]).exit_code == 0  # then made the regency's, as
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "kab"), "--force", "--city",  # new says
                                      "Kabupaten Lumajang", "--period", "2024-2033"])
    assert result.exit_code == 0, result.output
    guide = (tmp_path / "kab" / AGENCY_GUIDE).read_text(encoding="utf-8")
    example = yaml.safe_load(re.search(r"```yaml\n(.*?)```", guide, re.DOTALL).group(1))
    jsonschema.validate(example, schema_for("agency"))
    program = example["programs"][0]
    assert program["period"] == {"start": 2025, "end": 2028}
    years = [line["year"] for line in program["budget"]] + list(program["indicators"][0]["targets"])
    assert years and all(2024 <= year <= 2033 for year in years), years
    assert program["indicators"][0]["baseline"]["year"] == 2023  # the year before the plan's, as the sample's
