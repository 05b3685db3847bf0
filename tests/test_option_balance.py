"""Where the right option sits: never always at an end of ordered values, spread over positions otherwise."""

import random
from collections import Counter

import pytest
from conftest import FIXTURES, ROOT

from quizgen.bank.loader import load_banks
from quizgen.errors import NotEnoughOptions
from quizgen.questions.choice import multiple_choice
from quizgen.questions.values import scale_of

SEEDS = range(40)
BANKS = {
    "bundled": (ROOT / "decks", ROOT / "seeds"),
    "quiz fixture": (FIXTURES / "quiz-bank" / "decks", FIXTURES / "quiz-bank" / "seeds"),
}


def questions(bank, fact):
    found = []
    for seed in SEEDS:
        try:
            found.append(multiple_choice(fact, bank, random.Random(seed)))
        except NotEnoughOptions:
            return []
    return found


@pytest.fixture(scope="module", params=sorted(BANKS))
def bank(request):
    return load_banks(*BANKS[request.param])[0]


def test_ordered_answers_sit_inside_whenever_values_exist_on_both_sides(bank):
    for fact in bank.facts:
        asked = [q for q in questions(bank, fact) if q.ordered]
        if not asked:
            continue
        answer = scale_of(fact.kind, fact.a).value
        seen = {scale_of(fact.kind, o).value for q in asked for o in q.options}
        if not (min(seen) < answer < max(seen)):
            continue  # one side has no certainly wrong value at all (a year of the article itself)
        at_end = sum(1 for q in asked if q.answer in (0, len(q.options) - 1))
        # drawn evenly over what both sides can supply: at most half at an end, plus noise
        assert at_end <= 0.75 * len(asked), (fact.id, at_end, len(asked))


def test_unordered_answers_move_between_positions(bank):
    totals = Counter()
    for fact in bank.facts:
        asked = [q for q in questions(bank, fact) if not q.ordered]
        if not asked:
            continue
        positions = Counter(q.answer for q in asked)
        assert len(positions) >= 2, fact.id
        totals.update(positions)
    if sum(totals.values()) >= 400:
        share = {p: n / sum(totals.values()) for p, n in totals.items()}
        assert all(0.15 <= s <= 0.35 for s in share.values()), share
