"""Reapplies the reviews' one-line mutants (M1-M8, M3b, N5, R2, R3) in a copy and runs the tests that must kill them.

Usage: python benchmarks/probe_mutants.py   (the checkout itself is never written: each mutant is applied
to a temporary copy, imported first through PYTHONPATH). A mutant is killed only when pytest reports
failing tests (exit 1); an error of any other kind (collection, usage) is reported as such, not as a kill.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
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
    (  # rv5-code R2: the numbers' echo rule drops only the question's own year (T3)
        "R2",
        "quizgen/grading/matcher.py",
        'match.group(2) == "in" and len(tail) == 1 and',
        'match.group(2) == "in" and len(tail) >= 1 and',
        "tests/test_rule_values.py",
    ),
    (  # rv5-code R3: a run-together slip keeps the first letter (T4)
        "R3",
        "quizgen/grading/spelling.py",
        "else given[0] == wanted[0]",
        "else True",
        "tests/test_rule_values.py",
    ),
]
IGNORED = shutil.ignore_patterns(".git", ".venv", "build", "node_modules", "__pycache__", "*.egg-info")


def main() -> int:
    survived = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "checkout"
        shutil.copytree(ROOT, copy, ignore=IGNORED)
        env = {**os.environ, "PYTHONPATH": str(copy)}
        for name, file, original, mutant, tests in MUTANTS:
            path = copy / file
            text = path.read_text()
            if text.count(original) != 1:
                print(f"{name}: {file} no longer holds the original line; skipped")
                continue
            try:
                path.write_text(text.replace(original, mutant))
                command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests.split()]
                result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
            finally:
                path.write_text(text)
            failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
            verdict = {0: "SURVIVED", 1: "killed"}.get(result.returncode, f"ERROR (pytest exit {result.returncode})")
            print(f"{name}: {verdict} {failed[0] if failed else ''}")
            if result.returncode != 1:
                survived.append(name)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
