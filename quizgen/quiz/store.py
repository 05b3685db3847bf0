"""Progress in SQLite: card states and the review log, one small transaction per answer."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from quizgen.errors import ProgressError
from quizgen.paths import shown

DB_VARIABLE = "QUIZGEN_DB"
SCHEMA_VERSION = 1
CARD_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review")

# Each version is a list of statements; PRAGMA user_version records how many have run.
_VERSION_1 = (
    """
CREATE TABLE cards (
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,          -- the fact's stable id: editing a fact keeps its progress
    state INTEGER NOT NULL,         -- FSRS: 1 learning, 2 review, 3 relearning
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT NOT NULL,              -- UTC, ISO 8601, whole seconds
    last_review TEXT,
    introduced TEXT NOT NULL,       -- the learner's local day of the first review
    PRIMARY KEY (deck, fact_id)
)
""",
    "CREATE INDEX cards_by_due ON cards (deck, due)",
    """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,      -- UTC
    day TEXT NOT NULL,              -- the learner's local day
    rating INTEGER NOT NULL,        -- FSRS: 1 again, 2 hard, 3 good, 4 easy
    grade TEXT NOT NULL,            -- correct, almost or wrong
    style TEXT NOT NULL,            -- mc or typed
    answer TEXT NOT NULL,
    duration_ms INTEGER,
    scheduled INTEGER NOT NULL,     -- 0: a practice answer that left the schedule alone
    state_before INTEGER NOT NULL,  -- 0 for a new card
    card_before TEXT,               -- JSON, restored by undo, NULL for a new card
    card_after TEXT
)
""",
    "CREATE INDEX reviews_by_day ON reviews (day)",
)
_MIGRATIONS = (_VERSION_1,)


@dataclass(frozen=True)
class Answer:
    """What the learner did with one card; the store adds the card states."""

    deck: str
    fact_id: str
    reviewed_at: str
    day: str
    rating: int
    grade: str
    style: str
    answer: str
    duration_ms: int | None
    scheduled: bool


def default_path() -> Path:
    """QUIZGEN_DB, else progress.sqlite3 in the user's data directory (XDG on Linux)."""
    if os.environ.get(DB_VARIABLE):
        return Path(os.environ[DB_VARIABLE]).expanduser()
    from platformdirs import user_data_path
    return user_data_path("quizgen", appauthor=False) / "progress.sqlite3"


class Store:
    """One open progress database; every write is one IMMEDIATE transaction."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout = 10000")  # wait for another session's commit
            self._db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            self._db.execute("PRAGMA synchronous = FULL")  # a commit survives a crash, not only a kill
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise ProgressError(f"{shown(path)}: cannot use the progress database ({exc})") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise ProgressError(f"{shown(self.path)}: {exc}") from None

    def _migrate(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ProgressError(f"{shown(self.path)}: written by a newer quizgen "
                                    f"(schema {version}, this one knows {SCHEMA_VERSION})")
            for step in _MIGRATIONS[version:]:
                for statement in step:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def cards(self, deck: str) -> dict[str, dict]:
        """Every card of a deck, by fact id (read once when a session starts)."""
        rows = self._db.execute("SELECT * FROM cards WHERE deck = ?", (deck,))
        return {row["fact_id"]: dict(row) for row in rows}

    def introduced_on(self, deck: str, day: str) -> int:
        """How many cards of the deck were new on `day` (the new-per-day limit counts them)."""
        query = "SELECT count(*) FROM cards WHERE deck = ? AND introduced = ?"
        return self._db.execute(query, (deck, day)).fetchone()[0]

    def record(self, answer: Answer, schedule: Callable[[dict | None], dict],
               replacing: int | None = None) -> tuple[int, dict | None]:
        """Log an answer and store the card `schedule(current card)` returns, atomically.

        The current card is read inside the transaction, so two sessions answering the
        same card both count instead of one overwriting the other. `replacing` names a
        review of this card to take back first (the learner changed the rating).
        """
        with self._transaction() as db:
            if replacing is not None:
                # If another session answered the card meanwhile, both answers stay logged.
                self._take_back(db, replacing)
            before = self._card(db, answer.deck, answer.fact_id)
            after = schedule(before) if answer.scheduled else before
            if answer.scheduled:
                self._write_card(db, answer.deck, answer.fact_id, answer.day, before, after)
            cursor = db.execute(
                "INSERT INTO reviews (deck, fact_id, reviewed_at, day, rating, grade, style, answer,"
                " duration_ms, scheduled, state_before, card_before, card_after)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer.deck, answer.fact_id, answer.reviewed_at, answer.day, answer.rating,
                 answer.grade, answer.style, answer.answer, answer.duration_ms, int(answer.scheduled),
                 before["state"] if before else 0, _json(before), _json(after)))
            return cursor.lastrowid, after

    def undo(self, review_id: int) -> tuple[str, dict | None] | None:
        """Delete a review and put its card back as it was: (fact id, restored card).

        None when another session has answered the card since: undoing would lose that answer.
        """
        with self._transaction() as db:
            return self._take_back(db, review_id)

    def _take_back(self, db: sqlite3.Connection, review_id: int) -> tuple[str, dict | None] | None:
        row = db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if row is None:
            raise ProgressError(f"review {review_id} is no longer in {shown(self.path)}")
        before = json.loads(row["card_before"]) if row["card_before"] else None
        if row["scheduled"]:
            current = self._card(db, row["deck"], row["fact_id"])
            if _json(current) != row["card_after"]:
                return None
            if before is None:
                db.execute("DELETE FROM cards WHERE deck = ? AND fact_id = ?", (row["deck"], row["fact_id"]))
            else:
                self._write_card(db, row["deck"], row["fact_id"], row["day"], current, before)
        db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return row["fact_id"], before

    def reviews(self, since_day: str) -> list[sqlite3.Row]:
        """The review log from a local day on, oldest first (for stats)."""
        query = "SELECT * FROM reviews WHERE day >= ? ORDER BY id"
        return self._db.execute(query, (since_day,)).fetchall()

    def review_days(self) -> list[str]:
        """Every local day with at least one review, newest first (for the streak)."""
        return [row[0] for row in self._db.execute("SELECT DISTINCT day FROM reviews ORDER BY day DESC")]

    def all_cards(self) -> list[dict]:
        return [dict(row) for row in self._db.execute("SELECT * FROM cards ORDER BY deck, fact_id")]

    @staticmethod
    def _card(db: sqlite3.Connection, deck: str, fact_id: str) -> dict | None:
        row = db.execute("SELECT * FROM cards WHERE deck = ? AND fact_id = ?", (deck, fact_id)).fetchone()
        return {name: row[name] for name in CARD_FIELDS} if row else None

    @staticmethod
    def _write_card(db: sqlite3.Connection, deck: str, fact_id: str, day: str,
                    before: dict | None, after: dict) -> None:
        values = [after[name] for name in CARD_FIELDS]
        if before is None:
            db.execute("INSERT INTO cards (deck, fact_id, introduced, state, step, stability, difficulty,"
                       " due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (deck, fact_id, day, *values))
        else:
            db.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,"
                       " last_review = ? WHERE deck = ? AND fact_id = ?", (*values, deck, fact_id))


def _json(card: dict | None) -> str | None:
    return json.dumps({name: card[name] for name in CARD_FIELDS}, sort_keys=True) if card else None
