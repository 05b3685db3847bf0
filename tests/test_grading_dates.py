"""Dates the bank cannot vouch for, over every typed year and date fact of both banks (rv8-quiz M1, M2, L4).

What the fact knows is its `when` (else its answer read with `datetime.strptime`, not quizgen's
reader). An answer finer than that, or a day with a bare two-digit year ('27 May 97', 'April 4 49',
which may also be the spaced year 'April 1949'), is never Correct: the learner decides (Close), and
it is never Wrong when every part it says agrees with what the fact knows.
"""

from __future__ import annotations

import calendar
import re

import pytest
from test_quiz_grading_properties import BANKS, _calendar_date

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    (loaded,) = load_banks(*BANKS[request.param])
    return loaded, Lexicon.of(loaded.facts)


def dated_facts(bank):
    """Every year or date fact with what it knows: (fact, (year, month, day)), month and day when known."""
    found = []
    for fact in bank.facts:
        if fact.kind not in ("year", "date") or _calendar_date(fact.a) is None:
            continue
        when = fact.when
        found.append((fact, (when.year, when.month, when.day) if when else _calendar_date(fact.a)))
    assert found or not any(fact.kind in ("year", "date") for fact in bank.facts)
    return found


def grade(text, fact, known):
    return grade_answer(text, fact, known).grade


def test_a_month_a_day_and_a_two_digit_year_is_never_correct_and_never_joined_into_a_year(bank):
    """'April 19 49' (4 April 1949) is not the spaced year 1949: with another day it is never Correct."""
    bank, known = bank
    passed = []
    for fact, (year, month, day) in dated_facts(bank):
        months = [month] if month else range(1, 13)
        for number in months:
            name = calendar.month_name[number]
            for other in range(1, 29):
                if other == day:
                    continue
                for typed in (f"{name} {other} {year % 100:02d}", f"{other} {name} {year % 100:02d}"):
                    if grade(typed, fact, known) == CORRECT:
                        passed.append((fact.id, typed))
    assert passed == []


def test_the_facts_own_day_with_a_two_digit_year_is_close(bank):
    """'27 May 97', 'May 28 02', 'April 4 49': the learner decides (never Correct, never Wrong)."""
    bank, known = bank
    graded = {}
    for fact, (year, month, day) in dated_facts(bank):
        if not day:
            continue
        name = calendar.month_name[month]
        for typed in (
            f"{name} {day} {year % 100:02d}",
            f"{day} {name} {year % 100:02d}",
            f"{day} {name[:3]} {year % 100:02d}",
        ):
            graded[(fact.id, typed)] = grade(typed, fact, known)
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert graded or not any(fact.when and fact.when.day for fact, _ in dated_facts(bank))


def test_a_date_finer_than_the_fact_knows_is_close_never_correct(bank):
    """'1 January 1994' for `when: 1994-01`: a day the bank cannot check; 'May 1997' for a bare 1997."""
    bank, known = bank
    graded, wrong = {}, []
    for fact, (year, month, day) in dated_facts(bank):
        if day:
            continue
        if month:
            finer = [f"{d} {calendar.month_name[month]} {year}" for d in (1, 15, 28)]
            finer.append(f"{year}-{month:02d}-01")
        else:
            finer = [f"{calendar.month_name[m]} {year}" for m in range(1, 13)] + [f"1 January {year}"]
        for typed in finer:
            graded[(fact.id, typed)] = grade(typed, fact, known)
        if month:  # the month it knows, wrong: Wrong, whatever the day
            other = f"1 {calendar.month_name[month % 12 + 1]} {year}"
            if grade(other, fact, known) != WRONG:
                wrong.append((fact.id, other))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert wrong == []


@pytest.mark.parametrize("dress", ["{y}s", "{y}th", "{y}.0"])
def test_a_year_in_a_numbers_dress_is_never_correct(bank, dress):
    """'1994s', '2014th', '2014.0' (rv8 §1, counted fair either way): a year is no count, so the
    learner decides; over every answer with a year. (A thousands mark, '1,994', is a notation the
    README lists, as on the study page.)"""
    bank, known = bank
    passed, checked = [], 0
    for fact in bank.facts:
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", fact.a)
        if fact.kind == "number" or not year or re.search(r"\d[,. ]\d{3}\b", fact.a):
            continue
        y = year.group()
        typed = fact.a[: year.start()] + dress.format(y=y) + fact.a[year.end() :]
        checked += 1
        if grade(typed, fact, known) == CORRECT:
            passed.append((fact.id, typed))
    assert passed == []
    assert checked or not any(re.search(r"\b(1[89]|20)\d\d\b", fact.a) for fact in bank.facts)


# A question that asks with a bound that includes its year ('since which year': 1998 is in it) is not
# answered by the bound that leaves the year out ('after 1998' starts in 1999), and the other way round.
EXCLUDED_BY = {"since": "after", "from": "after", "until": "before", "till": "before", "by": "before"}


def _bounded(bank):
    """Year and date facts of `bank` whose question asks with an inclusive bound, with that bound."""
    for fact, _ in dated_facts(bank):
        asked = re.search(r"\b(since|from|until|till|by) (?:which|what)\b", fact.q, re.IGNORECASE)
        if asked:
            yield fact, asked.group(1).lower()


def test_the_exclusive_bound_for_the_question_s_inclusive_one_is_never_correct(bank):
    bank, known = bank
    passed = [
        (fact.id, typed)
        for fact, word in _bounded(bank)
        for typed in (f"{EXCLUDED_BY[word]} {fact.a}", f"the year {EXCLUDED_BY[word]} {fact.a}")
        if grade(typed, fact, known) == CORRECT
    ]
    assert passed == []


@pytest.mark.parametrize("word", sorted(EXCLUDED_BY))
@pytest.mark.parametrize("answer, kind", [("1998", "year"), ("March 2019", "date"), ("24 February 2022", "date")])
def test_every_inclusive_bound_is_echoed_and_its_exclusive_twin_is_not_correct(word, answer, kind):
    """On constructed questions for each bound word: the bound echoed is right, its twin never."""
    from helpers import sample_fact

    fact = sample_fact("bounded", answer, kind, q=f"{word.capitalize()} which year did it hold?")
    known = Lexicon.of([fact])
    assert grade(answer, fact, known) == CORRECT
    assert grade(f"{EXCLUDED_BY[word]} {answer}", fact, known) != CORRECT
    assert grade(f"{word} {answer}", fact, known) != WRONG


def test_a_numeric_date_read_two_ways_is_correct_only_when_both_ways_agree(bank):
    """rv10-quiz L2: '6/10/2021' is 6 October or 10 June; with a day past 12 only one reading exists."""
    bank, known = bank
    unfair = []
    for fact, (year, month, day) in dated_facts(bank):
        if fact.kind != "date" or not (month and day):
            continue
        for typed in (f"{day}/{month}/{year}", f"{month}/{day}/{year}"):
            verdict = grade(typed, fact, known)
            ambiguous = day <= 12 and day != month
            if (ambiguous and verdict == CORRECT) or (not ambiguous and verdict != CORRECT and typed[0] != "0"):
                unfair.append((fact.id, typed, verdict))
    assert unfair == []
