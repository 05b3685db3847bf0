"""Review N02: a bank `check` accepts always prints. Thirty treaties signed in consecutive years,
one category: the sheet's own draw of options may find fewer certainly wrong years than the
draw that said multiple choice is possible; that fact is then asked another way, never a crash."""

from __future__ import annotations

import subprocess
import sys

import pytest

TREATIES = [f"Treaty of {'BCDFGHJKLMNPQRSTVWXZ'[i % 20]}ar{'aeiou'[i // 20]}n" for i in range(30)]


@pytest.fixture(scope="module")
def close_years(tmp_path_factory):
    root = tmp_path_factory.mktemp("close-years")
    (root / "seeds").mkdir()
    (root / "decks" / "x").mkdir(parents=True)
    sentences = [f"The {name} was signed in {1900 + i}." for i, name in enumerate(TREATIES)]
    (root / "seeds" / "100.txt").write_text(" ".join(sentences), encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(
        '"100":\n  file: 100.txt\n  title: A sample article\n  outlet: Test Gazette\n  year: 2011\n', encoding="utf-8"
    )
    facts = "".join(
        f'  - id: t{i:04d}\n    q: In which year was the {name} signed?\n    a: "{1900 + i}"\n    kind: year\n'
        f"    quote: {sentences[i]}\n    stance: fact\n    category: treaty-year\n"
        for i, name in enumerate(TREATIES)
    )
    (root / "decks" / "x" / "facts.yaml").write_text('source: "100"\nfacts:\n' + facts, encoding="utf-8")
    return root


def quizgen(root, *argv):
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *argv, "--decks", "decks", "--seeds", "seeds"],
        cwd=root, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("seed", range(1, 6))
def test_a_bank_check_accepts_prints_with_every_seed(close_years, seed):
    assert quizgen(close_years, "check").returncode == 0
    result = quizgen(close_years, "print", "--out", f"o{seed}", "-n", "10", "--seed", str(seed))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert list((close_years / f"o{seed}" / "print").rglob("*-A.html"))
