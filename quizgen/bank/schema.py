"""The fact schema: every field a fact may have, its type, and what it means."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str          # "text", "answer" (text or number), "list", "when", "citations"
    required: bool
    doc: str


FIELDS = (
    FieldSpec("id", "text", True,
              "Stable slug (a-z, 0-9, '-'), unique in the bank. Anki GUID and quiz progress key derive "
              "from it: never change it once published."),
    FieldSpec("q", "text", True, "The question. Stands alone, one unambiguous answer, no give-away."),
    FieldSpec("a", "answer", True, "The answer, short (used as a multiple-choice option)."),
    FieldSpec("kind", "text", True,
              "Type of the answer: year|date|number|person|place|organization|document|event|term. "
              "Distractors are drawn from answers of the same kind."),
    FieldSpec("quote", "text", True,
              "Verbatim passage of the source article supporting the fact (checked after folding "
              "white space, typographic quotes and dashes)."),
    FieldSpec("stance", "text", True,
              "fact (reported and true) | claim (opinion or assertion, taught with attribution) | "
              "propaganda (a false or loaded claim, taught as such; needs a note)."),
    FieldSpec("cloze", "text", False,
              "One sentence with deletions {{c1::...}} (c1 ideally equal to the answer)."),
    FieldSpec("when", "when", False, "When the event happened: YYYY, YYYY-MM or YYYY-MM-DD."),
    FieldSpec("event", "text", False,
              "Short date-free label of what happened; required with 'when' (timelines)."),
    FieldSpec("role", "text", False, "For kind 'person': the person's role (matching, reversed card)."),
    FieldSpec("alt", "list", False, "Other accepted answers for typed answers."),
    FieldSpec("distractors", "list", False, "Hand-written wrong options; they win over generated ones."),
    FieldSpec("tags", "list", False, "Topic tags, lowercase slugs."),
    FieldSpec("note", "text", False, "Context shown with the answer; corrections of the source go here."),
    FieldSpec("category", "text", False,
              "Finer than kind, a lowercase slug naming what the answer is one of (french-president, "
              "black-sea-port, nato-summit-city). Generated wrong options come only from curated "
              "'distractors' and answers of the same category; without three, no multiple choice."),
    FieldSpec("sources", "citations", False,
              "Further articles reporting the same fact: a list of {source: seed id, quote: verbatim "
              "passage of that article}. Every output cites them all."),
    FieldSpec("as_written", "text", False,
              "The article's own form of the answer where it misspells or mistranslates it; it must "
              "appear in the quote, and the note must say what the correct form is."),
    FieldSpec("derived", "text", False,
              "How the answer follows when no quote states it (e.g. 'the article, dated 2011, says "
              "last year'); required exactly when the quotes do not contain the answer."),
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)
REQUIRED = tuple(spec.name for spec in FIELDS if spec.required)
# An article file: its seed id, its facts, and its curation records:
#   retired: [{id, reason}]        published ids withdrawn for good (never reused)
#   skipped: [{passage, reason}]   article text no card teaches, on purpose
FILE_KEYS = ("source", "facts", "retired", "skipped")
DECK_FILE = "deck.yaml"
DECK_KEYS = ("title",)
