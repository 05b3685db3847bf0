"""True/false statements: the cloze sentence as written, or a plain one with a wrong option swapped in."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from quizgen import cloze
from quizgen.model import Bank, Fact
from quizgen.questions.answers import is_wrong
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import hedged, listed
from quizgen.questions.distractors import exact_value, pick_distractors
from quizgen.questions.sentence import answer_deletion, around_answer, with_answer
from quizgen.text import content_words

# "closed even the last gate of dialogue": an inclusive extreme, true of more than its own value
_EVEN = re.compile(r"\beven\b", re.IGNORECASE)


@dataclass(frozen=True)
class TrueFalse:
    """A statement to mark true or false; a false one names what was swapped in."""

    fact: Fact
    statement: str
    true: bool
    swapped: str | None = None  # the wrong answer put in place of the right one

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

    Only a plain positive sentence can be made false by a swap: in one that negates, compares,
    approximates or lists (the answer one item of 'A, B and C'), the swapped-in value may keep it
    true or the rest of the list true ("not Article 4", "more than
    1,400"). The swaps are the certainly wrong options multiple choice would offer.
    """
    if not fact.cloze:
        return []  # cloze is optional: a fact with no sentence has none to make false
    sentence = cloze.fill(fact.cloze_text)
    if (
        answer_deletion(fact) is None
        or hedged(sentence)
        or _EVEN.search(sentence)
        or listed(*around_answer(fact), fact.kind)
    ):
        return []
    truths = true_answers(fact, bank)
    swaps = pick_distractors(fact, bank, rng, 3)
    if not exact_value(fact):
        # "NATO Liaison Office" for "NATO Military Liaison Mission" may name the same thing: a swap
        # sharing a telling word with the answer can leave the statement true
        # and one naming what the fact's own quote or note speaks of ("any window of cooperation")
        # the article may say too
        common = catalog_of(bank).common_words
        telling = content_words(fact.a) - common
        context = content_words(" ".join(text for text in (fact.quote, fact.note) if text)) - common
        swaps = [text for text in swaps if not content_words(text) & telling and not content_words(text) & context]
    # a swap already named elsewhere in the sentence would make it odd, or even true
    rest = with_answer(fact, "")
    return [text for text in swaps if is_wrong(text, truths, rest, (text,))]
