"""The JSON Schemas editors use: made from the bank's declared schema, they accept every valid file
and refuse what `check` refuses for a field's name, type or form."""

import json

import pytest
from conftest import FIXTURES, ROOT
from jsonschema import Draft202012Validator

from quizgen.authoring.jsonschema import fact_file_schema, rendered, sources_schema
from quizgen.bank.schema import FIELDS, SEED_FIELDS
from quizgen.bank.yamlfile import read_yaml

SCHEMAS = ROOT / "quizgen" / "schemas"


def plain(value):
    """The project's YAML reader gives line-keeping mappings and lists: plain ones for jsonschema."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def errors(schema: dict, path) -> list[str]:
    document = plain(read_yaml(path, str(path)))
    return [e.message for e in Draft202012Validator(schema).iter_errors(document)]


def test_the_shipped_schemas_are_the_generated_ones():
    assert (SCHEMAS / "facts.schema.json").read_text() == rendered(fact_file_schema())
    assert (SCHEMAS / "sources.schema.json").read_text() == rendered(sources_schema())
    Draft202012Validator.check_schema(fact_file_schema())
    Draft202012Validator.check_schema(sources_schema())


def test_every_declared_field_is_in_the_schemas():
    fact = fact_file_schema()["properties"]["facts"]["items"]
    assert set(fact["properties"]) == {spec.name for spec in FIELDS}
    assert set(fact["required"]) == {spec.name for spec in FIELDS if spec.required}
    entry = sources_schema()["additionalProperties"]
    assert set(entry["properties"]) == {spec.name for spec in SEED_FIELDS}


@pytest.mark.parametrize("path", sorted((ROOT / "decks").glob("*/[0-9]*.yaml")), ids=lambda p: p.name)
def test_every_bundled_fact_file_is_valid(path):
    assert errors(fact_file_schema(), path) == []


def test_the_bundled_seed_metadata_is_valid():
    assert errors(sources_schema(), ROOT / "seeds" / "sources.yaml") == []


@pytest.mark.parametrize(
    "case",
    [
        "unknown-field",
        "kind-not-in-set",
        "id-not-a-slug",
        "missing-field",
        "stance-not-in-set",
        "category-not-a-slug",
        "wrong-type",
    ],
)
def test_what_check_refuses_for_a_fields_form_the_schema_refuses_too(case):
    [path] = (FIXTURES / case / "decks" / "sample").glob("*.yaml")
    assert errors(fact_file_schema(), path), case


def test_the_valid_fixture_bank_is_valid():
    for path in (FIXTURES / "valid-bank" / "decks" / "sample").glob("*.yaml"):
        assert errors(fact_file_schema(), path) == [], path
    assert json.loads((SCHEMAS / "facts.schema.json").read_text())["title"].startswith("quizgen fact file")


def test_every_bundled_file_points_editors_at_its_schema():
    for path in sorted((ROOT / "decks").glob("*/[0-9]*.yaml")):
        assert path.read_text().startswith("# yaml-language-server: $schema=../../quizgen/schemas/facts.schema.json\n")
        assert (path.parent / "../../quizgen/schemas/facts.schema.json").resolve().is_file()
    assert (
        (ROOT / "seeds" / "sources.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=../quizgen/schemas/sources.schema.json\n")
    )
