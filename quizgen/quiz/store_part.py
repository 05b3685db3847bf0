"""What every part of the progress store shares: the open database, its transactions and reads."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path


class StorePart:
    """A part of `Store` (quiz/store.py): the store gives these; each part adds its own methods."""

    path: Path
    readonly: bool
    _db: sqlite3.Connection
    _skip: set[int]
    set_aside: list[str]

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _read(self, query: str, *values) -> list[sqlite3.Row]:
        raise NotImplementedError

    def _problem(self, exc: sqlite3.Error) -> Exception:
        raise NotImplementedError

    def _reader(self) -> StorePart:
        """The same file opened again, read-only."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _has_table(self, name: str) -> bool:
        """Whether the file has table `name` (an older file, or one stats only reads, may lack it)."""
        return self._db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0] > 0
