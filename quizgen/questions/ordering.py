"""Chronological ordering: dated events far enough apart that only one order is right."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.model import Bank, Fact, When
from quizgen.questions.catalog import catalog_of
from quizgen.questions.events import dated, labels_alike

PROMPT = "In what order did these events happen?"
GAP_IN_DAYS = 365  # a year apart at least: a learner orders what they know, not the days between


@dataclass(frozen=True)
class Ordering:
    """Events shown in `items` order; `order` lists item indices from earliest to latest."""

    prompt: str
    items: tuple[str, ...]
    facts: tuple[Fact, ...]  # facts[i] backs items[i]
    order: tuple[int, ...]


def orderable(facts: Sequence[Fact], unclear: frozenset[str] = frozenset()) -> list[Fact]:
    """Dated facts whose label does not give the year away nor fits an event of another year."""
    return [fact for fact in facts if dated(fact) and fact.id not in unclear]


def ordering(facts: Sequence[Fact], bank: Bank, rng: random.Random, size: int = 5) -> Ordering | None:
    """Pick 3-`size` events a year apart with labels unlike each other; None when none can be found.

    Events whose label also fits another date in `bank` (a resumption, a second cut) are left out.
    """
    catalog = catalog_of(bank)
    candidates = orderable(facts, catalog.unclear_events)
    for wanted in range(size, 2, -1):
        chosen = _spread(candidates, rng, wanted, catalog.event_words)
        if chosen:
            return _shuffled(chosen, rng)
    return None


def reshuffled(question: Ordering, rng: random.Random) -> Ordering:
    return _shuffled([question.facts[i] for i in question.order], rng)


def span(when: When) -> tuple[datetime.date, datetime.date]:
    """First and last day a date of its precision can mean ('2002' is all of 2002)."""
    if when.month is None:
        return datetime.date(when.year, 1, 1), datetime.date(when.year, 12, 31)
    if when.day is None:
        following = datetime.date(when.year + when.month // 12, when.month % 12 + 1, 1)
        return datetime.date(when.year, when.month, 1), following - datetime.timedelta(days=1)
    day = datetime.date(when.year, when.month, when.day)
    return day, day


def apart(a: When, b: When, gap_days: int) -> bool:
    """Whether every day `a` can mean is at least `gap_days` before or after every day of `b`."""
    (a_start, a_end), (b_start, b_end) = span(a), span(b)
    return (b_start - a_end).days >= gap_days or (a_start - b_end).days >= gap_days


def _spread(candidates: list[Fact], rng: random.Random, wanted: int, common: frozenset[str]) -> list[Fact] | None:
    for _ in range(30):  # a few random greedy tries; the first full set wins
        pool = list(candidates)
        rng.shuffle(pool)
        chosen: list[Fact] = []
        for fact in pool:
            if all(
                apart(fact.date, other.date, GAP_IN_DAYS)
                and not labels_alike(fact.event_label, other.event_label, common)
                for other in chosen
            ):
                chosen.append(fact)
                if len(chosen) == wanted:
                    return chosen
    return None


def _shuffled(chosen: list[Fact], rng: random.Random) -> Ordering:
    by_date = sorted(chosen, key=lambda fact: fact.date.sort_key)
    shown = list(by_date)
    while shown == by_date or shown == by_date[::-1]:  # never print the answer (or its mirror)
        rng.shuffle(shown)
    return Ordering(
        PROMPT, tuple(f.event_label for f in shown), tuple(shown), tuple(shown.index(fact) for fact in by_date)
    )
