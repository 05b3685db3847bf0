"""The progress file on disk: where it may go, how it is opened, its backups and damaged copies."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import stat
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from quizgen.errors import ProgressError
from quizgen.paths import shown

# SQLite opens these beside the database: each must be a regular file too, or absent.
SIDECARS = ("-wal", "-shm", "-journal")
KEEP_BACKUPS = 7  # the newest backups of the progress file, one per session
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


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


def use_wal(db: sqlite3.Connection, patience: float = 10.0) -> None:
    """Put the file in WAL mode (readers never block the writer), waiting for other sessions.

    The switch needs the file to itself and SQLite does not call the busy handler for it: two
    sessions starting on a new file at once would otherwise see "database is locked".
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def check_place(path: Path, readonly: bool) -> None:
    """Clear words for the usual path mistakes, before anything opens the file.

    Only regular files (or nothing yet) are used: SQLite would block for ever in open() on a
    FIFO, deaf to Ctrl-C and SIGTERM, and write a journal beside /dev/null.
    """
    where = shown(path)
    if not str(path).strip():
        raise ProgressError("--db is empty; give a file name (or leave --db out for the default)")
    if not path.name or path.is_dir():  # '.', '/', a folder: no file name to open or back up
        raise ProgressError(f"{where} is a directory; give a file name inside it with --db")
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in SIDECARS)):
        problem = _not_regular(candidate)
        if problem:
            raise ProgressError(
                f"{where}: {shown(candidate)} is {problem}; the progress file must be a "
                "regular file: give another file name with --db"
            )
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise ProgressError(f"{where}: {shown(parent)} is a file, not a folder")
    if readonly:
        return
    if not path.exists() and parent is not None and not os.access(parent, os.W_OK):
        raise ProgressError(f"{where}: permission denied: cannot create files in {shown(parent)}")
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        place = shown(path) if not os.access(path, os.W_OK) else f"its folder {shown(path.parent)}"
        raise ProgressError(
            f"{where}: read-only ({place} cannot be written to; SQLite also keeps a -wal file "
            "beside it): copy the file somewhere writable and pass that with --db "
            "(quizgen stats and progress export can read it where it is)"
        )


def _not_regular(path: Path) -> str | None:
    """What `path` is when it exists and is not a regular file (following links), else None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a link to nothing" if os.path.islink(path) else None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        return None  # permission problems are reported when the file is opened
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def fingerprint(path: Path) -> str:
    """SHA-256 of the file and its -wal: one damaged copy per distinct damage."""
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists() and part.stat().st_size:  # an empty -wal left by an open says nothing
            with open(part, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def keep_copy(path: Path) -> Path | None:
    """Copy a damaged database (and its -wal) beside it, once per distinct damage.

    A copy with the same content is reused, so running the quiz again on the same damage
    keeps no second copy. A consistent snapshot is taken with SQLite's backup when the
    file can still be read, else the bytes are copied.
    """
    try:
        mark = fingerprint(path)
    except OSError:
        return None
    number = 1
    while True:
        copy = path.with_name(f"{path.name}.damaged-{number}")
        tag = copy.with_name(copy.name + ".sha256")
        if not copy.exists():
            break
        if tag.exists() and tag.read_text(encoding="ascii", errors="replace").strip() == mark:
            return copy
        number += 1
    try:
        _copy_bytes(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            _copy_bytes(wal, copy.with_name(copy.name + "-wal"))
        tag.write_text(mark + "\n", encoding="ascii")
        return copy
    except OSError:
        return None


def _copy_bytes(source: Path, target: Path) -> None:
    with open(source, "rb") as reader, open(target, "xb") as writer:
        for block in iter(lambda: reader.read(1 << 20), b""):
            writer.write(block)


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def newest_backup(path: Path) -> Path | None:
    folder = backup_folder(path)
    found = sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []
    return found[-1] if found else None


def make_backup(db: sqlite3.Connection, path: Path) -> Path | None:
    """A consistent copy of a sound progress file before a session writes to it; the newest
    KEEP_BACKUPS are kept. None (and the session goes on) when the folder cannot take it."""
    folder = backup_folder(path)
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{moment}.sqlite3"
    try:
        folder.mkdir(exist_ok=True)
        with sqlite3.connect(str(target) + ".tmp") as copy:
            db.backup(copy)
        copy.close()
        os.replace(str(target) + ".tmp", target)
        for old in sorted(folder.glob("*.sqlite3"))[:-KEEP_BACKUPS]:
            old.unlink()
        return target
    except (OSError, sqlite3.Error):
        return None
