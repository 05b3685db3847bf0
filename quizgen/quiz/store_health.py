"""The progress file's checks on opening: whose file it is, damage, and one line for each problem."""

from __future__ import annotations

import os
import sqlite3

from quizgen.errors import ProgressError
from quizgen.paths import shown
from quizgen.quiz.cardcheck import card_problem as _card_problem
from quizgen.quiz.cardcheck import restore_hint as _restore_hint
from quizgen.quiz.dbfile import keep_copy
from quizgen.quiz.schema import APPLICATION_ID, SCHEMA_VERSION
from quizgen.quiz.store_part import StorePart

# SQLite's words for a file whose pages or records are broken.
_DAMAGE = ("malformed", "corrupt", "Could not decode", "disk image")


class Health(StorePart):
    """Refuse a file that is not quizgen's, copy a damaged one aside, set damaged card rows aside."""

    def _probe(self) -> None:
        """Read the file before opening it for writing: a damaged file is copied, never written to
        (a writer's checkpoint would change it, and each attempt would look like new damage)."""
        try:
            self._reader().close()
        except ProgressError as exc:
            detail = getattr(exc, "damage", None)
            if detail is None:
                raise
            raise self._damaged(detail) from None

    def _problem(self, exc: sqlite3.Error) -> ProgressError:
        """One line for the learner; a damaged file is copied aside first, so nothing more is lost."""
        message = str(exc)
        if isinstance(exc, sqlite3.DatabaseError) and any(word in message for word in _DAMAGE):
            return self._damaged(message)
        if "file is not a database" in message:  # SQLITE_NOTADB: the header is not SQLite's
            return self._not_a_database()
        if "readonly" in message and not os.access(self.path.parent, os.W_OK):
            message += f"; the folder {shown(self.path.parent)} must be writable (SQLite keeps a -wal file there)"
        return ProgressError(f"{shown(self.path)}: cannot use the progress database ({message})")

    def _not_a_database(self) -> ProgressError:
        return ProgressError(
            f"{shown(self.path)}: not a progress database: its first bytes are not "
            f"SQLite's (a damaged file, or another kind of file); it was left untouched; "
            f"{_restore_hint(self.path)}"
        )

    def _damaged(self, detail: str) -> ProgressError:
        copy = None if self.readonly else keep_copy(self.path)  # stats only reads
        kept = f"a copy is kept as {shown(copy)}; " if copy else ""
        error = ProgressError(
            f"{shown(self.path)}: the progress database is damaged ({detail}); {kept}{_restore_hint(self.path)}"
        )
        error.damage = detail  # type: ignore[attr-defined]
        return error

    def _check_identity(self) -> None:
        """Refuse a database that is not quizgen's rather than add tables to someone else's file."""
        self._db.execute("BEGIN")  # one snapshot: another session may be creating the tables right now
        try:
            tables = {
                row[0]
                for row in self._db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            application = self._db.execute("PRAGMA application_id").fetchone()[0]
        finally:
            self._db.execute("COMMIT")
        if version > SCHEMA_VERSION and application in (0, APPLICATION_ID):
            raise ProgressError(
                f"{shown(self.path)}: written by a newer quizgen (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        ours = application in (0, APPLICATION_ID) and (
            tables == set() if version == 0 else {"cards", "reviews"} <= tables
        )
        if not ours:
            listed = ", ".join(sorted(tables)[:5]) or "none"
            raise ProgressError(
                f"{shown(self.path)}: not a quizgen progress database (its tables: {listed}); "
                "it was left untouched; choose another file with --db"
            )

    def _check_health(self) -> None:
        """Damage past the header shows here, before a session starts, not as a crash mid-way."""
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        result = self._db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise self._damaged(
                next((line for line in result.splitlines() if not line.startswith("***")), "integrity check failed")
            )
        rows = self._db.execute("SELECT rowid, * FROM cards").fetchall() if self._has_tables() else []
        damaged = [(row, problem) for row in rows if (problem := _card_problem(row))]
        if not damaged:
            return
        copy = None if self.readonly else keep_copy(self.path)
        for row, problem in damaged:
            where = (
                f"it is kept in {shown(copy)} and the card starts afresh"
                if copy
                else "it is left out of these figures (quizgen quiz keeps a copy and sets it aside)"
            )
            self.set_aside.append(
                f"{shown(self.path)}: the progress of card {row['fact_id']!r} is damaged ({problem}); {where}"
            )
        if not self.readonly and copy is None:
            raise self._damaged(f"card {damaged[0][0]['fact_id']!r}: {damaged[0][1]}")
        self._skip = {row["rowid"] for row, _ in damaged}
        if not self.readonly:  # only the damaged rows go: every other card keeps its progress
            with self._transaction() as db:
                db.executemany("DELETE FROM cards WHERE rowid = ?", [(rowid,) for rowid in self._skip])
            self._skip = set()

    def _has_tables(self) -> bool:
        return self._has_table("cards")


SQLITE_HEADER = b"SQLite format 3\x00"


def foreign(path) -> bool:
    """Whether the file at `path` has content that does not begin with SQLite's header (an empty or
    missing file is a new database)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return False  # opening it says what is wrong
    return bool(head) and head != SQLITE_HEADER
