"""Writes the .apkg: genanki fills an in-memory collection, we zip it byte-for-byte reproducibly."""

from __future__ import annotations

import io
import itertools
import sqlite3
import zipfile

import genanki

from quizgen.cloze import MAX_DELETIONS

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold: no build time leaks in


class TimedModel(genanki.Model):
    """A genanki model whose `mod` is its own ledger mtime instead of the build time."""

    def __init__(self, *args, mtime: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.mtime = mtime

    def to_json(self, timestamp: float, deck_id):
        return super().to_json(self.mtime, deck_id)


class TimedNote(genanki.Note):
    """A genanki note whose `mod` (and its cards') is the fact's ledger mtime.

    Anki updates an existing note only when the incoming mtime is newer, so each note carries
    the time its own content last changed, never the build time.
    """

    def __init__(self, *args, mtime: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.mtime = mtime
        self.first_id = mtime * 1000

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen):
        # the note's own ids: Anki shows a note id as its "Added" date, so a note new in this
        # version is dated by its ledger time, not by the project epoch (existing notes keep
        # theirs: the importer matches them by GUID)
        super().write_to_db(cursor, self.mtime, deck_id, itertools.count(self.first_id))


IDS_PER_NOTE = 1 + MAX_DELETIONS  # a note's id, then its cards' ids (`check` allows no more cards)


def number_notes(decks: list[genanki.Deck]) -> None:
    """Give each note ids from its ledger time, in (time, GUID) order, never two alike."""
    notes = sorted((note for deck in decks for note in deck.notes), key=lambda n: (n.mtime, n.guid))
    following = 0
    for note in notes:
        note.first_id = max(note.mtime * 1000, following)
        following = note.first_id + IDS_PER_NOTE


def package_bytes(decks: list[genanki.Deck], epoch: int) -> bytes:
    """The .apkg as bytes; ids come from the notes' ledger times, so they are fixed too."""
    number_notes(decks)
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        genanki.Package(decks).write_to_db(cursor, epoch, itertools.count(epoch * 1000))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted({"collection.anki2": collection, "media": b"{}"}.items()):
            archive.writestr(_entry(name), data)
    return buffer.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # as on Unix, whichever system builds it
    info.external_attr = 0o644 << 16
    return info
