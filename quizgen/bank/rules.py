"""Per-fact validation rules: each turns one raw YAML fact into typed values or messages."""

from __future__ import annotations

import datetime as dt
import re

from quizgen import cloze as cloze_syntax
from quizgen.bank.provenance import quote_problem, supports
from quizgen.bank.schema import FIELD_NAMES, FIELDS, REQUIRED
from quizgen.bank.seeds import Seed
from quizgen.bank.yamlfile import LineDict, LineList
from quizgen.model import KINDS, STANCES, Citation, When
from quizgen.text import parse_date_answer, parse_iso, unsafe_character

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_TEXT = 2000
# a number answer's one numeral: digits, grouped by thousands if at all, an optional decimal part;
# '1e5', '1,5', '80bn' or '10-15' would get distractors like '2e5' from the scale
NUMERAL_WORD = re.compile(r"\w+(?:[.,]\w+)*")
PLAIN_NUMERAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


class Problems:
    """Collects `file:line: fact 'id': message` lines for one fact."""

    def __init__(self, shown: str, raw: LineDict, label: str):
        self.shown, self.raw, self.label = shown, raw, label
        self.lines: list[str] = []

    def add(self, key: str | None, message: str) -> None:
        self.add_at(self.raw.lines.get(key, self.raw.line) if key else self.raw.line, message)

    def add_at(self, line: int, message: str) -> None:
        self.lines.append(f"{self.shown}:{line}: fact '{self.label}': {message}")


def parse_when(value) -> When | None:
    """A When from YAML's int, date or string forms; None when it is not a real date."""
    if isinstance(value, dt.date):
        return When(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    parsed = parse_iso(str(value).strip())
    if parsed is None:
        return None
    year, month, day = parsed
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
        if raw.get(key) is None or (isinstance(raw.get(key), str) and not raw[key].strip()):
            problems.add(key if key in raw else None, f"missing required field '{key}'")
    for spec in FIELDS:
        value = raw.get(spec.name)
        if value is None or value == "":
            continue
        if spec.kind == "answer" and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if spec.kind == "citations":
            continue  # checked against the seeds in _check_citations
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


def _one_plain_numeral(answer: str) -> bool:
    numerals = [word for word in NUMERAL_WORD.findall(answer) if any(ch.isdigit() for ch in word)]
    return len(numerals) == 1 and PLAIN_NUMERAL.fullmatch(numerals[0]) is not None


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


def check_fact(problems: Problems, raw: LineDict, seed: Seed | None,
               seeds: dict[str, Seed] | None = None) -> dict:
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
    if "category" in values and not SLUG.fullmatch(values["category"]):
        problems.add("category", f"field 'category' must be a lowercase slug (a-z, 0-9, '-'), "
                                 f"got '{values['category']}'")
    why = quote_problem(seed, values["quote"]) if seed is not None and values.get("quote") else None
    if why:
        problems.add("quote", f"field 'quote' {why}")
    values["also"] = _check_citations(problems, raw.get("sources"), seed, seeds or {})
    values.pop("sources", None)
    if values.get("quote") and "a" in values and not why:  # a bad quote is one problem, not two
        _check_support(problems, values)
    return values


def _check_citations(problems: Problems, raw, seed: Seed | None, seeds: dict[str, Seed]) -> tuple:
    """The `sources:` list: further articles, each a known seed with a good verbatim quote."""
    if raw is None:
        return ()
    if not isinstance(raw, LineList) or not raw:
        problems.add("sources", "field 'sources' must be a list of {source: seed id, quote: passage}")
        return ()
    citations, seen = [], {seed.source.id} if seed else set()
    for index, item in enumerate(raw):
        if not isinstance(item, LineDict) or set(item) != {"source", "quote"}:
            problems.add_at(raw.lines[index], "each entry of 'sources' needs exactly 'source' and 'quote'")
            continue
        where = Problems(problems.shown, item, problems.label)
        where.lines = problems.lines  # same list: messages keep file order
        other = seeds.get(str(item["source"]))
        if other is None:
            where.add("source", f"field 'sources': unknown seed '{item['source']}' "
                                f"(known: {', '.join(sorted(seeds))})")
        elif other.source.id in seen:
            where.add("source", f"field 'sources': seed '{other.source.id}' is cited twice")
        elif not isinstance(item["quote"], str):
            where.add("quote", "field 'sources': 'quote' must be text")
        else:
            seen.add(other.source.id)
            why = quote_problem(other, item["quote"])
            if why:
                where.add("quote", f"field 'sources': quote {why}")
            else:
                citations.append(Citation(other.source, item["quote"].strip()))
    return tuple(citations)


def _check_support(problems: Problems, values: dict) -> None:
    """The quotes state the answer (or an alt, or the article's misspelled form), or say why not."""
    quotes = [values["quote"]] + [c.quote for c in values["also"]]
    written = values.get("as_written")
    if written is not None:
        if not supports(written, quotes):
            problems.add("as_written", f"field 'as_written': '{written}' does not appear in the quote")
        if "note" not in values:
            problems.add("as_written", "field 'as_written' needs a 'note' giving the correct form")
    forms = [values["a"], *values.get("alt", ()), *([written] if written else [])]
    stated = any(supports(form, quotes) for form in forms)
    if not stated and "derived" not in values:
        problems.add("quote", f"the quote does not state the answer '{values['a']}' (nor an alt): "
                              f"quote the words that do, or explain in 'derived' how it follows")


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
    date = parse_date_answer(answer) if answer is not None and kind == "date" else None
    if date and not real_date(*date):
        problems.add("a", f"kind 'date' needs a real date like \"24 February 2022\"; got '{answer}'")
    if answer is not None and kind == "number" and not re.search(r"\d", answer):
        problems.add("a", f"kind 'number' needs an answer with a numeral; got '{answer}'")
    elif answer is not None and kind == "number" and not _one_plain_numeral(answer):
        problems.add("a", f"kind 'number' needs one plain numeral (digits, grouped like 1,500 if at all; "
                          f"words for the rest, like '14 million'); got '{answer}'")
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
