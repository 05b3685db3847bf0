"""Core rules checked against literal expected values, never against the builders' own predicates.

Each case here kills a one-line mutant of the 2026-12-07 review's probe (M1, M2, M3, M7, M8) that
the rest of the suite let through, because its question tests asked the builders' audit.
"""

from __future__ import annotations

import pytest

from quizgen import cloze
from quizgen.model import Bank, Fact, Location, Source
from quizgen.questions.catalog import true_answers
from quizgen.questions.certainty import excludes, same_form, value_range
from quizgen.quiz.lexicon import Lexicon
from quizgen.quiz.matcher import ALMOST, WRONG, grade_answer

SOURCE = Source("900", "900_sample.txt", "A sample article")


def fact(fact_id: str, q: str, a: str, kind: str = "term") -> Fact:
    return Fact(id=fact_id, q=q, a=a, kind=kind, quote="", stance="fact", source=SOURCE,
                origin=Location("x.yaml", 1))


# M1: 'about N' is a range of +-20 %, not N exactly
@pytest.mark.parametrize("text, allowed", [
    ("1,500 troops", (1500.0, 1500.0)), ("about 1,500 troops", (1200.0, 1800.0)),
    ("over 1,500", (1500.0, float("inf"))), ("fewer than 40", (float("-inf"), 40.0)),
])
def test_the_values_a_number_answer_allows(text, allowed):
    assert value_range(text) == pytest.approx(allowed)


@pytest.mark.parametrize("answer, option, certainly_wrong", [
    ("about 1,500 troops", "about 1,400 troops", False),   # the ranges meet: not certainly wrong
    ("about 1,500 troops", "1,300 troops", False),
    ("about 1,500 troops", "1,100 troops", True),
    ("about 1,500 troops", "about 900 troops", True),      # 720-1080 against 1200-1800
    ("1,500 troops", "1,400 troops", True),
    ("over 1,500", "over 1,400", False),
    ("1,500 troops", "1,500 tanks", True),                 # counts something else: not decided here
])
def test_a_number_option_is_offered_as_wrong_only_when_it_cannot_be_right(answer, option, certainly_wrong):
    assert excludes(answer, option) is certainly_wrong


# M2: a leading article is part of an option's form
@pytest.mark.parametrize("answer, option, alike", [
    ("Moscow", "The Kremlin", False), ("the Kremlin", "the White House", True),
    ("Moscow", "Kyiv", True), ("sanctions", "A naval blockade by NATO", False),
    ("Moscow", "kyiv", False), ("NATO", "the EU", False),
    ("Kyiv", "The capital of the Ukrainian Soviet republic", False),  # more than twice as long plus one
])
def test_options_of_one_form(answer, option, alike):
    assert same_form(answer, option) is alike


# M3: a slip as near to another known answer as to the right one is wrong, not almost
def test_a_slip_as_near_to_another_answer_is_wrong():
    austria, australia = fact("austria", "Which country?", "Austria", "place"), \
        fact("australia", "Which other country?", "Australia", "place")
    known = Lexicon.of([austria, australia])
    assert grade_answer("Austrlia", austria, known).grade == WRONG   # one edit from each
    assert grade_answer("Austira", austria, known).grade == ALMOST   # nearer to Austria


# M7: cloze deletions are numbered from c1 without gaps
@pytest.mark.parametrize("text, problem", [
    ("{{c1::NATO}} met {{c2::Russia}}", None),
    ("{{c1::NATO}} met {{c1::Russia}}", None),
    ("{{c1::NATO}} met {{c3::Russia}}", "deletions must be numbered c1, c2, ... without gaps"),
    ("{{c2::NATO}} met Russia", "deletions must be numbered c1, c2, ... without gaps"),
    ("{{c2::NATO}} met {{c3::Russia}}", "deletions must be numbered c1, c2, ... without gaps"),
])
def test_cloze_numbering(text, problem):
    assert cloze.find_problem(text) == problem


# M8: a question that is a subset of another is found even when the longer one's two rarest
# words are the two it does not share (prefix filtering keeps one word more than it may miss)
def test_a_same_question_is_found_when_the_words_it_shares_are_the_common_ones():
    longer = fact("longer", "Alpha bravo charlie delta echo?", "First")
    shorter = fact("shorter", "Alpha bravo charlie?", "Second")          # 3 of 5 words: Jaccard 0.6
    common = fact("common", "Alpha bravo charlie foxtrot golf hotel?", "Third")  # makes a, b, c common
    bank = Bank("t", "T", (longer, shorter, common), {"900": SOURCE})
    assert true_answers(longer, bank) == ("First", "Second")
    assert true_answers(shorter, bank) == ("Second", "First")
