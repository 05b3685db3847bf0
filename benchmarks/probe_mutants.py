"""Reapplies the reviews' one-line mutants (M1-M8, M3b, N5; 2026-12-07) and runs the tests that must kill them.

Usage: python benchmarks/probe_mutants.py   (from the checkout; restores every file it touches)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (name, file, exact original text, mutant text, tests that must fail)
MUTANTS = [
    (
        "M1",
        "quizgen/questions/certainty.py",
        "return value * (1 - _NEAR), value * (1 + _NEAR)",
        "return value, value",
        "tests/test_rule_values.py",
    ),
    ("M2", "quizgen/questions/certainty.py", "if article_a != article_b:", "if False:", "tests/test_rule_values.py"),
    (  # M3's tie rule is gone from the matcher; M3b is the rule that replaced it (rv3-code L7, T5)
        "M3b",
        "quizgen/grading/matcher.py",
        "if got in others or _says_otherwise(",
        "if _says_otherwise(",
        "tests/test_rule_values.py",
    ),
    (  # rv3-code N5: the give-away frequent-word boundary (T3)
        "N5",
        "quizgen/questions/giveaways.py",
        "if n > limit)",
        "if n >= limit)",
        "tests/test_rule_values.py",
    ),
    (
        "M7",
        "quizgen/cloze.py",
        "if numbers[0] != 1 or numbers != list(range(1, len(numbers) + 1)):",
        "if numbers[0] != 1:",
        "tests/test_rule_values.py",
    ),
    (
        "M8",
        "quizgen/text/similar.py",
        "return count - math.ceil(SAME_QUESTION * count) + 1",
        "return count - math.ceil(SAME_QUESTION * count)",
        "tests/test_rule_values.py tests/test_text.py",
    ),
]


def main() -> int:
    survived = []
    for name, file, original, mutant, tests in MUTANTS:
        path = ROOT / file
        text = path.read_text()
        if text.count(original) != 1:
            print(f"{name}: {file} no longer holds the original line; skipped")
            continue
        try:
            path.write_text(text.replace(original, mutant))
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests.split()],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
        finally:
            path.write_text(text)
        killed = result.returncode != 0
        failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
        print(f"{name}: {'killed' if killed else 'SURVIVED'} {failed[0] if failed else ''}")
        if not killed:
            survived.append(name)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
