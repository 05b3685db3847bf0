"""The progress store: schema version, one transaction per answer, undo, concurrent writers."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from quizgen.errors import ProgressError
from quizgen.quiz.scheduler import make_scheduler, rate_card
from quizgen.quiz.store import SCHEMA_VERSION, Answer, Store

MOMENT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def answer(fact_id, rating=3, scheduled=True, day="2025-03-03"):
    return Answer("deck", fact_id, MOMENT.isoformat(), day, rating, "correct", "typed", "x", 1200, scheduled)


def rated(fact_id, rating):
    scheduler = make_scheduler()
    return lambda stored: rate_card(scheduler, fact_id, stored, rating, MOMENT)


def test_a_new_database_is_in_wal_mode_with_a_schema_version(tmp_path):
    with Store(tmp_path / "sub" / "p.sqlite3"):
        pass
    db = sqlite3.connect(tmp_path / "sub" / "p.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= {"cards", "reviews"}


def test_a_recorded_answer_is_there_after_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    with Store(path) as store:
        review_id, card = store.record(answer("nrc"), rated("nrc", 3))
    with Store(path) as store:
        assert store.cards("deck")["nrc"]["due"] == card["due"] == "2025-03-03T09:10:00+00:00"
        assert store.introduced_on("deck", "2025-03-03") == 1
        [row] = store.reviews("2025-03-01")
        assert (row["id"], row["fact_id"], row["rating"], row["state_before"]) == (review_id, "nrc", 3, 0)


def test_undo_restores_the_card_and_deletes_the_review(tmp_path):
    with Store(tmp_path / "p.sqlite3") as store:
        store.record(answer("nrc"), rated("nrc", 3))
        first = store.cards("deck")["nrc"]
        second_id, second = store.record(answer("nrc", 1), rated("nrc", 1))
        assert second["due"] != first["due"]
        fact_id, restored = store.undo(second_id)
        assert (fact_id, restored) == ("nrc", {k: first[k] for k in restored})
        assert store.cards("deck")["nrc"] == first
        assert len(store.reviews("2000-01-01")) == 1


def test_undoing_the_first_answer_makes_the_card_new_again(tmp_path):
    with Store(tmp_path / "p.sqlite3") as store:
        review_id, _ = store.record(answer("nrc"), rated("nrc", 3))
        assert store.undo(review_id) == ("nrc", None)
        assert store.cards("deck") == {}
        assert store.introduced_on("deck", "2025-03-03") == 0


def test_undo_refuses_when_another_session_answered_the_card_since(tmp_path):
    path = tmp_path / "p.sqlite3"
    with Store(path) as mine, Store(path) as theirs:
        review_id, _ = mine.record(answer("nrc"), rated("nrc", 3))
        theirs.record(answer("nrc", 1), rated("nrc", 1))
        assert mine.undo(review_id) is None
        assert len(mine.reviews("2000-01-01")) == 2


def test_replacing_a_rating_is_one_answer_not_two(tmp_path):
    with Store(tmp_path / "p.sqlite3") as store:
        review_id, _ = store.record(answer("nrc", 3), rated("nrc", 3))
        store.record(answer("nrc", 4), rated("nrc", 4), replacing=review_id)
        [row] = store.reviews("2000-01-01")
        assert row["rating"] == 4 and row["state_before"] == 0
        assert store.cards("deck")["nrc"]["state"] == 2  # Easy graduates a new card at once


def test_a_practice_answer_is_logged_but_leaves_the_schedule_alone(tmp_path):
    with Store(tmp_path / "p.sqlite3") as store:
        store.record(answer("nrc", scheduled=False), rated("nrc", 3))
        assert store.cards("deck") == {}
        assert [row["scheduled"] for row in store.reviews("2000-01-01")] == [0]


def test_a_database_from_a_newer_quizgen_is_refused(tmp_path):
    path = tmp_path / "p.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ProgressError, match=r"written by a newer quizgen \(schema 99, this one knows 4\)"):
        Store(path)


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(ProgressError, match="notes.txt: not a progress database: its first bytes are not SQLite's"):
        Store(path)


WRITER = """
import sys
import time
from datetime import datetime, timezone
from quizgen.quiz.scheduler import make_scheduler, rate_card
from quizgen.quiz.store import Answer, Store
moment = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
scheduler = make_scheduler()
with Store(__import__("pathlib").Path(sys.argv[1])) as store:
    print("ready", flush=True)
    sys.stdin.readline()  # both writers start together
    for n in range(int(sys.argv[3])):
        time.sleep(0.002)  # a learner thinks between answers; without it one writer holds on
        fact_id = f"fact-{n % 5}"
        store.record(Answer("deck", fact_id, moment.isoformat(), "2025-03-03", 3, "correct", "mc",
                            sys.argv[2], None, True),
                     lambda stored: rate_card(scheduler, fact_id, stored, 3, moment))
"""


def test_two_sessions_writing_at_once_lose_nothing_and_corrupt_nothing(tmp_path):
    path = tmp_path / "p.sqlite3"
    Store(path).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "60"],
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        for name in ("left", "right")
    ]
    assert [writer.stdout.readline() for writer in writers] == ["ready\n", "ready\n"]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    order = [row[0] for row in db.execute("SELECT answer FROM reviews ORDER BY id")]
    assert sorted(order) == ["left"] * 60 + ["right"] * 60
    assert sum(a != b for a, b in zip(order, order[1:], strict=False)) > 1  # the two really took turns
    # each card saw 24 answers in turn: every review started from the state the one before left
    chained = db.execute(
        "SELECT count(*) FROM reviews r WHERE state_before != 0 AND NOT EXISTS "
        "(SELECT 1 FROM reviews p WHERE p.fact_id = r.fact_id AND p.id < r.id "
        "AND p.card_after = r.card_before)"
    ).fetchone()[0]
    assert chained == 0
    assert db.execute("SELECT count(*) FROM reviews WHERE state_before = 0").fetchone()[0] == 5


OPENER = """
import sys
from pathlib import Path
from quizgen.errors import ProgressError
from quizgen.quiz.store import Store
print("ready", flush=True)
sys.stdin.readline()
for path in sys.argv[1:]:
    try:
        Store(Path(path), backup=True).close()
    except ProgressError as error:
        print(error, flush=True)
"""


def test_sessions_starting_together_on_a_new_file_all_open_it(tmp_path):
    """Creating the file (its tables, its WAL mode) races with the other sessions opening it:
    three sessions start on each of 40 new files at the same moment and every one gets in."""
    paths = [str(tmp_path / f"p{n}.sqlite3") for n in range(40)]
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, *paths], text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        for _ in range(3)
    ]
    assert [opener.stdout.readline() for opener in openers] == ["ready\n"] * 3
    for opener in openers:
        opener.stdin.write("go\n")
        opener.stdin.flush()
    assert [opener.communicate(timeout=120)[0] for opener in openers] == [""] * 3
    for path in paths:
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
