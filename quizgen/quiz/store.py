"""Progress in SQLite: card states and the review log, one small transaction per answer."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import ProgressError
from quizgen.paths import shown
from quizgen.quiz.cardcheck import card_dict as _card_dict
from quizgen.quiz.dbfile import check_place, connect, make_backup, use_wal
from quizgen.quiz.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from quizgen.quiz.settings import Settings
from quizgen.quiz.store_health import Health, foreign
from quizgen.quiz.store_marks import Marks, append_report

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Answer", "Store", "append_report", "default_path"]

DB_VARIABLE = "QUIZGEN_DB"
CARD_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review")


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


class Store(Health, Marks, Settings):
    """One open progress database; every write is one IMMEDIATE transaction.

    `readonly` (for stats) never writes, so a backup copy or a file one may only read works too.
    """

    def __init__(self, path: Path, readonly: bool = False, backup: bool = False):
        self.path, self.readonly = path, readonly
        self._skip: set[int] = set()  # rowids of damaged cards stats leaves out
        self.set_aside: list[str] = []  # one line per damaged card row left out (stats) or moved aside (quiz)
        self.backup: Path | None = None
        check_place(path, readonly)
        if foreign(path):  # decided by the header itself, not by the wording of SQLite's error
            raise self._not_a_database()
        if not readonly and path.is_file() and path.stat().st_size:
            self._probe()
        try:
            self._db = connect(path, readonly)
            self._db.row_factory = sqlite3.Row
            # Damaged text must not stop a read: it shows as U+FFFD, and quick_check reports the damage.
            self._db.text_factory = lambda data: data.decode("utf-8", "replace")
            self._db.execute("PRAGMA busy_timeout = 10000")  # wait for another session's commit
            self._check_identity()  # before anything writes: a file that is not ours is left as it was
            if not readonly:
                use_wal(self._db)
                self._db.execute("PRAGMA synchronous = FULL")  # a commit survives a crash, not only a kill
            self._check_health()
            if not readonly:
                self._migrate()
                if backup and self._has_rows():
                    self.backup = make_backup(self._db, path)
        except sqlite3.Error as exc:
            self._close_quietly()
            raise self._problem(exc) from None
        except OSError as exc:
            self._close_quietly()
            raise ProgressError(f"{shown(path)}: cannot use the progress database ({exc.strerror or exc})") from None
        except ProgressError:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        """A refused file is closed at once: SQLite then removes the -wal it made beside it."""
        db = getattr(self, "_db", None)
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def _reader(self) -> Store:
        return Store(self.path, readonly=True)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
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
            raise self._problem(exc) from None

    def _has_rows(self) -> bool:
        return self._has_tables() and self._db.execute("SELECT count(*) FROM reviews").fetchone()[0] > 0

    def _migrate(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for step in MIGRATIONS[version:]:
                for statement in step:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _read(self, query: str, *values) -> list[sqlite3.Row]:
        if not self._has_tables():  # stats on an empty file
            return []
        try:
            return self._db.execute(query, values).fetchall()
        except sqlite3.Error as exc:
            raise self._problem(exc) from None

    def cards(self, deck: str) -> dict[str, dict]:
        """Every card of a deck, by fact id (read once when a session starts)."""
        rows = self._read("SELECT rowid, * FROM cards WHERE deck = ?", deck)
        return {row["fact_id"]: _card_dict(row) for row in rows if row["rowid"] not in self._skip}

    def reviewed_on(self, deck: str, day: str) -> int:
        """Scheduled reviews of learned cards (in review before the answer) on `day`: the daily cap counts them."""
        return len(
            self._read(
                "SELECT id FROM reviews WHERE deck = ? AND day = ? AND scheduled = 1 AND state_before = 2", deck, day
            )
        )

    def introduced_on(self, deck: str, day: str) -> int:
        """How many cards of the deck were new on `day` (the new-per-day limit counts them)."""
        return len(self._read("SELECT fact_id FROM cards WHERE deck = ? AND introduced = ?", deck, day))

    def record(
        self, answer: Answer, schedule: Callable[[dict | None], dict], replacing: int | None = None
    ) -> tuple[int, dict | None] | None:
        """Log an answer and store the card `schedule(current card)` returns, atomically.

        The current card is read inside the transaction, so two sessions answering the
        same card both count instead of one overwriting the other. `replacing` names a
        review of this card to take back first (the learner changed the rating); None, and
        nothing written, when another session has answered the card since.
        """
        with self._transaction() as db:
            if replacing is not None and self._take_back(db, replacing) is None:
                return None  # another session answered the card meanwhile: its answer stands
            before = self._card(db, answer.deck, answer.fact_id)
            after = schedule(before) if answer.scheduled else before
            if answer.scheduled and after is not None:
                self._write_card(db, answer.deck, answer.fact_id, answer.day, before, after)
            cursor = db.execute(
                "INSERT INTO reviews (deck, fact_id, reviewed_at, day, rating, grade, style, answer,"
                " duration_ms, scheduled, state_before, card_before, card_after)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.deck,
                    answer.fact_id,
                    answer.reviewed_at,
                    answer.day,
                    answer.rating,
                    answer.grade,
                    answer.style,
                    answer.answer,
                    answer.duration_ms,
                    int(answer.scheduled),
                    before["state"] if before else 0,
                    _json(before),
                    _json(after),
                ),
            )
            if cursor.lastrowid is None:  # sqlite3 sets it after every INSERT
                raise ProgressError("the review was not recorded")
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
        return self._read("SELECT * FROM reviews WHERE day >= ? ORDER BY id", since_day)

    def history(self, deck: str, fact_id: str) -> list[dict]:
        """Every answer to one card, oldest first, with the card it left (`after`, None if unreadable)."""
        rows = self._read("SELECT * FROM reviews WHERE deck = ? AND fact_id = ? ORDER BY id", deck, fact_id)
        found = []
        for row in rows:
            try:
                after = json.loads(row["card_after"]) if row["card_after"] else None
            except ValueError:  # a hand-edited log: the answer is still listed
                after = None
            found.append({**dict(row), "after": after if isinstance(after, dict) else None})
        return found

    def review_days(self) -> list[str]:
        """Every local day with at least one review, newest first (for the streak)."""
        return [row[0] for row in self._read("SELECT DISTINCT day FROM reviews ORDER BY day DESC")]

    def all_cards(self) -> list[dict]:
        rows = self._read("SELECT rowid, * FROM cards ORDER BY deck, fact_id")
        return [_card_dict(row) for row in rows if row["rowid"] not in self._skip]

    def review_counts(self, deck: str) -> dict[str, tuple[int, int]]:
        """(reviews, lapses) per fact id from the log: a lapse is Again on a card in review."""
        rows = self._read(
            "SELECT fact_id, count(*) AS reps, sum(rating = 1 AND state_before = 2) AS lapses"
            " FROM reviews WHERE deck = ? AND scheduled = 1 GROUP BY fact_id",
            deck,
        )
        return {row["fact_id"]: (row["reps"], row["lapses"] or 0) for row in rows}

    def merge_card(self, deck: str, fact_id: str, card: dict, day: str) -> bool:
        """Keep `card` unless the stored one was reviewed more recently (or is the same); True when taken."""
        with self._transaction() as db:
            current = self._card(db, deck, fact_id)
            if current and (
                (current["last_review"] or "") > (card["last_review"] or "")
                or all(current[name] == card[name] for name in CARD_FIELDS)
            ):
                return False  # the stored card is newer, or the same: nothing to take
            self._write_card(db, deck, fact_id, day, current, card)
            return True

    @staticmethod
    def _card(db: sqlite3.Connection, deck: str, fact_id: str) -> dict | None:
        row = db.execute("SELECT * FROM cards WHERE deck = ? AND fact_id = ?", (deck, fact_id)).fetchone()
        return {name: row[name] for name in CARD_FIELDS} if row else None

    @staticmethod
    def _write_card(
        db: sqlite3.Connection, deck: str, fact_id: str, day: str, before: dict | None, after: dict
    ) -> None:
        values = [after[name] for name in CARD_FIELDS]
        if before is None:
            db.execute(
                "INSERT INTO cards (deck, fact_id, introduced, state, step, stability, difficulty,"
                " due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (deck, fact_id, day, *values),
            )
        else:
            db.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,"
                " last_review = ? WHERE deck = ? AND fact_id = ?",
                (*values, deck, fact_id),
            )


def _json(card: dict | None) -> str | None:
    return json.dumps({name: card[name] for name in CARD_FIELDS}, sort_keys=True) if card else None
