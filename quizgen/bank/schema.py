"""The declared schemas of the bank's files and the rules every value shares (slugs, bounded safe text)."""

# The files: facts, seed metadata, curation records. Every id is a short slug; every text is
# bounded and has no unsafe character.

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from quizgen.errors import clip
from quizgen.model import SHORT_MAX, When
from quizgen.text import parse_iso, unsafe_character

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # seed ids are slugs too: '003' is one
MAX_ID = 80  # an id names files, Anki GUIDs and progress keys; the bank's longest is 43
MAX_TEXT = 2000  # a question, answer, quote or note; list items and records alike
YEARS = (1000, 2999)  # the years questions count around (and Anki, JavaScript and SQLite can hold)


def id_problem(value) -> str | None:
    """Why `value` is not an id (a lowercase slug of at most MAX_ID characters), or None."""
    if not isinstance(value, str):
        return "must be a lowercase slug (a-z, 0-9, '-') written as text"
    if len(value) > MAX_ID:
        return f"is too long ({len(value)} characters, at most {MAX_ID})"
    if not SLUG.fullmatch(value):
        return f"must be a lowercase slug (a-z, 0-9, '-'), got '{clip(value)}'"
    return None


def text_problem(value, limit: int = MAX_TEXT) -> str | None:
    """Why `value` is not a text value (a non-blank string of at most `limit` characters, with no
    control, invisible or bidirectional character), or None. Blank means blank once invisible
    characters are ignored: a question of two zero-width spaces is empty."""
    if not isinstance(value, str):
        return "must be text"
    if len(value) > limit:
        return f"is too long ({len(value)} characters, at most {limit})"
    if unsafe_character(value):
        return f"contains {unsafe_character(value)}"
    if not value.strip():
        return "is empty"
    return None


PLACEHOLDER = re.compile(r"\bTODO\b")  # what `quizgen coverage --suggest` leaves for the curator to write


def placeholder_problem(value: str) -> str | None:
    """Why `value` is not finished text (it still holds the TODO that `coverage --suggest` writes), or None."""
    if PLACEHOLDER.search(value):
        return "still holds the placeholder TODO that coverage --suggest writes: write it in"
    return None


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
    return YEARS[0] <= year <= YEARS[1]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # "text", "answer" (text or number), "list", "when", "citations"
    required: bool
    doc: str


FIELDS = (
    FieldSpec(
        "id",
        "text",
        True,
        "Stable slug (a-z, 0-9, '-'), unique in the bank. Anki GUID and quiz progress key derive "
        "from it: never change it once published.",
    ),
    FieldSpec("q", "text", True, "The question. Stands alone, one unambiguous answer, no give-away."),
    FieldSpec("a", "answer", True, "The answer, short (used as a multiple-choice option)."),
    FieldSpec(
        "kind",
        "text",
        True,
        "Type of the answer: year|date|number|person|place|organization|document|event|term. "
        "Wrong options are the curated distractors, values near the answer, answers of the same category.",
    ),
    FieldSpec(
        "quote",
        "text",
        True,
        "Verbatim passage of the source article supporting the fact (checked after folding "
        "white space, typographic quotes and dashes).",
    ),
    FieldSpec(
        "stance",
        "text",
        True,
        "fact (reported and true) | claim (opinion or assertion, taught with attribution) | "
        "propaganda (a false or loaded claim, taught as such; needs a note).",
    ),
    FieldSpec("cloze", "text", False, "One sentence with deletions {{c1::...}} (c1 ideally equal to the answer)."),
    FieldSpec("when", "when", False, "When the event happened: YYYY, YYYY-MM or YYYY-MM-DD."),
    FieldSpec("event", "text", False, "Short date-free label of what happened; required with 'when' (timelines)."),
    FieldSpec("role", "text", False, "For kind 'person': the person's role (matching, reversed card)."),
    FieldSpec("alt", "list", False, "Other accepted answers for typed answers."),
    FieldSpec("distractors", "list", False, "Hand-written wrong options; they win over generated ones."),
    FieldSpec("tags", "list", False, "Topic tags, lowercase slugs."),
    FieldSpec("note", "text", False, "Context shown with the answer; corrections of the source go here."),
    FieldSpec(
        "category",
        "text",
        False,
        "Finer than kind, a lowercase slug naming what the answer is one of (french-president, "
        "black-sea-port, nato-summit-city). Generated wrong options come only from curated "
        "'distractors' and answers of the same category; without three, no multiple choice.",
    ),
    FieldSpec(
        "sources",
        "citations",
        False,
        "Further articles reporting the same fact: a list of {source: seed id, quote: verbatim "
        "passage of that article}. Every output cites them all.",
    ),
    FieldSpec(
        "as_written",
        "text",
        False,
        "The article's own form of the answer where it misspells or mistranslates it; it must "
        "appear in the quote, and the note must say what the correct form is.",
    ),
    FieldSpec(
        "derived",
        "text",
        False,
        "How the answer follows when no quote states it (e.g. 'the article, dated 2011, says "
        "last year'); required exactly when the quotes do not contain the answer.",
    ),
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)
REQUIRED = tuple(spec.name for spec in FIELDS if spec.required)
# An article file: its seed id, its facts, and its curation records:
#   retired: [{id, reason}]        published ids withdrawn for good (never reused)
#   skipped: [{passage, reason}]   article text no card teaches, on purpose
FILE_KEYS = ("source", "facts", "retired", "skipped")
DECK_FILE = "deck.yaml"
DECK_KEYS = ("title",)


@dataclass(frozen=True)
class MetaSpec:
    """One field of an article's entry in seeds/sources.yaml."""

    name: str
    kind: str  # "text", "year" (a whole number in YEARS) or "when" (YYYY, YYYY-MM or YYYY-MM-DD)
    required: bool
    limit: int


SEED_FIELDS = (
    MetaSpec("file", "text", True, 200),
    MetaSpec("title", "text", True, 300),
    MetaSpec("short", "text", False, SHORT_MAX),  # a short source label: 'Cenuşa, IPN 2020'
    MetaSpec("outlet", "text", False, 200),
    MetaSpec("author", "text", False, 200),
    MetaSpec("year", "year", False, 4),
    MetaSpec("date", "when", False, 10),
    MetaSpec("url", "text", False, MAX_TEXT),
    MetaSpec("notes", "text", False, MAX_TEXT),
)
# a curation record: every field is required text; ids follow the fact-id rule
RECORD_FIELDS = {"retired": ("id", "reason"), "skipped": ("passage", "reason")}
