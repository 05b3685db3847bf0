"""The FSRS wrapper and the order of a sitting: due first, new up to the limit, learning steps again."""

import random
from collections import deque
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from quizgen.model import Fact, Location, Source
from quizgen.quiz.scheduler import (
    LEARN_AHEAD,
    Queue,
    card_number,
    make_scheduler,
    practice_queue,
    rate_card,
    review_queue,
)

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
SOURCE = Source("900", "900_sample.txt", "A sample article")


def facts(*ids):
    return [
        Fact(id=i, q=f"{i}?", a=i, kind="term", quote="", stance="fact", source=SOURCE, origin=Location("x.yaml", 1))
        for i in ids
    ]


def card(state, due):
    return {
        "state": state,
        "step": 0 if state != 2 else None,
        "stability": 3.0,
        "difficulty": 5.0,
        "due": due.isoformat(),
        "last_review": (NOW - timedelta(days=3)).isoformat(),
    }


def test_rate_card_stores_what_fsrs_computes_and_reads_it_back():
    scheduler = Scheduler(enable_fuzzing=False)
    stored = rate_card(scheduler, "nrc", None, 3, NOW)
    expected, _ = scheduler.review_card(Card(card_id=card_number("nrc"), due=NOW), Rating.Good, NOW)
    assert stored == {
        "state": State.Learning,
        "step": 1,
        "stability": expected.stability,
        "difficulty": expected.difficulty,
        "due": "2025-03-03T09:10:00+00:00",
        "last_review": "2025-03-03T09:00:00+00:00",
    }
    later = NOW + timedelta(minutes=10)
    again = rate_card(scheduler, "nrc", stored, 3, later)
    expected, _ = scheduler.review_card(expected, Rating.Good, later)
    assert (again["state"], again["due"]) == (State.Review, expected.due.isoformat())


def test_card_numbers_are_stable_and_distinct():
    assert card_number("nrc-created-2002") == card_number("nrc-created-2002")
    assert card_number("nrc-created-2002") != card_number("nrc-created-2003")
    assert 0 < card_number("x") < 2**53


def test_review_queue_puts_due_cards_first_oldest_first_then_new_up_to_the_limit():
    bank = facts("a", "b", "c", "d", "e", "f", "g")
    cards = {
        "a": card(2, NOW + timedelta(days=2)),  # not due
        "b": card(2, NOW + timedelta(hours=3)),  # due later today
        "c": card(2, NOW - timedelta(days=1)),  # overdue
        "d": card(1, NOW + timedelta(hours=1)),  # learning, due after the learn-ahead window
    }
    queue = review_queue(bank, cards, NOW, new_left=2)
    assert list(queue.planned) == ["c", "b", "e", "f"]
    assert list(review_queue(bank, cards, NOW, new_left=-3).planned) == ["c", "b"]


def test_learning_cards_come_back_when_due_or_early_when_nothing_else_is_left():
    queue = Queue(deque(["x", "y"]))
    queue.answered("a", card(1, NOW + timedelta(minutes=1)), NOW)
    queue.answered("r", card(2, NOW + timedelta(days=3)), NOW)  # in review: not this sitting
    assert queue.next_card(NOW) == "x"
    assert queue.next_card(NOW + timedelta(minutes=2)) == "a"  # due now: before the planned card
    assert queue.next_card(NOW + timedelta(minutes=2)) == "y"
    queue.answered("b", card(1, NOW + timedelta(minutes=10)), NOW)
    assert queue.next_card(NOW) == "b"  # nothing else left: shown up to LEARN_AHEAD early
    queue.answered("c", card(1, NOW + LEARN_AHEAD + timedelta(minutes=1)), NOW)
    assert queue.next_card(NOW) is None


def test_undo_puts_the_card_back_first_and_out_of_the_learning_list():
    queue = Queue(deque(["x"]))
    queue.answered("a", card(1, NOW + timedelta(minutes=1)), NOW)
    queue.put_back("a")
    assert (list(queue.planned), queue.learning) == (["a", "x"], {})


def test_practice_draws_n_cards_without_repeats_and_the_seed_fixes_them():
    bank = facts(*"abcdefgh")
    first = practice_queue(bank, 5, random.Random(7))
    assert len(set(first.planned)) == 5
    assert list(first.planned) == list(practice_queue(bank, 5, random.Random(7)).planned)
    assert len(practice_queue(bank, 50, random.Random(7))) == 8
    first.answered("a", card(1, NOW), NOW)
    assert first.learning == {}  # practice asks each card once


def test_the_default_scheduler_is_fsrs_with_anki_like_steps():
    scheduler = make_scheduler()
    assert scheduler.learning_steps == (timedelta(minutes=1), timedelta(minutes=10))
    assert scheduler.desired_retention == 0.9


def test_limit_counts_learning_steps_of_earlier_sessions_too():
    """rv10-quiz L3: `--limit 2` asks at most two different cards, whatever waits in learning."""
    from collections import deque
    from datetime import datetime, timedelta

    from quizgen.quiz.scheduler import Queue

    start = datetime(2026, 12, 20, 10, 0)
    soon = {f"l{i}": start + timedelta(minutes=i + 1) for i in range(4)}  # coming back in 1, 2, 3, 4 min
    tight = Queue(deque(["a", "b", "c"]), dict(soon))
    tight.limit(2)
    assert list(tight.planned) == ["a", "b"] and tight.learning == {}
    roomy = Queue(deque(["a", "b", "c"]), dict(soon))
    roomy.limit(5)
    assert list(roomy.planned) == ["a", "b", "c"] and set(roomy.learning) == {"l0", "l1"}  # the soonest two
