"""JSON Schemas of a fact file and of seeds/sources.yaml, made from the bank's own declared schema.

Editors (VS Code's YAML extension and others) complete and check fields as a curator types."""

from __future__ import annotations

import json

from quizgen.bank.schema import FIELDS, MAX_ID, MAX_TEXT, RECORD_FIELDS, SEED_FIELDS, SLUG, YEARS
from quizgen.model import KINDS, STANCES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SLUG_PATTERN = f"^{SLUG.pattern}$"
WHEN_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
YEAR_RANGE = {"minimum": YEARS[0], "maximum": YEARS[1]}  # an integer 'when' is a year


# An editor types plain YAML scalars by YAML 1.2 (5500 a number, true a boolean); `check` reads
# every plain scalar as the text written. So a text field takes a number or boolean too, and the
# string rules (length, pattern) apply to strings only, as JSON Schema applies them.
SCALAR = ["string", "number", "boolean"]
PLACEHOLDER = {"not": {"type": "string", "pattern": r"\bTODO\b"}}  # coverage --suggest's, to write in


def _text(doc: str = "", limit: int = MAX_TEXT, placeholder_ok: bool = False) -> dict:
    found: dict = {"type": SCALAR, "minLength": 1, "maxLength": limit, "pattern": r"\S"}
    if not placeholder_ok:
        found.update(PLACEHOLDER)
    return {**found, "description": doc} if doc else found


def _slug(doc: str = "", limit: int = MAX_ID) -> dict:
    # digits alone are a slug ('003'): YAML 1.2 reads them as a whole number
    found = {"type": ["string", "integer"], "minimum": 0, "minLength": 1, "maxLength": limit, "pattern": SLUG_PATTERN}
    return {**found, "description": doc} if doc else found


def _field(name: str, kind: str, doc: str) -> dict:
    """One fact field, by the kind the bank's schema declares for it."""
    if name in ("id", "category"):
        return _slug(doc)
    if name == "kind":
        return {"enum": list(KINDS), "description": doc}
    if name == "stance":
        return {"enum": list(STANCES), "description": doc}
    if name == "tags":
        return {"type": "array", "items": _slug(), "description": doc}
    if name == "quote":  # the article's own words
        return _text(doc, placeholder_ok=True)
    if kind == "list":
        return {"type": "array", "items": _text(), "description": doc}
    if kind == "when":
        return {"type": ["string", "integer"], **YEAR_RANGE, "pattern": WHEN_PATTERN, "description": doc}
    if kind == "citations":
        citation = {
            "type": "object",
            "additionalProperties": False,
            "required": ["source", "quote"],
            "properties": {"source": _slug(), "quote": _text(placeholder_ok=True)},
        }
        return {"type": "array", "items": citation, "description": doc}
    return _text(doc)


def _nullable(spec, found: dict) -> dict:
    """An optional field may be written empty (`note:` or `note: null`): `check` reads it as absent."""
    if spec.required or "type" not in found:
        return found
    types = found["type"] if isinstance(found["type"], list) else [found["type"]]
    return {**found, "type": [*types, "null"]}


def _record(keys: tuple[str, ...]) -> dict:
    properties = {key: _slug() if key == "id" else _text(placeholder_ok=key == "passage") for key in keys}
    return {
        "type": "array",
        "items": {"type": "object", "additionalProperties": False, "required": list(keys), "properties": properties},
    }


def fact_file_schema() -> dict:
    fact = {
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in FIELDS if spec.required],
        "properties": {spec.name: _nullable(spec, _field(spec.name, spec.kind, spec.doc)) for spec in FIELDS},
    }
    return {
        "$schema": DRAFT,
        "title": "quizgen fact file (decks/<deck>/<article>.yaml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "facts"],
        "properties": {
            "source": _slug("The seed id of the article these facts come from."),
            "facts": {"type": "array", "items": fact},
            **{name: _record(keys) for name, keys in RECORD_FIELDS.items()},
        },
    }


def _meta(kind: str, limit: int) -> dict:
    # null: a field the article does not tell (`author: null`)
    if kind == "year":
        return {
            "type": ["integer", "string", "null"],
            "minimum": YEARS[0],
            "maximum": YEARS[1],
            "pattern": "^[0-9]{4}$",
        }
    if kind == "when":
        return {"type": ["string", "integer", "null"], "pattern": WHEN_PATTERN}
    return {"type": [*SCALAR, "null"], "maxLength": limit}


def sources_schema() -> dict:
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in SEED_FIELDS if spec.required],
        "properties": {spec.name: _meta(spec.kind, spec.limit) for spec in SEED_FIELDS},
    }
    return {
        "$schema": DRAFT,
        "title": "quizgen seed metadata (seeds/sources.yaml)",
        "type": "object",
        "propertyNames": {"pattern": SLUG_PATTERN, "maxLength": MAX_ID},
        "additionalProperties": entry,
    }


def rendered(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
