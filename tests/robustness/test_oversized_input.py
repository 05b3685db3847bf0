"""Inputs too big or too odd to keep as files (1.5 MB fields, deep nesting, symlink loops), made in tmp_path."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).resolve().parent / "cases"
HEAD = 'source: "100"\nfacts:\n'
FACT = """  - id: nrc-created{n}
    q: In which year was the NATO-Russia Council created ({n})?
    a: "2002"
    kind: {kind}
    quote: The NATO-Russia Council was created in May 2002 in Rome.
    stance: fact
"""


def check(root: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "check", "--decks", "decks", "--seeds", "seeds"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(CASES_DIR / "seeds", tmp_path / "seeds")
    (tmp_path / "decks" / "x").mkdir(parents=True)
    return tmp_path


def facts_file(root: Path) -> Path:
    return root / "decks" / "x" / "facts.yaml"


def problems_of(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    *lines, summary = result.stderr.splitlines()
    count = len(lines)
    assert summary == f"quizgen: {count} problem{'s' if count != 1 else ''} in the fact bank; nothing was written"
    return lines


def test_megabyte_question_is_one_short_line(root):
    question = "x" * 1_500_000 + " In which year was the NATO-Russia Council created (1)?"
    facts_file(root).write_text(
        HEAD
        + FACT.format(n=1, kind="year").replace(
            "q: In which year was the NATO-Russia Council created (1)?", f"q: {question}"
        )
    )
    assert problems_of(check(root)) == [
        f"decks/x/facts.yaml:4: fact 'nrc-created1': field 'q' is too long ({len(question)} characters, at most 2000)"
    ]


@pytest.mark.parametrize("where", ["key", "tag", "source"])
def test_megabyte_value_quoted_in_a_message_is_cut_to_one_screen_line(root, where):
    huge = "K" * 1_000_000
    text = HEAD + FACT.format(n=1, kind="year")
    text = {
        "key": text + f"    ? {huge}\n    : 1\n",  # explicit: a plain key may not exceed 1024
        "tag": text + f"    tags: [{huge}]\n",
        "source": text.replace('"100"', huge),
    }[where]
    facts_file(root).write_text(text)
    [line] = problems_of(check(root))
    assert line.startswith("decks/x/facts.yaml:")
    if where == "tag":  # a list item is held to the length of every text value
        assert line.endswith(": fact 'nrc-created1': field 'tags' is too long (1000000 characters, at most 2000)")
    else:
        assert len(line) == 500 and line.endswith("KKK…")


def test_deep_block_nesting(root):
    facts_file(root).write_text(HEAD + "".join("  " * level + "-\n" for level in range(1, 600)))
    assert problems_of(check(root)) == ["decks/x/facts.yaml:1: malformed YAML: nested too deeply"]


def test_thousands_of_problems_are_all_listed_quickly(root):
    facts_file(root).write_text(HEAD + "".join(FACT.format(n=n, kind="colour") for n in range(3000)))
    lines = problems_of(check(root, timeout=30))
    assert len(lines) == 3000
    assert lines[-1].startswith("decks/x/facts.yaml:18000: fact 'nrc-created2999': field 'kind' must be one of")


def test_folder_named_like_a_fact_file(root):
    facts_file(root).mkdir()
    assert problems_of(check(root)) == ["decks/x/facts.yaml:1: cannot read file: Is a directory"]


def test_symlink_loop(root):
    os.symlink("loop.yaml", root / "decks" / "x" / "loop.yaml")
    assert problems_of(check(root)) == ["decks/x/loop.yaml:1: cannot read file: Too many levels of symbolic links"]


def test_decks_path_is_a_file(root):
    shutil.rmtree(root / "decks")
    (root / "decks").write_text("not a folder")
    assert problems_of(check(root)) == ["decks:1: no such deck folder"]
