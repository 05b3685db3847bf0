"""Grading properties of answers with something added (rv4 L1), over every typed fact of a bank.

"Correct only when sure; when unsure, the learner decides": an accepted answer with only a hedge, a
weekday, a time of day or a party in brackets added is close (never correct, never wrong); the same with
a negation, another answer or another number stays wrong. The question's own bound ('a floor', 'what
maximum') may be said in any words. Expected verdicts come from these statements and the tables below.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from test_quiz_grading_properties import BANKS, correct, load, typed_facts

from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer, normalize

WORDED = ("person", "place", "organization", "date", "year")
HEDGED = ("probably {}", "I think {}", "{} (probably)", "maybe {}")
DATED = ("Thursday {}", "{} at dawn", "{} in the early morning")
NAMED = ("{} (SPD)",)
NEGATED = ("not {} (SPD)", "probably not {}", "{} (not {other})", "not {} at dawn", "I think not {}")
FLOOR, CEILING = re.compile(r"\b(floor|minimum)\b", re.I), re.compile(r"\b(maximum|ceiling|cap)\b", re.I)
AT_LEAST = ("at least {}", "{} or more", "≥{}", ">= {}", "{} minimum", "no less than {}")
AT_MOST = ("at most {}", "{} or fewer", "≤{}", "<= {}", "{} maximum", "no more than {}")
STRICT = ("more than {}", "over {}", "less than {}", "under {}", "not {}")


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    return load(request.param)


def single(fact) -> bool:
    """One item, not a list ('Poland and the Baltic states'): an added word there is another item."""
    return not re.search(r",|;|/|&|\band\b|\bor\b|\bplus\b", fact.a)


def grade(text, fact, known):
    return grade_answer(text, fact, known).grade


def accepted_alone(bank, known):
    """(fact, form) for every single-item typed fact's form that is correct as typed."""
    return [
        (fact, form)
        for fact in typed_facts(bank)
        if fact.kind in WORDED and single(fact)
        for form in (fact.a, *fact.alt)
        if correct(form, fact, known)
    ]


def test_an_answer_with_a_hedge_weekday_time_or_party_added_is_close(bank):
    bank, known = bank
    graded = []
    for fact, form in accepted_alone(bank, known):
        shapes = HEDGED + (DATED if fact.kind == "date" else ()) + (NAMED if fact.kind == "person" else ())
        for shape in shapes:
            typed = shape.format(form)
            if grade(typed, fact, known) != ALMOST:
                graded.append((fact.id, typed, grade(typed, fact, known)))
    assert graded == []


def test_an_addition_with_a_negation_or_another_answer_is_wrong(bank):
    bank, known = bank
    passed = []
    for fact, form in accepted_alone(bank, known):
        own = {normalize(f) for f in (fact.a, *fact.alt)}
        others = sorted(o.a for o in bank.facts if o.kind == fact.kind and normalize(o.a) not in own)
        other = others[len(fact.id) % len(others)] if others else "Olaf Scholz"
        for shape in NEGATED:
            typed = shape.format(form, other=other)
            # rv8 L1: a right answer contrasted with a name the bank does not know ('(not Olaf Scholz)'
            # when no other answer of its kind exists) or with another year ('2001 (not 1998)') is close
            # at most; a name of the bank contrasted stays wrong
            contrast = "(not {other})" in shape and (not others or fact.kind in ("date", "year"))
            fair = {WRONG, ALMOST} if contrast else {WRONG}
            if grade(typed, fact, known) not in fair:
                passed.append((fact.id, typed, grade(typed, fact, known)))
        for typed in (f"{form} ({other})", f"probably {other}", f"{other} (SPD)"):
            if correct(typed, fact, known):
                passed.append((fact.id, typed, CORRECT))
    assert passed == []


def test_an_addition_to_another_year_or_day_is_wrong(bank):
    bank, known = bank
    passed = []
    for fact, form in accepted_alone(bank, known):
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", form)
        if fact.kind not in ("date", "year") or not year:
            continue
        moved = form[: year.start()] + str(int(year.group()) + 1) + form[year.end() :]
        alone = grade(moved, fact, known)  # a form without its year ('22 March') leaves another year close
        for shape in HEDGED + DATED:
            typed = shape.format(moved)
            if grade(typed, fact, known) == CORRECT or (alone == WRONG and grade(typed, fact, known) != WRONG):
                passed.append((fact.id, typed, grade(typed, fact, known)))
    assert passed == []


def test_the_questions_own_bound_in_any_words_is_correct_and_another_bound_never(bank):
    bank, known = bank
    refused, passed, checked = [], [], 0
    for fact in bank.facts:
        if fact.kind != "number" or not fact.a[:1].isdigit():
            continue
        floor, ceiling = FLOOR.search(fact.q), CEILING.search(fact.q)
        asked = AT_LEAST if floor and not ceiling else AT_MOST if ceiling and not floor else ()
        if not asked:
            continue  # 'more than how many': the question's own comparison, checked elsewhere
        checked += 1
        other = AT_MOST if asked is AT_LEAST else AT_LEAST
        refused += [(fact.id, s.format(fact.a)) for s in asked if not correct(s.format(fact.a), fact, known)]
        passed += [(fact.id, s.format(fact.a)) for s in other + STRICT if correct(s.format(fact.a), fact, known)]
    assert refused == [] and passed == []
    assert checked or not any(FLOOR.search(f.q) or CEILING.search(f.q) for f in bank.facts if f.kind == "number")


def test_a_percentage_written_as_a_fraction_is_close_and_another_fraction_wrong(bank):
    bank, known = bank
    graded, checked = [], 0
    for fact in bank.facts:
        share = re.fullmatch(r"(\d{1,2})\s*%", fact.a)
        if fact.kind != "number" or not share:
            continue
        checked += 1
        value = Decimal(share.group(1)) / 100
        for typed, want in ((f"{value}", ALMOST), (f"{value + Decimal('0.01')}", WRONG), (f"{value * 10}", WRONG)):
            if grade(typed, fact, known) != want:
                graded.append((fact.id, typed, grade(typed, fact, known)))
    assert graded == []
    assert checked or not any(re.fullmatch(r"\d{1,2}\s*%", f.a) for f in bank.facts)
    assert checked or not any(re.fullmatch(r"\d{1,2}\s*%", f.a) for f in bank.facts)
