"""Per-fact validation rules: each turns one raw YAML fact into typed values or messages."""

from __future__ import annotations

import datetime as dt
import re

from quizgen import cloze as cloze_syntax
from quizgen.model import KINDS, MONTHS, STANCES, When
from quizgen.schema import FIELD_NAMES, FIELDS, REQUIRED
from quizgen.seeds import Seed
from quizgen.terminal import unsafe_character
from quizgen.yamlfile import LineDict

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WHEN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only, not ٢٠٠٢
DATE_ANSWER = re.compile(r"(?:([0-9]{1,2}) )?(" + "|".join(MONTHS) + r") ([0-9]{4})")
MAX_TEXT = 2000


class Problems:
    """Collects `file:line: fact 'id': message` lines for one fact."""

    def __init__(self, shown: str, raw: LineDict, label: str):
        self.shown, self.raw, self.label, self.lines = shown, raw, label, []

    def add(self, key: str | None, message: str) -> None:
        line = self.raw.lines.get(key, self.raw.line) if key else self.raw.line
        self.lines.append(f"{self.shown}:{line}: fact '{self.label}': {message}")


def parse_when(value) -> When | None:
    """A When from YAML's int, date or string forms; None when it is not a real date."""
    if isinstance(value, dt.date):
        return When(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    match = WHEN.fullmatch(str(value).strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    return When(year, month, day) if real_date(year, month, day) else None


def real_date(year: int, month: int | None, day: int | None) -> bool:
    """A calendar date (month or day 00 is not one), in years questions can count around."""
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return 1000 <= year <= 2999


def _typed(problems: Problems, raw: LineDict) -> dict:
    """Values of the declared fields with their types checked; unknown keys reported."""
    values = {}
    for key in raw:
        if key not in FIELD_NAMES:
            problems.add(key, f"unknown field '{key}' (allowed: {', '.join(FIELD_NAMES)})")
    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            problems.add(key if key in raw else None, f"missing required field '{key}'")
    for spec in FIELDS:
        value = raw.get(spec.name)
        if value is None or value == "":
            continue
        if spec.kind == "answer" and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if spec.kind == "list":
            if isinstance(value, str) or not isinstance(value, list) or not all(
                    isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip()
                    for item in value):
                problems.add(spec.name, f"field '{spec.name}' must be a list of non-empty strings")
                continue
            value = tuple(str(item).strip() for item in value)
            if any(unsafe_character(item) for item in value):
                problems.add(spec.name, f"field '{spec.name}' contains "
                                        f"{next(filter(None, map(unsafe_character, value)))}")
                continue
        elif spec.kind in ("text", "answer"):
            if not isinstance(value, str):
                problems.add(spec.name, f"field '{spec.name}' must be a string, not {_type_name(value)}")
                continue
            if len(value) > MAX_TEXT:
                problems.add(spec.name, f"field '{spec.name}' is too long ({len(value)} characters, "
                                        f"at most {MAX_TEXT})")
                continue
            if unsafe_character(value):
                problems.add(spec.name, f"field '{spec.name}' contains {unsafe_character(value)}")
                continue
            value = value.strip()
        values[spec.name] = value
    return values


def _type_name(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def check_fact(problems: Problems, raw: LineDict, seed: Seed | None) -> dict:
    """Typed values of one fact; every broken rule is added to `problems`."""
    values = _typed(problems, raw)
    fact_id = values.get("id")
    if fact_id is not None and not SLUG.fullmatch(fact_id):
        problems.add("id", f"field 'id' must be a lowercase slug (a-z, 0-9, '-'), got '{fact_id}'")
    if "kind" in values and values["kind"] not in KINDS:
        problems.add("kind", f"field 'kind' must be one of {', '.join(KINDS)}; got '{values['kind']}'")
    if "stance" in values and values["stance"] not in STANCES:
        problems.add("stance",
                     f"field 'stance' must be one of {', '.join(STANCES)}; got '{values['stance']}'")
    if "cloze" in values:
        why = cloze_syntax.find_problem(values["cloze"])
        if why:
            problems.add("cloze", f"field 'cloze': {why}")
    if "when" in raw and raw["when"] is not None:
        values["when"] = parse_when(raw["when"])
        if values["when"] is None:
            problems.add("when", f"field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; "
                                 f"got '{raw['when']}'")
    _check_dependent_fields(problems, values)
    if seed is not None and "quote" in values and not seed.contains(values["quote"]):
        problems.add("quote", f"field 'quote' is not found verbatim in seed {seed.source.id} "
                              f"({seed.source.file})")
    return values


def _check_dependent_fields(problems: Problems, values: dict) -> None:
    kind, answer = values.get("kind"), values.get("a")
    if values.get("when") is not None and "event" not in values:
        problems.add("when", "field 'event' is required when 'when' is set (a date-free label)")
    if "event" in values and "when" not in values:
        problems.add("event", "field 'event' needs a 'when'")
    if values.get("when") and "event" in values and str(values["when"].year) in values["event"]:
        problems.add("event", "field 'event' must not give away the year")
    if kind == "person" and "role" not in values:
        problems.add(None, "missing field 'role' (required for kind 'person')")
    if "role" in values and kind not in (None, "person"):
        problems.add("role", f"field 'role' only applies to kind 'person', not '{kind}'")
    if values.get("stance") == "propaganda" and "note" not in values:
        problems.add("stance", "stance 'propaganda' needs a 'note' saying why the claim is false")
    if answer is not None and kind == "year" and not (
            re.fullmatch(r"[0-9]{4}", answer) and real_date(int(answer), None, None)):
        problems.add("a", f"kind 'year' needs a four-digit answer from 1000 to 2999; got '{answer}'")
    date = DATE_ANSWER.fullmatch(answer) if answer is not None and kind == "date" else None
    if date and not real_date(int(date[3]), MONTHS.index(date[2]) + 1, date[1] and int(date[1])):
        problems.add("a", f"kind 'date' needs a real date like \"24 February 2022\"; got '{answer}'")
    if answer is not None and kind == "number" and not re.search(r"\d", answer):
        problems.add("a", f"kind 'number' needs an answer with a numeral; got '{answer}'")
    if answer is not None and "distractors" in values:
        folded = {d.casefold() for d in values["distractors"]}
        if answer.casefold() in folded or folded & {a.casefold() for a in values.get("alt", ())}:
            problems.add("distractors", "field 'distractors' must not contain the answer")
        elif len(folded) != len(values["distractors"]):
            problems.add("distractors", "field 'distractors' has the same option twice")
    for tag in values.get("tags", ()):
        if not SLUG.fullmatch(tag):
            problems.add("tags", f"tag '{tag}' must be a lowercase slug (a-z, 0-9, '-')")
            break
