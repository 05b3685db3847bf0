"""Answers with an aside, over every typed fact of both banks (rv8-quiz L1, L2).

'Sochi, not Moscow', '1994 (not 1995)': the answer with a contrast naming nothing the bank knows is
close (the learner decides), never Wrong; so is a number, year or date contrasted with any other
('2014 not 2022'); the contrast turned round ('Moscow, not Sochi') is never Correct; a name of the
bank contrasted with a right name stays wrong. 'Sochi, Krasnodar Krai', 'Kosovo, Balkans':
a place with a country, region or part it lies in is close, like 'Sochi, Italy', never harsher.
The expected values come from the facts and the invented names below, never from the grader.
"""

from __future__ import annotations

import re

import pytest
from test_quiz_grading_properties import BANKS

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer, normalize

NOWHERE = "Xanthoria"  # a name no bank holds
WHERE = ("Italy", "Europe", "Krasnodar Krai", "Balkans")  # a country, a continent, a part, a region
CONTRASTS = ("{a}, not {b}", "{a} (not {b})", "{a} not {b}", "{a}, but not {b}")


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    (loaded,) = load_banks(*BANKS[request.param])
    return loaded, Lexicon.of(loaded.facts)


def grade(text, fact, known):
    return grade_answer(text, fact, known).grade


def answers(bank):
    return {normalize(form) for fact in bank.facts for form in (fact.a, *fact.alt)}


def single(fact):
    return not re.search(r",|;|/|&|\(|\band\b|\bor\b|\bplus\b|\bnot\b", fact.a)


def unknown_number(fact, known_answers):
    """The fact's answer with its first number moved to one no answer of the bank holds."""
    number = re.search(r"\d+", fact.a)
    for step in range(1, 50):
        other = fact.a[: number.start()] + str(int(number.group()) + step) + fact.a[number.end() :]
        if normalize(other) not in known_answers and str(int(number.group()) + step) not in known_answers:
            return other
    raise AssertionError(fact.id)


def test_the_answer_with_a_contrast_the_bank_does_not_know_is_close_and_turned_round_never_correct(bank):
    bank, known = bank
    known_answers = answers(bank)
    graded, passed, checked = {}, [], 0
    for fact in bank.facts:
        if fact.kind in ("person", "term", "event", "document") or not single(fact) or not fact.a[:1].isalnum():
            continue
        numeric = fact.kind in ("number", "year", "date")
        if numeric and not re.search(r"\d", fact.a):
            continue
        if grade(fact.a, fact, known) != CORRECT:
            continue
        other = unknown_number(fact, known_answers) if numeric else NOWHERE
        for shape in CONTRASTS:
            checked += 1
            graded[(fact.id, shape.format(a=fact.a, b=other))] = grade(shape.format(a=fact.a, b=other), fact, known)
            turned = shape.format(a=other, b=fact.a)
            if grade(turned, fact, known) == CORRECT:
                passed.append((fact.id, turned))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []
    assert checked


def test_a_contrast_with_another_answer_of_the_bank_or_after_a_person_stays_wrong(bank):
    bank, known = bank
    kept = []
    for fact in bank.facts:
        if fact.kind not in ("person", "place", "organization") or not single(fact):
            continue
        others = sorted(o.a for o in bank.facts if o.kind == fact.kind and normalize(o.a) != normalize(fact.a))
        if not others:
            continue
        other = others[len(fact.id) % len(others)]
        if normalize(other) in {normalize(form) for form in fact.alt} or normalize(fact.a) in normalize(other):
            continue
        typed = f"{fact.a}, not {other}"
        if grade(typed, fact, known) != WRONG:
            kept.append((fact.id, typed, grade(typed, fact, known)))
    assert kept == []


def test_a_place_with_where_it_lies_is_close_and_with_a_second_place_of_the_bank_wrong(bank):
    bank, known = bank
    graded, harsh = {}, []
    places = [fact for fact in bank.facts if fact.kind == "place" and single(fact)]
    for fact in places:
        if grade(fact.a, fact, known) != CORRECT:
            continue
        for where in WHERE:
            for typed in (f"{fact.a}, {where}", f"{fact.a} ({where})"):
                graded[(fact.id, typed)] = grade(typed, fact, known)
        others = [
            o.a for o in places if normalize(o.a) != normalize(fact.a) and normalize(o.a) not in normalize(fact.a)
        ]
        second = [o for o in others if normalize(o) not in {normalize(w) for w in WHERE}]
        if second:
            typed = f"{fact.a}, {second[0]}"
            if grade(typed, fact, known) == CORRECT:
                harsh.append((fact.id, typed))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert harsh == []


def test_a_year_contrasted_with_another_year_of_the_bank_is_close(bank):
    """'2014 not 2022': 2022 is another card's answer, but a year turned down is no second answer."""
    bank, known = bank
    graded = {}
    years = sorted({fact.a for fact in bank.facts if fact.kind == "year" and re.fullmatch(r"\d{4}", fact.a)})
    for fact in bank.facts:
        if fact.kind != "year" or fact.a not in years or grade(fact.a, fact, known) != CORRECT:
            continue
        other = next((year for year in years if year != fact.a), None)
        if other is None:
            continue
        for shape in CONTRASTS:
            typed = shape.format(a=fact.a, b=other)
            graded[(fact.id, typed)] = grade(typed, fact, known)
            if grade(shape.format(a=other, b=fact.a), fact, known) != WRONG:
                graded[(fact.id, shape.format(a=other, b=fact.a))] = "not wrong"
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert graded or len(years) < 2


def test_since_for_the_questions_from_is_close_and_another_date_is_not(bank):
    """'since March 2019' where the question asks "from which month" (rv7 L2): close; a year off: wrong."""
    bank, known = bank
    graded, passed = {}, []
    for fact in bank.facts:
        asked = re.search(r"\b(from|since) (which|what)\b", fact.q, re.IGNORECASE)
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", fact.a)
        if fact.kind not in ("year", "date") or not asked or not year:
            continue
        other = {"from": "since", "since": "from"}[asked.group(1).lower()]
        graded[(fact.id, f"{other} {fact.a}")] = grade(f"{other} {fact.a}", fact, known)
        moved = fact.a[: year.start()] + str(int(year.group()) + 1) + fact.a[year.end() :]
        if grade(f"{other} {moved}", fact, known) == CORRECT:
            passed.append((fact.id, f"{other} {moved}"))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []


def test_both_before_a_pair_is_close_and_before_another_pair_never_correct(bank):
    """'both France and Germany' (rv7 L2): the learner decides; 'both France and Xanthoria': wrong."""
    bank, known = bank
    graded, passed = {}, []
    for fact in bank.facts:
        pair = re.fullmatch(r"([^,;]+?) and ([^,;]+)", fact.a)
        if fact.kind not in ("place", "organization", "person") or not pair or grade(fact.a, fact, known) != CORRECT:
            continue
        graded[(fact.id, f"both {fact.a}")] = grade(f"both {fact.a}", fact, known)
        if grade(f"both {pair.group(1)} and {NOWHERE}", fact, known) == CORRECT:
            passed.append((fact.id, f"both {pair.group(1)} and {NOWHERE}"))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []


def test_not_sure_after_an_answer_is_a_hedge_and_never_makes_another_answer_right(bank):
    """'Yeltsin? not sure' (rv8 L4): close; 'Xanthoria? not sure', 'not {answer}, not sure': never Correct."""
    bank, known = bank
    graded, passed = {}, []
    for fact in bank.facts:
        if fact.kind not in ("person", "place", "organization") or not single(fact):
            continue
        if grade(fact.a, fact, known) != CORRECT:
            continue
        for typed in (f"{fact.a}? not sure", f"I'm not sure, {fact.a}"):
            graded[(fact.id, typed)] = grade(typed, fact, known)
        for typed in (f"{NOWHERE}? not sure", f"not {fact.a}, not sure"):
            if grade(typed, fact, known) == CORRECT:
                passed.append((fact.id, typed))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []


def test_a_list_of_places_with_its_region_is_close_and_with_another_country_never_correct(bank):
    """'Germany and Italy, Europe' (rv8 L2): close; 'Germany and Italy, France' adds an item: never Correct."""
    bank, known = bank
    graded, passed = {}, []
    for fact in bank.facts:
        if fact.kind != "place" or " and " not in fact.a or "," in fact.a or grade(fact.a, fact, known) != CORRECT:
            continue
        graded[(fact.id, f"{fact.a}, Europe")] = grade(f"{fact.a}, Europe", fact, known)
        extra = next(c for c in ("France", "Spain", "Norway") if c not in fact.a)
        if grade(f"{fact.a}, {extra}", fact, known) == CORRECT:
            passed.append((fact.id, f"{fact.a}, {extra}"))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []
