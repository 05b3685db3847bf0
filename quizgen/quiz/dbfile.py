"""The progress file on disk: where it may go, how it is opened, the copy kept when it is damaged."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

from quizgen.errors import ProgressError
from quizgen.paths import shown


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if not readonly:
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(path, isolation_level=None)
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        # A WAL database in a folder we may not write to: read it as it is on disk.
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)


def check_place(path: Path, readonly: bool) -> None:
    """Clear words for the usual path mistakes, instead of SQLite's 'unable to open database file'."""
    where = shown(path)
    if path.is_dir():
        raise ProgressError(f"{where}: is a directory; give a file name with --db")
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise ProgressError(f"{where}: {shown(parent)} is a file, not a folder")
    if readonly:
        return
    if not path.exists() and parent is not None and not os.access(parent, os.W_OK):
        raise ProgressError(f"{where}: permission denied: cannot create files in {shown(parent)}")


def keep_copy(path: Path) -> Path | None:
    """Copy a damaged database (and its -wal) beside it before the learner does anything else."""
    for number in range(1, 100):
        backup = path.with_name(f"{path.name}.damaged-{number}")
        if not backup.exists():
            break
    try:
        shutil.copy2(path, backup)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, backup.with_name(backup.name + "-wal"))
        return backup
    except OSError:
        return None
