"""The whole-bank tests hold for any valid bank: rerun with a second added article of one period."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT
from sixth_article import ONE_YEAR, add_sixth_article

# tests that once went red when a teacher added rv4-author's article (rv4-author H1)
WHOLE_BANK = [
    "tests/test_questions_types.py::test_ordering_has_exactly_one_right_order",
    "tests/test_questions_types.py::test_an_article_has_an_ordering_question_or_check_says_why",
    "tests/test_question_tf_swaps.py::test_no_swap_names_what_the_facts_quote_or_note_speaks_of",
    "tests/test_selection.py::test_a_file_name_word_names_an_article_only_when_no_other_title_has_it",
    "tests/test_worksheet_cues.py::test_the_reviewed_pairs_conflict",
]


def test_the_whole_bank_tests_hold_with_an_article_about_one_year(tmp_path):
    """The fixture's events all fall in 2008-2009, one fact has no cloze, its file name has the word
    'to' (inside 'nato'): `check` passes it with no warning but its short sheet's and its title's, and
    the whole-bank tests stay green."""
    for folder in ("decks", "seeds", "tests"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (text,) = ONE_YEAR.glob("*.txt")
    words = text.read_text(encoding="utf-8").split()
    present = [seed for seed in (tmp_path / "seeds").glob("*.txt") if seed.read_text(encoding="utf-8").split() == words]
    # a bank that holds this article already (as the teacher who wrote it has) is tested as it is
    added = None if present else add_sixth_article(tmp_path, ONE_YEAR)
    checked = subprocess.run(
        [sys.executable, "-m", "quizgen", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, checked.stderr
    # an article about one year has a short sheet (its questions print the year its dates ask): check
    # says so, naming the words (tests/test_authoring_short_sheet.py); nothing else about the article
    # and its title "From Bucharest to Tskhinvali: …" prints one answer, Tskhinvali (rv6-author M1)
    titled = [line for line in checked.stderr.splitlines() if "the title of article" in line]
    assert added is None or [line.split(": field")[0].rsplit(" ", 1)[-1] for line in titled] == [
        "'rd2024-tskhinvali-shelled'"
    ], titled
    others = [line for line in checked.stderr.splitlines() if "'s sheet has only" not in line and line not in titled]
    assert added is None or all(f"{added}-bucharest-to-tskhinvali.yaml" not in line for line in others), others
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--no-header", *WHOLE_BANK],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert f"{len(WHOLE_BANK)} passed" in run.stdout, run.stdout[-3000:]
