"""`quizgen check` on one fixture per validation rule: exact message, exit status 2, no traceback."""

import subprocess
import sys

import pytest
from conftest import FIXTURES

FILE = "decks/sample/facts.yaml"
CASES = {
    "missing-field": f"{FILE}:3: fact 'sample-nrc-created': missing required field 'a'",
    "wrong-type": f"{FILE}:4: fact 'sample-nrc-created': field 'q' must be a string, not a list",
    "unknown-field": f"{FILE}:12: fact 'sample-nrc-created': unknown field 'answer' (allowed: id, q, a, "
    "kind, quote, stance, cloze, when, event, role, alt, distractors, tags, note, category, "
    "sources, as_written, derived)",
    "id-not-a-slug": f"{FILE}:3: fact 'Sample NRC': field 'id' must be a lowercase slug "
    "(a-z, 0-9, '-'), got 'Sample NRC'",
    "duplicate-id": f"{FILE}:12: fact 'sample-nrc-created': duplicate id (first defined at {FILE}:3)",
    "duplicate-id-across-files": "decks/sample/more.yaml:12: fact 'sample-secretary-general': "
    f"duplicate id (first defined at {FILE}:12)",
    "kind-not-in-set": f"{FILE}:6: fact 'sample-nrc-created': field 'kind' must be one of year, date, "
    "number, person, place, organization, document, event, term; got 'colour'",
    "stance-not-in-set": f"{FILE}:11: fact 'sample-nrc-created': field 'stance' must be one of "
    "fact, claim, propaganda; got 'opinion'",
    "cloze-unbalanced": f"{FILE}:7: fact 'sample-nrc-created': field 'cloze': unbalanced '{{{{' or "
    "'}}' outside a deletion like {{c1::answer}}",
    "cloze-without-deletion": f"{FILE}:7: fact 'sample-nrc-created': field 'cloze': "
    "no deletion like {{c1::answer}}",
    "when-not-a-date": f"{FILE}:8: fact 'sample-nrc-created': field 'when' must be a real date as "
    "YYYY, YYYY-MM or YYYY-MM-DD; got '2002-13'",
    "event-missing-with-when": f"{FILE}:8: fact 'sample-nrc-created': field 'event' is required "
    "when 'when' is set (a date-free label)",
    "quote-not-in-seed": f"{FILE}:10: fact 'sample-nrc-created': field 'quote' is not found "
    'verbatim in seed 900 (900_sample.txt); closest passage: "…in May 2002 in Rome. Its '
    'predecessor was the "Permanent Joint"; word 10 is "Paris" where the article '
    'has "Rome"',
    "duplicate-question": f"{FILE}:12: fact 'sample-secretary-general': asks the same as fact "
    f"'sample-nrc-created' ({FILE}:3): merge them into one fact citing both articles",
    "unknown-seed": f"{FILE}:1: field 'source': unknown seed '901' (known: 900)",
    "person-without-role": f"{FILE}:12: fact 'sample-secretary-general': missing field 'role' "
    "(required for kind 'person')",
    "propaganda-without-note": f"{FILE}:11: fact 'sample-nrc-created': stance 'propaganda' needs "
    "a 'note' saying why the claim is false",
    "year-answer-not-four-digits": f"{FILE}:5: fact 'sample-nrc-created': kind 'year' needs a "
    "four-digit answer from 1000 to 2999; got 'May 2002'",
    # malformed YAML
    "tab-indentation": f"{FILE}:13: malformed YAML: tab character used for indentation (use spaces)",
    "bad-indentation": f"{FILE}:14: malformed YAML: this line is indented 6 spaces, the line above it 4: the "
    "fields of one fact start in the same column (a new fact starts with '- ')",
    "duplicate-key": f"{FILE}:16: malformed YAML: duplicate key 'kind' (first at line 15)",
    "empty-file": f"{FILE}:1: file is empty",
    "binary-file": f"{FILE}:1: not UTF-8 text (byte 0x89)",
    "not-utf8": f"{FILE}:14: not UTF-8 text (byte 0xe4)",
}


def run_check(case: str, seeds: str = "../seeds") -> subprocess.CompletedProcess:
    """`quizgen check` in the fixture folder named after the case."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "check", "--seeds", seeds],
        cwd=FIXTURES / case,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_problem(result: subprocess.CompletedProcess, line: str) -> None:
    """Exit 2, no traceback, nothing on stdout, and exactly `line` and the summary on stderr."""
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [line, "quizgen: 1 problem in the fact bank; nothing was written"]
    assert result.stdout == ""


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_reports_file_line_fact_and_exits_2(case):
    assert_one_problem(run_check(case), CASES[case])


@pytest.mark.parametrize("case", ["valid-bank", "quote-with-typographic-marks"])
def test_valid_fixtures_pass_with_summary(case):
    result = run_check(case)
    assert result.returncode == 0, result.stderr
    assert "2 facts, all quotes found in their seeds" in result.stdout
    assert "per kind:    year 1, person 1" in result.stdout


def test_every_problem_is_collected_before_exiting(tmp_path):
    deck = tmp_path / "decks" / "sample"
    deck.mkdir(parents=True)
    good = (FIXTURES / "valid-bank" / FILE).read_text()
    (deck / "a.yaml").write_text(good.replace("kind: year", "kind: colour"))
    (deck / "b.yaml").write_text("")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizgen",
            "check",
            "--decks",
            str(tmp_path / "decks"),
            "--seeds",
            str(FIXTURES / "seeds"),
        ],
        capture_output=True,
        text=True,
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 2
    assert len(lines) == 3 and "kind" in lines[0] and "file is empty" in lines[1]
    assert lines[2] == "quizgen: 2 problems in the fact bank; nothing was written"
