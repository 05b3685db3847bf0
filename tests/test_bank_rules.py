"""The provenance, repetition and curation rules of `quizgen check`: one fixture per case."""

import pytest
from test_check_cli import assert_one_problem
from test_check_cli import run_check as check_in_fixture

FILE = "decks/sample/facts.yaml"
CASES = {
    "quote-too-short": f"{FILE}:17: fact 'sample-secretary-general': field 'quote' is too short to "
    "show what the article says (at least 5 words and 25 characters)",
    "quote-cuts-a-word": f"{FILE}:10: fact 'sample-nrc-created': field 'quote' cuts a word in two: "
    "start and end it at word boundaries",
    "quote-does-not-state-answer": f"{FILE}:10: fact 'sample-nrc-created': the quote does not state "
    "the answer '2002' (nor an alt): quote the words that do, or "
    "explain in 'derived' how it follows",
    "as-written-not-in-quote": f"{FILE}:17: fact 'sample-secretary-general': field 'as_written': "
    "'Anders Fog Rasmusen' does not appear in the quote",
    "repeated-question": f"{FILE}:19: fact 'sample-nrc-year': asks the same as fact "
    f"'sample-nrc-created' ({FILE}:3): merge them into one fact citing both articles",
    "retired-id-reused": f"{FILE}:12: fact 'sample-secretary-general': id was retired ({FILE}:20); "
    "published ids are never reused: choose a new id",
    "ledger-retired-id-reused": f"{FILE}:12: fact 'sample-secretary-general': id was retired (the Anki "
    "ledger decks/sample/anki-versions.json records it); published ids are "
    "never reused: choose a new id",
    "skipped-passage-not-in-seed": f"{FILE}:20: field 'skipped': passage is not found verbatim in seed 900; "
    'closest passage: "…thinks the reset will last"; word 7, "not", is not '
    "in the article",
    "category-not-a-slug": f"{FILE}:17: fact 'sample-secretary-general': field 'category' must be a "
    "lowercase slug (a-z, 0-9, '-'), got 'NATO Secretary General'",
    "sources-quote-not-in-seed": f"{FILE}:14: fact 'sample-nrc-created': field 'sources': quote is not "
    "found verbatim in seed 902 (902_second.txt); closest passage: "
    '"…2002 the NATO-Russia Council replaced the Permanent Joint Council. '
    'Relations froze in…"; word 6 '
    'is "was founded" where the article has "replaced the Permanent Joint '
    'Council Re…"',
}


def run_check(case: str):
    return check_in_fixture(case, "../two-seeds")  # two articles, for facts citing both


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_reports_one_line_and_exits_2(case):
    assert_one_problem(run_check(case), CASES[case])


def test_a_derived_answer_says_how_and_passes():
    result = run_check("answer-derived-from-quote")
    assert result.returncode == 0, result.stderr


def test_a_fact_with_two_sources_counts_for_both_articles():
    result = run_check("fact-with-two-sources")
    assert result.returncode == 0, result.stderr
    assert "1 facts cite several" in result.stdout
    assert "    902     1  A second sample article (Bo Example, Other Gazette, 2021)" in result.stdout
