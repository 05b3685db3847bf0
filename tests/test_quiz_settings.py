"""Study options remembered in the progress file: --steps, --retention, --new and --max-reviews given
once hold for the next sessions, `stats` prints them, a flag overrides and updates them (rv4 L3)."""

from __future__ import annotations

import sqlite3

from quiz_harness import copy_bank, quiz_env, run

from quizgen.quiz.schema import MIGRATIONS, SCHEMA_VERSION
from quizgen.quiz.store import Store


def settings(db) -> dict[str, str]:
    return dict(sqlite3.connect(db).execute("SELECT name, value FROM settings WHERE deck = 'quiz'").fetchall())


def test_a_card_in_a_custom_step_keeps_its_steps_next_session(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    first = run(
        folder, "quiz", "--db", str(db), "--steps", "10m,1h,1d", "--new", "1", "--style", "typed", stdin="2002\n"
    )
    assert "Rated Good: next review in 1 h" in first.stdout, first.stdout
    assert settings(db) == {"steps": "10m,1h,1d", "new": "1"}
    # an hour later, no flags: the card takes its third step (1 day), not the default steps' 1m,10m graduation
    later = quiz_env(now="2025-03-03T10:01:00+00:00")
    second = run(folder, "quiz", "--db", str(db), "--style", "typed", stdin="2002\n", env=later)
    assert "up to 1 new a day" in second.stdout and "Rated Good: next review tomorrow" in second.stdout, second.stdout
    shown = run(folder, "stats", "--db", str(db), env=later)
    assert "Options: 1 new a day, at most 200 reviews a day, retention 0.9, steps 10m,1h,1d" in shown.stdout


def test_a_flag_overrides_and_updates_the_remembered_value(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "--db", str(db), "--new", "1", "--retention", "0.85", stdin="")
    changed = run(folder, "quiz", "--db", str(db), "--new", "3", "--max-reviews", "50", stdin="")
    assert "up to 3 new a day" in changed.stdout, changed.stdout
    assert settings(db) == {"new": "3", "retention": "0.85", "max_reviews": "50"}
    again = run(folder, "quiz", "--db", str(db), stdin="")
    assert "up to 3 new a day" in again.stdout
    shown = run(folder, "stats", "--db", str(db))
    assert "Options: 3 new a day, at most 50 reviews a day, retention 0.85, steps 1m,10m" in shown.stdout


def test_a_refused_flag_changes_nothing_and_a_damaged_setting_is_one_line(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "--db", str(db), "--steps", "10m,1h", stdin="")
    refused = run(folder, "quiz", "--db", str(db), "--steps", "1s", stdin="")
    assert refused.returncode == 2 and "--steps '1s'" in refused.stderr and "Traceback" not in refused.stderr
    assert settings(db) == {"steps": "10m,1h"}
    with sqlite3.connect(db) as edit:
        edit.execute("UPDATE settings SET value = 'lots' WHERE name = 'steps'")
    damaged = run(folder, "quiz", "--db", str(db), stdin="")
    assert damaged.returncode == 2 and f"--steps remembered in {db}" in damaged.stderr, damaged.stderr
    assert "Traceback" not in damaged.stderr
    fixed = run(folder, "quiz", "--db", str(db), "--steps", "1m,10m", stdin="")  # a flag replaces it
    assert fixed.returncode == 0 and settings(db)["steps"] == "1m,10m"


def test_a_file_from_before_settings_is_read_and_migrated(tmp_path):
    """A schema-3 file (no settings table) still reads in stats, and the quiz adds the table, cards kept."""
    db = tmp_path / "old.sqlite3"
    old = sqlite3.connect(db)
    for step in MIGRATIONS[:3]:
        for statement in step:
            old.execute(statement)
    old.execute("PRAGMA user_version = 3")
    old.execute(
        "INSERT INTO cards VALUES ('quiz', 'quiz-nrc-year', 2, NULL, 5.0, 5.0, '2025-03-10T09:00:00Z',"
        " '2025-03-01T09:00:00Z', '2025-03-01')"
    )
    old.commit()
    old.close()
    with Store(db, readonly=True) as store:
        assert store.settings("quiz") == {} and len(store.cards("quiz")) == 1
    folder = copy_bank(tmp_path)
    shown = run(folder, "stats", "--db", str(db))
    assert "Options: 10 new a day, at most 200 reviews a day, retention 0.9, steps 1m,10m" in shown.stdout
    run(folder, "quiz", "--db", str(db), "--new", "2", stdin="")
    migrated = sqlite3.connect(db)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert migrated.execute("SELECT count(*) FROM cards").fetchone()[0] == 1
    assert settings(db) == {"new": "2"}
