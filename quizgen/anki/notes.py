"""One Anki note per fact: its note type, fields, tags, deck, GUID and content hash."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from quizgen.anki import fields
from quizgen.anki.names import deck_name, note_guid, note_tags
from quizgen.anki.notetypes import CHOICE, CLOZE_TYPE, NoteType, content_hash, note_type_for
from quizgen.errors import UsageError
from quizgen.model import Bank, Fact
from quizgen.questions import multiple_choice


@dataclass(frozen=True)
class FactNote:
    """What one fact becomes in Anki, before any time is attached."""

    fact: Fact
    note_type: NoteType
    fields: tuple[str, ...]
    sort_text: str
    tags: tuple[str, ...]
    deck: str
    guid: str

    def content_hash(self) -> str:
        """The note's own content: a change means a newer mtime, so Anki updates the note.

        Multiple-choice options depend on other facts' answers; they are left out, so editing
        one fact bumps exactly one note (its own hand-written distractors count, though).
        """
        own = {name: value for name, value in zip(self.note_type.fields, self.fields)
               if name not in self.note_type.volatile}
        return content_hash({"type": self.note_type.id, "fields": own, "tags": self.tags,
                             "distractors": self.fact.distractors})


def build_notes(bank: Bank) -> list[FactNote]:
    return [build_note(bank, fact) for fact in bank.facts]


def build_note(bank: Bank, fact: Fact) -> FactNote:
    note_type = note_type_for(fact)
    if note_type is CHOICE:
        values, sort_text = _choice_fields(bank, fact)
    elif note_type is CLOZE_TYPE:
        values = (fields.text(fact.cloze), fields.text(fact.note), fields.source_block(fact))
        sort_text = fact.cloze
    else:
        role = fact.role if fact.kind == "person" else None
        values = (fields.text(fact.q), fields.text(fact.a), fields.text(fact.note),
                  fields.source_block(fact), fields.text(role))
        sort_text = fact.q
    return FactNote(fact, note_type, values, sort_text, tuple(note_tags(bank, fact)),
                    deck_name(bank, fact.source), note_guid(bank, fact))


def _choice_fields(bank: Bank, fact: Fact) -> tuple[tuple[str, ...], str]:
    try:
        choice = multiple_choice(fact, bank, random.Random(_seed(bank, fact)))
        prompt = choice.prompt
        options = fields.options_list(choice.options, None)
        marked = fields.options_list(choice.options, choice.answer)
    except UsageError:
        # too few answers of this kind in the bank: the card asks openly and shows the answer
        prompt, options, marked = fact.q, "", ""
    values = (fields.text(prompt), fields.text(fact.a), options, marked,
              fields.stance_note(fact.stance), fields.text(fact.note), fields.source_block(fact))
    return values, prompt


def _seed(bank: Bank, fact: Fact) -> int:
    # a fixed seed per fact: the same bank always gives the same options
    return int.from_bytes(hashlib.sha256(f"{bank.name}/{fact.id}".encode()).digest()[:8], "big")
