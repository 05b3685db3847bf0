"""The fact schema: every field a fact may have, its type, and what it means."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str          # "text", "answer" (text or number), "list", "when"
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
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)
REQUIRED = tuple(spec.name for spec in FIELDS if spec.required)
FILE_KEYS = ("source", "facts")
DECK_FILE = "deck.yaml"
DECK_KEYS = ("title",)
