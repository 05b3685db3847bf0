"""JSON Schemas of a fact file and of seeds/sources.yaml, made from the bank's own declared schema,
so editors (VS Code's YAML extension and others) complete and check fields as a curator types."""

from __future__ import annotations

import json

from quizgen.bank.schema import FIELDS, MAX_ID, MAX_TEXT, RECORD_FIELDS, SEED_FIELDS, SLUG, YEARS
from quizgen.model import KINDS, STANCES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SLUG_PATTERN = f"^{SLUG.pattern}$"
WHEN_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _text(doc: str = "", limit: int = MAX_TEXT) -> dict:
    found = {"type": "string", "minLength": 1, "maxLength": limit}
    return {**found, "description": doc} if doc else found


def _slug(doc: str = "", limit: int = MAX_ID) -> dict:
    return {**_text(doc, limit), "pattern": SLUG_PATTERN}


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
    if kind == "answer":
        return {"type": ["string", "integer"], "description": doc}
    if kind == "list":
        return {"type": "array", "items": _text(), "description": doc}
    if kind == "when":
        return {"type": ["string", "integer"], "pattern": WHEN_PATTERN, "description": doc}
    if kind == "citations":
        citation = {
            "type": "object",
            "additionalProperties": False,
            "required": ["source", "quote"],
            "properties": {"source": _slug(), "quote": _text()},
        }
        return {"type": "array", "items": citation, "description": doc}
    return _text(doc)


def _record(keys: tuple[str, ...]) -> dict:
    properties = {key: _slug() if key == "id" else _text() for key in keys}
    return {
        "type": "array",
        "items": {"type": "object", "additionalProperties": False, "required": list(keys), "properties": properties},
    }


def fact_file_schema() -> dict:
    fact = {
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in FIELDS if spec.required],
        "properties": {spec.name: _field(spec.name, spec.kind, spec.doc) for spec in FIELDS},
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
    return {"type": ["string", "null"], "maxLength": limit}


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
