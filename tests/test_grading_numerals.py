"""Roman numerals and countries' other names, over every typed fact of both banks (rv8-quiz L3).

'VIII' for 8 and 'Article III' for Article 3 are Correct (capitals of I, V, X are sure); 'viii' is
close; another numeral is never Correct. 'Deutschland' for Germany is close, another country's own
name never Correct. The numerals and names come from the tables below, not from the grader.
"""

from __future__ import annotations

import re

import pytest
from test_quiz_grading_properties import BANKS

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer

ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()  # 1 to 20
OWN_NAMES = {
    "Germany": "Deutschland",
    "Italy": "Italia",
    "France": "Frankreich",
    "Poland": "Polska",
    "Finland": "Suomi",
}


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    (loaded,) = load_banks(*BANKS[request.param])
    return loaded, Lexicon.of(loaded.facts), request.param


def grade(text, fact, known):
    return grade_answer(text, fact, known).grade


def test_a_roman_numeral_is_its_number_and_no_other(bank):
    """A lone 'X' or 'V', or small letters ('viii'), may be a word: close, unless an alt spells it."""
    bank, known, name = bank
    graded, passed, checked = {}, [], 0
    for fact in bank.facts:
        number = re.fullmatch(r"(\D*?)\b([2-9]|1\d)\b(\D*)", fact.a)  # one number of 2-19, in a single answer
        if not number or re.search(r"\band\b|,|%|\$|€", fact.a) or grade(fact.a, fact, known) != CORRECT:
            continue
        n = int(number.group(2))
        before, after = number.group(1), number.group(3)
        checked += 1
        alts = {form.lower() for form in fact.alt}
        for numeral in (ROMAN[n - 1], ROMAN[n - 1].lower()):
            typed = f"{before}{numeral}{after}"
            sure = len(numeral) > 1 and numeral.isupper()
            graded[(fact.id, typed)] = (grade(typed, fact, known), CORRECT if sure or typed.lower() in alts else ALMOST)
        for typed in (f"{before}{ROMAN[n]}{after}", f"not {before}{ROMAN[n - 1]}{after}"):
            if grade(typed, fact, known) == CORRECT:
                passed.append((fact.id, typed))
    assert {key: got for key, (got, want) in graded.items() if got != want} == {}
    assert passed == []
    assert checked or name != "bundled"


def test_a_countrys_own_name_is_close_and_another_countrys_never_correct(bank):
    bank, known, _ = bank
    graded, passed = {}, []
    for fact in bank.facts:
        if fact.kind != "place" or fact.a not in OWN_NAMES:
            continue
        graded[(fact.id, OWN_NAMES[fact.a])] = grade(OWN_NAMES[fact.a], fact, known)
        for country, own in OWN_NAMES.items():
            if country != fact.a and grade(own, fact, known) == CORRECT:
                passed.append((fact.id, own))
            if country != fact.a and grade(f"not {OWN_NAMES[fact.a]}", fact, known) != WRONG:
                passed.append((fact.id, f"not {OWN_NAMES[fact.a]}"))
    assert {key: got for key, got in graded.items() if got != ALMOST} == {}
    assert passed == []


SCALES = {"billion": ("bn", " bln", "B", " billion"), "million": ("m", " mln", " million")}


def test_a_scale_in_shorthand_is_the_number_and_another_number_is_not(bank):
    """'80B', '80 bln $' for 80 billion US dollars (rv7 L3): correct; '81B' never."""
    bank, known, _ = bank
    refused, passed = [], []
    for fact in bank.facts:
        found = re.fullmatch(r"(\d+) (billion|million)( US dollars| euros)?", fact.a)
        if fact.kind != "number" or not found:
            continue
        n, scale = int(found.group(1)), found.group(2)
        money = {" US dollars": " $", " euros": " €"}.get(found.group(3) or "", "")
        for short in SCALES[scale]:
            if not correct(f"{n}{short}{money}", fact, known):
                refused.append((fact.id, f"{n}{short}{money}"))
            if grade(f"{n + 1}{short}{money}", fact, known) == CORRECT:
                passed.append((fact.id, f"{n + 1}{short}{money}"))
    assert refused == [] and passed == []


def correct(text, fact, known):
    return grade(text, fact, known) == CORRECT


FRENCH = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def test_a_year_or_date_in_other_words_is_close_and_another_one_never_correct(bank):
    """'в 2014' ('in 2014'), '1994 1994' (rv8 L3, L4): close; 'mai 2002': never Wrong; the same with
    another year or month, or 'не' ('not'), is never Correct."""
    bank, known, _ = bank
    graded, passed = {}, []
    for fact in bank.facts:
        when = fact.when
        year = re.fullmatch(r"(1[89]\d\d|20\d\d)", fact.a)
        if fact.kind in ("year", "date") and year:
            other = str(int(fact.a) + 1)
            for typed in (f"в {fact.a}", f"{fact.a} {fact.a}"):
                graded[(fact.id, typed)] = grade(typed, fact, known)
            for typed in (f"в {other}", f"{other} {other}", f"не {fact.a}", f"{fact.a} {other}"):
                if grade(typed, fact, known) == CORRECT:
                    passed.append((fact.id, typed))
        month = re.fullmatch(r"([A-Z][a-z]+) (\d{4})", fact.a)
        if fact.kind in ("year", "date") and month and when and when.month:
            typed = f"{FRENCH[when.month - 1]} {when.year}"
            if grade(typed, fact, known) == WRONG:  # 'avril' is also a slip of 'april': correct by that rule
                graded[(fact.id, typed)] = WRONG
            wrong = f"{FRENCH[when.month % 12]} {when.year}"
            if grade(wrong, fact, known) == CORRECT:
                passed.append((fact.id, wrong))
    assert {key: value for key, value in graded.items() if value != ALMOST} == {}
    assert passed == []


FORMER = {"North Macedonia": ("Macedonia", "FYROM"), "Turkey": ("Türkiye",), "Czech Republic": ("Czechia",)}


def test_a_countrys_former_or_official_name_is_never_wrong_nor_another_countrys_correct(bank):
    bank, known, _ = bank
    harsh, passed = [], []
    for fact in bank.facts:
        if fact.kind != "place" or fact.a not in FORMER:
            continue
        for name in FORMER[fact.a]:
            if grade(name, fact, known) == WRONG:
                harsh.append((fact.id, name))
            if grade(f"not {name}", fact, known) == CORRECT:
                passed.append((fact.id, f"not {name}"))
        for country, names in FORMER.items():
            if country != fact.a and any(grade(name, fact, known) == CORRECT for name in names):
                passed.append((fact.id, names))
    assert harsh == [] and passed == []
