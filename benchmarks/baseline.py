"""The baseline for the Anki export: the same facts written as notes by a bare genanki script.

One note per fact, one subdeck per article, as a script without quizgen would write them:
a cloze note where quizgen makes one (a dated fact with a cloze), otherwise a question/answer
note (people get a second, reversed card, as in quizgen). No distractors, no ledger, no templates
beyond one line each: what is left is genanki's own cost for the same notes and cards.
"""

from __future__ import annotations

import html
from pathlib import Path

import genanki

CSS = ".card { font-family: sans-serif; }"
BASIC = genanki.Model(
    1700000001,
    "Bare question/answer",
    css=CSS,
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}, {"name": "Role"}],
    templates=[
        {"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p>{{Source}}</p>"},
        {
            "name": "Card 2",
            "qfmt": "{{#Role}}Who was {{Role}}?{{/Role}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}",
        },
    ],
)
CLOZE = genanki.Model(
    1700000002,
    "Bare cloze",
    css=CSS,
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}],
    templates=[
        {"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}<p>{{Source}}</p>"}
    ],
)


def note_for(fact) -> genanki.Note:
    source = html.escape(fact.source.citation())
    tags = [tag.replace(" ", "_") for tag in fact.tags]
    if fact.stance == "fact" and fact.kind in ("year", "date", "number") and fact.cloze:
        fields = [html.escape(fact.cloze), html.escape(fact.note or ""), source]
        return genanki.Note(model=CLOZE, fields=fields, tags=tags, guid=genanki.guid_for(fact.id))
    fields = [html.escape(fact.q), html.escape(fact.a), source, html.escape(fact.role or "")]
    return genanki.Note(model=BASIC, fields=fields, tags=tags, guid=genanki.guid_for(fact.id))


def write_bare_deck(bank, path: Path) -> Path:
    decks: dict[str, genanki.Deck] = {}
    for fact in bank.facts:
        if fact.source.id not in decks:
            decks[fact.source.id] = genanki.Deck(1800000000 + len(decks), f"{bank.title}::{fact.source.short_label()}")
        decks[fact.source.id].add_note(note_for(fact))
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(list(decks.values())).write_to_file(str(path), timestamp=0)
    return path
