"""What a correct typed answer may hold: a whitelist, proved over every typed fact of the bundled bank
and of the sixth-article fixture bank (review rv5 S1, L1).

The whitelist below is the README's ("Typed answers"), written out here, not taken from the grader:
letters, digits (Nd), white space, accents (Mn but the strike-through overlays), the listed
punctuation and the comparison signs the grader reads. Any other character (a symbol, a currency
sign that is not the answer's, a private-use or format character, an overlay) added before, after or
inside a number of an accepted answer leaves it at best close, never Correct; so do a hedge ('about',
'circa', 'c.') before an exact number, year or date, and an ordinal ('7th') for a count.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sixth_article import add_sixth_article

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import CORRECT, grade_answer

TYPED = ("person", "place", "organization", "number", "year", "date", "term", "event", "document")
README_PUNCTUATION = set(".,;:!?'\"()[]{}-_/&‐‑‒–—―‘’‚‛“”„‟«»…")
READ_SIGNS = set("<>≤≥")
MONEY_SIGNS = set("$€£")
OVERLAYS = [chr(c) for c in (0x0334, 0x0335, 0x0336, 0x0337, 0x0338, 0x20D2, 0x20D3, 0x20E5)]
# what a learner may paste: one of each category the whitelist leaves out (the Hypothesis tests draw more)
SAMPLES = ["❌", "🚫", "≠", "¬", "¥", "₽", "^", "‰", "*", "‹", "\u200b", "\ue000", "〜", "\u0336", "\u20d2"]
MONEY = re.compile(r"dollar|euro|pound|rouble|ruble|usd|eur|gbp|[$€£]", re.IGNORECASE)
DOLLAR_WORDS = re.compile(r"\s*(us )?dollars?|\$", re.IGNORECASE)
HEDGE = re.compile(r"\b(about|around|approximately|approx|roughly|circa|ca|c|some|nearly|almost)\b|~", re.IGNORECASE)


@lru_cache(maxsize=1)
def banks():
    bundled = load_banks(ROOT / "decks", ROOT / "seeds")[0]
    folder = Path(tempfile.mkdtemp(prefix="quizgen-marks-"))
    try:
        shutil.copytree(ROOT / "decks", folder / "decks")
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        add_sixth_article(folder)
        sixth = load_banks(folder / "decks", folder / "seeds")[0]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [(bank, Lexicon.of(bank.facts)) for bank in (bundled, sixth)]


def cases():
    """(fact, accepted form, lexicon) for every typed fact's answer and alt of both banks."""
    return [
        (fact, form, known)
        for bank, known in banks()
        for fact in bank.facts
        if fact.kind in TYPED
        for form in (fact.a, *fact.alt)
    ]


def is_money(fact) -> bool:
    return bool(MONEY.search(" ".join((fact.a, *fact.alt))))


def placed(form: str, ch: str) -> list[str]:
    """`ch` before, after (a space between), and glued to the first and the last number of `form`."""
    texts = [f"{ch}{form}", f"{form} {ch}"]
    digits = [m.start() for m in re.finditer(r"\d", form)]
    if digits:
        texts += [form[: digits[0]] + ch + form[digits[0] :], form[: digits[-1] + 1] + ch + form[digits[-1] + 1 :]]
    return texts


def may_be_correct(ch: str, fact, form: str) -> bool:
    """The whitelist: where `ch` may leave an answer correct."""
    held = {c for text in (fact.a, *fact.alt) for c in unicodedata.normalize("NFD", text)}
    if ch in held or ch in README_PUNCTUATION or ch in READ_SIGNS:
        return True
    if ch == "%":  # README: `%` where the answer is a share
        return bool(re.search(r"%|per ?cent", " ".join((fact.a, *fact.alt)), re.IGNORECASE))
    return ch in MONEY_SIGNS and is_money(fact)


def wrongly_correct(ch: str) -> list[tuple[str, str]]:
    return [
        (fact.id, text)
        for fact, form, known in cases()
        if not may_be_correct(ch, fact, form)
        for text in placed(form, ch)
        if grade_answer(text, fact, known).grade == CORRECT
    ]


def test_the_banks_hold_typed_facts_of_every_answer_shape():
    kinds = {fact.kind for fact, _, _ in cases()}
    assert {"person", "number", "year", "date", "place"} <= kinds
    assert len(banks()[1][0].facts) > len(banks()[0][0].facts)  # the sixth article is in the second


@pytest.mark.parametrize("ch", SAMPLES, ids=[f"U+{ord(c):04X}" for c in SAMPLES])
def test_a_character_outside_the_whitelist_never_leaves_any_answer_correct(ch):
    assert wrongly_correct(ch) == []


CATEGORIES = st.characters(categories=["So", "Sm", "Sc", "Sk", "Pd", "Po", "Co", "Cf"]).filter(
    lambda c: c not in README_PUNCTUATION | READ_SIGNS and unicodedata.normalize("NFD", c) == c
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ch=st.one_of(CATEGORIES, st.sampled_from(OVERLAYS)), pick=st.integers(min_value=0))
def test_any_drawn_symbol_or_format_character_never_leaves_an_answer_correct(ch, pick):
    every = cases()
    fact, form, known = every[pick % len(every)]
    if may_be_correct(ch, fact, form):
        return
    passed = [text for text in placed(form, ch) if grade_answer(text, fact, known).grade == CORRECT]
    assert passed == [], (fact.id, passed)


def test_a_currency_sign_on_an_answer_that_is_no_money_is_never_correct():
    passed = [
        (fact.id, text)
        for fact, form, known in cases()
        if not is_money(fact) and re.search(r"\d", form)
        for sign in sorted(MONEY_SIGNS)
        if sign not in form
        for text in (f"{sign}{form}", f"{form}{sign}", f"{form} {sign}")
        if grade_answer(text, fact, known).grade == CORRECT
    ]
    assert passed == []


def test_another_dollar_is_never_correct_for_a_dollar_answer():
    dollars = [(f, form, k) for f, form, k in cases() if re.search(r"dollar|\$", form, re.IGNORECASE)]
    assert dollars, "the bank has a dollar amount"
    passed = [
        (fact.id, text)
        for fact, form, known in dollars
        for prefix in ("C$", "A$", "HK$", "NZ$", "R$")
        for text in (prefix + DOLLAR_WORDS.sub("", form),)
        if grade_answer(text, fact, known).grade == CORRECT
    ]
    assert passed == []


@pytest.mark.parametrize("hedge", ["about", "circa", "c.", "ca", "roughly", "around", "approximately", "~"])
def test_a_hedge_before_an_exact_number_year_or_date_is_never_correct(hedge):
    exact = [
        (fact, form, known)
        for fact, form, known in cases()
        if fact.kind in ("number", "year", "date") and not HEDGE.search(" ".join((fact.q, fact.a, *fact.alt)))
    ]
    assert exact
    passed = [
        (fact.id, f"{hedge} {form}")
        for fact, form, known in exact
        if grade_answer(f"{hedge} {form}", fact, known).grade == CORRECT
    ]
    assert passed == []


def test_an_ordinal_for_a_count_is_never_correct():
    counts = [(f, form, k) for f, form, k in cases() if f.kind == "number" and re.fullmatch(r"\d+", form)]
    assert counts
    suffix = {"1": "st", "2": "nd", "3": "rd"}
    passed = [
        (fact.id, text)
        for fact, form, known in counts
        for text in (form + ("th" if form[-2:-1] == "1" else suffix.get(form[-1], "th")),)
        if grade_answer(text, fact, known).grade == CORRECT
    ]
    assert passed == []


def test_a_percent_sign_on_an_answer_that_is_no_share_is_never_correct():
    """rv7-quiz S1: '2014%', '%2007', '24 February 2022%' are no year or date."""
    passed = [
        (fact.id, text)
        for fact, form, known in cases()
        if not may_be_correct("%", fact, form) and re.search(r"\d", form)
        for text in (f"{form}%", f"%{form}", f"{form} %")
        if grade_answer(text, fact, known).grade == CORRECT
    ]
    assert passed == []


def test_a_bang_or_dash_glued_before_the_answer_is_never_correct():
    """rv7-quiz M1: '!Sochi', '-Germany', '!1994' often mean 'not'; the learner decides."""
    passed = [
        (fact.id, text)
        for fact, form, known in cases()
        if not re.match(r"[!-]", form)
        for text in (f"!{form}", f"-{form}" if not form[:1].isdigit() else f"!{form}")
        if grade_answer(text, fact, known).grade == CORRECT
    ]
    assert passed == []
