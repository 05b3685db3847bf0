"""Finding F03 of the 2026-12-07 robustness review: `new-article` reads seeds/sources.yaml, picks the
next id and writes it back; two runs at once took the same id and lost an entry. Every run now holds
a lock on the seeds/ folder itself from loading the bank to its last write."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_review_findings import wait_until, write_review_bank

ARTICLE = "The alliance met in Rome in May 2002 and agreed on a council with many members present there. " * 3


@pytest.fixture
def bank(tmp_path) -> Path:
    (write_review_bank(tmp_path) / "a.txt").write_text(ARTICLE)
    return tmp_path


def start(bank: Path, title: str, text_file: str = "a.txt") -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quizgen",
            "new-article",
            text_file,
            "--title",
            title,
            "--year",
            "2020",
            "--decks",
            "decks",
            "--seeds",
            "seeds",
        ],
        cwd=bank,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def holds_open(process: subprocess.Popen, path: Path) -> bool:
    """The process has `path` open (it opened the folder to lock it): a readiness signal read from /proc."""
    folder = Path(f"/proc/{process.pid}/fd")
    try:
        return any(os.path.realpath(fd) == str(path.resolve()) for fd in folder.iterdir())
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting run")
def test_f03_a_run_waits_while_another_holds_the_seeds_lock(bank):
    lock, metadata = bank / "seeds", bank / "seeds/sources.yaml"
    before = metadata.read_bytes()
    held = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        run = start(bank, "Waiting")
        assert wait_until(lambda: holds_open(run, lock), 30), run.communicate()
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:  # while it waits, it writes nothing
            assert run.poll() is None and metadata.read_bytes() == before
            time.sleep(0.01)
    finally:
        os.close(held)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 0 and out.startswith("added article 101"), err


def test_f03_runs_at_once_each_get_their_own_id_and_entry(bank):
    for n in "abcd":  # four articles (the same text twice is refused: it is already a seed)
        (bank / f"{n}.txt").write_text(f"{ARTICLE}Article {n}.")
    runs = [start(bank, f"Title {n}", f"{n}.txt") for n in "abcd"]
    said = sorted(re.match(r"added article (\d+)", p.communicate(timeout=120)[0])[1] for p in runs)
    assert said == ["101", "102", "103", "104"]
    entries = re.findall(r'^"(\d+)":', (bank / "seeds/sources.yaml").read_text(), re.M)
    assert entries == ["100", *said]
    for seed_id in said:  # each fact file cites the one seed text written with it
        (fact,) = (bank / "decks/x").glob(f"{seed_id}-*.yaml")
        (text,) = (bank / "seeds").glob(f"{seed_id}_*.txt")
        assert fact.stem.split("-", 1)[1] == text.stem.split("_", 1)[1]
        assert f'source: "{seed_id}"' in fact.read_text()
    check = subprocess.run(
        [sys.executable, "-m", "quizgen", "check", "--decks", "decks", "--seeds", "seeds"],
        cwd=bank,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
