"""FSRS scheduling: card states to and from the store, the order of a session, the new-card limit."""

from __future__ import annotations

import hashlib
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from fsrs import Card, Rating, Scheduler

from quizgen.grading.matcher import ALMOST, CORRECT, WRONG
from quizgen.model import Fact
from quizgen.quiz.clock import day_end, stamp

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# A close answer is Again unless the learner says they were right (the session asks).
GRADE_RATINGS = {CORRECT: Rating.Good, ALMOST: Rating.Again, WRONG: Rating.Again}
# Like Anki: with nothing else left, a card in its learning steps may come up to 20 minutes early.
LEARN_AHEAD = timedelta(minutes=20)
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3


def make_scheduler(
    retention: float = 0.9, steps: tuple[timedelta, ...] | None = None, weights: tuple[float, ...] | None = None
) -> Scheduler:
    """FSRS defaults (learning steps 1 and 10 minutes, relearning 10 minutes) at the desired retention;
    `steps`: other learning steps (`--steps 10m,1h,1d`); `weights`: parameters `quiz optimize` computed."""
    chosen: dict[str, Any] = {"desired_retention": retention}
    if steps is not None:
        chosen["learning_steps"] = steps
    if weights is not None:
        chosen["parameters"] = weights
    return Scheduler(**chosen)


def parse_steps(text: str) -> tuple[timedelta, ...] | None:
    """'1m,10m' -> (1 minute, 10 minutes); None when it is not a list of 1-10 steps of m, h or d."""
    units = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
    parts = [part.strip().lower() for part in text.split(",")]
    if not 1 <= len(parts) <= 10 or not all(len(p) >= 2 and p[:-1].isdigit() and p[-1] in units for p in parts):
        return None
    steps = tuple(int(p[:-1]) * units[p[-1]] for p in parts)
    return steps if all(timedelta(0) < step <= timedelta(days=30) for step in steps) else None


def card_number(fact_id: str) -> int:
    """A stable integer id for FSRS, derived from the fact id (never from its content)."""
    return int.from_bytes(hashlib.sha1(fact_id.encode()).digest()[:6], "big")


def rate_card(scheduler: Scheduler, fact_id: str, stored: dict | None, rating: int, moment: datetime) -> dict:
    """The card after rating it at `moment`; `stored` is its row (None for a new card)."""
    if stored is None:
        card = Card(card_id=card_number(fact_id), due=moment)
    else:
        card = Card.from_dict(cast(Any, {**stored, "card_id": card_number(fact_id)}))
    card, _ = scheduler.review_card(card, Rating(rating), review_datetime=moment)
    return {
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": stamp(card.due),
        "last_review": stamp(card.last_review) if card.last_review else None,
    }


CARD_KEYS = ("state", "step", "stability", "difficulty", "due", "last_review")


@dataclass(frozen=True)
class Choices:
    """The four cards one answer can lead to, computed once (FSRS fuzz is random on every call):
    the rating prompt shows their intervals, and the rating chosen applies the very card shown."""

    fact_id: str
    before: dict | None
    moment: datetime
    cards: dict[int, dict]

    @classmethod
    def of(cls, scheduler: Scheduler, fact_id: str, before: dict | None, moment: datetime) -> Choices:
        cards = {rating: rate_card(scheduler, fact_id, before, rating, moment) for rating in RATING_NAMES}
        return cls(fact_id, before, moment, cards)

    def card(self, scheduler: Scheduler, stored: dict | None, rating: int) -> dict:
        """The card after `rating`; computed afresh only if another session changed it meanwhile."""
        if _state(stored) == _state(self.before):
            return self.cards[rating]
        return rate_card(scheduler, self.fact_id, stored, rating, self.moment)


def _state(card: dict | None) -> tuple | None:
    return tuple(card[key] for key in CARD_KEYS) if card else None


def due_at(card: dict) -> datetime:
    return datetime.fromisoformat(card["due"])


@dataclass
class Queue:
    """What comes next: learning cards when due, then the planned cards, then learning cards early.

    Two cards of a give-away pair (one states the other's answer) are never asked back to back: the
    next card is the first in that order that the card just shown does not give away. When every
    card left is given away by the one just shown, the session stops there and they wait
    (`held_back`), for a later session.
    """

    planned: deque[str]
    learning: dict[str, datetime] = field(default_factory=dict)
    requeue: bool = True
    apart: dict[str, set[str]] = field(default_factory=dict)
    last: str | None = None

    def keep_apart(self, pairs) -> None:
        """Never ask the two cards of any of `pairs` (fact id pairs) one right after the other."""
        for one, other in pairs:
            self.apart.setdefault(one, set()).add(other)
            self.apart.setdefault(other, set()).add(one)

    def limit(self, count: int) -> None:
        """`--limit N`: at most N different cards, the planned ones first (due ones come first), then
        learning steps of earlier sessions coming due, soonest first; the rest another time."""
        while len(self.planned) > count:
            self.planned.pop()
        room = count - len(self.planned)
        for fact_id in sorted(self.learning, key=lambda key: self.learning[key])[max(0, room) :]:
            del self.learning[fact_id]

    def next_card(self, moment: datetime) -> str | None:
        """Learning cards due now, then the planned cards, then learning cards early. Equal due times
        (answers within a second, a frozen clock) go in answer order, oldest first, and the card just
        shown comes back only when no other card may be asked."""
        order = {fact_id: index for index, fact_id in enumerate(self.learning)}  # answer order
        waiting = sorted(self.learning, key=lambda fact_id: (self.learning[fact_id], order[fact_id]))
        due_now = [fact_id for fact_id in waiting if self.learning[fact_id] <= moment]
        early = [fact_id for fact_id in waiting if moment < self.learning[fact_id] <= moment + LEARN_AHEAD]
        given_away = self.apart.get(self.last or "", set())
        allowed = [fact_id for fact_id in (*due_now, *self.planned, *early) if fact_id not in given_away]
        others = [fact_id for fact_id in allowed if fact_id != self.last or fact_id not in self.learning]
        if not allowed:
            return None
        fact_id = (others or allowed)[0]
        if fact_id in self.learning:
            del self.learning[fact_id]
        else:
            self.planned.remove(fact_id)
        self.last = fact_id
        return fact_id

    def held_back(self, moment: datetime) -> int:
        """Cards left unasked only because the card just shown gives their answers away."""
        soon = sum(due <= moment + LEARN_AHEAD for due in self.learning.values())
        return len(self.planned) + soon

    def answered(self, fact_id: str, card: dict | None, moment: datetime) -> None:
        """A card whose next step falls within this sitting comes back in it (once)."""
        self.learning.pop(fact_id, None)
        if self.requeue and card and card["state"] != REVIEW and due_at(card) <= moment + LEARN_AHEAD:
            self.learning[fact_id] = due_at(card)

    def put_back(self, fact_id: str) -> None:
        """Undo: the card is asked again first (once, however often it is put back)."""
        self.learning.pop(fact_id, None)
        if fact_id in self.planned:
            self.planned.remove(fact_id)
        self.planned.appendleft(fact_id)

    def __len__(self) -> int:
        return len(self.planned) + len(self.learning)


def review_queue(
    facts: list[Fact], cards: dict[str, dict], moment: datetime, new_left: int, reviews_left: int | None = None
) -> Queue:
    """Cards due (reviews due today, learning steps due now), oldest first, then new cards in bank order.

    A learning step due within LEARN_AHEAD but not yet waits in `Queue.learning`: it comes when due,
    or early only when nothing else is left (never ahead of new cards). `reviews_left`: the daily
    cap on reviews of learned cards (the most overdue first); learning steps are never capped.
    """
    due, reviews, soon = [], [], {}
    for fact in facts:
        card = cards.get(fact.id)
        if card is None:
            continue
        if card["state"] == REVIEW and due_at(card) <= day_end(moment):
            reviews.append((card["due"], fact.id))
        elif due_at(card) <= moment:
            due.append((card["due"], fact.id))
        elif card["state"] != REVIEW and due_at(card) <= moment + LEARN_AHEAD:
            soon[fact.id] = due_at(card)
    fresh = [fact.id for fact in facts if fact.id not in cards][: max(0, new_left)]
    due += sorted(reviews)[: None if reviews_left is None else max(0, reviews_left)]
    return Queue(deque([fact_id for _, fact_id in sorted(due)] + fresh), soon)


def practice_queue(facts: list[Fact], count: int, rng: random.Random) -> Queue:
    """`count` cards drawn at random, due or not; each asked once."""
    chosen = rng.sample([fact.id for fact in facts], min(count, len(facts)))
    return Queue(deque(chosen), requeue=False)


def count_due(facts: list[Fact], cards: dict[str, dict], moment: datetime) -> int:
    """Cards already learned that are due by the end of today."""
    end = day_end(moment)
    return sum(1 for fact in facts if fact.id in cards and due_at(cards[fact.id]) <= end)
