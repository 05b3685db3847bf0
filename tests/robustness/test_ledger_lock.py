"""Finding G01 of review rv3-robust: `anki` read decks/<deck>/anki-versions.json, stamped and saved
it with no lock, so a plain build saving last turned the id a concurrent `anki --release` had just
published back into a draft. Every build now holds a lock on the deck folder from reading the ledger
to saving it; a second build waits and reads what the first one saved."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_new_article_lock import holds_open
from test_review_findings import wait_until, write_review_bank

FACT = "nrc-created"
OTHER_BUILDS_MTIME = 1793491200 + 12345  # a stamp no build of this bank makes on its own


def anki(root: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quizgen", "anki", "--decks", "decks", "--seeds", "seeds", *extra],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting run")
def test_g01_a_release_waits_for_the_build_holding_the_ledger_and_reads_what_it_saved(tmp_path):
    root = write_review_bank(tmp_path)
    deck, ledger = root / "decks/x", root / "decks/x/anki-versions.json"
    plain = anki(root, "--out", "plain")
    out, err = plain.communicate(timeout=120)
    assert plain.returncode == 0, err
    saved = json.loads(ledger.read_text())
    assert saved["notes"][FACT].get("draft") is True  # a plain build records a new id as a draft
    # what another plain build, running now, saves: the same draft under its own stamp
    saved["notes"][FACT]["mtime"] = OTHER_BUILDS_MTIME
    ledger.unlink()  # the fact is new: no ledger yet when the release starts
    held = os.open(deck, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # that other build is between its read and its save
        release = anki(root, "--release", "--out", "rel")
        assert wait_until(lambda: holds_open(release, deck) or release.poll() is not None, 60)
        ledger.write_text(json.dumps(saved, indent=2))  # ... and saves, last of its steps
        assert release.poll() is None, release.communicate()  # the release is still waiting
    finally:
        os.close(held)
    out, err = release.communicate(timeout=120)
    assert release.returncode == 0 and "wrote" in out, err
    entry = json.loads(ledger.read_text())["notes"][FACT]
    # released, and built on the saved ledger (its stamp kept), not on what was there before
    assert not entry.get("draft") and entry["mtime"] == OTHER_BUILDS_MTIME, entry
