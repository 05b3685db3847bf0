"""`quizgen quiz optimize` (issue 20 item 5): FSRS parameters fitted by the real fsrs-rs optimiser to a
review log written through the real store, stored, and used by the next session's real fsrs scheduler."""

from __future__ import annotations

import math
import random
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from fsrs import Card, Rating, Scheduler
from quiz_harness import copy_bank, quiz_env, run

from quizgen.quiz.clock import stamp
from quizgen.quiz.scheduler import card_number, make_scheduler, rate_card
from quizgen.quiz.store import Answer, Store

START = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
DEFAULTS = list(Scheduler().parameters)  # the fsrs package's own defaults, not quizgen's


def learner_log(db, cards: int, days: int = 240, seed: int = 5) -> dict:
    """A learner whose memory halves far faster than FSRS's defaults assume answers each card when due.

    The first card is the bank's quiz-nrc-year; the others are ids the bank does not have. The last card
    state of quiz-nrc-year is returned."""
    rng = random.Random(seed)
    scheduler = make_scheduler(steps=())
    last: dict = {}
    with Store(db) as store:
        for number in range(cards):
            fact_id = "quiz-nrc-year" if number == 0 else f"synthetic-{number}"
            moment, card, strength = START + timedelta(days=number % 20), None, 0.7
            while moment < START + timedelta(days=days):
                elapsed = (moment - datetime.fromisoformat(card["last_review"])).days if card else 0
                recalled = card is None or rng.random() < math.exp(-elapsed / strength)
                rating = 3 if recalled else 1
                strength = strength * 2.2 if recalled else max(0.5, strength / 2)
                answer = Answer("quiz", fact_id, stamp(moment), moment.date().isoformat(), rating,
                                "correct" if recalled else "wrong", "typed", "x", None, True)  # fmt: skip
                done = store.record(
                    answer, lambda before, r=rating, m=moment, f=fact_id: rate_card(scheduler, f, before, r, m)
                )
                assert done is not None and done[1] is not None
                card = done[1]
                if fact_id == "quiz-nrc-year":
                    last = card
                moment = max(datetime.fromisoformat(card["due"]), moment + timedelta(minutes=1))
    return last


def parameters(db) -> list[float] | None:
    row = sqlite3.connect(db).execute("SELECT value FROM settings WHERE name = 'parameters'").fetchone()
    return [float(part) for part in row[0].split(",")] if row else None


def test_too_few_reviews_are_refused_and_nothing_is_stored(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    learner_log(db, cards=20, days=60)
    result = run(folder, "quiz", "optimize", "--db", str(db), env=quiz_env(now="2025-03-01T09:00:00+00:00"))
    assert result.returncode == 1 and "needs at least 400 reviews" in result.stderr, result.stderr
    assert parameters(db) is None
    stats = run(folder, "stats", "--db", str(db), env=quiz_env(now="2025-03-01T09:00:00+00:00"))
    assert "FSRS parameters: the defaults" in stats.stdout


def test_a_learners_log_gives_parameters_the_next_session_schedules_with(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    last = learner_log(db, cards=120)
    plain = tmp_path / "plain.sqlite3"
    shutil.copy(db, plain)
    when = quiz_env(now="2025-03-01T09:00:00+00:00")
    result = run(folder, "quiz", "optimize", "--db", str(db), env=when)
    assert result.returncode == 0 and "FSRS parameters optimised from" in result.stdout, result.stderr
    fitted = parameters(db)
    assert fitted is not None and len(fitted) == 21 and all(math.isfinite(w) for w in fitted)
    assert max(abs(a - b) for a, b in zip(fitted, DEFAULTS, strict=True)) > 0.05  # the fit moved them
    assert "FSRS parameters: optimised on 2025-03-01" in run(folder, "stats", "--db", str(db), env=when).stdout
    # the next session: the same card, due, answered right, in the fitted and in an unfitted copy
    moment = datetime.fromisoformat(last["due"]) + timedelta(minutes=1)
    later = quiz_env(now=moment.isoformat())
    for file in (db, plain):
        session = run(folder, "quiz", "--db", str(file), "--new", "0", "--style", "typed", stdin="2002\n", env=later)
        assert "Rated Good" in session.stdout, session.stdout
    after = {
        file: sqlite3.connect(file).execute("SELECT stability FROM cards WHERE fact_id = 'quiz-nrc-year'").fetchone()[0]
        for file in (db, plain)
    }
    expected = {}
    for file, weights in ((db, fitted), (plain, DEFAULTS)):
        card = Card.from_dict(cast(Any, {**last, "card_id": card_number("quiz-nrc-year")}))
        expected[file] = (
            Scheduler(parameters=weights).review_card(card, Rating.Good, review_datetime=moment)[0].stability
        )
    assert after[db] == expected[db] and after[plain] == expected[plain] and after[db] != after[plain]
