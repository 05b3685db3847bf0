"""What a stored card row must hold before FSRS or the stats touch it, and the words for damage."""

from __future__ import annotations

import math
import sqlite3
from datetime import datetime
from pathlib import Path

from quizgen.paths import shown
from quizgen.quiz.dbfile import newest_backup


def card_problem(row: sqlite3.Row) -> str | None:
    """What is wrong with a card row a hand, another tool or a bad disk has edited (None when sound).

    Everything FSRS and the stats rely on is checked: a sound row never ends in a traceback.
    """
    if type(row["state"]) is not int or row["state"] not in (1, 2, 3):
        return f"state {row['state']!r} is not 1, 2 or 3"
    if row["step"] is not None and (type(row["step"]) is not int or not 0 <= row["step"] < 100):
        return f"step {row['step']!r} is not a small whole number"
    if row["state"] in (1, 3) and row["step"] is None:
        return "a card in its learning steps has no step"
    for name in ("due", "last_review"):
        value = row[name]
        if value is None and name == "last_review":
            continue
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return f"{name} {value!r} is not a time"
        if moment.tzinfo is None:
            return f"{name} {value!r} has no time zone"
        if not 1970 <= moment.year < 3000:
            return f"{name} {value!r} is out of range"
    for name, low, high in (("stability", 0.001, 1e7), ("difficulty", 1.0, 10.0)):
        value = row[name]
        if value is None and row["state"] == 1 and row["last_review"] is None:
            continue  # a card that FSRS has not yet given a memory state
        if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
            return f"{name} {value!r} is not a number from {low:g} to {high:g}"
    return None


def card_dict(row: sqlite3.Row) -> dict:
    card = dict(row)
    card.pop("rowid", None)
    return card


def restore_hint(path: Path) -> str:
    backup = newest_backup(path)
    if backup:
        return f"the newest backup is {shown(backup)}: copy it over the file, or move the file aside to start afresh"
    return "move the file aside to start afresh (there is no backup of it yet)"
