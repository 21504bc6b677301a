"""`masterplan schema` publishes the content format; the sample satisfies it as an editor would see it."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner
from conftest import REPO

from masterplan.cli import cli
from masterplan.schema import schema_for


def _as_json(value):
    """YAML as an editor's language server sees it: JSON types, keys as strings."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_schema_command_prints_valid_json_schemas() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schemas = json.loads(result.output)
    assert set(schemas) == {"plan", "pillar", "agency", "glossary", "chapter"}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    program = schemas["agency"]["$defs"]["program"]
    assert program["additionalProperties"] is False
    assert "description" in program["properties"]["quick_win"]


def test_sample_files_satisfy_the_published_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    kinds = {"plan.yml": "plan", "glossary.yml": "glossary", "pillars": "pillar", "agencies": "agency"}
    checked = 0
    for name, kind in kinds.items():
        schema = json.loads((tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8"))
        path = REPO / "content" / name
        for file in sorted(path.glob("*.yml")) if path.is_dir() else [path]:
            data = _as_json(yaml.safe_load(file.read_text(encoding="utf-8")))
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
            assert not errors, f"{file}: {errors[0].message}"
            checked += 1
    assert checked >= 28


def test_the_chapter_schema_covers_the_analysiss_and_the_summarys_front_matter(tmp_path: Path) -> None:
    """``schema --kind chapter`` is the front matter of every Markdown file of the plan: it says so, and the sample's
    chapters, the strategic analysis's and the executive summary's satisfy it; a misspelled field in the analysis's
    front matter is refused as in a chapter's."""
    schema = json.loads(CliRunner().invoke(cli, ["schema", "--kind", "chapter"]).output)
    assert "content/analysis/NN-<slug>.md" in schema["description"]
    assert "content/executive-summary.md" in schema["description"]
    content = REPO / "content"
    files = [*sorted((content / "chapters").glob("*.md")), *sorted((content / "analysis").glob("*.md")),
             content / "executive-summary.md"]
    validator = jsonschema.Draft202012Validator(schema)
    for file in files:
        front = _as_json(yaml.safe_load(file.read_text(encoding="utf-8").split("---\n")[1]))
        errors = list(validator.iter_errors(front))
        assert not errors, f"{file}: {errors[0].message}"
    assert len([file for file in files if file.parent.name == "analysis"]) >= 6
    assert list(validator.iter_errors({"title": "Profil Kota", "generated": ["readiness"], "oder": 2}))


def test_schema_rejects_a_misspelled_field_like_an_editor_would() -> None:
    schema = json.loads(CliRunner().invoke(cli, ["schema", "--kind", "agency"]).output)
    bad = {"id": "x", "name": "X", "short_name": "X", "kind": "dinas", "programz": []}
    messages = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(bad)]
    assert any("programz" in m for m in messages)


def test_schema_out_writes_the_kind_asked_for(tmp_path: Path) -> None:
    """``--kind agency --out`` wrote all five files."""
    result = CliRunner().invoke(cli, ["schema", "--kind", "agency", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.schema.json"]
    assert json.loads((tmp_path / "agency.schema.json").read_text(encoding="utf-8"))["properties"]["programs"]


def test_an_agencys_contact_fields_are_one_list() -> None:
    """The schema, the open data's columns and validate's words name the same contact fields."""
    from masterplan.plan_parts import CONTACT_FIELDS
    from masterplan.render.data_tables import COLUMNS
    from masterplan.schema import schema_for
    from masterplan.schema_hints import CONTACT_WORDS

    assert tuple(schema_for("agency")["properties"]["contact"]["properties"]) == CONTACT_FIELDS
    assert tuple(column for column, _ in COLUMNS["agencies.csv"][-4:]) == CONTACT_FIELDS
    assert set(CONTACT_WORDS) == set(CONTACT_FIELDS)


def test_the_two_sided_books_margins_are_described_as_the_theme_sets_them() -> None:
    """An editor's tooltip said a two-sided book's inner and outer margins were equal: the theme's CSS gives the
    binding 25 mm and the outer edge 20 mm, and the tooltip says so."""
    described = schema_for("plan")["properties"]["print"]["properties"]["two_sided"]["description"]
    css = (REPO / "templates" / "print" / "two-sided.css").read_text(encoding="utf-8")
    outer, inner = re.search(r"margin-left: (\d+)mm; margin-right: (\d+)mm;", css).groups()  # a left-hand page
    assert f"({inner} mm, the outer {outer} mm)" in described and "equal" not in described
