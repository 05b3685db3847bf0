"""Cards the learner set aside (suspended, buried), flagged, or reported."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quizgen.paths import shown
from quizgen.quiz.store_part import StorePart


class Marks(StorePart):
    """Suspend, bury and flag cards of the progress store."""

    def mark(self, deck: str, fact_id: str, mark: str, until: str | None, reason: str, at: str) -> None:
        """Suspend or bury a card (a later mark replaces an earlier one)."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO marks (deck, fact_id, mark, until, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
                (deck, fact_id, mark, until, reason, at),
            )

    def unmark(self, deck: str, fact_id: str) -> None:
        """Take a card's suspension or burial away (undo of the answer it was given at)."""
        if self._has_marks():
            with self._transaction() as db:
                db.execute("DELETE FROM marks WHERE deck = ? AND fact_id = ?", (deck, fact_id))

    def set_aside_cards(self, deck: str, day: str) -> set[str]:
        """Fact ids not to ask on `day`: suspended, or buried until that day or later."""
        if not self._has_marks():
            return set()
        rows = self._read("SELECT fact_id FROM marks WHERE deck = ? AND (mark = 'suspended' OR until >= ?)", deck, day)
        return {row["fact_id"] for row in rows}

    def unsuspend(self, deck: str) -> int:
        """Bring every suspended card of the deck back; how many there were."""
        if not self._has_marks():
            return 0
        with self._transaction() as db:
            return db.execute("DELETE FROM marks WHERE deck = ? AND mark = 'suspended'", (deck,)).rowcount

    def flag(self, deck: str, fact_id: str, at: str) -> bool:
        """Flag a card, or take its flag away if it has one; True when it is flagged now."""
        with self._transaction() as db:
            if db.execute("DELETE FROM flags WHERE deck = ? AND fact_id = ?", (deck, fact_id)).rowcount:
                return False
            db.execute("INSERT INTO flags (deck, fact_id, at) VALUES (?, ?, ?)", (deck, fact_id, at))
            return True

    def flagged(self, deck: str) -> set[str]:
        """The deck's flagged cards (none in a file older than flags)."""
        if not self._has_table("flags"):
            return set()
        return {row["fact_id"] for row in self._read("SELECT fact_id FROM flags WHERE deck = ?", deck)}

    def _has_marks(self) -> bool:
        return self._has_table("marks")


def append_report(path: Path, deck: str, fact_id: str, note: str) -> str:
    """Append one line (time, deck, fact id, note) to the reports file beside the progress file."""
    from quizgen.quiz.clock import now, stamp

    target = path.with_name(path.stem + "-reports.txt")
    line = "\t".join((stamp(now()), deck, fact_id, " ".join(note.split())))
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
    descriptor = os.open(target, flags, 0o644)
    with os.fdopen(descriptor, "a", encoding="utf-8") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError(f"{shown(target)} is not a regular file")
        stream.write(line + "\n")
    return shown(target)
