"""`quizgen stats --card ID`: every answer to one card, oldest first, and where the card stands now."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.model import Bank
from quizgen.quiz.card_screen import STATES
from quizgen.quiz.clock import local_day, now, short_interval
from quizgen.quiz.dbfile import check_place
from quizgen.quiz.scheduler import RATING_NAMES, due_at
from quizgen.quiz.screen import Screen
from quizgen.quiz.store import Store

_FOREVER = "9999-12-31"  # a day no burial reaches: the cards set aside on it are the suspended ones


def show_history(path: Path, banks: list[Bank], whole: list[Bank], fact_id: str, screen: Screen) -> int:
    """The answers with the interval each gave, then a state line: `new` or `review · suspended · flagged ·
    due 2026-12-18`. `banks` are those of --source/--tag/--kind; `whole`, the same banks unfiltered."""
    bank = next((bank for bank in banks if fact_id in bank.by_id), None)
    if bank is None:
        known = next((bank for bank in whole if fact_id in bank.by_id), None)
        if known is not None:
            fact = known.by_id[fact_id]
            raise UsageError(
                f"--card {fact_id!r}: not in this filter (a {fact.kind} of {known.title}, "
                "left out by --source/--tag/--kind); leave the filter out to see it"
            )
        raise UsageError(
            f"--card {fact_id!r}: no such fact id in this bank (the study page shows each card's id; "
            "so does a report, r)"
        )
    check_place(path, readonly=True)
    rows: list[dict] = []
    state = "new: not answered yet"
    if path.exists():
        with Store(path, readonly=True) as store:
            rows = store.history(bank.name, fact_id)
            state = _state(store, bank.name, fact_id)
    screen.para(bank.by_id[fact_id].q, "bold")
    for row in rows:  # every value read back is shown cleaned: the log may have been edited by hand
        after = row["after"]
        next_time = "practice" if not row["scheduled"] else "next: ?"
        if after and row["scheduled"]:
            with contextlib.suppress(KeyError, TypeError, ValueError):  # a damaged row shows "next: ?"
                next_time = f"next in {short_interval(due_at(after) - datetime.fromisoformat(row['reviewed_at']))}"
        day, grade = screen.clean(str(row["day"])), screen.clean(str(row["grade"]))
        screen.para(
            f"{day}  {RATING_NAMES.get(row['rating'], '?'):<5}  {grade:<7}  {next_time:<13}"
            f"  {screen.clean(row['answer'] or '')}",
            indent="  ",
        )
    screen.para(f"Now: {state}")
    return 0


def _state(store: Store, deck: str, fact_id: str) -> str:
    """`review · suspended · flagged · due 2026-12-18` (the card's FSRS state, its marks, its next day)."""
    today = local_day(now()).isoformat()
    card = store.cards(deck).get(fact_id)
    parts = [STATES.get(card.get("state"), "?") if card else "new"]
    if fact_id in store.set_aside_cards(deck, _FOREVER):
        parts.append("suspended (quizgen quiz --unsuspend)")
    elif fact_id in store.set_aside_cards(deck, today):
        parts.append("buried until tomorrow")
    if fact_id in store.flagged(deck):
        parts.append("flagged")
    if card:
        with contextlib.suppress(KeyError, TypeError, ValueError):  # a damaged card shows no date
            due = local_day(due_at(card)).isoformat()
            parts.append("due today" if due <= today else f"due {due}")
    return " · ".join(parts) if card or len(parts) > 1 else "new: not answered yet"
