"""Drives `quizgen quiz` with piped answers and times each answer until the next question's prompt.

The time covers what the learner waits for: grading, showing the answer and source, the
SQLite commit of the review (synchronous, as in real use), scheduling, and building the next
multiple-choice question.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

# a multiple-choice prompt, or a typed one (a card without three honest options is typed under --style mc)
PROMPT = re.compile(rb"(Answer \[1-\d, u undo, q quit\]: |\n> )$")
TIMEOUT = 120


def read_until_prompt(fd: int, buffer: bytearray) -> bool:
    """Read the quiz's output until it waits for an answer (True) or ends (False)."""
    deadline = time.monotonic() + TIMEOUT
    while not PROMPT.search(buffer):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError("the quiz did not ask the next question in time")
        chunk = os.read(fd, 65536)
        if not chunk:
            return False
        buffer += chunk
    return True


def answer_times(decks: Path, seeds: Path, db: Path, answers: int) -> list[float]:
    """Seconds from each answer sent to the next prompt shown, for up to `answers` answers."""
    command = [
        sys.executable,
        "-m",
        "quizgen",
        "quiz",
        "review",
        "--style",
        "mc",
        "--new",
        str(answers + 1),
        "--seed",
        "1",
        "--db",
        str(db),
        "--decks",
        str(decks),
        "--seeds",
        str(seeds),
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    fd, times, buffer = process.stdout.fileno(), [], bytearray()
    try:
        if not read_until_prompt(fd, buffer):
            raise RuntimeError(f"the quiz asked nothing: {buffer.decode(errors='replace')[-300:]}")
        for number in range(answers):
            buffer.clear()
            started = time.perf_counter()
            process.stdin.write(f"{1 + number % 3}\n".encode())
            process.stdin.flush()
            if not read_until_prompt(fd, buffer):
                break
            times.append(time.perf_counter() - started)
        process.stdin.write(b"q\n")
        process.stdin.flush()
    finally:
        process.stdin.close()
        process.wait(timeout=TIMEOUT)
    return times
