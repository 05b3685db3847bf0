"""One Anki note per fact (and per retired id): note type, fields, tags, deck, GUID, content hash."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from quizgen.anki import fields
from quizgen.anki.names import deck_name, id_tag, note_guid, note_tags, retired_tag
from quizgen.anki.notetypes import CHOICE, CLOZE_TYPE, NOTE_TYPES, NoteType, content_hash, note_type_for
from quizgen.anki.persons import PersonCard
from quizgen.errors import NotEnoughOptions
from quizgen.model import Bank, Fact, Retired
from quizgen.questions import multiple_choice

RETIRED_TEXT = "Retired fact: delete this note"


@dataclass(frozen=True)
class FactNote:
    """What one fact (or a retired id: `fact` None) becomes in Anki, before any time is attached."""

    id: str
    fact: Fact | None
    note_type: NoteType
    fields: tuple[str, ...]
    sort_text: str
    tags: tuple[str, ...]
    deck: str
    guid: str
    person: str | None = None   # the person whose reversed card this note carries

    def content_hash(self) -> str:
        """The note's own content: a change means a newer mtime, so Anki updates the note.

        Multiple-choice wrong options depend on other facts' answers; they are left out, so
        editing one fact bumps exactly one note (its own hand-written distractors count, though).
        """
        own = {name: value for name, value in zip(self.note_type.fields, self.fields, strict=True)
               if name not in self.note_type.volatile}
        return content_hash({"type": self.note_type.id, "fields": own, "tags": self.tags,
                             "distractors": self.fact.distractors if self.fact else ()})


def build_notes(bank: Bank, persons: dict[str, PersonCard]) -> list[FactNote]:
    return [build_note(bank, fact, persons.get(fact.id)) for fact in bank.facts]


def build_note(bank: Bank, fact: Fact, person: PersonCard | None = None) -> FactNote:
    note_type = note_type_for(fact)
    values = note_type.empty()
    values.update({"Context": fields.text(fact.note), "Derived": fields.text(fact.derived),
                   "Article": fields.text(fact.source.citation()), "Quote": fields.text(fact.quote),
                   "More sources": fields.more_sources(fact.also), "ID": fact.id})
    if note_type is CHOICE:
        prompt, choice_values = _choice_fields(bank, fact)
        values.update(choice_values)
        sort_text = prompt
    elif note_type is CLOZE_TYPE:
        values.update({"Text": fields.text(fact.cloze), "Back Extra": values.pop("Context")})
        sort_text = fact.cloze_text
    else:
        values.update({"Question": fields.text(fact.q), "Answer": fields.text(fact.a)})
        if person:
            values.update({"Role": fields.text(person.office), "Role dates": fields.text(person.dates)})
        sort_text = fact.q
    return FactNote(fact.id, fact, note_type, tuple(values[name] for name in note_type.fields),
                    sort_text, tuple(note_tags(bank, fact)), deck_name(bank, fact.source),
                    note_guid(bank, fact.id), person.person if person else None)


def retired_note(bank: Bank, retired: Retired, type_key: str) -> FactNote:
    """The tombstone of a published id: same GUID and note type, so the import updates the
    learner's note in place; every card it may have renders the retirement notice."""
    note_type = next(kind for kind in NOTE_TYPES if kind.key == type_key)
    values = note_type.empty()
    first = f"{RETIRED_TEXT} ({retired.id})"
    values.update({"ID": retired.id, "Retired": fields.text(retired.reason)})
    if note_type is CLOZE_TYPE:
        values["Text"] = fields.text(f"{{{{c1::{RETIRED_TEXT}}}}} ({retired.id})")
    else:
        values.update({"Question": fields.text(first), "Answer": "retired"})
        if "Role" in values:  # a reversed card the learner may have must not turn blank
            values["Role"] = "retired"
    return FactNote(retired.id, None, note_type, tuple(values[name] for name in note_type.fields),
                    first, (id_tag(bank, retired.id), retired_tag(bank)), deck_name(bank),
                    note_guid(bank, retired.id))


def _choice_fields(bank: Bank, fact: Fact) -> tuple[str, dict[str, str]]:
    """The right answer and up to three wrong ones, stored once; the card's script shuffles them."""
    try:
        choice = multiple_choice(fact, bank, random.Random(_seed(bank, fact)))
        prompt = choice.prompt
        wrong = [option for i, option in enumerate(choice.options) if i != choice.answer]
    except NotEnoughOptions:
        prompt, wrong = fact.q, []  # too few answers of this kind in the bank: the card asks openly
    values = {"Question": fields.text(prompt), "Answer": fields.text(fact.a), "Stance": fact.stance}
    values.update({f"Wrong {n}": fields.text(option) for n, option in enumerate(wrong[:3], start=1)})
    return prompt, values


def _seed(bank: Bank, fact: Fact) -> int:
    # a fixed seed per fact: the same bank always gives the same options
    return int.from_bytes(hashlib.sha256(f"{bank.name}/{fact.id}".encode()).digest()[:8], "big")
