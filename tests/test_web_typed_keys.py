"""The study page's key classes, proved over random texts: any text whose key is one the build lists
for a fact is graded Correct by the terminal quiz, whatever stands between its digits and words."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_web_typed import BANKS

from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import CORRECT, grade_answer
from quizgen.web.typed import candidates, page_key, typed_keys

# what a learner's keyboard puts between words and digits: spaces of several widths, dashes, quotes,
# sentence marks, a sign glued before a word ('!Sochi', '-Germany' may mean "not")
MARKS = (" ", "  ", " - ", "-", "–", ", ", ",", ".", ". ", "\u00a0", "\u2009", "'", ":", "", "/", " !", "!", "(", ")")
_RUNS = re.compile(r"[^\W_]+|[\W_]+")


@lru_cache(maxsize=1)
def keyed_forms() -> list[tuple[str, str, str]]:
    """(bank, fact id, form) for every form of every fact of both banks whose key the page lists."""
    rows = []
    for name in BANKS:
        bank = BANKS[name]()
        known = Lexicon.of(bank.facts)
        for fact in bank.facts:
            keys = set(typed_keys(fact, known))
            rows += [(name, fact.id, form) for form in dict.fromkeys(candidates(fact, known)) if page_key(form) in keys]
    return rows


@lru_cache(maxsize=2)
def bank_of(name: str):
    bank = BANKS[name]()
    return bank, Lexicon.of(bank.facts)


@st.composite
def retyped(draw) -> tuple[str, str, str]:
    """A keyed form with each run of non-letters (and its two ends) maybe swapped for other marks,
    and its letters' case changed: (bank, fact id, text)."""
    name, fact_id, form = draw(st.sampled_from(keyed_forms()))
    runs = _RUNS.findall(form)
    out = [draw(st.sampled_from(("", "", "the ", "-", "!", "(", " ")))]
    for run in runs:
        if not run[0].isalnum() and draw(st.booleans()):
            run = "".join(draw(st.lists(st.sampled_from(MARKS), min_size=1, max_size=2)))
        elif run[0].isalpha() and draw(st.booleans()):
            run = run.upper()
        elif run[0].isdigit() and len(run) > 1 and draw(st.integers(0, 3)) == 0:
            at = draw(st.integers(1, len(run) - 1))  # a mark put inside a number: '1500' -> '1 500', '15-00'
            run = run[:at] + draw(st.sampled_from(MARKS)) + run[at:]
        out.append(run)
    out.append(draw(st.sampled_from(("", ".", " !", "?", ")", " -"))))
    return name, fact_id, "".join(out)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(retyped())
def test_a_text_with_a_listed_key_is_correct_in_the_terminal(case: tuple[str, str, str]):
    name, fact_id, text = case
    bank, known = bank_of(name)
    fact = bank.by_id[fact_id]
    if page_key(text) in typed_keys(fact, known):
        assert grade_answer(text, fact, known).grade == CORRECT, (fact_id, text, page_key(text))


def test_what_stands_between_two_digits_is_kept():
    """Written by hand: nothing between two digits is folded; the build lists each grouping of a
    number that the terminal takes ('1 500 soldiers', the README's thousands separator)."""
    texts = ("1 - 500", "1-500", "1  500", "1, 500", "1 ,500", "1.500", "1500", "1 500", "1,500")
    assert len({page_key(text) for text in texts}) == len(texts)
    assert page_key("March 22, 2020") != page_key("March 22 2020") != page_key("March 22 - 2020")
    assert page_key("-less than 40%") != page_key("less than 40%") != page_key("!less than 40%")
    assert page_key("(-Germany)") != page_key("(Germany)") == page_key("Germany") == "germany"
    assert page_key("Germany!") == page_key("Germany - ") == "germany"
    bank, known = bank_of("sixth-article")
    keys = typed_keys(bank.by_id["fx-kosovo-force-soldiers"], known)  # a: "3,600 soldiers", alt "3 600 soldiers"
    for right in ("3,600 soldiers", "3 600 soldiers", "3600 soldiers", "3\u00a0600 soldiers", "3,600", "3 600"):
        assert page_key(right) in keys, right
    for wrong in ("3 - 600 soldiers", "3-600 soldiers", "3  600 soldiers", "3, 600", "36,00", "360 soldiers"):
        assert page_key(wrong) not in keys, wrong
