"""Per-fact validation rules: each turns one raw YAML fact into typed values or messages."""

from __future__ import annotations

import difflib
import re

from quizgen import cloze as cloze_syntax
from quizgen.bank.numerals import check_alt_numerals, documented_date, impossible_date, one_plain_numeral
from quizgen.bank.provenance import quote_problem, states_answer, supports
from quizgen.bank.schema import (
    FIELD_NAMES,
    FIELDS,
    REQUIRED,
    SLUG,
    id_problem,
    parse_when,
    placeholder_problem,
    real_date,
    text_problem,
)
from quizgen.bank.seeds import Seed
from quizgen.bank.yamlfile import LineDict, LineList
from quizgen.errors import clip
from quizgen.model import KINDS, STANCES, Citation
from quizgen.text import parse_date_answer


class Problems:
    """Collects `file:line: fact 'id': message` lines for one fact."""

    def __init__(self, shown: str, raw: LineDict, label: str):
        self.shown, self.raw, self.label = shown, raw, clip(label)
        self.lines: list[str] = []

    def add(self, key: str | None, message: str) -> None:
        self.add_at(self.raw.lines.get(key, self.raw.line) if key else self.raw.line, message)

    def add_at(self, line: int, message: str) -> None:
        self.lines.append(f"{self.shown}:{line}: fact '{self.label}': {message}")


def _typed(problems: Problems, raw: LineDict) -> dict:
    """Values of the declared fields with their types checked; unknown keys reported."""
    values = {}
    for key in raw:
        if key not in FIELD_NAMES:
            close = difflib.get_close_matches(str(key), FIELD_NAMES, n=1, cutoff=0.75)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.add(key, f"unknown field '{key}' (allowed: {', '.join(FIELD_NAMES)}){hint}")
    for key in REQUIRED:
        if raw.get(key) is None or (isinstance(raw.get(key), str) and not raw[key].strip()):
            problems.add(key if key in raw else None, f"missing required field '{key}'")
    for spec in FIELDS:
        value = raw.get(spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # no value (a required one is reported above)
        if spec.kind == "answer" and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if spec.kind == "citations":
            continue  # checked against the seeds in _check_citations
        if spec.kind == "list":
            if (
                isinstance(value, str)
                or not isinstance(value, list)
                or not all(
                    isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip() for item in value
                )
            ):
                problems.add(spec.name, f"field '{spec.name}' must be a list of non-empty strings")
                continue
            value = tuple(str(item) for item in value)
            why = next(filter(None, map(text_problem, value)), None)  # each item is a text value
            if why:
                problems.add(spec.name, f"field '{spec.name}' {why}")
                continue
            value = tuple(item.strip() for item in value)
            glued = getattr(raw[spec.name], "glued", ())
            if glued:  # one message per split value ('1', '000', '000' is one), all at once
                for run in _runs(glued):
                    parts = [clip(part) for part in value[run[0] - 1 : run[-1] + 1]]
                    named = ", ".join(f"'{part}'" for part in parts[:-1]) + f" and '{parts[-1]}'"
                    problems.add_at(
                        raw[spec.name].lines[run[0]],
                        f"field '{spec.name}': {named} are one value split at its comma{'s' * (len(parts) > 2)} "
                        f'by YAML: put it in quotes, "{",".join(parts)}"',
                    )
                continue
        elif spec.kind in ("text", "answer"):
            if not isinstance(value, str):
                problems.add(spec.name, f"field '{spec.name}' must be a string, not {_type_name(value)}")
                continue
            why = text_problem(value)
            if why:
                problems.add(spec.name, f"field '{spec.name}' {why}")
                continue
            value = value.strip()
        texts = [text for text in (value if isinstance(value, tuple) else (value,)) if isinstance(text, str)]
        # a quote is the article's own words; every other value is the curator's, to be finished
        why = next(filter(None, map(placeholder_problem, texts)), None) if spec.name != "quote" else None
        if why:
            problems.add(spec.name, f"field '{spec.name}' {why}")
            continue
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


def check_fact(problems: Problems, raw: LineDict, seed: Seed | None, seeds: dict[str, Seed] | None = None) -> dict:
    """Typed values of one fact; every broken rule is added to `problems`."""
    values = _typed(problems, raw)
    fact_id = values.get("id")
    if fact_id is not None and id_problem(fact_id):
        problems.add("id", f"field 'id' {id_problem(fact_id)}")
    if "kind" in values and values["kind"] not in KINDS:
        problems.add("kind", f"field 'kind' must be one of {', '.join(KINDS)}; got '{clip(values['kind'])}'")
    if "stance" in values and values["stance"] not in STANCES:
        problems.add("stance", f"field 'stance' must be one of {', '.join(STANCES)}; got '{clip(values['stance'])}'")
    if "cloze" in values:
        why = cloze_syntax.find_problem(values["cloze"])
        if why:
            problems.add("cloze", f"field 'cloze': {why}")
    if "when" in raw and raw["when"] is not None:
        values["when"] = parse_when(raw["when"])
        if values["when"] is None:
            problems.add(
                "when", f"field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; got '{clip(raw['when'])}'"
            )
    _check_dependent_fields(problems, values)
    _check_when_agrees(problems, values)
    if "category" in values and not SLUG.fullmatch(values["category"]):
        problems.add(
            "category", f"field 'category' must be a lowercase slug (a-z, 0-9, '-'), got '{clip(values['category'])}'"
        )
    why = quote_problem(seed, values["quote"]) if seed is not None and values.get("quote") else None
    if why:
        problems.add("quote", f"field 'quote' {why}")
    values["also"] = _check_citations(problems, raw.get("sources"), seed, seeds or {}, values)
    values.pop("sources", None)
    if values.get("quote") and "a" in values and not why:  # a bad quote is one problem, not two
        _check_support(problems, values)
    return values


def _check_citations(problems: Problems, raw, seed: Seed | None, seeds: dict[str, Seed], values: dict) -> tuple:
    """The `sources:` list: further articles, each a known seed with a good verbatim quote that
    states the answer on its own (a second article is cited for the fact, not for its topic)."""
    if raw is None:
        return ()
    if not isinstance(raw, LineList) or not raw:
        problems.add("sources", "field 'sources' must be a list of {source: seed id, quote: passage}")
        return ()
    citations, seen = [], {seed.source.id} if seed else set()
    for index, item in enumerate(raw):
        if not isinstance(item, LineDict) or set(item) != {"source", "quote"}:
            extra = sorted(str(key) for key in item if key not in ("source", "quote")) if isinstance(item, dict) else []
            named = f" (not {', '.join(repr(key) for key in extra)})" if extra else ""
            problems.add_at(raw.lines[index], f"each entry of 'sources' needs exactly 'source' and 'quote'{named}")
            continue
        where = Problems(problems.shown, item, problems.label)
        where.lines = problems.lines  # same list: messages keep file order
        other = seeds.get(str(item["source"]))
        if other is None:
            where.add("source", f"field 'sources': unknown seed '{item['source']}' (known: {', '.join(sorted(seeds))})")
        elif seed is not None and other.source.id == seed.source.id:
            where.add(
                "source",
                f"field 'sources': seed '{other.source.id}' is this file's own article, which 'quote' "
                "cites already: list only further articles here",
            )
        elif other.source.id in seen:
            where.add("source", f"field 'sources': seed '{other.source.id}' is cited twice")
        elif not isinstance(item["quote"], str):
            where.add("quote", "field 'sources': 'quote' must be text")
        else:
            seen.add(other.source.id)
            why = quote_problem(other, item["quote"])
            if why:
                where.add("quote", f"field 'sources': quote {why}")
            elif not states_answer(item["quote"], values):
                where.add(
                    "quote",
                    f"field 'sources': the quote from seed {other.source.id} does not state "
                    f"the answer '{clip(values['a'])}' (nor an alt): quote the words that do, "
                    f"or explain in 'derived' how it follows",
                )
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
        problems.add(
            "quote",
            f"the quote does not state the answer '{values['a']}' (nor an alt): "
            f"quote the words that do, or explain in 'derived' how it follows",
        )


def _check_when_agrees(problems: Problems, values: dict) -> None:
    """A year or date fact's `when` is the answer's own date: the timeline and the graded answer
    must not disagree (`when` may be more precise than a year answer, never different)."""
    when, answer, kind = values.get("when"), values.get("a"), values.get("kind")
    if when is None or answer is None:
        return
    said: tuple[int, int | None, int | None] | None
    if kind == "year" and re.fullmatch(r"[0-9]{4}", answer):
        said = (int(answer), None, None)
    elif kind == "date" and documented_date(answer):
        said = parse_date_answer(answer)
    else:
        return
    if said is not None and any(
        a is not None and b is not None and a != b for a, b in zip(said, (when.year, when.month, when.day), strict=True)
    ):
        problems.add(
            "when",
            f"field 'when' ({when}) disagrees with the answer '{clip(answer)}': "
            f"a {kind} fact's 'when' is the date it answers",
        )


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
    if (
        answer is not None
        and kind == "year"
        and not (re.fullmatch(r"[0-9]{4}", answer) and real_date(int(answer), None, None))
    ):
        problems.add("a", f"kind 'year' needs a four-digit answer from 1000 to 2999; got '{clip(answer)}'")
    if answer is not None and kind == "date" and not documented_date(answer):
        problems.add("a", f"kind 'date' needs a real date like \"24 February 2022\"; got '{clip(answer)}'")
    forms = [("a", answer)] if answer is not None and kind != "date" else []  # a date has its rule
    for key, form in forms + [("alt", alt) for alt in values.get("alt", ())]:
        if impossible_date(form):
            problems.add(key, f"field '{key}': '{clip(form)}' is not a real calendar date")
            break
    if answer is not None and kind == "number" and not re.search(r"\d", answer):
        problems.add("a", f"kind 'number' needs an answer with a numeral; got '{clip(answer)}'")
    elif answer is not None and kind == "number" and not one_plain_numeral(answer):
        problems.add(
            "a",
            f"kind 'number' needs one plain numeral (digits, grouped like 1,500 if at all; "
            f"words for the rest, like '14 million'); got '{clip(answer)}'",
        )
    if answer is not None and kind == "number" and one_plain_numeral(answer):
        check_alt_numerals(problems, answer, values.get("alt", ()))
    if answer is not None and "distractors" in values:
        folded = {d.casefold() for d in values["distractors"]}
        accepted = {
            alt.casefold(): f"an accepted answer (field 'alt': '{clip(alt)}')" for alt in values.get("alt", ())
        } | {answer.casefold(): "the answer 'a'"}  # the answer named first when an alt repeats it
        wrong = next((d for d in values["distractors"] if d.casefold() in accepted), None)
        if wrong is not None:
            problems.add(
                "distractors",
                f"field 'distractors': '{clip(wrong)}' is {accepted[wrong.casefold()]}, so it is not a wrong "
                f"option: remove it from distractors",
            )
        elif len(folded) != len(values["distractors"]):
            problems.add("distractors", "field 'distractors' has the same option twice")
    for tag in values.get("tags", ()):
        if not SLUG.fullmatch(tag):
            problems.add("tags", f"tag '{clip(tag)}' must be a lowercase slug (a-z, 0-9, '-')")
            break


def _runs(indices: tuple[int, ...]) -> list[list[int]]:
    """Consecutive indices grouped: (1, 2, 4) -> [[1, 2], [4]]."""
    runs: list[list[int]] = []
    for index in indices:
        runs[-1].append(index) if runs and runs[-1][-1] == index - 1 else runs.append([index])
    return runs
