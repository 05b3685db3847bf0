"""Review G09: `stats --card` reads a review log that may have been edited by hand: a damaged time
is no traceback, and what the log holds is shown without terminal controls."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from conftest import ROOT


def quizgen(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QUIZGEN_NOW": "2026-12-01T10:00:00Z", "TERM": "dumb", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *argv],
        cwd=ROOT,
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_damaged_or_hostile_log_row_is_shown_cleanly(tmp_path):
    db = tmp_path / "p.sqlite3"
    assert quizgen("quiz", "practice", "-n", "1", "--db", str(db), stdin="x\n\n").returncode == 0
    fact_id = sqlite3.connect(db).execute("SELECT fact_id FROM reviews").fetchone()[0]
    with sqlite3.connect(db) as con:
        con.execute(
            "UPDATE reviews SET grade = ?, day = ?, reviewed_at = 'yesterday'",
            ("\x1b[31mRED\x1b]0;PWNED\x07", "2026\u202e-12-01"),
        )
    result = quizgen("stats", "--card", fact_id, "--db", str(db))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert not any(ch in result.stdout for ch in "\x1b\x07\u202e")
    assert "RED" in result.stdout  # the row is still listed
