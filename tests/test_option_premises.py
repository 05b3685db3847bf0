"""Options that respect the card's own premise (tests/content/option-premises.yaml, issue 21): for
each listed fact, over many seeds and every requested answer position, no multiple-choice option
and no swap of a false statement falls outside the bound the card states ("resumed after their 2014
pause" never offers 2013). The bounds are the curated file's, read from the cards and articles."""

import random
import re

import pytest
from conftest import ROOT

from quizgen.bank.loader import load_banks
from quizgen.bank.yamlfile import read_yaml
from quizgen.questions import multiple_choice, true_false

PREMISES = read_yaml(ROOT / "tests" / "content" / "option-premises.yaml", "tests/content/option-premises.yaml")
SEEDS = range(200)


@pytest.fixture(scope="module")
def facts():
    (bank,) = load_banks(ROOT / "decks", ROOT / "seeds")
    return bank, {fact.id: fact for fact in bank.facts}


def _value(option: str) -> int:
    match = re.search(r"\d[\d,]*", option)
    assert match, f"option {option!r} holds no number"
    return int(match.group().replace(",", ""))


def _fits(entry, value: int) -> bool:
    above, below = entry.get("above"), entry.get("below")
    return (above is None or value > int(above)) and (below is None or value < int(below))


@pytest.mark.parametrize("entry", PREMISES, ids=[entry["id"] for entry in PREMISES])
def test_no_option_contradicts_the_premise_the_card_states(facts, entry):
    bank, by_id = facts
    fact = by_id.get(entry["id"])
    assert fact is not None, f"{entry['id']}: no such live fact (update tests/content/option-premises.yaml)"
    assert _fits(entry, _value(fact.a)), f"{fact.id}: the answer itself breaks the listed bound"
    shown: set[str] = set()
    for seed in SEEDS:
        for position in (None, 0, 1, 2, 3):
            shown.update(multiple_choice(fact, bank, random.Random(seed), position=position).options)
        statement = true_false(fact, bank, random.Random(seed), truth=False)
        if statement is not None and statement.swapped:
            shown.add(statement.swapped)
    wrong = sorted(option for option in shown if not _fits(entry, _value(option)))
    assert not wrong, f"{fact.id}: options {wrong} contradict the premise ({entry['why']})"
    assert len(shown - {fact.a}) >= 3, f"{fact.id}: fewer than three wrong options seen"
