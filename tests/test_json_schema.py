"""The JSON Schemas editors use: made from the bank's declared schema, they accept every valid file
and refuse what `check` refuses for a field's name, type or form."""

import json
import re

import pytest
import yaml
from conftest import FIXTURES, ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from quizgen.authoring.jsonschema import fact_file_schema, rendered, sources_schema
from quizgen.bank.rules import Problems, check_fact
from quizgen.bank.schema import FIELDS, SEED_FIELDS
from quizgen.bank.seeds import load_seeds
from quizgen.bank.yamlfile import read_yaml

SEEDS = load_seeds(ROOT / "seeds", "seeds")

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


class Yaml12Loader(yaml.SafeLoader):
    """An editor's typing of plain scalars: the YAML 1.2 core schema (spec 1.2.2, 10.3.2), written
    from the spec: null, booleans, integers (decimal, 0o, 0x), floats; everything else a string."""


Yaml12Loader.yaml_implicit_resolvers = {}
CORE = {
    "null": r"null|Null|NULL|~",
    "bool": r"true|True|TRUE|false|False|FALSE",
    "int": r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+",
    "float": r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN",
}
for _name, _regexp in CORE.items():
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(f"^(?:{_regexp})$"), None)


def _core_int(loader, node):
    text = node.value
    return int(text[2:], 8) if text.startswith("0o") else int(text[2:], 16) if text.startswith("0x") else int(text)


def _core_float(loader, node):
    text = node.value.lower().lstrip("+")
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _core_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _core_float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: node.value.lower() == "true")

# one bundled fact, a field of which each example replaces with a plain (unquoted) scalar
BASE = """source: "003"
facts:
  - id: fo2011-nrc-created
    q: In which month and year was the NATO-Russia Council (NRC) created?
    a: May 2002
    kind: date
    quote: "In May of 2002 this was the main factor leading to the creation of the NRC in its present form"
    stance: fact
"""
PLAIN_SCALARS = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(
        ["true", "False", "yes", "no", "null", "~", "0x1F", "0o17", ".inf", ".NaN", "1e3", "5500", "007", "12:30"]
        + ["TODO", "TODO the question", "a TODO here", "TODOS", "Vladimir Putin", "in 2002", "2002-05-28"]
    ),
    st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9.?]", fullmatch=True),
)


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(["q", "note", "alt", "distractors", "cloze", "role"]), value=PLAIN_SCALARS)
def test_the_schema_and_check_agree_on_every_plain_value_an_editor_types(tmp_path_factory, field, value):
    """The same file, read as `check` reads it and as an editor types it (YAML 1.2 core): the
    schema refuses a value exactly when `check` does (W3: a plain 5500 is fine to both)."""
    assume(not (field == "role" or (field == "cloze" and "{{" not in value)))  # rules of other fields
    line = f"    {field}:\n      - {value}\n" if field in ("alt", "distractors") else f"    {field}: {value}\n"
    path = tmp_path_factory.mktemp("facts") / "facts.yaml"
    kept = [old for old in BASE.splitlines(keepends=True) if not old.startswith(f"    {field}:")]
    path.write_text("".join(kept) + line, encoding="utf-8")
    raw = read_yaml(path, "facts.yaml")["facts"][0]
    found = Problems("facts.yaml", raw, "fo2011-nrc-created")
    check_fact(found, raw, SEEDS["003"], SEEDS)
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    schema_errors = list(Draft202012Validator(fact_file_schema()).iter_errors(document))
    assert (found.lines == []) == (schema_errors == []), (value, found.lines, [e.message for e in schema_errors])
