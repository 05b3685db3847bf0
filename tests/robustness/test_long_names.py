"""Review G07: a name longer than the file system allows is one line for every command, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

LONG = "a" * 300  # Linux file systems allow 255 bytes per name


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--db", LONG],
        ["quiz", "practice", "--db", LONG],
        ["progress", "export", "p.json", "--db", LONG],
        ["check", "--decks", LONG],
        ["build", "--no-pdf", "--decks", LONG, "--out", "out"],
        ["coverage", "--decks", LONG, "--out", "out"],
        ["list", "ids", "--decks", LONG],
    ],
    ids=lambda argv: argv[0],
)
def test_a_name_too_long_is_one_line(tmp_path, argv):
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *argv], cwd=tmp_path, input="", capture_output=True, text=True, timeout=120
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(lines) == 1 and "too long" in lines[0].casefold(), result.stderr
    assert not (tmp_path / "out").exists()
