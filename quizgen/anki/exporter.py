"""The Anki output: the bank's notes, stamped by the ledger, written as `<out>/anki/<deck>.apkg`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import genanki

from quizgen.anki import fields
from quizgen.anki.ledger import LEDGER_FILE, PROJECT_EPOCH, Ledger
from quizgen.anki.names import deck_id, deck_name
from quizgen.anki.notes import FactNote, build_notes
from quizgen.anki.notetypes import NOTE_TYPES
from quizgen.anki.package import TimedNote, package_bytes
from quizgen.errors import BankError, UsageError
from quizgen.model import Bank
from quizgen.output import write_atomic


@dataclass(frozen=True)
class Written:
    """What one export wrote, for the command's summary."""

    package: Path
    ledger: Path | None
    notes: Counter   # note type name -> notes
    cards: Counter   # note type name -> cards

    @property
    def paths(self) -> list[Path]:
        return [self.package] + ([self.ledger] if self.ledger else [])


def export(bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    """The exporter entry point: the .apkg, plus the ledger when this build changed it."""
    return write_deck(bank, out_dir, options).paths


def write_deck(bank: Bank, out_dir: Path, options: dict) -> Written:
    if not bank.facts:
        raise UsageError(f"deck '{bank.name}' has no facts to export")
    ledger = Ledger.load(ledger_path(bank, options))
    notes = build_notes(bank)
    _check_note_types_kept(notes, ledger)
    note_times = ledger.stamp("notes", {note.fact.id: note.content_hash() for note in notes},
                              {note.fact.id: note.note_type.key for note in notes})
    type_times = ledger.stamp("note_types", {kind.key: kind.spec_hash() for kind in NOTE_TYPES})
    models = {kind.key: kind.to_genanki(type_times[kind.key]) for kind in NOTE_TYPES}
    decks, cards = _decks(bank), Counter()
    for position, note in enumerate(notes, start=1):
        anki_note = TimedNote(
            model=models[note.note_type.key], fields=list(note.fields), sort_field=note.sort_text,
            tags=list(note.tags), guid=note.guid, due=position, mtime=note_times[note.fact.id])
        decks[note.deck].add_note(anki_note)
        cards[note.note_type.name] += len(anki_note.cards)
    data = package_bytes([decks[name] for name in sorted(decks)], PROJECT_EPOCH)
    package = write_atomic(out_dir / "anki" / f"{bank.name}.apkg", data)
    # after the package: a ledger never records versions that were not written
    saved = ledger.save()
    return Written(package, ledger.path if saved else None,
                   Counter(note.note_type.name for note in notes), cards)


def _check_note_types_kept(notes: list[FactNote], ledger: Ledger) -> None:
    """A published note keeps its note type: Anki's importer would report the edited note as
    conflicting and leave the learner's old card as it was, silently out of date."""
    names = {kind.key: kind.name for kind in NOTE_TYPES}
    problems = [
        f"{note.fact.origin}: fact '{note.fact.id}': its Anki note type would change from "
        f"'{names.get(old, old)}' to '{note.note_type.name}', which Anki cannot apply to an "
        "imported note; keep its stance, kind and cloze, or retire the id and add the fact "
        "under a new one"
        for note in notes
        if (old := ledger.published_type("notes", note.fact.id)) not in (None, note.note_type.key)]
    if problems:
        raise BankError(problems)


def ledger_path(bank: Bank, options: dict) -> Path:
    """`anki_ledger` in options, else anki-versions.json in the deck folder."""
    if options.get("anki_ledger"):
        return Path(options["anki_ledger"])
    folder = bank.folder or Path(bank.facts[0].origin.path).parent  # banks built in memory (tests)
    return folder / LEDGER_FILE


def _decks(bank: Bank) -> dict[str, genanki.Deck]:
    """The top deck (for its description) and one subdeck per article."""
    top = deck_name(bank)
    sources = sorted({fact.source.id: fact.source for fact in bank.facts}.values(),
                     key=lambda source: source.id)
    description = fields.render("deck.html", facts=len(bank.facts), sources=sources)
    decks = {top: genanki.Deck(deck_id(top), top, description)}
    for source in sources:
        name = deck_name(bank, source)
        decks[name] = genanki.Deck(deck_id(name), name, fields.text(source.citation()))
    return decks
