"""`quizgen progress export|import FILE`: the study page's progress JSON, to and from the SQLite store.

The format is the study page's (templates/web/progress.js): {"format": "quizgen-progress",
"version": 1, "deck": NAME, "cards": {fact id: ts-fsrs card}}. Import merges per fact id: the
more recently reviewed state wins, each card in its own transaction with the card as it is on
disk, so a session running meanwhile loses nothing.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgen.errors import ProgressError, UsageError
from quizgen.model import Bank
from quizgen.paths import shown
from quizgen.quiz.clock import local_day, now, stamp
from quizgen.quiz.store import Store

FORMAT, VERSION = "quizgen-progress", 1
MAX_BYTES = 20_000_000


def export_progress(store: Store, bank: Bank, target: Path) -> int:
    """Write every card of the deck the study page can import; the number of cards written."""
    counts = store.review_counts(bank.name)
    cards = {}
    for fact_id, card in sorted(store.cards(bank.name).items()):
        if fact_id not in bank.by_id:
            continue  # progress of a fact no longer in the bank stays in the database only
        reps, lapses = counts.get(fact_id, (0, 0))
        due, last = _time(card["due"]), _time(card["last_review"]) if card["last_review"] else None
        cards[fact_id] = {
            "due": _iso(due), "stability": card["stability"], "difficulty": card["difficulty"],
            "elapsed_days": 0, "scheduled_days": max(0, round((due - last).total_seconds() / 86400)) if last else 0,
            "learning_steps": card["step"] or 0, "reps": max(reps, 1), "lapses": lapses,
            "state": card["state"], "last_review": _iso(last) if last else None}
    document = {"format": FORMAT, "version": VERSION, "deck": bank.name, "cards": cards}
    _write(target, json.dumps(document, indent=1, sort_keys=True) + "\n")
    return len(cards)


def import_progress(store: Store, bank: Bank, source: Path) -> tuple[int, int, int]:
    """Merge a study-page export: (cards taken, cards in the file, cards of facts not in this bank)."""
    document = _read(source)
    if document.get("deck") not in (None, bank.name):
        raise UsageError(f"{shown(source)}: progress of deck {document.get('deck')!r}, not {bank.name!r}")
    incoming = document["cards"]
    day = local_day(now()).isoformat()
    checked = {fact_id: _stored(source, fact_id, card) for fact_id, card in sorted(incoming.items())
               if fact_id in bank.by_id}  # every card checked before the first is written
    taken = sum(store.merge_card(bank.name, fact_id, card, day) for fact_id, card in checked.items())
    return taken, len(incoming), len(incoming) - len(checked)


def _stored(source: Path, fact_id: str, card) -> dict:
    """The store's fields from a ts-fsrs card; anything ts-fsrs itself would not accept is refused."""
    def damaged(why: str) -> ProgressError:
        return ProgressError(f"{shown(source)}: the progress of {fact_id!r} is damaged ({why}); nothing was imported")

    if not isinstance(card, dict):
        raise damaged("not an object")
    state = card.get("state")
    if state not in (1, 2, 3) or isinstance(state, bool):
        raise damaged(f"state {state!r} is not 1, 2 or 3")
    numbers = {}
    for name, low, high in (("stability", 0.001, 1e7), ("difficulty", 1.0, 10.0)):
        value = card.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not low <= value <= high:
            raise damaged(f"{name} {value!r}")
        numbers[name] = float(value)
    step = card.get("learning_steps", 0)
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step < 100:
        raise damaged(f"learning_steps {step!r}")
    try:
        due = _time(card["due"])
        last = _time(card["last_review"]) if card.get("last_review") else None
    except (KeyError, TypeError, ValueError):
        raise damaged("due or last_review is not a time") from None
    if last and last > now() + timedelta(days=1):  # it would win every later merge and never come due
        raise damaged(f"last_review {stamp(last)} is in the future: was that device's clock set wrong?")
    return {"state": state, "step": step if state in (1, 3) else None, **numbers, "due": stamp(due),
            "last_review": stamp(last) if last else None}


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None or not 1970 <= moment.year < 3000:
        raise ValueError(text)
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    """As JavaScript's toISOString writes it, which the study page reads back."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _read(source: Path) -> dict:
    from quizgen.quiz.dbfile import check_place
    if not source.is_file():
        check_place(source, readonly=True)  # a FIFO or a device is named as such, never opened
        raise UsageError(f"{shown(source)}: no such file")
    if source.stat().st_size > MAX_BYTES:
        raise UsageError(f"{shown(source)}: larger than {MAX_BYTES // 1_000_000} MB: not a progress file")
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise UsageError(f"{shown(source)}: not a quizgen progress file ({type(exc).__name__})") from None
    if (not isinstance(document, dict) or document.get("format") != FORMAT
            or not isinstance(document.get("cards"), dict)):
        raise UsageError(f"{shown(source)}: not a quizgen progress file (no \"format\": \"{FORMAT}\" with cards)")
    return document


def _write(target: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside the target, then renamed over it."""
    if target.exists() and not target.is_file():
        raise UsageError(f"{shown(target)}: not a regular file")
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        raise UsageError(f"{shown(target)}: cannot write ({exc.strerror or exc})") from None
