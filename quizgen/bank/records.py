"""An article file's curation records: ids retired for good and passages skipped on purpose."""

from __future__ import annotations

from quizgen.bank.provenance import CUT, nearest, placement
from quizgen.bank.schema import RECORD_FIELDS, id_problem, placeholder_problem, text_problem
from quizgen.bank.seeds import Seed
from quizgen.bank.yamlfile import LineDict, LineList
from quizgen.errors import clip
from quizgen.model import Location, Retired, Skip
from quizgen.text import plain

# a heading or a caption is a short passage, but one word (or letter) says nothing of what was left
MIN_PASSAGE_WORDS = 2


def _entries(doc: LineDict, field: str, where: str, problems: list[str]):
    """(location, values) of each valid entry of the list `doc[field]`, by RECORD_FIELDS."""
    keys = RECORD_FIELDS[field]
    entries = doc.get(field)
    if entries is None:
        return
    if not isinstance(entries, LineList):
        problems.append(f"{where}:{doc.lines[field]}: field '{field}' must be a list of entries with {', '.join(keys)}")
        return
    for index, entry in enumerate(entries):
        line = entries.lines[index]
        if not isinstance(entry, LineDict):
            problems.append(f"{where}:{line}: field '{field}': expected a mapping with {', '.join(keys)}")
            continue
        wrong = [key for key in keys if entry.get(key) is None or entry.get(key) == ""]
        extra = [key for key in entry if key not in keys]
        if wrong or extra:
            what = f"missing or empty '{wrong[0]}'" if wrong else f"unknown field '{clip(extra[0])}'"
            problems.append(f"{where}:{entry.lines.get((wrong or extra)[0], line)}: field '{field}': {what}")
            continue
        why = next(((key, w) for key in keys if (w := _value_problem(key, entry[key]))), None)
        if why:
            problems.append(f"{where}:{entry.lines[why[0]]}: field '{field}': '{why[0]}' {why[1]}")
            continue
        yield Location(where, line), {key: entry[key].strip() for key in keys}


def _value_problem(key: str, value) -> str | None:
    """The record schema: an id is a fact id (a short slug), everything else bounded text."""
    if key == "id":
        return id_problem(value)
    if key != "passage":
        return text_problem(value) or (placeholder_problem(value) if isinstance(value, str) else None)
    why = text_problem(value.replace("\n", " "))  # a passage may span the article's lines
    if why is None and len(plain(value).split()) < MIN_PASSAGE_WORDS:
        why = f"is too short to name a passage (at least {MIN_PASSAGE_WORDS} words)"
    return why


def read_retired(doc: LineDict, where: str, problems: list[str]) -> list[Retired]:
    """`retired:` every published id of this file that was withdrawn, with the reason learners see."""
    return [
        Retired(values["id"], values["reason"], origin) for origin, values in _entries(doc, "retired", where, problems)
    ]


def read_skips(doc: LineDict, where: str, seed: Seed | None, problems: list[str]) -> list[Skip]:
    """`skipped:` passages of the file's article that no card teaches, with the curator's reason."""
    skips = []
    for origin, values in _entries(doc, "skipped", where, problems):
        found = placement(seed.text, plain(values["passage"])) if seed is not None else "missing"
        if seed is not None and found == "missing":
            problems.append(
                f"{origin}: field 'skipped': passage is not found verbatim in seed "
                f"{seed.source.id}; {nearest(seed.text, plain(values['passage']))}"
            )
        elif seed is not None and found == "cut":
            problems.append(f"{origin}: field 'skipped': passage {CUT}")
        elif seed is not None:
            skips.append(Skip(seed.source, values["passage"], values["reason"], origin))
    return skips
