"""One Anki note per fact (and per retired id): note type, fields, tags, deck, GUID, content hash."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.anki import fields
from quizgen.anki.names import (
    deck_name,
    id_tag,
    note_guid,
    note_tags,
    retired_deck,
    retired_tag,
)
from quizgen.anki.notetypes import (
    CHOICE,
    CLOZE_TYPE,
    NOTE_TYPES,
    NoteType,
    content_hash,
    note_type_for,
)
from quizgen.anki.persons import PersonCard
from quizgen.anki.topics import used_topics
from quizgen.cloze import DELETION, deletions
from quizgen.errors import NotEnoughOptions
from quizgen.model import MONTHS, Bank, Fact, Retired
from quizgen.questions import multiple_choice
from quizgen.questions.fixed import fixed_random

RETIRED_TEXT = "Retired fact: delete this note"

# what a date deletion without a hint asks for: "[year]" or "[month and year]", not a bare "[...]"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_PRECISION = (
    (re.compile(r"1[89]\d\d|20\d\d"), "year"),
    (re.compile(rf"{_MONTH} \d{{4}}"), "month and year"),
    (re.compile(rf"\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}}"), "day, month and year"),
)


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
    person: str | None = None  # the person whose reversed card this note carries

    def content_hash(self) -> str:
        """The note's own content: a change means a newer mtime, so Anki updates the note.

        Multiple-choice wrong options depend on other facts' answers; they are left out, so
        editing one fact bumps exactly one note (its own hand-written distractors count, though).
        """
        own = {
            name: value
            for name, value in zip(self.note_type.fields, self.fields, strict=True)
            if name not in self.note_type.volatile
        }
        return content_hash(
            {
                "type": self.note_type.id,
                "fields": own,
                "tags": self.tags,
                "distractors": self.fact.distractors if self.fact else (),
            }
        )


def build_notes(bank: Bank, persons: dict[str, PersonCard]) -> list[FactNote]:
    topics = used_topics(fact.tags for fact in bank.facts)
    return [build_note(bank, fact, persons.get(fact.id), topics) for fact in bank.facts]


def build_note(bank: Bank, fact: Fact, person: PersonCard | None = None, topics: set[str] | None = None) -> FactNote:
    note_type = note_type_for(fact)
    values = note_type.empty()
    values.update(
        {
            "Context": fields.text(fact.note),
            "Derived": fields.text(fact.derived),
            "Article": fields.text(fact.source.citation()),
            "Quote": fields.text(fact.quote),
            "More sources": fields.more_sources(fact.also),
            "ID": fields.text(fact.id),
        }
    )
    if note_type is CHOICE:
        prompt, choice_values = _choice_fields(bank, fact)
        values.update(choice_values)
        sort_text = prompt
    elif note_type is CLOZE_TYPE:
        sort_text = hinted(fact.cloze_text, fact.a if fact.kind == "number" else None)
        values.update({"Text": fields.cloze(sort_text), "Back Extra": values.pop("Context")})
    else:
        values.update({"Question": fields.text(fact.q), "Answer": fields.text(fact.a)})
        if person:
            values.update({"Role": fields.text(person.office), "Role dates": fields.text(person.dates)})
        sort_text = fact.q
    return FactNote(
        fact.id,
        fact,
        note_type,
        tuple(values[name] for name in note_type.fields),
        sort_text,
        tuple(note_tags(bank, fact, used_topics(f.tags for f in bank.facts) if topics is None else topics)),
        deck_name(bank, fact.source),
        note_guid(bank, fact.id),
        person.person if person else None,
    )


PUBLISHED_GAPS = 2  # no cloze the bundled bank ever published had a third deletion (git history)


def _most_deletions(bank: Bank) -> int:
    """As many gaps as any cloze of the bank has, and at least as many as any published one had.
    (Next step: the ledger records each note's card count, so a retired note gets exactly its own.)"""
    counts = [len({d.number for d in deletions(f.cloze)}) for f in bank.facts if f.cloze]
    return max([PUBLISHED_GAPS, *counts])


def retired_note(bank: Bank, retired: Retired, type_key: str, person: str | None) -> FactNote:
    """The tombstone of a published id: same GUID and note type, so the import updates the
    learner's note in place and every card it has renders the retirement notice (the exporter
    ships it without cards: a new learner gets nothing to study). `person`: the reversed card
    the note carried, which keeps its notice; a note without one never gains it."""
    note_type = next(kind for kind in NOTE_TYPES if kind.key == type_key)
    values = note_type.empty()
    first = f"{RETIRED_TEXT} ({retired.id})"
    values.update(
        {
            "ID": fields.text(retired.id),
            "Retired": fields.render("retired.html", id=retired.id, reason=retired.reason, tag=retired_tag(bank)),
        }
    )
    if note_type is CLOZE_TYPE:
        # a deletion for every card the note may have had, so a learner's card 2 shows the notice,
        # not "No cloze 2 found" (the importer makes no card for a deletion; the text is not
        # shown); no more, or Tools → Check Database would make a card for each
        gaps = " ".join(f"{{{{c{n}::{RETIRED_TEXT}}}}}" for n in range(1, _most_deletions(bank) + 1))
        values["Text"] = fields.cloze(f"{gaps} ({retired.id})")
    else:
        values.update({"Question": fields.text(first), "Answer": "retired"})
        if person and "Role" in values:
            values["Role"] = "retired"
    return FactNote(
        retired.id,
        None,
        note_type,
        tuple(values[name] for name in note_type.fields),
        first,
        (id_tag(bank, retired.id), retired_tag(bank)),
        retired_deck(bank),
        note_guid(bank, retired.id),
        person,
    )


def hinted(cloze: str, count: str | None = None) -> str:
    """The cloze with a precision hint on each date deletion that has none:
    {{c1::May 2002}} asks for [month and year], {{c1::1991}} for [year]; `count`, a number
    fact's answer, is never taken for a year."""

    def hint(match: re.Match) -> str:
        body = match.group(2)
        precision = (
            None if body == count else next((label for pattern, label in _PRECISION if pattern.fullmatch(body)), None)
        )
        return f"{{{{c{match.group(1)}::{body}::{precision}}}}}" if precision else match.group(0)

    return DELETION.sub(hint, cloze)


def _choice_fields(bank: Bank, fact: Fact) -> tuple[str, dict[str, str]]:
    """The right answer and up to three wrong ones, stored once; the card's script shuffles them."""
    try:
        choice = multiple_choice(fact, bank, fixed_random(bank.name, fact.id))
        prompt = choice.prompt
        wrong = [option for i, option in enumerate(choice.options) if i != choice.answer]
    except NotEnoughOptions:
        prompt, wrong = fact.q, []  # fewer than three certainly wrong options: the card asks openly
    values = {"Question": fields.text(prompt), "Answer": fields.text(fact.a), "Stance": fact.stance}
    values.update({f"Wrong {n}": fields.text(option) for n, option in enumerate(wrong[:3], start=1)})
    return prompt, values
