"""Grading properties over every typed fact of a bank (the bundled one and the quiz test deck).

Each property states what a teacher knows without the matcher: an `alt` is right; the answer
after "not" or "before" is not; two answers are a hedge; another unit, currency or calendar day
is another answer; the question's own "more than how many" may be echoed. The expected values
come from the facts and from the small tables below, never from the code under test.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from pathlib import Path

import pytest

from quizgen.bank.loader import load_banks
from quizgen.quiz.lexicon import Lexicon
from quizgen.quiz.matcher import CORRECT, grade_answer, normalize

ROOT = Path(__file__).resolve().parents[1]
BANKS = {"bundled": (ROOT / "decks", ROOT / "seeds"),
         "quiz-deck": (ROOT / "tests/fixtures/quiz-bank/decks", ROOT / "tests/fixtures/quiz-bank/seeds")}
TYPED = ("person", "place", "organization", "number", "year", "date", "term", "event", "document")
NEGATIONS = ("not", "no", "never", "before", "after", "except")
# The question asks with the word itself: "Since which year" may be answered "since 1998".
ASKED = {"before": r"\b(before|until) (which|what) year", "after": r"\b(since|after) (which|what) year"}
ASKED_NUMBER = re.compile(r"\b(more than|up to|fewer than|less than|since|until) (how many|how much|which year)\b",
                          re.IGNORECASE)
UNIT_WORDS = {"percent": "%", "euros": "eur", "dollars": "usd", "pounds": "gbp", "roubles": "rub", "years": "year",
              "months": "month", "weeks": "week", "days": "day", "kilometres": "km", "tonnes": "tonne"}
UNIT_NAMES = {"%": ("%", "percent", "per cent"), "usd": ("dollar", "usd", "$"), "eur": ("euro", "eur", "€"),
              "gbp": ("pound", "gbp", "£"), "rub": ("rouble", "ruble"), "year": ("year",), "month": ("month",),
              "week": ("week",), "day": ("day",), "km": ("kilomet", "km"), "tonne": ("tonne", "ton")}


def load(name):
    (bank,) = load_banks(*BANKS[name])
    return bank, Lexicon.of(bank.facts)


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    return load(request.param)


def typed_facts(bank):
    return [fact for fact in bank.facts if fact.kind in TYPED]


def correct(text, fact, known):
    return grade_answer(text, fact, known).grade == CORRECT


def test_the_answer_and_every_alt_is_correct(bank):
    bank, known = bank
    wrong = [(fact.id, form) for fact in typed_facts(bank) for form in (fact.a, *fact.alt)
             if not correct(form, fact, known)]
    assert wrong == []


def test_the_answer_after_a_negation_or_comparison_is_never_correct(bank):
    bank, known = bank
    passed = []
    for fact in typed_facts(bank):
        for word in NEGATIONS:
            if word in ASKED and re.search(ASKED[word], fact.q, re.IGNORECASE):
                continue  # the question's own word: see the last test
            for form in (fact.a, *fact.alt):
                for typed in (f"{word} {form}", f"{word.capitalize()} {form}", f"{form}, {word}"):
                    if correct(typed, fact, known):
                        passed.append((fact.id, typed))
    assert passed == []


def test_the_answer_with_another_answer_of_the_same_kind_is_never_correct(bank):
    bank, known = bank
    passed = []
    for fact in typed_facts(bank):
        own = {normalize(form) for form in (fact.a, *fact.alt)}
        others = {other.a for other in bank.facts if other.kind == fact.kind and normalize(other.a) not in own}
        for number, other in enumerate(sorted(others)):
            if set(normalize(other).split()) <= {w for form in own for w in form.split()}:
                continue  # 'Putin' beside 'Vladimir Putin' adds nothing
            # every pair once, the four ways of listing taken in turn (all four over the bank)
            typed = (f"{fact.a}, {other}", f"{other} and {fact.a}", f"{fact.a} or {other}",
                     f"{fact.a} / {other}")[number % 4]
            if correct(typed, fact, known):
                passed.append((fact.id, typed))
    assert passed == []


def _units_in(text):
    text = text.lower()
    return {unit for unit, names in UNIT_NAMES.items() if any(name in text for name in names)}


def test_a_number_with_another_unit_or_currency_is_never_correct(bank):
    bank, known = bank
    passed, checked = [], 0
    for fact in bank.facts:
        if fact.kind != "number":
            continue
        number = re.search(r"\d[\d,.]*", fact.a)
        if not number:
            continue
        mentioned = _units_in(fact.a + " " + fact.q + " " + " ".join(fact.alt))
        for word, unit in UNIT_WORDS.items():
            if unit in mentioned:
                continue
            checked += 1
            for typed in (f"{number.group()} {word}", f"{fact.a} {word}"):
                if correct(typed, fact, known):
                    passed.append((fact.id, typed))
    assert passed == []
    assert checked or not any(fact.kind == "number" for fact in bank.facts)


def _calendar_date(text):
    """(year, month, day) of '24 February 2022', 'May 2002' or '1991', read without quizgen's reader."""
    for pattern, parts in (("%d %B %Y", 3), ("%B %Y", 2), ("%Y", 1)):
        try:
            moment = datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
        return moment.year, moment.month if parts > 1 else None, moment.day if parts > 2 else None
    return None


def _spoken(year, month, day):
    name = calendar.month_name[month] if month else ""
    return " ".join(str(part) for part in (day, name, year) if part)


def test_a_date_with_another_day_month_or_year_is_never_correct(bank):
    bank, known = bank
    passed, checked = [], 0
    for fact in bank.facts:
        if fact.kind not in ("date", "year"):
            continue
        parsed = _calendar_date(fact.a)
        if parsed is None:
            continue
        year, month, day = parsed
        accepted = {_calendar_date(form) for form in fact.alt}  # an alt the curators give is right
        variants = [(year + 1, month, day), (year - 1, month, day)]
        if month:
            variants += [(year, month % 12 + 1, min(day, 28) if day else None)]
        if day:
            variants += [(year, month, day % 28 + 1)]
        for variant in variants:
            if variant == parsed or variant in accepted:
                continue
            checked += 1
            for typed in (_spoken(*variant), "-".join(f"{n:02d}" for n in variant if n)):
                if correct(typed, fact, known):
                    passed.append((fact.id, typed))
        if day:  # calendar-valid only: 30 February is no day
            checked += 1
            if correct(f"30 February {year}", fact, known) or correct(f"31 April {year}", fact, known):
                passed.append((fact.id, "an impossible day"))
    assert passed == []
    assert checked or not any(fact.kind in ("date", "year") for fact in bank.facts)


def test_the_questions_own_qualifier_before_the_answer_is_correct(bank):
    bank, known = bank
    refused = []
    for fact in bank.facts:
        asked = ASKED_NUMBER.search(fact.q)
        if fact.kind not in ("number", "year") or not asked or not fact.a[:1].isdigit():
            continue
        typed = f"{asked.group(1).lower()} {fact.a}"
        if not correct(typed, fact, known):
            refused.append((fact.id, typed))
    assert refused == []


def test_every_bundled_typed_fact_is_checked():
    bank, _ = load("bundled")
    assert len(typed_facts(bank)) >= 100
