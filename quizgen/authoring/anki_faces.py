"""Anki card faces of one note, rendered as Anki renders them: the template subset our faces use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.anki.ledger import LEDGER_FILE, Ledger
from quizgen.anki.notes import FactNote, build_note
from quizgen.anki.notetypes import CLOZE, read_face
from quizgen.anki.persons import person_cards
from quizgen.cloze import DELETION
from quizgen.model import Bank, Fact

# {{Field}}, {{#Field}}, {{^Field}}, {{/Field}}, {{filter:Field}}; Anki trims the name
_TAG = re.compile(r"\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}")
# Anki's field_is_empty: only whitespace, <br> and empty <div>s
_EMPTY = re.compile(r"^(?:\s|<br\s*/?>|<div>\s*</div>)*$", re.IGNORECASE)


class TemplateError(ValueError):
    """A face Anki would refuse or show an error in: an unknown field or filter, an unclosed section."""


@dataclass(frozen=True)
class Face:
    card: str  # the card template's name, e.g. "Question → answer" or "Cloze 1"
    side: str  # "front" or "back"
    html: str


def is_empty(value: str) -> bool:
    return bool(_EMPTY.match(value))


def render(template: str, fields: dict[str, str], ordinal: int = 1, back: bool = False) -> tuple[str, bool]:
    """The face's HTML, and whether it shows any non-empty note field (Anki makes a card of a
    standard template only when its front does). `fields` also holds the special ones
    (FrontSide, Subdeck…); `ordinal` is the cloze card's number, `back` the side."""
    html, _end, shown = _section(template, 0, None, fields, (ordinal, back))
    return html, shown


def _section(
    template: str, start: int, closing: str | None, fields: dict[str, str], card: tuple[int, bool]
) -> tuple[str, int, bool]:
    out, shown, position = [], False, start
    while match := _TAG.search(template, position):
        out.append(template[position : match.start()])
        position = match.end()
        sigil, name = match.groups()
        if sigil == "/":
            if name != closing:
                raise TemplateError(f"{{{{/{name}}}}} closes no open {{{{#{name}}}}}")
            return "".join(out), position, shown
        if sigil:  # a section: its content shows when the field is non-empty (#) or empty (^)
            inner, position, inner_shown = _section(template, position, name, fields, card)
            if is_empty(_value(name, fields)) == (sigil == "^"):
                out.append(inner)
                shown = shown or inner_shown
            continue
        text = _replacement(name, fields, card)
        out.append(text)
        shown = shown or (name.rpartition(":")[2] not in SPECIAL and not is_empty(text))
    if closing is not None:
        raise TemplateError(f"{{{{#{closing}}}}} is never closed")
    out.append(template[position:])
    return "".join(out), position, shown


SPECIAL = ("FrontSide", "Subdeck", "Deck", "Type", "Card", "Tags")


def _value(name: str, fields: dict[str, str]) -> str:
    if name not in fields:
        raise TemplateError(f"unknown field {{{{{name}}}}}")
    return fields[name]


def _replacement(name: str, fields: dict[str, str], card: tuple[int, bool]) -> str:
    filters, _, field = name.rpartition(":")
    value = _value(field, fields)
    if not filters:
        return value
    if filters != "cloze":
        raise TemplateError(f"unsupported filter '{filters}' in {{{{{name}}}}}")
    return cloze(value, *card)


def cloze(text: str, ordinal: int, back: bool) -> str:
    """Anki's cloze filter: deletion `ordinal` shown as [...] (or [hint]) on the front and as its
    answer on the back, both marked `cloze`; other deletions show their answer as plain text."""

    from markupsafe import Markup

    from quizgen.templating import environment

    deletion = environment().get_template("preview/cloze-deletion.html")

    def replace(match: re.Match) -> str:
        answer, has_hint, hint = match[2].partition("::")
        active = int(match[1]) == ordinal
        shown = answer if back or not active else f"[{hint if has_hint else '...'}]"
        # field HTML, escaped by the note builder: Anki puts it in as it is
        return deletion.render(active=active, number=match[1], shown=Markup(shown)).strip()

    return DELETION.sub(replace, text)


def note_of(bank: Bank, fact: Fact) -> FactNote:
    """The fact's note as `quizgen anki` builds it, with the reversed person card the ledger's
    record (or, without one, the bank's first fact of that person) gives it."""
    folder = bank.folder or Path(bank.facts[0].origin.path).parent
    persons = person_cards(bank, Ledger.load(Path(folder) / LEDGER_FILE).carriers())
    return build_note(bank, fact, persons.get(fact.id))


def card_faces(note: FactNote) -> list[tuple[Face, Face]]:
    """(front, back) of every card Anki makes of the note: one per cloze number of a cloze note,
    one per template whose front shows a field of a standard one."""
    values = dict(zip(note.note_type.fields, note.fields, strict=True))
    values.update({"Subdeck": note.deck.rpartition("::")[2], "Deck": note.deck, "Type": note.note_type.name})
    values["Tags"] = " ".join(note.tags)
    cards = []
    for template in note.note_type.templates:
        if note.note_type.model_type == CLOZE:
            ordinals = sorted({int(m[1]) for m in DELETION.finditer(values["Text"])})
            names = [f"{template.name} {n}" for n in ordinals]
        else:
            ordinals, names = [1], [template.name]
        for ordinal, name in zip(ordinals, names, strict=True):
            context = {**values, "Card": name, "FrontSide": ""}  # Anki: empty on the front
            front, shown = render(read_face(template.front), context, ordinal)
            if not shown and note.note_type.model_type != CLOZE:
                continue
            back, _ = render(read_face(template.back), {**context, "FrontSide": front}, ordinal, back=True)
            cards.append((Face(name, "front", front), Face(name, "back", back)))
    return cards
