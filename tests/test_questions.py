"""The question builders over the whole bundled bank: right kind, never true, deterministic."""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache

import pytest
from helpers import bundled
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.errors import NotEnoughOptions
from quizgen.model import Bank, Fact, Location, Source
from quizgen.questions import can_choose, multiple_choice, with_answer_at
from quizgen.questions.answers import overlaps
from quizgen.questions.catalog import true_answers
from quizgen.questions.values import SCALED_KINDS, scale_of
from quizgen.text import answer_key

SEEDS = st.integers(min_value=0, max_value=2**32)
EXAMPLES = settings(max_examples=12, deadline=None)


@lru_cache(maxsize=1)
def choosable() -> tuple[Fact, ...]:
    """The bundled facts that get a multiple-choice question (three certainly wrong options)."""
    bank = bundled()
    return tuple(fact for fact in bank.facts if can_choose(fact, bank))


def unit_of(text: str) -> str:
    """What follows the number: '%', ' diplomats', ' billion US dollars'."""
    return text.lstrip("0123456789,")


def same_kind(fact: Fact, option: str) -> bool:
    """A year looks like a year, a date like a date of the same precision, a number like the answer;
    other options are the fact's curated distractors or answers of its category."""
    if fact.kind in SCALED_KINDS and option not in fact.distractors:
        scale = scale_of(fact.kind, option)
        if scale is None:
            return False
        if fact.kind == "number":
            return unit_of(option) == unit_of(fact.a)
        if fact.kind == "date":
            return len(option.split()) == len(fact.a.split())  # '24 February 2022' vs 'May 2002'
        return True
    same_category = {
        answer_key(other.a) for other in bundled().facts if fact.category and other.category == fact.category
    }
    return option in fact.distractors or answer_key(option) in same_category


@EXAMPLES
@given(seed=SEEDS)
def test_every_distractor_is_wrong_distinct_and_of_the_same_kind(seed):
    bank = bundled()
    rng = random.Random(seed)
    for fact in choosable():
        question = multiple_choice(fact, bank, rng)
        assert len(question.options) == 4, fact.id
        assert question.options[question.answer] == fact.a
        assert len({answer_key(option) for option in question.options}) == len(question.options), question
        for i, a in enumerate(question.options):  # nor is one option part of another ('NATO', 'NATO members')
            assert not any(overlaps(a, b) for b in question.options[i + 1 :]), question.options
        truths = true_answers(fact, bank)
        for index, option in enumerate(question.options):
            if index == question.answer:
                continue
            assert not any(overlaps(option, truth) for truth in truths), (fact.id, option)
            assert same_kind(fact, option), (fact.id, fact.kind, option)
            assert "all of the above" not in option.lower() and "none of the above" not in option.lower()


@EXAMPLES
@given(seed=SEEDS)
def test_years_dates_and_numbers_are_listed_in_order(seed):
    bank = bundled()
    rng = random.Random(seed)
    for fact in choosable():
        if fact.kind in SCALED_KINDS and scale_of(fact.kind, fact.a):
            question = multiple_choice(fact, bank, rng)
            values = [scale_of(fact.kind, option).value for option in question.options]
            assert values == sorted(values), question.options


def test_the_right_year_is_not_always_in_the_middle():
    bank = bundled()
    positions = Counter()
    for seed in range(30):
        for fact in (f for f in choosable() if f.kind == "year"):
            positions[multiple_choice(fact, bank, random.Random(seed)).answer] += 1
    assert set(positions) == {0, 1, 2, 3}
    assert min(positions.values()) > 0.1 * sum(positions.values())


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_a_requested_position_is_honoured(position):
    bank = bundled()
    for fact in choosable():
        question = multiple_choice(fact, bank, random.Random(7), position=position)
        if len(question.options) == 4 and not question.ordered:
            assert question.answer == position, (fact.id, question.options)


@EXAMPLES
@given(seed=SEEDS)
def test_same_seed_same_questions(seed):
    bank = bundled()
    first = [multiple_choice(f, bank, random.Random(seed)) for f in choosable()]
    second = [multiple_choice(f, bank, random.Random(seed)) for f in choosable()]
    assert first == second


def test_different_seeds_give_different_orders():
    bank = bundled()
    changed = sum(
        multiple_choice(f, bank, random.Random(1)).options != multiple_choice(f, bank, random.Random(2)).options
        for f in choosable()
    )
    assert changed > len(choosable()) * 0.6


def test_hand_written_distractors_win():
    bank = bundled()
    curated = [fact for fact in choosable() if len(fact.distractors) >= 3]
    assert curated
    for fact in curated:
        question = multiple_choice(fact, bank, random.Random(3))
        wrong = [o for i, o in enumerate(question.options) if i != question.answer]
        assert set(wrong) <= set(fact.distractors), (fact.id, wrong)


def test_people_compete_only_with_people_of_their_category():
    bank = bundled()
    for fact in (f for f in choosable() if f.kind == "person"):
        seen = Counter()
        for seed in range(10):
            question = multiple_choice(fact, bank, random.Random(seed))
            seen.update(o for i, o in enumerate(question.options) if i != question.answer)
        assert all(same_kind(fact, name) for name in seen), (fact.id, seen)


def test_an_option_named_in_the_question_is_not_offered():
    bank = bundled()
    for fact in choosable():
        question = multiple_choice(fact, bank, random.Random(5))
        for index, option in enumerate(question.options):
            if index != question.answer and option not in fact.distractors:
                assert f" {answer_key(option)} " not in f" {answer_key(fact.q)} ", (fact.id, option)


def test_moving_the_answer_keeps_the_options():
    bank = bundled()
    fact = next(f for f in choosable() if f.kind == "person")
    question = multiple_choice(fact, bank, random.Random(1))
    moved = with_answer_at(question, 3, random.Random(2))
    assert moved.answer == 3 and moved.options[3] == fact.a
    assert sorted(moved.options) == sorted(question.options)


def tiny_bank(*facts: Fact) -> Bank:
    return Bank("tiny", "Tiny", tuple(facts), {})


def make_fact(id: str, a: str, kind: str, **extra) -> Fact:
    source = Source("000", "000.txt", "An article", year=2020)
    return Fact(
        id=id,
        q=extra.pop("q", f"What is {id}?"),
        a=a,
        kind=kind,
        quote="q",
        stance="fact",
        source=source,
        origin=Location("x.yaml", 1),
        **extra,
    )


def test_too_few_certainly_wrong_options_is_a_usage_error():
    lonely = make_fact("lonely", "OSCE", "organization", category="security-organisation")
    other = make_fact("other", "the Warsaw Pact", "organization", category="security-organisation")
    with pytest.raises(NotEnoughOptions, match="fewer than 3 certainly wrong options"):
        multiple_choice(lonely, tiny_bank(lonely, other), random.Random(1))


def test_numbers_keep_their_unit_and_stay_positive():
    fact = make_fact("deaths", "2 deaths", "number")
    question = multiple_choice(fact, tiny_bank(fact), random.Random(4))
    assert all(option.endswith(" deaths") for option in question.options)
    assert all(int(option.split()[0]) >= 2 for option in question.options)


def test_percentages_stay_at_most_100():
    fact = make_fact("share", "97%", "number")
    for seed in range(10):
        question = multiple_choice(fact, tiny_bank(fact), random.Random(seed))
        assert all(int(option.rstrip("%")) <= 100 for option in question.options)


def test_a_same_question_fact_makes_its_answer_true_too():
    asked = make_fact("nrc-year", "2002", "year", q="In which year was the NATO-Russia Council created?")
    again = make_fact("nrc-year-2", "2003", "year", q="In which year was the NATO-Russia Council created exactly?")
    for seed in range(20):
        question = multiple_choice(asked, tiny_bank(asked, again), random.Random(seed))
        assert "2003" not in question.options
