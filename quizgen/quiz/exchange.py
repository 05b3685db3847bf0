"""`quizgen progress export|import FILE`: the study page's progress JSON, to and from the SQLite store.

The format is the study page's (templates/web/progress.js): {"format": "quizgen-progress",
"version": 1, "deck": NAME, "cards": {fact id: ts-fsrs card}}. Import merges per fact id: the
more recently reviewed state wins, each card in its own transaction with the card as it is on
disk, so a session running meanwhile loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgen.errors import BankError, ProgressError, UsageError
from quizgen.files import NotJSON, parse_json, read_regular
from quizgen.model import Bank
from quizgen.output import write_atomic
from quizgen.paths import shown
from quizgen.quiz.clock import local_day, now, stamp
from quizgen.quiz.store import Store

FORMAT, VERSION = "quizgen-progress", 1
KNOWN_VERSIONS = (1, 2)  # 1 written here, 2 by the study page (templates/web/progress.mjs); no version: 1
MAX_BYTES = 20_000_000
# The card ranges of the format, the study page's (templates/web/progress.mjs, ts-fsrs' own): what one
# end writes, the other reads. A stability past ts-fsrs' ceiling schedules no differently (intervals
# stop at 36,500 days), so the export writes the ceiling; times are in range in UTC, as the store checks.
STABILITY = (0.001, 36500.0)
DIFFICULTY = (1.0, 10.0)
YEARS = (1970, 3000)


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
            "due": _iso(due),
            "stability": min(card["stability"], STABILITY[1]),
            "difficulty": card["difficulty"],
            "elapsed_days": 0,
            "scheduled_days": max(0, round((due - last).total_seconds() / 86400)) if last else 0,
            "learning_steps": card["step"] or 0,
            "reps": max(reps, 1),
            "lapses": lapses,
            "state": card["state"],
            "last_review": _iso(last) if last else None,
        }
    document = {"format": FORMAT, "version": VERSION, "deck": bank.name, "cards": cards}
    _write(target, json.dumps(document, indent=1, sort_keys=True) + "\n", store.path)
    return len(cards)


def read_progress(bank: Bank, source: Path) -> tuple[dict[str, dict], int]:
    """The store's fields of every card of `source` that is in the bank, all checked before the
    database is even opened, and the number of cards in the file."""
    document = _read(source)
    if document.get("deck") not in (None, bank.name):
        raise UsageError(f"{shown(source)}: progress of deck {document.get('deck')!r}, not {bank.name!r}")
    incoming = document["cards"]
    checked = {
        fact_id: _stored(source, fact_id, card)
        for fact_id, card in sorted(incoming.items())
        if fact_id in bank.by_id and not _unstudied(card)
    }
    return checked, len(incoming)


def import_progress(store: Store, bank: Bank, checked: dict[str, dict]) -> int:
    """Merge checked cards (read_progress): the number taken. A card is introduced on the day of its
    first review, never on the import day (an import uses up none of the day's new cards)."""
    return sum(store.merge_card(bank.name, fact_id, card, card["introduced"]) for fact_id, card in checked.items())


def _introduced(card: dict, last: datetime | None) -> str:
    """The learner's day of a card's first review when the file shows it (the study page's `first`, or
    a single review: the last is the first), else '' (an earlier day, never counted as new on any day)."""
    with contextlib.suppress(TypeError, ValueError):
        return local_day(_time(card["first"])).isoformat() if card.get("first") else _first_is_last(card, last)
    return _first_is_last(card, last)


def _first_is_last(card: dict, last: datetime | None) -> str:
    reps = card.get("reps")
    return local_day(last).isoformat() if last and reps == 1 and not isinstance(reps, bool) else ""


def _unstudied(card: object) -> bool:
    """A card the study page keeps as New (state 0): it holds no progress, so there is nothing to merge."""
    return isinstance(card, dict) and card.get("state") == 0 and not isinstance(card.get("state"), bool)


def facts_not_in(bank: Bank, source: Path) -> int:
    """How many cards of `source` (already read by read_progress) are for facts this bank lacks."""
    return sum(fact_id not in bank.by_id for fact_id in _read(source)["cards"])


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
    for name, (low, high) in (("stability", STABILITY), ("difficulty", DIFFICULTY)):
        value = card.get(name)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not low <= value <= high
        ):
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
    return {
        "state": state,
        "step": step if state in (1, 3) else None,
        **numbers,
        "due": stamp(due),
        "last_review": stamp(last) if last else None,
        "introduced": _introduced(card, last),
    }


def _time(text: str) -> datetime:
    """A time with its zone, in range once in UTC (1970-01-01T00:00+14:00 is 1969 there)."""
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(text)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1
        raise ValueError(text) from None
    if not YEARS[0] <= moment.year < YEARS[1]:
        raise ValueError(text)
    return moment


def _iso(moment: datetime) -> str:
    """As JavaScript's toISOString writes it, which the study page reads back."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _read(source: Path) -> dict:
    """The progress document of `source`, or one line naming `source` (never --db) and what is wrong."""
    if not os.path.lexists(source):
        raise UsageError(f"{shown(source)}: no such file")
    try:
        document = parse_json(read_regular(source, shown(source), MAX_BYTES))
    except BankError as exc:
        raise UsageError(f"not a progress file: {exc.problems[0]}") from None
    except NotJSON as exc:
        raise UsageError(f"{shown(source)}:{exc.line}: not a quizgen progress file ({exc.why})") from None
    if not _is_progress(document):
        raise UsageError(f'{shown(source)}: not a quizgen progress file (no "format": "{FORMAT}" with cards)')
    version = document.get("version", 1)
    whole = type(version) in (int, float) and float(version).is_integer()  # as JavaScript's Number.isInteger
    if whole and version > max(KNOWN_VERSIONS):
        raise UsageError(
            f"{shown(source)}: written by a newer quizgen (progress format version {version:g}); "
            "update quizgen to import it"
        )
    if not whole or version not in KNOWN_VERSIONS:
        raise UsageError(
            f"{shown(source)}: not a quizgen progress file (version {json.dumps(version)[:40]}, "
            f"not {' or '.join(map(str, KNOWN_VERSIONS))})"
        )
    return document


def _is_progress(document: object) -> bool:
    return isinstance(document, dict) and document.get("format") == FORMAT and isinstance(document.get("cards"), dict)


def _write(target: Path, text: str, database: Path) -> None:
    """Whole or not at all (a temporary file renamed over the target), and never over the progress
    database or any file that is not already a quizgen progress file: a mistyped name loses nothing."""
    if os.path.lexists(target):
        if os.path.exists(target) and os.path.exists(database) and os.path.samefile(target, database):
            raise UsageError(
                f"{shown(target)}: that is the progress database itself (--db); give another file name for the export"
            )
        try:
            existing = parse_json(read_regular(target, shown(target), MAX_BYTES))
        except BankError as exc:
            raise UsageError(f"not overwritten: {exc.problems[0]}") from None
        except NotJSON:
            existing = None
        if not _is_progress(existing):
            raise UsageError(
                f"{shown(target)}: exists and is not a quizgen progress file; not overwritten "
                "(give another file name, or remove it first)"
            )
    write_atomic(target, text)
