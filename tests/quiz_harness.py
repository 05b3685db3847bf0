"""Runs `quizgen quiz` and `quizgen stats` on the quiz test deck, in a pseudo-terminal or a pipe."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pexpect

QUIZ_BANK = Path(__file__).resolve().parent / "fixtures" / "quiz-bank"
MONDAY = "2025-03-03T09:00:00+00:00"


def copy_bank(tmp_path: Path) -> Path:
    """The quiz deck as ./decks and ./seeds of a fresh working folder (the bank quizgen finds by default)."""
    folder = tmp_path / "work"
    shutil.copytree(QUIZ_BANK, folder)
    return folder


def quiz_env(now: str = MONDAY, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZGEN_") and k != "NO_COLOR"}
    # No grace after a choice unless a test asks for it: keys sent on seeing a prompt count at once.
    env.update(QUIZGEN_NOW=now, TZ="UTC", NO_COLOR="1", PYTHONIOENCODING="utf-8", TERM="xterm", QUIZGEN_GRACE_MS="0")
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def spawn(folder: Path, *args: str, env: dict | None = None, dimensions: tuple[int, int] = (50, 200)) -> pexpect.spawn:
    """`quizgen ARGS` in a real pseudo-terminal of `dimensions` (rows, columns)."""
    return pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", *args],
        cwd=str(folder),
        env=env or quiz_env(),
        encoding="utf-8",
        timeout=15,
        dimensions=dimensions,
    )


def drawn(text: str) -> str:
    """A pattern for `text` as prompt_toolkit draws it: on a redraw it skips the cells that already
    hold the right character, so cursor moves may come between any two characters."""
    moves = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"
    return moves.join(re.escape(char) for char in text)


def read_past(shown: float, grace_ms: int) -> None:
    """The learner reads the card for longer than the grace time (QUIZGEN_GRACE_MS): a deliberate pause
    that models the human, not a wait for the program (the grace started before the prompt was drawn,
    so before `shown`, the moment the test saw it)."""
    time.sleep(max(0.0, shown + grace_ms / 1000 + 0.05 - time.monotonic()))


def run(folder: Path, *args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    """`quizgen ARGS` with standard input and output as pipes."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=folder,
        input=stdin,
        text=True,
        capture_output=True,
        env=env or quiz_env(),
        timeout=60,
    )


def reviews(db: Path) -> list[sqlite3.Row]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    return connection.execute("SELECT * FROM reviews ORDER BY id").fetchall()


def cards(db: Path) -> dict[str, sqlite3.Row]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    return {row["fact_id"]: row for row in connection.execute("SELECT * FROM cards")}


def answered_database(tmp_path: Path) -> tuple[Path, Path]:
    """The deck and a progress file with six scheduled answers, one per card."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(
        folder,
        "quiz",
        "practice",
        "-n",
        "6",
        "--schedule",
        "--style",
        "typed",
        "--seed",
        "1",
        "--db",
        str(db),
        stdin="2002\nRasmussen\nParis\n28\nPJC\nstrategic\n",
    )
    assert len(reviews(db)) == 6
    return folder, db


def logged(db: Path) -> list[tuple]:
    """The answers recorded, oldest first: (fact id, what was typed or chosen, rating)."""
    return [(row["fact_id"], row["answer"], row["rating"]) for row in reviews(db)]


def finish(child: pexpect.spawn) -> pexpect.spawn:
    """Wait for the quiz to end, and check it ended without a traceback."""
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in child.before
    return child
