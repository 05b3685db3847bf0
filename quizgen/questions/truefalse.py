"""True/false statements: the cloze sentence as written, or with a same-kind answer swapped in."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.questions.answers import answer_key, content_words, is_wrong
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.distractors import pick_distractors
from quizgen.questions.sentence import answer_deletion, with_answer
from quizgen.questions.values import SCALED_KINDS


@dataclass(frozen=True)
class TrueFalse:
    """A statement to mark true or false; a false one names what was swapped in."""

    fact: Fact
    statement: str
    true: bool
    swapped: str | None = None   # the wrong answer put in place of the right one

    @property
    def correction(self) -> str | None:
        """For the key: the true statement, when this one is false."""
        return None if self.true else with_answer(self.fact)


def true_false(fact: Fact, bank: Bank, rng: random.Random, truth: bool | None = None) -> TrueFalse | None:
    """A statement from the cloze sentence; false only when a certainly-wrong swap exists.

    `truth` asks for a true or a false statement; a fact that cannot be made false gives a true one.
    None when the fact has no cloze sentence.
    """
    if not fact.cloze:
        return None
    want_true = rng.random() < 0.5 if truth is None else truth
    swaps = [] if want_true else false_swaps(fact, bank, rng)
    if not swaps:
        return TrueFalse(fact, with_answer(fact), True)
    swapped = swaps[0]
    return TrueFalse(fact, with_answer(fact, swapped), False, swapped)


def can_be_false(fact: Fact, bank: Bank) -> bool:
    return bool(false_swaps(fact, bank, random.Random(0)))


def false_swaps(fact: Fact, bank: Bank, rng: random.Random) -> list[str]:
    """Wrong answers that make the sentence certainly false, best first.

    Only three sources are certain enough: the curator's own distractors, values synthesised
    near a year/date/number, and people who never held the role the sentence names.
    """
    if answer_deletion(fact) is None:
        return []  # the gap does not hold the answer itself, so a swap would not read right
    truths = true_answers(fact, bank)
    if fact.distractors:
        swaps = list(fact.distractors)
        rng.shuffle(swaps)
    elif fact.kind in SCALED_KINDS:
        swaps = pick_distractors(fact, bank, rng, 2)
    elif fact.kind == "person":
        swaps = _people_without_role(fact, bank, rng)
    else:
        return []
    # a swap already named elsewhere in the sentence would make it odd, or even true
    rest = with_answer(fact, "")
    return [text for text in swaps if is_wrong(text, truths, rest, (text,))]


def _people_without_role(fact: Fact, bank: Bank, rng: random.Random) -> list[str]:
    """Other people who never held the role the sentence gives the answer ('German Foreign Minister')."""
    role = content_words(fact.role or "")
    sentence = content_words(with_answer(fact))
    if len(role) < 2 or len(role & sentence) < 2:
        return []  # the sentence does not name the role, so another person might fit it
    catalog = catalog_of(bank)
    people = []
    for other in catalog.facts.get("person", ()):
        held = catalog.roles.get(answer_key(other.a), frozenset())
        if len(role & held) < 2 and other.a not in people:
            people.append(other.a)
    rng.shuffle(people)
    return people
