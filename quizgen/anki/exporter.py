"""The Anki output: the bank's notes, stamped by the ledger, written as `<out>/anki/<deck>.apkg`."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import genanki

from quizgen.anki import fields
from quizgen.anki.guards import cloze_warnings
from quizgen.anki.ledger import LEDGER_FILE, PROJECT_EPOCH, Ledger
from quizgen.anki.names import deck_id, deck_name, retired_tag, source_label, tag_root
from quizgen.anki.notes import FactNote, build_notes, retired_note
from quizgen.anki.notetypes import NOTE_TYPES
from quizgen.anki.package import TimedNote, package_bytes
from quizgen.anki.persons import person_cards
from quizgen.errors import BankError, UsageError
from quizgen.model import Bank
from quizgen.output import folder_locked, write_atomic
from quizgen.questions.giveaways import giveaway_pairs, spaced

LEDGER_PATIENCE = 120.0  # seconds a build waits while another one reads, stamps and saves the same ledger


@dataclass(frozen=True)
class Written:
    """What one export wrote, for the command's summary."""

    package: Path
    ledger: Path | None
    notes: Counter  # note type name -> notes
    cards: Counter  # note type name -> cards
    person_cards: int = 0  # reversed "which office?" cards
    retired: int = 0  # retired ids shipped as notes tagged <deck>::retired
    warnings: list[str] = field(default_factory=list)
    released: tuple[str, ...] = ()  # ids `--release` published that were not published before

    @property
    def paths(self) -> list[Path]:
        return [self.package] + ([self.ledger] if self.ledger else [])


def export(bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    """The exporter entry point: the .apkg, plus the ledger when this build changed it."""
    return write_deck(bank, out_dir, options).paths


def _new_card_order(built: list[tuple[FactNote, TimedNote]], pairs) -> list[tuple[FactNote, TimedNote]]:
    """The notes by deck, each deck's in bank order but for give-away pairs, which never follow
    each other among the first cards of the deck's notes, nor among the second ones (Anki shows
    a deck's new cards by card number, then by this order)."""
    by_deck: dict[str, list[tuple[FactNote, TimedNote]]] = {}
    for note, anki_note in built:
        by_deck.setdefault(note.deck, []).append((note, anki_note))
    return [
        pair
        for notes in by_deck.values()
        for pair in spaced(
            notes, pairs, key=lambda pair: pair[0].id, lanes=lambda pair: [card.ord for card in pair[1].cards]
        )
    ]


def write_deck(bank: Bank, out_dir: Path, options: dict) -> Written:
    if not bank.facts:
        raise UsageError(f"deck '{bank.name}' has no facts to export")
    path = ledger_path(bank, options)
    # read, stamp, save: one build at a time per ledger (a lock on its folder, as new-article locks
    # seeds/), or a plain build saving last turns the id a release just published back into a draft
    with folder_locked(path.parent, LEDGER_PATIENCE):
        return _write_locked(bank, out_dir, options, Ledger.load(path))


def _write_locked(bank: Bank, out_dir: Path, options: dict, ledger: Ledger) -> Written:
    # `release: False` (the commands' plain builds) records new ids as drafts; a library caller
    # that says nothing publishes them, as every build did before releases existed
    ledger.drafts = options.get("release") is False
    persons = person_cards(bank, ledger.carriers())
    notes = build_notes(bank, persons)
    _check_note_types_kept(notes, ledger)
    carried = {fact_id: person for person, fact_id in ledger.carriers().items()}
    notes += [
        retired_note(bank, entry, kind, carried.get(entry.id))
        for entry in bank.retired
        if (kind := ledger.published_type("notes", entry.id))
    ]  # never published: nothing to do
    marks = {note.id: {"retired": note.fact is None, "person": note.person} for note in notes}
    published = {key for key, entry in ledger.sections["notes"].items() if not entry.draft}
    note_times = ledger.stamp(
        "notes",
        {note.id: note.content_hash() for note in notes},
        {note.id: note.note_type.key for note in notes},
        marks,
    )
    if options.get("release"):
        ledger.release({note.id for note in notes})
    else:
        ledger.forget_gone_drafts({note.id for note in notes})
    type_times = ledger.stamp("note_types", {kind.key: kind.spec_hash() for kind in NOTE_TYPES})
    models = {kind.key: kind.to_genanki(type_times[kind.key]) for kind in NOTE_TYPES}
    updated = max([*note_times.values(), *type_times.values()])
    decks, cards = _decks(bank, updated, len(persons)), Counter[str]()
    built = []
    for note in notes:
        anki_note = TimedNote(
            model=models[note.note_type.key],
            fields=list(note.fields),
            sort_field=note.sort_text,
            tags=list(note.tags),
            guid=note.guid,
            mtime=note_times[note.id],
        )
        if note.fact is None:
            # a retired note ships without cards: the importer updates a learner's note (and its
            # cards keep the notice), while a new learner has nothing of it to study
            anki_note.cards = []
        built.append((note, anki_note))
    for position, (note, anki_note) in enumerate(_new_card_order(built, giveaway_pairs(bank)), start=1):
        anki_note.due = position
        decks.setdefault(note.deck, genanki.Deck(deck_id(note.deck), note.deck)).add_note(anki_note)
        cards[note.note_type.name] += len(anki_note.cards)
    data = package_bytes([decks[name] for name in sorted(decks)], PROJECT_EPOCH)
    # the ledger is staged first and moved in after the package: a read-only deck folder fails
    # before anything is written, and a ledger never records versions that were not written
    with ledger.saving() as saved:
        package = write_atomic(out_dir / "anki" / f"{bank.name}.apkg", data)
    return Written(
        package,
        ledger.path if saved else None,
        Counter(note.note_type.name for note in notes),
        cards,
        len(persons),
        len(notes) - len(bank.facts),
        cloze_warnings(bank),
        tuple(sorted({note.id for note in notes} - published)) if options.get("release") else (),
    )


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
        if note.fact is not None
        and (old := ledger.published_type("notes", note.fact.id)) not in (None, note.note_type.key)
    ]
    if problems:
        raise BankError(problems)


def ledger_path(bank: Bank, options: dict) -> Path:
    """`anki_ledger` in options, else anki-versions.json in the deck folder."""
    if options.get("anki_ledger"):
        return Path(options["anki_ledger"])
    folder = bank.folder or Path(bank.facts[0].origin.path).parent  # banks built in memory (tests)
    return folder / LEDGER_FILE


def _decks(bank: Bank, updated: int, person_cards: int) -> dict[str, genanki.Deck]:
    """The top deck (its description is Anki's overview screen) and one subdeck per article."""
    top = deck_name(bank)
    cited = {c.source.id: c.source for fact in bank.facts for c in fact.citations}
    sources = [
        {"label": source_label(source), "citation": source.citation()}
        for source in sorted(cited.values(), key=lambda source: source.id)
    ]
    description = fields.render(
        "deck.html",
        title=bank.title,
        facts=len(bank.facts),
        sources=sources,
        person_cards=person_cards,
        retired_tag=retired_tag(bank),
        root=tag_root(bank),
        updated=time.strftime("%Y-%m-%d", time.gmtime(updated)),
    )
    decks = {top: genanki.Deck(deck_id(top), top, description)}
    for source in sorted({fact.source.id: fact.source for fact in bank.facts}.values(), key=lambda source: source.id):
        name = deck_name(bank, source)
        decks[name] = genanki.Deck(deck_id(name), name, fields.text(source.citation()))
    return decks
