"""Prompt length: the figure `quizgen check` prints, and the bundled bank's target."""

import subprocess
import sys
from statistics import median

import pytest
from conftest import ROOT

from quizgen.model import Bank, Fact, Location, Source
from quizgen.summary import prompt_lengths

SOURCE = Source("900", "900.txt", "A sample")


def bank_of(lengths: list[int]) -> Bank:
    facts = tuple(
        Fact(
            id=f"f{i}",
            q="q" * n,
            a="a",
            kind="term",
            quote="x",
            stance="fact",
            source=SOURCE,
            origin=Location("x.yaml", 1),
        )
        for i, n in enumerate(lengths)
    )
    return Bank("b", "B", facts, {"900": SOURCE})


@pytest.mark.parametrize(
    ("lengths", "expected"),
    [
        ([100, 120, 161, 170], "prompts: median 140.5 characters, 2 of 4 (50 %) over 160"),
        ([160, 160, 160], "prompts: median 160 characters, 0 of 3 (0 %) over 160"),
        ([50], "prompts: median 50 characters, 0 of 1 (0 %) over 160"),
    ],
)
def test_prompt_figures(lengths, expected):
    assert prompt_lengths(bank_of(lengths)) == expected


def test_check_prints_the_prompt_figures():
    out = subprocess.run(
        [sys.executable, "-m", "quizgen", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    ).stdout
    assert "  prompts: median " in out


def test_the_bundled_bank_keeps_prompts_short():
    from quizgen.bank.loader import load_banks
    from quizgen.paths import project_root

    [bank] = load_banks(project_root() / "decks", project_root() / "seeds")
    lengths = [len(f.q) for f in bank.facts]
    assert median(lengths) <= 110
    assert sum(1 for n in lengths if n > 160) <= 0.10 * len(lengths)
